"""Read models for the catalog and party screens, and the dry run of an unsaved order.

Pure domain over the ports: the window asks these functions and shows what they return.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from domain.classification import (
    ItemFigures,
    Level,
    Rate,
    classify_item,
    classify_weights,
    parse_rate,
    tpp_from_rates,
)
from domain.countries import country_name
from domain.decision import Decision
from domain.errors import ClassificationInputError
from domain.evaluation import evaluate
from domain.model import Order, Party, Product, ProductKind, VeuStatus
from domain.ports import Database, StoredOrder
from domain.ruleset import Ruleset, RulesetCatalog
from domain.services.orders import build_context
from domain.services.standing import VeuStanding
from domain.services.views import OrderDetail


class _View(BaseModel):
    model_config = ConfigDict(frozen=True)


# -- products -------------------------------------------------------------------------------


class ProductClassification(_View):
    """What the engine says about one catalog item under one ruleset version.

    ``error`` is set (and the figures left empty) when the item cannot be classified with
    the figures given, for example a datacenter IC whose die area decides.
    """

    ruleset: str
    eccn: str | None = None
    paragraph: str | None = None
    tpp: float | None = None
    performance_density: float | None = None
    unit_tpp: float | None = None
    level: Level = Level.NONE
    reason: str = ""
    error: str | None = None

    @property
    def eccn_text(self) -> str:
        if self.error:
            return "—"
        return self.eccn or "not controlled"


class ProductRow(_View):
    """One catalog row: the product and its classification today."""

    product: Product
    classification: ProductClassification


def classify_product(product: Product, ruleset: Ruleset) -> ProductClassification:
    """Classify a catalog item (3A090/4A090 by its figures, 4E091 for model weights)."""
    base = {"ruleset": ruleset.id}
    if product.kind in (ProductKind.IC, ProductKind.SYSTEM):
        assert product.tpp is not None  # guaranteed by Product validation
        figures = ItemFigures(
            tpp=product.tpp,
            die_area_mm2=product.die_area_mm2,
            datacenter=product.datacenter,
            ics_per_unit=product.ics_per_unit,
            system=product.kind is ProductKind.SYSTEM,
        )
        try:
            item = classify_item(figures, ruleset.ic_3a090)
        except ClassificationInputError as error:
            return ProductClassification(**base, tpp=product.tpp, error=str(error))
        return ProductClassification(
            **base,
            eccn=item.eccn,
            paragraph=item.paragraph,
            tpp=item.tpp,
            performance_density=item.performance_density,
            unit_tpp=item.unit_tpp,
            level=item.level,
            reason=item.reason,
        )
    if product.kind is ProductKind.MODEL_WEIGHTS:
        try:
            weights = classify_weights(
                product.training_operations, product.published, ruleset.model_weights
            )
        except ClassificationInputError as error:
            return ProductClassification(**base, error=str(error))
        return ProductClassification(
            **base, eccn=weights.eccn, paragraph=weights.eccn, reason=weights.reason
        )
    if product.kind is ProductKind.IAAS_TRAINING:
        operations = product.training_operations or 0.0
        threshold = ruleset.red_flag_28.min_training_operations
        large = operations >= threshold
        return ProductClassification(
            **base,
            reason=(
                f"IaaS training service, not an item; {operations:.3g} "
                f"{'≥' if large else '<'} {threshold:.3g} training operations"
                + (": may raise Red Flag 28" if large else "")
            ),
        )
    return ProductClassification(**base, reason="not an item under 3A090, 4A090 or 4E091")


def list_products(db: Database) -> list[Product]:
    """Every catalog item, ordered by ref."""
    with db.reader() as uow:
        return sorted(uow.products.all(), key=lambda product: product.ref.casefold())


def catalog_rows(db: Database, ruleset: Ruleset) -> list[ProductRow]:
    """Every catalog item with its classification under ``ruleset``."""
    return [
        ProductRow(product=product, classification=classify_product(product, ruleset))
        for product in list_products(db)
    ]


def get_product(db: Database, ref: str) -> Product | None:
    with db.reader() as uow:
        return uow.products.get(ref)


def parse_rates(text: str) -> list[Rate]:
    """Datasheet rates typed one per line (``TOPS:BITS`` or ``TOPS:BITS:sparse``).

    Blank lines and ``#`` comments are skipped; a bad line is an error naming it.
    """
    rates: list[Rate] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        try:
            rates.append(parse_rate(line))
        except ClassificationInputError as error:
            raise ClassificationInputError(f"line {number}: {error}") from error
    return rates


def tpp_from_rate_text(text: str) -> tuple[float, Rate]:
    """TPP from typed datasheet rates (the largest rate × bit length) and the rate it came from."""
    rates = parse_rates(text)
    tpp = tpp_from_rates(rates)
    best = next(rate for rate in rates if rate.tpp == tpp)
    return tpp, best


# -- parties --------------------------------------------------------------------------------


def get_party(db: Database, ref: str) -> Party | None:
    with db.reader() as uow:
        return uow.parties.get(ref)


class LimitCheck(_View):
    """One footprint limit of a VEU holder, with where the holder stands against it."""

    label: str
    share: float
    limit: float
    bound: Literal["min", "max"]
    holds: bool


def veu_limit_checks(standing: VeuStanding) -> list[LimitCheck]:
    """The UVEU footprint limits (Supp. 10 to Part 748 ¶ 6) as they stand now.

    Shares of the installed a-level TPP: Tier 1 at least the minimum; each Tier 2 country
    at most the maximum; the home country at least its minimum when headquartered there.
    """
    minimum, maximum = standing.min_tier1_share, standing.max_single_tier2_share
    if standing.status is not VeuStatus.UVEU or minimum is None or maximum is None:
        return []
    checks = [
        LimitCheck(
            label="Tier 1 in total",
            share=standing.tier1_share,
            limit=minimum,
            bound="min",
            holds=standing.total_tpp == 0 or standing.tier1_share >= minimum,
        )
    ]
    if standing.home_share is not None and standing.min_home_share is not None:
        checks.append(
            LimitCheck(
                label=f"{country_name(standing.home_country)} (home)",
                share=standing.home_share,
                limit=standing.min_home_share,
                bound="min",
                holds=standing.total_tpp == 0 or standing.home_share >= standing.min_home_share,
            )
        )
    for share in standing.shares:
        if share.tier == 2:
            checks.append(
                LimitCheck(
                    label=f"{country_name(share.country)} (Tier 2)",
                    share=share.share,
                    limit=maximum,
                    bound="max",
                    holds=share.share <= maximum,
                )
            )
    return checks


# -- orders ---------------------------------------------------------------------------------


class OrderPreview(_View):
    """The dry run of an order that is not saved: what a check would decide now."""

    detail: OrderDetail
    decision: Decision
    ref_taken: bool
    """Whether an order with this ref is already stored (saving would be refused)."""


def preview_order(db: Database, catalog: RulesetCatalog, order: Order) -> OrderPreview:
    """Evaluate ``order`` against the stored standing, recording nothing.

    Raises ``DomainError`` for what makes the order impossible to judge (unknown party or
    product, a date before the first ruleset, figures that cannot be classified).
    """
    ruleset = catalog.in_effect_on(order.date)
    with db.reader() as uow:
        ref_taken = uow.orders.get(order.ref) is not None
        context = build_context(uow, order)
    decision = evaluate(order, context, ruleset)
    detail = OrderDetail(
        stored=StoredOrder(order=order),
        consignee=context.consignee,
        end_user=context.end_user,
        history=(),
        checklists=(),
        preview=decision,
    )
    return OrderPreview(detail=detail, decision=decision, ref_taken=ref_taken)


def first_free_order_ref(db: Database, prefix: str, after: int = 0, width: int = 4) -> str:
    """The first ``{prefix}{n:0{width}}`` with n > ``after`` that no stored order uses."""
    start = max(after, 0) + 1
    batch = 50
    with db.reader() as uow:
        while True:
            candidates = [f"{prefix}{number:0{width}d}" for number in range(start, start + batch)]
            taken = uow.orders.existing_refs(candidates)
            for candidate in candidates:
                if candidate not in taken:
                    return candidate
            start += batch


def order_ref_prefix(day: date) -> str:
    """The house numbering of sales orders: ``SO-YY-`` then a four-digit counter."""
    return f"SO-{day.year % 100:02d}-"


def highest_number(refs: Sequence[str], prefix: str) -> int:
    """The largest counter among refs that follow ``prefix`` + digits (0 when none do)."""
    best = 0
    for ref in refs:
        if ref.startswith(prefix) and ref[len(prefix) :].isdigit():
            best = max(best, int(ref[len(prefix) :]))
    return best
