"""Running service calls off the UI thread, with progress, cancel and error reporting.

A job is a plain function ``fn(progress, cancel) -> result`` that knows nothing of Qt. It
runs on a worker thread; its signals arrive on the UI thread. A known error
(``DomainError``) comes back as a message; anything else is a bug: logged with its
traceback and reported as such.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QLabel, QWidget

from domain.errors import DomainError
from domain.progress import CancelToken

log = logging.getLogger("diffusion_desk.gui")

JobFunction = Callable[[Callable[[int, int, str], None], CancelToken], Any]


class JobSignals(QObject):
    """Signals:
    progressed: (done, total, label) as the job reports it.
    succeeded: the job's result.
    failed: (message, is_bug).
    finished: after succeeded or failed.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str, bool)
    finished = Signal()


class Job(QRunnable):
    def __init__(self, fn: JobFunction, name: str, *, essential: bool = False) -> None:
        super().__init__()
        self.fn = fn
        self.name = name
        self.essential = essential
        """Work the officer started and would lose by quitting (a batch, an import)."""
        self.signals = JobSignals()
        self.cancel_token = CancelToken()
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progressed.emit, self.cancel_token)
        except DomainError as error:
            self.signals.failed.emit(str(error), False)
        except Exception as error:
            log.exception("job %s failed", self.name)
            self.signals.failed.emit(f"{type(error).__name__}: {error}", True)
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


class JobRunner(QObject):
    """Starts jobs off the UI thread and keeps them alive until they finish.

    Reads run on a pool of two workers. Writes run on a pool of their own with one worker, so
    they happen one at a time in the order they were asked for (SQLite has one writer; an
    undo waits for the edit before it): a read goes on while a write runs.

    Signals:
        busy_changed: whether any job is running.
    """

    busy_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(2)
        self.writes = QThreadPool()
        self.writes.setMaxThreadCount(1)
        self._running: set[Job] = set()

    def start(
        self,
        name: str,
        fn: JobFunction,
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[str, bool], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_finished: Callable[[], None] | None = None,
        essential: bool = False,
        write: bool = False,
    ) -> Job:
        """Start ``fn`` on a worker (the write worker when ``write``); every callback is
        connected before it starts, so even a job that ends at once reports to all of them.

        Screens do not call this with ``write`` themselves: ``DeskContext.write`` does, and
        announces what the write changed."""
        job = Job(fn, name, essential=essential)
        if on_success is not None:
            job.signals.succeeded.connect(on_success)
        if on_failure is not None:
            job.signals.failed.connect(on_failure)
        if on_progress is not None:
            job.signals.progressed.connect(on_progress)
        if on_finished is not None:
            job.signals.finished.connect(on_finished)
        job.signals.finished.connect(lambda: self._finished(job))
        self._running.add(job)
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        (self.writes if write else self.pool).start(job)
        return job

    def _finished(self, job: Job) -> None:
        self._running.discard(job)
        if not self._running:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    @property
    def essential_running(self) -> list[str]:
        """Names of running jobs that quitting would interrupt."""
        return sorted(job.name for job in self._running if job.essential)

    def cancel_all(self) -> None:
        for job in list(self._running):
            job.cancel()

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for running jobs (on close); True when all finished."""
        writes_done = self.writes.waitForDone(msecs)
        return self.pool.waitForDone(msecs) and writes_done


def start_job(
    runner: JobRunner,
    name: str,
    fn: JobFunction,
    *,
    on_success: Callable[[Any], None],
    on_failure: Callable[[str, bool], None],
    on_finished: Callable[[], None],
    on_progress: Callable[[int, int, str], None] | None = None,
) -> Job:
    """Start a job whose ``on_finished`` runs after its success or failure handler.

    Every handler is connected before the job starts: a fast job cannot finish unnoticed.
    """

    def succeeded(result: Any) -> None:
        try:
            on_success(result)
        finally:
            on_finished()

    def failed(message: str, is_bug: bool) -> None:
        try:
            on_failure(message, is_bug)
        finally:
            on_finished()

    return runner.start(name, fn, on_success=succeeded, on_failure=failed, on_progress=on_progress)


class OneAtATime(QObject):
    """One job of a kind at a time: a list's load, a page's read, a preview.

    Asked for again while one runs (``later``), the newest request waits and is made when the
    running job ends. With ``drop_stale`` the running job's result is not shown then: a newer
    one follows at once. A failure is always reported. A child of the screen it loads for:
    a job that ends after the screen was closed reports to no one.
    """

    def __init__(self, runner: JobRunner, parent: QObject, *, drop_stale: bool = True) -> None:
        super().__init__(parent)
        self._runner = runner
        self._drop_stale = drop_stale
        self._job: Job | None = None
        self._next: Callable[[], None] | None = None
        self._on_success: Callable[[Any], None] = _ignore
        self._on_failure: Callable[[str, bool], None] = _ignore

    @property
    def stale(self) -> bool:
        """A newer request waits: what the running job reads is already out of date."""
        return self._next is not None

    def later(self, again: Callable[[], None]) -> bool:
        """While a job runs, keep ``again`` for when it ends (in place of any earlier
        request) and say True; otherwise False, and the caller starts its job now."""
        if self._job is None:
            return False
        self._next = again
        return True

    def start(
        self,
        name: str,
        fn: JobFunction,
        *,
        on_success: Callable[[Any], None],
        on_failure: Callable[[str, bool], None],
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Job:
        self._on_success, self._on_failure = on_success, on_failure
        self._job = self._runner.start(
            name,
            fn,
            on_success=self._on_job_succeeded,
            on_failure=self._on_job_failed,
            on_progress=on_progress,
        )
        return self._job

    def _on_job_succeeded(self, result: Any) -> None:
        try:
            if not (self._drop_stale and self.stale):
                self._on_success(result)
        finally:
            self._finished()

    def _on_job_failed(self, message: str, is_bug: bool) -> None:
        try:
            self._on_failure(message, is_bug)
        finally:
            self._finished()

    def _finished(self) -> None:
        self._job = None
        again, self._next = self._next, None
        if again is not None:
            again()


def _ignore(*_args: object) -> None:
    """What a job's result is told before any job started."""


def stop_job(job: Job | None, button: QWidget, label: QLabel, text: str) -> None:
    """Ask a running ``job`` to stop after the item it is on: its stop ``button`` goes grey
    and ``label`` says what happens now."""
    if job is not None:
        job.cancel()
        button.setEnabled(False)
        label.setText(text)
