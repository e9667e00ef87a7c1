"""Ledgers as values: what authorized decisions have consumed, and the standing it implies.

Storage keeps the same ledgers as rows; this in-memory book is what the engine's tests (and
anything without a database) use to replay a sequence of decisions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TypeVar

from domain.decision import Consumption, Ledger
from domain.model import CountrySetting, License, Standing

_T = TypeVar("_T")


@dataclass(frozen=True)
class LedgerBook:
    """Consumption recorded so far, keyed the way the rules count it."""

    lpp: Mapping[tuple[str, int], float] = field(default_factory=dict)
    aia: Mapping[str, float] = field(default_factory=dict)
    veu: Mapping[tuple[str, str], float] = field(default_factory=dict)
    license: Mapping[str, float] = field(default_factory=dict)
    country_allocation: Mapping[str, float] = field(default_factory=dict)

    def record(self, consumption: Iterable[Consumption]) -> LedgerBook:
        """A new book with ``consumption`` added."""
        lpp = dict(self.lpp)
        aia = dict(self.aia)
        veu = dict(self.veu)
        licence = dict(self.license)
        allocation = dict(self.country_allocation)
        for item in consumption:
            if item.ledger is Ledger.LPP:
                key_lpp = (_required(item.party_ref), _required(item.year))
                lpp[key_lpp] = lpp.get(key_lpp, 0.0) + item.tpp
            elif item.ledger is Ledger.AIA:
                ref = _required(item.party_ref)
                aia[ref] = aia.get(ref, 0.0) + item.tpp
            elif item.ledger is Ledger.VEU:
                key_veu = (_required(item.party_ref), _required(item.country))
                veu[key_veu] = veu.get(key_veu, 0.0) + item.tpp
            elif item.ledger is Ledger.LICENSE:
                number = _required(item.license_number)
                licence[number] = licence.get(number, 0.0) + item.tpp
            else:
                country = _required(item.country)
                allocation[country] = allocation.get(country, 0.0) + item.tpp
        return replace(
            self, lpp=lpp, aia=aia, veu=veu, license=licence, country_allocation=allocation
        )

    def release(self, consumption: Iterable[Consumption]) -> LedgerBook:
        """A new book with ``consumption`` taken back out (a cancelled order)."""
        return self.record(item.model_copy(update={"tpp": -item.tpp}) for item in consumption)

    def standing(
        self,
        party_ref: str,
        on: date,
        *,
        base: Standing | None = None,
        external_footprint: Mapping[str, float] | None = None,
    ) -> Standing:
        """The standing of ``party_ref`` for an order dated ``on``.

        ``base`` carries the paperwork (certifications, licences as issued);
        ``external_footprint`` the VEU installed base from sources other than our shipments.
        """
        base = base or Standing()
        footprint = dict(external_footprint or {})
        for (ref, country), tpp in self.veu.items():
            if ref == party_ref:
                footprint[country] = footprint.get(country, 0.0) + tpp
        licenses = tuple(
            _with_usage(licence, licence.used_tpp + self.license.get(licence.number, 0.0))
            for licence in base.licenses
        )
        return base.model_copy(
            update={
                "lpp_shipped_tpp": self.lpp.get((party_ref, on.year), 0.0),
                "aia_cumulative_tpp": self.aia.get(party_ref, 0.0),
                "veu_footprint": footprint,
                "licenses": licenses,
            }
        )

    def country(self, setting: CountrySetting) -> CountrySetting:
        """The destination's setting with our own licensed use filled in."""
        return setting.model_copy(
            update={"our_allocation_used_tpp": self.country_allocation.get(setting.country, 0.0)}
        )


def balance_key(item: Consumption) -> str:
    """The running-total key a consumption entry adds to (shared by storage and verification)."""
    if item.ledger is Ledger.LPP:
        return f"lpp|{item.party_ref}|{item.year}"
    if item.ledger is Ledger.AIA:
        return f"aia|{item.party_ref}"
    if item.ledger is Ledger.VEU:
        return f"veu|{item.party_ref}|{item.country}"
    if item.ledger is Ledger.LICENSE:
        return f"license|{item.license_number}"
    return f"country|{item.country}"


def _required(value: _T | None) -> _T:
    if value is None:
        raise ValueError("a consumption entry lacks the key its ledger is counted by")
    return value


def _with_usage(licence: License, used: float) -> License:
    return licence.model_copy(update={"used_tpp": used})
