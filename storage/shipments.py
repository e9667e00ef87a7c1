"""Units shipped on orders with their serial numbers: the repository over ``shipped_units``
(append-only; rules.md section 10). It never commits."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection

from domain.model import ShippedUnit
from storage.schema import ShippedUnitRow

_CHUNK = 500
"""Values per IN (...) query: well below SQLite's limit on bound parameters."""
_ORDER = (
    ShippedUnitRow.order_ref,
    ShippedUnitRow.shipment_ref,
    ShippedUnitRow.product_ref,
    ShippedUnitRow.serial_key,
)


def _unit(row: Any) -> ShippedUnit:
    return ShippedUnit(
        order_ref=row.order_ref,
        shipment_ref=row.shipment_ref,
        shipped_on=row.shipped_on,
        product_ref=row.product_ref,
        serial=row.serial,
    )


class SqlShipmentRepository:
    """Implements ``domain.ports.ShipmentRepository``."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add_many(self, units: Sequence[ShippedUnit]) -> None:
        if not units:
            return
        self._connection.execute(
            insert(ShippedUnitRow),
            [
                {
                    "order_ref": unit.order_ref,
                    "shipment_ref": unit.shipment_ref,
                    "shipped_on": unit.shipped_on,
                    "product_ref": unit.product_ref,
                    "serial": unit.serial,
                    "serial_key": unit.serial_key[1],
                }
                for unit in units
            ],
        )

    def find(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], ShippedUnit]:
        by_product: dict[str, list[str]] = {}
        for product_ref, serial_key in dict.fromkeys(keys):
            by_product.setdefault(product_ref, []).append(serial_key)
        found: dict[tuple[str, str], ShippedUnit] = {}
        for product_ref, serials in by_product.items():
            for start in range(0, len(serials), _CHUNK):
                rows = self._connection.execute(
                    select(ShippedUnitRow).where(
                        ShippedUnitRow.product_ref == product_ref,
                        ShippedUnitRow.serial_key.in_(serials[start : start + _CHUNK]),
                    )
                )
                for row in rows:
                    unit = _unit(row)
                    found[unit.serial_key] = unit
        return found

    def of_orders(self, order_refs: Sequence[str]) -> dict[str, list[ShippedUnit]]:
        refs = list(dict.fromkeys(order_refs))
        found: dict[str, list[ShippedUnit]] = {}
        for start in range(0, len(refs), _CHUNK):
            rows = self._connection.execute(
                select(ShippedUnitRow)
                .where(ShippedUnitRow.order_ref.in_(refs[start : start + _CHUNK]))
                .order_by(*_ORDER)
            )
            for row in rows:
                found.setdefault(row.order_ref, []).append(_unit(row))
        return found

    def all(self) -> Iterator[ShippedUnit]:
        for row in self._connection.execute(select(ShippedUnitRow).order_by(*_ORDER)):
            yield _unit(row)

    def destinations(self) -> dict[str, str]:
        rows = self._connection.execute(
            text(
                "SELECT u.serial_key, p.ref FROM shipped_units u"
                " JOIN orders o ON o.ref = u.order_ref JOIN parties p ON p.id = o.consignee_id"
            )
        )
        return {row[0]: row[1] for row in rows}

    def count(self) -> int:
        counted = self._connection.execute(select(func.count()).select_from(ShippedUnitRow))
        return int(counted.scalar_one())
