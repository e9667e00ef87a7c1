"""Building list entries from published cells, repairing the publishers' known defects.

Every defect handled here leaves a ``ListWarning`` naming the row: multi-valued cells whose
last value is joined with "; and", names that bundle a principal with its affiliates or
subordinates, garbled characters (UTF-8 read as Latin-1 or Windows-1252), country codes the
desk does not know, rows without a name or an id.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

from domain.countries import resolve_country
from domain.errors import UnknownCountryError
from domain.screening.model import (
    ListEntry,
    ListWarning,
    ListWarningCode,
    list_kind,
)

Cell = str | Sequence[str] | None
"""A cell as read: text (CSV, "; " between values) or a list of values (JSON)."""

_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_REPLACEMENT = "\ufffd"


def repair_text(text: str) -> tuple[str, ListWarningCode | None]:
    """``text`` with UTF-8-read-as-Latin-1 garbling undone where the round trip is exact.

    Returns the code of the warning to raise: ``REPAIRED_TEXT`` when repaired,
    ``GARBLED_TEXT`` when garbled beyond an unambiguous repair (kept as it is), else None.
    """
    if _MOJIBAKE.search(text) is not None:
        for codec in ("cp1252", "latin-1"):
            try:
                repaired = text.encode(codec).decode("utf-8")
            except UnicodeError:
                continue
            if repaired != text and _MOJIBAKE.search(repaired) is None:
                return repaired, ListWarningCode.REPAIRED_TEXT
        return text, ListWarningCode.GARBLED_TEXT
    if _REPLACEMENT in text:
        return text, ListWarningCode.GARBLED_TEXT
    return text, None


_AND = re.compile(r"^and\b\s*", re.IGNORECASE)


def split_values(cell: Cell) -> tuple[tuple[str, ...], bool]:
    """The values of a multi-valued cell, and whether one was joined with "; and".

    The CSL joins values with "; " and sometimes writes the last as "; and X" (or even
    "; and; X"): the "and" is not part of the value.
    """
    if cell is None:
        return (), False
    items = [cell] if isinstance(cell, str) else list(cell)
    if isinstance(cell, str):
        items = cell.split(";")
    values: list[str] = []
    joined = False
    for item in items:
        value = " ".join(str(item).split())
        if not value:
            continue
        if isinstance(cell, str) and _AND.match(value):
            joined = True
            value = _AND.sub("", value)
            if not value:
                continue
        values.append(value)
    return tuple(values), joined


_SUCCESSOR = re.compile(
    r"[;,]?\s*(?:and\s+)?any\s+successors?,?\s+sub-units?,?\s+or\s+subsidiar(?:y|ies)\s+"
    r"thereof\.?\s*$",
    re.IGNORECASE,
)
_BUNDLE = re.compile(
    r"^(?P<principal>.+?)[.,;]?\s+(?:Subordinate\s+Institution|Affiliated\s+Entity|"
    r"Subsidiary|Affiliate)\s*[-:\u2013\u2014]\s*(?P<part>.+)$"
)


def name_parts(name: str) -> tuple[str, ...]:
    """The names bundled in a published name: the principal and the affiliate or
    subordinate part ("X. Subordinate Institution - Y", "X, Affiliated Entity: Y",
    "X; and any successor, sub-unit, or subsidiary thereof"); () when not bundled."""
    principal = _SUCCESSOR.sub("", name).strip()
    parts: list[str] = []
    found = _BUNDLE.match(principal)
    if found is not None:
        principal = found.group("principal").strip()
        parts.append(found.group("part").strip())
    if principal == name:
        return ()
    return tuple(part for part in (principal, *parts) if part)


@lru_cache(maxsize=1024)
def _alpha2(text: str) -> str | None:
    code = text.strip()
    if len(code) != 2 or not code.isascii() or not code.isalpha() or not code.isupper():
        return None
    try:
        return resolve_country(code).alpha2
    except UnknownCountryError:
        return None


def address_country(address: str) -> str | None:
    """The ISO code closing a CSL address ("Komitas 26/114, Yerevan, Armenia, AM")."""
    return _alpha2(address.rsplit(",", 1)[-1])


def extra_id(source: str, name: str) -> str:
    """An entry's identity in the simple CSV, which has no id column: source and name."""
    return hashlib.sha256(f"{source}\n{name}".encode()).hexdigest()[:40]


class EntryBuilder:
    """Builds entries row by row, collecting the warnings of every row."""

    def __init__(self) -> None:
        self.warnings: list[ListWarning] = []

    def warn(
        self, code: ListWarningCode, message: str, row: int | None, entry_id: str | None = None
    ) -> None:
        self.warnings.append(ListWarning(code=code, message=message, row=row, entry_id=entry_id))

    def text(self, value: Cell, row: int, field: str, entry_id: str | None) -> str:
        if value is None:
            return ""
        if isinstance(value, str):
            text = value
        elif isinstance(value, list | tuple):
            text = "; ".join(str(item) for item in value)
        else:  # a number where the JSON form should have text
            text = str(value)
        text = text.strip()
        return self._repaired(text, row, field, entry_id)

    def _repaired(self, text: str, row: int, field: str, entry_id: str | None) -> str:
        repaired, code = repair_text(text)
        if code is ListWarningCode.REPAIRED_TEXT:
            self.warn(
                code,
                f"{field}: garbled characters repaired ({text!r} read as {repaired!r})",
                row,
                entry_id,
            )
        elif code is ListWarningCode.GARBLED_TEXT:
            self.warn(
                code,
                f"{field}: garbled characters kept as published ({text!r}); no unambiguous repair",
                row,
                entry_id,
            )
        return repaired

    def values(self, cell: Cell, row: int, field: str, entry_id: str | None) -> tuple[str, ...]:
        values, joined = split_values(cell)
        if joined:
            self.warn(
                ListWarningCode.JOINED_WITH_AND,
                f'{field}: the last value was joined with "; and"; the "and" was dropped',
                row,
                entry_id,
            )
        return tuple(self._repaired(value, row, field, entry_id) for value in values)

    def countries(
        self,
        addresses: Iterable[str],
        address_countries: Iterable[str],
        codes: Mapping[str, Cell],
        row: int,
        entry_id: str | None,
    ) -> tuple[str, ...]:
        """ISO codes from the addresses' last part, the address objects' countries and the
        country columns (citizenships, nationalities), each once, in order of appearance."""
        found: dict[str, None] = {}
        for address in addresses:
            code = address_country(address)
            if code is not None:
                found[code] = None
        for field, cell in (("addresses", list(address_countries)), *codes.items()):
            for value in split_values(cell)[0]:
                code = _alpha2(value)
                if code is None:
                    self.warn(
                        ListWarningCode.UNKNOWN_COUNTRY,
                        f"{field}: {value!r} is not an ISO 3166-1 alpha-2 code; kept out of "
                        "the entry's countries",
                        row,
                        entry_id,
                    )
                else:
                    found[code] = None
        return tuple(found)

    def entry(
        self,
        row: int,
        *,
        entry_id: str,
        source: str,
        name: str,
        alt_names: tuple[str, ...],
        **fields: object,
    ) -> ListEntry | None:
        """The entry of one row; None (with a warning) for a row without any name."""
        if not name:
            if not alt_names:
                self.warn(
                    ListWarningCode.EMPTY_NAME,
                    "the entry has no name and no alternative name; left out of the snapshot",
                    row,
                    entry_id,
                )
                return None
            name, alt_names = alt_names[0], alt_names[1:]
            self.warn(
                ListWarningCode.EMPTY_NAME,
                f"the entry has no name; its first alternative name {name!r} stands for it",
                row,
                entry_id,
            )
        parts = name_parts(name)
        if parts:
            self.warn(
                ListWarningCode.BUNDLED_NAME,
                f"name {name!r} bundles several names; each is searchable: "
                + "; ".join(repr(part) for part in parts),
                row,
                entry_id,
            )
        return ListEntry.model_validate(
            {
                "entry_id": entry_id,
                "source": source,
                "kind": list_kind(source),
                "name": name,
                "name_parts": parts,
                "alt_names": alt_names,
                **fields,
            }
        )
