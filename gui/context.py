"""What every screen is given: the database port, rulesets, the officer, events and jobs.

The composition root (app/desktop.py) builds one ``DeskContext``; widgets never open a
database or a file themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from domain.audit import VerifyReport
from domain.demo import DemoDataset
from domain.documents import DocumentRenderer, TextExtractor
from domain.ports import Clock, Database
from domain.progress import ProgressSink
from domain.queries import DeskQueries
from domain.ruleset import Ruleset, RulesetCatalog
from domain.services.field_audit import KitMerged
from domain.services.site_visit import SiteVisit
from gui.changes import Changes
from gui.jobs import Job, JobFunction, JobRunner


class DeskEvents(QObject):
    """Signals that tell screens the records changed.

    Signals:
        changed: a write succeeded; its ``Changes`` (kinds of record, refs).
        database_replaced: another database file was opened.
    """

    changed = Signal(object)
    database_replaced = Signal()


@dataclass
class Connection:
    """An open database with its fast read side."""

    db: Database
    queries: DeskQueries
    description: str
    backup: Callable[[Path], Path]
    """Write a consistent copy of the database to the given path; returns it."""
    key_fingerprint: Callable[[], str | None] = lambda: None
    """The fingerprint of the desk's signing key, or None before it is first made."""
    merge_kit: Callable[[Path, str], KitMerged] | None = None
    """Take a signed-off field-audit kit back (by the officer named): the visit recorded once,
    its report registered beside the kit; raises DomainError for a refused kit."""
    anchor: Callable[[], None] = lambda: None
    """Anchor the audit chain's head outside the database (after a batch, at exit)."""
    verify: Callable[[ProgressSink], VerifyReport] | None = None
    """Verify the whole record with its rulesets and anchors (None: the record alone)."""


@dataclass
class DeskContext:
    connection: Connection
    catalog: RulesetCatalog
    actor: str
    clock: Clock
    """The desk's one clock: every "today" and "now" on screen comes from it."""
    open_connection: Callable[[str], Connection]
    """Open (creating and migrating) a database file; raises DomainError when refused."""
    demo_dataset: Callable[[], DemoDataset]
    log_file: Path
    events: DeskEvents = field(default_factory=DeskEvents)
    undo_stack: QUndoStack = field(default_factory=QUndoStack)
    jobs: JobRunner = field(default_factory=JobRunner)
    renderer: DocumentRenderer | None = None
    """Renders documents to PDF; None where no renderer is wired (generating is then off)."""
    extract_text: TextExtractor | None = None
    """Reads a PDF's text, to verify a file that is not byte-for-byte a generated one."""
    open_kit: Callable[[Path], SiteVisit] | None = None
    """Open and verify a field-audit kit for the visit on site; raises DomainError when the
    kit is refused (altered, from a newer version, not a kit)."""

    @property
    def db(self) -> Database:
        return self.connection.db

    @property
    def queries(self) -> DeskQueries:
        return self.connection.queries

    def today(self) -> date:
        return self.clock.today()

    def ruleset_today(self) -> Ruleset:
        return self.catalog.in_effect_on(self.today())

    def write(
        self,
        name: str,
        fn: JobFunction,
        changes: Changes | Callable[[Any], Changes],
        *,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[str, bool], None],
        on_progress: Callable[[int, int, str], None] | None = None,
        on_finished: Callable[[], None] | None = None,
        essential: bool = False,
    ) -> Job:
        """The window's one way to write: ``fn`` (a service call) runs off the UI thread, after
        every write asked for before it; when it succeeds, ``on_success`` has the result and
        then ``events.changed`` announces ``changes`` (or ``changes(result)``)."""

        def succeeded(result: Any) -> None:
            if on_success is not None:
                on_success(result)
            self.events.changed.emit(changes(result) if callable(changes) else changes)

        return self.jobs.start(
            name,
            fn,
            on_success=succeeded,
            on_failure=on_failure,
            on_progress=on_progress,
            on_finished=on_finished,
            essential=essential,
            write=True,
        )

    def replace_connection(self, connection: Connection) -> None:
        self.connection = connection
        self.undo_stack.clear()
        self.events.database_replaced.emit()
        self.events.changed.emit(Changes.everything())
