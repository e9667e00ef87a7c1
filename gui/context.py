"""What every screen is given: the database port, rulesets, the officer, events and jobs.

The composition root (app/desktop.py) builds one ``DeskContext``; widgets never open a
database or a file themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from domain.demo import DemoDataset
from domain.documents import DocumentRenderer, TextExtractor
from domain.ports import Clock, Database
from domain.queries import DeskQueries
from domain.ruleset import Ruleset, RulesetCatalog
from gui.jobs import JobRunner


class DeskEvents(QObject):
    """Signals that tell screens the records changed.

    Signals:
        records_changed: a kind of record changed ("orders", "parties", "products",
            "paperwork", "decisions", "all").
        database_replaced: another database file was opened.
    """

    records_changed = Signal(str)
    database_replaced = Signal()


@dataclass
class Connection:
    """An open database with its fast read side."""

    db: Database
    queries: DeskQueries
    description: str
    backup: Callable[[Path], Path]
    """Write a consistent copy of the database to the given path; returns it."""


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

    def replace_connection(self, connection: Connection) -> None:
        self.connection = connection
        self.undo_stack.clear()
        self.events.database_replaced.emit()
        self.events.records_changed.emit("all")
