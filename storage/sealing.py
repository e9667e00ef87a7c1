"""Which sealed records a transaction touched (see ``domain.record_state``).

Every repository method that writes a record the rules read notes its kind and key on the
connection; the unit of work reads them back at commit and ends the transaction with a seal
audit entry holding their digests. The notes live on the connection (``Connection.info``,
kept with the driver's connection), so repositories made inside other repositories note
too; the unit of work clears them when its transaction begins and ends.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

_TOUCHED = "desk_touched_records"
_WRITTEN = "desk_written_records"


def touch(connection: Connection, kind: str, key: str) -> None:
    """Note that this transaction wrote the record ``kind``/``key``."""
    touched: set[tuple[str, str]] = connection.info.setdefault(_TOUCHED, set())
    touched.add((kind, key))


def touch_many(connection: Connection, kind: str, keys: list[str]) -> None:
    touched: set[tuple[str, str]] = connection.info.setdefault(_TOUCHED, set())
    touched.update((kind, key) for key in keys)


def note_written(connection: Connection, kind: str, states: dict[str, object]) -> None:
    """Records added in bulk whose state is what was written: sealed without reading them
    back (a record also touched otherwise in the transaction is read back)."""
    written: dict[tuple[str, str], object] = connection.info.setdefault(_WRITTEN, {})
    written.update(((kind, key), state) for key, state in states.items())


def take_touched(
    connection: Connection,
) -> tuple[set[tuple[str, str]], dict[tuple[str, str], object]]:
    """The records noted since the last call, to read back and as written (and forget them)."""
    touched: set[tuple[str, str]] = connection.info.pop(_TOUCHED, set())
    written: dict[tuple[str, str], object] = connection.info.pop(_WRITTEN, {})
    return touched, written
