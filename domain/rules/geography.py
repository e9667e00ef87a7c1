"""Tiers as the rules test them: the Tier 3 nexus of an order, the Tier 1 geography AIA needs,
where IaaS customers and their parents are headquartered, and the ruleset's notes on a
country (Cyprus: D:5 but also A:6; Hong Kong: treated as China under the EAR).

Every country is looked up through the ruleset version (``Ruleset.tier_of``), so Hong Kong is
China everywhere these functions are used: the engine, the standings and the documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from domain.model import Party
from domain.rules.codes import FindingCode
from domain.ruleset import Ruleset

Role = Literal["consignee", "end user"]
Place = Literal["destination", "location", "headquarters", "parent_headquarters"]

_WHERE: dict[Place, str] = {
    "location": "is located in",
    "headquarters": "is headquartered in",
    "parent_headquarters": "has its ultimate parent headquartered in",
}


def order_parties(consignee: Party, end_user: Party | None) -> tuple[tuple[Role, Party], ...]:
    """The parties of an order with their role: the consignee, then the end user if any."""
    if end_user is None:
        return (("consignee", consignee),)
    return (("consignee", consignee), ("end user", end_user))


def _places(party: Party) -> tuple[tuple[Place, str | None], ...]:
    return (
        ("location", party.country),
        ("headquarters", party.hq_country),
        ("parent_headquarters", party.parent_hq_country),
    )


def named(ruleset: Ruleset, country: str) -> str:
    """A country as a message names it mid-sentence ("Japan (JP)"; "Hong Kong (HK), treated
    as China under the EAR," with the closing comma its clause needs)."""
    place = ruleset.place(country)
    return f"{place}," if ruleset.treated_as(country) is not None else place


@dataclass(frozen=True)
class NexusFact:
    """One way an order (or a party) touches Tier 3."""

    kind: Place
    country: str
    party_ref: str | None = None
    party_role: Role | None = None

    @property
    def code(self) -> FindingCode:
        if self.kind in ("destination", "location"):
            return FindingCode.TIER3_DESTINATION
        return FindingCode.TIER3_HEADQUARTERS

    def describe(self, ruleset: Ruleset) -> str:
        if self.kind == "destination":
            return f"the destination {named(ruleset, self.country)} is Tier 3"
        return (
            f"the {self.party_role} {self.party_ref} {_WHERE[self.kind]} "
            f"{ruleset.place(self.country)}, which is Tier 3"
        )


def party_nexus(party: Party, ruleset: Ruleset, role: Role = "consignee") -> tuple[NexusFact, ...]:
    """Every way a party touches Tier 3: its location, headquarters or ultimate parent's
    headquarters (§ 744.23, § 742.6(a)(6)(iii)(A)); any of them prohibits every a-level order."""
    return tuple(
        NexusFact(kind, country, party.ref, role)
        for kind, country in _places(party)
        if country is not None and ruleset.tier_of(country) == 3
    )


def tier3_nexus(
    destination: str, parties: Sequence[tuple[Role, Party]], ruleset: Ruleset
) -> tuple[NexusFact, ...]:
    """Every way an order touches Tier 3: its destination, then each party's places."""
    facts: list[NexusFact] = []
    if ruleset.tier_of(destination) == 3:
        facts.append(NexusFact("destination", destination))
    for role, party in parties:
        facts.extend(party_nexus(party, ruleset, role))
    return tuple(facts)


def aia_party_problem(party: Party, ruleset: Ruleset, role: Role = "consignee") -> str | None:
    """Why a party cannot take part in AIA: it is located, headquartered or has its ultimate
    parent headquartered outside Tier 1 (None when it can)."""
    for kind, country in _places(party):
        if country is not None and (tier := ruleset.tier_of(country)) != 1:
            return (
                f"the {role} {party.ref} {_WHERE[kind]} {ruleset.place(country)}, Tier {tier}, "
                "not Tier 1"
            )
    return None


def aia_geography_problem(
    destination: str, parties: Sequence[tuple[Role, Party]], ruleset: Ruleset
) -> str | None:
    """Why AIA cannot apply to an order's geography (None when it can): destination, and
    every party's location, headquarters and ultimate parent, all in Tier 1."""
    if ruleset.tier_of(destination) != 1:
        return f"the destination {named(ruleset, destination)} is not Tier 1"
    for role, party in parties:
        problem = aia_party_problem(party, ruleset, role)
        if problem is not None:
            return problem
    return None


def headquarters_outside_tier1(
    parties: Sequence[tuple[Role, Party]], ruleset: Ruleset
) -> tuple[str, ...]:
    """Each party whose headquarters or ultimate parent's headquarters is outside Tier 1, in
    words (model weights under AIA and Red Flag 28 test these)."""
    found: list[str] = []
    for role, party in parties:
        for kind, country in _places(party)[1:]:
            if country is not None and ruleset.tier_of(country) != 1:
                found.append(f"the {role} {party.ref} {_WHERE[kind]} {ruleset.place(country)}")
    return tuple(found)


@dataclass(frozen=True)
class CountryNote:
    """The ruleset's note on a country of an order, and where in the order it appears."""

    country: str
    where: tuple[str, ...]
    note: str


def country_notes(
    destination: str, parties: Sequence[tuple[Role, Party]], ruleset: Ruleset
) -> tuple[CountryNote, ...]:
    """The ruleset's note on each country of the order that has one."""
    places: list[tuple[str, str]] = [("the destination", destination)]
    labels = {
        "location": "location",
        "headquarters": "headquarters",
        "parent_headquarters": "ultimate parent",
    }
    for role, party in parties:
        for kind, country in _places(party):
            if country is not None:
                places.append((f"the {role} {party.ref}'s {labels[kind]}", country))
    notes: list[CountryNote] = []
    for country in dict.fromkeys(country for _, country in places):
        note = ruleset.tier_note(country)
        if note is not None:
            where = tuple(what for what, place in places if place == country)
            notes.append(CountryNote(country, where, note))
    return tuple(notes)
