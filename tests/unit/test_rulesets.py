"""Ruleset versions as data: loading, validation, selection by date, tiers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from domain.errors import NoRulesetInEffectError, RulesetDataError, UnknownCountryError
from domain.ruleset import Ruleset, RulesetCatalog, load_shipped_rulesets, parse_ruleset

CATALOG = load_shipped_rulesets()
FIRST = CATALOG.by_id("aidf-2025-01-13")
SECOND = CATALOG.by_id("aidf-2026-02-03")
RULESET_DIR = Path(__file__).resolve().parents[2] / "domain" / "rulesets"

TIER1 = [
    "US", "AU", "BE", "CA", "DK", "FI", "FR", "DE", "IE", "IT",
    "JP", "NL", "NZ", "NO", "KR", "ES", "SE", "TW", "GB",
]  # fmt: skip
TIER3_2025 = [
    "AF", "BY", "MM", "KH", "CF", "CN", "CD", "CU", "ER", "HT", "IR", "IQ",
    "KP", "LB", "LY", "NI", "RU", "SO", "SS", "SD", "SY", "VE", "ZW", "MO",
]  # fmt: skip


def test_two_versions_ship_in_date_order() -> None:
    assert [(v.id, v.effective_from) for v in CATALOG.versions] == [
        ("aidf-2025-01-13", date(2025, 1, 13)),
        ("aidf-2026-02-03", date(2026, 2, 3)),
    ]


def test_every_version_carries_its_figures_and_sources() -> None:
    for version in CATALOG.versions:
        assert version.ic_3a090.a1_min_tpp == 4800
        assert version.ic_3a090.a2_min_pd == 5.92
        assert version.model_weights.min_training_operations == 1e26
        assert version.lpp.limit_tpp == 26_900_000
        assert version.aia.bis_submission_from_tpp == 253_000_000
        assert version.country_allocation.tpp == 790_000_000
        assert version.country_allocation.limit(g2g_agreement=True) == 1_580_000_000
        assert version.country_allocation.period_end == date(2027, 12, 31)
        assert (version.uveu.min_tier1_share, version.uveu.max_single_tier2_share) == (0.75, 0.07)
        assert version.uveu.min_home_share_if_headquartered == 0.5
        assert "2025-05-13" in version.enforcement_note
        assert version.sources
        assert len(version.aia_certification.commitments) == 5


@pytest.mark.parametrize(
    ("day", "label", "cap"),
    [
        (date(2025, 1, 13), "2025 Q1", 633_000_000),
        (date(2025, 3, 31), "2025 Q1", 633_000_000),
        (date(2025, 4, 1), "2025 Q2", 949_500_000),
        (date(2025, 9, 30), "2025 Q3", 1_266_000_000),
        (date(2025, 10, 1), "2025 Q4", 1_582_500_000),
        (date(2026, 1, 1), "2026 Q1", 1_899_000_000),
        (date(2026, 6, 30), "2026 Q2", 2_690_250_000),
        (date(2026, 7, 1), "2026 Q3", 3_481_500_000),
        (date(2026, 12, 31), "2026 Q4", 4_272_750_000),
        (date(2027, 1, 1), "2027 and later", 5_064_000_000),
        (date(2031, 5, 5), "2027 and later", 5_064_000_000),
    ],
)
def test_nveu_cap_follows_the_quarter_of_the_shipment(day: date, label: str, cap: float) -> None:
    found = CATALOG.in_effect_on(day).nveu.cap_on(day)
    assert (found.label, found.cap_tpp) == (label, cap)


def test_the_version_in_effect_is_the_latest_that_started_on_or_before_the_date() -> None:
    assert CATALOG.in_effect_on(date(2025, 1, 13)).id == FIRST.id
    assert CATALOG.in_effect_on(date(2026, 2, 2)).id == FIRST.id
    assert CATALOG.in_effect_on(date(2026, 2, 3)).id == SECOND.id
    assert CATALOG.in_effect_on(date(2030, 1, 1)).id == SECOND.id


def test_a_date_before_the_first_version_is_an_error_not_a_default() -> None:
    with pytest.raises(NoRulesetInEffectError, match="no ruleset in effect on 2024-12-01"):
        CATALOG.in_effect_on(date(2024, 12, 1))
    with pytest.raises(NoRulesetInEffectError):
        CATALOG.in_effect_on(date(2025, 1, 12))


@pytest.mark.parametrize("code", TIER1)
def test_tier_1_is_the_united_states_and_supplement_5_paragraph_a(code: str) -> None:
    assert FIRST.tier_of(code) == 1
    assert SECOND.tier_of(code) == 1


@pytest.mark.parametrize("code", TIER3_2025)
def test_tier_3_is_macau_and_d5_in_the_first_version(code: str) -> None:
    assert FIRST.tier_of(code) == 3


def test_cambodia_moves_from_tier_3_to_tier_2_on_2026_02_03() -> None:
    assert CATALOG.tier("KH", date(2026, 2, 2)).tier == 3
    assert CATALOG.tier("Cambodia", date(2026, 2, 3)).tier == 2
    answer = CATALOG.tier("KHM", date(2026, 3, 1))
    assert (answer.tier, answer.ruleset) == (2, "aidf-2026-02-03")


def test_the_rest_of_d5_stays_tier_3_after_cambodia_leaves() -> None:
    assert sorted(SECOND.tiers.tier3) == sorted(set(TIER3_2025) - {"KH"})


def test_cyprus_is_tier_2_with_a_note() -> None:
    answer = CATALOG.tier("Cyprus", date(2025, 6, 1))
    assert answer.tier == 2
    assert answer.note is not None
    assert "A:6" in answer.note


@pytest.mark.parametrize("code", ["SG", "AE", "IN", "MY", "SA", "BR", "IL", "PL", "CH", "MX"])
def test_unlisted_countries_are_tier_2(code: str) -> None:
    assert CATALOG.tier(code, date(2026, 1, 1)).tier == 2


def test_unknown_country_is_an_error_naming_it() -> None:
    with pytest.raises(UnknownCountryError, match="Atlantis"):
        CATALOG.tier("Atlantis", date(2026, 1, 1))


def test_a_file_with_a_bad_figure_is_rejected_naming_the_file_and_field() -> None:
    text = (RULESET_DIR / "aidf-2025-01-13.toml").read_text(encoding="utf-8")
    broken = text.replace("limit_tpp = 26_900_000", "limit_tpp = -1")
    with pytest.raises(RulesetDataError, match=r"broken\.toml: lpp\.limit_tpp"):
        parse_ruleset(broken, "broken.toml")


def test_a_file_with_an_unknown_country_is_rejected() -> None:
    text = (RULESET_DIR / "aidf-2025-01-13.toml").read_text(encoding="utf-8")
    broken = text.replace('"ZW",  # Zimbabwe', '"ZZ",')
    with pytest.raises(RulesetDataError, match=r"tiers\.tier3"):
        parse_ruleset(broken, "broken.toml")


def test_a_file_with_an_unexpected_key_is_rejected() -> None:
    text = (RULESET_DIR / "aidf-2025-01-13.toml").read_text(encoding="utf-8")
    with pytest.raises(RulesetDataError, match=r"lpp\.limit"):
        parse_ruleset(text.replace("limit_tpp = 26_900_000", "limit = 1"), "broken.toml")


def test_a_country_in_two_tiers_is_rejected() -> None:
    text = (RULESET_DIR / "aidf-2025-01-13.toml").read_text(encoding="utf-8")
    with pytest.raises(RulesetDataError, match="both Tier 1 and Tier 3"):
        parse_ruleset(text.replace('"ZW",  # Zimbabwe', '"US",'), "broken.toml")


def test_two_versions_on_one_date_are_rejected() -> None:
    clash = FIRST.model_copy(update={"id": "aidf-copy"})
    with pytest.raises(RulesetDataError, match="share the effective date"):
        RulesetCatalog([FIRST, clash])


def test_aia_commitments_name_the_items() -> None:
    commitments = SECOND.aia_certification.commitments_for("boards classified under ECCN 4A090.a")
    assert commitments[0].startswith("(i) Is aware that boards classified under ECCN 4A090.a")
    assert "Artificial Intelligence Authorization" in commitments[0]
    assert "Infrastructure-as-a-Service" in commitments[2]


# 15 CFR 740.27(b)(2) as rules.md section 6 quotes it.
REGULATION_740_27_B_2 = (
    "[NAME(S) OF ULTIMATE CONSIGNEE(S)]: (i) Is aware that [GENERAL DESCRIPTION AND APPLICABLE "
    "ECCN(S) OF ITEMS TO BE SHIPPED (e.g., Boards classified under ECCN 4A090.a)] will be "
    "shipped pursuant to License Exception Artificial Intelligence Authorization (AIA) of the "
    "Export Administration Regulations (EAR), 15 CFR parts 730-774; (ii) Agrees not to export, "
    "reexport, or transfer (in-country) these items to any end use or end user prohibited "
    "pursuant to Part 744 of the EAR without BIS authorization; (iii) Agrees items received "
    "under this license exception are not, without prior authorization from the U.S. "
    "Department of Commerce's Bureau of Industry and Security (BIS), to be used to provide "
    "Infrastructure-as-a-Service (IaaS) access for training AI models specified in ECCN 4E091 "
    "for entities headquartered or located outside of, or whose ultimate parent company is "
    "headquartered outside of destinations listed in paragraph (a) of Supplement No. 5 to part "
    "740; (iv) Agrees that the items received under this license exception will not be "
    "exported, reexported, or transferred (in-country) to an entity headquartered or located "
    "outside of, or whose ultimate parent company is headquartered outside of paragraph (a) of "
    "Supplement No. 5 to Part 740 without prior authorization from BIS; and (v) Inserts "
    "[NAME(S), SIGNATURE(S), AND TITLE(S) OF PERSON(S) AUTHORIZED TO SIGN THIS DOCUMENT ON "
    "BEHALF OF THE ULTIMATE CONSIGNEE, AND DATE(S) DOCUMENT IS SIGNED]."
)


@pytest.mark.parametrize("version", [FIRST, SECOND], ids=lambda version: version.id)
def test_every_version_holds_the_aia_certification_verbatim(version: Ruleset) -> None:
    wording = version.aia_certification
    assert " ".join((wording.opening, *wording.commitments)) == REGULATION_740_27_B_2
    assert wording.regulation == "15 CFR 740.27(b)(2)"
