"""Importing restricted-party list snapshots (rules.md section 9, "Lists").

An import reads the whole file first (a file that cannot be read raises ``CsvImportError``:
nothing is written), compares it with the snapshot in use, and, in one writing unit of work,
stores the snapshot, its entries and an audit entry. A file whose entries are exactly those of
the snapshot in use is "already imported": nothing is written and no error is raised. A
source that vanished or shrank past the ruleset's threshold marks the result
``needs_confirmation``; the snapshot is still taken (the officer is warned).
"""

from __future__ import annotations

import hashlib

from domain.frozen import Frozen
from domain.ports import Database
from domain.ruleset import RulesetCatalog, load_shipped_rulesets
from domain.screening.diff import diff_snapshots
from domain.screening.lists import parse_list
from domain.screening.model import (
    ListFormat,
    ListWarning,
    Snapshot,
    SnapshotDiff,
    SnapshotRecord,
)


class ListImportResult(Frozen):
    """What a list import did (or, for a dry run or a file already imported, would do)."""

    snapshot: SnapshotRecord | None
    """The stored snapshot (the one in use when already imported; None for a dry run)."""
    file_name: str
    format: ListFormat
    content_hash: str
    counts: dict[str, int]
    diff: SnapshotDiff
    warnings: tuple[ListWarning, ...]
    dry_run: bool = False
    already_imported: bool = False

    @property
    def entries(self) -> int:
        return sum(self.counts.values())

    @property
    def needs_confirmation(self) -> bool:
        return self.diff.needs_confirmation


class SnapshotSummary(Frozen):
    """One stored snapshot as ``lists`` shows it."""

    snapshot: SnapshotRecord
    in_use: bool


def _threshold(db: Database, catalog: RulesetCatalog | None) -> float:
    with db.reader() as uow:
        today = uow.now.date()
    ruleset = (catalog or load_shipped_rulesets()).in_effect_on(today)
    return ruleset.screening.source_shrink_warning_percent


def import_list(
    db: Database,
    data: bytes,
    *,
    file_name: str,
    actor: str,
    format: ListFormat | None = None,
    dry_run: bool = False,
    catalog: RulesetCatalog | None = None,
) -> ListImportResult:
    """Take a snapshot of one list file (``format`` guessed from the content when None).

    The shrink threshold is the ruleset's in effect on the unit of work's day (``catalog``:
    the shipped rulesets unless given).
    """
    snapshot = parse_list(data, source=file_name, format=format)
    shrink_percent = _threshold(db, catalog)
    unit = db.reader() if dry_run else db.writer(actor)
    with unit as uow:
        newest = uow.list_snapshots.in_use()
        previous = (
            None
            if newest is None
            else Snapshot(
                format=newest.format, entries=tuple(uow.list_snapshots.entries(newest.id))
            )
        )
        diff = diff_snapshots(previous, snapshot, shrink_percent)
        result = ListImportResult(
            snapshot=None,
            file_name=file_name,
            format=snapshot.format,
            content_hash=snapshot.content_hash,
            counts=snapshot.counts,
            diff=diff,
            warnings=(*snapshot.warnings, *diff.warnings),
            dry_run=dry_run,
        )
        if newest is not None and newest.content_hash == snapshot.content_hash:
            return result.model_copy(update={"snapshot": newest, "already_imported": True})
        if dry_run:
            return result
        record = uow.list_snapshots.add(
            snapshot, diff, file_name=file_name, imported_at=uow.now, imported_by=actor
        )
        uow.audit.append(
            "import",
            "list_snapshot",
            str(record.id),
            after={
                "file": file_name,
                "file_sha256": hashlib.sha256(data).hexdigest(),
                "format": snapshot.format.value,
                "content_hash": snapshot.content_hash,
                "entries": len(snapshot.entries),
                "counts": snapshot.counts,
                "added": len(diff.added),
                "removed": len(diff.removed),
                "changed": len(diff.changed),
                "warnings": len(result.warnings),
                "needs_confirmation": diff.needs_confirmation,
            },
        )
        uow.commit()
    return result.model_copy(update={"snapshot": record})


def list_snapshots(db: Database) -> list[SnapshotSummary]:
    """Every stored snapshot, newest (the one in use) first."""
    with db.reader() as uow:
        records = uow.list_snapshots.all()
    return [
        SnapshotSummary(snapshot=record, in_use=index == 0) for index, record in enumerate(records)
    ]
