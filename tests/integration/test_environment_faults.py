"""Faults of the environment told from bugs (storage.faults), at the layer they arise in.

Where a condition can be made on any machine, it is made for real: SQLite's own "database or
disk is full" comes from a page limit on the file, "attempt to write a readonly database" from
a connection opened read-only. What cannot be made here (a server's full disk, a refused
login) is given as the driver's error with the driver's code.
"""

from __future__ import annotations

import errno
import logging
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

import storage.database
from app.cli import main
from domain.csvio import CsvKind
from domain.errors import EnvironmentFaultError
from domain.services.transfer import import_file
from storage.database import create_desk_engine, resolve_target
from storage.faults import environment_fault
from storage.unit_of_work import SqlDatabase
from tests.clock import clock_on
from tests.e2e.environment_support import read_only_file
from tests.integration.conftest import PG_ADMIN_URL


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    database = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    assert main(["--db", str(database), "demo"], clock=clock_on()) == 0
    return database


@pytest.fixture
def demo(tmp_path: Path, demo_template: Path) -> Path:
    return Path(shutil.copy2(demo_template, tmp_path / "desk.sqlite3"))


@pytest.fixture
def no_room_to_grow(demo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every connection the desk opens may not grow the file past its size today: SQLite then
    answers any write that needs a new page with its own SQLITE_FULL, as on a full disk."""
    with sqlite3.connect(demo) as connection:
        (pages,) = connection.execute("PRAGMA page_count").fetchone()
    connection.close()
    limited = (*storage.database.SQLITE_PRAGMAS, f"PRAGMA max_page_count = {pages}")
    monkeypatch.setattr(storage.database, "SQLITE_PRAGMAS", limited)
    return demo


def _sqlite_error(words: str, code: int | None) -> sqlite3.Error:
    error = sqlite3.OperationalError(words)
    if code is not None:
        error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


SQLITE_FAULTS = {
    "full": ("database or disk is full", sqlite3.SQLITE_FULL, "the disk is full"),
    "read-only": (
        "attempt to write a readonly database",
        sqlite3.SQLITE_READONLY,
        "cannot write to the database",
    ),
    "not a database": ("file is not a database", sqlite3.SQLITE_NOTADB, "not a SQLite database"),
    "damaged": ("database disk image is malformed", sqlite3.SQLITE_CORRUPT, "damaged"),
    "input/output": ("disk I/O error", sqlite3.SQLITE_IOERR, "input/output error"),
    "locked": ("database is locked", sqlite3.SQLITE_BUSY, "write lock"),
}


@pytest.mark.parametrize("with_code", [True, False], ids=["by code", "by words"])
@pytest.mark.parametrize("case", SQLITE_FAULTS)
def test_each_sqlite_fault_is_named_by_its_code_or_its_words_alike(
    tmp_path: Path, case: str, with_code: bool
) -> None:
    words, code, named = SQLITE_FAULTS[case]
    target = resolve_target(tmp_path / "desk.sqlite3")
    fault = environment_fault(_sqlite_error(words, code if with_code else None), target)
    assert fault is not None
    assert named in str(fault)
    assert str(tmp_path / "desk.sqlite3") in str(fault)
    assert fault.remedy, "it says what to do"


def test_errors_that_are_not_the_environments_stay_bugs(tmp_path: Path) -> None:
    target = resolve_target(tmp_path / "desk.sqlite3")
    assert environment_fault(sqlite3.IntegrityError("UNIQUE constraint failed"), target) is None
    assert environment_fault(ValueError("a bug"), target) is None
    assert environment_fault(FileNotFoundError(errno.ENOENT, "missing", "data.toml")) is None
    # A bug met while handling a fault is still a bug (only what it was raised *from* counts).
    bug = KeyError("a bug in the handler")
    bug.__context__ = _sqlite_error("database or disk is full", sqlite3.SQLITE_FULL)
    assert environment_fault(bug, target) is None


def test_a_full_disk_behind_an_os_error_names_the_file_and_the_place_to_free(
    tmp_path: Path,
) -> None:
    fault = environment_fault(OSError(errno.ENOSPC, "No space left", str(tmp_path / "r.pdf")))
    assert fault is not None
    assert str(fault) == (
        f"cannot write {tmp_path / 'r.pdf'}: the disk is full; free space on the disk holding "
        f"{tmp_path} and try again; the change under way was not written"
    )


class _ServerError(Exception):
    """The shape of a psycopg error: its module, its class name and its SQLSTATE."""

    def __init__(self, message: str, sqlstate: str | None) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


_ServerError.__module__ = "psycopg"


@pytest.mark.parametrize(
    ("sqlstate", "named"),
    [
        ("28P01", "the server refused the login"),
        ("3D000", "the server has no such database"),
        ("53100", "the server's disk is full"),
        ("25006", "the server accepts only reads"),
        ("57P01", "shutting down or starting up"),
    ],
)
def test_a_server_fault_is_named_by_its_sqlstate(sqlstate: str, named: str) -> None:
    target = resolve_target("postgresql+psycopg://desk:secret@db.example/desk")
    fault = environment_fault(_ServerError("FATAL: something", sqlstate), target)
    assert fault is not None
    assert named in str(fault)
    assert "secret" not in str(fault)


def test_a_full_disk_met_mid_import_is_named_and_the_import_writes_nothing(
    no_room_to_grow: Path,
) -> None:
    rows = "\n".join(f"FULL-{n:05d},2026-03-02,AE-OASIS,,,H100-SXM,1" for n in range(1, 5001))
    data = f"ref,date,consignee_ref,end_user_ref,destination,product_ref,quantity\n{rows}\n"
    db = SqlDatabase.open(no_room_to_grow, clock=clock_on())
    try:
        with db.reader() as uow:
            entries = uow.audit.count()
        with pytest.raises(EnvironmentFaultError, match="the disk is full") as raised:
            import_file(db, CsvKind.ORDERS, data.encode(), source="full.csv", actor="officer")
        assert f"cannot write to the database {no_room_to_grow}" in str(raised.value)
        with db.reader() as uow:
            assert uow.audit.count() == entries
            assert uow.orders.existing_refs(["FULL-00001", "FULL-05000"]) == set()
    finally:
        db.close()


def test_a_batch_check_stops_at_a_full_disk_with_one_named_fault_and_exit_2(
    no_room_to_grow: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--db", str(no_room_to_grow), "check", "--pending"], clock=clock_on())
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("the disk is full") == 1, err
    assert "not checked" not in err, "the batch stops rather than failing every order"
    assert err.startswith(f"diffusion-desk: cannot write to the database {no_room_to_grow}")


def test_a_write_through_a_read_only_connection_is_named_by_the_engine(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    SqlDatabase.open(path, clock=clock_on()).close()
    engine = create_desk_engine(resolve_target(path), read_only="mode=ro")
    try:
        with engine.connect() as connection, pytest.raises(EnvironmentFaultError) as raised:
            connection.execute(text("INSERT INTO settings (key, value) VALUES ('k', 'v')"))
        assert f"cannot write to the database {path}" in str(raised.value)
    finally:
        engine.dispose()


def test_a_database_that_cannot_be_written_opens_read_only_for_reading_and_refuses_writers(
    demo: Path,
) -> None:
    with read_only_file(demo) as condition:
        db = SqlDatabase.open(demo, clock=clock_on(), reading=True)
        try:
            assert db.read_only is not None
            assert condition.cause in db.read_only
            with db.reader() as uow:
                assert uow.parties.get("AE-OASIS") is not None
            with pytest.raises(EnvironmentFaultError, match="nothing was written"):
                db.writer("officer")
        finally:
            db.close()


def test_a_real_bug_is_still_called_one_logged_with_its_traceback_and_exit_1(
    demo: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug in the standing")

    monkeypatch.setattr("app.cli_records.party_standing", broken)
    with caplog.at_level(logging.ERROR, logger="diffusion_desk"):
        code = main(["--db", str(demo), "quota", "AE-OASIS"], clock=clock_on())
    assert code == 1
    assert "internal error (a bug)" in capsys.readouterr().err
    assert any(
        record.exc_info and "a bug in the standing" in str(record.exc_info[1])
        for record in caplog.records
    )


@pytest.mark.skipif(PG_ADMIN_URL is None, reason="no PostgreSQL server for the tests")
def test_a_server_database_that_does_not_exist_is_named_as_such(tmp_path: Path) -> None:
    assert PG_ADMIN_URL is not None
    base = PG_ADMIN_URL.rpartition("/")[0]
    with pytest.raises(EnvironmentFaultError) as raised:
        SqlDatabase.open(f"{base}/no_such_desk", clock=clock_on())
    assert "the server has no such database" in str(raised.value)
    assert "correct its name in the database URL" in str(raised.value)
    scheme, _, rest = base.partition("://")
    stranger = f"{scheme}://no_such_officer@{rest.partition('@')[2]}/postgres"
    with pytest.raises(EnvironmentFaultError, match="the server refused the login"):
        SqlDatabase.open(stranger, clock=clock_on())


def test_a_server_that_cannot_be_found_is_named_as_not_reached() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(EnvironmentFaultError, match="the server cannot be reached"):
        SqlDatabase.open("postgresql+psycopg://x@no-such-host.invalid/desk", clock=clock_on())
