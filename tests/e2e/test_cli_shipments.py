"""The real command recording shipments and their serial numbers (rules.md section 10):
``import shipments``, a serial shipped twice refused with both rows named, a bad file
writing nothing (exit 2), and ``export shipments`` giving back what was imported."""

from __future__ import annotations

from pathlib import Path

from tests.e2e import test_cli
from tests.e2e.test_cli import Run, _json
from tests.e2e.test_cli_screen import _files

cli_env = test_cli.cli_env
run = test_cli.run

SHIPMENTS = (
    "order_ref,shipment_ref,shipped_on,product_ref,serial\n"
    "SO-MC,SHP-1,2026-03-10,H100,1654922012345\n"
    "SO-MC,SHP-1,2026-03-10,H100,1654922012346\n"
)


def _ready(run: Run, tmp_path: Path) -> None:
    files = _files(tmp_path)
    for kind in ("parties", "products", "certifications", "orders"):
        assert run("import", kind, str(files[kind])).returncode == 0


def test_shipments_import_export_and_import_again(run: Run, tmp_path: Path) -> None:
    _ready(run, tmp_path)
    path = tmp_path / "shipments.csv"
    path.write_text(SHIPMENTS, encoding="utf-8")
    done = _json(run("--json", "import", "shipments", str(path)))
    assert (done["created"], done["unchanged"]) == (2, 0)
    again = _json(run("--json", "import", "shipments", str(path)))
    assert (again["created"], again["unchanged"]) == (0, 2)
    exported = run("export", "shipments")
    assert exported.returncode == 0
    assert exported.stdout == SHIPMENTS


def test_a_serial_shipped_twice_is_refused_with_both_rows_and_nothing_written(
    run: Run, tmp_path: Path
) -> None:
    _ready(run, tmp_path)
    path = tmp_path / "twice.csv"
    path.write_text(SHIPMENTS + "SO-ZP,SHP-2,2026-03-12,H100,1654922012345\n", encoding="utf-8")
    refused = run("import", "shipments", str(path))
    assert refused.returncode == 2
    assert "twice.csv, row 4, field serial" in refused.stderr
    assert "appears twice: already on row 2" in refused.stderr
    assert run("export", "shipments").stdout == SHIPMENTS.splitlines(keepends=True)[0]
