"""A party's standing: what it has used of each limit and what is left."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict

from domain.errors import DomainError
from domain.model import AiaCertification, Party, VeuStatus
from domain.ports import Database
from domain.ruleset import RulesetCatalog


class _View(BaseModel):
    model_config = ConfigDict(frozen=True)


class LppStanding(_View):
    year: int
    limit_tpp: float
    prior_receipts_tpp: float
    shipped_tpp: float
    used_tpp: float
    left_tpp: float
    certified: bool
    rule: str


class AiaStanding(_View):
    cumulative_tpp: float
    bis_submission_from_tpp: float
    certification: AiaCertification | None
    in_force: bool
    submitted_to_bis: bool
    rule: str


class VeuShare(_View):
    country: str
    tier: int
    installed_tpp: float
    share: float


class VeuStanding(_View):
    status: VeuStatus
    veu_id: str | None
    veu_country: str | None
    total_tpp: float
    shares: tuple[VeuShare, ...]
    tier1_share: float
    min_tier1_share: float | None
    """The UVEU minimum in Tier 1 (None for an NVEU, which has no such limit)."""
    max_single_tier2_share: float | None
    home_country: str
    home_share: float | None
    min_home_share: float | None
    nveu_cap_label: str | None = None
    nveu_cap_tpp: float | None = None
    nveu_installed_tpp: float | None = None
    rule: str


class LicenseStanding(_View):
    number: str
    destination: str
    covers: str
    tpp: float
    used_tpp: float
    left_tpp: float
    valid_from: date
    valid_to: date
    valid_on: bool


class PartyStanding(_View):
    party: Party
    on: date
    ruleset: str
    lpp: LppStanding
    aia: AiaStanding
    veu: VeuStanding | None
    licenses: tuple[LicenseStanding, ...]


def party_standing(
    db: Database, catalog: RulesetCatalog, party_ref: str, *, on: date, year: int | None = None
) -> PartyStanding:
    """The standing of a party on ``on`` (LPP for ``year``, default ``on``'s year)."""
    ruleset = catalog.in_effect_on(on)
    year = year or on.year
    with db.reader() as uow:
        party = uow.parties.get(party_ref)
        if party is None:
            raise DomainError(f"unknown party {party_ref!r}")
        certification = uow.paperwork.lpp_certification(party_ref, year)
        shipped = uow.ledger.lpp_used(party_ref, year)
        prior = certification.prior_receipts_tpp if certification else 0.0
        limit = ruleset.lpp.limit_tpp
        lpp = LppStanding(
            year=year,
            limit_tpp=limit,
            prior_receipts_tpp=prior,
            shipped_tpp=shipped,
            used_tpp=prior + shipped,
            left_tpp=max(limit - prior - shipped, 0.0),
            certified=certification is not None,
            rule=ruleset.references.lpp,
        )
        aia_certifications = uow.paperwork.aia_certifications(party_ref)
        latest = max(aia_certifications, key=lambda item: item.signed_on, default=None)
        aia = AiaStanding(
            cumulative_tpp=uow.ledger.aia_cumulative(party_ref),
            bis_submission_from_tpp=ruleset.aia.bis_submission_from_tpp,
            certification=latest,
            in_force=latest is not None and latest.in_force_on(on),
            submitted_to_bis=latest is not None and latest.submitted_by(on),
            rule=ruleset.references.aia,
        )
        veu = None
        if party.veu is not VeuStatus.NONE:
            footprint = dict(uow.paperwork.footprint(party_ref))
            for country, tpp in uow.ledger.veu_shipped(party_ref, on=on).items():
                footprint[country] = footprint.get(country, 0.0) + tpp
            total = sum(footprint.values())
            shares = tuple(
                VeuShare(
                    country=country,
                    tier=ruleset.tier_of(country),
                    installed_tpp=tpp,
                    share=tpp / total if total else 0.0,
                )
                for country, tpp in sorted(footprint.items(), key=lambda item: -item[1])
            )
            limits = ruleset.uveu
            home = limits.home_country
            uveu = party.veu is VeuStatus.UVEU
            at_home = uveu and party.hq_country == home
            cap = ruleset.nveu.cap_on(on) if party.veu is VeuStatus.NVEU else None
            veu = VeuStanding(
                status=party.veu,
                veu_id=party.veu_id,
                veu_country=party.veu_country,
                total_tpp=total,
                shares=shares,
                tier1_share=sum(share.share for share in shares if share.tier == 1),
                min_tier1_share=limits.min_tier1_share if uveu else None,
                max_single_tier2_share=limits.max_single_tier2_share if uveu else None,
                home_country=home,
                home_share=(footprint.get(home, 0.0) / total if total else 0.0)
                if at_home
                else None,
                min_home_share=limits.min_home_share_if_headquartered if at_home else None,
                nveu_cap_label=cap.label if cap else None,
                nveu_cap_tpp=cap.cap_tpp if cap else None,
                nveu_installed_tpp=footprint.get(party.veu_country or "", 0.0) if cap else None,
                rule=ruleset.references.nveu if cap else ruleset.references.uveu,
            )
        licenses = tuple(
            LicenseStanding(
                number=licence.number,
                destination=licence.destination,
                covers=licence.covers.value,
                tpp=licence.tpp,
                used_tpp=licence.used_tpp,
                left_tpp=licence.remaining_tpp,
                valid_from=licence.valid_from,
                valid_to=licence.valid_to,
                valid_on=licence.valid_on(on),
            )
            for licence in uow.paperwork.licenses_for(party_ref)
        )
    return PartyStanding(
        party=party, on=on, ruleset=ruleset.id, lpp=lpp, aia=aia, veu=veu, licenses=licenses
    )
