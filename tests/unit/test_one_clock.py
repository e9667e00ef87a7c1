"""One clock: nothing in the desk reads the machine's time except app/clock.py.

Everything else is given a ``Clock`` (the services through the database, the window through
its context, the commands through their run), so a test can set the day and the suite passes
whatever the date (tests/e2e/test_any_date.py runs part of it years from now).
"""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app.clock import CLOCK_ENV, SetClock, SystemClock, desk_clock, parse_instant
from domain.clock import FixedClock
from domain.errors import DomainError

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("domain", "storage", "reports", "gui", "app", "bench")
THE_CLOCK = ROOT / "app" / "clock.py"

# Calls that read the machine's calendar time (monotonic and performance counters measure
# durations, not dates, and are allowed).
WALL_CLOCK_CALLS = {
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
    ("time", "time_ns"),
    ("time", "localtime"),
    ("time", "gmtime"),
    ("time", "ctime"),
    ("QDate", "currentDate"),
    ("QDateTime", "currentDateTime"),
    ("QDateTime", "currentDateTimeUtc"),
    ("QDateTime", "currentSecsSinceEpoch"),
    ("QDateTime", "currentMSecsSinceEpoch"),
    ("QTime", "currentTime"),
}


def _wall_clock_reads(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        owner = node.func.value
        name = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", None)
        if (name, node.func.attr) in WALL_CLOCK_CALLS:
            # time.localtime(seconds) and friends only convert a given time.
            if name == "time" and node.func.attr != "time" and node.args:
                continue
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}.{node.func.attr}()")
    return found


def test_only_the_clock_module_reads_the_machines_time() -> None:
    reads = [
        read
        for package in PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if path != THE_CLOCK
        for read in _wall_clock_reads(path)
    ]
    assert reads == []


def test_the_scan_finds_a_read_of_the_machines_time(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import datetime, time\n"
        "a = datetime.date.today()\n"
        "b = datetime.datetime.now(datetime.UTC)\n"
        "c = time.time()\n"
        "d = time.localtime(0)\n",
        encoding="utf-8",
    )
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert [read.split(": ")[1] for read in _wall_clock_reads(sample)] == [
            "date.today()",
            "datetime.now()",
            "time.time()",
        ]
    finally:
        ROOT = saved


def test_a_fixed_clock_moves_only_by_its_tick() -> None:
    clock = FixedClock(datetime(2031, 5, 6, 23, 59, 59, tzinfo=UTC))
    assert clock.now() == clock.now()
    assert clock.today() == date(2031, 5, 6)
    ticking = FixedClock.on(date(2031, 5, 6))
    ticking.advance(ticking.now() - ticking.now())
    with pytest.raises(ValueError, match="timezone-aware"):
        FixedClock(datetime(2031, 5, 6))


def test_the_desk_clock_is_the_machines_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CLOCK_ENV, raising=False)
    assert isinstance(desk_clock(), SystemClock)
    monkeypatch.setenv(CLOCK_ENV, "2040-02-29")
    clock = desk_clock()
    assert isinstance(clock, SetClock)
    assert clock.now() >= datetime(2040, 2, 29, 12, 0, tzinfo=UTC)
    assert clock.now().date() == date(2040, 2, 29)


def test_a_clock_setting_that_is_not_a_date_is_refused_with_what_was_expected() -> None:
    with pytest.raises(DomainError, match=r"DIFFUSION_DESK_CLOCK: 'next tuesday'.*YYYY-MM-DD"):
        parse_instant("next tuesday")
    assert parse_instant("2030-01-02T03:04:05") == datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
