"""The form every paperwork record is entered in: problems beside their fields as the officer
types, an audited save off the UI thread, and the change on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from domain.progress import CancelToken
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.kit.dates import OptionalDate
from gui.kit.pickers import CountryField
from gui.kit.writes import Change, RecordCommand, RecordWrites
from gui.style import Tone, error_style, hint_style, problem_style, text_style


def validation_messages(error: ValidationError) -> list[tuple[str, str]]:
    """pydantic's complaints as (field, plain message)."""
    found: list[tuple[str, str]] = []
    for detail in error.errors(include_url=False):
        field = ".".join(str(part) for part in detail["loc"] if not isinstance(part, int))
        message = str(detail["msg"]).removeprefix("Value error, ")
        found.append((field, message))
    return found


class RecordDialog(QDialog):
    """A form for one record. Problems show beside their fields as the officer types; Save
    runs the audited service call off the UI thread; a refused save says why and keeps
    everything typed.

    Signals:
        record_saved: the change was made (its description).
    """

    record_saved = Signal(str)

    def __init__(self, context: DeskContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(560)
        self._errors: dict[str, QLabel] = {}
        self._touched: set[str] = set()
        self._needed: list[str] = []
        self._busy = False
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(hint_style())
        self.intro.setVisible(False)
        layout.addWidget(self.intro)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setVerticalSpacing(4)
        layout.addLayout(self.form)
        self.extra = QVBoxLayout()
        layout.addLayout(self.extra)
        self.problem = QLabel()
        self.problem.setObjectName("formProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(problem_style())
        self.problem.setVisible(False)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.problem)
        self.needed = QLabel()
        self.needed.setObjectName("formNeeded")
        self.needed.setWordWrap(True)
        self.needed.setStyleSheet(hint_style())
        self.needed.setVisible(False)
        layout.addWidget(self.needed)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    # -- building ---------------------------------------------------------------------------

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_field(self, name: str, label: str, widget: QWidget, hint: str = "") -> QLabel:
        """Add a field with an error line under it; returns the error label."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            hint_label.setStyleSheet(hint_style() + " font-size:9pt;")
            column.addWidget(hint_label)
        error = QLabel()
        error.setObjectName(f"{name}Error")
        error.setWordWrap(True)
        error.setStyleSheet(error_style())
        error.setVisible(False)
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

        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.textChanged.connect(touched)
        elif isinstance(widget, QComboBox):
            widget.currentTextChanged.connect(touched)
        elif isinstance(widget, QDateEdit):
            widget.dateChanged.connect(touched)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(touched)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(touched)
        elif isinstance(widget, OptionalDate | CountryField):
            widget.changed.connect(touched)

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
            "Still needed: "
            + "; ".join(message[0].lower() + message[1:] for message in self._needed)
            if self._needed
            else ""
        )
        self.needed.setVisible(bool(self._needed))
        self._fit()

    def _fit(self) -> None:
        """Grow to show every message that appeared (wrapped labels do not ask for room)."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        wanted = (
            layout.heightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.sizeHint().height()
        )
        if wanted > self.height():
            self.resize(self.width(), wanted)

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
        self.save_button.setText("Saving…")
        self.problem.setVisible(False)
        RecordWrites.of(self.context).submit(
            self.windowTitle(), work, self._on_job_succeeded, self._on_job_failed
        )

    def _on_job_succeeded(self, change: Change) -> None:
        self._busy = False
        self.save_button.setText("Save")
        if change.revert is not None:
            self.context.undo_stack.push(RecordCommand(self.context, change))
        self.context.events.records_changed.emit(change.kind)
        self.record_saved.emit(change.text)
        self.accept()

    def _on_job_failed(self, message: str, is_bug: bool) -> None:
        self._busy = False
        self.save_button.setText("Save")
        self.save_button.setEnabled(True)
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
            return
        self.problem.setText(f"Not saved: {message}. Everything you typed is still here.")
        self.problem.setVisible(True)
