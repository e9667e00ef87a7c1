"""The real command and look-alike parties: a ref with a zero-width space is refused naming
the file, row, field and character (exit 2, nothing written); a ref typed with one, or in
full-width letters, finds the party it shows as; a new party whose name reads like a stored
one's is imported with a warning (exit 0)."""

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


def test_a_new_party_that_reads_like_a_stored_one_is_imported_with_a_warning(
    run: Run, tmp_path: Path
) -> None:
    first = _parties(tmp_path, "first.csv", ("US-NVIDIA", "NVIDIA Corp"))
    assert run("import", "parties", str(first)).returncode == 0
    second = _parties(tmp_path, "second.csv", ("US-NVIDLA", "NVIDlA Corp"))
    done = run("--json", "import", "parties", str(second))
    summary = _json(done)
    assert summary["created"] == 1
    assert [(item["row"], item["field"]) for item in summary["warnings"]] == [(2, "name")]
    assert done.stderr.startswith(
        "diffusion-desk: warning: second.csv, row 2, field name: party US-NVIDLA has a name "
        "that reads like party US-NVIDIA ('NVIDIA Corp')"
    )
    readable = run("import", "parties", str(_parties(tmp_path, "third.csv", ("X", "nvidia corp"))))
    assert readable.returncode == 0
    assert "party X has a name that reads like party US-NVIDIA" in readable.stderr
