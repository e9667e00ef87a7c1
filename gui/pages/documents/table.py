"""The registry as a table: newest first, rows handed to the view in chunks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt

from domain.documents import RegisteredDocument
from gui.kit.tables import HeaderModel, Index
from gui.pages.base import QT_TRANSLATE_NOOP
from gui.pages.documents.texts import (
    SIGNED_KINDS,
    generated_at_text,
    order_or_year,
    return_text,
    short_label,
)
from gui.style import Tone, qcolour


class DocumentTableModel(HeaderModel[RegisteredDocument]):
    """The registry, newest first. Rows are handed to the view in chunks (``fetchMore``), so
    years of daily batches open as fast as a week's."""

    headers: tuple[str, ...] = (
        QT_TRANSLATE_NOOP("DocumentTableModel", "Number"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Document"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Party"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Order / year"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Generated"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "By"),
        QT_TRANSLATE_NOOP("DocumentTableModel", "Signed copy"),
    )
    SIGNED = 6
    """The column of the signed copy's state."""
    CHUNK = 500

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = tuple(
            QCoreApplication.translate("DocumentTableModel", header) for header in self.headers
        )
        self._documents: list[RegisteredDocument] = []
        self._shown = 0

    def set_documents(self, documents: Sequence[RegisteredDocument]) -> None:
        self.beginResetModel()
        self._documents = list(documents)
        self._shown = min(len(self._documents), self.CHUNK)
        self.endResetModel()

    def total(self) -> int:
        return len(self._documents)

    def document(self, row: int) -> RegisteredDocument | None:
        return self._documents[row] if 0 <= row < self._shown else None

    def row_of(self, number: str) -> int | None:
        """The row of a document, fetching rows up to it; None when it is not listed."""
        for row, document in enumerate(self._documents):
            if document.number == number:
                while self._shown <= row:
                    self.fetchMore(QModelIndex())
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < len(self._documents)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = min(self.CHUNK, len(self._documents) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def item(self, row: int) -> RegisteredDocument | None:
        return self.document(row)

    def cell(self, document: RegisteredDocument, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return document.title  # the whole of it, whichever cell is pointed at
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                document.number,
                short_label(document.kind),
                document.party_ref or "",
                order_or_year(document),
                generated_at_text(document)[:10],
                document.generated_by,
                return_text(document),
            )[column]
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.SIGNED
            and document.kind in SIGNED_KINDS
        ):
            return qcolour(Tone.OK if document.signed_on is not None else Tone.WARNING)
        return None
