"""Every control of the window has a name a screen reader can say and can be reached with
Tab: the main window's screens, the field-audit window and the main dialogs."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QDialog, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from app.desktop import LazyRenderer, open_site_visit
from gui.context import DeskContext
from gui.field_audit.window import FieldAuditWindow
from gui.kit.accessibility import hosts_controls, is_interactive, name_controls, spoken_name
from gui.main_window import MainWindow
from gui.pages.registry import page_factories
from tests.clock import clock_on
from tests.gui.test_guide import small_kit


def has_key(widget: QWidget) -> bool:
    """A control kept out of the Tab order on purpose has a key of its own instead, or is a
    table whose cells are the controls."""
    if isinstance(widget, QAbstractButton) and not widget.shortcut().isEmpty():
        return True
    if isinstance(widget, QAbstractItemView) and hosts_controls(widget):
        return True  # Tab walks the controls in its cells
    if re.search(r"\b(Ctrl|Alt)\+\w", widget.toolTip()):
        return True  # the key its tooltip names ("Ctrl+Delete in its fields")
    action = widget.defaultAction() if isinstance(widget, QToolButton) else None
    return action is not None and not action.shortcut().isEmpty()


def offenders(root: QWidget) -> list[str]:
    """Each control without a name, or that Tab cannot reach, named by class and object."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not is_interactive(widget):
            continue
        problems = []
        if not spoken_name(widget):
            problems.append("no accessible name")
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus and not has_key(widget):
            problems.append("neither reached by Tab nor given a key")
        if problems:
            found.append(
                f"{type(widget).__name__} {widget.objectName()!r} in "
                f"{type(widget.window()).__name__}: {', '.join(problems)}"
            )
    return found


def _focus_inside(qtbot: QtBot, dialog: QDialog) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.focusNextChild()
    qtbot.waitUntil(lambda: dialog.property("accessibleNamesGiven") is True, timeout=3000)


def test_every_control_on_every_screen_is_named_and_reached_by_tab(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    window = MainWindow(demo_context, page_factories())
    qtbot.addWidget(window)
    window.show()
    for index, page in enumerate(window.pages):
        window.show_page(index)
        qtbot.waitUntil(page.isVisible)
        qtbot.wait(50)  # what a page builds when its data arrives
    assert offenders(window) == []
    names = {spoken_name(widget) for widget in window.findChildren(QWidget)}
    assert {"Search orders and parties", "Check all pending", "Verify the record"} <= names


def test_the_main_dialogs_are_named_when_they_first_take_the_focus(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    from gui.import_dialog import ImportDialog
    from gui.order_form import NewOrderDialog

    window = MainWindow(demo_context, page_factories())
    qtbot.addWidget(window)
    window.show()
    dialogs: list[QDialog] = [
        window.open_guide(),
        window.open_shortcuts(),
        window.open_about(),
        NewOrderDialog(demo_context, window),
        ImportDialog(demo_context, window.settings, window),
    ]
    for dialog in dialogs:
        _focus_inside(qtbot, dialog)
        assert offenders(dialog) == [], type(dialog).__name__
        dialog.close()


def test_the_field_audit_window_is_named_and_reached_by_tab(
    qtbot: QtBot, context: DeskContext, tmp_path: Path
) -> None:
    path = small_kit(context, tmp_path)
    clock = clock_on()
    window = FieldAuditWindow(
        open_site_visit(path, clock=clock, actor="Auditor Tan"),
        path=path,
        clock=clock,
        renderer=LazyRenderer(),
    )
    qtbot.addWidget(window)
    window.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
    assert offenders(window) == []


def test_a_name_comes_from_what_a_sighted_person_reads(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPushButton, QToolBar

    form_host = QWidget()
    qtbot.addWidget(form_host)
    form = QFormLayout(form_host)
    labelled = QLineEdit()
    form.addRow("Consignee &ref:", labelled)
    placeholder = QLineEdit()
    placeholder.setPlaceholderText("Search orders…  (Ctrl+F)")
    button = QPushButton("&Save and check")
    combo = QComboBox()
    combo.addItems(["All outcomes", "Hold"])
    own = QLineEdit()
    own.setAccessibleName("Chosen by the page")
    toolbar = QToolBar()
    verify = QAction(QIcon(), "", toolbar)
    verify.setToolTip("Verify a printed paper. Type its code.")
    toolbar.addAction(verify)
    icon_only = toolbar.widgetForAction(verify)
    assert isinstance(icon_only, QToolButton)
    assert icon_only.focusPolicy() == Qt.FocusPolicy.NoFocus  # Qt's way in a toolbar
    nameless = QLineEdit()
    for widget in (placeholder, button, combo, own, toolbar, nameless):
        form.addRow(widget)
    before = offenders(form_host)
    assert len(before) == 4  # the toolbar's two buttons (no name, no Tab), the bare fields
    assert name_controls(form_host) == [nameless]
    assert offenders(form_host) == ["QLineEdit '' in QWidget: no accessible name"]
    assert icon_only.accessibleName() == "Verify a printed paper"
    assert icon_only.focusPolicy() == Qt.FocusPolicy.TabFocus
    assert spoken_name(labelled) == "Consignee ref:"  # Qt reads the form's label itself
    assert placeholder.accessibleName() == "Search orders"
    assert button.accessibleName() == ""  # Qt says its text, as it reads at the time
    button.setText("Save")
    assert spoken_name(button) == "Save"
    assert spoken_name(combo) == "All outcomes"
    assert own.accessibleName() == "Chosen by the page"
