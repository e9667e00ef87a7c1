"""The words of list snapshots and imports: the snapshot in use, what an import would change,
and the question asked before a snapshot that lost a source (or much of one) is taken."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from domain.screening.model import SnapshotDiff, SnapshotRecord, SourceChange
from domain.services.screening_lists import ListImportResult

FORMATS = "List files (*.csv *.json);;CSV (*.csv);;JSON (*.json);;All files (*)"


def short_source(source: str) -> str:
    """A list's name without the agency ("Entity List (EL)")."""
    return source.split(" - ")[0].strip() or source


def changes_text(diff: SnapshotDiff) -> str:
    return (
        f"{len(diff.added):,} added, {len(diff.removed):,} removed, {len(diff.changed):,} changed"
    )


def snapshot_text(snapshot: SnapshotRecord | None) -> str:
    """The snapshot in use in one paragraph (plain text)."""
    if snapshot is None:
        return (
            "No restricted-party list imported yet: import the Consolidated Screening List "
            "(CSV or JSON) or a list of your own to screen the parties."
        )
    total = sum(snapshot.counts.values())
    return (
        f"Snapshot {snapshot.id} in use: {snapshot.file_name}, imported "
        f"{snapshot.imported_at.strftime('%Y-%m-%d %H:%M')} UTC by {snapshot.imported_by}; "
        f"{total:,} entries. Since the previous snapshot: {changes_text(snapshot.diff)}."
    )


def counts_text(counts: dict[str, int]) -> str:
    """Entries per source, one per line, largest first."""
    ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return "\n".join(f"{short_source(source)}: {count:,}" for source, count in ordered)


def _change(change: SourceChange) -> str:
    if not change.after:
        return f"{short_source(change.source)}: {change.before:,} entries before, none now"
    lost = 100.0 * (change.before - change.after) / change.before
    return (
        f"{short_source(change.source)}: {change.before:,} entries before, "
        f"{change.after:,} now ({lost:.0f} % fewer)"
    )


def shrink_text(result: ListImportResult) -> str:
    """What vanished or shrank, one source a line."""
    diff = result.diff
    lines = [_change(change) for change in diff.vanished]
    lines += [_change(change) for change in diff.shrunk]
    return "\n".join(lines)


def confirm_box(parent: QWidget, result: ListImportResult) -> QMessageBox:
    """The question asked before a snapshot that lost sources is taken into use."""
    diff = result.diff
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "A list source vanished or shrank",
        f"{result.file_name} has fewer entries than the snapshot in use in "
        f"{len(diff.vanished) + len(diff.shrunk)} source(s), more than the "
        f"{diff.shrink_percent:g} % the published files may lose on a bad day:",
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("shrinkConfirmation")
    box.setInformativeText(
        shrink_text(result) + "\n\nTake this file into use anyway? Matches against the missing "
        "entries would no longer be found."
    )
    take = box.addButton(
        QCoreApplication.translate("ScreeningLists", "Take it into use"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    take.setObjectName("takeSnapshot")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box


def dry_run_text(result: ListImportResult) -> str:
    if result.already_imported:
        return (
            f"{result.file_name} holds exactly the entries of the snapshot in use: "
            "nothing to import."
        )
    return (
        f"{result.file_name} ({result.format.value}, {result.entries:,} entries): "
        f"{changes_text(result.diff)}."
    )
