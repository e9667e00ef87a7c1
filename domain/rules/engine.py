"""Order evaluation (rules.md section 5): ``evaluate(order, context, ruleset) -> Decision``.

Classifies every line, splits the order into parts, decides each part through its own pure
function (``parts``), adds the ruleset's notes on the order's countries, and takes the most
restrictive outcome. Nothing here holds a number or a rule of its own: each lives in one
module of ``domain.rules``, which the views and documents use too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from domain.decision import (
    Authorization,
    Decision,
    Finding,
    LineResult,
    Outcome,
    Part,
    most_restrictive,
)
from domain.errors import ClassificationInputError, DomainError
from domain.model import EvaluationContext, Order
from domain.numbers import ZERO
from domain.rules.classification import classify_product
from domain.rules.codes import FindingCode
from domain.rules.facts import Facts, facts_for
from domain.rules.field_audit import field_audit_findings
from domain.rules.findings import finding
from domain.rules.geography import NexusFact, country_notes, tier3_nexus
from domain.rules.parts import PartDecision
from domain.rules.parts.a_level import decide_a_level
from domain.rules.parts.others import decide_b_level, decide_iaas, decide_uncontrolled
from domain.rules.parts.weights import decide_weights
from domain.rules.screening import Screened, screening_findings
from domain.ruleset import Ruleset

Decide = Callable[[Facts, Sequence[LineResult], Sequence[NexusFact]], PartDecision]
_PARTS: tuple[tuple[Part, Decide], ...] = (
    (Part.A_LEVEL, decide_a_level),
    (Part.MODEL_WEIGHTS, decide_weights),
    (Part.B_LEVEL, decide_b_level),
    (Part.IAAS_TRAINING, lambda facts, lines, _nexus: decide_iaas(facts, lines)),
    (Part.UNCONTROLLED, lambda facts, lines, _nexus: decide_uncontrolled(facts, lines)),
)
"""Each part and the function that decides it, in the order findings are listed."""


def evaluate(order: Order, context: EvaluationContext, ruleset: Ruleset) -> Decision:
    """Decide an order under ``ruleset`` (the version in effect on the order's date)."""
    facts = facts_for(order, context, ruleset)
    lines = classify_lines(facts)
    by_part: dict[Part, list[LineResult]] = {}
    for line in lines:
        by_part.setdefault(line.part, []).append(line)
    nexus = tier3_nexus(facts.destination, facts.parties, ruleset)
    findings: list[Finding] = []
    if by_part.get(Part.A_LEVEL) or by_part.get(Part.MODEL_WEIGHTS):
        findings.extend(_nexus_findings(facts, nexus))
    decided = [decide(facts, by_part[part], nexus) for part, decide in _PARTS if part in by_part]
    findings.extend(item for part in decided for item in part.findings)
    findings.extend(_country_notes(facts))
    screened = screening_findings(facts.parties, facts.screening, facts.ruleset, facts.day)
    findings[:0] = [item.finding for item in screened]
    audited = field_audit_findings(facts)
    findings[:0] = audited
    outcome = most_restrictive(
        [part.result.outcome for part in decided]
        + [item.outcome for item in screened]
        + [Outcome.HOLD for _ in audited]
    )
    authorizations: list[Authorization] = []
    for part in decided if not _screening_forbids(screened) else ():
        used = part.result.authorization
        if used is not None and used not in authorizations:
            authorizations.append(used)
    return Decision(
        order_ref=order.ref,
        order_date=order.date,
        outcome=outcome,
        authorizations=tuple(authorizations),
        ruleset=ruleset.id,
        ruleset_sha256=ruleset.content_hash or None,
        destination=facts.destination,
        destination_tier=facts.destination_tier,
        a_level_tpp=sum((line.line_tpp or ZERO for line in by_part.get(Part.A_LEVEL, [])), ZERO),
        lines=tuple(lines),
        parts=tuple(part.result for part in decided),
        findings=tuple(findings),
        consumption=tuple(item for part in decided for item in part.consumption)
        if outcome.ships
        else (),
    )


def _screening_forbids(screened: Sequence[Screened]) -> bool:
    """Whether screening alone makes the order need a licence or prohibits it: then no
    licence exception or VEU authorization is named, whatever the parts allow."""
    return any(item.outcome in (Outcome.LICENSE_REQUIRED, Outcome.PROHIBITED) for item in screened)


def classify_lines(facts: Facts) -> list[LineResult]:
    """Every line of the order with its classification (``classify_product``)."""
    order, lines = facts.order, []
    for number, line in enumerate(order.lines, start=1):
        product = facts.products.get(line.product_ref)
        if product is None:
            raise DomainError(
                f"order {order.ref} line {number}: unknown product {line.product_ref!r}"
            )
        item = classify_product(product, facts.ruleset)
        if item.error is not None:
            raise ClassificationInputError(
                f"order {order.ref} line {number}, product {product.ref}: {item.error}"
            )
        lines.append(
            LineResult(
                line=number,
                product_ref=product.ref,
                product_name=product.name,
                quantity=line.quantity,
                eccn=item.eccn,
                paragraph=item.paragraph,
                part=item.part,
                unit_tpp=item.unit_tpp,
                line_tpp=None if item.unit_tpp is None else item.unit_tpp * line.quantity,
                reason=item.reason,
            )
        )
    return lines


def _nexus_findings(facts: Facts, nexus: Sequence[NexusFact]) -> list[Finding]:
    return [
        finding(
            fact.code,
            facts.refs.tier3_nexus,
            f"Prohibited (presumption of denial): {fact.describe(facts.ruleset)}.",
            Part.ORDER,
            "block",
            nexus=fact.kind,
            country=fact.country,
            party=fact.party_ref,
            party_role=fact.party_role,
        )
        for fact in nexus
    ]


def _country_notes(facts: Facts) -> list[Finding]:
    """The ruleset's note on each country of the order that has one (Cyprus: D:5 but also
    A:6, placed in Tier 2; Hong Kong: treated as China)."""
    return [
        finding(
            FindingCode.COUNTRY_TIER_NOTE,
            facts.refs.tiers,
            f"{facts.ruleset.place(note.country)} ({', '.join(note.where)}): {note.note}",
            Part.ORDER,
            country=note.country,
            tier=facts.ruleset.tier_of(note.country),
        )
        for note in country_notes(facts.destination, facts.parties, facts.ruleset)
    ]
