"""A kit merge killed at any moment (rules.md section 10; issue 12): the database stays whole
and its audit chain verifies, the visit is recorded at most once, the visit report registered
at most once, and merging again completes: one visit, one registered report, and its file."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

import pytest

from tests.e2e.faults_support import Desk, count, integrity, reaped
from tests.e2e.test_cli_screen import _files
from tests.e2e.test_cli_shipments import SHIPMENTS

KILLED = -signal.SIGKILL
DELAYS = (0.15, 0.4, 0.7, 0.9, 1.1, 1.3, 1.6, 2.0)
"""Seconds from the start of ``kit merge`` to the kill: from before the database is opened
to the report's rendering and registration."""


def _visits(database: Path) -> int:
    return count(database, "SELECT COUNT(*) FROM field_visits")


def _reports(database: Path) -> int:
    return count(database, "SELECT COUNT(*) FROM documents WHERE kind = 'visit_report'")


def _assert_whole(desk: Desk, database: Path) -> None:
    assert integrity(database) == ["ok"]
    verify = desk.run("--db", database, "audit", "verify")
    assert verify.returncode == 0, verify.stderr
    assert "audit chain intact" in verify.stdout


@pytest.mark.slow
def test_a_merge_killed_at_any_moment_leaves_a_whole_desk_and_merging_again_completes(
    tmp_path: Path,
) -> None:
    desk = Desk(tmp_path / "desk")
    database = desk.folder / "desk.sqlite3"
    files = _files(desk.folder)
    for kind in ("parties", "products", "certifications", "orders"):
        desk.ok("--db", database, "import", kind, files[kind])
    shipments = desk.folder / "shipments.csv"
    shipments.write_text(SHIPMENTS, encoding="utf-8")
    desk.ok("--db", database, "import", "shipments", shipments)
    desk.ok("--db", database, "settings", "--letterhead-name", "Demo Exports Ltd.")
    kit = desk.folder / "mc.ddkit"
    desk.ok("--db", database, "kit", "export", "MC", "--out", kit, "--site", "DC-1")
    desk.ok("kit", "scan", kit, "1654922012345")
    desk.ok("kit", "close", kit, "--auditor", "Ana Lim", "--site-representative", "Raj, Manager")
    report = desk.folder / "visit.pdf"
    killed = []
    for number, delay in enumerate(DELAYS):
        out, err = desk.folder / f"merge{number}.out", desk.folder / f"merge{number}.err"
        merging = desk.start("--db", database, "kit", "merge", kit, "--report", report,
                             out=out, err=err)  # fmt: skip
        with reaped(merging):
            time.sleep(delay)
            merging.kill()
        if merging.returncode == KILLED:
            killed.append(delay)
        _assert_whole(desk, database)
        assert _visits(database) <= 1
        assert _reports(database) <= 1
        assert not report.exists() or _reports(database) == 1
    assert killed, "no merge was killed before it finished"
    done = desk.run("--db", database, "--json", "kit", "merge", kit, "--report", report)
    assert done.returncode == 0, done.stderr
    merged = json.loads(done.stdout)
    assert merged["report"].startswith("VR-")
    assert (_visits(database), _reports(database)) == (1, 1)
    assert report.exists()
    assert not Path(f"{report}.part").exists()
    verdict = json.loads(desk.ok("--db", database, "verify", report, "--json"))
    assert verdict["genuine"] is True
    _assert_whole(desk, database)


ON_SITE_DELAYS = (0.3, 0.6, 0.9, 1.2, 1.5, 2.0)
"""Seconds from the start of ``kit scan`` (20,000 serials from a file) to the kill."""


@pytest.mark.slow
def test_a_scan_killed_on_site_leaves_a_kit_that_opens_verified_with_whole_scans_only(
    tmp_path: Path,
) -> None:
    from storage.kit_file import open_kit

    desk = Desk(tmp_path / "desk")
    database = desk.folder / "desk.sqlite3"
    files = _files(desk.folder)
    for kind in ("parties", "products", "certifications", "orders"):
        desk.ok("--db", database, "import", kind, files[kind])
    shipments = desk.folder / "shipments.csv"
    shipments.write_text(SHIPMENTS, encoding="utf-8")
    desk.ok("--db", database, "import", "shipments", shipments)
    kit = desk.folder / "mc.ddkit"
    desk.ok("--db", database, "kit", "export", "MC", "--out", kit, "--site", "DC-1")
    batch = 20_000
    serials = desk.folder / "serials.txt"
    serials.write_text("".join(f"SN{n:08d}\n" for n in range(batch)), encoding="utf-8")
    killed = []
    for number, delay in enumerate(ON_SITE_DELAYS):
        out, err = desk.folder / f"scan{number}.out", desk.folder / f"scan{number}.err"
        scanning = desk.start("kit", "scan", kit, "--file", serials, out=out, err=err)
        with reaped(scanning):
            time.sleep(delay)
            scanning.kill()
        if scanning.returncode == KILLED:
            killed.append(delay)
        opened = open_kit(kit)  # signature and chain checked: refused whole if broken
        assert len(opened.entries("scan")) % batch == 0  # a file's serials: all, or none
    assert killed, "no scan was killed before it finished"
    desk.ok("kit", "scan", kit, "1654922012345")
    reconciled = json.loads(desk.ok("--json", "kit", "reconcile", kit))
    assert reconciled["found"] == 1
    desk.ok("kit", "close", kit, "--auditor", "Ana Lim", "--site-representative", "Raj, Manager")
    assert open_kit(kit).closed
