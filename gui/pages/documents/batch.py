"""A batch: choosing it (every AIA statement due, or every decision record of a day, and
the folder), and the job that generates it."""

from __future__ import annotations

from datetime import UTC, date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from domain.documents import DocumentKind, DocumentRenderer, RegisteredDocument
from domain.errors import DomainError
from domain.progress import CancelToken
from domain.services import documents as services
from gui.context import DeskContext
from gui.dialogs import DeskDialog
from gui.jobs import JobFunction
from gui.kit.dates import date_edit, pydate
from gui.kit.files import write_atomically
from gui.kit.widgets import make_button, make_label, make_line_edit, named
from gui.pages.documents.texts import file_name_for
from gui.settings import UiSettings
from gui.style import error_style, hint_style


class BatchDialog(DeskDialog):
    """Choose a batch: every AIA statement due, or every decision record of a day, and the
    folder the PDF files go to.

    Signals:
        chosen: (kind: DocumentKind, day: date, folder: Path).
    """

    chosen = Signal(object, object, object)

    def __init__(
        self, context: DeskContext, settings: UiSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            context,
            parent,
            title=QCoreApplication.translate("BatchDialog", "Generate a batch"),
            name="batchDialog",
            width=560,
            modal=True,
        )
        today = context.today()
        self.aia = named(QRadioButton(self.tr("Every AIA statement due")), "batchAia")
        self.aia.setToolTip(
            self.tr(
                "A statement for each Tier 1 consignee with open orders and no certification "
                "in force on the day"
            )
        )
        self.records = named(
            QRadioButton(self.tr("Every decision record of the day")), "batchRecords"
        )
        self.records.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.aia)
        group.addButton(self.records)
        self.day = date_edit(today, "batchDay")
        self.folder = make_line_edit(
            str(Path(settings.last_folder()) / f"documents-{today}"), name="batchFolder"
        )
        self.folder.setMinimumWidth(340)
        choose = make_button(self.tr("Choose…"), slot=self._on_choose_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.problem = make_label(name="batchProblem", style=error_style(), wrap=True, hidden=True)
        form = QFormLayout()
        form.addRow(self.tr("Documents:"), self.aia)
        form.addRow("", self.records)
        form.addRow(self.tr("Day:"), self.day)
        form.addRow(self.tr("Save the PDFs in:"), folder_row)
        note = QLabel(
            self.tr(
                "Each document is registered as it is generated. Stop ends the batch after the "
                "current document; the ones already made stay registered and saved."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet(hint_style())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = buttons.addButton(
            self.tr("Start"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.start_button.setObjectName("startBatch")
        self.lay_out(form, note, self.problem, buttons=buttons, on_accept=self._on_buttons_accepted)
        self._chooser: QFileDialog | None = None

    def kind(self) -> DocumentKind:
        return DocumentKind.AIA_STATEMENT if self.aia.isChecked() else DocumentKind.DECISION_RECORD

    def _on_choose_clicked(self) -> None:
        chooser = QFileDialog(self, self.tr("Folder for the batch"), self.folder.text())
        chooser.setFileMode(QFileDialog.FileMode.Directory)
        chooser.setOption(QFileDialog.Option.ShowDirsOnly, True)
        chooser.fileSelected.connect(self.folder.setText)
        self._chooser = chooser
        chooser.open()

    def _on_buttons_accepted(self) -> None:
        text = self.folder.text().strip()
        if not text:
            self.problem.setText(self.tr("Give the folder the PDF files go to."))
            self.problem.setVisible(True)
            return
        folder = Path(text).expanduser()
        if folder.exists() and not folder.is_dir():
            self.problem.setText(
                self.tr("{folder} is a file: give a folder.").format(folder=folder)
            )
            self.problem.setVisible(True)
            return
        self.chosen.emit(self.kind(), pydate(self.day.date()), folder)
        self.accept()


def batch_work(
    context: DeskContext, renderer: DocumentRenderer, kind: DocumentKind, day: date, folder: Path
) -> JobFunction:
    """The job that generates every AIA statement due on ``day`` (or every decision record
    of ``day``), writing each PDF into ``folder`` before it is registered."""
    zone = context.clock.now().astimezone().tzinfo or UTC

    def deliver(document: RegisteredDocument, pdf: bytes) -> None:
        write_atomically(folder / file_name_for(document), pdf)

    def work(progress: Any, cancel: CancelToken) -> services.BatchResult:
        if kind is DocumentKind.AIA_STATEMENT:
            subjects = services.aia_statements_due(context.db, context.catalog, on=day)
        else:
            subjects = services.decisions_of_day(context.db, day, zone=zone)
        if subjects:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise DomainError(
                    f"cannot create the folder {folder}: {error.strerror or error}"
                ) from error
        return services.generate_batch(
            context.db,
            context.catalog,
            renderer,
            kind=kind,
            subjects=subjects,
            on=day,
            actor=context.actor,
            progress=progress,
            cancel=cancel,
            deliver=deliver,
        )

    return work
