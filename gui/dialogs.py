"""Messages to the officer: known errors as plain messages, bugs as bugs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from gui.context import DeskContext
from gui.kit.panes import stack


def show_failure(parent: QWidget | None, message: str, is_bug: bool, log_file: Path) -> None:
    """A refused operation is explained; an internal error is reported as a bug."""
    failure_box(parent, message, is_bug, log_file).open()


def failure_box(parent: QWidget | None, message: str, is_bug: bool, log_file: Path) -> QMessageBox:
    """The message box ``show_failure`` shows (shown modally where there is no window yet)."""
    if is_bug:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("DeskDialog", "Internal error"),
            QCoreApplication.translate(
                "DeskDialog",
                "Something went wrong inside Diffusion Desk. This is a bug, not something you did.",
            ),
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setInformativeText(
            message
            + "\n\n"
            + QCoreApplication.translate(
                "DeskDialog", "The details were written to {file}."
            ).format(file=log_file)
        )
    else:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QCoreApplication.translate("DeskDialog", "Not done"),
            message,
            QMessageBox.StandardButton.Ok,
            parent,
        )
    box.setObjectName("failureMessage")
    return box


def confirmed(parent: QWidget, title: str, question: str) -> bool:
    """Whether the officer answers Yes to ``question`` (asked with Yes and No)."""
    return QMessageBox.question(parent, title, question) == QMessageBox.StandardButton.Yes


class DeskDialog(QDialog):
    """A dialog of the desk, with the context it works in, its title and object name, and
    (when given) a minimum width and modality."""

    def __init__(
        self,
        context: DeskContext,
        parent: QWidget | None,
        *,
        title: str,
        name: str = "",
        width: int = 0,
        modal: bool = False,
    ) -> None:
        super().__init__(parent)
        self.context = context
        if name:
            self.setObjectName(name)
        self.setWindowTitle(title)
        if modal:
            self.setModal(True)
        if width:
            self.setMinimumWidth(width)

    def lay_out(
        self,
        *items: QWidget | QLayout,
        buttons: QDialogButtonBox,
        on_accept: Callable[[], object],
    ) -> QVBoxLayout:
        """The dialog top to bottom: ``items``, then ``buttons`` (accepting calls
        ``on_accept``; rejecting closes the dialog)."""
        buttons.accepted.connect(on_accept)
        buttons.rejected.connect(self.reject)
        return stack(QVBoxLayout(self), *items, buttons)
