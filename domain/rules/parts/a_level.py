"""The a-level part (3A090.a, 4A090.a): prohibited with a Tier 3 nexus; else the first of AIA,
UVEU, NVEU, LPP and a licence that holds; else a hold for missing paperwork or a licence
required, with the destination's Tier 2 allocation reported."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from domain.countries import country_name
from domain.decision import (
    Authorization,
    Finding,
    LineResult,
    Outcome,
    Part,
    PartResult,
    Severity,
)
from domain.figures import fmt_tpp
from domain.numbers import ZERO
from domain.rules.codes import FindingCode
from domain.rules.facts import Facts
from domain.rules.findings import as_info, finding
from domain.rules.geography import NexusFact
from domain.rules.parts import PartDecision
from domain.rules.paths import Attempt, Largest, PathFunction
from domain.rules.paths.aia import try_aia
from domain.rules.paths.licence import allocation_exceeded, destination_allocation, try_license
from domain.rules.paths.lpp import try_lpp
from domain.rules.paths.nveu import try_nveu
from domain.rules.paths.uveu import try_uveu

PATHS: tuple[PathFunction, ...] = (try_aia, try_uveu, try_nveu, try_lpp, try_license)
"""The authorizations in the order rules.md section 5 tries them."""


def _rule_for(facts: Facts, authorization: Authorization) -> str:
    refs = facts.refs
    return {
        Authorization.AIA: refs.aia,
        Authorization.UVEU: refs.uveu,
        Authorization.NVEU: refs.nveu,
        Authorization.LPP: refs.lpp,
        Authorization.LICENSE: refs.license,
    }[authorization]


def decide_a_level(
    facts: Facts, lines: Sequence[LineResult], nexus: Sequence[NexusFact]
) -> PartDecision:
    q = sum((line.line_tpp or ZERO for line in lines), ZERO)
    if nexus:
        return PartDecision(PartResult(part=Part.A_LEVEL, outcome=Outcome.PROHIBITED, tpp=q))
    largest = Largest.of(list(lines))
    tried: list[Attempt] = []
    for path in PATHS:
        attempt = path(facts, q, largest)
        if attempt.holds:
            # Earlier authorizations that failed are kept as information only.
            earlier = as_info(item for failed in tried for item in failed.findings)
            return PartDecision(
                PartResult(
                    part=Part.A_LEVEL,
                    outcome=Outcome.AUTHORIZED,
                    tpp=q,
                    authorization=attempt.authorization,
                ),
                (*earlier, *attempt.findings),
                attempt.consumption,
            )
        tried.append(attempt)
    findings: list[Finding] = []
    for attempt in tried:
        findings.extend(attempt.findings)
        if not attempt.applicable:
            findings.append(
                finding(
                    FindingCode.AUTHORIZATION_NOT_AVAILABLE,
                    _rule_for(facts, attempt.authorization),
                    f"{attempt.authorization.label} not available: {attempt.reason_unavailable}.",
                    Part.A_LEVEL,
                    authorization=attempt.authorization.value,
                )
            )
    if any(attempt.paperwork_only for attempt in tried):
        outcome = Outcome.HOLD
    else:
        outcome = Outcome.LICENSE_REQUIRED
        findings.append(
            finding(
                FindingCode.LICENSE_REQUIRED,
                facts.refs.license,
                f"A licence is required: no licence exception or VEU authorization covers the "
                f"{fmt_tpp(q)} TPP of a-level items to {country_name(facts.destination)}.",
                Part.A_LEVEL,
                "block",
                a_level_tpp=q,
                destination=facts.destination,
            )
        )
    findings.extend(_country_allocation(facts, q, outcome))
    return PartDecision(PartResult(part=Part.A_LEVEL, outcome=outcome, tpp=q), tuple(findings))


def _country_allocation(facts: Facts, q: Decimal, outcome: Outcome) -> list[Finding]:
    """What a licence for the part would draw on: the destination's Tier 2 allocation."""
    allocation = destination_allocation(facts)
    if allocation is None:
        return []
    g2g = allocation.g2g_agreement
    found = [
        finding(
            FindingCode.COUNTRY_ALLOCATION_REMAINING,
            facts.refs.country_allocation,
            f"A licence for this order would draw on the Tier 2 allocation of "
            f"{country_name(facts.destination)}: {fmt_tpp(allocation.left_tpp)} of "
            f"{fmt_tpp(allocation.limit_tpp)} TPP left"
            f"{' (doubled under a government-to-government agreement)' if g2g else ''}. "
            "The allocation is the figure published by CSIS; the paragraph of the rule that "
            "sets it is not confirmed.",
            Part.A_LEVEL,
            country=facts.destination,
            limit_tpp=allocation.limit_tpp,
            used_tpp=allocation.used_tpp,
            left_tpp=allocation.left_tpp,
            g2g_agreement=g2g,
        )
    ]
    if q > allocation.left_tpp:
        severity: Severity = "block" if outcome is Outcome.LICENSE_REQUIRED else "warning"
        found.append(allocation_exceeded(facts, q, allocation, severity))
    return found
