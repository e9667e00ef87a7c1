"""Reading CSV text into rows and converting each cell to a domain value, with an error that
says what was expected."""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from difflib import get_close_matches
from enum import StrEnum
from typing import Final, Generic, TypeVar

from pydantic import ValidationError

from domain.countries import resolve_country
from domain.csvio.formats import (
    HEADERS,
    MAX_CELL,
    MAX_NAME,
    MAX_REF,
    MAX_TEXT,
    OPTIONAL_COLUMNS,
    CsvImportError,
    CsvKind,
    RowError,
    _shown,
    columns_of,
)
from domain.errors import UnknownCountryError
from domain.model import (
    REF_RULE,
    RefError,
    check_ref,
    error_message,
)
from domain.numbers import exact

# -- reading ----------------------------------------------------------------------------------


class _CellError(Exception):
    """A cell that does not convert; the message says what was expected."""


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_WHOLE = re.compile(r"[0-9]{1,15}")
_BREAK = re.compile(r"[\r\n\t]")


def _decode(data: bytes, source: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        row = data.count(b"\n", 0, exc.start) + 1
        message = (
            f"not UTF-8: byte 0x{data[exc.start]:02X} at offset {exc.start} cannot be decoded; "
            "save the file as UTF-8 (Excel: 'CSV UTF-8')"
        )
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            message = "the file is UTF-16, not UTF-8; save it as UTF-8 (Excel: 'CSV UTF-8')"
            row = 1
        raise CsvImportError(source, [RowError(row=row, message=message)]) from None


def _records(
    text: str, errors: list[RowError], columns: list[str]
) -> Iterator[tuple[int, list[str]]]:
    """Each non-blank record with the row it starts on; CSV syntax errors go to ``errors``.

    ``columns`` is filled in by the caller once the header is read, so an over-long cell
    can be named.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    last = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            start, last = last + 1, reader.line_num
            errors.append(_syntax_error(start, str(exc), text, last, columns))
            continue
        start, last = last + 1, reader.line_num
        if "".join(cells).strip():
            yield start, cells


def _line(text: str, number: int) -> str:
    """Physical line ``number`` (1-based) of ``text``, as the csv reader counted it."""
    for index, line in enumerate(io.StringIO(text, newline=""), start=1):
        if index == number:
            return line
    return ""


def _cells_without_limit(line: str) -> list[str]:
    previous = csv.field_size_limit()
    try:
        csv.field_size_limit(max(previous, len(line) + 1))
        return next(csv.reader([line]), [])
    except csv.Error:
        return line.split(",")
    finally:
        csv.field_size_limit(previous)


def _syntax_error(
    row: int, problem: str, text: str, line_number: int, columns: list[str]
) -> RowError:
    if "field larger than field limit" in problem:
        # The csv module stopped at its own limit; read the line again without one (quotes
        # respected) to point at the cell that is too long.
        pieces = _cells_without_limit(_line(text, line_number)) or [""]
        index = max(range(len(pieces)), key=lambda i: len(pieces[i]))
        field = columns[index] if index < len(columns) else None
        return RowError(
            row=row,
            field=field,
            value=pieces[index],
            message=f"a cell longer than {MAX_CELL:,} characters",
        )
    return RowError(
        row=row,
        message=f"not valid CSV ({problem}); a value with a comma, quote or line break "
        'must be in double quotes, with quotes inside doubled ("")',
    )


def _header_errors(kind: CsvKind, names: list[str]) -> tuple[dict[str, int], list[RowError]]:
    """Map each expected column to its position; or say what is wrong with the header."""
    expected = columns_of(kind)
    optional = OPTIONAL_COLUMNS.get(kind, ())
    hint = f"expected the header {','.join(HEADERS[kind])}"
    if optional:
        hint += f" (optionally also {','.join(optional)})"
    positions: dict[str, int] = {}
    errors: list[RowError] = []
    for index, raw in enumerate(names):
        name = raw.strip().lower()
        if not name:
            errors.append(
                RowError(row=1, message=f"column {index + 1} of the header has no name; {hint}")
            )
        elif name in positions:
            errors.append(
                RowError(
                    row=1, field=name, message=f"column '{_shown(name)}' appears twice; {hint}"
                )
            )
        elif name not in expected:
            guess = get_close_matches(name, expected, n=1)
            did_you_mean = f" (did you mean {guess[0]!r}?)" if guess else ""
            errors.append(
                RowError(
                    row=1,
                    field=raw.strip(),
                    message=f"unknown column '{_shown(raw.strip())}'{did_you_mean}; {hint}",
                )
            )
        else:
            positions[name] = index
    errors += [
        RowError(row=1, field=name, message=f"missing column {name!r}; {hint}")
        for name in HEADERS[kind]
        if name not in positions
    ]
    return positions, errors


# -- converting cells -------------------------------------------------------------------------

_DEFAULT: Final = object()
"""A converter's answer for an empty cell whose field takes the model's default."""

_Converter = Callable[[str], object]


def _required(what: str) -> _CellError:
    return _CellError(f"a value is required: expected {what}")


def _ref_check(text: str) -> str:
    """The reference in its usual form (NFKC); refused with what is wrong, a character that
    cannot be seen named (``check_ref``)."""
    if len(text) > MAX_REF:
        raise _CellError(f"expected a reference of at most {MAX_REF} characters")
    if _BREAK.search(text):
        raise _CellError("expected a reference on one line, without tabs")
    try:
        usual = check_ref(text)
    except RefError as error:
        if error.problem == REF_RULE:
            raise _CellError(f"expected {REF_RULE}") from None
        raise _CellError(f"expected a reference; {error.problem}") from None
    if len(usual) > MAX_REF:
        raise _CellError(f"expected a reference of at most {MAX_REF} characters")
    return usual


_V = TypeVar("_V")


def _needed(parse: Callable[[str], _V], what: str) -> Callable[[str], _V]:
    """``parse`` for a cell that must be filled in with ``what``."""

    def convert(text: str) -> _V:
        if not text:
            raise _required(what)
        return parse(text)

    return convert


def _optional(parse: Callable[[str], _V]) -> Callable[[str], _V | None]:
    """``parse`` for a cell that may be left empty (None)."""
    return lambda text: parse(text) if text else None


_ref: Final = _needed(_ref_check, "a reference")
_optional_ref: Final = _optional(_ref_check)


def _serial(text: str) -> object:
    """A serial number as printed on the unit's label: one word of at most 100 characters."""
    if not text:
        raise _required("the unit's serial number")
    if len(text) > 100 or any(char.isspace() for char in text):
        raise _CellError("expected a serial number: one word of at most 100 characters")
    return text


def _text(limit: int, *, optional: bool = False) -> _Converter:
    def convert(text: str) -> object:
        if not text:
            if optional:
                return None
            return _DEFAULT
        if len(text) > limit:
            raise _CellError(f"expected at most {limit:,} characters, got {len(text):,}")
        return text

    return convert


def _name(text: str) -> object:
    if not text:
        raise _required("a name")
    if len(text) > MAX_NAME:
        raise _CellError(f"expected at most {MAX_NAME} characters, got {len(text):,}")
    return text


def _names(limit_each: int) -> _Converter:
    """Aliases: names separated by ``;``."""

    def convert(text: str) -> object:
        if not text:
            return _DEFAULT
        if len(text) > MAX_TEXT:
            raise _CellError(f"expected at most {MAX_TEXT:,} characters, got {len(text):,}")
        items = tuple(item.strip() for item in text.split(";") if item.strip())
        for item in items:
            if len(item) > limit_each:
                raise _CellError(f"expected names of at most {limit_each} characters each")
        return items

    return convert


class _Remembered(Generic[_V]):
    """A cell parser that remembers its answers, and why it refused a text (a file repeats a
    few countries and a few hundred dates)."""

    def __init__(self, parse: Callable[[str], _V], refusal: type[Exception]) -> None:
        self._parse = parse
        self._refusal = refusal
        self._known: dict[str, _V | _Refused] = {}

    def __call__(self, text: str) -> _V:
        found = self._known.get(text)
        if found is None:
            try:
                found = self._parse(text)
            except self._refusal as exc:
                found = _Refused(str(exc))
            self._known[text] = found
        if isinstance(found, _Refused):
            raise _CellError(found.message)
        return found


@dataclass(frozen=True, slots=True)
class _Refused:
    message: str


class _Countries:
    """Resolves country cells, remembering answers."""

    def __init__(self) -> None:
        self.country = _Remembered(resolve_country, UnknownCountryError)
        alpha2 = _needed(self.country, "a country (ISO 3166-1 code or name)")
        self.required: _Converter = lambda text: alpha2(text).alpha2
        self.optional: _Converter = lambda text: self.country(text).alpha2 if text else None


_E = TypeVar("_E", bound=StrEnum)


def _choice(enum: type[_E], *, default: bool) -> _Converter:
    values = {member.value.lower(): member for member in enum}
    listed = ", ".join(member.value for member in enum)

    def convert(text: str) -> object:
        if not text:
            if default:
                return _DEFAULT
            raise _required(f"one of {listed}")
        found = values.get(text.lower())
        if found is None:
            raise _CellError(f"expected one of {listed}")
        return found

    return convert


def _boolean(text: str) -> object:
    if not text:
        return _DEFAULT
    lowered = text.lower()
    if lowered == "true":
        return True
    if lowered == "false":
        return False
    raise _CellError("expected true or false")


def _parse_date(text: str) -> date:
    if not _DATE.fullmatch(text):
        raise _CellError("expected a date YYYY-MM-DD")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _CellError("expected a date YYYY-MM-DD that exists on the calendar") from None


_date: Final = _needed(_parse_date, "a date YYYY-MM-DD")
_optional_date: Final = _optional(_parse_date)


def _number(*, positive: bool = False, optional: bool = False, figure: bool = False) -> _Converter:
    """A number cell; ``figure``: a TPP figure, read as an exact decimal (domain.numbers)."""
    expected = "a number > 0" if positive else "a number ≥ 0"

    def convert(text: str) -> object:
        if not text:
            if optional:
                return None
            return _DEFAULT
        if not _NUMBER.fullmatch(text):
            raise _CellError(f"expected {expected} (digits, '.', optional exponent: 1.5e26)")
        value = float(text)
        if not math.isfinite(value):
            raise _CellError(f"expected {expected} that is finite")
        if value < 0 or (positive and value == 0):
            raise _CellError(f"expected {expected}")
        return exact(text) if figure else value

    return convert


def _whole(low: int, high: int, *, default: bool) -> _Converter:
    expected = f"a whole number from {low} to {high}"

    def convert(text: str) -> object:
        if not text:
            if default:
                return _DEFAULT
            raise _required(expected)
        if not _WHOLE.fullmatch(text) or not low <= int(text) <= high:
            raise _CellError(f"expected {expected}")
        return int(text)

    return convert


def _validation_errors(
    exc: ValidationError, row: int, cells: Mapping[str, str], columns: Sequence[str]
) -> list[RowError]:
    """pydantic's errors as row errors, with model fields mapped to the CSV's columns."""
    found = []
    for detail in exc.errors(include_url=False):
        message = error_message(detail)
        location = detail["loc"]
        field: str | None = None
        if location:
            name = str(location[0])
            field = {"signers": "signer"}.get(name, name)
        else:
            field = _mentioned_column(message, columns)
        if field not in columns:
            field = None
        value = cells.get(field) if field is not None else None
        found.append(RowError(row=row, field=field, value=value or None, message=message))
    return found


def _mentioned_column(message: str, columns: Sequence[str]) -> str | None:
    """For a rule across fields, the column its message names, to point the officer at.

    Column names written as identifiers (``veu_country``) win over plain words ("country",
    "TPP"); among those, the last one named, as messages say "X needs Y" or "X without Y".
    """
    best: tuple[bool, int, str] | None = None
    for column in columns:
        for match in re.finditer(rf"\b{re.escape(column)}\b", message, re.IGNORECASE):
            candidate = ("_" in column, match.start(), column)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    return None if best is None else best[2]
