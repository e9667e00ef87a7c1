"""Orders: the list (fast at a million rows), filters, the decision, and the actions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QItemSelection, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from domain.decision import Outcome
from domain.ports import OrderStatus
from domain.progress import CancelToken
from domain.queries import PENDING, OrderFilter, OrderSort
from domain.services.orders import BatchSummary, cancel_order, check_order, check_pending
from domain.services.views import OrderDetail, order_detail
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.decision_view import DecisionView
from gui.dialogs import show_failure
from gui.jobs import Job, OneAtATime, stop_job
from gui.kit.actions import text_toolbar, toolbar_action
from gui.kit.panes import split
from gui.kit.search import SearchField
from gui.kit.tables import set_up_list
from gui.kit.widgets import make_button, make_label, make_line_edit, named
from gui.models import OrderTableModel
from gui.order_list import CancelOrderDialog, export_order_list
from gui.pages.base import QT_TRANSLATE_NOOP, Page
from gui.style import Tone, error_style, text_style, warning_style

NEEDS_ATTENTION = QT_TRANSLATE_NOOP("OrdersPage", "Needs attention")
"""Held, licence required or prohibited: what the officer acts on."""

OUTCOME_CHOICES: list[tuple[str, frozenset[str], OrderStatus | None]] = [
    (QT_TRANSLATE_NOOP("OrdersPage", "All outcomes"), frozenset(), None),
    (
        QT_TRANSLATE_NOOP("OrdersPage", "Pending (no decision)"),
        frozenset({PENDING}),
        OrderStatus.OPEN,
    ),
    (
        NEEDS_ATTENTION,
        frozenset({Outcome.HOLD.value, Outcome.LICENSE_REQUIRED.value, Outcome.PROHIBITED.value}),
        OrderStatus.OPEN,
    ),
    *[
        (outcome.label, frozenset({outcome.value}), OrderStatus.OPEN)
        for outcome in reversed(list(Outcome))
    ],
    (QT_TRANSLATE_NOOP("OrdersPage", "Cancelled"), frozenset(), OrderStatus.CANCELLED),
]
"""(label, outcomes, status): an outcome lists open orders; "Cancelled" the cancelled ones. The
labels are English; the filter shows them translated in the "OrdersPage" context."""

_OUTCOME_LABELS = [
    QT_TRANSLATE_NOOP("OrdersPage", "No licence required"),
    QT_TRANSLATE_NOOP("OrdersPage", "Authorized"),
    QT_TRANSLATE_NOOP("OrdersPage", "Licence required"),
    QT_TRANSLATE_NOOP("OrdersPage", "Hold"),
    QT_TRANSLATE_NOOP("OrdersPage", "Prohibited"),
]
"""The outcomes' labels (``Outcome.label``), marked for the filter's translation."""


class OrdersPage(Page):
    """Signals:
    selection_loaded: the detail of the selected order was shown (its ref).
    batch_finished: check-all-pending ended (its summary).
    list_loaded: the order list was (re)loaded (its row count).
    list_exported: the list was written to a CSV file (rows, path).
    """

    title = QT_TRANSLATE_NOOP("OrdersPage", "Orders")
    shows = frozenset({Record.ORDERS, Record.DECISIONS, Record.PARTIES, Record.PAPERWORK})
    selection_loaded = Signal(str)
    batch_finished = Signal(object)
    list_loaded = Signal(int)
    list_exported = Signal(int, str)
    first_rows_shown = Signal()
    FIRST_ROWS = 200
    """Rows shown at once while the whole list (possibly a million ids) is still loading."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("ordersPage")
        self._list = OneAtATime(context.jobs, self)
        """The order list: a newer filter drops an older one's result."""
        self._batch_job: Job | None = None
        self._selected_ref: str | None = None
        self._first_shown = False
        self._selected_id: int | None = None
        """The selected order's row id, to find its row again at once after a reload."""
        self._detail_job: Job | None = None
        self._detail_asked = 0
        """Counts the detail reads asked for; only the newest one's result is shown."""
        self._detail_shown = 0
        self._sort = OrderSort.DATE
        self._descending = True

        self.model = OrderTableModel(lambda ids: self.context.queries.order_summaries(ids))
        self.table = QTableView()
        self.table.setModel(self.model)
        # Fixed widths: measuring a million rows to fit contents would stall the window.
        set_up_list(
            self.table,
            "ordersTable",
            (104, 86, 150, 220, 46, 98, 44),
            stretch=self.model.CONSIGNEE_COLUMN,
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)
        self.model.sort_requested.connect(self._on_sort_requested)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(self.model.column_of(OrderSort.DATE), Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self.model.sort)
        header.setToolTip(
            self.tr("Click a column heading to sort the list by it; again to reverse")
        )
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._on_table_selection_changed)

        self.detail = DecisionView()
        self.detail.setMinimumWidth(320)

        splitter = split(
            Qt.Orientation.Horizontal,
            self.table,
            self.detail,
            sizes=(700, 440),
            stretch=(3, 2),
            name="ordersSplitter",
        )

        layout = self.page_layout()
        layout.addWidget(self._build_notice())
        layout.addWidget(self._build_toolbar())
        layout.addLayout(self._build_filters())
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_progress())

    # -- building -------------------------------------------------------------------------

    def _build_notice(self) -> QLabel:
        ruleset = self.context.ruleset_today()
        return make_label(
            self.tr("Ruleset in effect today: <b>{id}</b>.").format(id=ruleset.id)
            + f" {ruleset.enforcement_note}",
            name="enforcementNotice",
            style=warning_style(),
            wrap=True,
        )

    def _build_toolbar(self) -> QToolBar:
        bar = text_toolbar("ordersToolbar")
        self.new_action = toolbar_action(
            self,
            self.tr("New order…"),
            self._on_new_order,
            "newOrderAction",
            self.tr("Enter a new order"),
            "Ctrl+N",
        )
        self.check_action = toolbar_action(
            self,
            self.tr("Check"),
            self._on_check,
            "checkAction",
            self.tr("Check the selected order and record the decision"),
            "Ctrl+K",
        )
        self.check_all_action = toolbar_action(
            self,
            self.tr("Check all pending"),
            self._on_check_all,
            "checkAllAction",
            self.tr("Check every order without a decision, oldest first"),
            "Ctrl+Shift+K",
        )
        self.cancel_order_action = toolbar_action(
            self,
            self.tr("Cancel order…"),
            self._on_cancel_order,
            "cancelOrderAction",
            self.tr("Cancel the selected order and release its quota"),
            "Ctrl+Shift+Del",
        )
        self.red_flags_action = toolbar_action(
            self,
            self.tr("Red flags…"),
            self._on_red_flags,
            "redFlagsAction",
            self.tr("Know-your-customer checklist and Red Flag 28 for the selected order"),
            "Ctrl+R",
        )
        self.export_list_action = toolbar_action(
            self,
            self.tr("Export list…"),
            self._on_export_list,
            "exportListAction",
            self.tr(
                "Write the orders listed now, with their outcomes, to a CSV file for a spreadsheet"
            ),
            "Ctrl+Shift+E",
        )
        for action in (
            self.new_action,
            self.check_action,
            self.check_all_action,
            self.cancel_order_action,
            self.red_flags_action,
        ):
            bar.addAction(action)
            self.addAction(action)
        bar.addSeparator()
        bar.addAction(self.export_list_action)
        self.addAction(self.export_list_action)
        return bar

    def _build_filters(self) -> QVBoxLayout:
        rows = QVBoxLayout()
        rows.setSpacing(4)
        row = QHBoxLayout()
        row.setSpacing(6)
        second = QHBoxLayout()
        second.setSpacing(6)
        self.search = SearchField(
            self.tr("orders and parties"),
            self.tr("part of an order ref, or of the consignee's or end user's ref, name or alias"),
        )
        self.search.setObjectName("orderSearch")
        self.search.search_requested.connect(self.apply_filter)
        self.find_action = self.search.install_find(self)
        self.outcome_filter = named(QComboBox(), "outcomeFilter")
        for number, (label, _, _) in enumerate(OUTCOME_CHOICES):
            self.outcome_filter.addItem(self.tr(label), number)
        self.outcome_filter.setItemData(
            [label for label, _, _ in OUTCOME_CHOICES].index(NEEDS_ATTENTION),
            self.tr("Hold, licence required or prohibited"),
            Qt.ItemDataRole.ToolTipRole,
        )
        self.outcome_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.outcome_filter.currentIndexChanged.connect(self.apply_filter)
        self.tier_filter = named(QComboBox(), "tierFilter")
        self.tier_filter.addItem(self.tr("All destinations"), None)
        for tier in (1, 2, 3):
            self.tier_filter.addItem(self.tr("Tier {tier} destinations").format(tier=tier), tier)
        self.tier_filter.currentIndexChanged.connect(self.apply_filter)
        self.destination_filter = make_line_edit(
            name="destinationFilter", placeholder=self.tr("Country")
        )
        self.destination_filter.setMinimumWidth(72)
        self.destination_filter.setMaximumWidth(90)
        self.destination_filter.returnPressed.connect(self.apply_filter)
        self.party_filter = make_line_edit(
            name="partyFilter", placeholder=self.tr("Party ref"), max_width=120
        )
        self.party_filter.returnPressed.connect(self.apply_filter)
        self.use_dates = named(QCheckBox(self.tr("From")), "useDates")
        self.date_from = QDateEdit()
        self.date_from.setCalendarPopup(True)
        self.date_from.setDisplayFormat("yyyy-MM-dd")
        self.date_from.setDate(QDate(2025, 1, 13))
        self.date_to = QDateEdit()
        self.date_to.setCalendarPopup(True)
        self.date_to.setDisplayFormat("yyyy-MM-dd")
        today = self.context.today()
        self.date_to.setDate(QDate(today.year, today.month, today.day))
        self.use_dates.toggled.connect(self.apply_filter)
        self.date_from.dateChanged.connect(self._on_dates_changed)
        self.date_to.dateChanged.connect(self._on_dates_changed)
        self.filter_error = make_label(name="filterError", style=error_style())
        self.count_label = make_label(name="orderCount", style=text_style(Tone.TEXT))
        self.search.setMinimumWidth(180)
        # Two rows: every filter keeps its full width on a 1024-pixel window.
        row.addWidget(self.search, 2)
        row.addWidget(self.outcome_filter)
        row.addWidget(self.tier_filter)
        row.addStretch(1)
        row.addWidget(self.count_label)
        second.addWidget(self.destination_filter)
        second.addWidget(self.party_filter)
        second.addWidget(self.use_dates)
        second.addWidget(self.date_from)
        second.addWidget(QLabel(self.tr("to")))
        second.addWidget(self.date_to)
        second.addWidget(self.filter_error)
        second.addStretch(1)
        rows.addLayout(row)
        rows.addLayout(second)
        return rows

    def _build_progress(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = named(QProgressBar(), "batchProgress")
        self.progress.setVisible(False)
        self.progress.setFormat(self.tr("%v of %m orders checked"))
        self.stop_button = make_button(self.tr("Stop"), "stopBatch")
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self._on_stop_button_clicked)
        self.batch_label = make_label(name="batchLabel")
        row.addWidget(self.progress, 1)
        row.addWidget(self.stop_button)
        row.addWidget(self.batch_label)
        return row

    # -- the list -------------------------------------------------------------------------

    def current_filter(self) -> OrderFilter | None:
        """The filter the controls describe, or None (with a message) when one is invalid."""
        self.filter_error.clear()
        destinations: frozenset[str] | None = None
        excluded: frozenset[str] | None = None
        ruleset = self.context.ruleset_today()
        tier = self.tier_filter.currentData()
        if tier == 1:
            destinations = ruleset.countries_in(1)
        elif tier == 3:
            destinations = ruleset.countries_in(3)  # Hong Kong with China
        elif tier == 2:
            excluded = ruleset.countries_in(1) | ruleset.countries_in(3)
        typed = self.destination_filter.text().strip()
        if typed:
            from domain.countries import country_code
            from domain.errors import UnknownCountryError

            try:
                code = country_code(typed)
            except UnknownCountryError as error:
                self.filter_error.setText(str(error).split(":")[0])
                return None
            destinations = frozenset({code}) if destinations is None else destinations & {code}
        date_from: date | None = None
        date_to: date | None = None
        if self.use_dates.isChecked():
            date_from = self.date_from.date().toPython()  # type: ignore[assignment]
            date_to = self.date_to.date().toPython()  # type: ignore[assignment]
        _, outcomes, status = OUTCOME_CHOICES[max(self.outcome_filter.currentIndex(), 0)]
        return OrderFilter(
            text=self.search.text(),
            outcomes=outcomes,
            status=status,
            sort=self._sort,
            descending=self._descending,
            date_from=date_from,
            date_to=date_to,
            party_ref=self.party_filter.text().strip() or None,
            destinations=destinations,
            exclude_destinations=excluded,
        )

    def _on_dates_changed(self) -> None:
        if self.use_dates.isChecked():
            self.apply_filter()

    def apply_filter(self) -> None:
        order_filter = self.current_filter()
        if order_filter is None:
            return
        self._load(order_filter)

    def reload(self) -> None:
        self.apply_filter()

    def on_changes(self, changes: Changes) -> None:
        """Orders or decisions: list again (outcomes decide what a filter holds). A party or
        paperwork: the rows shown and the detail are read again; the ids stay."""
        if changes.touches({Record.ORDERS, Record.DECISIONS}):
            self.mark_stale()
        elif Record.PARTIES in changes.records:
            self.model.refresh_all()
        if self._selected_ref is not None and self.isVisible():
            self._show_detail(self._selected_ref)

    def _on_sort_requested(self, sort: OrderSort, descending: bool) -> None:
        if (sort, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = sort, descending
        self.apply_filter()

    def _load(self, order_filter: OrderFilter) -> None:
        if self._list.later(lambda: self._load(order_filter)):
            return  # one list query at a time; the newest filter wins when this one ends
        self.count_label.setText(self.tr("Loading…"))
        queries = self.context.queries
        first: list[Sequence[int]] = []
        limit = self.FIRST_ROWS
        self._first_shown = False

        def work(progress: Any, cancel: CancelToken) -> Sequence[int]:
            # A screenful first (an index walk that stops early), then every id: the officer
            # sees rows at once even when the full list takes half a second.
            head = queries.order_ids(order_filter, limit=limit)
            if len(head) < limit:
                return head
            first.append(head)
            progress(1, 2, "first rows")
            return queries.order_ids(order_filter)

        self._list.start(
            "load orders",
            work,
            on_success=self._on_ids_loaded,
            on_failure=self._on_job_failed,
            on_progress=lambda done, total, label: self._on_first_ids(first),
        )

    def _on_first_ids(self, first: list[Sequence[int]]) -> None:
        if self._list.stale or not first:
            return
        self.model.set_ids(first[0])
        self.count_label.setText(
            self.tr("Loading… first {count} shown").format(count=f"{len(first[0]):,}")
        )
        self._first_shown = True
        self.first_rows_shown.emit()
        self._reselect()

    def _on_ids_loaded(self, ids: Sequence[int]) -> None:
        scrolled = self.table.verticalScrollBar().value() if self._first_shown else 0
        self.model.set_ids(ids)
        total = len(ids)
        self.count_label.setText(
            self.tr("1 order")
            if total == 1
            else self.tr("{count} orders").format(count=f"{total:,}")
        )
        if not self._first_shown:
            self.first_rows_shown.emit()
        self._reselect(complete=True)
        self.list_loaded.emit(total)
        if scrolled:
            self.table.verticalScrollBar().setValue(scrolled)

    def _reselect(self, *, complete: bool = False) -> None:
        """Select the selected order again after a reload; once the whole list is in
        (``complete``), an order it no longer holds is deselected."""
        selected, selected_id = self._selected_ref, self._selected_id
        if selected is None:
            return
        row = None if selected_id is None else self.model.row_of(selected_id)
        record = None if row is None else self.model.record(row)
        if row is not None and record is not None and record.ref == selected:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        elif selected_id is None:
            self.select_ref(selected, quiet=True)
        elif complete:
            # The filter no longer lists the order: its detail would describe what the list
            # does not show.
            self.clear_selection()

    def clear_selection(self) -> None:
        """Nothing selected: the detail pane says so and the order actions are off."""
        self._selected_ref, self._selected_id = None, None
        self.table.clearSelection()
        self.detail.show_empty()
        self._update_actions(None)

    def prepare_screenshot(self) -> None:
        """Select an order whose decision has something to explain."""
        for row in range(min(self.model.rowCount(), 400)):
            record = self.model.record(row)
            if record is not None and record.outcome == Outcome.LICENSE_REQUIRED.value:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return

    def select_ref(self, ref: str, *, quiet: bool = False) -> bool:
        """Select the row of an order by its ref, if it is among the first rows of the list.

        Only the first few pages are looked at (each is a query on the UI thread); after a
        reload the selected order is found by its id instead, anywhere in the list.
        """
        ids = self.model.ids()
        limit = min(len(ids), self.model.PAGE * 5)
        for row in range(limit):
            record = self.model.record(row)
            if record is not None and record.ref == ref:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                return True
        if not quiet:
            self._selected_ref, self._selected_id = ref, None
            self._show_detail(ref)
        return False

    # -- selection and detail -------------------------------------------------------------

    def selected_ref(self) -> str | None:
        return self._selected_ref

    def _on_table_selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        record = self.model.record(indexes[0].row())
        if record is None:
            return
        self._selected_ref, self._selected_id = record.ref, record.id
        self._show_detail(record.ref)

    def _show_detail(self, ref: str) -> None:
        """Read the order's detail (and, when pending, a dry-run decision) off the UI thread;
        only the newest read asked for is shown (one read runs at a time)."""
        self._detail_asked += 1
        if self._detail_job is None:
            self._read_detail(ref, self._detail_asked)

    def _read_detail(self, ref: str, asked: int) -> None:
        context = self.context

        def work(progress: Any, cancel: CancelToken) -> tuple[int, OrderDetail]:
            return asked, order_detail(context.db, context.catalog, ref)

        self._detail_job = context.jobs.start(
            f"order detail {ref}",
            work,
            on_success=self._on_detail_read,
            on_failure=self._on_detail_failed,
            on_finished=self._on_detail_job_finished,
        )

    def _on_detail_read(self, read: tuple[int, OrderDetail]) -> None:
        asked, detail = read
        ref = detail.stored.order.ref
        if asked != self._detail_asked or ref != self._selected_ref:
            return  # asked for again since (another order, or after a write): read anew
        self._detail_shown = asked
        self.detail.show_detail(detail)
        self._update_actions(detail)
        self.selection_loaded.emit(ref)

    def _on_detail_failed(self, message: str, is_bug: bool) -> None:
        self._detail_shown = self._detail_asked
        show_failure(self, message, is_bug, self.context.log_file)

    def _on_detail_job_finished(self) -> None:
        self._detail_job = None
        ref = self._selected_ref
        if ref is not None and self._detail_shown != self._detail_asked:
            self._read_detail(ref, self._detail_asked)

    def _update_actions(self, detail: OrderDetail | None) -> None:
        open_order = detail is not None and detail.stored.status.value == "open"
        self.check_action.setEnabled(open_order)
        self.cancel_order_action.setEnabled(open_order)
        self.red_flags_action.setEnabled(detail is not None)

    # -- actions --------------------------------------------------------------------------

    def _on_job_failed(self, message: str, is_bug: bool) -> None:
        self.count_label.setText("")
        show_failure(self, message, is_bug, self.context.log_file)

    def _on_new_order(self) -> None:
        from gui.order_form import NewOrderDialog

        dialog = NewOrderDialog(self.context, self)
        dialog.order_saved.connect(self._on_order_saved)
        dialog.open()

    def _on_order_saved(self, ref: str) -> None:
        # The save announces the new order: the list reloads and selects it by its ref.
        self._selected_ref, self._selected_id = ref, None

    def _on_check(self) -> None:
        ref = self._selected_ref
        if ref is None:
            return
        context = self.context

        def work(progress: Any, cancel: CancelToken) -> object:
            return check_order(context.db, context.catalog, ref, actor=context.actor)

        self.check_action.setEnabled(False)
        self.context.write(
            f"check {ref}",
            work,
            Changes.of(Record.DECISIONS, refs=[ref]),
            on_failure=self._on_job_failed,
        )

    def _on_check_all(self) -> None:
        if self._batch_job is not None:
            return
        context = self.context

        def work(progress: Any, cancel: CancelToken) -> BatchSummary:
            try:
                return check_pending(
                    context.db,
                    context.catalog,
                    actor=context.actor,
                    progress=progress,
                    cancel=cancel,
                )
            finally:
                context.connection.anchor()  # a batch ends with the chain anchored

        self.progress.setRange(0, 0)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.stop_button.setVisible(True)
        self.stop_button.setEnabled(True)
        self.batch_label.setText(self.tr("Checking pending orders…"))
        self.check_all_action.setEnabled(False)
        self._batch_job = self.context.write(
            "check all pending",
            work,
            Changes.of(Record.DECISIONS),
            on_success=self._on_batch_done,
            on_failure=self._on_job_failed,
            on_progress=self._on_batch_progress,
            on_finished=self._on_batch_job_finished,
            essential=True,
        )

    def _on_batch_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if label:
            self.batch_label.setText(self.tr("Checking {what}").format(what=label))

    def _on_stop_button_clicked(self) -> None:
        stop_job(
            self._batch_job,
            self.stop_button,
            self.batch_label,
            self.tr("Stopping after the current order…"),
        )

    def _on_batch_done(self, summary: BatchSummary) -> None:
        counts = ", ".join(
            f"{count} {self.tr(Outcome(key).label).lower()}"
            for key, count in summary.outcomes.items()
            if count
        )
        text = (
            self.tr("Stopped: checked {checked} of {total}")
            if summary.cancelled
            else self.tr("Done: checked {checked} of {total}")
        ).format(checked=summary.checked, total=summary.total) + (f" ({counts})" if counts else "")
        if summary.errors:
            text += self.tr("; {count} could not be checked").format(count=len(summary.errors))
        self.batch_label.setText(text)
        self.batch_finished.emit(summary)
        if summary.errors:
            problems = "\n".join(
                f"{ref}: {reason}" for ref, reason in list(summary.errors.items())[:20]
            )
            show_failure(
                self,
                self.tr("Some orders could not be checked:") + f"\n{problems}",
                False,
                self.context.log_file,
            )

    def _on_batch_job_finished(self) -> None:
        self._batch_job = None
        self.progress.setVisible(False)
        self.stop_button.setVisible(False)
        self.check_all_action.setEnabled(True)

    def _on_cancel_order(self) -> None:
        ref = self._selected_ref
        if ref is None:
            return
        dialog = CancelOrderDialog(ref, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._cancel(ref, dialog.reason_text()))
        dialog.open()

    def _cancel(self, ref: str, reason: str) -> None:
        context = self.context

        def work(progress: Any, cancel: CancelToken) -> object:
            return cancel_order(context.db, ref, actor=context.actor, reason=reason)

        self.cancel_order_action.setEnabled(False)
        context.write(
            f"cancel {ref}",
            work,
            Changes.of(Record.ORDERS, Record.DECISIONS, refs=[ref]),
            on_failure=self._on_job_failed,
        )

    def _on_red_flags(self) -> None:
        ref = self._selected_ref
        if ref is None:
            return
        from gui.red_flags import RedFlagDialog

        dialog = RedFlagDialog(self.context, ref, self)
        dialog.open()

    # -- the list's own menu and export ---------------------------------------------------

    def _on_table_context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        record = self.model.record(index.row()) if index.isValid() else None
        menu = QMenu(self)
        menu.setObjectName("ordersMenu")
        if record is not None:
            if record.ref != self._selected_ref:
                self.table.selectRow(index.row())
            menu.addAction(self.check_action)
            menu.addAction(self.red_flags_action)
            menu.addAction(self.cancel_order_action)
            menu.addSeparator()
            copy = menu.addAction(self.tr("Copy {ref}").format(ref=record.ref))
            copy.triggered.connect(lambda: QApplication.clipboard().setText(record.ref))
            consignee = record.consignee_ref
            only = menu.addAction(self.tr("Only orders of {ref}").format(ref=consignee))
            only.triggered.connect(lambda: self._only_party(consignee))
            menu.addSeparator()
        menu.addAction(self.new_action)
        menu.addAction(self.export_list_action)
        self.context_menu = menu
        menu.popup(self.table.viewport().mapToGlobal(position))

    def _only_party(self, ref: str) -> None:
        self.party_filter.setText(ref)
        self.apply_filter()

    def _on_export_list(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from gui.settings import UiSettings

        ids = list(self.model.ids())
        settings = UiSettings()
        suggested = Path(settings.last_folder()) / f"orders-{self.context.today().isoformat()}.csv"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the order list"), str(suggested), self.tr("CSV file (*.csv)")
        )
        if path:
            settings.set_last_folder(path)
            self.export_list(Path(path), ids)

    def export_list(self, path: Path, ids: Sequence[int] | None = None) -> None:
        """Write the orders listed (``ids``, default the whole list as filtered and sorted)."""
        chosen = list(self.model.ids()) if ids is None else list(ids)
        queries = self.context.queries

        def work(progress: Any, cancel: CancelToken) -> int:
            return export_order_list(queries, chosen, path, progress, cancel)

        self.batch_label.setText(
            self.tr("Writing {count} orders to {file}…").format(
                count=f"{len(chosen):,}", file=path.name
            )
        )
        self.context.jobs.start(
            f"export the order list to {path}",
            work,
            on_success=lambda rows: self._on_exported(rows, path),
            on_failure=self._on_job_failed,
            essential=True,
        )

    def _on_exported(self, rows: int, path: Path) -> None:
        self.batch_label.setText(
            (
                self.tr("1 order written to {path}")
                if rows == 1
                else self.tr("{count} orders written to {path}")
            ).format(count=f"{rows:,}", path=path)
        )
        self.list_exported.emit(rows, str(path))
