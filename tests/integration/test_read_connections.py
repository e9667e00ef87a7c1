"""Read units of work on a SQLite file keep their connection open between them: what they see
must be exactly what a fresh connection would see."""

from __future__ import annotations

import threading

from sqlalchemy import select

from domain.model import Party
from domain.services import records
from storage.schema import PartyRow
from storage.unit_of_work import SqlDatabase
from tests.integration.test_records import order, seed


def _connection_id(db: SqlDatabase) -> int:
    with db.reader() as uow:
        assert uow.connection is not None
        return id(uow.connection)


def test_a_thread_reads_on_one_kept_connection(sqlite_db: SqlDatabase) -> None:
    assert _connection_id(sqlite_db) == _connection_id(sqlite_db)


def test_a_read_inside_a_read_gets_a_connection_of_its_own(sqlite_db: SqlDatabase) -> None:
    seed(sqlite_db)
    with sqlite_db.reader() as outer:
        with sqlite_db.reader() as inner:
            assert inner.connection is not outer.connection
            assert inner.parties.get("SG1") is not None
        assert outer.parties.get("SG1") is not None
    assert _connection_id(sqlite_db) == _connection_id(sqlite_db)


def test_each_thread_has_its_own_kept_connection(sqlite_db: SqlDatabase) -> None:
    seen: list[int] = []
    done = threading.Event()

    def read_then_wait() -> None:
        seen.append(_connection_id(sqlite_db))
        done.wait(timeout=20)  # alive, so its connection stays kept (and its id not reused)

    worker = threading.Thread(target=read_then_wait)
    worker.start()
    try:
        while not seen and worker.is_alive():
            worker.join(timeout=0.01)
        assert seen
        assert seen[0] != _connection_id(sqlite_db)
    finally:
        done.set()
        worker.join()


def test_threads_that_ended_give_their_kept_connections_back(sqlite_db: SqlDatabase) -> None:
    # The window's jobs read on threads that come and go: more of them than the pool holds
    # (5 + 10 overflow) must not run it dry, and what is kept stays one per live thread.
    seed(sqlite_db)
    found: list[bool] = []
    for _ in range(40):
        worker = threading.Thread(target=lambda: found.append(_reads_a_party(sqlite_db)))
        worker.start()
        worker.join(timeout=20)
        assert not worker.is_alive(), "a reading thread waited for a pooled connection"
    assert found == [True] * 40
    assert _reads_a_party(sqlite_db)
    kept = sqlite_db._kept
    assert kept is not None
    assert kept.kept() <= 2  # this thread's, and the last worker's until the next new one


def _reads_a_party(db: SqlDatabase) -> bool:
    with db.reader() as uow:
        return uow.parties.get("SG1") is not None


def test_a_kept_connection_sees_what_was_committed_since_its_last_read(
    sqlite_db: SqlDatabase,
) -> None:
    seed(sqlite_db)
    with sqlite_db.reader() as uow:
        party = uow.parties.get("SG1")
    assert party is not None
    records.update_record(
        sqlite_db, party.model_copy(update={"name": "Renamed Pte Ltd"}), actor="o"
    )
    records.add_record(sqlite_db, order("SO-9", 5), actor="officer")
    with sqlite_db.reader() as uow:
        renamed = uow.parties.get("SG1")
        assert uow.orders.get("SO-9") is not None
    assert isinstance(renamed, Party)
    assert renamed.name == "Renamed Pte Ltd"


def test_a_kept_read_may_also_go_through_sqlalchemy(sqlite_db: SqlDatabase) -> None:
    seed(sqlite_db)
    for _ in range(3):  # the transaction SQLAlchemy begins must end with the unit of work
        with sqlite_db.reader() as uow:
            assert uow.session is not None
            refs = uow.session.scalars(select(PartyRow.ref)).all()
            assert "SG1" in refs
            assert uow.parties.get("SG1") is not None
            assert uow.connection is not None
            assert uow.connection.in_transaction()
        with sqlite_db.reader() as uow:
            assert uow.connection is not None
            assert not uow.connection.in_transaction()  # began on the driver, not SQLAlchemy
            dbapi = uow.connection.connection.dbapi_connection
            assert dbapi is not None
            assert dbapi.in_transaction


def test_closing_the_database_closes_the_kept_connections(sqlite_db: SqlDatabase) -> None:
    with sqlite_db.reader() as uow:
        assert uow.connection is not None
        kept = uow.connection
    assert not kept.closed
    sqlite_db.close()
    assert kept.closed
