"""The Orders list loads in a job: the window keeps running while tens of thousands load.

No wall time is asserted (bench/gui.py measures that at a million orders): the list query is
held at a gate on its worker thread while a 10 ms timer on the UI thread must keep ticking,
which it could not do if the query ran on the UI thread.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from domain.queries import DeskQueries, OrderFilter
from gui.context import DeskContext
from gui.pages.orders import OrdersPage

BULK_ORDERS = 30_000


def add_bulk_orders(path: Path, count: int) -> None:
    """``count`` pending orders for the demonstration's parties, one line each, raw SQL."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        parties = connection.execute("SELECT id, country FROM parties ORDER BY id").fetchall()
        product = connection.execute("SELECT id FROM products ORDER BY id LIMIT 1").fetchone()[0]
        first = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM orders").fetchone()[0]
        start = date(2025, 2, 3)
        orders = []
        lines = []
        for number in range(count):
            order_id = first + number
            party_id, country = parties[number % len(parties)]
            day = start + timedelta(days=number * 600 // count)
            orders.append(
                (order_id, f"BULK-{number:06d}", day.isoformat(), party_id, "open", 0, country)
            )
            lines.append((order_id, 1, product, 1 + number % 16))
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT INTO orders (id, ref, date, consignee_id, status, decided,"
            " effective_destination) VALUES (?, ?, ?, ?, ?, ?, ?)",
            orders,
        )
        connection.executemany(
            "INSERT INTO order_lines (order_id, line_no, product_id, quantity) VALUES (?, ?, ?, ?)",
            lines,
        )
        connection.execute("COMMIT")
    finally:
        connection.close()


class GatedQueries:
    """The desk's queries, with ``order_ids`` held until the test opens the gate."""

    def __init__(self, queries: DeskQueries) -> None:
        self._queries = queries
        self.gate = threading.Event()
        self.threads: list[int] = []

    def order_ids(self, order_filter: OrderFilter, limit: int | None = None) -> Sequence[int]:
        self.threads.append(threading.get_ident())
        # A bounded wait: had the query run on the UI thread, the test fails, not hangs.
        self.gate.wait(timeout=5)
        return self._queries.order_ids(order_filter, limit)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._queries, name)


@pytest.fixture
def bulk_context(demo_context: DeskContext, tmp_path: Path) -> DeskContext:
    add_bulk_orders(tmp_path / "desk.sqlite3", BULK_ORDERS)
    return demo_context


@pytest.fixture
def ticks() -> Iterator[list[int]]:
    """A 10 ms timer on the UI thread; the list of its ticks grows while the thread is free."""
    seen: list[int] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: seen.append(len(seen)))
    timer.start()
    yield seen
    timer.stop()


def gate(context: DeskContext) -> GatedQueries:
    gated = GatedQueries(context.connection.queries)
    context.connection = replace(context.connection, queries=gated)  # type: ignore[arg-type]
    return gated


def wait_for_ticks(qtbot: QtBot, ticks: list[int], more: int = 10) -> None:
    """The UI thread's timer ticks ``more`` times (it cannot while that thread is blocked)."""
    target = len(ticks) + more
    qtbot.waitUntil(lambda: len(ticks) >= target, timeout=10_000)


def test_the_list_loads_in_a_job_while_the_window_keeps_ticking(
    qtbot: QtBot, bulk_context: DeskContext, ticks: list[int]
) -> None:
    total = bulk_context.queries.order_count()
    assert total >= BULK_ORDERS
    gated = gate(bulk_context)
    page = OrdersPage(bulk_context)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    # The query is held on its worker: the UI thread still runs its timer, and the page
    # says it is loading.
    wait_for_ticks(qtbot, ticks)
    assert gated.threads
    assert gated.threads[0] != threading.get_ident()
    assert page.count_label.text() == "Loading…"
    assert page.model.rowCount() == 0
    with qtbot.waitSignal(page.list_loaded, timeout=30_000) as loaded:
        gated.gate.set()
    assert loaded.args == [total]
    assert page.model.rowCount() == total
    assert page.count_label.text() == f"{total:,} orders"


def test_a_filter_loads_in_a_job_and_keeps_the_selected_order_far_down_the_list(
    qtbot: QtBot, bulk_context: DeskContext, ticks: list[int]
) -> None:
    page = OrdersPage(bulk_context)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    with qtbot.waitSignal(page.list_loaded, timeout=30_000):
        page.show()
    total = page.model.rowCount()
    page.table.scrollToBottom()
    with qtbot.waitSignal(page.selection_loaded, timeout=10_000):
        page.table.selectRow(total - 1)
    chosen = page.model.record(total - 1)
    assert chosen is not None
    assert page.selected_ref() == chosen.ref

    gated = gate(bulk_context)
    tier = bulk_context.ruleset_today().tier_of(chosen.destination)
    page.tier_filter.setCurrentIndex(page.tier_filter.findData(tier))
    wait_for_ticks(qtbot, ticks)
    assert gated.threads[-1] != threading.get_ident()
    assert page.model.rowCount() == total  # the old list stays until the new one is in
    with qtbot.waitSignal(page.list_loaded, timeout=30_000) as loaded:
        gated.gate.set()
    shown = loaded.args[0]
    assert 0 < shown < total

    # The selected order is still selected, found by its id wherever it now is.
    rows = page.table.selectionModel().selectedRows()
    assert len(rows) == 1
    assert rows[0].row() > 5_000  # beyond the first pages: found by id, not by a scan
    record = page.model.record(rows[0].row())
    assert record is not None
    assert record.ref == chosen.ref
    assert page.selected_ref() == chosen.ref
