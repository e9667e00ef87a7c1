"""Table models. Large tables hold row ids and fetch the rows they show, a page at a time."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import QModelIndex, Qt, Signal

from domain.queries import OrderSort, OrderSummary
from gui.i18n import QT_TRANSLATE_NOOP
from gui.kit.dates import day_text
from gui.kit.tables import HeaderModel, Index
from gui.style import badge_colours, badge_text, tpp

T = TypeVar("T")


class LazyTableModel(HeaderModel[T]):
    """Rows are ids; the records behind them are fetched in pages on first display.

    Only a bounded number of pages is kept, so a million-row table costs the ids (a few
    megabytes) plus what is on screen.
    """

    PAGE = 200
    MAX_PAGES = 40

    def __init__(self, fetch: Callable[[Sequence[int]], list[T]], key: Callable[[T], int]) -> None:
        super().__init__()
        self._fetch = fetch
        self._key = key
        self._ids: Sequence[int] = ()
        self._pages: OrderedDict[int, dict[int, T]] = OrderedDict()

    # -- contents -------------------------------------------------------------------------

    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self.endResetModel()

    def ids(self) -> Sequence[int]:
        return self._ids

    def row_of(self, row_id: int) -> int | None:
        """The row showing ``row_id``: a scan in C (a few milliseconds at a million rows)."""
        try:
            return self._ids.index(row_id)
        except ValueError:
            return None

    def record(self, row: int) -> T | None:
        if not 0 <= row < len(self._ids):
            return None
        page_number = row // self.PAGE
        page = self._pages.get(page_number)
        if page is None:
            start = page_number * self.PAGE
            ids = list(self._ids[start : start + self.PAGE])
            page = {self._key(item): item for item in self._fetch(ids)}
            self._pages[page_number] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_number)
        return page.get(self._ids[row])

    def refresh_all(self) -> None:
        """Re-read every row shown (a party renamed) without re-listing the ids."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, self.columnCount() - 1)
            )

    def refresh_ids(self, changed: Sequence[int]) -> None:
        """Re-read the given rows (after a check or a cancel) without resetting the view."""
        wanted = set(changed)
        for page_number, page in list(self._pages.items()):
            if wanted & page.keys():
                del self._pages[page_number]
        for row_id in wanted:
            row = self.row_of(row_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- Qt model -------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def item(self, row: int) -> T | None:
        return self.record(row)


class OrderTableModel(LazyTableModel[OrderSummary]):
    """Signals:
    sort_requested: a header was clicked (the column's ``OrderSort``, descending): the page
        lists the orders again in that order (the database sorts; the model holds ids).
    """

    # The outcome right after the date: on a narrow window it is the column that must show.
    headers = (
        QT_TRANSLATE_NOOP("OrderTableModel", "Order"),
        QT_TRANSLATE_NOOP("OrderTableModel", "Date"),
        QT_TRANSLATE_NOOP("OrderTableModel", "Outcome"),
        QT_TRANSLATE_NOOP("OrderTableModel", "Consignee"),
        QT_TRANSLATE_NOOP("OrderTableModel", "Dest."),
        QT_TRANSLATE_NOOP("OrderTableModel", "a-level TPP"),
        QT_TRANSLATE_NOOP("OrderTableModel", "Lines"),
    )
    SORTS = (
        OrderSort.REF,
        OrderSort.DATE,
        OrderSort.OUTCOME,
        OrderSort.CONSIGNEE,
        OrderSort.DESTINATION,
        OrderSort.A_LEVEL_TPP,
        OrderSort.LINES,
    )
    OUTCOME_COLUMN = 2
    CONSIGNEE_COLUMN = 3
    sort_requested = Signal(object, bool)

    def __init__(self, fetch: Callable[[Sequence[int]], list[OrderSummary]]) -> None:
        super().__init__(fetch, key=lambda summary: summary.id)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.SORTS):
            self.sort_requested.emit(self.SORTS[column], order == Qt.SortOrder.DescendingOrder)

    def column_of(self, sort: OrderSort) -> int:
        return self.SORTS.index(sort)

    def cell(self, item: OrderSummary, column: int, role: int) -> Any:
        outcome = "cancelled" if item.status == "cancelled" else item.outcome
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                item.ref,
                day_text(item.date),
                badge_text(outcome),
                f"{item.consignee_name} ({item.consignee_ref})",
                item.destination,
                tpp(item.a_level_tpp) if item.a_level_tpp else "",
                str(item.lines),
            )[column]
        if column == self.OUTCOME_COLUMN and role in (
            Qt.ItemDataRole.BackgroundRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            background, text = badge_colours(outcome)
            return background if role == Qt.ItemDataRole.BackgroundRole else text
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (5, 6):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CONSIGNEE_COLUMN:
            return f"{item.consignee_name} ({item.consignee_ref})"  # shown whole when cut
        if role == Qt.ItemDataRole.ToolTipRole and column == self.OUTCOME_COLUMN:
            return (
                self.tr("No decision yet: check the order")
                if outcome is None
                else badge_text(outcome)
            )
        return None
