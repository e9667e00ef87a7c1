"""The red flags of one order: the know-your-customer checklist and Red Flag 28.

The checklist (rules.md section 8) is answered per order and kept with it, and in the audit
log; no single red flag decides anything. When the order asks for IaaS training for a
customer outside Tier 1 (Red Flag 28), the officer records how the flag was resolved and the
order is checked again, which releases the hold. Both are audited service calls made off the
UI thread. They are records of what the officer found and did, so they are added, never
undone: a later checklist or resolution supersedes the earlier one and both stay in the log.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from domain.decision import Decision
from domain.model import RedFlagResolution
from domain.ports import RedFlagChecklist
from domain.progress import CancelToken
from domain.red_flags import known_from_records as red_flags_in_records
from domain.red_flags import raised
from domain.services import records
from domain.services.orders import CheckResult, check_order
from domain.services.paperwork_views import RED_FLAG_28
from domain.services.views import OrderDetail, order_detail
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.decision_view import order_parties
from gui.dialogs import DeskDialog, show_failure
from gui.kit.dates import date_format, day_text, moment_text
from gui.kit.widgets import make_button, make_label, make_line_edit, named
from gui.screen import cap_minimum, fit_to_screen
from gui.style import (
    Tone,
    badge_stylesheet,
    badge_text,
    error_style,
    heading_style,
    hint_style,
    note_style,
    problem_style,
    text_style,
)

RESOLVED_28 = "red_flag_28_resolved"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class RedFlagDialog(DeskDialog):
    """Red flags of one order.

    Signals:
        saved: a checklist or a resolution was recorded (and the order re-checked).
        loaded: the order was read and the dialog filled in.
        checklist_saved: the checklist was recorded.
        rechecked: the order was checked again (the new outcome value).
    """

    saved = Signal()
    loaded = Signal()
    checklist_saved = Signal()
    rechecked = Signal(str)

    def __init__(self, context: DeskContext, order_ref: str, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            parent,
            title=QCoreApplication.translate("RedFlagDialog", "Red flags: order {ref}").format(
                ref=order_ref
            ),
            name="redFlagDialog",
            modal=True,
        )
        self.order_ref = order_ref
        self.detail: OrderDetail | None = None
        self._busy = False
        self._filled = False
        self._note_touched = False
        cap_minimum(self, 640, 520)
        fit_to_screen(self, 760, 780)

        self.heading = make_label(
            self.tr("Order {ref}").format(ref=order_ref),
            name="redFlagHeading",
            style=heading_style(13),
        )
        self.parties = make_label(self.tr("Loading…"), style=text_style(Tone.TEXT), wrap=True)
        self.badge = make_label(name="redFlagOutcome")
        self.badge.setMaximumWidth(260)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(10)
        column.addWidget(self._build_checklist())
        column.addWidget(self._build_resolution())
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)

        self.problem = make_label(
            name="redFlagProblem", style=problem_style(), wrap=True, hidden=True
        )
        self.status = make_label(name="redFlagStatus", wrap=True, hidden=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.badge)
        layout.addLayout(top)
        layout.addWidget(self.parties)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._set_enabled(False)
        self._load()

    # -- building -------------------------------------------------------------------------

    def _build_checklist(self) -> QGroupBox:
        box = named(QGroupBox(self.tr("Know-your-customer checklist")), "checklistBox")
        column = QVBoxLayout(box)
        column.setSpacing(4)
        self.checklist = self.context.ruleset_today().red_flags
        source = QLabel(
            self.tr("Red flags from {source}. Tick each one you observed.").format(
                source=self.checklist.source
            )
            + f" {self.checklist.principle}"
        )
        source.setWordWrap(True)
        source.setStyleSheet(hint_style())
        column.addWidget(source)
        self.flags: dict[str, QCheckBox] = {}
        self.flag_notes: dict[str, QLabel] = {}
        for question in self.checklist.questions:
            check = named(QCheckBox(question.text), f"flag_{question.key}")
            check.setToolTip(self.tr("Look at: {hint}").format(hint=question.hint))
            check.setAccessibleDescription(question.hint)
            check.toggled.connect(self._on_flag_toggled)
            note = make_label(
                style=text_style(Tone.WARNING, "margin-left:24px;"), wrap=True, hidden=True
            )
            self.flags[question.key] = check
            self.flag_notes[question.key] = note
            column.addWidget(check)
            column.addWidget(note)
        self.checklist_note = named(QPlainTextEdit(), "checklistNote")
        self.checklist_note.setPlaceholderText(
            self.tr("What you looked at, whom you asked, what you concluded…")
        )
        self.checklist_note.setFixedHeight(64)
        self.checklist_note.setAccessibleName(self.tr("Checklist note"))
        note_label = QLabel(self.tr("Note:"))
        column.addWidget(note_label)
        column.addWidget(self.checklist_note)
        self.previous = make_label(
            name="previousChecklist", style=hint_style(), wrap=True, hidden=True
        )
        column.addWidget(self.previous)
        row = QHBoxLayout()
        self.flag_count = make_label(name="flagCount")
        self.save_checklist = make_button(
            self.tr("Save checklist"), "saveChecklist", self._on_save_checklist_clicked
        )
        row.addWidget(self.flag_count, 1)
        row.addWidget(self.save_checklist)
        column.addLayout(row)
        self._update_count()
        return box

    def _build_resolution(self) -> QGroupBox:
        box = named(
            QGroupBox(self.tr("Red Flag 28: IaaS training for a customer outside Tier 1")),
            "resolutionBox",
        )
        self.resolution_box = box
        column = QVBoxLayout(box)
        self.finding = make_label(
            name="redFlag28Finding", style=note_style(), wrap=True, selectable=True
        )
        column.addWidget(self.finding)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        today = self.context.today()
        self.resolved_on = named(QDateEdit(_qdate(today)), "resolvedOn")
        self.resolved_on.setCalendarPopup(True)
        self.resolved_on.setDisplayFormat(date_format())
        self.resolved_on.setMaximumWidth(140)
        self.resolved_by = make_line_edit(self.context.actor, name="resolvedBy")
        self.resolution_note = named(QPlainTextEdit(), "resolutionNote")
        self.resolution_note.setPlaceholderText(
            self.tr(
                "How the flag was resolved: the model trained, for whom, where the compute "
                "stays, which statements are on file…"
            )
        )
        self.resolution_note.setFixedHeight(72)
        self.resolution_errors: dict[str, QLabel] = {}
        for name, label, widget in (
            ("resolved_on", self.tr("Resolved on:"), self.resolved_on),
            ("resolved_by", self.tr("Resolved by:"), self.resolved_by),
            ("note", self.tr("How:"), self.resolution_note),
        ):
            holder = QWidget()
            inner = QVBoxLayout(holder)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.setSpacing(1)
            inner.addWidget(widget)
            error = make_label(name=f"{name}Error", style=error_style(), wrap=True, hidden=True)
            inner.addWidget(error)
            self.resolution_errors[name] = error
            widget.setAccessibleName(label.rstrip(":"))
            form.addRow(label, holder)
        column.addLayout(form)
        row = QHBoxLayout()
        self.recheck = named(
            QCheckBox(self.tr("Check the order again afterwards (releases the hold)")),
            "recheckAfter",
        )
        self.recheck.setChecked(True)
        self.record_resolution = make_button(
            self.tr("Record resolution"), "recordResolution", self._on_record_resolution_clicked
        )
        row.addWidget(self.recheck, 1)
        row.addWidget(self.record_resolution)
        column.addLayout(row)
        self.resolved_on.dateChanged.connect(self._on_resolution_changed)
        self.resolved_by.textChanged.connect(self._on_resolution_changed)
        self.resolution_note.textChanged.connect(self._on_resolution_note_text_changed)
        box.setVisible(False)
        return box

    def _set_enabled(self, enabled: bool) -> None:
        for check in self.flags.values():
            check.setEnabled(enabled)
        self.checklist_note.setEnabled(enabled)
        self.save_checklist.setEnabled(enabled)
        self.record_resolution.setEnabled(enabled and self.resolution_value() is not None)

    # -- loading --------------------------------------------------------------------------

    def _load(self) -> None:
        db, catalog, ref = self.context.db, self.context.catalog, self.order_ref

        def work(progress: Any, cancel: CancelToken) -> OrderDetail:
            return order_detail(db, catalog, ref)

        self.context.jobs.start(
            f"red flags {ref}", work, on_success=self._on_loaded, on_failure=self._on_failed
        )

    def _decision(self) -> Decision | None:
        if self.detail is None:
            return None
        latest = self.detail.latest
        return latest.decision if latest is not None else self.detail.preview

    def _on_loaded(self, detail: OrderDetail) -> None:
        self.detail = detail
        self.parties.setText(order_parties(detail, country_names=False))
        self._show_outcome()
        if not self._filled:
            self._fill_checklist(detail)
            self._filled = True
        self._show_resolution()
        self._set_enabled(True)
        self.loaded.emit()

    def _fill_checklist(self, detail: OrderDetail) -> None:
        """Pre-fill once: the last checklist's answers, else what the party records show."""
        order = detail.stored.order
        if detail.checklists:
            last = max(detail.checklists, key=lambda item: item.answered_at)
            for key, check in self.flags.items():
                check.setChecked(bool(last.answers.get(key, False)))
            self.checklist_note.setPlainText(last.note)
            flags = raised(last.answers, self.checklist)
            self.previous.setText(
                self.tr("Last answered by {officer} on {time} UTC ({kept}): {raised}.").format(
                    officer=last.answered_by,
                    time=moment_text(last.answered_at),
                    kept=self.tr("1 checklist kept")
                    if len(detail.checklists) == 1
                    else self.tr("{count} checklists kept").format(count=len(detail.checklists)),
                    raised=self._raised(len(flags)),
                )
                + " "
                + self.tr("Saving keeps a new checklist; earlier ones stay on record.")
            )
            self.previous.setVisible(True)
        parties_known = [detail.consignee] + ([detail.end_user] if detail.end_user else [])
        try:
            ruleset = self.context.catalog.in_effect_on(order.date)
        except Exception:  # an order dated before the first ruleset: nothing to pre-tick
            ruleset = None
        if ruleset is not None:
            for key, reason in red_flags_in_records(parties_known, ruleset).items():
                note = self.flag_notes.get(key)
                if note is None:
                    continue
                note.setText(self.tr("From the party records: {reason}").format(reason=reason))
                note.setVisible(True)
                if not detail.checklists:
                    self.flags[key].setChecked(True)

    def _show_outcome(self) -> None:
        detail = self.detail
        if detail is None:
            return
        latest = detail.latest
        cancelled = detail.stored.status.value == "cancelled"
        outcome = "cancelled" if cancelled else (latest.decision.outcome.value if latest else None)
        self.badge.setText(badge_text(outcome))
        self.badge.setStyleSheet(badge_stylesheet(outcome))
        self.badge.setToolTip(
            self.tr("Latest recorded decision") if latest else self.tr("Not checked yet")
        )

    def _show_resolution(self) -> None:
        decision = self._decision()
        detail = self.detail
        codes = decision.codes() if decision is not None else []
        existing = detail.stored.order.red_flag_28_resolution if detail else None
        relevant = RED_FLAG_28 in codes or RESOLVED_28 in codes or existing is not None
        self.resolution_box.setVisible(relevant)
        if not relevant or (decision is None and existing is None):
            return
        if decision is not None and RED_FLAG_28 in codes:
            held = decision.finding(RED_FLAG_28)
            recorded = detail is not None and detail.latest is not None
            self.finding.setText(
                f"<b>{self.tr('On hold') if recorded else self.tr('A check would hold it')}</b> "
                f"({escape(held.rule)}): {escape(held.message)}"
            )
        if existing is not None:
            self.finding.setText(
                self.tr("<b>Resolved</b> by {officer} on {date}: {note}").format(
                    officer=escape(existing.resolved_by),
                    date=day_text(existing.resolved_on),
                    note=escape(existing.note),
                )
                + (
                    self.tr(
                        "<br><b>The order has not been checked since: check it again to release "
                        "the hold.</b>"
                    )
                    if RED_FLAG_28 in codes
                    else ""
                )
            )
            self.resolved_on.setDate(_qdate(existing.resolved_on))
            self.resolved_by.setText(existing.resolved_by)
            self.resolution_note.setPlainText(existing.note)
            self.record_resolution.setText(self.tr("Record a new resolution"))
        self._on_resolution_changed()

    def _on_failed(self, message: str, is_bug: bool) -> None:
        self._busy = False
        self._set_enabled(self.detail is not None)
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
        self.problem.setText(
            self.tr("Not done: {error}. Everything you entered is still here.").format(
                error=message
            )
        )
        self.problem.setVisible(True)

    # -- the checklist --------------------------------------------------------------------

    def answers(self) -> dict[str, bool]:
        return {key: check.isChecked() for key, check in self.flags.items()}

    def _update_count(self) -> None:
        count = sum(self.answers().values())
        self.flag_count.setText(
            self.tr("No red flags ticked.")
            if count == 0
            else "⚠ "
            + (
                self.tr("1 red flag ticked.")
                if count == 1
                else self.tr("{count} red flags ticked.").format(count=count)
            )
        )
        self.flag_count.setStyleSheet(text_style(Tone.WARNING) if count else hint_style())

    def _raised(self, count: int) -> str:
        """ "1 red flag raised", "3 red flags raised"."""
        if count == 1:
            return self.tr("1 red flag raised")
        return self.tr("{count} red flags raised").format(count=count)

    def _on_flag_toggled(self, _checked: bool) -> None:
        self._update_count()

    def _on_save_checklist_clicked(self) -> None:
        if self._busy:
            return
        checklist = RedFlagChecklist(
            order_ref=self.order_ref,
            answers=self.answers(),
            note=self.checklist_note.toPlainText().strip(),
            answered_by=self.context.actor,
            answered_at=self.context.clock.now(),
        )
        db, actor = self.context.db, self.context.actor

        def work(progress: Any, cancel: CancelToken) -> None:
            records.record_checklist(db, checklist, actor=actor)

        self._start(self.tr("Saving the checklist…"))
        self.context.write(
            self.tr("checklist {ref}").format(ref=self.order_ref),
            work,
            Changes.of(Record.ORDERS, refs=[self.order_ref]),
            on_success=self._on_checklist_saved,
            on_failure=self._on_failed,
        )

    def _start(self, text: str) -> None:
        self._busy = True
        self._set_enabled(False)
        self.problem.setVisible(False)
        self.status.setStyleSheet(hint_style())
        self.status.setText(text)
        self.status.setVisible(True)

    def _on_checklist_saved(self, _result: object) -> None:
        self._busy = False
        self._set_enabled(True)
        count = sum(self.answers().values())
        self.status.setStyleSheet(note_style())
        self.status.setText(
            self.tr("Checklist saved with the order and in the audit log ({raised}).").format(
                raised=self._raised(count)
            )
        )
        self.previous.setText(
            self.tr(
                "Last answered by {officer} just now: saving again keeps another "
                "checklist; earlier ones stay on record."
            ).format(officer=self.context.actor)
        )
        self.previous.setVisible(True)
        self.checklist_saved.emit()
        self.saved.emit()

    # -- Red Flag 28 ----------------------------------------------------------------------

    def resolution_value(self) -> RedFlagResolution | None:
        for label in self.resolution_errors.values():
            label.setVisible(False)
        problems: dict[str, str] = {}
        value = self.resolved_on.date()
        resolved_on = date(value.year(), value.month(), value.day())
        if resolved_on > self.context.today():
            problems["resolved_on"] = self.tr("The resolution cannot be dated in the future")
        if not self.resolved_by.text().strip():
            problems["resolved_by"] = self.tr("Name who resolved it")
        if not self.resolution_note.toPlainText().strip() and self._note_touched:
            problems["note"] = self.tr(
                "Describe how it was resolved: it is kept with the order and in the audit log"
            )
        resolution = None
        if not problems and self.resolution_note.toPlainText().strip():
            try:
                resolution = RedFlagResolution(
                    resolved_on=resolved_on,
                    resolved_by=self.resolved_by.text(),
                    note=self.resolution_note.toPlainText(),
                )
            except ValidationError as error:
                for detail in error.errors(include_url=False):
                    field = str(detail["loc"][0]) if detail["loc"] else "note"
                    problems[field] = str(detail["msg"]).removeprefix("Value error, ")
        for name, message in problems.items():
            label = self.resolution_errors.get(name, self.resolution_errors["note"])
            label.setText(f"⚠ {message}")
            label.setVisible(True)
        return resolution

    def _on_resolution_note_text_changed(self) -> None:
        self._note_touched = True
        self._on_resolution_changed()

    def _on_resolution_changed(self, *_args: object) -> None:
        valid = self.resolution_value() is not None
        self.record_resolution.setEnabled(valid and not self._busy and self.detail is not None)

    def _on_record_resolution_clicked(self) -> None:
        resolution = self.resolution_value()
        if resolution is None or self._busy:
            return
        db, catalog, actor, ref = (
            self.context.db,
            self.context.catalog,
            self.context.actor,
            self.order_ref,
        )
        recheck = self.recheck.isChecked() and (
            self.detail is not None and self.detail.stored.status.value == "open"
        )

        def work(progress: Any, cancel: CancelToken) -> CheckResult | None:
            records.resolve_red_flag_28(db, ref, resolution, actor=actor)
            if recheck:
                return check_order(db, catalog, ref, actor=actor)
            return None

        self._start(
            self.tr("Recording the resolution and checking the order again…")
            if recheck
            else self.tr("Recording the resolution…")
        )
        self.context.write(
            self.tr("resolve red flag 28 {ref}").format(ref=ref),
            work,
            Changes.of(Record.ORDERS, *([Record.DECISIONS] if recheck else []), refs=[ref]),
            on_success=self._on_resolution_recorded,
            on_failure=self._on_failed,
        )

    def _on_resolution_recorded(self, result: CheckResult | None) -> None:
        self._busy = False
        self.status.setStyleSheet(note_style())
        if result is None:
            self.status.setText(
                self.tr(
                    "Resolution recorded with the order and in the audit log. Check the order "
                    "again to release the hold."
                )
            )
        else:
            outcome = result.decision.outcome
            self.status.setText(
                self.tr(
                    "Resolution recorded, and the order checked again: <b>{outcome}</b>."
                ).format(outcome=badge_text(outcome.value))
            )
            self.rechecked.emit(outcome.value)
        self.saved.emit()
        # Show the order as it now stands.
        self._set_enabled(False)
        self._load()
