"""Starts the desktop window: the composition root for the GUI."""

from __future__ import annotations

import gc
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

if TYPE_CHECKING:
    from storage.unit_of_work import SqlDatabase

from app.clock import desk_clock
from app.first_paint import quit_after_first_paint
from app.logs import log_file_path
from app.wiring import default_actor, default_database_location, environment_fault
from domain.audit import VerifyReport
from domain.documents import DocumentRenderer, DocumentView, Stamp
from domain.errors import DomainError
from domain.ports import Clock
from domain.progress import ProgressSink
from domain.ruleset import load_shipped_rulesets
from domain.services.field_audit import KitMerged
from domain.services.site_visit import SiteVisit
from gui.context import Connection, DeskContext
from gui.i18n import install_translations

log = logging.getLogger("diffusion_desk.desktop")

EXIT_REFUSED = 2
EXIT_BUG = 1
ORGANIZATION_NAME = "Diffusion Desk"
APPLICATION_NAME = "Diffusion Desk"


def open_connection(location: str, clock: Clock) -> Connection:
    """Open a database for the window, with its read side and backup."""
    from storage.database import backup_database
    from storage.queries import SqlDeskQueries
    from storage.unit_of_work import SqlDatabase

    db = SqlDatabase.open(location, clock=clock)

    def merge(path: Path, actor: str) -> KitMerged:
        from app.kit_merge import desk_key_for, merge_kit_file

        key = desk_key_for(db.target.path)
        return merge_kit_file(db, path, key=key, renderer=RENDERER, clock=clock, actor=actor)

    return Connection(
        db=db,
        queries=SqlDeskQueries(db.engine),
        description=db.description,
        backup=lambda destination: backup_database(db.target, destination),
        key_fingerprint=lambda: _key_fingerprint(db.target.path),
        merge_kit=merge,
        anchor=lambda: _anchor(db, clock),
        verify=lambda progress: _verify(db, progress),
    )


def _anchor(db: SqlDatabase, clock: Clock) -> None:
    from app.anchoring import write_anchor

    write_anchor(db, actor=default_actor(), clock=clock)


def _verify(db: SqlDatabase, progress: ProgressSink) -> VerifyReport:
    from app.anchoring import verify_anchored

    return verify_anchored(db, load_shipped_rulesets(), progress=progress)


def _key_fingerprint(database_file: Path | None) -> str | None:
    """The fingerprint of the signing key beside a database file, if one was made."""
    from storage.desk_key import KEY_SUFFIX, DeskKey

    if database_file is None:
        return None
    path = database_file.with_name(database_file.name + KEY_SUFFIX)
    return DeskKey.load_or_create(path).fingerprint if path.exists() else None


class LazyRenderer:
    """The PDF renderer, built on first use (its fonts take a moment to load), rendering one
    document at a time (reportlab's font and style tables are shared)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._renderer: DocumentRenderer | None = None

    def render(self, view: DocumentView, stamp: Stamp) -> bytes:
        with self._lock:
            if self._renderer is None:
                from reports.renderer import PdfRenderer

                self._renderer = PdfRenderer()
            return self._renderer.render(view, stamp)


RENDERER = LazyRenderer()
"""The one renderer of this process (the window, and the kits it merges)."""


def extract_pdf_text(pdf: bytes) -> str:
    """The text of a PDF, for verifying a file (pypdf is imported on first use)."""
    from reports.extract import pdf_text

    return pdf_text(pdf)


def open_site_visit(path: Path, *, clock: Clock, actor: str) -> SiteVisit:
    """A field-audit kit opened and verified, for the visit on site (no database needed)."""
    from storage.kit_file import make_thumbnail, open_kit

    return SiteVisit(open_kit(path), clock=clock, actor=actor, thumbnail=make_thumbnail)


def build_context(location: str | None = None, *, clock: Clock | None = None) -> DeskContext:
    """Everything the window's screens are given; the clock is the desk's own unless set."""
    from domain.demo import build_demo_dataset

    clock = clock or desk_clock()
    return DeskContext(
        connection=open_connection(location or default_database_location(), clock),
        catalog=load_shipped_rulesets(),
        actor=default_actor(),
        clock=clock,
        open_connection=lambda location: open_connection(location, clock),
        demo_dataset=build_demo_dataset,
        log_file=log_file_path(),
        renderer=RENDERER,
        extract_text=extract_pdf_text,
        open_kit=lambda path: open_site_visit(path, clock=clock, actor=default_actor()),
    )


def _start_failed(error: Exception, location: str | None) -> int:
    """Say why the desk did not start (a box: there is no window to put a message in)."""
    from gui.dialogs import failure_box

    known = environment_fault(error, location) or (
        error if isinstance(error, DomainError) else None
    )
    if known is None:
        log.exception("the desk could not start on %s", location or default_database_location())
        message = f"The desk could not start: {type(error).__name__}: {error}"
    else:
        log.warning("the desk could not start: %s", known)
        message = f"The desk could not start: {known}."
    box = failure_box(None, message, known is None, log_file_path())
    box.setWindowTitle(APPLICATION_NAME)
    box.exec()
    return EXIT_BUG if known is None else EXIT_REFUSED


def show_desk(argv: list[str], location: str | None = None) -> QMainWindow:
    """Create the application if needed, open the database and show the desk."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    # Set once, here: QSettings and the platform's data folders derive from these names.
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setApplicationName(APPLICATION_NAME)
    install_translations(app)
    from gui.main_window import MainWindow
    from gui.pages.registry import page_factories
    from gui.welcome import offer_first_start

    context = build_context(location)
    window = MainWindow(context, page_factories())
    quit_after_first_paint(window)
    window.show()
    # What start-up built (rulesets, screens, their models) lives as long as the window; the
    # garbage collector would otherwise scan all of it on every full collection, a pause of
    # 80-90 ms on the window's thread now and then (measured by bench.gui). Frozen, those
    # objects are left out of collections; what is made later is collected as usual.
    gc.freeze()
    QTimer.singleShot(0, lambda: offer_first_start(window, context))
    return window


def show_kit(argv: list[str], path: Path, *, clock: Clock | None = None) -> QMainWindow:
    """The field-audit window over one kit, on its own: the laptop on site needs no database.
    A kit that is refused raises DomainError (the command line says why, exit 2)."""
    from gui.field_audit.window import FieldAuditWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setApplicationName(APPLICATION_NAME)
    install_translations(app)
    clock = clock or desk_clock()
    visit = open_site_visit(path, clock=clock, actor=default_actor())
    window = FieldAuditWindow(visit, path=path, clock=clock, renderer=LazyRenderer())
    window.show()
    return window


def open_kit_window(argv: list[str], path: Path) -> int:
    """Show the field-audit window over ``path`` and run the event loop."""
    window = show_kit(argv, path)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    code = app.exec()
    window.deleteLater()
    return code


def open_window(argv: list[str], location: str | None = None) -> int:
    """Show the desk and run the event loop; return its exit code.

    A database the desk cannot open (a folder, a damaged file, a read-only disk, a server
    that refuses: see storage.faults) is explained in a message and the exit status is 2, as
    on the command line; anything else stopping the start is a bug, logged with its
    traceback (exit 1).
    """
    try:
        window = show_desk(argv, location)
    except Exception as error:
        return _start_failed(error, location)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    code = app.exec()
    window.deleteLater()
    return code
