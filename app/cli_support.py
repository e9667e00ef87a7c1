"""What every command shares: the run context, exit codes, JSON and table output."""

from __future__ import annotations

import argparse
import json
import logging
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, TextIO

from app.wiring import default_actor
from domain.errors import EnvironmentFaultError
from domain.model import ref_looked_up
from domain.numbers import json_number
from domain.ports import Clock
from domain.ruleset import RulesetCatalog, load_shipped_rulesets

if TYPE_CHECKING:
    from storage.unit_of_work import SqlDatabase

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2


def ref_argument(text: str) -> str:
    """A PARTY_REF or ORDER_REF on the command line, as the record it shows as is found:
    full-width letters read as letters, a zero-width space pasted with it dropped."""
    return ref_looked_up(text)


@dataclass
class Run:
    """One command's run: its arguments, today, where output goes, and (lazily) the database."""

    args: argparse.Namespace
    clock: Clock
    out: TextIO
    err: TextIO
    _db: SqlDatabase | None = field(default=None, init=False)
    _head_at_open: int = field(default=0, init=False)

    @property
    def today(self) -> date:
        return self.clock.today()

    @cached_property
    def catalog(self) -> RulesetCatalog:
        return load_shipped_rulesets()

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    @property
    def actor(self) -> str:
        return default_actor()

    def db(self, *, reading: bool = False) -> SqlDatabase:
        """The database, opened on first use. ``reading``: the command only reads, so a
        database that cannot be written is opened read-only (with a note on stderr) rather
        than refused."""
        if self._db is None:
            # Imported here: commands without a database (classify, tier) start faster.
            from app.wiring import open_database

            self._db = open_database(self.location, self.clock, reading=reading)
            if self._db.read_only is not None:
                self.err.write(
                    f"diffusion-desk: note: opened {self._db.description} read-only, as it "
                    f"cannot be written: {self._db.read_only}\n"
                )
            with self._db.reader() as uow:
                self._head_at_open = uow.audit.head()[0]
        return self._db

    @property
    def location(self) -> str | None:
        return getattr(self.args, "db", None)

    def fault_of(self, error: BaseException) -> EnvironmentFaultError | None:
        """The fault of the environment behind an unexpected error, or None (a bug)."""
        from app.wiring import environment_fault

        return environment_fault(error, self.location)

    def close(self) -> None:
        if self._db is not None:
            self._anchor(self._db)
            self._db.close()
            self._db = None

    def _anchor(self, db: SqlDatabase) -> None:
        """A command that wrote ends by anchoring the chain's head (storage.anchors)."""
        from app.anchoring import write_anchor

        try:
            with db.reader() as uow:
                wrote = uow.audit.head()[0] != self._head_at_open
        except Exception:  # the database may be what failed; the command's error stands
            log.warning("could not read the chain's head to anchor it", exc_info=True)
            return
        if wrote:
            write_anchor(db, actor=self.actor, clock=self.clock)


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return json_number(value)  # exact TPP figures: see domain.numbers
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def emit_json(document: object, out: TextIO) -> None:
    out.write(json.dumps(document, ensure_ascii=False, default=_json_default))
    out.write("\n")


def table(rows: list[tuple[str, str]] | tuple[tuple[str, str], ...], out: TextIO) -> None:
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        out.write(f"{label.ljust(width)}  {value}\n")
