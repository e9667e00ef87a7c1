"""The real command screening parties and deciding matches: ``screen``, ``dispose``,
``approve``, ``screening-settings``, and ``check`` holding, then deciding, a listed buyer."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e import test_cli
from tests.e2e.test_cli import Run, _json, _refused

cli_env = test_cli.cli_env
run = test_cli.run

DATA = Path(__file__).parent.parent / "data" / "screening"
LIST = (
    "source,name,alt_names,addresses,country,license_requirement,license_policy,"
    "federal_register_notice,start_date\n"
    "Entity List (EL) - Bureau of Industry and Security,Zenthora Photonics Co. Ltd.,,"
    '"Singapore, SG",SG,For all items subject to the EAR.,'
    "Policy of denial for all items subject to the EAR.,90 FR 1,2025-01-15\n"
)


def _files(tmp_path: Path) -> dict[str, Path]:
    files = {
        "list": ("list.csv", LIST),
        "parties": (
            "parties.csv",
            "ref,name,aliases,address,country,hq_country,parent_name,parent_hq_country,role,veu,"
            "veu_country,veu_id\n"
            "ZP,Zenthora Photonics Company Limited,,,SG,SG,,,end_user,none,,\n"
            "MC,Maple Compute,,,SG,SG,,,end_user,none,,\n",
        ),
        "products": (
            "products.csv",
            "ref,name,kind,tpp,die_area_mm2,datacenter,ics_per_unit,training_operations,published\n"
            "H100,NVIDIA H100 SXM,ic,15832,814,true,1,,true\n",
        ),
        "certifications": (
            "certifications.csv",
            "party_ref,type,year,signed_on,signer,prior_receipts_tpp,weights_storage_attested,"
            "submitted_to_bis_on,revoked_on\n"
            "ZP,lpp,2026,2026-01-05,A. Signer,0,,,\n"
            "MC,lpp,2026,2026-01-05,A. Signer,0,,,\n",
        ),
        "orders": (
            "orders.csv",
            "ref,date,consignee_ref,end_user_ref,destination,product_ref,quantity\n"
            "SO-ZP,2026-03-02,ZP,,,H100,2\n"
            "SO-MC,2026-03-02,MC,,,H100,2\n",
        ),
        "names": (
            "names.csv",
            "name,country\nZenthora Photonics,SG\nMaple Compute,\n",
        ),
    }
    paths = {}
    for key, (name, text) in files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths[key] = path
    return paths


def _ready(run: Run, tmp_path: Path) -> dict[str, Path]:
    files = _files(tmp_path)
    for kind in ("parties", "products", "certifications", "orders"):
        assert run("import", kind, str(files[kind])).returncode == 0
    assert run("lists", "import", str(files["list"])).returncode == 0
    return files


def test_a_listed_buyer_is_held_then_needs_a_licence_once_decided(run: Run, tmp_path: Path) -> None:
    _ready(run, tmp_path)
    held = _json(run("--json", "check", "SO-ZP"))
    assert held["outcome"] == "hold"
    pending = next(f for f in held["findings"] if f["code"] == "screening_match_pending")
    assert pending["figures"]["matched_name"] == "Zenthora Photonics Co. Ltd."
    assert held["screening"]["parties"] == [
        {"party": "ZP", "status": "potential_match", "matches": 1, "open": 1}
    ]
    clean = _json(run("--json", "check", "SO-MC"))
    assert clean["outcome"] == "authorized"
    assert clean["screening"]["parties"][0]["status"] == "clear"

    screened = _json(run("--json", "screen", "ZP"))
    assert screened["status"] == "potential_match"
    match = screened["matches"][0]
    assert match["state"] == "pending"
    assert match["score"] >= 0.8
    assert {token["how"] for token in match["tokens"]} >= {"exact"}

    decided = _json(
        run(
            "--json", "dispose", "ZP", match["entry"], "--as", "true_match",
            "--reason", "same registration number",
        )
    )  # fmt: skip
    assert decided["verdict"] == "true_match"
    final = _json(run("--json", "check", "SO-ZP"))
    assert final["outcome"] == "license_required"
    listed = next(f for f in final["findings"] if f["code"] == "entity_list")
    assert "Policy of denial for all items subject to the EAR." in listed["message"]
    assert final["authorizations"] == []
    assert _json(run("--json", "screen", "ZP"))["status"] == "match"


def test_screen_all_prints_one_json_object_per_party(run: Run, tmp_path: Path) -> None:
    _ready(run, tmp_path)
    process = run("--json", "screen", "--all")
    assert process.returncode == 0, process.stderr
    lines = [json.loads(line) for line in process.stdout.splitlines()]
    assert {line["party"]: line["status"] for line in lines} == {
        "ZP": "potential_match",
        "MC": "clear",
    }


def test_screen_file_screens_names_in_input_order(run: Run, tmp_path: Path) -> None:
    files = _ready(run, tmp_path)
    process = run("--json", "screen", "--file", str(files["names"]))
    assert process.returncode == 0, process.stderr
    lines = [json.loads(line) for line in process.stdout.splitlines()]
    assert [(line["row"], line["status"]) for line in lines] == [
        (2, "potential_match"),
        (3, "clear"),
    ]
    assert lines[0]["matches"][0]["list_kind"] == "entity_list"


def test_a_bad_names_file_names_its_row_and_column(run: Run, tmp_path: Path) -> None:
    _ready(run, tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text("name,country\nAcme,Germany\n", encoding="utf-8")
    message = _refused(run("screen", "--file", str(bad)))
    assert "row 2, column country" in message


def test_refusals_name_what_is_wrong(run: Run, tmp_path: Path) -> None:
    _ready(run, tmp_path)
    assert "unknown party" in _refused(run("screen", "NOBODY"))
    assert "not among its potential matches" in _refused(
        run("dispose", "ZP", "no-such-entry", "--as", "false_positive", "--reason", "x")
    )
    assert "(0, 1]" in _refused(run("screening-settings", "--threshold", "1.5"))


def test_screening_before_any_list_is_refused_with_what_to_do(run: Run, tmp_path: Path) -> None:
    files = _files(tmp_path)
    assert run("import", "parties", str(files["parties"])).returncode == 0
    assert "lists import" in _refused(run("screen", "ZP"))


def test_clearing_a_strong_match_waits_for_a_second_officer(run: Run, tmp_path: Path) -> None:
    _ready(run, tmp_path)
    assert _json(run("--json", "screening-settings", "--second-approval", "on"))["second_approval"]
    match = _json(run("--json", "screen", "ZP"))["matches"][0]
    assert match["score"] >= 0.95  # company forms aside, the names are the same
    cleared = _json(
        run("--json", "dispose", "ZP", match["entry"], "--as", "false_positive", "--reason", "no")
    )
    assert cleared["awaiting_approval"] is True
    assert "second officer" in _refused(run("approve", "ZP", match["entry"]))
