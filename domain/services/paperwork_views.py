"""Read models for the Certifications & Licences and Red flags screens.

Every certification and licence with what is left of it, VEU footprints and country
settings, read in one snapshot; and the orders that need the officer's attention for red
flags. Figures come from the ruleset in effect on the day asked about; nothing here decides.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from domain.countries import country_name
from domain.decision import Outcome
from domain.fieldaudit.visits import FieldVisit
from domain.frozen import Frozen
from domain.model import (
    AiaCertification,
    CountrySetting,
    License,
    LppCertification,
    RedFlagResolution,
    VeuStatus,
)
from domain.numbers import ZERO, Exact
from domain.ports import Database
from domain.queries import AuditFilter, DeskQueries, OrderFilter, OrderSummary
from domain.red_flags import raised
from domain.rules.codes import FindingCode
from domain.rules.positions import aia_position, allocation_position, lpp_position
from domain.ruleset import RulesetCatalog
from domain.services.standing import lpp_day

RED_FLAG_28 = FindingCode.RED_FLAG_28
"""The finding code of an IaaS-training hold (rules.md section 5)."""


class PaperworkRow(Frozen):
    key: str
    """The row's identity (``row_key``): the window selects the same row again after a
    reload by it."""


def row_key(*parts: object) -> str:
    """What identifies a record's row: its natural key's parts, ``@``-joined."""
    return "@".join(str(part) for part in parts)


class AiaRow(PaperworkRow):
    certification: AiaCertification
    party_name: str
    cumulative_tpp: Exact
    """Our AIA shipments to the party, all time."""
    bis_submission_from_tpp: Exact
    in_force: bool
    bis_submission_due: bool
    """Cumulative AIA TPP has reached the threshold and the certification was not filed."""


class LppRow(PaperworkRow):
    certification: LppCertification
    party_name: str
    shipped_tpp: Exact
    """Our LPP shipments to the party in the certification's year."""
    used_tpp: Exact
    limit_tpp: Exact
    left_tpp: Exact


class LicenseRow(PaperworkRow):
    licence: License
    party_name: str
    left_tpp: Exact
    used_share: float
    valid_on: bool
    """Valid on the day asked about."""
    status: str
    """"valid", "expired" or "not yet valid"."""


class FootprintRow(PaperworkRow):
    party_ref: str
    party_name: str
    veu: VeuStatus
    country: str
    country_name: str
    tier: int
    external_tpp: Exact
    """Installed from sources other than our shipments (what the officer records)."""
    shipped_tpp: Exact
    """Our authorized VEU shipments there."""
    installed_tpp: Exact


class CountryRow(PaperworkRow):
    setting: CountrySetting
    name: str
    tier: int
    limit_tpp: Exact | None
    """The allocation (None outside Tier 2, where none applies)."""
    left_tpp: Exact | None


class PaperworkView(Frozen):
    on: date
    ruleset: str
    aia: tuple[AiaRow, ...]
    lpp: tuple[LppRow, ...]
    licenses: tuple[LicenseRow, ...]
    footprints: tuple[FootprintRow, ...]
    countries: tuple[CountryRow, ...]


def paperwork_overview(db: Database, catalog: RulesetCatalog, *, on: date) -> PaperworkView:
    """Every certification, licence, VEU footprint and country setting, with what is left."""
    ruleset = catalog.in_effect_on(on)
    threshold = ruleset.aia.bis_submission_from_tpp
    with db.reader() as uow:
        parties = list(uow.parties.all())
        names = {party.ref: party.name for party in parties}
        by_ref = {party.ref: party for party in parties}
        aia_cumulative: dict[str, Decimal] = {}
        aia: list[AiaRow] = []
        for certification in uow.paperwork.all_aia_certifications():
            ref = certification.party_ref
            if ref not in aia_cumulative:
                aia_cumulative[ref] = uow.ledger.aia_cumulative(ref)
            # The row's own certification, as the engine would weigh it on ``on``.
            position = aia_position(by_ref[ref], [certification], aia_cumulative[ref], ruleset, on)
            aia.append(
                AiaRow(
                    key=row_key(ref, certification.signed_on.isoformat()),
                    certification=certification,
                    party_name=names.get(ref, ref),
                    cumulative_tpp=position.cumulative_tpp,
                    bis_submission_from_tpp=threshold,
                    in_force=position.in_force,
                    bis_submission_due=position.submission_due,
                )
            )
        aia.sort(key=lambda row: (row.party_name.lower(), row.certification.signed_on))
        lpp: list[LppRow] = []
        for item in uow.paperwork.all_lpp_certifications():
            lpp_now = lpp_position(
                by_ref[item.party_ref],
                item,
                uow.ledger.lpp_used(item.party_ref, item.year),
                ruleset,
                lpp_day(on, item.year),
            )
            lpp.append(
                LppRow(
                    key=row_key(item.party_ref, item.year),
                    certification=item,
                    party_name=names.get(item.party_ref, item.party_ref),
                    shipped_tpp=lpp_now.shipped_tpp,
                    used_tpp=lpp_now.used_tpp,
                    limit_tpp=lpp_now.limit_tpp,
                    left_tpp=lpp_now.left_tpp,
                )
            )
        lpp.sort(key=lambda row: (-row.certification.year, row.party_name.lower()))
        licenses = [
            LicenseRow(
                key=row_key(licence.number),
                licence=licence,
                party_name=names.get(licence.party_ref, licence.party_ref),
                left_tpp=licence.remaining_tpp,
                used_share=licence.used_tpp / licence.tpp if licence.tpp > 0 else 0.0,
                valid_on=licence.valid_on(on),
                status="valid"
                if licence.valid_on(on)
                else ("expired" if on > licence.valid_to else "not yet valid"),
            )
            for licence in uow.paperwork.all_licenses()
        ]
        footprints: list[FootprintRow] = []
        for party in parties:
            if party.veu is VeuStatus.NONE:
                continue
            external = uow.paperwork.footprint(party.ref)
            ours = uow.ledger.veu_shipped(party.ref)
            for country in sorted(set(external) | set(ours)):
                footprints.append(
                    FootprintRow(
                        key=row_key(party.ref, country),
                        party_ref=party.ref,
                        party_name=party.name,
                        veu=party.veu,
                        country=country,
                        country_name=country_name(country),
                        tier=ruleset.tier_of(country),
                        external_tpp=external.get(country, ZERO),
                        shipped_tpp=ours.get(country, ZERO),
                        installed_tpp=external.get(country, ZERO) + ours.get(country, ZERO),
                    )
                )
        countries = []
        for setting in uow.paperwork.all_country_settings():
            allocation = allocation_position(setting.country, setting, ruleset)
            countries.append(
                CountryRow(
                    key=row_key(setting.country),
                    setting=setting,
                    name=country_name(setting.country),
                    tier=ruleset.tier_of(setting.country),
                    limit_tpp=None if allocation is None else allocation.limit_tpp,
                    left_tpp=None if allocation is None else allocation.left_tpp,
                )
            )
    return PaperworkView(
        on=on,
        ruleset=ruleset.id,
        aia=tuple(aia),
        lpp=tuple(lpp),
        licenses=tuple(licenses),
        footprints=tuple(footprints),
        countries=tuple(countries),
    )


def stored_aia_certification(
    db: Database, party_ref: str, signed_on: date
) -> AiaCertification | None:
    """The party's AIA certification signed on that day, as stored (None if there is none)."""
    with db.reader() as uow:
        for certification in uow.paperwork.aia_certifications(party_ref):
            if certification.signed_on == signed_on:
                return certification
    return None


def stored_lpp_certification(db: Database, party_ref: str, year: int) -> LppCertification | None:
    with db.reader() as uow:
        return uow.paperwork.lpp_certification(party_ref, year)


def stored_footprint(db: Database, party_ref: str, country: str) -> Decimal | None:
    """Installed TPP recorded for the party in the country (from other sources), if any."""
    with db.reader() as uow:
        return uow.paperwork.footprint(party_ref).get(country)


def stored_country_setting(db: Database, country: str) -> CountrySetting | None:
    with db.reader() as uow:
        return uow.paperwork.country_setting(country)


# -- red flags ----------------------------------------------------------------------------------


class HeldOrder(Frozen):
    """An order whose latest decision holds it for Red Flag 28."""

    order: OrderSummary
    message: str
    decided_at: datetime
    decided_by: str
    resolution: RedFlagResolution | None
    """Recorded after the hold: the order is waiting for a re-check."""


class FlaggedChecklist(Frozen):
    """An order whose latest know-your-customer checklist raised red flags."""

    order_ref: str
    consignee_ref: str
    consignee_name: str
    answered_by: str
    answered_at: datetime
    raised: tuple[str, ...]
    note: str
    outcome: str | None


class RedFlagOverview(Frozen):
    held: tuple[HeldOrder, ...]
    flagged: tuple[FlaggedChecklist, ...]
    visits: tuple[FieldVisit, ...] = ()
    """Field-audit visits whose discrepancies hold their party's orders until resolved."""


def red_flag_overview(
    db: Database, queries: DeskQueries, catalog: RulesetCatalog, *, limit: int = 5000
) -> RedFlagOverview:
    """Orders on hold for Red Flag 28, orders whose latest checklist raised red flags, and
    field-audit visits whose discrepancies hold their party's orders.

    The fast read side narrows the search (held orders; orders with a checklist in the audit
    log); the records say the rest. At most ``limit`` of each are looked at, newest first.
    """
    held_ids = list(queries.order_ids(OrderFilter(outcomes=frozenset({Outcome.HOLD.value}))))
    held_summaries = queries.order_summaries(held_ids[:limit])
    checklist_refs: list[str] = []
    seqs = list(queries.audit_seqs(AuditFilter(text="checklist", entity="order")))
    for entry in queries.audit_summaries(seqs[:limit]):
        if entry.action == "checklist" and entry.entity_ref not in checklist_refs:
            checklist_refs.append(entry.entity_ref)
    held: list[HeldOrder] = []
    flagged: list[FlaggedChecklist] = []
    checklist = catalog.versions[-1].red_flags  # the newest wording of the stable keys
    with db.reader() as uow:
        for summary in held_summaries:
            if summary.status == "cancelled":
                continue  # a cancelled order is no longer waiting for anything
            latest = uow.decisions.latest(summary.ref)
            if latest is None or RED_FLAG_28 not in latest.decision.codes():
                continue
            stored = uow.orders.get(summary.ref)
            held.append(
                HeldOrder(
                    order=summary,
                    message=latest.decision.finding(RED_FLAG_28).message,
                    decided_at=latest.decided_at,
                    decided_by=latest.decided_by,
                    resolution=stored.order.red_flag_28_resolution if stored else None,
                )
            )
        names: dict[str, str] = {}
        for ref in checklist_refs:
            checklists = uow.red_flags.checklists(ref)
            if not checklists:
                continue
            last = max(checklists, key=lambda item: item.answered_at)
            flags = raised(last.answers, checklist)
            if not flags:
                continue
            stored = uow.orders.get(ref)
            consignee = stored.order.consignee_ref if stored else ""
            if consignee not in names:
                party = uow.parties.get(consignee) if consignee else None
                names[consignee] = party.name if party else consignee
            latest = uow.decisions.latest(ref)
            flagged.append(
                FlaggedChecklist(
                    order_ref=ref,
                    consignee_ref=consignee,
                    consignee_name=names[consignee],
                    answered_by=last.answered_by,
                    answered_at=last.answered_at,
                    raised=tuple(flags),
                    note=last.note,
                    outcome=latest.decision.outcome.value if latest else None,
                )
            )
        visits = tuple(uow.field_visits.unresolved())
    return RedFlagOverview(held=tuple(held), flagged=tuple(flagged), visits=visits)
