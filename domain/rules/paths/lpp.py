"""License Exception LPP (§ 740.29): not for distributors; prior receipts plus our earlier
LPP shipments that calendar year plus this order within the limit; the year's certification."""

from __future__ import annotations

from decimal import Decimal

from domain.decision import Authorization, Consumption, FigureValue, Ledger, Part
from domain.figures import fmt_tpp, fmt_units_over
from domain.rules.certifications import lpp_state
from domain.rules.codes import FindingCode
from domain.rules.facts import Facts
from domain.rules.findings import finding
from domain.rules.paths import Attempt, Largest
from domain.rules.positions import lpp_position


def try_lpp(facts: Facts, q: Decimal, largest: Largest) -> Attempt:
    consignee, refs = facts.consignee, facts.refs
    if consignee.role.value in facts.ruleset.lpp.excluded_roles:
        refused = finding(
            FindingCode.LPP_NOT_FOR_DISTRIBUTORS,
            refs.lpp,
            f"LPP is not available to {consignee.ref}: a "
            f"{consignee.role.value.replace('_', ' ')} is not an eligible ultimate consignee.",
            Part.A_LEVEL,
            "block",
            role=consignee.role.value,
        )
        return Attempt(Authorization.LPP, applicable=True, findings=(refused,))
    certification = facts.standing.lpp_certification
    position = lpp_position(
        consignee, certification, facts.standing.lpp_shipped_tpp, facts.ruleset, facts.day
    )
    year, limit, total = position.year, position.limit_tpp, position.after(q)
    prior, earlier = position.prior_receipts_tpp, position.shipped_tpp
    figures: dict[str, FigureValue] = {
        "year": year,
        "limit_tpp": limit,
        "prior_receipts_tpp": prior,
        "earlier_shipments_tpp": earlier,
        "order_tpp": q,
        "total_tpp": total,
    }
    problems = []
    if not position.fits(q):
        over = total - limit
        problems.append(
            finding(
                FindingCode.LPP_LIMIT_EXCEEDED,
                refs.lpp,
                f"{consignee.ref} would receive {fmt_tpp(total)} TPP in {year} (prior receipts "
                f"{fmt_tpp(prior)} + earlier LPP shipments {fmt_tpp(earlier)} + this order "
                f"{fmt_tpp(q)}), passing the LPP limit of {fmt_tpp(limit)} by {fmt_tpp(over)}"
                f"{fmt_units_over(over, largest.unit_tpp, largest.product_name)}.",
                Part.A_LEVEL,
                "block",
                over_by_tpp=over,
                **figures,
            )
        )
    if not position.certified:
        problems.append(
            finding(
                FindingCode.LPP_CERTIFICATION_MISSING,
                refs.lpp,
                f"LPP needs {consignee.ref}'s certification for {year} (stating its prior "
                f"receipts); {lpp_state(certification, facts.day)}.",
                Part.A_LEVEL,
                "block",
                year=year,
                party=consignee.ref,
            )
        )
    if problems:
        return Attempt(Authorization.LPP, applicable=True, findings=tuple(problems))
    within = finding(
        FindingCode.LPP_WITHIN_LIMIT,
        refs.lpp,
        f"Authorized under LPP: {consignee.ref} receives {fmt_tpp(total)} of {fmt_tpp(limit)} "
        f"TPP in {year}; {fmt_tpp(limit - total)} left.",
        Part.A_LEVEL,
        left_tpp=limit - total,
        **figures,
    )
    return Attempt(
        Authorization.LPP,
        applicable=True,
        holds=True,
        findings=(within,),
        consumption=(Consumption(ledger=Ledger.LPP, party_ref=consignee.ref, year=year, tpp=q),),
    )
