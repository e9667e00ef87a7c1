"""Recording (or correcting, or revoking) a consignee's LPP certification for a year."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSpinBox, QWidget

from domain.model import LppCertification
from domain.queries import PartySummary
from domain.services import records
from domain.services.paperwork_views import stored_lpp_certification
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.kit.dates import OptionalDate, date_edit, pydate, qdate
from gui.kit.pickers import PartyPicker
from gui.kit.widgets import make_line_edit, named
from gui.kit.writes import Change, replacing
from gui.pages.paperwork.record_dialog import RecordDialog
from gui.style import tpp


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
            QCoreApplication.translate("LppDialog", "Revoke an LPP certification")
            if revoke
            else (
                QCoreApplication.translate("LppDialog", "Correct LPP certification")
                if existing
                else QCoreApplication.translate("LppDialog", "Record LPP certification")
            ),
            parent,
        )
        self.setObjectName("lppDialog")
        self.known = list(known)
        self.revoke = revoke
        today = context.today()
        ruleset = context.ruleset_today()
        self.party = named(PartyPicker(parties), "lppParty")
        self.year = named(QSpinBox(), "lppYear")
        self.year.setRange(2000, 2200)
        self.year.setValue(today.year)
        self.year.setMaximumWidth(100)
        self.signed_on = date_edit(today)
        self.signed_on.setObjectName("lppSignedOn")
        self.signer = make_line_edit(name="lppSigner", placeholder=self.tr("Name and title"))
        self.prior = make_line_edit("0", name="lppPrior", max_width=200)
        self.revoked = OptionalDate(self.tr("Revoked on"), today)
        self.add_field("party", self.tr("Ultimate consignee:"), self.party)
        self.add_field("year", self.tr("Calendar year:"), self.year)
        self.add_field("signed_on", self.tr("Signed on:"), self.signed_on)
        self.add_field("signer", self.tr("Signed by:"), self.signer)
        self.add_field(
            "prior",
            self.tr("Prior receipts (TPP):"),
            self.prior,
            self.tr(
                "What the consignee received from other exporters this year; it counts toward "
                "its LPP limit of {limit} TPP ({reference})."
            ).format(limit=tpp(ruleset.lpp.limit_tpp), reference=ruleset.references.lpp),
        )
        self.add_field("revoked", self.tr("Revocation:"), self.revoked)
        self.set_intro(
            self.tr(
                "The consignee certifies, for one calendar year, what it has already received and "
                "that our shipments will not take it past the LPP limit."
            )
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
        self.watch_inputs(
            self.party, self.year, self.signed_on, self.signer, self.prior, self.revoked
        )
        self.refresh()

    def validate(self) -> LppCertification | None:
        self.clear_errors()
        ok = True
        ref = self.party_ref(self.party, self.tr("Choose the ultimate consignee from the list"))
        prior = self.tpp_in("prior", self.prior)
        signed = pydate(self.signed_on.date())
        revoked = self.revoked.value()
        if revoked is not None and revoked < signed:
            self.set_error("revoked", self.tr("The revocation cannot be before the signing date"))
            ok = False
        if self.revoke and revoked is None:
            self.set_error("revoked", self.tr("Give the revocation date"))
            ok = False
        if not ok or ref is None or prior is None:
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
                self.tr(
                    "Replaces this consignee's certification for {year} (saving updates it)"
                ).format(year=value.year),
            )
        return value

    def plan(self, value: LppCertification) -> Callable[[], Change]:
        db, actor = self.context.db, self.context.actor
        what = (
            self.tr("Revoke LPP certification of {ref} for {year}")
            if self.revoke
            else self.tr("Record LPP certification of {ref} for {year}")
        )
        return replacing(
            what.format(ref=value.party_ref, year=value.year),
            lambda item, edit: records.put_record(db, item, actor=actor, edit=edit),
            value,
            lambda: (
                stored_lpp_certification(db, value.party_ref, value.year)
                or value.model_copy(update={"revoked_on": value.signed_on})
            ),
            Changes.of(Record.PAPERWORK, refs=[value.party_ref]),
        )
