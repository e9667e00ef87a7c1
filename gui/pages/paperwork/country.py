"""A destination's G2G agreement and the allocation other exporters reported using."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QWidget

from domain.model import CountrySetting
from domain.services import records
from domain.services.paperwork_views import stored_country_setting
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.kit.pickers import CountryField
from gui.kit.widgets import make_line_edit, named
from gui.kit.writes import Change, replacing
from gui.pages.paperwork.record_dialog import RecordDialog
from gui.style import tpp


class CountryDialog(RecordDialog):
    """A destination's G2G agreement and the allocation other exporters reported using."""

    def __init__(
        self,
        context: DeskContext,
        *,
        existing: CountrySetting | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            context,
            QCoreApplication.translate("CountryDialog", "Country allocation setting"),
            parent,
        )
        self.setObjectName("countryDialog")
        allocation = context.ruleset_today().country_allocation
        self.country = named(CountryField(), "countryCode")
        self.g2g = QCheckBox(
            self.tr("Government-to-government agreement (allocation × {factor})").format(
                factor=f"{allocation.g2g_multiplier:g}"
            )
        )
        self.g2g.setObjectName("countryG2g")
        self.external = make_line_edit("0", name="countryExternal", max_width=200)
        self.add_field("country", self.tr("Country:"), self.country)
        self.add_field("g2g", self.tr("Agreement:"), self.g2g)
        self.add_field(
            "external",
            self.tr("Used by others (TPP):"),
            self.external,
            self.tr(
                "Allocation other exporters reported using; our licensed shipments are added from "
                "the ledger."
            ),
        )
        self.set_intro(
            self.tr(
                "Tier 2 countries share an allocation of {tpp} TPP for licensed a-level shipments "
                "from {start} to {end}."
            ).format(
                tpp=tpp(allocation.tpp), start=allocation.period_start, end=allocation.period_end
            )
        )
        if existing is not None:
            self.country.set_code(existing.country)
            self.country.edit.setEnabled(False)
            self.g2g.setChecked(existing.g2g_agreement)
            self.external.setText(tpp(existing.external_allocation_used_tpp))
        self.watch_inputs(self.country, self.g2g, self.external)
        self.refresh()

    def validate(self) -> CountrySetting | None:
        self.clear_errors()
        country = self.country_in("country", self.country)
        if country is not None:
            tier = self.context.ruleset_today().tier_of(country.alpha2)
            if tier != 2:
                self.set_note(
                    "country",
                    self.tr(
                        "{country} is in Tier {tier} today: the allocation binds Tier 2 "
                        "destinations only (the setting is kept for later versions)"
                    ).format(country=country.name, tier=tier),
                )
        external = self.tpp_in("external", self.external)
        if external is None or country is None:
            return None
        return CountrySetting(
            country=country.alpha2,
            g2g_agreement=self.g2g.isChecked(),
            external_allocation_used_tpp=external,
        )

    def plan(self, value: CountrySetting) -> Callable[[], Change]:
        db, actor = self.context.db, self.context.actor
        return replacing(
            self.tr("Set allocation setting of {country}").format(country=value.country),
            lambda item, edit: records.put_record(db, item, actor=actor, edit=edit),
            value,
            lambda: (
                stored_country_setting(db, value.country) or CountrySetting(country=value.country)
            ),
            Changes.of(Record.PAPERWORK),
        )
