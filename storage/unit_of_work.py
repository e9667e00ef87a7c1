"""The unit of work: one transaction over every repository, rolled back unless committed."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from types import TracebackType
from typing import Self

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from storage.database import Target, create_desk_engine, migrate, resolve_target
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


def system_clock() -> datetime:
    return datetime.now(UTC)


class SqlUnitOfWork:
    """Implements ``domain.ports.UnitOfWork`` on a SQLAlchemy session."""

    def __init__(self, engine: Engine, *, actor: str, now: datetime, writer: bool) -> None:
        # desk_writer True or False: the begin hooks in storage.database set up each kind.
        self._engine = engine.execution_options(desk_writer=writer)
        self.actor = actor
        self.now = now
        self.writer = writer
        self.session: Session | None = None
        self._committed = False

    def __enter__(self) -> Self:
        session = Session(bind=self._engine, expire_on_commit=False, autoflush=False)
        self.session = session
        self.ledger = SqlLedgerRepository(session)
        self.parties = SqlPartyRepository(session)
        self.products = SqlProductRepository(session)
        self.orders = SqlOrderRepository(session)
        self.paperwork = SqlPaperworkRepository(session, self.ledger)
        self.decisions = SqlDecisionRepository(session)
        self.audit = SqlAuditLog(session, self.actor, self.now)
        self.red_flags = SqlRedFlagRepository(session)
        # Begin now, so a writer holds the write lock before it reads what it will decide on.
        session.connection()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        assert self.session is not None
        try:
            if not self._committed:
                self.session.rollback()
        finally:
            self.session.close()
            self.session = None

    def commit(self) -> None:
        if not self.writer:
            raise RuntimeError("a read-only unit of work cannot commit")
        assert self.session is not None
        self.session.commit()
        self._committed = True

    def rollback(self) -> None:
        assert self.session is not None
        self.session.rollback()


class SqlDatabase:
    """Implements ``domain.ports.Database``: an open, migrated database."""

    def __init__(
        self,
        engine: Engine,
        target: Target,
        *,
        clock: Callable[[], datetime] = system_clock,
    ) -> None:
        self.engine = engine
        self.target = target
        self.clock = clock
        self.description = target.description

    @classmethod
    def open(
        cls, location: str | os.PathLike[str], *, clock: Callable[[], datetime] = system_clock
    ) -> SqlDatabase:
        """Open (creating and migrating as needed) the database at a path or URL."""
        target = resolve_target(os.fspath(location))
        engine = create_desk_engine(target)
        migrate(engine, target, now=clock)
        return cls(engine, target, clock=clock)

    def reader(self) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine, actor="", now=self.clock(), writer=False)

    def writer(self, actor: str) -> SqlUnitOfWork:
        return SqlUnitOfWork(self.engine, actor=actor, now=self.clock(), writer=True)

    def close(self) -> None:
        self.engine.dispose()
