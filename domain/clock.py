"""A set clock: the desk's time when a test, a demonstration or a replay fixes it.

The system clock lives in the composition root (``app/clock.py``), the only place that reads
the machine's time; everything else is given a ``domain.ports.Clock``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo


class FixedClock:
    """A clock set to an instant. It moves only by ``tick`` at each reading (so that entries
    written one after another get distinct, ordered times) or when moved by hand."""

    def __init__(
        self, start: datetime, *, tick: timedelta = timedelta(0), zone: tzinfo = UTC
    ) -> None:
        if start.tzinfo is None:
            raise ValueError("a clock is set to a timezone-aware instant")
        self._current = start
        self._tick = tick
        self._zone = zone

    def now(self) -> datetime:
        value = self._current
        self._current += self._tick
        return value

    def today(self) -> date:
        return self._current.astimezone(self._zone).date()

    def set(self, instant: datetime) -> None:
        if instant.tzinfo is None:
            raise ValueError("a clock is set to a timezone-aware instant")
        self._current = instant

    def advance(self, delta: timedelta) -> None:
        self._current += delta

    @classmethod
    def on(cls, day: date, *, tick: timedelta = timedelta(0)) -> FixedClock:
        """A clock at noon UTC of ``day``: the same calendar day in every zone from UTC-11
        to UTC+11."""
        return cls(datetime(day.year, day.month, day.day, 12, 0, tzinfo=UTC), tick=tick)
