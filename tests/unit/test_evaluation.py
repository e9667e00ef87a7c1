"""Order evaluation (rules.md section 5): every path, every finding, outcome ordering."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

import pytest

from domain.decision import Authorization, Ledger, Outcome, Part
from domain.errors import ClassificationInputError, DomainError
from domain.model import CountrySetting, Product, RedFlagResolution, Standing
from tests.unit.builders import (
    CATALOG,
    H100_TPP,
    PRODUCTS,
    aia_cert,
    blocking,
    decide,
    licence,
    lpp_cert,
    party,
)

LPP_OK = Standing(lpp_certification=lpp_cert())
ON = date(2026, 3, 2)
RULES = CATALOG.in_effect_on(ON)


def tier1_party(ref: str = "C1", country: str = "DE", **fields: object) -> object:
    return party(ref, country, **fields)


# -- Tier 3 nexus ------------------------------------------------------------------------


class TestTier3Nexus:
    def test_a_level_to_a_tier3_destination_is_prohibited(self) -> None:
        decision = decide([("H100", 1)], destination="CN", standing=LPP_OK)
        assert decision.outcome is Outcome.PROHIBITED
        assert blocking(decision) == ["tier3_destination"]
        assert decision.finding("tier3_destination").figures["country"] == "CN"
        assert decision.consumption == ()

    def test_consignee_located_in_tier3_is_prohibited_even_to_a_tier2_destination(self) -> None:
        decision = decide([("H100", 1)], party(country="RU"), destination="SG", standing=LPP_OK)
        assert decision.outcome is Outcome.PROHIBITED
        finding = decision.finding("tier3_destination")
        assert (finding.figures["nexus"], finding.figures["party_role"]) == (
            "location",
            "consignee",
        )

    def test_consignee_headquartered_in_tier3_is_prohibited(self) -> None:
        consignee = party(country="JP", hq_country="CN")
        decision = decide([("H100", 1)], consignee, standing=LPP_OK)
        assert decision.outcome is Outcome.PROHIBITED
        assert blocking(decision) == ["tier3_headquarters"]

    def test_ultimate_parent_headquartered_in_macau_is_prohibited(self) -> None:
        consignee = party(country="JP", parent_name="Parent Ltd", parent_hq_country="Macau")
        decision = decide([("H100", 1)], consignee, standing=LPP_OK)
        assert decision.outcome is Outcome.PROHIBITED
        finding = decision.finding("tier3_headquarters")
        assert (finding.figures["nexus"], finding.figures["country"]) == (
            "parent_headquarters",
            "MO",
        )

    def test_end_user_location_and_headquarters_count(self) -> None:
        end_user = party("E1", country="IR", hq_country="RU")
        decision = decide([("H100", 1)], end_user=end_user, standing=LPP_OK)
        assert decision.outcome is Outcome.PROHIBITED
        assert sorted(blocking(decision)) == ["tier3_destination", "tier3_headquarters"]
        assert {f.figures["party_role"] for f in decision.findings} >= {"end user"}

    def test_end_user_parent_in_tier3_is_prohibited(self) -> None:
        end_user = party("E1", country="SG", parent_name="P", parent_hq_country="CN")
        decision = decide([("H100", 1)], end_user=end_user, standing=LPP_OK)
        assert decision.outcome is Outcome.PROHIBITED

    def test_cambodia_is_tier3_before_2026_02_03_and_tier2_after(self) -> None:
        before = decide(
            [("H100", 1)],
            party(country="KH"),
            on=date(2026, 1, 15),
            standing=Standing(lpp_certification=lpp_cert(2026)),
        )
        after = decide(
            [("H100", 1)],
            party(country="KH"),
            on=date(2026, 3, 1),
            standing=Standing(lpp_certification=lpp_cert(2026)),
        )
        assert (before.outcome, before.ruleset) == (Outcome.PROHIBITED, "aidf-2025-01-13")
        assert (after.outcome, after.ruleset) == (Outcome.AUTHORIZED, "aidf-2026-02-03")
        assert after.destination_tier == 2

    def test_cyprus_is_not_a_tier3_nexus(self) -> None:
        decision = decide([("H100", 1)], party(country="CY"), standing=LPP_OK)
        assert decision.outcome is Outcome.AUTHORIZED


# -- AIA -----------------------------------------------------------------------------------

BIG = 2000  # 2,000 H100 = 31,664,000 TPP: more than LPP allows, so LPP cannot rescue the order


class TestAia:
    def test_tier1_order_with_certification_is_authorized_under_aia(self) -> None:
        decision = decide(
            [("H100", BIG)], party(country="DE"), standing=Standing(aia_certification=aia_cert())
        )
        assert decision.outcome is Outcome.AUTHORIZED
        assert decision.authorizations == (Authorization.AIA,)
        assert decision.finding("aia_authorized").rule == "§ 740.27"
        assert [(c.ledger, c.party_ref, c.tpp) for c in decision.consumption] == [
            (Ledger.AIA, "C1", BIG * H100_TPP)
        ]

    def test_without_certification_the_order_is_held_for_paperwork(self) -> None:
        decision = decide([("H100", BIG)], party(country="DE"))
        assert decision.outcome is Outcome.HOLD
        assert "aia_certification_missing" in blocking(decision)
        assert "license_required" not in decision.codes()

    def test_a_revoked_certification_no_longer_counts(self) -> None:
        certification = aia_cert(revoked_on=date(2026, 3, 1))
        decision = decide(
            [("H100", BIG)], party(country="DE"), standing=Standing(aia_certification=certification)
        )
        assert decision.outcome is Outcome.HOLD
        assert "revoked" in decision.finding("aia_certification_missing").message

    def test_a_certification_signed_after_the_order_date_does_not_count(self) -> None:
        certification = aia_cert(signed_on=date(2026, 4, 1))
        decision = decide(
            [("H100", BIG)], party(country="DE"), standing=Standing(aia_certification=certification)
        )
        assert "aia_certification_missing" in blocking(decision)

    @pytest.mark.parametrize(
        ("where", "consignee_fields", "end_user_country"),
        [
            ("tier 2 destination", {}, None),
            ("tier 2 headquarters", {"hq_country": "SG"}, None),
            ("tier 2 parent", {"parent_name": "P", "parent_hq_country": "IN"}, None),
            ("tier 2 end user", {}, "SG"),
        ],
    )
    def test_aia_needs_tier1_everywhere(
        self, where: str, consignee_fields: dict[str, str], end_user_country: str | None
    ) -> None:
        consignee = party(country="DE", **consignee_fields)
        end_user = party("E1", end_user_country) if end_user_country else None
        destination = "SG" if where == "tier 2 destination" else None
        decision = decide(
            [("H100", BIG)],
            consignee,
            end_user=end_user,
            destination=destination,
            standing=Standing(aia_certification=aia_cert()),
        )
        assert Authorization.AIA not in decision.authorizations
        assert decision.outcome is Outcome.LICENSE_REQUIRED
        unavailable = [f for f in decision.findings if f.code == "authorization_not_available"]
        assert unavailable[0].figures["authorization"] == "AIA"

    def test_reaching_253m_cumulative_needs_the_bis_submission(self) -> None:
        q = BIG * H100_TPP
        earlier = RULES.aia.bis_submission_from_tpp - q  # this order reaches it exactly
        decision = decide(
            [("H100", BIG)],
            party(country="DE"),
            standing=Standing(aia_certification=aia_cert(), aia_cumulative_tpp=earlier),
        )
        assert decision.outcome is Outcome.HOLD
        finding = decision.finding("aia_bis_submission_required")
        assert finding.figures["cumulative_tpp"] == 253_000_000
        assert finding.rule == "§ 740.27(c)"

    def test_just_below_253m_needs_no_bis_submission(self) -> None:
        q = BIG * H100_TPP
        earlier = RULES.aia.bis_submission_from_tpp - q - 1
        decision = decide(
            [("H100", BIG)],
            party(country="DE"),
            standing=Standing(aia_certification=aia_cert(), aia_cumulative_tpp=earlier),
        )
        assert decision.outcome is Outcome.AUTHORIZED

    def test_above_253m_with_the_bis_submission_is_authorized(self) -> None:
        certification = aia_cert(submitted_to_bis_on=date(2026, 1, 10))
        decision = decide(
            [("H100", BIG)],
            party(country="DE"),
            standing=Standing(aia_certification=certification, aia_cumulative_tpp=300_000_000),
        )
        assert decision.authorizations == (Authorization.AIA,)

    def test_a_bis_submission_dated_after_the_order_does_not_count(self) -> None:
        certification = aia_cert(submitted_to_bis_on=date(2026, 6, 1))
        decision = decide(
            [("H100", BIG)],
            party(country="DE"),
            standing=Standing(aia_certification=certification, aia_cumulative_tpp=300_000_000),
        )
        assert decision.outcome is Outcome.HOLD

    def test_a_missing_aia_certification_is_information_only_when_lpp_authorizes(self) -> None:
        decision = decide(
            [("H100", 10)], party(country="DE"), standing=Standing(lpp_certification=lpp_cert())
        )
        assert decision.authorizations == (Authorization.LPP,)
        finding = decision.finding("aia_certification_missing")
        assert finding.severity == "info"


# -- UVEU ----------------------------------------------------------------------------------


def uveu(hq: str = "US", **fields: object) -> object:
    return party(
        "CLOUD", "US", hq_country=hq, role="cloud_provider", veu="uveu", veu_id="UVEU-7", **fields
    )


class TestUveu:
    FOOTPRINT: ClassVar[dict[str, float]] = {
        "US": 900_000_000.0,
        "DE": 50_000_000.0,
        "SG": 10_000_000.0,
    }

    def test_shipment_that_keeps_every_limit_is_authorized(self) -> None:
        decision = decide(
            [("H100", 1000)],
            uveu(),
            destination="SG",
            standing=Standing(veu_footprint=self.FOOTPRINT),
        )
        assert decision.authorizations == (Authorization.UVEU,)
        assert [(c.ledger, c.country) for c in decision.consumption] == [(Ledger.VEU, "SG")]

    def test_more_than_7_percent_in_one_tier2_country_is_refused(self) -> None:
        # 10,000,000 + 5,000 H100 (79,160,000) = 89.2 M of 1,039 M = 8.6 %
        decision = decide(
            [("H100", 5000)],
            uveu(),
            destination="SG",
            standing=Standing(veu_footprint=self.FOOTPRINT),
        )
        assert decision.outcome is Outcome.LICENSE_REQUIRED
        finding = decision.finding("uveu_allocation_exceeded")
        assert (finding.figures["limit"], finding.figures["country"]) == (
            "max_single_tier2_share",
            "SG",
        )
        assert finding.figures["share"] > 0.07

    def test_less_than_75_percent_in_tier1_is_refused(self) -> None:
        footprint = dict.fromkeys(["SG", "IN", "AE", "MY"], 60_000_000.0) | {"US": 700_000_000.0}
        decision = decide(
            [("H100", 100)], uveu(), destination="SA", standing=Standing(veu_footprint=footprint)
        )
        limits = {
            f.figures["limit"] for f in decision.findings if f.code == "uveu_allocation_exceeded"
        }
        assert "min_tier1_share" in limits

    def test_us_headquartered_uveu_keeps_half_in_the_us(self) -> None:
        footprint = {"US": 400_000_000.0, "DE": 500_000_000.0}
        decision = decide(
            [("H100", 100)], uveu(), destination="DE", standing=Standing(veu_footprint=footprint)
        )
        finding = decision.finding("uveu_allocation_exceeded")
        assert finding.figures["limit"] == "min_home_share"

    def test_a_uveu_headquartered_elsewhere_in_tier1_has_no_home_share_rule(self) -> None:
        footprint = {"US": 400_000_000.0, "DE": 500_000_000.0}
        decision = decide(
            [("H100", 100)],
            uveu(hq="GB"),
            destination="DE",
            standing=Standing(veu_footprint=footprint),
        )
        assert decision.authorizations == (Authorization.UVEU,)

    def test_uveu_headquartered_outside_tier1_cannot_use_it(self) -> None:
        decision = decide(
            [("H100", 5)],
            uveu(hq="SG"),
            destination="DE",
            standing=Standing(veu_footprint=self.FOOTPRINT),
        )
        assert Authorization.UVEU not in decision.authorizations


# -- NVEU ----------------------------------------------------------------------------------


def nveu(country: str = "AE") -> object:
    return party(
        "DC", country, role="datacenter_operator", veu="nveu", veu_country=country, veu_id="NVEU-3"
    )


class TestNveu:
    def test_within_the_quarter_cap_is_authorized(self) -> None:
        decision = decide([("H100", 1000)], nveu(), standing=Standing(veu_footprint={"AE": 1e9}))
        assert decision.authorizations == (Authorization.NVEU,)
        assert decision.finding("nveu_within_cap").figures["quarter"] == "2026 Q1"

    def test_reaching_the_cap_exactly_is_allowed(self) -> None:
        cap = RULES.nveu.cap_on(ON).cap_tpp
        decision = decide(
            [("H100", 1)], nveu(), standing=Standing(veu_footprint={"AE": cap - H100_TPP})
        )
        assert decision.authorizations == (Authorization.NVEU,)

    def test_passing_the_cap_is_refused_with_the_excess(self) -> None:
        cap = RULES.nveu.cap_on(ON).cap_tpp
        decision = decide(
            [("H100", 2)], nveu(), standing=Standing(veu_footprint={"AE": cap - H100_TPP})
        )
        finding = decision.finding("nveu_cap_exceeded")
        assert finding.figures["over_by_tpp"] == H100_TPP
        assert finding.figures["cap_tpp"] == 1_899_000_000
        # LPP would cover two GPUs once the year's certification is on file.
        assert decision.outcome is Outcome.HOLD
        assert "lpp_certification_missing" in blocking(decision)

    def test_the_cap_grows_with_the_quarter(self) -> None:
        footprint = {"AE": 1_899_000_000.0}
        q1 = decide(
            [("H100", 1)], nveu(), on=date(2026, 3, 31), standing=Standing(veu_footprint=footprint)
        )
        q2 = decide(
            [("H100", 1)], nveu(), on=date(2026, 4, 1), standing=Standing(veu_footprint=footprint)
        )
        assert "nveu_cap_exceeded" in q1.codes()
        assert q2.authorizations == (Authorization.NVEU,)

    def test_an_nveu_for_another_country_does_not_cover_the_destination(self) -> None:
        decision = decide([("H100", 1)], nveu("AE"), destination="SA")
        assert Authorization.NVEU not in decision.authorizations
        assert any(f.figures.get("authorization") == "NVEU" for f in decision.findings)


# -- LPP -----------------------------------------------------------------------------------


class TestLpp:
    def test_1699_h100_fit_the_limit(self) -> None:
        decision = decide([("H100", 1699)], standing=LPP_OK)
        assert decision.authorizations == (Authorization.LPP,)
        assert decision.a_level_tpp == 26_898_568
        assert [(c.ledger, c.year, c.tpp) for c in decision.consumption] == [
            (Ledger.LPP, 2026, 26_898_568)
        ]

    def test_1700_h100_pass_the_limit(self) -> None:
        decision = decide([("H100", 1700)], standing=LPP_OK)
        assert decision.outcome is Outcome.LICENSE_REQUIRED
        finding = decision.finding("lpp_limit_exceeded")
        assert finding.figures["total_tpp"] == 26_914_400
        assert finding.figures["over_by_tpp"] == 14_400
        assert "1 unit of NVIDIA H100 SXM" in finding.message

    def test_reaching_the_limit_exactly_is_allowed(self) -> None:
        prior = RULES.lpp.limit_tpp - H100_TPP
        decision = decide([("H100", 1)], standing=Standing(lpp_certification=lpp_cert(prior=prior)))
        assert decision.authorizations == (Authorization.LPP,)
        assert decision.finding("lpp_within_limit").figures["left_tpp"] == 0

    def test_prior_receipts_and_earlier_shipments_count(self) -> None:
        standing = Standing(lpp_certification=lpp_cert(prior=20_000_000), lpp_shipped_tpp=6_000_000)
        decision = decide([("H100", 100)], standing=standing)
        finding = decision.finding("lpp_limit_exceeded")
        assert finding.figures["prior_receipts_tpp"] == 20_000_000
        assert finding.figures["earlier_shipments_tpp"] == 6_000_000

    def test_distributors_cannot_use_lpp(self) -> None:
        decision = decide([("H100", 1)], party(role="distributor"), standing=LPP_OK)
        assert decision.outcome is Outcome.LICENSE_REQUIRED
        assert "lpp_not_for_distributors" in blocking(decision)

    def test_without_the_years_certification_the_order_is_held(self) -> None:
        decision = decide([("H100", 1)])
        assert decision.outcome is Outcome.HOLD
        assert blocking(decision) == ["lpp_certification_missing"]

    def test_last_years_certification_does_not_count(self) -> None:
        decision = decide([("H100", 1)], standing=Standing(lpp_certification=lpp_cert(2025)))
        assert decision.outcome is Outcome.HOLD

    def test_limit_and_missing_certification_together_need_a_licence(self) -> None:
        decision = decide([("H100", 1700)])
        assert decision.outcome is Outcome.LICENSE_REQUIRED

    def test_only_a_level_tpp_counts(self) -> None:
        decision = decide([("H100", 1699), ("B1", 500)], standing=LPP_OK)
        assert decision.authorizations == (Authorization.LPP,)
        assert decision.a_level_tpp == 26_898_568


# -- Licences and the country allocation -----------------------------------------------------


class TestLicence:
    def test_a_valid_licence_with_enough_tpp_authorizes_and_depletes(self) -> None:
        decision = decide(
            [("H100", 2000)], party(role="distributor"), standing=Standing(licenses=(licence(),))
        )
        assert decision.authorizations == (Authorization.LICENSE,)
        ledgers = {(c.ledger, c.license_number, c.country) for c in decision.consumption}
        assert ledgers == {
            (Ledger.LICENSE, "L-1", None),
            (Ledger.COUNTRY_ALLOCATION, None, "SG"),
        }

    def test_an_expired_licence_is_not_used(self) -> None:
        expired = licence(valid_to=date(2026, 3, 1))
        decision = decide(
            [("H100", 2000)], party(role="distributor"), standing=Standing(licenses=(expired,))
        )
        assert decision.outcome is Outcome.LICENSE_REQUIRED
        assert "L-1 is valid" in next(
            f.message for f in decision.findings if f.figures.get("authorization") == "LICENSE"
        )

    def test_a_licence_without_enough_tpp_left_is_not_used(self) -> None:
        short = licence(tpp=40_000_000, used_tpp=10_000_000)
        decision = decide(
            [("H100", 2000)], party(role="distributor"), standing=Standing(licenses=(short,))
        )
        assert decision.outcome is Outcome.LICENSE_REQUIRED

    def test_a_licence_for_another_destination_is_not_used(self) -> None:
        decision = decide(
            [("H100", 2000)],
            party(role="distributor"),
            standing=Standing(licenses=(licence(destination="MY"),)),
        )
        assert decision.outcome is Outcome.LICENSE_REQUIRED

    def test_licence_required_reports_the_country_allocation_left(self) -> None:
        setting = CountrySetting(country="SG", external_allocation_used_tpp=100_000_000)
        decision = decide([("H100", 2000)], party(role="distributor"), country=setting)
        finding = decision.finding("country_allocation_remaining")
        assert (finding.figures["limit_tpp"], finding.figures["left_tpp"]) == (
            790_000_000,
            690_000_000,
        )
        assert "country_allocation_exceeded" not in decision.codes()

    def test_an_order_beyond_the_allocation_left_is_flagged(self) -> None:
        setting = CountrySetting(country="SG", external_allocation_used_tpp=780_000_000)
        decision = decide([("H100", 2000)], party(role="distributor"), country=setting)
        assert decision.finding("country_allocation_exceeded").figures["left_tpp"] == 10_000_000

    def test_a_g2g_agreement_doubles_the_allocation(self) -> None:
        setting = CountrySetting(
            country="SG", g2g_agreement=True, our_allocation_used_tpp=780_000_000
        )
        decision = decide([("H100", 2000)], party(role="distributor"), country=setting)
        finding = decision.finding("country_allocation_remaining")
        assert finding.figures["limit_tpp"] == 1_580_000_000
        assert "country_allocation_exceeded" not in decision.codes()

    def test_tier1_destinations_have_no_allocation(self) -> None:
        decision = decide([("H100", 2000)], party(country="DE", role="distributor"))
        assert "country_allocation_remaining" not in decision.codes()


# -- Model weights, b-level, IaaS ------------------------------------------------------------


class TestModelWeights:
    def test_weights_to_a_tier3_nexus_are_prohibited(self) -> None:
        decision = decide([("W", 1)], party(country="DE", hq_country="CN"))
        assert decision.outcome is Outcome.PROHIBITED

    def test_weights_under_aia_need_the_storage_attestation(self) -> None:
        attested = aia_cert(weights_storage_attested=True)
        ok = decide(
            [("W", 1)],
            party(country="SG", hq_country="US"),
            standing=Standing(aia_certification=attested),
        )
        assert (ok.outcome, ok.authorizations) == (Outcome.AUTHORIZED, (Authorization.AIA,))
        missing = decide(
            [("W", 1)], party(country="DE"), standing=Standing(aia_certification=aia_cert())
        )
        assert missing.outcome is Outcome.HOLD
        assert blocking(missing) == ["weights_storage_attestation_missing"]

    def test_weights_without_any_certification_are_held(self) -> None:
        decision = decide([("W", 1)], party(country="DE"))
        assert decision.outcome is Outcome.HOLD
        assert (
            decision.finding("weights_storage_attestation_missing").figures["has_aia_certification"]
            is False
        )

    def test_weights_for_a_consignee_headquartered_outside_tier1_need_a_licence(self) -> None:
        decision = decide([("W", 1)], party(country="SG"))
        assert decision.outcome is Outcome.LICENSE_REQUIRED
        assert blocking(decision) == ["license_required"]

    def test_a_weights_licence_authorizes_them(self) -> None:
        decision = decide(
            [("W", 1)],
            party(country="SG"),
            standing=Standing(licenses=(licence(covers="model_weights", tpp=0),)),
        )
        assert decision.authorizations == (Authorization.LICENSE,)

    def test_published_weights_are_not_controlled(self) -> None:
        decision = decide([("W-OPEN", 1)], party(country="SG"))
        assert decision.outcome is Outcome.NO_LICENSE_REQUIRED


class TestBLevel:
    def test_b_level_without_nexus_needs_no_licence(self) -> None:
        decision = decide([("B1", 100)])
        assert decision.outcome is Outcome.NO_LICENSE_REQUIRED
        assert decision.lines[0].eccn == "3A090.b"
        assert "b_level_no_license_required" in decision.codes()

    def test_b_level_with_a_tier3_nexus_needs_a_licence_and_mentions_nac(self) -> None:
        decision = decide([("B1", 100)], party(country="CN"))
        assert decision.outcome is Outcome.LICENSE_REQUIRED
        finding = decision.finding("tier3_nexus_b_level")
        assert "NAC" in finding.message
        assert "tier3_destination" not in decision.codes()


class TestIaasTraining:
    def test_large_training_for_a_non_tier1_customer_is_held_under_red_flag_28(self) -> None:
        decision = decide([("TRAIN", 1)], party(country="SG"))
        assert decision.outcome is Outcome.HOLD
        assert blocking(decision) == ["red_flag_28"]

    def test_a_tier1_customer_with_a_non_tier1_parent_is_held_too(self) -> None:
        consignee = party(country="DE", parent_name="P", parent_hq_country="IN")
        assert decide([("TRAIN", 1)], consignee).outcome is Outcome.HOLD

    def test_a_recorded_resolution_releases_the_hold(self) -> None:
        resolution = RedFlagResolution(
            resolved_on=date(2026, 3, 1), resolved_by="A. Officer", note="End use verified on site"
        )
        decision = decide([("TRAIN", 1)], party(country="SG"), resolution=resolution)
        assert decision.outcome is Outcome.NO_LICENSE_REQUIRED
        assert "red_flag_28_resolved" in decision.codes()

    def test_training_for_a_tier1_customer_is_not_held(self) -> None:
        assert decide([("TRAIN", 1)], party(country="DE")).outcome is Outcome.NO_LICENSE_REQUIRED

    def test_small_training_runs_do_not_raise_the_flag(self) -> None:
        assert decide([("TRAIN-S", 1)], party(country="SG")).outcome is Outcome.NO_LICENSE_REQUIRED


# -- Outcome ordering and the decision as a whole --------------------------------------------


class TestOutcomeOrdering:
    def test_prohibited_beats_hold(self) -> None:
        decision = decide([("H100", 1), ("TRAIN", 1)], party(country="SG", hq_country="CN"))
        assert decision.outcome is Outcome.PROHIBITED

    def test_hold_beats_licence_required(self) -> None:
        decision = decide([("H100", 2000), ("TRAIN", 1)], party(role="distributor"))
        parts = {part.part: part.outcome for part in decision.parts}
        assert parts[Part.A_LEVEL] is Outcome.LICENSE_REQUIRED
        assert decision.outcome is Outcome.HOLD

    def test_licence_required_beats_authorized(self) -> None:
        decision = decide([("H100", 1), ("W", 1)], party(country="SG"), standing=LPP_OK)
        assert decision.outcome is Outcome.LICENSE_REQUIRED

    def test_authorized_beats_no_licence_required(self) -> None:
        decision = decide([("H100", 1), ("CABLE", 10), ("B1", 1)], standing=LPP_OK)
        assert decision.outcome is Outcome.AUTHORIZED

    def test_an_order_of_uncontrolled_items_needs_no_licence(self) -> None:
        decision = decide([("H20", 100), ("CABLE", 10)], party(country="CN"))
        assert decision.outcome is Outcome.NO_LICENSE_REQUIRED
        assert decision.consumption == ()

    def test_nothing_is_consumed_when_another_part_holds_the_order(self) -> None:
        decision = decide([("H100", 1), ("TRAIN", 1)], standing=LPP_OK)
        assert decision.outcome is Outcome.HOLD
        assert decision.consumption == ()

    def test_outcome_ranks_run_from_no_licence_to_prohibited(self) -> None:
        order = [Outcome.NO_LICENSE_REQUIRED, Outcome.AUTHORIZED, Outcome.LICENSE_REQUIRED,
                 Outcome.HOLD, Outcome.PROHIBITED]  # fmt: skip
        assert sorted(order, key=lambda o: o.rank) == order


class TestDecisionRecord:
    def test_destination_defaults_to_the_consignee_location(self) -> None:
        decision = decide([("H100", 1)], party(country="MY"), standing=LPP_OK)
        assert decision.destination == "MY"

    def test_a_server_counts_its_ics(self) -> None:
        decision = decide([("HGX8", 10)], standing=LPP_OK)
        assert decision.lines[0].eccn == "4A090.a"
        assert decision.a_level_tpp == 10 * 8 * H100_TPP

    def test_every_finding_carries_a_rule_reference_and_a_message(self) -> None:
        decision = decide([("H100", 1700), ("B1", 1), ("TRAIN", 1)], party(role="distributor"))
        for finding in decision.findings:
            assert finding.rule
            assert finding.message.endswith((".", ")")) or finding.message

    def test_the_ruleset_version_is_recorded(self) -> None:
        decision = decide(
            [("H100", 1)], on=date(2025, 6, 1), standing=Standing(lpp_certification=lpp_cert(2025))
        )
        assert decision.ruleset == "aidf-2025-01-13"


class TestBadInput:
    def test_an_unknown_product_names_the_line(self) -> None:
        with pytest.raises(DomainError, match="line 1: unknown product 'NOPE'"):
            decide([("NOPE", 1)])

    def test_a_product_missing_a_deciding_die_area_names_the_line_and_product(self) -> None:
        products = dict(PRODUCTS)
        products["X"] = Product(ref="X", name="Unknown die", kind="ic", tpp=3000)
        with pytest.raises(ClassificationInputError, match="line 1, product X: die area"):
            decide([("X", 1)], products=products)

    def test_a_ruleset_that_starts_after_the_order_is_refused(self) -> None:
        from domain.model import EvaluationContext, Order, OrderLine
        from domain.rules.engine import evaluate

        order = Order(ref="O", date=date(2025, 6, 1), consignee_ref="C1",
                      lines=(OrderLine(product_ref="H100", quantity=1),))  # fmt: skip
        context = EvaluationContext(consignee=party(), products=PRODUCTS)
        with pytest.raises(DomainError, match="before ruleset"):
            evaluate(order, context, CATALOG.by_id("aidf-2026-02-03"))
