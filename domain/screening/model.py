"""Restricted-party list snapshots as values (rules.md section 9, "Lists").

An entry is one published list entry: its identity (the CSL's ``_id``, or for the simple CSV a
hash of source and name), the list it comes from, its names and what the list says about it.
A snapshot is every entry of one imported file, with the warnings the import raised; its
content hash does not depend on the order of the rows. Nothing here reads a file or a clock.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime
from enum import StrEnum
from functools import cached_property

from pydantic import Field

from domain.audit import canonical_json
from domain.frozen import Frozen, Strict


class ListKind(StrEnum):
    """The lists an order's outcome depends on (rules.md section 9, "Effect on an order")."""

    ENTITY_LIST = "entity_list"
    DENIED_PERSONS = "denied_persons"
    SDN = "sdn"
    UNVERIFIED = "unverified"
    MILITARY_END_USER = "military_end_user"
    OTHER = "other"


_KIND_BY_ABBREVIATION = {
    "EL": ListKind.ENTITY_LIST,
    "DPL": ListKind.DENIED_PERSONS,
    "SDN": ListKind.SDN,
    "UVL": ListKind.UNVERIFIED,
    "MEU": ListKind.MILITARY_END_USER,
}
_KIND_BY_TITLE = (
    ("entity list", ListKind.ENTITY_LIST),
    ("denied persons", ListKind.DENIED_PERSONS),
    ("specially designated nationals", ListKind.SDN),
    ("unverified list", ListKind.UNVERIFIED),
    ("military end user", ListKind.MILITARY_END_USER),
)
_ABBREVIATION = re.compile(r"\(([A-Z]{2,5})\)")


def list_kind(source: str) -> ListKind:
    """The kind of list a published source string names.

    The CSL names its sources "Entity List (EL) - Bureau of Industry and Security" and so on:
    the abbreviation in brackets decides, else the title. Every other source (SSI, FSE, PLC,
    ISN, DTC, CAP, CMIC, a company's own list, the Military-Intelligence End Users) is
    ``other``.
    """
    found = _ABBREVIATION.search(source)
    if found is not None and found.group(1) in _KIND_BY_ABBREVIATION:
        return _KIND_BY_ABBREVIATION[found.group(1)]
    if found is not None:
        return ListKind.OTHER
    folded = source.casefold()
    for title, kind in _KIND_BY_TITLE:
        if folded.startswith(title):
            return kind
    return ListKind.OTHER


class ListFormat(StrEnum):
    CSL_CSV = "csl-csv"
    CSL_JSON = "csl-json"
    EXTRA_CSV = "extra-csv"


def _fold_name(name: str) -> str:
    return " ".join(name.split()).casefold()


class ListEntry(Strict):
    """One entry of a restricted-party list, as published (cleaned of known defects)."""

    entry_id: str = Field(min_length=1, max_length=200)
    source: str = Field(min_length=1, max_length=200)
    """The list's name as published ("Entity List (EL) - Bureau of Industry and Security")."""
    kind: ListKind
    name: str = Field(min_length=1)
    """The name as published, bundled parts and all."""
    name_parts: tuple[str, ...] = ()
    """Names split out of a bundled name: the principal and each affiliate or subordinate."""
    alt_names: tuple[str, ...] = ()
    entity_type: str = ""
    """"Entity", "Individual", "Vessel", ... where the list says."""
    countries: tuple[str, ...] = ()
    """ISO 3166-1 alpha-2 codes from the addresses, country, citizenships and nationalities."""
    addresses: tuple[str, ...] = ()
    license_requirement: str = ""
    license_policy: str = ""
    federal_register_notice: str = ""
    start_date: str = ""
    """As published (ISO 8601 on the CSL; kept as text so an odd date loses nothing)."""
    programs: tuple[str, ...] = ()
    remarks: str = ""
    source_url: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        """Every searchable name: the published name, its parts, the aliases; each once
        (case and spacing ignored), in that order."""
        seen: set[str] = set()
        names: list[str] = []
        for name in (self.name, *self.name_parts, *self.alt_names):
            key = _fold_name(name)
            if key and key not in seen:
                seen.add(key)
                names.append(name)
        return tuple(names)

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 over every field: the same content always gives the same hash."""
        text = canonical_json(self.model_dump(mode="json"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ListWarningCode(StrEnum):
    JOINED_WITH_AND = "joined_with_and"
    """A multi-valued cell joined its last value with "; and": the "and" was dropped."""
    BUNDLED_NAME = "bundled_name"
    """A name bundling a principal with an affiliate or subordinate: each part is searchable."""
    REPAIRED_TEXT = "repaired_text"
    """Garbled characters (UTF-8 read as Latin-1) were repaired."""
    GARBLED_TEXT = "garbled_text"
    """Garbled characters that cannot be repaired without guessing (kept as published)."""
    DUPLICATE_ID = "duplicate_id"
    EMPTY_NAME = "empty_name"
    MISSING_ID = "missing_id"
    UNKNOWN_COUNTRY = "unknown_country"
    SOURCE_VANISHED = "source_vanished"
    SOURCE_SHRANK = "source_shrank"


class ListWarning(Frozen):
    """Something the import noticed and handled; nothing is lost without one."""

    code: ListWarningCode
    message: str
    row: int | None = None
    """The row (header = 1) or, in the JSON form, the position in ``results`` (first = 1)."""
    entry_id: str | None = None


class Snapshot(Frozen):
    """Every entry of one imported list file, and the warnings raised reading it."""

    format: ListFormat
    entries: tuple[ListEntry, ...]
    warnings: tuple[ListWarning, ...] = ()
    sources_used: tuple[str, ...] = ()
    """Sources the file says it covers (the JSON form's ``sources_used``), even when empty."""

    @cached_property
    def counts(self) -> dict[str, int]:
        """Entries per source, sources in name order (a listed source with none: 0)."""
        counts = dict.fromkeys(self.sources_used, 0)
        for entry in self.entries:
            counts[entry.source] = counts.get(entry.source, 0) + 1
        return dict(sorted(counts.items()))

    @cached_property
    def entry_hashes(self) -> dict[str, str]:
        return {entry.entry_id: entry.content_hash for entry in self.entries}

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 over the entries' ids and hashes in id order: row order does not matter."""
        return snapshot_hash(self.entry_hashes)


def snapshot_hash(entry_hashes: dict[str, str]) -> str:
    """The content hash of a snapshot from its entries' ids and content hashes."""
    digest = hashlib.sha256()
    for entry_id in sorted(entry_hashes):
        digest.update(f"{entry_id}\t{entry_hashes[entry_id]}\n".encode())
    return digest.hexdigest()


class SourceChange(Frozen):
    """A source that vanished or shrank by more than the threshold since the last snapshot."""

    source: str
    before: int
    after: int

    @property
    def shrink_percent(self) -> float:
        return 100.0 * (self.before - self.after) / self.before if self.before else 0.0


class SnapshotDiff(Frozen):
    """What changed from the previous snapshot (everything is added for the first one)."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    counts_before: dict[str, int] = Field(default_factory=dict)
    counts_after: dict[str, int] = Field(default_factory=dict)
    vanished: tuple[SourceChange, ...] = ()
    shrunk: tuple[SourceChange, ...] = ()
    shrink_percent: float
    """The threshold applied (ruleset ``[screening] source_shrink_warning_percent``)."""

    @property
    def needs_confirmation(self) -> bool:
        """A source vanished or shrank past the threshold: the officer should look first."""
        return bool(self.vanished or self.shrunk)

    @property
    def warnings(self) -> tuple[ListWarning, ...]:
        vanished = tuple(
            ListWarning(
                code=ListWarningCode.SOURCE_VANISHED,
                message=f"source {change.source!r} vanished: {change.before} entries before, "
                "none now; the publisher may have dropped it from this file",
            )
            for change in self.vanished
        )
        shrunk = tuple(
            ListWarning(
                code=ListWarningCode.SOURCE_SHRANK,
                message=f"source {change.source!r} shrank by {change.shrink_percent:.1f} % "
                f"({change.before} to {change.after} entries; warned above "
                f"{self.shrink_percent:g} %)",
            )
            for change in self.shrunk
        )
        return vanished + shrunk


class SnapshotRecord(Frozen):
    """A snapshot as stored: when and by whom it was imported, from which file."""

    id: int
    imported_at: datetime
    imported_by: str
    file_name: str
    format: ListFormat
    content_hash: str
    counts: dict[str, int]
    warnings: tuple[ListWarning, ...] = ()
    diff: SnapshotDiff

    @property
    def entries(self) -> int:
        return sum(self.counts.values())
