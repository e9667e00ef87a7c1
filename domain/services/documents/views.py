"""What each printed document says, built from the records: the AIA statement, the LPP
certification, the decision record, the AIA shipment notice and the quota report.

Every figure and sentence is computed here; reports/ only lays it out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal

from domain.audit import sha256_hex
from domain.countries import country_name
from domain.courtesy import courtesy_translation
from domain.decision import Authorization
from domain.documents import (
    AiaStatementView,
    AttestationBlock,
    DecisionRecordView,
    DocumentKind,
    FindingRow,
    LineRow,
    LppCertificationView,
    PartyBlock,
    QuotaReportView,
    QuotaRow,
    RegisteredDocument,
    ShipmentNoticeView,
    Signer,
    verification_code,
)
from domain.errors import DomainError, RulesetDataError
from domain.figures import figure_text, fmt_tpp
from domain.model import (
    Party,
    Product,
    VeuStatus,
)
from domain.ports import Database, OrderStatus, RecordedDecision, UnitOfWork
from domain.rules.classification import classify_product
from domain.rules.geography import aia_party_problem, party_nexus
from domain.rules.positions import LimitCheck, veu_position
from domain.ruleset import Ruleset, RulesetCatalog
from domain.services.documents.screening_record import screening_blocks
from domain.services.quota_views import AllocationUse, LppUse, allocation_view, lpp_view, nveu_view
from domain.services.settings import read_document_settings
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
        courtesy=courtesy_translation(wording, party.language, description),
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


def latest_decision(uow: UnitOfWork, order_ref: str) -> tuple[OrderStatus, RecordedDecision]:
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
        status, latest = latest_decision(uow, order_ref)
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
        screening = screening_blocks(
            uow,
            [("ultimate consignee", order.consignee_ref)]
            + ([("end user", order.end_user_ref)] if order.end_user_ref else []),
            latest.decided_at,
        )
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
        authorizations=tuple(item.label for item in decision.authorizations),
        a_level_tpp=fmt_tpp(decision.a_level_tpp),
        findings=tuple(
            FindingRow(
                severity=finding.severity,
                code=finding.code,
                rule=finding.rule,
                message=finding.message,
                figures="; ".join(
                    figure_text(name, value) for name, value in sorted(finding.figures.items())
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
        screening=screening,
    )


def aia_shipment_decision(uow: UnitOfWork, order_ref: str) -> RecordedDecision:
    status, latest = latest_decision(uow, order_ref)
    if status is OrderStatus.CANCELLED:
        raise DomainError(f"order {order_ref} is cancelled: it ships under no authorization")
    decision = latest.decision
    if Authorization.AIA not in decision.authorizations or not decision.outcome.ships:
        under = ", ".join(item.label for item in decision.authorizations)
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
        latest = aia_shipment_decision(uow, order_ref)
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


def _share_row(label: str, check: LimitCheck, detail: str) -> QuotaRow:
    """A UVEU share against its limit, both in percent."""
    return QuotaRow(
        label=label,
        used_tpp=check.share * 100,
        limit_tpp=check.limit * 100,
        detail=detail,
        bound=check.bound,
    )


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
        installed = f"installed base {fmt_tpp(position.total_tpp)} TPP"
        rows.append(
            _share_row(f"{name}: Tier 1 share", checks["min_tier1_share"], f"at least; {installed}")
        )
        tier2 = [check for check in position.checks if check.limit_name == "max_single_tier2_share"]
        if tier2 and position.total_tpp:
            largest = max(tier2, key=lambda check: (check.share, check.country or ""))
            if largest.share > 0:
                where = largest.country or ""
                label = f"{name}: largest Tier 2 share, {_place(where)}"
                tpp = fmt_tpp(position.installed_in(where))
                rows.append(_share_row(label, largest, f"at most; {tpp} TPP"))
        home = checks.get("min_home_share")
        if home is not None:
            where = home.country or ""
            tpp = fmt_tpp(position.installed_in(where))
            detail = f"at least (headquartered there); {tpp} TPP"
            rows.append(_share_row(f"{name}: share in {_place(where)}", home, detail))
    return rows


def _tpp_rows(rows: Iterable[tuple[str, Decimal, Decimal, str]]) -> tuple[QuotaRow, ...]:
    """Report rows from (label, used TPP, limit TPP, detail)."""
    return tuple(
        QuotaRow(label=label, used_tpp=used, limit_tpp=limit, detail=detail)
        for label, used, limit, detail in rows
    )


def _allocation_detail(row: AllocationUse) -> str:
    agreement = "; G2G agreement" if row.g2g_agreement else ""
    return (
        f"ours {fmt_tpp(row.ours_tpp)}, reported by others {fmt_tpp(row.external_tpp)}{agreement}"
    )


def _lpp_detail(row: LppUse, year: int) -> str:
    certified = "" if row.certified else f"; no LPP certification for {year}"
    return (
        f"prior receipts {fmt_tpp(row.prior_receipts_tpp)}, our shipments "
        f"{fmt_tpp(row.shipped_tpp)}{certified}"
    )


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
        country_allocations=_tpp_rows(
            (f"{row.name} ({row.country})", row.used_tpp, row.limit_tpp, _allocation_detail(row))
            for row in allocations.countries
        ),
        lpp=_tpp_rows(
            (f"{row.name} ({row.party_ref})", row.used_tpp, row.limit_tpp, _lpp_detail(row, year))
            for row in lpp.parties
        ),
        nveu=_tpp_rows(
            (
                f"{row.name} ({row.party_ref}) in {_place(row.country)}",
                row.installed_tpp,
                row.cap_tpp,
                f"cap {nveu.cap_label}; ours {fmt_tpp(row.shipped_tpp)}, other sources "
                f"{fmt_tpp(row.external_tpp)}",
            )
            for row in nveu.holders
        ),
        uveu=tuple(uveu),
        page_size=settings.page_size,
    )
