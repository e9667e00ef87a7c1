"""Read models for the Quotas screen: what is used of each shared limit, and what is left.

Three limits are watched across customers (rules.md section 4): the Tier 2 country
allocations (ours from the ledger plus what other exporters reported), each consignee's LPP
limit for the calendar year (prior receipts plus our shipments), and each NVEU holder's
installed base against the quarter's cap. Every figure comes from the ruleset in effect on
the day asked about; nothing here decides an order.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain.countries import country_name
from domain.frozen import Frozen
from domain.model import CountrySetting, Party, VeuStatus
from domain.numbers import ZERO, Exact
from domain.ports import Database, UnitOfWork
from domain.rules.positions import LppPosition, allocation_position, lpp_position
from domain.ruleset import Ruleset, RulesetCatalog


def _share(used: Decimal, limit: Decimal) -> float:
    return float(used / limit) if limit > 0 else 0.0


class AllocationUse(Frozen):
    """One Tier 2 country's allocation (its ``AllocationPosition``): ours, reported by
    others, and the limit."""

    country: str
    name: str
    g2g_agreement: bool
    ours_tpp: Exact
    external_tpp: Exact
    used_tpp: Exact
    limit_tpp: Exact
    left_tpp: Exact
    share: float
    """Used over limit (may pass 1 when reports exceed the allocation)."""


class AllocationView(Frozen):
    ruleset: str
    rule: str
    base_tpp: Exact
    g2g_multiplier: float
    g2g_limit_tpp: Exact
    period_start: date
    period_end: date
    note: str
    countries: tuple[AllocationUse, ...]
    """Most used (by share) first."""


class LppUse(Frozen):
    """One consignee's LPP standing for the year."""

    party_ref: str
    name: str
    country: str
    certified: bool
    prior_receipts_tpp: Exact
    shipped_tpp: Exact
    used_tpp: Exact
    limit_tpp: Exact
    left_tpp: Exact
    share: float


class LppView(Frozen):
    year: int
    ruleset: str
    rule: str
    limit_tpp: Exact
    parties: tuple[LppUse, ...]
    """Most used first."""


class NveuUse(Frozen):
    """One NVEU holder's installed base in the country its authorization covers."""

    party_ref: str
    name: str
    country: str
    external_tpp: Exact
    """Installed from sources other than our shipments."""
    shipped_tpp: Exact
    """Our authorized NVEU shipments."""
    installed_tpp: Exact
    cap_tpp: Exact
    left_tpp: Exact
    share: float


class NveuView(Frozen):
    on: date
    ruleset: str
    rule: str
    cap_label: str
    cap_tpp: Exact
    next_cap_label: str | None
    next_cap_tpp: Exact | None
    next_cap_from: date | None
    holders: tuple[NveuUse, ...]


class QuotaOverview(Frozen):
    on: date
    allocations: AllocationView
    lpp: LppView
    nveu: NveuView


# -- country allocations ----------------------------------------------------------------------


def allocation_view(uow: UnitOfWork, ruleset: Ruleset) -> AllocationView:
    rules = ruleset.country_allocation
    settings = {setting.country: setting for setting in uow.paperwork.all_country_settings()}
    ours = uow.ledger.country_allocations_used()
    rows: list[AllocationUse] = []
    for country in sorted(set(settings) | {code for code, tpp in ours.items() if tpp}):
        setting = (settings.get(country) or CountrySetting(country=country)).model_copy(
            update={"our_allocation_used_tpp": max(ours.get(country, ZERO), 0.0)}
        )
        position = allocation_position(country, setting, ruleset)
        if position is None:
            continue  # allocations bind Tier 2 destinations only
        rows.append(AllocationUse(name=country_name(country), **position.model_dump()))
    rows.sort(key=lambda row: (-row.share, row.country))
    return AllocationView(
        ruleset=ruleset.id,
        rule=ruleset.references.country_allocation,
        base_tpp=rules.tpp,
        g2g_multiplier=rules.g2g_multiplier,
        g2g_limit_tpp=rules.limit(True),
        period_start=rules.period_start,
        period_end=rules.period_end,
        note=rules.note,
        countries=tuple(rows),
    )


def country_allocations(db: Database, catalog: RulesetCatalog, *, on: date) -> AllocationView:
    """Tier 2 countries with allocation used (ours or reported) or a setting, most used first."""
    with db.reader() as uow:
        return allocation_view(uow, catalog.in_effect_on(on))


# -- LPP ----------------------------------------------------------------------------------------


def lpp_view(uow: UnitOfWork, ruleset: Ruleset, on: date, top: int) -> LppView:
    """The ``top`` consignees by LPP use in ``on``'s calendar year, as of ``on``."""
    year, limit = on.year, ruleset.lpp.limit_tpp
    shipped = dict(uow.ledger.lpp_by_party(year, max(top * 4, 200)))
    certifications = {
        item.party_ref: item for item in uow.paperwork.all_lpp_certifications() if item.year == year
    }
    positions: list[tuple[Party, LppPosition]] = []
    for ref in set(shipped) | {
        ref for ref, item in certifications.items() if item.prior_receipts_tpp > 0
    }:
        party = uow.parties.get(ref)
        if party is None:
            continue
        position = lpp_position(party, certifications.get(ref), shipped.get(ref, ZERO), ruleset, on)
        positions.append((party, position))
    positions.sort(key=lambda item: (-item[1].used_tpp, item[0].ref))
    rows = [
        LppUse(
            party_ref=party.ref,
            name=party.name,
            country=party.country,
            certified=position.certified,
            prior_receipts_tpp=position.prior_receipts_tpp,
            shipped_tpp=position.shipped_tpp,
            used_tpp=position.used_tpp,
            limit_tpp=position.limit_tpp,
            left_tpp=position.left_tpp,
            share=_share(position.used_tpp, position.limit_tpp),
        )
        for party, position in positions[:top]
    ]
    return LppView(
        year=year,
        ruleset=ruleset.id,
        rule=ruleset.references.lpp,
        limit_tpp=limit,
        parties=tuple(rows),
    )


def top_lpp_consignees(
    db: Database, catalog: RulesetCatalog, *, on: date, top: int = 10
) -> LppView:
    """The consignees that have used most of their LPP limit in ``on``'s calendar year.

    Use is the prior receipts their LPP certification for the year states plus our LPP
    shipments that year.
    """
    with db.reader() as uow:
        return lpp_view(uow, catalog.in_effect_on(on), on, top)


# -- NVEU ---------------------------------------------------------------------------------------


def nveu_view(uow: UnitOfWork, ruleset: Ruleset, on: date) -> NveuView:
    cap = ruleset.nveu.cap_on(on)
    later = [item for item in ruleset.nveu.caps if item.from_date > on]
    following = later[0] if later else None
    holders: list[NveuUse] = []
    for party in uow.parties.all():
        if party.veu is not VeuStatus.NVEU or party.veu_country is None:
            continue
        country = party.veu_country
        external = uow.paperwork.footprint(party.ref).get(country, ZERO)
        ours = uow.ledger.veu_shipped(party.ref, on=on).get(country, ZERO)
        installed = external + ours  # the installed base the engine counts (as of ``on``)
        holders.append(
            NveuUse(
                party_ref=party.ref,
                name=party.name,
                country=country,
                external_tpp=external,
                shipped_tpp=ours,
                installed_tpp=installed,
                cap_tpp=cap.cap_tpp,
                left_tpp=max(cap.cap_tpp - installed, ZERO),
                share=_share(installed, cap.cap_tpp),
            )
        )
    holders.sort(key=lambda row: (-row.share, row.party_ref))
    return NveuView(
        on=on,
        ruleset=ruleset.id,
        rule=ruleset.references.nveu,
        cap_label=cap.label,
        cap_tpp=cap.cap_tpp,
        next_cap_label=following.label if following else None,
        next_cap_tpp=following.cap_tpp if following else None,
        next_cap_from=following.from_date if following else None,
        holders=tuple(holders),
    )


def nveu_installed_base(db: Database, catalog: RulesetCatalog, *, on: date) -> NveuView:
    """Each NVEU holder's installed base in its authorized country against ``on``'s cap."""
    with db.reader() as uow:
        return nveu_view(uow, catalog.in_effect_on(on), on)


def quota_overview(
    db: Database, catalog: RulesetCatalog, *, on: date, top: int = 10
) -> QuotaOverview:
    """All three, read in one consistent snapshot."""
    ruleset = catalog.in_effect_on(on)
    with db.reader() as uow:
        return QuotaOverview(
            on=on,
            allocations=allocation_view(uow, ruleset),
            lpp=lpp_view(uow, ruleset, on, top),
            nveu=nveu_view(uow, ruleset, on),
        )
