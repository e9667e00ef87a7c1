"""Actions with shortcuts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def window_action(
    owner: QWidget, text: str, shortcut: str, slot: Callable[[], object], name: str, tip: str
) -> QAction:
    """An action with a shortcut that works anywhere in the owner's window."""
    action = QAction(text, owner)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setToolTip(f"{tip} ({QKeySequence(shortcut).toString()})")
    action.triggered.connect(slot)
    owner.addAction(action)
    return action
