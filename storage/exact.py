"""Exact TPP figures in both databases.

PostgreSQL keeps them as NUMERIC, which adds exactly. SQLite has no decimal type: a figure is
kept there as its exact decimal text (a TEXT column: ``15832``, ``1975.2``), and the sums the
desk asks of SQL go through two functions of its own, registered on every SQLite connection and
created with the same names on PostgreSQL by migration 0016, so one SQL text serves both:

- ``desk_add(a, b)``: a + b, exactly;
- ``desk_sum(x)``: the exact sum of a column (NULL for no rows, like ``SUM``).

Sorting by a figure casts it to DOUBLE PRECISION: the order is right to 15 digits, which is all a
list needs; comparisons that decide anything are made on the exact values in Python.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from typing import Any

from sqlalchemy import Numeric, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

from domain.numbers import ZERO, exact, plain

SORT_CAST = "DOUBLE PRECISION"
"""The type a figure is cast to for ORDER BY (REAL affinity on SQLite)."""


def exact_text(value: object) -> str | None:
    """What SQLite stores for a figure: its shortest exact decimal text (None stays NULL)."""
    return None if value is None else plain(exact(value))


def _add(left: object, right: object) -> str | None:
    if left is None or right is None:
        return exact_text(right if left is None else left)
    return plain(exact(left) + exact(right))


class _Sum:
    def __init__(self) -> None:
        self.total = ZERO
        self.seen = False

    def step(self, value: object) -> None:
        if value is not None:
            self.total += exact(value)
            self.seen = True

    def finalize(self) -> str | None:
        return plain(self.total) if self.seen else None


def register_sqlite_functions(connection: sqlite3.Connection) -> None:
    """``desk_add`` and ``desk_sum`` on one SQLite connection."""
    connection.create_function("desk_add", 2, _add, deterministic=True)
    connection.create_aggregate("desk_sum", 1, _Sum)  # type: ignore[arg-type]


# A Decimal bound to a SQLite statement is stored as its exact text.
sqlite3.register_adapter(Decimal, plain)


class ExactNumber(TypeDecorator[Decimal]):
    """A TPP column: NUMERIC on PostgreSQL, exact decimal text on SQLite; reads as Decimal."""

    impl = Numeric
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return dialect.type_descriptor(Text())
        return dialect.type_descriptor(Numeric(asdecimal=True))

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        number = exact(value)
        return plain(number) if dialect.name == "sqlite" else number

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        return None if value is None else exact(value)


def read_exact(value: object) -> Decimal:
    """A figure read by plain SQL (text on SQLite, Decimal on PostgreSQL); NULL reads as 0."""
    return ZERO if value is None else exact(value)
