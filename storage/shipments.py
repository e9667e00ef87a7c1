"""Units shipped on orders with their serial numbers, and the field-audit visits merged back:
the repositories over ``shipped_units``, ``field_visits`` and ``field_visit_resolutions``
(append-only; rules.md section 10). They never commit."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection

from domain.fieldaudit.visits import FieldVisit, VisitResolution
from domain.model import ShippedUnit
from storage.schema import DeskKeyRow, FieldVisitResolutionRow, FieldVisitRow, ShippedUnitRow
from storage.statements import InStatement, read_datetime

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


_OPEN_DISCREPANCIES = InStatement(
    "SELECT v.party_ref, v.id FROM field_visits v WHERE v.discrepancies > 0"
    " AND v.party_ref IN ({values}) AND NOT EXISTS (SELECT 1 FROM"
    " field_visit_resolutions r WHERE r.visit_id = v.id) ORDER BY v.id"
)
"""A party's visits with discrepancies no resolution has closed (refs sent in chunks)."""


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


def _visit(row: Any) -> FieldVisit:
    return FieldVisit(
        id=row.id,
        kit_sha256=row.kit_sha256,
        party_ref=row.party_ref,
        site=row.site,
        exported_at=read_datetime(row.exported_at),
        closed_at=read_datetime(row.closed_at),
        auditor=row.auditor,
        site_representative=row.site_representative,
        key_fingerprint=row.key_fingerprint,
        log_head=row.log_head,
        discrepancies=row.discrepancies,
        summary=json.loads(row.summary),
        merged_at=read_datetime(row.merged_at),
        merged_by=row.merged_by,
    )


class SqlFieldVisitRepository:
    """Implements ``domain.ports.FieldVisitRepository``."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, visit: FieldVisit) -> int:
        values = visit.model_dump(exclude={"id"})
        values["summary"] = json.dumps(visit.summary, ensure_ascii=False, sort_keys=True)
        inserted = self._connection.execute(
            insert(FieldVisitRow).values(**values).returning(FieldVisitRow.id)
        )
        return int(inserted.scalar_one())

    def by_kit(self, kit_sha256: str) -> FieldVisit | None:
        row = self._connection.execute(
            select(FieldVisitRow).where(FieldVisitRow.kit_sha256 == kit_sha256)
        ).first()
        return None if row is None else _visit(row)

    def for_parties(self, party_refs: Sequence[str]) -> dict[str, list[FieldVisit]]:
        refs = list(dict.fromkeys(party_refs))
        found: dict[str, list[FieldVisit]] = {}
        for start in range(0, len(refs), _CHUNK):
            rows = self._connection.execute(
                select(FieldVisitRow)
                .where(FieldVisitRow.party_ref.in_(refs[start : start + _CHUNK]))
                .order_by(FieldVisitRow.id)
            )
            for row in rows:
                found.setdefault(row.party_ref, []).append(_visit(row))
        return found

    def open_discrepancies(self, party_refs: Sequence[str]) -> dict[str, tuple[int, ...]]:
        refs = list(dict.fromkeys(party_refs))
        found: dict[str, list[int]] = {}
        for party_ref, visit_id in _OPEN_DISCREPANCIES.rows(self._connection, refs):
            found.setdefault(party_ref, []).append(visit_id)
        return {ref: tuple(ids) for ref, ids in found.items()}

    def trust_key(self, fingerprint: str, public_key: str, *, at: datetime, by: str) -> bool:
        known = self._connection.execute(
            select(DeskKeyRow.fingerprint).where(DeskKeyRow.fingerprint == fingerprint)
        ).first()
        if known is not None:
            return False
        self._connection.execute(
            insert(DeskKeyRow).values(
                fingerprint=fingerprint, public_key=public_key, first_used_at=at, first_used_by=by
            )
        )
        return True

    def trusted_keys(self) -> dict[str, str]:
        rows = self._connection.execute(select(DeskKeyRow.fingerprint, DeskKeyRow.public_key))
        return {row.fingerprint: row.public_key for row in rows}

    def unresolved(self) -> list[FieldVisit]:
        resolved = select(FieldVisitResolutionRow.visit_id).where(
            FieldVisitResolutionRow.visit_id == FieldVisitRow.id
        )
        rows = self._connection.execute(
            select(FieldVisitRow)
            .where(FieldVisitRow.discrepancies > 0, ~resolved.exists())
            .order_by(FieldVisitRow.id)
        )
        return [_visit(row) for row in rows]

    def add_resolution(self, resolution: VisitResolution) -> None:
        self._connection.execute(insert(FieldVisitResolutionRow).values(**resolution.model_dump()))

    def resolutions_for(self, party_refs: Sequence[str]) -> dict[str, list[VisitResolution]]:
        refs = list(dict.fromkeys(party_refs))
        found: dict[str, list[VisitResolution]] = {}
        for start in range(0, len(refs), _CHUNK):
            rows = self._connection.execute(
                select(FieldVisitResolutionRow)
                .where(FieldVisitResolutionRow.party_ref.in_(refs[start : start + _CHUNK]))
                .order_by(FieldVisitResolutionRow.id)
            )
            for row in rows:
                found.setdefault(row.party_ref, []).append(
                    VisitResolution(
                        visit_id=row.visit_id,
                        party_ref=row.party_ref,
                        resolution=row.resolution,
                        resolved_by=row.resolved_by,
                        resolved_at=read_datetime(row.resolved_at),
                    )
                )
        return found
