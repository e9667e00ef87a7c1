"""What a write changed, so that each screen reloads only what it shows.

Every write of the window goes through ``DeskContext.write`` (off the UI thread, one at a
time, in the order asked); when it succeeds, ``DeskEvents.changed`` announces a ``Changes``:
the kinds of record written and, where known, their refs. A page says which kinds it shows
(``Page.shows``) and reloads only when a change touches one of them; a page that is hidden
reloads when next shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Record(StrEnum):
    """The kinds of record a write can change."""

    ORDERS = "orders"
    """Orders: added, cancelled, their red-flag answers."""
    DECISIONS = "decisions"
    """Decisions recorded, with what they consumed of the quotas."""
    PARTIES = "parties"
    PRODUCTS = "products"
    PAPERWORK = "paperwork"
    """Certifications, licences, VEU footprints, country settings, checklists."""
    DOCUMENTS = "documents"
    """Generated statements and the signed copies that came back."""
    SETTINGS = "settings"
    """The letterhead and the officer's settings."""
    SCREENING = "screening"
    """List snapshots, party screenings, dispositions and the screening settings."""


@dataclass(frozen=True)
class Changes:
    """Kinds of record a write changed, and (when known) the refs it changed."""

    records: frozenset[Record]
    refs: frozenset[str] = field(default_factory=frozenset)
    """Refs of the records written; empty when the write touched many or did not say."""

    @classmethod
    def of(cls, *records: Record, refs: Iterable[str] = ()) -> Changes:
        return cls(frozenset(records), frozenset(refs))

    @classmethod
    def everything(cls) -> Changes:
        """Another database, the demonstration data: every screen reloads."""
        return cls(frozenset(Record))

    def touches(self, shown: Iterable[Record]) -> bool:
        return not self.records.isdisjoint(shown)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.records | other.records, self.refs | other.refs)

    def __str__(self) -> str:
        kinds = ", ".join(sorted(self.records))
        return f"{kinds} ({', '.join(sorted(self.refs))})" if self.refs else kinds


NOTHING = Changes(frozenset())
