"""Recording an AIA certification, its BIS submission or its revocation."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from html import escape

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QTextBrowser, QWidget

from domain.errors import DomainError
from domain.model import AiaCertification
from domain.queries import PartySummary
from domain.services import records
from domain.services.paperwork_views import stored_aia_certification
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.kit.dates import OptionalDate, date_edit, pydate, qdate
from gui.kit.pickers import PartyPicker
from gui.kit.widgets import make_label, named
from gui.kit.writes import Change, replacing
from gui.pages.paperwork.record_dialog import RecordDialog
from gui.style import Tone, colour, tpp


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
            self.NEW: QCoreApplication.translate("AiaDialog", "Record AIA certification"),
            self.SUBMISSION: QCoreApplication.translate(
                "AiaDialog", "Record BIS submission of an AIA certification"
            ),
            self.REVOCATION: QCoreApplication.translate("AiaDialog", "Revoke an AIA certification"),
        }
        super().__init__(context, titles[mode], parent)
        self.setObjectName("aiaDialog")
        self.mode = mode
        self.existing = existing
        self.known = list(known)
        today = context.today()
        ruleset = context.ruleset_today()
        self.party = named(PartyPicker(parties), "aiaParty")
        self.signed_on = date_edit(today)
        self.signed_on.setObjectName("aiaSignedOn")
        self.signers = named(QPlainTextEdit(), "aiaSigners")
        self.signers.setPlaceholderText(
            self.tr("Jane Doe, Chief Compliance Officer\nJohn Roe, CEO")
        )
        self.signers.setFixedHeight(64)
        self.attested = named(
            QCheckBox(self.tr("The consignee attests that model weights are stored securely")),
            "aiaAttested",
        )
        self.submitted = named(OptionalDate(self.tr("Submitted to BIS on"), today), "aiaSubmitted")
        self.revoked = named(OptionalDate(self.tr("Revoked on"), today), "aiaRevoked")
        self.add_field("party", self.tr("Ultimate consignee:"), self.party)
        self.add_field("signed_on", self.tr("Signed on:"), self.signed_on)
        self.add_field(
            "signers",
            self.tr("Signed by:"),
            self.signers,
            self.tr("One person per line: name and title (item (v) of the certification)."),
        )
        self.add_field(
            "attested",
            self.tr("Weights storage:"),
            self.attested,
            self.tr("As {reference} require; needed for model weights under AIA.").format(
                reference=ruleset.references.aia_weights
            ),
        )
        self.add_field(
            "submitted",
            self.tr("BIS submission:"),
            self.submitted,
            self.tr(
                "Needed once cumulative AIA shipments reach {threshold} TPP ({reference})."
            ).format(
                threshold=tpp(ruleset.aia.bis_submission_from_tpp),
                reference=ruleset.references.aia_bis_submission,
            ),
        )
        self.add_field("revoked", self.tr("Revocation:"), self.revoked)
        self.wording = named(QTextBrowser(), "aiaWording")
        self.wording.setMaximumHeight(150)
        self.wording.setAccessibleName(self.tr("Certification wording"))
        wording_label = make_label(
            self.tr("What the consignee certifies:"), style="font-weight:600;"
        )
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
                self.tr(
                    "Record the day the certification was submitted to BIS. Orders held for a "
                    "missing submission pass once they are checked again."
                )
            )
        elif mode == self.REVOCATION:
            self.revoked.check.setChecked(True)
            self.set_intro(
                self.tr(
                    "From the revocation date the certification no longer covers AIA shipments."
                )
            )
        else:
            self.set_intro(
                self.tr(
                    "The ultimate consignee's one-time certification before its first AIA "
                    "shipment ({reference}). Orders held for a missing certification pass once "
                    "they are checked again."
                ).format(reference=ruleset.references.aia)
            )
        self.watch_inputs(self.party, self.signers, self.attested, self.submitted, self.revoked)
        self.signed_on.dateChanged.connect(self._on_signed_on_date_changed)
        self._on_signed_on_date_changed(self.signed_on.date())

    def _on_signed_on_date_changed(self, value: QDate) -> None:
        self.wording.setHtml(_certification_wording(self.context, pydate(value)))
        self.refresh()

    def validate(self) -> AiaCertification | None:
        self.clear_errors()
        ok = True
        ref = self.party_ref(
            self.party,
            self.tr("Choose the consignee from the list")
            if self.party.currentText().strip()
            else self.tr("Choose the ultimate consignee"),
        )
        signers = tuple(
            line.strip() for line in self.signers.toPlainText().splitlines() if line.strip()
        )
        if not signers:
            self.set_error("signers", self.tr("Name at least one person who signed"))
            ok = False
        signed = pydate(self.signed_on.date())
        submitted = self.submitted.value()
        revoked = self.revoked.value()
        if submitted is not None and submitted < signed:
            self.set_error("submitted", self.tr("The submission cannot be before the signing date"))
            ok = False
        if revoked is not None and revoked < signed:
            self.set_error("revoked", self.tr("The revocation cannot be before the signing date"))
            ok = False
        if self.mode == self.REVOCATION and revoked is None:
            self.set_error("revoked", self.tr("Give the revocation date"))
            ok = False
        if self.mode == self.SUBMISSION and submitted is None:
            self.set_error("submitted", self.tr("Give the submission date"))
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
                self.tr(
                    "Replaces the certification this consignee signed on the same day (saving "
                    "updates it)"
                ),
            )
        return value

    def plan(self, value: AiaCertification) -> Callable[[], Change]:
        db, actor = self.context.db, self.context.actor
        what = {
            self.NEW: self.tr("Record AIA certification of {ref} (signed {date})"),
            self.SUBMISSION: self.tr("Record BIS submission of {ref} (signed {date})"),
            self.REVOCATION: self.tr("Revoke AIA certification of {ref} (signed {date})"),
        }[self.mode]
        return replacing(
            what.format(ref=value.party_ref, date=value.signed_on.isoformat()),
            lambda item, edit: records.put_record(db, item, actor=actor, edit=edit),
            value,
            # Records are never deleted: undoing a new certification withdraws it by revoking
            # it as of its signing date, so it never covered anything (and the log shows it).
            lambda: (
                stored_aia_certification(db, value.party_ref, value.signed_on)
                or value.model_copy(update={"revoked_on": value.signed_on})
            ),
            Changes.of(Record.PAPERWORK, refs=[value.party_ref]),
        )
