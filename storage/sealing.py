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


def touch(connection: Connection, kind: str, key: str) -> None:
    """Note that this transaction wrote the record ``kind``/``key``."""
    touched: set[tuple[str, str]] = connection.info.setdefault(_TOUCHED, set())
    touched.add((kind, key))


def touch_many(connection: Connection, kind: str, keys: list[str]) -> None:
    touched: set[tuple[str, str]] = connection.info.setdefault(_TOUCHED, set())
    touched.update((kind, key) for key in keys)


def take_touched(connection: Connection) -> set[tuple[str, str]]:
    """The records noted since the last call (and forget them)."""
    touched: set[tuple[str, str]] = connection.info.pop(_TOUCHED, set())
    return touched
