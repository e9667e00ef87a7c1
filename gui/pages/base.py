"""What every screen has: a title, the context, and a refresh when what it shows changed."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.jobs import JobFunction, OneAtATime

V = TypeVar("V")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for lupdate under ``context`` and return it as it is, to translate at use
    (PySide6's own marker is typed as returning ``object``)."""
    return text


class Page(QWidget):
    """A screen of the main window. Subclasses implement ``reload``.

    Data is loaded the first time the page is shown and again when a write changes a kind of
    record the page shows (``shows``), but only while it is visible; a hidden page reloads
    when next shown. A page that can do with less than a full reload overrides ``on_changes``.
    """

    title = ""
    """The page's name in the navigation, in English; each page marks it for translation with
    ``QT_TRANSLATE_NOOP("<PageClass>", ...)`` and an instance holds it translated."""
    shows: frozenset[Record] = frozenset()

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QCoreApplication.translate(type(self).__name__, type(self).title)
        self.context = context
        self._stale = True
        context.events.changed.connect(self._on_events_changed)

    def reload(self) -> None:
        """Read what the page shows (cheap, or started as a job)."""

    def on_changes(self, changes: Changes) -> None:
        """A write changed what this page shows: reload now if visible, else when shown."""
        self.mark_stale()

    def mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh()

    def _on_events_changed(self, changes: Changes) -> None:
        if changes.touches(self.shows):
            self.on_changes(changes)

    def page_layout(self) -> QVBoxLayout:
        """The page's column, with the margins every page keeps."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(8)
        return layout

    def _refresh(self) -> None:
        self._stale = False
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh()


class OverviewPage(Page, Generic[V]):
    """A page that shows one read model, read afresh as a job on each reload. A reload asked
    for while one runs follows it; what the running one read is still shown meanwhile.

    Signals:
        loaded: the view was (re)read and shown.
    """

    what = ""
    """What the page reads, as a failure names it ("the quotas"); marked for translation in
    the page's own context."""
    status: QLabel
    """The line that says how the page stands (and that the view could not be read)."""
    loaded = Signal()

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._reads = OneAtATime(context.jobs, self, drop_stale=False)

    def reload(self) -> None:
        if self._reads.later(self.reload):
            return
        name, work = self.read()
        self._reads.start(name, work, on_success=self._on_read, on_failure=self._on_failed)

    def read(self) -> tuple[str, JobFunction]:
        """The job's name, and the function that reads the view (run off the UI thread)."""
        raise NotImplementedError

    def _on_read(self, view: V) -> None:
        self._on_loaded(view)
        self.loaded.emit()

    def _on_loaded(self, view: V) -> None:
        """Show what was read."""
        raise NotImplementedError

    def _on_failed(self, message: str, is_bug: bool) -> None:
        what = QCoreApplication.translate(type(self).__name__, self.what)
        self.status.setText(
            QCoreApplication.translate("OverviewPage", "Could not read {what}.").format(what=what)
        )
        show_failure(self, message, is_bug, self.context.log_file)
