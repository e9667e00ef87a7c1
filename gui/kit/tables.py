"""Tables of read models: a model described column by column, a bar for a share of a limit,
and finding and selecting rows through the sorting proxy."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
)

from domain.text import matches
from gui.charts import NEAR_LIMIT
from gui.style import Tone, qcolour

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

SORT_ROLE = int(Qt.ItemDataRole.UserRole)
SHARE_ROLE = int(Qt.ItemDataRole.UserRole) + 1
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its header, its text, and optionally a sort key, share bar and tooltip."""

    header: str
    text: Callable[[T], str]
    sort: Callable[[T], Any] | None = None
    right: bool = False
    share: Callable[[T], float | None] | None = None
    """A share of a limit: the cell is drawn as a bar with its text (ShareBarDelegate)."""
    tooltip: Callable[[T], str] | None = None


class HeaderModel(QAbstractTableModel, Generic[T]):
    """A table with fixed column headers over items; a subclass says how many rows there are,
    which item a row shows (``item``) and what each cell of it says (``cell``).

    The headers are shown translated, in the context of the class that names them: write
    them as ``QT_TRANSLATE_NOOP("ThatClass", "Header")`` so pyside6-lupdate finds them.
    """

    headers: tuple[str, ...] = ()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return QCoreApplication.translate(self._headers_context(), self.headers[section])
        return None

    def _headers_context(self) -> str:
        """The class whose own ``headers`` these are (a subclass may inherit them)."""
        for cls in type(self).__mro__:
            if "headers" in cls.__dict__:
                return cls.__name__
        return type(self).__name__

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self.headers):
            return None
        item = self.item(index.row())
        if item is None:
            return None
        return self.cell(item, index.column(), role)

    def item(self, row: int) -> T | None:
        raise NotImplementedError

    def cell(self, item: T, column: int, role: int) -> Any:
        raise NotImplementedError


class RecordModel(HeaderModel[T]):
    """A short list of records, all in memory (hundreds of rows, or a few megabytes)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def record(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def item(self, row: int) -> T | None:
        return self.record(row)

    def row_where(self, wanted: Callable[[T], bool]) -> int | None:
        """The first row whose record is ``wanted``."""
        return next((number for number, item in enumerate(self._rows) if wanted(item)), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)


class ColumnModel(RecordModel[T]):
    """A table over a short list of read models, described column by column."""

    def __init__(self, columns: Sequence[Column[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.headers = tuple(column.header for column in self.columns)

    def cell(self, item: T, column: int, role: int) -> Any:
        shown = self.columns[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return shown.text(item)
        if role == SORT_ROLE:
            value = shown.sort(item) if shown.sort is not None else shown.text(item)
            return value if isinstance(value, int | float | str) else str(value)
        if role == SHARE_ROLE and shown.share is not None:
            return shown.share(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and shown.right:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return shown.tooltip(item) if shown.tooltip is not None else shown.text(item)
        return None


class ShareBarDelegate(QStyledItemDelegate):
    """Draws a share of a limit as a bar, with the cell's text on it (never colour alone)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        share = index.data(SHARE_ROLE)
        if not isinstance(share, float | int):
            super().paint(painter, option, index)
            return
        rect = QRect(option.rect)
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, option.palette.highlight())
        bar = rect.adjusted(4, 4, -4, -4)
        painter.setPen(QPen(qcolour(Tone.TRACK_BORDER)))
        painter.setBrush(qcolour(Tone.TRACK))
        painter.drawRect(bar)
        fill = QRect(bar)
        fill.setWidth(max(int(bar.width() * min(max(float(share), 0.0), 1.0)), 0))
        fill_tone = (
            Tone.FILL_OVER
            if share >= 1.0
            else Tone.FILL_NEAR
            if share >= NEAR_LIMIT
            else Tone.FILL_OK
        )
        painter.fillRect(fill.adjusted(1, 1, 0, 0), qcolour(fill_tone))
        painter.setPen(qcolour(Tone.HEADING))
        painter.drawText(bar, int(Qt.AlignmentFlag.AlignCenter), str(index.data() or ""))
        painter.restore()


def set_up_list(
    table: QTableView,
    name: str,
    widths: Sequence[int],
    *,
    stretch: int | None = None,
    row_height: int = 26,
    quiet_header: bool = False,
) -> QHeaderView:
    """The look every list of records has: whole rows selected one at a time, never edited in
    place, alternating shades, no row numbers, no wrapping, the columns at ``widths``. The
    column ``stretch`` takes the room left (else the last one does); a ``quiet_header`` does
    not light up with the selection. Returns the header."""
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(row_height)
    header = table.horizontalHeader()
    if quiet_header:
        header.setHighlightSections(False)
    for column, width in enumerate(widths):
        header.resizeSection(column, width)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return header


def make_table(name: str, model: QAbstractTableModel, widths: Sequence[int]) -> QTableView:
    """A sortable, filterable read-only table over ``model`` (through a proxy)."""
    proxy = FoldingFilter()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView()
    table.setModel(proxy)
    proxy.setParent(table)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    header = set_up_list(table, name, widths, row_height=28, quiet_header=True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setItemDelegate(ShareBarDelegate(table))
    return table


def selected_row(table: QTableView, model: ColumnModel[T]) -> T | None:
    indexes = table.selectionModel().selectedRows() if table.selectionModel() else []
    if not indexes:
        return None
    proxy = table.model()
    source = proxy.mapToSource(indexes[0]) if isinstance(proxy, QSortFilterProxyModel) else None
    return model.record(source.row()) if source is not None else None


def select_where(table: QTableView, model: ColumnModel[T], wanted: Callable[[T], bool]) -> bool:
    proxy = table.model()
    if not isinstance(proxy, QSortFilterProxyModel):
        return False
    for number, item in enumerate(model.rows()):
        if wanted(item):
            index = proxy.mapFromSource(model.index(number, 0))
            if index.isValid():
                table.selectRow(index.row())
                table.scrollTo(index)
                return True
    return False


def select_key(table: QTableView, model: ColumnModel[Any], key: object) -> bool:
    """Select the row whose read model has this ``key``."""
    return select_where(table, model, lambda item: getattr(item, "key", None) == key)


class FoldingFilter(QSortFilterProxyModel):
    """Keeps the rows one of whose cells contains what was typed, without regard to case or
    accents, as every search of the desk (``domain.text.matches``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        self._needle = text.strip()
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        cells = (
            str(model.index(source_row, column, source_parent).data() or "")
            for column in range(model.columnCount(source_parent))
        )
        return matches(self._needle, *cells)


MenuEntry = QAction | tuple[str, Callable[[], object]] | None
"""An action, a (text, what it does) pair, or None for a separator."""


def give_menu(
    table: QTableView, entries: Callable[[int | None], Sequence[MenuEntry]]
) -> Callable[[], QMenu | None]:
    """Right-click on ``table``: the row under the pointer is selected, then a menu of
    ``entries(row)`` (row None below the last row) opens there. Returns a function giving
    the menu shown last (for tests)."""
    shown: list[QMenu] = []

    def open_menu(position: QPoint) -> None:
        index = table.indexAt(position)
        row = index.row() if index.isValid() else None
        if row is not None:
            table.selectRow(row)
        menu = QMenu(table)
        menu.setObjectName(f"{table.objectName()}Menu")
        for entry in entries(row):
            if entry is None:
                menu.addSeparator()
            elif isinstance(entry, QAction):
                menu.addAction(entry)
            else:
                text, slot = entry
                menu.addAction(text).triggered.connect(slot)
        shown[:] = [menu]
        menu.popup(table.viewport().mapToGlobal(position))

    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.customContextMenuRequested.connect(open_menu)
    return lambda: shown[0] if shown else None
