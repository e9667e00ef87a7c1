"""The real command on list snapshots and ownership: ``lists import``, ``lists``, ``import
ownership`` and ``export ownership``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.e2e import test_cli
from tests.e2e.test_cli import Run, _json, _refused

# The command and its environment exactly as tests/e2e/test_cli.py runs them.
cli_env = test_cli.cli_env
run = test_cli.run

DATA = Path(__file__).parent.parent / "data" / "screening"


def _lists(run: Run) -> Any:
    return _json(run("lists", "--json"))


def test_lists_import_takes_a_snapshot_of_the_csl_csv(run: Run) -> None:
    result = _json(run("lists", "import", str(DATA / "csl-sample.csv"), "--json"))
    assert (result["entries"], result["added"], result["removed"], result["changed"]) == (
        13,
        13,
        0,
        0,
    )
    assert result["format"] == "csl-csv"
    assert result["sources"]["Entity List (EL) - Bureau of Industry and Security"] == 1
    assert len(result["sha256"]) == 64
    assert {warning["code"] for warning in result["warnings"]} == {
        "bundled_name",
        "joined_with_and",
    }
    listing = _lists(run)
    assert listing["in_use"] == result["snapshot"]
    assert [item["snapshot"] for item in listing["snapshots"]] == [result["snapshot"]]
    assert listing["snapshots"][0]["imported_at"]


def test_the_json_form_of_the_same_list_is_already_imported(run: Run) -> None:
    first = _json(run("lists", "import", str(DATA / "csl-sample.csv"), "--json"))
    again = run("lists", "import", str(DATA / "csl-sample.json"))
    assert again.returncode == 0, again.stderr
    assert "already imported" in again.stdout
    assert [item["snapshot"] for item in _lists(run)["snapshots"]] == [first["snapshot"]]


def test_the_simple_list_csv_imports_with_its_format_named(run: Run) -> None:
    result = _json(
        run("lists", "import", str(DATA / "extra-list.csv"), "--format", "extra-csv", "--json")
    )
    assert (result["format"], result["entries"]) == ("extra-csv", 2)


def test_a_dry_run_writes_nothing(run: Run) -> None:
    result = _json(run("lists", "import", str(DATA / "entity-list.csv"), "--dry-run", "--json"))
    assert (result["snapshot"], result["entries"], result["dry_run"]) == (None, 3392, True)
    assert _lists(run) == {"in_use": None, "snapshots": []}


def test_a_bad_file_exits_2_naming_row_and_column_and_writes_nothing(
    run: Run, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    lines = (DATA / "csl-sample.csv").read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join([lines[0], lines[1], '"x","Entity List (EL)","y"']) + "\n")
    message = _refused(run("lists", "import", str(bad)))
    assert "bad.csv, row 3" in message
    assert "expected 29 cells" in message
    missing = tmp_path / "missing.csv"
    missing.write_text(lines[0].replace("_id,", "id_,", 1) + "\n" + lines[1] + "\n")
    assert "field _id" in _refused(run("lists", "import", str(missing), "--format", "csl-csv"))
    assert _lists(run)["snapshots"] == []


def test_a_shrunk_source_is_warned_on_stderr_and_in_the_json(run: Run) -> None:
    _json(run("lists", "import", str(DATA / "entity-list.csv"), "--json"))
    process = run("lists", "import", str(DATA / "csl-sample.csv"), "--json")
    result = _json(process)
    assert result["needs_confirmation"] is True
    assert "shrank" in process.stderr
    assert "source_shrank" in {warning["code"] for warning in result["warnings"]}
    quiet = run("lists", "import", str(DATA / "entity-list.csv"), "--yes")
    assert quiet.returncode == 0
    assert quiet.stderr == ""
    assert len(_lists(run)["snapshots"]) == 3


def test_ownership_imports_and_exports_the_same_rows(run: Run, tmp_path: Path) -> None:
    parties = tmp_path / "parties.csv"
    parties.write_text(
        "ref,name,aliases,address,country,hq_country,parent_name,parent_hq_country,role,veu,"
        "veu_country,veu_id\n"
        "MY-ACE,Ace Compute Sdn Bhd,,,MY,MY,,,,,,\n"
        "SG-HOLD,Holding Pte Ltd,,,SG,SG,,,,,,\n"
    )
    assert run("import", "parties", str(parties)).returncode == 0
    owners = tmp_path / "owners.csv"
    text = (
        "party_ref,owner_name,owner_country,share_percent\n"
        "MY-ACE,SG-HOLD,SG,51\n"
        "MY-ACE,Tan Family Trust,MY,49\n"
    )
    owners.write_text(text)
    summary = _json(run("import", "ownership", str(owners), "--json"))
    assert summary["created"] == 2
    exported = run("export", "ownership")
    assert exported.returncode == 0
    assert exported.stdout == text
    over = tmp_path / "over.csv"
    over.write_text(text.replace(",49", ",50"))
    message = _refused(run("import", "ownership", str(over)))
    assert "over.csv, row 3, field share_percent" in message
