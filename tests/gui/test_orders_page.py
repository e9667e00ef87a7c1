"""The Orders screen as an officer uses it: list, filter, look, check, check all, cancel."""

from __future__ import annotations

import csv
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from domain.csvio.lists import ORDER_LIST_HEADER
from domain.queries import PENDING, OrderSort
from domain.services.orders import BatchSummary, cancel_order
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.order_list import CancelOrderDialog
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


def _cancel_dialog(qtbot: QtBot, page: OrdersPage) -> CancelOrderDialog:
    page.cancel_order_action.trigger()
    shown = [dialog for dialog in page.findChildren(CancelOrderDialog) if dialog.isVisible()]
    assert len(shown) == 1
    return shown[0]


def test_cancelling_an_order_asks_why_and_keeps_the_reason(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    page = open_page(qtbot, demo_context)
    with qtbot.waitSignal(page.selection_loaded, timeout=5000):
        page.table.selectRow(3)
    ref = page.selected_ref()
    assert ref is not None
    dialog = _cancel_dialog(qtbot, page)
    dialog.confirm.click()  # no reason: refused, the order stays open
    assert dialog.isVisible()
    assert "Say why" in dialog.problem.text()
    dialog.reject()  # "Keep order"
    assert "Cancelled" not in page.detail.badge.text()

    dialog = _cancel_dialog(qtbot, page)
    qtbot.keyClicks(dialog.reason, "Customer withdrew  the order")
    with qtbot.waitSignal(page.selection_loaded, timeout=10_000):
        dialog.confirm.click()
    assert "Cancelled" in page.detail.badge.text()
    assert not page.check_action.isEnabled()
    texts = " ".join(label.text() for label in page.detail.findChildren(QLabel))
    assert "Customer withdrew the order" in texts
    with demo_context.db.reader() as uow:
        entry = uow.audit.entries_for("order", ref)[-1]
    assert entry.action == "cancel"
    assert entry.actor == demo_context.actor
    assert entry.after is not None
    assert entry.after["reason"] == "Customer withdrew the order"


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


def _consignees(page: OrdersPage) -> set[str]:
    rows = (page.model.record(row) for row in range(page.model.rowCount()))
    return {row.consignee_ref for row in rows if row is not None}


def test_search_follows_typing_without_case_or_accents(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    page = open_page(qtbot, demo_context)
    page.table.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        qtbot.keyClicks(page.search, "muller")  # no Enter: the list follows the typing
    assert 0 < page.model.rowCount() < DEMO_ORDERS
    assert _consignees(page) == {"DE-MUELLER"}
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        page.search.setText("MÜLLER")
    assert _consignees(page) == {"DE-MUELLER"}
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        page.search.clear()
    assert page.model.rowCount() == DEMO_ORDERS


def test_clicking_a_heading_sorts_the_whole_list(qtbot: QtBot, demo_context: DeskContext) -> None:
    page = open_page(qtbot, demo_context)
    header = page.table.horizontalHeader()
    column = page.model.column_of(OrderSort.REF)
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        qtbot.mouseClick(
            header.viewport(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(header.sectionViewportPosition(column) + 10, header.height() // 2),
        )
    refs = [page.model.record(row).ref for row in range(page.model.rowCount())]  # type: ignore[union-attr]
    assert len(refs) == DEMO_ORDERS
    order = header.sortIndicatorOrder()
    assert refs == sorted(refs, reverse=order == Qt.SortOrder.DescendingOrder)
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder)
    refs = [page.model.record(row).ref for row in range(page.model.rowCount())]  # type: ignore[union-attr]
    assert refs == sorted(refs, reverse=True)


def test_cancelled_orders_have_a_filter_of_their_own(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    with demo_context.db.reader() as uow:
        ref = next(iter(uow.orders.all())).order.ref
    cancel_order(demo_context.db, ref, actor="officer", reason="duplicate")
    page = open_page(qtbot, demo_context)
    index = page.outcome_filter.findText("Cancelled")
    assert index > 0
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        page.outcome_filter.setCurrentIndex(index)
    assert page.model.rowCount() == 1
    assert page.model.record(0).ref == ref  # type: ignore[union-attr]
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        page.outcome_filter.setCurrentIndex(1)  # pending: open orders only
    refs = {page.model.record(row).ref for row in range(page.model.rowCount())}  # type: ignore[union-attr]
    assert ref not in refs
    assert len(refs) == DEMO_ORDERS - 1


def test_the_list_has_a_menu_of_its_own(qtbot: QtBot, demo_context: DeskContext) -> None:
    page = open_page(qtbot, demo_context)
    rect = page.table.visualRect(page.model.index(2, 0))
    with qtbot.waitSignal(page.selection_loaded, timeout=5000):
        page.table.customContextMenuRequested.emit(rect.center())
    menu = page.context_menu
    record = page.model.record(2)
    assert record is not None
    assert page.selected_ref() == record.ref
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts[:3] == ["Check", "Red flags…", "Cancel order…"]
    assert f"Copy {record.ref}" in texts
    only = next(action for action in menu.actions() if action.text().startswith("Only orders"))
    menu.close()
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        only.trigger()
    assert page.party_filter.text() == record.consignee_ref
    assert record.consignee_ref in _consignees(page)


def test_the_list_shown_exports_with_its_outcomes(
    qtbot: QtBot, demo_context: DeskContext, tmp_path: Path
) -> None:
    page = open_page(qtbot, demo_context)
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        page.search.setText("muller")
        page.apply_filter()
    shown = [page.model.record(row) for row in range(page.model.rowCount())]
    target = tmp_path / "list.csv"
    with qtbot.waitSignal(page.list_exported, timeout=10_000) as exported:
        page.export_list(target)
    assert exported.args == [len(shown), str(target)]
    rows = list(csv.reader(target.open(encoding="utf-8", newline="")))
    assert rows[0] == list(ORDER_LIST_HEADER)
    assert [row[0] for row in rows[1:]] == [item.ref for item in shown if item is not None]
    assert {row[3] for row in rows[1:]} == {"Pending"}
    assert not list(tmp_path.glob("*.part"))


def test_an_order_is_read_off_the_window_thread(
    qtbot: QtBot, demo_context: DeskContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gui.pages.orders as orders_module

    threads: list[bool] = []
    real = orders_module.order_detail

    def spying(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(orders_module, "order_detail", spying)
    page = open_page(qtbot, demo_context)
    with qtbot.waitSignal(page.selection_loaded, timeout=5000):
        page.table.selectRow(1)
    assert threads == [False]


def test_only_changes_to_what_the_list_shows_reload_it(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    page = open_page(qtbot, demo_context)
    loads: list[int] = []
    page.list_loaded.connect(loads.append)
    demo_context.events.changed.emit(Changes.of(Record.PRODUCTS, Record.DOCUMENTS))
    demo_context.events.changed.emit(Changes.of(Record.SETTINGS))
    qtbot.wait(300)
    assert loads == []
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        demo_context.events.changed.emit(Changes.of(Record.DECISIONS))


def test_a_shipped_order_shows_its_shipments_and_every_serial(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    page = open_page(qtbot, demo_context)
    with qtbot.waitSignal(page.selection_loaded, timeout=10_000):
        assert page.select_ref("SO-25-0001")
    texts = " ".join(label.text() for label in page.detail.findChildren(QLabel))
    assert "Shipments (" in texts
    assert "SHP-25-0001-1</b> shipped 2025-" in texts
    table = page.detail.findChild(QTableWidget, "shipmentSerials")
    assert table is not None
    assert table.rowCount() == 32  # the order's 32 systems, one serial each
    serials = [table.item(row, 3).text() for row in range(table.rowCount())]
    assert len(set(serials)) == 32
    assert all(serial.startswith("HGX") for serial in serials)
