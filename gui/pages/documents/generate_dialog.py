"""The form every generated document starts from: generating runs as a job; a refused
generation is explained in the dialog, and everything typed stays."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from domain.documents import RegisteredDocument
from domain.progress import CancelToken
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.style import hint_style, problem_style

Generated = tuple[RegisteredDocument, bytes]


class GenerateDialog(QDialog):
    """A form that ends in a generated document. Generating runs as a job; a refused
    generation is explained in the dialog, and everything typed stays.

    Signals:
        generated: (RegisteredDocument, PDF bytes).
    """

    generated = Signal(object, object)

    def __init__(self, context: DeskContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(600)
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
        self.form.setVerticalSpacing(6)
        layout.addLayout(self.form)
        self.extra = QVBoxLayout()
        layout.addLayout(self.extra, 1)
        self.problem = QLabel()
        self.problem.setObjectName("formProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(problem_style())
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.generate_button = self.buttons.addButton(
            "Generate", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.generate_button.setObjectName("generateButton")
        self.generate_button.setDefault(True)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_field(self, label: str, widget: QWidget, hint: str = "") -> None:
        if hint:
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            column.addWidget(widget)
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet(hint_style() + " font-size:9pt;")
            column.addWidget(note)
            self.form.addRow(label, box)
        else:
            self.form.addRow(label, widget)
        widget.setAccessibleName(label.rstrip(":"))

    def say_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def plan(self) -> Callable[[], Generated] | None:
        """Check the form; a function (run off the UI thread) that generates, or None with
        the problem shown."""
        raise NotImplementedError

    def _on_buttons_accepted(self) -> None:
        self.generate()

    def generate(self) -> bool:
        """Start generating; False when the form has a problem or a generation is running."""
        if self._busy:
            return False
        self.say_problem("")
        if self.context.renderer is None:
            self.say_problem("Documents cannot be rendered here: no PDF renderer is set up.")
            return False
        make = self.plan()
        if make is None:
            return False

        def work(progress: Any, cancel: CancelToken) -> Generated:
            return make()

        self._busy = True
        self.generate_button.setEnabled(False)
        self.generate_button.setText("Generating…")
        self.context.jobs.start(
            self.windowTitle(),
            work,
            on_success=self._on_job_succeeded,
            on_failure=self._on_job_failed,
        )
        return True

    def _idle(self) -> None:
        self._busy = False
        self.generate_button.setEnabled(True)
        self.generate_button.setText("Generate")

    def _on_job_succeeded(self, result: Generated) -> None:
        self._idle()
        document, pdf = result
        self.generated.emit(document, pdf)
        self.accept()

    def _on_job_failed(self, message: str, is_bug: bool) -> None:
        self._idle()
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
            return
        self.say_problem(f"Not generated: {message}. Everything you entered is still here.")

    def reject(self) -> None:
        if self._busy:
            return  # the document is being registered; closing would hide the result
        super().reject()
