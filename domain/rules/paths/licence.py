"""A licence (§ 742.6(a)(6); Part 750): an unexpired licence for this consignee and
destination with enough TPP left. Licensed a-level shipments to a Tier 2 destination draw on
its country allocation."""

from __future__ import annotations

from decimal import Decimal

from domain.countries import country_name
from domain.decision import Authorization, Consumption, Finding, Ledger, Part, Severity
from domain.figures import fmt_tpp
from domain.model import LicenseCovers
from domain.rules.codes import FindingCode
from domain.rules.facts import Facts
from domain.rules.findings import finding
from domain.rules.paths import Attempt, Largest
from domain.rules.positions import AllocationPosition, allocation_position


def allocation_exceeded(
    facts: Facts, q: Decimal, position: AllocationPosition, severity: Severity
) -> Finding:
    """The order's TPP passes what is left of the destination's Tier 2 allocation."""
    return finding(
        FindingCode.COUNTRY_ALLOCATION_EXCEEDED,
        facts.refs.country_allocation,
        f"{fmt_tpp(q)} TPP exceeds what is left of the Tier 2 allocation of "
        f"{country_name(facts.destination)}: {fmt_tpp(position.left_tpp)} of "
        f"{fmt_tpp(position.limit_tpp)} TPP.",
        Part.A_LEVEL,
        severity,
        country=facts.destination,
        limit_tpp=position.limit_tpp,
        used_tpp=position.used_tpp,
        left_tpp=position.left_tpp,
        order_tpp=q,
    )


def destination_allocation(facts: Facts) -> AllocationPosition | None:
    return allocation_position(facts.destination, facts.country, facts.ruleset, facts.day)


def try_license(facts: Facts, q: Decimal, largest: Largest) -> Attempt:
    consignee, destination, day = facts.consignee, facts.destination, facts.day
    candidates = [
        licence
        for licence in facts.standing.licenses
        if licence.covers is LicenseCovers.A_LEVEL
        and licence.party_ref == consignee.ref
        and licence.destination == destination
    ]
    usable = sorted(
        (item for item in candidates if item.valid_on(day) and item.remaining_tpp >= q),
        key=lambda item: (item.valid_to, item.number),
    )
    if not usable:
        if not candidates:
            reason = (
                f"no licence covers a-level items for {consignee.ref} to "
                f"{country_name(destination)}"
            )
        else:
            reason = "; ".join(
                f"{item.number} is valid {item.valid_from} to {item.valid_to}"
                if not item.valid_on(day)
                else f"{item.number} has {fmt_tpp(item.remaining_tpp)} TPP left, "
                f"{fmt_tpp(q)} needed"
                for item in candidates
            )
        return Attempt.unavailable(Authorization.LICENSE, reason)
    licence = usable[0]
    findings = [
        finding(
            FindingCode.LICENSE_APPLIED,
            facts.refs.license,
            f"Authorized under licence {licence.number}: {fmt_tpp(q)} of "
            f"{fmt_tpp(licence.remaining_tpp)} TPP left (valid to {licence.valid_to}).",
            Part.A_LEVEL,
            license=licence.number,
            remaining_before_tpp=licence.remaining_tpp,
            order_tpp=q,
        )
    ]
    consumption = [
        Consumption(
            ledger=Ledger.LICENSE, party_ref=consignee.ref, license_number=licence.number, tpp=q
        )
    ]
    allocation = destination_allocation(facts)
    if allocation is not None:
        consumption.append(
            Consumption(ledger=Ledger.COUNTRY_ALLOCATION, country=destination, tpp=q)
        )
        if q > allocation.left_tpp:
            findings.append(allocation_exceeded(facts, q, allocation, "warning"))
    return Attempt(
        Authorization.LICENSE,
        applicable=True,
        holds=True,
        findings=tuple(findings),
        consumption=tuple(consumption),
    )
