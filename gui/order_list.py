"""What the Orders screen does beside its list: cancel with a reason, export the list shown."""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from domain.csvio.lists import ORDER_LIST_HEADER, order_list_rows
from domain.errors import DomainError
from domain.progress import CancelToken
from domain.queries import DeskQueries
from domain.services.orders import CANCEL_REASON_MAX
from gui.style import error_style, hint_style

EXPORT_CHUNK = 2_000
"""Orders read and written at a time: a million-row list never sits in memory whole."""


class CancelOrderDialog(QDialog):
    """Asks why an order is cancelled; the reason goes into the audit log with the change."""

    def __init__(self, ref: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cancelOrderDialog")
        self.setWindowTitle(self.tr("Cancel order {ref}").format(ref=ref))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Cancel order <b>{ref}</b>? The quota its decision consumed is released; its "
                "decisions stay in the record."
            ).format(ref=ref)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        label = QLabel(self.tr("&Reason (kept in the audit log):"))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("cancelReason")
        self.reason.setPlaceholderText(self.tr("e.g. customer withdrew the order on 2026-11-30"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(72)
        label.setBuddy(self.reason)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        self.problem = QLabel()
        self.problem.setObjectName("cancelProblem")
        self.problem.setStyleSheet(error_style())
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        hint = QLabel(self.tr("At most {count} characters.").format(count=CANCEL_REASON_MAX))
        hint.setStyleSheet(hint_style())
        layout.addWidget(hint)
        buttons = QDialogButtonBox()
        self.confirm = buttons.addButton(
            self.tr("Cancel order"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm.setObjectName("confirmCancel")
        keep = buttons.addButton(self.tr("Keep order"), QDialogButtonBox.ButtonRole.RejectRole)
        keep.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def reason_text(self) -> str:
        return " ".join(self.reason.toPlainText().split())

    def accept(self) -> None:
        reason = self.reason_text()
        if not reason:
            self._refuse(self.tr("Say why the order is cancelled: the audit log keeps the reason."))
            return
        if len(reason) > CANCEL_REASON_MAX:
            self._refuse(
                self.tr("{count} characters: at most {most} are kept.").format(
                    count=len(reason), most=CANCEL_REASON_MAX
                )
            )
            return
        super().accept()

    def _refuse(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(True)
        self.reason.setFocus(Qt.FocusReason.OtherFocusReason)


def export_order_list(
    queries: DeskQueries,
    ids: Sequence[int],
    path: Path,
    progress: Callable[[int, int, str], None],
    cancel: CancelToken,
) -> int:
    """Write the orders ``ids`` (in that order) to ``path`` as the list's CSV; the file
    appears whole or not at all. Returns the rows written."""
    part = path.with_name(path.name + ".part")
    written = 0
    try:
        with part.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(ORDER_LIST_HEADER)
            for start in range(0, len(ids), EXPORT_CHUNK):
                if cancel.cancelled:
                    raise DomainError(
                        QCoreApplication.translate(
                            "OrdersPage", "export to {path} stopped: nothing was written"
                        ).format(path=path)
                    )
                chunk = queries.order_summaries(ids[start : start + EXPORT_CHUNK])
                writer.writerows(order_list_rows(chunk))
                written += len(chunk)
                progress(
                    written, len(ids), QCoreApplication.translate("OrdersPage", "orders written")
                )
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(part, path)
    except OSError as error:
        part.unlink(missing_ok=True)
        raise DomainError(
            QCoreApplication.translate(
                "OrdersPage",
                "cannot write {path}: {error}. Choose another folder, or free space on the disk.",
            ).format(path=path, error=error.strerror or error)
        ) from error
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return written
