"""Restricted-party list snapshots: reading and importing the 3,392-entry Entity List file.

Measured on a new SQLite file: (a) reading the file into a snapshot (``parse_list``); (b) the
first import (``import_list``: read, diff, bulk insert of every entry, audit, commit);
(c) the same file again, found already imported (nothing written); (d) a file with one entry
changed, diffed against the 3,392 stored entries and stored as a new snapshot. Target for an
import: under 1 s.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.report import FAIL, PASS, Row, Section

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "screening" / "entity-list.csv"
IMPORT_TARGET_S = 1.0


def _seconds(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def run_section(*, workdir: Path | None = None) -> Section:
    from app.clock import SystemClock
    from domain.screening.lists import parse_list
    from domain.services.screening_lists import import_list
    from storage.unit_of_work import SqlDatabase

    data = DATA.read_bytes()
    changed = data.replace(b"140 Repair Plant JSC", b"140 Repair Plant OJSC", 1)
    section = Section("Restricted-party list snapshots (3,392 entries, SQLite)")
    with tempfile.TemporaryDirectory(dir=workdir) as folder:
        db = SqlDatabase.open(Path(folder) / "lists.sqlite3", clock=SystemClock())
        try:
            parse_s = _seconds(lambda: parse_list(data, source=DATA.name))
            first_s = _seconds(lambda: import_list(db, data, file_name=DATA.name, actor="bench"))
            again_s = _seconds(lambda: import_list(db, data, file_name=DATA.name, actor="bench"))
            next_s = _seconds(
                lambda: import_list(db, changed, file_name="changed.csv", actor="bench")
            )
        finally:
            db.close()
    for label, seconds, target in (
        ("read the file into a snapshot", parse_s, None),
        ("first import (3,392 entries)", first_s, IMPORT_TARGET_S),
        ("same file again (already imported)", again_s, IMPORT_TARGET_S),
        ("one entry changed: diff and new snapshot", next_s, IMPORT_TARGET_S),
    ):
        section.rows.append(
            Row(
                label,
                f"{seconds * 1000:.0f} ms",
                target="" if target is None else f"< {target:g} s",
                result="" if target is None else (PASS if seconds < target else FAIL),
            )
        )
    return section
