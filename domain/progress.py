"""Progress and cancellation for long jobs, with no knowledge of any front end."""

from __future__ import annotations

import threading
from typing import Protocol


class ProgressSink(Protocol):
    def __call__(self, done: int, total: int, label: str) -> None: ...


def no_progress(done: int, total: int, label: str) -> None:
    """A sink that ignores progress."""


class CancelToken:
    """Set by a front end; checked by a job between units of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()
