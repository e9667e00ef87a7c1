"""The differences between two snapshots, and the sources that vanished or shrank."""

from __future__ import annotations

from domain.screening.model import Snapshot, SnapshotDiff, SourceChange


def diff_snapshots(
    previous: Snapshot | None, current: Snapshot, shrink_percent: float
) -> SnapshotDiff:
    """Entries added, removed and changed (same id, other content) from ``previous`` to
    ``current``; sources gone, or shrunk by more than ``shrink_percent`` of their entries.

    The threshold comes from the ruleset (``[screening] source_shrink_warning_percent``).
    """
    after_counts = current.counts
    if previous is None:
        return SnapshotDiff(
            added=tuple(sorted(current.entry_hashes)),
            counts_after=after_counts,
            shrink_percent=shrink_percent,
        )
    before, after = previous.entry_hashes, current.entry_hashes
    before_counts = previous.counts
    vanished: list[SourceChange] = []
    shrunk: list[SourceChange] = []
    for source, count in before_counts.items():
        now = after_counts.get(source, 0)
        if count and not now:
            vanished.append(SourceChange(source=source, before=count, after=0))
        elif count and 100.0 * (count - now) / count > shrink_percent:
            shrunk.append(SourceChange(source=source, before=count, after=now))
    return SnapshotDiff(
        added=tuple(sorted(after.keys() - before.keys())),
        removed=tuple(sorted(before.keys() - after.keys())),
        changed=tuple(
            sorted(
                entry_id
                for entry_id in after.keys() & before.keys()
                if after[entry_id] != before[entry_id]
            )
        ),
        counts_before=before_counts,
        counts_after=after_counts,
        vanished=tuple(vanished),
        shrunk=tuple(shrunk),
        shrink_percent=shrink_percent,
    )
