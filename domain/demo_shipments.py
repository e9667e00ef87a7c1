"""The demonstration's shipments: serial numbers for the units of the orders it ships
(rules.md section 10), so that orders show their shipments and a field-audit kit has
serials to reconcile.

An order ships when a check would let it go (authorized, or no licence required) and is
dated at least :data:`SHIPPING_DAYS` before the last order of the data set; larger orders
go in two or three shipments, each a few days to a few weeks after the order. Chips,
systems and other hardware get serials as their labels print them: a chip's board serial
is thirteen digits (as ``nvidia-smi`` reports it), a system's a maker's prefix and ten
digits. Model weights and cloud training are not units and get none.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import timedelta
from typing import Final

from domain.decision import Decision, Outcome
from domain.model import Order, Product, ProductKind, ShippedUnit

SEED: Final = 2610
SHIPPING_DAYS: Final = 30
"""Orders of the last month of the data set are not shipped yet."""
_SHIPS: Final = frozenset({Outcome.AUTHORIZED, Outcome.NO_LICENSE_REQUIRED})
_NOT_UNITS: Final = frozenset({ProductKind.MODEL_WEIGHTS, ProductKind.IAAS_TRAINING})


def demo_shipments(
    orders: Sequence[Order], decisions: Sequence[Decision], products: Sequence[Product]
) -> tuple[ShippedUnit, ...]:
    """Units with serials for the orders that ship (``decisions`` in the orders' order)."""
    if not orders:
        return ()
    rng = random.Random(SEED)
    kinds = {product.ref: product.kind for product in products}
    last = max(order.date for order in orders)
    used: set[tuple[str, str]] = set()
    units: list[ShippedUnit] = []
    for order, decision in zip(orders, decisions, strict=True):
        if decision.outcome not in _SHIPS or (last - order.date).days < SHIPPING_DAYS:
            continue
        items = [
            line.product_ref
            for line in order.lines
            if kinds.get(line.product_ref) not in _NOT_UNITS
            for _ in range(line.quantity)
        ]
        if not items:
            continue
        parts = 1 if len(items) < 20 else rng.randint(2, 3)
        size = -(-len(items) // parts)
        for number in range(parts):
            shipped_on = order.date + timedelta(days=rng.randint(5, 12) + 9 * number)
            shipment_ref = f"SHP-{order.ref.removeprefix('SO-')}-{number + 1}"
            for product_ref in items[number * size : (number + 1) * size]:
                serial = _serial(rng, kinds[product_ref], used, product_ref)
                units.append(
                    ShippedUnit(
                        order_ref=order.ref,
                        shipment_ref=shipment_ref,
                        shipped_on=shipped_on,
                        product_ref=product_ref,
                        serial=serial,
                    )
                )
    return tuple(units)


def _serial(
    rng: random.Random, kind: ProductKind, used: set[tuple[str, str]], product_ref: str
) -> str:
    while True:
        if kind is ProductKind.IC:
            serial = f"16{rng.randrange(10**10, 10**11)}"
        else:
            serial = f"{product_ref.split('-')[0][:3]}{rng.randrange(10**9, 10**10)}"
        if (product_ref, serial) not in used:
            used.add((product_ref, serial))
            return serial
