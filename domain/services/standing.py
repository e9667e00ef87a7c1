"""A party's standing: where it stands against each limit, as the engine will find it.

Every figure is a position of ``domain.rules.positions``, computed by the same functions the
engine decides through, from the same records; which certification is in force is
``domain.rules.certifications``. What the window and ``quota`` show is what the next check of
an order dated that day uses.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain.errors import DomainError
from domain.frozen import Frozen
from domain.model import Party, VeuStatus
from domain.numbers import ZERO, Exact
from domain.ports import Database, UnitOfWork
from domain.rules.positions import (
    AiaPosition,
    LppPosition,
    VeuPosition,
    aia_position,
    lpp_position,
    veu_position,
)
from domain.ruleset import Ruleset, RulesetCatalog


class LicenseStanding(Frozen):
    number: str
    destination: str
    covers: str
    tpp: Exact
    used_tpp: Exact
    left_tpp: Exact
    valid_from: date
    valid_to: date
    valid_on: bool


class PartyStanding(Frozen):
    party: Party
    on: date
    ruleset: str
    lpp: LppPosition
    aia: AiaPosition
    veu: VeuPosition | None
    licenses: tuple[LicenseStanding, ...]


def lpp_day(on: date, year: int) -> date:
    """The day an LPP position of ``year`` is taken as of ``on``: ``on`` in its own year, else
    the last day of an earlier year or the first of a later one."""
    if year == on.year:
        return on
    return date(year, 12, 31) if year < on.year else date(year, 1, 1)


def veu_footprint(uow: UnitOfWork, party_ref: str, on: date) -> dict[str, Decimal]:
    """A VEU holder's installed base by country as of ``on``: other sources (the footprint the
    officer records) plus our VEU shipments on orders dated by then."""
    footprint = dict(uow.paperwork.footprint(party_ref))
    for country, tpp in uow.ledger.veu_shipped(party_ref, on=on).items():
        footprint[country] = footprint.get(country, ZERO) + tpp
    return footprint


def read_standing(
    uow: UnitOfWork, ruleset: Ruleset, party: Party, *, on: date, year: int
) -> PartyStanding:
    """The standing of ``party`` on ``on`` (LPP for ``year``), inside a unit of work."""
    ref = party.ref
    lpp = lpp_position(
        party,
        uow.paperwork.lpp_certification(ref, year),
        uow.ledger.lpp_used(ref, year),
        ruleset,
        lpp_day(on, year),
    )
    aia = aia_position(
        party, uow.paperwork.aia_certifications(ref), uow.ledger.aia_cumulative(ref), ruleset, on
    )
    veu = None
    if party.veu is not VeuStatus.NONE:
        veu = veu_position(party, veu_footprint(uow, ref, on), ruleset, on)
    licenses = tuple(
        LicenseStanding(
            number=licence.number,
            destination=licence.destination,
            covers=licence.covers.value,
            tpp=licence.tpp,
            used_tpp=licence.used_tpp,
            left_tpp=licence.remaining_tpp,
            valid_from=licence.valid_from,
            valid_to=licence.valid_to,
            valid_on=licence.valid_on(on),
        )
        for licence in uow.paperwork.licenses_for(ref)
    )
    return PartyStanding(
        party=party, on=on, ruleset=ruleset.id, lpp=lpp, aia=aia, veu=veu, licenses=licenses
    )


def party_standing(
    db: Database, catalog: RulesetCatalog, party_ref: str, *, on: date, year: int | None = None
) -> PartyStanding:
    """The standing of a party on ``on`` (LPP for ``year``, default ``on``'s year)."""
    ruleset = catalog.in_effect_on(on)
    with db.reader() as uow:
        party = uow.parties.get(party_ref)
        if party is None:
            raise DomainError(f"unknown party {party_ref!r}")
        return read_standing(uow, ruleset, party, on=on, year=year or on.year)
