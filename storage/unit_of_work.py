"""The unit of work: one transaction over every repository, rolled back unless committed."""

from __future__ import annotations

import os
import threading
from datetime import datetime
from types import TracebackType
from typing import Self

from sqlalchemy import Engine
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from domain.errors import EnvironmentFaultError
from domain.ports import Clock
from domain.record_state import SEAL_ACTION, SEAL_ENTITY, seal, seal_baseline
from storage.database import (
    Target,
    create_desk_engine,
    migrate,
    read_only_engine,
    require_current_schema,
    resolve_target,
)
from storage.documents import SqlDocumentRegistry, SqlSettingsRepository
from storage.faults import WRITE_ACCESS, environment_fault, unwritable_reason
from storage.record_repositories import (
    SqlAuditLog,
    SqlDecisionRepository,
    SqlLedgerRepository,
    SqlRedFlagRepository,
)
from storage.repositories import (
    SqlOrderRepository,
    SqlPaperworkRepository,
    SqlPartyRepository,
    SqlProductRepository,
)
from storage.scratch import SqliteScratch
from storage.screening import SqlListSnapshotRepository, SqlOwnerRepository
from storage.screening_results import SqlScreeningRepository
from storage.sealing import take_touched
from storage.shipments import SqlFieldVisitRepository, SqlShipmentRepository
from storage.statements import raise_named

BASELINE_ACTOR = "diffusion-desk (upgrade)"
"""Who the audit log says sealed the records of a database written before seals."""


class KeptReadConnections:
    """One read connection a thread, kept open between that thread's read units of work.

    Opening a connection through the pool and closing it again cost more than the dozen
    statements an order's check reads (about 10 µs of SQLAlchemy's checkout, events and
    reset, measured in bench/storage.py); a kept connection only begins and rolls back. A
    unit of work opened while the thread's kept connection is in use (a read inside a read)
    gets a connection of its own, as before. Only for SQLite files: an idle connection holds
    no lock there, and nothing on a server can drop it.

    A connection kept for a thread that has ended (the window's jobs run on threads that come
    and go) is closed, handing it back to the pool, when a new thread's connection is opened:
    the kept connections never outnumber the live threads that read.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: dict[Connection, threading.Thread] = {}
        self._closed = False

    def lend(self) -> Connection | None:
        """This thread's kept connection, or None when it is in use or the database closed."""
        local = self._local
        if getattr(local, "busy", False):
            return None
        connection: Connection | None = getattr(local, "connection", None)
        if connection is None or connection.closed:
            self._close_orphans()
            connection = self._engine.connect()
            with self._lock:
                if self._closed:
                    connection.close()
                    return None
                self._open[connection] = threading.current_thread()
            local.connection = connection
        local.busy = True
        return connection

    def give_back(self, connection: Connection, *, broken: bool) -> None:
        self._local.busy = False
        if broken:  # not reused: a connection that failed to begin or to end its transaction
            self._local.connection = None
            with self._lock:
                self._open.pop(connection, None)
            connection.close()

    def kept(self) -> int:
        """How many connections are kept (one per thread that read and has not ended, at most
        one more per thread ended since the last new one)."""
        with self._lock:
            return len(self._open)

    def _close_orphans(self) -> None:
        """Close the connections kept for threads that have ended: nothing can use them again."""
        with self._lock:
            orphans = [conn for conn, thread in self._open.items() if not thread.is_alive()]
            for connection in orphans:
                del self._open[connection]
        for connection in orphans:
            connection.close()

    def close(self) -> None:
        """Close every thread's kept connection (the database is being closed)."""
        with self._lock:
            self._closed = True
            connections, self._open = list(self._open), {}
        for connection in connections:
            connection.close()


class SqlUnitOfWork:
    """Implements ``domain.ports.UnitOfWork`` on one Core connection and its transaction.

    The repositories run their statements on that connection. A SQLAlchemy ``Session`` on the
    same connection (and so in the same transaction) is made only if someone asks for
    ``session``: an order's check never pays for one.
    """

    def __init__(
        self,
        engine: Engine,
        *,
        actor: str,
        now: datetime,
        writer: bool,
        kept: KeptReadConnections | None = None,
    ) -> None:
        # desk_writer True or False: the begin hooks in storage.database set up each kind.
        if engine.get_execution_options().get("desk_writer") is not writer:
            engine = engine.execution_options(desk_writer=writer)
        self._engine = engine
        self._kept = kept
        self._lent = False
        self.actor = actor
        self.now = now
        self.writer = writer
        self.connection: Connection | None = None
        self._session: Session | None = None
        self._committed = False

    @property
    def session(self) -> Session | None:
        """An ORM session inside this unit of work's transaction (None outside ``with``)."""
        if self._session is None and self.connection is not None:
            self._session = Session(
                bind=self.connection,
                expire_on_commit=False,
                autoflush=False,
            )
        return self._session

    def __enter__(self) -> Self:
        connection = self._kept.lend() if self._kept is not None else None
        self._lent = connection is not None
        if connection is None:
            connection = self._engine.connect()
        try:
            if self._lent:
                # Straight on the driver (a kept connection is SQLite's): SQLAlchemy's begin
                # and its events cost four times the BEGIN. Should a repository run a statement
                # through SQLAlchemy, its transaction begins inside this one (storage.database).
                connection.connection.dbapi_connection.execute("BEGIN")  # type: ignore[union-attr]
            else:
                # Begin now, so a writer holds the write lock before it reads what it decides on.
                connection.begin()
        except BaseException as error:
            self._finish(connection, broken=True)
            if isinstance(error, Exception):
                raise_named(error, connection)
            raise
        if self.writer:  # a reader writes nothing (and its kept connection is left as it is)
            take_touched(connection)  # whatever an earlier transaction on it left unsealed
        self.connection = connection
        self.ledger = SqlLedgerRepository(connection)
        self.parties = SqlPartyRepository(connection)
        self.products = SqlProductRepository(connection)
        self.orders = SqlOrderRepository(connection)
        self.paperwork = SqlPaperworkRepository(connection, self.ledger)
        self.decisions = SqlDecisionRepository(connection)
        self.audit = SqlAuditLog(connection, self.actor, self.now)
        self.red_flags = SqlRedFlagRepository(connection)
        self.documents = SqlDocumentRegistry(connection)
        self.settings = SqlSettingsRepository(connection)
        self.list_snapshots = SqlListSnapshotRepository(connection)
        self.owners = SqlOwnerRepository(connection)
        self.screenings = SqlScreeningRepository(connection)
        self.shipments = SqlShipmentRepository(connection)
        self.field_visits = SqlFieldVisitRepository(connection)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self.connection is not None
        broken = True
        if self.writer:
            take_touched(self.connection)
        try:
            if self._session is not None:
                self._session.close()
            if self._lent and not self.connection.in_transaction():
                self.connection.connection.dbapi_connection.rollback()  # type: ignore[union-attr]
            elif not self._committed:
                self.connection.rollback()
            broken = False
        finally:
            self._finish(self.connection, broken=broken)
            self.connection = None
            self._session = None

    def _finish(self, connection: Connection, *, broken: bool) -> None:
        """Give a kept read connection back (or drop it when it failed); close any other."""
        if self._lent and self._kept is not None:
            self._kept.give_back(connection, broken=broken)
        else:
            connection.close()

    def commit(self) -> None:
        if not self.writer:
            raise RuntimeError("a read-only unit of work cannot commit")
        assert self.connection is not None
        if self._session is not None:
            self._session.flush()
        touched, written = take_touched(self.connection)
        if touched or written:
            # The transaction's last entry vouches for the records it wrote, as read back now.
            sealed = seal(self, touched, written)
            count = sum(map(len, sealed.values()))
            self.audit.append(
                SEAL_ACTION,
                SEAL_ENTITY,
                "1 record" if count == 1 else f"{count} records",
                after={"states": sealed},
            )
        self.connection.commit()
        self._committed = True

    def rollback(self) -> None:
        assert self.connection is not None
        if self._session is not None:
            self._session.expunge_all()
        self.connection.rollback()


class SqlDatabase:
    """Implements ``domain.ports.Database``: an open, migrated database."""

    def __init__(
        self,
        engine: Engine,
        target: Target,
        *,
        clock: Clock,
        read_only: str | None = None,
    ) -> None:
        self.engine = engine
        self.target = target
        self.clock = clock
        self.description = target.description
        self.read_only = read_only
        """Why the database was opened read-only (it cannot be written), or None."""
        self._reading = engine.execution_options(desk_writer=False)
        self._writing = engine.execution_options(desk_writer=True)
        # A file's read connections stay open between units of work (see KeptReadConnections);
        # an in-memory database has no pool to keep them in, and a server's are pinged first.
        self._kept = (
            KeptReadConnections(self._reading)
            if target.is_sqlite and engine.pool.__class__.__name__ != "NullPool"
            else None
        )

    @classmethod
    def open(
        cls, location: str | os.PathLike[str], *, clock: Clock, reading: bool = False
    ) -> SqlDatabase:
        """Open (creating and migrating as needed) the database at a path or URL; every
        time it writes (audit entries, decisions, backups) comes from ``clock``.

        ``reading``: the caller only reads. A SQLite file that cannot be written (a
        read-only disk, file or folder) is then opened read-only, as it is, rather than
        refused; it is never migrated, and ``writer()`` refuses. A fault of the environment
        (see ``storage.faults``) is raised as an ``EnvironmentFaultError`` naming it.
        """
        target = resolve_target(os.fspath(location))
        path = target.path
        reason = unwritable_reason(path) if reading and path and path.is_file() else None
        engine = None
        try:
            if reason is not None:
                engine = read_only_engine(target, reason)
                require_current_schema(engine, target, reason)
            else:
                engine = create_desk_engine(target)
                migrate(engine, target, now=clock.now)
        except BaseException as error:
            if engine is not None:
                engine.dispose()
            fault = environment_fault(error, target)
            if fault is None or fault.what.startswith("cannot create"):
                raise
            raise fault.doing(f"cannot open the database {target.description}") from error
        database = cls(engine, target, clock=clock, read_only=reason)
        if reason is None:
            database.seal_baseline()
        return database

    def seal_baseline(self) -> None:
        """Seal the records of a database written before seals (once; see migration 0014)."""
        # A connection of its own, not this thread's kept one (see KeptReadConnections).
        with self._reading.connect() as connection:
            if not SqlAuditLog(connection, "", self.clock.now()).baseline_pending():
                return
        with self.writer(BASELINE_ACTOR) as uow:
            if seal_baseline(uow):
                uow.commit()

    def reader(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(
            self._reading, actor="", now=self.clock.now(), writer=False, kept=self._kept
        )

    def writer(self, actor: str) -> SqlUnitOfWork:
        if self.read_only is not None:
            raise EnvironmentFaultError(
                f"cannot write to the database {self.description}", self.read_only, WRITE_ACCESS
            )
        return SqlUnitOfWork(self._writing, actor=actor, now=self.clock.now(), writer=True)

    def scratch(self) -> SqliteScratch:
        return SqliteScratch()

    def close(self) -> None:
        if self._kept is not None:
            self._kept.close()
        self.engine.dispose()
