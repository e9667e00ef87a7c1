"""Audit log: every change to the records, who made it and when, and proof it was not altered.

The list is lazy over audit sequence numbers (the log can hold millions of entries), with
filters by text, entity, officer and date. Selecting an entry shows its before and after
side by side, with its hash and the hash of the entry before it. "Verify" walks the whole
chain and the decisions and ledgers it vouches for, off the UI thread, and either reports
it intact or names the first entry that does not match (and selects it).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QItemSelection, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QTableView,
    QWidget,
)

from domain.audit import AuditEntry, VerifyReport
from domain.errors import DomainError
from domain.progress import CancelToken
from domain.queries import AuditFilter, AuditSummary, DeskQueries
from domain.record_state import SEAL_ACTION
from domain.services.verification import verify_records
from gui.changes import Record
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.jobs import Job, OneAtATime
from gui.kit.numbers import grouped
from gui.kit.panes import split
from gui.kit.search import SearchField
from gui.kit.tables import set_up_list
from gui.kit.widgets import make_button, make_label, make_line_edit, named
from gui.models import LazyTableModel
from gui.pages.base import QT_TRANSLATE_NOOP, Page
from gui.style import Tone, heading_style, hint_style, ok_box_style, problem_style, text_style

log = logging.getLogger("diffusion_desk.gui")

ENTITIES: tuple[tuple[str, str | None], ...] = (
    (QT_TRANSLATE_NOOP("AuditPage", "All records"), None),
    (QT_TRANSLATE_NOOP("AuditPage", "Orders"), "order"),
    (QT_TRANSLATE_NOOP("AuditPage", "Order imports"), "orders"),
    (QT_TRANSLATE_NOOP("AuditPage", "Parties"), "party"),
    (QT_TRANSLATE_NOOP("AuditPage", "Products"), "product"),
    (QT_TRANSLATE_NOOP("AuditPage", "AIA certifications"), "aia_certification"),
    (QT_TRANSLATE_NOOP("AuditPage", "LPP certifications"), "lpp_certification"),
    (QT_TRANSLATE_NOOP("AuditPage", "Licences"), "license"),
    (QT_TRANSLATE_NOOP("AuditPage", "VEU footprints"), "footprint"),
    (QT_TRANSLATE_NOOP("AuditPage", "Countries"), "country"),
    (QT_TRANSLATE_NOOP("AuditPage", "Documents"), "document"),
    (QT_TRANSLATE_NOOP("AuditPage", "Settings"), "settings"),
)
ACTION_TEXT = {
    "create": QT_TRANSLATE_NOOP("AuditPage", "Created"),
    "update": QT_TRANSLATE_NOOP("AuditPage", "Updated"),
    "decide": QT_TRANSLATE_NOOP("AuditPage", "Decided"),
    "cancel": QT_TRANSLATE_NOOP("AuditPage", "Cancelled"),
    "checklist": QT_TRANSLATE_NOOP("AuditPage", "KYC checklist"),
    "resolve_red_flag_28": QT_TRANSLATE_NOOP("AuditPage", "Red Flag 28 resolved"),
    "import": QT_TRANSLATE_NOOP("AuditPage", "Imported"),
    "generate": QT_TRANSLATE_NOOP("AuditPage", "Generated"),
    "return": QT_TRANSLATE_NOOP("AuditPage", "Signed copy returned"),
    "undo": QT_TRANSLATE_NOOP("AuditPage", "Undone (Edit > Undo)"),
    "redo": QT_TRANSLATE_NOOP("AuditPage", "Redone (Edit > Redo)"),
    "dispose": QT_TRANSLATE_NOOP("AuditPage", "Screening match decided"),
    "approve": QT_TRANSLATE_NOOP("AuditPage", "Cleared match approved (second officer)"),
    "export": QT_TRANSLATE_NOOP("AuditPage", "Field-audit kit exported"),
    "merge": QT_TRANSLATE_NOOP("AuditPage", "Field-audit kit merged back"),
    "resolve": QT_TRANSLATE_NOOP("AuditPage", "Field-audit discrepancies resolved"),
    "seal": QT_TRANSLATE_NOOP("AuditPage", "Records sealed"),
}
"""What each action is called (English; shown translated in the "AuditPage" context)."""
ENTITY_TEXT = {
    "party": QT_TRANSLATE_NOOP("AuditPage", "party"),
    "product": QT_TRANSLATE_NOOP("AuditPage", "product"),
    "order": QT_TRANSLATE_NOOP("AuditPage", "order"),
    "aia_certification": QT_TRANSLATE_NOOP("AuditPage", "AIA certification"),
    "lpp_certification": QT_TRANSLATE_NOOP("AuditPage", "LPP certification"),
    "license": QT_TRANSLATE_NOOP("AuditPage", "licence"),
    "footprint": QT_TRANSLATE_NOOP("AuditPage", "VEU footprint"),
    "country": QT_TRANSLATE_NOOP("AuditPage", "country setting"),
    "owners": QT_TRANSLATE_NOOP("AuditPage", "owners"),
    "document": QT_TRANSLATE_NOOP("AuditPage", "document"),
    "settings": QT_TRANSLATE_NOOP("AuditPage", "settings"),
    "record": QT_TRANSLATE_NOOP("AuditPage", "records"),
    "list_snapshot": QT_TRANSLATE_NOOP("AuditPage", "restricted-party list"),
    "field_audit_kit": QT_TRANSLATE_NOOP("AuditPage", "field-audit kit"),
    "field_visit": QT_TRANSLATE_NOOP("AuditPage", "field-audit visit"),
    "parties": QT_TRANSLATE_NOOP("AuditPage", "parties"),
    "products": QT_TRANSLATE_NOOP("AuditPage", "products"),
    "orders": QT_TRANSLATE_NOOP("AuditPage", "orders"),
    "certifications": QT_TRANSLATE_NOOP("AuditPage", "certifications"),
    "licenses": QT_TRANSLATE_NOOP("AuditPage", "licences"),
    "footprints": QT_TRANSLATE_NOOP("AuditPage", "VEU footprints"),
    "countries": QT_TRANSLATE_NOOP("AuditPage", "country settings"),
    "ownership": QT_TRANSLATE_NOOP("AuditPage", "ownership"),
    "shipments": QT_TRANSLATE_NOOP("AuditPage", "shipped units"),
}
"""What each kind of record is called (English; shown translated in the "AuditPage" context)."""


class AuditTableModel(LazyTableModel[AuditSummary]):
    headers: tuple[str, ...] = (
        "#",
        QT_TRANSLATE_NOOP("AuditTableModel", "When (UTC)"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Officer"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Action"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Record"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Ref"),
        QT_TRANSLATE_NOOP("AuditTableModel", "Hash"),
    )

    def __init__(self, fetch: Callable[[Sequence[int]], list[AuditSummary]]) -> None:
        super().__init__(fetch, key=lambda summary: summary.seq)
        self.headers = tuple(
            QCoreApplication.translate("AuditTableModel", header) for header in self.headers
        )

    def cell(self, item: AuditSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(item.seq),
                item.at.strftime("%Y-%m-%d %H:%M:%S"),
                item.actor,
                action_text(item.action),
                entity_text(item.entity),
                ref_text(item.action, item.entity_ref),
                item.hash[:12] + "…",
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 6:
            return item.hash
        return None

    def row_of_seq(self, seq: int) -> int | None:
        """The row of an entry, found by bisection (seqs are listed newest first)."""
        ids = self.ids()
        low, high = 0, len(ids)
        while low < high:
            middle = (low + high) // 2
            if ids[middle] > seq:
                low = middle + 1
            else:
                high = middle
        return low if low < len(ids) and ids[low] == seq else None


def find_entry(
    context: DeskContext, seq: int, cancel: CancelToken | None = None
) -> AuditEntry | None:
    """One full audit entry (None when cancelled). Uses the read side's direct lookup when it
    has one; otherwise walks the log through the port (fine for thousands of entries, slow for
    millions)."""
    queries: DeskQueries = context.queries
    lookup = getattr(queries, "audit_entry", None)
    if callable(lookup):
        found = lookup(seq)
        if isinstance(found, AuditEntry):
            return found
    with context.db.reader() as uow:
        for entry in uow.audit.entries():
            if entry.seq == seq:
                return entry
            if cancel is not None and cancel.cancelled:
                return None
            if entry.seq > seq:
                break
    raise DomainError(f"audit entry {seq} is not in the log")


def ref_text(action: str, ref: str) -> str:
    """What an entry is about; for a seal, how many records it vouches for, in words."""
    counted = re.fullmatch(r"(\d+) records?", ref) if action == SEAL_ACTION else None
    if counted is None:
        return ref
    count = int(counted.group(1))
    if count == 1:
        return QCoreApplication.translate("AuditTableModel", "1 record")
    return QCoreApplication.translate("AuditTableModel", "{count} records").format(
        count=grouped(count)
    )


def entity_text(entity: str) -> str:
    """A kind of record as the officer reads it, in the officer's language."""
    return (
        QCoreApplication.translate("AuditPage", ENTITY_TEXT[entity])
        if entity in ENTITY_TEXT
        else entity.replace("_", " ")
    )


def action_text(action: str) -> str:
    """An action as the officer reads it, in the officer's language."""
    return (
        QCoreApplication.translate("AuditPage", ACTION_TEXT[action])
        if action in ACTION_TEXT
        else action
    )


def pretty(value: object) -> str:
    if value is None:
        return QCoreApplication.translate("AuditPage", "(nothing)")
    return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True)


class AuditPage(Page):
    """Signals:
    list_loaded: the entry list was (re)loaded (its row count).
    entry_shown: the selected entry's detail was shown (its seq).
    verified: Verify finished (the report).
    """

    title = QT_TRANSLATE_NOOP("AuditPage", "Audit log")
    shows = frozenset(Record)  # every write is audited
    list_loaded = Signal(int)
    entry_shown = Signal(int)
    verified = Signal(object)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("auditPage")
        self._list = OneAtATime(context.jobs, self)
        """The entry list: the newest filter wins."""
        self._entry_job: Job | None = None
        self._verify_job: Job | None = None
        self._select_after_load: int | None = None
        self.shown_entry: AuditEntry | None = None

        self.model = AuditTableModel(lambda seqs: self.context.queries.audit_summaries(seqs))
        self.table = QTableView()
        self.table.setModel(self.model)
        set_up_list(
            self.table,
            "auditTable",
            (60, 140, 110, 150, 130, 140, 150),
            stretch=5,
            quiet_header=True,
        )
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

        layout = self.page_layout()
        layout.addLayout(self._build_verify_row())
        layout.addLayout(self._build_filters())
        splitter = split(
            Qt.Orientation.Vertical,
            self.table,
            self._build_detail(),
            sizes=(380, 300),
            stretch=(3, 2),
            name="auditSplitter",
        )
        layout.addWidget(splitter, 1)

    # -- building -------------------------------------------------------------------------

    def _build_verify_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.verify_button = make_button(self.tr("Verify the record"), "verifyButton")
        self.verify_button.setToolTip(
            self.tr(
                "Walk the hash chain of the audit log and check every decision and ledger entry "
                "against it (EAR § 762.5(b)(4)). Ctrl+Shift+V"
            )
        )
        self.verify_button.setShortcut("Ctrl+Shift+V")
        self.verify_button.clicked.connect(self._on_verify_button_clicked)
        self.busy = named(QProgressBar(), "verifyBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.busy.setTextVisible(False)
        self.busy.setVisible(False)
        self.result_label = QLabel(
            self.tr(
                "Verify checks that no entry, decision or ledger row was changed after it "
                "was written."
            )
        )
        self.result_label.setObjectName("verifyResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.setStyleSheet(hint_style())
        row.addWidget(self.verify_button)
        row.addWidget(self.busy)
        row.addWidget(self.result_label, 1)
        return row

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.search = SearchField(self.tr("record refs, actions and officers"))
        self.search.setObjectName("auditSearch")
        self.search.search_requested.connect(self.apply_filter)
        self.search.install_find(self)
        self.entity = named(QComboBox(), "auditEntity")
        for label, value in ENTITIES:
            self.entity.addItem(self.tr(label), value)
        self.entity.currentIndexChanged.connect(self.apply_filter)
        self.actor = make_line_edit(
            name="auditActor", placeholder=self.tr("Officer"), max_width=140
        )
        self.actor.returnPressed.connect(self.apply_filter)
        self.use_dates = named(QCheckBox(self.tr("From")), "auditUseDates")
        today = self.context.today()
        self.date_from = QDateEdit(QDate(today.year, 1, 1))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._on_dates_changed)
        self.use_dates.toggled.connect(self.apply_filter)
        self.apply_button = make_button(self.tr("Filter"), "auditApply", self.apply_filter)
        self.count_label = make_label(name="auditCount", style=text_style(Tone.TEXT))
        row.addWidget(self.search, 2)
        row.addWidget(self.entity)
        row.addWidget(self.actor)
        row.addWidget(self.use_dates)
        row.addWidget(self.date_from)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.date_to)
        row.addWidget(self.apply_button)
        row.addStretch(1)
        row.addWidget(self.count_label)
        return row

    def _build_detail(self) -> QWidget:
        box = named(QFrame(), "auditDetail")
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 6, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self.entry_title = make_label(
            self.tr("Select an entry to see what it changed."),
            name="entryTitle",
            style=heading_style(),
            wrap=True,
        )
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF() - 0.5, 8.0))
        self.hashes = make_label(name="entryHashes")
        self.hashes.setFont(mono)
        self.hashes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hashes.setStyleSheet(text_style(Tone.TEXT))
        self.before = self._json_view("entryBefore", self.tr("Before"), mono)
        self.after = self._json_view("entryAfter", self.tr("After"), mono)
        before_label = QLabel(self.tr("Before"))
        after_label = QLabel(self.tr("After"))
        for label in (before_label, after_label):
            label.setStyleSheet(hint_style("font-weight:600;"))
        grid.addWidget(self.entry_title, 0, 0, 1, 2)
        grid.addWidget(self.hashes, 1, 0, 1, 2)
        grid.addWidget(before_label, 2, 0)
        grid.addWidget(after_label, 2, 1)
        grid.addWidget(self.before, 3, 0)
        grid.addWidget(self.after, 3, 1)
        grid.setRowStretch(3, 1)
        return box

    def _json_view(self, name: str, title: str, font: QFont) -> QPlainTextEdit:
        view = named(QPlainTextEdit(), name)
        view.setReadOnly(True)
        view.setFont(font)
        view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        view.setAccessibleName(self.tr("{title} (JSON)").format(title=title))
        return view

    # -- the list -------------------------------------------------------------------------

    def current_filter(self) -> AuditFilter:
        date_from: date | None = None
        date_to: date | None = None
        if self.use_dates.isChecked():
            start, end = self.date_from.date(), self.date_to.date()
            date_from = date(start.year(), start.month(), start.day())
            date_to = date(end.year(), end.month(), end.day())
        entity = self.entity.currentData()
        return AuditFilter(
            text=self.search.text().strip(),
            entity=entity if isinstance(entity, str) else None,
            actor=self.actor.text().strip() or None,
            date_from=date_from,
            date_to=date_to,
        )

    def _on_dates_changed(self, _value: QDate) -> None:
        if self.use_dates.isChecked():
            self.apply_filter()

    def apply_filter(self) -> None:
        self._load(self.current_filter())

    def reload(self) -> None:
        self.apply_filter()

    def clear_filters(self) -> None:
        for widget in (self.search, self.actor, self.entity, self.use_dates):
            widget.blockSignals(True)
        self.search.clear()
        self.actor.clear()
        self.entity.setCurrentIndex(0)
        self.use_dates.setChecked(False)
        for widget in (self.search, self.actor, self.entity, self.use_dates):
            widget.blockSignals(False)

    def _load(self, audit_filter: AuditFilter) -> None:
        if self._list.later(lambda: self._load(audit_filter)):
            return
        self.count_label.setText(self.tr("Loading…"))
        queries = self.context.queries

        def work(progress: Any, cancel: CancelToken) -> Sequence[int]:
            return queries.audit_seqs(audit_filter)

        self._list.start(
            "load audit log", work, on_success=self._on_seqs_loaded, on_failure=self._on_failed
        )

    def _on_seqs_loaded(self, seqs: Sequence[int]) -> None:
        selected = self.shown_entry.seq if self.shown_entry is not None else None
        self.model.set_ids(seqs)
        total = len(seqs)
        self.count_label.setText(
            self.tr("1 entry")
            if total == 1
            else self.tr("{count} entries").format(count=f"{total:,}")
        )
        wanted = self._select_after_load if self._select_after_load is not None else selected
        self._select_after_load = None
        if wanted is not None:
            self.select_seq(wanted)
        self.list_loaded.emit(total)

    def _on_failed(self, message: str, is_bug: bool) -> None:
        self.count_label.setText("")
        show_failure(self, message, is_bug, self.context.log_file)

    def select_seq(self, seq: int) -> bool:
        """Select an entry if the current list holds it."""
        row = self.model.row_of_seq(seq)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    # -- the detail -----------------------------------------------------------------------

    def _on_table_selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        record = self.model.record(indexes[0].row())
        if record is not None:
            self.show_entry(record.seq)

    def show_entry(self, seq: int) -> None:
        if self._entry_job is not None:
            self._entry_job.cancel()
        self.entry_title.setText(self.tr("Entry {seq}: loading…").format(seq=seq))
        context = self.context

        def work(progress: Any, cancel: CancelToken) -> AuditEntry | None:
            return find_entry(context, seq, cancel)

        self._entry_job = self.context.jobs.start(
            f"audit entry {seq}", work, on_success=self._on_entry_loaded, on_failure=self._on_failed
        )

    def _on_entry_loaded(self, entry: AuditEntry | None) -> None:
        if entry is None:
            return  # the officer selected another entry before this one was found
        current = self.table.selectionModel().selectedRows()
        record = self.model.record(current[0].row()) if current else None
        if record is not None and record.seq != entry.seq:
            return  # the officer moved on; the newer request will answer
        self.shown_entry = entry
        action = action_text(entry.action)
        self.entry_title.setText(
            self.tr("Entry {seq} · {when} UTC · ").format(
                seq=entry.seq, when=entry.at.strftime("%Y-%m-%d %H:%M:%S")
            )
            + f"{entry.actor} · {action} {entity_text(entry.entity)} {entry.entity_ref}"
        )
        self.hashes.setText(
            QCoreApplication.translate(
                "AuditPage", "hash       {hash}\nprev hash  {prev_hash}"
            ).format(hash=entry.hash, prev_hash=entry.prev_hash)
        )
        self.before.setPlainText(pretty(entry.before))
        self.after.setPlainText(pretty(entry.after))
        self.entry_shown.emit(entry.seq)

    # -- verification ---------------------------------------------------------------------

    def _on_verify_button_clicked(self) -> None:
        self.verify()

    def verify(self) -> None:
        if self._verify_job is not None:
            return
        db = self.context.db
        connection = self.context.connection
        catalog = self.context.catalog

        def work(progress: Any, cancel: CancelToken) -> VerifyReport:
            if connection.verify is not None:
                return connection.verify(progress)
            return verify_records(db, catalog, progress=progress)

        self.verify_button.setEnabled(False)
        self.busy.setVisible(True)
        self.result_label.setStyleSheet(hint_style())
        self.result_label.setText(self.tr("Verifying the audit chain, decisions and ledgers…"))
        self._verify_job = self.context.jobs.start(
            "verify records",
            work,
            on_success=self._on_verified,
            on_failure=self._on_verify_failed,
            on_finished=self._on_verify_job_finished,
        )

    def _on_verify_job_finished(self) -> None:
        self._verify_job = None
        self.verify_button.setEnabled(True)
        self.busy.setVisible(False)

    def _on_verify_failed(self, message: str, is_bug: bool) -> None:
        self.result_label.setStyleSheet(problem_style("4px 10px"))
        self.result_label.setText(self.tr("Could not verify: {reason}").format(reason=message))
        if is_bug:
            show_failure(self, message, True, self.context.log_file)

    def _on_verified(self, report: VerifyReport) -> None:
        if report.intact:
            self.result_label.setStyleSheet(ok_box_style("4px 10px"))
            self.result_label.setText(
                self.tr(
                    "✓ Intact: {entries} entries, {decisions} decisions, {records} records, "
                    "{anchors} anchors outside the database. Head hash {hash}…"
                ).format(
                    entries=f"{report.entries:,}",
                    decisions=f"{report.decisions:,}",
                    records=f"{report.records:,}",
                    anchors=f"{report.anchors:,}",
                    hash=report.head_hash[:16],
                )
            )
            self.result_label.setToolTip("\n".join(report.notes))
        else:
            problem = report.problem
            assert problem is not None
            self.result_label.setStyleSheet(problem_style("4px 10px"))
            self.result_label.setText(
                (
                    self.tr("✕ Broken: {what}. Checked {entries} entries up to there.")
                    if problem.seq is not None
                    else self.tr(
                        "✕ Broken: {what}. The audit chain itself ({entries} entries) is intact."
                    )
                ).format(what=problem.what, entries=f"{report.entries:,}")
            )
            if problem.seq is not None and not self.select_seq(problem.seq):
                # Not in the filtered list: show everything, then select it.
                self.clear_filters()
                self._select_after_load = problem.seq
                self.apply_filter()
        self.verified.emit(report)

    def prepare_screenshot(self) -> None:
        """For the README's screenshot: the newest entry selected and the record verified."""
        if self.model.rowCount():
            self.table.selectRow(0)
        self.verify()
