"""Building findings: code, rule reference, plain words, part, severity and figures."""

from __future__ import annotations

from collections.abc import Iterable

from domain.decision import FigureValue, Finding, Part, Severity
from domain.rules.codes import FindingCode


def finding(
    code: FindingCode,
    rule: str,
    message: str,
    part: Part,
    severity: Severity = "info",
    /,
    **figures: FigureValue,
) -> Finding:
    return Finding(
        code=code, rule=rule, message=message, figures=figures, part=part, severity=severity
    )


def as_info(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """The same findings, kept for information only (an earlier authorization that failed
    where a later one holds)."""
    return tuple(item.model_copy(update={"severity": "info"}) for item in findings)
