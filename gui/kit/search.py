"""One search field for every screen: it follows the typing, Enter applies at once, Ctrl+F
reaches it, and it says what it searches. Matching ignores case and accents everywhere
(``domain.text``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

SEARCH_DELAY_MS = 250
"""A list follows the search field this long after the last key (Enter: at once)."""


class SearchField(QLineEdit):
    """Signals:
    search_requested: the text to search for, after a pause in typing, on Enter or on clear.
    """

    search_requested = Signal(str)

    def __init__(self, searches: str, finds: str = "", parent: QWidget | None = None) -> None:
        """``searches``: what, in a word or two ("orders and parties"); ``finds``: what a
        match is, for the tooltip ("part of an order ref, or of a party's ref, name or
        alias"); by default, part of ``searches``."""
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Search {what}…  (Ctrl+F)").format(what=searches))
        finds = finds or self.tr("part of {what}").format(what=searches)
        self.setToolTip(
            finds[:1].upper()
            + finds[1:]
            + self.tr(
                "; case and accents do not matter (muller finds Müller). The list follows as you"
                " type."
            )
        )
        self.setClearButtonEnabled(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.request)
        self.textChanged.connect(self._timer.start)
        self.returnPressed.connect(self.request)

    def request(self) -> None:
        self._timer.stop()
        self.search_requested.emit(self.text())

    def install_find(self, page: QWidget) -> QAction:
        """Ctrl+F on ``page`` (while it is the screen shown) puts the caret here."""
        action = QAction(self.tr("Find"), page)
        action.setObjectName(f"{page.objectName() or 'page'}FindAction")
        action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(self.focus_and_select)
        page.addAction(action)
        return action

    def focus_and_select(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()
