"""Widgets made the way every screen makes them: one call says what a label, a button or a
text field is, instead of a constructor and a row of setters."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

T = TypeVar("T", bound=QObject)


def named(thing: T, name: str) -> T:
    """``thing`` (a widget, an action), with the object name tests, style sheets and
    screenshots find it by."""
    thing.setObjectName(name)
    return thing


def make_label(
    text: str = "",
    *,
    name: str = "",
    style: str = "",
    wrap: bool = False,
    selectable: bool = False,
    rich: bool = False,
    hidden: bool = False,
) -> QLabel:
    """A label: ``wrap`` its words, let the officer ``select`` its text (to copy a figure or a
    message), take it as ``rich`` text, or keep it ``hidden`` until there is something to say."""
    widget = QLabel(text)
    if name:
        widget.setObjectName(name)
    if wrap:
        widget.setWordWrap(True)
    if style:
        widget.setStyleSheet(style)
    if rich:
        widget.setTextFormat(Qt.TextFormat.RichText)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if hidden:
        widget.setVisible(False)
    return widget


def make_button(
    text: str, name: str = "", slot: Callable[[], object] | None = None, *, tip: str = ""
) -> QPushButton:
    """A push button that calls ``slot`` when clicked."""
    widget = QPushButton(text)
    if name:
        widget.setObjectName(name)
    if tip:
        widget.setToolTip(tip)
    if slot is not None:
        widget.clicked.connect(slot)
    return widget


def make_line_edit(
    text: str = "",
    *,
    name: str = "",
    placeholder: str = "",
    max_width: int = 0,
    clear_button: bool = False,
) -> QLineEdit:
    """A one-line text field."""
    widget = QLineEdit(text)
    if name:
        widget.setObjectName(name)
    if placeholder:
        widget.setPlaceholderText(placeholder)
    if max_width:
        widget.setMaximumWidth(max_width)
    if clear_button:
        widget.setClearButtonEnabled(True)
    return widget
