"""The clock every test runs on: a set day, never the machine's.

``TEST_DAY`` is the day the tests pretend it is (the demonstration data runs to November
2026). In-process tests give the desk ``clock_on(...)``; commands run as subprocesses get the
same day through ``DIFFUSION_DESK_CLOCK``, which ``tests/conftest.py`` sets for the whole run.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from domain.clock import FixedClock

TEST_DAY = date(2026, 11, 28)
TEST_NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def clock_on(day: date = TEST_DAY) -> FixedClock:
    """A clock at noon UTC of ``day`` that moves a millisecond per reading (entries written
    one after another get distinct, ordered times)."""
    return FixedClock.on(day, tick=timedelta(milliseconds=1))
