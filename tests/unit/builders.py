"""Small builders for engine inputs, so each test states only what matters to it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from domain.decision import Decision
from domain.model import (
    AiaCertification,
    CountrySetting,
    EvaluationContext,
    License,
    LppCertification,
    Order,
    OrderLine,
    Party,
    Product,
    RedFlagResolution,
    Standing,
)
from domain.rules.engine import evaluate
from domain.ruleset import load_shipped_rulesets
from domain.screening.results import ScreeningState

CATALOG = load_shipped_rulesets()
H100_TPP = Decimal(15_832)

PRODUCTS: dict[str, Product] = {
    product.ref: product
    for product in (
        Product(ref="H100", name="NVIDIA H100 SXM", kind="ic", tpp=H100_TPP, die_area_mm2=814),
        Product(ref="H20", name="NVIDIA H20", kind="ic", tpp=2368, die_area_mm2=814),
        Product(ref="B1", name="Mid-range accelerator", kind="ic", tpp=3000, die_area_mm2=1000),
        Product(
            ref="HGX8",
            name="8-GPU H100 server",
            kind="system",
            tpp=H100_TPP,
            die_area_mm2=814,
            ics_per_unit=8,
        ),
        Product(
            ref="W", name="Frontier model weights", kind="model_weights", training_operations=3e26
        ),
        Product(
            ref="W-OPEN",
            name="Open model weights",
            kind="model_weights",
            training_operations=3e26,
            published=True,
        ),
        Product(
            ref="TRAIN", name="IaaS training run", kind="iaas_training", training_operations=2e26
        ),
        Product(
            ref="TRAIN-S", name="Small training run", kind="iaas_training", training_operations=1e24
        ),
        Product(ref="CABLE", name="Network cable", kind="other"),
    )
}


def party(ref: str = "C1", country: str = "SG", **fields: Any) -> Party:
    values: dict[str, Any] = {
        "ref": ref,
        "name": f"Party {ref}",
        "country": country,
        "hq_country": country,
    }
    values.update(fields)
    return Party(**values)


def aia_cert(
    signed_on: date = date(2025, 2, 1), party_ref: str = "C1", **fields: Any
) -> AiaCertification:
    return AiaCertification(party_ref=party_ref, signed_on=signed_on, **fields)


def lpp_cert(
    year: int = 2026, prior: float = 0.0, party_ref: str = "C1", **fields: Any
) -> LppCertification:
    return LppCertification(
        party_ref=party_ref,
        year=year,
        signed_on=date(year, 1, 2),
        prior_receipts_tpp=prior,
        **fields,
    )


def licence(
    number: str = "L-1",
    destination: str = "SG",
    tpp: float = 100_000_000,
    covers: str = "a_level",
    party_ref: str = "C1",
    **fields: Any,
) -> License:
    values: dict[str, Any] = {
        "number": number,
        "party_ref": party_ref,
        "destination": destination,
        "covers": covers,
        "tpp": tpp,
        "valid_from": date(2025, 1, 13),
        "valid_to": date(2027, 12, 31),
    }
    values.update(fields)
    return License(**values)


def decide(
    lines: Sequence[tuple[str, int]],
    consignee: Party | None = None,
    *,
    on: date = date(2026, 3, 2),
    end_user: Party | None = None,
    destination: str | None = None,
    standing: Standing | None = None,
    country: CountrySetting | None = None,
    resolution: RedFlagResolution | None = None,
    products: Mapping[str, Product] | None = None,
    screening: Mapping[str, ScreeningState] | None = None,
    field_audits: Mapping[str, tuple[int, ...]] | None = None,
) -> Decision:
    consignee = consignee or party()
    order = Order(
        ref="SO-1",
        date=on,
        consignee_ref=consignee.ref,
        end_user_ref=end_user.ref if end_user else None,
        destination=destination,
        lines=tuple(OrderLine(product_ref=ref, quantity=qty) for ref, qty in lines),
        red_flag_28_resolution=resolution,
    )
    context = EvaluationContext(
        consignee=consignee,
        end_user=end_user,
        products=products or PRODUCTS,
        standing=standing or Standing(),
        country=country,
        screening=screening or {},
        field_audits=field_audits or {},
    )
    return evaluate(order, context, CATALOG.in_effect_on(on))


def blocking(decision: Decision) -> list[str]:
    """Codes of the findings that decided against the order."""
    return [finding.code for finding in decision.findings if finding.severity == "block"]
