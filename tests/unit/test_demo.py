"""The demonstration data set: deterministic, consistent, and showing every rule at work.

The data set is replayed with the real engine in date order (``domain.demo.replay``), so these
tests also say what an officer sees when the demo is loaded and every order is checked.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from datetime import date
from decimal import Decimal

import pytest

from domain.decision import Authorization, Decision, Outcome
from domain.demo import DemoDataset, build_demo_dataset, replay
from domain.model import Role, VeuStatus
from domain.rules.codes import FindingCode
from domain.ruleset import load_shipped_rulesets

CATALOG = load_shipped_rulesets()
FIRST_RULESET = CATALOG.versions[0]

EXPECTED_CODES = (
    "tier3_destination",
    "tier3_headquarters",
    "aia_certification_missing",
    "aia_bis_submission_required",
    "uveu_allocation_exceeded",
    "nveu_cap_exceeded",
    "lpp_not_for_distributors",
    "lpp_limit_exceeded",
    "lpp_certification_missing",
    "license_required",
    "country_allocation_exceeded",
    "weights_storage_attestation_missing",
    "tier3_nexus_b_level",
    "red_flag_28",
    "red_flag_28_resolved",
    "lpp_within_limit",
    "aia_authorized",
    "uveu_within_limits",
    "nveu_within_cap",
    "license_applied",
    "country_allocation_remaining",
    "b_level_no_license_required",
    "weights_aia_authorized",
    "authorization_not_available",
    "not_controlled",
    "red_flag_28_not_raised",
    "country_tier_note",
)


@pytest.fixture(scope="module")
def dataset() -> DemoDataset:
    return build_demo_dataset()


@pytest.fixture(scope="module")
def decisions(dataset: DemoDataset) -> list[Decision]:
    return replay(dataset, CATALOG)


def _codes(decisions: list[Decision]) -> Counter[str]:
    return Counter(code for decision in decisions for code in set(decision.codes()))


def _decision(decisions: list[Decision], ref: str) -> Decision:
    return next(decision for decision in decisions if decision.order_ref == ref)


# -- what the replay shows -------------------------------------------------------------------


def test_every_outcome_appears(decisions: list[Decision]) -> None:
    assert {decision.outcome for decision in decisions} == set(Outcome)


def test_every_authorization_is_used(decisions: list[Decision]) -> None:
    used = {auth for decision in decisions for auth in decision.authorizations}
    assert used == set(Authorization)


@pytest.mark.parametrize("code", EXPECTED_CODES)
def test_every_finding_code_appears(decisions: list[Decision], code: str) -> None:
    assert _codes(decisions)[code] >= 1


SCREENING_CODES = (
    "screening_match_pending",
    "denied_party",
    "sanctioned_party",
    "entity_list",
    "military_end_user",
    "unverified_list",
    "restricted_party_review",
    "affiliate_of_listed_party",
    "listed_owner_note",
)
"""Produced by tests/unit/test_screening_rules.py (the replay holds no list snapshot)."""
FIELD_AUDIT_CODES = ("field_audit_discrepancy",)
"""Produced by tests/unit/test_field_audit_rules.py (the replay merges no field audit)."""


def test_the_expected_codes_are_every_code_the_engine_can_produce() -> None:
    # Every finding code is a member of the enum; the demonstration data produces each one
    # but screening's and field audits', which their rules' tests produce.
    others = set(SCREENING_CODES) | set(FIELD_AUDIT_CODES)
    assert set(EXPECTED_CODES) | others == {code.value for code in FindingCode}


def test_most_orders_are_ordinary(decisions: list[Decision]) -> None:
    shipping = sum(decision.outcome.ships for decision in decisions)
    assert shipping / len(decisions) > 0.85


def test_only_shipping_orders_consume(decisions: list[Decision]) -> None:
    for decision in decisions:
        if not decision.outcome.ships:
            assert decision.consumption == ()


def test_the_large_singapore_build_passes_the_uveu_single_country_share(
    decisions: list[Decision],
) -> None:
    exceeded = [d for d in decisions if "uveu_allocation_exceeded" in d.codes()]
    assert [d.destination for d in exceeded] == ["SG"]
    finding = exceeded[0].finding("uveu_allocation_exceeded")
    assert finding.figures["limit"] == "max_single_tier2_share"
    assert finding.figures["country"] == "SG"
    later = [
        d
        for d in decisions
        if d.destination == "SG"
        and d.order_date > exceeded[0].order_date
        and Authorization.UVEU in d.authorizations
    ]
    assert later, "a smaller Singapore order afterwards still fits under the UVEU"


def test_cambodia_is_prohibited_before_it_left_d5_and_lpp_after(
    dataset: DemoDataset, decisions: list[Decision]
) -> None:
    moved = next(v.effective_from for v in CATALOG.versions if v.tier_of("KH") == 2)
    mekong = [o.ref for o in dataset.orders if o.consignee_ref == "KH-MEKONG"]
    outcomes = [
        (_decision(decisions, ref).order_date < moved, _decision(decisions, ref).outcome)
        for ref in mekong
    ]
    assert {outcome for before, outcome in outcomes if before} == {Outcome.PROHIBITED}
    assert {outcome for before, outcome in outcomes if not before} == {Outcome.AUTHORIZED}


def test_the_bis_submission_decides_for_the_two_largest_aia_customers(
    dataset: DemoDataset, decisions: list[Decision]
) -> None:
    by_ref = {d.order_ref: d for d in decisions}
    prairie = [by_ref[o.ref] for o in dataset.orders if o.consignee_ref == "US-PRAIRIE"]
    blue_mesa = [by_ref[o.ref] for o in dataset.orders if o.consignee_ref == "US-BLUEMESA"]
    assert any("aia_bis_submission_required" in d.codes() for d in prairie)
    threshold = FIRST_RULESET.aia.bis_submission_from_tpp
    cumulative = [
        d.finding("aia_authorized").figures["cumulative_tpp"]
        for d in blue_mesa
        if "aia_authorized" in d.codes()
    ]
    crossed = [tpp for tpp in cumulative if isinstance(tpp, Decimal | float) and tpp >= threshold]
    assert crossed, "Blue Mesa filed with BIS and goes past the threshold authorized"


def test_replay_is_deterministic(dataset: DemoDataset, decisions: list[Decision]) -> None:
    assert replay(dataset, CATALOG) == decisions


# -- the data itself -------------------------------------------------------------------------


def test_two_builds_are_equal(dataset: DemoDataset) -> None:
    assert build_demo_dataset() == dataset


def test_about_forty_parties_cover_every_role_all_tiers_and_both_veu_kinds(
    dataset: DemoDataset,
) -> None:
    assert 36 <= len(dataset.parties) <= 44
    assert {party.role for party in dataset.parties} == set(Role)
    assert {FIRST_RULESET.tier_of(party.country) for party in dataset.parties} == {1, 2, 3}
    assert {party.veu for party in dataset.parties} == set(VeuStatus)
    refs = [party.ref for party in dataset.parties]
    assert len(refs) == len(set(refs))


def test_names_come_in_several_scripts(dataset: DemoDataset) -> None:
    names = " ".join(party.name for party in dataset.parties)
    scripts = {unicodedata.name(ch).split()[0] for ch in names if ch.isalpha() and not ch.isascii()}
    assert {"CYRILLIC", "CJK", "HANGUL", "KATAKANA"} <= scripts
    assert any(ch in names for ch in "äöüÄÖÜ")
    for party in dataset.parties:
        if not party.name.isascii():
            assert any(alias.isascii() for alias in party.aliases), party.ref


def test_three_to_four_hundred_and_fifty_orders_sorted_by_date_then_ref(
    dataset: DemoDataset,
) -> None:
    orders = dataset.orders
    assert 300 <= len(orders) <= 450
    assert list(orders) == sorted(orders, key=lambda order: (order.date, order.ref))
    assert len({order.ref for order in orders}) == len(orders)
    assert all(1 <= len(order.lines) <= 3 for order in orders)
    assert all(date(2025, 1, 13) <= order.date <= date(2026, 11, 20) for order in orders)
    assert min(order.date for order in orders) >= FIRST_RULESET.effective_from


def test_every_reference_resolves(dataset: DemoDataset) -> None:
    parties = {party.ref for party in dataset.parties}
    products = {product.ref for product in dataset.products}
    for order in dataset.orders:
        assert order.consignee_ref in parties, order.ref
        assert order.end_user_ref is None or order.end_user_ref in parties, order.ref
        assert {line.product_ref for line in order.lines} <= products, order.ref
    paperwork = [
        *(item.party_ref for item in dataset.aia_certifications),
        *(item.party_ref for item in dataset.lpp_certifications),
        *(item.party_ref for item in dataset.licenses),
        *(item.party_ref for item in dataset.footprints),
    ]
    assert set(paperwork) <= parties


def test_licences_start_unused_and_footprints_belong_to_veu_holders(
    dataset: DemoDataset,
) -> None:
    assert all(licence.used_tpp == 0 for licence in dataset.licenses)
    holders = {party.ref for party in dataset.parties if party.veu is not VeuStatus.NONE}
    assert {footprint.party_ref for footprint in dataset.footprints} == holders


def test_country_settings_include_g2g_agreements_for_tier2_countries(
    dataset: DemoDataset,
) -> None:
    assert any(setting.g2g_agreement for setting in dataset.countries)
    assert all(FIRST_RULESET.tier_of(setting.country) == 2 for setting in dataset.countries)
    assert all(setting.our_allocation_used_tpp == 0 for setting in dataset.countries)


def test_every_finding_code_has_words_for_the_officer() -> None:
    titles = {code: code.heading for code in FindingCode}
    assert all(title and title[0].isupper() and "_" not in title for title in titles.values())
    assert len(set(titles.values())) == len(titles)
