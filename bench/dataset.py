"""A large, realistic desk database for the storage benchmark, built fast with raw sqlite3.

``build(path, sizes)`` migrates a new SQLite file with ``SqlDatabase.open`` (so the schema is
exactly the application's), then streams into it, with ``sqlite3.executemany``:

- the demonstration products and ``sizes.parties`` parties spread over the ruleset's three
  tiers and every role (a few UVEU clouds and NVEU data centres among them), with AIA and LPP
  certifications, licences, VEU footprints and Tier 2 country settings;
- ``sizes.lines`` order lines over two years of working days, consignees drawn from a skewed
  distribution (a few customers order a lot), each order decided by the real engine in date
  order against the standing its predecessors left, exactly as ``check --pending`` would;
- for every decision: its row (a compact but valid ``Decision`` payload, its real content
  hash), its ledger entries, the running balances, and its hash-chained audit entry; a few
  orders are cancelled (consumption released) and a few re-checked (superseded);
- ``sizes.checks + sizes.warmup`` new pending orders for consignees with history, to check.

Nothing here is timed: it is test data building. Memory stays flat (batches of a few thousand
rows); the running balances and the parties' paperwork are the only things kept whole.
"""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from itertools import accumulate
from pathlib import Path
from typing import Any

from app.clock import SystemClock
from domain.audit import GENESIS_HASH, audit_entry_hash, canonical_json, decision_content_hash
from domain.countries import all_countries
from domain.decision import Consumption, Decision, Ledger
from domain.demo import (
    CABLES,
    CLOUD_SERVER_MIX,
    FINE_TUNING,
    LOW_END_MIX,
    OPEN_WEIGHTS,
    SWITCH,
    TIER1_MIX,
    TIER2_MIX,
    Mix,
    build_demo_dataset,
)
from domain.ledger import balance_key
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
    Role,
    Standing,
    VeuStatus,
)
from domain.numbers import ZERO
from domain.rules.engine import evaluate
from domain.ruleset import Ruleset, RulesetCatalog, load_shipped_rulesets
from domain.text import party_search_text
from storage.unit_of_work import SqlDatabase

FIRST_DAY = date(2025, 1, 13)
LAST_HISTORY_DAY = date(2026, 11, 20)
FIRST_PENDING_DAY = date(2026, 11, 23)
LAST_PENDING_DAY = date(2026, 12, 18)
OFFICERS = ("a.okafor", "b.lindqvist", "c.moreau", "d.whitfield", "e.tanaka")
CHECK_PREFIX = "BENCH-CHECK-"
WARMUP_PREFIX = "BENCH-WARM-"
IMPORT_PREFIX = "BENCH-IMP-"
_BATCH = 5_000


@dataclass(frozen=True)
class Sizes:
    """How big the benchmark's database and workloads are."""

    parties: int
    lines: int
    """Historical order lines."""
    checks: int
    """New pending orders checked (dry run, then recorded)."""
    warmup: int
    """Further pending orders used to warm caches before timing."""
    import_rows: int
    """Order rows in the imported CSV file."""

    @property
    def label(self) -> str:
        return f"{self.parties}p-{self.lines}l-{self.checks}c-{self.warmup}w"


FULL = Sizes(parties=50_000, lines=1_000_000, checks=1_000, warmup=100, import_rows=100_000)
QUICK = Sizes(parties=2_500, lines=50_000, checks=200, warmup=20, import_rows=10_000)


@dataclass
class BuildSummary:
    """What went into the database."""

    parties: int = 0
    orders: int = 0
    lines: int = 0
    decisions: int = 0
    ledger_entries: int = 0
    balances: int = 0
    audit_entries: int = 0
    cancelled: int = 0
    pending: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)


def party_ref(number: int) -> str:
    return f"PTY-{number:06d}"


# -- parties ----------------------------------------------------------------------------------


_ROLES = (
    (Role.END_USER, 40),
    (Role.DATACENTER_OPERATOR, 20),
    (Role.CLOUD_PROVIDER, 12),
    (Role.RESEARCH, 13),
    (Role.DISTRIBUTOR, 10),
    (Role.OTHER, 5),
)
# Where customers of a US exporter of AI chips are: Tier 1 mostly, a large Tier 2 share, a few
# in Tier 3 (who the engine then refuses). Weights within a tier favour the large markets.
_TIER1_WEIGHTS = {"US": 30, "DE": 8, "JP": 8, "GB": 7, "FR": 6, "KR": 6, "TW": 5, "CA": 5}
_TIER2_WEIGHTS = {
    "SG": 8,
    "IN": 8,
    "MY": 6,
    "AE": 6,
    "SA": 5,
    "IL": 5,
    "BR": 5,
    "PL": 4,
    "MX": 4,
    "TH": 4,
    "VN": 4,
    "TR": 3,
    "CH": 3,
    "ZA": 3,
    "ID": 3,
    "HK": 3,
}
_TIER3_WEIGHTS = {"CN": 12, "RU": 3, "MO": 2}


@dataclass(frozen=True)
class _Geography:
    countries: list[str]
    cum_weights: list[float]
    tier: Mapping[str, int]

    def pick(self, rng: random.Random) -> str:
        return rng.choices(self.countries, cum_weights=self.cum_weights)[0]

    def pick_in(self, rng: random.Random, tier: int) -> str:
        pool = [country for country in self.countries if self.tier[country] == tier]
        return rng.choice(pool)


def _geography(ruleset: Ruleset) -> _Geography:
    """Every country, weighted: 55 % of parties in Tier 1, 40 % in Tier 2, 5 % in Tier 3."""
    tier = {country.alpha2: ruleset.tier_of(country.alpha2) for country in all_countries()}
    weights: dict[str, float] = {}
    for share, listed, default in (
        (55.0, _TIER1_WEIGHTS, 1.5),
        (40.0, _TIER2_WEIGHTS, 0.2),
        (5.0, _TIER3_WEIGHTS, 0.3),
    ):
        level = 1 if listed is _TIER1_WEIGHTS else 2 if listed is _TIER2_WEIGHTS else 3
        members = [code for code, found in tier.items() if found == level]
        raw = {code: float(listed.get(code, default)) for code in members}
        total = sum(raw.values())
        for code, weight in raw.items():
            weights[code] = share * weight / total
    countries = sorted(weights)
    return _Geography(
        countries=countries,
        cum_weights=list(accumulate(weights[code] for code in countries)),
        tier=tier,
    )


def _parties(rng: random.Random, count: int, geo: _Geography) -> list[Party]:
    roles = [role for role, _ in _ROLES]
    role_weights = [weight for _, weight in _ROLES]
    parties = []
    for number in range(1, count + 1):
        country = geo.pick(rng)
        role = rng.choices(roles, role_weights)[0]
        hq_country = country
        draw = rng.random()
        if draw < 0.07:
            hq_country = "US"  # a subsidiary of a US group
        elif draw < 0.09:
            hq_country = "CN"  # headquartered in Tier 3: refused wherever it is
        parent_name = parent_hq = None
        if rng.random() < 0.05:
            parent_hq = rng.choice(("US", "US", "JP", "DE", "CN", "GB"))
            parent_name = f"Holding {number % 997} Group"
        veu, veu_country, veu_id = VeuStatus.NONE, None, None
        tier = geo.tier[country]
        if role is Role.CLOUD_PROVIDER and tier == 1 and rng.random() < 0.02:
            veu, hq_country, veu_id = VeuStatus.UVEU, "US", f"UVEU-{number:06d}"
            country, parent_name, parent_hq = "US", None, None
        elif role is Role.DATACENTER_OPERATOR and tier == 2 and rng.random() < 0.04:
            veu, veu_country, veu_id = VeuStatus.NVEU, country, f"NVEU-{number:06d}"
            hq_country, parent_name, parent_hq = country, None, None
        ref = party_ref(number)
        parties.append(
            Party(
                ref=ref,
                name=(
                    f"Rechenzentrum Müller & Söhne {number}"  # accents, as real names have
                    if number % 10 == 7
                    else f"Benchmark Customer {number} {role.value.replace('_', ' ').title()}"
                ),
                aliases=(f"BC{number}",) if number % 4 == 0 else (),
                address=f"{number} Example Street, {country}",
                country=country,
                hq_country=hq_country,
                parent_name=parent_name,
                parent_hq_country=parent_hq,
                role=role,
                veu=veu,
                veu_country=veu_country,
                veu_id=veu_id,
            )
        )
    return parties


# -- paperwork --------------------------------------------------------------------------------


@dataclass
class _Paperwork:
    aia: dict[str, list[AiaCertification]] = field(default_factory=dict)
    lpp: dict[tuple[str, int], LppCertification] = field(default_factory=dict)
    licenses: dict[str, list[License]] = field(default_factory=dict)
    footprints: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    countries: dict[str, CountrySetting] = field(default_factory=dict)


def _paperwork(
    rng: random.Random, parties: Sequence[Party], geo: _Geography, ruleset: Ruleset
) -> _Paperwork:
    papers = _Paperwork()
    h100 = 15_832.0
    for party in parties:
        tier = geo.tier[party.country]
        hq_tier = geo.tier[party.hq_country]
        if tier == 1 and hq_tier == 1 and rng.random() < 0.85:
            first = date(2024, 11, 4) + timedelta(days=rng.randrange(0, 100))
            signed = [first]
            if rng.random() < 0.05:
                signed.append(first + timedelta(days=rng.randrange(200, 500)))
            papers.aia[party.ref] = [
                AiaCertification(
                    party_ref=party.ref,
                    signed_on=day,
                    signers=("Compliance Officer", "Chief Executive"),
                    weights_storage_attested=rng.random() < 0.3,
                    submitted_to_bis_on=day + timedelta(days=20) if rng.random() < 0.15 else None,
                )
                for day in signed
            ]
        if tier == 2 and party.role is not Role.DISTRIBUTOR:
            for year, chance in ((2025, 0.9), (2026, 0.85)):
                if rng.random() < chance:
                    papers.lpp[(party.ref, year)] = LppCertification(
                        party_ref=party.ref,
                        year=year,
                        signed_on=date(year, 1, 2) + timedelta(days=rng.randrange(0, 45)),
                        signer="Managing Director",
                        prior_receipts_tpp=rng.choice((0, 0, 0, 16, 64, 256)) * h100,
                    )
            if rng.random() < 0.02:
                number = f"D{len(papers.licenses) + 1_300_000}"
                papers.licenses[party.ref] = [
                    License(
                        number=number,
                        party_ref=party.ref,
                        destination=party.country,
                        covers=LicenseCovers.A_LEVEL,
                        tpp=rng.choice((200, 500, 1_000, 2_000)) * h100,
                        valid_from=date(2025, 3, 3),
                        valid_to=date(2027, 2, 26),
                    )
                ]
        if party.veu is VeuStatus.UVEU:
            # Mostly at home and in Tier 1; small Tier 2 sites, inside the per-country share.
            home = Decimal(rng.randrange(800, 1_600) * 1_000_000)
            sites = {"US": home}
            for country in rng.sample(["DE", "JP", "GB", "FR", "CA", "KR"], 3):
                sites[country] = Decimal(rng.randrange(50, 200) * 1_000_000)
            for country in rng.sample(["SG", "MY", "IN", "AE"], 2):
                sites[country] = Decimal(rng.randrange(10, 60) * 1_000_000)
            papers.footprints[party.ref] = sites
        elif party.veu is VeuStatus.NVEU and party.veu_country is not None:
            papers.footprints[party.ref] = {
                party.veu_country: Decimal(rng.randrange(50, 400) * 1_000_000)
            }
    allocation = ruleset.country_allocation.tpp
    for country, _ in sorted(_TIER2_WEIGHTS.items()):
        papers.countries[country] = CountrySetting(
            country=country,
            g2g_agreement=country in ("AE", "SA"),
            external_allocation_used_tpp=round(
                allocation * Decimal(rng.randrange(5, 70)) / 100, -6
            ),
        )
    return papers


# -- orders -----------------------------------------------------------------------------------


def _working_days(start: date, end: date) -> list[date]:
    days = []
    day = start
    while day <= end:
        if day.weekday() < 5 and not (
            (day.month == 12 and day.day >= 22) or (day.month == 1 and day.day <= 2)
        ):
            days.append(day)
        day += timedelta(days=1)
    return days


def _mix_for(party: Party, tier: int) -> Mix:
    if party.veu is VeuStatus.UVEU:
        return CLOUD_SERVER_MIX
    if party.role is Role.DISTRIBUTOR or party.role is Role.OTHER:
        return LOW_END_MIX
    return TIER1_MIX if tier == 1 else TIER2_MIX


def _lines(rng: random.Random, mix: Mix, count: int, tier: int) -> tuple[OrderLine, ...]:
    """``count`` lines: a main product, then a smaller top-up, cables or a switch, rarely a
    fine-tuning run or open model weights (as the demonstration's routine orders)."""
    refs = [entry[0] for entry in mix]
    weights = [entry[1] for entry in mix]
    quantities = {entry[0]: entry[2] for entry in mix}
    first = rng.choices(refs, weights)[0]
    chosen = {first: rng.choice(quantities[first])}
    while len(chosen) < count:
        draw = rng.random()
        if draw < 0.4:
            other = rng.choices(refs, weights)[0]
            if other not in chosen:
                chosen[other] = quantities[other][0]
                continue
        extra = rng.choice((CABLES, SWITCH))
        if draw > 0.97 and tier == 1:
            extra = rng.choice((FINE_TUNING, OPEN_WEIGHTS))
        if extra not in chosen:
            chosen[extra] = 1 if extra in (FINE_TUNING, OPEN_WEIGHTS) else rng.randint(1, 24)
    return tuple(
        OrderLine.model_construct(product_ref=ref, quantity=quantity)
        for ref, quantity in chosen.items()
    )


@dataclass
class _Ledgers:
    """The running balances (the ledger_balances table), plus VEU shipments by party."""

    balances: dict[str, Decimal] = field(default_factory=dict)
    veu: dict[str, dict[str, Decimal]] = field(default_factory=dict)

    def add(self, items: Sequence[Consumption], sign: int) -> None:
        for item in items:
            key = balance_key(item)
            self.balances[key] = self.balances.get(key, ZERO) + sign * item.tpp
            if item.ledger is Ledger.VEU and item.party_ref and item.country:
                sites = self.veu.setdefault(item.party_ref, {})
                sites[item.country] = sites.get(item.country, ZERO) + sign * item.tpp


def _latest_aia(certifications: list[AiaCertification], day: date) -> AiaCertification | None:
    signed = [item for item in certifications if item.signed_on <= day]
    pool = signed or certifications
    return max(pool, key=lambda item: item.signed_on) if pool else None


def _context(
    order: Order,
    consignee: Party,
    end_user: Party | None,
    products: dict[str, Product],
    papers: _Paperwork,
    ledgers: _Ledgers,
) -> EvaluationContext:
    """What ``domain.services.orders.build_context`` reads, from the in-memory book."""
    ref = consignee.ref
    year = order.date.year
    footprint = dict(papers.footprints.get(ref, {}))
    for country, tpp in ledgers.veu.get(ref, {}).items():
        footprint[country] = footprint.get(country, ZERO) + tpp
    balances = ledgers.balances
    licenses = tuple(
        licence.model_copy(
            update={"used_tpp": max(balances.get(f"license|{licence.number}", ZERO), ZERO)}
        )
        for licence in papers.licenses.get(ref, ())
    )
    destination = order.destination or consignee.country
    setting = papers.countries.get(destination) or CountrySetting.model_construct(
        country=destination, g2g_agreement=False, external_allocation_used_tpp=ZERO
    )
    used = max(balances.get(f"country|{destination}", ZERO), ZERO)
    standing = Standing.model_construct(
        lpp_shipped_tpp=max(balances.get(f"lpp|{ref}|{year}", ZERO), ZERO),
        aia_cumulative_tpp=max(balances.get(f"aia|{ref}", ZERO), ZERO),
        veu_footprint={country: max(tpp, ZERO) for country, tpp in footprint.items()},
        aia_certification=_latest_aia(papers.aia.get(ref, []), order.date),
        lpp_certification=papers.lpp.get((ref, year)),
        licenses=licenses,
    )
    return EvaluationContext.model_construct(
        consignee=consignee,
        end_user=end_user,
        products=products,
        standing=standing,
        country=setting.model_copy(update={"our_allocation_used_tpp": used}),
    )


def compact_payload(decision: Decision) -> dict[str, Any]:
    """A valid ``Decision`` as JSON, without the per-line results and findings."""
    return {
        "order_ref": decision.order_ref,
        "order_date": decision.order_date.isoformat(),
        "outcome": decision.outcome.value,
        "authorizations": [item.value for item in decision.authorizations],
        "ruleset": decision.ruleset,
        "destination": decision.destination,
        "destination_tier": decision.destination_tier,
        "a_level_tpp": decision.a_level_tpp,
        "lines": [],
        "parts": [],
        "findings": [],
        "consumption": [_consumption_json(item) for item in decision.consumption],
    }


def _consumption_json(item: Consumption) -> dict[str, Any]:
    return {
        "ledger": item.ledger.value,
        "party_ref": item.party_ref,
        "year": item.year,
        "country": item.country,
        "license_number": item.license_number,
        "tpp": item.tpp,
    }


def _stamp(value: datetime) -> str:
    """A UTC datetime as SQLAlchemy stores it in SQLite."""
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


class _Writer:
    """Batches rows per table and appends the audit chain as decisions are made."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.rows: dict[str, list[tuple[Any, ...]]] = {
            "orders": [],
            "order_lines": [],
            "decisions": [],
            "ledger_entries": [],
            "audit_log": [],
        }
        self.sql = {
            "orders": "INSERT INTO orders (id, ref, date, consignee_id, end_user_id, destination,"
            " status, decided, effective_destination, outcome, a_level_tpp) VALUES"
            " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            "order_lines": "INSERT INTO order_lines (order_id, line_no, product_id, quantity)"
            " VALUES (?, ?, ?, ?)",
            "decisions": "INSERT INTO decisions (id, order_id, seq, decided_at, decided_by,"
            " outcome, ruleset, a_level_tpp, supersedes_id, payload, content_hash) VALUES"
            " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            "ledger_entries": "INSERT INTO ledger_entries (decision_id, ledger, party_ref, year,"
            " country, license_number, tpp, released, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            "audit_log": "INSERT INTO audit_log (seq, at, actor, action, entity, entity_ref,"
            ' before, "after", prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        }
        self.audit_seq = 0
        self.audit_hash = GENESIS_HASH
        self.decision_id = 0
        self.summary = BuildSummary()

    def audit(
        self,
        at: datetime,
        actor: str,
        action: str,
        entity: str,
        entity_ref: str,
        before: dict[str, Any] | None,
        after: dict[str, Any] | None,
    ) -> None:
        self.audit_seq += 1
        entry_hash = audit_entry_hash(
            seq=self.audit_seq,
            at=at,
            actor=actor,
            action=action,
            entity=entity,
            entity_ref=entity_ref,
            before=before,
            after=after,
            prev_hash=self.audit_hash,
        )
        self.rows["audit_log"].append(
            (
                self.audit_seq,
                _stamp(at),
                actor,
                action,
                entity,
                entity_ref,
                None if before is None else canonical_json(before),
                None if after is None else canonical_json(after),
                self.audit_hash,
                entry_hash,
            )
        )
        self.audit_hash = entry_hash
        self.summary.audit_entries += 1

    def ledger(
        self, decision_id: int, items: Sequence[Consumption], at: datetime, released: bool
    ) -> None:
        sign = -1 if released else 1
        for item in items:
            self.rows["ledger_entries"].append(
                (
                    decision_id,
                    item.ledger.value,
                    item.party_ref,
                    item.year,
                    item.country,
                    item.license_number,
                    sign * item.tpp,
                    int(released),
                    _stamp(at),
                )
            )
        self.summary.ledger_entries += len(items)

    def decide(
        self,
        order_id: int,
        order_ref: str,
        decision: Decision,
        at: datetime,
        by: str,
        previous: tuple[int, int, str, tuple[Consumption, ...]] | None,
    ) -> tuple[int, int, str, tuple[Consumption, ...]]:
        """Write one decision (superseding ``previous``: id, seq, outcome, consumption)."""
        released: tuple[Consumption, ...] = ()
        if previous is not None:
            released = previous[3]
            self.ledger(previous[0], released, at, released=True)
        self.decision_id += 1
        seq = 1 if previous is None else previous[1] + 1
        supersedes = None if previous is None else previous[0]
        payload = compact_payload(decision)
        content_hash = decision_content_hash(
            order_ref=order_ref,
            seq=seq,
            decided_at=at,
            decided_by=by,
            supersedes=supersedes,
            payload=payload,
        )
        self.rows["decisions"].append(
            (
                self.decision_id,
                order_id,
                seq,
                _stamp(at),
                by,
                decision.outcome.value,
                decision.ruleset,
                decision.a_level_tpp,
                supersedes,
                canonical_json(payload),
                content_hash,
            )
        )
        self.ledger(self.decision_id, decision.consumption, at, released=False)
        self.audit(
            at,
            by,
            "decide",
            "order",
            order_ref,
            None if previous is None else {"decision_id": previous[0], "outcome": previous[2]},
            {
                "decision_id": self.decision_id,
                "seq": seq,
                "outcome": decision.outcome.value,
                "ruleset": decision.ruleset,
                "content_hash": content_hash,
                "consumption": payload["consumption"],
                "released": [_consumption_json(item) for item in released],
            },
        )
        self.summary.decisions += 1
        self.summary.outcomes[decision.outcome.value] += 1
        return self.decision_id, seq, decision.outcome.value, decision.consumption

    def flush(self, force: bool = False) -> None:
        for table, rows in self.rows.items():
            if rows and (force or len(rows) >= _BATCH):
                self.connection.executemany(self.sql[table], rows)
                rows.clear()


def _insert_reference_data(
    connection: sqlite3.Connection,
    products: Sequence[Product],
    parties: Sequence[Party],
    papers: _Paperwork,
) -> tuple[dict[str, int], dict[str, int]]:
    product_ids = {product.ref: number for number, product in enumerate(products, start=1)}
    connection.executemany(
        "INSERT INTO products (id, ref, name, kind, tpp, die_area_mm2, datacenter, ics_per_unit,"
        " training_operations, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                product_ids[product.ref],
                product.ref,
                product.name,
                product.kind.value,
                product.tpp,
                product.die_area_mm2,
                int(product.datacenter),
                product.ics_per_unit,
                product.training_operations,
                int(product.published),
            )
            for product in products
        ],
    )
    party_ids = {party.ref: number for number, party in enumerate(parties, start=1)}
    connection.executemany(
        "INSERT INTO parties (id, ref, name, aliases, address, country, hq_country, parent_name,"
        " parent_hq_country, role, veu, veu_country, veu_id, search_text) VALUES"
        " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                party_ids[party.ref],
                party.ref,
                party.name,
                canonical_json(list(party.aliases)),
                party.address,
                party.country,
                party.hq_country,
                party.parent_name,
                party.parent_hq_country,
                party.role.value,
                party.veu.value,
                party.veu_country,
                party.veu_id,
                party_search_text(party),
            )
            for party in parties
        ],
    )
    connection.executemany(
        "INSERT INTO aia_certifications (party_id, signed_on, signers, weights_storage_attested,"
        " submitted_to_bis_on, revoked_on) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                party_ids[item.party_ref],
                item.signed_on.isoformat(),
                canonical_json(list(item.signers)),
                int(item.weights_storage_attested),
                item.submitted_to_bis_on.isoformat() if item.submitted_to_bis_on else None,
                None,
            )
            for items in papers.aia.values()
            for item in items
        ],
    )
    connection.executemany(
        "INSERT INTO lpp_certifications (party_id, year, signed_on, signer, prior_receipts_tpp,"
        " revoked_on) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                party_ids[item.party_ref],
                item.year,
                item.signed_on.isoformat(),
                item.signer,
                item.prior_receipts_tpp,
                None,
            )
            for item in papers.lpp.values()
        ],
    )
    connection.executemany(
        "INSERT INTO licenses (number, party_id, destination, covers, tpp, valid_from, valid_to)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                item.number,
                party_ids[item.party_ref],
                item.destination,
                item.covers.value,
                item.tpp,
                item.valid_from.isoformat(),
                item.valid_to.isoformat(),
            )
            for items in papers.licenses.values()
            for item in items
        ],
    )
    connection.executemany(
        "INSERT INTO veu_footprints (party_id, country, installed_tpp) VALUES (?, ?, ?)",
        [
            (party_ids[ref], country, tpp)
            for ref, sites in papers.footprints.items()
            for country, tpp in sites.items()
        ],
    )
    connection.executemany(
        "INSERT INTO country_settings (country, g2g_agreement, external_allocation_used_tpp)"
        " VALUES (?, ?, ?)",
        [
            (item.country, int(item.g2g_agreement), item.external_allocation_used_tpp)
            for item in papers.countries.values()
        ],
    )
    return product_ids, party_ids


def _order_stream(
    rng: random.Random, parties: Sequence[Party], geo: _Geography, lines_wanted: int
) -> Iterator[Order]:
    """Orders in date order until exactly ``lines_wanted`` lines have been made."""
    days = _working_days(FIRST_DAY, LAST_HISTORY_DAY)
    # A skewed customer base: weight 1/rank^0.7 over a shuffled ranking.
    ranked = list(parties)
    rng.shuffle(ranked)
    cum = list(accumulate((rank + 1) ** -0.7 for rank in range(len(ranked))))
    per_day = lines_wanted / len(days)
    made = 0
    number = 0
    for index, day in enumerate(days):
        goal = min(lines_wanted, round(per_day * (index + 1)))
        if index == len(days) - 1:
            goal = lines_wanted
        while made < goal:
            consignee = rng.choices(ranked, cum_weights=cum)[0]
            count = min(rng.choices((1, 2, 3), (60, 30, 10))[0], goal - made)
            tier = geo.tier[consignee.country]
            destination = None
            if consignee.veu is VeuStatus.UVEU and rng.random() < 0.4:
                destination = rng.choice(("DE", "JP", "GB", "SG", "MY", "IN"))
            elif rng.random() < 0.05:
                destination = geo.pick(rng)
            end_user = None
            if rng.random() < 0.08:
                end_user = rng.choice(ranked).ref
                if end_user == consignee.ref:
                    end_user = None
            number += 1
            made += count
            yield Order.model_construct(
                ref=f"SO-{number:07d}",
                date=day,
                consignee_ref=consignee.ref,
                end_user_ref=end_user,
                destination=destination,
                lines=_lines(rng, _mix_for(consignee, tier), count, tier),
                red_flag_28_resolution=None,
            )


def _pending_orders(
    rng: random.Random,
    parties: dict[str, Party],
    with_history: Sequence[str],
    geo: _Geography,
    count: int,
    prefix: str,
) -> list[Order]:
    days = _working_days(FIRST_PENDING_DAY, LAST_PENDING_DAY)
    consignees = rng.sample(list(with_history), min(count, len(with_history)))
    while len(consignees) < count:
        consignees.append(rng.choice(with_history))
    orders = []
    for number, ref in enumerate(consignees, start=1):
        consignee = parties[ref]
        tier = geo.tier[consignee.country]
        orders.append(
            Order.model_construct(
                ref=f"{prefix}{number:06d}",
                date=rng.choice(days),
                consignee_ref=ref,
                end_user_ref=None,
                destination=None,
                lines=_lines(
                    rng, _mix_for(consignee, tier), rng.choices((1, 2, 3), (60, 30, 10))[0], tier
                ),
                red_flag_28_resolution=None,
            )
        )
    return orders


def build(path: Path, sizes: Sizes, *, seed: int = 762) -> BuildSummary:
    """Create ``path`` (which must not exist) holding the benchmark's records."""
    if path.exists():
        raise FileExistsError(path)
    SqlDatabase.open(
        path, clock=SystemClock()
    ).close()  # the application's own schema, migrated to head
    catalog = load_shipped_rulesets()
    rng = random.Random(seed)
    geo = _geography(catalog.versions[-1])
    products = build_demo_dataset().products
    product_map = {product.ref: product for product in products}
    parties = _parties(rng, sizes.parties, geo)
    by_ref = {party.ref: party for party in parties}
    papers = _paperwork(rng, parties, geo, catalog.versions[-1])

    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA cache_size = -16384")
        connection.execute("BEGIN")
        product_ids, party_ids = _insert_reference_data(connection, products, parties, papers)
        columns = {row[1] for row in connection.execute("PRAGMA table_info(ledger_balances)")}
        writer = _Writer(connection)
        writer.summary.parties = len(parties)
        started = datetime(2025, 1, 10, 8, 0, tzinfo=UTC)
        writer.audit(
            started,
            "bench",
            "import",
            "parties",
            "benchmark data set",
            None,
            {"parties": len(parties), "products": len(products)},
        )
        ledgers = _Ledgers()
        history: Counter[str] = Counter()
        order_id = 0
        for order in _order_stream(rng, parties, geo, sizes.lines):
            order_id = _history_order(
                rng,
                writer,
                catalog,
                order,
                order_id + 1,
                by_ref,
                product_map,
                product_ids,
                party_ids,
                papers,
                ledgers,
            )
            history[order.consignee_ref] += 1
            writer.flush()
        repeat = [ref for ref, count in history.items() if count >= 3] or list(history)
        repeat.sort()
        pending = _pending_orders(rng, by_ref, repeat, geo, sizes.checks, CHECK_PREFIX)
        pending += _pending_orders(rng, by_ref, repeat, geo, sizes.warmup, WARMUP_PREFIX)
        for order in pending:
            order_id += 1
            _order_rows(writer, order, order_id, by_ref, product_ids, party_ids, None)
            writer.summary.pending += 1
        writer.flush(force=True)
        _insert_balances(connection, ledgers.balances, columns)
        writer.summary.balances = len(ledgers.balances)
        connection.execute("COMMIT")
        connection.execute("PRAGMA journal_mode = WAL")
    finally:
        connection.close()
    return writer.summary


def _order_rows(
    writer: _Writer,
    order: Order,
    order_id: int,
    parties: dict[str, Party],
    product_ids: dict[str, int],
    party_ids: dict[str, int],
    decided: tuple[str, Decimal, bool] | None,
) -> None:
    consignee = parties[order.consignee_ref]
    writer.rows["orders"].append(
        (
            order_id,
            order.ref,
            order.date.isoformat(),
            party_ids[order.consignee_ref],
            party_ids[order.end_user_ref] if order.end_user_ref else None,
            order.destination,
            "cancelled" if decided is not None and decided[2] else "open",
            int(decided is not None),
            order.destination or consignee.country,
            decided[0] if decided else None,
            decided[1] if decided else None,
        )
    )
    for line_no, line in enumerate(order.lines, start=1):
        writer.rows["order_lines"].append(
            (order_id, line_no, product_ids[line.product_ref], line.quantity)
        )
    writer.summary.orders += 1
    writer.summary.lines += len(order.lines)


def _history_order(
    rng: random.Random,
    writer: _Writer,
    catalog: RulesetCatalog,
    order: Order,
    order_id: int,
    parties: dict[str, Party],
    products: dict[str, Product],
    product_ids: dict[str, int],
    party_ids: dict[str, int],
    papers: _Paperwork,
    ledgers: _Ledgers,
) -> int:
    """Decide one historical order as an officer would, and write everything it leaves."""
    consignee = parties[order.consignee_ref]
    end_user = parties[order.end_user_ref] if order.end_user_ref else None
    ruleset = catalog.in_effect_on(order.date)

    def decide() -> Decision:
        context = _context(order, consignee, end_user, products, papers, ledgers)
        return evaluate(order, context, ruleset)

    decision = decide()
    at = datetime.combine(order.date, datetime.min.time(), UTC) + timedelta(
        hours=8, seconds=rng.randrange(0, 9 * 3600)
    )
    officer = OFFICERS[order_id % len(OFFICERS)]
    recorded = writer.decide(order_id, order.ref, decision, at, officer, None)
    ledgers.add(decision.consumption, 1)
    draw = rng.random()
    cancelled = False
    if draw < 0.01:
        # Re-checked the next day: the first decision's consumption is released, the order
        # judged again against the standing without it.
        ledgers.add(decision.consumption, -1)
        decision = decide()
        recorded = writer.decide(
            order_id, order.ref, decision, at + timedelta(days=1), officer, recorded
        )
        ledgers.add(decision.consumption, 1)
    elif draw < 0.03:
        cancelled = True
        when = at + timedelta(days=2)
        writer.ledger(recorded[0], decision.consumption, when, released=True)
        ledgers.add(decision.consumption, -1)
        writer.audit(
            when,
            officer,
            "cancel",
            "order",
            order.ref,
            {"status": "open"},
            {
                "status": "cancelled",
                "decision_id": recorded[0],
                "released": [_consumption_json(item) for item in decision.consumption],
            },
        )
        writer.summary.cancelled += 1
    _order_rows(
        writer,
        order,
        order_id,
        parties,
        product_ids,
        party_ids,
        (decision.outcome.value, decision.a_level_tpp, cancelled),
    )
    return order_id


def _insert_balances(
    connection: sqlite3.Connection, balances: dict[str, Decimal], columns: set[str]
) -> None:
    if "party_ref" in columns:
        connection.executemany(
            "INSERT INTO ledger_balances (key, tpp, party_ref) VALUES (?, ?, ?)",
            [(key, tpp, balance_party(key)) for key, tpp in balances.items()],
        )
    else:
        connection.executemany(
            "INSERT INTO ledger_balances (key, tpp) VALUES (?, ?)", list(balances.items())
        )


def balance_party(key: str) -> str | None:
    """The party a balance key counts for (``lpp|P|2025``, ``aia|P``, ``veu|P|SG``)."""
    ledger, _, rest = key.partition("|")
    if ledger == "aia":
        return rest
    if ledger in ("lpp", "veu"):
        return rest.rpartition("|")[0]
    return None


def import_csv(sizes: Sizes, *, seed: int = 1100) -> tuple[bytes, int]:
    """An orders CSV of ``sizes.import_rows`` rows for existing parties; (data, orders)."""
    rng = random.Random(seed)
    days = _working_days(FIRST_PENDING_DAY, LAST_PENDING_DAY)
    rows = ["ref,date,consignee_ref,end_user_ref,destination,product_ref,quantity"]
    mixes = (TIER1_MIX, TIER2_MIX, LOW_END_MIX)
    orders = 0
    while len(rows) - 1 < sizes.import_rows:
        orders += 1
        ref = f"{IMPORT_PREFIX}{orders:07d}"
        day = rng.choice(days).isoformat()
        consignee = party_ref(rng.randrange(1, sizes.parties + 1))
        end_user = party_ref(rng.randrange(1, sizes.parties + 1)) if rng.random() < 0.05 else ""
        destination = rng.choice(("", "", "", "", "", "", "", "", "SG", "DE"))
        count = min(rng.choices((1, 2, 3), (60, 30, 10))[0], sizes.import_rows - len(rows) + 1)
        for line in _lines(rng, rng.choice(mixes), count, 2):
            rows.append(
                f"{ref},{day},{consignee},{end_user},{destination},"
                f"{line.product_ref},{line.quantity}"
            )
    return ("\n".join(rows) + "\n").encode("utf-8"), orders
