"""`open_window`, which `diffusion-desk` without a command runs, and the main window."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from app.desktop import open_window, show_desk
from gui.context import DeskContext
from gui.main_window import MainWindow
from gui.pages.registry import page_factories

TITLES = [
    "Orders",
    "Parties",
    "Products",
    "Certifications & Licences",
    "Quotas",
    "Red flags",
    "Audit log",
    "Documents",
    "Rulesets",
    "Screening",
]


def test_the_desk_opens_on_the_chosen_database_and_offers_a_first_start(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIFFUSION_DESK_DB", str(tmp_path / "desk.sqlite3"))
    window = show_desk([])
    qtbot.addWidget(window)
    # Start-up's objects are left out of garbage collections (no 80 ms pauses later).
    frozen = gc.get_freeze_count()
    gc.unfreeze()
    assert frozen > 0
    assert isinstance(window, MainWindow)
    assert window.isVisible()
    assert QApplication.applicationName() == "Diffusion Desk"
    assert (tmp_path / "desk.sqlite3").exists()
    assert str(tmp_path / "desk.sqlite3") in window.database_label.text()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "welcomeDialog") is not None)
    welcome = window.findChild(QDialog, "welcomeDialog")
    assert welcome is not None
    welcome.close()
    window.context.jobs.wait()


def test_the_window_has_every_screen_and_shows_what_it_works_on(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    window = MainWindow(demo_context, page_factories())
    qtbot.addWidget(window)
    window.show()
    assert [window.navigation.item(row).text() for row in range(window.navigation.count())] == (
        TITLES
    )
    assert "test.officer" in window.officer_label.text()
    ruleset = window.findChild(QLabel, "rulesetLabel")
    assert ruleset is not None
    assert "aidf-" in ruleset.text()
    assert "Not enforced by BIS since 2025-05-13" in ruleset.text()
    for index, title in enumerate(TITLES):
        window.show_page(index)
        assert window.stack.currentWidget() is window.pages[index]
        assert window.pages[index].title == title


def test_keyboard_shortcuts_move_between_screens(qtbot: QtBot, demo_context: DeskContext) -> None:
    window = MainWindow(demo_context, page_factories())
    qtbot.addWidget(window)
    window.show()
    by_key = {action.shortcut().toString(): action for action in window.findChildren(QAction)}
    by_key["Ctrl+7"].trigger()
    assert window.stack.currentIndex() == 6
    by_key["Ctrl+1"].trigger()
    assert window.stack.currentIndex() == 0
    for common in ("Ctrl+I", "Ctrl+E", "Ctrl+Z", "Ctrl+N", "Ctrl+K", "Ctrl+Shift+K"):
        assert common in by_key, common


def test_window_geometry_and_screen_are_remembered(qtbot: QtBot, demo_context: DeskContext) -> None:
    window = MainWindow(demo_context, page_factories())
    qtbot.addWidget(window)
    window.show()
    window.show_page(2)
    window.resize(1111, 777)
    window.close()
    again = MainWindow(demo_context, page_factories())
    qtbot.addWidget(again)
    assert again.stack.currentIndex() == 2
    # The offscreen screen is smaller than the window, so Qt clamps the restored size;
    # what matters is that the geometry was kept.
    assert again.settings.geometry("main") is not None


def _boxes_shown(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Message boxes shown modally, answered at once (the test has no one to click OK)."""
    shown: list[QMessageBox] = []

    def answer(box: QMessageBox) -> int:
        shown.append(box)
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return shown


def test_a_folder_given_as_the_database_is_explained_and_the_desk_exits_with_status_2(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _boxes_shown(monkeypatch)
    assert open_window([], str(tmp_path)) == 2
    (box,) = shown
    assert box.icon() is QMessageBox.Icon.Warning
    assert f"cannot open the database {tmp_path}: it is a folder" in box.text()
    assert "give the path of a database file" in box.text()
    assert "bug" not in box.text()


def test_a_bug_at_start_is_reported_as_one_with_its_traceback_logged_and_exit_1(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug while building the screens")

    monkeypatch.setattr("app.desktop.build_context", broken)
    shown = _boxes_shown(monkeypatch)
    assert open_window([], str(tmp_path / "desk.sqlite3")) == 1
    (box,) = shown
    assert box.icon() is QMessageBox.Icon.Critical
    assert "This is a bug" in box.text()
    assert "a bug while building the screens" in box.informativeText()
    assert any(record.exc_info for record in caplog.records)
