"""The authorizations that can carry an order's a-level part, tried in this order (rules.md
section 5): AIA, UVEU, NVEU, LPP, a licence. Each is a pure function of the facts, the part's
TPP and its largest line, returning an ``Attempt``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from domain.decision import Authorization, Consumption, Finding, Ledger, LineResult
from domain.numbers import ZERO, Exact
from domain.rules.codes import PAPERWORK

__all__ = ["Attempt", "Largest", "PathFunction", "veu_shipment"]


@dataclass(frozen=True)
class Largest:
    """The part's line with the largest TPP per unit: over-limit messages count in its units."""

    unit_tpp: Exact
    product_name: str

    @classmethod
    def of(cls, lines: list[LineResult]) -> Largest:
        line = max(lines, key=lambda item: item.unit_tpp or ZERO)
        return cls(unit_tpp=line.unit_tpp or ZERO, product_name=line.product_name)


@dataclass(frozen=True)
class Attempt:
    """What trying one authorization found."""

    authorization: Authorization
    applicable: bool
    holds: bool = False
    findings: tuple[Finding, ...] = ()
    consumption: tuple[Consumption, ...] = ()
    reason_unavailable: str = ""

    @classmethod
    def unavailable(cls, authorization: Authorization, reason: str) -> Attempt:
        """An authorization that cannot apply to the order at all, and why."""
        return cls(authorization, applicable=False, reason_unavailable=reason)

    @property
    def paperwork_only(self) -> bool:
        """It failed only for missing paperwork (a certification, a BIS submission)."""
        failing = [item for item in self.findings if item.severity != "info"]
        return bool(failing) and all(item.code in PAPERWORK for item in failing)


PathFunction = Callable[..., Attempt]


def veu_shipment(
    authorization: Authorization, within: Finding, party_ref: str, country: str, tpp: Decimal
) -> Attempt:
    """A VEU authorization that holds: its finding, and the shipment added to the holder's
    installed base in the destination."""
    return Attempt(
        authorization,
        applicable=True,
        holds=True,
        findings=(within,),
        consumption=(
            Consumption(ledger=Ledger.VEU, party_ref=party_ref, country=country, tpp=tpp),
        ),
    )
