"""The real command and look-alike parties: a ref with a zero-width space is refused naming
the file, row, field and character (exit 2, nothing written); a ref typed with one, or in
full-width letters, finds the party it shows as."""

from __future__ import annotations

from pathlib import Path

from domain.csvio import HEADERS, CsvKind
from tests.e2e import test_cli
from tests.e2e.test_cli import Run, _json, _refused

cli_env = test_cli.cli_env
run = test_cli.run

HEADER = ",".join(HEADERS[CsvKind.PARTIES]) + "\n"


def _parties(tmp_path: Path, name: str, *rows: tuple[str, str]) -> Path:
    path = tmp_path / name
    body = "".join(f"{ref},{party},,,SG,SG,,,,,,\n" for ref, party in rows)
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_a_ref_with_a_zero_width_space_is_refused_naming_the_character(
    run: Run, tmp_path: Path
) -> None:
    path = _parties(
        tmp_path, "parties.csv", ("SG-LIONCITY", "Lion City"), ("SG-LION\u200bCITY", "Lion")
    )
    refused = run("import", "parties", str(path))
    message = _refused(refused)
    assert (
        "parties.csv, row 3, field ref: expected a reference; it contains an invisible "
        "character U+200B ZERO WIDTH SPACE after 'SG-LION'"
    ) in message
    assert (
        _json(run("--json", "export", "parties", "--out", str(tmp_path / "out.csv")))["rows"] == 0
    )


def test_a_ref_pasted_with_a_zero_width_space_or_in_full_width_finds_its_party(
    run: Run, tmp_path: Path
) -> None:
    path = _parties(tmp_path, "parties.csv", ("SG-LIONCITY", "Lion City Compute"))
    assert run("import", "parties", str(path)).returncode == 0
    for typed in ("SG-LION\u200bCITY", "ＳＧ－ＬＩＯＮＣＩＴＹ"):
        standing = _json(run("--json", "quota", typed))
        assert standing["party"]["ref"] == "SG-LIONCITY"
