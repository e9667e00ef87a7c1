"""Importing and exporting CSV files against a real SQLite database: all rows or none.

Every test opens a migrated database file in its own folder. A refused import must leave
the database as it was (records and audit log), a dry run must write nothing, and an export
imported into a fresh database must export again identically.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text as sql
from sqlalchemy.exc import DBAPIError

from domain.csvio import CsvImportError, CsvKind, columns_of
from domain.progress import CancelToken
from domain.services.transfer import (
    ImportCancelledError,
    ImportSummary,
    export_kind,
    import_file,
)
from storage.unit_of_work import SqlDatabase
from tests.clock import clock_on

PARTIES = """\
ref,name,aliases,address,country,hq_country,parent_name,parent_hq_country,role,veu,veu_country,veu_id
C1,Lion City Compute,LCC;Lion City,"1 Fusionopolis Way
Singapore 138632",SG,SG,,,datacenter_operator,none,,
C2,"Rhein Cloud, GmbH",,,Germany,DEU,Rhein Holding AG,CH,cloud_provider,uveu,,VEU-17
C3,Mumbai AI Labs,,,IN,IN,,,research,nveu,India,NVEU-3
"""

PRODUCTS = """\
ref,name,kind,tpp,die_area_mm2,datacenter,ics_per_unit,training_operations,published
H100,NVIDIA H100 SXM,ic,15832,814,true,1,,false
HGX8,8-GPU H100 server,system,15832,814,true,8,,false
W,Frontier model weights,model_weights,,,true,1,3e26,false
CABLE,Network cable,other,,,,,,
"""

ORDERS = """\
ref,date,consignee_ref,end_user_ref,destination,product_ref,quantity
SO-1,2026-03-02,C1,,,H100,100
SO-2,2026-03-03,C2,C3,IN,HGX8,4
SO-2,2026-03-03,C2,C3,IN,H100,16
SO-3,2026-03-04,C3,,IN,W,1
"""

CERTIFICATIONS = """\
party_ref,type,year,signed_on,signer,prior_receipts_tpp,weights_storage_attested,submitted_to_bis_on,revoked_on
C1,aia,,2025-02-01,Jane Tan;Wei Lim,,true,2025-02-10,
C1,lpp,2026,2026-01-02,Jane Tan,50000,,,
C2,lpp,2026,2026-01-05,Hans Weber,0,,,2026-06-30
"""

LICENSES = """\
number,party_ref,destination,covers,tpp,valid_from,valid_to
L-2026-001,C3,IN,a_level,1000000,2026-01-01,2027-12-31
L-2026-002,C2,DE,model_weights,,2026-01-01,2026-12-31
"""

FOOTPRINTS = """\
party_ref,country,installed_tpp
C2,DE,125000000
C2,FR,2500000.5
"""

COUNTRIES = """\
country,g2g_agreement,external_allocation_used_tpp
IN,false,1500000000
AE,true,0
"""

# In the order they must go in: orders and paperwork refer to parties and products.
OWNERSHIP = """\
party_ref,owner_name,owner_country,share_percent
C2,Rhein Holding AG,CH,75
C3,C1,SG,20
"""

SHIPMENTS = """\
order_ref,shipment_ref,shipped_on,product_ref,serial
SO-1,SHP-1,2026-03-10,H100,1654922012345
SO-1,SHP-1,2026-03-10,H100,1654922012346
SO-2,SHP-7,2026-03-20,HGX8,HGX4278418984
SO-2,SHP-7,2026-03-20,H100,1654922019999
"""

FILES: dict[CsvKind, str] = {
    CsvKind.PARTIES: PARTIES,
    CsvKind.PRODUCTS: PRODUCTS,
    CsvKind.ORDERS: ORDERS,
    CsvKind.CERTIFICATIONS: CERTIFICATIONS,
    CsvKind.LICENSES: LICENSES,
    CsvKind.FOOTPRINTS: FOOTPRINTS,
    CsvKind.COUNTRIES: COUNTRIES,
    CsvKind.OWNERSHIP: OWNERSHIP,
    CsvKind.SHIPMENTS: SHIPMENTS,
}


def _open(path: Path) -> Iterator[SqlDatabase]:
    db = SqlDatabase.open(path, clock=clock_on())
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[SqlDatabase]:
    yield from _open(tmp_path / "desk.sqlite3")


@pytest.fixture
def fresh_db(tmp_path: Path) -> Iterator[SqlDatabase]:
    yield from _open(tmp_path / "fresh" / "desk.sqlite3")


def _import(
    db: SqlDatabase, kind: CsvKind, text: str, *, dry_run: bool = False, source: str = ""
) -> ImportSummary:
    return import_file(
        db,
        kind,
        text.encode("utf-8"),
        source=source or f"{kind.value}.csv",
        actor="officer",
        dry_run=dry_run,
    )


def _import_all(db: SqlDatabase, files: dict[CsvKind, str]) -> None:
    for kind, text in files.items():
        _import(db, kind, text)


def _audit_count(db: SqlDatabase) -> int:
    with db.reader() as uow:
        return uow.audit.count()


def _snapshot(db: SqlDatabase) -> dict[CsvKind, str]:
    return {kind: export_kind(db, kind) for kind in CsvKind}


def _header(kind: CsvKind) -> str:
    """The header an export writes: every column, the optional ones included."""
    return ",".join(columns_of(kind)) + "\n"


# -- importing --------------------------------------------------------------------------------


def test_every_kind_imports_and_says_what_it_created(db: SqlDatabase) -> None:
    expected = {
        CsvKind.PARTIES: (3, 3),
        CsvKind.PRODUCTS: (4, 4),
        CsvKind.ORDERS: (4, 3),
        CsvKind.CERTIFICATIONS: (3, 3),
        CsvKind.LICENSES: (2, 2),
        CsvKind.FOOTPRINTS: (2, 2),
        CsvKind.COUNTRIES: (2, 2),
        CsvKind.OWNERSHIP: (2, 2),
        CsvKind.SHIPMENTS: (4, 4),
    }
    for kind, text in FILES.items():
        summary = _import(db, kind, text)
        rows, records = expected[kind]
        assert summary == ImportSummary(
            kind=kind,
            source=f"{kind.value}.csv",
            rows=rows,
            records=records,
            created=records,
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        )
    with db.reader() as uow:
        party = uow.parties.get("C2")
        assert party is not None
        assert (party.name, party.country, party.hq_country) == ("Rhein Cloud, GmbH", "DE", "DE")
        stored = uow.orders.get("SO-2")
        assert stored is not None
        assert [(line.product_ref, line.quantity) for line in stored.order.lines] == [
            ("HGX8", 4),
            ("H100", 16),
        ]
        lpp = uow.paperwork.lpp_certification("C1", 2026)
        assert lpp is not None
        assert lpp.prior_receipts_tpp == 50_000
        assert uow.paperwork.footprint("C2") == {"DE": 125e6, "FR": 2_500_000.5}
        licence = uow.paperwork.license("L-2026-001")
        assert licence is not None
        assert licence.tpp == 1e6
        setting = uow.paperwork.country_setting("AE")
        assert setting is not None
        assert setting.g2g_agreement


def test_importing_parties_again_updates_changed_rows_and_leaves_the_rest(
    db: SqlDatabase,
) -> None:
    _import(db, CsvKind.PARTIES, PARTIES)
    changed = PARTIES.replace("Mumbai AI Labs", "Mumbai AI Labs Pvt Ltd")
    summary = _import(db, CsvKind.PARTIES, changed)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 2)
    with db.reader() as uow:
        party = uow.parties.get("C3")
        assert party is not None
        assert party.name == "Mumbai AI Labs Pvt Ltd"


def test_an_import_writes_one_audit_entry_per_party_and_one_for_the_file(
    db: SqlDatabase,
) -> None:
    _import(db, CsvKind.PARTIES, PARTIES)
    with db.reader() as uow:
        entries = list(uow.audit.entries())
    assert [(entry.action, entry.entity, entry.entity_ref) for entry in entries] == [
        ("create", "party", "C1"),
        ("create", "party", "C2"),
        ("create", "party", "C3"),
        ("import", "parties", "parties.csv"),
        ("seal", "record", "3 records"),
    ]
    assert {entry.actor for entry in entries} == {"officer"}
    assert set(entries[-1].after["states"]["party"]) == {"C1", "C2", "C3"}
    assert entries[-2].after == {
        "kind": "parties",
        "rows": 3,
        "records": 3,
        "created": 3,
        "updated": 0,
        "unchanged": 0,
        "sha256": hashlib.sha256(PARTIES.encode("utf-8")).hexdigest(),
    }


def test_an_orders_import_writes_one_audit_entry_for_the_whole_file(db: SqlDatabase) -> None:
    _import_all(db, {CsvKind.PARTIES: PARTIES, CsvKind.PRODUCTS: PRODUCTS})
    before = _audit_count(db)
    _import(db, CsvKind.ORDERS, ORDERS, source="erp-2026-03.csv")
    with db.reader() as uow:
        entries = list(uow.audit.entries())[before:]
    assert len(entries) == 2
    entry, seal = entries
    assert seal.after is not None
    assert sorted(seal.after["states"]["order"]) == ["SO-1", "SO-2", "SO-3"]
    assert (entry.action, entry.entity, entry.entity_ref) == ("import", "orders", "erp-2026-03.csv")
    assert entry.after == {
        "kind": "orders",
        "rows": 4,
        "orders": 3,
        "sha256": hashlib.sha256(ORDERS.encode("utf-8")).hexdigest(),
        "first": "SO-1",
        "last": "SO-3",
    }


def test_a_header_only_orders_file_imports_nothing_and_writes_no_audit_entry(
    db: SqlDatabase,
) -> None:
    summary = _import(db, CsvKind.ORDERS, _header(CsvKind.ORDERS))
    assert (summary.rows, summary.records, summary.created) == (0, 0, 0)
    assert _audit_count(db) == 0


# -- refusing: all rows or none ---------------------------------------------------------------


def test_orders_with_unknown_references_are_refused_by_row_and_nothing_is_written(
    db: SqlDatabase,
) -> None:
    _import_all(db, {CsvKind.PARTIES: PARTIES, CsvKind.PRODUCTS: PRODUCTS})
    before, audit_before = _snapshot(db), _audit_count(db)
    text = (
        _header(CsvKind.ORDERS)
        + "SO-1,2026-03-02,C1,,,H100,100\n"
        + "SO-2,2026-03-03,C9,C3,IN,H100,4\n"
        + "SO-3,2026-03-04,C1,C8,IN,H100,1\n"
        + "SO-3,2026-03-04,C1,C8,IN,B200,2\n"
        + "SO-4,2026-03-05,C2,,,W,1\n"
    )
    with pytest.raises(CsvImportError) as caught:
        _import(db, CsvKind.ORDERS, text, source="bad-orders.csv")
    assert [(error.row, error.field, error.value) for error in caught.value.errors] == [
        (3, "consignee_ref", "C9"),
        (4, "end_user_ref", "C8"),
        (5, "product_ref", "B200"),
    ]
    message = str(caught.value)
    assert "bad-orders.csv, row 3, field consignee_ref: unknown party 'C9'" in message
    assert "bad-orders.csv, row 5, field product_ref: unknown product 'B200'" in message
    assert _snapshot(db) == before
    assert _audit_count(db) == audit_before


@pytest.mark.parametrize(
    ("kind", "text", "row", "field"),
    [
        (
            CsvKind.CERTIFICATIONS,
            "C1,aia,,2025-02-01,Jane,,,,\nC7,lpp,2026,2026-01-02,J,,,,",
            3,
            "party_ref",
        ),
        (
            CsvKind.LICENSES,
            "L-9,C1,SG,a_level,5,2026-01-01,2026-12-31\nL-10,C7,SG,a_level,5,2026-01-01,2026-12-31",
            3,
            "party_ref",
        ),
        (CsvKind.FOOTPRINTS, "C7,DE,1\nC2,DE,5", 2, "party_ref"),
    ],
)
def test_paperwork_for_an_unknown_party_is_refused_and_nothing_is_written(
    db: SqlDatabase, kind: CsvKind, text: str, row: int, field: str
) -> None:
    _import(db, CsvKind.PARTIES, PARTIES)
    before, audit_before = _snapshot(db), _audit_count(db)
    with pytest.raises(CsvImportError) as caught:
        _import(db, kind, _header(kind) + text + "\n")
    assert [(error.row, error.field, error.value) for error in caught.value.errors] == [
        (row, field, "C7")
    ]
    assert _snapshot(db) == before
    assert _audit_count(db) == audit_before


def test_a_file_with_bad_cells_is_refused_before_the_database_is_touched(
    db: SqlDatabase,
) -> None:
    bad = PARTIES.replace("research,nveu,India", "research,nveu,Atlantis")
    with pytest.raises(CsvImportError) as caught:
        _import(db, CsvKind.PARTIES, bad)
    assert [(error.row, error.field) for error in caught.value.errors] == [(5, "veu_country")]
    assert _snapshot(db)[CsvKind.PARTIES] == _header(CsvKind.PARTIES)
    assert _audit_count(db) == 0


def test_the_same_orders_file_imported_again_is_recognised_and_writes_nothing(
    db: SqlDatabase,
) -> None:
    _import_all(db, {CsvKind.PARTIES: PARTIES, CsvKind.PRODUCTS: PRODUCTS})
    first = _import(db, CsvKind.ORDERS, ORDERS)
    before, audit_before = _snapshot(db), _audit_count(db)
    again = _import(db, CsvKind.ORDERS, ORDERS)
    assert again.already_imported
    assert (again.created, again.unchanged, again.rows, again.records) == (0, 3, 4, 3)
    assert again.sha256 == first.sha256
    assert again.imported_by == "officer"
    assert again.imported_at is not None
    assert _snapshot(db) == before
    assert _audit_count(db) == audit_before


def test_orders_already_stored_from_another_file_are_refused_and_nothing_written(
    db: SqlDatabase,
) -> None:
    _import_all(db, {CsvKind.PARTIES: PARTIES, CsvKind.PRODUCTS: PRODUCTS})
    _import(db, CsvKind.ORDERS, ORDERS)
    before, audit_before = _snapshot(db), _audit_count(db)
    with pytest.raises(CsvImportError) as caught:
        _import(db, CsvKind.ORDERS, ORDERS, source="the-same-orders-renamed.csv")
    assert [(error.row, error.field, error.value) for error in caught.value.errors] == [
        (2, "ref", "SO-1"),
        (3, "ref", "SO-2"),
        (5, "ref", "SO-3"),
    ]
    assert "already exists" in caught.value.errors[0].message
    assert _snapshot(db) == before
    assert _audit_count(db) == audit_before


def test_a_licence_number_already_stored_is_refused(db: SqlDatabase) -> None:
    _import_all(db, {CsvKind.PARTIES: PARTIES, CsvKind.LICENSES: LICENSES})
    audit_before = _audit_count(db)
    with pytest.raises(CsvImportError) as caught:
        _import(db, CsvKind.LICENSES, LICENSES + "\n")  # another file, the same licences
    assert [(error.row, error.field) for error in caught.value.errors] == [
        (2, "number"),
        (3, "number"),
    ]
    assert _audit_count(db) == audit_before


def test_a_cancelled_import_writes_nothing(db: SqlDatabase) -> None:
    _import_all(db, {CsvKind.PARTIES: PARTIES, CsvKind.PRODUCTS: PRODUCTS})
    before, audit_before = _snapshot(db), _audit_count(db)
    token = CancelToken()
    token.cancel()
    for kind in (CsvKind.ORDERS, CsvKind.CERTIFICATIONS):
        with pytest.raises(ImportCancelledError):
            import_file(
                db, kind, FILES[kind].encode("utf-8"), source="x.csv", actor="o", cancel=token
            )
    assert _snapshot(db) == before
    assert _audit_count(db) == audit_before


def test_an_import_reports_its_progress(db: SqlDatabase) -> None:
    seen: list[tuple[int, int]] = []
    import_file(
        db,
        CsvKind.PARTIES,
        PARTIES.encode("utf-8"),
        source="p.csv",
        actor="o",
        progress=lambda done, total, _label: seen.append((done, total)),
    )
    assert seen[0] == (0, 3)
    assert seen[-1] == (3, 3)


# -- dry runs ---------------------------------------------------------------------------------


def test_a_dry_run_checks_and_counts_but_writes_nothing(db: SqlDatabase) -> None:
    _import(db, CsvKind.PARTIES, PARTIES)
    before, audit_before = _snapshot(db), _audit_count(db)
    changed = PARTIES.replace("Mumbai AI Labs", "Mumbai AI Labs Pvt Ltd") + (
        "C4,New Party,,,SG,SG,,,,,,\n"
    )
    summary = _import(db, CsvKind.PARTIES, changed, dry_run=True)
    assert (summary.created, summary.updated, summary.unchanged, summary.dry_run) == (
        1,
        1,
        2,
        True,
    )
    for kind in (CsvKind.PRODUCTS, CsvKind.CERTIFICATIONS, CsvKind.FOOTPRINTS, CsvKind.COUNTRIES):
        assert (
            _import(db, kind, FILES[kind], dry_run=True).created
            == len(FILES[kind].splitlines()) - 1
        )
    assert _snapshot(db) == before
    assert _audit_count(db) == audit_before


def test_a_dry_run_of_orders_checks_references_and_writes_nothing(db: SqlDatabase) -> None:
    _import_all(db, {CsvKind.PARTIES: PARTIES, CsvKind.PRODUCTS: PRODUCTS})
    audit_before = _audit_count(db)
    summary = _import(db, CsvKind.ORDERS, ORDERS, dry_run=True)
    assert (summary.rows, summary.records, summary.created, summary.dry_run) == (4, 3, 3, True)
    assert export_kind(db, CsvKind.ORDERS) == _header(CsvKind.ORDERS)
    assert _audit_count(db) == audit_before
    with pytest.raises(CsvImportError):
        _import(db, CsvKind.ORDERS, ORDERS.replace("C3,,IN,W", "C3,,IN,NOPE"), dry_run=True)


# -- exporting --------------------------------------------------------------------------------


def test_an_empty_database_exports_headers_only(db: SqlDatabase) -> None:
    assert _snapshot(db) == {kind: _header(kind) for kind in CsvKind}


def test_export_then_import_into_a_fresh_database_exports_identically(
    db: SqlDatabase, fresh_db: SqlDatabase
) -> None:
    _import_all(db, FILES)
    exported = _snapshot(db)
    assert all(text.count("\n") > 1 for text in exported.values())
    _import_all(fresh_db, exported)
    assert _snapshot(fresh_db) == exported


def test_an_export_imported_again_changes_nothing(db: SqlDatabase) -> None:
    _import_all(db, FILES)
    audit_before = _audit_count(db)
    for kind in (
        CsvKind.PARTIES,
        CsvKind.PRODUCTS,
        CsvKind.CERTIFICATIONS,
        CsvKind.FOOTPRINTS,
        CsvKind.COUNTRIES,
    ):
        summary = _import(db, kind, export_kind(db, kind))
        assert summary.unchanged == summary.records
        assert summary.created == summary.updated == 0
    assert _audit_count(db) == audit_before


# -- an empty cell never changes what is stored ---------------------------------------------


PARTY_HEADER = (
    "ref,name,aliases,address,country,hq_country,parent_name,parent_hq_country,role,veu,"
    "veu_country,veu_id\n"
)


def test_an_empty_cell_in_an_update_keeps_the_stored_value(sqlite_db: SqlDatabase) -> None:
    first = (
        PARTY_HEADER
        + "AE-OASIS,Oasis Grid,Oasis FZ,Dubai,AE,AE,Oasis Holding,AE,datacenter_operator,nveu,"
        "AE,NVEU-AE-25-003\n"
    )
    import_file(sqlite_db, CsvKind.PARTIES, first.encode(), source="a.csv", actor="o")
    again = PARTY_HEADER + "AE-OASIS,Oasis Grid Data Centres,,,AE,AE,,,,,,\n"
    summary = import_file(sqlite_db, CsvKind.PARTIES, again.encode(), source="b.csv", actor="o")
    assert summary.updated == 1
    with sqlite_db.reader() as uow:
        party = uow.parties.get("AE-OASIS")
    assert party is not None
    assert party.name == "Oasis Grid Data Centres"  # the filled cell changed
    assert party.role.value == "datacenter_operator"  # empty role: kept, not "other"
    assert party.veu.value == "nveu"  # empty veu: kept, not "none"
    assert (party.veu_country, party.veu_id) == ("AE", "NVEU-AE-25-003")
    assert party.aliases == ("Oasis FZ",)
    assert (party.parent_name, party.address) == ("Oasis Holding", "Dubai")


def test_a_party_file_without_the_language_column_keeps_the_stored_language(
    sqlite_db: SqlDatabase,
) -> None:
    first = (
        PARTY_HEADER.rstrip("\n") + ",language\n" + "TW-FAB,Formosa Compute,,,TW,TW,,,,,,,zh_CN\n"
    )
    import_file(sqlite_db, CsvKind.PARTIES, first.encode(), source="a.csv", actor="o")
    again = PARTY_HEADER + "TW-FAB,Formosa Compute Co.,,,TW,TW,,,,,,\n"  # an older file
    summary = import_file(sqlite_db, CsvKind.PARTIES, again.encode(), source="b.csv", actor="o")
    assert summary.updated == 1
    with sqlite_db.reader() as uow:
        party = uow.parties.get("TW-FAB")
    assert party is not None
    assert (party.name, party.language.value) == ("Formosa Compute Co.", "zh_CN")
    exported = export_kind(sqlite_db, CsvKind.PARTIES)
    assert exported.splitlines()[0].endswith(",veu_id,language")
    assert exported.splitlines()[1].endswith(",zh_CN")


def test_an_empty_die_area_keeps_the_stored_one(sqlite_db: SqlDatabase) -> None:
    header = (
        "ref,name,kind,tpp,die_area_mm2,datacenter,ics_per_unit,training_operations,published\n"
    )
    first = header + "B1,Mid-range accelerator,ic,3000,1000,true,1,,false\n"
    import_file(sqlite_db, CsvKind.PRODUCTS, first.encode(), source="a.csv", actor="o")
    again = header + "B1,Mid-range accelerator v2,ic,3000,,,,,\n"
    import_file(sqlite_db, CsvKind.PRODUCTS, again.encode(), source="b.csv", actor="o")
    with sqlite_db.reader() as uow:
        product = uow.products.get("B1")
    assert product is not None
    assert product.die_area_mm2 == 1000
    assert product.name == "Mid-range accelerator v2"


def test_stating_no_veu_ends_the_stored_veu_country_and_number(sqlite_db: SqlDatabase) -> None:
    first = PARTY_HEADER + "SG-DC,Lion City DC,,,SG,SG,,,datacenter_operator,nveu,SG,NVEU-9\n"
    import_file(sqlite_db, CsvKind.PARTIES, first.encode(), source="a.csv", actor="o")
    again = PARTY_HEADER + "SG-DC,Lion City DC,,,SG,SG,,,,none,,\n"
    import_file(sqlite_db, CsvKind.PARTIES, again.encode(), source="b.csv", actor="o")
    with sqlite_db.reader() as uow:
        party = uow.parties.get("SG-DC")
    assert party is not None
    assert (party.veu.value, party.veu_country, party.veu_id) == ("none", None, None)


def test_a_row_that_keeps_stored_values_into_an_invalid_record_is_refused_whole(
    sqlite_db: SqlDatabase,
) -> None:
    first = PARTY_HEADER + "P1,Plain Party,,,DE,DE,,,end_user,none,,\n"
    import_file(sqlite_db, CsvKind.PARTIES, first.encode(), source="a.csv", actor="o")
    # NVEU stated, its country left empty: nothing stored to keep, so the row is refused.
    bad = PARTY_HEADER + "P2,Second,,,DE,DE,,,,,,\nP1,Plain Party,,,DE,DE,,,,nveu,,\n"
    with pytest.raises(CsvImportError, match=r"row 3.*veu_country"):
        import_file(sqlite_db, CsvKind.PARTIES, bad.encode(), source="c.csv", actor="o")
    with sqlite_db.reader() as uow:
        assert uow.parties.get("P2") is None  # nothing written


# -- shipments and their serial numbers (rules.md section 10) -------------------------------


def _with_orders(db: SqlDatabase) -> None:
    _import_all(db, {kind: FILES[kind] for kind in (CsvKind.PARTIES, CsvKind.PRODUCTS)})
    _import(db, CsvKind.ORDERS, ORDERS)


def test_shipments_are_kept_with_their_orders_and_importing_them_again_changes_nothing(
    db: SqlDatabase,
) -> None:
    _with_orders(db)
    first = _import(db, CsvKind.SHIPMENTS, SHIPMENTS)
    assert (first.created, first.unchanged) == (4, 0)
    audit = _audit_count(db)
    again = _import(db, CsvKind.SHIPMENTS, SHIPMENTS)
    assert (again.created, again.unchanged, again.already_imported) == (0, 4, True)
    assert _audit_count(db) == audit  # nothing written, not even an audit entry
    renamed = _import(db, CsvKind.SHIPMENTS, SHIPMENTS, source="renamed.csv")
    assert (renamed.created, renamed.unchanged, renamed.already_imported) == (0, 4, False)
    assert _audit_count(db) == audit
    with db.reader() as uow:
        shipped = uow.shipments.of_orders(["SO-1", "SO-2", "SO-3"])
        entry = uow.audit.entries_for("shipments", "shipments.csv")[-1]
    assert [unit.serial for unit in shipped["SO-1"]] == ["1654922012345", "1654922012346"]
    assert {unit.shipment_ref for unit in shipped["SO-2"]} == {"SHP-7"}
    assert "SO-3" not in shipped
    assert entry.after is not None
    assert entry.after["units"] == 4


def test_a_serial_shipped_before_is_refused_naming_the_shipment_it_went_with(
    db: SqlDatabase,
) -> None:
    _with_orders(db)
    _import(db, CsvKind.SHIPMENTS, SHIPMENTS)
    again = _header(CsvKind.SHIPMENTS) + "SO-2,SHP-8,2026-03-25,H100,1654922012345\n"
    with pytest.raises(CsvImportError) as raised:
        _import(db, CsvKind.SHIPMENTS, again)
    [problem] = raised.value.errors
    assert (problem.row, problem.field) == (2, "serial")
    assert "already shipped on order 'SO-1', shipment 'SHP-1' of 2026-03-10" in problem.message
    with db.reader() as uow:
        assert uow.shipments.count() == 4


def test_a_shipment_file_with_any_bad_row_writes_nothing_and_names_every_problem(
    db: SqlDatabase,
) -> None:
    _with_orders(db)
    bad = _header(CsvKind.SHIPMENTS) + (
        "SO-1,SHP-1,2026-03-10,H100,1654922012345\n"
        "SO-9,SHP-1,2026-03-10,H100,1654922012399\n"  # unknown order
        "SO-1,SHP-1,2026-03-10,NOPE,77\n"  # unknown product
        "SO-1,SHP-2,2026-03-01,H100,1654922012347\n"  # before the order's date
        "SO-1,SHP-1,2026-03-11,H100,1654922012348\n"  # a second day for SHP-1
        "SO-3,SHP-3,2026-03-05,W,A1\n"
        "SO-3,SHP-3,2026-03-05,W,A2\n"  # the order has one unit of W
    )
    audit = _audit_count(db)
    with pytest.raises(CsvImportError) as raised:
        _import(db, CsvKind.SHIPMENTS, bad)
    assert [(problem.row, problem.field) for problem in raised.value.errors] == [
        (3, "order_ref"),
        (4, "product_ref"),
        (5, "shipped_on"),
        (6, "shipped_on"),
        (8, "serial"),
    ]
    assert "on or after the order's date (2026-03-02)" in raised.value.errors[2].message
    assert "dated 2026-03-10 on row 2" in raised.value.errors[3].message
    assert "expected at most 1 serials" in raised.value.errors[4].message
    with db.reader() as uow:
        assert uow.shipments.count() == 0
    assert _audit_count(db) == audit


def test_shipped_units_are_append_only(db: SqlDatabase) -> None:
    _with_orders(db)
    _import(db, CsvKind.SHIPMENTS, SHIPMENTS)
    with db.engine.connect() as connection:
        for statement in ("UPDATE shipped_units SET serial = 'X'", "DELETE FROM shipped_units"):
            with pytest.raises(DBAPIError, match="append-only"):
                connection.execute(sql(statement))
            connection.rollback()
