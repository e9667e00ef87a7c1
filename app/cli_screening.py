"""Commands for restricted-party screening (cli.md, "Screening"): ``lists import`` takes a
snapshot of a published list file, ``lists`` shows the snapshots."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli_support import EXIT_BAD_INPUT, EXIT_OK, Run, emit_json
from domain.csvio import CsvImportError
from domain.errors import DomainError
from domain.screening.model import ListFormat, SnapshotRecord
from domain.services.screening import rescreen_after_import
from domain.services.screening_lists import ListImportResult, import_list, list_snapshots

Handler = Callable[[Run], int]


def add_screening_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    lists = commands.add_parser(
        "lists",
        parents=[common],
        help="restricted-party list snapshots (no action: list them)",
        description="The restricted-party list snapshots, newest (the one in use) first.",
    )
    actions = lists.add_subparsers(dest="lists_command", metavar="ACTION")
    importer = actions.add_parser(
        "import",
        parents=[common],
        help="import a list file as a new snapshot",
        description=(
            "Take a snapshot of a Consolidated Screening List file (CSV or JSON) or of the "
            "simple list CSV; the format is guessed from the file when not given."
        ),
    )
    importer.add_argument("file", type=Path, metavar="FILE")
    importer.add_argument(
        "--format", choices=[item.value for item in ListFormat], help="the file's format"
    )
    importer.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    importer.add_argument(
        "--yes",
        action="store_true",
        help="take the snapshot without a warning on stderr when a source vanished or shrank",
    )


def _snapshot_json(record: SnapshotRecord) -> dict[str, object]:
    return {
        "snapshot": str(record.id),
        "imported_at": record.imported_at.isoformat(),
        "imported_by": record.imported_by,
        "file": record.file_name,
        "format": record.format.value,
        "entries": record.entries,
        "sha256": record.content_hash,
        "sources": record.counts,
        "added": len(record.diff.added),
        "removed": len(record.diff.removed),
        "changed": len(record.diff.changed),
        "needs_confirmation": record.diff.needs_confirmation,
        "warnings": [warning.model_dump(mode="json") for warning in record.warnings],
    }


def _result_json(result: ListImportResult) -> dict[str, object]:
    return {
        "snapshot": None if result.snapshot is None else str(result.snapshot.id),
        "file": result.file_name,
        "format": result.format.value,
        "entries": result.entries,
        "sha256": result.content_hash,
        "sources": result.counts,
        "added": len(result.diff.added),
        "removed": len(result.diff.removed),
        "changed": len(result.diff.changed),
        "needs_confirmation": result.needs_confirmation,
        "already_imported": result.already_imported,
        "dry_run": result.dry_run,
        "warnings": [warning.model_dump(mode="json") for warning in result.warnings],
    }


def _cmd_lists(run: Run) -> int:
    if run.args.lists_command == "import":
        return _cmd_lists_import(run)
    summaries = list_snapshots(run.db(reading=True))
    if run.json:
        emit_json(
            {
                "in_use": next((str(item.snapshot.id) for item in summaries if item.in_use), None),
                "snapshots": [_snapshot_json(item.snapshot) for item in summaries],
            },
            run.out,
        )
        return EXIT_OK
    if not summaries:
        run.out.write("no list snapshots yet: import one with `diffusion-desk lists import FILE`\n")
        return EXIT_OK
    for item in summaries:
        record = item.snapshot
        run.out.write(
            f"snapshot {record.id}{' (in use)' if item.in_use else ''}  "
            f"{record.imported_at.isoformat(timespec='seconds')}  {record.file_name}  "
            f"sha256 {record.content_hash[:16]}…\n"
            f"  {record.entries} entries: +{len(record.diff.added)} "
            f"-{len(record.diff.removed)} ~{len(record.diff.changed)} from the previous; "
            f"{len(record.warnings)} warnings\n"
        )
        for source, count in record.counts.items():
            run.out.write(f"    {count:>6}  {source}\n")
    return EXIT_OK


def _cmd_lists_import(run: Run) -> int:
    path: Path = run.args.file
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DomainError(f"{path}: cannot read the file ({error.strerror})") from error
    try:
        result = import_list(
            run.db(reading=run.args.dry_run),
            data,
            file_name=path.name,
            actor=run.actor,
            format=ListFormat(run.args.format) if run.args.format else None,
            dry_run=run.args.dry_run,
            catalog=run.catalog,
        )
    except CsvImportError as error:
        run.err.write(f"diffusion-desk: error: {error}\nNothing was imported.\n")
        return EXIT_BAD_INPUT
    if result.needs_confirmation and not run.args.yes:
        # Non-interactive: the snapshot is taken, but the officer must see why to look at it.
        for warning in result.diff.warnings:
            run.err.write(f"diffusion-desk: warning: {warning.message}\n")
    rescreened = None
    if result.snapshot is not None and not result.dry_run and not result.already_imported:
        rescreened = rescreen_after_import(run.db(), actor=run.actor)
    if run.json:
        document = _result_json(result)
        document["rescreened"] = (
            None
            if rescreened is None
            else {
                "parties": rescreened.parties,
                "screened": rescreened.screened,
                "carried": rescreened.carried,
                "with_matches": rescreened.with_matches,
            }
        )
        emit_json(document, run.out)
        return EXIT_OK
    if result.already_imported:
        assert result.snapshot is not None
        run.out.write(
            f"{path.name}: already imported as snapshot {result.snapshot.id} (the one in use); "
            "nothing written\n"
        )
        return EXIT_OK
    verb = "would take" if result.dry_run else "took"
    where = "" if result.snapshot is None else f" {result.snapshot.id}"
    run.out.write(
        f"{path.name}: {verb} snapshot{where} of {result.entries} entries ({result.format}): "
        f"+{len(result.diff.added)} -{len(result.diff.removed)} ~{len(result.diff.changed)} "
        f"from the previous; {len(result.warnings)} warnings"
        f"{' - dry run, nothing written' if result.dry_run else ''}\n"
    )
    for source, count in result.counts.items():
        run.out.write(f"    {count:>6}  {source}\n")
    if rescreened is not None:
        run.out.write(
            f"re-screened {rescreened.parties} parties: {rescreened.screened} in full, "
            f"{rescreened.carried} unaffected by the changes; {rescreened.with_matches} with "
            "potential matches\n"
        )
    return EXIT_OK


SCREENING_HANDLERS: dict[str, Handler] = {"lists": _cmd_lists}
