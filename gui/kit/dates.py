"""Dates in the window: conversions to and from Qt, dates and times as text in the window's
locale, a date field, and a date that may be absent.

In English dates read as ISO (2026-11-28), as on paper; in Chinese they follow QLocale's short
format (2026/11/28).
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, QLocale, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def date_format() -> str:
    """The display format of a date field."""
    if _chinese():
        return QLocale().dateFormat(QLocale.FormatType.ShortFormat).replace("M/d", "MM/dd")
    return "yyyy-MM-dd"


def day_text(day: date) -> str:
    """A day as the window writes it."""
    if _chinese():
        return QLocale().toString(qdate(day), date_format())
    return day.isoformat()


def moment_text(moment: datetime) -> str:
    """A time to the minute as the window writes it (2026-11-28 14:05)."""
    if _chinese():
        time = QTime(moment.hour, moment.minute)
        return f"{day_text(moment.date())} {QLocale().toString(time, 'HH:mm')}"
    return f"{moment:%Y-%m-%d %H:%M}"


def date_edit(default: date, name: str = "") -> QDateEdit:
    edit = QDateEdit(qdate(default))
    if name:
        edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format())
    edit.setMaximumWidth(140)
    return edit


class OptionalDate(QWidget):
    """A date that may be absent: a checkbox that enables the date."""

    changed = Signal()

    def __init__(self, label: str, default: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = QDateEdit(qdate(default))
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(date_format())
        self.edit.setEnabled(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit)
        row.addStretch(1)
        self.check.toggled.connect(self._on_check_toggled)
        self.edit.dateChanged.connect(self._on_edit_date_changed)

    def _on_check_toggled(self, checked: bool) -> None:
        self.edit.setEnabled(checked)
        self.changed.emit()

    def _on_edit_date_changed(self, _value: QDate) -> None:
        self.changed.emit()

    def value(self) -> date | None:
        return pydate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        if value is not None:
            self.edit.setDate(qdate(value))
        self.check.setChecked(value is not None)
