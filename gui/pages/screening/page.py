"""Screening (rules.md section 9): the snapshot in use and importing a new one, the queue of
potential matches still to decide (best score first), a match side by side, deciding it in
two keystrokes, a party's history and the screening settings.

Every figure and state comes from the screening services (``domain.services.screening`` and
``screening_lists``); every write goes through ``DeskContext.write``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from domain.errors import DomainError
from domain.progress import CancelToken
from domain.screening.model import SnapshotRecord
from domain.screening.results import Disposition, MatchState, PartyScreening, Verdict
from domain.services.screening import (
    QueueItem,
    ScreeningSettings,
    approve,
    dispose,
    read_screening_settings,
    screen_all,
    work_queue,
)
from domain.services.screening_lists import ListImportResult, import_list
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.jobs import Job, JobFunction, OneAtATime, stop_job
from gui.kit.panes import split
from gui.kit.tables import Column, ColumnModel, make_table, selected_row
from gui.kit.widgets import make_button, make_label, named
from gui.pages.base import QT_TRANSLATE_NOOP, OverviewPage
from gui.pages.screening.compare import ComparePanel, MatchDetail, read_detail
from gui.pages.screening.history import HistoryDialog
from gui.pages.screening.lists import (
    confirm_box,
    counts_text,
    dry_run_text,
    formats,
    short_source,
    snapshot_text,
)
from gui.pages.screening.settings import ScreeningSettingsDialog
from gui.style import error_style, heading_style, hint_style, ok_box_style

REASONS: dict[Verdict, tuple[str, ...]] = {
    Verdict.TRUE_MATCH: (
        "Same name, country and address as the list entry",
        "Same registration number as the list entry",
        "The party's own documents confirm it is the listed entity",
        "A subsidiary or branch named on the list",
    ),
    Verdict.FALSE_POSITIVE: (
        "Different country and address from the list entry",
        "Different company: the registration number differs",
        "Only generic words in common; the distinctive names differ",
        "The entry is an individual; the party is a company",
        "A namesake: different business, ownership and address",
    ),
}
"""Reasons offered when the officer decides (the field stays editable). They stay English in
every language: the reason is kept in the audit log as the officer's record."""

STATE_WORDS = {
    MatchState.PENDING: QT_TRANSLATE_NOOP("ScreeningQueue", "● Pending"),
    MatchState.REOPENED: QT_TRANSLATE_NOOP("ScreeningQueue", "↻ Reopened: entry changed"),
    MatchState.AWAITING_APPROVAL: QT_TRANSLATE_NOOP("ScreeningQueue", "⧗ Awaiting approval"),
    MatchState.CONFIRMED: QT_TRANSLATE_NOOP("ScreeningQueue", "✕ True match"),
    MatchState.CLEARED: QT_TRANSLATE_NOOP("ScreeningQueue", "✓ Cleared"),
}
"""Each state in words (English; shown translated in the "ScreeningQueue" context)."""


def _state(item: QueueItem) -> str:
    words = QCoreApplication.translate("ScreeningQueue", STATE_WORDS[item.state])
    if item.state is MatchState.AWAITING_APPROVAL and item.disposition is not None:
        words += QCoreApplication.translate("ScreeningQueue", " (cleared by {officer})").format(
            officer=item.disposition.decided_by
        )
    return words


QUEUE_COLUMNS: tuple[Column[QueueItem], ...] = (
    Column(
        QT_TRANSLATE_NOOP("ScreeningQueue", "Party"),
        lambda i: f"{i.party_name} ({i.party_ref})",
        tooltip=lambda i: f"{i.party_name} ({i.party_ref})",
    ),
    Column(
        QT_TRANSLATE_NOOP("ScreeningQueue", "Score"),
        lambda i: f"{i.match.score:.2f}",
        sort=lambda i: i.match.score,
        right=True,
    ),
    Column(
        QT_TRANSLATE_NOOP("ScreeningQueue", "List"),
        lambda i: short_source(i.match.source),
        tooltip=lambda i: i.match.source,
    ),
    Column(QT_TRANSLATE_NOOP("ScreeningQueue", "List entry"), lambda i: i.match.entry_name),
    Column(
        QT_TRANSLATE_NOOP("ScreeningQueue", "Matched names"),
        lambda i: f"{i.match.query_name} → {i.match.list_name}",
        tooltip=lambda i: i.match.describe(),
    ),
    Column(QT_TRANSLATE_NOOP("ScreeningQueue", "State"), _state),
)


@dataclass(frozen=True)
class ScreeningView:
    """What the page shows: the snapshot in use, the open queue and the settings."""

    snapshot: SnapshotRecord | None
    queue: list[QueueItem]
    settings: ScreeningSettings


def read_view(context: DeskContext) -> ScreeningView:
    queue = work_queue(context.db)
    with context.db.reader() as uow:
        return ScreeningView(
            snapshot=uow.list_snapshots.in_use(),
            queue=queue,
            settings=read_screening_settings(uow),
        )


class ScreeningPage(OverviewPage[ScreeningView]):
    """Signals:
    loaded: the snapshot and the queue were (re)read and shown.
    detail_shown: a match was shown side by side (its queue item).
    decided: a disposition (or an approval) was recorded (the ``Disposition``).
    checked: a list file was read and compared with the snapshot in use (the dry run's
        ``ListImportResult``).
    imported: a snapshot was taken into use (the ``ListImportResult``).
    rescreened: re-screening every party ended ((done, total)).
    """

    title = QT_TRANSLATE_NOOP("ScreeningPage", "Screening")
    shows = frozenset({Record.SCREENING, Record.PARTIES})
    what = QT_TRANSLATE_NOOP("ScreeningPage", "the screening queue")
    detail_shown = Signal(object)
    decided = Signal(object)
    checked = Signal(object)
    imported = Signal(object)
    rescreened = Signal(int, int)

    rescreen_batch = 200
    """Parties screened per transaction when re-screening all (Stop ends after a batch)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("screeningPage")
        self.view: ScreeningView | None = None
        self.detail: MatchDetail | None = None
        self.confirmation: QMessageBox | None = None
        self._details = OneAtATime(context.jobs, self)
        self._verdict: Verdict | None = None
        self._keep_row = 0
        self._rescreen_job: Job | None = None
        self._progress_total = 0
        self._writing = False
        """A decision is being recorded: Enter pressed again records nothing more."""
        self._keep_message = False

        layout = self.page_layout()
        layout.addLayout(self._build_snapshot_bar())
        layout.addLayout(self._build_progress_row())
        self.queue_model: ColumnModel[QueueItem] = ColumnModel(QUEUE_COLUMNS, self)
        self.queue_model.headers = tuple(
            QCoreApplication.translate("ScreeningQueue", header)
            for header in self.queue_model.headers
        )
        self.table = make_table("screeningQueue", self.queue_model, (230, 50, 170, 230, 240, 170))
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Potential matches to decide"))
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.queue_heading = make_label(
            self.tr("Potential matches to decide"), name="queueHeading", style=heading_style(11.5)
        )
        queue_box = QWidget()
        queue_layout = QVBoxLayout(queue_box)
        queue_layout.setContentsMargins(0, 0, 0, 0)
        queue_layout.setSpacing(2)
        queue_layout.addWidget(self.queue_heading)
        queue_layout.addWidget(self.table, 1)

        self.compare = ComparePanel()
        decide_box = QWidget()
        decide_layout = QVBoxLayout(decide_box)
        decide_layout.setContentsMargins(0, 0, 0, 0)
        decide_layout.setSpacing(4)
        decide_layout.addWidget(self.compare, 1)
        decide_layout.addLayout(self._build_decision_bar())
        self.splitter = split(
            Qt.Orientation.Vertical,
            queue_box,
            decide_box,
            sizes=(190, 420),
            stretch=(1, 2),
            name="screeningSplitter",
        )
        layout.addWidget(self.splitter, 1)
        self._build_shortcuts()
        self._show_nothing()

    # -- building -------------------------------------------------------------------------

    def _build_snapshot_bar(self) -> QHBoxLayout:
        self.snapshot_label = make_label(
            self.tr("Loading…"), name="snapshotSummary", wrap=True, selectable=True
        )
        self.status = self.snapshot_label
        self.counts_label = make_label(name="snapshotCounts", style=hint_style(), wrap=True)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.snapshot_label)
        text.addWidget(self.counts_label)
        self.import_button = make_button(
            self.tr("&Import list…"),
            "importListButton",
            self.choose_list_file,
            tip=self.tr(
                "Import the Consolidated Screening List (CSV or JSON) or a list of your own; "
                "a dry run shows what changes first"
            ),
        )
        self.rescreen_button = make_button(
            self.tr("&Re-screen all parties"),
            "rescreenButton",
            self.start_rescreen,
            tip=self.tr("Screen every party again against the snapshot in use"),
        )
        self.settings_button = make_button(
            self.tr("Se&ttings…"),
            "screeningSettingsButton",
            self.open_settings,
            tip=self.tr("The alert threshold and the second officer's approval"),
        )
        bar = QHBoxLayout()
        bar.addLayout(text, 1)
        for button in (self.import_button, self.rescreen_button, self.settings_button):
            bar.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return bar

    def _build_progress_row(self) -> QHBoxLayout:
        self.progress = named(QProgressBar(), "rescreenProgress")
        self.progress.setAccessibleName(self.tr("Re-screening progress"))
        self.progress.setMaximumWidth(360)
        self.progress_label = make_label(name="rescreenStatus", wrap=True)
        self.stop_button = make_button(
            self.tr("Stop"),
            "stopRescreen",
            self.stop_rescreen,
            tip=self.tr("Stop after the current batch"),
        )
        row = QHBoxLayout()
        row.addWidget(self.progress)
        row.addWidget(self.stop_button)
        row.addWidget(self.progress_label, 1)
        self.progress.setVisible(False)
        self.stop_button.setVisible(False)
        self.progress_label.setVisible(False)
        return row

    def _build_decision_bar(self) -> QVBoxLayout:
        self.true_button = self._verdict_button(
            self.tr("&True match  [T]"), "trueMatchButton", Verdict.TRUE_MATCH
        )
        self.false_button = self._verdict_button(
            self.tr("Fa&lse positive  [F]"), "falsePositiveButton", Verdict.FALSE_POSITIVE
        )
        self.reason = named(QComboBox(), "dispositionReason")
        self.reason.setEditable(True)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.setAccessibleName(self.tr("Reason for the decision"))
        self.reason.setMinimumWidth(200)
        line = self.reason.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("Press T or F, then say why; Enter records it"))
        line.returnPressed.connect(self.record)
        reason_label = QLabel(self.tr("Re&ason:"))
        reason_label.setBuddy(self.reason)
        self.document = named(QLineEdit(), "dispositionDocument")
        self.document.setAccessibleName(self.tr("Supporting document (optional)"))
        self.document.setPlaceholderText(self.tr("Optional: code, file or reference"))
        self.document.setMaxLength(200)
        self.document.returnPressed.connect(self.record)
        document_label = QLabel(self.tr("Doc&ument:"))
        document_label.setBuddy(self.document)
        self.record_button = make_button(
            self.tr("Rec&ord  [Enter]"),
            "recordDecision",
            self.record,
            tip=self.tr("Record the decision"),
        )
        self.approve_button = make_button(
            self.tr("A&pprove  [A]"),
            "approveButton",
            self.approve_selected,
            tip=self.tr("A second officer approves clearing this strong match"),
        )
        self.history_button = make_button(
            self.tr("&History…  [H]"),
            "historyButton",
            self.open_selected_history,
            tip=self.tr("Every screening and disposition of the selected party"),
        )
        self.message = make_label(name="decisionMessage", wrap=True)
        verdicts = QHBoxLayout()
        verdicts.setSpacing(6)
        verdicts.addWidget(self.true_button)
        verdicts.addWidget(self.false_button)
        verdicts.addWidget(self.message, 1)
        verdicts.addWidget(self.approve_button)
        verdicts.addWidget(self.history_button)
        reason_row = QHBoxLayout()
        reason_row.setSpacing(6)
        reason_row.addWidget(reason_label)
        reason_row.addWidget(self.reason, 2)
        reason_row.addWidget(document_label)
        reason_row.addWidget(self.document, 1)
        reason_row.addWidget(self.record_button)
        column = QVBoxLayout()
        column.setSpacing(4)
        column.addLayout(verdicts)
        column.addLayout(reason_row)
        return column

    def _verdict_button(self, text: str, name: str, verdict: Verdict) -> QPushButton:
        button = make_button(text, name, lambda: self.choose_verdict(verdict))
        button.setCheckable(True)
        button.setAccessibleName(
            self.tr("True match") if verdict is Verdict.TRUE_MATCH else self.tr("False positive")
        )
        return button

    def _build_shortcuts(self) -> None:
        keys = (
            ("T", lambda: self.choose_verdict(Verdict.TRUE_MATCH)),
            ("F", lambda: self.choose_verdict(Verdict.FALSE_POSITIVE)),
            ("A", self.approve_selected),
            ("H", self.open_selected_history),
        )
        self.shortcuts: list[QShortcut] = []
        for key, slot in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    # -- loading --------------------------------------------------------------------------

    def read(self) -> tuple[str, JobFunction]:
        context = self.context

        def work(progress: Any, cancel: CancelToken) -> ScreeningView:
            return read_view(context)

        return "load the screening queue", work

    def _on_loaded(self, view: ScreeningView) -> None:
        self.view = view
        snapshot = view.snapshot
        self.snapshot_label.setText(snapshot_text(snapshot))
        self.snapshot_label.setStyleSheet(heading_style() if snapshot else error_style())
        if snapshot is not None:
            counts = counts_text(snapshot.counts).replace("\n", " · ")
            self.counts_label.setText(
                self.tr("Entries per list: {counts}. Alert threshold {threshold}; ").format(
                    counts=counts, threshold=f"{view.settings.threshold:.2f}"
                )
                + (
                    self.tr("a second officer approves clearing strong matches.")
                    if view.settings.second_approval
                    else self.tr("no second approval.")
                )
            )
        else:
            self.counts_label.setText("")
        self.rescreen_button.setEnabled(snapshot is not None and self._rescreen_job is None)
        count = len(view.queue)
        self.queue_heading.setText(
            self.tr("Potential matches to decide: {count}").format(count=count)
            if count
            else self.tr("Potential matches to decide: none")
        )
        self.queue_model.set_rows(view.queue)
        if count:
            row = min(self._keep_row, count - 1)
            self.table.selectRow(row)
            self.table.scrollTo(self.table.model().index(row, 0))
        else:
            self._show_nothing()

    def _show_nothing(self) -> None:
        self.detail = None
        self.compare.show_message(
            self.tr(
                "Nothing to decide: every potential match against the snapshot in use is decided."
            )
            if self.view is not None and self.view.snapshot is not None
            else self.tr("Import a restricted-party list to screen the parties.")
        )
        self._set_decidable(None)

    def _set_decidable(self, item: QueueItem | None) -> None:
        decide = (self.true_button, self.false_button, self.reason, self.document)
        for widget in (*decide, self.record_button):
            widget.setEnabled(item is not None)
        self.history_button.setEnabled(item is not None)
        self.approve_button.setEnabled(
            item is not None and item.state is MatchState.AWAITING_APPROVAL
        )
        self._set_verdict(None)

    # -- a match side by side --------------------------------------------------------------

    def selected_item(self) -> QueueItem | None:
        return selected_row(self.table, self.queue_model)

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        proxy = self.table.model()
        source = proxy.mapToSource(current) if isinstance(proxy, QSortFilterProxyModel) else current
        item = self.queue_model.record(source.row()) if current.isValid() else None
        if item is None:
            return
        self._keep_row = max(current.row(), 0)
        self._set_decidable(item)
        if self._keep_message:
            self._keep_message = False  # what was just recorded stays said
        else:
            self.message.clear()
        self._load_detail(item)

    def _load_detail(self, item: QueueItem) -> None:
        if self._details.later(lambda: self._load_detail(item)):
            return
        db = self.context.db

        def work(progress: Any, cancel: CancelToken) -> MatchDetail:
            return read_detail(db, item)

        self._details.start(
            f"screening match of {item.party_ref}",
            work,
            on_success=self._on_detail_read,
            on_failure=self._on_failed,
        )

    def _on_detail_read(self, detail: MatchDetail) -> None:
        self.detail = detail
        self.compare.show_detail(detail)
        self.detail_shown.emit(detail.item)

    # -- deciding ---------------------------------------------------------------------------

    def choose_verdict(self, verdict: Verdict) -> None:
        """The first keystroke: the verdict; the reason field gets the focus with the
        common reasons for it offered."""
        if self.selected_item() is None:
            return
        self._set_verdict(verdict)
        self.reason.clear()
        self.reason.addItems(list(REASONS[verdict]))
        self.reason.setCurrentIndex(0)
        self.reason.setFocus(Qt.FocusReason.ShortcutFocusReason)
        line = self.reason.lineEdit()
        if line is not None:
            line.selectAll()
        self.message.setStyleSheet(hint_style())
        self.message.setText(
            self.tr("True match: choose or write the reason, then press Enter to record it.")
            if verdict is Verdict.TRUE_MATCH
            else self.tr(
                "False positive: choose or write the reason, then press Enter to record it."
            )
        )

    def _set_verdict(self, verdict: Verdict | None) -> None:
        self._verdict = verdict
        self.true_button.setChecked(verdict is Verdict.TRUE_MATCH)
        self.false_button.setChecked(verdict is Verdict.FALSE_POSITIVE)
        if verdict is None:
            self.reason.clear()
            self.document.clear()

    def record(self) -> None:
        """The second keystroke: record the verdict with the reason, through the write
        path; the queue then moves to the next match."""
        item = self.selected_item()
        if item is None:
            return
        if self._verdict is None:
            self._say(
                self.tr("Choose first: T for a true match, F for a false positive."), error=True
            )
            return
        reason = self.reason.currentText().strip()
        if not reason:
            self._say(self.tr("Say why: a decision needs a reason."), error=True)
            self.reason.setFocus()
            return
        if self._writing:
            return
        context, verdict = self.context, self._verdict
        document = self.document.text().strip() or None

        def work(progress: Any, cancel: CancelToken) -> Disposition:
            return dispose(
                context.db,
                item.party_ref,
                item.match.entry_id,
                verdict,
                reason=reason,
                document=document,
                actor=context.actor,
            )

        self.record_button.setEnabled(False)
        self._writing = True
        context.write(
            f"screening decision on {item.party_ref}",
            work,
            Changes.of(Record.SCREENING, refs=[item.party_ref]),
            on_success=self._on_decided,
            on_failure=self._on_write_failed,
        )

    def approve_selected(self) -> None:
        item = self.selected_item()
        if item is None or item.state is not MatchState.AWAITING_APPROVAL or self._writing:
            return
        context = self.context
        self._writing = True

        def work(progress: Any, cancel: CancelToken) -> Disposition:
            return approve(context.db, item.party_ref, item.match.entry_id, actor=context.actor)

        context.write(
            f"screening approval on {item.party_ref}",
            work,
            Changes.of(Record.SCREENING, refs=[item.party_ref]),
            on_success=self._on_decided,
            on_failure=self._on_write_failed,
        )

    def _on_decided(self, disposition: Disposition) -> None:
        self._writing = False
        self._keep_message = True
        if disposition.approved_by:
            said = self.tr("Approved by {officer} for {ref} ({reason}).").format(
                officer=disposition.approved_by,
                ref=disposition.party_ref,
                reason=disposition.reason,
            )
        else:
            said = (
                self.tr("Recorded: true match for {ref} ({reason}).")
                if disposition.verdict is Verdict.TRUE_MATCH
                else self.tr("Recorded: false positive for {ref} ({reason}).")
            ).format(ref=disposition.party_ref, reason=disposition.reason)
        self._say(said, ok=True)
        self.table.setFocus()
        self.decided.emit(disposition)

    def _on_write_failed(self, message: str, is_bug: bool) -> None:
        self._writing = False
        self.record_button.setEnabled(self.selected_item() is not None)
        if is_bug:
            show_failure(self, message, is_bug, self.context.log_file)
        self._say(self.tr("Not recorded: {reason}").format(reason=message), error=True)

    def _say(self, text: str, *, error: bool = False, ok: bool = False) -> None:
        self.message.setStyleSheet(
            error_style() if error else ok_box_style("2px 6px") if ok else hint_style()
        )
        self.message.setText(text)

    # -- history and settings -----------------------------------------------------------------

    def open_selected_history(self) -> HistoryDialog | None:
        item = self.selected_item()
        return open_history(self.context, item.party_ref, self) if item else None

    def open_settings(self) -> ScreeningSettingsDialog:
        current = self.view.settings if self.view is not None else ScreeningSettings()
        dialog = ScreeningSettingsDialog(self.context, current, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda saved: self._on_settings_saved(current, saved))
        dialog.open()
        return dialog

    def _on_settings_saved(self, before: ScreeningSettings, after: ScreeningSettings) -> None:
        """A new threshold applies to every party at once: they are screened again."""
        if after.threshold != before.threshold and self.view is not None and self.view.snapshot:
            self.start_rescreen()

    # -- importing a list -----------------------------------------------------------------

    def choose_list_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a restricted-party list"), "", formats()
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Read ``path`` and compare it with the snapshot in use (a dry run, nothing
        written); then take it into use, after asking when a source vanished or shrank."""
        context = self.context

        def work(progress: Any, cancel: CancelToken) -> tuple[ListImportResult, bytes]:
            try:
                data = path.read_bytes()
            except OSError as error:
                raise DomainError(f"cannot read {path}: {error.strerror or error}") from error
            result = import_list(
                context.db,
                data,
                file_name=path.name,
                actor=context.actor,
                dry_run=True,
                catalog=context.catalog,
            )
            return result, data

        self.import_button.setEnabled(False)
        self._show_progress(self.tr("Reading {file}…").format(file=path.name))
        context.jobs.start(
            f"read list {path.name}",
            work,
            on_success=self._on_dry_run,
            on_failure=self._on_import_failed,
        )

    def _on_dry_run(self, found: tuple[ListImportResult, bytes]) -> None:
        result, data = found
        self.checked.emit(result)
        self.progress_label.setText(dry_run_text(result))
        if result.already_imported:
            self._end_progress(dry_run_text(result))
            self.import_button.setEnabled(True)
            return
        if result.needs_confirmation:
            box = confirm_box(self, result)
            self.confirmation = box
            box.buttonClicked.connect(
                lambda button: self._on_confirmation_answered(button, result, data)
            )
            box.open()
            return
        self._take(result, data)

    def _on_confirmation_answered(
        self, button: QAbstractButton, result: ListImportResult, data: bytes
    ) -> None:
        box = self.confirmation
        self.confirmation = None
        if box is not None and box.buttonRole(button) == QMessageBox.ButtonRole.AcceptRole:
            self._take(result, data)
        else:
            self._end_progress(
                self.tr("Not imported: {file} was set aside.").format(file=result.file_name)
            )
            self.import_button.setEnabled(True)

    def _take(self, checked: ListImportResult, data: bytes) -> None:
        context = self.context

        def work(progress: Any, cancel: CancelToken) -> ListImportResult:
            return import_list(
                context.db,
                data,
                file_name=checked.file_name,
                actor=context.actor,
                format=checked.format,
                catalog=context.catalog,
            )

        self._show_progress(self.tr("Taking {file} into use…").format(file=checked.file_name))
        context.write(
            f"import list {checked.file_name}",
            work,
            Changes.of(Record.SCREENING),
            on_success=self._on_imported,
            on_failure=self._on_import_failed,
            essential=True,
        )

    def _on_imported(self, result: ListImportResult) -> None:
        self.import_button.setEnabled(True)
        snapshot = result.snapshot
        number = (
            self.tr("Snapshot {id}").format(id=snapshot.id)
            if snapshot is not None
            else self.tr("The snapshot")
        )
        self._end_progress(
            self.tr(
                "{snapshot} is in use ({changes}) Re-screen all parties now to find what the "
                "changes affect."
            ).format(snapshot=number, changes=dry_run_text(result))
        )
        self.rescreen_button.setEnabled(True)
        self.rescreen_button.setFocus()
        self.imported.emit(result)

    def _on_import_failed(self, message: str, is_bug: bool) -> None:
        self.import_button.setEnabled(True)
        self._end_progress(self.tr("Not imported: {reason}").format(reason=message), error=True)
        if is_bug:
            show_failure(self, message, is_bug, self.context.log_file)

    # -- re-screening every party -------------------------------------------------------------

    def start_rescreen(self) -> None:
        if self._rescreen_job is not None:
            return
        context, batch = self.context, self.rescreen_batch

        def work(progress: Any, cancel: CancelToken) -> list[PartyScreening]:
            return screen_all(
                context.db, actor=context.actor, progress=progress, cancel=cancel, batch=batch
            )

        self._progress_total = 0
        self._show_progress(self.tr("Re-screening every party…"))
        self.progress.setRange(0, 0)
        self.stop_button.setVisible(True)
        self.stop_button.setEnabled(True)
        self.rescreen_button.setEnabled(False)
        self._rescreen_job = context.write(
            "re-screen all parties",
            work,
            Changes.of(Record.SCREENING),
            on_success=self._on_rescreened,
            on_failure=self._on_rescreen_failed,
            on_progress=self._on_rescreen_progressed,
            on_finished=self._on_rescreen_finished,
            essential=True,
        )

    def stop_rescreen(self) -> None:
        stop_job(
            self._rescreen_job,
            self.stop_button,
            self.progress_label,
            self.tr(
                "Stopping after the current batch; the parties screened so far keep their result…"
            ),
        )

    def _on_rescreen_progressed(self, done: int, total: int, label: str) -> None:
        self._progress_total = total
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if self.stop_button.isEnabled():
            self.progress_label.setText(
                self.tr("{what}: {done} of {total}").format(
                    what=label, done=f"{done:,}", total=f"{total:,}"
                )
            )

    def _on_rescreened(self, screenings: list[PartyScreening]) -> None:
        done = len(screenings)
        total = max(self._progress_total, done)
        found = sum(1 for screening in screenings if screening.matches)
        if done < total:
            text = self.tr(
                "Stopped: {done} of {total} parties re-screened; the others keep their earlier "
                "screening."
            ).format(done=f"{done:,}", total=f"{total:,}")
        else:
            text = self.tr(
                "All {total} parties re-screened: {found} with potential matches."
            ).format(total=f"{total:,}", found=f"{found:,}")
        self._end_progress(text)
        self.rescreened.emit(done, total)

    def _on_rescreen_failed(self, message: str, is_bug: bool) -> None:
        self._end_progress(
            self.tr("Re-screening stopped: {reason}").format(reason=message), error=True
        )
        if is_bug:
            show_failure(self, message, is_bug, self.context.log_file)

    def _on_rescreen_finished(self) -> None:
        self._rescreen_job = None
        self.stop_button.setVisible(False)
        self.rescreen_button.setEnabled(self.view is not None and self.view.snapshot is not None)

    def _show_progress(self, text: str) -> None:
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.progress_label.setVisible(True)
        self.progress_label.setStyleSheet(hint_style())
        self.progress_label.setText(text)

    def _end_progress(self, text: str, *, error: bool = False) -> None:
        self.progress.setVisible(False)
        self.progress_label.setVisible(True)
        self.progress_label.setStyleSheet(error_style() if error else hint_style())
        self.progress_label.setText(text)

    def prepare_screenshot(self) -> None:
        """For the README's screenshot: a match with a fuzzy word (every kind of mark
        shows), else the best one."""
        rows = self.queue_model.rows()
        fuzzy = next(
            (n for n, item in enumerate(rows) if any(t.how == "fuzzy" for t in item.match.tokens)),
            0,
        )
        if rows:
            self.table.selectRow(fuzzy)


def open_history(context: DeskContext, party_ref: str, parent: QWidget) -> HistoryDialog:
    """A party's screening history, in a dialog of its own."""
    dialog = HistoryDialog(context, party_ref, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
