"""Certifications & Licences: the paperwork that unlocks exceptions, and what is left of it.

AIA certifications (with BIS submission and revocation), LPP certifications per year with
prior receipts, licences with their depletion, VEU footprints and country settings. Every
change is an audited service call made off the UI thread and pushed onto the undo stack;
forms check what is typed as it is typed, and a refused save keeps every field as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date
from html import escape
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from domain.countries import Country
from domain.errors import DomainError, UnknownCountryError
from domain.model import (
    AiaCertification,
    CountrySetting,
    License,
    LicenseCovers,
    LppCertification,
    VeuFootprint,
)
from domain.progress import CancelToken
from domain.queries import PartySummary
from domain.services import records
from domain.services.paperwork_views import (
    AiaRow,
    CountryRow,
    FootprintRow,
    LicenseRow,
    LppRow,
    PaperworkView,
    paperwork_overview,
    stored_aia_certification,
    stored_country_setting,
    stored_footprint,
    stored_lpp_certification,
)
from gui.charts import NEAR_LIMIT
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.kit.dates import OptionalDate, date_edit, pydate, qdate
from gui.kit.numbers import parse_tpp
from gui.kit.pickers import CountryField, PartyPicker, country_problem
from gui.kit.tables import Column, ColumnModel, make_table, select_key, selected_row
from gui.kit.writes import Change, RecordCommand, RecordWrites
from gui.pages.base import Page
from gui.style import (
    Tone,
    colour,
    error_style,
    hint_style,
    percent,
    problem_style,
    text_style,
    tpp,
)

log = logging.getLogger("diffusion_desk.gui")


def yes_no(value: bool) -> str:
    return "Yes" if value else "No"


# -- form pieces --------------------------------------------------------------------------------


def validation_messages(error: ValidationError) -> list[tuple[str, str]]:
    """pydantic's complaints as (field, plain message)."""
    found: list[tuple[str, str]] = []
    for detail in error.errors(include_url=False):
        field = ".".join(str(part) for part in detail["loc"] if not isinstance(part, int))
        message = str(detail["msg"]).removeprefix("Value error, ")
        found.append((field, message))
    return found


class RecordDialog(QDialog):
    """A form for one record. Problems show beside their fields as the officer types; Save
    runs the audited service call off the UI thread; a refused save says why and keeps
    everything typed.

    Signals:
        record_saved: the change was made (its description).
    """

    record_saved = Signal(str)

    def __init__(self, context: DeskContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(560)
        self._errors: dict[str, QLabel] = {}
        self._touched: set[str] = set()
        self._needed: list[str] = []
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
        self.form.setVerticalSpacing(4)
        layout.addLayout(self.form)
        self.extra = QVBoxLayout()
        layout.addLayout(self.extra)
        self.problem = QLabel()
        self.problem.setObjectName("formProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(problem_style())
        self.problem.setVisible(False)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.problem)
        self.needed = QLabel()
        self.needed.setObjectName("formNeeded")
        self.needed.setWordWrap(True)
        self.needed.setStyleSheet(hint_style())
        self.needed.setVisible(False)
        layout.addWidget(self.needed)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveButton")
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    # -- building ---------------------------------------------------------------------------

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_field(self, name: str, label: str, widget: QWidget, hint: str = "") -> QLabel:
        """Add a field with an error line under it; returns the error label."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            hint_label.setStyleSheet(hint_style() + " font-size:9pt;")
            column.addWidget(hint_label)
        error = QLabel()
        error.setObjectName(f"{name}Error")
        error.setWordWrap(True)
        error.setStyleSheet(error_style())
        error.setVisible(False)
        column.addWidget(error)
        self._errors[name] = error
        self.form.addRow(label, box)
        widget.setAccessibleName(label.rstrip(":"))
        self._watch(name, widget)
        return error

    def _watch(self, name: str, widget: QWidget) -> None:
        """Mark a field touched once the officer changes it: its problems then show in red."""

        def touched(*_args: object) -> None:
            self._touched.add(name)

        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.textChanged.connect(touched)
        elif isinstance(widget, QComboBox):
            widget.currentTextChanged.connect(touched)
        elif isinstance(widget, QDateEdit):
            widget.dateChanged.connect(touched)
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(touched)
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(touched)
        elif isinstance(widget, OptionalDate | CountryField):
            widget.changed.connect(touched)

    def set_error(self, name: str, message: str | None) -> None:
        """Show a problem beside its field, or, for a field not yet touched, in the list of
        what is still needed (so a fresh form is not a wall of red)."""
        label = self._errors.get(name)
        if label is None:
            if message:
                self.problem.setText(message)
                self.problem.setVisible(True)
            return
        if message and name not in self._touched:
            self._needed.append(message)
            label.setVisible(False)
            return
        label.setStyleSheet(error_style())
        label.setText(f"⚠ {message}" if message else "")
        label.setVisible(bool(message))

    def set_note(self, name: str, message: str) -> None:
        """A remark beside a field that does not stop the save (shown whether touched or not)."""
        label = self._errors[name]
        label.setStyleSheet(text_style(Tone.WARNING))
        label.setText(f"ℹ {message}")
        label.setVisible(True)

    def error_text(self, name: str) -> str:
        label = self._errors.get(name)
        return label.text() if label is not None else ""

    def clear_errors(self) -> None:
        self._needed = []
        for label in self._errors.values():
            label.clear()
            label.setVisible(False)

    # -- validation and saving --------------------------------------------------------------

    def validate(self) -> object | None:
        """Check the fields, show problems beside them; the value to save, or None."""
        raise NotImplementedError

    def plan(self, value: Any) -> Callable[[], Change]:
        """A function (run off the UI thread) that makes the change and returns it."""
        raise NotImplementedError

    def model_errors(self, error: ValidationError, fields: dict[str, str]) -> None:
        """Show pydantic's complaints beside the fields (``fields`` maps model to form names)."""
        for field, message in validation_messages(error):
            self.set_error(fields.get(field.split(".")[0], field), message)

    def refresh(self) -> None:
        if not self._busy:
            self.problem.setVisible(False)
        value = self.validate()
        self.save_button.setEnabled(value is not None and not self._busy)
        self.needed.setText(
            "Still needed: "
            + "; ".join(message[0].lower() + message[1:] for message in self._needed)
            if self._needed
            else ""
        )
        self.needed.setVisible(bool(self._needed))
        self._fit()

    def _fit(self) -> None:
        """Grow to show every message that appeared (wrapped labels do not ask for room)."""
        layout = self.layout()
        if layout is None or not self.isVisible():
            return
        layout.activate()
        wanted = (
            layout.heightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.sizeHint().height()
        )
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def _on_inputs_changed(self, *_args: object) -> None:
        self.refresh()

    def _on_buttons_accepted(self) -> None:
        value = self.validate()
        if value is None or self._busy:
            return
        work_fn = self.plan(value)

        def work(progress: Any, cancel: CancelToken) -> Change:
            return work_fn()

        self._busy = True
        self.save_button.setEnabled(False)
        self.save_button.setText("Saving…")
        self.problem.setVisible(False)
        RecordWrites.of(self.context).submit(
            self.windowTitle(), work, self._on_job_succeeded, self._on_job_failed
        )

    def _on_job_succeeded(self, change: Change) -> None:
        self._busy = False
        self.save_button.setText("Save")
        if change.revert is not None:
            self.context.undo_stack.push(RecordCommand(self.context, change))
        self.context.events.records_changed.emit(change.kind)
        self.record_saved.emit(change.text)
        self.accept()

    def _on_job_failed(self, message: str, is_bug: bool) -> None:
        self._busy = False
        self.save_button.setText("Save")
        self.save_button.setEnabled(True)
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
            return
        self.problem.setText(f"Not saved: {message}. Everything you typed is still here.")
        self.problem.setVisible(True)


def _certification_wording(context: DeskContext, on: date) -> str:
    try:
        ruleset = context.catalog.in_effect_on(on)
    except DomainError as error:
        return str(error)
    text = ruleset.aia_certification
    opening, *items = text.as_printed(
        "[the ultimate consignee]", "[the items, with their general description and ECCNs]"
    )
    listed = "".join(f"<p style='margin-left:12px'>{escape(item)}</p>" for item in items)
    return (
        f"<p><b>{escape(text.title)}</b> "
        f"<span style='color:{colour(Tone.HINT)}'>(ruleset {ruleset.id}, "
        f"{escape(text.regulation)})</span></p><p>{escape(opening)}</p>{listed}"
    )


class AiaDialog(RecordDialog):
    """Record an AIA certification, or (``mode``) its BIS submission or its revocation."""

    NEW = "new"
    SUBMISSION = "submission"
    REVOCATION = "revocation"

    def __init__(
        self,
        context: DeskContext,
        parties: Sequence[PartySummary],
        *,
        existing: AiaCertification | None = None,
        mode: str = NEW,
        known: Sequence[AiaCertification] = (),
        parent: QWidget | None = None,
    ) -> None:
        titles = {
            self.NEW: "Record AIA certification",
            self.SUBMISSION: "Record BIS submission of an AIA certification",
            self.REVOCATION: "Revoke an AIA certification",
        }
        super().__init__(context, titles[mode], parent)
        self.setObjectName("aiaDialog")
        self.mode = mode
        self.existing = existing
        self.known = list(known)
        today = context.today()
        ruleset = context.ruleset_today()
        self.party = PartyPicker(parties)
        self.party.setObjectName("aiaParty")
        self.signed_on = date_edit(today)
        self.signed_on.setObjectName("aiaSignedOn")
        self.signers = QPlainTextEdit()
        self.signers.setObjectName("aiaSigners")
        self.signers.setPlaceholderText("Jane Doe, Chief Compliance Officer\nJohn Roe, CEO")
        self.signers.setFixedHeight(64)
        self.attested = QCheckBox("The consignee attests that model weights are stored securely")
        self.attested.setObjectName("aiaAttested")
        self.submitted = OptionalDate("Submitted to BIS on", today)
        self.submitted.setObjectName("aiaSubmitted")
        self.revoked = OptionalDate("Revoked on", today)
        self.revoked.setObjectName("aiaRevoked")
        self.add_field("party", "Ultimate consignee:", self.party)
        self.add_field("signed_on", "Signed on:", self.signed_on)
        self.add_field(
            "signers",
            "Signed by:",
            self.signers,
            "One person per line: name and title (item (v) of the certification).",
        )
        self.add_field(
            "attested",
            "Weights storage:",
            self.attested,
            f"As {ruleset.references.aia_weights} require; needed for model weights under AIA.",
        )
        self.add_field(
            "submitted",
            "BIS submission:",
            self.submitted,
            f"Needed once cumulative AIA shipments reach {tpp(ruleset.aia.bis_submission_from_tpp)}"
            f" TPP ({ruleset.references.aia_bis_submission}).",
        )
        self.add_field("revoked", "Revocation:", self.revoked)
        self.wording = QTextBrowser()
        self.wording.setObjectName("aiaWording")
        self.wording.setMaximumHeight(150)
        self.wording.setAccessibleName("Certification wording")
        wording_label = QLabel("What the consignee certifies:")
        wording_label.setStyleSheet("font-weight:600;")
        self.extra.addWidget(wording_label)
        self.extra.addWidget(self.wording)
        if existing is not None:
            self.party.select_ref(existing.party_ref)
            self.party.setEnabled(False)
            self.signed_on.setDate(qdate(existing.signed_on))
            self.signed_on.setEnabled(False)
            self.signers.setPlainText("\n".join(existing.signers))
            self.attested.setChecked(existing.weights_storage_attested)
            self.submitted.set_value(existing.submitted_to_bis_on)
            self.revoked.set_value(existing.revoked_on)
        if mode == self.SUBMISSION:
            self.submitted.check.setChecked(True)
            self.set_intro(
                "Record the day the certification was submitted to BIS. Orders held for a "
                "missing submission pass once they are checked again."
            )
        elif mode == self.REVOCATION:
            self.revoked.check.setChecked(True)
            self.set_intro(
                "From the revocation date the certification no longer covers AIA shipments."
            )
        else:
            self.set_intro(
                "The ultimate consignee's one-time certification before its first AIA shipment "
                f"({ruleset.references.aia}). Orders held for a missing certification pass "
                "once they are checked again."
            )
        self.party.currentTextChanged.connect(self._on_inputs_changed)
        self.signed_on.dateChanged.connect(self._on_signed_on_date_changed)
        self.signers.textChanged.connect(self._on_inputs_changed)
        self.attested.toggled.connect(self._on_inputs_changed)
        self.submitted.changed.connect(self._on_inputs_changed)
        self.revoked.changed.connect(self._on_inputs_changed)
        self._on_signed_on_date_changed(self.signed_on.date())

    def _on_signed_on_date_changed(self, value: QDate) -> None:
        self.wording.setHtml(_certification_wording(self.context, pydate(value)))
        self.refresh()

    def validate(self) -> AiaCertification | None:
        self.clear_errors()
        ok = True
        ref = self.party.selected_ref()
        if ref is None:
            self.set_error(
                "party",
                "Choose the consignee from the list"
                if self.party.currentText().strip()
                else "Choose the ultimate consignee",
            )
            ok = False
        signers = tuple(
            line.strip() for line in self.signers.toPlainText().splitlines() if line.strip()
        )
        if not signers:
            self.set_error("signers", "Name at least one person who signed")
            ok = False
        signed = pydate(self.signed_on.date())
        submitted = self.submitted.value()
        revoked = self.revoked.value()
        if submitted is not None and submitted < signed:
            self.set_error("submitted", "The submission cannot be before the signing date")
            ok = False
        if revoked is not None and revoked < signed:
            self.set_error("revoked", "The revocation cannot be before the signing date")
            ok = False
        if self.mode == self.REVOCATION and revoked is None:
            self.set_error("revoked", "Give the revocation date")
            ok = False
        if self.mode == self.SUBMISSION and submitted is None:
            self.set_error("submitted", "Give the submission date")
            ok = False
        if not ok or ref is None:
            return None
        try:
            value = AiaCertification(
                party_ref=ref,
                signed_on=signed,
                signers=signers,
                weights_storage_attested=self.attested.isChecked(),
                submitted_to_bis_on=submitted,
                revoked_on=revoked,
            )
        except ValidationError as error:
            self.model_errors(
                error,
                {"signers": "signers", "party_ref": "party", "signed_on": "signed_on"},
            )
            return None
        if self.mode == self.NEW and any(
            item.party_ref == ref and item.signed_on == signed for item in self.known
        ):
            self.set_note(
                "signed_on",
                "Replaces the certification this consignee signed on the same day (saving "
                "updates it)",
            )
        return value

    def plan(self, value: AiaCertification) -> Callable[[], Change]:
        db, actor = self.context.db, self.context.actor
        what = {
            self.NEW: "Record AIA certification",
            self.SUBMISSION: "Record BIS submission",
            self.REVOCATION: "Revoke AIA certification",
        }[self.mode]
        text = f"{what} of {value.party_ref} (signed {value.signed_on.isoformat()})"

        def make() -> Change:
            before = stored_aia_certification(db, value.party_ref, value.signed_on)
            records.record_aia_certification(db, value, actor=actor)
            # Records are never deleted: undoing a new certification withdraws it by revoking
            # it as of its signing date, so it never covered anything (and the log shows it).
            previous = before or value.model_copy(update={"revoked_on": value.signed_on})
            return Change(
                text=text,
                apply=lambda: records.record_aia_certification(db, value, actor=actor),
                revert=lambda: records.record_aia_certification(db, previous, actor=actor),
            )

        return make


class LppDialog(RecordDialog):
    """Record (or correct) a consignee's LPP certification for one calendar year."""

    def __init__(
        self,
        context: DeskContext,
        parties: Sequence[PartySummary],
        *,
        existing: LppCertification | None = None,
        revoke: bool = False,
        known: Sequence[LppCertification] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context,
            "Revoke an LPP certification"
            if revoke
            else ("Correct LPP certification" if existing else "Record LPP certification"),
            parent,
        )
        self.setObjectName("lppDialog")
        self.known = list(known)
        self.revoke = revoke
        today = context.today()
        ruleset = context.ruleset_today()
        self.party = PartyPicker(parties)
        self.party.setObjectName("lppParty")
        self.year = QSpinBox()
        self.year.setObjectName("lppYear")
        self.year.setRange(2000, 2200)
        self.year.setValue(today.year)
        self.year.setMaximumWidth(100)
        self.signed_on = date_edit(today)
        self.signed_on.setObjectName("lppSignedOn")
        self.signer = QLineEdit()
        self.signer.setObjectName("lppSigner")
        self.signer.setPlaceholderText("Name and title")
        self.prior = QLineEdit("0")
        self.prior.setObjectName("lppPrior")
        self.prior.setMaximumWidth(200)
        self.revoked = OptionalDate("Revoked on", today)
        self.add_field("party", "Ultimate consignee:", self.party)
        self.add_field("year", "Calendar year:", self.year)
        self.add_field("signed_on", "Signed on:", self.signed_on)
        self.add_field("signer", "Signed by:", self.signer)
        self.add_field(
            "prior",
            "Prior receipts (TPP):",
            self.prior,
            "What the consignee received from other exporters this year; it counts toward "
            f"its LPP limit of {tpp(ruleset.lpp.limit_tpp)} TPP ({ruleset.references.lpp}).",
        )
        self.add_field("revoked", "Revocation:", self.revoked)
        self.set_intro(
            "The consignee certifies, for one calendar year, what it has already received and "
            "that our shipments will not take it past the LPP limit."
        )
        if existing is not None:
            self.party.select_ref(existing.party_ref)
            self.party.setEnabled(False)
            self.year.setValue(existing.year)
            self.year.setEnabled(False)
            self.signed_on.setDate(qdate(existing.signed_on))
            self.signer.setText(existing.signer)
            self.prior.setText(tpp(existing.prior_receipts_tpp))
            self.revoked.set_value(existing.revoked_on)
        if revoke:
            self.revoked.check.setChecked(True)
        self.party.currentTextChanged.connect(self._on_inputs_changed)
        self.year.valueChanged.connect(self._on_inputs_changed)
        self.signed_on.dateChanged.connect(self._on_inputs_changed)
        self.signer.textChanged.connect(self._on_inputs_changed)
        self.prior.textChanged.connect(self._on_inputs_changed)
        self.revoked.changed.connect(self._on_inputs_changed)
        self.refresh()

    def validate(self) -> LppCertification | None:
        self.clear_errors()
        ok = True
        ref = self.party.selected_ref()
        if ref is None:
            self.set_error("party", "Choose the ultimate consignee from the list")
            ok = False
        try:
            prior = parse_tpp(self.prior.text())
        except ValueError as error:
            self.set_error("prior", str(error))
            ok = False
            prior = 0.0
        signed = pydate(self.signed_on.date())
        revoked = self.revoked.value()
        if revoked is not None and revoked < signed:
            self.set_error("revoked", "The revocation cannot be before the signing date")
            ok = False
        if self.revoke and revoked is None:
            self.set_error("revoked", "Give the revocation date")
            ok = False
        if not ok or ref is None:
            return None
        try:
            value = LppCertification(
                party_ref=ref,
                year=self.year.value(),
                signed_on=signed,
                signer=self.signer.text(),
                prior_receipts_tpp=prior,
                revoked_on=revoked,
            )
        except ValidationError as error:
            self.model_errors(
                error, {"signer": "signer", "prior_receipts_tpp": "prior", "year": "year"}
            )
            return None
        if any(item.party_ref == ref and item.year == value.year for item in self.known):
            self.set_note(
                "year",
                f"Replaces this consignee's certification for {value.year} (saving updates it)",
            )
        return value

    def plan(self, value: LppCertification) -> Callable[[], Change]:
        db, actor = self.context.db, self.context.actor
        verb = "Revoke" if self.revoke else "Record"
        text = f"{verb} LPP certification of {value.party_ref} for {value.year}"

        def make() -> Change:
            before = stored_lpp_certification(db, value.party_ref, value.year)
            records.record_lpp_certification(db, value, actor=actor)
            previous = before or value.model_copy(update={"revoked_on": value.signed_on})
            return Change(
                text=text,
                apply=lambda: records.record_lpp_certification(db, value, actor=actor),
                revert=lambda: records.record_lpp_certification(db, previous, actor=actor),
            )

        return make


class LicenseDialog(RecordDialog):
    """Add a licence. Licences are only added, never edited or removed."""

    def __init__(
        self,
        context: DeskContext,
        parties: Sequence[PartySummary],
        *,
        known_numbers: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "Add licence", parent)
        self.setObjectName("licenseDialog")
        self.known_numbers = {number.strip().lower() for number in known_numbers}
        today = context.today()
        self.number = QLineEdit()
        self.number.setObjectName("licenseNumber")
        self.number.setPlaceholderText("BIS licence number, e.g. D1234567")
        self.number.setMaximumWidth(240)
        self.party = PartyPicker(parties)
        self.party.setObjectName("licenseParty")
        self.destination = CountryField()
        self.destination.setObjectName("licenseDestination")
        self.covers = QComboBox()
        self.covers.setObjectName("licenseCovers")
        self.covers.addItem("a-level ICs and systems (TPP)", LicenseCovers.A_LEVEL.value)
        self.covers.addItem("Model weights (4E091)", LicenseCovers.MODEL_WEIGHTS.value)
        self.authorized = QLineEdit()
        self.authorized.setObjectName("licenseTpp")
        self.authorized.setMaximumWidth(200)
        self.valid_from = date_edit(today)
        self.valid_to = date_edit(date(today.year + 1, today.month, min(today.day, 28)))
        self.add_field("number", "Licence number:", self.number)
        self.add_field("party", "Consignee:", self.party)
        self.add_field("destination", "Destination:", self.destination)
        self.add_field("covers", "Covers:", self.covers)
        self.add_field("tpp", "Authorized TPP:", self.authorized)
        self.add_field("valid_from", "Valid from:", self.valid_from)
        self.add_field("valid_to", "Valid to:", self.valid_to)
        self.set_intro(
            "Shipments under the licence deplete its authorized TPP. Licences are only "
            "added: check the number and figures before saving (this cannot be undone)."
        )
        self.number.textChanged.connect(self._on_inputs_changed)
        self.party.currentTextChanged.connect(self._on_inputs_changed)
        self.destination.changed.connect(self._on_inputs_changed)
        self.covers.currentIndexChanged.connect(self._on_inputs_changed)
        self.authorized.textChanged.connect(self._on_inputs_changed)
        self.valid_from.dateChanged.connect(self._on_inputs_changed)
        self.valid_to.dateChanged.connect(self._on_inputs_changed)
        self.refresh()

    def validate(self) -> License | None:
        self.clear_errors()
        ok = True
        number = self.number.text().strip()
        if not number:
            self.set_error("number", "Enter the licence number")
            ok = False
        elif number.lower() in self.known_numbers:
            self.set_error("number", f"Licence {number} is already recorded")
            ok = False
        ref = self.party.selected_ref()
        if ref is None:
            self.set_error("party", "Choose the consignee from the list")
            ok = False
        destination = ""
        try:
            destination = self.destination.country().alpha2
        except UnknownCountryError as error:
            self.destination.resolved.clear()
            self.set_error("destination", country_problem(error))
            ok = False
        covers = LicenseCovers(str(self.covers.currentData()))
        weights = covers is LicenseCovers.MODEL_WEIGHTS
        self.authorized.setEnabled(not weights)
        authorized = 0.0
        if not weights:
            try:
                authorized = parse_tpp(self.authorized.text())
            except ValueError as error:
                self.set_error("tpp", str(error))
                ok = False
        start, end = pydate(self.valid_from.date()), pydate(self.valid_to.date())
        if end < start:
            self.set_error("valid_to", "The licence cannot end before it starts")
            ok = False
        if not ok or ref is None:
            return None
        try:
            return License(
                number=number,
                party_ref=ref,
                destination=destination,
                covers=covers,
                tpp=authorized,
                valid_from=start,
                valid_to=end,
            )
        except ValidationError as error:
            self.model_errors(error, {"number": "number", "tpp": "tpp", "valid_to": "valid_to"})
            return None

    def plan(self, value: License) -> Callable[[], Change]:
        db, actor = self.context.db, self.context.actor

        def make() -> Change:
            records.add_license(db, value, actor=actor)
            return Change(
                text=f"Add licence {value.number} for {value.party_ref}",
                apply=lambda: records.add_license(db, value, actor=actor),
                revert=None,
            )

        return make


class FootprintDialog(RecordDialog):
    """Set a VEU holder's installed TPP in one country, from sources other than ours."""

    def __init__(
        self,
        context: DeskContext,
        parties: Sequence[PartySummary],
        *,
        existing: FootprintRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "Set VEU footprint", parent)
        self.setObjectName("footprintDialog")
        holders = [party for party in parties if party.veu != "none"]
        self.party = PartyPicker(holders)
        self.party.setObjectName("footprintParty")
        self.country = CountryField()
        self.country.setObjectName("footprintCountry")
        self.installed = QLineEdit()
        self.installed.setObjectName("footprintTpp")
        self.installed.setMaximumWidth(200)
        self.add_field("party", "VEU holder:", self.party)
        self.add_field("country", "Country:", self.country)
        self.add_field(
            "installed",
            "Installed TPP:",
            self.installed,
            "From sources other than our shipments; our authorized VEU shipments are added "
            "from the ledger.",
        )
        if not holders:
            self.set_intro("No party is a VEU holder yet: set a party's VEU status first.")
        if existing is not None:
            self.party.select_ref(existing.party_ref)
            self.party.setEnabled(False)
            self.country.set_code(existing.country)
            self.country.edit.setEnabled(False)
            self.installed.setText(tpp(existing.external_tpp))
        self.party.currentTextChanged.connect(self._on_inputs_changed)
        self.country.changed.connect(self._on_inputs_changed)
        self.installed.textChanged.connect(self._on_inputs_changed)
        self.refresh()

    def validate(self) -> VeuFootprint | None:
        self.clear_errors()
        ok = True
        ref = self.party.selected_ref()
        if ref is None:
            self.set_error("party", "Choose a VEU holder from the list")
            ok = False
        country = ""
        try:
            country = self.country.country().alpha2
        except UnknownCountryError as error:
            self.country.resolved.clear()
            self.set_error("country", country_problem(error))
            ok = False
        try:
            installed = parse_tpp(self.installed.text())
        except ValueError as error:
            self.set_error("installed", str(error))
            return None
        if not ok or ref is None:
            return None
        return VeuFootprint(party_ref=ref, country=country, installed_tpp=installed)

    def plan(self, value: VeuFootprint) -> Callable[[], Change]:
        db, actor = self.context.db, self.context.actor

        def make() -> Change:
            before = stored_footprint(db, value.party_ref, value.country)
            records.set_footprint(db, value, actor=actor)
            previous = value.model_copy(update={"installed_tpp": before or 0.0})
            return Change(
                text=f"Set VEU footprint of {value.party_ref} in {value.country}",
                apply=lambda: records.set_footprint(db, value, actor=actor),
                revert=lambda: records.set_footprint(db, previous, actor=actor),
            )

        return make


class CountryDialog(RecordDialog):
    """A destination's G2G agreement and the allocation other exporters reported using."""

    def __init__(
        self,
        context: DeskContext,
        *,
        existing: CountrySetting | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, "Country allocation setting", parent)
        self.setObjectName("countryDialog")
        allocation = context.ruleset_today().country_allocation
        self.country = CountryField()
        self.country.setObjectName("countryCode")
        self.g2g = QCheckBox(
            f"Government-to-government agreement (allocation × {allocation.g2g_multiplier:g})"
        )
        self.g2g.setObjectName("countryG2g")
        self.external = QLineEdit("0")
        self.external.setObjectName("countryExternal")
        self.external.setMaximumWidth(200)
        self.add_field("country", "Country:", self.country)
        self.add_field("g2g", "Agreement:", self.g2g)
        self.add_field(
            "external",
            "Used by others (TPP):",
            self.external,
            "Allocation other exporters reported using; our licensed shipments are added from "
            "the ledger.",
        )
        self.set_intro(
            f"Tier 2 countries share an allocation of {tpp(allocation.tpp)} TPP for licensed "
            f"a-level shipments from {allocation.period_start} to {allocation.period_end}."
        )
        if existing is not None:
            self.country.set_code(existing.country)
            self.country.edit.setEnabled(False)
            self.g2g.setChecked(existing.g2g_agreement)
            self.external.setText(tpp(existing.external_allocation_used_tpp))
        self.country.changed.connect(self._on_inputs_changed)
        self.g2g.toggled.connect(self._on_inputs_changed)
        self.external.textChanged.connect(self._on_inputs_changed)
        self.refresh()

    def validate(self) -> CountrySetting | None:
        self.clear_errors()
        ok = True
        country: Country | None = None
        try:
            country = self.country.country()
        except UnknownCountryError as error:
            self.country.resolved.clear()
            self.set_error("country", country_problem(error))
            ok = False
        if country is not None:
            tier = self.context.ruleset_today().tier_of(country.alpha2)
            if tier != 2:
                self.set_note(
                    "country",
                    f"{country.name} is in Tier {tier} today: the allocation binds Tier 2 "
                    "destinations only (the setting is kept for later versions)",
                )
        try:
            external = parse_tpp(self.external.text())
        except ValueError as error:
            self.set_error("external", str(error))
            return None
        if not ok or country is None:
            return None
        return CountrySetting(
            country=country.alpha2,
            g2g_agreement=self.g2g.isChecked(),
            external_allocation_used_tpp=external,
        )

    def plan(self, value: CountrySetting) -> Callable[[], Change]:
        db, actor = self.context.db, self.context.actor

        def make() -> Change:
            before = stored_country_setting(db, value.country)
            records.set_country(db, value, actor=actor)
            previous = before or CountrySetting(country=value.country)
            return Change(
                text=f"Set allocation setting of {value.country}",
                apply=lambda: records.set_country(db, value, actor=actor),
                revert=lambda: records.set_country(db, previous, actor=actor),
            )

        return make


# -- the page -----------------------------------------------------------------------------------


def _bis_text(row: AiaRow) -> str:
    submitted = row.certification.submitted_to_bis_on
    if submitted is not None:
        return f"Filed {submitted.isoformat()}"
    if row.bis_submission_due:
        return "⚠ Not filed: needed now"
    share = row.cumulative_tpp / row.bis_submission_from_tpp if row.bis_submission_from_tpp else 0
    near = "⚠ " if share >= NEAR_LIMIT else ""
    return f"{near}Not needed yet: {percent(share)} of threshold"


def _in_force_text(row: AiaRow) -> str:
    if row.in_force:
        return "✓ In force"
    revoked = row.certification.revoked_on
    if revoked is not None and revoked <= row.certification.signed_on:
        return "— Withdrawn"
    if revoked is not None:
        return f"✕ Revoked {revoked.isoformat()}"
    return "… Not yet signed"


AIA_COLUMNS: tuple[Column[AiaRow], ...] = (
    Column("Consignee", lambda r: f"{r.party_name} ({r.certification.party_ref})"),
    Column("Signed on", lambda r: r.certification.signed_on.isoformat()),
    Column("Signed by", lambda r: "; ".join(r.certification.signers)),
    Column(
        "Weights",
        lambda r: yes_no(r.certification.weights_storage_attested),
        tooltip=lambda r: (
            "Model weights storage attested"
            if r.certification.weights_storage_attested
            else "No attestation of model weights storage"
        ),
    ),
    Column("Status", _in_force_text),
    Column(
        "AIA shipped (all time)",
        lambda r: tpp(r.cumulative_tpp),
        sort=lambda r: r.cumulative_tpp,
        right=True,
    ),
    Column(
        "BIS submission",
        _bis_text,
        tooltip=lambda r: (
            f"Needed from {tpp(r.bis_submission_from_tpp)} TPP of AIA shipments; "
            f"shipped so far {tpp(r.cumulative_tpp)}"
        ),
    ),
)

LPP_COLUMNS: tuple[Column[LppRow], ...] = (
    Column("Consignee", lambda r: f"{r.party_name} ({r.certification.party_ref})"),
    Column("Year", lambda r: str(r.certification.year), sort=lambda r: r.certification.year),
    Column("Signed on", lambda r: r.certification.signed_on.isoformat()),
    Column("Signed by", lambda r: r.certification.signer),
    Column(
        "Prior receipts",
        lambda r: tpp(r.certification.prior_receipts_tpp),
        sort=lambda r: r.certification.prior_receipts_tpp,
        right=True,
    ),
    Column(
        "Our LPP shipments",
        lambda r: tpp(r.shipped_tpp),
        sort=lambda r: r.shipped_tpp,
        right=True,
    ),
    Column(
        "Used of the limit",
        lambda r: f"{percent(r.used_tpp / r.limit_tpp)} used · {tpp(r.left_tpp)} left",
        sort=lambda r: r.used_tpp,
        share=lambda r: r.used_tpp / r.limit_tpp if r.limit_tpp else 0.0,
        tooltip=lambda r: (
            f"{tpp(r.used_tpp)} of {tpp(r.limit_tpp)} TPP used "
            f"({tpp(r.certification.prior_receipts_tpp)} prior + {tpp(r.shipped_tpp)} ours)"
        ),
    ),
    Column(
        "Revoked",
        lambda r: r.certification.revoked_on.isoformat() if r.certification.revoked_on else "",
    ),
)


def _validity_text(row: LicenseRow) -> str:
    if row.status == "valid":
        return f"✓ Valid to {row.licence.valid_to.isoformat()}"
    if row.status == "expired":
        return f"✕ Expired {row.licence.valid_to.isoformat()}"
    return f"… Valid from {row.licence.valid_from.isoformat()}"


def _licence_tpp(row: LicenseRow, value: float) -> str:
    return tpp(value) if row.licence.covers is LicenseCovers.A_LEVEL else "—"


COVERS_TEXT = {"a_level": "a-level TPP", "model_weights": "Model weights"}

LICENSE_COLUMNS: tuple[Column[LicenseRow], ...] = (
    Column("Number", lambda r: r.licence.number),
    Column("Consignee", lambda r: f"{r.party_name} ({r.licence.party_ref})"),
    Column("Destination", lambda r: r.licence.destination),
    Column("Covers", lambda r: COVERS_TEXT.get(r.licence.covers.value, r.licence.covers.value)),
    Column(
        "Authorized",
        lambda r: _licence_tpp(r, r.licence.tpp),
        sort=lambda r: r.licence.tpp,
        right=True,
    ),
    Column(
        "Used",
        lambda r: _licence_tpp(r, r.licence.used_tpp),
        sort=lambda r: r.licence.used_tpp,
        right=True,
    ),
    Column("Left", lambda r: _licence_tpp(r, r.left_tpp), sort=lambda r: r.left_tpp, right=True),
    Column(
        "Depletion",
        lambda r: (
            f"{percent(r.used_share)} used"
            if r.licence.covers is LicenseCovers.A_LEVEL
            else "n/a (weights)"
        ),
        sort=lambda r: r.used_share,
        share=lambda r: r.used_share if r.licence.covers is LicenseCovers.A_LEVEL else None,
    ),
    Column(
        "Validity",
        _validity_text,
        sort=lambda r: r.licence.valid_to.isoformat(),
        tooltip=lambda r: (
            f"Valid from {r.licence.valid_from.isoformat()} to "
            f"{r.licence.valid_to.isoformat()} ({r.status} on the day shown)"
        ),
    ),
)

FOOTPRINT_COLUMNS: tuple[Column[FootprintRow], ...] = (
    Column("VEU holder", lambda r: f"{r.party_name} ({r.party_ref})"),
    Column("VEU", lambda r: r.veu.value.upper()),
    Column("Country", lambda r: f"{r.country_name} ({r.country})"),
    Column("Tier", lambda r: str(r.tier), sort=lambda r: r.tier),
    Column(
        "Installed by others",
        lambda r: tpp(r.external_tpp),
        sort=lambda r: r.external_tpp,
        right=True,
    ),
    Column(
        "Our VEU shipments", lambda r: tpp(r.shipped_tpp), sort=lambda r: r.shipped_tpp, right=True
    ),
    Column(
        "Installed in total",
        lambda r: tpp(r.installed_tpp),
        sort=lambda r: r.installed_tpp,
        right=True,
    ),
)


def _allocation_share(row: CountryRow) -> float | None:
    if row.limit_tpp is None or row.limit_tpp <= 0:
        return None
    return row.setting.allocation_used_tpp / row.limit_tpp


COUNTRY_COLUMNS: tuple[Column[CountryRow], ...] = (
    Column("Country", lambda r: f"{r.name} ({r.setting.country})"),
    Column("Tier", lambda r: str(r.tier), sort=lambda r: r.tier),
    Column("G2G agreement", lambda r: yes_no(r.setting.g2g_agreement)),
    Column(
        "Used by others",
        lambda r: tpp(r.setting.external_allocation_used_tpp),
        sort=lambda r: r.setting.external_allocation_used_tpp,
        right=True,
    ),
    Column(
        "Used by us",
        lambda r: tpp(r.setting.our_allocation_used_tpp),
        sort=lambda r: r.setting.our_allocation_used_tpp,
        right=True,
    ),
    Column(
        "Allocation",
        lambda r: tpp(r.limit_tpp) if r.limit_tpp is not None else "none (not Tier 2)",
        sort=lambda r: r.limit_tpp or 0.0,
        right=True,
    ),
    Column(
        "Used of the allocation",
        lambda r: (
            f"{percent(share)} · {tpp(r.left_tpp)} left"
            if (share := _allocation_share(r)) is not None
            else "—"
        ),
        sort=lambda r: _allocation_share(r) or 0.0,
        share=_allocation_share,
    ),
)


class PaperworkPage(Page):
    """Signals:
    loaded: the paperwork was (re)read and shown.
    """

    title = "Certifications & Licences"
    kinds = frozenset({"paperwork", "decisions", "orders", "parties", "all"})
    loaded = Signal()

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("paperworkPage")
        self.view: PaperworkView | None = None
        self._loading = False
        self._again = False

        self.aia_model: ColumnModel[AiaRow] = ColumnModel(AIA_COLUMNS, self)
        self.lpp_model: ColumnModel[LppRow] = ColumnModel(LPP_COLUMNS, self)
        self.license_model: ColumnModel[LicenseRow] = ColumnModel(LICENSE_COLUMNS, self)
        self.footprint_model: ColumnModel[FootprintRow] = ColumnModel(FOOTPRINT_COLUMNS, self)
        self.country_model: ColumnModel[CountryRow] = ColumnModel(COUNTRY_COLUMNS, self)

        self.aia_table = make_table("aiaTable", self.aia_model, (230, 86, 170, 66, 150, 140))
        self.lpp_table = make_table("lppTable", self.lpp_model, (240, 50, 86, 150, 110, 130, 230))
        self.license_table = make_table(
            "licenseTable", self.license_model, (86, 210, 80, 100, 100, 100, 100, 130)
        )
        self.footprint_table = make_table(
            "footprintTable", self.footprint_model, (300, 60, 200, 50, 160, 160)
        )
        self.country_table = make_table(
            "countryTable", self.country_model, (220, 50, 120, 150, 150, 170)
        )

        self.heading = QLabel()
        self.heading.setObjectName("paperworkHeading")
        self.heading.setStyleSheet(hint_style())
        self.search = QLineEdit()
        self.search.setObjectName("paperworkSearch")
        self.search.setPlaceholderText("Filter by consignee, licence or country…")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(320)
        self.search.textChanged.connect(self._on_search_text_changed)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.search)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("paperworkTabs")
        self.record_aia = self._button("Record AIA certification…", "recordAia")
        self.submit_aia = self._button("Record BIS submission…", "submitAia")
        self.revoke_aia = self._button("Revoke…", "revokeAia")
        self.record_aia.clicked.connect(self._on_record_aia_clicked)
        self.submit_aia.clicked.connect(self._on_submit_aia_clicked)
        self.revoke_aia.clicked.connect(self._on_revoke_aia_clicked)
        self.record_lpp = self._button("Record LPP certification…", "recordLpp")
        self.edit_lpp = self._button("Correct…", "editLpp")
        self.revoke_lpp = self._button("Revoke…", "revokeLpp")
        self.record_lpp.clicked.connect(self._on_record_lpp_clicked)
        self.edit_lpp.clicked.connect(self._on_edit_lpp_clicked)
        self.revoke_lpp.clicked.connect(self._on_revoke_lpp_clicked)
        self.add_license = self._button("Add licence…", "addLicense")
        self.add_license.clicked.connect(self._on_add_license_clicked)
        self.set_footprint = self._button("Set footprint…", "setFootprint")
        self.edit_footprint = self._button("Edit…", "editFootprint")
        self.set_footprint.clicked.connect(self._on_set_footprint_clicked)
        self.edit_footprint.clicked.connect(self._on_edit_footprint_clicked)
        self.set_country = self._button("Add country…", "setCountry")
        self.edit_country = self._button("Edit…", "editCountry")
        self.set_country.clicked.connect(self._on_set_country_clicked)
        self.edit_country.clicked.connect(self._on_edit_country_clicked)

        self._add_tab(
            "AIA certifications",
            self.aia_table,
            (self.record_aia, self.submit_aia, self.revoke_aia),
            "One-time certification by a Tier 1 ultimate consignee before its first AIA "
            "shipment; filed with BIS once its AIA shipments reach the threshold.",
        )
        self._add_tab(
            "LPP certifications",
            self.lpp_table,
            (self.record_lpp, self.edit_lpp, self.revoke_lpp),
            "Per consignee per calendar year, with what it received from others that year.",
        )
        self._add_tab(
            "Licences",
            self.license_table,
            (self.add_license,),
            "Shipments under a licence deplete its authorized TPP.",
        )
        self._add_tab(
            "VEU footprints",
            self.footprint_table,
            (self.set_footprint, self.edit_footprint),
            "Installed a-level TPP of VEU holders by country: recorded from other sources, "
            "plus our authorized VEU shipments.",
        )
        self._add_tab(
            "Countries",
            self.country_table,
            (self.set_country, self.edit_country),
            "Tier 2 allocations: agreements and what other exporters reported using.",
        )

        self.aia_table.doubleClicked.connect(self._on_aia_table_double_clicked)
        self.lpp_table.doubleClicked.connect(self._on_edit_lpp_clicked)
        self.footprint_table.doubleClicked.connect(self._on_edit_footprint_clicked)
        self.country_table.doubleClicked.connect(self._on_edit_country_clicked)
        for table in (self.aia_table, self.lpp_table, self.footprint_table, self.country_table):
            table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._update_actions()

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        return button

    def _add_tab(
        self, title: str, table: QTableView, buttons: Sequence[QPushButton], note: str
    ) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(8, 8, 8, 8)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        hint = QLabel(note)
        hint.setWordWrap(True)
        hint.setStyleSheet(hint_style())
        row.addSpacing(12)
        row.addWidget(hint, 1)
        column.addLayout(row)
        column.addWidget(table, 1)
        self.tabs.addTab(page, title)

    # -- loading ------------------------------------------------------------------------------

    def reload(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        db, catalog, today = self.context.db, self.context.catalog, self.context.today()

        def work(progress: Any, cancel: CancelToken) -> PaperworkView:
            return paperwork_overview(db, catalog, on=today)

        self.heading.setText("Loading…")
        self.context.jobs.start(
            "load paperwork",
            work,
            on_success=self._on_loaded,
            on_failure=self._on_failed,
            on_finished=self._on_load_finished,
        )

    def _on_load_finished(self) -> None:
        self._loading = False
        if self._again:
            self._again = False
            self.reload()

    def _on_failed(self, message: str, is_bug: bool) -> None:
        self.heading.setText("Could not read the paperwork.")
        show_failure(self, message, is_bug, self.context.log_file)

    def _on_loaded(self, view: PaperworkView) -> None:
        keep = {
            "aia": getattr(selected_row(self.aia_table, self.aia_model), "key", None),
            "lpp": getattr(selected_row(self.lpp_table, self.lpp_model), "key", None),
            "licence": getattr(selected_row(self.license_table, self.license_model), "key", None),
            "footprint": getattr(
                selected_row(self.footprint_table, self.footprint_model), "key", None
            ),
            "country": getattr(selected_row(self.country_table, self.country_model), "key", None),
        }
        self.view = view
        self.aia_model.set_rows(view.aia)
        self.lpp_model.set_rows(view.lpp)
        self.license_model.set_rows(view.licenses)
        self.footprint_model.set_rows(view.footprints)
        self.country_model.set_rows(view.countries)
        for table, model, key in (
            (self.aia_table, self.aia_model, keep["aia"]),
            (self.lpp_table, self.lpp_model, keep["lpp"]),
            (self.license_table, self.license_model, keep["licence"]),
            (self.footprint_table, self.footprint_model, keep["footprint"]),
            (self.country_table, self.country_model, keep["country"]),
        ):
            if key is not None:
                select_key(table, model, key)
        counts = (
            len(view.aia),
            len(view.lpp),
            len(view.licenses),
            len(view.footprints),
            len(view.countries),
        )
        for number, (name, count) in enumerate(
            zip(
                (
                    "AIA certifications",
                    "LPP certifications",
                    "Licences",
                    "VEU footprints",
                    "Countries",
                ),
                counts,
                strict=True,
            )
        ):
            self.tabs.setTabText(number, f"{name} ({count})")
        self.heading.setText(
            f"Standing on {view.on.isoformat()} under ruleset {view.ruleset}. Select a row for "
            "its actions; undo with Ctrl+Z."
        )
        self._update_actions()
        self.loaded.emit()

    # -- actions ------------------------------------------------------------------------------

    def _on_search_text_changed(self, text: str) -> None:
        for table in (
            self.aia_table,
            self.lpp_table,
            self.license_table,
            self.footprint_table,
            self.country_table,
        ):
            proxy = table.model()
            if isinstance(proxy, QSortFilterProxyModel):
                proxy.setFilterFixedString(text.strip())

    def _on_selection_changed(self, *_args: object) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        aia = selected_row(self.aia_table, self.aia_model)
        self.submit_aia.setEnabled(
            aia is not None and aia.certification.submitted_to_bis_on is None
        )
        self.revoke_aia.setEnabled(aia is not None and aia.certification.revoked_on is None)
        lpp = selected_row(self.lpp_table, self.lpp_model)
        self.edit_lpp.setEnabled(lpp is not None)
        self.revoke_lpp.setEnabled(lpp is not None and lpp.certification.revoked_on is None)
        self.edit_footprint.setEnabled(
            selected_row(self.footprint_table, self.footprint_model) is not None
        )
        self.edit_country.setEnabled(
            selected_row(self.country_table, self.country_model) is not None
        )

    def _parties(self) -> list[PartySummary]:
        return list(self.context.queries.party_summaries())

    def _open(self, dialog: RecordDialog) -> RecordDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_aia_dialog(self, mode: str = AiaDialog.NEW) -> AiaDialog | None:
        """Open the AIA form (new, or BIS submission / revocation of the selected one)."""
        existing = None
        if mode != AiaDialog.NEW:
            row = selected_row(self.aia_table, self.aia_model)
            if row is None:
                return None
            existing = row.certification
        dialog = AiaDialog(
            self.context,
            self._parties(),
            existing=existing,
            mode=mode,
            known=[row.certification for row in self.aia_model.rows()],
            parent=self,
        )
        self._open(dialog)
        return dialog

    def _on_record_aia_clicked(self) -> None:
        self.open_aia_dialog(AiaDialog.NEW)

    def _on_submit_aia_clicked(self) -> None:
        self.open_aia_dialog(AiaDialog.SUBMISSION)

    def _on_revoke_aia_clicked(self) -> None:
        self.open_aia_dialog(AiaDialog.REVOCATION)

    def _on_aia_table_double_clicked(self, _index: QModelIndex) -> None:
        row = selected_row(self.aia_table, self.aia_model)
        if row is not None and row.certification.submitted_to_bis_on is None:
            self.open_aia_dialog(AiaDialog.SUBMISSION)

    def open_lpp_dialog(self, *, edit: bool = False, revoke: bool = False) -> LppDialog | None:
        existing = None
        if edit or revoke:
            row = selected_row(self.lpp_table, self.lpp_model)
            if row is None:
                return None
            existing = row.certification
        dialog = LppDialog(
            self.context,
            self._parties(),
            existing=existing,
            revoke=revoke,
            known=[] if existing else [row.certification for row in self.lpp_model.rows()],
            parent=self,
        )
        self._open(dialog)
        return dialog

    def _on_record_lpp_clicked(self) -> None:
        self.open_lpp_dialog()

    def _on_edit_lpp_clicked(self, *_args: object) -> None:
        self.open_lpp_dialog(edit=True)

    def _on_revoke_lpp_clicked(self) -> None:
        self.open_lpp_dialog(revoke=True)

    def open_license_dialog(self) -> LicenseDialog:
        dialog = LicenseDialog(
            self.context,
            self._parties(),
            known_numbers=[row.licence.number for row in self.license_model.rows()],
            parent=self,
        )
        self._open(dialog)
        return dialog

    def _on_add_license_clicked(self) -> None:
        self.open_license_dialog()

    def open_footprint_dialog(self, *, edit: bool = False) -> FootprintDialog | None:
        existing = selected_row(self.footprint_table, self.footprint_model) if edit else None
        if edit and existing is None:
            return None
        dialog = FootprintDialog(self.context, self._parties(), existing=existing, parent=self)
        self._open(dialog)
        return dialog

    def _on_set_footprint_clicked(self) -> None:
        self.open_footprint_dialog()

    def _on_edit_footprint_clicked(self, *_args: object) -> None:
        self.open_footprint_dialog(edit=True)

    def open_country_dialog(self, *, edit: bool = False) -> CountryDialog | None:
        row = selected_row(self.country_table, self.country_model) if edit else None
        if edit and row is None:
            return None
        dialog = CountryDialog(
            self.context, existing=row.setting if row is not None else None, parent=self
        )
        self._open(dialog)
        return dialog

    def _on_set_country_clicked(self) -> None:
        self.open_country_dialog()

    def _on_edit_country_clicked(self, *_args: object) -> None:
        self.open_country_dialog(edit=True)
