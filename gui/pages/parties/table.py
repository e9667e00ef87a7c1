"""The party list as a table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from domain.model import VeuStatus
from domain.queries import PartySummary
from gui.kit.pickers import describe_country
from gui.kit.tables import RecordModel
from gui.pages.base import QT_TRANSLATE_NOOP
from gui.pages.parties.labels import role_label


class PartyTableModel(RecordModel[PartySummary]):
    """The party list (small rows, all in memory: 50,000 parties are a few megabytes)."""

    headers: tuple[str, ...] = (
        QT_TRANSLATE_NOOP("PartyTableModel", "Ref"),
        QT_TRANSLATE_NOOP("PartyTableModel", "Name"),
        QT_TRANSLATE_NOOP("PartyTableModel", "Location"),
        QT_TRANSLATE_NOOP("PartyTableModel", "HQ"),
        QT_TRANSLATE_NOOP("PartyTableModel", "Role"),
        QT_TRANSLATE_NOOP("PartyTableModel", "VEU"),
        QT_TRANSLATE_NOOP("PartyTableModel", "Orders"),
    )
    ORDERS_COLUMN = 6

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = tuple(
            QCoreApplication.translate("PartyTableModel", header) for header in self.headers
        )

    def row_of(self, ref: str) -> int | None:
        return self.row_where(lambda summary: summary.ref == ref)

    def cell(self, item: PartySummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                item.ref,
                item.name,
                item.country,
                item.hq_country,
                role_label(item.role),
                "" if item.veu == VeuStatus.NONE.value else item.veu.upper(),
                f"{item.orders:,}",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return item.name
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 3):
            return describe_country(item.country if column == 2 else item.hq_country)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ORDERS_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        keys = (
            lambda item: item.ref.casefold(),
            lambda item: item.name.casefold(),
            lambda item: item.country,
            lambda item: item.hq_country,
            lambda item: item.role,
            lambda item: item.veu,
            lambda item: item.orders,
        )
        if not 0 <= column < len(keys):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        refs = [self._rows[index.row()].ref for index in before]
        self._rows.sort(key=keys[column], reverse=order == Qt.SortOrder.DescendingOrder)
        positions = {item.ref: row for row, item in enumerate(self._rows)}
        self.changePersistentIndexList(
            before,
            [
                self.index(positions[ref], index.column())
                for ref, index in zip(refs, before, strict=True)
            ],
        )
        self.layoutChanged.emit()
