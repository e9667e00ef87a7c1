"""Generating documents: number, stamp, render (outside the write lock) and register each one
with its audit entry; batches of statements due and records of a day.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from pydantic import BaseModel

from domain.documents import (
    AiaStatementView,
    DecisionRecordView,
    DocumentKind,
    DocumentRenderer,
    DocumentView,
    LppCertificationView,
    QuotaReportView,
    RegisteredDocument,
    ShipmentNoticeView,
    Stamp,
    VisitReportView,
    content_hash,
)
from domain.errors import DomainError, EnvironmentFaultError
from domain.frozen import Frozen
from domain.ports import Database, UnitOfWork
from domain.progress import CancelToken, ProgressSink, no_progress
from domain.ruleset import RulesetCatalog
from domain.services.documents.views import (
    Deliver,
    aia_ineligibility,
    aia_item_eccns,
    aia_shipment_decision,
    aia_statement_view,
    decision_record_view,
    document_code,
    document_number,
    latest_decision,
)
from domain.services.settings import LETTERHEAD_NEEDED, read_document_settings

# -- generating and registering --------------------------------------------------------------

_KIND_OF_VIEW: dict[type[BaseModel], DocumentKind] = {
    AiaStatementView: DocumentKind.AIA_STATEMENT,
    LppCertificationView: DocumentKind.LPP_CERTIFICATION,
    DecisionRecordView: DocumentKind.DECISION_RECORD,
    ShipmentNoticeView: DocumentKind.SHIPMENT_NOTICE,
    QuotaReportView: DocumentKind.QUOTA_REPORT,
    VisitReportView: DocumentKind.VISIT_REPORT,
}


class _Subject(Frozen):
    party_ref: str | None = None
    order_ref: str | None = None
    year: int | None = None
    decision_id: int | None = None
    title: str


def _subject(view: DocumentView) -> _Subject:
    """What a view is about, as the registry files it."""
    if isinstance(view, AiaStatementView):
        party = view.consignee
        return _Subject(
            party_ref=party.ref,
            title=f"AIA certification statement for {party.name} ({party.ref})",
        )
    if isinstance(view, LppCertificationView):
        party = view.consignee
        return _Subject(
            party_ref=party.ref,
            year=view.year,
            title=f"LPP certification {view.year} for {party.name} ({party.ref})",
        )
    if isinstance(view, DecisionRecordView):
        return _Subject(
            party_ref=view.consignee.ref,
            order_ref=view.order_ref,
            decision_id=view.decision_id,
            title=f"Decision record for order {view.order_ref} (decision {view.decision_seq}: "
            f"{view.outcome})",
        )
    if isinstance(view, ShipmentNoticeView):
        return _Subject(
            party_ref=view.consignee.ref,
            order_ref=view.order_ref,
            title=f"AIA shipment notice for order {view.order_ref}",
        )
    if isinstance(view, VisitReportView):
        return _Subject(
            party_ref=view.party_ref,
            title=f"Field visit report: {view.site} ({view.party_ref}), signed off "
            f"{view.closed_at.date().isoformat()}",
        )
    return _Subject(
        year=view.year,
        title=f"Quota report as of {view.as_of.isoformat()} (LPP year {view.year})",
    )


def _same(given: object, derived: object, what: str) -> None:
    if given is not None and derived is not None and given != derived:
        raise DomainError(f"the document is about {what} {derived!r}, not {given!r}")


def _still_current(uow: UnitOfWork, kind: DocumentKind, subject: _Subject) -> int | None:
    """For a decision record or notice: the decision it shows, checked inside the writing
    transaction (a re-check between building the view and registering it would make the
    paper describe a decision that is no longer the order's latest)."""
    if kind not in (DocumentKind.DECISION_RECORD, DocumentKind.SHIPMENT_NOTICE):
        return subject.decision_id
    assert subject.order_ref is not None
    if kind is DocumentKind.SHIPMENT_NOTICE:
        latest = aia_shipment_decision(uow, subject.order_ref)
    else:
        _, latest = latest_decision(uow, subject.order_ref)
    if subject.decision_id is not None and latest.id != subject.decision_id:
        raise DomainError(
            f"order {subject.order_ref} was decided again (decision {latest.seq}) while the "
            "document was prepared: generate it again"
        )
    return latest.id


RENDER_ATTEMPTS = 5
"""How often a document is rendered again when another desk took its number meanwhile."""


HeadSigner = Callable[[int, str], str | None]
"""Anchors a chain head (entry number, hash) and returns its signature as printed."""


def generate(
    db: Database,
    renderer: DocumentRenderer,
    view: DocumentView,
    *,
    kind: DocumentKind | None = None,
    party_ref: str | None = None,
    order_ref: str | None = None,
    year: int | None = None,
    actor: str,
    deliver: Deliver | None = None,
    sign_head: HeadSigner | None = None,
) -> tuple[RegisteredDocument, bytes]:
    """Number, stamp, render and register one document.

    ``sign_head``, when given, anchors the chain head the document is issued at outside the
    database and returns the signature the paper prints (the quota report's).

    The view says which kind of document it is (``kind``, when given, must agree). The
    number is the next for that kind in the year generated (``AIA-2026-0001``). It is
    rendered outside the write lock (rendering takes a while; other officers keep deciding
    meanwhile), then registered in one writing unit of work that checks the number is still
    free and the decision shown still the latest; if another desk took the number meanwhile,
    it is rendered again with the next one. The registry keeps the content hash, the
    verification code and the SHA-256 of the PDF, and an audit entry records the generation.
    ``party_ref``, ``order_ref`` and ``year`` default to what the view is about (given, they
    must agree with it). ``deliver`` (e.g. write the file) runs before the commit: if it
    fails, no number is used.
    """
    if kind is None:
        kind = _KIND_OF_VIEW[type(view)]
    elif _KIND_OF_VIEW.get(type(view)) is not kind:
        raise DomainError(f"a {type(view).__name__} is not a {kind.label}")
    subject = _subject(view)
    _same(party_ref, subject.party_ref, "party")
    _same(order_ref, subject.order_ref, "order")
    _same(year, subject.year, "year")
    hash_hex = content_hash(view)
    for _ in range(RENDER_ATTEMPTS):
        with db.reader() as uow:
            settings = read_document_settings(uow)
            if settings.letterhead_is_default:
                raise DomainError(f"no {kind.label.lower()} registered: {LETTERHEAD_NEEDED}")
            decision_id = _still_current(uow, kind, subject)
            generated_at = uow.now
            issued_year = generated_at.astimezone(UTC).year
            serial = uow.documents.last_serial(kind, issued_year) + 1
            chain_seq, chain_head = uow.audit.head()  # the record as the paper states it
        number = document_number(kind, issued_year, serial)
        code = document_code(number, hash_hex)
        stamp = Stamp(
            number=number,
            kind=kind,
            generated_at=generated_at,
            generated_by=settings.officer,  # as configured; never the computer's login
            ruleset=view.ruleset,
            content_hash=hash_hex,
            verification_code=code,
            chain_seq=chain_seq,
            chain_head=chain_head,
            head_signature=None if sign_head is None else sign_head(chain_seq, chain_head),
        )
        pdf = renderer.render(view, stamp)  # no lock held
        with db.writer(actor) as uow:
            if uow.documents.last_serial(kind, issued_year) + 1 != serial:
                continue  # another desk registered this number meanwhile: render again
            if _still_current(uow, kind, subject) != decision_id:
                raise DomainError(
                    f"order {subject.order_ref} was decided again while the document was "
                    "prepared: generate it again"
                )
            document = RegisteredDocument(
                number=number,
                kind=kind,
                party_ref=party_ref or subject.party_ref,
                order_ref=order_ref or subject.order_ref,
                year=year or subject.year,
                content_hash=hash_hex,
                verification_code=code,
                file_sha256=hashlib.sha256(pdf).hexdigest(),
                generated_by=uow.actor,
                generated_at=generated_at,
                ruleset=view.ruleset,
                title=subject.title,
                decision_id=decision_id,
                attests_weights_storage=(
                    isinstance(view, AiaStatementView) and view.weights_attestation is not None
                ),
                chain_seq=chain_seq,
                chain_head=chain_head,
            )
            uow.documents.add(document, issued_year=issued_year, serial=serial)
            uow.audit.append(
                "generate",
                "document",
                number,
                after={
                    "kind": kind.value,
                    "title": document.title,
                    "party": document.party_ref,
                    "order": document.order_ref,
                    "year": document.year,
                    "decision_id": decision_id,
                    "ruleset": document.ruleset,
                    "content_hash": hash_hex,
                    "file_sha256": document.file_sha256,
                    "code": code,
                    "chain_seq": chain_seq,
                    "chain_head": chain_head,
                },
            )
            if deliver is not None:
                deliver(document, pdf)
            uow.commit()
        return document, pdf
    raise DomainError(
        f"no {kind.label.lower()} registered: other desks kept taking the next number; "
        "generate it again"
    )


# -- batches ---------------------------------------------------------------------------------


def aia_statements_due(
    db: Database, catalog: RulesetCatalog, *, on: date, include_outstanding: bool = False
) -> list[str]:
    """Consignees that need an AIA statement: eligible for AIA (Tier 1 located,
    headquartered and parent), with open orders for items AIA would cover, and no AIA
    certification in force on ``on``. Those with a statement already out for signature
    (generated, not yet returned) are left out unless ``include_outstanding``."""
    ruleset = catalog.in_effect_on(on)
    due: list[str] = []
    with db.reader() as uow:
        for party in uow.parties.all():
            if aia_ineligibility(party, ruleset) is not None:
                continue
            certifications = uow.paperwork.aia_certifications(party.ref)
            if any(item.in_force_on(on) for item in certifications):
                continue
            refs = uow.orders.product_refs_for(party.ref)
            if not refs or not aia_item_eccns(
                uow.products.get_many(sorted(refs)).values(), ruleset
            ):
                continue
            if not include_outstanding and any(
                document.signed_on is None
                for document in uow.documents.for_party(party.ref, DocumentKind.AIA_STATEMENT)
            ):
                continue
            due.append(party.ref)
    return due


def decisions_of_day(db: Database, day: date, *, zone: tzinfo = UTC) -> list[str]:
    """Orders whose latest decision was recorded on ``day`` (in ``zone``), in the order
    they were decided."""
    start = datetime.combine(day, time(), tzinfo=zone)
    end = start + timedelta(days=1)
    with db.reader() as uow:
        return uow.decisions.latest_decided_between(start, end)


class BatchResult(Frozen):
    """What a batch generated, and what it could not."""

    kind: DocumentKind
    total: int
    documents: tuple[RegisteredDocument, ...]
    errors: dict[str, str]
    """Subjects (party or order refs) with the reason they were not generated."""
    cancelled: bool


BATCH_KINDS = (DocumentKind.AIA_STATEMENT, DocumentKind.DECISION_RECORD)


def generate_batch(
    db: Database,
    catalog: RulesetCatalog,
    renderer: DocumentRenderer,
    *,
    kind: DocumentKind,
    subjects: Sequence[str],
    on: date,
    actor: str,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
    deliver: Deliver | None = None,
) -> BatchResult:
    """Generate one document per subject (party refs for AIA statements, order refs for
    decision records), one transaction each: a cancel or a crash keeps the finished ones.

    A subject that is refused (e.g. no longer eligible) is reported and the batch goes on.
    """
    if kind not in BATCH_KINDS:
        raise DomainError(f"batches generate AIA statements or decision records, not {kind}")
    documents: list[RegisteredDocument] = []
    errors: dict[str, str] = {}
    progress(0, len(subjects), "")
    for index, subject in enumerate(subjects, start=1):
        if cancel is not None and cancel.cancelled:
            break
        try:
            if kind is DocumentKind.AIA_STATEMENT:
                view: DocumentView = aia_statement_view(db, catalog, subject, on=on)
            else:
                view = decision_record_view(db, catalog, subject)
            document, _ = generate(db, renderer, view, actor=actor, deliver=deliver)
        except EnvironmentFaultError:
            raise  # a full or read-only disk stops the batch: every other subject would meet it
        except DomainError as error:
            errors[subject] = str(error)
        else:
            documents.append(document)
        progress(index, len(subjects), subject)
    return BatchResult(
        kind=kind,
        total=len(subjects),
        documents=tuple(documents),
        errors=errors,
        cancelled=len(documents) + len(errors) < len(subjects),
    )
