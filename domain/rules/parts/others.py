"""The parts that need no licence exception: b-level items (a licence only with a Tier 3
nexus), IaaS training (Red Flag 28 for customers outside Tier 1) and items outside the
controls. Each says why, including when no licence is required."""

from __future__ import annotations

from collections.abc import Sequence

from domain.decision import LineResult, Outcome, Part, PartResult
from domain.figures import fmt_operations
from domain.numbers import ZERO
from domain.rules.codes import FindingCode
from domain.rules.facts import Facts
from domain.rules.findings import finding
from domain.rules.geography import NexusFact, headquarters_outside_tier1
from domain.rules.parts import PartDecision


def decide_b_level(
    facts: Facts, lines: Sequence[LineResult], nexus: Sequence[NexusFact]
) -> PartDecision:
    tpp = sum((line.line_tpp or ZERO for line in lines), ZERO)
    if nexus:
        required = finding(
            FindingCode.TIER3_NEXUS_B_LEVEL,
            facts.refs.b_level_nexus,
            "A licence is required for the b-level items because "
            + "; ".join(fact.describe(facts.ruleset) for fact in nexus)
            + ". License Exception NAC (25-day prior notification) may be available.",
            Part.B_LEVEL,
            "block",
            b_level_tpp=tpp,
            nexus=[f"{fact.kind}:{fact.country}" for fact in nexus],
        )
        return PartDecision(
            PartResult(part=Part.B_LEVEL, outcome=Outcome.LICENSE_REQUIRED, tpp=tpp), (required,)
        )
    free = finding(
        FindingCode.B_LEVEL_NO_LICENSE_REQUIRED,
        facts.refs.b_level_no_license_required,
        "No licence required for the b-level items: the order has no Tier 3 nexus.",
        Part.B_LEVEL,
        b_level_tpp=tpp,
    )
    return PartDecision(
        PartResult(part=Part.B_LEVEL, outcome=Outcome.NO_LICENSE_REQUIRED, tpp=tpp), (free,)
    )


def decide_iaas(facts: Facts, lines: Sequence[LineResult]) -> PartDecision:
    part = Part.IAAS_TRAINING
    outside = headquarters_outside_tier1(facts.parties, facts.ruleset)
    operations = max(facts.products[line.product_ref].training_operations or 0.0 for line in lines)
    threshold = facts.ruleset.red_flag_28.min_training_operations
    rule = facts.refs.red_flag_28
    if not outside:
        not_raised = finding(
            FindingCode.RED_FLAG_28_NOT_RAISED,
            rule,
            f"No licence required for the IaaS training service (not an item): training of "
            f"{fmt_operations(operations, threshold)} operations for a customer headquartered "
            "in Tier 1, whose ultimate parent is too, does not raise Red Flag 28.",
            part,
            training_operations=operations,
            threshold_operations=threshold,
        )
        return PartDecision(
            PartResult(part=part, outcome=Outcome.NO_LICENSE_REQUIRED), (not_raised,)
        )
    resolution = facts.order.red_flag_28_resolution
    if resolution is not None:
        resolved = finding(
            FindingCode.RED_FLAG_28_RESOLVED,
            rule,
            f"Red Flag 28 resolved by {resolution.resolved_by} on {resolution.resolved_on}: "
            f"{resolution.note}",
            part,
            resolved_by=resolution.resolved_by,
            resolved_on=resolution.resolved_on.isoformat(),
        )
        return PartDecision(PartResult(part=part, outcome=Outcome.NO_LICENSE_REQUIRED), (resolved,))
    held = finding(
        FindingCode.RED_FLAG_28,
        rule,
        f"Hold: IaaS training of {fmt_operations(operations, threshold)} operations for a "
        f"customer outside Tier 1 ({'; '.join(outside)}). Record how Red Flag 28 was resolved "
        "before going ahead.",
        part,
        "block",
        training_operations=operations,
        threshold_operations=threshold,
    )
    return PartDecision(PartResult(part=part, outcome=Outcome.HOLD), (held,))


def decide_uncontrolled(facts: Facts, lines: Sequence[LineResult]) -> PartDecision:
    # One mention per product, however many lines order it (an order may have thousands).
    by_product: dict[str, list[LineResult]] = {}
    for line in lines:
        by_product.setdefault(line.product_ref, []).append(line)
    described = [
        f"{group[0].product_name} ({group[0].reason})"
        + (f", {len(group):,} lines" if len(group) > 1 else "")
        for group in by_product.values()
    ]
    free = finding(
        FindingCode.NOT_CONTROLLED,
        facts.refs.not_controlled,
        "No licence required for items outside 3A090, 4A090 and 4E091: "
        + "; ".join(described)
        + ".",
        Part.UNCONTROLLED,
        products=list(by_product),
    )
    return PartDecision(
        PartResult(part=Part.UNCONTROLLED, outcome=Outcome.NO_LICENSE_REQUIRED), (free,)
    )
