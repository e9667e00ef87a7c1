"""A field-audit kit made from a real database and opened as a file (rules.md section 10):
what it holds about the audited party and no more about others, the desk's signature over
it, the on-site log's chain, and the refusals of an altered, signed-off or newer kit."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text as sql
from sqlalchemy.exc import DBAPIError

from domain.csvio import CsvKind
from domain.errors import DomainError
from domain.fieldaudit.kit import KIT_FORMAT, checklist
from domain.ruleset import load_shipped_rulesets
from domain.services.field_audit import export_kit, merge_kit, open_visits, resolve_visit
from domain.services.transfer import import_file
from storage.desk_key import DeskKey
from storage.kit_file import KitError, open_kit, write_kit
from storage.unit_of_work import SqlDatabase

CATALOG = load_shipped_rulesets()
HEAD = {
    CsvKind.PARTIES: "ref,name,aliases,address,country,hq_country,parent_name,parent_hq_country,"
    "role,veu,veu_country,veu_id\n",
    CsvKind.PRODUCTS: "ref,name,kind,tpp,die_area_mm2,datacenter,ics_per_unit,"
    "training_operations,published\n",
    CsvKind.ORDERS: "ref,date,consignee_ref,end_user_ref,destination,product_ref,quantity\n",
    CsvKind.SHIPMENTS: "order_ref,shipment_ref,shipped_on,product_ref,serial\n",
}
ROWS = {
    CsvKind.PARTIES: "SG-A,Lion City Compute,,1 Fusionopolis Way,SG,SG,,,,,,\n"
    "MY-B,Johor Data Centres,,,MY,MY,,,,,,\n",
    CsvKind.PRODUCTS: "H100,NVIDIA H100 SXM,ic,15832,814,true,1,,false\n",
    CsvKind.ORDERS: "SO-1,2026-03-02,SG-A,,,H100,2\nSO-2,2026-03-03,MY-B,,,H100,1\n",
    CsvKind.SHIPMENTS: "SO-1,SHP-1,2026-03-10,H100,1654922012345\n"
    "SO-1,SHP-1,2026-03-10,H100,1654922012346\n"
    "SO-2,SHP-2,2026-03-12,H100,1654922099999\n",
}
AT = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@pytest.fixture
def kit_path(db: SqlDatabase, tmp_path: Path) -> Path:
    for kind in (CsvKind.PARTIES, CsvKind.PRODUCTS, CsvKind.ORDERS, CsvKind.SHIPMENTS):
        data = (HEAD[kind] + ROWS[kind]).encode()
        import_file(db, kind, data, source=f"{kind.value}.csv", actor="officer")
    key = DeskKey.load_or_create(tmp_path / "desk.key")
    contents, signature = export_kit(db, CATALOG, "SG-A", "Singapore DC-1", actor="o", signer=key)
    path = tmp_path / "site.ddkit"
    write_kit(path, contents, signature)
    return path


def test_the_kit_holds_the_party_its_orders_and_serials_and_only_where_others_went(
    kit_path: Path, db: SqlDatabase
) -> None:
    kit = open_kit(kit_path)
    contents = kit.contents
    assert contents.format == KIT_FORMAT
    assert (contents.party_ref, contents.site) == ("SG-A", "Singapore DC-1")
    assert [party["ref"] for party in contents.parties] == ["SG-A"]
    assert [item["order"]["ref"] for item in contents.orders] == ["SO-1"]
    assert sorted(item.serial for item in contents.expected) == ["1654922012345", "1654922012346"]
    assert contents.shipped_elsewhere == {"1654922099999": "MY-B"}
    assert "Johor" not in kit_path.read_bytes().decode("utf-8", "replace")
    assert [item.id for item in contents.checklist] == [item.id for item in checklist()]
    with db.reader() as uow:
        entry = uow.audit.entries_for("field_audit_kit", "SG-A")[-1]
    assert entry.after is not None
    assert entry.after["expected_serials"] == 2


def test_the_on_site_log_is_chained_and_kept_after_reopening(kit_path: Path) -> None:
    kit = open_kit(kit_path)
    kit.append_many("scan", [{"serial": "1654922012345"}, {"serial": "X"}], actor="a", at=AT)
    again = open_kit(kit_path)
    assert [entry.payload["serial"] for entry in again.entries("scan")] == ["1654922012345", "X"]
    assert again.log[1].prev == again.log[0].hash
    assert again.log[0].prev == again.contents_sha256


def test_a_signed_off_kit_takes_nothing_more(kit_path: Path) -> None:
    kit = open_kit(kit_path)
    kit.append("close", {"auditor": "A. Auditor"}, actor="a", at=AT)
    with pytest.raises(KitError, match="signed off"):
        open_kit(kit_path).append("scan", {"serial": "X"}, actor="a", at=AT)
    with sqlite3.connect(kit_path) as connection, pytest.raises(sqlite3.DatabaseError):
        connection.execute(
            "INSERT INTO log (seq, at, actor, action, payload, prev, hash) "
            "VALUES (9, '', '', 'scan', '{}', '', '')"
        )


def _tamper(path: Path, *statements: str) -> None:
    with sqlite3.connect(path) as connection:
        for statement in statements:
            connection.execute(statement)


@pytest.mark.parametrize(
    ("statements", "message"),
    [
        (
            (
                "DROP TRIGGER contents_no_update",
                "UPDATE contents SET body = replace(body, '1654922012346', '1654922012347')",
            ),
            "signature does not match",
        ),
        (
            ("DROP TRIGGER log_no_update", 'UPDATE log SET payload = \'{"serial": "Y"}\''),
            r"log entry 1 \(scan\) was altered",
        ),
        (("DROP TRIGGER log_no_delete", "DELETE FROM log WHERE seq = 1"), "broken at entry 1"),
        (
            ("DROP TRIGGER meta_no_update", "UPDATE meta SET value = '99' WHERE key = 'format'"),
            "newer version of the desk",
        ),
    ],
)
def test_an_altered_kit_is_refused_whole(
    kit_path: Path, statements: tuple[str, ...], message: str
) -> None:
    open_kit(kit_path).append_many("scan", [{"serial": "A"}, {"serial": "B"}], actor="a", at=AT)
    _tamper(kit_path, *statements)
    with pytest.raises(KitError, match=message):
        open_kit(kit_path)


def test_a_kit_signed_by_another_desk_is_named_as_such(kit_path: Path, tmp_path: Path) -> None:
    other = DeskKey.load_or_create(tmp_path / "other.key")
    with pytest.raises(KitError, match="signed by another desk"):
        open_kit(kit_path, desk_public_key=other.public_key)


def test_a_kit_signed_by_any_officer_of_the_desk_merges_and_a_foreign_one_is_refused(
    db: SqlDatabase, tmp_path: Path
) -> None:
    """Several officers (PostgreSQL), each workstation its own key: the database keeps every
    key that signed one of its kits, so any officer merges any of them; a kit signed by a key
    the database never used is refused, naming the key, and nothing is written."""
    for kind in (CsvKind.PARTIES, CsvKind.PRODUCTS, CsvKind.ORDERS, CsvKind.SHIPMENTS):
        import_file(db, kind, (HEAD[kind] + ROWS[kind]).encode(), source="x.csv", actor="o")
    first = DeskKey.load_or_create(tmp_path / "first-officer.key")
    second = DeskKey.load_or_create(tmp_path / "second-officer.key")
    made = []
    for number, key in enumerate((first, second, first)):
        contents, signature = export_kit(db, CATALOG, "SG-A", f"DC-{number}", actor="o", signer=key)
        path = tmp_path / f"site-{number}.ddkit"
        write_kit(path, contents, signature)
        kit = open_kit(path)
        kit.append("close", {"auditor": "A", "site_representative": "B"}, actor="a", at=AT)
        made.append(open_kit(path))
    with db.reader() as uow:
        assert uow.field_visits.trusted_keys() == {
            first.fingerprint: first.public_key.hex(),
            second.fingerprint: second.public_key.hex(),
        }
    for kit in made:  # merged on the first officer's workstation, whichever key signed it
        merged = merge_kit(
            db,
            kit.contents,
            kit.contents_sha256,
            kit.log,
            actor="o",
            own_key=first.public_key.hex(),
        )
        assert merged.merged
    elsewhere = DeskKey.load_or_create(tmp_path / "elsewhere.key")
    foreign = made[0].contents.model_copy(
        update={"public_key": elsewhere.public_key.hex(), "key_fingerprint": elsewhere.fingerprint}
    )
    with pytest.raises(DomainError, match=f"another desk \\(key {elsewhere.fingerprint}"):
        merge_kit(db, foreign, "f" * 64, made[0].log, actor="o", own_key=first.public_key.hex())
    with db.reader() as uow:
        assert len(uow.field_visits.for_parties(["SG-A"])["SG-A"]) == 3
    with db.engine.connect() as connection:
        with pytest.raises(DBAPIError, match="append-only"):
            connection.execute(sql("DELETE FROM desk_keys"))
        connection.rollback()


def test_a_kit_is_never_overwritten_and_a_foreign_file_is_refused(
    kit_path: Path, tmp_path: Path
) -> None:
    kit = open_kit(kit_path)
    with pytest.raises(KitError, match="already exists"):
        write_kit(kit_path, kit.contents, b"")
    foreign = tmp_path / "notes.ddkit"
    foreign.write_text("hello", encoding="utf-8")
    with pytest.raises(KitError, match="not a field-audit kit"):
        open_kit(foreign)


def test_a_photo_altered_in_the_kit_is_named(kit_path: Path) -> None:
    kit = open_kit(kit_path)
    digest = kit.add_photo("rack.jpg", b"\xff\xd8 not really a jpeg", None)
    kit.append("photo", {"sha256": digest, "name": "rack.jpg"}, actor="a", at=AT)
    assert open_kit(kit_path).photo(digest) is not None
    _tamper(kit_path, "DROP TRIGGER photos_no_update", "UPDATE photos SET data = x'00'")
    with pytest.raises(KitError, match="was altered"):
        open_kit(kit_path)


def test_a_merged_visit_is_kept_once_and_holds_until_resolved(
    kit_path: Path, db: SqlDatabase
) -> None:
    kit = open_kit(kit_path)
    kit.append_many(
        "scan", [{"serial": "1654922012345"}, {"serial": "1654922099999"}], actor="a", at=AT
    )
    kit.append("answer", {"item": "operator", "answer": "no"}, actor="a", at=AT)
    kit.append("close", {"auditor": "A", "site_representative": "B"}, actor="a", at=AT)
    kit = open_kit(kit_path)
    first = merge_kit(db, kit.contents, kit.contents_sha256, kit.log, actor="officer")
    assert (first.merged, first.discrepancies) == (True, 3)  # missing, unexpected, failed item
    again = merge_kit(db, kit.contents, kit.contents_sha256, kit.log, actor="officer")
    assert (again.visit, again.already_merged) == (first.visit, True)
    with db.reader() as uow:
        [visit] = uow.field_visits.for_parties(["SG-A"])["SG-A"]
        held = uow.field_visits.open_discrepancies(["SG-A", "MY-B"])
        # a work queue asks for every party at once: more refs than one statement binds
        many = [f"P{number:05d}" for number in range(70_000)]
        assert uow.field_visits.open_discrepancies([*many, "SG-A"]) == held
    assert visit.summary["reconciliation"]["unexpected"] == [
        {"serial": "1654922099999", "shipped_to": "MY-B"}
    ]
    assert visit.summary["failed_items"] == ["operator"]
    assert visit.log_head == kit.log[-1].hash
    assert held == {"SG-A": (first.visit,)}
    assert [item.id for item in open_visits(db)] == [first.visit]  # the work queue
    resolve_visit(db, "SG-A", first.visit, "serial 346 found in the spares cage", actor="officer")
    with db.reader() as uow:
        assert uow.field_visits.open_discrepancies(["SG-A"]) == {}
    assert open_visits(db) == []
    with db.engine.connect() as connection:
        for table in ("field_visits", "field_visit_resolutions"):
            with pytest.raises(DBAPIError, match="append-only"):
                connection.execute(sql(f"DELETE FROM {table}"))
            connection.rollback()
