"""Officers at separate desks, working at the same moment, on one database.

Each desk is its own process with its own connections (SQLite: the same file; PostgreSQL: the
same database), as two officers' machines would be. Checking an order reads what is left of
the consignee's limit and records what it spends in one write transaction, serialized against
every other writer (``BEGIN IMMEDIATE`` on SQLite, an advisory lock on PostgreSQL); opening a
database migrates it under the same lock.
"""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import threading
from collections.abc import Callable, Sequence
from datetime import date
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

from domain.decision import Outcome
from domain.services import records
from domain.services.orders import check_order
from domain.services.verification import verify_records
from storage.database import SQLITE_PRAGMAS, _sqlite_setup, current_revision, head_revision
from storage.unit_of_work import SqlDatabase
from tests.clock import clock_on
from tests.integration.test_records import CATALOG, H100, order, seed

DESKS = 4
ORDERS = 12
QUANTITY = 200  # H100s per order: 8 orders fit the 2026 limit, 12 would not
DAY = date(2026, 3, 2)


def _at_desks(work: Callable[..., None], shares: Sequence[tuple[Any, ...]]) -> None:
    """Run ``work(start, *share)`` in one fresh process per share; each waits on ``start``."""
    spawn = multiprocessing.get_context("spawn")  # fresh interpreters: no inherited connections
    start = spawn.Barrier(len(shares))
    desks = [spawn.Process(target=work, args=(start, *share)) for share in shares]
    for desk in desks:
        desk.start()
    for desk in desks:
        desk.join(timeout=120)
    stuck = [desk for desk in desks if desk.is_alive()]
    for desk in stuck:
        desk.kill()
        desk.join()
    assert not stuck, f"{len(stuck)} desk(s) did not finish"
    assert [desk.exitcode for desk in desks] == [0] * len(desks)


def _open_database(start: Barrier, url: str) -> None:
    start.wait(timeout=60)
    SqlDatabase.open(url, clock=clock_on()).close()


def _check_orders(start: Barrier, url: str, refs: list[str]) -> None:
    db = SqlDatabase.open(url, clock=clock_on())
    try:
        start.wait(timeout=60)
        for ref in refs:
            check_order(db, CATALOG, ref, actor=f"desk-{os.getpid()}")
    finally:
        db.close()


def test_desks_opening_a_new_database_at_once_all_find_it_ready(database_url: str) -> None:
    _at_desks(_open_database, [(database_url,)] * DESKS)
    db = SqlDatabase.open(database_url, clock=clock_on())
    try:
        assert current_revision(db.engine) == head_revision()
        seed(db)
        assert verify_records(db).intact
    finally:
        db.close()


def test_connections_setting_up_a_new_file_at_once_are_never_refused(tmp_path: Path) -> None:
    # The moment the desks test above reaches only now and then: several connections set WAL
    # mode on one new, empty file together. SQLite refuses a connection that has begun reading
    # while another writes the header, without waiting; set-up must wait and try again. Without
    # that, about 1 round in 25 here had a refusal.
    setup = _sqlite_setup(SQLITE_PRAGMAS)
    refused: list[str] = []

    def connect(start: threading.Barrier, path: Path) -> None:
        connection = sqlite3.connect(path, timeout=30, check_same_thread=False)
        try:
            start.wait(timeout=30)
            setup(connection, None)
        except sqlite3.Error as error:
            refused.append(f"{path.name}: {error}")
        finally:
            connection.close()

    for round_ in range(400):
        path = tmp_path / f"new-{round_}.sqlite3"
        start = threading.Barrier(DESKS)
        desks = [threading.Thread(target=connect, args=(start, path)) for _ in range(DESKS)]
        for desk in desks:
            desk.start()
        for desk in desks:
            desk.join()
        assert refused == []
        check = sqlite3.connect(path)
        try:
            assert check.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        finally:
            check.close()


def test_desks_checking_orders_at_once_never_spend_more_than_the_limit(db: SqlDatabase) -> None:
    limit = CATALOG.in_effect_on(DAY).lpp.limit_tpp
    per_order = QUANTITY * H100
    fit = int(limit // per_order)
    assert 0 < fit < ORDERS, "the orders must be able to overrun the limit together"
    seed(db)
    refs = [f"SO-{number:02d}" for number in range(ORDERS)]
    for ref in refs:
        records.add_record(db, order(ref, QUANTITY, day=DAY.day), actor="officer")

    # Each desk takes every DESKS-th order, half of them from the end: different orders, the
    # same consignee, the same limit.
    shares = [refs[desk::DESKS] for desk in range(DESKS)]
    shares = [share if desk % 2 else share[::-1] for desk, share in enumerate(shares)]
    _at_desks(_check_orders, [(db.target.url, share) for share in shares])

    with db.reader() as uow:
        used = uow.ledger.lpp_used("SG1", 2026)
        outcomes = []
        for ref in refs:
            latest = uow.decisions.latest(ref)
            assert latest is not None, f"{ref} was not checked"
            outcomes.append(latest.decision.outcome)
    assert used <= limit
    assert outcomes.count(Outcome.AUTHORIZED) == fit
    assert outcomes.count(Outcome.LICENSE_REQUIRED) == ORDERS - fit
    assert used == fit * per_order
    assert verify_records(db).intact
