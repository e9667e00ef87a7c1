"""Exporting a field-audit kit for one site and merging it back (rules.md section 10).

:func:`kit_contents` reads, in one consistent read, what the auditor needs offline about the
party and nothing more about others; :func:`export_kit` has the desk sign it. Writing the
file is the caller's (``storage.kit_file``), so that the contents and the signature are
made before anything touches the disk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from domain.documents import RegisteredDocument
from domain.errors import DomainError
from domain.fieldaudit.kit import ExpectedSerial, KitContents, checklist, signed_bytes
from domain.fieldaudit.reconcile import Expected, Reconciler, Reconciliation
from domain.fieldaudit.visits import FieldVisit, VisitResolution
from domain.frozen import Frozen
from domain.model import Party
from domain.ports import Database, UnitOfWork
from domain.ruleset import RulesetCatalog
from domain.services.settings import read_document_settings


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
        settings = read_document_settings(uow)
        # the exporter as its paper names it (the visit report's letterhead), else the database
        desk = db.description if settings.letterhead_is_default else settings.letterhead.name
        contents = kit_contents(
            uow, catalog, party_ref, site.strip(), actor=actor, desk=desk, signer=signer
        )
        signature = signer.sign(signed_bytes(contents))
        # the key is kept with the database: a kit signed by any officer's workstation of
        # this desk merges on any other (PostgreSQL: several officers, several keys)
        first_use = uow.field_visits.trust_key(
            signer.fingerprint, contents.public_key, at=uow.now, by=actor
        )
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
                **({"key_first_used": contents.public_key} if first_use else {}),
            },
        )
        uow.commit()
    return contents, signature


# -- merging a kit back ----------------------------------------------------------------------


class LoggedAction(Protocol):
    """One entry of a kit's on-site log, as the merge reads it."""

    @property
    def seq(self) -> int: ...
    @property
    def at(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def payload(self) -> dict[str, Any]: ...
    @property
    def hash(self) -> str: ...


class MergeResult(Frozen):
    visit: int
    merged: bool
    already_merged: bool
    discrepancies: int


@dataclass(frozen=True)
class KitMerged:
    """What merging a kit did: the visit, the registered report and its file, or why the
    report was not registered (the visit is merged all the same)."""

    path: Path
    party_ref: str
    result: MergeResult
    report: RegisteredDocument | None
    report_file: Path
    warning: str | None = None


def visit_of(
    contents: KitContents, contents_sha256: str, log: Sequence[LoggedAction]
) -> tuple[Reconciliation, dict[str, Any], LoggedAction]:
    """What a signed-off kit found: the reconciliation of its scans, its summary, and the
    sign-off entry."""
    if not log or log[-1].action != "close":
        raise DomainError(
            "the kit is not signed off: sign it off on site (`kit close`) before merging it"
        )
    reconciler = Reconciler(
        contents.site,
        (
            Expected(item.serial, item.product_ref, item.order_ref, item.site)
            for item in contents.expected
        ),
        contents.shipped_elsewhere,
    )
    answers: dict[str, dict[str, Any]] = {}
    photos: list[dict[str, Any]] = []
    for entry in log:
        if entry.action == "scan":
            reconciler.scan(str(entry.payload["serial"]))
        elif entry.action == "answer":
            answers[str(entry.payload["item"])] = dict(entry.payload)
        elif entry.action == "photo":
            photos.append(dict(entry.payload))
    result = reconciler.result()
    failed = sorted(item for item, answer in answers.items() if answer.get("answer") == "no")
    summary = {
        "reconciliation": result.to_json(),
        "answers": answers,
        "failed_items": failed,
        "unanswered_items": [item.id for item in contents.checklist if item.id not in answers],
        "photos": photos,
        "log_entries": len(log),
        "expected_serials": len(contents.expected),
    }
    return result, summary, log[-1]


def merge_kit(
    db: Database,
    contents: KitContents,
    contents_sha256: str,
    log: Sequence[LoggedAction],
    *,
    actor: str,
    own_key: str | None = None,
) -> MergeResult:
    """Record a signed-off kit's visit with the desk (once: merging it again changes
    nothing); a visit with discrepancies puts the party under review. The kit must be signed
    by a key of this desk: one that signed a kit of this database, or ``own_key`` (this
    workstation's, hex) for a kit exported before keys were kept."""
    result, summary, close = visit_of(contents, contents_sha256, log)
    with db.writer(actor) as uow:
        trusted = uow.field_visits.trusted_keys()
        if contents.public_key not in trusted.values() and contents.public_key != own_key:
            kept = ", ".join(sorted(trusted)) or "none yet"
            raise DomainError(
                f"the kit was signed by another desk (key {contents.key_fingerprint}), not by a "
                f"key of this database (keys: {kept}); merge it into the desk that exported it"
            )
        known = uow.field_visits.by_kit(contents_sha256)
        if known is not None:
            assert known.id is not None
            return MergeResult(
                visit=known.id,
                merged=False,
                already_merged=True,
                discrepancies=known.discrepancies,
            )
        if uow.parties.get(contents.party_ref) is None:
            raise DomainError(f"the kit is for party {contents.party_ref!r}, unknown to this desk")
        discrepancies = result.discrepancies + len(summary["failed_items"])
        visit = FieldVisit(
            kit_sha256=contents_sha256,
            party_ref=contents.party_ref,
            site=contents.site,
            exported_at=contents.exported_at,
            closed_at=datetime.fromisoformat(close.at),
            auditor=str(close.payload.get("auditor", "")),
            site_representative=str(close.payload.get("site_representative", "")),
            key_fingerprint=contents.key_fingerprint,
            log_head=close.hash,
            discrepancies=discrepancies,
            summary=summary,
            merged_at=uow.now,
            merged_by=actor,
        )
        visit_id = uow.field_visits.add(visit)
        uow.audit.append(
            "merge",
            "field_visit",
            contents.party_ref,
            after={
                "visit": visit_id,
                "kit_sha256": contents_sha256,
                "site": contents.site,
                "log_head": close.hash,
                "discrepancies": discrepancies,
                "photos": [photo.get("sha256") for photo in summary["photos"]],
                "auditor": visit.auditor,
                "site_representative": visit.site_representative,
            },
        )
        uow.commit()
    return MergeResult(
        visit=visit_id, merged=True, already_merged=False, discrepancies=discrepancies
    )


def resolve_visit(
    db: Database, party_ref: str, visit_id: int, resolution: str, *, actor: str
) -> VisitResolution:
    """The officer records how a visit's discrepancies were resolved (audited); the party's
    orders are then no longer held for it."""
    if not resolution.strip():
        raise DomainError("say how the discrepancies were resolved: a resolution is required")
    with db.writer(actor) as uow:
        visits = {
            visit.id: visit
            for visit in uow.field_visits.for_parties([party_ref]).get(party_ref, [])
        }
        visit = visits.get(visit_id)
        if visit is None:
            raise DomainError(f"party {party_ref!r} has no field-audit visit {visit_id}")
        if not visit.discrepancies:
            raise DomainError(f"visit {visit_id} found no discrepancies: nothing to resolve")
        made = VisitResolution(
            visit_id=visit_id,
            party_ref=party_ref,
            resolution=resolution.strip(),
            resolved_by=actor,
            resolved_at=uow.now,
        )
        uow.field_visits.add_resolution(made)
        uow.audit.append(
            "resolve",
            "field_visit",
            party_ref,
            after={"visit": visit_id, "resolution": made.resolution},
        )
        uow.commit()
    return made


# -- a party's visits, as the window lists them ----------------------------------------------


class VisitLine(Frozen):
    """One merged visit of a party and whether its discrepancies are resolved."""

    visit: FieldVisit
    resolution: VisitResolution | None = None

    @property
    def open(self) -> bool:
        """Discrepancies no resolution has closed: the party's orders are held for them."""
        return self.visit.discrepancies > 0 and self.resolution is None


def visits_of(db: Database, party_ref: str) -> list[VisitLine]:
    """A party's field-audit visits, newest first, each with its resolution if any."""
    with db.reader() as uow:
        visits = uow.field_visits.for_parties([party_ref]).get(party_ref, [])
        resolved = {
            item.visit_id: item
            for item in uow.field_visits.resolutions_for([party_ref]).get(party_ref, [])
        }
    lines = [VisitLine(visit=visit, resolution=resolved.get(visit.id or 0)) for visit in visits]
    return sorted(lines, key=lambda line: line.visit.closed_at, reverse=True)


def open_visits(db: Database) -> list[FieldVisit]:
    """Visits of every party whose discrepancies hold its orders until resolved, oldest
    first (the work queue of field audits)."""
    with db.reader() as uow:
        return uow.field_visits.unresolved()
