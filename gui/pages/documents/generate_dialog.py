"""The form every generated document starts from: generating runs as a job; a refused
generation is explained in the dialog, and everything typed stays."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from domain.documents import RegisteredDocument
from domain.progress import CancelToken
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.jobs import JobFunction
from gui.kit.forms import FormDialog
from gui.kit.pickers import PartyCombo

Generated = tuple[RegisteredDocument, bytes]


class GenerateDialog(FormDialog):
    """A form that ends in a generated document. Generating runs as a job; a refused
    generation is explained in the dialog, and everything typed stays.

    Signals:
        generated: (RegisteredDocument, PDF bytes).
    """

    generated = Signal(object, object)

    def __init__(self, context: DeskContext, title: str, parent: QWidget | None = None) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        generate = buttons.addButton(
            QCoreApplication.translate("GenerateDialog", "Generate"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        generate.setObjectName("generateButton")
        generate.setDefault(True)
        super().__init__(
            context,
            title,
            parent,
            buttons=buttons,
            minimum_width=600,
            spacing=6,
            extra_stretch=1,
        )
        self.generate_button = generate

    def add_field(self, label: str, widget: QWidget, hint: str = "") -> None:
        self.form.addRow(label, self.hinted(widget, hint)[0] if hint else widget)
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
            self.say_problem(
                QCoreApplication.translate(
                    "GenerateDialog",
                    "Documents cannot be rendered here: no PDF renderer is set up.",
                )
            )
            return False
        make = self.plan()
        if make is None:
            return False

        def work(progress: Any, cancel: CancelToken) -> Generated:
            return make()

        self._busy = True
        self.generate_button.setEnabled(False)
        self.generate_button.setText(QCoreApplication.translate("GenerateDialog", "Generating…"))
        self.context.write(
            self.windowTitle(),
            work,
            lambda result: Changes.of(Record.DOCUMENTS, refs=[result[0].number]),
            on_success=self._on_job_succeeded,
            on_failure=self._on_job_failed,
        )
        return True

    def _idle(self) -> None:
        self._busy = False
        self.generate_button.setEnabled(True)
        self.generate_button.setText(QCoreApplication.translate("GenerateDialog", "Generate"))

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
        self.say_problem(
            QCoreApplication.translate(
                "GenerateDialog", "Not generated: {reason}. Everything you entered is still here."
            ).format(reason=message)
        )

    def reject(self) -> None:
        if self._busy:
            return  # the document is being registered; closing would hide the result
        super().reject()


class ConsigneeDialog(GenerateDialog):
    """A document for one consignee, chosen from a list read off the UI thread.

    Signals:
        parties_loaded: the consignees were listed (how many).
    """

    parties_loaded = Signal(int)

    def __init__(self, context: DeskContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(context, title, parent)
        self._wanted_ref: str | None = None
        self.party = PartyCombo()

    def _list_parties(self, name: str, work: JobFunction) -> None:
        """List the consignees ``work`` reads, as (ref, label) pairs."""
        self.context.jobs.start(
            name, work, on_success=self._on_parties_loaded, on_failure=self._on_load_failed
        )

    def _on_parties_loaded(self, entries: list[tuple[str, str]]) -> None:
        self.party.set_entries(entries)
        self._parties_listed(entries)
        if self._wanted_ref is not None:
            self.party.select_ref(self._wanted_ref)
        self.parties_loaded.emit(len(entries))

    def _parties_listed(self, entries: list[tuple[str, str]]) -> None:
        """Anything the form shows once the consignees are listed."""

    def _on_load_failed(self, message: str, is_bug: bool) -> None:
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
        else:
            self.say_problem(message)

    def select_party(self, ref: str) -> None:
        """Choose the consignee (now, or once the list is loaded)."""
        self._wanted_ref = ref
        if self.party.count():
            self.party.select_ref(ref)
