"""Printed documents: build what each one says from the records, generate and register it,
verify paper against the registry, and record the return of a signed copy.

Every figure and sentence of a document is computed here (reports/ only lays it out). A
generated document is registered in the same transaction as its audit entry, with a number
(``AIA-2026-0001``), the hash of its content, a short verification code printed on every page
and the SHA-256 of the file, so years later a file or a code typed from paper can be checked:
is it genuine, and what does it stand for now (a certification since revoked, a decision since
superseded)?
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict, ValidationError

from domain.audit import sha256_hex
from domain.countries import country_name
from domain.decision import Authorization, FigureValue
from domain.documents import (
    AiaStatementView,
    AttestationBlock,
    DecisionRecordView,
    DocumentKind,
    DocumentRenderer,
    DocumentView,
    FindingRow,
    LineRow,
    LppCertificationView,
    PartyBlock,
    QuotaReportView,
    QuotaRow,
    RegisteredDocument,
    ShipmentNoticeView,
    Signer,
    Stamp,
    Standing,
    TextExtractor,
    UnverifiableFileError,
    Verification,
    content_hash,
    normalise_code,
    verification_code,
)
from domain.errors import DomainError, RulesetDataError
from domain.figures import fmt_operations, fmt_tpp
from domain.model import (
    AiaCertification,
    LppCertification,
    Party,
    Product,
    VeuStatus,
)
from domain.ports import Database, OrderStatus, RecordedDecision, UnitOfWork
from domain.progress import CancelToken, ProgressSink, no_progress
from domain.rules.classification import classify_product
from domain.rules.geography import aia_party_problem, party_nexus
from domain.rules.positions import veu_position
from domain.ruleset import Ruleset, RulesetCatalog
from domain.services.quota_views import allocation_view, lpp_view, nveu_view
from domain.services.records import put_aia_certification_in, put_lpp_certification_in
from domain.services.settings import LETTERHEAD_NEEDED, read_document_settings
from domain.services.standing import lpp_day, veu_footprint

Deliver = Callable[[RegisteredDocument, bytes], None]
"""Called with a document and its bytes just before its registration is committed (a front
end writes the file there: if that fails, nothing is registered)."""

BLANK = "__________"
"""What a figure the signer must fill in prints as."""

SIGNATURE_TOLERANCE = timedelta(days=1)
"""Generation times are UTC and signing dates local: a day either way is the same day."""

_ECCN_WORDS = {
    "3A090": "integrated circuits",
    "4A090": "computers and electronic assemblies",
    "4E091": "model weights",
}
"""The general description of the items each ECCN heading covers."""
_DEFAULT_AIA_ECCNS = ("3A090.a", "4A090.a")
_ECCN_IN_TEXT = re.compile(r"\b[0-9][A-E][0-9]{3}(?:\.[a-z])?\b")


# -- numbers and codes ---------------------------------------------------------------------


def document_number(kind: DocumentKind, issued_year: int, serial: int) -> str:
    """``AIA-2026-0001``: the kind's prefix, the year generated, the serial in that year."""
    return f"{kind.prefix}-{issued_year}-{serial:04d}"


def document_code(number: str, hash_hex: str) -> str:
    """The verification code of a document: its content hash bound to its number, so a code
    names one document even when the same content is printed twice."""
    return verification_code(sha256_hex(f"{number}|{hash_hex}"))


# -- parts every document shares -------------------------------------------------------------


def _place(code: str) -> str:
    return f"{country_name(code)} ({code})"


def party_block(party: Party) -> PartyBlock:
    """A party as a statement names it."""
    parent = None
    if party.parent_name:
        parent = party.parent_name
        if party.parent_hq_country:
            parent += f", headquartered in {_place(party.parent_hq_country)}"
    return PartyBlock(
        ref=party.ref,
        name=party.name,
        aliases=party.aliases,
        address=party.address,
        location=_place(party.country),
        headquarters=_place(party.hq_country),
        ultimate_parent=parent,
    )


def _party(uow: UnitOfWork, party_ref: str) -> Party:
    party = uow.parties.get(party_ref)
    if party is None:
        raise DomainError(f"unknown party {party_ref!r}")
    return party


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


# -- AIA certification statement -------------------------------------------------------------


def aia_ineligibility(party: Party, ruleset: Ruleset) -> str | None:
    """Why ``party`` cannot certify for AIA under ``ruleset`` (None when it can): the rule's
    own geography test (``domain.rules.geography``)."""
    problem = aia_party_problem(party, ruleset)
    if problem is None:
        return None
    return (
        f"{problem}: AIA is for ultimate consignees located and headquartered in Tier 1 whose "
        f"ultimate parent is headquartered in Tier 1 ({ruleset.references.aia})"
    )


def aia_item_eccns(products: Iterable[Product], ruleset: Ruleset) -> tuple[str, ...]:
    """The ECCNs of the products that would ship under AIA: a-level ICs and systems (3A090.a,
    4A090.a) and controlled model weights (4E091), sorted."""
    found = {
        item.eccn
        for item in (classify_product(product, ruleset) for product in products)
        if item.ships_under_aia and item.eccn is not None
    }
    return tuple(sorted(found))


def describe_items(eccns: Sequence[str]) -> str:
    """ "integrated circuits classified under ECCN 3A090.a and computers and electronic
    assemblies classified under ECCN 4A090.a"."""
    parts = [f"{_ECCN_WORDS.get(eccn[:5], 'items')} classified under ECCN {eccn}" for eccn in eccns]
    return _join(parts)


def aia_statement_view(
    db: Database,
    catalog: RulesetCatalog,
    party_ref: str,
    *,
    on: date,
    items_description: str | None = None,
    signers: Sequence[Signer] = (),
    weights_attestation: bool | None = None,
) -> AiaStatementView:
    """The AIA certification statement (§ 740.27(b)(2)) for ``party_ref`` to sign, in the
    regulation's words with its bracketed instructions filled in.

    The items are described from the products on the party's open orders (the a-level ICs
    and systems and the model weights AIA would cover); ``items_description`` replaces that
    text, and the ECCNs it names replace the computed ones: a description that names no ECCN
    is refused, as (i) asks for the applicable ECCNs. The model-weight storage attestation is
    added when the items include 4E091 weights, or when ``weights_attestation`` asks for it.
    Refused for a party that is not located and headquartered in Tier 1 with its ultimate
    parent headquartered in Tier 1.
    """
    ruleset = catalog.in_effect_on(on)
    with db.reader() as uow:
        party = _party(uow, party_ref)
        problem = aia_ineligibility(party, ruleset)
        if problem is not None:
            raise DomainError(f"no AIA statement for {party_ref}: {problem}")
        products = uow.products.get_many(sorted(uow.orders.product_refs_for(party_ref)))
        settings = read_document_settings(uow)
    eccns = aia_item_eccns(products.values(), ruleset) or _DEFAULT_AIA_ECCNS
    if items_description is None:
        description = describe_items(eccns)
    else:
        description = " ".join(items_description.split())
        if not description:
            raise DomainError("the description of the items is empty")
        named = tuple(sorted(set(_ECCN_IN_TEXT.findall(description))))
        if not named:
            raise DomainError(
                f"the description of the items names no ECCN: item (i) of "
                f"{ruleset.aia_certification.regulation} asks for the general description and "
                f"the applicable ECCNs, for example "
                f'"{describe_items(eccns)}"'
            )
        eccns = named
    wording = ruleset.aia_certification
    attestation = None
    with_weights = any(eccn.startswith("4E091") for eccn in eccns)
    if weights_attestation or (weights_attestation is None and with_weights):
        form = wording.weights_storage_attestation
        attestation = AttestationBlock(
            label=form.label, title=form.title, text=form.text_for(party.name)
        )
    return AiaStatementView(
        letterhead=settings.letterhead,
        consignee=party_block(party),
        title=wording.title,
        regulation=wording.regulation,
        opening=wording.opening_for(party.name),
        items_description=description,
        eccns=eccns,
        commitments=wording.commitments_for(description),
        signatures_label=wording.signatures_label,
        signatures_instruction=wording.signatures_instruction,
        weights_attestation=attestation,
        signers=tuple(signers) or (Signer(),),
        ruleset=ruleset.id,
        ruleset_title=ruleset.title,
        page_size=settings.page_size,
    )


# -- LPP certification -----------------------------------------------------------------------


def lpp_certification_view(
    db: Database,
    catalog: RulesetCatalog,
    party_ref: str,
    year: int,
    *,
    on: date,
    signers: Sequence[Signer] = (),
) -> LppCertificationView:
    """The LPP certification (§ 740.29) for ``party_ref`` and calendar ``year``.

    The prior receipts are those of the party's LPP certification for the year when one is
    recorded; otherwise 0 on the record and a blank on paper for the signer to fill in.
    """
    if not 2000 <= year <= 2200:
        raise DomainError(f"invalid year {year}: expected a calendar year such as {on.year}")
    ruleset = catalog.in_effect_on(on)
    with db.reader() as uow:
        party = _party(uow, party_ref)
        certification = uow.paperwork.lpp_certification(party_ref, year)
        settings = read_document_settings(uow)
    if party.role.value in ruleset.lpp.excluded_roles:
        raise DomainError(
            f"no LPP certification for {party_ref}: a {party.role.value.replace('_', ' ')} is "
            f"not an eligible ultimate consignee under LPP ({ruleset.references.lpp})"
        )
    nexus = party_nexus(party, ruleset)
    if nexus:
        raise DomainError(
            f"no LPP certification for {party_ref}: {nexus[0].describe(ruleset)}, so every "
            f"order to it is prohibited and no licence exception applies "
            f"({ruleset.references.tier3_nexus})"
        )
    limit = ruleset.lpp.limit_tpp
    prior = certification.prior_receipts_tpp if certification else None
    prior_text = BLANK if prior is None else fmt_tpp(prior)
    statements = tuple(
        text.replace("{limit}", fmt_tpp(limit))
        .replace("{year}", str(year))
        .replace("{prior_receipts}", prior_text)
        for text in ruleset.lpp_certification.statements
    )
    return LppCertificationView(
        letterhead=settings.letterhead,
        consignee=party_block(party),
        title=ruleset.lpp_certification.title,
        year=year,
        limit_tpp=limit,
        prior_receipts_tpp=prior,
        statements=statements,
        signers=tuple(signers) or (Signer(),),
        ruleset=ruleset.id,
        rule=ruleset.references.lpp,
        page_size=settings.page_size,
    )


# -- decision record and AIA shipment notice -------------------------------------------------


def _figure(name: str, value: FigureValue) -> str:
    label = name.replace("_tpp", " TPP").replace("_", " ")
    if value is None:
        text = "none"
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, list):
        text = ", ".join(value) or "none"
    elif isinstance(value, int) and (name == "year" or name.endswith("_year") or name == "tier"):
        text = str(value)  # 2026, never "2,026"
    elif isinstance(value, float) and ("share" in name or name in ("required", "allowed")):
        text = f"{value * 100:.6g} %"  # 74.9963 %, never a rounded 75.0 % below 75 %
    elif isinstance(value, int | float) and "operations" in name:
        text = fmt_operations(value)
    elif isinstance(value, int | float):
        text = fmt_tpp(value) if abs(value) >= 1 or float(value).is_integer() else f"{value:.4g}"
    else:
        text = value
    return f"{label}: {text}"


def _line_rows(recorded: RecordedDecision, parts: set[str] | None = None) -> tuple[LineRow, ...]:
    return tuple(
        LineRow(
            product=f"{line.product_name} ({line.product_ref})",
            quantity=line.quantity,
            eccn=line.eccn or "not controlled",
            unit_tpp="—" if line.unit_tpp is None else fmt_tpp(line.unit_tpp),
            line_tpp="—" if line.line_tpp is None else fmt_tpp(line.line_tpp),
        )
        for line in recorded.decision.lines
        if parts is None or line.part.value in parts
    )


def _latest_decision(uow: UnitOfWork, order_ref: str) -> tuple[OrderStatus, RecordedDecision]:
    stored = uow.orders.get(order_ref)
    if stored is None:
        raise DomainError(f"unknown order {order_ref!r}")
    latest = uow.decisions.latest(order_ref)
    if latest is None:
        raise DomainError(
            f"order {order_ref} has no recorded decision: check it first "
            f"(diffusion-desk check {order_ref})"
        )
    return stored.status, latest


def _enforcement_note(catalog: RulesetCatalog, ruleset_id: str) -> str:
    try:
        return catalog.by_id(ruleset_id).enforcement_note
    except RulesetDataError:
        return ""  # a version no longer shipped: the record still names it


def decision_record_view(
    db: Database, catalog: RulesetCatalog, order_ref: str
) -> DecisionRecordView:
    """The record of an order's latest decision, to file with the shipment papers."""
    with db.reader() as uow:
        status, latest = _latest_decision(uow, order_ref)
        stored = uow.orders.get(order_ref)
        assert stored is not None
        order = stored.order
        consignee = _party(uow, order.consignee_ref)
        end_user = _party(uow, order.end_user_ref) if order.end_user_ref else None
        audit = next(
            (
                entry
                for entry in uow.audit.entries_for("order", order_ref)
                if entry.action == "decide"
                and entry.after is not None
                and entry.after.get("decision_id") == latest.id
            ),
            None,
        )
        settings = read_document_settings(uow)
    decision = latest.decision
    return DecisionRecordView(
        letterhead=settings.letterhead,
        order_ref=order_ref,
        order_date=decision.order_date,
        consignee=party_block(consignee),
        end_user=None if end_user is None else party_block(end_user),
        destination=_place(decision.destination),
        destination_tier=decision.destination_tier,
        lines=_line_rows(latest),
        outcome=decision.outcome.label,
        authorizations=tuple(item.value for item in decision.authorizations),
        a_level_tpp=fmt_tpp(decision.a_level_tpp),
        findings=tuple(
            FindingRow(
                severity=finding.severity,
                code=finding.code,
                rule=finding.rule,
                message=finding.message,
                figures="; ".join(
                    _figure(name, value) for name, value in sorted(finding.figures.items())
                ),
            )
            for finding in decision.findings
        ),
        ruleset=decision.ruleset,
        enforcement_note=_enforcement_note(catalog, decision.ruleset),
        decision_id=latest.id,
        decision_seq=latest.seq,
        decided_by=latest.decided_by,
        decided_at=latest.decided_at,
        decision_hash=latest.content_hash,
        audit_seq=None if audit is None else audit.seq,
        audit_hash=None if audit is None else audit.hash,
        superseded=False,
        cancelled=status is OrderStatus.CANCELLED,
        page_size=settings.page_size,
    )


def _aia_shipment(uow: UnitOfWork, order_ref: str) -> RecordedDecision:
    status, latest = _latest_decision(uow, order_ref)
    if status is OrderStatus.CANCELLED:
        raise DomainError(f"order {order_ref} is cancelled: it ships under no authorization")
    decision = latest.decision
    if Authorization.AIA not in decision.authorizations or not decision.outcome.ships:
        under = ", ".join(item.value for item in decision.authorizations)
        raise DomainError(
            f"order {order_ref} is not authorized under AIA (its decision: "
            f"{decision.outcome.label}{f' under {under}' if under else ''}): an AIA shipment "
            "notice is for orders that ship under AIA"
        )
    return latest


def shipment_notice_view(
    db: Database, catalog: RulesetCatalog, order_ref: str
) -> ShipmentNoticeView:
    """The notice (§ 740.27(b)(3)) that goes with an order shipped under AIA."""
    with db.reader() as uow:
        latest = _aia_shipment(uow, order_ref)
        stored = uow.orders.get(order_ref)
        assert stored is not None
        consignee = _party(uow, stored.order.consignee_ref)
        settings = read_document_settings(uow)
    decision = latest.decision
    parts = {part.part.value for part in decision.parts if part.authorization is Authorization.AIA}
    lines = _line_rows(latest, parts)
    eccns = sorted({line.eccn for line in decision.lines if line.part.value in parts and line.eccn})
    try:
        wording = catalog.by_id(decision.ruleset).aia_certification.shipment_notice
    except RulesetDataError:
        wording = catalog.in_effect_on(decision.order_date).aia_certification.shipment_notice
    return ShipmentNoticeView(
        letterhead=settings.letterhead,
        order_ref=order_ref,
        order_date=decision.order_date,
        consignee=party_block(consignee),
        lines=lines,
        notice=wording.replace("{eccns}", ", ".join(eccns)),
        ruleset=decision.ruleset,
        page_size=settings.page_size,
    )


# -- quota report ----------------------------------------------------------------------------

LPP_REPORT_ROWS = 200
"""Consignees listed in the LPP section of a quota report (most used first)."""


def _uveu_rows(uow: UnitOfWork, ruleset: Ruleset, on: date) -> list[QuotaRow]:
    """Each UVEU holder's shares against the limits: the Tier 1 share, its largest Tier 2
    share, and at home where it is headquartered there (from its ``VeuPosition``)."""
    rows: list[QuotaRow] = []
    for party in uow.parties.all():
        if party.veu is not VeuStatus.UVEU:
            continue
        position = veu_position(party, veu_footprint(uow, party.ref, on), ruleset, on)
        name = f"{party.name} ({party.ref})"
        checks = {check.limit_name: check for check in position.checks}
        tier1 = checks["min_tier1_share"]
        rows.append(
            QuotaRow(
                label=f"{name}: Tier 1 share",
                used_tpp=tier1.share * 100,
                limit_tpp=tier1.limit * 100,
                detail=f"at least; installed base {fmt_tpp(position.total_tpp)} TPP",
                bound="min",
            )
        )
        tier2 = [check for check in position.checks if check.limit_name == "max_single_tier2_share"]
        if tier2 and position.total_tpp:
            largest = max(tier2, key=lambda check: (check.share, check.country or ""))
            if largest.share > 0:
                rows.append(
                    QuotaRow(
                        label=f"{name}: largest Tier 2 share, {_place(largest.country or '')}",
                        used_tpp=largest.share * 100,
                        limit_tpp=largest.limit * 100,
                        detail=(
                            f"at most; {fmt_tpp(position.installed_in(largest.country or ''))} TPP"
                        ),
                    )
                )
        home = checks.get("min_home_share")
        if home is not None:
            rows.append(
                QuotaRow(
                    label=f"{name}: share in {_place(home.country or '')}",
                    used_tpp=home.share * 100,
                    limit_tpp=home.limit * 100,
                    detail=(
                        "at least (headquartered there); "
                        f"{fmt_tpp(position.installed_in(home.country or ''))} TPP"
                    ),
                    bound="min",
                )
            )
    return rows


def quota_report_view(
    db: Database, catalog: RulesetCatalog, *, on: date, year: int | None = None
) -> QuotaReportView:
    """Country allocations, LPP per consignee for ``year`` (default ``on``'s), NVEU installed
    bases against ``on``'s cap and UVEU shares against the limits, in one snapshot."""
    year = year or on.year
    ruleset = catalog.in_effect_on(on)
    with db.reader() as uow:
        allocations = allocation_view(uow, ruleset)
        lpp = lpp_view(uow, ruleset, lpp_day(on, year), LPP_REPORT_ROWS)
        nveu = nveu_view(uow, ruleset, on)
        uveu = _uveu_rows(uow, ruleset, on)
        settings = read_document_settings(uow)
    return QuotaReportView(
        letterhead=settings.letterhead,
        as_of=on,
        year=year,
        ruleset=ruleset.id,
        enforcement_note=ruleset.enforcement_note,
        country_allocations=tuple(
            QuotaRow(
                label=f"{row.name} ({row.country})",
                used_tpp=row.used_tpp,
                limit_tpp=row.limit_tpp,
                detail=f"ours {fmt_tpp(row.ours_tpp)}, reported by others "
                f"{fmt_tpp(row.external_tpp)}" + ("; G2G agreement" if row.g2g_agreement else ""),
            )
            for row in allocations.countries
        ),
        lpp=tuple(
            QuotaRow(
                label=f"{row.name} ({row.party_ref})",
                used_tpp=row.used_tpp,
                limit_tpp=row.limit_tpp,
                detail=f"prior receipts {fmt_tpp(row.prior_receipts_tpp)}, our shipments "
                f"{fmt_tpp(row.shipped_tpp)}"
                + ("" if row.certified else f"; no LPP certification for {year}"),
            )
            for row in lpp.parties
        ),
        nveu=tuple(
            QuotaRow(
                label=f"{row.name} ({row.party_ref}) in {_place(row.country)}",
                used_tpp=row.installed_tpp,
                limit_tpp=row.cap_tpp,
                detail=f"cap {nveu.cap_label}; ours {fmt_tpp(row.shipped_tpp)}, other sources "
                f"{fmt_tpp(row.external_tpp)}",
            )
            for row in nveu.holders
        ),
        uveu=tuple(uveu),
        page_size=settings.page_size,
    )


# -- generating and registering --------------------------------------------------------------

_KIND_OF_VIEW: dict[type[BaseModel], DocumentKind] = {
    AiaStatementView: DocumentKind.AIA_STATEMENT,
    LppCertificationView: DocumentKind.LPP_CERTIFICATION,
    DecisionRecordView: DocumentKind.DECISION_RECORD,
    ShipmentNoticeView: DocumentKind.SHIPMENT_NOTICE,
    QuotaReportView: DocumentKind.QUOTA_REPORT,
}


class _Subject(BaseModel):
    model_config = ConfigDict(frozen=True)

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
        latest = _aia_shipment(uow, subject.order_ref)
    else:
        _, latest = _latest_decision(uow, subject.order_ref)
    if subject.decision_id is not None and latest.id != subject.decision_id:
        raise DomainError(
            f"order {subject.order_ref} was decided again (decision {latest.seq}) while the "
            "document was prepared: generate it again"
        )
    return latest.id


RENDER_ATTEMPTS = 5
"""How often a document is rendered again when another desk took its number meanwhile."""


def generate(
    db: Database,
    renderer: DocumentRenderer,
    view: DocumentView,
    *,
    kind: DocumentKind,
    party_ref: str | None = None,
    order_ref: str | None = None,
    year: int | None = None,
    actor: str,
    deliver: Deliver | None = None,
) -> tuple[RegisteredDocument, bytes]:
    """Number, stamp, render and register one document.

    The number is the next for ``kind`` in the year generated (``AIA-2026-0001``). It is
    rendered outside the write lock (rendering takes a while; other officers keep deciding
    meanwhile), then registered in one writing unit of work that checks the number is still
    free and the decision shown still the latest; if another desk took the number meanwhile,
    it is rendered again with the next one. The registry keeps the content hash, the
    verification code and the SHA-256 of the PDF, and an audit entry records the generation.
    ``party_ref``, ``order_ref`` and ``year`` default to what the view is about (given, they
    must agree with it). ``deliver`` (e.g. write the file) runs before the commit: if it
    fails, no number is used.
    """
    if _KIND_OF_VIEW.get(type(view)) is not kind:
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


def generate_aia_statement(
    db: Database,
    catalog: RulesetCatalog,
    renderer: DocumentRenderer,
    party_ref: str,
    *,
    on: date,
    actor: str,
    items_description: str | None = None,
    signers: Sequence[Signer] = (),
    weights_attestation: bool | None = None,
    deliver: Deliver | None = None,
) -> tuple[RegisteredDocument, bytes]:
    view = aia_statement_view(
        db,
        catalog,
        party_ref,
        on=on,
        items_description=items_description,
        signers=signers,
        weights_attestation=weights_attestation,
    )
    return generate(
        db, renderer, view, kind=DocumentKind.AIA_STATEMENT, actor=actor, deliver=deliver
    )


def generate_lpp_certification(
    db: Database,
    catalog: RulesetCatalog,
    renderer: DocumentRenderer,
    party_ref: str,
    year: int,
    *,
    on: date,
    actor: str,
    signers: Sequence[Signer] = (),
    deliver: Deliver | None = None,
) -> tuple[RegisteredDocument, bytes]:
    view = lpp_certification_view(db, catalog, party_ref, year, on=on, signers=signers)
    return generate(
        db, renderer, view, kind=DocumentKind.LPP_CERTIFICATION, actor=actor, deliver=deliver
    )


def generate_decision_record(
    db: Database,
    catalog: RulesetCatalog,
    renderer: DocumentRenderer,
    order_ref: str,
    *,
    actor: str,
    deliver: Deliver | None = None,
) -> tuple[RegisteredDocument, bytes]:
    view = decision_record_view(db, catalog, order_ref)
    return generate(
        db, renderer, view, kind=DocumentKind.DECISION_RECORD, actor=actor, deliver=deliver
    )


def generate_shipment_notice(
    db: Database,
    catalog: RulesetCatalog,
    renderer: DocumentRenderer,
    order_ref: str,
    *,
    actor: str,
    deliver: Deliver | None = None,
) -> tuple[RegisteredDocument, bytes]:
    view = shipment_notice_view(db, catalog, order_ref)
    return generate(
        db, renderer, view, kind=DocumentKind.SHIPMENT_NOTICE, actor=actor, deliver=deliver
    )


def generate_quota_report(
    db: Database,
    catalog: RulesetCatalog,
    renderer: DocumentRenderer,
    *,
    on: date,
    actor: str,
    year: int | None = None,
    deliver: Deliver | None = None,
) -> tuple[RegisteredDocument, bytes]:
    view = quota_report_view(db, catalog, on=on, year=year)
    return generate(
        db, renderer, view, kind=DocumentKind.QUOTA_REPORT, actor=actor, deliver=deliver
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


class BatchResult(BaseModel):
    """What a batch generated, and what it could not."""

    model_config = ConfigDict(frozen=True)

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
                document, _ = generate_aia_statement(
                    db, catalog, renderer, subject, on=on, actor=actor, deliver=deliver
                )
            else:
                document, _ = generate_decision_record(
                    db, catalog, renderer, subject, actor=actor, deliver=deliver
                )
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


# -- standing and verification ---------------------------------------------------------------


def _date(value: date | None) -> str:
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
                f"Its signed copy (signed {_date(document.signed_on)}) was recorded, but the AIA "
                "certification it gave is no longer on file.",
            )
        return StandingNow(
            Standing.CURRENT,
            "No signed copy has been recorded yet: it is not yet an AIA certification.",
        )
    certification = candidates[0]
    if certification.revoked_on is not None:
        return StandingNow(
            Standing.REVOKED,
            f"The AIA certification signed on {_date(certification.signed_on)} from this "
            f"statement was revoked on {_date(certification.revoked_on)}: it no longer "
            "supports shipments under AIA.",
            certification.revoked_on,
        )
    signed_by = f" by {'; '.join(certification.signers)}" if certification.signers else ""
    return StandingNow(
        Standing.CURRENT,
        f"The AIA certification signed on {_date(certification.signed_on)}{signed_by} is on "
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
                f"Its signed copy (signed {_date(document.signed_on)}) was recorded, but the "
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
            f"{_date(certification.signed_on)} was revoked on {_date(certification.revoked_on)}.",
            certification.revoked_on,
        )
    return StandingNow(
        Standing.CURRENT,
        f"The LPP certification for {document.year} signed on "
        f"{_date(certification.signed_on)} is on file.",
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


class PrintedStamp(BaseModel):
    """What could be read of a stamp in a document's text."""

    model_config = ConfigDict(frozen=True)

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
    return Verification(
        genuine=True,
        document=document,
        standing=standing,
        since=since,
        message=f"{opening}{headline} {note}",
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


# -- the signed copy comes back --------------------------------------------------------------


def record_signed_return(
    db: Database,
    number: str,
    *,
    signed_on: date,
    signers: Sequence[str],
    weights_storage_attested: bool = False,
    prior_receipts_tpp: float | None = None,
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
                f"{_date(document.signed_on)} by {'; '.join(document.signed_by)})"
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
    put_aia_certification_in(uow, certification)


def _record_lpp(
    uow: UnitOfWork,
    party_ref: str,
    year: int,
    signed_on: date,
    names: tuple[str, ...],
    prior_receipts_tpp: float | None,
) -> None:
    existing = uow.paperwork.lpp_certification(party_ref, year)
    if prior_receipts_tpp is None:
        if existing is None:
            raise DomainError(
                f"give the prior receipts for {year} the signer declared on the LPP "
                "certification (no figure is on file to take them from)"
            )
        prior_receipts_tpp = existing.prior_receipts_tpp
    put_lpp_certification_in(
        uow,
        LppCertification(
            party_ref=party_ref,
            year=year,
            signed_on=signed_on,
            signer="; ".join(names),
            prior_receipts_tpp=prior_receipts_tpp,
        ),
    )
