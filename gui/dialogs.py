"""Messages to the officer: known errors as plain messages, bugs as bugs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget


def show_failure(parent: QWidget | None, message: str, is_bug: bool, log_file: Path) -> None:
    """A refused operation is explained; an internal error is reported as a bug."""
    if is_bug:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "Internal error",
            "Something went wrong inside Diffusion Desk. This is a bug, not something you did.",
            QMessageBox.StandardButton.Ok,
            parent,
        )
        box.setInformativeText(f"{message}\n\nThe details were written to {log_file}.")
    else:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Not done",
            message,
            QMessageBox.StandardButton.Ok,
            parent,
        )
    box.setObjectName("failureMessage")
    box.open()


def confirmed(parent: QWidget, title: str, question: str) -> bool:
    """Whether the officer answers Yes to ``question`` (asked with Yes and No)."""
    return QMessageBox.question(parent, title, question) == QMessageBox.StandardButton.Yes
