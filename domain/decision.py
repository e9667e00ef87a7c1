"""What an evaluation returns: the outcome, the findings behind it and what it consumes."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import Field

from domain.frozen import Frozen
from domain.labelled import Labelled
from domain.numbers import ZERO, Exact, ExactFigure
from domain.rules.codes import FindingCode

FigureValue = ExactFigure | float | int | str | bool | None | list[str]


class Outcome(Labelled):
    """Order outcomes, from least to most restrictive."""

    NO_LICENSE_REQUIRED = "no_license_required", "No licence required"
    AUTHORIZED = "authorized", "Authorized"
    LICENSE_REQUIRED = "license_required", "Licence required"
    HOLD = "hold", "Hold"
    PROHIBITED = "prohibited", "Prohibited"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def ships(self) -> bool:
        """Whether an order with this outcome may ship as it stands."""
        return self in (Outcome.NO_LICENSE_REQUIRED, Outcome.AUTHORIZED)


_RANK = {outcome: rank for rank, outcome in enumerate(Outcome)}


def most_restrictive(outcomes: list[Outcome]) -> Outcome:
    """prohibited > hold > license required > authorized > no licence required."""
    return max(outcomes, key=lambda outcome: outcome.rank, default=Outcome.NO_LICENSE_REQUIRED)


class Authorization(Labelled):
    """How an order may ship; the label is as the officer reads it ("Licence"), the value
    the record's code."""

    AIA = "AIA"
    UVEU = "UVEU"
    NVEU = "NVEU"
    LPP = "LPP"
    LICENSE = "LICENSE", "Licence"


class Part(StrEnum):
    """The parts an order splits into (rules.md section 5)."""

    A_LEVEL = "a_level"
    MODEL_WEIGHTS = "model_weights"
    B_LEVEL = "b_level"
    IAAS_TRAINING = "iaas_training"
    UNCONTROLLED = "uncontrolled"
    ORDER = "order"


Severity = Literal["block", "warning", "info"]


class Finding(Frozen):
    """One reason in a decision: stable code, rule reference, plain words and the figures."""

    code: FindingCode
    rule: str
    message: str
    figures: dict[str, FigureValue] = Field(default_factory=dict)
    part: Part = Part.ORDER
    severity: Severity = "info"


class LineResult(Frozen):
    """How one order line was classified."""

    line: int
    product_ref: str
    product_name: str
    quantity: int
    eccn: str | None
    paragraph: str | None
    part: Part
    unit_tpp: Exact | None
    line_tpp: Exact | None
    reason: str


class PartResult(Frozen):
    """The outcome of one part of the order."""

    part: Part
    outcome: Outcome
    tpp: Exact = ZERO
    authorization: Authorization | None = None


class Ledger(StrEnum):
    """Where consumption is recorded."""

    LPP = "lpp"
    AIA = "aia"
    VEU = "veu"
    LICENSE = "license"
    COUNTRY_ALLOCATION = "country_allocation"


class Consumption(Frozen):
    """One amount an authorized decision draws from a ledger."""

    ledger: Ledger
    party_ref: str | None = None
    year: int | None = None
    country: str | None = None
    license_number: str | None = None
    tpp: Exact


class Decision(Frozen):
    """The result of evaluating an order under one ruleset version."""

    order_ref: str
    order_date: date
    outcome: Outcome
    authorizations: tuple[Authorization, ...]
    ruleset: str
    ruleset_sha256: str | None = None
    """The content hash of the ruleset file that decided (None: recorded before the desk
    kept it); ``audit verify`` recomputes it from the file."""
    destination: str
    destination_tier: int
    a_level_tpp: Exact
    lines: tuple[LineResult, ...]
    parts: tuple[PartResult, ...]
    findings: tuple[Finding, ...]
    consumption: tuple[Consumption, ...]
    """What to record in the ledgers; empty unless the order may ship."""

    def codes(self) -> list[FindingCode]:
        return [finding.code for finding in self.findings]

    def finding(self, code: str) -> Finding:
        for finding in self.findings:
            if finding.code == code:
                return finding
        raise KeyError(code)
