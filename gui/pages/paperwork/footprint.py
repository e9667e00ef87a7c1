"""Setting a VEU holder's installed TPP in a country, from sources other than ours."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from domain.model import VeuFootprint
from domain.queries import PartySummary
from domain.services import records
from domain.services.paperwork_views import FootprintRow, stored_footprint
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.kit.pickers import CountryField, PartyPicker
from gui.kit.widgets import make_line_edit, named
from gui.kit.writes import Change, replacing
from gui.pages.paperwork.record_dialog import RecordDialog
from gui.style import tpp


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
        super().__init__(
            context, QCoreApplication.translate("FootprintDialog", "Set VEU footprint"), parent
        )
        self.setObjectName("footprintDialog")
        holders = [party for party in parties if party.veu != "none"]
        self.party = named(PartyPicker(holders), "footprintParty")
        self.country = named(CountryField(), "footprintCountry")
        self.installed = make_line_edit(name="footprintTpp", max_width=200)
        self.add_field("party", self.tr("VEU holder:"), self.party)
        self.add_field("country", self.tr("Country:"), self.country)
        self.add_field(
            "installed",
            self.tr("Installed TPP:"),
            self.installed,
            self.tr(
                "From sources other than our shipments; our authorized VEU shipments are added "
                "from the ledger."
            ),
        )
        if not holders:
            self.set_intro(self.tr("No party is a VEU holder yet: set a party's VEU status first."))
        if existing is not None:
            self.party.select_ref(existing.party_ref)
            self.party.setEnabled(False)
            self.country.set_code(existing.country)
            self.country.edit.setEnabled(False)
            self.installed.setText(tpp(existing.external_tpp))
        self.watch_inputs(self.party, self.country, self.installed)
        self.refresh()

    def validate(self) -> VeuFootprint | None:
        self.clear_errors()
        ref = self.party_ref(self.party, self.tr("Choose a VEU holder from the list"))
        country = self.country_in("country", self.country)
        installed = self.tpp_in("installed", self.installed)
        if installed is None or ref is None or country is None:
            return None
        return VeuFootprint(party_ref=ref, country=country.alpha2, installed_tpp=installed)

    def plan(self, value: VeuFootprint) -> Callable[[], Change]:
        db, actor = self.context.db, self.context.actor
        return replacing(
            self.tr("Set VEU footprint of {ref} in {country}").format(
                ref=value.party_ref, country=value.country
            ),
            lambda item, edit: records.put_record(db, item, actor=actor, edit=edit),
            value,
            lambda: value.model_copy(
                update={
                    "installed_tpp": stored_footprint(db, value.party_ref, value.country) or 0.0
                }
            ),
            Changes.of(Record.PAPERWORK, refs=[value.party_ref]),
        )
