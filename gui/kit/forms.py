"""Forms: the dialog every form is built on, a message under a field, and pydantic's
complaints in the form's words."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import ValidationError
from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from domain.model import error_message
from gui.context import DeskContext
from gui.dialogs import DeskDialog
from gui.kit.dates import OptionalDate
from gui.kit.pickers import CountryField
from gui.kit.widgets import make_label
from gui.style import error_style, hint_style, problem_style, warning_style


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

    def show_warning(self, text: str) -> None:
        """Something to look at before going on, that does not stop the officer (⚠, boxed)."""
        self.setText(f"⚠ {text}")
        self.setStyleSheet(warning_style())
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


def changed_signal(field: QWidget, *, by_index: bool = False) -> SignalInstance | None:
    """The signal a form field sends when the officer changes it: for a drop-down list, its
    text changing (or, ``by_index``, another entry chosen); None for a widget that is not a
    field."""
    if isinstance(field, QLineEdit | QPlainTextEdit):
        return field.textChanged
    if isinstance(field, QComboBox):
        return field.currentIndexChanged if by_index else field.currentTextChanged
    if isinstance(field, QDateEdit):
        return field.dateChanged
    if isinstance(field, QAbstractButton):
        return field.toggled
    if isinstance(field, QSpinBox):
        return field.valueChanged
    if isinstance(field, OptionalDate | CountryField):
        return field.changed
    return None


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


def grow_to_fit(widget: QWidget) -> None:
    """Grow to show every message that appeared (wrapped labels do not ask for room)."""
    layout = widget.layout()
    if layout is None:
        return
    layout.activate()
    wanted = (
        layout.heightForWidth(widget.width())
        if layout.hasHeightForWidth()
        else layout.sizeHint().height()
    )
    if wanted > widget.height():
        widget.resize(widget.width(), wanted)


class FormDialog(DeskDialog):
    """A modal form: an intro, the fields (each may have a hint under it), room for more
    below them, a box for what stops the form, and its ``buttons`` (accepting calls
    ``_on_buttons_accepted``)."""

    def __init__(
        self,
        context: DeskContext,
        title: str,
        parent: QWidget | None,
        *,
        buttons: QDialogButtonBox,
        minimum_width: int,
        spacing: int,
        extra_stretch: int = 0,
    ) -> None:
        super().__init__(context, parent, title=title, width=minimum_width, modal=True)
        self._busy = False
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.intro = make_label(style=hint_style(), wrap=True, hidden=True)
        layout.addWidget(self.intro)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setVerticalSpacing(spacing)
        layout.addLayout(self.form)
        self.extra = QVBoxLayout()
        layout.addLayout(self.extra, extra_stretch)
        self.problem = make_label(
            name="formProblem", style=problem_style(), wrap=True, selectable=True, hidden=True
        )
        layout.addWidget(self.problem)
        self.buttons = buttons
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    @staticmethod
    def hinted(widget: QWidget, hint: str) -> tuple[QWidget, QVBoxLayout]:
        """``widget`` with its ``hint`` under it, in a box with room for more below."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        if hint:
            note = make_label(hint, style=hint_style() + " font-size:9pt;", wrap=True)
            column.addWidget(note)
        return box, column

    def _on_buttons_accepted(self) -> None:
        raise NotImplementedError
