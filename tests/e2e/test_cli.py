"""The ``diffusion-desk`` command as a user runs it: a real process, its output and exit status.

The tests run the installed console script found next to the interpreter. Where the project is
not installed (tests run with ``PYTHONPATH`` only), they run the same entry point,
``app.cli:main``, in a fresh interpreter instead; with neither, they are skipped.
Every run writes its log to a temporary file (``DIFFUSION_DESK_LOG``), never to the user's home.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

SCRIPT = Path(sys.executable).parent / "diffusion-desk"
ENTRY_POINT = "import sys; from app.cli import main; sys.exit(main())"


def _command() -> tuple[list[str], str | None]:
    """The command to run and, for the fallback, the folder to put on PYTHONPATH."""
    if SCRIPT.exists():
        return [str(SCRIPT)], None
    spec = importlib.util.find_spec("app")
    if spec is None or spec.origin is None:
        pytest.skip(
            f"diffusion-desk is not installed ({SCRIPT} is missing) and the app package is not "
            "importable; install the project (make venv) or set PYTHONPATH to the project root"
        )
    return [sys.executable, "-c", ENTRY_POINT], str(Path(spec.origin).parent.parent)


Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["DIFFUSION_DESK_LOG"] = str(tmp_path / "log" / "desk.log")
    env["DIFFUSION_DESK_DB"] = str(tmp_path / "desk.sqlite3")
    env["PYTHONIOENCODING"] = "utf-8"  # the output has ≥, mm² and §, whatever the locale
    return env


@pytest.fixture
def run(tmp_path: Path, cli_env: dict[str, str]) -> Run:
    """Run ``diffusion-desk ARGS`` from a scratch folder; returns the finished process."""
    command, import_root = _command()
    if import_root is not None:
        existing = cli_env.get("PYTHONPATH")
        cli_env["PYTHONPATH"] = os.pathsep.join(filter(None, [import_root, existing]))

    def _run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, *args],
            cwd=tmp_path,
            env=env or cli_env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )

    return _run


def _json(process: subprocess.CompletedProcess[str]) -> Any:
    """The single JSON document the command printed, after checking it succeeded."""
    assert process.returncode == 0, process.stderr
    assert process.stdout.endswith("\n")
    assert process.stdout.count("\n") == 1, "one JSON document on one line"
    return json.loads(process.stdout)


def _refused(process: subprocess.CompletedProcess[str]) -> str:
    """The error message of a refused command, after checking how it was refused."""
    assert process.returncode == 2, (process.stdout, process.stderr)
    assert process.stdout == ""
    assert process.stderr.strip()
    return process.stderr


# -- classify --------------------------------------------------------------------------------


def test_classify_computes_the_h100_figures_from_its_datasheet_rate(run: Run) -> None:
    result = _json(run("classify", "--rate", "1979:8", "--die-area", "814", "--json"))
    assert result["tpp"] == 15832
    assert result["performance_density"] == 19.45
    assert result["eccn"] == "3A090.a"
    assert result["paragraph"] == "3A090.a.1"
    assert result["datacenter"] is True
    assert result["unit_tpp"] == 15832


def test_json_may_also_be_asked_for_before_the_command(run: Run) -> None:
    before = _json(run("--json", "classify", "--rate", "1979:8", "--die-area", "814"))
    after = _json(run("classify", "--rate", "1979:8", "--die-area", "814", "--json"))
    assert before == after


def test_a_server_of_eight_h100_is_a_4a090a_system_with_their_summed_tpp(run: Run) -> None:
    result = _json(run("classify", "--tpp", "15832", "--ics-per-unit", "8", "--json"))
    assert result["eccn"] == "4A090.a"
    assert result["tpp"] == 15832
    assert result["unit_tpp"] == 126656
    assert result["performance_density"] is None, "no die area was given"


def test_a_non_datacenter_ic_below_the_a1_threshold_is_not_controlled(run: Run) -> None:
    result = _json(run("classify", "--tpp", "4000", "--non-datacenter", "--json"))
    assert result["eccn"] is None
    assert result["datacenter"] is False


def test_the_h20_is_not_controlled(run: Run) -> None:
    result = _json(run("classify", "--tpp", "2368", "--die-area", "814", "--json"))
    assert result["eccn"] is None
    assert result["performance_density"] == 2.91


def test_a_datacenter_ic_whose_density_decides_needs_its_die_area(run: Run) -> None:
    message = _refused(run("classify", "--tpp", "3000", "--json"))
    assert "die area" in message.lower()


@pytest.mark.parametrize(
    ("args", "named"),
    [
        pytest.param(["classify", "--rate", "abc"], ["abc", "rate"], id="rate-not-tops-bits"),
        pytest.param(["classify", "--tpp", "-5"], ["--tpp", "-5"], id="negative-tpp"),
        pytest.param(
            ["classify", "--tpp", "15832", "--ics-per-unit", "0"],
            ["--ics-per-unit", "'0'"],
            id="zero-ics-per-unit",
        ),
        pytest.param(["tier", "Atlantis"], ["Atlantis", "country"], id="unknown-country"),
        pytest.param(["tier", "KH", "--on", "2026-13-01"], ["2026-13-01", "date"], id="bad-date"),
        pytest.param(
            ["tier", "CN", "--on", "2024-12-01"],
            ["no ruleset in effect on 2024-12-01"],
            id="before-first-ruleset",
        ),
    ],
)
def test_bad_input_exits_2_with_a_message_naming_what_is_wrong(
    run: Run, args: list[str], named: list[str]
) -> None:
    message = _refused(run(*args))
    for fragment in named:
        assert fragment in message
    assert "Traceback" not in message


# -- tier ------------------------------------------------------------------------------------


def test_cambodia_is_tier_2_under_the_version_that_took_it_off_d5(run: Run) -> None:
    result = _json(run("tier", "KH", "--on", "2026-03-01", "--json"))
    assert (result["country"], result["tier"]) == ("KH", 2)
    assert result["ruleset"] == "aidf-2026-02-03"


def test_cambodia_is_tier_3_the_day_before_it_left_d5(run: Run) -> None:
    result = _json(run("tier", "KH", "--on", "2026-02-02", "--json"))
    assert (result["country"], result["tier"]) == ("KH", 3)
    assert result["ruleset"] == "aidf-2025-01-13"


@pytest.mark.parametrize(
    ("typed", "code", "tier"),
    [
        ("South Korea", "KR", 1),
        ("UK", "GB", 1),
        ("Burma", "MM", 3),
        ("Macau", "MO", 3),
        ("Russia", "RU", 3),
        ("Taiwan", "TW", 1),
    ],
)
def test_everyday_country_names_resolve_to_their_iso_code_and_tier(
    run: Run, typed: str, code: str, tier: int
) -> None:
    result = _json(run("tier", typed, "--on", "2026-03-01", "--json"))
    assert (result["country"], result["tier"]) == (code, tier)


def test_tier_without_a_date_uses_the_ruleset_in_effect_today(run: Run) -> None:
    result = _json(run("--json", "tier", "US"))
    assert result["tier"] == 1
    assert result["ruleset"] in {"aidf-2025-01-13", "aidf-2026-02-03"}


# -- rulesets --------------------------------------------------------------------------------


def test_rulesets_lists_every_version_with_its_effective_date_and_enforcement_note(
    run: Run,
) -> None:
    versions = _json(run("rulesets", "--json"))
    effective = {version["id"]: version["effective_from"] for version in versions}
    assert effective == {"aidf-2025-01-13": "2025-01-13", "aidf-2026-02-03": "2026-02-03"}
    for version in versions:
        assert "2025-05-13" in version["enforcement_note"]
    assert sum(bool(version["in_effect_today"]) for version in versions) == 1


# -- readable output -------------------------------------------------------------------------


def _readable(process: subprocess.CompletedProcess[str]) -> str:
    assert process.returncode == 0, process.stderr
    assert not process.stdout.lstrip().startswith(("{", "[")), "a table, not JSON"
    return process.stdout


def test_classify_without_json_prints_a_readable_table(run: Run) -> None:
    table = _readable(run("classify", "--rate", "1979:8", "--die-area", "814"))
    for label in ("TPP per IC", "Performance density", "ECCN", "Ruleset"):
        assert label in table
    assert "15,832" in table
    assert "19.45" in table
    assert "3A090.a.1" in table


def test_classify_of_a_system_without_json_shows_the_unit_figures(run: Run) -> None:
    table = _readable(run("classify", "--tpp", "15832", "--ics-per-unit", "8"))
    assert "ICs per unit" in table
    assert "126,656" in table
    assert "4A090.a" in table


def test_tier_without_json_prints_a_readable_table(run: Run) -> None:
    table = _readable(run("tier", "South Korea", "--on", "2026-03-01"))
    for label in ("Country", "Tier", "On", "Ruleset"):
        assert label in table
    assert "(KR)" in table
    assert "aidf-2026-02-03" in table


def test_tier_without_json_shows_the_note_on_cyprus(run: Run) -> None:
    table = _readable(run("tier", "Cyprus", "--on", "2026-03-01"))
    assert "Note" in table
    assert "A:6" in table


def test_rulesets_without_json_prints_each_version_and_its_enforcement_note(run: Run) -> None:
    text = _readable(run("rulesets"))
    assert "aidf-2025-01-13" in text
    assert "aidf-2026-02-03" in text
    assert "effective 2026-02-03" in text
    assert "Enforcement" in text
    assert "2025-05-13" in text


def test_help_lists_the_commands(run: Run) -> None:
    process = run("--help")
    assert process.returncode == 0, process.stderr
    for command in ("classify", "tier", "rulesets"):
        assert command in process.stdout


# -- where it writes -------------------------------------------------------------------------


def test_the_command_writes_nothing_into_the_home_folder_when_the_log_is_redirected(
    run: Run, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = dict(cli_env)
    env["HOME"] = str(home)
    for variable in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        env.pop(variable, None)
    assert run("classify", "--tpp", "3000", env=env).returncode == 2
    assert run("tier", "KR", "--on", "2026-03-01", env=env).returncode == 0
    assert list(home.rglob("*")) == []


# -- what a decision and a ruleset say about themselves -----------------------------------------


def test_rulesets_show_the_model_note_where_the_rule_is_ambiguous(run: Run) -> None:
    for version in _json(run("rulesets", "--json")):
        assert "CSIS" in version["model_note"]
    text = _readable(run("rulesets"))
    assert "Model: Where the rule is ambiguous" in text


def test_hong_kong_is_tier_3_as_china(run: Run) -> None:
    result = _json(run("tier", "Hong Kong", "--on", "2026-03-01", "--json"))
    assert result["tier"] == 3
    assert "China" in result["basis"]


def test_an_ambiguous_country_is_refused_with_its_candidates(run: Run) -> None:
    message = _refused(run("tier", "Congo", "--json"))
    assert "ambiguous" in message
    assert "(CG)" in message
    assert "(CD)" in message


@pytest.fixture
def demo_db(run: Run) -> Run:
    assert run("demo").returncode == 0
    assert run("check", "--pending").returncode == 0
    return run


def test_check_shows_the_rulesets_enforcement_note(demo_db: Run) -> None:
    result = _json(demo_db("--json", "check", "SO-26-0145", "--dry-run"))
    assert "2025-05-13" in result["enforcement_note"]
    text = _readable(demo_db("check", "SO-26-0145", "--dry-run"))
    assert "Enforcement (aidf-2026-02-03)" in text


def test_a_reader_that_stops_reading_is_not_an_internal_error(
    demo_db: Run, tmp_path: Path, cli_env: dict[str, str]
) -> None:
    command, import_root = _command()
    env = dict(cli_env)
    if import_root is not None:
        env["PYTHONPATH"] = import_root
    process = subprocess.Popen(
        [*command, "check", "SO-26-0145", "--dry-run"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.close()  # as `| head -0` would, before the command writes a line
    _, err = process.communicate(timeout=120)
    assert b"internal error" not in err
    assert b"Traceback" not in err
    assert process.returncode == 0


# -- invariants every entry point refuses ---------------------------------------------------


def test_the_import_refuses_a_reference_with_a_ledger_separator(run: Run, tmp_path: Path) -> None:
    parties = tmp_path / "parties.csv"
    parties.write_text(
        "ref,name,aliases,address,country,hq_country,parent_name,parent_hq_country,role,veu,"
        "veu_country,veu_id\nACME|X,Acme X,,,DE,DE,,,,,,\n",
        encoding="utf-8",
    )
    message = _refused(run("import", "parties", str(parties)))
    assert "row 2" in message
    assert "ref" in message
    assert "|" in message


def test_the_import_refuses_a_certification_submitted_before_it_was_signed(
    run: Run, tmp_path: Path
) -> None:
    parties = tmp_path / "parties.csv"
    parties.write_text(
        "ref,name,aliases,address,country,hq_country,parent_name,parent_hq_country,role,veu,"
        "veu_country,veu_id\nDE-1,Eins GmbH,,,DE,DE,,,,,,\n",
        encoding="utf-8",
    )
    assert run("import", "parties", str(parties)).returncode == 0
    certifications = tmp_path / "certifications.csv"
    certifications.write_text(
        "party_ref,type,year,signed_on,signer,prior_receipts_tpp,weights_storage_attested,"
        "submitted_to_bis_on,revoked_on\n"
        "DE-1,aia,,2026-03-01,Anna,,false,2026-02-01,\n"
        "DE-1,lpp,2026,2026-03-01,Anna,0,,,2026-01-31\n",
        encoding="utf-8",
    )
    message = _refused(run("import", "certifications", str(certifications)))
    assert "row 2" in message
    assert "row 3" in message
    assert "before the certification was signed" in message


@pytest.mark.parametrize("kind", ["orders", "parties", "certifications"])
def test_export_with_json_prints_one_json_document_of_the_rows_the_csv_holds(
    demo_db: Run, kind: str
) -> None:
    csv_text = demo_db("export", kind).stdout
    document = _json(demo_db("--json", "export", kind))
    assert document["kind"] == kind
    expected = list(csv.DictReader(io.StringIO(csv_text)))
    assert len(expected) > 0
    assert document["rows"] == expected
    assert list(document["rows"][0]) == csv_text.splitlines()[0].split(",")


def test_export_to_a_file_with_json_prints_a_summary_naming_the_file_and_its_hash(
    demo_db: Run, tmp_path: Path
) -> None:
    out = tmp_path / "orders.csv"
    summary = _json(demo_db("--json", "export", "orders", "--out", str(out)))
    data = out.read_bytes()
    assert summary == {
        "kind": "orders",
        "file": str(out),
        "rows": data.count(b"\n") - 1,
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    assert not (tmp_path / "orders.csv.part").exists()
