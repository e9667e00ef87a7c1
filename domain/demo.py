"""The demonstration data set: fictional parties, products, paperwork and orders.

``build_demo_dataset()`` returns the same values on every call (a fixed seed, no clock): about
forty parties across the three tiers, the reference items of rules.md 1.4, certifications,
licences, VEU footprints, Tier 2 country settings and a few hundred orders from 2025-01-13 to
2026-11-20. Most orders are ordinary and go through; a minority are placed to show every
outcome, authorization and finding the engine produces when the orders are checked in date
order. Quantities near a limit are sized from the shipped ruleset figures, never written as
regulatory literals. Building the data evaluates nothing; ``replay`` does that, in date order,
recording what each shipping decision consumes.

Every company, person and address here is invented.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from importlib import resources
from typing import TypeVar

from domain.csvio import CsvKind, Record, parse
from domain.decision import Decision
from domain.demo_shipments import demo_shipments
from domain.frozen import Strict
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
    RedFlagResolution,
    ShippedUnit,
    Standing,
    VeuFootprint,
)
from domain.rules.certifications import aia_certification_on, lpp_certification_for
from domain.rules.engine import evaluate
from domain.ruleset import Ruleset, RulesetCatalog, load_shipped_rulesets

SEED = 2025
FIRST_ORDER_DAY = date(2025, 1, 13)
LAST_ORDER_DAY = date(2026, 11, 20)


class DemoDataset(Strict):
    """Everything the demo loads, as engine values. ``orders`` are sorted by date, then ref."""

    parties: tuple[Party, ...]
    products: tuple[Product, ...]
    aia_certifications: tuple[AiaCertification, ...]
    lpp_certifications: tuple[LppCertification, ...]
    licenses: tuple[License, ...]
    footprints: tuple[VeuFootprint, ...]
    countries: tuple[CountrySetting, ...]
    orders: tuple[Order, ...]
    shipments: tuple[ShippedUnit, ...] = ()
    """Serials of the units of the orders that ship (``domain.demo_shipments``)."""


RecordT = TypeVar("RecordT", bound=Record)


def _records(kind: CsvKind, of: type[RecordT]) -> tuple[RecordT, ...]:
    """The demonstration's parties or products, kept as the CSV files an officer imports
    (``domain/data/demo_parties.csv``, ``demo_products.csv``) and read by the same parser."""
    name = f"demo_{kind.value}.csv"
    read = parse(kind, (resources.files("domain") / "data" / name).read_bytes(), source=name)
    return tuple(item for item in read.records if isinstance(item, of))


# -- products (datasheet figures, rules.md 1.4; kept in domain/data/demo_products.csv) -------

H100_TPP = Decimal(15_832)
H100_DIE_MM2 = 814.0
SERVER_ICS = 8
SERVER_TPP = H100_TPP * SERVER_ICS

H100 = "H100-SXM"
H100_PCIE = "H100-PCIE"
A100 = "A100-SXM"
L40S = "L40S"
H20 = "H20"
RTX4090 = "RTX-4090"
B200 = "B200"
SERVER = "HGX-H100-8"
MX_IC = "MX-3000"
MX_BOARD = "MX-3000-Q4"
WEIGHTS = "W-ASTER-4"
OPEN_WEIGHTS = "W-ASTER-2-OPEN"
TRAINING = "IAAS-TRAIN-L"
FINE_TUNING = "IAAS-TRAIN-S"
SWITCH = "SW-400G"
CABLES = "CBL-OPT-100"


# -- parties (kept in domain/data/demo_parties.csv) ------------------------------------------
# Tier 1
HALCYON = "US-HALCYON"
PRAIRIE = "US-PRAIRIE"
BLUE_MESA = "US-BLUEMESA"
CORVID = "US-CORVID"
MUELLER = "DE-MUELLER"
FIMW = "DE-FIMW"
LUMIERE = "FR-LUMIERE"
THAMESIDE = "GB-THAMESIDE"
AOMINE = "JP-AOMINE"
SHINONOME = "JP-SHINONOME"
NURIBYEOL = "KR-NURIBYEOL"
JADE_PEAK = "TW-JADEPEAK"
BOREAL = "CA-BOREAL"
WATTLE = "AU-WATTLE"
POLDER = "NL-POLDER"
LIFFEY = "IE-LIFFEY"
NORRSKEN = "SE-NORRSKEN"
ALHAMBRA = "ES-ALHAMBRA"
# Tier 2
OASIS = "AE-OASIS"
STRAITS = "MY-STRAITS"
LION_CITY = "SG-LIONCITY"
TANJONG = "SG-TANJONG"
VARUNA = "IN-VARUNA"
DECCAN = "IN-DECCAN"
IPE = "BR-IPE"
NAJD = "SA-NAJD"
CARMEL = "IL-CARMEL"
WISLA = "PL-WISLA"
SIERRA = "MX-SIERRA"
APHRODITE = "CY-APHRODITE"
MEKONG = "KH-MEKONG"
ANATOLIA = "TR-ANATOLIA"
LEMAN = "CH-LEMAN"
KAROO = "ZA-KAROO"
CHAO_PHRAYA = "TH-CHAOPHRAYA"
SONG_HONG = "VN-SONGHONG"
VICTORIA = "HK-VICTORIA"
# Tier 3
XINGHE = "CN-XINGHE"
SEVER = "RU-SEVER"
LOTUS = "MO-LOTUS"


# -- dates ----------------------------------------------------------------------------------


def _workday(day: date) -> date:
    """The day itself, or the Monday after it when it falls on a weekend."""
    return day + timedelta(days=(7 - day.weekday()) % 7 if day.weekday() >= 5 else 0)


def _in_holidays(day: date) -> bool:
    # No routine orders over the year-end break, so new LPP certifications are on file first.
    return (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 11)


def _order_days(rng: random.Random, count: int, start: date, end: date) -> list[date]:
    """``count`` distinct working days between ``start`` and ``end``, in order."""
    pool = [
        start + timedelta(days=offset)
        for offset in range((end - start).days + 1)
        if (start + timedelta(days=offset)).weekday() < 5
        and not _in_holidays(start + timedelta(days=offset))
    ]
    return sorted(rng.sample(pool, min(count, len(pool))))


# -- orders -----------------------------------------------------------------------------------

Lines = tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class _Draft:
    """An order before it has its reference."""

    day: date
    consignee: str
    lines: Lines
    end_user: str | None = None
    destination: str | None = None
    resolution: RedFlagResolution | None = None


# Product mixes for routine orders: (product, weight, quantities to choose from).
Mix = tuple[tuple[str, int, tuple[int, ...]], ...]

TIER1_MIX: Mix = (
    (H100, 6, (16, 24, 32, 48, 64, 96, 128)),
    (SERVER, 6, (1, 2, 4, 6, 8, 12, 16, 24)),
    (B200, 3, (8, 16, 32, 64)),
    (L40S, 3, (8, 16, 24, 48)),
    (A100, 2, (8, 16, 32)),
    (H100_PCIE, 2, (8, 16, 24, 32)),
    (RTX4090, 1, (4, 8, 12, 20)),
    (H20, 1, (16, 32, 64)),
    (MX_IC, 1, (16, 32, 64)),
)
TIER2_MIX: Mix = (
    (H100, 5, (8, 16, 24, 32, 48, 64)),
    (SERVER, 4, (1, 2, 3, 4, 6, 8)),
    (L40S, 3, (8, 16, 24, 48)),
    (A100, 2, (8, 16, 24)),
    (H100_PCIE, 2, (8, 16, 24)),
    (RTX4090, 1, (4, 8, 12)),
    (H20, 2, (16, 32, 64, 128)),
    (MX_IC, 2, (8, 16, 32, 64)),
    (MX_BOARD, 1, (2, 4, 8, 16)),
)
LOW_END_MIX: Mix = (
    (H20, 4, (16, 32, 64, 128, 256)),
    (MX_IC, 3, (16, 32, 64)),
    (MX_BOARD, 2, (4, 8, 16)),
    (SWITCH, 1, (2, 4, 8)),
)
CLOUD_SERVER_MIX: Mix = (
    (SERVER, 5, (16, 24, 32, 48, 64, 96)),
    (B200, 2, (64, 128, 256)),
    (H100, 1, (128, 256)),
)


@dataclass(frozen=True)
class _Routine:
    """A party's ordinary ordering pattern."""

    party: str
    count: int
    mix: Mix
    start: date = date(2025, 1, 27)
    end: date = LAST_ORDER_DAY
    extras: tuple[str, ...] = ()
    """Occasional extra lines (open weights, small fine-tuning runs) for this party."""
    destinations: tuple[str, ...] = ()
    """Other sites of the party the goods sometimes go to."""


def _routine_lines(rng: random.Random, routine: _Routine) -> Lines:
    refs = [entry[0] for entry in routine.mix]
    weights = [entry[1] for entry in routine.mix]
    quantities = {entry[0]: entry[2] for entry in routine.mix}
    first = rng.choices(refs, weights)[0]
    lines: list[tuple[str, int]] = [(first, rng.choice(quantities[first]))]
    if rng.random() < 0.25:
        second = rng.choices(refs, weights)[0]
        if second != first:
            # A second product line is a smaller top-up of the main one.
            lines.append((second, min(rng.choice(quantities[second]), quantities[second][1])))
    if rng.random() < 0.3:
        lines.append(
            (SWITCH, rng.choice((1, 2, 4))) if rng.random() < 0.5 else (CABLES, rng.randint(2, 24))
        )
    if routine.extras and rng.random() < 0.15:
        lines.append((rng.choice(routine.extras), 1))
    return tuple(lines[:3])


def _routine_orders(rng: random.Random, routines: Iterable[_Routine]) -> list[_Draft]:
    drafts: list[_Draft] = []
    for routine in routines:
        for day in _order_days(rng, routine.count, routine.start, routine.end):
            destination = None
            if routine.destinations and rng.random() < 0.3:
                destination = rng.choice(routine.destinations)
            drafts.append(
                _Draft(day, routine.party, _routine_lines(rng, routine), destination=destination)
            )
    return drafts


def _routines() -> tuple[_Routine, ...]:
    tier2_start = date(2025, 1, 20)
    return (
        # Tier 1: AIA customers.
        _Routine(CORVID, 14, TIER1_MIX, extras=(FINE_TUNING,)),
        _Routine(MUELLER, 22, TIER1_MIX),
        _Routine(FIMW, 10, TIER1_MIX, extras=(OPEN_WEIGHTS, TRAINING)),
        _Routine(LUMIERE, 16, TIER1_MIX, destinations=("BE", "DE")),
        _Routine(THAMESIDE, 13, TIER1_MIX, end=date(2026, 3, 31), destinations=("IE",)),
        _Routine(AOMINE, 18, TIER1_MIX),
        _Routine(NURIBYEOL, 14, TIER1_MIX, extras=(OPEN_WEIGHTS,)),
        _Routine(JADE_PEAK, 10, TIER1_MIX),
        _Routine(BOREAL, 10, TIER1_MIX, extras=(OPEN_WEIGHTS, FINE_TUNING)),
        _Routine(WATTLE, 10, TIER1_MIX, destinations=("NZ",)),
        _Routine(LIFFEY, 8, TIER1_MIX, extras=(FINE_TUNING,)),
        _Routine(NORRSKEN, 10, TIER1_MIX, destinations=("FI", "NO")),
        _Routine(ALHAMBRA, 6, TIER1_MIX, extras=(OPEN_WEIGHTS,)),
        _Routine(HALCYON, 12, CLOUD_SERVER_MIX, destinations=("DE", "JP", "GB")),
        # Tier 2: LPP customers (their yearly totals stay well inside the limit).
        _Routine(LION_CITY, 12, TIER2_MIX, start=tier2_start, extras=(FINE_TUNING,)),
        _Routine(TANJONG, 10, TIER2_MIX, start=tier2_start),
        _Routine(VARUNA, 8, TIER2_MIX, start=tier2_start),
        _Routine(IPE, 8, TIER2_MIX, start=tier2_start, extras=(OPEN_WEIGHTS,)),
        _Routine(CARMEL, 8, TIER2_MIX, start=tier2_start),
        _Routine(WISLA, 5, TIER2_MIX, start=tier2_start, end=date(2025, 12, 19)),
        _Routine(APHRODITE, 5, TIER2_MIX, start=tier2_start),
        _Routine(LEMAN, 8, TIER2_MIX, start=tier2_start, extras=(OPEN_WEIGHTS,)),
        _Routine(KAROO, 6, TIER2_MIX, start=tier2_start),
        _Routine(CHAO_PHRAYA, 4, TIER2_MIX, start=tier2_start),
        _Routine(ANATOLIA, 4, TIER2_MIX, start=date(2026, 1, 12)),
        # Low-end items only: nothing a-level, so no paperwork needed.
        _Routine(SONG_HONG, 3, LOW_END_MIX, start=tier2_start),
        _Routine(STRAITS, 4, LOW_END_MIX, start=tier2_start),
    )


def _resolution(day: date, note: str) -> RedFlagResolution:
    return RedFlagResolution(resolved_on=day, resolved_by="Dana Whitfield", note=note)


@dataclass(frozen=True)
class _Figures:
    """Ruleset figures the scenarios are sized from."""

    lpp_limit: Decimal
    aia_submission_from: Decimal
    allocation: Decimal
    first_quarter_cap: Decimal
    tier2_share: float
    cambodia_tier2_from: date


def _figures(catalog: RulesetCatalog) -> _Figures:
    first = catalog.in_effect_on(FIRST_ORDER_DAY)
    cambodia = next(
        version.effective_from for version in catalog.versions if version.tier_of("KH") == 2
    )
    return _Figures(
        lpp_limit=first.lpp.limit_tpp,
        aia_submission_from=first.aia.bis_submission_from_tpp,
        allocation=first.country_allocation.tpp,
        first_quarter_cap=first.nveu.cap_on(FIRST_ORDER_DAY).cap_tpp,
        tier2_share=first.uveu.max_single_tier2_share,
        cambodia_tier2_from=cambodia,
    )


def _servers_over(tpp: Decimal) -> int:
    """The fewest servers whose TPP passes ``tpp``."""
    return int(tpp // SERVER_TPP) + 1


def _scenario_orders(rng: random.Random, figures: _Figures) -> list[_Draft]:
    """The orders placed to show every rule at work, party by party."""
    d = _Draft
    lpp_busting = _servers_over(figures.lpp_limit)
    drafts: list[_Draft] = []

    # Prairie Forge: a large AIA customer that has not filed its certification with BIS.
    # Monthly server orders from February 2025; the first twelve stay under the BIS
    # submission threshold, the thirteenth passes it, and from then on Prairie is held.
    prairie = (96, 128, 160, 144, 192, 176, 160, 200, 184, 208, 176, 160, 192, 64)
    for month, servers in enumerate(prairie):
        year, month_index = divmod(1 + month, 12)
        day = _workday(date(2025 + year, month_index + 1, 9))
        lines: Lines = ((SERVER, servers),)
        if month % 3 == 0:
            lines += ((SWITCH, max(servers // 16, 1)),)
        drafts.append(d(day, PRAIRIE, lines))
    drafts.append(d(date(2026, 5, 14), PRAIRIE, ((SWITCH, 12), (CABLES, 40))))

    # Blue Mesa: an even larger AIA customer that filed with BIS early, so it stays authorized.
    blue_mesa = (512, 768, 1024, 1024, 768, 1024, 1024, 1024, 768, 1024)
    for index, b200s in enumerate(blue_mesa):
        day = _workday(date(2025, 2, 20) + timedelta(days=61 * index))
        lines = ((B200, b200s),) if index % 2 else ((B200, b200s), (SERVER, 32))
        drafts.append(d(day, BLUE_MESA, lines))
    drafts.append(d(date(2025, 10, 15), BLUE_MESA, ((WEIGHTS, 1),)))

    # Halcyon (UVEU): its Tier 2 sites in Singapore, India and Malaysia are supplied under
    # the UVEU; one large Singapore build would take Singapore past the single-country share.
    for day, servers in (
        (date(2025, 2, 18), 32),
        (date(2025, 5, 12), 48),
        (date(2025, 8, 11), 64),
        (date(2025, 11, 10), 64),
        (date(2026, 2, 9), 48),
    ):
        drafts.append(d(day, HALCYON, ((SERVER, servers), (SWITCH, 4)), destination="SG"))
    drafts.append(d(date(2026, 5, 11), HALCYON, ((SERVER, 240),), destination="SG"))
    drafts.append(d(date(2026, 8, 10), HALCYON, ((SERVER, 24),), destination="SG"))
    for day in _order_days(rng, 4, date(2025, 3, 1), date(2026, 10, 30)):
        drafts.append(d(day, HALCYON, ((SERVER, rng.choice((16, 24, 32, 48))),), destination="IN"))
    for day in _order_days(rng, 3, date(2025, 3, 1), date(2026, 10, 30)):
        drafts.append(d(day, HALCYON, ((SERVER, rng.choice((16, 24, 32))),), destination="MY"))

    # Oasis Grid (NVEU, UAE): its installed base starts just under the first quarter's cap.
    # Three first-quarter orders fit; the fourth would pass the cap (and is too large for LPP).
    drafts += [
        d(date(2025, 1, 15), OASIS, ((SERVER, 32),)),
        d(date(2025, 1, 27), OASIS, ((SERVER, 48),)),
        d(date(2025, 2, 24), OASIS, ((SERVER, 64), (SWITCH, 4))),
        d(date(2025, 3, 24), OASIS, ((SERVER, max(lpp_busting, 240)),)),
    ]
    for day in _order_days(rng, 12, date(2025, 4, 7), date(2026, 11, 13)):
        drafts.append(d(day, OASIS, ((SERVER, rng.choice((64, 96, 128, 160))),)))

    # Straits Silicon (distributor, Malaysia): LPP is closed to it; its licence covers
    # Malaysia only, from March 2025.
    drafts.append(d(date(2025, 2, 10), STRAITS, ((H100, 64),)))
    for day in _order_days(rng, 8, date(2025, 3, 10), date(2026, 11, 13)):
        product = rng.choice((H100, L40S, H100_PCIE))
        drafts.append(d(day, STRAITS, ((product, rng.choice((64, 96, 128, 192))),)))
    drafts += [
        d(date(2025, 6, 23), STRAITS, ((L40S, 96),), end_user=CHAO_PHRAYA, destination="TH"),
        d(date(2025, 9, 22), STRAITS, ((H100, 32),), end_user=SONG_HONG, destination="VN"),
        d(date(2025, 11, 24), STRAITS, ((H100, 128),), end_user=XINGHE),
        d(
            date(2026, 4, 20),
            STRAITS,
            ((MX_IC, 64), (H20, 128)),
            end_user=SONG_HONG,
            destination="VN",
        ),
    ]

    # Najd (Saudi Arabia): large builds under a licence that expires mid-2026.
    for day, servers in (
        (date(2025, 2, 17), 160),
        (date(2025, 5, 19), 200),
        (date(2025, 8, 18), 240),
        (date(2025, 11, 17), 200),
        (date(2026, 3, 16), 160),
    ):
        drafts.append(d(day, NAJD, ((SERVER, servers), (CABLES, servers // 4))))
    drafts.append(d(date(2026, 8, 17), NAJD, ((SERVER, 240),)))

    # Deccan Cloudworks (India): buys mostly from other vendors (high prior receipts), so
    # larger orders go under its licence until the licence runs low.
    drafts += [
        d(date(2025, 2, 3), DECCAN, ((L40S, 32),)),
        d(date(2025, 4, 21), DECCAN, ((SERVER, 64),)),
        d(date(2025, 7, 21), DECCAN, ((SERVER, 96), (SWITCH, 6))),
        d(date(2025, 10, 20), DECCAN, ((SERVER, 80),)),
        d(date(2026, 2, 16), DECCAN, ((SERVER, 64),)),
        d(date(2026, 3, 9), DECCAN, ((L40S, 24), (MX_IC, 32))),
        d(date(2026, 6, 15), DECCAN, ((SERVER, 48),)),
    ]

    # Anatolia (Türkiye): its 2025 LPP certification reports prior receipts close to the limit.
    drafts += [
        d(date(2025, 3, 10), ANATOLIA, ((H100, 48),)),
        d(date(2025, 6, 9), ANATOLIA, ((H100, 64),)),
        d(date(2025, 9, 8), ANATOLIA, ((H100, 16), (CABLES, 4))),
    ]

    # Carmel Vision (Israel): frontier weights need a licence; it arrives in June 2025.
    drafts += [
        d(date(2025, 4, 14), CARMEL, ((WEIGHTS, 1),)),
        d(date(2025, 7, 14), CARMEL, ((WEIGHTS, 1), (H100, 16))),
        d(date(2026, 3, 23), CARMEL, ((WEIGHTS, 1),)),
    ]

    # Model weights to Tier 1: the attestation of storage security decides.
    drafts += [
        d(date(2025, 3, 17), FIMW, ((WEIGHTS, 1),)),
        d(date(2026, 1, 19), FIMW, ((WEIGHTS, 1), (SERVER, 4))),
        d(date(2025, 9, 15), NURIBYEOL, ((WEIGHTS, 1),)),
        d(date(2025, 6, 16), LUMIERE, ((WEIGHTS, 1),)),
    ]

    # IaaS training for customers headquartered outside Tier 1 (Red Flag 28).
    drafts += [
        d(date(2025, 9, 15), VARUNA, ((TRAINING, 1),)),
        d(
            date(2026, 4, 13),
            VARUNA,
            ((TRAINING, 1),),
            resolution=_resolution(
                date(2026, 4, 13),
                "Training run for Varuna's own Indic-language model; compute stays in our US "
                "region; end-use statement and board resolution on file.",
            ),
        ),
        d(
            date(2025, 11, 3),
            IPE,
            ((TRAINING, 1),),
            resolution=_resolution(
                date(2025, 11, 3),
                "Customer screened; model for Portuguese-language customer service; no "
                "onward access for third parties; KYC checklist complete.",
            ),
        ),
        d(date(2026, 6, 8), VICTORIA, ((TRAINING, 1),)),
        d(date(2025, 5, 5), BOREAL, ((TRAINING, 1),)),
        d(date(2025, 8, 4), LION_CITY, ((FINE_TUNING, 2),)),
    ]

    # Tier 1 paperwork: no AIA certification (Polderlicht); a certification revoked in
    # April 2026 (Thameside).
    drafts += [
        d(date(2025, 3, 12), POLDER, ((H100, 64), (SWITCH, 4))),
        d(date(2025, 3, 13), POLDER, ((SWITCH, 8), (CABLES, 30))),
        d(date(2025, 6, 25), POLDER, ((MX_BOARD, 16),)),
        d(date(2025, 9, 24), POLDER, ((L40S, 32),)),
        d(date(2026, 5, 18), THAMESIDE, ((SERVER, 16),)),
        d(date(2026, 9, 14), THAMESIDE, ((SWITCH, 6),)),
    ]

    # LPP paperwork: Sierra Madre never certified; Wisła certified for 2025 only.
    drafts += [
        d(date(2025, 5, 12), SIERRA, ((H100, 32),)),
        d(date(2025, 9, 29), SIERRA, ((H100, 64), (CABLES, 12))),
        d(date(2026, 2, 23), SIERRA, ((H20, 64),)),
        d(date(2026, 3, 2), WISLA, ((L40S, 32),)),
        d(date(2026, 7, 6), WISLA, ((H100, 16),)),
    ]

    # Cambodia: Tier 3 until it left Country Group D:5, Tier 2 (LPP) afterwards.
    moved = figures.cambodia_tier2_from
    for offset, lines in (
        (-230, ((H100, 32),)),
        (-105, ((SERVER, 8), (SWITCH, 2))),
        (14, ((H100, 32),)),
        (100, ((SERVER, 8),)),
        (190, ((L40S, 48), (CABLES, 10))),
        (260, ((SERVER, 12),)),
    ):
        drafts.append(d(_workday(moved + timedelta(days=offset)), MEKONG, lines))

    # Tier 3 nexus: located in, headquartered in, or owned from Tier 3.
    drafts += [
        d(date(2025, 2, 12), XINGHE, ((H20, 256),)),
        d(date(2025, 4, 9), XINGHE, ((MX_BOARD, 32),)),
        d(date(2025, 7, 16), XINGHE, ((H100, 64),)),
        d(date(2026, 1, 21), XINGHE, ((MX_IC, 128), (H20, 128))),
        d(date(2026, 6, 17), XINGHE, ((H20, 512),)),
        d(date(2025, 3, 19), SEVER, ((SERVER, 16),)),
        d(date(2025, 10, 8), SEVER, ((L40S, 32), (CABLES, 20))),
        d(date(2025, 5, 21), LOTUS, ((RTX4090, 200),)),
        d(date(2026, 2, 25), LOTUS, ((MX_IC, 64),)),
        d(date(2025, 4, 23), SHINONOME, ((H100, 32),)),
        d(date(2025, 8, 20), SHINONOME, ((MX_BOARD, 8),)),
        d(date(2025, 12, 3), SHINONOME, ((H20, 64), (SWITCH, 2))),
        d(date(2026, 5, 6), SHINONOME, ((WEIGHTS, 1),)),
        d(date(2025, 7, 9), VICTORIA, ((H100, 64),)),
        d(date(2025, 10, 29), VICTORIA, ((MX_BOARD, 24),)),
        d(date(2026, 3, 18), VICTORIA, ((H20, 96),)),
    ]

    # Country allocation: Mexico's is nearly used up by other exporters' licences.
    # (Sierra Madre's orders above show it.) Lumière hosts Boreal Mind in France.
    drafts.append(d(date(2025, 11, 19), LUMIERE, ((SERVER, 16),), end_user=BOREAL))
    drafts.append(d(date(2026, 9, 9), CORVID, ((SERVER, 8),), end_user=BOREAL, destination="CA"))
    return drafts


def _finish(drafts: Sequence[_Draft]) -> tuple[Order, ...]:
    """Sort the drafts by date and number them per year: SO-25-0001, SO-25-0002, ..."""
    ordered = sorted(drafts, key=lambda draft: (draft.day, draft.consignee))
    counters: dict[int, int] = {}
    orders: list[Order] = []
    for draft in ordered:
        year = draft.day.year
        counters[year] = counters.get(year, 0) + 1
        orders.append(
            Order(
                ref=f"SO-{year % 100:02d}-{counters[year]:04d}",
                date=draft.day,
                consignee_ref=draft.consignee,
                end_user_ref=draft.end_user,
                destination=draft.destination,
                lines=tuple(OrderLine(product_ref=ref, quantity=qty) for ref, qty in draft.lines),
                red_flag_28_resolution=draft.resolution,
            )
        )
    return tuple(orders)


# -- paperwork --------------------------------------------------------------------------------

_SIGNERS: dict[str, tuple[str, ...]] = {
    HALCYON: ("Margaret Okafor, General Counsel",),
    PRAIRIE: ("Wade Lindqvist, Chief Executive Officer",),
    BLUE_MESA: ("Rosa Benavides, Chief Operating Officer", "Tom Achebe, Head of Trade Compliance"),
    CORVID: ("Elliot Marsh, Vice President Operations",),
    MUELLER: ("Dr. Jürgen Müller, Geschäftsführer",),
    FIMW: ("Prof. Dr. Käthe Böhm, Direktorin",),
    LUMIERE: ("Hélène Garnier, Directrice générale",),
    THAMESIDE: ("Oliver Pryce, Managing Director",),
    AOMINE: ("高橋 健一 (Kenichi Takahashi), 代表取締役",),
    NURIBYEOL: ("김서연 (Kim Seo-yeon), 대표이사",),
    JADE_PEAK: ("林志明 (Lin Chih-ming), 總經理",),
    BOREAL: ("Geneviève Tremblay, Executive Director",),
    WATTLE: ("Priya Nair, Chief Technology Officer",),
    LIFFEY: ("Siobhán Doyle, Director",),
    NORRSKEN: ("Åsa Lindgren, VD",),
    ALHAMBRA: ("Dra. Lucía Ortega, Directora",),
}


def _aia_certifications(rng: random.Random) -> tuple[AiaCertification, ...]:
    certifications: list[AiaCertification] = []
    attested = {BLUE_MESA, FIMW, NURIBYEOL, BOREAL, HALCYON}
    for party_ref, signers in _SIGNERS.items():
        signed_on = FIRST_ORDER_DAY + timedelta(days=rng.randint(0, 9))
        submitted: date | None = None
        revoked: date | None = None
        if party_ref == BLUE_MESA:
            submitted = date(2025, 3, 14)
        if party_ref == THAMESIDE:
            # Ownership changed; the new owner has not re-certified.
            revoked = date(2026, 4, 15)
        certifications.append(
            AiaCertification(
                party_ref=party_ref,
                signed_on=_workday(signed_on),
                signers=signers,
                weights_storage_attested=party_ref in attested,
                submitted_to_bis_on=submitted,
                revoked_on=revoked,
            )
        )
    return tuple(certifications)


_LPP_SIGNERS: dict[str, str] = {
    LION_CITY: "Tan Wei Ling, Director",
    TANJONG: "Rajesh Pillai, Chief Executive",
    VARUNA: "Ananya Iyer, Chief Financial Officer",
    DECCAN: "Srinivas Reddy, Managing Director",
    IPE: "Mariana Albuquerque, Diretora de Operações",
    CARMEL: "Noa Ben-David, Chief Executive Officer",
    WISLA: "dr hab. Katarzyna Wójcik, Dyrektor",
    APHRODITE: "Andreas Georgiou, Director",
    MEKONG: "Sok Vannak, General Manager",
    ANATOLIA: "Elif Şahin, Genel Müdür",
    LEMAN: "Prof. Mathieu Rochat, Directeur",
    KAROO: "Thandiwe Mokoena, Chief Operating Officer",
    CHAO_PHRAYA: "Somchai Wongsawat, Managing Director",
}


def _lpp_certifications(rng: random.Random, figures: _Figures) -> tuple[LppCertification, ...]:
    certifications: list[LppCertification] = []
    for party_ref, signer in _LPP_SIGNERS.items():
        for year in (2025, 2026):
            if (party_ref, year) in {(WISLA, 2026), (MEKONG, 2025)}:
                continue
            if year == 2025:
                signed_on = _workday(FIRST_ORDER_DAY + timedelta(days=rng.randint(0, 4)))
            elif party_ref == MEKONG:
                signed_on = _workday(figures.cambodia_tier2_from + timedelta(days=2))
            else:
                signed_on = _workday(date(2026, 1, 5) + timedelta(days=rng.randint(0, 4)))
            prior = H100_TPP * rng.choice((0, 0, 0, 32, 64, 96, 160))
            if party_ref == ANATOLIA and year == 2025:
                # Close to the limit: room for exactly 100 more H100.
                prior = figures.lpp_limit - 100 * H100_TPP
            if party_ref == DECCAN:
                # Buys most of its compute elsewhere: little LPP room left with us.
                prior = figures.lpp_limit - (180 if year == 2025 else 200) * H100_TPP
            certifications.append(
                LppCertification(
                    party_ref=party_ref,
                    year=year,
                    signed_on=signed_on,
                    signer=signer,
                    prior_receipts_tpp=prior,
                )
            )
    return tuple(certifications)


def _licenses() -> tuple[License, ...]:
    a_level, weights = LicenseCovers.A_LEVEL, LicenseCovers.MODEL_WEIGHTS
    issued = (
        # number, holder, destination, covers, TPP, valid from, valid to
        ("D1234567", STRAITS, "MY", a_level, 2_000 * H100_TPP, (2025, 3, 3), (2027, 2, 26)),
        ("D1240915", NAJD, "SA", a_level, 1_200 * SERVER_TPP, (2025, 2, 3), (2026, 6, 30)),
        # Covers 316 servers: the June 2026 order finds it nearly used up.
        ("D1251188", DECCAN, "IN", a_level, 316 * SERVER_TPP, (2025, 4, 1), (2027, 3, 31)),
        ("D1262040", CARMEL, "IL", weights, 0.0, (2025, 6, 2), (2027, 5, 31)),
    )
    return tuple(
        License(
            number=number,
            party_ref=holder,
            destination=destination,
            covers=covers,
            tpp=tpp,
            valid_from=date(*valid_from),
            valid_to=date(*valid_to),
        )
        for number, holder, destination, covers, tpp, valid_from, valid_to in issued
    )


def _footprints(figures: _Figures) -> tuple[VeuFootprint, ...]:
    halcyon = {
        "US": 1_450_000_000.0,
        "DE": 190_000_000.0,
        "JP": 160_000_000.0,
        "GB": 120_000_000.0,
        "IN": 84_000_000.0,
        "MY": 52_000_000.0,
    }
    # Singapore starts at 78 % of the largest share a UVEU may hold in one Tier 2 country,
    # so a few builds fit there and one large build does not.
    share = 0.78 * figures.tier2_share
    others = sum(halcyon.values())
    halcyon["SG"] = round(others * share / (1 - share), -6)
    footprints = [
        VeuFootprint(party_ref=HALCYON, country=country, installed_tpp=tpp)
        for country, tpp in halcyon.items()
    ]
    # Oasis starts 150 servers under the first quarter's cap.
    footprints.append(
        VeuFootprint(
            party_ref=OASIS,
            country="AE",
            installed_tpp=figures.first_quarter_cap - 150 * SERVER_TPP,
        )
    )
    return tuple(footprints)


def _countries(figures: _Figures) -> tuple[CountrySetting, ...]:
    allocation = figures.allocation
    return (
        CountrySetting(country="AE", g2g_agreement=True, external_allocation_used_tpp=900_000_000),
        CountrySetting(country="SA", g2g_agreement=True, external_allocation_used_tpp=410_000_000),
        CountrySetting(country="IN", external_allocation_used_tpp=520_000_000),
        CountrySetting(country="SG", external_allocation_used_tpp=310_000_000),
        CountrySetting(country="MY", external_allocation_used_tpp=600_000_000),
        CountrySetting(country="BR", external_allocation_used_tpp=150_000_000),
        CountrySetting(country="TR", external_allocation_used_tpp=220_000_000),
        CountrySetting(country="IL", external_allocation_used_tpp=260_000_000),
        CountrySetting(country="PL", external_allocation_used_tpp=95_000_000),
        # Nearly used up: 40 H100 left.
        CountrySetting(country="MX", external_allocation_used_tpp=allocation - 40 * H100_TPP),
    )


# -- the data set ---------------------------------------------------------------------------


def build_demo_dataset() -> DemoDataset:
    """The demonstration data set; the same values on every call."""
    catalog = load_shipped_rulesets()
    figures = _figures(catalog)
    rng = random.Random(SEED)
    aia = _aia_certifications(rng)
    lpp = _lpp_certifications(rng, figures)
    drafts = _routine_orders(rng, _routines()) + _scenario_orders(rng, figures)
    dataset = DemoDataset(
        parties=_records(CsvKind.PARTIES, Party),
        products=_records(CsvKind.PRODUCTS, Product),
        aia_certifications=aia,
        lpp_certifications=lpp,
        licenses=_licenses(),
        footprints=_footprints(figures),
        countries=_countries(figures),
        orders=_finish(drafts),
    )
    shipments = demo_shipments(dataset.orders, replay(dataset, catalog), dataset.products)
    return dataset.model_copy(update={"shipments": shipments})


# -- replay -----------------------------------------------------------------------------------


def replay(dataset: DemoDataset, catalog: RulesetCatalog) -> list[Decision]:
    """Check every order in date order, recording what each shipping decision consumes.

    Each order is judged by the ruleset version in effect on its date, with the consignee's
    standing from the ledger so far plus its paperwork: the AIA certification that speaks for the
    order's date and the LPP certification for its year (``domain.rules.certifications``, as a
    check on the database picks them), its licences and its VEU footprint.
    """
    parties = {party.ref: party for party in dataset.parties}
    products = {product.ref: product for product in dataset.products}
    aia: dict[str, list[AiaCertification]] = {}
    for certification in dataset.aia_certifications:
        aia.setdefault(certification.party_ref, []).append(certification)
    lpp: dict[str, list[LppCertification]] = {}
    for lpp_certification in dataset.lpp_certifications:
        lpp.setdefault(lpp_certification.party_ref, []).append(lpp_certification)
    licences: dict[str, list[License]] = {}
    for licence in dataset.licenses:
        licences.setdefault(licence.party_ref, []).append(licence)
    footprints: dict[str, dict[str, Decimal]] = {}
    for footprint in dataset.footprints:
        footprints.setdefault(footprint.party_ref, {})[footprint.country] = footprint.installed_tpp
    countries = {setting.country: setting for setting in dataset.countries}

    book = LedgerBook()
    decisions: list[Decision] = []
    for order in sorted(dataset.orders, key=lambda item: (item.date, item.ref)):
        consignee = parties[order.consignee_ref]
        base = Standing(
            aia_certification=aia_certification_on(aia.get(consignee.ref, []), order.date),
            lpp_certification=lpp_certification_for(lpp.get(consignee.ref, []), order.date),
            licenses=tuple(licences.get(consignee.ref, [])),
        )
        destination = order.destination or consignee.country
        setting = countries.get(destination) or CountrySetting(country=destination)
        context = EvaluationContext(
            consignee=consignee,
            end_user=parties[order.end_user_ref] if order.end_user_ref else None,
            products=products,
            standing=book.standing(
                consignee.ref,
                order.date,
                base=base,
                external_footprint=footprints.get(consignee.ref),
            ),
            country=book.country(setting),
        )
        ruleset: Ruleset = catalog.in_effect_on(order.date)
        decision = evaluate(order, context, ruleset)
        if decision.outcome.ships:
            book = book.record(decision.consumption)
        decisions.append(decision)
    return decisions
