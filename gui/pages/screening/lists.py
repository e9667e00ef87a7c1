"""The words of list snapshots and imports: the snapshot in use, what an import would change,
and the question asked before a snapshot that lost a source (or much of one) is taken."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from domain.screening.model import SnapshotDiff, SnapshotRecord, SourceChange
from domain.services.screening_lists import ListImportResult


def formats() -> str:
    """The file dialog's filter of list files."""
    return QCoreApplication.translate(
        "ScreeningLists", "List files (*.csv *.json);;CSV (*.csv);;JSON (*.json);;All files (*)"
    )


def short_source(source: str) -> str:
    """A list's name without the agency ("Entity List (EL)")."""
    return source.split(" - ")[0].strip() or source


def changes_text(diff: SnapshotDiff) -> str:
    return QCoreApplication.translate(
        "ScreeningLists", "{added} added, {removed} removed, {changed} changed"
    ).format(
        added=f"{len(diff.added):,}",
        removed=f"{len(diff.removed):,}",
        changed=f"{len(diff.changed):,}",
    )


def snapshot_text(snapshot: SnapshotRecord | None) -> str:
    """The snapshot in use in one paragraph (plain text)."""
    if snapshot is None:
        return QCoreApplication.translate(
            "ScreeningLists",
            "No restricted-party list imported yet: import the Consolidated Screening List "
            "(CSV or JSON) or a list of your own to screen the parties.",
        )
    total = sum(snapshot.counts.values())
    return QCoreApplication.translate(
        "ScreeningLists",
        "Snapshot {id} in use: {file}, imported {when} UTC by {officer}; {total} entries. "
        "Since the previous snapshot: {changes}.",
    ).format(
        id=snapshot.id,
        file=snapshot.file_name,
        when=snapshot.imported_at.strftime("%Y-%m-%d %H:%M"),
        officer=snapshot.imported_by,
        total=f"{total:,}",
        changes=changes_text(snapshot.diff),
    )


def counts_text(counts: dict[str, int]) -> str:
    """Entries per source, one per line, largest first."""
    ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    return "\n".join(f"{short_source(source)}: {count:,}" for source, count in ordered)


def _change(change: SourceChange) -> str:
    if not change.after:
        return QCoreApplication.translate(
            "ScreeningLists", "{source}: {before} entries before, none now"
        ).format(source=short_source(change.source), before=f"{change.before:,}")
    lost = 100.0 * (change.before - change.after) / change.before
    return QCoreApplication.translate(
        "ScreeningLists", "{source}: {before} entries before, {after} now ({lost} % fewer)"
    ).format(
        source=short_source(change.source),
        before=f"{change.before:,}",
        after=f"{change.after:,}",
        lost=f"{lost:.0f}",
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
        QCoreApplication.translate("ScreeningLists", "A list source vanished or shrank"),
        QCoreApplication.translate(
            "ScreeningLists",
            "{file} has fewer entries than the snapshot in use in {count} source(s), more "
            "than the {percent} % the published files may lose on a bad day:",
        ).format(
            file=result.file_name,
            count=len(diff.vanished) + len(diff.shrunk),
            percent=f"{diff.shrink_percent:g}",
        ),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("shrinkConfirmation")
    box.setInformativeText(
        shrink_text(result)
        + "\n\n"
        + QCoreApplication.translate(
            "ScreeningLists",
            "Take this file into use anyway? Matches against the missing entries would no "
            "longer be found.",
        )
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
        return QCoreApplication.translate(
            "ScreeningLists",
            "{file} holds exactly the entries of the snapshot in use: nothing to import.",
        ).format(file=result.file_name)
    return QCoreApplication.translate(
        "ScreeningLists", "{file} ({format}, {count} entries): {changes}."
    ).format(
        file=result.file_name,
        format=result.format.value,
        count=f"{result.entries:,}",
        changes=changes_text(result.diff),
    )
