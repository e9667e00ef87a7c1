"""The Orders screen as an officer uses it: list, filter, look, check, check all, cancel."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from domain.queries import PENDING
from domain.services.orders import BatchSummary
from gui.context import DeskContext
from gui.pages.orders import OrdersPage

DEMO_ORDERS = 391


def open_page(qtbot: QtBot, context: DeskContext) -> OrdersPage:
    page = OrdersPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    with qtbot.waitSignal(page.list_loaded, timeout=15_000):
        page.show()
    return page


def test_the_list_shows_every_order_and_its_model_is_sound(
    qtbot: QtBot, demo_context: DeskContext, qtmodeltester: ModelTester
) -> None:
    page = open_page(qtbot, demo_context)
    assert page.model.rowCount() == DEMO_ORDERS
    assert page.count_label.text() == f"{DEMO_ORDERS} orders"
    qtmodeltester.check(page.model)
    assert "Pending" in page.model.index(0, page.model.OUTCOME_COLUMN).data()


def test_the_enforcement_note_is_on_screen(qtbot: QtBot, demo_context: DeskContext) -> None:
    page = open_page(qtbot, demo_context)
    assert "2025-05-13" in page.findChild(type(page.count_label), "enforcementNotice").text()


def test_selecting_a_pending_order_previews_its_decision(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    page = open_page(qtbot, demo_context)
    with qtbot.waitSignal(page.selection_loaded, timeout=5000):
        page.table.selectRow(0)
    texts = " ".join(label.text() for label in page.detail.findChildren(type(page.count_label)))
    assert "Preview, not recorded" in texts
    assert "Findings" in texts


def test_checking_an_order_records_and_shows_the_decision(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    page = open_page(qtbot, demo_context)
    with qtbot.waitSignal(page.selection_loaded, timeout=5000):
        page.table.selectRow(0)
    ref = page.selected_ref()
    with qtbot.waitSignal(page.selection_loaded, timeout=10_000):
        page.check_action.trigger()
    assert page.detail.badge.text().split(" ", 1)[1] != "Pending"
    texts = " ".join(label.text() for label in page.detail.findChildren(type(page.count_label)))
    assert "by test.officer" in texts
    assert page.selected_ref() == ref


def test_check_all_pending_reports_progress_and_fills_the_outcomes(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    page = open_page(qtbot, demo_context)
    seen: list[int] = []
    page.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(page.batch_finished, timeout=120_000) as finished:
        page.check_all_action.trigger()
        assert page.progress.isVisible()
    summary: BatchSummary = finished.args[0]
    assert summary.checked == DEMO_ORDERS
    assert not summary.cancelled
    assert seen
    assert max(seen) == DEMO_ORDERS
    qtbot.waitUntil(lambda: not page.progress.isVisible(), timeout=5000)
    page.outcome_filter.setCurrentIndex(1)  # pending
    qtbot.waitUntil(lambda: page.count_label.text() == "0 orders", timeout=10_000)
    page.outcome_filter.setCurrentIndex(2)  # needs attention
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    outcomes = {page.model.record(row).outcome for row in range(page.model.rowCount())}  # type: ignore[union-attr]
    assert outcomes <= {"hold", "license_required", "prohibited"}


def test_check_all_can_be_stopped_and_keeps_what_it_decided(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    page = open_page(qtbot, demo_context)
    page.progress.valueChanged.connect(
        lambda value: page.stop_button.click() if value == 5 else None
    )
    with qtbot.waitSignal(page.batch_finished, timeout=60_000) as finished:
        page.check_all_action.trigger()
    summary: BatchSummary = finished.args[0]
    assert summary.cancelled
    assert 5 <= summary.checked < DEMO_ORDERS
    assert demo_context.queries.outcome_counts()[PENDING] == DEMO_ORDERS - summary.checked


def test_filters_narrow_the_list(qtbot: QtBot, demo_context: DeskContext) -> None:
    page = open_page(qtbot, demo_context)
    page.tier_filter.setCurrentIndex(3)  # Tier 3 destinations
    qtbot.waitUntil(lambda: page.model.rowCount() < DEMO_ORDERS, timeout=10_000)
    tier3 = demo_context.ruleset_today().countries_in(3)
    assert "HK" in tier3
    rows = [page.model.record(row) for row in range(page.model.rowCount())]
    assert all(row is not None and row.destination in tier3 for row in rows)
    page.tier_filter.setCurrentIndex(0)
    page.destination_filter.setText("Atlantis")
    page.apply_filter()
    assert "unknown country" in page.filter_error.text()


def test_cancelling_an_order_asks_first_and_marks_it_cancelled(
    qtbot: QtBot, demo_context: DeskContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = open_page(qtbot, demo_context)
    with qtbot.waitSignal(page.selection_loaded, timeout=5000):
        page.table.selectRow(3)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    with qtbot.waitSignal(page.selection_loaded, timeout=10_000):
        page.cancel_order_action.trigger()
    assert "Cancelled" in page.detail.badge.text()
    assert not page.check_action.isEnabled()


def test_a_long_list_shows_a_first_screenful_before_the_rest(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    page = OrdersPage(demo_context)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    with qtbot.waitSignals(
        [page.first_rows_shown, page.list_loaded], order="strict", timeout=15_000
    ):
        page.show()
    assert page.FIRST_ROWS < DEMO_ORDERS
    assert page.model.rowCount() == DEMO_ORDERS


def test_after_check_all_the_detail_shows_the_decision_not_the_preview(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    page = open_page(qtbot, demo_context)
    with qtbot.waitSignal(page.selection_loaded, timeout=5000):
        page.table.selectRow(0)
    assert page.detail.badge.text().endswith("Pending")
    with qtbot.waitSignal(page.batch_finished, timeout=120_000):
        page.check_all_action.trigger()
    qtbot.waitUntil(lambda: not page.detail.badge.text().endswith("Pending"), timeout=10_000)
    texts = " ".join(label.text() for label in page.detail.findChildren(type(page.count_label)))
    assert "Preview, not recorded" not in texts


def test_an_order_the_filter_removes_is_no_longer_shown_in_the_detail(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    page = open_page(qtbot, demo_context)
    with qtbot.waitSignal(page.selection_loaded, timeout=5000):
        page.table.selectRow(0)
    record = page.model.record(0)
    assert record is not None
    page.search.setText("NO-SUCH-ORDER-REF")
    page.apply_filter()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: page.selected_ref() is None, timeout=5000)
    assert not page.check_action.isEnabled()
    texts = " ".join(label.text() for label in page.detail.findChildren(type(page.count_label)))
    assert record.ref not in texts
