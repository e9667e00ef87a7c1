"""What every command shares: the run context, exit codes, JSON and table output."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, TextIO

from app.wiring import default_actor
from domain.errors import EnvironmentFaultError
from domain.ports import Clock
from domain.ruleset import RulesetCatalog, load_shipped_rulesets

if TYPE_CHECKING:
    from storage.unit_of_work import SqlDatabase

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2


@dataclass
class Run:
    """One command's run: its arguments, today, where output goes, and (lazily) the database."""

    args: argparse.Namespace
    clock: Clock
    out: TextIO
    err: TextIO
    _db: SqlDatabase | None = field(default=None, init=False)

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
            self._db.close()
            self._db = None


def emit_json(document: object, out: TextIO) -> None:
    out.write(json.dumps(document, ensure_ascii=False))
    out.write("\n")


def table(rows: list[tuple[str, str]] | tuple[tuple[str, str], ...], out: TextIO) -> None:
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        out.write(f"{label.ljust(width)}  {value}\n")
