"""A Universal VEU (§ 748.15; Supp. No. 10 to Part 748 ¶ 6): a UVEU headquartered in Tier 1
whose footprint after the shipment keeps every limit."""

from __future__ import annotations

from decimal import Decimal

from domain.countries import country_name
from domain.decision import Authorization, FigureValue, Finding, Part
from domain.figures import fmt_share
from domain.model import VeuStatus
from domain.numbers import ZERO
from domain.rules.codes import FindingCode
from domain.rules.facts import Facts
from domain.rules.findings import finding
from domain.rules.paths import Attempt, Largest, veu_shipment
from domain.rules.positions import LimitCheck, veu_position


def try_uveu(facts: Facts, q: Decimal, largest: Largest) -> Attempt:
    consignee, ruleset = facts.consignee, facts.ruleset
    if consignee.veu is not VeuStatus.UVEU:
        return Attempt.unavailable(
            Authorization.UVEU, f"the consignee {consignee.ref} is not a UVEU"
        )
    if ruleset.tier_of(consignee.hq_country) != 1:
        return Attempt.unavailable(
            Authorization.UVEU,
            (
                f"the UVEU {consignee.ref} is headquartered in "
                f"{ruleset.place(consignee.hq_country)}, not Tier 1"
            ),
        )
    footprint = dict(facts.standing.veu_footprint)
    footprint[facts.destination] = footprint.get(facts.destination, ZERO) + q
    after = veu_position(consignee, footprint, ruleset, facts.day)
    breached = tuple(_exceeded(facts, check, after.total_tpp) for check in after.breached)
    if breached:
        return Attempt(Authorization.UVEU, applicable=True, findings=breached)
    figures: dict[str, FigureValue] = {
        "footprint_after_tpp": after.total_tpp,
        "tier1_share": round(after.tier1_share, 9),
    }
    if after.home_share is not None:
        figures["home_share"] = round(after.home_share, 9)
    within = finding(
        FindingCode.UVEU_WITHIN_LIMITS,
        facts.refs.uveu,
        f"Authorized under UVEU {consignee.veu_id or ''}: after this shipment "
        f"{fmt_share(after.tier1_share, ruleset.uveu.min_tier1_share)} of the footprint is in "
        "Tier 1 and every limit holds.",
        Part.A_LEVEL,
        **figures,
    )
    return veu_shipment(Authorization.UVEU, within, consignee.ref, facts.destination, q)


def _exceeded(facts: Facts, check: LimitCheck, total: Decimal) -> Finding:
    ref = facts.consignee.ref
    share, limit = fmt_share(check.share, check.limit), fmt_share(check.limit)
    if check.limit_name == "min_tier1_share":
        message = (
            f"After this shipment only {share} of {ref}'s AI compute would be in Tier 1; a UVEU "
            f"must keep at least {limit} there."
        )
        extra: dict[str, FigureValue] = {"required": check.limit}
    elif check.limit_name == "max_single_tier2_share":
        message = (
            f"After this shipment {share} of {ref}'s AI compute would be in "
            f"{country_name(check.country or '')}; a UVEU may hold at most {limit} in any one "
            "Tier 2 country."
        )
        extra = {"country": check.country, "allowed": check.limit}
    else:
        message = (
            f"{ref} is headquartered in {country_name(check.country or '')}; after this "
            f"shipment only {share} of its AI compute would be there, below the {limit} "
            "required."
        )
        extra = {"country": check.country, "required": check.limit}
    return finding(
        FindingCode.UVEU_ALLOCATION_EXCEEDED,
        facts.refs.uveu,
        message,
        Part.A_LEVEL,
        "block",
        limit=check.limit_name,
        share=round(check.share, 9),
        footprint_after_tpp=total,
        **extra,
    )
