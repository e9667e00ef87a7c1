"""The desk's clock: the only place that reads the machine's time.

Everything else is given a ``domain.ports.Clock``. ``DIFFUSION_DESK_CLOCK`` sets the clock
for a run (an ISO date or instant, e.g. ``2026-11-28`` or ``2026-11-28T09:30:00+00:00``): the
desk then starts at that instant and runs on at the machine's pace. Tests and demonstrations
use it; every use is written to the log, since it stamps the record with that time.
"""

from __future__ import annotations

import logging
import os
import time
from datetime import UTC, date, datetime, timedelta

from domain.errors import DomainError
from domain.ports import Clock

CLOCK_ENV = "DIFFUSION_DESK_CLOCK"

log = logging.getLogger("diffusion_desk.clock")


class SystemClock:
    """The machine's clock: now in UTC, today in the machine's local time zone."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now().astimezone().date()


class SetClock:
    """A clock that starts at a given instant and runs at the machine's pace."""

    def __init__(self, start: datetime) -> None:
        self._start = start
        self._origin = time.monotonic()

    def now(self) -> datetime:
        return self._start + timedelta(seconds=time.monotonic() - self._origin)

    def today(self) -> date:
        return self.now().astimezone().date()


def parse_instant(text: str, origin: str = CLOCK_ENV) -> datetime:
    """An ISO date (noon UTC of that day) or an ISO instant (UTC when no offset is given)."""
    cleaned = text.strip()
    try:
        if len(cleaned) == 10:
            day = date.fromisoformat(cleaned)
            return datetime(day.year, day.month, day.day, 12, 0, tzinfo=UTC)
        instant = datetime.fromisoformat(cleaned)
    except ValueError:
        raise DomainError(
            f"{origin}: {text!r} is not a date or an instant; expected YYYY-MM-DD or "
            "YYYY-MM-DDTHH:MM:SS+00:00"
        ) from None
    return instant if instant.tzinfo is not None else instant.replace(tzinfo=UTC)


def desk_clock() -> Clock:
    """The system clock, or the clock ``DIFFUSION_DESK_CLOCK`` sets."""
    configured = os.environ.get(CLOCK_ENV, "").strip()
    if not configured:
        return SystemClock()
    start = parse_instant(configured)
    log.warning("the clock is set by %s: the desk starts at %s", CLOCK_ENV, start.isoformat())
    return SetClock(start)
