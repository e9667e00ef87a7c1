"""Repositories: translate between rows and domain values. They never commit.

Every repository works on the unit of work's one Core connection, inside its transaction.
What an order's check and an import run many times (storage.statements explains why) is
hand-written SQL on the driver; the rest is SQLAlchemy Core over the mapped tables.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Double, cast, func, insert, select, update
from sqlalchemy.engine import Connection

from domain.audit import (
    GENESIS_HASH,
    AuditEntry,
    audit_entry_hash,
    canonical_json,
    decision_content_hash,
)
from domain.decision import Consumption, Decision, Ledger
from domain.errors import DomainError
from domain.ledger import BalanceKey, balance_key
from domain.model import (
    AiaCertification,
    CountrySetting,
    License,
    LppCertification,
    Order,
    OrderLine,
    Party,
    Product,
    RedFlagResolution,
    VeuFootprint,
)
from domain.numbers import ZERO
from domain.ports import (
    DecisionIntegrity,
    OrderStatus,
    RecordedDecision,
    RedFlagChecklist,
    StoredOrder,
)
from domain.record_state import aia_key, footprint_key, lpp_key, order_state
from domain.text import party_search_text
from storage.exact import read_exact
from storage.schema import (
    AiaCertificationRow,
    AuditEntryRow,
    CountrySettingRow,
    DecisionRow,
    LedgerBalanceRow,
    LedgerEntryRow,
    LicenseRow,
    LppCertificationRow,
    OrderRow,
    PartyRow,
    ProductRow,
    RedFlagChecklistRow,
    VeuFootprintRow,
)
from storage.sealing import note_written, touch, touch_many
from storage.statements import (
    InStatement,
    RowMemo,
    Statement,
    bind_datetime,
    date_binder,
    read_date,
    read_datetime,
    read_optional_date,
)


def utc(value: datetime) -> datetime:
    """Datetimes come back naive from SQLite and in the session zone from PostgreSQL."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


class _Repository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def _party_id(self, ref: str) -> int:
        found = _PARTY_ID.scalar(self.connection, {"ref": ref})
        if found is None:
            raise DomainError(f"unknown party {ref!r}")
        return int(found)


# -- parties and products -------------------------------------------------------------------

_PARTY_COLUMNS = (
    "ref, name, aliases, address, country, hq_country, parent_name, parent_hq_country, role,"
    " veu, veu_country, veu_id, language"
)
_PARTY_ID = Statement("SELECT id FROM parties WHERE ref = :ref")
_PARTY = Statement(f"SELECT {_PARTY_COLUMNS} FROM parties WHERE ref = :ref")
_PARTIES_IN = InStatement(f"SELECT {_PARTY_COLUMNS} FROM parties WHERE ref IN ({{values}})")
_PARTIES_AFTER = Statement(
    f"SELECT {_PARTY_COLUMNS} FROM parties WHERE ref > :after ORDER BY ref LIMIT 1000"
)
_PARTY_IDS = InStatement("SELECT ref, id, country FROM parties WHERE ref IN ({values})")


def _make_party(row: Sequence[Any]) -> Party:
    (
        ref,
        name,
        aliases,
        address,
        country,
        hq,
        parent,
        parent_hq,
        role,
        veu,
        veu_where,
        veu_id,
        language,
    ) = row
    return Party(
        ref=ref,
        name=name,
        aliases=tuple(json.loads(aliases)),
        address=address,
        country=country,
        hq_country=hq,
        parent_name=parent,
        parent_hq_country=parent_hq,
        role=role,
        veu=veu,
        veu_country=veu_where,
        veu_id=veu_id,
        language=language,
    )


_party: RowMemo[Party] = RowMemo(_make_party)
"""The party a row stands for (one value per distinct row)."""


def aliases_text(aliases: Sequence[str]) -> str:
    """A party's aliases as ``parties.aliases`` holds them (a JSON list)."""
    return json.dumps(list(aliases), ensure_ascii=False)


def _party_values(party: Party) -> dict[str, Any]:
    values = party.model_dump(mode="json")
    values["aliases"] = aliases_text(party.aliases)
    values["search_text"] = party_search_text(party)
    return values


class SqlPartyRepository(_Repository):
    def get(self, ref: str) -> Party | None:
        row = _PARTY.first(self.connection, {"ref": ref})
        return None if row is None else _party(row)

    def get_many(self, refs: Sequence[str]) -> dict[str, Party]:
        wanted = list(dict.fromkeys(refs))
        return {row[0]: _party(row) for row in _PARTIES_IN.rows(self.connection, wanted)}

    def add(self, party: Party) -> None:
        self.connection.execute(insert(PartyRow).values(**_party_values(party)))
        touch(self.connection, "party", party.ref)

    def add_many(self, parties: Sequence[Party]) -> None:
        if parties:
            self.connection.execute(insert(PartyRow), [_party_values(party) for party in parties])
            touch_many(self.connection, "party", [party.ref for party in parties])

    def update(self, party: Party) -> None:
        touch(self.connection, "party", party.ref)
        result = self.connection.execute(
            update(PartyRow).where(PartyRow.ref == party.ref).values(**_party_values(party))
        )
        if result.rowcount == 0:
            raise DomainError(f"unknown party {party.ref!r}")
        # Orders without an explicit destination go where the consignee is located.
        party_id = select(PartyRow.id).where(PartyRow.ref == party.ref).scalar_subquery()
        self.connection.execute(
            update(OrderRow)
            .where(OrderRow.consignee_id == party_id, OrderRow.destination.is_(None))
            .values(effective_destination=party.country)
        )

    def all(self) -> Iterator[Party]:
        after = ""
        while True:
            rows = _PARTIES_AFTER.rows(self.connection, {"after": after})
            if not rows:
                return
            for row in rows:
                yield _make_party(row)
            after = rows[-1][0]

    def names(self) -> Iterator[tuple[str, str]]:
        rows = self.connection.execute(select(PartyRow.ref, PartyRow.name))
        return ((ref, name) for ref, name in rows)

    def existing_refs(self, refs: Sequence[str]) -> set[str]:
        return set(self.ids_and_countries(refs))

    def ids_by_ref(self, refs: Sequence[str]) -> dict[str, int]:
        return {ref: row_id for ref, (row_id, _) in self.ids_and_countries(refs).items()}

    def ids_and_countries(self, refs: Sequence[str]) -> dict[str, tuple[int, str]]:
        return {
            ref: (row_id, country)
            for ref, row_id, country in _PARTY_IDS.rows(self.connection, list(refs))
        }


_PRODUCT_COLUMNS = (
    "ref, name, kind, tpp, die_area_mm2, datacenter, ics_per_unit, training_operations, published"
)
_PRODUCT = Statement(f"SELECT {_PRODUCT_COLUMNS} FROM products WHERE ref = :ref")
_PRODUCTS_IN = InStatement(f"SELECT {_PRODUCT_COLUMNS} FROM products WHERE ref IN ({{values}})")
_PRODUCTS_ALL = Statement(f"SELECT {_PRODUCT_COLUMNS} FROM products ORDER BY ref")
_PRODUCT_IDS = InStatement("SELECT ref, id FROM products WHERE ref IN ({values})")


def _make_product(row: Sequence[Any]) -> Product:
    ref, name, kind, tpp, die_area, datacenter, ics, operations, published = row
    return Product(
        ref=ref,
        name=name,
        kind=kind,
        tpp=None if tpp is None else read_exact(tpp),
        die_area_mm2=die_area,
        datacenter=bool(datacenter),
        ics_per_unit=ics,
        training_operations=operations,
        published=bool(published),
    )


_product: RowMemo[Product] = RowMemo(_make_product)


class SqlProductRepository(_Repository):
    def get(self, ref: str) -> Product | None:
        row = _PRODUCT.first(self.connection, {"ref": ref})
        return None if row is None else _product(row)

    def get_many(self, refs: Sequence[str]) -> dict[str, Product]:
        wanted = list(dict.fromkeys(refs))
        return {row[0]: _product(row) for row in _PRODUCTS_IN.rows(self.connection, wanted)}

    def add(self, product: Product) -> None:
        self.connection.execute(insert(ProductRow).values(**product.model_dump(mode="json")))
        touch(self.connection, "product", product.ref)

    def add_many(self, products: Sequence[Product]) -> None:
        if products:
            self.connection.execute(
                insert(ProductRow), [product.model_dump(mode="json") for product in products]
            )
            touch_many(self.connection, "product", [product.ref for product in products])

    def update(self, product: Product) -> None:
        touch(self.connection, "product", product.ref)
        result = self.connection.execute(
            update(ProductRow)
            .where(ProductRow.ref == product.ref)
            .values(**product.model_dump(mode="json"))
        )
        if result.rowcount == 0:
            raise DomainError(f"unknown product {product.ref!r}")

    def all(self) -> Iterator[Product]:
        for row in _PRODUCTS_ALL.rows(self.connection, {}):
            yield _make_product(row)

    def existing_refs(self, refs: Sequence[str]) -> set[str]:
        return set(self.ids_by_ref(refs))

    def ids_by_ref(self, refs: Sequence[str]) -> dict[str, int]:
        return dict(_PRODUCT_IDS.rows(self.connection, list(refs)))


# -- orders ---------------------------------------------------------------------------------

_ORDER_SELECT = (
    "SELECT o.id, o.ref, o.date, c.ref, e.ref, o.destination, o.status, o.rf28_resolved_on,"
    " o.rf28_resolved_by, o.rf28_note FROM orders o"
    " JOIN parties c ON c.id = o.consignee_id LEFT JOIN parties e ON e.id = o.end_user_id"
)
# One order with its lines, one row per line (an order has at least one).
_ORDER = Statement(
    "SELECT o.id, o.ref, o.date, c.ref, e.ref, o.destination, o.status, o.rf28_resolved_on,"
    " o.rf28_resolved_by, o.rf28_note, p.ref, l.quantity FROM orders o"
    " JOIN parties c ON c.id = o.consignee_id LEFT JOIN parties e ON e.id = o.end_user_id"
    " LEFT JOIN order_lines l ON l.order_id = o.id LEFT JOIN products p ON p.id = l.product_id"
    " WHERE o.ref = :ref ORDER BY l.line_no"
)
_ORDERS_AFTER = Statement(f"{_ORDER_SELECT} WHERE o.id > :after ORDER BY o.id LIMIT 1000")
_LINES_BETWEEN = Statement(
    "SELECT l.order_id, p.ref, l.quantity FROM order_lines l"
    " JOIN products p ON p.id = l.product_id WHERE l.order_id >= :first AND l.order_id <= :last"
    " ORDER BY l.order_id, l.line_no"
)
_ORDER_ID = Statement("SELECT id FROM orders WHERE ref = :ref")
_ORDERS_IN = InStatement(f"{_ORDER_SELECT} WHERE o.id IN ({{values}}) ORDER BY o.id")
_LINES_IN = InStatement(
    "SELECT l.order_id, p.ref, l.quantity FROM order_lines l"
    " JOIN products p ON p.id = l.product_id WHERE l.order_id IN ({values})"
    " ORDER BY l.order_id, l.line_no"
)
_PRODUCTS_ORDERED_BY = Statement(
    "SELECT DISTINCT p.ref FROM orders o JOIN parties c ON c.id = o.consignee_id"
    " JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id"
    " WHERE c.ref = :ref AND o.status = :status"
)
_ORDERS_OF_PARTY = Statement(
    "SELECT o.ref FROM orders o WHERE o.consignee_id = (SELECT id FROM parties WHERE ref = :ref)"
    " OR o.end_user_id = (SELECT id FROM parties WHERE ref = :ref) ORDER BY o.date, o.ref"
)
_ORDER_IDS = InStatement("SELECT ref, id FROM orders WHERE ref IN ({values})")
_ORDER_COLUMNS = (
    "ref",
    "date",
    "consignee_id",
    "end_user_id",
    "destination",
    "effective_destination",
    "status",
    "decided",
    "rf28_resolved_on",
    "rf28_resolved_by",
    "rf28_note",
)
_INSERT_ORDER = Statement(
    f"INSERT INTO orders ({', '.join(_ORDER_COLUMNS)}, outcome, a_level_tpp)"
    f" VALUES ({', '.join(':' + name for name in _ORDER_COLUMNS)}, NULL, NULL)"
)
_INSERT_LINE = Statement(
    "INSERT INTO order_lines (order_id, line_no, product_id, quantity)"
    " VALUES (:order_id, :line_no, :product_id, :quantity)"
)
_MARK_DECIDED = Statement(
    "UPDATE orders SET decided = :decided, outcome = :outcome, a_level_tpp = :a_level_tpp"
    " WHERE ref = :ref"
)


def _make_stored_order(rows: tuple[tuple[Any, ...], ...]) -> StoredOrder:
    """One order from its rows (the order's columns and one line's each)."""
    lines = [(row[0], row[10], row[11]) for row in rows if row[10] is not None]
    return SqlOrderRepository._stored(rows[:1], lines)[0]


class SqlOrderRepository(_Repository):
    def get(self, ref: str) -> StoredOrder | None:
        rows = _ORDER.rows(self.connection, {"ref": ref})
        return _stored_order(tuple(rows)) if rows else None

    @staticmethod
    def _stored(
        rows: Sequence[Sequence[Any]], line_rows: Sequence[Sequence[Any]]
    ) -> list[StoredOrder]:
        lines: dict[int, list[OrderLine]] = {row[0]: [] for row in rows}
        for order_id, product_ref, quantity in line_rows:
            lines[order_id].append(OrderLine(product_ref=product_ref, quantity=quantity))
        stored = []
        for row in rows:
            order_id, ref, day, consignee, end_user, destination, status = row[:7]
            resolved_on, resolved_by, note = row[7:10]
            resolution = None
            if resolved_on is not None:
                resolution = RedFlagResolution(
                    resolved_on=read_date(resolved_on),
                    resolved_by=resolved_by or "",
                    note=note or "",
                )
            order = Order(
                ref=ref,
                date=read_date(day),
                consignee_ref=consignee,
                end_user_ref=end_user,
                destination=destination,
                lines=tuple(lines[order_id]),
                red_flag_28_resolution=resolution,
            )
            stored.append(StoredOrder(order=order, status=OrderStatus(status)))
        return stored

    def add(self, order: Order) -> None:
        self.add_many([order])

    def add_many(self, orders: Sequence[Order]) -> None:
        if not orders:
            return
        note_written(self.connection, "order", {order.ref: order_state(order) for order in orders})
        party_refs = {order.consignee_ref for order in orders} | {
            order.end_user_ref for order in orders if order.end_user_ref
        }
        located = SqlPartyRepository(self.connection).ids_and_countries(sorted(party_refs))
        product_refs = {line.product_ref for order in orders for line in order.lines}
        products = SqlProductRepository(self.connection).ids_by_ref(sorted(product_refs))
        missing_parties = party_refs - located.keys()
        missing_products = product_refs - products.keys()
        if missing_parties or missing_products:
            problems = [f"unknown party {ref!r}" for ref in sorted(missing_parties)]
            problems += [f"unknown product {ref!r}" for ref in sorted(missing_products)]
            raise DomainError("; ".join(problems))
        connection = self.connection
        day = date_binder(connection)
        # Streamed to the driver as tuples: 10^5 rows never exist as parameter sets at once.
        _INSERT_ORDER.many(
            connection,
            _ORDER_COLUMNS,
            (
                (
                    order.ref,
                    day(order.date),
                    located[order.consignee_ref][0],
                    located[order.end_user_ref][0] if order.end_user_ref else None,
                    order.destination,
                    order.destination or located[order.consignee_ref][1],
                    OrderStatus.OPEN.value,
                    False,
                    day(resolution.resolved_on) if resolution else None,
                    resolution.resolved_by if resolution else None,
                    resolution.note if resolution else None,
                )
                for order in orders
                for resolution in (order.red_flag_28_resolution,)
            ),
        )
        ids = self._ids_by_ref([order.ref for order in orders])
        _INSERT_LINE.many(
            connection,
            ("order_id", "line_no", "product_id", "quantity"),
            (
                (ids[order.ref], number, products[line.product_ref], line.quantity)
                for order in orders
                for number, line in enumerate(order.lines, start=1)
            ),
        )

    def _ids_by_ref(self, refs: Sequence[str]) -> dict[str, int]:
        return dict(_ORDER_IDS.rows(self.connection, refs))

    def order_id(self, ref: str) -> int:
        found = _ORDER_ID.scalar(self.connection, {"ref": ref})
        if found is None:
            raise DomainError(f"unknown order {ref!r}")
        return int(found)

    def get_many(self, refs: Sequence[str]) -> dict[str, StoredOrder]:
        ids = sorted(self._ids_by_ref(list(dict.fromkeys(refs))).values())
        found: dict[str, StoredOrder] = {}
        for start in range(0, len(ids), 1000):
            chunk = ids[start : start + 1000]
            rows = _ORDERS_IN.rows(self.connection, chunk)
            lines = _LINES_IN.rows(self.connection, chunk)
            found.update((stored.order.ref, stored) for stored in self._stored(rows, lines))
        return found

    def set_status(self, ref: str, status: OrderStatus) -> None:
        touch(self.connection, "order", ref)
        self.connection.execute(
            update(OrderRow).where(OrderRow.ref == ref).values(status=status.value)
        )

    def mark_decided(self, ref: str, outcome: str, a_level_tpp: Decimal) -> None:
        _MARK_DECIDED.run(
            self.connection,
            {"ref": ref, "decided": True, "outcome": outcome, "a_level_tpp": a_level_tpp},
        )

    def set_red_flag_resolution(self, ref: str, resolution: RedFlagResolution) -> None:
        touch(self.connection, "order", ref)
        self.connection.execute(
            update(OrderRow)
            .where(OrderRow.ref == ref)
            .values(
                rf28_resolved_on=resolution.resolved_on,
                rf28_resolved_by=resolution.resolved_by,
                rf28_note=resolution.note,
            )
        )

    def pending_refs(self) -> list[str]:
        return list(
            self.connection.execute(
                select(OrderRow.ref)
                .where(OrderRow.status == OrderStatus.OPEN.value, OrderRow.decided.is_(False))
                .order_by(OrderRow.date, OrderRow.id)
            ).scalars()
        )

    def all(self) -> Iterator[StoredOrder]:
        last_id = 0
        while True:
            rows = _ORDERS_AFTER.rows(self.connection, {"after": last_id})
            if not rows:
                return
            lines = _LINES_BETWEEN.rows(self.connection, {"first": rows[0][0], "last": rows[-1][0]})
            yield from self._stored(rows, lines)
            last_id = rows[-1][0]

    def existing_refs(self, refs: Sequence[str]) -> set[str]:
        return set(self._ids_by_ref(refs))

    def refs_for_party(self, party_ref: str) -> list[str]:
        return [row[0] for row in _ORDERS_OF_PARTY.rows(self.connection, {"ref": party_ref})]

    def product_refs_for(self, consignee_ref: str) -> set[str]:
        rows = _PRODUCTS_ORDERED_BY.rows(
            self.connection, {"ref": consignee_ref, "status": OrderStatus.OPEN.value}
        )
        return {row[0] for row in rows}


_stored_order: RowMemo[StoredOrder] = RowMemo(_make_stored_order)


# -- paperwork ------------------------------------------------------------------------------

_AIA_COLUMNS = (
    "a.signed_on, a.signers, a.weights_storage_attested, a.submitted_to_bis_on, a.revoked_on"
)
_AIA_FOR = Statement(
    f"SELECT {_AIA_COLUMNS} FROM aia_certifications a JOIN parties p ON p.id = a.party_id"
    " WHERE p.ref = :ref ORDER BY a.signed_on"
)
_LPP_COLUMNS = "l.year, l.signed_on, l.signer, l.prior_receipts_tpp, l.revoked_on"
_LPP_FOR_YEAR = Statement(
    f"SELECT {_LPP_COLUMNS} FROM lpp_certifications l JOIN parties p ON p.id = l.party_id"
    " WHERE p.ref = :ref AND l.year = :year"
)
_LPP_FOR = Statement(
    f"SELECT {_LPP_COLUMNS} FROM lpp_certifications l JOIN parties p ON p.id = l.party_id"
    " WHERE p.ref = :ref ORDER BY l.year"
)
# A licence's use is its running balance, read in the same statement.
_LICENSE_SELECT = (
    "SELECT l.number, p.ref, l.destination, l.covers, l.tpp, l.valid_from, l.valid_to, b.tpp"
    " FROM licenses l JOIN parties p ON p.id = l.party_id"
    f" LEFT JOIN ledger_balances b ON b.key = '{BalanceKey.prefix(Ledger.LICENSE)}' || l.number"
)
_LICENSES_FOR = Statement(f"{_LICENSE_SELECT} WHERE p.ref = :ref ORDER BY l.number")
_LICENSE = Statement(f"{_LICENSE_SELECT} WHERE l.number = :number")
_LICENSES_ALL = Statement(f"{_LICENSE_SELECT} ORDER BY l.number")
_FOOTPRINT = Statement(
    "SELECT f.country, f.installed_tpp FROM veu_footprints f"
    " JOIN parties p ON p.id = f.party_id WHERE p.ref = :ref"
)
_COUNTRY_SELECT = (
    "SELECT c.country, c.g2g_agreement, c.external_allocation_used_tpp, b.tpp"
    " FROM country_settings c LEFT JOIN ledger_balances b"
    f" ON b.key = '{BalanceKey.prefix(Ledger.COUNTRY_ALLOCATION)}' || c.country"
)
_COUNTRY = Statement(f"{_COUNTRY_SELECT} WHERE c.country = :country")
_COUNTRIES_ALL = Statement(f"{_COUNTRY_SELECT} ORDER BY c.country")


def _make_aia(row: Sequence[Any], party_ref: str) -> AiaCertification:
    signed_on, signers, attested, submitted, revoked = row
    return AiaCertification(
        party_ref=party_ref,
        signed_on=read_date(signed_on),
        signers=tuple(json.loads(signers)),
        weights_storage_attested=bool(attested),
        submitted_to_bis_on=read_optional_date(submitted),
        revoked_on=read_optional_date(revoked),
    )


def _make_lpp(row: Sequence[Any], party_ref: str) -> LppCertification:
    year, signed_on, signer, prior, revoked = row
    return LppCertification(
        party_ref=party_ref,
        year=year,
        signed_on=read_date(signed_on),
        signer=signer,
        prior_receipts_tpp=read_exact(prior),
        revoked_on=read_optional_date(revoked),
    )


def _make_license(row: Sequence[Any]) -> License:
    number, party_ref, destination, covers, tpp, valid_from, valid_to, used = row
    return License(
        number=number,
        party_ref=party_ref,
        destination=destination,
        covers=covers,
        tpp=read_exact(tpp),
        used_tpp=read_exact(used),
        valid_from=read_date(valid_from),
        valid_to=read_date(valid_to),
    )


def _make_country(row: Sequence[Any]) -> CountrySetting:
    country, g2g, external, used = row
    return CountrySetting(
        country=country,
        g2g_agreement=bool(g2g),
        external_allocation_used_tpp=read_exact(external),
        our_allocation_used_tpp=read_exact(used),
    )


_aia: RowMemo[AiaCertification] = RowMemo(_make_aia)
_lpp: RowMemo[LppCertification] = RowMemo(_make_lpp)
_license: RowMemo[License] = RowMemo(_make_license)
_country: RowMemo[CountrySetting] = RowMemo(_make_country)


class SqlPaperworkRepository(_Repository):
    def __init__(self, connection: Connection, ledger: SqlLedgerRepository) -> None:
        super().__init__(connection)
        self.ledger = ledger

    def aia_certifications(self, party_ref: str) -> list[AiaCertification]:
        rows = _AIA_FOR.rows(self.connection, {"ref": party_ref})
        return [_aia(row, party_ref) for row in rows]

    def put_aia_certification(self, certification: AiaCertification) -> None:
        party_id = self._party_id(certification.party_ref)
        touch(
            self.connection,
            "aia_certification",
            aia_key(certification.party_ref, certification.signed_on),
        )
        values = {
            "signers": json.dumps(list(certification.signers), ensure_ascii=False),
            "weights_storage_attested": certification.weights_storage_attested,
            "submitted_to_bis_on": certification.submitted_to_bis_on,
            "revoked_on": certification.revoked_on,
        }
        result = self.connection.execute(
            update(AiaCertificationRow)
            .where(
                AiaCertificationRow.party_id == party_id,
                AiaCertificationRow.signed_on == certification.signed_on,
            )
            .values(**values)
        )
        if result.rowcount == 0:
            self.connection.execute(
                insert(AiaCertificationRow).values(
                    party_id=party_id, signed_on=certification.signed_on, **values
                )
            )

    def lpp_certification(self, party_ref: str, year: int) -> LppCertification | None:
        row = _LPP_FOR_YEAR.first(self.connection, {"ref": party_ref, "year": year})
        return None if row is None else _lpp(row, party_ref)

    def lpp_certifications(self, party_ref: str) -> list[LppCertification]:
        rows = _LPP_FOR.rows(self.connection, {"ref": party_ref})
        return [_lpp(row, party_ref) for row in rows]

    def put_lpp_certification(self, certification: LppCertification) -> None:
        party_id = self._party_id(certification.party_ref)
        touch(
            self.connection,
            "lpp_certification",
            lpp_key(certification.party_ref, certification.year),
        )
        values = {
            "signed_on": certification.signed_on,
            "signer": certification.signer,
            "prior_receipts_tpp": certification.prior_receipts_tpp,
            "revoked_on": certification.revoked_on,
        }
        result = self.connection.execute(
            update(LppCertificationRow)
            .where(
                LppCertificationRow.party_id == party_id,
                LppCertificationRow.year == certification.year,
            )
            .values(**values)
        )
        if result.rowcount == 0:
            self.connection.execute(
                insert(LppCertificationRow).values(
                    party_id=party_id, year=certification.year, **values
                )
            )

    def licenses_for(self, party_ref: str) -> list[License]:
        return [_license(row) for row in _LICENSES_FOR.rows(self.connection, {"ref": party_ref})]

    def license(self, number: str) -> License | None:
        row = _LICENSE.first(self.connection, {"number": number})
        return None if row is None else _license(row)

    def add_license(self, licence: License) -> None:
        touch(self.connection, "license", licence.number)
        self.connection.execute(
            insert(LicenseRow).values(
                number=licence.number,
                party_id=self._party_id(licence.party_ref),
                destination=licence.destination,
                covers=licence.covers.value,
                tpp=licence.tpp,
                valid_from=licence.valid_from,
                valid_to=licence.valid_to,
            )
        )

    def footprint(self, party_ref: str) -> dict[str, Decimal]:
        rows = _FOOTPRINT.rows(self.connection, {"ref": party_ref})
        return {country: read_exact(tpp) for country, tpp in rows}

    def put_footprint(self, footprint: VeuFootprint) -> None:
        party_id = self._party_id(footprint.party_ref)
        touch(self.connection, "footprint", footprint_key(footprint.party_ref, footprint.country))
        result = self.connection.execute(
            update(VeuFootprintRow)
            .where(
                VeuFootprintRow.party_id == party_id,
                VeuFootprintRow.country == footprint.country,
            )
            .values(installed_tpp=footprint.installed_tpp)
        )
        if result.rowcount == 0:
            self.connection.execute(
                insert(VeuFootprintRow).values(
                    party_id=party_id,
                    country=footprint.country,
                    installed_tpp=footprint.installed_tpp,
                )
            )

    def country_setting(self, country: str) -> CountrySetting | None:
        row = _COUNTRY.first(self.connection, {"country": country})
        return None if row is None else _country(row)

    def put_country_setting(self, setting: CountrySetting) -> None:
        touch(self.connection, "country", setting.country)
        values = {
            "g2g_agreement": setting.g2g_agreement,
            "external_allocation_used_tpp": setting.external_allocation_used_tpp,
        }
        result = self.connection.execute(
            update(CountrySettingRow)
            .where(CountrySettingRow.country == setting.country)
            .values(**values)
        )
        if result.rowcount == 0:
            self.connection.execute(
                insert(CountrySettingRow).values(country=setting.country, **values)
            )

    def _party_refs(self) -> dict[int, str]:
        return dict(self.connection.execute(select(PartyRow.id, PartyRow.ref)).all())

    def all_aia_certifications(self) -> Iterator[AiaCertification]:
        refs = self._party_refs()
        for row in self.connection.execute(
            select(AiaCertificationRow).order_by(AiaCertificationRow.id)
        ):
            yield AiaCertification(
                party_ref=refs[row.party_id],
                signed_on=row.signed_on,
                signers=tuple(json.loads(row.signers)),
                weights_storage_attested=row.weights_storage_attested,
                submitted_to_bis_on=row.submitted_to_bis_on,
                revoked_on=row.revoked_on,
            )

    def all_lpp_certifications(self) -> Iterator[LppCertification]:
        refs = self._party_refs()
        for row in self.connection.execute(
            select(LppCertificationRow).order_by(LppCertificationRow.id)
        ):
            yield LppCertification(
                party_ref=refs[row.party_id],
                year=row.year,
                signed_on=row.signed_on,
                signer=row.signer,
                prior_receipts_tpp=row.prior_receipts_tpp,
                revoked_on=row.revoked_on,
            )

    def all_licenses(self) -> Iterator[License]:
        for row in _LICENSES_ALL.rows(self.connection, {}):
            yield _make_license(row)

    def all_footprints(self) -> Iterator[VeuFootprint]:
        for party_ref, country, tpp in self.connection.execute(
            select(PartyRow.ref, VeuFootprintRow.country, VeuFootprintRow.installed_tpp)
            .join(PartyRow, PartyRow.id == VeuFootprintRow.party_id)
            .order_by(PartyRow.ref, VeuFootprintRow.country)
        ):
            yield VeuFootprint(party_ref=party_ref, country=country, installed_tpp=tpp)

    def all_country_settings(self) -> Iterator[CountrySetting]:
        for row in _COUNTRIES_ALL.rows(self.connection, {}):
            yield _make_country(row)


# -- decisions and ledgers ------------------------------------------------------------------

_ENTRY_COLUMNS = (
    "decision_id",
    "ledger",
    "party_ref",
    "year",
    "country",
    "license_number",
    "tpp",
    "released",
    "at",
)
_INSERT_ENTRY = Statement(
    f"INSERT INTO ledger_entries ({', '.join(_ENTRY_COLUMNS)})"
    f" VALUES ({', '.join(':' + name for name in _ENTRY_COLUMNS)})"
)
# The same upsert on SQLite (3.24+) and PostgreSQL; desk_add adds exactly (storage.exact).
_ADD_TO_BALANCE = Statement(
    "INSERT INTO ledger_balances (key, tpp) VALUES (:key, :tpp)"
    " ON CONFLICT (key) DO UPDATE SET tpp = desk_add(ledger_balances.tpp, excluded.tpp)"
)
_BALANCE = Statement("SELECT tpp FROM ledger_balances WHERE key = :key")
_BALANCES_IN = InStatement("SELECT key, tpp FROM ledger_balances WHERE key IN ({values})")
# A prefix test on SQLite's byte order walks the primary key: exact there. PostgreSQL compares
# ranges in the database's collation, where "veu|p1|" can sort inside "veu|P1|"..."veu|P1}",
# so there the prefix is tested by equality (which reads the whole table).
_VEU_RANGE = Statement(
    "SELECT key, tpp FROM ledger_balances WHERE key >= :low AND key < :high"
    " AND substr(key, 1, :length) = :prefix"
)
_VEU_EQUAL = Statement(
    "SELECT key, tpp FROM ledger_balances WHERE substr(key, 1, :length) = :prefix"
)
# As of a day: the entries (releases are negative) of decisions on orders dated by then.
_VEU_AS_OF = Statement(
    "SELECT e.country, desk_sum(e.tpp) FROM ledger_entries e"
    " JOIN decisions d ON d.id = e.decision_id JOIN orders o ON o.id = d.order_id"
    " WHERE e.ledger = 'veu' AND e.party_ref = :party_ref AND o.date <= :on"
    " GROUP BY e.country"
)


_key_text: RowMemo[str] = RowMemo(BalanceKey.encode)
"""A balance key's stored text, encoded once per key (a check asks for the same few)."""


class SqlLedgerRepository(_Repository):
    def _add(
        self, decision_id: int, consumption: Sequence[Consumption], at: datetime, sign: int
    ) -> None:
        if not consumption:
            return
        connection = self.connection
        stamp = bind_datetime(connection, at)
        _INSERT_ENTRY.many(
            connection,
            _ENTRY_COLUMNS,
            [
                (
                    decision_id,
                    item.ledger.value,
                    item.party_ref,
                    item.year,
                    item.country,
                    item.license_number,
                    sign * item.tpp,
                    sign < 0,
                    stamp,
                )
                for item in consumption
            ],
        )
        totals: dict[str, Decimal] = {}
        for item in consumption:
            key = balance_key(item)
            totals[key] = totals.get(key, ZERO) + sign * item.tpp
        for key, tpp in totals.items():
            _ADD_TO_BALANCE.run(connection, {"key": key, "tpp": tpp})

    def record(self, decision_id: int, consumption: Sequence[Consumption], at: datetime) -> None:
        self._add(decision_id, consumption, at, 1)

    def release(self, decision_id: int, consumption: Sequence[Consumption], at: datetime) -> None:
        self._add(decision_id, consumption, at, -1)

    def _balance(self, key: str) -> Decimal:
        return read_exact(_BALANCE.scalar(self.connection, {"key": key}))

    def lpp_used(self, party_ref: str, year: int) -> Decimal:
        return self._balance(BalanceKey.counting(Ledger.LPP, party_ref, year).encode())

    def aia_cumulative(self, party_ref: str) -> Decimal:
        return self._balance(BalanceKey.counting(Ledger.AIA, party_ref).encode())

    def license_used(self, number: str) -> Decimal:
        return self._balance(BalanceKey.counting(Ledger.LICENSE, number).encode())

    def country_allocation_used(self, country: str) -> Decimal:
        return self._balance(BalanceKey.counting(Ledger.COUNTRY_ALLOCATION, country).encode())

    def balances_of(self, keys: Sequence[BalanceKey]) -> dict[BalanceKey, Decimal]:
        texts = [_key_text(key) for key in keys]
        found = dict(_BALANCES_IN.rows(self.connection, texts))
        return {key: read_exact(found.get(text)) for key, text in zip(keys, texts, strict=True)}

    def country_allocations_used(self) -> dict[str, Decimal]:
        prefix = BalanceKey.prefix(Ledger.COUNTRY_ALLOCATION)
        rows = self.connection.execute(
            select(LedgerBalanceRow.key, LedgerBalanceRow.tpp).where(
                func.substr(LedgerBalanceRow.key, 1, len(prefix)) == prefix
            )
        )
        return {
            country: tpp
            for key, tpp in rows
            if (country := BalanceKey.decode(key).country) is not None
        }

    def veu_shipped(self, party_ref: str, *, on: date | None = None) -> dict[str, Decimal]:
        if on is not None:
            day = date_binder(self.connection)(on)
            rows = _VEU_AS_OF.rows(self.connection, {"party_ref": party_ref, "on": day})
            summed = ((country, read_exact(tpp)) for country, tpp in rows if country)
            return {country: tpp for country, tpp in summed if tpp}
        prefix = BalanceKey.prefix(Ledger.VEU, party_ref)
        params: dict[str, Any] = {"prefix": prefix, "length": len(prefix)}
        if self.connection.dialect.name == "sqlite":
            # Every key with the prefix sorts from the prefix up to (not including) the prefix
            # with its final "|" raised to the next character.
            params.update(low=prefix, high=prefix[:-1] + chr(ord("|") + 1))
            rows = _VEU_RANGE.rows(self.connection, params)
        else:
            rows = _VEU_EQUAL.rows(self.connection, params)
        found: dict[str, Decimal] = {}
        for key, stored in rows:
            country = BalanceKey.decode(key).country
            tpp = read_exact(stored)
            if tpp and country is not None:
                found[country] = tpp
        return found

    def lpp_by_party(self, year: int, limit: int) -> list[tuple[str, Decimal]]:
        prefix = BalanceKey.prefix(Ledger.LPP)
        # Sorted by the figure cast to a float (right to 15 digits: a ranking needs no more).
        sort = cast(LedgerBalanceRow.tpp, Double)
        rows = self.connection.execute(
            select(LedgerBalanceRow.key, LedgerBalanceRow.tpp)
            .where(LedgerBalanceRow.key.like(f"{prefix}%|{year}"), sort > 0)
            .order_by(sort.desc())
            .limit(limit)
        )
        keys = [(BalanceKey.decode(key), tpp) for key, tpp in rows]
        return [(key.party_ref, tpp) for key, tpp in keys if key.party_ref and key.year == year]

    def entries_between(
        self, first_decision: int, last_decision: int
    ) -> Mapping[int, list[tuple[Consumption, bool]]]:
        grouped: dict[int, list[tuple[Consumption, bool]]] = {}
        rows = _ENTRIES_BETWEEN.rows(
            self.connection, {"first": first_decision, "last": last_decision}
        )
        for decision_id, ledger, party_ref, year, country, license_number, tpp, released in rows:
            item = Consumption(
                ledger=Ledger(ledger),
                party_ref=party_ref,
                year=year,
                country=country,
                license_number=license_number,
                tpp=abs(read_exact(tpp)),
            )
            grouped.setdefault(decision_id, []).append((item, bool(released)))
        return grouped

    def orphan_decision(self) -> int | None:
        found = _ORPHAN_ENTRY.scalar(self.connection, {})
        return None if found is None else int(found)

    def balances(self) -> dict[str, Decimal]:
        rows = self.connection.execute(select(LedgerBalanceRow.key, LedgerBalanceRow.tpp))
        return {key: read_exact(tpp) for key, tpp in rows}


_ENTRIES_BETWEEN = Statement(
    "SELECT decision_id, ledger, party_ref, year, country, license_number, tpp, released"
    " FROM ledger_entries WHERE decision_id >= :first AND decision_id <= :last"
    " ORDER BY decision_id, id"
)
_ORPHAN_ENTRY = Statement(
    "SELECT e.decision_id FROM ledger_entries e LEFT JOIN decisions d ON d.id = e.decision_id"
    " WHERE d.id IS NULL ORDER BY e.decision_id LIMIT 1"
)
_INTEGRITY = Statement(
    "SELECT d.id, o.ref, d.order_id, d.seq, d.decided_at, d.decided_by, d.supersedes_id,"
    " d.outcome, d.ruleset, d.a_level_tpp, d.payload, d.content_hash FROM decisions d"
    " LEFT JOIN orders o ON o.id = d.order_id WHERE d.id > :after ORDER BY d.id LIMIT 2000"
)
_DECISION_COLUMNS = (
    "d.id, d.seq, d.decided_at, d.decided_by, d.supersedes_id, d.payload, d.content_hash,"
    " EXISTS (SELECT 1 FROM ledger_entries e WHERE e.decision_id = d.id AND e.released)"
)
_LATEST = Statement(
    f"SELECT {_DECISION_COLUMNS} FROM decisions d JOIN orders o ON o.id = d.order_id"
    " WHERE o.ref = :ref ORDER BY d.seq DESC LIMIT 1"
)
_HISTORY = Statement(
    f"SELECT {_DECISION_COLUMNS} FROM decisions d JOIN orders o ON o.id = d.order_id"
    " WHERE o.ref = :ref ORDER BY d.seq"
)
_LAST_SEQ = Statement("SELECT max(seq) FROM decisions WHERE order_id = :order_id")
_INSERT_DECISION = Statement(
    "INSERT INTO decisions (order_id, seq, decided_at, decided_by, outcome, ruleset,"
    " a_level_tpp, supersedes_id, payload, content_hash) VALUES (:order_id, :seq,"
    " :decided_at, :decided_by, :outcome, :ruleset, :a_level_tpp, :supersedes_id, :payload,"
    " :content_hash) RETURNING id"
)


def _recorded(row: Sequence[Any], order_ref: str) -> RecordedDecision:
    decision_id, seq, decided_at, decided_by, supersedes, payload, content_hash, released = row
    return RecordedDecision(
        id=decision_id,
        order_ref=order_ref,
        seq=seq,
        decided_at=read_datetime(decided_at),
        decided_by=decided_by,
        supersedes=supersedes,
        decision=Decision.model_validate_json(payload),
        content_hash=content_hash,
        released=bool(released),
    )


class SqlDecisionRepository(_Repository):
    def _order_refs(self) -> dict[int, str]:
        return dict(self.connection.execute(select(OrderRow.id, OrderRow.ref)).all())

    def history(self, order_ref: str) -> list[RecordedDecision]:
        rows = _HISTORY.rows(self.connection, {"ref": order_ref})
        return [_recorded(row, order_ref) for row in rows]

    def latest(self, order_ref: str) -> RecordedDecision | None:
        row = _LATEST.first(self.connection, {"ref": order_ref})
        return None if row is None else _recorded(row, order_ref)

    def add(
        self,
        order_ref: str,
        decision: Decision,
        *,
        decided_at: datetime,
        decided_by: str,
        supersedes: int | None,
    ) -> RecordedDecision:
        connection = self.connection
        order_id = SqlOrderRepository(connection).order_id(order_ref)
        seq = 1 + (_LAST_SEQ.scalar(connection, {"order_id": order_id}) or 0)
        payload = decision.model_dump(mode="json")
        content_hash = decision_content_hash(
            order_ref=order_ref,
            seq=seq,
            decided_at=decided_at,
            decided_by=decided_by,
            supersedes=supersedes,
            payload=payload,
        )
        decision_id = _INSERT_DECISION.scalar(
            connection,
            {
                "order_id": order_id,
                "seq": seq,
                "decided_at": bind_datetime(connection, decided_at),
                "decided_by": decided_by,
                "outcome": decision.outcome.value,
                "ruleset": decision.ruleset,
                "a_level_tpp": decision.a_level_tpp,
                "supersedes_id": supersedes,
                "payload": canonical_json(payload),
                "content_hash": content_hash,
            },
        )
        SqlOrderRepository(connection).mark_decided(
            order_ref, decision.outcome.value, decision.a_level_tpp
        )
        return RecordedDecision(
            id=decision_id,
            order_ref=order_ref,
            seq=seq,
            decided_at=decided_at,
            decided_by=decided_by,
            supersedes=supersedes,
            decision=decision,
            content_hash=content_hash,
        )

    def latest_decided_between(self, start: datetime, end: datetime) -> list[str]:
        later = DecisionRow.__table__.alias("later")
        rows = self.connection.execute(
            select(OrderRow.ref)
            .join(DecisionRow, DecisionRow.order_id == OrderRow.id)
            .where(
                DecisionRow.decided_at >= start,
                DecisionRow.decided_at < end,
                ~select(later.c.id)
                .where(later.c.order_id == DecisionRow.order_id, later.c.seq > DecisionRow.seq)
                .exists(),
            )
            .order_by(DecisionRow.decided_at, DecisionRow.id)
        )
        return list(rows.scalars())

    def all(self) -> Iterator[RecordedDecision]:
        order_refs = self._order_refs()
        released = set(
            self.connection.execute(
                select(LedgerEntryRow.decision_id).where(LedgerEntryRow.released).distinct()
            ).scalars()
        )
        for row in self.connection.execute(select(DecisionRow).order_by(DecisionRow.id)):
            yield RecordedDecision(
                id=row.id,
                order_ref=order_refs[row.order_id],
                seq=row.seq,
                decided_at=utc(row.decided_at),
                decided_by=row.decided_by,
                supersedes=row.supersedes_id,
                decision=Decision.model_validate_json(row.payload),
                content_hash=row.content_hash,
                released=row.id in released,
            )

    def integrity_rows(self) -> Iterator[DecisionIntegrity]:
        after = 0
        while rows := _INTEGRITY.rows(self.connection, {"after": after}):
            for row in rows:
                (decision_id, order_ref, order_id, seq, decided_at, decided_by, supersedes) = row[
                    :7
                ]
                outcome, ruleset, a_level_tpp, text, content_hash = row[7:]
                try:
                    payload = json.loads(text)
                except ValueError:
                    payload = {"unreadable": text}
                yield DecisionIntegrity(
                    id=decision_id,
                    order_ref=order_ref if order_ref is not None else f"#{order_id}",
                    seq=seq,
                    decided_at=read_datetime(decided_at),
                    decided_by=decided_by,
                    supersedes=supersedes,
                    outcome=outcome,
                    ruleset=ruleset,
                    a_level_tpp=a_level_tpp,
                    payload=payload if isinstance(payload, dict) else {"unreadable": text},
                    content_hash=content_hash,
                )
            after = rows[-1][0]


# -- audit log and red flags ----------------------------------------------------------------

_SEAL_PENDING = Statement("SELECT id FROM record_seal_pending")
_SEAL_DONE = Statement("DELETE FROM record_seal_pending")
_AUDIT_HASH_AT = Statement("SELECT hash FROM audit_log WHERE seq = :seq")
_AUDIT_TAIL = Statement("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
_INSERT_AUDIT = Statement(
    'INSERT INTO audit_log (seq, at, actor, action, entity, entity_ref, "before", "after",'
    " prev_hash, hash) VALUES (:seq, :at, :actor, :action, :entity, :entity_ref, :before,"
    " :after, :prev_hash, :hash)"
)


class SqlAuditLog(_Repository):
    def __init__(self, connection: Connection, actor: str, now: datetime) -> None:
        super().__init__(connection)
        self.actor = actor
        self.now = now
        self._last: tuple[int, str] | None = None

    def _tail(self) -> tuple[int, str]:
        if self._last is None:
            row = _AUDIT_TAIL.first(self.connection, {})
            self._last = (0, GENESIS_HASH) if row is None else (int(row[0]), str(row[1]))
        return self._last

    def append(
        self,
        action: str,
        entity: str,
        entity_ref: str,
        *,
        before: Mapping[str, Any] | None = None,
        after: Mapping[str, Any] | None = None,
    ) -> AuditEntry:
        last_seq, prev_hash = self._tail()
        seq = last_seq + 1
        # Round-trip through JSON so what is hashed is exactly what verification reads back.
        before_json = None if before is None else canonical_json(before)
        after_json = None if after is None else canonical_json(after)
        before_value = None if before_json is None else json.loads(before_json)
        after_value = None if after_json is None else json.loads(after_json)
        entry_hash = audit_entry_hash(
            seq=seq,
            at=self.now,
            actor=self.actor,
            action=action,
            entity=entity,
            entity_ref=entity_ref,
            before=before_value,
            after=after_value,
            prev_hash=prev_hash,
        )
        _INSERT_AUDIT.run(
            self.connection,
            {
                "seq": seq,
                "at": bind_datetime(self.connection, self.now),
                "actor": self.actor,
                "action": action,
                "entity": entity,
                "entity_ref": entity_ref,
                "before": before_json,
                "after": after_json,
                "prev_hash": prev_hash,
                "hash": entry_hash,
            },
        )
        self._last = (seq, entry_hash)
        return AuditEntry(
            seq=seq,
            at=self.now,
            actor=self.actor,
            action=action,
            entity=entity,
            entity_ref=entity_ref,
            before=before_value,
            after=after_value,
            prev_hash=prev_hash,
            hash=entry_hash,
        )

    def entries(self) -> Iterator[AuditEntry]:
        last = 0
        while True:
            rows = list(
                self.connection.execute(
                    select(AuditEntryRow)
                    .where(AuditEntryRow.seq > last)
                    .order_by(AuditEntryRow.seq)
                    .limit(2000)
                )
            )
            if not rows:
                return
            for row in rows:
                yield AuditEntry(
                    seq=row.seq,
                    at=utc(row.at),
                    actor=row.actor,
                    action=row.action,
                    entity=row.entity,
                    entity_ref=row.entity_ref,
                    before=None if row.before is None else json.loads(row.before),
                    after=None if row.after is None else json.loads(row.after),
                    prev_hash=row.prev_hash,
                    hash=row.hash,
                )
            last = rows[-1].seq

    def entries_for(self, entity: str, entity_ref: str) -> list[AuditEntry]:
        rows = self.connection.execute(
            select(AuditEntryRow)
            .where(AuditEntryRow.entity_ref == entity_ref, AuditEntryRow.entity == entity)
            .order_by(AuditEntryRow.seq)
        )
        return [
            AuditEntry(
                seq=row.seq,
                at=utc(row.at),
                actor=row.actor,
                action=row.action,
                entity=row.entity,
                entity_ref=row.entity_ref,
                before=None if row.before is None else json.loads(row.before),
                after=None if row.after is None else json.loads(row.after),
                prev_hash=row.prev_hash,
                hash=row.hash,
            )
            for row in rows
        ]

    def count(self) -> int:
        return int(
            self.connection.execute(select(func.count()).select_from(AuditEntryRow)).scalar_one()
        )

    def head(self) -> tuple[int, str]:
        row = _AUDIT_TAIL.first(self.connection, {})
        return (0, GENESIS_HASH) if row is None else (int(row[0]), str(row[1]))

    def hash_at(self, seq: int) -> str | None:
        found = _AUDIT_HASH_AT.scalar(self.connection, {"seq": seq})
        return None if found is None else str(found)

    def baseline_pending(self) -> bool:
        return _SEAL_PENDING.first(self.connection, {}) is not None

    def baseline_done(self) -> None:
        _SEAL_DONE.run(self.connection, {})


def _checklist(order_ref: str, row: Any) -> RedFlagChecklist:
    return RedFlagChecklist(
        order_ref=order_ref,
        answers=json.loads(row.answers),
        note=row.note,
        answered_by=row.answered_by,
        answered_at=utc(row.answered_at),
    )


class SqlRedFlagRepository(_Repository):
    def checklists(self, order_ref: str) -> list[RedFlagChecklist]:
        rows = self.connection.execute(
            select(RedFlagChecklistRow)
            .join(OrderRow, OrderRow.id == RedFlagChecklistRow.order_id)
            .where(OrderRow.ref == order_ref)
            .order_by(RedFlagChecklistRow.id)
        )
        return [_checklist(order_ref, row) for row in rows]

    def all(self) -> Iterator[RedFlagChecklist]:
        rows = self.connection.execute(
            select(OrderRow.ref, RedFlagChecklistRow)
            .join(OrderRow, OrderRow.id == RedFlagChecklistRow.order_id)
            .order_by(RedFlagChecklistRow.id)
        )
        for row in rows:
            yield _checklist(row.ref, row)

    def add_checklist(self, checklist: RedFlagChecklist) -> None:
        touch(self.connection, "checklists", checklist.order_ref)
        self.connection.execute(
            insert(RedFlagChecklistRow).values(
                order_id=SqlOrderRepository(self.connection).order_id(checklist.order_ref),
                answers=canonical_json(checklist.answers),
                note=checklist.note,
                answered_by=checklist.answered_by,
                answered_at=checklist.answered_at,
            )
        )
