"""What screening found about a party, and what the officer decided (rules.md section 9).

A party's screening names the snapshot it used and holds its potential matches: which of the
party's names (legal name, alias, ultimate parent, owner) met which name of which list entry,
with the score and its explanation. The officer decides each match; a disposition belongs to
the entry's content as it was (``entry_hash``), so a later snapshot that changes the entry
reopens it. ``match_state`` is the one place that says where a match stands.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from pydantic import Field

from domain.frozen import Strict
from domain.labelled import Labelled
from domain.screening.model import ListKind

SECOND_APPROVAL_FROM_SCORE = 0.95
"""Clearing a match scored at this or more needs a second officer, when the desk's setting
asks for one (a practice of the desk, not a number of the regulation)."""


class Verdict(StrEnum):
    """The officer's decision on a potential match."""

    TRUE_MATCH = "true_match"
    FALSE_POSITIVE = "false_positive"


class QueryRole(Labelled):
    """Which of the party's names met the list: its own, or a related party's."""

    LEGAL_NAME = "legal_name", "legal name"
    ALIAS = "alias"
    PARENT = "parent", "ultimate parent"
    OWNER = "owner"


class MatchedToken(Strict):
    """One token of the party's name and what it met in the list name."""

    query_token: str | None = None
    """None for a word of the list name that the party's name lacks."""
    list_token: str | None = None
    how: str
    distance: int = 0


class PotentialMatch(Strict):
    """A (party name, list entry) pair scored at or above the alert threshold."""

    entry_id: str
    entry_hash: str
    """The entry's content hash in the snapshot screened against: a disposition holds for
    this content only."""
    source: str
    list_kind: ListKind
    entry_name: str
    list_name: str
    """The entry's name (published name, alias or a part of a bundled name) that was met."""
    query_name: str
    query_role: QueryRole
    score: float = Field(ge=0, le=1)
    explanation: str
    tokens: tuple[MatchedToken, ...] = ()
    countries: str = "unknown"
    """Whether the party's countries agree with the entry's: agree, differ or unknown."""
    license_requirement: str = ""
    license_policy: str = ""
    federal_register_notice: str = ""

    def describe(self) -> str:
        """The match in one line, as a finding quotes it."""
        return (
            f"{self.query_role.label} {self.query_name!r} met {self.list_name!r} "
            f"({self.source}, entry {self.entry_id[:12]}), score {self.score:.2f}"
        )


class PartyScreening(Strict):
    """One screening of a party against one snapshot."""

    party_ref: str
    snapshot_id: int
    names_hash: str
    """The hash of the names screened: a party whose names changed needs screening again."""
    screened_at: datetime
    threshold: float
    matches: tuple[PotentialMatch, ...] = ()


class NameKeys(NamedTuple):
    """What is kept of the names a party was screened under, once per names hash: the
    hashes of the keys they were looked up under (index.pack_keys) and, for a party screened
    without owners, its names as written (a party written alike needs no hashing to know that
    its names are unchanged)."""

    keys: bytes
    written: tuple[str, tuple[str, ...], str | None] | None
    """The party's name, aliases and parent's name; None when owners were screened too."""


class EarlierScreening(NamedTuple):
    """A party and its newest screening against the snapshot before the one in use, as
    re-screening after an import reads them (a plain tuple: one is read for every party)."""

    party_ref: str
    screening_id: int | None
    """None when the party was not screened against that snapshot."""
    names_hash: str | None
    threshold: float | None
    entry_ids: frozenset[str]
    """The entries of its potential matches."""
    keys: bytes | None
    """The hashes of the keys its names were looked up under (index.pack_keys), when kept
    for the keys version in force."""
    names: tuple[str, tuple[str, ...], str | None] | None
    """Its name, aliases and parent's name; None when they are written as when those keys
    were kept and it has no owners (its names hash is then unchanged)."""
    current: bool
    """Already screened against the snapshot in use."""


class Disposition(Strict):
    """The officer's decision on one potential match (append-only; the newest counts)."""

    party_ref: str
    entry_id: str
    entry_hash: str
    verdict: Verdict
    reason: str = Field(min_length=1, max_length=2000)
    document: str | None = None
    score: float = 0.0
    decided_by: str
    decided_at: datetime
    approved_by: str | None = None
    approved_at: datetime | None = None


class MatchState(Labelled):
    """Where a potential match stands for the officer and for orders; the label says it in
    the words of a finding."""

    PENDING = "pending", "not yet decided"
    REOPENED = "reopened", "decided before, but the list entry has changed since"
    """Decided once, but the entry has changed since: to be decided again."""
    AWAITING_APPROVAL = (
        "awaiting_approval",
        "cleared by one officer, awaiting a second officer's approval",
    )
    CONFIRMED = "confirmed"
    CLEARED = "cleared"

    @property
    def open(self) -> bool:
        """Whether the match still waits for an officer (holds orders)."""
        return self in (MatchState.PENDING, MatchState.REOPENED, MatchState.AWAITING_APPROVAL)


def needs_second_approval(score: float, approval_setting: bool) -> bool:
    """Whether clearing a match of ``score`` needs a second officer's approval."""
    return approval_setting and score >= SECOND_APPROVAL_FROM_SCORE


def match_state(
    match: PotentialMatch, disposition: Disposition | None, *, approval_setting: bool = False
) -> MatchState:
    """Where ``match`` stands given the newest disposition on its entry for the party."""
    if disposition is None:
        return MatchState.PENDING
    if disposition.entry_hash != match.entry_hash:
        return MatchState.REOPENED
    if disposition.verdict is Verdict.TRUE_MATCH:
        return MatchState.CONFIRMED
    if needs_second_approval(match.score, approval_setting) and disposition.approved_by is None:
        return MatchState.AWAITING_APPROVAL
    return MatchState.CLEARED


class ScreeningState(Strict):
    """What evaluation needs to know of one party's screening: the screening (None when the
    party has not been screened against the snapshot in use), the newest disposition per
    entry, whether clearing strong matches needs approval, and the party's owners."""

    screening: PartyScreening | None = None
    dispositions: Mapping[str, Disposition] = {}
    approval_setting: bool = False
    owners: tuple[OwnerShare, ...] = ()

    def state_of(self, match: PotentialMatch) -> MatchState:
        return match_state(
            match, self.dispositions.get(match.entry_id), approval_setting=self.approval_setting
        )

    def confirmed(self, roles: Iterable[QueryRole]) -> tuple[PotentialMatch, ...]:
        wanted = set(roles)
        if self.screening is None:
            return ()
        return tuple(
            match
            for match in self.screening.matches
            if match.query_role in wanted and self.state_of(match) is MatchState.CONFIRMED
        )

    @property
    def status(self) -> str:
        """not_screened, clear, potential_match (something to decide) or match (a true
        match, nothing left to decide)."""
        if self.screening is None:
            return "not_screened"
        if self.open_matches():
            return "potential_match"
        if any(self.state_of(match) is MatchState.CONFIRMED for match in self.screening.matches):
            return "match"
        return "clear"

    def open_matches(self) -> tuple[PotentialMatch, ...]:
        if self.screening is None:
            return ()
        return tuple(match for match in self.screening.matches if self.state_of(match).open)


class OwnerShare(Strict):
    """One owner of a party with its share, as the Affiliates rule counts it."""

    name: str
    country: str | None = None
    share_percent: float = Field(gt=0, le=100)
    party_ref: str | None = None
    """Set when the owner is itself a party of the desk."""


ScreeningState.model_rebuild()


def names_hash(names: Iterable[tuple[QueryRole, str]]) -> str:
    """A stable hash of the names a screening covers (order and case do not matter)."""
    lines = sorted({f"{role.value}\t{name.strip().casefold()}" for role, name in names})
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()
