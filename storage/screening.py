"""Restricted-party list snapshots and party owners: repositories over ``list_snapshots``,
``list_entries`` and ``party_owners``. They never commit.

Snapshots and their entries are append-only (triggers refuse UPDATE and DELETE): a screening
result names the snapshot it used, so a snapshot never changes once taken. An entry is kept as
the JSON of its domain value beside the columns a query selects by.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from domain.model import Owner
from domain.screening.model import (
    ListEntry,
    ListFormat,
    ListWarning,
    Snapshot,
    SnapshotDiff,
    SnapshotRecord,
)
from storage.repositories import utc
from storage.schema import ListEntryRow, ListSnapshotRow, PartyOwnerRow
from storage.sealing import touch
from storage.statements import InStatement, RowMemo, Statement


def _record(row: Any) -> SnapshotRecord:
    return SnapshotRecord(
        id=row.id,
        imported_at=utc(row.imported_at),
        imported_by=row.imported_by,
        file_name=row.file_name,
        format=ListFormat(row.format),
        content_hash=row.content_hash,
        counts=json.loads(row.counts),
        warnings=tuple(ListWarning.model_validate(item) for item in json.loads(row.warnings)),
        diff=SnapshotDiff.model_validate_json(row.diff),
    )


_NEWEST = Statement(
    "SELECT id, content_hash, imported_at FROM list_snapshots ORDER BY id DESC LIMIT 1"
)
_RECORDS: dict[tuple[Any, ...], SnapshotRecord] = {}


class SqlListSnapshotRepository:
    """Implements ``domain.ports.ListSnapshotRepository``."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(
        self,
        snapshot: Snapshot,
        diff: SnapshotDiff,
        *,
        file_name: str,
        imported_at: datetime,
        imported_by: str,
    ) -> SnapshotRecord:
        warnings = (*snapshot.warnings, *diff.warnings)
        values = {
            "imported_at": imported_at,
            "imported_by": imported_by,
            "file_name": file_name,
            "format": snapshot.format.value,
            "content_hash": snapshot.content_hash,
            "counts": json.dumps(snapshot.counts, ensure_ascii=False),
            "warnings": json.dumps(
                [warning.model_dump(mode="json") for warning in warnings], ensure_ascii=False
            ),
            "diff": diff.model_dump_json(),
        }
        result = self._connection.execute(insert(ListSnapshotRow).values(**values))
        snapshot_id = int(result.inserted_primary_key[0])  # type: ignore[index]
        if snapshot.entries:
            # One executemany for every entry: 3,392 entries in a few tens of milliseconds.
            self._connection.execute(
                insert(ListEntryRow),
                [
                    {
                        "snapshot_id": snapshot_id,
                        "entry_id": entry.entry_id,
                        "kind": entry.kind.value,
                        "source": entry.source,
                        "name": entry.name,
                        "content_hash": entry.content_hash,
                        "data": entry.model_dump_json(),
                    }
                    for entry in snapshot.entries
                ],
            )
        return SnapshotRecord(
            id=snapshot_id,
            imported_at=utc(imported_at),
            imported_by=imported_by,
            file_name=file_name,
            format=snapshot.format,
            content_hash=snapshot.content_hash,
            counts=snapshot.counts,
            warnings=warnings,
            diff=diff,
        )

    def get(self, snapshot_id: int) -> SnapshotRecord | None:
        row = self._connection.execute(
            select(ListSnapshotRow).where(ListSnapshotRow.id == snapshot_id)
        ).first()
        return None if row is None else _record(row)

    def all(self) -> list[SnapshotRecord]:
        rows = self._connection.execute(select(ListSnapshotRow).order_by(ListSnapshotRow.id.desc()))
        return [_record(row) for row in rows]

    def in_use(self) -> SnapshotRecord | None:
        # Read before every order check: the newest snapshot's stamp is one indexed row, and
        # the record (its differences can run to thousands of ids) is made once per stamp.
        # Snapshots are append-only, so a stamp always stands for the same record.
        stamp = _NEWEST.first(self._connection, {})
        if stamp is None:
            return None
        known = _RECORDS.get(stamp)
        if known is None:
            known = self.get(int(stamp[0]))
            assert known is not None
            if len(_RECORDS) >= 64:
                _RECORDS.clear()
            _RECORDS[stamp] = known
        return known

    def previous(self, snapshot_id: int) -> SnapshotRecord | None:
        row = self._connection.execute(
            select(ListSnapshotRow)
            .where(ListSnapshotRow.id < snapshot_id)
            .order_by(ListSnapshotRow.id.desc())
            .limit(1)
        ).first()
        return None if row is None else _record(row)

    def entries(self, snapshot_id: int) -> list[ListEntry]:
        rows = self._connection.execute(
            select(ListEntryRow.data)
            .where(ListEntryRow.snapshot_id == snapshot_id)
            .order_by(ListEntryRow.entry_id)
        )
        return [ListEntry.model_validate_json(data) for (data,) in rows]

    def stored_entries(self, snapshot_id: int) -> Iterator[tuple[str, str, str]]:
        rows = self._connection.execute(
            select(ListEntryRow.entry_id, ListEntryRow.content_hash, ListEntryRow.data)
            .where(ListEntryRow.snapshot_id == snapshot_id)
            .order_by(ListEntryRow.entry_id)
        )
        for entry_id, content_hash, data in rows:
            yield str(entry_id), str(content_hash), str(data)

    def entry(self, snapshot_id: int, entry_id: str) -> ListEntry | None:
        data = self._connection.execute(
            select(ListEntryRow.data).where(
                ListEntryRow.snapshot_id == snapshot_id, ListEntryRow.entry_id == entry_id
            )
        ).scalar()
        return None if data is None else ListEntry.model_validate_json(data)


_OWNERS_OF = InStatement(
    "SELECT party_ref, owner_name, owner_country, share_percent, owner_party_ref "
    "FROM party_owners WHERE party_ref IN ({values})"
)
_owner_memo = RowMemo(
    lambda party_ref, owner_name, owner_country, share_percent, owner_party_ref: Owner(
        party_ref=party_ref,
        owner_name=owner_name,
        owner_country=owner_country,
        share_percent=share_percent,
        owner_party_ref=owner_party_ref,
    )
)


class SqlOwnerRepository:
    """Implements ``domain.ports.OwnerRepository``."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    @staticmethod
    def _owner(row: Any) -> Owner:
        return Owner(
            party_ref=row.party_ref,
            owner_name=row.owner_name,
            owner_country=row.owner_country,
            share_percent=row.share_percent,
            owner_party_ref=row.owner_party_ref,
        )

    def owners_of(self, party_ref: str) -> list[Owner]:
        rows = self._connection.execute(
            select(PartyOwnerRow)
            .where(PartyOwnerRow.party_ref == party_ref)
            .order_by(PartyOwnerRow.owner_name)
        )
        return [self._owner(row) for row in rows]

    def owners_of_many(self, party_refs: Sequence[str]) -> dict[str, list[Owner]]:
        found: dict[str, list[Owner]] = {}
        for row in _OWNERS_OF.rows(self._connection, list(dict.fromkeys(party_refs))):
            found.setdefault(row[0], []).append(_owner_memo(*row))
        for owners in found.values():
            owners.sort(key=lambda owner: owner.owner_name)
        return found

    def set_owners(self, party_ref: str, owners: Sequence[Owner]) -> None:
        touch(self._connection, "owners", party_ref)
        self._connection.execute(delete(PartyOwnerRow).where(PartyOwnerRow.party_ref == party_ref))
        if owners:
            self._connection.execute(
                insert(PartyOwnerRow),
                [owner.model_dump(mode="json") for owner in owners],
            )

    def all(self) -> Iterator[Owner]:
        rows = self._connection.execute(
            select(PartyOwnerRow).order_by(PartyOwnerRow.party_ref, PartyOwnerRow.owner_name)
        )
        for row in rows:
            yield self._owner(row)
