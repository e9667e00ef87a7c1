"""Read models for the catalog and party screens, and the dry run of an unsaved order.

Pure domain over the ports: the window asks these functions and shows what they return.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from domain.classification import Rate, parse_rate, tpp_from_rates
from domain.decision import Decision
from domain.errors import ClassificationInputError
from domain.frozen import Frozen
from domain.model import Order, Party, Product
from domain.ports import Database, StoredOrder
from domain.rules.classification import ProductClassification, classify_product
from domain.rules.engine import evaluate
from domain.rules.positions import LimitCheck, VeuPosition
from domain.ruleset import Ruleset, RulesetCatalog
from domain.services.orders import build_context
from domain.services.views import OrderDetail

# -- products -------------------------------------------------------------------------------


class ProductRow(Frozen):
    """One catalog row: the product and its classification today."""

    product: Product
    classification: ProductClassification


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


def tpp_from_rate_text(text: str) -> tuple[Decimal, Rate]:
    """TPP from typed datasheet rates (the largest rate × bit length) and the rate it came from."""
    rates = parse_rates(text)
    tpp = tpp_from_rates(rates)
    best = next(rate for rate in rates if rate.tpp == tpp)
    return tpp, best


# -- parties --------------------------------------------------------------------------------


def get_party(db: Database, ref: str) -> Party | None:
    with db.reader() as uow:
        return uow.parties.get(ref)


def veu_limit_checks(standing: VeuPosition) -> list[LimitCheck]:
    """The UVEU footprint limits (Supp. 10 to Part 748 ¶ 6) as they stand now: the checks of
    the position the engine decides through (none for an NVEU holder)."""
    return list(standing.checks)


# -- orders ---------------------------------------------------------------------------------


class OrderPreview(Frozen):
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
