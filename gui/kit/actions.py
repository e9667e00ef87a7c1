"""Actions with shortcuts, and the toolbars of words that show them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar, QWidget

from gui.kit.widgets import named


def window_action(
    owner: QWidget, text: str, shortcut: str, slot: Callable[[], object], name: str, tip: str
) -> QAction:
    """An action with a shortcut that works anywhere in the owner's window."""
    action = named(QAction(text, owner), name)
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setToolTip(f"{tip} ({QKeySequence(shortcut).toString()})")
    action.triggered.connect(slot)
    owner.addAction(action)
    return action


def toolbar_action(
    owner: QWidget,
    text: str,
    slot: Callable[[], object],
    name: str,
    tip: str,
    shortcut: str = "",
    *,
    context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
) -> QAction:
    """An action for a toolbar of words, with its shortcut (if any) in its tooltip."""
    action = QAction(text, owner)
    action.setIconText(text)  # tool buttons would drop the "…" that says a dialog follows
    action.setObjectName(name)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(context)
        tip = f"{tip} ({shortcut})"
    action.setToolTip(tip)
    # triggered(bool) would pass its "checked" flag as the slot's first argument.
    action.triggered.connect(lambda _checked=False: slot())
    return action


def text_toolbar(name: str) -> QToolBar:
    """A toolbar whose buttons are words, not icons."""
    bar = named(QToolBar(), name)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return bar
