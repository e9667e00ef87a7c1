"""Classification (rules.md section 1): reference chips and every threshold boundary."""

from __future__ import annotations

from datetime import date

import pytest

from domain.classification import (
    ItemFigures,
    Level,
    classify_item,
    classify_weights,
    parse_rate,
    tpp_from_rates,
)
from domain.errors import ClassificationInputError
from domain.ruleset import Ic3A090, ModelWeights, load_shipped_rulesets

RULESET = load_shipped_rulesets().in_effect_on(date(2026, 3, 1))
T: Ic3A090 = RULESET.ic_3a090
W: ModelWeights = RULESET.model_weights


def classify(
    tpp: float, area: float | None = None, datacenter: bool = True, ics: int = 1
) -> tuple[str | None, str | None]:
    result = classify_item(
        ItemFigures(tpp=tpp, die_area_mm2=area, datacenter=datacenter, ics_per_unit=ics), T
    )
    return result.eccn, result.paragraph


@pytest.mark.parametrize(
    ("chip", "tpp", "area", "datacenter", "pd", "eccn"),
    [
        ("H100 SXM", 15_832, 814, True, 19.45, "3A090.a"),
        ("H100 PCIe", 12_104, 814, True, 14.87, "3A090.a"),
        ("A100 SXM", 4_992, 826, True, 6.04, "3A090.a"),
        ("L40S", 5_864, 608.44, True, 9.64, "3A090.a"),
        ("H20", 2_368, 814, True, 2.91, None),
        ("RTX 4090", 5_286, 608.44, False, 8.69, "3A090.a"),
        ("B200", 36_000, None, True, None, "3A090.a"),
    ],
)
def test_reference_chips_classify_as_the_rules_table_says(
    chip: str, tpp: float, area: float | None, datacenter: bool, pd: float | None, eccn: str | None
) -> None:
    result = classify_item(ItemFigures(tpp=tpp, die_area_mm2=area, datacenter=datacenter), T)
    assert result.eccn == eccn, chip
    if pd is None:
        assert result.performance_density is None
    else:
        assert result.performance_density is not None
        assert round(result.performance_density, 2) == pd


def test_h100_tpp_is_the_largest_dense_rate_times_bit_length() -> None:
    rates = [parse_rate("1979:8"), parse_rate("989.5:16"), parse_rate("67:64")]
    assert tpp_from_rates(rates) == 15_832


def test_sparse_figures_are_halved_before_they_count() -> None:
    assert parse_rate("3958:8:sparse").tpp == 15_832
    assert tpp_from_rates([parse_rate("3958:8:sparse"), parse_rate("1000:8")]) == 15_832


@pytest.mark.parametrize("text", ["abc", "1979", "1979:", ":8", "1979:0", "-5:8", "1979:8:dense:x"])
def test_malformed_rates_are_rejected_with_the_expected_form(text: str) -> None:
    with pytest.raises(ClassificationInputError, match=r"TOPS:BITS|bit length"):
        parse_rate(text)


def test_no_rates_is_an_error() -> None:
    with pytest.raises(ClassificationInputError):
        tpp_from_rates([])


class TestA1:
    def test_at_4800_is_a1_without_a_die_area(self) -> None:
        assert classify(4800) == ("3A090.a", "3A090.a.1")

    def test_just_below_4800_with_low_density_is_b1(self) -> None:
        assert classify(4799.99, area=4799.99 / 2) == ("3A090.b", "3A090.b.1")

    def test_just_above_4800_is_a1(self) -> None:
        assert classify(4800.01) == ("3A090.a", "3A090.a.1")


class TestA2:
    def test_tpp_1600_at_pd_5_92_is_a2(self) -> None:
        assert classify(1600, area=1600 / 5.92) == ("3A090.a", "3A090.a.2")

    def test_pd_exactly_5_92_is_a2(self) -> None:
        assert classify(5920 / 2, area=500) == ("3A090.a", "3A090.a.2")

    def test_pd_just_below_5_92_falls_to_b(self) -> None:
        assert classify(2960, area=2960 / 5.919) == ("3A090.b", "3A090.b.1")

    def test_tpp_just_below_1600_is_not_controlled_whatever_the_density(self) -> None:
        assert classify(1599.99, area=1) == (None, None)

    def test_tpp_just_above_1600_with_high_density_is_a2(self) -> None:
        assert classify(1600.01, area=100) == ("3A090.a", "3A090.a.2")


class TestB1:
    def test_tpp_2400_pd_1_6_is_b1(self) -> None:
        assert classify(2400, area=1500) == ("3A090.b", "3A090.b.1")

    def test_tpp_just_below_2400_with_pd_below_3_2_is_not_controlled(self) -> None:
        assert classify(2399.99, area=1500) == (None, None)

    def test_pd_just_below_1_6_is_not_controlled(self) -> None:
        assert classify(2400, area=2400 / 1.599) == (None, None)

    def test_pd_just_above_1_6_is_b1(self) -> None:
        assert classify(3000, area=3000 / 1.601) == ("3A090.b", "3A090.b.1")


class TestB2:
    def test_tpp_1600_pd_3_2_is_b2(self) -> None:
        assert classify(1600, area=500) == ("3A090.b", "3A090.b.2")

    def test_pd_just_below_3_2_under_2400_is_not_controlled(self) -> None:
        assert classify(1600, area=1600 / 3.199) == (None, None)

    def test_pd_just_above_3_2_is_b2(self) -> None:
        assert classify(2000, area=2000 / 3.201) == ("3A090.b", "3A090.b.2")

    def test_tpp_just_above_1600_with_pd_4_is_b2(self) -> None:
        assert classify(1600.01, area=1600.01 / 4) == ("3A090.b", "3A090.b.2")


class TestDieArea:
    def test_missing_die_area_is_an_error_only_where_it_decides(self) -> None:
        with pytest.raises(ClassificationInputError, match="die area"):
            classify(3000)
        with pytest.raises(ClassificationInputError, match="die area"):
            classify(1600)

    def test_missing_die_area_is_fine_below_1600_and_from_4800(self) -> None:
        assert classify(1599) == (None, None)
        assert classify(4800) == ("3A090.a", "3A090.a.1")

    def test_missing_die_area_is_fine_for_non_datacenter_ics(self) -> None:
        assert classify(3000, datacenter=False) == (None, None)


class TestNonDatacenter:
    def test_gaming_card_at_4800_is_a1(self) -> None:
        assert classify(4800, datacenter=False) == ("3A090.a", "3A090.a.1")

    def test_gaming_card_just_below_4800_is_not_controlled_even_at_high_density(self) -> None:
        assert classify(4799, area=100, datacenter=False) == (None, None)

    def test_gaming_card_density_prongs_and_b_do_not_apply(self) -> None:
        assert classify(3000, area=1000, datacenter=False) == (None, None)


class TestSystems:
    def test_eight_h100_server_is_4a090a_with_summed_tpp(self) -> None:
        result = classify_item(ItemFigures(tpp=15_832, die_area_mm2=814, ics_per_unit=8), T)
        assert (result.eccn, result.paragraph, result.ic_paragraph) == (
            "4A090.a",
            "4A090.a",
            "3A090.a.1",
        )
        assert result.unit_tpp == 126_656
        assert result.level is Level.A

    def test_system_of_b_level_ics_is_4a090b(self) -> None:
        assert classify(2400, area=1500, ics=4) == ("4A090.b", "4A090.b")

    def test_system_of_uncontrolled_ics_is_not_controlled(self) -> None:
        assert classify(1000, ics=8) == (None, None)

    def test_a_single_ic_board_marked_as_system_is_4a090(self) -> None:
        result = classify_item(ItemFigures(tpp=15_832, system=True), T)
        assert result.eccn == "4A090.a"


class TestModelWeights:
    def test_weights_trained_with_1e26_operations_are_4e091(self) -> None:
        assert classify_weights(1e26, False, W).eccn == "4E091"

    def test_weights_just_below_1e26_are_not_controlled(self) -> None:
        assert classify_weights(9.99e25, False, W).eccn is None

    def test_weights_above_1e26_are_4e091(self) -> None:
        assert classify_weights(3e26, False, W).eccn == "4E091"

    def test_published_weights_are_not_controlled(self) -> None:
        assert classify_weights(5e26, True, W).eccn is None

    def test_weights_without_training_figure_cannot_be_classified(self) -> None:
        with pytest.raises(ClassificationInputError, match="training operations"):
            classify_weights(None, False, W)
