"""Opening a database: SQLite file (WAL, foreign keys, busy timeout) or a PostgreSQL URL.

A new database is migrated to the current schema on first use; an older schema is backed
up first, then migrated. Writers are serialized: ``BEGIN IMMEDIATE`` on SQLite, a
transaction-scoped advisory lock on PostgreSQL. Readers see one moment: SQLite's WAL gives a
read transaction its snapshot; on PostgreSQL they run at REPEATABLE READ, read only.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import Connection, ExceptionContext
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.pool import NullPool

from domain.errors import DomainError, EnvironmentFaultError
from storage.exact import register_sqlite_functions
from storage.faults import cannot_make_folder, cannot_open, environment_fault

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger("diffusion_desk.storage")

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
SCHEMA_HEAD = "0016"
"""The newest migration shipped (a test checks it is Alembic's head). A database already at
it opens without importing Alembic at all: the window appears sooner."""
BUSY_TIMEOUT_MS = 30_000
WRITE_LOCK_KEY = 0x0D1FF05E  # the advisory lock every PostgreSQL writer takes


class DatabaseError(DomainError):
    """A database that cannot be opened or migrated (locked, not ours, too new)."""


@dataclass(frozen=True)
class Target:
    """What the officer pointed at: a SQLite file or a server URL."""

    url: str
    path: Path | None

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    @property
    def description(self) -> str:
        if self.path is not None:
            return str(self.path)
        return _redact(self.url)


def _redact(url: str) -> str:
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        user = credentials.split(":", 1)[0]
        return f"{scheme}://{user}@{host}"
    return url


def resolve_target(location: str | Path) -> Target:
    """A path or URL as given on the command line or in settings."""
    text = str(location)
    if "://" in text:
        if text.startswith("postgresql"):
            if not text.startswith("postgresql+psycopg://"):
                text = "postgresql+psycopg://" + text.split("://", 1)[1]
            return Target(url=text, path=None)
        if text.startswith("sqlite:///"):
            path = Path(text.removeprefix("sqlite:///"))
            return Target(url=text, path=path)
        raise DatabaseError(
            f"unsupported database URL {_redact(text)!r}: expected a file path, "
            "sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"
        )
    path = Path(text).expanduser().resolve()
    return Target(url=f"sqlite:///{path}", path=path)


SQLITE_PRAGMAS = (
    f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    # 16 MiB of pages (SQLite's default is 2 MiB): a large import keeps the indexes it
    # extends in memory rather than reading them back from the file.
    "PRAGMA cache_size = -16384",
)
"""What every connection to a SQLite file is set up with."""

READ_ONLY_PRAGMAS = (SQLITE_PRAGMAS[0], SQLITE_PRAGMAS[-1])
"""A read-only connection sets no journal mode (it could not write the change)."""


def _sqlite_setup(pragmas: tuple[str, ...]) -> Callable[[sqlite3.Connection, Any], None]:
    def on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # pysqlite's own transaction handling is switched off: the "begin" hook below emits
        # BEGIN itself, so writers can take the write lock up front (BEGIN IMMEDIATE).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in pragmas:
            _execute_pragma(cursor, pragma)
        cursor.close()
        register_sqlite_functions(dbapi_connection)

    return on_connect


def _execute_pragma(cursor: sqlite3.Cursor, pragma: str) -> None:
    """Run one set-up pragma, waiting (up to the busy timeout) where SQLite will not.

    The busy timeout covers waiting for a lock, except in one case: desks opening a new, empty
    file at the same moment each read it and then set WAL mode, which writes its header. One
    takes the write lock; any other that had begun reading is refused at once ("database is
    locked", so that the two cannot wait on each other for ever). Its statement has ended and
    its read lock is gone, so trying again after a short pause lets the first finish, and the
    pragma then finds the file in WAL mode already.
    """
    pause, waited = 0.005, 0.0
    while True:
        try:
            cursor.execute(pragma)
            return
        except sqlite3.OperationalError as error:
            locked = "locked" in str(error) or "busy" in str(error)
            if not locked or waited >= BUSY_TIMEOUT_MS / 1000:
                raise
        time.sleep(pause)  # a pause, not a reading of the clock
        waited += pause
        pause = min(pause * 2, 0.1)


def _sqlite_on_begin(target: Target) -> Callable[[Connection], None]:
    def on_begin(connection: Connection) -> None:
        # On the driver's cursor: this runs once per unit of work, and going through
        # exec_driver_sql would cost more than the BEGIN itself.
        writer = connection.get_execution_options().get("desk_writer")
        dbapi_connection = connection.connection.dbapi_connection
        if dbapi_connection.in_transaction:  # type: ignore[union-attr]
            return  # a kept read connection's unit of work began it (storage.unit_of_work)
        cursor = dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute("BEGIN IMMEDIATE" if writer else "BEGIN")
        except sqlite3.Error as error:
            # SQLAlchemy runs this hook outside its error handling: faults are named here.
            fault = environment_fault(error, target)
            if fault is None:
                raise
            raise fault from error
        finally:
            cursor.close()

    return on_begin


def named_fault(error: BaseException, engine: Engine) -> EnvironmentFaultError | None:
    """The fault of the environment behind ``error``, met on ``engine``'s database."""
    try:
        target = resolve_target(engine.url.render_as_string(hide_password=True))
    except DatabaseError:
        target = None
    return environment_fault(error, target)


def _name_faults(engine: Engine, target: Target) -> None:
    """Every fault of the environment a statement or a connection meets is raised named
    (storage.faults), for the command line and the window alike; anything else as it is."""

    def on_error(context: ExceptionContext) -> None:
        if context.is_pre_ping:
            return  # the pool replaces a dropped server connection on its own
        fault = environment_fault(context.original_exception, target)
        if fault is not None:
            raise fault from context.original_exception

    event.listen(engine, "handle_error", on_error)


def _postgres_on_begin(connection: Connection) -> None:
    # The engine runs at READ COMMITTED, so each statement after the lock sees what the
    # previous writer committed; a writer's snapshot taken before the wait would be stale.
    role = connection.get_execution_options().get("desk_writer")
    if role is True:
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
    elif role is False:
        # A reader sees one moment (as a SQLite read transaction does), so a report or a
        # verification never mixes rows from before and after another officer's commit.
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")


def create_desk_engine(target: Target, *, read_only: str | None = None) -> Engine:
    """An engine with the pragmas and transaction hooks Diffusion Desk relies on.

    ``read_only``: the SQLite URI parameters of a read-only opening (``mode=ro``, with
    ``immutable=1`` where SQLite cannot make its ``-shm`` file; see ``read_only_engine``).
    """
    if target.is_sqlite:
        assert target.path is not None
        _make_folder(target)
        if read_only is None:
            engine = create_engine(
                target.url,
                poolclass=NullPool if _is_memory(target) else None,
                connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
            )
        else:
            uri = f"{target.path.as_uri()}?{read_only}"
            engine = create_engine(
                target.url,
                creator=lambda: sqlite3.connect(
                    uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
                ),
            )
        pragmas = SQLITE_PRAGMAS if read_only is None else READ_ONLY_PRAGMAS
        event.listen(engine, "connect", _sqlite_setup(pragmas))
        event.listen(engine, "begin", _sqlite_on_begin(target))
        _name_faults(engine, target)
        return engine
    # Pinned, not left to the server's default_transaction_isolation: see _postgres_on_begin.
    engine = create_engine(target.url, pool_pre_ping=True, isolation_level="READ COMMITTED")
    event.listen(engine, "begin", _postgres_on_begin)
    _name_faults(engine, target)
    return engine


def _make_folder(target: Target) -> None:
    """The folder of a SQLite file, made if needed; a folder given as the file is refused."""
    assert target.path is not None
    name = f"the database {target.description}"
    if target.path.is_dir():
        raise EnvironmentFaultError(
            f"cannot open {name}",
            "it is a folder",
            "give the path of a database file (a new name makes a new database)",
        )
    try:
        target.path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise cannot_make_folder(name, target.path.parent, error) from error


def read_only_engine(target: Target, reason: str) -> Engine:
    """An engine that only reads the SQLite file at ``target``, which cannot be written
    (``reason`` says why).

    A WAL database needs its ``-shm`` file even to be read. Where SQLite can make it (or it
    is there), ``mode=ro`` reads the database as it is, changes in the ``-wal`` included.
    Where it cannot (a read-only disk or folder), the file is read as immutable: nothing can
    change it while it is read, since nobody can write beside it either; but a ``-wal`` left
    with changes in it would be ignored that way, so such a database is refused instead.
    """
    assert target.path is not None
    path = target.path
    wal = path.with_name(path.name + "-wal")
    pending = wal.exists() and wal.stat().st_size > 0
    failure: sqlite3.Error | None = None
    for mode in ("mode=ro", "mode=ro&immutable=1"):
        if mode.endswith("immutable=1") and pending:
            break
        try:
            probe = sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True)
            try:
                probe.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            finally:
                probe.close()
        except sqlite3.Error as error:
            if getattr(error, "sqlite_errorcode", 0) & 0xFF != sqlite3.SQLITE_CANTOPEN:
                fault = environment_fault(error, target)
                if fault is None:
                    raise
                raise fault from error
            failure = error
            continue
        return create_desk_engine(target, read_only=mode)
    name = f"the database {target.description}"
    if pending:
        raise EnvironmentFaultError(
            f"cannot open {name}",
            f"its latest changes are still in {wal.name}, and SQLite cannot make "
            f"{path.name}-shm beside it to read them: {reason}",
            "open it once with write access (or copy it with its -wal file to a folder that "
            "can be written) and try again; it was not changed",
        )
    raise cannot_open(name, path, failure or OSError("unable to open database file"))


def _is_memory(target: Target) -> bool:
    return target.path is not None and str(target.path) == ":memory:"


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


@cache
def head_revision() -> str:
    """The newest migration shipped (read once: Alembic compiles every script to find it)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def _stored_revision(engine: Engine) -> str | None:
    """The schema revision the database records, read without Alembic (None: none yet)."""
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except (OperationalError, ProgrammingError):
        return None  # no such table: a new (or foreign) database, looked at under the lock
    return str(rows[0][0]) if len(rows) == 1 else None


def require_current_schema(engine: Engine, target: Target, reason: str) -> None:
    """A database opened read-only is used as it is: at the current schema, or not at all
    (it cannot be migrated; ``reason`` says why it cannot be written)."""
    stored = _stored_revision(engine)
    if stored == SCHEMA_HEAD:
        return
    name = f"the database {target.description}"
    if stored is None:
        with engine.connect() as connection:
            tables = inspect(connection).get_table_names()
        if tables:
            raise DatabaseError(
                f"{target.description} holds tables but no Diffusion Desk schema revision: "
                "it is not a Diffusion Desk database; it was not changed"
            )
        raise EnvironmentFaultError(
            f"cannot open {name}",
            f"it is empty, and it cannot be set up here: {reason}",
            "open it once with write access to set it up; it was not changed",
        )
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    if stored not in {rev.revision for rev in script.walk_revisions()}:
        raise DatabaseError(
            f"{target.description} has schema revision {stored}, which this version of "
            "Diffusion Desk does not know (made by a newer version?); it was not changed"
        )
    raise EnvironmentFaultError(
        f"cannot open {name}",
        f"its schema (revision {stored}) is older than this version's ({head_revision()}) "
        f"and cannot be upgraded here: {reason}",
        "the database must be upgraded by opening it once with write access (any command "
        "that writes, or the window); it was not changed",
    )


def migrate(engine: Engine, target: Target, *, now: Callable[[], datetime]) -> Path | None:
    """Bring the database to the current schema; returns the backup taken, if any."""
    if _stored_revision(engine) == SCHEMA_HEAD:
        return None
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    head = head_revision()
    # Under the write lock, and looked at again: desks opening a new or older database at the
    # same moment must not both migrate it (nor take the other's fresh tables for a foreign
    # schema).
    with (
        engine.execution_options(desk_writer=True).connect() as connection,
        _foreign_keys_off(connection),
        connection.begin(),
    ):
        current = MigrationContext.configure(connection).get_current_revision()
        if current == head:
            return None
        script = ScriptDirectory.from_config(alembic_config())
        known = {rev.revision for rev in script.walk_revisions()}
        if current is not None and current not in known:
            raise DatabaseError(
                f"{target.description} has schema revision {current}, which this version of "
                "Diffusion Desk does not know (made by a newer version?); it was not changed"
            )
        if current is None and inspect(connection).get_table_names():
            raise DatabaseError(
                f"{target.description} holds tables but no Diffusion Desk schema revision: "
                "it is not a Diffusion Desk database; it was not changed"
            )
        backup = None
        if current is not None and target.path is not None:
            backup = backup_sqlite(target.path, label=f"before-{head}", now=now)
            log.info("backed up %s to %s before migrating from %s", target.path, backup, current)
        config = alembic_config(target.url)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backup


@contextmanager
def _foreign_keys_off(connection: Connection) -> Iterator[None]:
    """SQLite's foreign key enforcement off while the schema is migrated: a migration that
    rebuilds a table others refer to (0016) drops and renames it, which enforcement forbids.
    The pragma only takes effect outside a transaction, so it is set before the migration's
    begins; the migration checks the references itself before it commits."""
    if connection.dialect.name != "sqlite":
        yield
        return
    raw = connection.connection.dbapi_connection
    raw.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]


def backup_sqlite(path: Path, *, label: str, now: Callable[[], datetime]) -> Path:
    """A consistent copy of a live SQLite database next to it (SQLite's backup API)."""
    stamp = now().strftime("%Y%m%dT%H%M%S")
    destination = path.with_name(f"{path.stem}.{label}.{stamp}{path.suffix or '.sqlite3'}")
    source = sqlite3.connect(path)
    try:
        copy = sqlite3.connect(destination)
        try:
            source.backup(copy)
        except BaseException:
            copy.close()
            destination.unlink(missing_ok=True)  # a backup cut short is no backup
            raise
        finally:
            copy.close()
    finally:
        source.close()
    return destination


def copy_file(source: Path, destination: Path) -> None:
    shutil.copy2(source, destination)


def backup_database(target: Target, destination: Path) -> Path:
    """A consistent copy of the open database at ``destination`` (SQLite files only)."""
    if target.path is None:
        raise DatabaseError(
            "a server database is backed up with the server's own tools (pg_dump), "
            "not from the desk"
        )
    if destination.resolve() == target.path.resolve():
        raise DatabaseError("choose another file for the backup than the database itself")
    temporary = destination.with_name(destination.name + ".part")
    try:
        source = sqlite3.connect(target.path)
        try:
            copy = sqlite3.connect(temporary)
            try:
                source.backup(copy)
            finally:
                copy.close()
            temporary.replace(destination)
        finally:
            source.close()
    except (OSError, sqlite3.Error) as error:
        temporary.unlink(missing_ok=True)
        fault = environment_fault(error, resolve_target(temporary))
        if fault is None:
            raise
        raise fault.doing(f"cannot write the backup {destination}") from error
    return destination
