"""Recording that the signed copy of a statement came back."""

from __future__ import annotations

from decimal import Decimal
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from domain.documents import DocumentKind, RegisteredDocument
from domain.progress import CancelToken
from domain.services import documents as services
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.dialogs import DeskDialog, show_failure
from gui.kit.dates import date_edit, pydate, qdate
from gui.kit.numbers import parse_tpp
from gui.kit.widgets import make_label, make_line_edit, named
from gui.style import hint_style, problem_style


class SignedReturnDialog(DeskDialog):
    """Record that the signed copy of a statement came back.

    For an AIA statement this records the consignee's certification (signed on that date,
    by those people), which the order checks rely on.

    Signals:
        recorded: the document number.
    """

    recorded = Signal(str)

    def __init__(
        self,
        context: DeskContext,
        document: RegisteredDocument,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context,
            parent,
            title=QCoreApplication.translate(
                "SignedReturnDialog", "Signed copy of {number} returned"
            ).format(number=document.number),
            name="signedReturnDialog",
            width=560,
            modal=True,
        )
        self.document = document
        self._busy = False
        today = context.today()
        intro = QLabel(
            f"<b>{escape(document.title)}</b> ({escape(document.number)}). "
            + (
                self.tr(
                    "Recording the signed copy records the consignee's AIA certification as of "
                    "the signing date; orders held for a missing certification pass when checked "
                    "again."
                )
                if document.kind is DocumentKind.AIA_STATEMENT
                else self.tr(
                    "Recording the signed copy records the consignee's LPP certification for the "
                    "year."
                )
            )
        )
        intro.setWordWrap(True)
        self.signed_on = date_edit(today, "returnSignedOn")
        generated_on = document.generated_at.astimezone().date()
        self.signed_on.setMinimumDate(qdate(generated_on))
        self.signed_on.setMaximumDate(qdate(today))
        self.signers = named(QPlainTextEdit(), "returnSigners")
        self.signers.setFixedHeight(64)
        self.signers.setPlaceholderText(
            self.tr("Jane Doe, Chief Compliance Officer\nJohn Roe, CEO")
        )
        self.signers.setPlainText("\n".join(document.signed_by))
        self.attested = named(
            QCheckBox(self.tr("The consignee attests that model weights are stored securely")),
            "returnAttested",
        )
        self.prior = make_line_edit(
            name="returnPrior", placeholder=self.tr("as on file"), max_width=200
        )
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Signed on:"), self.signed_on)
        form.addRow(self.tr("Signed by:"), self.signers)
        hint = make_label(
            self.tr("One person per line, as they signed: name, title."),
            style=hint_style() + " font-size:9pt;",
        )
        form.addRow("", hint)
        if document.kind is DocumentKind.AIA_STATEMENT:
            form.addRow(self.tr("Weights storage:"), self.attested)
            if not document.attests_weights_storage:
                # Only a statement that printed the attestation can have been signed for it.
                self.attested.setEnabled(False)
                self.attested.setToolTip(
                    self.tr(
                        "This statement did not carry the model-weight storage attestation; "
                        "generate one with it for the consignee to sign."
                    )
                )
        else:
            form.addRow(self.tr("Prior receipts (TPP):"), self.prior)
            prior_hint = QLabel(
                self.tr(
                    "What the signer declared as received from other exporters this year; leave "
                    "empty to keep the figure on file."
                )
            )
            prior_hint.setWordWrap(True)
            prior_hint.setStyleSheet(hint_style() + " font-size:9pt;")
            form.addRow("", prior_hint)
        self.problem = make_label(
            name="returnProblem", style=problem_style(), wrap=True, hidden=True
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveReturn")
        self.lay_out(intro, form, self.problem, buttons=buttons, on_accept=self.save)

    def save(self) -> bool:
        if self._busy:
            return False
        signers = tuple(" ".join(line.split()) for line in self.signers.toPlainText().splitlines())
        signers = tuple(line for line in signers if line)
        if not signers:
            self.problem.setText(self.tr("Name at least one person who signed."))
            self.problem.setVisible(True)
            return False
        prior: Decimal | None = None
        if self.document.kind is DocumentKind.LPP_CERTIFICATION and self.prior.text().strip():
            try:
                prior = parse_tpp(self.prior.text())
            except ValueError as error:
                self.problem.setText(self.tr("Prior receipts: {problem}.").format(problem=error))
                self.problem.setVisible(True)
                return False
        context, number = self.context, self.document.number
        signed_on = pydate(self.signed_on.date())
        attested = (
            self.attested.isChecked()
            and self.document.kind is DocumentKind.AIA_STATEMENT
            and self.document.attests_weights_storage
        )

        def work(progress: Any, cancel: CancelToken) -> object:
            return services.record_signed_return(
                context.db,
                number,
                signed_on=signed_on,
                signers=signers,
                weights_storage_attested=attested,
                prior_receipts_tpp=prior,
                actor=context.actor,
            )

        self._busy = True
        self.problem.setVisible(False)
        self.save_button.setEnabled(False)
        self.save_button.setText(self.tr("Saving…"))
        context.write(
            f"signed copy of {number}",
            work,
            Changes.of(Record.DOCUMENTS, Record.PAPERWORK, refs=[number]),
            on_success=self._on_job_succeeded,
            on_failure=self._on_job_failed,
        )
        return True

    def _on_job_succeeded(self, _result: object) -> None:
        self._busy = False
        self.recorded.emit(self.document.number)
        self.accept()

    def _on_job_failed(self, message: str, is_bug: bool) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        self.save_button.setText(self.tr("Save"))
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
            return
        self.problem.setText(
            self.tr("Not recorded: {reason}. Everything you entered is still here.").format(
                reason=message
            )
        )
        self.problem.setVisible(True)

    def reject(self) -> None:
        if not self._busy:
            super().reject()
