"""First start: an empty database offers the demonstration data or an import."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.desktop import build_context
from domain.model import Party
from domain.services.records import add_record
from gui.context import DeskContext
from gui.main_window import MainWindow
from gui.pages.orders import OrdersPage
from gui.settings import UiSettings
from gui.welcome import WelcomeDialog, offer_first_start
from tests.clock import clock_on


@pytest.fixture
def context(tmp_path: Path) -> Iterator[DeskContext]:
    context = build_context(str(tmp_path / "desk.sqlite3"), clock=clock_on(date(2026, 3, 2)))
    yield context
    context.jobs.cancel_all()
    context.jobs.wait()
    context.connection.db.close()  # type: ignore[attr-defined]


class FakeWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.imports = 0

    def _on_import(self) -> None:
        self.imports += 1


def welcome_of(window: QWidget) -> WelcomeDialog | None:
    found = window.findChild(QDialog, "welcomeDialog")
    return found if isinstance(found, WelcomeDialog) else None


def test_the_demonstration_data_loads_and_its_orders_show_decided(
    qtbot: QtBot, context: DeskContext, tmp_path: Path
) -> None:
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(context, [OrdersPage], settings)
    qtbot.addWidget(window)
    window.show()
    orders = window.page(OrdersPage)
    assert isinstance(orders, OrdersPage)
    qtbot.waitUntil(lambda: orders.count_label.text() == "0 orders", timeout=5000)

    offer_first_start(window, context)
    dialog = welcome_of(window)
    assert dialog is not None
    assert dialog.isVisible()
    progress: list[int] = []
    dialog.progress.valueChanged.connect(progress.append)
    with qtbot.waitSignal(dialog.demo_loaded, timeout=60_000) as loaded:
        qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    result = loaded.args[0]
    assert result.loaded.orders > 0
    assert result.checked.checked == result.loaded.orders
    assert progress  # the officer saw the checks advance
    assert not dialog.isVisible()

    qtbot.waitUntil(lambda: orders.model.rowCount() == result.loaded.orders, timeout=10_000)
    assert orders.count_label.text() == f"{result.loaded.orders:,} orders"
    outcomes = {
        orders.model.index(row, orders.model.OUTCOME_COLUMN).data()
        for row in range(orders.model.rowCount())
    }
    assert "✓ Authorized" in outcomes
    assert "… Pending" not in outcomes


def test_a_database_with_records_gets_no_welcome(qtbot: QtBot, context: DeskContext) -> None:
    add_record(
        context.db,
        Party(ref="DE-X", name="X GmbH", country="DE", hq_country="DE"),
        actor="officer",
    )
    window = FakeWindow()
    qtbot.addWidget(window)
    offer_first_start(window, context)
    assert welcome_of(window) is None


def test_the_officer_may_start_empty_or_import(qtbot: QtBot, context: DeskContext) -> None:
    window = FakeWindow()
    qtbot.addWidget(window)
    offer_first_start(window, context)
    dialog = welcome_of(window)
    assert dialog is not None
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.imports == 0

    offer_first_start(window, context)
    dialogs = [child for child in window.findChildren(WelcomeDialog) if child.isVisible()]
    assert len(dialogs) == 1
    qtbot.mouseClick(dialogs[0].import_button, Qt.MouseButton.LeftButton)
    assert window.imports == 1
    assert not dialogs[0].isVisible()


def test_a_key_pressed_by_habit_loads_nothing_and_focus_is_marked(
    qtbot: QtBot, context: DeskContext
) -> None:
    window = FakeWindow()
    qtbot.addWidget(window)
    window.show()
    offer_first_start(window, context)
    dialog = welcome_of(window)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.hasFocus)
    for key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
        qtbot.keyClick(dialog, key)
    qtbot.wait(100)
    assert dialog.isVisible()
    assert dialog.demo_button.isEnabled()  # nothing started
    assert not context.queries.party_summaries()

    unfocused = dialog.demo_button.grab().toImage()
    qtbot.keyClick(dialog, Qt.Key.Key_Tab)
    assert dialog.demo_button.hasFocus()
    focused = dialog.demo_button.grab().toImage()
    assert focused != unfocused  # the focused choice is marked on screen
    dialog.reject()
