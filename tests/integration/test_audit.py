"""The tamper-evident record: append-only tables and the verification that finds edits."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from domain.services import records
from domain.services.orders import check_order
from domain.services.verification import verify_records
from storage.unit_of_work import SqlDatabase
from tests.integration.test_records import CATALOG, order, seed


def decided(db: SqlDatabase, count: int = 3) -> None:
    seed(db)
    for number in range(count):
        records.add_record(db, order(f"SO-{number}", 100, day=2 + number), actor="officer")
        check_order(db, CATALOG, f"SO-{number}", actor="officer")


def tamper(path: Path, *statements: str) -> None:
    """Edit the file the way someone with the sqlite3 shell would: drop the guard, change a row."""
    connection = sqlite3.connect(path)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def sqlite_path(db: SqlDatabase) -> Path:
    assert db.target.path is not None
    return db.target.path


def test_an_untouched_record_verifies(db: SqlDatabase) -> None:
    decided(db)
    report = verify_records(db)
    assert report.intact
    assert report.decisions == 3
    assert report.entries > 3


@pytest.mark.parametrize("table", ["decisions", "audit_log", "ledger_entries"])
def test_append_only_tables_refuse_updates_and_deletes(db: SqlDatabase, table: str) -> None:
    decided(db, 1)
    column = {"decisions": "decided_by", "audit_log": "actor", "ledger_entries": "party_ref"}[table]
    with db.engine.connect() as connection:
        with pytest.raises(DBAPIError, match="append-only"):
            connection.execute(text(f"UPDATE {table} SET {column} = 'mallory'"))
        connection.rollback()
        with pytest.raises(DBAPIError, match="append-only"):
            connection.execute(text(f"DELETE FROM {table}"))


@pytest.mark.parametrize("table", ["decisions", "audit_log", "ledger_entries"])
def test_postgresql_refuses_to_truncate_append_only_tables(
    postgres_db: SqlDatabase, table: str
) -> None:
    decided(postgres_db, 1)
    with postgres_db.engine.connect() as connection:
        with pytest.raises(DBAPIError, match="append-only"):
            connection.execute(text(f"TRUNCATE {table} CASCADE"))
        connection.rollback()
    with postgres_db.reader() as uow:
        assert uow.audit.count() > 0
        assert uow.decisions.latest("SO-0") is not None


def test_an_edited_decision_is_caught_and_named(sqlite_db: SqlDatabase) -> None:
    decided(sqlite_db)
    tamper(
        sqlite_path(sqlite_db),
        "DROP TRIGGER decisions_no_update",
        "UPDATE decisions SET outcome = 'authorized', "
        'payload = replace(payload, \'"outcome":"authorized"\', \'"outcome":"hold"\') WHERE id = 2',
    )
    report = verify_records(sqlite_db)
    assert not report.intact
    assert report.problem is not None
    assert "decision 2 (order SO-1" in report.problem.what


def test_a_decision_whose_outcome_column_alone_was_changed_is_caught(
    sqlite_db: SqlDatabase,
) -> None:
    decided(sqlite_db)
    tamper(
        sqlite_path(sqlite_db),
        "DROP TRIGGER decisions_no_update",
        "UPDATE decisions SET outcome = 'prohibited' WHERE id = 1",
    )
    problem = verify_records(sqlite_db).problem
    assert problem is not None
    assert "decision 1" in problem.what


def test_an_edited_audit_entry_is_caught_and_named(sqlite_db: SqlDatabase) -> None:
    decided(sqlite_db)
    tamper(
        sqlite_path(sqlite_db),
        "DROP TRIGGER audit_log_no_update",
        "UPDATE audit_log SET actor = 'mallory' WHERE seq = 4",
    )
    problem = verify_records(sqlite_db).problem
    assert problem is not None
    assert problem.seq == 4


def test_a_deleted_audit_entry_is_caught(sqlite_db: SqlDatabase) -> None:
    decided(sqlite_db)
    tamper(
        sqlite_path(sqlite_db),
        "DROP TRIGGER audit_log_no_delete",
        "DELETE FROM audit_log WHERE seq = 3",
    )
    problem = verify_records(sqlite_db).problem
    assert problem is not None
    assert problem.seq == 4
    assert "missing" in problem.what


def test_a_rehashed_audit_entry_still_breaks_the_next_link(sqlite_db: SqlDatabase) -> None:
    decided(sqlite_db)
    tamper(
        sqlite_path(sqlite_db),
        "DROP TRIGGER audit_log_no_update",
        "UPDATE audit_log SET hash = '" + "a" * 64 + "' WHERE seq = 2",
    )
    problem = verify_records(sqlite_db).problem
    assert problem is not None
    assert problem.seq == 2


def test_an_edited_ledger_entry_is_caught(sqlite_db: SqlDatabase) -> None:
    decided(sqlite_db)
    tamper(
        sqlite_path(sqlite_db),
        "DROP TRIGGER ledger_entries_no_update",
        "UPDATE ledger_entries SET tpp = 1 WHERE id = 1",
    )
    problem = verify_records(sqlite_db).problem
    assert problem is not None
    assert "ledger entries of decision 1" in problem.what


def test_an_edited_running_balance_is_caught(sqlite_db: SqlDatabase) -> None:
    decided(sqlite_db)
    tamper(sqlite_path(sqlite_db), "UPDATE ledger_balances SET tpp = 0")
    problem = verify_records(sqlite_db).problem
    assert problem is not None
    assert "running balance lpp|SG1|2026" in problem.what


def test_a_deleted_decision_is_caught(sqlite_db: SqlDatabase) -> None:
    decided(sqlite_db)
    tamper(
        sqlite_path(sqlite_db),
        "PRAGMA foreign_keys = OFF",
        "DROP TRIGGER decisions_no_delete",
        "DROP TRIGGER ledger_entries_no_delete",
        "DELETE FROM ledger_entries WHERE decision_id = 3",
        "DELETE FROM decisions WHERE id = 3",
    )
    problem = verify_records(sqlite_db).problem
    assert problem is not None
    assert "decision 3" in problem.what


def test_a_running_balance_nudged_by_a_hundred_tpp_is_caught(sqlite_db: SqlDatabase) -> None:
    decided(sqlite_db)
    tamper(sqlite_path(sqlite_db), "UPDATE ledger_balances SET tpp = tpp + 100")
    problem = verify_records(sqlite_db).problem
    assert problem is not None
    assert "running balance" in problem.what
