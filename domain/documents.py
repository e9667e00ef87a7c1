"""Printed documents as values: what each statement shows, and how paper is verified.

Every figure on a document is computed here or by the document services; reports/ only
lays it out. Each generated document is registered with a number, a content hash and a short
verification code that is printed (with a QR code) on every page, so a paper copy can later
be checked against the registry.
"""

from __future__ import annotations

import base64
from datetime import date, datetime
from enum import StrEnum
from typing import Literal, Protocol

from pydantic import Field

from domain.audit import canonical_json, sha256_hex
from domain.courtesy import CourtesyTranslation
from domain.errors import DomainError
from domain.frozen import Frozen
from domain.labelled import Labelled
from domain.numbers import Exact

PageSize = Literal["A4", "Letter"]


class DocumentKind(Labelled):
    AIA_STATEMENT = "aia_statement", "AIA certification statement", "AIA"
    LPP_CERTIFICATION = "lpp_certification", "LPP certification", "LPP"
    DECISION_RECORD = "decision_record", "Decision record", "DR"
    SHIPMENT_NOTICE = "shipment_notice", "AIA shipment notice", "SN"
    QUOTA_REPORT = "quota_report", "Quota report", "QR"
    VISIT_REPORT = "visit_report", "Field visit report", "VR"

    prefix: str
    """What its numbers start with (``AIA-2026-0001``)."""

    def __init__(self, value: str, label: str = "", prefix: str = "") -> None:
        self.prefix = prefix


def qr_payload(number: str, code: str, content_hash: str) -> str:
    """What a document's QR code holds: ``DDESK1|number|code|full content hash``. ASCII only
    (scanners misread unmarked non-ASCII); ``verify`` takes it as a scanner types it."""
    return f"DDESK1|{number}|{code}|{content_hash}"


class Letterhead(Frozen):
    """The exporter, as printed at the top of every document (from the settings)."""

    name: str
    address_lines: tuple[str, ...] = ()
    contact: str = ""


class PartyBlock(Frozen):
    """A party as a statement names it."""

    ref: str
    name: str
    aliases: tuple[str, ...] = ()
    address: str = ""
    location: str
    """"Japan (JP)"."""
    headquarters: str
    ultimate_parent: str | None = None
    """"Name, headquartered in Country (CC)"."""


class Signer(Frozen):
    """A signature block: printed name and title; both may be blank lines to fill in."""

    name: str = ""
    title: str = ""


class Stamp(Frozen):
    """What identifies a generated document on paper."""

    number: str
    kind: DocumentKind
    generated_at: datetime
    generated_by: str
    """The officer as the settings name them for paper ("" prints no person)."""
    ruleset: str
    content_hash: str
    verification_code: str
    chain_seq: int | None = None
    chain_head: str | None = None
    """The audit chain's last entry when the document was issued."""
    head_signature: str | None = None
    """The desk's signature of that head, as its anchor file keeps it ("key FINGERPRINT:
    SIGNATURE"); printed in full on the quota report."""

    @property
    def record_line(self) -> str:
        """The chain head as the paper prints it: "record entry 1,234 · 9f2c4e1a0b7d"."""
        if self.chain_seq is None or self.chain_head is None:
            return ""
        return f"record entry {self.chain_seq:,} · {self.chain_head[:12]}"

    @property
    def qr_payload(self) -> str:
        return qr_payload(self.number, self.verification_code, self.content_hash)


class AttestationBlock(Frozen):
    """A paragraph signed separately that is the exporter's form, not regulatory text."""

    label: str
    title: str
    text: str


class AiaStatementView(Frozen):
    letterhead: Letterhead
    consignee: PartyBlock
    title: str
    regulation: str
    """"15 CFR 740.27(b)(2)"."""
    opening: str
    """The regulation's opening with the consignee's name: "Acme GmbH:"."""
    items_description: str
    """The general description and ECCNs, e.g. "boards classified under ECCN 4A090.a"."""
    eccns: tuple[str, ...]
    commitments: tuple[str, ...]
    """Items (i) to (iv), verbatim in the wording of the ruleset version, items filled in."""
    signatures_label: str
    """The label of the item the signature blocks stand for: "(v)"."""
    signatures_instruction: str
    """What the regulation asks the signature blocks to hold."""
    weights_attestation: AttestationBlock | None = None
    """The model-weight storage attestation, when the items include 4E091 weights."""
    signers: tuple[Signer, ...] = Field(min_length=1)
    ruleset: str
    ruleset_title: str
    page_size: PageSize = "A4"
    courtesy: CourtesyTranslation | None = Field(default=None, exclude_if=lambda v: v is None)
    """The commitments translated for a consignee reading Chinese, printed after the binding
    English text; left out of the content hash when absent, so an English statement hashes
    as it did before there were translations."""


class LppCertificationView(Frozen):
    letterhead: Letterhead
    consignee: PartyBlock
    title: str
    year: int
    limit_tpp: Exact
    prior_receipts_tpp: Exact | None
    """The prior receipts on file for the year; None when the signer fills them in."""
    statements: tuple[str, ...]
    """The certification's statements, figures filled in."""
    signers: tuple[Signer, ...] = Field(min_length=1)
    ruleset: str
    rule: str
    page_size: PageSize = "A4"


class LineRow(Frozen):
    product: str
    quantity: int
    eccn: str
    unit_tpp: str
    line_tpp: str


class FindingRow(Frozen):
    severity: str
    code: str
    rule: str
    message: str
    figures: str


class ScreenedMatchRow(Frozen):
    """One potential match a decision's screening considered, and where it stood then."""

    entry: str
    list_name: str
    names: str
    """The party's name that met the entry's name, e.g. "legal name 'Acme Co' ~ 'ACME Ltd'"."""
    score: str
    decision: str
    """Undecided, or the disposition: verdict, by whom and when, the reason."""


class ScreeningBlock(Frozen):
    """The screening of one party of the order that the decision rested on."""

    party: str
    role: str
    snapshot: str
    """Which list snapshot, imported when, from which file."""
    screened_at: datetime | None
    result: str
    matches: tuple[ScreenedMatchRow, ...] = ()


class DecisionRecordView(Frozen):
    letterhead: Letterhead
    order_ref: str
    order_date: date
    consignee: PartyBlock
    end_user: PartyBlock | None
    destination: str
    destination_tier: int
    lines: tuple[LineRow, ...]
    outcome: str
    """The outcome in words, e.g. "Authorized"."""
    authorizations: tuple[str, ...]
    a_level_tpp: str
    findings: tuple[FindingRow, ...]
    ruleset: str
    enforcement_note: str
    decision_id: int
    decision_seq: int
    decided_by: str
    decided_at: datetime
    decision_hash: str
    audit_seq: int | None
    audit_hash: str | None
    superseded: bool = False
    cancelled: bool = False
    page_size: PageSize = "A4"
    screening: tuple[ScreeningBlock, ...] = ()
    """The restricted-party screening in force when the order was decided; empty when no list
    had been imported by then."""


class ShipmentNoticeView(Frozen):
    letterhead: Letterhead
    order_ref: str
    order_date: date
    consignee: PartyBlock
    lines: tuple[LineRow, ...]
    notice: str
    """The notice text of the ruleset version (§ 740.27(b)(3)), ECCNs filled in."""
    ruleset: str
    page_size: PageSize = "A4"


class QuotaRow(Frozen):
    label: str
    used_tpp: Exact
    limit_tpp: Exact
    detail: str = ""
    bound: Literal["max", "min"] = "max"
    """"max": the limit caps what is used; "min": the figure must reach at least the limit
    (a UVEU's share in Tier 1), so reaching it is the good case."""

    @property
    def breached(self) -> bool:
        if self.bound == "min":
            return self.used_tpp < self.limit_tpp
        return self.used_tpp > self.limit_tpp


class QuotaReportView(Frozen):
    letterhead: Letterhead
    as_of: date
    year: int
    ruleset: str
    enforcement_note: str
    country_allocations: tuple[QuotaRow, ...]
    lpp: tuple[QuotaRow, ...]
    nveu: tuple[QuotaRow, ...]
    uveu: tuple[QuotaRow, ...]
    """Shares as rows: used = share in percent, limit = the limit in percent."""
    page_size: PageSize = "A4"


class VisitProductRow(Frozen):
    """One product's serials at a visited site."""

    product_ref: str
    expected: int
    found: int
    missing: int


class VisitSerialRow(Frozen):
    """A serial that is not simply found: missing, unexpected, duplicate or relocated."""

    serial: str
    status: str
    product_ref: str = ""
    order_ref: str = ""
    detail: str = ""


class VisitAnswerRow(Frozen):
    item: str
    question: str
    answer: str
    """"yes", "no" or "not answered"."""
    note: str = ""


class VisitPhotoRow(Frozen):
    name: str
    sha256: str
    note: str = ""
    thumbnail: str = ""
    """The kit's JPEG thumbnail, base64 ("" when it has none)."""


class VisitReportView(Frozen):
    """A field visit as its kit recorded it (rules.md section 10): built from the kit alone,
    so the report printed on site and the one the desk registers at the merge say the same."""

    letterhead: Letterhead
    """The desk that exported the kit."""
    site: str
    party_ref: str
    party_name: str
    party_location: str
    kit_sha256: str
    key_fingerprint: str
    exported_at: datetime
    exported_by: str
    closed_at: datetime
    auditor: str
    site_representative: str
    log_entries: int
    log_head: str
    expected: int
    found: int
    products: tuple[VisitProductRow, ...]
    serials: tuple[VisitSerialRow, ...]
    answers: tuple[VisitAnswerRow, ...]
    photos: tuple[VisitPhotoRow, ...]
    ruleset: str
    page_size: PageSize = "A4"

    @property
    def discrepancies(self) -> int:
        """Missing, unexpected and duplicate serials, and checklist items answered no."""
        return sum(1 for row in self.serials if row.status != "relocated") + sum(
            1 for row in self.answers if row.answer == "no"
        )


DocumentView = (
    AiaStatementView
    | LppCertificationView
    | DecisionRecordView
    | ShipmentNoticeView
    | QuotaReportView
    | VisitReportView
)


def content_hash(view: DocumentView) -> str:
    """The hash of what a document says (its view-model, without the stamp)."""
    return sha256_hex(
        canonical_json({"kind": type(view).__name__, "view": view.model_dump(mode="json")})
    )


def verification_code(hash_hex: str) -> str:
    """A short code a person can type from paper: 12 base-32 characters in groups of four."""
    raw = base64.b32encode(bytes.fromhex(hash_hex)).decode("ascii")[:12]
    return "-".join(raw[index : index + 4] for index in range(0, 12, 4))


def normalise_code(text: str) -> str:
    """Accept what people type: any case, spaces or dashes, O for 0 and I/L for 1 are not
    in the base-32 alphabet, so they are read as the letters they resemble."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    return "-".join(cleaned[index : index + 4] for index in range(0, len(cleaned), 4))


class Standing(StrEnum):
    """What a verified document stands for today."""

    CURRENT = "current"
    REVOKED = "revoked"
    """An AIA statement whose certification was later revoked."""
    SUPERSEDED = "superseded"
    """A decision record whose decision was superseded, or whose order was cancelled."""


class RegisteredDocument(Frozen):
    """One generated document as the registry keeps it."""

    number: str
    kind: DocumentKind
    party_ref: str | None
    order_ref: str | None
    year: int | None
    content_hash: str
    verification_code: str
    file_sha256: str
    generated_by: str
    generated_at: datetime
    ruleset: str
    title: str
    signed_on: date | None = None
    signed_by: tuple[str, ...] = ()
    decision_id: int | None = None
    """For a decision record or shipment notice: the recorded decision it shows."""
    attests_weights_storage: bool = False
    """An AIA statement that carried the model-weight storage attestation."""
    chain_seq: int | None = None
    chain_head: str | None = None
    """The audit chain's last entry when the document was issued (None: issued before the
    desk kept it): ``audit verify`` checks that this entry is still in the chain unchanged."""

    @property
    def qr_payload(self) -> str:
        return qr_payload(self.number, self.verification_code, self.content_hash)


class Verification(Frozen):
    """The answer to "is this paper genuine?"."""

    genuine: bool
    document: RegisteredDocument | None
    standing: Standing | None
    message: str
    """A sentence for the officer: what matched, and what the document stands for now."""
    since: date | None = None
    """When a genuine document was revoked or superseded."""
    record_rewritten: bool = False
    """The paper is genuine, but the desk's record no longer holds the chain head it was
    issued at: the record was shortened or rewritten since."""

    @property
    def headline(self) -> str:
        """The verdict's first line: "GENUINE", "GENUINE, BUT REVOKED ON 2026-06-30",
        "GENUINE, BUT SUPERSEDED ON ...", or "NOT GENUINE"."""
        if not self.genuine:
            return "NOT GENUINE"
        if self.record_rewritten:
            return "GENUINE, BUT THE DESK'S RECORD WAS REWRITTEN SINCE"
        if self.standing in (Standing.REVOKED, Standing.SUPERSEDED):
            state = "REVOKED" if self.standing is Standing.REVOKED else "SUPERSEDED"
            on = f" ON {self.since.isoformat()}" if self.since else ""
            return f"GENUINE, BUT {state}{on}"
        return "GENUINE"


class UnverifiableFileError(DomainError):
    """A file the desk cannot read what it says (encrypted, text printed as images, too large):
    neither genuine nor forged as far as the file shows; the printed code decides."""


class DocumentRenderer(Protocol):
    """reports/ implements this: a view-model and its stamp in, PDF bytes out."""

    def render(self, view: DocumentView, stamp: Stamp) -> bytes: ...


class TextExtractor(Protocol):
    """Reads the text of a PDF (to find the stamp of an altered or re-saved copy)."""

    def __call__(self, pdf: bytes) -> str: ...
