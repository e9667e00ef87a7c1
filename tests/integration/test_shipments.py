"""Shipments and their serial numbers on a real database (SQLite and PostgreSQL): kept with
their orders, unique per product whatever the case of their letters, append-only."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text as sql
from sqlalchemy.exc import DBAPIError, IntegrityError

from domain.csvio import CsvImportError, CsvKind
from domain.model import ShippedUnit
from domain.services.transfer import export_kind, import_file
from storage.unit_of_work import SqlDatabase

PARTIES = (
    "ref,name,aliases,address,country,hq_country,parent_name,parent_hq_country,role,veu,"
    "veu_country,veu_id\nC1,Lion City Compute,,,SG,SG,,,,,,\n"
)
PRODUCTS = (
    "ref,name,kind,tpp,die_area_mm2,datacenter,ics_per_unit,training_operations,published\n"
    "H100,NVIDIA H100 SXM,ic,15832,814,true,1,,false\n"
)
ORDERS = (
    "ref,date,consignee_ref,end_user_ref,destination,product_ref,quantity\n"
    "SO-1,2026-03-02,C1,,,H100,3\n"
)
SHIPMENTS = (
    "order_ref,shipment_ref,shipped_on,product_ref,serial\n"
    "SO-1,SHP-1,2026-03-10,H100,1654922012345\n"
    "SO-1,SHP-2,2026-03-20,H100,1654922012346\n"
)


def _load(db: SqlDatabase, kind: CsvKind, data: str) -> None:
    import_file(db, kind, data.encode(), source=f"{kind.value}.csv", actor="officer")


@pytest.fixture
def shipped(db: SqlDatabase) -> SqlDatabase:
    for kind, data in (
        (CsvKind.PARTIES, PARTIES),
        (CsvKind.PRODUCTS, PRODUCTS),
        (CsvKind.ORDERS, ORDERS),
        (CsvKind.SHIPMENTS, SHIPMENTS),
    ):
        _load(db, kind, data)
    return db


def test_units_are_read_back_by_order_by_key_and_in_full(shipped: SqlDatabase) -> None:
    with shipped.reader() as uow:
        by_order = uow.shipments.of_orders(["SO-1", "SO-2"])
        found = uow.shipments.find([("H100", "1654922012346"), ("H100", "NOPE")])
        every = list(uow.shipments.all())
        count = uow.shipments.count()
    assert [unit.shipment_ref for unit in by_order["SO-1"]] == ["SHP-1", "SHP-2"]
    assert list(found) == [("H100", "1654922012346")]
    assert found[("H100", "1654922012346")].shipped_on == date(2026, 3, 20)
    assert every == by_order["SO-1"]
    assert count == 2
    assert export_kind(shipped, CsvKind.SHIPMENTS) == SHIPMENTS


def test_a_serial_is_unique_per_product_whatever_the_case_of_its_letters(
    shipped: SqlDatabase,
) -> None:
    with pytest.raises(CsvImportError, match="already shipped on order 'SO-1'"):
        _load(shipped, CsvKind.SHIPMENTS, SHIPMENTS.replace("SHP-2,", "SHP-9,"))
    lower = ShippedUnit(
        order_ref="SO-1",
        shipment_ref="SHP-3",
        shipped_on=date(2026, 3, 30),
        product_ref="H100",
        serial="ab12",
    )
    with shipped.writer("officer") as uow:
        uow.shipments.add_many([lower])
        uow.commit()
    with pytest.raises(IntegrityError), shipped.writer("officer") as uow:
        uow.shipments.add_many([lower.model_copy(update={"serial": "AB12"})])


def test_shipped_units_cannot_be_changed_or_removed(shipped: SqlDatabase) -> None:
    with shipped.engine.connect() as connection:
        for statement in ("UPDATE shipped_units SET serial = 'X'", "DELETE FROM shipped_units"):
            with pytest.raises(DBAPIError, match="append-only"):
                connection.execute(sql(statement))
            connection.rollback()
