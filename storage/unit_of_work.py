"""The unit of work: one transaction over every repository, rolled back unless committed."""

from __future__ import annotations

import os
from datetime import datetime
from types import TracebackType
from typing import Self

from sqlalchemy import Engine
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from domain.ports import Clock
from storage.database import Target, create_desk_engine, migrate, resolve_target
from storage.documents import SqlDocumentRegistry, SqlSettingsRepository
from storage.repositories import (
    SqlAuditLog,
    SqlDecisionRepository,
    SqlLedgerRepository,
    SqlOrderRepository,
    SqlPaperworkRepository,
    SqlPartyRepository,
    SqlProductRepository,
    SqlRedFlagRepository,
)


class SqlUnitOfWork:
    """Implements ``domain.ports.UnitOfWork`` on one Core connection and its transaction.

    The repositories run their statements on that connection. A SQLAlchemy ``Session`` on the
    same connection (and so in the same transaction) is made only if someone asks for
    ``session``: an order's check never pays for one.
    """

    def __init__(self, engine: Engine, *, actor: str, now: datetime, writer: bool) -> None:
        # desk_writer True or False: the begin hooks in storage.database set up each kind.
        if engine.get_execution_options().get("desk_writer") is not writer:
            engine = engine.execution_options(desk_writer=writer)
        self._engine = engine
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
        connection = self._engine.connect()
        try:
            # Begin now, so a writer holds the write lock before it reads what it will decide on.
            connection.begin()
        except BaseException:
            connection.close()
            raise
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
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self.connection is not None
        try:
            if self._session is not None:
                self._session.close()
            if not self._committed:
                self.connection.rollback()
        finally:
            self.connection.close()
            self.connection = None
            self._session = None

    def commit(self) -> None:
        if not self.writer:
            raise RuntimeError("a read-only unit of work cannot commit")
        assert self.connection is not None
        if self._session is not None:
            self._session.flush()
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
    ) -> None:
        self.engine = engine
        self.target = target
        self.clock = clock
        self.description = target.description
        self._reading = engine.execution_options(desk_writer=False)
        self._writing = engine.execution_options(desk_writer=True)

    @classmethod
    def open(cls, location: str | os.PathLike[str], *, clock: Clock) -> SqlDatabase:
        """Open (creating and migrating as needed) the database at a path or URL; every
        time it writes (audit entries, decisions, backups) comes from ``clock``."""
        target = resolve_target(os.fspath(location))
        engine = create_desk_engine(target)
        migrate(engine, target, now=clock.now)
        return cls(engine, target, clock=clock)

    def reader(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self._reading, actor="", now=self.clock.now(), writer=False)

    def writer(self, actor: str) -> SqlUnitOfWork:
        return SqlUnitOfWork(self._writing, actor=actor, now=self.clock.now(), writer=True)

    def close(self) -> None:
        self.engine.dispose()
