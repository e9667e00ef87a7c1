"""Serials found on site, read from a file (rules.md section 10, "On site"): one serial a line,
a CSV with a ``serial`` column, or what ``nvidia-smi --query-gpu=index,name,serial,uuid
--format=csv`` prints (its header ``index, name, serial, uuid``; a unit whose serial the
driver cannot read shows ``[N/A]`` and is reported, not taken as a serial).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from domain.errors import DomainError

MAX_SERIAL = 100
_UNREADABLE = frozenset({"[N/A]", "[NOT SUPPORTED]", "N/A", "[UNKNOWN ERROR]"})


class ScanFileError(DomainError):
    """A file of serials that cannot be read; the message names the file, row and field."""


@dataclass(frozen=True, slots=True)
class ScanFile:
    """The serials of a file, in the file's order, and what was odd about it."""

    serials: tuple[str, ...]
    format: str
    """``list``, ``csv`` or ``nvidia-smi``."""
    notes: tuple[str, ...] = field(default=())


def _text(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ScanFileError(
            f"{source}: not UTF-8 text (byte {error.start + 1}); expected a list of serial "
            "numbers, a CSV with a 'serial' column, or nvidia-smi's CSV"
        ) from None


def _check(serial: str, source: str, row: int, column: str | None) -> str:
    where = f"{source}, row {row}" + (f", field {column}" if column else "")
    if len(serial) > MAX_SERIAL or any(char.isspace() for char in serial):
        raise ScanFileError(
            f"{where}: expected a serial number (one word of at most {MAX_SERIAL} characters), "
            f"got {serial[:60]!r}"
        )
    return serial


def read_serials(data: bytes, source: str) -> ScanFile:
    """The serials in ``data`` (see the module docstring); blank lines are skipped."""
    text = _text(data, source)
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    header = [cell.strip().lower() for cell in first.split(",")]
    if "serial" not in header:
        listed = tuple(
            _check(line.strip(), source, number, None)
            for number, line in enumerate(lines, start=1)
            if line.strip()
        )
        return ScanFile(listed, "list")
    nvidia = header[:1] == ["index"] and "uuid" in header
    reader = csv.reader(io.StringIO(text), skipinitialspace=True)
    rows = list(reader)
    start = next(index for index, row in enumerate(rows) if any(cell.strip() for cell in row))
    names = [cell.strip().lower() for cell in rows[start]]
    column = names.index("serial")
    serials: list[str] = []
    notes: list[str] = []
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= column:
            raise ScanFileError(
                f"{source}, row {number}: expected {len(names)} cells (the header's columns), "
                f"got {len(row)}"
            )
        serial = row[column].strip()
        if not serial or serial.upper() in _UNREADABLE:
            what = ", ".join(cell.strip() for cell in row if cell.strip())
            notes.append(f"{source}, row {number}: no readable serial ({what})")
            continue
        serials.append(_check(serial, source, number, "serial"))
    return ScanFile(tuple(serials), "nvidia-smi" if nvidia else "csv", tuple(notes))
