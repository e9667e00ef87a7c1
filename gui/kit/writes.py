"""One write path for record changes: audited service calls run one after another, off the
UI thread, and the undo stack's commands that make them again or take them back."""

from __future__ import annotations

import weakref
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from domain.progress import CancelToken
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.jobs import JobFunction, JobRunner

Failure = Callable[[str, bool], None]
T = TypeVar("T")


@dataclass(frozen=True)
class Change:
    """A record change already made, with how to make it again and how to take it back."""

    text: str
    apply: Callable[[], object]
    revert: Callable[[], object] | None
    """None when the change cannot be taken back (licences are only added)."""
    kind: str = "paperwork"


class RecordWrites(QObject):
    """Record changes run one after another, in the order the officer made them.

    The job pool has two workers; without this an undo pressed right after a save (or a
    redo right after an undo) could reach the database first.
    """

    def __init__(self, jobs: JobRunner) -> None:
        super().__init__()
        self._jobs = weakref.ref(jobs)  # the registry is keyed weakly by it
        self._queue: deque[tuple[str, JobFunction, Callable[[Any], None], Failure]] = deque()
        self._running = False

    @classmethod
    def of(cls, context: DeskContext) -> RecordWrites:
        found = _WRITES.get(context.jobs)
        if found is None:
            found = _WRITES[context.jobs] = cls(context.jobs)
        return found

    def submit(
        self,
        name: str,
        work: JobFunction,
        on_success: Callable[[Any], None],
        on_failure: Failure,
    ) -> None:
        self._queue.append((name, work, on_success, on_failure))
        self._next()

    def _next(self) -> None:
        if self._running or not self._queue:
            return
        jobs = self._jobs()
        if jobs is None:
            self._queue.clear()
            return
        name, work, on_success, on_failure = self._queue.popleft()
        self._running = True
        jobs.start(name, work, on_success=on_success, on_failure=on_failure, on_finished=self._done)

    def _done(self) -> None:
        self._running = False
        self._next()


_WRITES: weakref.WeakKeyDictionary[JobRunner, RecordWrites] = weakref.WeakKeyDictionary()


class _CommandRelay(QObject):
    """Receives a command's job results on the UI thread."""

    def __init__(self, context: DeskContext, text: str, kind: str) -> None:
        super().__init__()
        self.context = context
        self.text = text
        self.kind = kind
        self.doing = ""

    def on_succeeded(self, _result: object) -> None:
        self.context.events.records_changed.emit(self.kind)

    def on_failed(self, message: str, is_bug: bool) -> None:
        show_failure(
            None,
            f"{self.doing} of “{self.text}” was not done: {message}",
            is_bug,
            self.context.log_file,
        )
        self.context.events.records_changed.emit(self.kind)


class RecordCommand(QUndoCommand):
    """An audited record change on the undo stack. It is pushed after the change was made,
    so its first ``redo`` does nothing; undo and redo run as jobs, each audited."""

    def __init__(self, context: DeskContext, change: Change) -> None:
        super().__init__(change.text)
        self.context = context
        self.change = change
        self._relay = _CommandRelay(context, change.text, change.kind)
        self._first = True

    def _run(self, doing: str, fn: Callable[[], object]) -> None:
        self._relay.doing = doing

        def work(progress: Any, cancel: CancelToken) -> None:
            fn()

        RecordWrites.of(self.context).submit(
            f"{doing.lower()} {self.change.text}",
            work,
            self._relay.on_succeeded,
            self._relay.on_failed,
        )

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run("Redo", self.change.apply)

    def undo(self) -> None:
        if self.change.revert is not None:
            self._run("Undo", self.change.revert)


def replacing(
    text: str, write: Callable[[T], object], value: T, previous: Callable[[], T]
) -> Callable[[], Change]:
    """A change (made off the UI thread) that writes ``value``; undoing it writes back what
    ``previous`` gave just before the change was made."""

    def make() -> Change:
        before = previous()
        write(value)
        return Change(text=text, apply=lambda: write(value), revert=lambda: write(before))

    return make
