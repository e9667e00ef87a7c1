"""Help: the user guide on F1, every key of the window, and what the desk is."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui.context import DeskContext
from gui.help import AboutDialog, GuideDialog, ShortcutsDialog, guide_pages, version
from gui.main_window import MainWindow
from gui.pages.registry import page_factories
from storage.desk_key import DeskKey


def _window(qtbot: QtBot, context: DeskContext) -> MainWindow:
    window = MainWindow(context, page_factories())
    qtbot.addWidget(window)
    window.show()
    return window


def test_f1_opens_the_user_guide_and_it_can_be_searched(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    window = _window(qtbot, demo_context)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.navigation, Qt.Key.Key_F1)
    guide = window.findChild(GuideDialog)
    assert guide is not None
    qtbot.waitUntil(guide.isVisible)
    titles = [guide.contents.item(row).text() for row in range(guide.contents.count())]
    assert {"Orders", "Finding codes", "Documents"} <= set(titles)
    assert guide.current_topic == "orders"
    assert "Check all pending" in guide.text.toPlainText()
    with qtbot.waitSignal(guide.search.search_requested, timeout=2000):
        qtbot.keyClicks(guide.search, "muller")
    shown = [guide.contents.item(row).text() for row in range(guide.contents.count())]
    assert shown == ["Orders"]
    assert "Müller" in guide.text.toPlainText()
    guide.close()


def test_the_guide_names_only_what_the_window_has(qtbot: QtBot, demo_context: DeskContext) -> None:
    window = _window(qtbot, demo_context)
    text = "\n".join(page.markdown for page in guide_pages("en"))
    for page in window.pages:
        assert page.title in text
    buttons = {action.text() for action in window.findChildren(QAction)}
    named_buttons = ("Check all pending", "Export list…", "Cancel order…", "Verify…", "Letterhead…")
    for named in named_buttons:
        assert named in buttons
        assert f"**{named}**" in text


def test_the_shortcut_list_is_read_from_the_window(qtbot: QtBot, demo_context: DeskContext) -> None:
    window = _window(qtbot, demo_context)
    dialog = window.open_shortcuts()
    assert isinstance(dialog, ShortcutsDialog)
    rows = [
        tuple(dialog.table.item(row, column).text() for column in range(3))
        for row in range(dialog.table.rowCount())
    ]
    assert ("Ctrl+K", "Check", "Orders") in rows
    assert ("Ctrl+F", "Find", "Orders") in rows
    assert ("Ctrl+1", "Orders", "Everywhere") in rows
    assert any(keys == "F1" for keys, _, _ in rows)
    # One key, one meaning: the same keys never do two things where both are active.
    places = Counter((keys, where) for keys, _, where in rows)
    assert [key for key, count in places.items() if count > 1] == []
    everywhere = {keys for keys, _, where in rows if where == "Everywhere"}
    clashes = [row for row in rows if row[2] != "Everywhere" and row[0] in everywhere]
    assert clashes == []
    dialog.close()


def test_about_says_which_desk_and_where_its_log_is(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    window = _window(qtbot, demo_context)
    dialog = window.open_about()
    assert isinstance(dialog, AboutDialog)
    text = dialog.text.text()
    assert version() in text
    assert str(demo_context.log_file) in text
    assert demo_context.connection.description in text
    assert demo_context.ruleset_today().id in text
    assert "Desk signing key: not made yet" in text
    dialog.copy_button.click()
    assert str(demo_context.log_file) in QApplication.clipboard().text()
    dialog.close()


def test_about_shows_the_desk_keys_fingerprint_once_it_is_made(
    qtbot: QtBot, context: DeskContext, tmp_path: Path
) -> None:
    key = DeskKey.for_database(tmp_path / "desk.sqlite3")
    window = _window(qtbot, context)
    dialog = window.open_about()
    assert isinstance(dialog, AboutDialog)
    assert f"Desk signing key: {key.fingerprint}" in dialog.text.text()
    dialog.close()


def test_help_dialogs_fit_a_small_screen(qtbot: QtBot, demo_context: DeskContext) -> None:
    window = _window(qtbot, demo_context)
    for dialog in (window.open_guide(), window.open_shortcuts(), window.open_about()):
        screen = dialog.screen().availableGeometry()
        assert dialog.width() <= screen.width()
        assert dialog.height() <= screen.height()
        assert isinstance(dialog, QWidget)
        dialog.close()
