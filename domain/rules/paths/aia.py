"""License Exception AIA for a-level items (§ 740.27): Tier 1 geography, a certification in
force, and from the threshold on its BIS submission."""

from __future__ import annotations

from decimal import Decimal

from domain.decision import Authorization, Consumption, Ledger, Part
from domain.figures import fmt_tpp
from domain.rules.certifications import aia_state
from domain.rules.codes import FindingCode
from domain.rules.facts import Facts
from domain.rules.findings import finding
from domain.rules.geography import aia_geography_problem
from domain.rules.paths import Attempt, Largest
from domain.rules.positions import aia_position


def try_aia(facts: Facts, q: Decimal, largest: Largest) -> Attempt:
    refs = facts.refs
    problem = aia_geography_problem(facts.destination, facts.parties, facts.ruleset)
    if problem is not None:
        return Attempt.unavailable(Authorization.AIA, problem)
    certification = facts.standing.aia_certification
    position = aia_position(
        facts.consignee,
        [certification] if certification else [],
        facts.standing.aia_cumulative_tpp,
        facts.ruleset,
        facts.day,
    )
    missing = []
    if not position.in_force:
        missing.append(
            finding(
                FindingCode.AIA_CERTIFICATION_MISSING,
                refs.aia,
                f"AIA needs the ultimate consignee's certification before the first AIA "
                f"shipment; {aia_state(certification, facts.day)}.",
                Part.A_LEVEL,
                "block",
                party=facts.consignee.ref,
            )
        )
    cumulative, threshold = position.after(q), position.bis_submission_from_tpp
    if position.submission_needed(q):
        missing.append(
            finding(
                FindingCode.AIA_BIS_SUBMISSION_REQUIRED,
                refs.aia_bis_submission,
                f"Cumulative AIA shipments to {facts.consignee.ref} would reach "
                f"{fmt_tpp(cumulative)} TPP, at or above {fmt_tpp(threshold)}: the AIA "
                f"certification must have been submitted to BIS.",
                Part.A_LEVEL,
                "block",
                earlier_aia_tpp=position.cumulative_tpp,
                order_tpp=q,
                cumulative_tpp=cumulative,
                threshold_tpp=threshold,
            )
        )
    if missing:
        return Attempt(Authorization.AIA, applicable=True, findings=tuple(missing))
    assert certification is not None
    authorized = finding(
        FindingCode.AIA_AUTHORIZED,
        refs.aia,
        f"Authorized under License Exception AIA: Tier 1 destination and parties, "
        f"certification signed {certification.signed_on}; cumulative AIA TPP after this "
        f"order {fmt_tpp(cumulative)} (BIS submission needed from {fmt_tpp(threshold)}).",
        Part.A_LEVEL,
        cumulative_tpp=cumulative,
        threshold_tpp=threshold,
    )
    return Attempt(
        Authorization.AIA,
        applicable=True,
        holds=True,
        findings=(authorized,),
        consumption=(Consumption(ledger=Ledger.AIA, party_ref=facts.consignee.ref, tpp=q),),
    )
