"""The parts an order splits into (rules.md section 5), each decided by a pure function of the
facts and its lines: a-level items, model weights, b-level items, IaaS training and items
outside the controls. Each returns a ``PartDecision``."""

from __future__ import annotations

from dataclasses import dataclass

from domain.decision import Consumption, Finding, PartResult

__all__ = ["PartDecision"]


@dataclass(frozen=True)
class PartDecision:
    """A part's outcome, the findings that explain it and what it consumes if it ships."""

    result: PartResult
    findings: tuple[Finding, ...] = ()
    consumption: tuple[Consumption, ...] = ()
