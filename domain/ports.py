"""What the use cases need from outside, as protocols. storage/ implements them.

One use case = one unit of work = one transaction. A writing unit of work is serialized
against every other writer (``BEGIN IMMEDIATE`` on SQLite, a transaction-scoped lock on
PostgreSQL), so checking quota and recording its consumption can never interleave.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from types import TracebackType
from typing import Any, Protocol, Self, TypeVar

from domain.audit import AuditEntry
from domain.decision import Consumption, Decision
from domain.documents import DocumentKind, RegisteredDocument
from domain.fieldaudit.visits import FieldVisit, VisitResolution
from domain.frozen import Frozen
from domain.ledger import BalanceKey
from domain.model import (
    AiaCertification,
    CountrySetting,
    License,
    LppCertification,
    Order,
    Owner,
    Party,
    Product,
    RedFlagResolution,
    ShippedUnit,
    VeuFootprint,
)
from domain.numbers import Exact
from domain.screening.model import ListEntry, Snapshot, SnapshotDiff, SnapshotRecord
from domain.screening.results import Disposition, EarlierScreening, NameKeys, PartyScreening

RecordT = TypeVar("RecordT")


class OrderStatus(StrEnum):
    OPEN = "open"
    CANCELLED = "cancelled"


class StoredOrder(Frozen):
    """An order as stored, with its status."""

    order: Order
    status: OrderStatus = OrderStatus.OPEN


class DecisionEntry(Frozen):
    """Where a stored decision stands in its order's chain, and who made it when."""

    id: int
    order_ref: str
    seq: int
    """1 for the order's first decision, 2 for the one that superseded it, ..."""
    decided_at: datetime
    decided_by: str
    supersedes: int | None


class RecordedDecision(DecisionEntry):
    """A decision as recorded: never edited, only superseded by a later one."""

    decision: Decision
    content_hash: str
    released: bool = False
    """Whether its consumption was released (cancelled order or superseded decision)."""


class DecisionIntegrity(DecisionEntry):
    """A decision row exactly as stored, for verification (no re-validation of the payload)."""

    outcome: str
    ruleset: str
    a_level_tpp: Exact
    payload: dict[str, Any]
    content_hash: str


class RedFlagChecklist(Frozen):
    """A know-your-customer checklist answered for an order (rules.md section 8)."""

    order_ref: str
    answers: dict[str, bool]
    note: str = ""
    answered_by: str
    answered_at: datetime


class RecordRepository(Protocol[RecordT]):
    """The records of one kind kept by their ref (parties, products)."""

    def get(self, ref: str) -> RecordT | None: ...
    def get_many(self, refs: Sequence[str]) -> dict[str, RecordT]:
        """The records of ``refs`` that exist, by ref (one read)."""
        ...

    def add(self, record: RecordT, /) -> None: ...
    def update(self, record: RecordT, /) -> None: ...
    def all(self) -> Iterator[RecordT]: ...
    def existing_refs(self, refs: Sequence[str]) -> set[str]: ...


class PartyRepository(RecordRepository[Party], Protocol):
    def names(self) -> Iterator[tuple[str, str]]:
        """Every party's ref and legal name, and nothing else (look-alike names)."""
        ...


ProductRepository = RecordRepository[Product]


class OrderRepository(Protocol):
    def get(self, ref: str) -> StoredOrder | None: ...
    def add(self, order: Order) -> None: ...
    def add_many(self, orders: Sequence[Order]) -> None: ...
    def get_many(self, refs: Sequence[str]) -> dict[str, StoredOrder]: ...
    def set_status(self, ref: str, status: OrderStatus) -> None: ...
    def set_red_flag_resolution(self, ref: str, resolution: RedFlagResolution) -> None: ...
    def pending_refs(self) -> list[str]:
        """Open orders without a decision, oldest first."""
        ...

    def all(self) -> Iterator[StoredOrder]: ...
    def existing_refs(self, refs: Sequence[str]) -> set[str]: ...
    def refs_for_party(self, party_ref: str) -> list[str]:
        """The orders the party is the consignee or the end user of, oldest first."""
        ...

    def product_refs_for(self, consignee_ref: str) -> set[str]:
        """The products on the consignee's open orders."""
        ...


class PaperworkRepository(Protocol):
    """Certifications, licences, VEU footprints and country settings."""

    def aia_certifications(self, party_ref: str) -> list[AiaCertification]: ...
    def put_aia_certification(self, certification: AiaCertification) -> None:
        """Add, or replace the one with the same party and signing date."""
        ...

    def lpp_certification(self, party_ref: str, year: int) -> LppCertification | None: ...
    def lpp_certifications(self, party_ref: str) -> list[LppCertification]: ...
    def put_lpp_certification(self, certification: LppCertification) -> None: ...
    def licenses_for(self, party_ref: str) -> list[License]:
        """The party's licences, ``used_tpp`` filled from the ledger."""
        ...

    def license(self, number: str) -> License | None: ...
    def add_license(self, licence: License) -> None: ...
    def footprint(self, party_ref: str) -> dict[str, Decimal]:
        """Installed a-level TPP by country from sources other than our shipments."""
        ...

    def put_footprint(self, footprint: VeuFootprint) -> None: ...
    def country_setting(self, country: str) -> CountrySetting | None:
        """The setting with ``our_allocation_used_tpp`` filled from the ledger."""
        ...

    def put_country_setting(self, setting: CountrySetting) -> None: ...
    def all_aia_certifications(self) -> Iterator[AiaCertification]: ...
    def all_lpp_certifications(self) -> Iterator[LppCertification]: ...
    def all_licenses(self) -> Iterator[License]: ...
    def all_footprints(self) -> Iterator[VeuFootprint]: ...
    def all_country_settings(self) -> Iterator[CountrySetting]: ...


class DecisionRepository(Protocol):
    def latest(self, order_ref: str) -> RecordedDecision | None: ...
    def history(self, order_ref: str) -> list[RecordedDecision]: ...
    def add(
        self,
        order_ref: str,
        decision: Decision,
        *,
        decided_at: datetime,
        decided_by: str,
        supersedes: int | None,
    ) -> RecordedDecision: ...
    def all(self) -> Iterator[RecordedDecision]: ...
    def integrity_rows(self) -> Iterator[DecisionIntegrity]: ...
    def latest_decided_between(self, start: datetime, end: datetime) -> list[str]:
        """Orders whose latest decision was recorded in [start, end), as they were decided."""
        ...


class LedgerRepository(Protocol):
    def record(self, decision_id: int, consumption: Sequence[Consumption], at: datetime) -> None:
        """Append the consumption of a decision and add it to the balances."""
        ...

    def release(self, decision_id: int, consumption: Sequence[Consumption], at: datetime) -> None:
        """Append the reversal of a decision's consumption and take it off the balances."""
        ...

    def lpp_used(self, party_ref: str, year: int) -> Decimal: ...
    def aia_cumulative(self, party_ref: str) -> Decimal: ...
    def veu_shipped(self, party_ref: str, *, on: date | None = None) -> dict[str, Decimal]:
        """Our VEU shipments to a holder by country; with ``on``, only those of orders dated
        on or before that day (the installed base as of a shipment date)."""
        ...

    def license_used(self, number: str) -> Decimal: ...
    def country_allocation_used(self, country: str) -> Decimal: ...
    def balances_of(self, keys: Sequence[BalanceKey]) -> dict[BalanceKey, Decimal]:
        """Several running totals in one read (0 for a key with none)."""
        ...

    def country_allocations_used(self) -> dict[str, Decimal]:
        """Our licensed use of each country's Tier 2 allocation, by country."""
        ...

    def lpp_by_party(self, year: int, limit: int) -> list[tuple[str, Decimal]]: ...
    def entries_between(
        self, first_decision: int, last_decision: int
    ) -> Mapping[int, list[tuple[Consumption, bool]]]:
        """The ledger entries of decisions ``first_decision``..``last_decision``, grouped by
        decision id, with whether each is a release."""
        ...

    def orphan_decision(self) -> int | None:
        """A decision id that ledger entries name but the decisions table does not hold."""
        ...

    def balances(self) -> dict[str, Decimal]: ...


class AuditLog(Protocol):
    def append(
        self,
        action: str,
        entity: str,
        entity_ref: str,
        *,
        before: Mapping[str, Any] | None = None,
        after: Mapping[str, Any] | None = None,
    ) -> AuditEntry: ...
    def entries(self) -> Iterator[AuditEntry]: ...
    def entries_for(self, entity: str, entity_ref: str) -> list[AuditEntry]:
        """The entries about one record, oldest first."""
        ...

    def count(self) -> int: ...
    def head(self) -> tuple[int, str]:
        """The last entry's sequence number and hash ((0, genesis) for an empty log)."""
        ...

    def hash_at(self, seq: int) -> str | None:
        """The hash of entry ``seq``, None when there is no such entry."""
        ...

    def baseline_pending(self) -> bool:
        """Whether the records written before seals still await their baseline seal."""
        ...

    def baseline_done(self) -> None: ...


class RedFlagRepository(Protocol):
    def checklists(self, order_ref: str) -> list[RedFlagChecklist]: ...
    def add_checklist(self, checklist: RedFlagChecklist) -> None: ...
    def all(self) -> Iterator[RedFlagChecklist]: ...


class DocumentRegistry(Protocol):
    """Every generated document, append-only; a signed copy's return is appended beside it."""

    def last_serial(self, kind: DocumentKind, issued_year: int) -> int:
        """The highest serial number given to ``kind`` in ``issued_year`` (0 for none)."""
        ...

    def add(self, document: RegisteredDocument, *, issued_year: int, serial: int) -> None: ...
    def get(self, number: str) -> RegisteredDocument | None: ...
    def by_file_sha256(self, file_sha256: str) -> RegisteredDocument | None: ...
    def by_code(self, code: str) -> list[RegisteredDocument]:
        """Documents with this verification code (normalised form), oldest first."""
        ...

    def for_party(
        self, party_ref: str, kind: DocumentKind | None = None
    ) -> list[RegisteredDocument]: ...
    def for_order(self, order_ref: str) -> list[RegisteredDocument]: ...
    def add_return(
        self,
        number: str,
        *,
        signed_on: date,
        signed_by: Sequence[str],
        recorded_by: str,
        recorded_at: datetime,
    ) -> None:
        """Record that the signed copy of document ``number`` came back."""
        ...

    def all(self) -> Iterator[RegisteredDocument]:
        """Every document, oldest first."""
        ...


class SettingsRepository(Protocol):
    """Preferences kept with the records, as text values by key."""

    def get(self, key: str) -> str | None: ...
    def put(self, key: str, value: str) -> None: ...
    def all(self) -> dict[str, str]: ...


class ListSnapshotRepository(Protocol):
    """Restricted-party list snapshots, append-only; the newest is the one in use."""

    def add(
        self,
        snapshot: Snapshot,
        diff: SnapshotDiff,
        *,
        file_name: str,
        imported_at: datetime,
        imported_by: str,
    ) -> SnapshotRecord:
        """Store a snapshot and its entries (in bulk)."""
        ...

    def get(self, snapshot_id: int) -> SnapshotRecord | None: ...
    def all(self) -> list[SnapshotRecord]:
        """Every snapshot, newest first."""
        ...

    def in_use(self) -> SnapshotRecord | None:
        """The newest snapshot (None before the first import)."""
        ...

    def previous(self, snapshot_id: int) -> SnapshotRecord | None:
        """The snapshot imported just before ``snapshot_id``."""
        ...

    def entries(self, snapshot_id: int) -> list[ListEntry]: ...
    def stored_entries(self, snapshot_id: int) -> Iterator[tuple[str, str, str]]:
        """Each entry of the snapshot as stored: its id, the content hash stored beside it and
        its data (JSON), one at a time (for ``audit verify``)."""
        ...

    def entry(self, snapshot_id: int, entry_id: str) -> ListEntry | None: ...


class ShipmentRepository(Protocol):
    """The units shipped on orders, with their serial numbers (rules.md section 10).
    Append-only: a unit once recorded as shipped stays recorded."""

    def add_many(self, units: Sequence[ShippedUnit]) -> None: ...
    def find(self, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], ShippedUnit]:
        """The stored units with these keys (``ShippedUnit.serial_key``), by key."""
        ...

    def of_orders(self, order_refs: Sequence[str]) -> dict[str, list[ShippedUnit]]:
        """The units shipped on each of these orders that has any, by shipment and serial."""
        ...

    def all(self) -> Iterator[ShippedUnit]:
        """Every unit, by order, shipment, product and serial."""
        ...

    def count(self) -> int: ...
    def destinations(self) -> dict[str, str]:
        """Every serial shipped (letters in capitals) with the ref of its order's consignee."""
        ...


class FieldVisitRepository(Protocol):
    """Field-audit visits merged back and the resolutions of their discrepancies (rules.md
    section 10). Append-only."""

    def add(self, visit: FieldVisit) -> int: ...
    def by_kit(self, kit_sha256: str) -> FieldVisit | None: ...
    def for_parties(self, party_refs: Sequence[str]) -> dict[str, list[FieldVisit]]:
        """Each party's visits, oldest first."""
        ...

    def open_discrepancies(self, party_refs: Sequence[str]) -> dict[str, tuple[int, ...]]:
        """For each of these parties with any, its visits with discrepancies not yet
        resolved (ids, oldest first)."""
        ...

    def trust_key(self, fingerprint: str, public_key: str, *, at: datetime, by: str) -> bool:
        """Keep a key that signed a kit of this database (hex public key); False when it
        was kept already."""
        ...

    def trusted_keys(self) -> dict[str, str]:
        """Every key that signed a kit of this database: fingerprint to hex public key."""
        ...

    def unresolved(self) -> list[FieldVisit]:
        """Every visit, of any party, with discrepancies no resolution has closed (oldest
        first): the officer's work queue of field audits."""
        ...

    def add_resolution(self, resolution: VisitResolution) -> None: ...
    def resolutions_for(self, party_refs: Sequence[str]) -> dict[str, list[VisitResolution]]: ...


class OwnerRepository(Protocol):
    """Who owns each party (rules.md section 9, "Ownership")."""

    def owners_of(self, party_ref: str) -> list[Owner]: ...
    def owners_of_many(self, party_refs: Sequence[str]) -> dict[str, list[Owner]]:
        """The owners of each party that has any, by party ref."""
        ...

    def set_owners(self, party_ref: str, owners: Sequence[Owner]) -> None:
        """Replace the party's owners with ``owners``."""
        ...

    def all(self) -> Iterator[Owner]:
        """Every owner, by party ref then owner name."""
        ...


class ScreeningRepository(Protocol):
    """Screenings of parties and the officer's dispositions (append-only)."""

    def add_many(self, screenings: Sequence[PartyScreening], *, screened_by: str) -> None: ...
    def add_name_keys(self, keys: Mapping[str, NameKeys], version: str) -> None:
        """Keep what is kept of each names hash (once per names hash and keys version)."""
        ...

    def earlier(
        self, snapshot_id: int, previous_id: int | None, keys_version: str
    ) -> list[EarlierScreening]:
        """Every party, with its newest screening against ``previous_id``, the key hashes kept
        for its names if any, and whether it is screened against ``snapshot_id`` already."""
        ...

    def carry(
        self, screening_ids: Sequence[int], snapshot_id: int, *, at: datetime, by: str
    ) -> None:
        """Record the screenings ``screening_ids`` again as made against ``snapshot_id``."""
        ...

    def latest_for(self, refs: Sequence[str], snapshot_id: int) -> dict[str, PartyScreening]:
        """The newest screening of each party against ``snapshot_id``."""
        ...

    def with_matches(self, snapshot_id: int) -> list[PartyScreening]:
        """The newest screening against the snapshot of every party that has matches."""
        ...

    def as_of(self, party_ref: str, at: datetime) -> PartyScreening | None:
        """The newest screening of the party made at or before ``at``."""
        ...

    def history(self, party_ref: str) -> list[PartyScreening]: ...
    def add_disposition(self, disposition: Disposition) -> None: ...
    def dispositions_for(self, refs: Sequence[str]) -> dict[str, dict[str, Disposition]]:
        """The newest disposition of each (party, entry), by party then entry id."""
        ...

    def disposition_history(self, party_ref: str) -> list[Disposition]: ...
    def all_dispositions(self) -> Iterator[Disposition]:
        """Every disposition ever recorded, in the order they were recorded."""
        ...


class UnitOfWork(Protocol):
    """One transaction over every repository; rolls back unless committed."""

    actor: str
    now: datetime

    @property
    def parties(self) -> PartyRepository: ...
    @property
    def products(self) -> ProductRepository: ...
    @property
    def orders(self) -> OrderRepository: ...
    @property
    def paperwork(self) -> PaperworkRepository: ...
    @property
    def decisions(self) -> DecisionRepository: ...
    @property
    def ledger(self) -> LedgerRepository: ...
    @property
    def audit(self) -> AuditLog: ...
    @property
    def red_flags(self) -> RedFlagRepository: ...
    @property
    def documents(self) -> DocumentRegistry: ...
    @property
    def settings(self) -> SettingsRepository: ...
    @property
    def list_snapshots(self) -> ListSnapshotRepository: ...
    @property
    def owners(self) -> OwnerRepository: ...
    @property
    def screenings(self) -> ScreeningRepository: ...
    @property
    def shipments(self) -> ShipmentRepository: ...
    @property
    def field_visits(self) -> FieldVisitRepository: ...

    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...


class Database(Protocol):
    """Where units of work come from."""

    description: str

    def reader(self) -> UnitOfWork:
        """A read-only unit of work (a consistent snapshot)."""
        ...

    def writer(self, actor: str) -> UnitOfWork:
        """A unit of work serialized against every other writer."""
        ...

    def scratch(self) -> VerifyScratch:
        """Temporary space for verifying the whole record in bounded memory."""
        ...


class VerifyScratch(Protocol):
    """What verification remembers between its passes, outside Python's memory."""

    def __enter__(self) -> Self: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...
    def add_decided(self, rows: Iterable[tuple[int, int, str | None]]) -> None: ...
    def decided(self) -> Iterator[tuple[int, int, str | None]]:
        """Every recorded decision's (id, audit seq, content hash), by id."""
        ...

    def expect(self, rows: Iterable[tuple[str, str, str | None, int]]) -> None: ...
    def observe(self, rows: Iterable[tuple[str, str, str]]) -> None: ...
    def observed_count(self) -> int: ...
    def first_difference(
        self,
    ) -> tuple[str, str, str | None, int | None, str | None] | None: ...


class Clock(Protocol):
    """The one source of time. Nothing reads the machine's clock except through this port:
    the desk is given a clock (the system's, or a set one in tests and demonstrations)."""

    def now(self) -> datetime:
        """The current instant, timezone-aware."""
        ...

    def today(self) -> date:
        """The officer's calendar day (the local date of ``now``)."""
        ...
