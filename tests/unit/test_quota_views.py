"""The Quotas read models, over an in-memory fake of the ports they read."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from types import TracebackType
from typing import Any

import pytest

from domain.decision import Ledger
from domain.ledger import BalanceKey
from domain.model import CountrySetting, LppCertification, Party, VeuFootprint
from domain.numbers import ZERO, exact
from domain.ruleset import load_shipped_rulesets
from domain.services.quota_views import (
    country_allocations,
    nveu_installed_base,
    quota_overview,
    top_lpp_consignees,
)

CATALOG = load_shipped_rulesets()
DAY = date(2026, 11, 28)
RULESET = CATALOG.in_effect_on(DAY)
ALLOCATION = RULESET.country_allocation.tpp
LPP_LIMIT = RULESET.lpp.limit_tpp


@dataclass
class FakeRecords:
    """What the read models look at: parties, paperwork and ledger balances."""

    parties: list[Party] = field(default_factory=list)
    settings: list[CountrySetting] = field(default_factory=list)
    lpp_certifications: list[LppCertification] = field(default_factory=list)
    footprints: list[VeuFootprint] = field(default_factory=list)
    balances: dict[str, Decimal] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.balances = {key: exact(tpp) for key, tpp in self.balances.items()}


class _Parties:
    def __init__(self, records: FakeRecords) -> None:
        self.records = records

    def all(self) -> Iterator[Party]:
        return iter(self.records.parties)

    def get(self, ref: str) -> Party | None:
        return next((party for party in self.records.parties if party.ref == ref), None)


class _Paperwork:
    def __init__(self, records: FakeRecords) -> None:
        self.records = records

    def all_country_settings(self) -> Iterator[CountrySetting]:
        for setting in self.records.settings:
            ours = self.records.balances.get(f"country|{setting.country}", ZERO)
            yield setting.model_copy(update={"our_allocation_used_tpp": ours})

    def all_lpp_certifications(self) -> Iterator[LppCertification]:
        return iter(self.records.lpp_certifications)

    def footprint(self, party_ref: str) -> dict[str, Decimal]:
        return {
            item.country: item.installed_tpp
            for item in self.records.footprints
            if item.party_ref == party_ref
        }


class _Ledger:
    def __init__(self, records: FakeRecords) -> None:
        self.records = records

    def _keys(self) -> list[tuple[BalanceKey, Decimal]]:
        return [(BalanceKey.decode(key), tpp) for key, tpp in self.records.balances.items()]

    def balances(self) -> dict[str, Decimal]:
        return dict(self.records.balances)

    def country_allocations_used(self) -> dict[str, Decimal]:
        return {
            key.country: tpp
            for key, tpp in self._keys()
            if key.ledger is Ledger.COUNTRY_ALLOCATION and key.country
        }

    def lpp_by_party(self, year: int, limit: int) -> list[tuple[str, Decimal]]:
        found = [
            (key.party_ref, tpp)
            for key, tpp in self._keys()
            if key.ledger is Ledger.LPP and key.year == year and key.party_ref and tpp > 0
        ]
        return sorted(found, key=lambda item: -item[1])[:limit]

    def veu_shipped(self, party_ref: str, *, on: date | None = None) -> dict[str, Decimal]:
        return {
            key.country: tpp
            for key, tpp in self._keys()
            if key.ledger is Ledger.VEU and key.party_ref == party_ref and key.country
        }


class _Reader:
    def __init__(self, records: FakeRecords) -> None:
        self.parties = _Parties(records)
        self.paperwork = _Paperwork(records)
        self.ledger = _Ledger(records)

    def __enter__(self) -> _Reader:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None


class FakeDatabase:
    description = "fake"

    def __init__(self, records: FakeRecords) -> None:
        self.records = records

    def reader(self) -> Any:
        return _Reader(self.records)

    def writer(self, actor: str) -> Any:  # pragma: no cover - read models never write
        raise AssertionError("a read model wrote")


def party(ref: str, country: str, **fields: Any) -> Party:
    return Party(ref=ref, name=f"{ref} Ltd", country=country, hq_country=country, **fields)


def database(**fields: Any) -> Any:
    return FakeDatabase(FakeRecords(**fields))


def test_a_country_allocation_counts_ours_and_what_others_reported() -> None:
    db = database(
        settings=[CountrySetting(country="MX", external_allocation_used_tpp=500_000_000)],
        balances={"country|MX": 90_000_000},
    )
    view = country_allocations(db, CATALOG, on=DAY)
    (mexico,) = view.countries
    assert mexico.ours_tpp == 90_000_000
    assert mexico.external_tpp == 500_000_000
    assert mexico.used_tpp == 590_000_000
    assert mexico.limit_tpp == ALLOCATION
    assert mexico.left_tpp == ALLOCATION - 590_000_000
    assert mexico.share == pytest.approx(590_000_000 / float(ALLOCATION))


def test_a_government_to_government_agreement_multiplies_the_allocation() -> None:
    db = database(settings=[CountrySetting(country="AE", g2g_agreement=True)])
    (uae,) = country_allocations(db, CATALOG, on=DAY).countries
    assert uae.limit_tpp == ALLOCATION * exact(RULESET.country_allocation.g2g_multiplier)


def test_countries_with_our_use_but_no_setting_are_shown_and_only_tier_2_counts() -> None:
    db = database(
        settings=[CountrySetting(country="DE", external_allocation_used_tpp=1.0)],
        balances={"country|IN": 10_000_000, "country|BR": 0.0},
    )
    view = country_allocations(db, CATALOG, on=DAY)
    assert [row.country for row in view.countries] == ["IN"]  # DE is Tier 1; BR used nothing


def test_allocations_are_listed_most_used_first_and_may_show_more_than_the_limit() -> None:
    db = database(
        settings=[
            CountrySetting(country="PL", external_allocation_used_tpp=100_000_000),
            CountrySetting(country="MX", external_allocation_used_tpp=ALLOCATION + 1),
        ]
    )
    view = country_allocations(db, CATALOG, on=DAY)
    assert [row.country for row in view.countries] == ["MX", "PL"]
    assert view.countries[0].left_tpp == 0
    assert view.countries[0].share > 1


def test_the_allocation_figures_come_from_the_ruleset_in_effect() -> None:
    view = country_allocations(database(), CATALOG, on=DAY)
    assert view.ruleset == RULESET.id
    assert view.base_tpp == ALLOCATION
    assert view.g2g_limit_tpp == RULESET.country_allocation.limit(True)
    assert view.rule == RULESET.references.country_allocation
    assert view.countries == ()


def test_cambodia_counts_toward_an_allocation_only_once_it_is_tier_2() -> None:
    db = database(settings=[CountrySetting(country="KH", external_allocation_used_tpp=5.0)])
    assert country_allocations(db, CATALOG, on=date(2025, 6, 1)).countries == ()
    assert [row.country for row in country_allocations(db, CATALOG, on=DAY).countries] == ["KH"]


def test_lpp_use_adds_prior_receipts_to_our_shipments_and_ranks_consignees() -> None:
    db = database(
        parties=[party("A", "IN"), party("B", "TR"), party("C", "BR")],
        lpp_certifications=[
            LppCertification(
                party_ref="B", year=2026, signed_on=date(2026, 1, 5), prior_receipts_tpp=20e6
            ),
            LppCertification(
                party_ref="C", year=2025, signed_on=date(2025, 1, 5), prior_receipts_tpp=26e6
            ),
        ],
        balances={"lpp|A|2026": 3e6, "lpp|B|2026": 1e6, "lpp|C|2025": 5e5},
    )
    view = top_lpp_consignees(db, CATALOG, on=DAY)
    assert view.year == 2026
    assert view.limit_tpp == LPP_LIMIT
    assert [row.party_ref for row in view.parties] == ["B", "A"]  # C used nothing in 2026
    busiest = view.parties[0]
    assert busiest.prior_receipts_tpp == 20e6
    assert busiest.shipped_tpp == 1e6
    assert busiest.used_tpp == 21e6
    assert busiest.left_tpp == LPP_LIMIT - exact(21e6)
    assert busiest.certified
    assert not view.parties[1].certified
    assert view.parties[1].name == "A Ltd"


def test_a_consignee_with_only_prior_receipts_still_appears() -> None:
    db = database(
        parties=[party("B", "TR")],
        lpp_certifications=[
            LppCertification(
                party_ref="B", year=2026, signed_on=date(2026, 1, 5), prior_receipts_tpp=LPP_LIMIT
            )
        ],
    )
    (row,) = top_lpp_consignees(db, CATALOG, on=DAY).parties
    assert row.share == 1.0
    assert row.left_tpp == 0


def test_the_top_list_is_cut_at_the_number_asked_for() -> None:
    refs = [f"P{number}" for number in range(15)]
    db = database(
        parties=[party(ref, "IN") for ref in refs],
        balances={f"lpp|{ref}|2026": float(number + 1) for number, ref in enumerate(refs)},
    )
    view = top_lpp_consignees(db, CATALOG, on=DAY, top=5)
    assert [row.party_ref for row in view.parties] == ["P14", "P13", "P12", "P11", "P10"]


def test_nveu_installed_base_adds_our_shipments_to_the_footprint_against_the_quarter_cap() -> None:
    holder = party("OASIS", "AE", veu="nveu", veu_country="AE")
    db = database(
        parties=[holder, party("OTHER", "AE")],
        footprints=[
            VeuFootprint(party_ref="OASIS", country="AE", installed_tpp=600e6),
            VeuFootprint(party_ref="OASIS", country="SA", installed_tpp=50e6),
        ],
        balances={"veu|OASIS|AE": 200e6, "veu|OASIS|SA": 1e6},
    )
    view = nveu_installed_base(db, CATALOG, on=DAY)
    cap = RULESET.nveu.cap_on(DAY)
    assert view.cap_label == cap.label
    assert view.cap_tpp == cap.cap_tpp
    (row,) = view.holders
    assert row.country == "AE"
    assert row.external_tpp == 600e6
    assert row.shipped_tpp == 200e6
    assert row.installed_tpp == 800e6
    assert row.left_tpp == cap.cap_tpp - exact(800e6)
    assert row.share == pytest.approx(800e6 / float(cap.cap_tpp))


def test_the_next_quarter_cap_is_named_until_the_last_one() -> None:
    view = nveu_installed_base(database(), CATALOG, on=DAY)
    assert view.next_cap_from == date(2027, 1, 1)
    assert view.next_cap_tpp == RULESET.nveu.caps[-1].cap_tpp
    last = nveu_installed_base(database(), CATALOG, on=date(2027, 6, 1))
    assert last.next_cap_label is None
    assert last.next_cap_tpp is None


def test_the_overview_reads_all_three_on_one_day() -> None:
    db = database(
        parties=[party("A", "IN")],
        settings=[CountrySetting(country="IN", external_allocation_used_tpp=1e6)],
        balances={"lpp|A|2026": 2e6},
    )
    overview = quota_overview(db, CATALOG, on=DAY)
    assert overview.on == DAY
    assert [row.country for row in overview.allocations.countries] == ["IN"]
    assert [row.party_ref for row in overview.lpp.parties] == ["A"]
    assert overview.nveu.holders == ()
