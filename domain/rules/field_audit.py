"""A party under review after a field audit (rules.md section 10, "Merging back"): a visit
with missing, unexpected or duplicate serials, or a failed checklist item, holds the party's
next orders until the officer records how the discrepancies were resolved."""

from __future__ import annotations

from domain.decision import Finding, Part
from domain.rules.codes import FindingCode
from domain.rules.facts import Facts
from domain.rules.findings import finding


def field_audit_findings(facts: Facts) -> list[Finding]:
    """A hold for each party of the order with a visit's discrepancies unresolved."""
    found: list[Finding] = []
    for role, party in facts.parties:
        visits = facts.field_audits.get(party.ref, ())
        if not visits:
            continue
        numbers = ", ".join(str(visit) for visit in visits)
        found.append(
            finding(
                FindingCode.FIELD_AUDIT_DISCREPANCY,
                facts.refs.field_audit,
                f"Hold: a field audit of the {role} {party.ref} found discrepancies (visit "
                f"{numbers}) not yet resolved. Record how they were resolved (`kit resolve "
                f"{party.ref} VISIT --note ...`) before its orders go.",
                Part.ORDER,
                "block",
                party=party.ref,
                visits=[str(visit) for visit in visits],
            )
        )
    return found
