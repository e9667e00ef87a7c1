"""TPP figures stay exact to the last unit through the whole desk, past 2**53.

A float holds every whole number only up to 2**53 (9,007,199,254,740,992): beyond it a quota
sum silently drops units. Here one IC of 2**53 + 1 TPP is imported, ordered under AIA twice, and
the figures are read back from the decision, the consignee's standing, the export and the
audit, each to the last unit.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from domain.csvio import HEADERS, CsvKind
from tests.e2e import test_cli
from tests.e2e.test_cli import Run, _json

cli_env = test_cli.cli_env
run = test_cli.run

HUGE = 2**53 + 1
"""The first whole number a float cannot hold."""


def _csv(path: Path, kind: CsvKind, rows: list[dict[str, str]]) -> Path:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADERS[kind], lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: row.get(name, "") for name in HEADERS[kind]})
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _load(run: Run, tmp_path: Path) -> None:
    files = {
        CsvKind.PARTIES: [
            {
                "ref": "DE-HUGE",
                "name": "Huge Compute GmbH",
                "country": "DE",
                "hq_country": "DE",
                "role": "datacenter_operator",
                "veu": "none",
            }
        ],
        CsvKind.PRODUCTS: [
            {
                "ref": "HUGE-IC",
                "name": "Huge accelerator",
                "kind": "ic",
                "tpp": str(HUGE),
                "die_area_mm2": "800",
                "datacenter": "true",
                "ics_per_unit": "1",
            }
        ],
        CsvKind.CERTIFICATIONS: [
            {
                "party_ref": "DE-HUGE",
                "type": "aia",
                "signed_on": "2026-01-05",
                "signer": "Jane Doe, Director",
                "weights_storage_attested": "false",
                "submitted_to_bis_on": "2026-01-06",
            }
        ],
        CsvKind.ORDERS: [
            {"ref": "SO-1", "date": "2026-03-02", "consignee_ref": "DE-HUGE"}
            | {"product_ref": "HUGE-IC", "quantity": "1"},
            {"ref": "SO-2", "date": "2026-03-03", "consignee_ref": "DE-HUGE"}
            | {"product_ref": "HUGE-IC", "quantity": "2"},
        ],
    }
    for kind, rows in files.items():
        path = _csv(tmp_path / f"{kind.value}.csv", kind, rows)
        done = run("import", kind.value, str(path))
        assert done.returncode == 0, done.stderr


def test_tpp_past_two_to_the_53_is_kept_to_the_last_unit(run: Run, tmp_path: Path) -> None:
    _load(run, tmp_path)

    first = _json(run("check", "SO-1", "--json"))
    second = _json(run("check", "SO-2", "--json"))
    assert first["outcome"] == "authorized", first
    assert first["authorizations"] == ["AIA"]
    assert first["a_level_tpp"] == HUGE
    assert second["a_level_tpp"] == 2 * HUGE
    # The cumulative AIA figure the second decision weighed: the first order's, exactly.
    weighed = [f["figures"] for f in second["findings"] if "cumulative_tpp" in f["figures"]]
    assert weighed, second["findings"]
    assert weighed[0]["cumulative_tpp"] == 3 * HUGE

    standing = _json(run("quota", "DE-HUGE", "--json"))
    assert standing["aia"]["cumulative_tpp"] == 3 * HUGE  # 27,021,597,764,222,979: odd, not ...976

    exported = run("export", "products")
    assert exported.returncode == 0, exported.stderr
    (row,) = csv.DictReader(io.StringIO(exported.stdout))
    assert row["tpp"] == str(HUGE)

    # Cancelling the second order releases exactly what it consumed.
    assert run("cancel", "SO-2").returncode == 0
    assert _json(run("quota", "DE-HUGE", "--json"))["aia"]["cumulative_tpp"] == HUGE

    verified = run("audit", "verify", "--json")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert json.loads(verified.stdout)["intact"] is True


def test_a_figure_a_float_holds_is_written_as_before(run: Run) -> None:
    # The JSON of every figure a float holds exactly is unchanged (15832.0), so scripts reading
    # the desk's output and the record's digests see what they always saw.
    result = _json(run("classify", "--tpp", "15832", "--die-area", "814", "--json"))
    assert json.dumps(result["tpp"]) == "15832.0"
    exact = _json(run("classify", "--tpp", str(HUGE), "--die-area", "1", "--json"))
    assert exact["tpp"] == HUGE
    assert exact["unit_tpp"] == HUGE
    assert "9,007,199,254,740,993" in exact["reason"]
