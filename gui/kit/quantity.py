"""A quantity field that never changes what was typed.

A spin box drops letters and a minus sign as they are typed and caps a large number at its
maximum without a word; an officer typing 99,999,999,999 would order something else than
meant. This field keeps the text as typed, reads it with ``parse_quantity`` and says what is
wrong; the limits are the order model's (1 to ``MAX_QUANTITY``, as the CSV import allows).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from domain.model import MAX_QUANTITY
from gui.kit.numbers import grouped

_GROUPED = re.compile(r"^\d{1,3}([,  _']\d{3})+$|^\d+$")


def parse_quantity(text: str) -> int:
    """A whole number of units from 1 to ``MAX_QUANTITY``: digits, optionally grouped by
    thousands ("1,800", "1 800"). Raises ``ValueError`` saying what is wrong."""
    typed = text.strip()
    if not typed:
        raise ValueError(QCoreApplication.translate("QuantityEdit", "type a quantity"))
    if typed.startswith("-") and typed[1:].strip().replace(",", "").isdigit():
        raise ValueError(QCoreApplication.translate("QuantityEdit", "a quantity is at least 1"))
    if re.fullmatch(r"\d+[.,]\d+", typed) and not _GROUPED.match(typed):
        raise ValueError(
            QCoreApplication.translate(
                "QuantityEdit", "“{typed}” is not a whole number of units"
            ).format(typed=typed)
        )
    if not _GROUPED.match(typed):
        raise ValueError(
            QCoreApplication.translate(
                "QuantityEdit", "“{typed}” is not a number: type digits only"
            ).format(typed=typed)
        )
    value = int(re.sub(r"\D", "", typed))
    if value < 1:
        raise ValueError(QCoreApplication.translate("QuantityEdit", "a quantity is at least 1"))
    if value > MAX_QUANTITY:
        raise ValueError(
            QCoreApplication.translate(
                "QuantityEdit", "{value} is more than {most}, the largest quantity"
            ).format(value=grouped(value), most=grouped(MAX_QUANTITY))
        )
    return value


class QuantityEdit(QLineEdit):
    """Signals:
    quantity_changed: the text changed (read it with ``value()`` or ``problem()``).
    """

    quantity_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setToolTip(
            self.tr("Whole units, 1 to {most}; ↑ and ↓ add or take one").format(
                most=grouped(MAX_QUANTITY)
            )
        )
        self.setAccessibleName(self.tr("Quantity"))
        self.textChanged.connect(self.quantity_changed)

    def value(self) -> int | None:
        """The quantity typed, or None while it cannot be read (``problem()`` says why)."""
        try:
            return parse_quantity(self.text())
        except ValueError:
            return None

    def problem(self) -> str | None:
        try:
            parse_quantity(self.text())
        except ValueError as error:
            return str(error)
        return None

    def setValue(self, value: int) -> None:
        self.setText(grouped(value))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))
        current = self.value()
        if step is not None and current is not None:
            self.setValue(min(max(current + step, 1), MAX_QUANTITY))
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        current = self.value()
        if current is not None and self.text() != grouped(current):
            self.setValue(current)  # "1800" reads back as "1,800"
        super().focusOutEvent(event)
