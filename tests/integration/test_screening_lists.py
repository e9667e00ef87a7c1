"""List snapshots in the database: import, the one in use, the previous one, append-only
tables, and party owners (on each backend available)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from domain.csvio import CsvImportError, CsvKind
from domain.model import Owner, Party
from domain.screening.model import ListWarningCode
from domain.services.screening_lists import ListImportResult, import_list, list_snapshots
from domain.services.transfer import export_kind, import_file
from storage.unit_of_work import SqlDatabase

DATA = Path(__file__).parent.parent / "data" / "screening"


def _import(db: SqlDatabase, name: str, *, dry_run: bool = False) -> ListImportResult:
    return import_list(
        db, (DATA / name).read_bytes(), file_name=name, actor="officer", dry_run=dry_run
    )


def test_an_import_stores_the_snapshot_its_entries_and_an_audit_entry(db: SqlDatabase) -> None:
    result = _import(db, "csl-sample.csv")
    assert result.snapshot is not None
    assert (result.entries, len(result.diff.added)) == (13, 13)
    with db.reader() as uow:
        stored = uow.list_snapshots.get(result.snapshot.id)
        entries = uow.list_snapshots.entries(result.snapshot.id)
        audit = uow.audit.entries_for("list_snapshot", str(result.snapshot.id))
    assert stored == result.snapshot
    assert sorted(entry.entry_id for entry in entries) == sorted(result.diff.added)
    assert [entry.action for entry in audit] == ["import"]


def test_entries_read_back_equal_to_what_was_parsed(db: SqlDatabase) -> None:
    result = _import(db, "csl-sample.csv")
    assert result.snapshot is not None
    with db.reader() as uow:
        entry = uow.list_snapshots.entry(result.snapshot.id, "52291")
        missing = uow.list_snapshots.entry(result.snapshot.id, "nope")
    assert entry is not None
    assert (entry.name, entry.countries) == ("RIM, Ryong Nam", ("CN", "KP"))
    assert missing is None


def test_the_newest_snapshot_is_in_use_and_knows_its_previous(db: SqlDatabase) -> None:
    first = _import(db, "entity-list.csv").snapshot
    second = _import(db, "csl-sample.json").snapshot
    assert first is not None
    assert second is not None
    with db.reader() as uow:
        assert uow.list_snapshots.in_use() == second
        assert uow.list_snapshots.previous(second.id) == first
        assert uow.list_snapshots.previous(first.id) is None
    assert [item.snapshot.id for item in list_snapshots(db)] == [second.id, first.id]
    assert second.diff.needs_confirmation  # the Entity List went from 3,336 entries to 1
    assert ListWarningCode.SOURCE_SHRANK in {warning.code for warning in second.warnings}


def test_the_same_content_again_is_already_imported_and_writes_nothing(db: SqlDatabase) -> None:
    first = _import(db, "csl-sample.csv")
    again = _import(db, "csl-sample.json")
    assert again.already_imported
    assert again.snapshot == first.snapshot
    with db.reader() as uow:
        assert len(uow.list_snapshots.all()) == 1
        assert uow.audit.count() == 1


def test_a_dry_run_writes_nothing(db: SqlDatabase) -> None:
    result = _import(db, "csl-sample.csv", dry_run=True)
    assert result.snapshot is None
    assert result.entries == 13
    with db.reader() as uow:
        assert uow.list_snapshots.all() == []
        assert uow.audit.count() == 0


def test_a_bad_file_writes_nothing(db: SqlDatabase) -> None:
    with pytest.raises(CsvImportError):
        import_list(db, b"_id,source\n1\n", file_name="bad.csv", actor="officer")
    with db.reader() as uow:
        assert uow.list_snapshots.all() == []


@pytest.mark.parametrize("table", ["list_snapshots", "list_entries"])
@pytest.mark.parametrize(
    "statement", ["UPDATE {table} SET content_hash = 'x'", "DELETE FROM {table}"]
)
def test_snapshot_tables_refuse_updates_and_deletes(
    db: SqlDatabase, table: str, statement: str
) -> None:
    _import(db, "csl-sample.csv")
    with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as connection:
        connection.execute(text(statement.format(table=table)))


def _party(ref: str, name: str) -> Party:
    return Party(ref=ref, name=name, country="MY", hq_country="MY")


def test_owners_import_replace_and_export_with_a_party_as_owner(db: SqlDatabase) -> None:
    with db.writer("officer") as uow:
        uow.parties.add(_party("MY-ACE", "Ace Compute Sdn Bhd"))
        uow.parties.add(_party("SG-HOLD", "Holding Pte Ltd"))
        uow.commit()
    csv = (
        "party_ref,owner_name,owner_country,share_percent\n"
        "MY-ACE,SG-HOLD,SG,60\n"
        "MY-ACE,Tan Family Trust,MY,40\n"
    )
    summary = import_file(db, CsvKind.OWNERSHIP, csv.encode(), source="owners.csv", actor="officer")
    assert summary.created == 2
    with db.reader() as uow:
        owners = uow.owners.owners_of("MY-ACE")
    assert owners[0] == Owner(
        party_ref="MY-ACE",
        owner_name="Holding Pte Ltd",
        owner_country="SG",
        share_percent=60,
        owner_party_ref="SG-HOLD",
    )
    assert export_kind(db, CsvKind.OWNERSHIP) == csv
    again = import_file(db, CsvKind.OWNERSHIP, csv.encode(), source="owners.csv", actor="x")
    assert again.unchanged == 2


def test_owners_above_one_hundred_percent_or_of_an_unknown_party_are_refused_whole(
    db: SqlDatabase,
) -> None:
    with db.writer("officer") as uow:
        uow.parties.add(_party("MY-ACE", "Ace Compute Sdn Bhd"))
        uow.commit()
    csv = (
        "party_ref,owner_name,owner_country,share_percent\n"
        "MY-ACE,A,SG,60\n"
        "MY-ACE,B,SG,50\n"
        "XX-NONE,C,SG,10\n"
    )
    with pytest.raises(CsvImportError) as caught:
        import_file(db, CsvKind.OWNERSHIP, csv.encode(), source="owners.csv", actor="officer")
    problems = [(error.row, error.field) for error in caught.value.errors]
    assert (3, "share_percent") in problems
    assert (4, "party_ref") in problems
    with db.reader() as uow:
        assert uow.owners.owners_of("MY-ACE") == []
