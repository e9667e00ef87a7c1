"""The signed copy of a statement comes back: record it, and the certification it gives."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from pydantic import ValidationError

from domain.documents import (
    DocumentKind,
    RegisteredDocument,
)
from domain.errors import DomainError
from domain.model import (
    AiaCertification,
    LppCertification,
)
from domain.numbers import Exact
from domain.ports import Database, UnitOfWork
from domain.services.documents.verification import day_text
from domain.services.documents.views import SIGNATURE_TOLERANCE
from domain.services.records import put_record_in

# -- the signed copy comes back --------------------------------------------------------------


def record_signed_return(
    db: Database,
    number: str,
    *,
    signed_on: date,
    signers: Sequence[str],
    weights_storage_attested: bool = False,
    prior_receipts_tpp: Exact | None = None,
    actor: str,
) -> RegisteredDocument:
    """Record that the signed copy of a statement came back, and the certification it gives.

    For an AIA statement the AIA certification (signed on ``signed_on`` by ``signers``) is
    recorded in the same transaction, so order checks rely on it at once. For an LPP
    certification the LPP certification for its year is recorded with the prior receipts
    declared (``prior_receipts_tpp``; by default those on file for that year).
    """
    names = tuple(" ".join(name.split()) for name in signers if name.strip())
    if not names:
        raise DomainError("name at least one signer (as printed on the signed copy)")
    with db.writer(actor) as uow:
        document = uow.documents.get(number)
        if document is None:
            raise DomainError(f"unknown document {number!r}")
        if document.kind not in (DocumentKind.AIA_STATEMENT, DocumentKind.LPP_CERTIFICATION):
            raise DomainError(
                f"{number} is a {document.kind.label.lower()}: only AIA statements and LPP "
                "certifications are signed and returned"
            )
        if document.signed_on is not None:
            raise DomainError(
                f"the signed copy of {number} was already recorded (signed "
                f"{day_text(document.signed_on)} by {'; '.join(document.signed_by)})"
            )
        generated = document.generated_at.date()
        if signed_on < (document.generated_at - SIGNATURE_TOLERANCE).date():
            raise DomainError(
                f"{number} was generated on {generated.isoformat()}: it cannot have been "
                f"signed on {signed_on.isoformat()}"
            )
        if signed_on > (uow.now + SIGNATURE_TOLERANCE).date():
            raise DomainError(f"the signing date {signed_on.isoformat()} is in the future")
        assert document.party_ref is not None
        if weights_storage_attested and not document.attests_weights_storage:
            raise DomainError(
                f"{number} did not carry the model-weight storage attestation, so its signed "
                "copy cannot be recorded as attesting storage: generate a statement with the "
                "attestation for the consignee to sign"
            )
        try:
            if document.kind is DocumentKind.AIA_STATEMENT:
                _record_aia(uow, document.party_ref, signed_on, names, weights_storage_attested)
            else:
                assert document.year is not None
                _record_lpp(
                    uow, document.party_ref, document.year, signed_on, names, prior_receipts_tpp
                )
        except ValidationError as error:
            problem = "; ".join(item["msg"] for item in error.errors())
            raise DomainError(f"the signed copy of {number}: {problem}") from error
        uow.documents.add_return(
            number,
            signed_on=signed_on,
            signed_by=names,
            recorded_by=uow.actor,
            recorded_at=uow.now,
        )
        uow.audit.append(
            "return",
            "document",
            number,
            after={
                "signed_on": signed_on.isoformat(),
                "signers": list(names),
                "weights_storage_attested": weights_storage_attested,
                "prior_receipts_tpp": prior_receipts_tpp,
            },
        )
        returned = uow.documents.get(number)
        assert returned is not None
        uow.commit()
    return returned


def _record_aia(
    uow: UnitOfWork, party_ref: str, signed_on: date, names: tuple[str, ...], attested: bool
) -> None:
    existing = {item.signed_on: item for item in uow.paperwork.aia_certifications(party_ref)}
    before = existing.get(signed_on)
    if before is not None:
        # Entered or imported already (e.g. from a scan): keep its BIS submission and any
        # revocation, take the signers from the paper.
        certification = before.model_copy(
            update={
                "signers": names,
                "weights_storage_attested": before.weights_storage_attested or attested,
            }
        )
        AiaCertification.model_validate(certification.model_dump())
    else:
        certification = AiaCertification(
            party_ref=party_ref,
            signed_on=signed_on,
            signers=names,
            weights_storage_attested=attested,
        )
    put_record_in(uow, certification)


def _record_lpp(
    uow: UnitOfWork,
    party_ref: str,
    year: int,
    signed_on: date,
    names: tuple[str, ...],
    prior_receipts_tpp: Exact | None,
) -> None:
    existing = uow.paperwork.lpp_certification(party_ref, year)
    if prior_receipts_tpp is None:
        if existing is None:
            raise DomainError(
                f"give the prior receipts for {year} the signer declared on the LPP "
                "certification (no figure is on file to take them from)"
            )
        prior_receipts_tpp = existing.prior_receipts_tpp
    put_record_in(
        uow,
        LppCertification(
            party_ref=party_ref,
            year=year,
            signed_on=signed_on,
            signer="; ".join(names),
            prior_receipts_tpp=prior_receipts_tpp,
        ),
    )
