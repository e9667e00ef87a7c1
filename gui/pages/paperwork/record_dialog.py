"""The form every paperwork record is entered in: problems beside their fields as the officer
types, an audited save off the UI thread, and the change on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from domain.countries import Country
from domain.errors import UnknownCountryError
from domain.progress import CancelToken
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.kit.forms import FormDialog, changed_signal, grow_to_fit
from gui.kit.numbers import parse_tpp
from gui.kit.pickers import CountryField, PartyPicker, country_problem
from gui.kit.widgets import make_label
from gui.kit.writes import Change, make_change
from gui.style import Tone, error_style, hint_style, text_style


def validation_messages(error: ValidationError) -> list[tuple[str, str]]:
    """pydantic's complaints as (field, plain message)."""
    found: list[tuple[str, str]] = []
    for detail in error.errors(include_url=False):
        field = ".".join(str(part) for part in detail["loc"] if not isinstance(part, int))
        message = str(detail["msg"]).removeprefix("Value error, ")
        found.append((field, message))
    return found


class RecordDialog(FormDialog):
    """A form for one record. Problems show beside their fields as the officer types; Save
    runs the audited service call off the UI thread; a refused save says why and keeps
    everything typed.

    Signals:
        record_saved: the change was made (its description).
    """

    record_saved = Signal(str)

    def __init__(self, context: DeskContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            title,
            parent,
            buttons=QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            ),
            minimum_width=560,
            spacing=4,
        )
        self._errors: dict[str, QLabel] = {}
        self._touched: set[str] = set()
        self._needed: list[str] = []
        self.needed = make_label(name="formNeeded", style=hint_style(), wrap=True, hidden=True)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.buttons), self.needed)  # above the buttons
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")

    # -- building ---------------------------------------------------------------------------

    def add_field(self, name: str, label: str, widget: QWidget, hint: str = "") -> QLabel:
        """Add a field with an error line under it; returns the error label."""
        box, column = self.hinted(widget, hint)
        error = make_label(name=f"{name}Error", style=error_style(), wrap=True, hidden=True)
        column.addWidget(error)
        self._errors[name] = error
        self.form.addRow(label, box)
        widget.setAccessibleName(label.rstrip(":"))
        self._watch(name, widget)
        return error

    def _watch(self, name: str, widget: QWidget) -> None:
        """Mark a field touched once the officer changes it: its problems then show in red."""

        def touched(*_args: object) -> None:
            self._touched.add(name)

        signal = changed_signal(widget)
        if signal is not None:
            signal.connect(touched)

    def watch_inputs(self, *widgets: QWidget) -> None:
        """Check the form again whenever one of ``widgets`` changes."""
        for widget in widgets:
            signal = changed_signal(widget)
            if signal is not None:
                signal.connect(self._on_inputs_changed)

    def set_error(self, name: str, message: str | None) -> None:
        """Show a problem beside its field, or, for a field not yet touched, in the list of
        what is still needed (so a fresh form is not a wall of red)."""
        label = self._errors.get(name)
        if label is None:
            if message:
                self.problem.setText(message)
                self.problem.setVisible(True)
            return
        if message and name not in self._touched:
            self._needed.append(message)
            label.setVisible(False)
            return
        label.setStyleSheet(error_style())
        label.setText(f"⚠ {message}" if message else "")
        label.setVisible(bool(message))

    def set_note(self, name: str, message: str) -> None:
        """A remark beside a field that does not stop the save (shown whether touched or not)."""
        label = self._errors[name]
        label.setStyleSheet(text_style(Tone.WARNING))
        label.setText(f"ℹ {message}")
        label.setVisible(True)

    def error_text(self, name: str) -> str:
        label = self._errors.get(name)
        return label.text() if label is not None else ""

    def clear_errors(self) -> None:
        self._needed = []
        for label in self._errors.values():
            label.clear()
            label.setVisible(False)

    # -- validation and saving --------------------------------------------------------------

    def validate(self) -> object | None:
        """Check the fields, show problems beside them; the value to save, or None."""
        raise NotImplementedError

    def plan(self, value: Any) -> Callable[[], Change]:
        """A function (run off the UI thread) that makes the change and returns it."""
        raise NotImplementedError

    def party_ref(self, picker: PartyPicker, message: str) -> str | None:
        """The party chosen in ``picker`` (the "party" field), or None with ``message``."""
        ref = picker.selected_ref()
        if ref is None:
            self.set_error("party", message)
        return ref

    def country_in(self, name: str, field: CountryField) -> Country | None:
        """The country typed in the field ``name``, or None with the problem beside it."""
        try:
            return field.country()
        except UnknownCountryError as error:
            field.resolved.clear()
            self.set_error(name, country_problem(error))
            return None

    def tpp_in(self, name: str, edit: QLineEdit) -> Decimal | None:
        """The TPP figure typed in the field ``name``, or None with the problem beside it."""
        try:
            return parse_tpp(edit.text())
        except ValueError as error:
            self.set_error(name, str(error))
            return None

    def model_errors(self, error: ValidationError, fields: dict[str, str]) -> None:
        """Show pydantic's complaints beside the fields (``fields`` maps model to form names)."""
        for field, message in validation_messages(error):
            self.set_error(fields.get(field.split(".")[0], field), message)

    def refresh(self) -> None:
        if not self._busy:
            self.problem.setVisible(False)
        value = self.validate()
        self.save_button.setEnabled(value is not None and not self._busy)
        self.needed.setText(
            QCoreApplication.translate("RecordDialog", "Still needed: ")
            + "; ".join(message[0].lower() + message[1:] for message in self._needed)
            if self._needed
            else ""
        )
        self.needed.setVisible(bool(self._needed))
        self._fit()

    def _fit(self) -> None:
        if self.isVisible():
            grow_to_fit(self)

    def _on_inputs_changed(self, *_args: object) -> None:
        self.refresh()

    def _on_buttons_accepted(self) -> None:
        value = self.validate()
        if value is None or self._busy:
            return
        work_fn = self.plan(value)

        def work(progress: Any, cancel: CancelToken) -> Change:
            return work_fn()

        self._busy = True
        self.save_button.setEnabled(False)
        self.save_button.setText(QCoreApplication.translate("RecordDialog", "Saving…"))
        self.problem.setVisible(False)
        make_change(
            self.context,
            work_fn,
            name=self.windowTitle(),
            on_success=self._on_job_succeeded,
            on_failure=self._on_job_failed,
        )

    def _on_job_succeeded(self, change: Change) -> None:
        self._busy = False
        self.save_button.setText(QCoreApplication.translate("RecordDialog", "Save"))
        self.record_saved.emit(change.text)
        self.accept()

    def _on_job_failed(self, message: str, is_bug: bool) -> None:
        self._busy = False
        self.save_button.setText(QCoreApplication.translate("RecordDialog", "Save"))
        self.save_button.setEnabled(True)
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
            return
        self.problem.setText(
            QCoreApplication.translate(
                "RecordDialog", "Not saved: {reason}. Everything you typed is still here."
            ).format(reason=message)
        )
        self.problem.setVisible(True)
