"""Verifying what screening rests on: the restricted-party list snapshots in use and the
officers' decisions on potential matches (``audit verify``, step 6).

Neither is sealed like the master data (``domain.record_state``): both are only ever added,
and the audit entry that records each holds what proves it. A list import's entry holds the
snapshot's content hash (over every entry's id and content); a disposition's entry holds the
disposition whole. So an entry taken off the list (a name no longer screened), a match's
verdict turned from "true match" to "false positive", a disposition deleted or one slipped in
are found by reading them again, with no seal to write and none missing in older databases.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from domain.audit import AuditEntry
from domain.ports import UnitOfWork
from domain.screening.model import ListEntry, snapshot_hash

DISPOSITION_ACTIONS = frozenset({"dispose", "approve"})
LIST_IMPORT = ("import", "list_snapshot")

Found = Callable[[int | None, str], Exception]
"""Makes the exception that stops the walk at the first problem (its audit seq, its words)."""


class ScreeningRecord:
    """What the chain recorded of lists and dispositions, gathered as the chain is walked."""

    def __init__(self) -> None:
        self.dispositions: list[tuple[int, dict[str, Any]]] = []
        self.snapshots: dict[int, tuple[int, str]] = {}
        self.checked = 0

    def watch(self, entry: AuditEntry) -> None:
        after = entry.after
        if not isinstance(after, dict):
            return
        if entry.action in DISPOSITION_ACTIONS and entry.entity == "party":
            self.dispositions.append((entry.seq, after))
        elif (entry.action, entry.entity) == LIST_IMPORT and entry.entity_ref.isdigit():
            self.snapshots[int(entry.entity_ref)] = (entry.seq, str(after.get("content_hash")))

    def verify(self, uow: UnitOfWork, found: Found) -> None:
        self._snapshots(uow, found)
        self._dispositions(uow, found)

    # -- list snapshots ------------------------------------------------------------------

    def _snapshots(self, uow: UnitOfWork, found: Found) -> None:
        recorded = dict(self.snapshots)
        for snapshot in sorted(uow.list_snapshots.all(), key=lambda item: item.id):
            name = f"restricted-party list snapshot {snapshot.id} ({snapshot.file_name})"
            audited = recorded.pop(snapshot.id, None)
            if audited is None:
                raise found(
                    None,
                    f"{name} is in the database but no audit entry records its import: it was "
                    "added outside the desk",
                )
            seq, content_hash = audited
            hashes: dict[str, str] = {}
            for entry_id, stored_hash, data in uow.list_snapshots.stored_entries(snapshot.id):
                try:
                    entry = ListEntry.model_validate_json(data)
                except ValidationError as error:
                    raise found(
                        seq,
                        f"{name}: list entry {entry_id} cannot be read as the desk wrote it "
                        f"({error.errors()[0]['msg']})",
                    ) from None
                if entry.entry_id != entry_id or entry.content_hash != stored_hash:
                    raise found(
                        seq,
                        f"{name}: list entry {entry_id} was changed outside the desk (its "
                        f"content no longer matches its hash; now: {entry.name!r})",
                    )
                hashes[entry_id] = stored_hash
                self.checked += 1
            if snapshot.content_hash != content_hash:
                raise found(
                    seq,
                    f"{name} was changed outside the desk: its content hash reads "
                    f"{snapshot.content_hash[:16]}… where audit entry {seq} recorded "
                    f"{content_hash[:16]}… at its import",
                )
            if snapshot_hash(hashes) != content_hash:
                raise found(
                    seq,
                    f"{name} was changed outside the desk: its entries ({len(hashes):,} now) no "
                    f"longer give the content hash {content_hash[:16]}… that audit entry {seq} "
                    "recorded at its import (an entry added, removed or rewritten)",
                )
        for snapshot_id, (seq, _) in sorted(recorded.items()):
            raise found(
                seq,
                f"restricted-party list snapshot {snapshot_id} was removed outside the desk: "
                f"audit entry {seq} records its import",
            )

    # -- dispositions --------------------------------------------------------------------

    def _dispositions(self, uow: UnitOfWork, found: Found) -> None:
        recorded = iter(self.dispositions)
        pending = next(recorded, None)
        for disposition in uow.screenings.all_dispositions():
            now = disposition.model_dump(mode="json")
            name = (
                f"the screening disposition of {disposition.party_ref} on list entry "
                f"{disposition.entry_id}"
            )
            if pending is None:
                raise found(
                    None,
                    f"{name} ({disposition.verdict.value}) is in the database but no audit "
                    "entry records it: it was added outside the desk",
                )
            seq, after = pending
            following = next(recorded, None)
            if now == after:
                pending = following
                self.checked += 1
                continue
            if following is not None and now == following[1]:
                raise found(seq, f"{_described(after)} was removed outside the desk: {_by(seq)}")
            field, value, audited = _difference(now, after)
            raise found(
                seq,
                f"{name} was changed outside the desk: its {field} is {value!r} where audit "
                f"entry {seq} recorded {audited!r}",
            )
        if pending is not None:
            seq, after = pending
            raise found(seq, f"{_described(after)} was removed outside the desk: {_by(seq)}")


def _described(after: dict[str, Any]) -> str:
    return (
        f"the screening disposition of {after.get('party_ref')} on list entry "
        f"{after.get('entry_id')} ({after.get('verdict')})"
    )


def _by(seq: int) -> str:
    return f"audit entry {seq} records it"


def _difference(now: dict[str, Any], after: dict[str, Any]) -> tuple[str, Any, Any]:
    """The first field where the stored disposition differs from the audited one."""
    for field in sorted(set(now) | set(after)):
        if now.get(field) != after.get(field):
            return field, now.get(field), after.get(field)
    return "content", now, after
