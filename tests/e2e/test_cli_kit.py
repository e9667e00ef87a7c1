"""The real command for a field audit (cli.md, "Field audits"): the desk exports a signed kit
for a site, the auditor scans serials into it (typed and from nvidia-smi's CSV) with nothing
but the kit, reconciles, and an altered kit is refused (exit 2)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pypdf
from PIL import Image

from tests.e2e import test_cli
from tests.e2e.test_cli import Run, _json
from tests.e2e.test_cli_documents import pdf_text, verify
from tests.e2e.test_cli_shipments import SHIPMENTS, _ready

cli_env = test_cli.cli_env
run = test_cli.run


def _kit(run: Run, tmp_path: Path) -> Path:
    _ready(run, tmp_path)
    shipments = tmp_path / "shipments.csv"
    shipments.write_text(
        SHIPMENTS + "SO-ZP,SHP-9,2026-03-12,H100,1654922077777\n", encoding="utf-8"
    )
    assert run("import", "shipments", str(shipments)).returncode == 0
    kit = tmp_path / "mc.ddkit"
    made = _json(run("--json", "kit", "export", "MC", "--out", str(kit), "--site", "DC-1"))
    assert (made["party"], made["site"], made["expected"]) == ("MC", "DC-1", 2)
    assert len(made["key_fingerprint"].split()) == 16
    return kit


def test_a_whole_visit_scan_and_reconcile_with_nothing_but_the_kit(
    run: Run, tmp_path: Path
) -> None:
    kit = _kit(run, tmp_path)
    on_site = tmp_path / "laptop"
    on_site.mkdir()
    moved = on_site / kit.name
    kit.rename(moved)
    smi = on_site / "node1.csv"
    smi.write_text(
        "index, name, serial, uuid\n"
        "0, NVIDIA H100 80GB HBM3, 1654922012345, GPU-aaaa\n"
        "1, NVIDIA H100 80GB HBM3, [N/A], GPU-bbbb\n",
        encoding="utf-8",
    )
    scanned = _json(
        run("--json", "--db", str(on_site / "none.sqlite3"), "kit", "scan", str(moved),
            "1654922077777", "1654922012345", "--file", str(smi))
    )  # fmt: skip
    assert [item["class"] for item in scanned["sightings"]] == ["unexpected", "found", "duplicate"]
    assert scanned["sightings"][0]["shipped_to"] == "ZP"
    assert "no readable serial" in scanned["notes"][0]
    assert not (on_site / "none.sqlite3").exists()  # the kit is all the laptop needs
    reconciled = _json(run("--json", "kit", "reconcile", str(moved)))
    assert reconciled == {
        "expected": 2,
        "found": 1,
        "missing": ["1654922012346"],
        "unexpected": [{"serial": "1654922077777", "shipped_to": "ZP"}],
        "duplicate": ["1654922012345"],
        "relocated": [],
    }


def test_an_altered_kit_is_refused_and_a_kit_is_never_overwritten(run: Run, tmp_path: Path) -> None:
    kit = _kit(run, tmp_path)
    again = run("kit", "export", "MC", "--out", str(kit))
    assert again.returncode == 2
    assert "already exists" in again.stderr
    assert run("kit", "scan", str(kit), "1654922012345").returncode == 0
    with sqlite3.connect(kit) as connection:
        connection.execute("DROP TRIGGER log_no_update")
        connection.execute('UPDATE log SET payload = \'{"serial": "1654922012346"}\'')
    refused = run("kit", "reconcile", str(kit))
    assert refused.returncode == 2
    assert "on-site log entry 1 (scan) was altered" in refused.stderr


def test_photos_answers_and_the_sign_off_after_which_the_kit_takes_nothing(
    run: Run, tmp_path: Path
) -> None:
    assert run("settings", "--letterhead-name", "Demo Exports Ltd.").returncode == 0
    kit = _kit(run, tmp_path)
    photo = tmp_path / "rack.png"
    Image.new("RGB", (1200, 800), (40, 90, 160)).save(photo)
    kept = _json(run("--json", "kit", "photo", str(kit), str(photo), "--note", "rack 7"))
    assert kept["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()
    not_a_photo = tmp_path / "notes.jpg"
    not_a_photo.write_text("hello", encoding="utf-8")
    refused = run("kit", "photo", str(kit), str(not_a_photo))
    assert refused.returncode == 2
    assert "notes.jpg: not a photo" in refused.stderr
    assert run("kit", "answer", str(kit), "physical-access", "yes").returncode == 0
    assert run("kit", "answer", str(kit), "no-diversion", "no", "--note", "2 units").returncode == 0
    unknown = run("kit", "answer", str(kit), "coffee", "yes")
    assert unknown.returncode == 2
    assert "not an item of this kit's checklist" in unknown.stderr
    closed = _json(
        run("--json", "kit", "close", str(kit), "--auditor", "Ana Auditor",
            "--site-representative", "Sam Site, Facility Manager")
    )  # fmt: skip
    assert closed["failed_items"] == ["no-diversion"]
    assert "operator" in closed["unanswered_items"]
    assert closed["reconciliation"]["missing"] == ["1654922012345", "1654922012346"]
    after = run("kit", "scan", str(kit), "1654922012345")
    assert after.returncode == 2
    assert "signed off" in after.stderr
    assert run("kit", "reconcile", str(kit)).returncode == 0  # still readable, and verified
    _the_visit_report(run, tmp_path, kit, photo)


def _the_visit_report(run: Run, tmp_path: Path, kit: Path, photo: Path) -> None:
    """Printed on site from the kit alone (not registered), then registered by the merge:
    the same content, and the registered file verifies as genuine."""
    on_site = tmp_path / "visit-on-site.pdf"
    printed = _json(run("--json", "kit", "report", str(kit), "--out", str(on_site)))
    assert printed["registered"] is False
    text = pdf_text(on_site)
    for shown in (
        "Field visit report",
        "Demo Exports Ltd.",
        "not yet registered",
        "DC-1",
        "Ana Auditor",
        "Sam Site",
        "Facility Manager",
        "1654922012345",
        "no-diversion",
        "2 units",
        "rack.png",
        hashlib.sha256(photo.read_bytes()).hexdigest()[:16],
    ):
        assert shown in text, shown
    assert (
        len(pypdf.PdfReader(on_site).pages[0].images)
        + sum(len(page.images) for page in pypdf.PdfReader(on_site).pages[1:])
        >= 1
    )  # the photo's thumbnail
    registered = tmp_path / "visit-registered.pdf"
    merged = _json(run("--json", "kit", "merge", str(kit), "--report", str(registered)))
    assert merged["report"].startswith("VR-")
    code, verdict = verify(run, registered)
    assert (code, verdict["genuine"], verdict["document"]["kind"]) == (0, True, "visit_report")
    assert verdict["document"]["content_hash"] == printed["content_hash"]
    again = _json(run("--json", "kit", "merge", str(kit), "--report", str(tmp_path / "x.pdf")))
    assert (again["already_merged"], again["report"]) == (True, merged["report"])
    assert not (tmp_path / "x.pdf").exists()  # registered once


def test_merging_records_the_visit_once_holds_the_party_until_resolved(
    run: Run, tmp_path: Path
) -> None:
    kit = _kit(run, tmp_path)
    assert _json(run("--json", "check", "SO-MC"))["outcome"] == "authorized"
    assert run("kit", "scan", str(kit), "1654922012345").returncode == 0
    unclosed = run("kit", "merge", str(kit))
    assert unclosed.returncode == 2
    assert "not signed off" in unclosed.stderr
    closing = ("kit", "close", str(kit), "--auditor", "A", "--site-representative", "B, Manager")
    assert run(*closing).returncode == 0
    merging = run("--json", "kit", "merge", str(kit))
    merged = _json(merging)
    # no letterhead yet: the visit is merged, its report not registered, and that is said
    assert merged["report"] is None
    assert "report was not registered" in merging.stderr
    assert (merged["merged"], merged["already_merged"], merged["discrepancies"]) == (
        True,
        False,
        1,
    )  # one serial missing
    again = _json(run("--json", "kit", "merge", str(kit)))
    assert (again["visit"], again["merged"], again["already_merged"]) == (
        merged["visit"],
        False,
        True,
    )
    held = _json(run("--json", "check", "SO-MC"))
    assert held["outcome"] == "hold"
    assert "field_audit_discrepancy" in {finding["code"] for finding in held["findings"]}
    empty = run("kit", "resolve", "MC", merged["visit"], "--note", " ")
    assert empty.returncode == 2
    resolved = run("kit", "resolve", "MC", merged["visit"], "--note", "unit in repair, RMA 4411")
    assert resolved.returncode == 0
    assert _json(run("--json", "check", "SO-MC"))["outcome"] == "authorized"
