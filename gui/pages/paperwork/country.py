"""A destination's G2G agreement and the allocation other exporters reported using."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from domain.countries import Country
from domain.errors import UnknownCountryError
from domain.model import CountrySetting
from domain.services import records
from domain.services.paperwork_views import stored_country_setting
from gui.context import DeskContext
from gui.kit.numbers import parse_tpp
from gui.kit.pickers import CountryField, country_problem
from gui.kit.writes import Change
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
