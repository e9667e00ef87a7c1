"""Reading a published list file into a snapshot: the CSL's CSV and JSON forms and the simple
CSV of the lists the CSL leaves out (rules.md section 9, "Lists").

A file that cannot be read as its format (not UTF-8, not CSV or JSON, a required column
missing, a row with the wrong number of cells, invalid JSON, a row without its source) raises
``CsvImportError`` naming the file, the row and the column and what was expected: nothing is
imported. Known defects of real files are repaired and warned about instead (see
``domain.screening.entries``), so no row is ever lost silently.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any, Final

from domain.countries import resolve_country
from domain.csvio import CsvImportError, RowError
from domain.errors import UnknownCountryError
from domain.screening.entries import Cell, EntryBuilder, extra_id
from domain.screening.model import (
    ListEntry,
    ListFormat,
    ListWarningCode,
    Snapshot,
)

CSL_COLUMNS: Final = (
    "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
    "federal_register_notice", "start_date", "end_date", "standard_order",
    "license_requirement", "license_policy", "call_sign", "vessel_type", "gross_tonnage",
    "gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks", "source_list_url",
    "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth",
    "source_information_url", "ids",
)  # fmt: skip
MAX_SOURCE: Final = 200
"""A list's name is stored in a column of this width."""
CSL_REQUIRED: Final = ("_id", "source", "name", "alt_names", "addresses")
EXTRA_COLUMNS: Final = (
    "source", "name", "alt_names", "addresses", "country", "license_requirement",
    "license_policy", "federal_register_notice", "start_date",
)  # fmt: skip


def parse_list(data: bytes, *, source: str, format: ListFormat | None = None) -> Snapshot:
    """Read one list file (``source`` names it in messages); the format is guessed from the
    content when not given. Raises ``CsvImportError`` for a file that cannot be read."""
    text = _decode(data, source)
    chosen = ListFormat(format) if format is not None else _guess(text, source)
    builder = EntryBuilder()
    sources_used: tuple[str, ...] = ()
    if chosen is ListFormat.CSL_JSON:
        entries, sources_used = _json_entries(text, source, builder)
    else:
        entries = _csv_entries(text, source, chosen, builder)
    return Snapshot(
        format=chosen,
        entries=_unique(entries, builder),
        warnings=tuple(builder.warnings),
        sources_used=sources_used,
    )


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        row = data[: error.start].count(b"\n") + 1
        raise CsvImportError(
            source,
            [
                RowError(
                    row=row,
                    message=f"byte {error.start + 1} is not UTF-8 "
                    f"(0x{data[error.start]:02x}); expected a UTF-8 text file "
                    "(the CSL's CSV or JSON, or the simple list CSV)",
                )
            ],
        ) from None


def _guess(text: str, source: str) -> ListFormat:
    start = text.lstrip()
    if start.startswith(("{", "[")):
        return ListFormat.CSL_JSON
    first = next(csv.reader(io.StringIO(start)), [])
    names = {name.strip().lower() for name in first}
    if "_id" in names:
        return ListFormat.CSL_CSV
    if {"source", "name", "country"} <= names:
        return ListFormat.EXTRA_CSV
    raise CsvImportError(
        source,
        [
            RowError(
                row=1,
                message="not a list file this desk reads: expected the CSL's CSV (a header "
                'with _id,source,...,name,...), its JSON ({"results": [...]}) or the simple '
                f"list CSV ({','.join(EXTRA_COLUMNS)})",
            )
        ],
    )


# -- CSV --------------------------------------------------------------------------------------


def _rows(text: str, source: str) -> Iterator[tuple[int, list[str]]]:
    """Each record with the line it starts on (header = 1); blank lines skipped."""
    reader = csv.reader(io.StringIO(text, newline=""))
    line = 1
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                yield line, record
            line = reader.line_num + 1
    except csv.Error as error:
        raise CsvImportError(
            source, [RowError(row=line, message=f"not readable as CSV ({error})")]
        ) from None


def _csv_entries(
    text: str, source: str, chosen: ListFormat, builder: EntryBuilder
) -> list[ListEntry]:
    rows = _rows(text, source)
    header = next(rows, None)
    expected = CSL_COLUMNS if chosen is ListFormat.CSL_CSV else EXTRA_COLUMNS
    required = CSL_REQUIRED if chosen is ListFormat.CSL_CSV else EXTRA_COLUMNS
    if header is None:
        raise CsvImportError(
            source,
            [
                RowError(
                    row=1, message=f"the file is empty; expected the header {','.join(expected)}"
                )
            ],
        )
    header_row, names = header
    positions = {name.strip().lower(): index for index, name in enumerate(names)}
    missing = [column for column in required if column not in positions]
    if missing:
        raise CsvImportError(
            source,
            [
                RowError(
                    row=header_row,
                    field=column,
                    message=f"the header has no {column!r} column; expected the {chosen} "
                    f"header {','.join(expected)}",
                )
                for column in missing
            ],
        )
    errors: list[RowError] = []
    entries: list[ListEntry] = []
    width = len(names)
    for row, cells in rows:
        if len(cells) != width:
            errors.append(
                RowError(
                    row=row,
                    message=f"expected {width} cells (one per header column), got "
                    f"{len(cells)}; a value containing a comma must be in double quotes",
                )
            )
            continue
        values = {column: cells[index] for column, index in positions.items()}
        list_source = _required_source(values, row, errors, builder)
        if list_source is None:
            continue
        if chosen is ListFormat.CSL_CSV:
            entry = _csl_entry(values, list_source, row, builder)
        else:
            entry = _extra_entry(values, list_source, row, errors, builder)
        if entry is not None:
            entries.append(entry)
    if errors:
        raise CsvImportError(source, errors)
    return entries


def _required_source(
    values: Mapping[str, Any], row: int, errors: list[RowError], builder: EntryBuilder
) -> str | None:
    list_source = builder.text(values.get("source"), row, "source", None)
    if not list_source:
        errors.append(
            RowError(
                row=row,
                field="source",
                message="expected the list's name (for example \"Entity List (EL) - Bureau "
                'of Industry and Security")',
            )
        )
        return None
    if len(list_source) > MAX_SOURCE:
        errors.append(
            RowError(
                row=row,
                field="source",
                value=list_source,
                message=f"expected a list name of at most {MAX_SOURCE} characters",
            )
        )
        return None
    return list_source


def _csl_entry(
    values: Mapping[str, Any], list_source: str, row: int, builder: EntryBuilder
) -> ListEntry | None:
    raw_id = values.get("_id")
    if raw_id is None:
        raw_id = values.get("id")
    entry_id = str(raw_id).strip() if raw_id is not None else ""
    name = builder.text(values.get("name"), row, "name", entry_id or None)
    if not entry_id:
        entry_id = extra_id(list_source, name)
        builder.warn(
            ListWarningCode.MISSING_ID,
            f"the entry has no _id; identified by its source and name ({entry_id})",
            row,
            entry_id,
        )
    addresses, address_countries = _addresses(values.get("addresses"), row, entry_id, builder)
    return builder.entry(
        row,
        entry_id=entry_id,
        source=list_source,
        name=name,
        alt_names=builder.values(values.get("alt_names"), row, "alt_names", entry_id),
        entity_type=builder.text(values.get("type"), row, "type", entry_id),
        countries=builder.countries(
            addresses,
            address_countries,
            {
                "citizenships": values.get("citizenships"),
                "nationalities": values.get("nationalities"),
            },
            row,
            entry_id,
        ),
        addresses=addresses,
        license_requirement=builder.text(
            values.get("license_requirement"), row, "license_requirement", entry_id
        ),
        license_policy=builder.text(values.get("license_policy"), row, "license_policy", entry_id),
        federal_register_notice=builder.text(
            values.get("federal_register_notice"), row, "federal_register_notice", entry_id
        ),
        start_date=builder.text(values.get("start_date"), row, "start_date", entry_id),
        programs=builder.values(values.get("programs"), row, "programs", entry_id),
        remarks=builder.text(values.get("remarks"), row, "remarks", entry_id),
        source_url=builder.text(
            values.get("source_list_url") or values.get("source_information_url"),
            row,
            "source_list_url",
            entry_id,
        ),
    )


def _addresses(
    cell: Any, row: int, entry_id: str, builder: EntryBuilder
) -> tuple[tuple[str, ...], list[str]]:
    """Addresses as text, and the countries the JSON form's address objects give."""
    if not isinstance(cell, list):
        return builder.values(cell, row, "addresses", entry_id), []
    texts: list[str] = []
    countries: list[str] = []
    for item in cell:
        if isinstance(item, Mapping):
            parts = [
                str(item.get(key) or "").strip()
                for key in ("address", "city", "state", "postal_code", "country")
            ]
            text = ", ".join(part for part in parts if part)
            country = str(item.get("country") or "").strip()
            if country:
                countries.append(country)
        else:
            text = str(item).strip()
        if text:
            texts.append(builder.text(text, row, "addresses", entry_id))
    return tuple(texts), countries


def _extra_entry(
    values: Mapping[str, Any],
    list_source: str,
    row: int,
    errors: list[RowError],
    builder: EntryBuilder,
) -> ListEntry | None:
    name = builder.text(values["name"], row, "name", None)
    entry_id = extra_id(list_source, name)
    countries: dict[str, None] = {}
    for text in builder.values(values["country"], row, "country", entry_id):
        try:
            countries[resolve_country(text).alpha2] = None
        except UnknownCountryError as error:
            errors.append(RowError(row=row, field="country", value=text, message=str(error)))
    start = values["start_date"].strip()
    if start:
        try:
            date.fromisoformat(start)
        except ValueError:
            errors.append(
                RowError(row=row, field="start_date", value=start, message="expected YYYY-MM-DD")
            )
    addresses = builder.values(values["addresses"], row, "addresses", entry_id)
    return builder.entry(
        row,
        entry_id=entry_id,
        source=list_source,
        name=name,
        alt_names=builder.values(values["alt_names"], row, "alt_names", entry_id),
        countries=builder.countries(addresses, countries, {}, row, entry_id),
        addresses=addresses,
        license_requirement=builder.text(
            values["license_requirement"], row, "license_requirement", entry_id
        ),
        license_policy=builder.text(values["license_policy"], row, "license_policy", entry_id),
        federal_register_notice=builder.text(
            values["federal_register_notice"], row, "federal_register_notice", entry_id
        ),
        start_date=start,
    )


# -- JSON -------------------------------------------------------------------------------------


def _json_entries(
    text: str, source: str, builder: EntryBuilder
) -> tuple[list[ListEntry], tuple[str, ...]]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise CsvImportError(
            source,
            [
                RowError(
                    row=error.lineno,
                    message=f"invalid JSON at line {error.lineno}, column {error.colno} "
                    f'({error.msg}); expected the CSL JSON form {{"results": [...]}}',
                )
            ],
        ) from None
    results = document.get("results") if isinstance(document, dict) else None
    if not isinstance(results, list):
        raise CsvImportError(
            source,
            [
                RowError(
                    row=1,
                    field="results",
                    message='expected a JSON object with a "results" list of entries',
                )
            ],
        )
    used = document.get("sources_used") or []
    sources_used = tuple(
        str(item.get("source") if isinstance(item, Mapping) else item).strip()
        for item in used
        if (item.get("source") if isinstance(item, Mapping) else item)
    )
    errors: list[RowError] = []
    entries: list[ListEntry] = []
    for position, result in enumerate(results, start=1):
        if not isinstance(result, Mapping):
            errors.append(RowError(row=position, message="expected an object (one list entry)"))
            continue
        bad = [
            key
            for key, value in result.items()
            if value is not None
            and not isinstance(value, str | int | float | list)
            and key not in ("addresses", "ids")
        ]
        if bad:
            errors.append(
                RowError(
                    row=position,
                    field=bad[0],
                    message="expected text or a list of text",
                )
            )
            continue
        list_source = _required_source(result, position, errors, builder)
        entry = None if list_source is None else _csl_entry(result, list_source, position, builder)
        if entry is not None:
            entries.append(entry)
    if errors:
        raise CsvImportError(source, errors)
    return entries, sources_used


# -- identity ---------------------------------------------------------------------------------


def _unique(entries: list[ListEntry], builder: EntryBuilder) -> tuple[ListEntry, ...]:
    """One entry per id. Rows repeating an entry exactly are kept once; rows sharing an id
    with different content each keep their content under the id and a hash of it, so that
    neither is lost and the result does not depend on the order of the rows."""
    by_id: dict[str, list[ListEntry]] = {}
    for entry in entries:
        by_id.setdefault(entry.entry_id, []).append(entry)
    unique: list[ListEntry] = []
    for entry_id, group in by_id.items():
        if len(group) == 1:
            unique.append(group[0])
            continue
        contents = {entry.content_hash: entry for entry in group}
        if len(contents) == 1:
            builder.warn(
                ListWarningCode.DUPLICATE_ID,
                f"id {entry_id} appears on {len(group)} rows with the same content; kept once",
                None,
                entry_id,
            )
            unique.append(group[0])
            continue
        builder.warn(
            ListWarningCode.DUPLICATE_ID,
            f"id {entry_id} appears on {len(group)} rows with {len(contents)} different "
            "contents; each is kept under the id and its content hash",
            None,
            entry_id,
        )
        for content_hash, entry in sorted(contents.items()):
            unique.append(entry.model_copy(update={"entry_id": f"{entry_id}~{content_hash[:8]}"}))
    return tuple(unique)


__all__ = ["CSL_COLUMNS", "EXTRA_COLUMNS", "Cell", "parse_list"]
