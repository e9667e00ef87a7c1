"""Rules that the audit of rules.md sections 2, 4, 5 and 6 found wrong, each as it now holds:
Hong Kong is China, ambiguous country names are refused, every decision says why with the
right citation, and no figure in a message contradicts the decision."""

from __future__ import annotations

import re
from datetime import date

import pytest

from domain.classification import ItemFigures, classify_item, classify_weights
from domain.countries import resolve_country
from domain.decision import Outcome, Part
from domain.errors import AmbiguousCountryError, UnknownCountryError
from domain.figures import fmt_number, fmt_operations, fmt_share, fmt_tpp
from domain.model import Product, Standing
from tests.unit.builders import CATALOG, H100_TPP, PRODUCTS, aia_cert, decide, lpp_cert, party

ON = date(2026, 3, 2)
RULES = CATALOG.in_effect_on(ON)
LPP_OK = Standing(lpp_certification=lpp_cert())

# -- Hong Kong ------------------------------------------------------------------------------


@pytest.mark.parametrize("version", CATALOG.versions, ids=lambda version: version.id)
def test_hong_kong_is_tier_3_in_every_version_as_china(version: object) -> None:
    answer = CATALOG.tier("Hong Kong", version.effective_from)  # type: ignore[attr-defined]
    assert answer.tier == 3
    assert "China" in answer.basis
    assert "85 FR 83765" in answer.basis


def test_an_h100_order_to_a_hong_kong_data_center_is_prohibited_and_says_why() -> None:
    decision = decide([("H100", 8)], party("HK1", "HK"), standing=LPP_OK)
    assert decision.outcome is Outcome.PROHIBITED
    assert decision.destination_tier == 3
    message = decision.finding("tier3_destination").message
    assert "Hong Kong (HK), treated as China under the EAR" in message
    assert decision.consumption == ()


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"hq_country": "HK"}, "tier3_headquarters"),
        ({"parent_name": "Parent Ltd", "parent_hq_country": "HK"}, "tier3_headquarters"),
    ],
)
def test_a_hong_kong_headquarters_or_parent_is_a_china_one(
    fields: dict[str, str], code: str
) -> None:
    decision = decide([("H100", 1)], party("SG1", "SG", **fields), standing=LPP_OK)
    assert decision.outcome is Outcome.PROHIBITED
    assert "treated as China under the EAR" in decision.finding(code).message


def test_b_level_items_to_hong_kong_need_a_licence() -> None:
    decision = decide([("B1", 10)], party("HK1", "HK"))
    assert decision.outcome is Outcome.LICENSE_REQUIRED
    assert decision.codes() == ["tier3_nexus_b_level", "country_tier_note"]


# -- ambiguous country names --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "candidates"),
    [
        ("Congo", {"CG", "CD"}),
        ("the congo", {"CG", "CD"}),
        ("Guinea", {"GN", "GQ", "GW", "PG"}),
        ("Korea", {"KR", "KP"}),
        ("Virgin Islands", {"VG", "VI"}),
    ],
)
def test_an_ambiguous_country_name_is_refused_with_its_candidates(
    typed: str, candidates: set[str]
) -> None:
    with pytest.raises(AmbiguousCountryError) as refused:
        resolve_country(typed)
    assert {re.search(r"\((\w\w)\)", item)[1] for item in refused.value.candidates} == candidates  # type: ignore[index]
    assert "ambiguous" in str(refused.value)
    assert isinstance(refused.value, UnknownCountryError)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("Republic of the Congo", "CG"),
        ("Democratic Republic of the Congo", "CD"),
        ("DRC", "CD"),
        ("Republic of Guinea", "GN"),
        ("Equatorial Guinea", "GQ"),
        ("South Korea", "KR"),
        ("CG", "CG"),
        ("COD", "CD"),
    ],
)
def test_a_full_name_or_a_code_picks_one_country(typed: str, code: str) -> None:
    assert resolve_country(typed).alpha2 == code


def test_the_republic_of_the_congo_does_not_print_as_bare_congo() -> None:
    assert resolve_country("CG").name == "Republic of the Congo"


# -- every decision says why ------------------------------------------------------------------


def test_an_iaas_line_for_a_tier1_customer_says_why_no_licence_is_required() -> None:
    decision = decide([("TRAIN", 1)], party("DE1", "DE"))
    assert decision.outcome is Outcome.NO_LICENSE_REQUIRED
    finding = decision.finding("red_flag_28_not_raised")
    assert finding.part is Part.IAAS_TRAINING
    assert "Red Flag 28" in finding.rule or "red flag 28" in finding.rule
    assert "Tier 1" in finding.message


def test_a_small_iaas_line_says_why_too() -> None:
    decision = decide([("TRAIN-S", 1)], party("SG1", "SG"))
    assert decision.outcome is Outcome.NO_LICENSE_REQUIRED
    assert decision.findings
    assert "1e+24 < 1e+26" in decision.finding("not_controlled").message


@pytest.mark.parametrize(
    "lines",
    [[("H100", 1)], [("B1", 1)], [("W-OPEN", 1)], [("TRAIN", 1)], [("TRAIN-S", 1)], [("CABLE", 1)]],
)
@pytest.mark.parametrize("country", ["DE", "SG", "CY", "HK"])
def test_every_decision_has_a_finding_for_every_part(
    lines: list[tuple[str, int]], country: str
) -> None:
    decision = decide(lines, party("P1", country), standing=LPP_OK)
    for part in decision.parts:
        assert [finding for finding in decision.findings if finding.part in (part.part, Part.ORDER)]


def test_a_cyprus_destination_carries_the_cyprus_note() -> None:
    decision = decide([("H100", 1)], party("CY1", "CY"), standing=LPP_OK)
    assert decision.destination_tier == 2
    note = decision.finding("country_tier_note")
    assert note.figures["country"] == "CY"
    assert "A:6" in note.message


def test_a_party_headquartered_in_cyprus_carries_the_note_for_another_destination() -> None:
    consignee = party("SG1", "SG", hq_country="CY")
    decision = decide([("CABLE", 1)], consignee)
    assert "headquarters" in decision.finding("country_tier_note").message


# -- citations ---------------------------------------------------------------------------------


def test_a_licence_for_model_weights_rests_on_742_6_a_13() -> None:
    decision = decide([("W", 1)], party("SG1", "SG"))
    finding = decision.finding("license_required")
    assert "§ 742.6(a)(13)" in finding.rule
    assert "(a)(6)" not in finding.rule


def test_the_b_level_headquarters_rule_is_744_23_a_3_i_a() -> None:
    decision = decide([("B1", 1)], party("SG1", "SG", hq_country="CN"))
    rule = decision.finding("tier3_nexus_b_level").rule
    assert "§ 744.23(a)(3)(i)(A)" in rule
    assert "742.6(a)(6)(iii)(A)" not in rule


@pytest.mark.parametrize(
    ("lines", "code"),
    [([("CABLE", 1)], "not_controlled"), ([("B1", 1)], "b_level_no_license_required")],
)
def test_no_licence_required_rests_on_the_eccns_text(
    lines: list[tuple[str, int]], code: str
) -> None:
    rule = decide(lines, party("DE1", "DE")).finding(code).rule
    assert "ECCN" in rule
    assert "742.6" not in rule


def test_the_country_allocation_says_where_its_figure_comes_from() -> None:
    decision = decide([("H100", 10)], party("SG1", "SG"))
    finding = decision.finding("country_allocation_remaining")
    assert "CSIS" in finding.message
    assert "not confirmed" in finding.message
    assert "unconfirmed" in finding.rule


def test_the_storage_requirements_are_ruleset_data() -> None:
    decision = decide(
        [("W", 1)], party("DE1", "DE"), standing=Standing(aia_certification=aia_cert())
    )
    message = decision.finding("weights_storage_attestation_missing").message
    assert RULES.model_weights.storage_requirements in message


@pytest.mark.parametrize("version", CATALOG.versions, ids=lambda version: version.id)
def test_the_sources_name_what_the_rulesets_rest_on(version: object) -> None:
    citations = " | ".join(
        f"{source.citation} {source.title}"
        for source in version.sources  # type: ignore[attr-defined]
    )
    for needed in ("88 FR 73458", "Supp. No. 1 to Part 740", "2026-05-31", "85 FR 83765"):
        assert needed in citations


def test_cambodias_removal_says_its_federal_register_citation_is_not_recorded() -> None:
    second = CATALOG.by_id("aidf-2026-02-03")
    (removal,) = [source for source in second.sources if "Cambodia" in source.title]
    assert "not recorded" in removal.citation


# -- messages never contradict the decision ------------------------------------------------------


def test_a_density_just_below_a_limit_prints_below_it() -> None:
    tpp = 2_400.0
    result = classify_item(ItemFigures(tpp=tpp, die_area_mm2=tpp / 5.917), RULES.ic_3a090)
    assert result.paragraph == "3A090.b.1"
    assert "PD 5.917 < 5.92" in result.reason


def test_training_operations_just_below_the_threshold_print_below_it() -> None:
    result = classify_weights(9.999e25, False, RULES.model_weights)
    assert result.eccn is None
    assert "9.999e+25 < 1e+26" in result.reason


def test_a_tier2_share_just_over_seven_percent_prints_over_it() -> None:
    consignee = party("U1", "US", role="cloud_provider", veu="uveu", veu_id="UVEU-1")
    footprint = {"US": 900_000_000.0, "SG": 0.0}
    total_after = 900_000_000.0 / (1 - 0.070046)
    sg = total_after - 900_000_000.0
    units = round(sg / float(H100_TPP))
    decision = decide(
        [("H100", units)], consignee, destination="SG", standing=Standing(veu_footprint=footprint)
    )
    finding = next(
        item
        for item in decision.findings
        if item.code == "uveu_allocation_exceeded"
        and item.figures["limit"] == "max_single_tier2_share"
    )
    share = float(finding.figures["share"])  # type: ignore[arg-type]
    assert 0.07 < share < 0.0701
    assert "at most 7.0 %" in finding.message
    printed = re.search(r"After this shipment ([0-9.]+) %", finding.message)
    assert printed is not None
    assert float(printed[1]) > 7.0


def test_a_tier1_share_just_under_the_minimum_prints_under_it() -> None:
    assert fmt_share(0.74996, 0.75) == "74.996 %"
    assert fmt_share(0.858, 0.75) == "85.8 %"
    assert fmt_share(0.75, 0.75) == "75.0 %"


def test_figures_keep_their_usual_precision_when_nothing_is_at_stake() -> None:
    assert fmt_tpp(26_900_000) == "26,900,000"
    assert fmt_tpp(4_799.99, 4_800) == "4,799.99"
    assert fmt_number(19.45, 5.92) == "19.45"
    assert fmt_operations(3e26, 1e26) == "3e+26"


def test_a_parent_outside_tier1_reads_as_a_sentence() -> None:
    consignee = party("DE1", "DE", parent_name="Parent Ltd", parent_hq_country="IN")
    decision = decide([("H100", 1)], consignee, standing=Standing(aia_certification=aia_cert()))
    unavailable = [
        item.message for item in decision.findings if item.code == "authorization_not_available"
    ]
    assert any(
        "has its ultimate parent headquartered in India (IN), Tier 2, not Tier 1" in text
        for text in unavailable
    )
    assert not any("is ultimate parent" in item.message for item in decision.findings)


def test_a_revoked_lpp_certification_is_reported_as_revoked() -> None:
    revoked = lpp_cert(revoked_on=date(2026, 2, 1))
    decision = decide(
        [("H100", 1)], party("SG1", "SG"), standing=Standing(lpp_certification=revoked)
    )
    message = decision.finding("lpp_certification_missing").message
    assert "revoked on 2026-02-01" in message
    assert "none is on file" not in message


def test_an_lpp_certification_signed_after_the_order_is_reported_as_such() -> None:
    later = lpp_cert().model_copy(update={"signed_on": date(2026, 5, 1)})
    decision = decide([("H100", 1)], party("SG1", "SG"), standing=Standing(lpp_certification=later))
    assert (
        "signed on 2026-05-01, after the order date"
        in decision.finding("lpp_certification_missing").message
    )


def test_products_builder_is_unchanged() -> None:
    assert isinstance(PRODUCTS["TRAIN"], Product)
