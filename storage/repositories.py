"""Repositories: translate between rows and domain values. They never commit."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Row, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from domain.audit import (
    GENESIS_HASH,
    AuditEntry,
    audit_entry_hash,
    canonical_json,
    decision_content_hash,
)
from domain.decision import Consumption, Decision, Ledger
from domain.errors import DomainError
from domain.ledger import balance_key
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
    DecisionIntegrity,
    OrderStatus,
    RecordedDecision,
    RedFlagChecklist,
    StoredOrder,
)
from storage.schema import (
    AiaCertificationRow,
    AuditEntryRow,
    CountrySettingRow,
    DecisionRow,
    LedgerBalanceRow,
    LedgerEntryRow,
    LicenseRow,
    LppCertificationRow,
    OrderLineRow,
    OrderRow,
    PartyRow,
    ProductRow,
    RedFlagChecklistRow,
    VeuFootprintRow,
)

_CHUNK = 500  # bound parameters per IN (...) query stay well under every driver's limit


def utc(value: datetime) -> datetime:
    """Datetimes come back naive from SQLite and in the session zone from PostgreSQL."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


class _Repository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def _party_id(self, ref: str) -> int:
        found = self.session.execute(select(PartyRow.id).where(PartyRow.ref == ref)).scalar()
        if found is None:
            raise DomainError(f"unknown party {ref!r}")
        return found


# -- parties and products -------------------------------------------------------------------


def _party(row: PartyRow) -> Party:
    return Party(
        ref=row.ref,
        name=row.name,
        aliases=tuple(json.loads(row.aliases)),
        address=row.address,
        country=row.country,
        hq_country=row.hq_country,
        parent_name=row.parent_name,
        parent_hq_country=row.parent_hq_country,
        role=row.role,
        veu=row.veu,
        veu_country=row.veu_country,
        veu_id=row.veu_id,
    )


def _party_values(party: Party) -> dict[str, Any]:
    values = party.model_dump(mode="json")
    values["aliases"] = json.dumps(list(party.aliases), ensure_ascii=False)
    return values


class SqlPartyRepository(_Repository):
    def get(self, ref: str) -> Party | None:
        row = self.session.execute(select(PartyRow).where(PartyRow.ref == ref)).scalar()
        return None if row is None else _party(row)

    def add(self, party: Party) -> None:
        self.session.execute(insert(PartyRow).values(**_party_values(party)))

    def add_many(self, parties: Sequence[Party]) -> None:
        if parties:
            self.session.execute(insert(PartyRow), [_party_values(party) for party in parties])

    def update(self, party: Party) -> None:
        result = self.session.execute(
            update(PartyRow).where(PartyRow.ref == party.ref).values(**_party_values(party))
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise DomainError(f"unknown party {party.ref!r}")
        # Orders without an explicit destination go where the consignee is located.
        party_id = select(PartyRow.id).where(PartyRow.ref == party.ref).scalar_subquery()
        self.session.execute(
            update(OrderRow)
            .where(OrderRow.consignee_id == party_id, OrderRow.destination.is_(None))
            .values(effective_destination=party.country)
        )

    def all(self) -> Iterator[Party]:
        for row in self.session.execute(select(PartyRow).order_by(PartyRow.ref)).scalars():
            yield _party(row)

    def existing_refs(self, refs: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(refs)):
            found.update(
                self.session.execute(select(PartyRow.ref).where(PartyRow.ref.in_(chunk))).scalars()
            )
        return found

    def ids_by_ref(self, refs: Sequence[str]) -> dict[str, int]:
        return {ref: row_id for ref, (row_id, _) in self.ids_and_countries(refs).items()}

    def ids_and_countries(self, refs: Sequence[str]) -> dict[str, tuple[int, str]]:
        found: dict[str, tuple[int, str]] = {}
        for chunk in _chunks(list(refs)):
            for ref, row_id, country in self.session.execute(
                select(PartyRow.ref, PartyRow.id, PartyRow.country).where(PartyRow.ref.in_(chunk))
            ):
                found[ref] = (row_id, country)
        return found


def _product(row: ProductRow) -> Product:
    return Product(
        ref=row.ref,
        name=row.name,
        kind=row.kind,
        tpp=row.tpp,
        die_area_mm2=row.die_area_mm2,
        datacenter=row.datacenter,
        ics_per_unit=row.ics_per_unit,
        training_operations=row.training_operations,
        published=row.published,
    )


class SqlProductRepository(_Repository):
    def get(self, ref: str) -> Product | None:
        row = self.session.execute(select(ProductRow).where(ProductRow.ref == ref)).scalar()
        return None if row is None else _product(row)

    def get_many(self, refs: Sequence[str]) -> dict[str, Product]:
        found: dict[str, Product] = {}
        for chunk in _chunks(list(dict.fromkeys(refs))):
            for row in self.session.execute(
                select(ProductRow).where(ProductRow.ref.in_(chunk))
            ).scalars():
                found[row.ref] = _product(row)
        return found

    def add(self, product: Product) -> None:
        self.session.execute(insert(ProductRow).values(**product.model_dump(mode="json")))

    def add_many(self, products: Sequence[Product]) -> None:
        if products:
            self.session.execute(
                insert(ProductRow), [product.model_dump(mode="json") for product in products]
            )

    def update(self, product: Product) -> None:
        result = self.session.execute(
            update(ProductRow)
            .where(ProductRow.ref == product.ref)
            .values(**product.model_dump(mode="json"))
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise DomainError(f"unknown product {product.ref!r}")

    def all(self) -> Iterator[Product]:
        for row in self.session.execute(select(ProductRow).order_by(ProductRow.ref)).scalars():
            yield _product(row)

    def existing_refs(self, refs: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(refs)):
            found.update(
                self.session.execute(
                    select(ProductRow.ref).where(ProductRow.ref.in_(chunk))
                ).scalars()
            )
        return found

    def ids_by_ref(self, refs: Sequence[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for chunk in _chunks(list(refs)):
            for ref, row_id in self.session.execute(
                select(ProductRow.ref, ProductRow.id).where(ProductRow.ref.in_(chunk))
            ):
                found[ref] = row_id
        return found


# -- orders ---------------------------------------------------------------------------------


class SqlOrderRepository(_Repository):
    def get(self, ref: str) -> StoredOrder | None:
        row = self.session.execute(select(OrderRow).where(OrderRow.ref == ref)).scalar()
        if row is None:
            return None
        return self._stored([row])[0]

    def _stored(self, rows: Sequence[OrderRow]) -> list[StoredOrder]:
        order_ids = [row.id for row in rows]
        party_ids = {row.consignee_id for row in rows} | {
            row.end_user_id for row in rows if row.end_user_id is not None
        }
        party_refs = dict(
            self.session.execute(
                select(PartyRow.id, PartyRow.ref).where(PartyRow.id.in_(party_ids))
            ).all()
        )
        lines: dict[int, list[OrderLine]] = {order_id: [] for order_id in order_ids}
        for order_id, product_ref, quantity in self.session.execute(
            select(OrderLineRow.order_id, ProductRow.ref, OrderLineRow.quantity)
            .join(ProductRow, ProductRow.id == OrderLineRow.product_id)
            .where(OrderLineRow.order_id.in_(order_ids))
            .order_by(OrderLineRow.order_id, OrderLineRow.line_no)
        ):
            lines[order_id].append(OrderLine(product_ref=product_ref, quantity=quantity))
        stored = []
        for row in rows:
            resolution = None
            if row.rf28_resolved_on is not None:
                resolution = RedFlagResolution(
                    resolved_on=row.rf28_resolved_on,
                    resolved_by=row.rf28_resolved_by or "",
                    note=row.rf28_note or "",
                )
            order = Order(
                ref=row.ref,
                date=row.date,
                consignee_ref=party_refs[row.consignee_id],
                end_user_ref=party_refs[row.end_user_id] if row.end_user_id else None,
                destination=row.destination,
                lines=tuple(lines[row.id]),
                red_flag_28_resolution=resolution,
            )
            stored.append(StoredOrder(order=order, status=OrderStatus(row.status)))
        return stored

    def add(self, order: Order) -> None:
        self.add_many([order])

    def add_many(self, orders: Sequence[Order]) -> None:
        if not orders:
            return
        party_refs = {order.consignee_ref for order in orders} | {
            order.end_user_ref for order in orders if order.end_user_ref
        }
        located = SqlPartyRepository(self.session).ids_and_countries(sorted(party_refs))
        parties = {ref: row_id for ref, (row_id, _) in located.items()}
        product_refs = {line.product_ref for order in orders for line in order.lines}
        products = SqlProductRepository(self.session).ids_by_ref(sorted(product_refs))
        missing_parties = party_refs - parties.keys()
        missing_products = product_refs - products.keys()
        if missing_parties or missing_products:
            problems = [f"unknown party {ref!r}" for ref in sorted(missing_parties)]
            problems += [f"unknown product {ref!r}" for ref in sorted(missing_products)]
            raise DomainError("; ".join(problems))
        order_rows = [
            {
                "ref": order.ref,
                "date": order.date,
                "consignee_id": parties[order.consignee_ref],
                "end_user_id": parties[order.end_user_ref] if order.end_user_ref else None,
                "destination": order.destination,
                "effective_destination": order.destination or located[order.consignee_ref][1],
                "outcome": None,
                "a_level_tpp": None,
                "status": OrderStatus.OPEN.value,
                "decided": False,
                "rf28_resolved_on": resolution.resolved_on if resolution else None,
                "rf28_resolved_by": resolution.resolved_by if resolution else None,
                "rf28_note": resolution.note if resolution else None,
            }
            for order in orders
            for resolution in (order.red_flag_28_resolution,)
        ]
        # render_nulls keeps rows with and without an end user in one executemany batch.
        self.session.execute(insert(OrderRow).execution_options(render_nulls=True), order_rows)
        ids = self._ids_by_ref([order.ref for order in orders])
        line_rows = [
            {
                "order_id": ids[order.ref],
                "line_no": number,
                "product_id": products[line.product_ref],
                "quantity": line.quantity,
            }
            for order in orders
            for number, line in enumerate(order.lines, start=1)
        ]
        self.session.execute(insert(OrderLineRow).execution_options(render_nulls=True), line_rows)

    def _ids_by_ref(self, refs: Sequence[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        for chunk in _chunks(list(refs)):
            for ref, row_id in self.session.execute(
                select(OrderRow.ref, OrderRow.id).where(OrderRow.ref.in_(chunk))
            ):
                found[ref] = row_id
        return found

    def order_id(self, ref: str) -> int:
        found = self.session.execute(select(OrderRow.id).where(OrderRow.ref == ref)).scalar()
        if found is None:
            raise DomainError(f"unknown order {ref!r}")
        return found

    def set_status(self, ref: str, status: OrderStatus) -> None:
        self.session.execute(
            update(OrderRow).where(OrderRow.ref == ref).values(status=status.value)
        )

    def mark_decided(self, ref: str, outcome: str, a_level_tpp: float) -> None:
        self.session.execute(
            update(OrderRow)
            .where(OrderRow.ref == ref)
            .values(decided=True, outcome=outcome, a_level_tpp=a_level_tpp)
        )

    def set_red_flag_resolution(self, ref: str, resolution: RedFlagResolution) -> None:
        self.session.execute(
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
            self.session.execute(
                select(OrderRow.ref)
                .where(OrderRow.status == OrderStatus.OPEN.value, OrderRow.decided.is_(False))
                .order_by(OrderRow.date, OrderRow.id)
            ).scalars()
        )

    def all(self) -> Iterator[StoredOrder]:
        last_id = 0
        while True:
            rows = list(
                self.session.execute(
                    select(OrderRow).where(OrderRow.id > last_id).order_by(OrderRow.id).limit(1000)
                ).scalars()
            )
            if not rows:
                return
            yield from self._stored(rows)
            last_id = rows[-1].id

    def existing_refs(self, refs: Sequence[str]) -> set[str]:
        return set(self._ids_by_ref(refs))


# -- paperwork ------------------------------------------------------------------------------


def _aia(row: AiaCertificationRow, party_ref: str) -> AiaCertification:
    return AiaCertification(
        party_ref=party_ref,
        signed_on=row.signed_on,
        signers=tuple(json.loads(row.signers)),
        weights_storage_attested=row.weights_storage_attested,
        submitted_to_bis_on=row.submitted_to_bis_on,
        revoked_on=row.revoked_on,
    )


def _lpp(row: LppCertificationRow, party_ref: str) -> LppCertification:
    return LppCertification(
        party_ref=party_ref,
        year=row.year,
        signed_on=row.signed_on,
        signer=row.signer,
        prior_receipts_tpp=row.prior_receipts_tpp,
        revoked_on=row.revoked_on,
    )


class SqlPaperworkRepository(_Repository):
    def __init__(self, session: Session, ledger: SqlLedgerRepository) -> None:
        super().__init__(session)
        self.ledger = ledger

    def aia_certifications(self, party_ref: str) -> list[AiaCertification]:
        rows = self.session.execute(
            select(AiaCertificationRow)
            .join(PartyRow, PartyRow.id == AiaCertificationRow.party_id)
            .where(PartyRow.ref == party_ref)
            .order_by(AiaCertificationRow.signed_on)
        ).scalars()
        return [_aia(row, party_ref) for row in rows]

    def put_aia_certification(self, certification: AiaCertification) -> None:
        party_id = self._party_id(certification.party_ref)
        values = {
            "signers": json.dumps(list(certification.signers), ensure_ascii=False),
            "weights_storage_attested": certification.weights_storage_attested,
            "submitted_to_bis_on": certification.submitted_to_bis_on,
            "revoked_on": certification.revoked_on,
        }
        result = self.session.execute(
            update(AiaCertificationRow)
            .where(
                AiaCertificationRow.party_id == party_id,
                AiaCertificationRow.signed_on == certification.signed_on,
            )
            .values(**values)
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            self.session.execute(
                insert(AiaCertificationRow).values(
                    party_id=party_id, signed_on=certification.signed_on, **values
                )
            )

    def lpp_certification(self, party_ref: str, year: int) -> LppCertification | None:
        row = self.session.execute(
            select(LppCertificationRow)
            .join(PartyRow, PartyRow.id == LppCertificationRow.party_id)
            .where(PartyRow.ref == party_ref, LppCertificationRow.year == year)
        ).scalar()
        return None if row is None else _lpp(row, party_ref)

    def lpp_certifications(self, party_ref: str) -> list[LppCertification]:
        rows = self.session.execute(
            select(LppCertificationRow)
            .join(PartyRow, PartyRow.id == LppCertificationRow.party_id)
            .where(PartyRow.ref == party_ref)
            .order_by(LppCertificationRow.year)
        ).scalars()
        return [_lpp(row, party_ref) for row in rows]

    def put_lpp_certification(self, certification: LppCertification) -> None:
        party_id = self._party_id(certification.party_ref)
        values = {
            "signed_on": certification.signed_on,
            "signer": certification.signer,
            "prior_receipts_tpp": certification.prior_receipts_tpp,
            "revoked_on": certification.revoked_on,
        }
        result = self.session.execute(
            update(LppCertificationRow)
            .where(
                LppCertificationRow.party_id == party_id,
                LppCertificationRow.year == certification.year,
            )
            .values(**values)
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            self.session.execute(
                insert(LppCertificationRow).values(
                    party_id=party_id, year=certification.year, **values
                )
            )

    def _licenses(self, rows: Sequence[Row[Any]]) -> list[License]:
        return [
            License(
                number=row.number,
                party_ref=row.party_ref,
                destination=row.destination,
                covers=row.covers,
                tpp=row.tpp,
                used_tpp=self.ledger.license_used(row.number),
                valid_from=row.valid_from,
                valid_to=row.valid_to,
            )
            for row in rows
        ]

    def _license_select(self) -> Any:
        return select(
            LicenseRow.number,
            PartyRow.ref.label("party_ref"),
            LicenseRow.destination,
            LicenseRow.covers,
            LicenseRow.tpp,
            LicenseRow.valid_from,
            LicenseRow.valid_to,
        ).join(PartyRow, PartyRow.id == LicenseRow.party_id)

    def licenses_for(self, party_ref: str) -> list[License]:
        rows = self.session.execute(
            self._license_select().where(PartyRow.ref == party_ref).order_by(LicenseRow.number)
        ).all()
        return self._licenses(rows)

    def license(self, number: str) -> License | None:
        rows = self.session.execute(self._license_select().where(LicenseRow.number == number)).all()
        found = self._licenses(rows)
        return found[0] if found else None

    def add_license(self, licence: License) -> None:
        self.session.execute(
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

    def footprint(self, party_ref: str) -> dict[str, float]:
        rows = self.session.execute(
            select(VeuFootprintRow.country, VeuFootprintRow.installed_tpp)
            .join(PartyRow, PartyRow.id == VeuFootprintRow.party_id)
            .where(PartyRow.ref == party_ref)
        )
        return dict(rows.all())

    def put_footprint(self, footprint: VeuFootprint) -> None:
        party_id = self._party_id(footprint.party_ref)
        result = self.session.execute(
            update(VeuFootprintRow)
            .where(
                VeuFootprintRow.party_id == party_id,
                VeuFootprintRow.country == footprint.country,
            )
            .values(installed_tpp=footprint.installed_tpp)
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            self.session.execute(
                insert(VeuFootprintRow).values(
                    party_id=party_id,
                    country=footprint.country,
                    installed_tpp=footprint.installed_tpp,
                )
            )

    def country_setting(self, country: str) -> CountrySetting | None:
        row = self.session.get(CountrySettingRow, country)
        if row is None:
            return None
        return CountrySetting(
            country=row.country,
            g2g_agreement=row.g2g_agreement,
            external_allocation_used_tpp=row.external_allocation_used_tpp,
            our_allocation_used_tpp=self.ledger.country_allocation_used(country),
        )

    def put_country_setting(self, setting: CountrySetting) -> None:
        values = {
            "g2g_agreement": setting.g2g_agreement,
            "external_allocation_used_tpp": setting.external_allocation_used_tpp,
        }
        result = self.session.execute(
            update(CountrySettingRow)
            .where(CountrySettingRow.country == setting.country)
            .values(**values)
        )
        if result.rowcount == 0:  # type: ignore[attr-defined]
            self.session.execute(
                insert(CountrySettingRow).values(country=setting.country, **values)
            )

    def _party_refs(self) -> dict[int, str]:
        return dict(self.session.execute(select(PartyRow.id, PartyRow.ref)).all())

    def all_aia_certifications(self) -> Iterator[AiaCertification]:
        refs = self._party_refs()
        for row in self.session.execute(
            select(AiaCertificationRow).order_by(AiaCertificationRow.id)
        ).scalars():
            yield _aia(row, refs[row.party_id])

    def all_lpp_certifications(self) -> Iterator[LppCertification]:
        refs = self._party_refs()
        for row in self.session.execute(
            select(LppCertificationRow).order_by(LppCertificationRow.id)
        ).scalars():
            yield _lpp(row, refs[row.party_id])

    def all_licenses(self) -> Iterator[License]:
        rows = self.session.execute(self._license_select().order_by(LicenseRow.number)).all()
        yield from self._licenses(rows)

    def all_footprints(self) -> Iterator[VeuFootprint]:
        for party_ref, country, tpp in self.session.execute(
            select(PartyRow.ref, VeuFootprintRow.country, VeuFootprintRow.installed_tpp)
            .join(PartyRow, PartyRow.id == VeuFootprintRow.party_id)
            .order_by(PartyRow.ref, VeuFootprintRow.country)
        ):
            yield VeuFootprint(party_ref=party_ref, country=country, installed_tpp=tpp)

    def all_country_settings(self) -> Iterator[CountrySetting]:
        for row in self.session.execute(
            select(CountrySettingRow).order_by(CountrySettingRow.country)
        ).scalars():
            yield CountrySetting(
                country=row.country,
                g2g_agreement=row.g2g_agreement,
                external_allocation_used_tpp=row.external_allocation_used_tpp,
                our_allocation_used_tpp=self.ledger.country_allocation_used(row.country),
            )


# -- decisions and ledgers ------------------------------------------------------------------


class SqlLedgerRepository(_Repository):
    def _add(
        self, decision_id: int, consumption: Sequence[Consumption], at: datetime, sign: int
    ) -> None:
        if not consumption:
            return
        self.session.execute(
            insert(LedgerEntryRow),
            [
                {
                    "decision_id": decision_id,
                    "ledger": item.ledger.value,
                    "party_ref": item.party_ref,
                    "year": item.year,
                    "country": item.country,
                    "license_number": item.license_number,
                    "tpp": sign * item.tpp,
                    "released": sign < 0,
                    "at": at,
                }
                for item in consumption
            ],
        )
        totals: dict[str, float] = {}
        for item in consumption:
            key = balance_key(item)
            totals[key] = totals.get(key, 0.0) + sign * item.tpp
        dialect = self.session.get_bind().dialect.name
        insert_fn = postgresql.insert if dialect == "postgresql" else sqlite.insert
        for key, tpp in totals.items():
            statement = insert_fn(LedgerBalanceRow).values(key=key, tpp=tpp)
            self.session.execute(
                statement.on_conflict_do_update(
                    index_elements=[LedgerBalanceRow.key],
                    set_={"tpp": LedgerBalanceRow.tpp + statement.excluded.tpp},
                )
            )

    def record(self, decision_id: int, consumption: Sequence[Consumption], at: datetime) -> None:
        self._add(decision_id, consumption, at, 1)

    def release(self, decision_id: int, consumption: Sequence[Consumption], at: datetime) -> None:
        self._add(decision_id, consumption, at, -1)

    def _balance(self, key: str) -> float:
        value = self.session.execute(
            select(LedgerBalanceRow.tpp).where(LedgerBalanceRow.key == key)
        ).scalar()
        return float(value or 0.0)

    def lpp_used(self, party_ref: str, year: int) -> float:
        return self._balance(f"lpp|{party_ref}|{year}")

    def aia_cumulative(self, party_ref: str) -> float:
        return self._balance(f"aia|{party_ref}")

    def license_used(self, number: str) -> float:
        return self._balance(f"license|{number}")

    def country_allocation_used(self, country: str) -> float:
        return self._balance(f"country|{country}")

    def veu_shipped(self, party_ref: str) -> dict[str, float]:
        prefix = f"veu|{party_ref}|"
        # A prefix test by equality, not a key range: PostgreSQL compares ranges in the
        # database's collation, where "veu|p1|" can sort inside "veu|P1|"..."veu|P1|\uffff".
        rows = self.session.execute(
            select(LedgerBalanceRow.key, LedgerBalanceRow.tpp).where(
                func.substr(LedgerBalanceRow.key, 1, len(prefix)) == prefix
            )
        )
        return {key.removeprefix(prefix): tpp for key, tpp in rows if tpp}

    def lpp_by_party(self, year: int, limit: int) -> list[tuple[str, float]]:
        rows = self.session.execute(
            select(LedgerBalanceRow.key, LedgerBalanceRow.tpp)
            .where(LedgerBalanceRow.key.like(f"lpp|%|{year}"), LedgerBalanceRow.tpp > 0)
            .order_by(LedgerBalanceRow.tpp.desc())
            .limit(limit)
        )
        return [(key.split("|")[1], tpp) for key, tpp in rows]

    def entries_by_decision(self) -> Mapping[int, list[tuple[Consumption, bool]]]:
        grouped: dict[int, list[tuple[Consumption, bool]]] = {}
        for row in self.session.execute(
            select(LedgerEntryRow).order_by(LedgerEntryRow.id)
        ).scalars():
            item = Consumption(
                ledger=Ledger(row.ledger),
                party_ref=row.party_ref,
                year=row.year,
                country=row.country,
                license_number=row.license_number,
                tpp=abs(row.tpp),
            )
            grouped.setdefault(row.decision_id, []).append((item, row.released))
        return grouped

    def balances(self) -> dict[str, float]:
        rows = self.session.execute(select(LedgerBalanceRow.key, LedgerBalanceRow.tpp))
        return dict(rows.all())


class SqlDecisionRepository(_Repository):
    def _order_refs(self) -> dict[int, str]:
        return dict(self.session.execute(select(OrderRow.id, OrderRow.ref)).all())

    def _recorded(self, row: DecisionRow, order_ref: str, released: bool) -> RecordedDecision:
        return RecordedDecision(
            id=row.id,
            order_ref=order_ref,
            seq=row.seq,
            decided_at=utc(row.decided_at),
            decided_by=row.decided_by,
            supersedes=row.supersedes_id,
            decision=Decision.model_validate_json(row.payload),
            content_hash=row.content_hash,
            released=released,
        )

    def _released_ids(self, decision_ids: Sequence[int]) -> set[int]:
        if not decision_ids:
            return set()
        return set(
            self.session.execute(
                select(LedgerEntryRow.decision_id)
                .where(LedgerEntryRow.decision_id.in_(decision_ids), LedgerEntryRow.released)
                .distinct()
            ).scalars()
        )

    def history(self, order_ref: str) -> list[RecordedDecision]:
        rows = list(
            self.session.execute(
                select(DecisionRow)
                .join(OrderRow, OrderRow.id == DecisionRow.order_id)
                .where(OrderRow.ref == order_ref)
                .order_by(DecisionRow.seq)
            ).scalars()
        )
        released = self._released_ids([row.id for row in rows])
        return [self._recorded(row, order_ref, row.id in released) for row in rows]

    def latest(self, order_ref: str) -> RecordedDecision | None:
        row = self.session.execute(
            select(DecisionRow)
            .join(OrderRow, OrderRow.id == DecisionRow.order_id)
            .where(OrderRow.ref == order_ref)
            .order_by(DecisionRow.seq.desc())
            .limit(1)
        ).scalar()
        if row is None:
            return None
        return self._recorded(row, order_ref, row.id in self._released_ids([row.id]))

    def add(
        self,
        order_ref: str,
        decision: Decision,
        *,
        decided_at: datetime,
        decided_by: str,
        supersedes: int | None,
    ) -> RecordedDecision:
        order_id = SqlOrderRepository(self.session).order_id(order_ref)
        seq = 1 + (
            self.session.execute(
                select(func.max(DecisionRow.seq)).where(DecisionRow.order_id == order_id)
            ).scalar()
            or 0
        )
        payload = decision.model_dump(mode="json")
        content_hash = decision_content_hash(
            order_ref=order_ref,
            seq=seq,
            decided_at=decided_at,
            decided_by=decided_by,
            supersedes=supersedes,
            payload=payload,
        )
        decision_id = self.session.execute(
            insert(DecisionRow)
            .values(
                order_id=order_id,
                seq=seq,
                decided_at=decided_at,
                decided_by=decided_by,
                outcome=decision.outcome.value,
                ruleset=decision.ruleset,
                a_level_tpp=decision.a_level_tpp,
                supersedes_id=supersedes,
                payload=canonical_json(payload),
                content_hash=content_hash,
            )
            .returning(DecisionRow.id)
        ).scalar_one()
        SqlOrderRepository(self.session).mark_decided(
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

    def all(self) -> Iterator[RecordedDecision]:
        order_refs = self._order_refs()
        released = set(
            self.session.execute(
                select(LedgerEntryRow.decision_id).where(LedgerEntryRow.released).distinct()
            ).scalars()
        )
        for row in self.session.execute(select(DecisionRow).order_by(DecisionRow.id)).scalars():
            yield self._recorded(row, order_refs[row.order_id], row.id in released)

    def integrity_rows(self) -> Iterator[DecisionIntegrity]:
        order_refs = self._order_refs()
        for row in self.session.execute(select(DecisionRow).order_by(DecisionRow.id)).scalars():
            try:
                payload = json.loads(row.payload)
            except ValueError:
                payload = {"unreadable": row.payload}
            yield DecisionIntegrity(
                id=row.id,
                order_ref=order_refs.get(row.order_id, f"#{row.order_id}"),
                seq=row.seq,
                decided_at=utc(row.decided_at),
                decided_by=row.decided_by,
                supersedes=row.supersedes_id,
                outcome=row.outcome,
                ruleset=row.ruleset,
                a_level_tpp=row.a_level_tpp,
                payload=payload if isinstance(payload, dict) else {"unreadable": row.payload},
                content_hash=row.content_hash,
            )


# -- audit log and red flags ----------------------------------------------------------------


class SqlAuditLog(_Repository):
    def __init__(self, session: Session, actor: str, now: datetime) -> None:
        super().__init__(session)
        self.actor = actor
        self.now = now
        self._last: tuple[int, str] | None = None

    def _tail(self) -> tuple[int, str]:
        if self._last is None:
            row = self.session.execute(
                select(AuditEntryRow.seq, AuditEntryRow.hash)
                .order_by(AuditEntryRow.seq.desc())
                .limit(1)
            ).first()
            self._last = (0, GENESIS_HASH) if row is None else (row[0], row[1])
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
        self.session.execute(
            insert(AuditEntryRow).values(
                seq=seq,
                at=self.now,
                actor=self.actor,
                action=action,
                entity=entity,
                entity_ref=entity_ref,
                before=before_json,
                after=after_json,
                prev_hash=prev_hash,
                hash=entry_hash,
            )
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
                self.session.execute(
                    select(AuditEntryRow)
                    .where(AuditEntryRow.seq > last)
                    .order_by(AuditEntryRow.seq)
                    .limit(2000)
                ).scalars()
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

    def count(self) -> int:
        return int(
            self.session.execute(select(func.count()).select_from(AuditEntryRow)).scalar_one()
        )


class SqlRedFlagRepository(_Repository):
    def checklists(self, order_ref: str) -> list[RedFlagChecklist]:
        rows = self.session.execute(
            select(RedFlagChecklistRow)
            .join(OrderRow, OrderRow.id == RedFlagChecklistRow.order_id)
            .where(OrderRow.ref == order_ref)
            .order_by(RedFlagChecklistRow.id)
        ).scalars()
        return [
            RedFlagChecklist(
                order_ref=order_ref,
                answers=json.loads(row.answers),
                note=row.note,
                answered_by=row.answered_by,
                answered_at=utc(row.answered_at),
            )
            for row in rows
        ]

    def add_checklist(self, checklist: RedFlagChecklist) -> None:
        self.session.execute(
            insert(RedFlagChecklistRow).values(
                order_id=SqlOrderRepository(self.session).order_id(checklist.order_ref),
                answers=canonical_json(checklist.answers),
                note=checklist.note,
                answered_by=checklist.answered_by,
                answered_at=checklist.answered_at,
            )
        )
