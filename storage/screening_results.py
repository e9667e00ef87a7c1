"""Screenings of parties and the officer's dispositions: the repository over
``party_screenings`` and ``screening_dispositions`` (both append-only). It never commits."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from domain.screening.results import Disposition, PartyScreening, PotentialMatch, Verdict
from storage.schema import PartyScreeningRow, ScreeningDispositionRow

_CHUNK = 500
"""Refs per IN (...) query: well below SQLite's limit on bound parameters."""


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _screening(row: Any) -> PartyScreening:
    return PartyScreening(
        party_ref=row.party_ref,
        snapshot_id=row.snapshot_id,
        names_hash=row.names_hash,
        screened_at=_utc(row.screened_at),
        threshold=row.threshold,
        matches=tuple(PotentialMatch.model_validate(item) for item in json.loads(row.matches)),
    )


def _disposition(row: Any) -> Disposition:
    return Disposition(
        party_ref=row.party_ref,
        entry_id=row.entry_id,
        entry_hash=row.entry_hash,
        verdict=Verdict(row.verdict),
        reason=row.reason,
        document=row.document,
        score=row.score,
        decided_by=row.decided_by,
        decided_at=_utc(row.decided_at),
        approved_by=row.approved_by,
        approved_at=_utc(row.approved_at),
    )


def _chunks(refs: Sequence[str]) -> list[list[str]]:
    unique = list(dict.fromkeys(refs))
    return [unique[start : start + _CHUNK] for start in range(0, len(unique), _CHUNK)]


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
                }
                for item in screenings
            ],
        )

    def latest_for(self, refs: Sequence[str], snapshot_id: int) -> dict[str, PartyScreening]:
        """The newest screening of each party against ``snapshot_id``."""
        found: dict[str, PartyScreening] = {}
        table = PartyScreeningRow.__table__
        for chunk in _chunks(refs):
            newest = (
                select(func.max(table.c.id))
                .where(table.c.snapshot_id == snapshot_id, table.c.party_ref.in_(chunk))
                .group_by(table.c.party_ref)
            )
            rows = self._connection.execute(select(table).where(table.c.id.in_(newest)))
            for row in rows:
                found[row.party_ref] = _screening(row)
        return found

    def latest_any(self, refs: Sequence[str]) -> dict[str, PartyScreening]:
        """The newest screening of each party, whatever snapshot it used."""
        found: dict[str, PartyScreening] = {}
        table = PartyScreeningRow.__table__
        for chunk in _chunks(refs):
            newest = (
                select(func.max(table.c.id))
                .where(table.c.party_ref.in_(chunk))
                .group_by(table.c.party_ref)
            )
            for row in self._connection.execute(select(table).where(table.c.id.in_(newest))):
                found[row.party_ref] = _screening(row)
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
            select(table).where(table.c.id.in_(newest), table.c.match_count > 0)
        )
        return [_screening(row) for row in rows]

    def screened_refs(self, snapshot_id: int) -> set[str]:
        table = PartyScreeningRow.__table__
        rows = self._connection.execute(
            select(table.c.party_ref).where(table.c.snapshot_id == snapshot_id).distinct()
        )
        return {row.party_ref for row in rows}

    def history(self, party_ref: str) -> list[PartyScreening]:
        table = PartyScreeningRow.__table__
        rows = self._connection.execute(
            select(table).where(table.c.party_ref == party_ref).order_by(table.c.id.desc())
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
        table = ScreeningDispositionRow.__table__
        for chunk in _chunks(refs):
            rows = self._connection.execute(
                select(table).where(table.c.party_ref.in_(chunk)).order_by(table.c.id)
            )
            for row in rows:
                found.setdefault(row.party_ref, {})[row.entry_id] = _disposition(row)
        return found

    def disposition_history(self, party_ref: str) -> list[Disposition]:
        table = ScreeningDispositionRow.__table__
        rows = self._connection.execute(
            select(table).where(table.c.party_ref == party_ref).order_by(table.c.id.desc())
        )
        return [_disposition(row) for row in rows]
