"""Is a paper genuine, and what does it stand for today? A file or a code typed from paper is
checked against the registry; a registered document's standing follows its certification or
decision (revoked, superseded).
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import NamedTuple

from domain.documents import (
    DocumentKind,
    RegisteredDocument,
    Standing,
    TextExtractor,
    UnverifiableFileError,
    Verification,
    normalise_code,
)
from domain.errors import DomainError
from domain.frozen import Frozen
from domain.ports import Database, OrderStatus, UnitOfWork
from domain.services.documents.views import SIGNATURE_TOLERANCE

# -- standing and verification ---------------------------------------------------------------


def day_text(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def _signed_from(document: RegisteredDocument, signed_on: date) -> bool:
    """Whether a certification signed on ``signed_on`` can come from this document."""
    if document.signed_on is not None:
        return signed_on == document.signed_on
    return signed_on >= (document.generated_at - SIGNATURE_TOLERANCE).date()


class StandingNow(NamedTuple):
    """What a registered document stands for today, why, and since when."""

    standing: Standing
    note: str
    since: date | None = None


def _aia_standing(uow: UnitOfWork, document: RegisteredDocument) -> StandingNow:
    assert document.party_ref is not None
    candidates = sorted(
        (
            item
            for item in uow.paperwork.aia_certifications(document.party_ref)
            if _signed_from(document, item.signed_on)
        ),
        key=lambda item: item.signed_on,
    )
    if not candidates:
        if document.signed_on is not None:
            return StandingNow(
                Standing.REVOKED,
                f"Its signed copy (signed {day_text(document.signed_on)}) was recorded, but the "
                "AIA certification it gave is no longer on file.",
            )
        return StandingNow(
            Standing.CURRENT,
            "No signed copy has been recorded yet: it is not yet an AIA certification.",
        )
    certification = candidates[0]
    if certification.revoked_on is not None:
        return StandingNow(
            Standing.REVOKED,
            f"The AIA certification signed on {day_text(certification.signed_on)} from this "
            f"statement was revoked on {day_text(certification.revoked_on)}: it no longer "
            "supports shipments under AIA.",
            certification.revoked_on,
        )
    signed_by = f" by {'; '.join(certification.signers)}" if certification.signers else ""
    return StandingNow(
        Standing.CURRENT,
        f"The AIA certification signed on {day_text(certification.signed_on)}{signed_by} is on "
        "file and in force.",
    )


def _lpp_standing(uow: UnitOfWork, document: RegisteredDocument) -> StandingNow:
    assert document.party_ref is not None
    assert document.year is not None
    certification = uow.paperwork.lpp_certification(document.party_ref, document.year)
    if certification is None or not _signed_from(document, certification.signed_on):
        if document.signed_on is not None:
            return StandingNow(
                Standing.REVOKED,
                f"Its signed copy (signed {day_text(document.signed_on)}) was recorded, but the "
                f"LPP certification for {document.year} on file is no longer the one it gave.",
            )
        return StandingNow(
            Standing.CURRENT,
            "No signed copy has been recorded yet: it is not yet an LPP certification.",
        )
    if certification.revoked_on is not None:
        return StandingNow(
            Standing.REVOKED,
            f"The LPP certification for {document.year} signed on "
            f"{day_text(certification.signed_on)} was revoked on "
            f"{day_text(certification.revoked_on)}.",
            certification.revoked_on,
        )
    return StandingNow(
        Standing.CURRENT,
        f"The LPP certification for {document.year} signed on "
        f"{day_text(certification.signed_on)} is on file.",
    )


def _decision_standing(uow: UnitOfWork, document: RegisteredDocument) -> StandingNow:
    assert document.order_ref is not None
    ref = document.order_ref
    stored = uow.orders.get(ref)
    if stored is None:
        return StandingNow(Standing.SUPERSEDED, f"Order {ref} is no longer in the records.")
    if stored.status is OrderStatus.CANCELLED:
        cancelled = [
            entry for entry in uow.audit.entries_for("order", ref) if entry.action == "cancel"
        ]
        day = cancelled[-1].at.date() if cancelled else None
        when = f" on {day.isoformat()}" if day else ""
        return StandingNow(
            Standing.SUPERSEDED,
            f"Order {ref} was cancelled{when}: the decision shown no longer stands.",
            day,
        )
    latest = uow.decisions.latest(ref)
    if (
        latest is not None
        and document.decision_id is not None
        and latest.id != document.decision_id
    ):
        return StandingNow(
            Standing.SUPERSEDED,
            f"The decision shown was superseded: order {ref} was decided again on "
            f"{latest.decided_at.date().isoformat()} by {latest.decided_by} "
            f"({latest.decision.outcome.label}, decision {latest.seq}).",
            latest.decided_at.date(),
        )
    return StandingNow(Standing.CURRENT, f"The decision shown is still the latest for order {ref}.")


def document_standing(uow: UnitOfWork, document: RegisteredDocument) -> StandingNow:
    """What a registered document stands for today, with a sentence saying why."""
    if document.kind is DocumentKind.AIA_STATEMENT:
        return _aia_standing(uow, document)
    if document.kind is DocumentKind.LPP_CERTIFICATION:
        return _lpp_standing(uow, document)
    if document.kind in (DocumentKind.DECISION_RECORD, DocumentKind.SHIPMENT_NOTICE):
        return _decision_standing(uow, document)
    if document.kind is DocumentKind.VISIT_REPORT:
        return StandingNow(
            Standing.CURRENT,
            "A visit report shows the visit as the auditor's kit recorded it and the desk "
            "received it.",
        )
    return StandingNow(
        Standing.CURRENT, "A report shows the quotas as they stood when it was generated."
    )


def _describe(document: RegisteredDocument) -> str:
    return (
        f"{document.number} ({document.title}), generated on "
        f"{document.generated_at.date().isoformat()} by {document.generated_by}"
    )


_PREFIXES = "|".join(sorted(kind.prefix for kind in DocumentKind))
_NUMBER_IN_TEXT = re.compile(rf"\b(?:{_PREFIXES})-\d{{4}}-\d{{4,}}\b")
_CODE_IN_TEXT = re.compile(r"\b[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}\b")
_PAYLOAD_IN_TEXT = re.compile(
    rf"DDESK1\|((?:{_PREFIXES})-\d{{4}}-\d{{4,}})\|([A-Z2-7]{{4}}-[A-Z2-7]{{4}}-[A-Z2-7]{{4}})"
    r"\|([0-9a-f]{64})"
)


class PrintedStamp(Frozen):
    """What could be read of a stamp in a document's text."""

    number: str | None = None
    code: str | None = None
    content_hash: str | None = None


def read_stamp(text: str) -> PrintedStamp:
    """The number, code and hash printed on a document (the QR payload when it is in the
    text, else the footer's number and code)."""
    payload = _PAYLOAD_IN_TEXT.search(text)
    if payload is not None:
        return PrintedStamp(
            number=payload.group(1), code=payload.group(2), content_hash=payload.group(3)
        )
    number = _NUMBER_IN_TEXT.search(text)
    code = _CODE_IN_TEXT.search(text)
    return PrintedStamp(
        number=number.group(0) if number else None, code=code.group(0) if code else None
    )


def _genuine(uow: UnitOfWork, document: RegisteredDocument, opening: str) -> Verification:
    standing, note, since = document_standing(uow, document)
    headline = {
        Standing.CURRENT: "",
        Standing.REVOKED: " It is genuine but no longer in force.",
        Standing.SUPERSEDED: " It is genuine but superseded.",
    }[standing]
    rewritten = _record_rewritten(uow, document)
    return Verification(
        genuine=True,
        document=document,
        standing=standing,
        since=since,
        message=f"{opening}{headline} {note}" + (f" {rewritten}" if rewritten else ""),
        record_rewritten=rewritten is not None,
    )


def _record_rewritten(uow: UnitOfWork, document: RegisteredDocument) -> str | None:
    """Words for a record that no longer holds the chain head the paper was issued at
    (None: it does, or the paper is from before heads were kept)."""
    if document.chain_seq is None or document.chain_head is None or document.chain_seq == 0:
        return None
    if uow.audit.hash_at(document.chain_seq) == document.chain_head:
        return None
    return (
        f"WARNING: the desk's record was shortened or rewritten after this paper was issued: "
        f"audit entry {document.chain_seq:,} no longer has the hash it had then "
        f"({document.chain_head[:16]}…); run 'diffusion-desk audit verify' and restore the "
        "database from a backup."
    )


MAX_PDF_BYTES = 64 * 1024 * 1024
"""The largest file verify reads: the desk's own documents are a few megabytes at most."""


def check_pdf_size(size: int, name: str) -> None:
    """Refuse, before reading it, a file far larger than any document the desk generates."""
    if size > MAX_PDF_BYTES:
        raise UnverifiableFileError(
            f"{name} is {size / 1024 / 1024:,.0f} MB: no document this desk generates is larger "
            f"than {MAX_PDF_BYTES // 1024 // 1024} MB, so it was not read; verify the paper by "
            "the verification code printed at the foot of each page"
        )


def verify_pdf(
    db: Database, pdf: bytes, extract_text: TextExtractor, *, name: str = "the file"
) -> Verification:
    """Is this file a document the desk generated, unchanged?

    The file's SHA-256 is looked up first: a match is the exact file generated. Otherwise
    the stamp is read from its text; a file that names a registered document but differs
    from it was altered or re-saved, and is not genuine. A file whose text cannot be read
    (encrypted, or a genuine statement printed to PDF as images) is neither: it raises
    ``UnverifiableFileError`` asking for the printed verification code instead.
    """
    check_pdf_size(len(pdf), name)
    if b"%PDF-" not in pdf[:1024]:
        return Verification(
            genuine=False,
            document=None,
            standing=None,
            message=(
                f"Not genuine: {name} is not a PDF (it does not begin with a PDF header), so it "
                "is not a document generated by this desk."
            ),
        )
    file_sha256 = hashlib.sha256(pdf).hexdigest()
    with db.reader() as uow:
        found = uow.documents.by_file_sha256(file_sha256)
        if found is not None:
            return _genuine(
                uow, found, f"Genuine: this file is {_describe(found)}, exactly as generated."
            )
    try:
        text = extract_text(pdf)
    except UnverifiableFileError:
        raise
    except DomainError as error:  # too damaged to read
        return Verification(
            genuine=False,
            document=None,
            standing=None,
            message=f"Not genuine: no document generated by this desk is this file, and {error}.",
        )
    stamp = read_stamp(text)
    if stamp.number is None and stamp.code is None and not any(ch.isalnum() for ch in text):
        raise UnverifiableFileError(
            f"{name} carries no text (it was printed to PDF as images, or scanned), so the "
            "desk cannot read what it says; that says nothing against the paper. Verify it by "
            "the verification code printed at the foot of each page (or its QR code)"
        )
    with db.reader() as uow:
        document = uow.documents.get(stamp.number) if stamp.number else None
        if document is None and stamp.code is not None:
            by_code = uow.documents.by_code(stamp.code)
            document = by_code[-1] if by_code else None
        if document is None:
            if stamp.number is not None:
                message = (
                    f"Not genuine: the file names document {stamp.number}, which this desk "
                    "never generated."
                )
            else:
                message = (
                    "Not genuine: this file is not a document generated by this desk (no "
                    "registered file matches it, and it carries no document number)."
                )
            return Verification(genuine=False, document=None, standing=None, message=message)
        standing, note, _ = document_standing(uow, document)
    problems = []
    if stamp.code is not None and stamp.code != document.verification_code:
        problems.append(
            f"the verification code printed on it ({stamp.code}) is not {document.number}'s"
        )
    if stamp.content_hash is not None and stamp.content_hash != document.content_hash:
        problems.append("the content hash printed on it is not the registered one")
    detail = f" Moreover {' and '.join(problems)}." if problems else ""
    return Verification(
        genuine=False,
        document=document,
        standing=standing,
        message=(
            f"Not genuine: document {document.number} exists but this file differs from the "
            f"one generated: it was altered or re-saved.{detail} Registered: "
            f"{_describe(document)}. {note}"
        ),
    )


def _verify_payload(db: Database, payload: str) -> Verification:
    found = _PAYLOAD_IN_TEXT.fullmatch(payload)
    if found is None:
        return Verification(
            genuine=False,
            document=None,
            standing=None,
            message=(
                f"{payload[:80]!r} is not the QR code of a document of this desk: it reads "
                "DDESK1|number|verification code|content hash."
            ),
        )
    number, code, hash_hex = found.groups()
    with db.reader() as uow:
        document = uow.documents.get(number)
        if document is None:
            return Verification(
                genuine=False,
                document=None,
                standing=None,
                message=f"Not genuine: the QR code names document {number}, which this desk "
                "never generated.",
            )
        if (code, hash_hex) != (document.verification_code, document.content_hash):
            wrong = "verification code" if code != document.verification_code else "content hash"
            return Verification(
                genuine=False,
                document=document,
                standing=None,
                message=f"Not genuine: the QR code names {number}, but its {wrong} is not the "
                "registered one.",
            )
        return _genuine(
            uow,
            document,
            f"Genuine QR code: {number}, its verification code and content hash match "
            f"{_describe(document)}. Check that the paper says the same.",
        )


def verify_code(db: Database, code: str) -> Verification:
    """Does a code typed from paper (or the QR code's payload, ``DDESK1|number|code|hash``,
    as a scanner types it) belong to a registered document, and what does that document
    stand for now? (Any case, spaces and missing dashes are accepted in a code.)"""
    if code.strip().upper().startswith("DDESK1|"):
        return _verify_payload(db, code.strip())
    normal = normalise_code(code)
    if len(normal.replace("-", "")) != 12:
        return Verification(
            genuine=False,
            document=None,
            standing=None,
            message=(
                f"{code.strip()!r} is not a verification code: a code has 12 letters and "
                "digits, printed in three groups of four (e.g. ABCD-EFGH-JKMN)."
            ),
        )
    with db.reader() as uow:
        found = uow.documents.by_code(normal)
        if not found:
            return Verification(
                genuine=False,
                document=None,
                standing=None,
                message=f"Not genuine: no document with verification code {normal} was "
                "generated by this desk.",
            )
        document = found[-1]
        also = (
            f" (the code also matches {', '.join(item.number for item in found[:-1])})"
            if len(found) > 1
            else ""
        )
        return _genuine(
            uow,
            document,
            f"Genuine code: {normal} belongs to {_describe(document)}{also}. Check that the "
            "paper says the same.",
        )
