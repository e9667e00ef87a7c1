"""Form pieces: a message under a field, and pydantic's complaints in the form's words."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget

from domain.model import error_message
from gui.style import error_style, hint_style


class FieldMessage(QLabel):
    """A message under a field: an error (✕, red) or a note (grey); hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clear()

    def show_error(self, text: str) -> None:
        self.setText(f"✕ {text}")
        self.setStyleSheet(error_style())
        self.setVisible(True)

    def show_note(self, text: str) -> None:
        self.setText(text)
        self.setStyleSheet(hint_style())
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.setVisible(False)

    @property
    def is_error(self) -> bool:
        return self.isVisible() and self.text().startswith("✕")


def with_message(field: QWidget | QLayout, *messages: FieldMessage) -> QWidget:
    """A field with its messages under it, as one cell of a form."""
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    if isinstance(field, QLayout):
        column.addLayout(field)
    else:
        column.addWidget(field)
    for message in messages:
        column.addWidget(message)
    return cell


def validation_messages(error: ValidationError, labels: Mapping[str, str]) -> list[str]:
    """Pydantic errors as sentences that name the field as the form labels it."""
    messages = []
    for item in error.errors():
        location = [str(part) for part in item.get("loc", ()) if not isinstance(part, int)]
        field = labels.get(location[0], location[0].replace("_", " ")) if location else ""
        text = error_message(item)
        messages.append(f"{field}: {text}" if field else text)
    return messages
