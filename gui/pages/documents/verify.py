"""Is this paper genuine? A PDF file, or the code printed on its pages, checked against the
registry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from domain.documents import UnverifiableFileError, Verification
from domain.errors import DomainError
from domain.progress import CancelToken
from domain.services import documents as services
from gui.context import DeskContext
from gui.dialogs import DeskDialog, show_failure
from gui.jobs import Job
from gui.kit.forms import grow_to_fit
from gui.kit.widgets import make_button, make_label, make_line_edit
from gui.pages.documents.texts import document_html, verdict, verdict_stylesheet
from gui.settings import UiSettings
from gui.style import error_style, hint_style, warning_style


class VerifyDialog(DeskDialog):
    """Is this paper genuine? Open the PDF file, or type the code printed on its pages.

    Signals:
        verified: the answer (a ``Verification``).
    """

    verified = Signal(object)

    def __init__(
        self,
        context: DeskContext,
        settings: UiSettings,
        code: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context,
            parent,
            title=QCoreApplication.translate("VerifyDialog", "Verify a document"),
            name="verifyDialog",
            width=640,
        )
        self.settings = settings
        self._job: Job | None = None
        self._chooser: QFileDialog | None = None
        self.verification: Verification | None = None

        intro = QLabel(
            self.tr(
                "Check a paper copy against the registry: open the PDF file, or type the "
                "verification code printed at the foot of each page (any case; spaces and dashes "
                "do not matter)."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(hint_style())

        self.path = make_line_edit(name="verifyPath", placeholder=self.tr("The PDF file to check"))
        self.choose_button = make_button(
            self.tr("Open…"), "verifyChoose", self._on_choose_button_clicked
        )
        self.file_button = make_button(self.tr("Verify file"), "verifyFileButton", self.verify_file)
        self.path.returnPressed.connect(self.verify_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.file_button)

        self.code = make_line_edit(
            code, name="verifyCode", placeholder="ABCD-EFGH-IJKL", max_width=220
        )
        self.code.setStyleSheet("font-family:monospace; font-size:11pt;")
        self.code_button = make_button(self.tr("Verify code"), "verifyCodeButton", self.verify_code)
        self.code.returnPressed.connect(self.verify_code)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code)
        code_row.addWidget(self.code_button)
        code_row.addStretch(1)

        form = QFormLayout()
        form.addRow(self.tr("PDF file:"), file_row)
        form.addRow(self.tr("Or the code:"), code_row)

        self.verdict = make_label(name="verifyVerdict", wrap=True, hidden=True)
        self.message = make_label(name="verifyMessage", wrap=True, selectable=True, hidden=True)
        self.details_heading = make_label(
            name="verifyDetailsHeading", style="font-weight:600;", hidden=True
        )
        self.details = make_label(
            name="verifyDetails", wrap=True, selectable=True, rich=True, hidden=True
        )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(self.verdict)
        layout.addWidget(self.message)
        layout.addWidget(self.details_heading)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addWidget(buttons)

        if context.extract_text is None:
            self.file_button.setEnabled(False)
            self.choose_button.setEnabled(False)
            self.path.setEnabled(False)
            self.path.setPlaceholderText(
                self.tr("Reading PDF files is not set up here; type the code")
            )

    def _on_choose_button_clicked(self) -> None:
        chooser = QFileDialog(
            self,
            self.tr("Open the PDF to verify"),
            self.settings.last_folder(),
            self.tr("PDF documents (*.pdf)"),
        )
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.fileSelected.connect(self._on_chooser_file_selected)
        self._chooser = chooser
        chooser.open()

    def _on_chooser_file_selected(self, path: str) -> None:
        self.path.setText(path)
        self.settings.set_last_folder(path)
        self.verify_file()

    def verify_file(self) -> bool:
        text = self.path.text().strip()
        extract = self.context.extract_text
        if not text or extract is None or self._job is not None:
            if not text:
                self._show_problem(self.tr("Choose the PDF file to verify."))
            return False
        path = Path(text).expanduser()
        db = self.context.db

        def work(progress: Any, cancel: CancelToken) -> Verification | str:
            try:
                services.check_pdf_size(path.stat().st_size, path.name)
                pdf = path.read_bytes()
                return services.verify_pdf(db, pdf, extract, name=path.name)
            except OSError as error:
                raise DomainError(f"cannot read {path}: {error.strerror or error}") from error
            except UnverifiableFileError as error:
                return str(error)  # neither genuine nor forged: the printed code decides

        return self._start(
            f"verify {path.name}", work, self.tr("Checking {file}…").format(file=path.name)
        )

    def verify_code(self) -> bool:
        text = self.code.text().strip()
        if not text or self._job is not None:
            if not text:
                self._show_problem(self.tr("Type the verification code printed on the paper."))
            return False
        db = self.context.db

        def work(progress: Any, cancel: CancelToken) -> Verification:
            return services.verify_code(db, text)

        return self._start(
            f"verify code {text}", work, self.tr("Checking the code {code}…").format(code=text)
        )

    def _start(self, name: str, work: Any, doing: str) -> bool:
        self.file_button.setEnabled(False)
        self.code_button.setEnabled(False)
        self._say(doing, hint_style())
        self._job = self.context.jobs.start(
            name,
            work,
            on_success=self.show_verification,
            on_failure=self._on_job_failed,
            on_finished=self._on_job_finished,
        )
        return True

    def _on_job_finished(self) -> None:
        self._job = None
        self.file_button.setEnabled(self.context.extract_text is not None)
        self.code_button.setEnabled(True)

    def _on_job_failed(self, message: str, is_bug: bool) -> None:
        if is_bug:
            self.message.setVisible(False)
            show_failure(self, message, True, self.context.log_file)
            return
        self._show_problem(self.tr("Not verified: {reason}").format(reason=message))

    def _show_problem(self, text: str) -> None:
        self._say(text, error_style())

    def _say(self, text: str, style: str) -> None:
        """A message in place of the answer (what is being checked, or what went wrong)."""
        self.verdict.setVisible(False)
        self.details_heading.setVisible(False)
        self.details.setVisible(False)
        self.message.setStyleSheet(style)
        self.message.setText(text)
        self.message.setVisible(True)

    def show_verification(self, verification: Verification | str) -> None:
        if isinstance(verification, str):
            # The file cannot say (encrypted, printed as images): ask for the code instead.
            self._show_problem(
                self.tr("Cannot tell from the file: {reason}.").format(reason=verification)
            )
            self.message.setStyleSheet(warning_style())
            self.code.setFocus()
            return
        self.verification = verification
        key, words = verdict(verification)
        self.verdict.setText(words)
        self.verdict.setStyleSheet(verdict_stylesheet(key))
        self.verdict.setAccessibleName(words)
        self.verdict.setVisible(True)
        self.message.setStyleSheet("")
        self.message.setText(verification.message)
        self.message.setVisible(bool(verification.message))
        document = verification.document
        self.details_heading.setText(
            self.tr("The registered document:")
            if verification.genuine
            else self.tr("The registered document this file claims to be:")
        )
        self.details_heading.setVisible(document is not None)
        self.details.setText(document_html(document) if document is not None else "")
        self.details.setVisible(document is not None)
        grow_to_fit(self)  # the whole answer shows
        self.verified.emit(verification)
