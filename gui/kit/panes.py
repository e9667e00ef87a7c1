"""Laying widgets out: a column or row of them, and panes side by side (or one above the
other) that the officer can resize."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QLayout, QSplitter, QWidget


def split(
    orientation: Qt.Orientation,
    *panes: QWidget,
    sizes: Sequence[int],
    stretch: Sequence[int] = (),
    name: str = "",
) -> QSplitter:
    """A splitter over ``panes`` at ``sizes``; ``stretch`` says how they share a resize."""
    splitter = QSplitter(orientation)
    if name:
        splitter.setObjectName(name)
    for pane in panes:
        splitter.addWidget(pane)
    for index, factor in enumerate(stretch):
        splitter.setStretchFactor(index, factor)
    splitter.setSizes(list(sizes))
    return splitter


L = TypeVar("L", bound=QBoxLayout)


def stack(layout: L, *items: QWidget | QLayout) -> L:
    """``layout`` with ``items`` (widgets and layouts) added one after the other."""
    for item in items:
        if isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return layout
