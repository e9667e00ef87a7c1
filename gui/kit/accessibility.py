"""Names for screen readers, given in one place: every control a person can reach gets an
accessible name from what a sighted person reads beside it (its label, its own text, its
placeholder, its tooltip, its column headings), and every one can be reached with Tab.

``name_controls`` walks a window once; ``install_accessible_names`` also names what comes
later (dialogs, rows of controls built when data arrives) when it first takes the focus, so a
page's module needs no line of its own and no event of the window pays for it. A control
that sets its own accessible name keeps it.
"""

from __future__ import annotations

import re
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QListWidget,
    QMenuBar,
    QPlainTextEdit,
    QScrollBar,
    QSlider,
    QTableView,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QToolButton,
    QWidget,
)

INTERACTIVE: tuple[type[QWidget], ...] = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QSlider,
    QTabWidget,
)
"""The kinds of control a person operates (a scroll bar is reached through its view)."""

_TAGS = re.compile(r"<[^>]+>")


def is_interactive(widget: QWidget) -> bool:
    if isinstance(widget, QScrollBar | QHeaderView) or not isinstance(widget, INTERACTIVE):
        return False
    if widget.window().windowType() == Qt.WindowType.Popup:
        return False  # a completer's or a menu's list: announced by the field that opened it
    owner = widget.parentWidget()
    # The parts Qt builds inside a control (a field's clear button, a combo box's line edit,
    # a spin box's field, a table's corner button, a tab bar's arrows) go with their owner.
    if isinstance(owner, QLineEdit | QComboBox | QAbstractSpinBox | QAbstractItemView | QMenuBar):
        return False  # (the menu bar's own button: F10 and Alt reach the menus)
    return not (
        isinstance(widget, QToolButton)
        and owner is not None
        and type(owner).__name__ in ("QTabBar", "QCalendarWidget")
    )


def _label_before(widget: QWidget) -> str:
    """The text of the label just before ``widget`` in its layout (left of it in a grid)."""
    owner = widget.parentWidget()
    layout = owner.layout() if owner is not None else None
    if layout is None:
        return ""
    for box in [layout, *layout.findChildren(QLayout)]:
        index = box.indexOf(widget)
        if index < 0:
            continue
        before: QWidget | None = None
        if isinstance(box, QGridLayout):
            position = cast("tuple[int, int, int, int]", box.getItemPosition(index))
            row, column = position[0], position[1]
            item = box.itemAtPosition(row, column - 1) if column > 0 else None
            before = item.widget() if item is not None else None
        elif index > 0:
            item = box.itemAt(index - 1)
            before = item.widget() if item is not None else None
        if isinstance(before, QLabel | QCheckBox) and plain(before.text()):
            return plain(before.text())
        return ""
    return ""


def plain(text: str) -> str:
    """Text as read aloud: no mnemonic ampersands, tags, trailing colons or dots."""
    text = _TAGS.sub(" ", text).replace("&&", "\x00").replace("&", "").replace("\x00", "&")
    return " ".join(text.split()).rstrip(":：").removesuffix("…").strip()


def _first_control(item: QLayoutItem) -> QWidget | None:
    """The control a form row's field is: the field itself, or the first control of the cell
    or layout it sits in (a field with its messages under it)."""
    widget = item.widget()
    if widget is not None:
        if is_interactive(widget):
            return widget
        inner = [child for child in widget.findChildren(QWidget) if is_interactive(child)]
        return inner[0] if inner else None
    layout = item.layout()
    if layout is not None:
        for index in range(layout.count()):
            child = layout.itemAt(index)
            found = _first_control(child) if child is not None else None
            if found is not None:
                return found
    return None


def _labels_by_buddy(root: QWidget) -> dict[QWidget, str]:
    found: dict[QWidget, str] = {}
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text():
            found.setdefault(buddy, plain(label.text()))
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label_item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field_item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            caption = label_item.widget() if label_item is not None else None
            field = _first_control(field_item) if field_item is not None else None
            if isinstance(caption, QLabel) and field is not None and plain(caption.text()):
                found.setdefault(field, plain(caption.text()))
    return found


def _headings(view: QAbstractItemView) -> str:
    model = view.model()
    if model is None or not isinstance(view, QTableView):
        return ""
    columns = [
        str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        for column in range(min(model.columnCount(), 3))
    ]
    shown = ", ".join(plain(column) for column in columns if column)
    return QApplication.translate("Accessibility", "Table: {columns}").format(columns=shown)


def _group_title(widget: QWidget) -> str:
    owner = widget.parentWidget()
    while owner is not None and not owner.isWindow():
        if isinstance(owner, QGroupBox) and owner.title():
            return plain(owner.title())
        owner = owner.parentWidget()
    return ""


def _words(name: str) -> str:
    """An object name in words ("ordersTable", "verify_code" → "orders table", "verify code")."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).replace("_", " ")
    return " ".join(spaced.split()).lower()


def name_for(widget: QWidget, labels: dict[QWidget, str]) -> str:
    """What a sighted person reads for ``widget``, the best source first."""
    if widget in labels:
        return labels[widget]
    if widget.objectName() in ("qt_toolbar_ext_button", "qt_menubar_ext_button"):
        return QApplication.translate("Accessibility", "More actions")
    if not isinstance(widget, QAbstractButton) and (before := _label_before(widget)):
        return before
    if isinstance(widget, QAbstractButton) and plain(widget.text()):
        return plain(widget.text())
    if isinstance(widget, QLineEdit) and widget.placeholderText():
        return plain(widget.placeholderText().split("(")[0])
    if isinstance(widget, QTextEdit | QPlainTextEdit) and widget.placeholderText():
        return plain(widget.placeholderText())
    if isinstance(widget, QToolButton) and widget.defaultAction() is not None:
        action = widget.defaultAction()
        if plain(action.text()):
            return plain(action.text())
    if widget.toolTip():
        return plain(widget.toolTip()).split(". ")[0]
    if isinstance(widget, QAbstractItemView) and (headings := _headings(widget)):
        return headings
    if isinstance(widget, QComboBox) and widget.count():
        return plain(widget.itemText(0))  # a filter's first choice says what it filters
    if isinstance(widget, QTabWidget) and widget.count():
        tabs = ", ".join(plain(widget.tabText(index)) for index in range(widget.count()))
        return QApplication.translate("Accessibility", "Tabs: {tabs}").format(tabs=tabs)
    if isinstance(widget, QListWidget) and widget.count():
        items = ", ".join(plain(widget.item(row).text()) for row in range(min(widget.count(), 3)))
        return QApplication.translate("Accessibility", "List: {items}…").format(items=items)
    if title := _group_title(widget):
        return title
    return _words(widget.objectName())


def hosts_controls(view: QAbstractItemView) -> bool:
    """A table whose cells are controls (the order form's lines): Tab walks the controls."""
    return any(is_interactive(child) for child in view.viewport().findChildren(QWidget))


def _joins_tab_order(widget: QWidget) -> bool:
    """A toolbar's button, or a list only the mouse reached; not a control a page keeps out
    of the Tab order on purpose with a key of its own (the order form's Ctrl+Del)."""
    if isinstance(widget, QToolButton):
        return isinstance(widget.parentWidget(), QToolBar)
    return isinstance(widget, QAbstractItemView) and not hosts_controls(widget)


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader says for ``widget``: its accessible name, else what Qt finds
    for it (a button's text as it is now, the label of its form row or its buddy)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName()).strip()


def name_controls(root: QWidget) -> list[QWidget]:
    """Give every control under ``root`` that a screen reader would announce without a name
    the one a sighted person reads, and let Tab reach the controls only the mouse reached;
    returns the controls still without a name (nothing to read and no object name).

    A control Qt already names (a button by its text, a field by its form label) is left to
    Qt, so a button whose text changes is announced as it reads now."""
    labels = _labels_by_buddy(root)
    unnamed: list[QWidget] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not is_interactive(widget):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and _joins_tab_order(widget):
            # Tab reaches it; a click still leaves the focus where the officer was working
            # (the serial field keeps the scanner's typing).
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        if spoken_name(widget):
            continue  # its own name, its text, its form label or buddy: Qt says it already
        name = name_for(widget, labels)
        if name:
            widget.setAccessibleName(name)
        else:
            unnamed.append(widget)
    return unnamed


_NAMED = "accessibleNamesGiven"
"""A window's dynamic property: its controls were named once already."""


def _on_focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
    """A control reached for the first time in a window not named yet (a dialog), or one built
    after its window was named (a row of a form filled when data arrived): name it now, before
    a screen reader announces it."""
    if new is None:
        return
    window = new.window()
    if not window.property(_NAMED):
        window.setProperty(_NAMED, True)
        name_controls(window)
    elif is_interactive(new) and not spoken_name(new):
        name_controls(new.parentWidget() or new)


_installed = False


def install_accessible_names(window: QWidget) -> None:
    """Name ``window``'s controls now, and those of every window from the first time one of
    its controls takes the focus (and a control built later, when it first takes it)."""
    global _installed
    window.setProperty(_NAMED, True)
    name_controls(window)
    app = QApplication.instance()
    if not _installed and isinstance(app, QApplication):
        app.focusChanged.connect(_on_focus_changed)
        _installed = True
