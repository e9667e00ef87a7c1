"""A National VEU (§ 748.15(a)(2)(iii)(B)): the holder's installed base in the destination,
as of the shipment date, plus this order stays within the cap of the shipment's quarter."""

from __future__ import annotations

from decimal import Decimal

from domain.countries import country_name
from domain.decision import Authorization, FigureValue, Part
from domain.figures import fmt_tpp, fmt_units_over
from domain.model import VeuStatus
from domain.numbers import ZERO
from domain.rules.codes import FindingCode
from domain.rules.facts import Facts
from domain.rules.findings import finding
from domain.rules.paths import Attempt, Largest, veu_shipment


def try_nveu(facts: Facts, q: Decimal, largest: Largest) -> Attempt:
    consignee, destination = facts.consignee, facts.destination
    if consignee.veu is not VeuStatus.NVEU:
        return Attempt.unavailable(
            Authorization.NVEU, f"the consignee {consignee.ref} is not an NVEU"
        )
    if consignee.veu_country != destination:
        return Attempt.unavailable(
            Authorization.NVEU,
            (
                f"the NVEU of {consignee.ref} covers "
                f"{country_name(consignee.veu_country or '')}, not {country_name(destination)}"
            ),
        )
    cap = facts.ruleset.nveu.cap_on(facts.day)
    installed = facts.standing.veu_footprint.get(destination, ZERO)
    after = installed + q
    figures: dict[str, FigureValue] = {
        "installed_tpp": installed,
        "order_tpp": q,
        "after_tpp": after,
        "cap_tpp": cap.cap_tpp,
        "quarter": cap.label,
    }
    if after > cap.cap_tpp:
        over = after - cap.cap_tpp
        exceeded = finding(
            FindingCode.NVEU_CAP_EXCEEDED,
            facts.refs.nveu,
            f"The installed base of {consignee.ref} in {country_name(destination)} would be "
            f"{fmt_tpp(after)} TPP, passing the {cap.label} cap of {fmt_tpp(cap.cap_tpp)} by "
            f"{fmt_tpp(over)}{fmt_units_over(over, largest.unit_tpp, largest.product_name)}.",
            Part.A_LEVEL,
            "block",
            over_by_tpp=over,
            **figures,
        )
        return Attempt(Authorization.NVEU, applicable=True, findings=(exceeded,))
    within = finding(
        FindingCode.NVEU_WITHIN_CAP,
        facts.refs.nveu,
        f"Authorized under NVEU {consignee.veu_id or ''}: installed base after this shipment "
        f"{fmt_tpp(after)} TPP within the {cap.label} cap of {fmt_tpp(cap.cap_tpp)}.",
        Part.A_LEVEL,
        **figures,
    )
    return veu_shipment(Authorization.NVEU, within, consignee.ref, destination, q)
