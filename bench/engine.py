"""The pure rules engine: classification and one order's evaluation, without storage.

Baseline: the same LPP arithmetic written by hand (a sum and a comparison per order), so the
ratio shows what the engine's classification, findings and explanations cost on top.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

from domain.model import (
    EvaluationContext,
    LppCertification,
    Order,
    OrderLine,
    Party,
    Product,
    Standing,
)
from domain.rules.engine import evaluate
from domain.ruleset import load_shipped_rulesets

COUNTRIES = ["SG", "DE", "JP", "AE", "IN", "MY", "US", "CN", "BR", "KH", "GB", "SA"]
ROLES = ["end_user", "datacenter_operator", "cloud_provider", "distributor", "research"]


def _products() -> dict[str, Product]:
    return {
        "H100": Product(ref="H100", name="H100 SXM", kind="ic", tpp=15_832, die_area_mm2=814),
        "H20": Product(ref="H20", name="H20", kind="ic", tpp=2_368, die_area_mm2=814),
        "L40S": Product(ref="L40S", name="L40S", kind="ic", tpp=5_864, die_area_mm2=608.44),
        "HGX": Product(
            ref="HGX",
            name="8-GPU server",
            kind="system",
            tpp=15_832,
            die_area_mm2=814,
            ics_per_unit=8,
        ),
        "W": Product(ref="W", name="Weights", kind="model_weights", training_operations=3e26),
    }


def _cases(count: int, seed: int = 7) -> list[tuple[Order, EvaluationContext]]:
    rng = random.Random(seed)
    products = _products()
    cases = []
    start = date(2025, 2, 1)
    for number in range(count):
        country = rng.choice(COUNTRIES)
        consignee = Party(
            ref=f"P{number}",
            name=f"Party {number}",
            country=country,
            hq_country=rng.choice([country, "US", "CN"]),
            role=rng.choice(ROLES),
        )
        day = start + timedelta(days=rng.randrange(700))
        lines = tuple(
            OrderLine(product_ref=rng.choice(list(products)), quantity=rng.randrange(1, 400))
            for _ in range(rng.randrange(1, 4))
        )
        order = Order(ref=f"SO-{number}", date=day, consignee_ref=consignee.ref, lines=lines)
        standing = Standing(
            lpp_shipped_tpp=rng.randrange(0, 20_000_000),
            lpp_certification=LppCertification(
                party_ref=consignee.ref, year=day.year, signed_on=date(day.year, 1, 1)
            ),
        )
        cases.append(
            (order, EvaluationContext(consignee=consignee, products=products, standing=standing))
        )
    return cases


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def _time_each(
    cases: list[tuple[Order, EvaluationContext]], run: Callable[[Order, EvaluationContext], object]
) -> list[float]:
    samples = []
    for order, context in cases:
        began = time.perf_counter()
        run(order, context)
        samples.append((time.perf_counter() - began) * 1000)
    return samples


def run(count: int = 1000) -> list[tuple[str, str]]:
    catalog = load_shipped_rulesets()
    cases = _cases(count)
    products = _products()
    limit = catalog.versions[-1].lpp.limit_tpp

    def engine(order: Order, context: EvaluationContext) -> object:
        return evaluate(order, context, catalog.in_effect_on(order.date))

    def baseline(order: Order, context: EvaluationContext) -> object:
        q = sum((products[line.product_ref].tpp or 0) * line.quantity for line in order.lines)
        return context.standing.lpp_shipped_tpp + q <= limit

    engine(*cases[0])  # warm caches (country index, tier maps)
    engine_p50, engine_p95 = _percentiles(_time_each(cases, engine))
    base_p50, base_p95 = _percentiles(_time_each(cases, baseline))
    return [
        ("orders evaluated", f"{count:,}"),
        ("engine evaluate p50 / p95", f"{engine_p50:.3f} ms / {engine_p95:.3f} ms"),
        ("hand-written LPP sum p50 / p95", f"{base_p50:.4f} ms / {base_p95:.4f} ms"),
        ("ratio p95 (engine / hand-written)", f"{engine_p95 / max(base_p95, 1e-9):.0f}x"),
    ]
