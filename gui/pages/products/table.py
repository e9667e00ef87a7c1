"""The catalog as a table, with the engine's classification of each item."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from domain.model import ProductKind
from domain.services.catalog_views import ProductRow
from gui.kit.tables import RecordModel
from gui.pages.base import QT_TRANSLATE_NOOP
from gui.pages.products.labels import SHORT_KIND, pd_text, shown
from gui.style import Tone, qcolour, tpp

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class ProductTableModel(RecordModel[ProductRow]):
    """The catalog with the engine's classification of each item (a small table)."""

    headers: tuple[str, ...] = (
        QT_TRANSLATE_NOOP("ProductTableModel", "Ref"),
        QT_TRANSLATE_NOOP("ProductTableModel", "Name"),
        QT_TRANSLATE_NOOP("ProductTableModel", "Kind"),
        QT_TRANSLATE_NOOP("ProductTableModel", "TPP per IC"),
        QT_TRANSLATE_NOOP("ProductTableModel", "Die mm²"),
        QT_TRANSLATE_NOOP("ProductTableModel", "Datacenter"),
        QT_TRANSLATE_NOOP("ProductTableModel", "ICs/unit"),
        QT_TRANSLATE_NOOP("ProductTableModel", "ECCN"),
        QT_TRANSLATE_NOOP("ProductTableModel", "Paragraph"),
        QT_TRANSLATE_NOOP("ProductTableModel", "PD"),
        QT_TRANSLATE_NOOP("ProductTableModel", "Unit TPP"),
    )
    NUMERIC = frozenset({3, 4, 6, 9, 10})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = tuple(
            QCoreApplication.translate("ProductTableModel", header) for header in self.headers
        )

    def row_of(self, ref: str) -> int | None:
        return self.row_where(lambda row: row.product.ref == ref)

    def _values(self, row: ProductRow) -> tuple[str, ...]:
        product, found = row.product, row.classification
        chip = product.kind in (ProductKind.IC, ProductKind.SYSTEM)
        return (
            product.ref,
            product.name,
            shown(SHORT_KIND[product.kind]),
            tpp(product.tpp) if product.tpp is not None else "",
            f"{product.die_area_mm2:g}" if product.die_area_mm2 else "",
            (
                QCoreApplication.translate("ProductTableModel", "yes")
                if product.datacenter
                else QCoreApplication.translate("ProductTableModel", "no")
            )
            if chip
            else "",
            str(product.ics_per_unit) if chip else "",
            found.eccn_text
            if not found.error
            else QCoreApplication.translate("ProductTableModel", "✕ needs figures"),
            found.paragraph or "",
            pd_text(found.performance_density),
            tpp(found.unit_tpp) if found.unit_tpp is not None else "",
        )

    def _sort_key(self, row: ProductRow, column: int) -> Any:
        product, found = row.product, row.classification
        numeric = {
            3: product.tpp,
            4: product.die_area_mm2,
            6: product.ics_per_unit,
            9: found.performance_density,
            10: found.unit_tpp,
        }
        if column in numeric:
            return float(numeric[column] or 0.0)
        return self._values(row)[column].casefold()

    def cell(self, row: ProductRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._values(row)[column]
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column in (7, 8):
            found = row.classification
            return found.error or found.reason
        if role == Qt.ItemDataRole.ForegroundRole and column == 7 and row.classification.error:
            return qcolour(Tone.ERROR)
        return None
