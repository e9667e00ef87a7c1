"""Screenings of parties and the officer's dispositions: the repository over
``party_screenings`` and ``screening_dispositions`` (both append-only). It never commits."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from domain.screening.results import (
    Disposition,
    EarlierScreening,
    NameKeys,
    PartyScreening,
    PotentialMatch,
    Verdict,
)
from storage.repositories import aliases_text
from storage.schema import PartyScreeningRow, ScreeningDispositionRow, ScreeningNameKeysRow
from storage.statements import RowMemo, Statement, bind_datetime, read_datetime

_CHUNK = 500
"""Refs per IN (...) query: well below SQLite's limit on bound parameters."""
_CARRIED = 5000
"""Screenings carried per statement: few statements, so that carrying on a thread of its own
seldom waits for the interpreter's lock (SQLite allows 32,766 parameters, PostgreSQL 65,535)."""


def _screening(row: Any) -> PartyScreening:
    return _screening_row(
        row.party_ref, row.snapshot_id, row.names_hash, row.screened_at, row.threshold, row.matches
    )


def _disposition(row: Any) -> Disposition:
    return _disposition_row(
        row.party_ref,
        row.entry_id,
        row.entry_hash,
        row.verdict,
        row.reason,
        row.document,
        row.score,
        row.decided_by,
        row.decided_at,
        row.approved_by,
        row.approved_at,
    )


def _entry_ids(entries: str | None, matches: str | None) -> frozenset[str]:
    """The entries of a screening's matches: its ``entry_ids`` (one a line), or, stored
    before migration 0012, read from its matches."""
    if entries is not None:
        return frozenset(entries.split("\n")) if entries else frozenset()
    return frozenset(item["entry_id"] for item in json.loads(matches)) if matches else frozenset()


def _with_own_matches() -> Select[Any]:
    """Screenings with their matches, a carried screening's read where they were written."""
    table = PartyScreeningRow.__table__
    source = table.alias("source")
    return select(
        table.c.party_ref,
        table.c.snapshot_id,
        table.c.names_hash,
        table.c.screened_at,
        table.c.threshold,
        func.coalesce(source.c.matches, table.c.matches).label("matches"),
    ).select_from(table.outerjoin(source, source.c.id == table.c.matches_of))


def _chunks(refs: Sequence[str]) -> list[list[str]]:
    unique = list(dict.fromkeys(refs))
    return [unique[start : start + _CHUNK] for start in range(0, len(unique), _CHUNK)]


_LATEST = (
    "SELECT s.party_ref, s.snapshot_id, s.names_hash, s.screened_at, s.threshold, "
    "coalesce(o.matches, s.matches) FROM party_screenings s "
    "LEFT JOIN party_screenings o ON o.id = s.matches_of "
    "WHERE s.id IN (SELECT MAX(id) FROM party_screenings "
    "WHERE snapshot_id = :snapshot AND party_ref IN ({refs}) GROUP BY party_ref)"
)
_DISPOSITIONS = (
    "SELECT party_ref, entry_id, entry_hash, verdict, reason, document, score, decided_by, "
    "decided_at, approved_by, approved_at FROM screening_dispositions "
    "WHERE party_ref IN ({refs}) ORDER BY id"
)
_EARLIER = Statement(
    "SELECT p.ref, p.name, p.aliases, p.parent_name, "
    "EXISTS (SELECT 1 FROM party_owners o WHERE o.party_ref = p.ref), s.id, s.names_hash, "
    "s.threshold, s.entry_ids, CASE WHEN s.entry_ids IS NULL AND s.match_count > 0 "
    "THEN coalesce(m.matches, s.matches) END, EXISTS (SELECT 1 FROM party_screenings n "
    "WHERE n.party_ref = p.ref AND n.snapshot_id = :snapshot) FROM parties p "
    "LEFT JOIN party_screenings s ON s.id = (SELECT MAX(x.id) FROM party_screenings x "
    "WHERE x.party_ref = p.ref AND x.snapshot_id = :previous) "
    "LEFT JOIN party_screenings m ON m.id = s.matches_of"
)
_NAME_KEYS = Statement(
    "SELECT names_hash, keys, name, aliases, parent_name FROM screening_name_keys "
    "WHERE version = :version"
)
_CARRY = (
    "INSERT INTO party_screenings (party_ref, snapshot_id, names_hash, screened_at, "
    "screened_by, threshold, match_count, matches, entry_ids, matches_of) SELECT party_ref, "
    ":snapshot, names_hash, :at, :by, threshold, match_count, "
    "CASE WHEN match_count > 0 THEN '' ELSE matches END, entry_ids, "
    "CASE WHEN match_count > 0 THEN coalesce(matches_of, id) END FROM party_screenings "
    "WHERE id IN ({refs}) ORDER BY id"
)
"""A carried screening with matches repeats them by reference (``matches_of``): a list
import carries most parties, and their matches would otherwise be written again whole."""
_STATEMENTS: dict[tuple[str, int], Statement] = {}


def _sized(sql: str, size: int) -> Statement:
    """``sql`` with ``{refs}`` made ``:r0, :r1, ...`` for ``size`` refs, compiled once."""
    statement = _STATEMENTS.get((sql, size))
    if statement is None:
        marks = ", ".join(f":r{index}" for index in range(size))
        statement = _STATEMENTS[(sql, size)] = Statement(sql.format(refs=marks))
    return statement


def _screening_row(
    party_ref: str,
    snapshot_id: int,
    names: str,
    screened_at: object,
    threshold: float,
    matches: str,
) -> PartyScreening:
    return PartyScreening(
        party_ref=party_ref,
        snapshot_id=snapshot_id,
        names_hash=names,
        screened_at=read_datetime(screened_at),
        threshold=threshold,
        matches=tuple(PotentialMatch.model_validate(item) for item in json.loads(matches)),
    )


def _disposition_row(
    party_ref: str,
    entry_id: str,
    entry_hash: str,
    verdict: str,
    reason: str,
    document: str | None,
    score: float,
    decided_by: str,
    decided_at: object,
    approved_by: str | None,
    approved_at: object,
) -> Disposition:
    return Disposition(
        party_ref=party_ref,
        entry_id=entry_id,
        entry_hash=entry_hash,
        verdict=Verdict(verdict),
        reason=reason,
        document=document,
        score=score,
        decided_by=decided_by,
        decided_at=read_datetime(decided_at),
        approved_by=approved_by,
        approved_at=None if approved_at is None else read_datetime(approved_at),
    )


_screening_memo = RowMemo(_screening_row, size=1024)
_disposition_memo = RowMemo(_disposition_row, size=4096)


class SqlScreeningRepository:
    """Implements ``domain.ports.ScreeningRepository``."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add_many(self, screenings: Sequence[PartyScreening], *, screened_by: str) -> None:
        if not screenings:
            return
        self._connection.execute(
            insert(PartyScreeningRow),
            [
                {
                    "party_ref": item.party_ref,
                    "snapshot_id": item.snapshot_id,
                    "names_hash": item.names_hash,
                    "screened_at": item.screened_at,
                    "screened_by": screened_by,
                    "threshold": item.threshold,
                    "match_count": len(item.matches),
                    "matches": json.dumps(
                        [match.model_dump(mode="json") for match in item.matches],
                        ensure_ascii=False,
                    ),
                    "entry_ids": "\n".join(sorted({match.entry_id for match in item.matches})),
                }
                for item in screenings
            ],
        )

    def add_name_keys(self, keys: Mapping[str, NameKeys], version: str) -> None:
        if not keys:
            return
        dialect = postgresql if self._connection.dialect.name == "postgresql" else sqlite
        self._connection.execute(
            dialect.insert(ScreeningNameKeysRow).on_conflict_do_nothing(),
            [
                {
                    "names_hash": names,
                    "version": version,
                    "keys": kept.keys,
                    "name": None if kept.written is None else kept.written[0],
                    "aliases": None if kept.written is None else aliases_text(kept.written[1]),
                    "parent_name": None if kept.written is None else kept.written[2],
                }
                for names, kept in keys.items()
            ],
        )

    def earlier(
        self, snapshot_id: int, previous_id: int | None, keys_version: str
    ) -> list[EarlierScreening]:
        """(Two reads joined here: looking up 100,000 hashes one by one costs more than
        reading the kept keys whole.)"""
        params = {
            "snapshot": snapshot_id,
            "previous": -1 if previous_id is None else previous_id,
        }
        kept = {row[0]: row for row in _NAME_KEYS.rows(self._connection, {"version": keys_version})}
        none: frozenset[str] = frozenset()
        found = []
        for row in _EARLIER.rows(self._connection, params):
            ref, name, aliases, parent, owned, sid, names, limit, entries, matches, done = row
            keys = kept.get(names) if names is not None else None
            alike = (
                keys is not None
                and not owned
                and keys[2] == name
                and keys[3] == aliases
                and keys[4] == parent
            )
            found.append(
                EarlierScreening(
                    ref,
                    sid,
                    names,
                    limit,
                    none if not (entries or matches) else _entry_ids(entries, matches),
                    None if keys is None else bytes(keys[1]),
                    None
                    if alike
                    else (name, () if aliases == "[]" else tuple(json.loads(aliases)), parent),
                    bool(done),
                )
            )
        return found

    def carry(
        self, screening_ids: Sequence[int], snapshot_id: int, *, at: datetime, by: str
    ) -> None:
        when = bind_datetime(self._connection, at)
        ids = sorted(set(screening_ids))
        for start in range(0, len(ids), _CARRIED):
            chunk = ids[start : start + _CARRIED]
            params: dict[str, object] = {f"r{i}": number for i, number in enumerate(chunk)}
            params.update(snapshot=snapshot_id, at=when, by=by)
            _sized(_CARRY, len(chunk)).run(self._connection, params)

    def latest_for(self, refs: Sequence[str], snapshot_id: int) -> dict[str, PartyScreening]:
        """The newest screening of each party against ``snapshot_id`` (read before every
        order check: hand-written SQL, values made once per stored row)."""
        found: dict[str, PartyScreening] = {}
        for chunk in _chunks(refs):
            statement = _sized(_LATEST, len(chunk))
            params: dict[str, object] = {f"r{i}": ref for i, ref in enumerate(chunk)}
            params["snapshot"] = snapshot_id
            for row in statement.rows(self._connection, params):
                found[row[0]] = _screening_memo(*row)
        return found

    def with_matches(self, snapshot_id: int) -> list[PartyScreening]:
        """The newest screening against ``snapshot_id`` of every party that has matches."""
        table = PartyScreeningRow.__table__
        newest = (
            select(func.max(table.c.id))
            .where(table.c.snapshot_id == snapshot_id)
            .group_by(table.c.party_ref)
        )
        rows = self._connection.execute(
            _with_own_matches().where(table.c.id.in_(newest), table.c.match_count > 0)
        )
        return [_screening(row) for row in rows]

    def as_of(self, party_ref: str, at: datetime) -> PartyScreening | None:
        """The newest screening of the party made at or before ``at``."""
        # A party has a screening per snapshot and renaming: few rows, compared in Python so
        # that stored times (naive on SQLite) and ``at`` compare as UTC instants.
        return next((item for item in self.history(party_ref) if item.screened_at <= at), None)

    def history(self, party_ref: str) -> list[PartyScreening]:
        table = PartyScreeningRow.__table__
        rows = self._connection.execute(
            _with_own_matches().where(table.c.party_ref == party_ref).order_by(table.c.id.desc())
        )
        return [_screening(row) for row in rows]

    def add_disposition(self, disposition: Disposition) -> None:
        self._connection.execute(
            insert(ScreeningDispositionRow).values(
                party_ref=disposition.party_ref,
                entry_id=disposition.entry_id,
                entry_hash=disposition.entry_hash,
                verdict=disposition.verdict.value,
                reason=disposition.reason,
                document=disposition.document,
                score=disposition.score,
                decided_by=disposition.decided_by,
                decided_at=disposition.decided_at,
                approved_by=disposition.approved_by,
                approved_at=disposition.approved_at,
            )
        )

    def dispositions_for(self, refs: Sequence[str]) -> dict[str, dict[str, Disposition]]:
        """The newest disposition of each (party, entry)."""
        found: dict[str, dict[str, Disposition]] = {}
        for chunk in _chunks(refs):
            statement = _sized(_DISPOSITIONS, len(chunk))
            params = {f"r{i}": ref for i, ref in enumerate(chunk)}
            for row in statement.rows(self._connection, params):
                found.setdefault(row[0], {})[row[1]] = _disposition_memo(*row)
        return found

    def disposition_history(self, party_ref: str) -> list[Disposition]:
        table = ScreeningDispositionRow.__table__
        rows = self._connection.execute(
            select(table).where(table.c.party_ref == party_ref).order_by(table.c.id.desc())
        )
        return [_disposition(row) for row in rows]

    def all_dispositions(self) -> Iterator[Disposition]:
        table = ScreeningDispositionRow.__table__
        for row in self._connection.execute(select(table).order_by(table.c.id)):
            yield _disposition(row)
