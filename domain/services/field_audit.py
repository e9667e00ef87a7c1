"""Exporting a field-audit kit for one site (rules.md section 10, "The kit").

:func:`kit_contents` reads, in one consistent read, what the auditor needs offline about the
party and nothing more about others; :func:`export_kit` has the desk sign it. Writing the
file is the caller's (``storage.kit_file``), so that the contents and the signature are
made before anything touches the disk.
"""

from __future__ import annotations

from typing import Protocol

from domain.errors import DomainError
from domain.fieldaudit.kit import ExpectedSerial, KitContents, checklist, signed_bytes
from domain.model import Party
from domain.ports import Database, UnitOfWork
from domain.ruleset import RulesetCatalog


class KitSigner(Protocol):
    """The desk's signing key, as the export needs it."""

    @property
    def public_key(self) -> bytes: ...
    @property
    def fingerprint(self) -> str: ...
    def sign(self, data: bytes) -> bytes: ...


def _related(uow: UnitOfWork, party: Party, order_refs: list[str]) -> list[Party]:
    """The party's owners and end users that are parties themselves (the audited one first)."""
    refs: list[str] = []
    refs += [
        owner.owner_party_ref for owner in uow.owners.owners_of(party.ref) if owner.owner_party_ref
    ]
    for ref in order_refs:
        stored = uow.orders.get(ref)
        if stored is not None:
            refs += [r for r in (stored.order.consignee_ref, stored.order.end_user_ref) if r]
    found = uow.parties.get_many([ref for ref in dict.fromkeys(refs) if ref != party.ref])
    return [party, *found.values()]


def kit_contents(
    uow: UnitOfWork,
    catalog: RulesetCatalog,
    party_ref: str,
    site: str,
    *,
    actor: str,
    desk: str,
    signer: KitSigner,
) -> KitContents:
    """What the kit for ``site`` of ``party_ref`` holds (see ``domain.fieldaudit.kit``)."""
    party = uow.parties.get(party_ref)
    if party is None:
        raise DomainError(f"unknown party {party_ref!r}")
    order_refs = uow.orders.refs_for_party(party_ref)
    orders = []
    consignee_of: list[str] = []
    for ref in order_refs:
        stored = uow.orders.get(ref)
        if stored is None:
            continue
        if stored.order.consignee_ref == party_ref:
            consignee_of.append(ref)
        history = uow.decisions.history(ref)
        latest = history[-1] if history else None
        orders.append(
            {
                "order": stored.order.model_dump(mode="json"),
                "status": stored.status.value,
                "decision": None
                if latest is None
                else {
                    "id": latest.id,
                    "outcome": latest.decision.outcome.value,
                    "ruleset": latest.decision.ruleset,
                    "decided_at": latest.decided_at.isoformat(),
                    "decided_by": latest.decided_by,
                    "content_hash": latest.content_hash,
                },
            }
        )
    units = uow.shipments.of_orders(consignee_of)
    expected = tuple(
        ExpectedSerial(
            serial=unit.serial,
            product_ref=unit.product_ref,
            order_ref=unit.order_ref,
            shipment_ref=unit.shipment_ref,
            shipped_on=unit.shipped_on.isoformat(),
            site=site,
        )
        for ref in consignee_of
        for unit in units.get(ref, [])
    )
    ours = {unit.serial_key[1] for listed in units.values() for unit in listed}
    elsewhere = {
        serial: ref
        for serial, ref in uow.shipments.destinations().items()
        if serial not in ours and ref != party_ref
    }
    documents = [*uow.documents.for_party(party_ref)]
    for ref in order_refs:
        documents += [doc for doc in uow.documents.for_order(ref) if doc.party_ref != party_ref]
    snapshot = uow.list_snapshots.in_use()
    screening: tuple[dict[str, object], ...] = ()
    if snapshot is not None:
        latest_screening = uow.screenings.latest_for([party_ref], snapshot.id).get(party_ref)
        if latest_screening is not None:
            screening = tuple(
                {
                    "entry_id": match.entry_id,
                    "source": match.source,
                    "entry_name": match.entry_name,
                    "list_name": match.list_name,
                    "query_name": match.query_name,
                    "score": match.score,
                }
                for match in latest_screening.matches
            )
    return KitContents(
        site=site,
        party_ref=party_ref,
        exported_at=uow.now,
        exported_by=actor,
        desk=desk,
        key_fingerprint=signer.fingerprint,
        public_key=signer.public_key.hex(),
        parties=tuple(p.model_dump(mode="json") for p in _related(uow, party, order_refs)),
        owners=tuple(owner.model_dump(mode="json") for owner in uow.owners.owners_of(party_ref)),
        orders=tuple(orders),
        paperwork={
            "aia_certifications": tuple(
                item.model_dump(mode="json") for item in uow.paperwork.aia_certifications(party_ref)
            ),
            "lpp_certifications": tuple(
                item.model_dump(mode="json") for item in uow.paperwork.lpp_certifications(party_ref)
            ),
            "licences": tuple(
                item.model_dump(mode="json") for item in uow.paperwork.licenses_for(party_ref)
            ),
        },
        documents=tuple(
            {
                "number": doc.number,
                "kind": doc.kind.value,
                "title": doc.title,
                "order_ref": doc.order_ref,
                "content_hash": doc.content_hash,
                "file_sha256": doc.file_sha256,
                "verification_code": doc.verification_code,
                "generated_at": doc.generated_at.isoformat(),
            }
            for doc in documents
        ),
        expected=expected,
        shipped_elsewhere=elsewhere,
        rulesets=tuple(
            {
                "id": version.id,
                "title": version.title,
                "effective_from": version.effective_from.isoformat(),
            }
            for version in catalog.versions
        ),
        screening=screening,
        checklist=checklist(),
    )


def export_kit(
    db: Database,
    catalog: RulesetCatalog,
    party_ref: str,
    site: str,
    *,
    actor: str,
    signer: KitSigner,
) -> tuple[KitContents, bytes]:
    """The kit's contents and the desk's signature of them; an audit entry says it was made."""
    if not site.strip():
        raise DomainError("a kit is for one site: give the site (its name or address)")
    with db.writer(actor) as uow:
        contents = kit_contents(
            uow, catalog, party_ref, site.strip(), actor=actor, desk=db.description, signer=signer
        )
        signature = signer.sign(signed_bytes(contents))
        uow.audit.append(
            "export",
            "field_audit_kit",
            party_ref,
            after={
                "site": contents.site,
                "expected_serials": len(contents.expected),
                "orders": len(contents.orders),
                "key_fingerprint": contents.key_fingerprint,
                "exported_at": contents.exported_at.isoformat(),
            },
        )
        uow.commit()
    return contents, signature
