"""Repositories: translate between rows and domain values. They never commit.

Every repository works on the unit of work's one Core connection, inside its transaction.
What an order's check and an import run many times (storage.statements explains why) is
hand-written SQL on the driver; the rest is SQLAlchemy Core over the mapped tables.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from domain.decision import Ledger
from domain.errors import DomainError
from domain.ledger import BalanceKey
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
from domain.ports import (
    OrderStatus,
    StoredOrder,
)
from domain.record_state import aia_key, footprint_key, lpp_key, order_state
from domain.text import party_search_text
from storage.exact import read_exact
from storage.schema import (
    AiaCertificationRow,
    CountrySettingRow,
    LicenseRow,
    LppCertificationRow,
    OrderRow,
    PartyRow,
    ProductRow,
    VeuFootprintRow,
)
from storage.sealing import note_written, touch, touch_many
from storage.statements import (
    InStatement,
    RowMemo,
    Statement,
    date_binder,
    read_date,
    read_optional_date,
)

if TYPE_CHECKING:
    from storage.record_repositories import SqlLedgerRepository


def utc(value: datetime) -> datetime:
    """Datetimes come back naive from SQLite and in the session zone from PostgreSQL."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


class Repository:
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


class SqlPartyRepository(Repository):
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


class SqlProductRepository(Repository):
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


class SqlOrderRepository(Repository):
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


class SqlPaperworkRepository(Repository):
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
