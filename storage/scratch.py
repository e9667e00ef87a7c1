"""Scratch space for verifying a large record in bounded memory.

``audit verify`` walks a million decisions and every record the rules read; what it must
remember between passes (which audit entry recorded which decision, which digest the chain
last sealed for each record, what each record digests to now) goes into a private temporary
SQLite database rather than into Python dictionaries. SQLite keeps a few megabytes of it in
memory and spills the rest to a temporary file that is gone when it is closed. Nothing of
it touches the desk's own database, which may be on a read-only disk.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Self

_SCHEMA = """
CREATE TABLE decided (id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, content_hash TEXT);
CREATE TABLE expected (
    kind TEXT NOT NULL, key TEXT NOT NULL, digest TEXT, seq INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE TABLE observed (
    kind TEXT NOT NULL, key TEXT NOT NULL, digest TEXT NOT NULL, PRIMARY KEY (kind, key)
) WITHOUT ROWID;
"""

_DIFFERENCE = """
SELECT kind, key, expected_digest, seq, observed_digest FROM (
    SELECT e.kind AS kind, e.key AS key, e.digest AS expected_digest, e.seq AS seq,
           o.digest AS observed_digest
      FROM expected e LEFT JOIN observed o ON o.kind = e.kind AND o.key = e.key
     WHERE e.digest IS NOT o.digest
    UNION ALL
    SELECT o.kind, o.key, NULL, NULL, o.digest
      FROM observed o LEFT JOIN expected e ON e.kind = o.kind AND e.key = o.key
     WHERE e.kind IS NULL
) ORDER BY seq IS NULL, seq, kind, key LIMIT 1
"""


class SqliteScratch:
    """Implements ``domain.ports.VerifyScratch`` on a private temporary SQLite database."""

    def __init__(self) -> None:
        # "" is a private on-disk temporary database: memory first, a temporary file beyond.
        self._db = sqlite3.connect("")
        self._db.execute("PRAGMA cache_size = -16000")  # at most about 16 MB in memory
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.executescript(_SCHEMA)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._db.close()

    def add_decided(self, rows: Iterable[tuple[int, int, str | None]]) -> None:
        self._db.executemany("INSERT OR REPLACE INTO decided VALUES (?, ?, ?)", rows)

    def decided(self) -> Iterator[tuple[int, int, str | None]]:
        """Every recorded decision's (id, audit seq, content hash), by id."""
        cursor = self._db.execute("SELECT id, seq, content_hash FROM decided ORDER BY id")
        while rows := cursor.fetchmany(2000):
            yield from rows

    def expect(self, rows: Iterable[tuple[str, str, str | None, int]]) -> None:
        """What the chain sealed last for each record: (kind, key, digest or None, seq)."""
        self._db.executemany("INSERT OR REPLACE INTO expected VALUES (?, ?, ?, ?)", rows)

    def observe(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """What each record digests to now."""
        self._db.executemany("INSERT OR REPLACE INTO observed VALUES (?, ?, ?)", rows)

    def observed_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM observed").fetchone()[0])

    def first_difference(
        self,
    ) -> tuple[str, str, str | None, int | None, str | None] | None:
        """The first record whose state is not what the chain sealed last for it: (kind,
        key, sealed digest, sealing entry, current digest); records never sealed last."""
        row = self._db.execute(_DIFFERENCE).fetchone()
        return None if row is None else (row[0], row[1], row[2], row[3], row[4])
