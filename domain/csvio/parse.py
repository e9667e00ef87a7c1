"""Parsing a whole file: every problem found, or the records with their rows."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from domain.csvio.cells import (
    _CONTROL,
    _decode,
    _header_errors,
    _records,
)
from domain.csvio.formats import (
    HEADERS,
    CsvImportError,
    CsvKind,
    ParsedFile,
    RowError,
)
from domain.csvio.kinds import (
    _parse_records,
)
from domain.csvio.orders import (
    _parse_orders,
)

# -- parse ------------------------------------------------------------------------------------


@contextmanager
def paused_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector for a bulk job, restoring its state after.

    Building 10^5 small objects makes the collector run full passes over all of them again
    and again: measured on a 100,000-row orders file, 0.8 s of a 1.2 s parse. The objects
    built here form no reference cycles, so nothing is lost by collecting once, at the end.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse(kind: CsvKind, data: bytes, *, source: str) -> ParsedFile:
    """Read one CSV file of ``kind``; raise ``CsvImportError`` listing every problem found.

    Everything that needs no database is checked: encoding, header, cell counts, each
    cell's form, the rules within a row and keys repeated within the file.
    """
    with paused_collection():
        return _parse(CsvKind(kind), data, source)


def _parse(kind: CsvKind, data: bytes, source: str) -> ParsedFile:
    text = _decode(data, source)
    errors: list[RowError] = []
    columns: list[str] = []
    rows = _records(text, errors, columns)
    header = next(rows, None)
    if header is None:
        errors.append(
            RowError(
                row=1,
                message=f"the file is empty; expected the header {','.join(HEADERS[kind])}",
            )
        )
        raise CsvImportError(source, errors)
    header_row, names = header
    positions, header_problems = _header_errors(kind, names)
    if header_row != 1:
        # Blank lines above the header: rows still count from the top of the file.
        header_problems = [
            problem.model_copy(update={"row": header_row}) for problem in header_problems
        ]
    if header_problems or errors:
        raise CsvImportError(source, [*errors, *header_problems])
    columns[:] = [name.strip().lower() for name in names]
    check_control = _CONTROL.search(text) is not None
    blanks: list[frozenset[str]] = []
    if kind is CsvKind.ORDERS:
        check_breaks = '"' in text or "\t" in text
        records, record_rows, count = _parse_orders(
            rows, positions, len(names), errors, check_control, check_breaks
        )
    else:
        records, record_rows, count, blanks = _parse_records(
            kind, rows, positions, len(names), errors, check_control
        )
    parsed = ParsedFile(
        kind=kind,
        source=source,
        records=tuple(records),
        record_rows=tuple(record_rows),
        rows=count,
        blank_fields=tuple(blanks),
    )
    if errors:
        errors.sort(key=lambda error: error.row)
        raise CsvImportError(source, errors, partial=parsed)
    return parsed
