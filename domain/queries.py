"""Read-side queries for screens over large tables (CQRS's read side).

Screens page through up to millions of orders; they ask for row ids matching a filter,
then for the few rows they show. The storage adapter answers with plain SQL; nothing here
decides anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Protocol

from domain.audit import AuditHead
from domain.frozen import Frozen
from domain.numbers import Exact
from domain.ports import OrderStatus

PENDING = "pending"
"""The outcome filter value for orders without a decision."""


class OrderSort(StrEnum):
    """The columns the order list can be ordered by."""

    REF = "ref"
    DATE = "date"
    OUTCOME = "outcome"
    CONSIGNEE = "consignee"
    DESTINATION = "destination"
    A_LEVEL_TPP = "a_level_tpp"
    LINES = "lines"


class OrderFilter(Frozen):
    """What the officer narrowed the order list to. Empty fields do not filter."""

    text: str = ""
    """Contained in the order ref or the consignee's or end user's ref, name or alias,
    without regard to case or accents (``domain.text``)."""
    outcomes: frozenset[str] = frozenset()
    """Outcome values, plus ``PENDING`` for orders without a decision."""
    date_from: date | None = None
    date_to: date | None = None
    party_ref: str | None = None
    """Consignee or end user."""
    destinations: frozenset[str] | None = None
    """Alpha-2 codes of the effective destination (a tier filter passes its countries)."""
    exclude_destinations: frozenset[str] | None = None
    """Alpha-2 codes to leave out (Tier 2 is "every country not in Tier 1 or Tier 3")."""
    status: OrderStatus | None = None
    """Open or cancelled orders only; None lists both."""
    sort: OrderSort = OrderSort.DATE
    """What the list is ordered by (then by date and entry, newest first)."""
    descending: bool = True


class OrderSummary(Frozen):
    """One row of the order list."""

    id: int
    ref: str
    date: date
    consignee_ref: str
    consignee_name: str
    end_user_ref: str | None
    destination: str
    status: str
    outcome: str | None
    a_level_tpp: Exact | None
    lines: int


class PartySummary(Frozen):
    id: int
    ref: str
    name: str
    country: str
    hq_country: str
    role: str
    veu: str
    orders: int


class AuditFilter(Frozen):
    text: str = ""
    """Matches the entity ref, the action or the actor."""
    entity: str | None = None
    actor: str | None = None
    date_from: date | None = None
    date_to: date | None = None


class AuditSummary(AuditHead):
    """One row of the audit list."""

    hash: str


class DeskQueries(Protocol):
    """Fast reads for the window's tables."""

    def order_ids(self, order_filter: OrderFilter, limit: int | None = None) -> Sequence[int]:
        """Ids of matching orders, newest first (only the first ``limit`` when given)."""
        ...

    def order_summaries(self, ids: Sequence[int]) -> list[OrderSummary]:
        """The rows for ``ids``, in the order given."""
        ...

    def order_count(self) -> int: ...

    def party_summaries(self, text: str = "") -> list[PartySummary]: ...

    def audit_seqs(self, audit_filter: AuditFilter) -> Sequence[int]:
        """Sequence numbers of matching audit entries, newest first."""
        ...

    def audit_summaries(self, seqs: Sequence[int]) -> list[AuditSummary]: ...

    def outcome_counts(self) -> dict[str, int]:
        """How many open orders have each latest outcome (``PENDING`` for none)."""
        ...
