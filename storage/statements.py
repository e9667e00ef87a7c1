"""Hand-written statements for the hot paths, run on the driver's cursor.

Checking one order reads about fifteen small things (the order, its lines, the parties, the
paperwork, the balances); importing reads and writes 10^5 rows. Through SQLAlchemy each
statement costs 15-80 µs of Python before the database sees it (building the statement, its
cache key, the execution context, result processing) against 1-3 µs on the driver itself,
and that overhead was most of the time an order's check took (bench/storage.py measures it).
So those statements are written here once as SQL text, compiled by SQLAlchemy once per
dialect (``?`` for sqlite3, ``%(name)s`` for psycopg) and executed on the DBAPI cursor of
the unit of work's own connection, inside its transaction.

The driver gives values back as stored: on SQLite dates and times are ISO text and booleans
0 or 1, on PostgreSQL they are ``date``, ``datetime`` and ``bool``. The readers below accept
both. Dates and times going in are formatted by SQLAlchemy's own type processors, so a row
written here is byte for byte what the ORM would have written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import Date, DateTime, text
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.types import TypeEngine

Params = Mapping[str, Any]
T = TypeVar("T")
_DATE = Date()
_DATETIME = DateTime(timezone=True)


class Statement:
    """One SQL text with ``:name`` parameters, compiled once per dialect."""

    __slots__ = ("_compiled", "sql")

    def __init__(self, sql: str) -> None:
        self.sql = sql
        self._compiled: dict[str, tuple[str, tuple[str, ...] | None]] = {}

    def _for(self, dialect: Dialect) -> tuple[str, tuple[str, ...] | None]:
        compiled = self._compiled.get(dialect.name)
        if compiled is None:
            done = text(self.sql).compile(dialect=dialect)
            names = tuple(done.positiontup or ()) if done.positional else None
            compiled = self._compiled[dialect.name] = (done.string, names)
        return compiled

    def _cursor(self, connection: Connection, params: Params | list[Any]) -> Any:
        """A cursor that ran the statement; a list gives positional drivers their parameters
        in order as they are (``InStatement``)."""
        sql, names = self._for(connection.dialect)
        if names is not None and isinstance(params, Mapping):
            params = [params[name] for name in names]
        # Both drivers' connections execute directly, making the cursor in C (sqlite3) or
        # without a second call (psycopg): PEP 249 leaves it out, so the stub does too.
        try:
            return connection.connection.dbapi_connection.execute(sql, params)  # type: ignore[union-attr]
        except Exception as error:
            raise_named(error, connection)
            raise

    def rows(self, connection: Connection, params: Params | list[Any]) -> list[tuple[Any, ...]]:
        cursor = self._cursor(connection, params)
        try:
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def first(self, connection: Connection, params: Params) -> tuple[Any, ...] | None:
        cursor = self._cursor(connection, params)
        try:
            row = cursor.fetchone()
        finally:
            cursor.close()
        return None if row is None else tuple(row)

    def scalar(self, connection: Connection, params: Params) -> Any:
        row = self.first(connection, params)
        return None if row is None else row[0]

    def run(self, connection: Connection, params: Params) -> int:
        """Execute a change; returns the number of rows it touched."""
        cursor = self._cursor(connection, params)
        try:
            return int(cursor.rowcount)
        finally:
            cursor.close()

    def many(
        self, connection: Connection, columns: Sequence[str], rows: Iterable[Sequence[Any]]
    ) -> None:
        """Execute once per row (the driver's executemany; ``rows`` may stream).

        Each row holds the parameters named in ``columns``, in that order: no dictionary per
        row when the driver takes positional parameters in that same order (sqlite3).
        """
        sql, names = self._for(connection.dialect)
        params: Iterable[Any]
        if names is None:
            params = (dict(zip(columns, row, strict=True)) for row in rows)
        elif tuple(columns) == names:
            params = rows
        else:
            order = [list(columns).index(name) for name in names]
            params = ([row[index] for index in order] for row in rows)
        cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
        try:
            # Both drivers take any iterable here, though PEP 249 (and its stub) say sequence.
            cursor.executemany(sql, params)  # type: ignore[arg-type]
        except Exception as error:
            raise_named(error, connection)
            raise
        finally:
            cursor.close()


def raise_named(error: Exception, connection: Connection) -> None:
    """Raise the fault of the environment behind a driver's ``error`` (a full disk, a
    read-only file: see storage.faults), as SQLAlchemy's statements do; return if it is
    none. These statements run on the driver, past SQLAlchemy's own error handling."""
    from storage.database import named_fault

    fault = named_fault(error, connection.engine)
    if fault is not None:
        raise fault from error


class InStatement:
    """A statement with one ``IN`` list, its values sent in chunks of at most ``CHUNK``.

    ``{values}`` in the SQL marks the list. Chunks are padded (repeating their last value) to
    a power of two, so a handful of compiled statements serve every length.
    """

    CHUNK = 512

    __slots__ = ("_by_size", "sql")

    def __init__(self, sql: str) -> None:
        self.sql = sql
        self._by_size: dict[int, Statement] = {}

    def _statement(self, size: int) -> Statement:
        statement = self._by_size.get(size)
        if statement is None:
            marks = ", ".join(f":v{index}" for index in range(size))
            statement = self._by_size[size] = Statement(self.sql.format(values=marks))
        return statement

    def rows(self, connection: Connection, values: Sequence[Any]) -> list[tuple[Any, ...]]:
        found: list[tuple[Any, ...]] = []
        for start in range(0, len(values), self.CHUNK):
            chunk = list(values[start : start + self.CHUNK])
            size = 1 << (len(chunk) - 1).bit_length()
            chunk += chunk[-1:] * (size - len(chunk))
            statement = self._by_size.get(size) or self._statement(size)
            _, names = statement._for(connection.dialect)
            # Positional drivers take the chunk as it is: its names are v0, v1, ... in order.
            bound = chunk if names is not None else {f"v{i}": v for i, v in enumerate(chunk)}
            found += statement.rows(connection, bound)
        return found


# -- values in and out ----------------------------------------------------------------------

_processors: dict[tuple[str, str], Any] = {}


def _bind(dialect: Dialect, kind: TypeEngine[Any], value: Any) -> Any:
    key = (dialect.name, type(kind).__name__)
    if key not in _processors:
        _processors[key] = kind.dialect_impl(dialect).bind_processor(dialect)
    process = _processors[key]
    return value if process is None or value is None else process(value)


def date_binder(connection: Connection) -> Callable[[date | None], Any]:
    """Dates as the dialect stores them (ISO text on SQLite): its processor, looked up once."""
    process = _DATE.dialect_impl(connection.dialect).bind_processor(connection.dialect)
    if process is None:
        return lambda value: value
    return lambda value: None if value is None else process(value)


def bind_datetime(connection: Connection, value: datetime | None) -> Any:
    """A UTC datetime as the dialect stores it (naive ISO text on SQLite)."""
    return _bind(connection.dialect, _DATETIME, value)


def read_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def read_optional_date(value: Any) -> date | None:
    return None if value is None else read_date(value)


def read_datetime(value: Any) -> datetime:
    """A stored datetime in UTC (SQLite keeps it naive; PostgreSQL in the session zone)."""
    found = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    if found.tzinfo is None:
        return found.replace(tzinfo=UTC)
    return found.astimezone(UTC)


class RowMemo(Generic[T]):
    """Domain values made from rows, kept by the row they were made from.

    A check reads the same few parties, products and paperwork rows again and again, and
    validating a row into its frozen domain value cost more than reading it. The memo is
    keyed by the whole row as the driver returned it, so a row that changed in any column
    is a new key and gets a new value: nothing read can be stale. At ``size`` values the
    memo starts afresh (no eviction order to keep; rereads refill it). Values are frozen,
    so sharing one between units of work and threads is safe.
    """

    __slots__ = ("_make", "_size", "_values")

    def __init__(self, make: Callable[..., T], size: int = 4096) -> None:
        self._make = make
        self._size = size
        self._values: dict[tuple[Any, ...], T] = {}

    def __call__(self, *row: Any) -> T:
        try:
            return self._values[row]
        except KeyError:
            pass
        except TypeError:  # a value the driver gave as a list or dict: not a key
            return self._make(*row)
        value = self._make(*row)
        if len(self._values) >= self._size:
            self._values.clear()
        self._values[row] = value
        return value
