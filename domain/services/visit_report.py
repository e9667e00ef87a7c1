"""The field visit report (rules.md section 10): what a signed-off kit recorded, as a document.

It is built from the kit alone, so the copy printed on site (``kit report``, not registered:
the laptop has no registry) and the copy the desk registers when the kit is merged say the
same, with the same content hash. The registered copy carries the desk's number and
verification code, and is verified like every other document from then on.
"""

from __future__ import annotations

import base64
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date, datetime

from domain.countries import country_name
from domain.documents import (
    DocumentKind,
    Letterhead,
    RegisteredDocument,
    Stamp,
    VisitAnswerRow,
    VisitPhotoRow,
    VisitProductRow,
    VisitReportView,
    VisitSerialRow,
    content_hash,
    verification_code,
)
from domain.fieldaudit.kit import KitContents
from domain.fieldaudit.reconcile import Reconciliation, serial_key
from domain.ports import UnitOfWork
from domain.services.field_audit import LoggedAction, visit_of

ON_SITE = "Unregistered"
"""What the copy printed on site carries where a registered document has its number."""

Thumbnail = Callable[[str], bytes | None]
"""The kit's thumbnail of a photo, by the photo's SHA-256 (None when it has none)."""


def _ruleset_on(contents: KitContents, day: date) -> str:
    """The ruleset version in force on ``day`` among those the kit carries."""
    versions = sorted(
        (str(item.get("effective_from", "")), str(item.get("id", ""))) for item in contents.rulesets
    )
    chosen = [ident for since, ident in versions if since <= day.isoformat()]
    return chosen[-1] if chosen else (versions[0][1] if versions else "")


def visit_report_view(
    contents: KitContents,
    contents_sha256: str,
    log: Sequence[LoggedAction],
    thumbnail: Thumbnail,
) -> VisitReportView:
    """The report of a signed-off kit (refused, naming what to do, when it is not signed
    off)."""
    result, summary, close = visit_of(contents, contents_sha256, log)
    closed_at = datetime.fromisoformat(close.at)
    products, serials = reconciliation_rows(contents, result)
    given = summary["answers"]
    answers = tuple(
        VisitAnswerRow(
            item=item.id,
            question=item.question,
            answer=str(given[item.id]["answer"]) if item.id in given else "not answered",
            note=str(given[item.id].get("note") or "") if item.id in given else "",
        )
        for item in contents.checklist
    )
    photos = []
    for photo in summary["photos"]:
        digest = str(photo.get("sha256", ""))
        small = thumbnail(digest)
        photos.append(
            VisitPhotoRow(
                name=str(photo.get("name", "")),
                sha256=digest,
                note=str(photo.get("note") or ""),
                thumbnail=base64.b64encode(small).decode("ascii") if small else "",
            )
        )
    party = contents.parties[0] if contents.parties else {}
    country = str(party.get("country") or "")
    return VisitReportView(
        letterhead=Letterhead(name=contents.desk),
        site=contents.site,
        party_ref=contents.party_ref,
        party_name=str(party.get("name") or contents.party_ref),
        party_location=f"{country_name(country)} ({country})" if country else "",
        kit_sha256=contents_sha256,
        key_fingerprint=contents.key_fingerprint,
        exported_at=contents.exported_at,
        exported_by=contents.exported_by,
        closed_at=closed_at,
        auditor=str(close.payload.get("auditor", "")),
        site_representative=str(close.payload.get("site_representative", "")),
        log_entries=len(log),
        log_head=close.hash,
        expected=result.expected,
        found=len(result.found),
        products=products,
        serials=serials,
        answers=answers,
        photos=tuple(photos),
        ruleset=_ruleset_on(contents, closed_at.date()),
    )


def reconciliation_rows(
    contents: KitContents, result: Reconciliation
) -> tuple[tuple[VisitProductRow, ...], tuple[VisitSerialRow, ...]]:
    """The reconciliation as the report and the field-audit screen show it: per product
    (expected, found, missing at this site) and every serial that is not simply found."""
    here = {
        serial_key(item.serial): item for item in contents.expected if item.site == contents.site
    }
    expected = Counter(item.product_ref for item in here.values())
    missing = Counter(item.product_ref for item in result.missing)
    serials = [
        VisitSerialRow(
            serial=item.serial,
            status="missing",
            product_ref=item.product_ref,
            order_ref=item.order_ref,
            detail="shipped to this site, not found",
        )
        for item in result.missing
    ]
    serials += [
        VisitSerialRow(
            serial=serial,
            status="unexpected",
            detail=f"shipped by the desk to {party}" if party else "never shipped by the desk",
        )
        for serial, party in result.unexpected
    ]
    serials += [
        VisitSerialRow(serial=serial, status="duplicate", detail="seen twice on site")
        for serial in result.duplicate
    ]
    serials += [
        VisitSerialRow(
            serial=item.serial,
            status="relocated",
            product_ref=item.product_ref,
            order_ref=item.order_ref,
            detail=f"shipped to this party for {item.site or 'another site'}",
        )
        for item in result.relocated
    ]
    products = tuple(
        VisitProductRow(
            product_ref=product,
            expected=count,
            found=count - missing[product],
            missing=missing[product],
        )
        for product, count in sorted(expected.items())
    )
    return products, tuple(serials)


def on_site_stamp(view: VisitReportView, at: datetime) -> Stamp:
    """The stamp of the copy printed on site: no number (the laptop has no registry), the
    content hash the registered copy will carry."""
    hash_hex = content_hash(view)
    return Stamp(
        number=ON_SITE,
        kind=DocumentKind.VISIT_REPORT,
        generated_at=at,
        generated_by=view.auditor,
        ruleset=view.ruleset,
        content_hash=hash_hex,
        verification_code=verification_code(hash_hex),
    )


def registered_report(uow: UnitOfWork, view: VisitReportView) -> RegisteredDocument | None:
    """The desk's registered copy of this report, if it was registered (at a merge)."""
    wanted = content_hash(view)
    return next(
        (
            document
            for document in uow.documents.for_party(view.party_ref, DocumentKind.VISIT_REPORT)
            if document.content_hash == wanted
        ),
        None,
    )
