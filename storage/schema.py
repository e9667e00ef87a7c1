"""The database schema: SQLAlchemy 2.0 typed mappings. Changed only through Alembic migrations.

Row classes stay inside storage/; repositories translate them to and from domain values.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from storage.exact import ExactNumber

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


REF = 64
COUNTRY = 2


class PartyRow(Base):
    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(REF), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    aliases: Mapped[str] = mapped_column(Text, default="[]")
    """JSON list of other names."""
    address: Mapped[str] = mapped_column(Text, default="")
    country: Mapped[str] = mapped_column(String(COUNTRY))
    hq_country: Mapped[str] = mapped_column(String(COUNTRY))
    parent_name: Mapped[str | None] = mapped_column(String(300))
    parent_hq_country: Mapped[str | None] = mapped_column(String(COUNTRY))
    role: Mapped[str] = mapped_column(String(32))
    veu: Mapped[str] = mapped_column(String(8), default="none")
    veu_country: Mapped[str | None] = mapped_column(String(COUNTRY))
    veu_id: Mapped[str | None] = mapped_column(String(REF))
    language: Mapped[str] = mapped_column(String(8), default="en", server_default="en")
    """The language of the party's correspondence (``domain.model.Language``)."""
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    """The folded ref, name and aliases a search finds the party by (``domain.text``)."""


class ProductRow(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(REF), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(16))
    tpp: Mapped[Decimal | None] = mapped_column(ExactNumber())
    die_area_mm2: Mapped[float | None] = mapped_column(Float)
    datacenter: Mapped[bool] = mapped_column(Boolean, default=True)
    ics_per_unit: Mapped[int] = mapped_column(Integer, default=1)
    training_operations: Mapped[float | None] = mapped_column(Float)
    published: Mapped[bool] = mapped_column(Boolean, default=False)


class OrderRow(Base):
    __tablename__ = "orders"
    __table_args__ = (
        Index("ix_orders_status_date", "status", "date"),
        Index("ix_orders_outcome_date", "outcome", "date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(REF), unique=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    consignee_id: Mapped[int] = mapped_column(ForeignKey("parties.id"), index=True)
    end_user_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"), index=True)
    destination: Mapped[str | None] = mapped_column(String(COUNTRY))
    status: Mapped[str] = mapped_column(String(16), default="open")
    decided: Mapped[bool] = mapped_column(Boolean, default=False)
    """Whether any decision was recorded (so pending orders are found without a join)."""
    effective_destination: Mapped[str | None] = mapped_column(String(COUNTRY), index=True)
    """The destination, or the consignee's location when none was given (for filtering)."""
    outcome: Mapped[str | None] = mapped_column(String(32))
    """The latest decision's outcome, kept with the decision (for filtering; not evidence)."""
    a_level_tpp: Mapped[Decimal | None] = mapped_column(ExactNumber())
    rf28_resolved_on: Mapped[dt.date | None] = mapped_column(Date)
    rf28_resolved_by: Mapped[str | None] = mapped_column(String(300))
    rf28_note: Mapped[str | None] = mapped_column(Text)


class OrderLineRow(Base):
    __tablename__ = "order_lines"
    __table_args__ = (UniqueConstraint("order_id", "line_no"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)


class DecisionRow(Base):
    """Append-only: triggers refuse UPDATE and DELETE."""

    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("order_id", "seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    seq: Mapped[int] = mapped_column(Integer)
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    decided_by: Mapped[str] = mapped_column(String(300))
    outcome: Mapped[str] = mapped_column(String(32), index=True)
    ruleset: Mapped[str] = mapped_column(String(64))
    a_level_tpp: Mapped[Decimal] = mapped_column(ExactNumber())
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    payload: Mapped[str] = mapped_column(Text)
    """The full Decision as canonical JSON."""
    content_hash: Mapped[str] = mapped_column(String(64))


class LedgerEntryRow(Base):
    """Append-only: what each decision consumed, and its release."""

    __tablename__ = "ledger_entries"
    __table_args__ = (Index("ix_ledger_entries_ledger_party", "ledger", "party_ref"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"), index=True)
    ledger: Mapped[str] = mapped_column(String(24))
    party_ref: Mapped[str | None] = mapped_column(String(REF))
    year: Mapped[int | None] = mapped_column(Integer)
    country: Mapped[str | None] = mapped_column(String(COUNTRY))
    license_number: Mapped[str | None] = mapped_column(String(REF))
    tpp: Mapped[Decimal] = mapped_column(ExactNumber())
    """Positive when consumed, negative when released."""
    released: Mapped[bool] = mapped_column(Boolean, default=False)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class LedgerBalanceRow(Base):
    """Running totals of the ledger entries, kept in the same transaction for fast reads."""

    __tablename__ = "ledger_balances"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    tpp: Mapped[Decimal] = mapped_column(ExactNumber(), default=0.0)


class AiaCertificationRow(Base):
    __tablename__ = "aia_certifications"
    __table_args__ = (UniqueConstraint("party_id", "signed_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"), index=True)
    signed_on: Mapped[dt.date] = mapped_column(Date)
    signers: Mapped[str] = mapped_column(Text, default="[]")
    weights_storage_attested: Mapped[bool] = mapped_column(Boolean, default=False)
    submitted_to_bis_on: Mapped[dt.date | None] = mapped_column(Date)
    revoked_on: Mapped[dt.date | None] = mapped_column(Date)


class LppCertificationRow(Base):
    __tablename__ = "lpp_certifications"
    __table_args__ = (UniqueConstraint("party_id", "year"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"))
    year: Mapped[int] = mapped_column(Integer)
    signed_on: Mapped[dt.date] = mapped_column(Date)
    signer: Mapped[str] = mapped_column(String(300), default="")
    prior_receipts_tpp: Mapped[Decimal] = mapped_column(ExactNumber(), default=0.0)
    revoked_on: Mapped[dt.date | None] = mapped_column(Date)


class LicenseRow(Base):
    __tablename__ = "licenses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(REF), unique=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"), index=True)
    destination: Mapped[str] = mapped_column(String(COUNTRY))
    covers: Mapped[str] = mapped_column(String(16))
    tpp: Mapped[Decimal] = mapped_column(ExactNumber(), default=0.0)
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_to: Mapped[dt.date] = mapped_column(Date)


class VeuFootprintRow(Base):
    __tablename__ = "veu_footprints"
    __table_args__ = (UniqueConstraint("party_id", "country"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"))
    country: Mapped[str] = mapped_column(String(COUNTRY))
    installed_tpp: Mapped[Decimal] = mapped_column(ExactNumber(), default=0.0)


class CountrySettingRow(Base):
    __tablename__ = "country_settings"

    country: Mapped[str] = mapped_column(String(COUNTRY), primary_key=True)
    g2g_agreement: Mapped[bool] = mapped_column(Boolean, default=False)
    external_allocation_used_tpp: Mapped[Decimal] = mapped_column(ExactNumber(), default=0.0)


class RedFlagChecklistRow(Base):
    __tablename__ = "red_flag_checklists"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    answers: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    answered_by: Mapped[str] = mapped_column(String(300))
    answered_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class AuditEntryRow(Base):
    """Append-only and hash-chained: each entry's hash covers the hash of the one before."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor: Mapped[str] = mapped_column(String(300))
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(32))
    entity_ref: Mapped[str] = mapped_column(String(200), index=True)
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class SettingRow(Base):
    """Preferences that belong with the records (officer name, exporter letterhead, ...)."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class DocumentRow(Base):
    """A generated document (the registry paper is verified against). Append-only."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("kind", "issued_year", "serial"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    issued_year: Mapped[int] = mapped_column(Integer)
    serial: Mapped[int] = mapped_column(Integer)
    party_ref: Mapped[str | None] = mapped_column(String(REF), index=True)
    order_ref: Mapped[str | None] = mapped_column(String(REF), index=True)
    year: Mapped[int | None] = mapped_column(Integer)
    """The calendar year a document is about (LPP certification, quota report)."""
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    content_hash: Mapped[str] = mapped_column(String(64))
    verification_code: Mapped[str] = mapped_column(String(16), index=True)
    file_sha256: Mapped[str] = mapped_column(String(64), index=True)
    generated_by: Mapped[str] = mapped_column(String(300))
    generated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    ruleset: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    attests_weights_storage: Mapped[bool] = mapped_column(Boolean, default=False)
    """An AIA statement that carried the model-weight storage attestation paragraph."""
    chain_seq: Mapped[int | None] = mapped_column(Integer)
    chain_head: Mapped[str | None] = mapped_column(String(64))
    """The audit chain's last entry (number and hash) when the document was issued."""


class RecordSealPendingRow(Base):
    """Present (one row) while a database's records from before seals await their baseline."""

    __tablename__ = "record_seal_pending"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)


class DocumentReturnRow(Base):
    """The signed copy of a document came back: appended, never updated (one per document)."""

    __tablename__ = "document_returns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(ForeignKey("documents.number"), unique=True)
    signed_on: Mapped[dt.date] = mapped_column(Date)
    signed_by: Mapped[str] = mapped_column(Text, default="[]")
    """JSON list of "Name, Title"."""
    recorded_by: Mapped[str] = mapped_column(String(300))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ListSnapshotRow(Base):
    """An imported restricted-party list file. Append-only."""

    __tablename__ = "list_snapshots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    imported_by: Mapped[str] = mapped_column(String(300))
    file_name: Mapped[str] = mapped_column(String(300))
    format: Mapped[str] = mapped_column(String(16))
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    counts: Mapped[str] = mapped_column(Text)
    """JSON object: entries per source."""
    warnings: Mapped[str] = mapped_column(Text)
    """JSON list of the import's warnings."""
    diff: Mapped[str] = mapped_column(Text)
    """JSON object: the differences from the previous snapshot."""


class ListEntryRow(Base):
    """One entry of a snapshot, its content as JSON. Append-only."""

    __tablename__ = "list_entries"

    snapshot_id: Mapped[int] = mapped_column(ForeignKey("list_snapshots.id"), primary_key=True)
    entry_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    source: Mapped[str] = mapped_column(String(200))
    name: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    data: Mapped[str] = mapped_column(Text)


class PartyOwnerRow(Base):
    """An owner of a party (rules.md section 9, "Ownership")."""

    __tablename__ = "party_owners"

    party_ref: Mapped[str] = mapped_column(ForeignKey("parties.ref"), primary_key=True)
    owner_name: Mapped[str] = mapped_column(String(300), primary_key=True)
    owner_country: Mapped[str] = mapped_column(String(COUNTRY))
    share_percent: Mapped[float] = mapped_column(Float)
    owner_party_ref: Mapped[str | None] = mapped_column(ForeignKey("parties.ref"))


class PartyScreeningRow(Base):
    """One screening of a party against a list snapshot. Append-only."""

    __tablename__ = "party_screenings"
    __table_args__ = (
        Index("ix_party_screenings_party_ref", "party_ref", "snapshot_id"),
        Index("ix_party_screenings_snapshot_id", "snapshot_id", "match_count"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    party_ref: Mapped[str] = mapped_column(String(64))
    snapshot_id: Mapped[int] = mapped_column(ForeignKey("list_snapshots.id"))
    names_hash: Mapped[str] = mapped_column(String(64))
    screened_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    screened_by: Mapped[str] = mapped_column(String(300))
    threshold: Mapped[float] = mapped_column(Float)
    match_count: Mapped[int] = mapped_column(Integer)
    matches: Mapped[str] = mapped_column(Text)
    """JSON list of the potential matches."""
    entry_ids: Mapped[str | None] = mapped_column(Text)
    """The entries of the potential matches, one a line (migration 0012; NULL on screenings
    stored before it, whose entries are read from ``matches``)."""
    matches_of: Mapped[int | None] = mapped_column(Integer)
    """A screening carried to a later snapshot with its matches: the screening whose
    ``matches`` hold them (its own are then empty). Migration 0012."""


class ScreeningNameKeysRow(Base):
    """The key hashes of the names a party was screened under (migration 0012): derived
    data, kept so that a list import re-screens only the parties its changes can affect."""

    __tablename__ = "screening_name_keys"

    names_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[str] = mapped_column(String(16), primary_key=True)
    keys: Mapped[bytes] = mapped_column(LargeBinary)
    name: Mapped[str | None] = mapped_column(String(300))
    """With ``aliases`` and ``parent_name``: the names of the first party screened under this
    names hash without owners, written as ``parties`` holds them (NULL if it had owners)."""
    aliases: Mapped[str | None] = mapped_column(Text)
    parent_name: Mapped[str | None] = mapped_column(String(300))


class ScreeningDispositionRow(Base):
    """The officer's decision on a potential match. Append-only: the newest counts."""

    __tablename__ = "screening_dispositions"
    __table_args__ = (Index("ix_screening_dispositions_party_ref", "party_ref", "entry_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    party_ref: Mapped[str] = mapped_column(String(64))
    entry_id: Mapped[str] = mapped_column(String(200))
    entry_hash: Mapped[str] = mapped_column(String(64))
    verdict: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text)
    document: Mapped[str | None] = mapped_column(String(300))
    score: Mapped[float] = mapped_column(Float)
    decided_by: Mapped[str] = mapped_column(String(300))
    decided_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    approved_by: Mapped[str | None] = mapped_column(String(300))
    approved_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class ShippedUnitRow(Base):
    """One unit shipped on an order, with its serial number (rules.md section 10).
    Append-only. ``serial_key`` is the serial with letters in capitals: unique per product."""

    __tablename__ = "shipped_units"
    __table_args__ = (
        UniqueConstraint("product_ref", "serial_key"),
        Index("ix_shipped_units_order_ref", "order_ref", "shipment_ref"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_ref: Mapped[str] = mapped_column(ForeignKey("orders.ref"))
    shipment_ref: Mapped[str] = mapped_column(String(REF))
    shipped_on: Mapped[dt.date] = mapped_column(Date)
    product_ref: Mapped[str] = mapped_column(ForeignKey("products.ref"))
    serial: Mapped[str] = mapped_column(String(100))
    serial_key: Mapped[str] = mapped_column(String(100))


class FieldVisitRow(Base):
    """A field-audit kit merged back: one visit (rules.md section 10). Append-only."""

    __tablename__ = "field_visits"
    __table_args__ = (Index("ix_field_visits_party_ref", "party_ref"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kit_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    party_ref: Mapped[str] = mapped_column(ForeignKey("parties.ref"))
    site: Mapped[str] = mapped_column(String(300))
    exported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    closed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    auditor: Mapped[str] = mapped_column(String(300))
    site_representative: Mapped[str] = mapped_column(String(300))
    key_fingerprint: Mapped[str] = mapped_column(String(100))
    log_head: Mapped[str] = mapped_column(String(64))
    discrepancies: Mapped[int] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text)
    merged_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    merged_by: Mapped[str] = mapped_column(String(300))


class FieldVisitResolutionRow(Base):
    """How the officer resolved a visit's discrepancies. Append-only."""

    __tablename__ = "field_visit_resolutions"
    __table_args__ = (Index("ix_field_visit_resolutions_party_ref", "party_ref"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("field_visits.id"))
    party_ref: Mapped[str] = mapped_column(String(64))
    resolution: Mapped[str] = mapped_column(Text)
    resolved_by: Mapped[str] = mapped_column(String(300))
    resolved_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class DeskKeyRow(Base):
    """The public half of a key that signed a kit of this database. Append-only."""

    __tablename__ = "desk_keys"

    fingerprint: Mapped[str] = mapped_column(String(100), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(128))
    first_used_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    first_used_by: Mapped[str] = mapped_column(String(300))


APPEND_ONLY_TABLES = (
    "decisions",
    "ledger_entries",
    "audit_log",
    "documents",
    "document_returns",
    "list_snapshots",
    "list_entries",
    "party_screenings",
    "screening_dispositions",
    "shipped_units",
    "field_visits",
    "field_visit_resolutions",
    "desk_keys",
)
