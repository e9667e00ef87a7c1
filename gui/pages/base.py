"""What every screen has: a title, the context, and a refresh when what it shows changed."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from gui.changes import Changes, Record
from gui.context import DeskContext


class Page(QWidget):
    """A screen of the main window. Subclasses implement ``reload``.

    Data is loaded the first time the page is shown and again when a write changes a kind of
    record the page shows (``shows``), but only while it is visible; a hidden page reloads
    when next shown. A page that can do with less than a full reload overrides ``on_changes``.
    """

    title = ""
    shows: frozenset[Record] = frozenset()
    kinds: frozenset[str] = frozenset()
    """Transitional: the names of ``shows`` ("all" is ignored: every page hears that)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._stale = True
        if not self.shows and self.kinds:
            self.shows = frozenset(Record(kind) for kind in self.kinds if kind != "all")
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

    def _refresh(self) -> None:
        self._stale = False
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._refresh()
