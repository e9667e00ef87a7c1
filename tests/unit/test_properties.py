"""Property tests for the rules: monotonicity, limits no order sequence can pass, round trips.

Every number a property checks comes from the shipped ruleset data (``load_shipped_rulesets``),
never from a literal, so the properties keep holding, or fail loudly, when a version changes.
Figures in the sample products (an H100's TPP and die area, ...) are datasheet values, not rules.
TPP figures are whole numbers well below 2**53, so float sums are exact and the properties can
compare the engine's arithmetic with their own without tolerances.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Literal

from hypothesis import event, given, settings
from hypothesis import strategies as st

from domain.classification import (
    Classification,
    ItemFigures,
    Level,
    classify_item,
    classify_weights,
)
from domain.countries import Country, all_countries, resolve_country
from domain.decision import Authorization, Decision, Ledger, Outcome, Part
from domain.ledger import LedgerBook
from domain.model import (
    AiaCertification,
    CountrySetting,
    EvaluationContext,
    License,
    LicenseCovers,
    LppCertification,
    Order,
    OrderLine,
    Party,
    Product,
    ProductKind,
    RedFlagResolution,
    Role,
    Standing,
    VeuStatus,
)
from domain.numbers import ZERO, exact
from domain.rules.engine import evaluate
from domain.ruleset import Ic3A090, Ruleset, load_shipped_rulesets

CATALOG = load_shipped_rulesets()
VERSIONS: tuple[Ruleset, ...] = CATALOG.versions
FIRST_DAY = VERSIONS[0].effective_from
LAST_DAY = date(2027, 12, 31)

# Kept moderate so the whole file runs in well under a minute on two cores.
QUICK = settings(max_examples=150, deadline=None)
SEQUENCES = settings(max_examples=80, deadline=None)

LEVEL_RANK = {Level.NONE: 0, Level.B: 1, Level.A: 2}


def _tiered(tier: int) -> tuple[str, ...]:
    """Countries with this tier in every shipped version (Cambodia moves, so it is in none)."""
    return tuple(
        sorted(
            country.alpha2
            for country in all_countries()
            if all(version.tier_of(country.alpha2) == tier for version in VERSIONS)
        )
    )


TIER1 = _tiered(1)
TIER2 = _tiered(2)
NOT_TIER3 = TIER1 + TIER2

# -- sample products (datasheet figures) ---------------------------------------------------

H100 = Product(
    ref="H100", name="NVIDIA H100 SXM", kind=ProductKind.IC, tpp=15_832, die_area_mm2=814
)
HGX = Product(
    ref="HGX-H100",
    name="8-GPU H100 server",
    kind=ProductKind.SYSTEM,
    tpp=15_832,
    die_area_mm2=814,
    ics_per_unit=8,
)
B_LEVEL_IC = Product(
    ref="MID", name="Mid-range accelerator", kind=ProductKind.IC, tpp=4_000, die_area_mm2=814
)
B_LEVEL_SYSTEM = Product(
    ref="MID-4",
    name="4-accelerator board",
    kind=ProductKind.SYSTEM,
    tpp=4_000,
    die_area_mm2=814,
    ics_per_unit=4,
)
H20 = Product(ref="H20", name="NVIDIA H20", kind=ProductKind.IC, tpp=2_368, die_area_mm2=814)
WEIGHTS = Product(
    ref="W", name="Frontier model weights", kind=ProductKind.MODEL_WEIGHTS, training_operations=3e26
)
OPEN_WEIGHTS = Product(
    ref="W-OPEN",
    name="Open model weights",
    kind=ProductKind.MODEL_WEIGHTS,
    training_operations=3e26,
    published=True,
)
TRAINING = Product(
    ref="TRAIN", name="IaaS training run", kind=ProductKind.IAAS_TRAINING, training_operations=2e26
)
CABLE = Product(ref="CABLE", name="Network cable", kind=ProductKind.OTHER)

A_LEVEL_PRODUCTS = (H100, HGX)
ALL_PRODUCTS = (H100, HGX, B_LEVEL_IC, B_LEVEL_SYSTEM, H20, WEIGHTS, OPEN_WEIGHTS, TRAINING, CABLE)
CATALOG_OF_PRODUCTS: dict[str, Product] = {product.ref: product for product in ALL_PRODUCTS}


def _level(product: Product, ruleset: Ruleset) -> Level:
    assert product.tpp is not None
    figures = ItemFigures(
        tpp=product.tpp,
        die_area_mm2=product.die_area_mm2,
        datacenter=product.datacenter,
        ics_per_unit=product.ics_per_unit,
        system=product.kind is ProductKind.SYSTEM,
    )
    return classify_item(figures, ruleset.ic_3a090).level


def _unit_tpp(product: Product) -> int:
    assert product.tpp is not None
    return int(product.tpp) * product.ics_per_unit


def test_the_sample_products_cover_every_part_of_an_order() -> None:
    # The properties below are only as good as their inputs: make sure the mix really holds
    # a-level, b-level and uncontrolled hardware, controlled weights and large training runs.
    for ruleset in VERSIONS:
        assert [_level(product, ruleset) for product in A_LEVEL_PRODUCTS] == [Level.A, Level.A]
        assert _level(B_LEVEL_IC, ruleset) is Level.B
        assert _level(B_LEVEL_SYSTEM, ruleset) is Level.B
        assert _level(H20, ruleset) is Level.NONE
        weights = ruleset.model_weights
        assert classify_weights(WEIGHTS.training_operations, False, weights).eccn == "4E091"
        assert classify_weights(OPEN_WEIGHTS.training_operations, True, weights).eccn is None
        assert TRAINING.training_operations is not None
        assert TRAINING.training_operations >= ruleset.red_flag_28.min_training_operations


# -- classification monotonicity -----------------------------------------------------------


def _boundary_tpps(t: Ic3A090) -> list[float]:
    return sorted(
        {
            t.a1_min_tpp,
            t.a2_min_tpp,
            t.b1_min_tpp,
            t.b1_below_tpp,
            t.b2_min_tpp,
            t.non_datacenter_a_min_tpp,
        }
    )


def _boundary_pds(t: Ic3A090) -> list[float]:
    return sorted({t.a2_min_pd, t.b1_min_pd, t.b1_below_pd, t.b2_min_pd, t.b2_below_pd})


_BOUNDARY_TPPS = sorted({tpp for version in VERSIONS for tpp in _boundary_tpps(version.ic_3a090)})
_BOUNDARY_PDS = sorted({pd for version in VERSIONS for pd in _boundary_pds(version.ic_3a090)})

# Drawn by id, so that a failing example prints one short line rather than a whole ruleset.
ruleset_ids = st.sampled_from([version.id for version in VERSIONS])
# Anywhere on the scale, and often right at a threshold or just beside it.
tpps = st.one_of(
    st.floats(min_value=0, max_value=60_000, allow_nan=False),
    st.sampled_from(_BOUNDARY_TPPS),
    st.sampled_from(_BOUNDARY_TPPS).flatmap(
        lambda edge: st.floats(min_value=edge - 1, max_value=edge + 1)
    ),
    st.sampled_from(_BOUNDARY_TPPS).flatmap(
        lambda edge: st.floats(min_value=edge - 200, max_value=edge + 200)
    ),
)
die_areas = st.floats(min_value=20, max_value=2_000, allow_nan=False)
ics_counts = st.integers(min_value=1, max_value=16)


def _classify(
    version: str, tpp: float, area: float, *, datacenter: bool, ics: int
) -> Classification:
    figures = ItemFigures(tpp=tpp, die_area_mm2=area, datacenter=datacenter, ics_per_unit=ics)
    return classify_item(figures, CATALOG.by_id(version).ic_3a090)


@QUICK
@given(
    version=ruleset_ids,
    tpp_pair=st.tuples(tpps, tpps).map(sorted),
    area=die_areas,
    datacenter=st.booleans(),
    ics=ics_counts,
)
def test_more_tpp_on_the_same_die_never_loosens_the_classification(
    version: str, tpp_pair: list[float], area: float, datacenter: bool, ics: int
) -> None:
    # Same die, more TPP: the density rises too, which is what a faster chip really means.
    less, more = tpp_pair
    lower = _classify(version, less, area, datacenter=datacenter, ics=ics)
    higher = _classify(version, more, area, datacenter=datacenter, ics=ics)
    assert LEVEL_RANK[higher.level] >= LEVEL_RANK[lower.level], (lower.reason, higher.reason)


# Does a higher density alone (same TPP, smaller die) ever loosen the classification?
# Per rules.md 1.2, for a fixed TPP:
#   TPP ≥ 4800: .a.1 whatever the density.
#   2400 ≤ TPP < 4800: none below PD 1.6, .b (.b.1, and .b.2 from 3.2) up to 5.92, .a.2 from 5.92.
#   1600 ≤ TPP < 2400: none below PD 3.2, .b.2 up to 5.92, .a.2 from 5.92.
#   TPP < 1600: none whatever the density.
# The upper TPP bound of .b.1 (4800) never bites, because .a.1 takes over exactly there, and
# the upper PD bound of both .b prongs is exactly where .a.2 starts; so leaving a .b band upward
# always lands in .a. The property therefore holds for the published thresholds, but only
# because they line up; the next test pins that alignment in every shipped version.
@QUICK
@given(
    version=ruleset_ids,
    tpp=tpps,
    areas=st.tuples(die_areas, die_areas).map(sorted),
    datacenter=st.booleans(),
    ics=ics_counts,
)
def test_a_higher_performance_density_alone_never_loosens_the_classification(
    version: str, tpp: float, areas: list[float], datacenter: bool, ics: int
) -> None:
    smaller_die, larger_die = areas
    sparse = _classify(version, tpp, larger_die, datacenter=datacenter, ics=ics)
    dense = _classify(version, tpp, smaller_die, datacenter=datacenter, ics=ics)
    assert LEVEL_RANK[dense.level] >= LEVEL_RANK[sparse.level], (sparse.reason, dense.reason)


@QUICK
@given(
    version=ruleset_ids,
    tpp_pair=st.tuples(tpps, tpps).map(sorted).filter(lambda pair: pair[0] >= 1),
    pd=st.one_of(
        st.sampled_from(_BOUNDARY_PDS), st.floats(min_value=0.5, max_value=30, allow_nan=False)
    ),
    step=st.floats(min_value=0, max_value=5, allow_nan=False),
)
def test_neither_more_tpp_nor_more_density_loosens_the_classification_near_the_density_edges(
    version: str, tpp_pair: list[float], pd: float, step: float
) -> None:
    # The same two properties aimed at the PD edges (1.6, 3.2, 5.92), which random die areas
    # seldom hit: the die area is chosen so that the lower TPP sits at density ``pd``.
    less, more = tpp_pair
    area = float(less) / pd
    base = _classify(version, less, area, datacenter=True, ics=1)
    faster = _classify(version, more, area, datacenter=True, ics=1)
    denser = _classify(version, less, float(less) / (pd + step), datacenter=True, ics=1)
    assert LEVEL_RANK[faster.level] >= LEVEL_RANK[base.level], (base.reason, faster.reason)
    assert LEVEL_RANK[denser.level] >= LEVEL_RANK[base.level], (base.reason, denser.reason)


def test_every_shipped_version_has_thresholds_that_line_up_so_more_never_loosens() -> None:
    for version in VERSIONS:
        t = version.ic_3a090
        # Above .b.1's TPP band, .a.1 must already apply (else more TPP could drop .b.1 → none).
        assert t.b1_below_tpp >= t.a1_min_tpp, version.id
        # Above either .b density band, .a.2 must already apply.
        assert t.b1_below_pd >= t.a2_min_pd, version.id
        assert t.b2_below_pd >= t.a2_min_pd, version.id
        # .a.2 must cover every TPP at which a .b prong can hold.
        assert t.a2_min_tpp <= min(t.b1_min_tpp, t.b2_min_tpp), version.id
        # A non-datacenter IC is never held to a lower bar than a datacenter one.
        assert t.non_datacenter_a_min_tpp >= t.a1_min_tpp, version.id


@QUICK
@given(version=ruleset_ids, tpp=tpps, area=die_areas, ics=ics_counts)
def test_the_non_datacenter_flag_never_makes_an_item_more_controlled(
    version: str, tpp: float, area: float, ics: int
) -> None:
    datacenter = _classify(version, tpp, area, datacenter=True, ics=ics)
    gaming = _classify(version, tpp, area, datacenter=False, ics=ics)
    assert LEVEL_RANK[gaming.level] <= LEVEL_RANK[datacenter.level], (
        datacenter.reason,
        gaming.reason,
    )


# -- helpers for order sequences -----------------------------------------------------------

Lines = list[list[tuple[Product, int]]]
"""The lines of each order in a sequence: (product, quantity) pairs."""


def _order(
    ref: str,
    day: date,
    consignee: Party,
    lines: Sequence[tuple[Product, int]],
    *,
    destination: str | None = None,
) -> Order:
    return Order(
        ref=ref,
        date=day,
        consignee_ref=consignee.ref,
        destination=destination,
        lines=tuple(OrderLine(product_ref=product.ref, quantity=qty) for product, qty in lines),
    )


def _decide(
    order: Order,
    consignee: Party,
    book: LedgerBook,
    *,
    base: Standing | None = None,
    external_footprint: Mapping[str, float] | None = None,
) -> tuple[Decision, Ruleset]:
    ruleset = CATALOG.in_effect_on(order.date)
    standing = book.standing(
        consignee.ref, order.date, base=base, external_footprint=external_footprint
    )
    context = EvaluationContext(
        consignee=consignee, products=CATALOG_OF_PRODUCTS, standing=standing
    )
    return evaluate(order, context, ruleset), ruleset


def _order_tpp(lines: Sequence[tuple[Product, int]]) -> int:
    return sum(_unit_tpp(product) * qty for product, qty in lines)


a_level_lines = st.lists(
    st.tuples(st.sampled_from(A_LEVEL_PRODUCTS), st.integers(min_value=1, max_value=400)),
    min_size=1,
    max_size=3,
)


@st.composite
def dates_in_a_year(draw: st.DrawFn, count: int) -> tuple[int, list[date]]:
    year = draw(st.integers(min_value=FIRST_DAY.year, max_value=LAST_DAY.year))
    first = max(date(year, 1, 1), FIRST_DAY)
    days = draw(
        st.lists(
            st.dates(min_value=first, max_value=date(year, 12, 31)), min_size=count, max_size=count
        )
    )
    return year, sorted(days)


# -- LPP -------------------------------------------------------------------------------------

LPP_ELIGIBLE_ROLES = [
    role for role in Role if all(role.value not in v.lpp.excluded_roles for v in VERSIONS)
]
assert len({version.lpp.limit_tpp for version in VERSIONS}) == 1, "one LPP limit assumed below"


@st.composite
def lpp_histories(
    draw: st.DrawFn,
) -> tuple[Party, LppCertification, list[Order], Lines]:
    country = draw(st.sampled_from(TIER2))
    consignee = Party(
        ref="C-LPP",
        name="Tier 2 consignee",
        country=country,
        hq_country=draw(st.sampled_from((country, *TIER1, *TIER2))),
        role=draw(st.sampled_from(LPP_ELIGIBLE_ROLES)),
    )
    limit = int(VERSIONS[0].lpp.limit_tpp)
    # Random receipts, and often receipts that leave room for a whole number of H100s exactly.
    prior = draw(
        st.one_of(
            st.integers(min_value=0, max_value=limit),
            st.integers(min_value=0, max_value=limit // _unit_tpp(H100)).map(
                lambda count: limit - count * _unit_tpp(H100)
            ),
            st.just(0),
        )
    )
    count = draw(st.integers(min_value=1, max_value=8))
    year, days = draw(dates_in_a_year(count))
    all_lines = [draw(a_level_lines) for _ in days]
    if draw(st.booleans()):
        # The first order fills the room left exactly: reaching the limit is allowed.
        h100s = draw(st.integers(min_value=1, max_value=limit // _unit_tpp(H100)))
        prior = limit - h100s * _unit_tpp(H100)
        all_lines[0] = [(H100, h100s)]
    certification = LppCertification(
        party_ref=consignee.ref,
        year=year,
        signed_on=date(year, 1, 1),
        prior_receipts_tpp=prior,
    )
    orders = [
        _order(f"SO-{index}", day, consignee, lines)
        for index, (day, lines) in enumerate(zip(days, all_lines, strict=True))
    ]
    return consignee, certification, orders, all_lines


@SEQUENCES
@given(history=lpp_histories())
def test_no_sequence_of_authorized_orders_passes_the_lpp_limit(
    history: tuple[Party, LppCertification, list[Order], Lines],
) -> None:
    consignee, certification, orders, all_lines = history
    book = LedgerBook()
    base = Standing(lpp_certification=certification)
    prior = certification.prior_receipts_tpp
    for order, lines in zip(orders, all_lines, strict=True):
        recorded_before = book.lpp.get((consignee.ref, certification.year), ZERO)
        decision, ruleset = _decide(order, consignee, book, base=base)
        limit = ruleset.lpp.limit_tpp
        q = _order_tpp(lines)
        lpp_used = [item for item in decision.consumption if item.ledger is Ledger.LPP]
        if prior + recorded_before + q > limit:
            event("LPP: an order that would pass the limit")
            assert Authorization.LPP not in decision.authorizations, decision.findings
            assert lpp_used == []
            assert "lpp_limit_exceeded" in decision.codes()
        else:
            event("LPP: an order within the limit")
            if prior + recorded_before + q == limit:
                event("LPP: an order reaching the limit exactly")
            # Nothing else can authorize a Tier 2 order to a non-VEU: LPP must take it.
            assert decision.authorizations == (Authorization.LPP,), decision.findings
            assert [item.tpp for item in lpp_used] == [q]
        book = book.record(decision.consumption)
        recorded = book.lpp.get((consignee.ref, certification.year), ZERO)
        assert prior + recorded <= limit


@SEQUENCES
@given(history=lpp_histories())
def test_a_distributor_never_receives_anything_under_lpp(
    history: tuple[Party, LppCertification, list[Order], Lines],
) -> None:
    consignee, certification, orders, _ = history
    distributor = consignee.model_copy(update={"role": Role.DISTRIBUTOR})
    base = Standing(lpp_certification=certification)
    book = LedgerBook()
    for order in orders:
        decision, _ = _decide(order, distributor, book, base=base)
        assert Authorization.LPP not in decision.authorizations
        assert "lpp_not_for_distributors" in decision.codes()
        book = book.record(decision.consumption)
    assert book.lpp == {}


# -- NVEU ------------------------------------------------------------------------------------


@st.composite
def dates_over_quarters(draw: st.DrawFn, count: int) -> list[date]:
    start = draw(st.dates(min_value=FIRST_DAY, max_value=date(2027, 3, 31)))
    steps = draw(
        st.lists(st.integers(min_value=0, max_value=120), min_size=count - 1, max_size=count - 1)
    )
    days = [start]
    for step in steps:
        days.append(min(days[-1] + timedelta(days=step), LAST_DAY))
    return days


@st.composite
def nveu_histories(
    draw: st.DrawFn,
) -> tuple[Party, dict[str, float], list[Order], Lines]:
    country = draw(st.sampled_from(TIER2))
    consignee = Party(
        ref="C-NVEU",
        name="National VEU data centre",
        country=country,
        hq_country=draw(st.sampled_from((country, *TIER1, *TIER2))),
        role=Role.DATACENTER_OPERATOR,
        veu=VeuStatus.NVEU,
        veu_country=country,
        veu_id="NVEU-1",
    )
    count = draw(st.integers(min_value=1, max_value=10))
    days = draw(dates_over_quarters(count))
    # The installed base from other sources: anywhere up to past the first order's cap, and
    # often a whole number of servers below it, so that orders reach and pass the cap.
    first_cap = int(CATALOG.in_effect_on(days[0]).nveu.cap_on(days[0]).cap_tpp)
    unit = _unit_tpp(HGX)
    installed = draw(
        st.one_of(
            st.integers(min_value=0, max_value=first_cap + 10**9),
            st.integers(min_value=0, max_value=first_cap // unit).map(
                lambda servers: first_cap - servers * unit
            ),
            st.floats(min_value=0, max_value=1.1).map(lambda share: int(first_cap * share)),
            st.just(0),
        )
    )
    footprint: dict[str, float] = {country: float(installed)}
    elsewhere = draw(st.sampled_from(TIER1))
    footprint[elsewhere] = float(draw(st.integers(min_value=0, max_value=10**9)))
    all_lines = [
        draw(
            st.lists(
                st.one_of(
                    st.tuples(
                        st.just(HGX),
                        st.integers(min_value=1, max_value=20_000)
                        | st.integers(min_value=4_000, max_value=20_000),
                    ),
                    st.tuples(st.just(H100), st.integers(min_value=1, max_value=20_000)),
                ),
                min_size=1,
                max_size=2,
            )
        )
        for _ in days
    ]
    orders = [
        _order(f"SO-{index}", day, consignee, lines)
        for index, (day, lines) in enumerate(zip(days, all_lines, strict=True))
    ]
    return consignee, footprint, orders, all_lines


@SEQUENCES
@given(history=nveu_histories())
def test_no_sequence_of_authorized_orders_passes_the_nveu_cap_of_its_quarter(
    history: tuple[Party, dict[str, float], list[Order], Lines],
) -> None:
    consignee, external, orders, all_lines = history
    external = {country: exact(tpp) for country, tpp in external.items()}
    country = consignee.veu_country
    assert country is not None
    book = LedgerBook()
    for order, lines in zip(orders, all_lines, strict=True):
        installed_before = external[country] + book.veu.get((consignee.ref, country), ZERO)
        decision, ruleset = _decide(order, consignee, book, external_footprint=external)
        cap = ruleset.nveu.cap_on(order.date).cap_tpp
        q = _order_tpp(lines)
        if installed_before + q > cap:
            event("NVEU: an order that would pass the cap")
            assert Authorization.NVEU not in decision.authorizations, decision.findings
            assert "nveu_cap_exceeded" in decision.codes()
        else:
            event("NVEU: an order within the cap")
            assert decision.authorizations == (Authorization.NVEU,), decision.findings
        book = book.record(decision.consumption)
        installed_after = external[country] + book.veu.get((consignee.ref, country), ZERO)
        if Authorization.NVEU in decision.authorizations:
            assert installed_after <= cap
        else:
            assert installed_after == installed_before


# -- UVEU ------------------------------------------------------------------------------------

HOME = VERSIONS[0].uveu.home_country
assert all(version.uveu.home_country == HOME for version in VERSIONS)


@st.composite
def uveu_histories(
    draw: st.DrawFn,
) -> tuple[Party, dict[str, float], list[Order], Lines]:
    consignee = Party(
        ref="C-UVEU",
        name="Universal VEU cloud provider",
        country=HOME,
        hq_country=HOME,
        role=Role.CLOUD_PROVIDER,
        veu=VeuStatus.UVEU,
        veu_id="UVEU-1",
    )
    footprint: dict[str, float] = {}
    # Mostly at home, some elsewhere in Tier 1, a little spread over Tier 2: near the limits.
    footprint[HOME] = float(draw(st.integers(min_value=0, max_value=4 * 10**9)))
    for country in draw(st.lists(st.sampled_from(TIER1), max_size=4, unique=True)):
        footprint[country] = float(draw(st.integers(min_value=0, max_value=10**9)))
    for country in draw(st.lists(st.sampled_from(TIER2), max_size=5, unique=True)):
        footprint[country] = float(draw(st.integers(min_value=0, max_value=3 * 10**8)))
    count = draw(st.integers(min_value=1, max_value=10))
    days = draw(dates_over_quarters(count))
    destination_countries = st.one_of(
        st.just(HOME),
        st.sampled_from(TIER1),
        st.sampled_from(TIER2),
        st.sampled_from(list(footprint)),
    )
    destinations = [draw(destination_countries) for _ in days]
    all_lines = [
        draw(
            st.lists(
                st.tuples(st.just(HGX), st.integers(min_value=1, max_value=3_000)),
                min_size=1,
                max_size=2,
            )
        )
        for _ in days
    ]
    orders = [
        _order(f"SO-{index}", day, consignee, lines, destination=destination)
        for index, (day, lines, destination) in enumerate(
            zip(days, all_lines, destinations, strict=True)
        )
    ]
    return consignee, footprint, orders, all_lines


def _uveu_limits_hold(footprint: Mapping[str, float], ruleset: Ruleset) -> bool:
    limits = ruleset.uveu
    total = sum(footprint.values())
    tier1 = sum(tpp for country, tpp in footprint.items() if ruleset.tier_of(country) == 1)
    tier2_ok = all(
        tpp / total <= limits.max_single_tier2_share
        for country, tpp in footprint.items()
        if ruleset.tier_of(country) == 2
    )
    home_ok = footprint.get(limits.home_country, ZERO) / total >= (
        limits.min_home_share_if_headquartered
    )
    return tier1 / total >= limits.min_tier1_share and tier2_ok and home_ok


def _footprint(external: Mapping[str, float], book: LedgerBook, party_ref: str) -> dict[str, float]:
    footprint = dict(external)
    for (ref, country), tpp in book.veu.items():
        if ref == party_ref:
            footprint[country] = footprint.get(country, ZERO) + tpp
    return footprint


@SEQUENCES
@given(history=uveu_histories())
def test_no_sequence_of_authorized_orders_breaks_the_uveu_footprint_limits(
    history: tuple[Party, dict[str, float], list[Order], Lines],
) -> None:
    consignee, external, orders, all_lines = history
    external = {country: exact(tpp) for country, tpp in external.items()}
    book = LedgerBook()
    for order, lines in zip(orders, all_lines, strict=True):
        assert order.destination is not None
        decision, ruleset = _decide(order, consignee, book, external_footprint=external)
        expected = _footprint(external, book, consignee.ref)
        expected[order.destination] = expected.get(order.destination, ZERO) + _order_tpp(lines)
        if _uveu_limits_hold(expected, ruleset):
            event("UVEU: a shipment within every limit")
            assert decision.authorizations == (Authorization.UVEU,), decision.findings
        else:
            event("UVEU: a shipment that would break a limit")
            assert Authorization.UVEU not in decision.authorizations, decision.findings
            assert "uveu_allocation_exceeded" in decision.codes()
        book = book.record(decision.consumption)
        if Authorization.UVEU in decision.authorizations:
            after = _footprint(external, book, consignee.ref)
            assert after == expected
            limits = ruleset.uveu
            total = sum(after.values())
            tier1 = sum(tpp for c, tpp in after.items() if ruleset.tier_of(c) == 1)
            assert tier1 / total >= limits.min_tier1_share
            for country, tpp in after.items():
                if ruleset.tier_of(country) == 2:
                    assert tpp / total <= limits.max_single_tier2_share, country
            assert after[limits.home_country] / total >= limits.min_home_share_if_headquartered


# -- AIA and licences --------------------------------------------------------------------------


def _server_orders(draw: st.DrawFn, days: list[date], most: int) -> Lines:
    return [
        draw(
            st.lists(
                st.tuples(st.just(HGX), st.integers(min_value=1, max_value=most)),
                min_size=1,
                max_size=2,
            )
        )
        for _ in days
    ]


@st.composite
def aia_histories(draw: st.DrawFn) -> tuple[Party, AiaCertification, list[Order], Lines]:
    country = draw(st.sampled_from(TIER1))
    consignee = Party(
        ref="C-AIA",
        name="Tier 1 consignee",
        country=country,
        hq_country=draw(st.sampled_from(TIER1)),
        role=draw(st.sampled_from(Role)),
    )
    days = draw(dates_over_quarters(draw(st.integers(min_value=1, max_value=10))))
    certification = AiaCertification(
        party_ref=consignee.ref,
        signed_on=FIRST_DAY,
        submitted_to_bis_on=draw(st.none() | st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)),
    )
    all_lines = _server_orders(draw, days, most=1_500)
    destinations = [draw(st.sampled_from(TIER1)) for _ in days]
    orders = [
        _order(f"SO-{index}", day, consignee, lines, destination=destination)
        for index, (day, lines, destination) in enumerate(
            zip(days, all_lines, destinations, strict=True)
        )
    ]
    return consignee, certification, orders, all_lines


@SEQUENCES
@given(history=aia_histories())
def test_no_aia_shipment_reaches_the_bis_submission_threshold_without_the_submission(
    history: tuple[Party, AiaCertification, list[Order], Lines],
) -> None:
    consignee, certification, orders, all_lines = history
    base = Standing(aia_certification=certification)
    book = LedgerBook()
    for order, lines in zip(orders, all_lines, strict=True):
        before = book.aia.get(consignee.ref, ZERO)
        decision, ruleset = _decide(order, consignee, book, base=base)
        threshold = ruleset.aia.bis_submission_from_tpp
        submitted = certification.submitted_by(order.date)
        if before + _order_tpp(lines) >= threshold and not submitted:
            event("AIA: reaching the threshold before the BIS submission")
            assert Authorization.AIA not in decision.authorizations, decision.findings
            assert "aia_bis_submission_required" in decision.codes()
        else:
            event("AIA: below the threshold or submitted")
            assert decision.authorizations == (Authorization.AIA,), decision.findings
        book = book.record(decision.consumption)
        if Authorization.AIA in decision.authorizations and book.aia[consignee.ref] >= threshold:
            assert submitted


@st.composite
def licence_histories(
    draw: st.DrawFn,
) -> tuple[Party, tuple[License, ...], list[Order], Lines]:
    country = draw(st.sampled_from(TIER2))
    # A distributor cannot use LPP, so a licence is the only way its orders can ship.
    consignee = Party(
        ref="C-LIC",
        name="Tier 2 distributor",
        country=country,
        hq_country=country,
        role=Role.DISTRIBUTOR,
    )
    days = draw(dates_over_quarters(draw(st.integers(min_value=1, max_value=10))))
    licences = []
    for number in range(draw(st.integers(min_value=1, max_value=3))):
        valid_from = draw(st.just(FIRST_DAY) | st.dates(min_value=FIRST_DAY, max_value=days[-1]))
        licences.append(
            License(
                number=f"L-{number}",
                party_ref=consignee.ref,
                destination=country,
                covers=LicenseCovers.A_LEVEL,
                tpp=float(
                    draw(
                        st.integers(min_value=0, max_value=5 * 10**8)
                        | st.integers(min_value=10**8, max_value=5 * 10**8)
                    )
                ),
                valid_from=valid_from,
                valid_to=draw(
                    st.just(LAST_DAY) | st.dates(min_value=valid_from, max_value=LAST_DAY)
                ),
            )
        )
    all_lines = _server_orders(draw, days, most=2_000)
    orders = [
        _order(f"SO-{index}", day, consignee, lines)
        for index, (day, lines) in enumerate(zip(days, all_lines, strict=True))
    ]
    return consignee, tuple(licences), orders, all_lines


@SEQUENCES
@given(history=licence_histories())
def test_no_sequence_of_authorized_orders_overdraws_a_licence(
    history: tuple[Party, tuple[License, ...], list[Order], Lines],
) -> None:
    consignee, licences, orders, all_lines = history
    base = Standing(licenses=licences)
    book = LedgerBook()
    for order, lines in zip(orders, all_lines, strict=True):
        q = _order_tpp(lines)
        usable = [
            licence
            for licence in licences
            if licence.valid_on(order.date)
            and licence.tpp - book.license.get(licence.number, 0) >= q
        ]
        decision, _ = _decide(order, consignee, book, base=base)
        drawn = [item for item in decision.consumption if item.ledger is Ledger.LICENSE]
        if usable:
            event("licence: an order a licence can cover")
            assert decision.authorizations == (Authorization.LICENSE,), decision.findings
            assert len(drawn) == 1
            assert drawn[0].license_number in {licence.number for licence in usable}
            assert drawn[0].tpp == q
        else:
            event("licence: an order no licence can cover")
            assert decision.authorizations == (), decision.findings
            assert drawn == []
        book = book.record(decision.consumption)
        for licence in licences:
            assert book.license.get(licence.number, ZERO) <= licence.tpp, licence.number


# -- random orders: Tier 3 nexus and outcome composition -----------------------------------


@dataclass(frozen=True)
class Scenario:
    order: Order
    context: EvaluationContext

    @property
    def ruleset(self) -> Ruleset:
        return CATALOG.in_effect_on(self.order.date)

    def decide(self) -> Decision:
        return evaluate(self.order, self.context, self.ruleset)


Move = Literal[
    "destination",
    "consignee.country",
    "consignee.hq_country",
    "consignee.parent_hq_country",
    "end_user.country",
    "end_user.hq_country",
    "end_user.parent_hq_country",
]


@st.composite
def parties(draw: st.DrawFn, ref: str) -> Party:
    country = draw(st.sampled_from(NOT_TIER3))
    veu = draw(st.sampled_from(VeuStatus))
    parent = draw(st.none() | st.sampled_from(NOT_TIER3))
    return Party(
        ref=ref,
        name=f"Party {ref}",
        country=country,
        hq_country=draw(st.just(country) | st.sampled_from(NOT_TIER3)),
        parent_name=None if parent is None else f"Parent of {ref}",
        parent_hq_country=parent,
        role=draw(st.sampled_from(Role)),
        veu=veu,
        veu_country=(
            draw(st.just(country) | st.sampled_from(NOT_TIER3)) if veu is VeuStatus.NVEU else None
        ),
    )


tpp_amounts = st.integers(min_value=0, max_value=3 * 10**9).map(float)


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    day = draw(st.dates(min_value=FIRST_DAY, max_value=LAST_DAY))
    consignee = draw(parties("C-1"))
    end_user = draw(st.none() | parties("EU-1"))
    destination = draw(st.none() | st.sampled_from(NOT_TIER3))
    shipped_to = destination or consignee.country
    lines = draw(
        st.lists(
            st.tuples(st.sampled_from(ALL_PRODUCTS), st.integers(min_value=1, max_value=2_000)),
            min_size=1,
            max_size=4,
        )
    )
    aia = None
    if draw(st.booleans()):
        signed_on = draw(st.dates(min_value=date(2024, 6, 1), max_value=day))
        # A certification is submitted to BIS and revoked on or after the day it was signed.
        aia = AiaCertification(
            party_ref=consignee.ref,
            signed_on=signed_on,
            weights_storage_attested=draw(st.booleans()),
            submitted_to_bis_on=draw(st.none() | st.dates(min_value=signed_on, max_value=day)),
            revoked_on=draw(
                st.none() | st.dates(min_value=max(signed_on, date(2025, 1, 1)), max_value=LAST_DAY)
            ),
        )
    lpp = draw(
        st.none()
        | st.builds(
            LppCertification,
            party_ref=st.just(consignee.ref),
            year=st.just(day.year),
            signed_on=st.just(date(day.year, 1, 1)),
            prior_receipts_tpp=st.integers(min_value=0, max_value=3 * 10**7).map(float),
        )
    )
    licences = [
        License(
            number=f"L-{index}",
            party_ref=consignee.ref,
            destination=shipped_to,
            covers=draw(st.sampled_from(LicenseCovers)),
            tpp=draw(tpp_amounts),
            valid_from=FIRST_DAY,
            valid_to=draw(st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)),
        )
        for index in range(draw(st.integers(min_value=0, max_value=2)))
    ]
    standing = Standing(
        lpp_shipped_tpp=draw(st.integers(min_value=0, max_value=3 * 10**7).map(float)),
        aia_cumulative_tpp=draw(tpp_amounts),
        veu_footprint=draw(st.dictionaries(st.sampled_from(NOT_TIER3), tpp_amounts, max_size=4)),
        aia_certification=aia,
        lpp_certification=lpp,
        licenses=tuple(licences),
    )
    country = draw(
        st.none()
        | st.builds(
            CountrySetting,
            country=st.just(shipped_to),
            g2g_agreement=st.booleans(),
            external_allocation_used_tpp=st.integers(0, 2 * 10**9).map(float),
        )
    )
    resolution = draw(
        st.none()
        | st.just(RedFlagResolution(resolved_on=day, resolved_by="A. Officer", note="Checked."))
    )
    order = Order(
        ref="SO-1",
        date=day,
        consignee_ref=consignee.ref,
        end_user_ref=None if end_user is None else end_user.ref,
        destination=destination,
        lines=tuple(OrderLine(product_ref=product.ref, quantity=qty) for product, qty in lines),
        red_flag_28_resolution=resolution,
    )
    context = EvaluationContext(
        consignee=consignee,
        end_user=end_user,
        products=CATALOG_OF_PRODUCTS,
        standing=standing,
        country=country,
    )
    return Scenario(order=order, context=context)


def _moves(scenario: Scenario) -> list[Move]:
    moves: list[Move] = [
        "destination",
        "consignee.country",
        "consignee.hq_country",
        "consignee.parent_hq_country",
    ]
    if scenario.context.end_user is not None:
        moves += ["end_user.country", "end_user.hq_country", "end_user.parent_hq_country"]
    return moves


def _relocated(party: Party, field: str, country: str) -> Party:
    values = party.model_dump()
    values[field] = country
    if field == "parent_hq_country" and not values["parent_name"]:
        values["parent_name"] = f"Parent of {party.ref}"
    return Party.model_validate(values)


def with_tier3_nexus(scenario: Scenario, move: Move, country: str) -> Scenario:
    """The same order with one place moved to ``country`` (a Tier 3 country)."""
    if move == "destination":
        return replace(scenario, order=scenario.order.model_copy(update={"destination": country}))
    role, field = move.split(".")
    party = scenario.context.consignee if role == "consignee" else scenario.context.end_user
    assert party is not None
    moved = _relocated(party, field, country)
    key = "consignee" if role == "consignee" else "end_user"
    return replace(scenario, context=scenario.context.model_copy(update={key: moved}))


@st.composite
def nexus_changes(draw: st.DrawFn) -> tuple[Scenario, str]:
    """A random order and a Tier 3 country to move one of its places to."""
    scenario = draw(scenarios())
    return scenario, draw(st.sampled_from(scenario.ruleset.tiers.tier3))


@settings(max_examples=150, deadline=None)
@given(change=nexus_changes())
def test_a_tier3_nexus_never_makes_an_outcome_less_restrictive(
    change: tuple[Scenario, str],
) -> None:
    before, country = change
    without = before.decide()
    for move in _moves(before):
        with_nexus = with_tier3_nexus(before, move, country).decide()
        event(f"Tier 3 nexus: {without.outcome.value} -> {with_nexus.outcome.value}")
        assert with_nexus.outcome.rank >= without.outcome.rank, (move, with_nexus.findings)


@settings(max_examples=150, deadline=None)
@given(change=nexus_changes())
def test_a_level_items_or_controlled_weights_with_a_tier3_nexus_are_always_prohibited(
    change: tuple[Scenario, str],
) -> None:
    before, country = change
    for move in _moves(before):
        decision = with_tier3_nexus(before, move, country).decide()
        if {line.part for line in decision.lines} & {Part.A_LEVEL, Part.MODEL_WEIGHTS}:
            assert decision.outcome is Outcome.PROHIBITED, (move, decision.findings)
            assert decision.consumption == ()


@settings(max_examples=200, deadline=None)
@given(scenario=scenarios(), nexus=st.booleans(), data=st.data())
def test_the_outcome_is_the_most_restrictive_part_and_only_shipping_orders_consume(
    scenario: Scenario, nexus: bool, data: st.DataObject
) -> None:
    if nexus:
        move = data.draw(st.sampled_from(_moves(scenario)))
        country = data.draw(st.sampled_from(scenario.ruleset.tiers.tier3))
        scenario = with_tier3_nexus(scenario, move, country)
    decision = scenario.decide()
    event(f"outcome: {decision.outcome.value}")
    assert decision.parts, "every order has at least one part"
    strictest = max((part.outcome for part in decision.parts), key=lambda outcome: outcome.rank)
    assert decision.outcome == strictest
    if not decision.outcome.ships:
        assert decision.consumption == ()
    # Consumption is only ever drawn by an authorization that was used.
    if decision.consumption:
        assert decision.authorizations


# -- countries -------------------------------------------------------------------------------

COUNTRIES = all_countries()


def test_every_iso_code_and_name_resolves_back_to_its_country() -> None:
    assert len({country.alpha2 for country in COUNTRIES}) == len(COUNTRIES)
    for country in COUNTRIES:
        for text in (country.alpha2, country.alpha3, country.name, country.official_name):
            assert resolve_country(text) == country, text


def _recase(text: str, flips: list[bool]) -> str:
    return "".join(
        (char.swapcase() if flip else char)
        for char, flip in zip(text, flips + [False] * len(text), strict=False)
    )


@QUICK
@given(
    country=st.sampled_from(COUNTRIES),
    which=st.sampled_from(["alpha2", "alpha3", "name", "official_name"]),
    flips=st.lists(st.booleans(), max_size=60),
    padding=st.tuples(st.sampled_from(["", " ", "  "]), st.sampled_from(["", " ", "\t"])),
)
def test_a_country_resolves_whatever_its_letter_case_and_surrounding_spaces(
    country: Country, which: str, flips: list[bool], padding: tuple[str, str]
) -> None:
    text = _recase(getattr(country, which), flips)
    assert resolve_country(f"{padding[0]}{text}{padding[1]}") == country, text
