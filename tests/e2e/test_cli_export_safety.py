"""The real command with names that are spreadsheet formulas: ``export`` writes nothing a
spreadsheet would run, and the export imports into another desk and exports again byte for
byte (domain.csvio.formulas)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from domain.csvio import HEADERS, CsvKind
from domain.csvio.formulas import FORMULA_START
from tests.e2e import test_cli
from tests.e2e.test_cli import Run, _json

cli_env = test_cli.cli_env
run = test_cli.run

PAYLOADS = (
    '=HYPERLINK("http://x","click")',
    "+SUM(1)",
    "@SUM(A1)",
    "-1+2",
    "=cmd|' /C calc'!A0",
)


def _parties_file(path: Path) -> Path:
    """Parties as an ERP would write them: the payloads verbatim as names, aliases, addresses
    and parents, and one name that begins with an apostrophe of its own."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADERS[CsvKind.PARTIES])
    for number, payload in enumerate(PAYLOADS, start=1):
        names = [payload, f"{payload};plain", payload]
        writer.writerow([f"P{number}", *names, "SG", "SG", payload, "US", "", "", "", ""])
    writer.writerow(["P6", "'t Hoen B.V.", "", "", "NL", "NL", "", "", "", "", "", ""])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_an_export_of_formula_names_runs_nothing_and_round_trips_byte_for_byte(
    run: Run, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    source = _parties_file(tmp_path / "erp-parties.csv")
    assert _json(run("--json", "import", "parties", str(source)))["created"] == 6
    first = tmp_path / "first.csv"
    assert run("export", "parties", "--out", str(first)).returncode == 0
    text = first.read_text(encoding="utf-8")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert [cell for cell in cells if cell.startswith(FORMULA_START)] == []
    assert "'=cmd|' /C calc'!A0" in cells
    assert "''t Hoen B.V." in cells

    fresh = {**cli_env, "DIFFUSION_DESK_DB": str(tmp_path / "fresh.sqlite3")}
    imported = run("--json", "import", "parties", str(first), env=fresh)
    assert _json(imported)["created"] == 6
    again = run("export", "parties", env=fresh)
    assert again.returncode == 0, again.stderr
    assert again.stdout == text
    # The first desk takes its own export back as it is: nothing to change.
    assert _json(run("--json", "import", "parties", str(first)))["unchanged"] == 6
