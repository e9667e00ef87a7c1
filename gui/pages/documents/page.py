"""Documents: generate, preview, print and file the statements; verify paper later.

The registry lists every generated document (number, kind, party or order, who generated it
and when, whether its signed copy came back). From here an officer generates an AIA
certification statement (editing the items description and the signers first), an LPP
certification, a decision record or shipment notice for an order, the quota report, or a
batch of them; checks whether a paper copy (a PDF file, or the code typed from the page) is
genuine and what it stands for today; and records the return of a signed statement, which
records the certification that order checks rely on.

Every figure comes from the document services; rendering, batches and verification run as
jobs off the UI thread.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QProgressBar,
    QTableView,
    QToolBar,
    QWidget,
)

from domain.documents import DocumentKind, RegisteredDocument
from domain.progress import CancelToken
from domain.services import documents as services
from domain.services.settings import document_settings
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.jobs import Job, OneAtATime, stop_job
from gui.kit.actions import text_toolbar, toolbar_action
from gui.kit.panes import split
from gui.kit.search import SearchField
from gui.kit.tables import MenuEntry, give_menu, set_up_list
from gui.kit.widgets import make_button, make_label, named
from gui.letterhead import LetterheadDialog
from gui.pages.base import QT_TRANSLATE_NOOP, Page
from gui.pages.documents.aia_statement import AiaStatementDialog
from gui.pages.documents.batch import BatchDialog, batch_work
from gui.pages.documents.detail import DocumentDetail
from gui.pages.documents.generate_dialog import ConsigneeDialog, Generated, GenerateDialog
from gui.pages.documents.lpp_certification import LppCertificationDialog
from gui.pages.documents.order_document import OrderDocumentDialog
from gui.pages.documents.signed_return import SignedReturnDialog
from gui.pages.documents.table import DocumentTableModel
from gui.pages.documents.texts import (
    SIGNED_KINDS,
    batch_text,
    document_count,
    file_name_for,
    listed,
)
from gui.pages.documents.verify import VerifyDialog
from gui.pdf_preview import PdfPreviewDialog
from gui.settings import UiSettings
from gui.style import Tone, text_style, warning_style


class DocumentsPage(Page):
    """Signals:
    loaded: the registry list was (re)loaded (its row count).
    document_generated: a document was generated and registered (its number).
    batch_finished: a batch ended (the service's summary).
    """

    title = QT_TRANSLATE_NOOP("DocumentsPage", "Documents")
    shows = frozenset({Record.DOCUMENTS, Record.PAPERWORK, Record.DECISIONS, Record.SETTINGS})
    loaded = Signal(int)
    document_generated = Signal(str)
    batch_finished = Signal(object)

    PDF_CACHE = 24
    """How many generated PDFs stay in memory, to preview again (the registry keeps their
    hashes, not the files)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("documentsPage")
        self.settings = UiSettings()
        self._list = OneAtATime(context.jobs, self)
        """The registry's list: a newer filter drops an older one's result."""
        self._batch_job: Job | None = None
        self._batch_folder: Path | None = None
        self._batch_day: date | None = None
        self._selected: str | None = None
        self._pdfs: dict[str, bytes] = {}
        self.preview: PdfPreviewDialog | None = None
        self.dialog: QDialog | None = None
        """The dialog opened last (tests and screenshots reach it here)."""

        self.model = DocumentTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        set_up_list(
            self.table, "documentsTable", (108, 118, 104, 88, 86, 104, 130), quiet_header=True
        )
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.context_menu = give_menu(self.table, self._menu_entries)

        splitter = split(
            Qt.Orientation.Horizontal,
            self.table,
            self._build_detail(),
            sizes=(770, 340),
            stretch=(3, 2),
            name="documentsSplitter",
        )

        layout = self.page_layout()
        self.notice = make_label(
            name="documentsNotice", style=warning_style(), wrap=True, rich=True, hidden=True
        )
        self.notice.linkActivated.connect(lambda _link: self.open_letterhead())
        layout.addWidget(self.notice)
        layout.addWidget(self._build_toolbar())
        layout.addLayout(self._build_filters())
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_progress())
        self._update_actions()
        context.events.database_replaced.connect(self._on_events_database_replaced)

    def _on_events_database_replaced(self) -> None:
        # Another registry: the same number there is another document.
        self._pdfs.clear()
        self._selected = None

    # -- building -------------------------------------------------------------------------

    def _build_toolbar(self) -> QToolBar:
        bar = text_toolbar("documentsToolbar")
        self.aia_action = toolbar_action(
            self,
            self.tr("New AIA statement…"),
            self.open_aia_statement,
            "newAiaStatementAction",
            self.tr("The AIA certification statement for a Tier 1 consignee to sign"),
        )
        self.lpp_action = toolbar_action(
            self,
            self.tr("New LPP certification…"),
            self.open_lpp_certification,
            "newLppCertificationAction",
            self.tr("The LPP certification for a consignee and calendar year"),
        )
        self.record_action = toolbar_action(
            self,
            self.tr("Decision record for order…"),
            self.open_decision_record,
            "decisionRecordAction",
            self.tr("The record of an order's decision, to file with the shipment papers"),
        )
        self.notice_action = toolbar_action(
            self,
            self.tr("Shipment notice…"),
            self.open_shipment_notice,
            "shipmentNoticeAction",
            self.tr("The AIA shipment notice for an order"),
        )
        self.quota_action = toolbar_action(
            self,
            self.tr("Quota report"),
            self.generate_quota_report,
            "quotaReportAction",
            self.tr(
                "Country allocations, LPP use, NVEU and UVEU against their limits, as of today"
            ),
        )
        self.batch_action = toolbar_action(
            self,
            self.tr("Batch…"),
            self.open_batch,
            "batchAction",
            self.tr("Every AIA statement due, or every decision record of a day, into a folder"),
        )
        self.verify_action = toolbar_action(
            self,
            self.tr("Verify…"),
            self.open_verify,
            "verifyAction",
            self.tr("Check a PDF file or a code typed from paper against the registry"),
            "Ctrl+Shift+V",
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.return_action = toolbar_action(
            self,
            self.tr("Signed copy returned…"),
            self.open_signed_return,
            "signedReturnAction",
            self.tr("Record the return of the selected statement's signed copy"),
        )
        self.letterhead_action = toolbar_action(
            self,
            self.tr("Letterhead…"),
            self.open_letterhead,
            "letterheadAction",
            self.tr("The exporter's letterhead, paper size and the officer named on paper"),
        )
        for action in (
            self.aia_action,
            self.lpp_action,
            self.record_action,
            self.notice_action,
            self.quota_action,
        ):
            bar.addAction(action)
            self.addAction(action)
        bar.addSeparator()
        bar.addAction(self.batch_action)
        bar.addSeparator()
        for action in (self.verify_action, self.return_action):
            bar.addAction(action)
            self.addAction(action)
        bar.addSeparator()
        bar.addAction(self.letterhead_action)
        self.addAction(self.letterhead_action)
        self.addAction(self.batch_action)
        if self.context.renderer is None:
            for action in self._generating_actions():
                action.setEnabled(False)
                action.setToolTip(self.tr("No PDF renderer is set up in this window"))
        return bar

    def _generating_actions(self) -> tuple[QAction, ...]:
        return (
            self.aia_action,
            self.lpp_action,
            self.record_action,
            self.notice_action,
            self.quota_action,
            self.batch_action,
        )

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.search = SearchField(
            self.tr("documents"),
            self.tr("part of a document's number, title, party, order, code or author"),
        )
        self.search.setObjectName("documentSearch")
        self.search.setMinimumWidth(260)
        self.search.search_requested.connect(self.reload)
        self.search.install_find(self)
        self.kind_filter = named(QComboBox(), "kindFilter")
        self.kind_filter.addItem(self.tr("All documents"), None)
        for kind in DocumentKind:
            self.kind_filter.addItem(kind.label, kind.value)
        self.kind_filter.currentIndexChanged.connect(self._on_kind_filter_current_index_changed)
        self.awaiting_filter = named(QCheckBox(self.tr("Awaiting signed copy")), "awaitingFilter")
        self.awaiting_filter.toggled.connect(self._on_awaiting_filter_toggled)
        self.count_label = make_label(name="documentCount", style=text_style(Tone.TEXT))
        row.addWidget(self.search, 2)
        row.addWidget(self.kind_filter)
        row.addWidget(self.awaiting_filter)
        row.addStretch(1)
        row.addWidget(self.count_label)
        return row

    def _build_detail(self) -> QWidget:
        panel = DocumentDetail()
        self.detail = panel.detail
        self.preview_note = panel.preview_note
        self.preview_button = panel.preview_button
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.return_button = panel.return_button
        self.return_button.clicked.connect(self.open_signed_return)
        self.standing_button = panel.standing_button
        self.standing_button.clicked.connect(self._on_standing_button_clicked)
        self.detail_panel = panel
        return panel

    def _build_progress(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = named(QProgressBar(), "batchProgress")
        self.progress.setFormat(self.tr("%v of %m documents"))
        self.progress.setVisible(False)
        self.stop_button = make_button(self.tr("Stop"), "stopBatch")
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self._on_stop_button_clicked)
        self.batch_label = make_label(name="batchLabel", selectable=True)
        row.addWidget(self.batch_label, 1)
        row.addWidget(self.progress, 2)
        row.addWidget(self.stop_button)
        return row

    # -- the list -------------------------------------------------------------------------

    def _on_kind_filter_current_index_changed(self, _index: int) -> None:
        self.reload()

    def _on_awaiting_filter_toggled(self, _checked: bool) -> None:
        self.reload()

    def reload(self) -> None:
        if self._list.later(self.reload):
            return  # the newest filter runs when this one ends
        db = self.context.db
        text = self.search.text().strip()
        kind_value = self.kind_filter.currentData()
        kind = DocumentKind(kind_value) if isinstance(kind_value, str) else None
        awaiting = self.awaiting_filter.isChecked()

        def work(progress: Any, cancel: CancelToken) -> tuple[list[RegisteredDocument], bool]:
            with db.reader() as uow:
                found = [
                    document
                    for document in uow.documents.all()
                    if listed(document, kind, awaiting, text)
                ]
            found.reverse()  # newest first
            return found, document_settings(db).letterhead_is_default

        self.count_label.setText(self.tr("Loading…"))
        self._list.start(
            "load documents", work, on_success=self._on_list_loaded, on_failure=self._on_job_failed
        )

    def _on_list_loaded(self, result: tuple[list[RegisteredDocument], bool]) -> None:
        documents, default_letterhead = result
        self.model.set_documents(documents)
        self.count_label.setText(document_count(len(documents)))
        if default_letterhead:
            self.notice.setText(
                self.tr(
                    "The exporter's letterhead is not set, so no document can be registered yet. "
                    "<a href='letterhead'>Set the letterhead…</a>"
                )
            )
        self.notice.setVisible(bool(default_letterhead))
        if self._selected is None or not self.select_number(self._selected):
            self._selected = None
            self._show_detail(None)
        self.loaded.emit(len(documents))

    def prepare_screenshot(self) -> None:
        """Select the newest document, so the detail shows what the registry keeps."""
        if self.model.rowCount():
            self.table.selectRow(0)

    def select_number(self, number: str) -> bool:
        row = self.model.row_of(number)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def selected_document(self) -> RegisteredDocument | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.document(indexes[0].row()) if indexes else None

    def _on_table_selection_changed(self, _selected: QItemSelection, _: QItemSelection) -> None:
        document = self.selected_document()
        if document is not None:
            self._selected = document.number
        self._show_detail(document)

    def _show_detail(self, document: RegisteredDocument | None) -> None:
        filtered = bool(self.search.text().strip()) or self.kind_filter.currentIndex() > 0
        self.detail_panel.show_document(
            document,
            held=document is not None and document.number in self._pdfs,
            empty=self.tr(
                "No document has been generated yet. Every statement, record, notice and "
                "report made here is registered with a number and a verification code, so its "
                "paper can be checked later (Verify…)."
            )
            if self.model.total() == 0 and not filtered and not self.awaiting_filter.isChecked()
            else self.tr("Select a document to see what the registry holds for it."),
        )
        self._update_actions()

    def _update_actions(self) -> None:
        document = self.selected_document()
        self.return_action.setEnabled(
            document is not None and document.kind in SIGNED_KINDS and document.signed_on is None
        )
        self.detail_panel.show_actions(
            document, held=document is not None and document.number in self._pdfs
        )

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        document = self.selected_document()
        if document is not None and document.number in self._pdfs:
            self.show_preview(document, self._pdfs[document.number])

    def _menu_entries(self, row: int | None) -> list[MenuEntry]:
        """The registry's right-click menu: what the toolbar offers for the document."""
        document = None if row is None else self.model.document(row)
        if document is None:
            return [self.verify_action]
        return [
            (self.tr("Preview…"), self._on_preview_button_clicked),
            (
                self.tr("Copy {number}").format(number=document.number),
                lambda: QApplication.clipboard().setText(document.number),
            ),
            (
                self.tr("Copy the code {code}").format(code=document.verification_code),
                lambda: QApplication.clipboard().setText(document.verification_code),
            ),
            None,
            self.return_action,
            self.verify_action,
        ]

    def _on_preview_button_clicked(self) -> None:
        self._on_table_double_clicked(QModelIndex())

    def _on_standing_button_clicked(self) -> None:
        document = self.selected_document()
        if document is None:
            return
        dialog = self.open_verify(document.verification_code)
        dialog.verify_code()

    def _on_job_failed(self, message: str, is_bug: bool) -> None:
        self.count_label.setText("")
        show_failure(self, message, is_bug, self.context.log_file)

    # -- generating -----------------------------------------------------------------------

    def _open_generate(self, dialog: GenerateDialog) -> GenerateDialog:
        dialog.generated.connect(self._on_document_generated)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _open_for_party(self, dialog: ConsigneeDialog) -> None:
        """Open a consignee's document, for the selected document's party if it has one."""
        document = self.selected_document()
        if document is not None and document.party_ref:
            dialog.select_party(document.party_ref)
        self._open_generate(dialog)

    def open_aia_statement(self) -> AiaStatementDialog:
        dialog = AiaStatementDialog(self.context, self)
        self._open_for_party(dialog)
        return dialog

    def open_lpp_certification(self) -> LppCertificationDialog:
        dialog = LppCertificationDialog(self.context, self)
        self._open_for_party(dialog)
        return dialog

    def _selected_order_ref(self) -> str:
        document = self.selected_document()
        return document.order_ref if document is not None and document.order_ref else ""

    def open_decision_record(self) -> OrderDocumentDialog:
        dialog = OrderDocumentDialog(
            self.context, DocumentKind.DECISION_RECORD, self._selected_order_ref(), self
        )
        self._open_generate(dialog)
        return dialog

    def open_shipment_notice(self) -> OrderDocumentDialog:
        dialog = OrderDocumentDialog(
            self.context, DocumentKind.SHIPMENT_NOTICE, self._selected_order_ref(), self
        )
        self._open_generate(dialog)
        return dialog

    def generate_quota_report(self) -> bool:
        """The quota report as of today, for this calendar year."""
        renderer = self.context.renderer
        if renderer is None:
            return False
        context = self.context
        today = context.today()

        def work(progress: Any, cancel: CancelToken) -> Generated:
            view = services.quota_report_view(
                context.db, context.catalog, on=today, year=today.year
            )
            return services.generate(
                context.db,
                renderer,
                view,
                kind=DocumentKind.QUOTA_REPORT,
                year=today.year,
                actor=context.actor,
            )

        self.quota_action.setEnabled(False)
        self.batch_label.setText(self.tr("Generating the quota report…"))

        def finished() -> None:
            self.quota_action.setEnabled(True)
            if self.batch_label.text().startswith("Generating the quota report"):
                self.batch_label.setText("")

        self.context.write(
            "quota report",
            work,
            lambda result: Changes.of(Record.DOCUMENTS, refs=[result[0].number]),
            on_success=self._on_job_generated,
            on_failure=self._on_job_failed,
            on_finished=finished,
        )
        return True

    def _on_job_generated(self, result: Generated) -> None:
        self._on_document_generated(*result)

    def _on_document_generated(self, document: RegisteredDocument, pdf: bytes) -> None:
        self._pdfs[document.number] = pdf
        while len(self._pdfs) > self.PDF_CACHE:
            del self._pdfs[next(iter(self._pdfs))]
        self._selected = document.number
        if not self.isVisible():
            self.reload()
        self.show_preview(document, pdf)
        self.document_generated.emit(document.number)

    def show_preview(self, document: RegisteredDocument, pdf: bytes) -> PdfPreviewDialog:
        preview = PdfPreviewDialog(
            pdf,
            title=f"{document.number} — {document.title}",
            file_name=file_name_for(document),
            log_file=self.context.log_file,
            settings=self.settings,
            parent=self,
        )
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.destroyed.connect(self._on_preview_destroyed)
        self.preview = preview
        preview.show()
        return preview

    def _on_preview_destroyed(self, _object: QObject | None = None) -> None:
        self.preview = None

    # -- batches --------------------------------------------------------------------------

    def open_batch(self) -> BatchDialog:
        dialog = BatchDialog(self.context, self.settings, self)
        dialog.chosen.connect(self.start_batch)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def start_batch(self, kind: DocumentKind, day: date, folder: Path) -> bool:
        """Generate every AIA statement due on ``day``, or every decision record of ``day``,
        writing each PDF into ``folder`` before it is registered."""
        renderer = self.context.renderer
        if self._batch_job is not None or renderer is None:
            return False
        context = self.context
        work = batch_work(context, renderer, kind, day, folder)
        what = "AIA statements due" if kind is DocumentKind.AIA_STATEMENT else "decision records"
        generating = (
            self.tr("Generating the AIA statements due of {day}…")
            if kind is DocumentKind.AIA_STATEMENT
            else self.tr("Generating the decision records of {day}…")
        )
        self._batch_folder = folder
        self._batch_day = day
        self.progress.setRange(0, 0)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.stop_button.setVisible(True)
        self.stop_button.setEnabled(True)
        self.batch_label.setText(generating.format(day=day.isoformat()))
        self.batch_action.setEnabled(False)
        self.settings.set_last_folder(folder if folder.is_dir() else folder.parent)
        self._batch_job = context.write(
            f"batch of {what}",
            work,
            Changes.of(Record.DOCUMENTS),
            on_success=self._on_batch_done,
            on_failure=self._on_job_failed,
            on_progress=self._on_batch_progress,
            on_finished=self._on_batch_job_finished,
            essential=True,
        )
        return True

    def _on_batch_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if label and self.stop_button.isEnabled():
            self.batch_label.setText(self.tr("Generating {what}").format(what=label))

    def _on_stop_button_clicked(self) -> None:
        stop_job(
            self._batch_job,
            self.stop_button,
            self.batch_label,
            self.tr("Stopping after the current document…"),
        )

    def _on_batch_done(self, summary: services.BatchResult) -> None:
        self._on_batch_job_finished()
        self.batch_label.setText(batch_text(summary, self._batch_folder, self._batch_day))
        self.batch_finished.emit(summary)
        if summary.errors:
            problems = "\n".join(
                f"{subject}: {reason}" for subject, reason in list(summary.errors.items())[:20]
            )
            more = len(summary.errors) - 20
            show_failure(
                self,
                self.tr("Some documents could not be generated:")
                + f"\n{problems}"
                + ("\n" + self.tr("… and {count} more").format(count=more) if more > 0 else ""),
                False,
                self.context.log_file,
            )

    def _on_batch_job_finished(self) -> None:
        self._batch_job = None
        self.progress.setVisible(False)
        self.stop_button.setVisible(False)
        self.batch_action.setEnabled(self.context.renderer is not None)

    # -- verification and returns ---------------------------------------------------------

    def open_letterhead(self) -> LetterheadDialog:
        dialog = LetterheadDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_verify(self, code: str = "") -> VerifyDialog:
        dialog = VerifyDialog(self.context, self.settings, code, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_signed_return(self) -> SignedReturnDialog | None:
        document = self.selected_document()
        if document is None or document.kind not in SIGNED_KINDS:
            return None
        dialog = SignedReturnDialog(self.context, document, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog
