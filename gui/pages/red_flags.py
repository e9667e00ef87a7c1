"""Red flags: orders held for Red Flag 28 and orders whose checklist raised red flags.

Both lists come from the read model (``domain.services.paperwork_views.red_flag_overview``);
opening an order shows its checklist and, where it applies, the Red Flag 28 resolution
(``gui.red_flags.RedFlagDialog``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from domain.errors import DomainError
from domain.fieldaudit.visits import FieldVisit
from domain.progress import CancelToken
from domain.services.field_audit import resolve_visit
from domain.services.paperwork_views import (
    FlaggedChecklist,
    HeldOrder,
    RedFlagOverview,
    red_flag_overview,
)
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.jobs import JobFunction
from gui.kit.panes import split
from gui.kit.tables import Column, ColumnModel, make_table, selected_row
from gui.kit.widgets import make_button, make_label, make_line_edit
from gui.pages.base import QT_TRANSLATE_NOOP, OverviewPage
from gui.red_flags import RedFlagDialog
from gui.style import badge_text, heading_style, hint_style


def _resolution_text(row: HeldOrder) -> str:
    if row.resolution is None:
        return QCoreApplication.translate("RedFlagColumns", "⚠ Needs a resolution")
    return QCoreApplication.translate("RedFlagColumns", "✓ Resolved {date}: check again").format(
        date=row.resolution.resolved_on.isoformat()
    )


HELD_COLUMNS: tuple[Column[HeldOrder], ...] = (
    Column(QT_TRANSLATE_NOOP("RedFlagColumns", "Order"), lambda r: r.order.ref),
    Column(QT_TRANSLATE_NOOP("RedFlagColumns", "Date"), lambda r: r.order.date.isoformat()),
    Column(
        QT_TRANSLATE_NOOP("RedFlagColumns", "Consignee"),
        lambda r: f"{r.order.consignee_name} ({r.order.consignee_ref})",
    ),
    Column(QT_TRANSLATE_NOOP("RedFlagColumns", "Destination"), lambda r: r.order.destination),
    Column(QT_TRANSLATE_NOOP("RedFlagColumns", "Status"), _resolution_text),
    Column(
        QT_TRANSLATE_NOOP("RedFlagColumns", "Held since"),
        lambda r: r.decided_at.strftime("%Y-%m-%d"),
        tooltip=lambda r: r.message,
    ),
)

FLAGGED_COLUMNS: tuple[Column[FlaggedChecklist], ...] = (
    Column(QT_TRANSLATE_NOOP("RedFlagColumns", "Order"), lambda r: r.order_ref),
    Column(
        QT_TRANSLATE_NOOP("RedFlagColumns", "Consignee"),
        lambda r: f"{r.consignee_name} ({r.consignee_ref})",
    ),
    Column(
        QT_TRANSLATE_NOOP("RedFlagColumns", "Red flags"),
        lambda r: f"⚠ {len(r.raised)}: " + "; ".join(r.raised),
        sort=lambda r: len(r.raised),
        tooltip=lambda r: (
            "\n".join(r.raised)
            + (
                "\n\n"
                + QCoreApplication.translate("RedFlagColumns", "Note: {note}").format(note=r.note)
                if r.note
                else ""
            )
        ),
    ),
    Column(QT_TRANSLATE_NOOP("RedFlagColumns", "Answered by"), lambda r: r.answered_by),
    Column(
        QT_TRANSLATE_NOOP("RedFlagColumns", "When (UTC)"),
        lambda r: r.answered_at.strftime("%Y-%m-%d %H:%M"),
    ),
    Column(QT_TRANSLATE_NOOP("RedFlagColumns", "Outcome"), lambda r: badge_text(r.outcome)),
)


VISIT_COLUMNS: tuple[Column[FieldVisit], ...] = (
    Column(QT_TRANSLATE_NOOP("RedFlagColumns", "Party"), lambda v: v.party_ref),
    Column(
        QT_TRANSLATE_NOOP("RedFlagColumns", "Visit"),
        lambda v: str(v.id),
        sort=lambda v: v.id or 0,
        right=True,
    ),
    Column(QT_TRANSLATE_NOOP("RedFlagColumns", "Site"), lambda v: v.site),
    Column(
        QT_TRANSLATE_NOOP("RedFlagColumns", "Signed off"), lambda v: v.closed_at.date().isoformat()
    ),
    Column(QT_TRANSLATE_NOOP("RedFlagColumns", "Auditor"), lambda v: v.auditor),
    Column(
        QT_TRANSLATE_NOOP("RedFlagColumns", "Discrepancies"),
        lambda v: QCoreApplication.translate("RedFlagColumns", "⚠ {count}: orders held").format(
            count=f"{v.discrepancies:,}"
        ),
        sort=lambda v: v.discrepancies,
    ),
)


class RedFlagsPage(OverviewPage[RedFlagOverview]):
    """Signals:
    loaded: the lists were (re)read and shown.
    dialog_opened: the red-flag dialog of an order was opened (the dialog).
    """

    title = QT_TRANSLATE_NOOP("RedFlagsPage", "Red flags")
    shows = frozenset({Record.ORDERS, Record.DECISIONS, Record.PARTIES})
    what = QT_TRANSLATE_NOOP("RedFlagsPage", "the red flags")
    dialog_opened = Signal(object)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("redFlagsPage")
        self.overview: RedFlagOverview | None = None
        self.held_model: ColumnModel[HeldOrder] = ColumnModel(HELD_COLUMNS, self)
        self.flagged_model: ColumnModel[FlaggedChecklist] = ColumnModel(FLAGGED_COLUMNS, self)
        self.visit_model: ColumnModel[FieldVisit] = ColumnModel(VISIT_COLUMNS, self)
        for model in (self.held_model, self.flagged_model, self.visit_model):
            model.headers = tuple(
                QCoreApplication.translate("RedFlagColumns", header) for header in model.headers
            )
        self.visit_table = make_table("openVisitTable", self.visit_model, (130, 60, 300, 100, 150))
        self.visit_table.doubleClicked.connect(lambda _index: self._on_resolve_visit_clicked())
        self.resolve_visit_button = make_button(
            self.tr("Record a resolution…"), "resolveVisit", self._on_resolve_visit_clicked
        )
        self.held_table = make_table("heldTable", self.held_model, (110, 96, 320, 90, 260))
        self.flagged_table = make_table(
            "flaggedTable", self.flagged_model, (110, 240, 340, 110, 130)
        )
        self.held_table.doubleClicked.connect(self._on_held_table_double_clicked)
        self.flagged_table.doubleClicked.connect(self._on_flagged_table_double_clicked)

        self.summary = make_label(
            self.tr("Loading…"), name="redFlagSummary", style=hint_style(), wrap=True
        )
        self.status = self.summary
        self.order_ref = make_line_edit(
            name="redFlagOrderRef", placeholder=self.tr("e.g. SO-26-0094"), max_width=180
        )
        self.order_ref.returnPressed.connect(self._on_open_ref_clicked)
        open_ref = make_button(
            self.tr("Open checklist"), "openRedFlagRef", self._on_open_ref_clicked
        )
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(QLabel(self.tr("Any order:")))
        top.addWidget(self.order_ref)
        top.addWidget(open_ref)

        self.open_held = make_button(
            self.tr("Resolve Red Flag 28…"), "openHeld", self._on_open_held_clicked
        )
        self.open_flagged = make_button(
            self.tr("Open checklist…"), "openFlagged", self._on_open_flagged_clicked
        )

        splitter = split(
            Qt.Orientation.Vertical,
            self._section(
                self.tr("On hold for Red Flag 28"),
                self.tr(
                    "IaaS training for a customer headquartered (or owned from) outside Tier 1. "
                    "Record how the flag was resolved; the order is then checked again."
                ),
                self.held_table,
                self.open_held,
            ),
            self._section(
                self.tr("Checklists that raised red flags"),
                self.tr(
                    "The latest know-your-customer checklist of each order that ticked at least "
                    "one red flag. No single red flag decides; the officer's judgement is on "
                    "record."
                ),
                self.flagged_table,
                self.open_flagged,
            ),
            self._section(
                self.tr("Field audits with open discrepancies"),
                self.tr(
                    "Serials missing, unexpected or seen twice on site, or a failed checklist "
                    "item: the party's orders are held (field_audit_discrepancy) until the "
                    "officer records how it was resolved."
                ),
                self.visit_table,
                self.resolve_visit_button,
            ),
            sizes=(240, 240, 200),
        )
        layout = self.page_layout()
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _section(self, title: str, note: str, table: QTableView, button: QPushButton) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 4)
        column.setSpacing(4)
        heading = make_label(title, style=heading_style(11.5))
        hint = make_label(note, style=hint_style(), wrap=True)
        row = QHBoxLayout()
        text = QVBoxLayout()
        text.addWidget(heading)
        text.addWidget(hint)
        row.addLayout(text, 1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
        column.addLayout(row)
        column.addWidget(table, 1)
        return box

    # -- loading --------------------------------------------------------------------------

    def read(self) -> tuple[str, JobFunction]:
        db, queries, catalog = self.context.db, self.context.queries, self.context.catalog

        def work(progress: Any, cancel: CancelToken) -> RedFlagOverview:
            return red_flag_overview(db, queries, catalog)

        return "load red flags", work

    def _on_loaded(self, overview: RedFlagOverview) -> None:
        self.overview = overview
        self.held_model.set_rows(overview.held)
        self.flagged_model.set_rows(overview.flagged)
        waiting = sum(1 for row in overview.held if row.resolution is None)
        held = len(overview.held)
        self.summary.setText(
            (
                self.tr("1 order on hold for Red Flag 28")
                if held == 1
                else self.tr("{count} orders on hold for Red Flag 28").format(count=held)
            )
            + (self.tr(" ({count} without a resolution)").format(count=waiting) if held else "")
            + (
                self.tr("; 1 order whose latest checklist raised red flags.")
                if len(overview.flagged) == 1
                else self.tr("; {count} orders whose latest checklist raised red flags.").format(
                    count=len(overview.flagged)
                )
            )
        )
        self.open_held.setEnabled(held > 0)
        self.open_flagged.setEnabled(bool(overview.flagged))
        self.visit_model.set_rows(overview.visits)
        self.resolve_visit_button.setEnabled(bool(overview.visits))
        if overview.visits:
            count = len(overview.visits)
            self.summary.setText(
                self.summary.text()
                + (
                    self.tr(" 1 field audit with open discrepancies.")
                    if count == 1
                    else self.tr(" {count} field audits with open discrepancies.").format(
                        count=count
                    )
                )
            )

    # -- field audits ---------------------------------------------------------------------

    def _on_resolve_visit_clicked(self) -> None:
        visit = selected_row(self.visit_table, self.visit_model) or self.visit_model.record(0)
        if visit is None or visit.id is None:
            return
        note, accepted = QInputDialog.getMultiLineText(
            self,
            self.tr("Resolve visit {visit} of {ref}").format(visit=visit.id, ref=visit.party_ref),
            self.tr(
                "How were the {count} discrepancies found at {site} resolved? (kept in the audit "
                "log; the party's orders are then no longer held for it)"
            ).format(count=visit.discrepancies, site=visit.site),
        )
        if accepted:
            self.resolve_visit(visit, note)

    def resolve_visit(self, visit: FieldVisit, note: str) -> bool:
        """Record how ``visit``'s discrepancies were resolved; the queue is read again."""
        try:
            resolve_visit(
                self.context.db, visit.party_ref, visit.id or 0, note, actor=self.context.actor
            )
        except DomainError as error:
            show_failure(self, str(error), False, self.context.log_file)
            return False
        self.context.events.changed.emit(
            Changes.of(Record.PARTIES, Record.ORDERS, refs=[visit.party_ref])
        )
        return True

    # -- opening an order -----------------------------------------------------------------

    def open_order(self, ref: str) -> RedFlagDialog:
        dialog = RedFlagDialog(self.context, ref, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _on_open_ref_clicked(self) -> None:
        ref = self.order_ref.text().strip()
        if ref:
            self.open_order(ref)

    def _on_open_held_clicked(self) -> None:
        row = selected_row(self.held_table, self.held_model) or self.held_model.record(0)
        if row is not None:
            self.open_order(row.order.ref)

    def _on_open_flagged_clicked(self) -> None:
        row = selected_row(self.flagged_table, self.flagged_model) or self.flagged_model.record(0)
        if row is not None:
            self.open_order(row.order_ref)

    def _on_held_table_double_clicked(self, _index: QModelIndex) -> None:
        self._on_open_held_clicked()

    def _on_flagged_table_double_clicked(self, _index: QModelIndex) -> None:
        self._on_open_flagged_clicked()

    def prepare_screenshot(self) -> None:
        """For the README's screenshot: the first held order selected."""
        if self.held_model.rowCount():
            self.held_table.selectRow(0)
