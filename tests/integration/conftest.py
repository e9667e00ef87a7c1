"""Databases for integration tests: a fresh SQLite file, and a fresh PostgreSQL database
when a server is available (``DIFFUSION_DESK_TEST_PG_URL``, set by the test command)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from storage.unit_of_work import SqlDatabase

PG_ADMIN_URL = os.environ.get("DIFFUSION_DESK_TEST_PG_URL")
if PG_ADMIN_URL:
    import psycopg


class TickingClock:
    """A clock that moves one second per reading, so audit times are distinct and known."""

    def __init__(self, start: datetime = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)) -> None:
        self.current = start

    def now(self) -> datetime:
        self.current += timedelta(seconds=1)
        return self.current

    def today(self) -> date:
        return self.current.date()


def _create_database(admin: Any, name: str) -> None:
    """A database set up as a deployed one may well be, not as a bare test cluster.

    A linguistic collation (ICU, PostgreSQL 15+) catches queries that assume SQLite's byte
    order, and a session time zone far from UTC catches datetimes read back in local time.
    """
    try:
        admin.execute(
            f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' "
            "LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'"
        )
    except psycopg.Error:  # an older server, or one built without ICU
        admin.execute(f'CREATE DATABASE "{name}"')
    admin.execute(f"ALTER DATABASE \"{name}\" SET timezone TO 'Pacific/Chatham'")


def _drop_database(admin: Any, name: str) -> None:
    if admin.info.server_version >= 130000:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        return
    admin.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
        (name,),
    )
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _fresh_postgres_url() -> Iterator[str]:
    assert PG_ADMIN_URL is not None
    name = f"desk_test_{uuid.uuid4().hex[:12]}"
    plain = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as admin:
        _create_database(admin, name)
    base, _, _ = PG_ADMIN_URL.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(plain, autocommit=True) as admin:
            _drop_database(admin, name)


BACKENDS = ["sqlite"] + (["postgresql"] if PG_ADMIN_URL else [])


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A location for a new database, on each backend available."""
    if request.param == "sqlite":
        yield str(tmp_path / "desk.sqlite3")
    else:
        yield from _fresh_postgres_url()


@pytest.fixture
def clock() -> TickingClock:
    return TickingClock()


@pytest.fixture
def db(database_url: str, clock: TickingClock) -> Iterator[SqlDatabase]:
    """A new database, migrated to head, on each backend."""
    database = SqlDatabase.open(database_url, clock=clock)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def sqlite_db(tmp_path: Path, clock: TickingClock) -> Iterator[SqlDatabase]:
    """A new SQLite file (for tests that open the file with sqlite3 directly)."""
    database = SqlDatabase.open(tmp_path / "desk.sqlite3", clock=clock)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture
def postgres_db(clock: TickingClock) -> Iterator[SqlDatabase]:
    """A new PostgreSQL database, for what only PostgreSQL can do; skipped without a server."""
    if PG_ADMIN_URL is None:
        pytest.skip("no PostgreSQL server: `make test` starts one when PostgreSQL is installed")
    for url in _fresh_postgres_url():
        database = SqlDatabase.open(url, clock=clock)
        try:
            yield database
        finally:
            database.close()
