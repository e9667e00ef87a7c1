"""Adding a licence: licences are only added, never edited or removed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from domain.model import License, LicenseCovers
from domain.queries import PartySummary
from domain.services import records
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.kit.dates import date_edit, pydate
from gui.kit.pickers import CountryField, PartyPicker
from gui.kit.widgets import make_line_edit, named
from gui.kit.writes import Change
from gui.pages.paperwork.record_dialog import RecordDialog


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
        super().__init__(
            context, QCoreApplication.translate("LicenseDialog", "Add licence"), parent
        )
        self.setObjectName("licenseDialog")
        self.known_numbers = {number.strip().lower() for number in known_numbers}
        today = context.today()
        self.number = make_line_edit(
            name="licenseNumber",
            placeholder=self.tr("BIS licence number, e.g. D1234567"),
            max_width=240,
        )
        self.party = named(PartyPicker(parties), "licenseParty")
        self.destination = named(CountryField(), "licenseDestination")
        self.covers = named(QComboBox(), "licenseCovers")
        self.covers.addItem(self.tr("a-level ICs and systems (TPP)"), LicenseCovers.A_LEVEL.value)
        self.covers.addItem(self.tr("Model weights (4E091)"), LicenseCovers.MODEL_WEIGHTS.value)
        self.authorized = make_line_edit(name="licenseTpp", max_width=200)
        self.valid_from = date_edit(today)
        self.valid_to = date_edit(date(today.year + 1, today.month, min(today.day, 28)))
        self.add_field("number", self.tr("Licence number:"), self.number)
        self.add_field("party", self.tr("Consignee:"), self.party)
        self.add_field("destination", self.tr("Destination:"), self.destination)
        self.add_field("covers", self.tr("Covers:"), self.covers)
        self.add_field("tpp", self.tr("Authorized TPP:"), self.authorized)
        self.add_field("valid_from", self.tr("Valid from:"), self.valid_from)
        self.add_field("valid_to", self.tr("Valid to:"), self.valid_to)
        self.set_intro(
            self.tr(
                "Shipments under the licence deplete its authorized TPP. Licences are only "
                "added: check the number and figures before saving (this cannot be undone)."
            )
        )
        self.watch_inputs(
            self.number,
            self.party,
            self.destination,
            self.authorized,
            self.valid_from,
            self.valid_to,
        )
        self.covers.currentIndexChanged.connect(self._on_inputs_changed)
        self.refresh()

    def validate(self) -> License | None:
        self.clear_errors()
        ok = True
        number = self.number.text().strip()
        if not number:
            self.set_error("number", self.tr("Enter the licence number"))
            ok = False
        elif number.lower() in self.known_numbers:
            self.set_error(
                "number", self.tr("Licence {number} is already recorded").format(number=number)
            )
            ok = False
        ref = self.party_ref(self.party, self.tr("Choose the consignee from the list"))
        destination = self.country_in("destination", self.destination)
        covers = LicenseCovers(str(self.covers.currentData()))
        weights = covers is LicenseCovers.MODEL_WEIGHTS
        self.authorized.setEnabled(not weights)
        authorized = 0.0 if weights else self.tpp_in("tpp", self.authorized)
        start, end = pydate(self.valid_from.date()), pydate(self.valid_to.date())
        if end < start:
            self.set_error("valid_to", self.tr("The licence cannot end before it starts"))
            ok = False
        if not ok or ref is None or destination is None or authorized is None:
            return None
        try:
            return License(
                number=number,
                party_ref=ref,
                destination=destination.alpha2,
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
            records.add_record(db, value, actor=actor)
            return Change(
                text=self.tr("Add licence {number} for {ref}").format(
                    number=value.number, ref=value.party_ref
                ),
                apply=lambda _edit: records.add_record(db, value, actor=actor),
                revert=None,
                changes=Changes.of(Record.PAPERWORK, refs=[value.party_ref]),
            )

        return make
