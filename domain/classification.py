"""Classification of items (rules.md section 1): TPP, performance density and ECCN.

Pure functions over figures and the thresholds of a ruleset version. Nothing here holds a
regulatory number: the thresholds arrive with the ruleset.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from domain.errors import ClassificationInputError
from domain.figures import fmt_limit, fmt_number, fmt_operations, fmt_tpp
from domain.frozen import Frozen, Strict
from domain.numbers import Exact, ExactNonNegative, Positive
from domain.ruleset import Ic3A090, ModelWeights


class Level(StrEnum):
    """How strictly an item is controlled: a-level, b-level or not under 3A090/4A090."""

    A = "a"
    B = "b"
    NONE = "none"


class Rate(Frozen):
    """One datasheet peak rate: TOPS (or TFLOPS) at a bit length, dense unless marked sparse."""

    tops: ExactNonNegative
    bits: Annotated[int, Field(gt=0, le=512)]
    sparse: bool = False

    @property
    def tpp(self) -> Decimal:
        # Sparsity never counts: a sparse-only figure is halved to its dense equivalent.
        dense = self.tops / 2 if self.sparse else self.tops
        return dense * self.bits


_RATE = re.compile(
    r"^\s*([0-9]*\.?[0-9]+(?:e[+-]?[0-9]+)?)\s*:\s*([0-9]+)\s*(?::\s*(sparse|dense))?\s*$", re.I
)


def parse_rate(text: str) -> Rate:
    """Parse ``TOPS:BITS`` (optionally ``TOPS:BITS:sparse``) as typed on the command line."""
    match = _RATE.match(text)
    if match is None:
        raise ClassificationInputError(
            f"rate {text!r}: expected TOPS:BITS, for example 1979:8 "
            "(add :sparse for a sparse-only figure)"
        )
    tops, bits, mode = match.groups()
    if int(bits) == 0:
        raise ClassificationInputError(f"rate {text!r}: the bit length must be at least 1")
    return Rate(tops=Decimal(tops), bits=int(bits), sparse=(mode or "").lower() == "sparse")


def tpp_from_rates(rates: Sequence[Rate]) -> Decimal:
    """TPP from datasheet rates: the largest rate × bit length (rules.md 1.1)."""
    if not rates:
        raise ClassificationInputError("at least one rate (TOPS:BITS) is needed to compute TPP")
    return max(rate.tpp for rate in rates)


class ItemFigures(Strict):
    """What the officer knows about an IC, board or system."""

    tpp: ExactNonNegative
    die_area_mm2: Positive | None = None
    datacenter: bool = True
    ics_per_unit: Annotated[int, Field(ge=1)] = 1
    system: bool | None = None
    """A computer, board or assembly (4A090). ``None``: a system when it holds more than one IC."""

    @property
    def is_system(self) -> bool:
        return self.system if self.system is not None else self.ics_per_unit > 1


class Classification(Frozen):
    """The ECCN of an item, with the figures and the reason behind it."""

    tpp: Exact
    performance_density: float | None
    eccn: str | None
    paragraph: str | None
    ic_paragraph: str | None
    datacenter: bool
    unit_tpp: Exact
    ics_per_unit: int
    level: Level
    reason: str

    @property
    def controlled(self) -> bool:
        return self.eccn is not None


def classify_item(figures: ItemFigures, thresholds: Ic3A090) -> Classification:
    """Classify an IC (3A090) or a system holding such ICs (4A090).

    The die area is required only where it can change the answer: a datacenter IC whose TPP
    lies in the band where the performance-density prongs decide.
    """
    tpp = figures.tpp
    area = figures.die_area_mm2
    pd = float(tpp) / area if area else None
    paragraph: str | None
    if not figures.datacenter:
        if tpp >= thresholds.non_datacenter_a_min_tpp:
            paragraph = "3A090.a.1"
            reason = (
                f"not designed for datacenters; TPP "
                f"{fmt_tpp(tpp, thresholds.non_datacenter_a_min_tpp)} ≥ "
                f"{fmt_limit(thresholds.non_datacenter_a_min_tpp)}"
            )
        else:
            paragraph = None
            reason = (
                f"not designed for datacenters and TPP "
                f"{fmt_tpp(tpp, thresholds.non_datacenter_a_min_tpp)} < "
                f"{fmt_limit(thresholds.non_datacenter_a_min_tpp)}: the density prongs do not apply"
            )
    elif tpp >= thresholds.a1_min_tpp:
        paragraph = "3A090.a.1"
        reason = f"TPP {fmt_tpp(tpp, thresholds.a1_min_tpp)} ≥ {fmt_limit(thresholds.a1_min_tpp)}"
    elif tpp < thresholds.pd_can_matter_from_tpp:
        paragraph = None
        floor = thresholds.pd_can_matter_from_tpp
        reason = f"TPP {fmt_tpp(tpp, floor)} < {fmt_limit(floor)}"
    else:
        if pd is None:
            raise ClassificationInputError(
                f"die area (mm²) is needed: a datacenter IC with TPP {fmt_tpp(tpp)} "
                f"(between {fmt_limit(thresholds.pd_can_matter_from_tpp)} and "
                f"{fmt_limit(thresholds.a1_min_tpp)}) is classified by its performance density"
            )
        paragraph, reason = _density_paragraph(tpp, pd, thresholds)
    level = Level.NONE if paragraph is None else Level(paragraph[6])
    ic_eccn = None if paragraph is None else paragraph[:7]
    unit_tpp = tpp * figures.ics_per_unit
    eccn, own_paragraph = ic_eccn, paragraph
    if figures.is_system:
        # A system holding such ICs is 4A090 of the same level (rules.md 1.3).
        eccn = own_paragraph = None if ic_eccn is None else "4A090." + ic_eccn[-1]
        if eccn is not None:
            reason = f"system of {figures.ics_per_unit} ICs each {paragraph} ({reason})"
    return Classification(
        tpp=tpp,
        performance_density=pd,
        eccn=eccn,
        paragraph=own_paragraph,
        ic_paragraph=paragraph,
        datacenter=figures.datacenter,
        unit_tpp=unit_tpp,
        ics_per_unit=figures.ics_per_unit,
        level=level,
        reason=reason,
    )


def _density_paragraph(tpp: Decimal, pd: float, t: Ic3A090) -> tuple[str | None, str]:
    # .a is tested before .b (rules.md 1.2). Every figure prints with the precision that keeps
    # it on the right side of the limits beside it.
    def tpp_text(*limits: Decimal) -> str:
        return fmt_tpp(tpp, *limits)

    def pd_text(*limits: float) -> str:
        return fmt_number(pd, *limits)

    if tpp >= t.a2_min_tpp and pd >= t.a2_min_pd:
        return (
            "3A090.a.2",
            f"TPP {tpp_text(t.a2_min_tpp)} ≥ {fmt_limit(t.a2_min_tpp)} and "
            f"PD {pd_text(t.a2_min_pd)} ≥ {fmt_limit(t.a2_min_pd)}",
        )
    if t.b1_min_tpp <= tpp < t.b1_below_tpp and t.b1_min_pd <= pd < t.b1_below_pd:
        return "3A090.b.1", (
            f"{fmt_limit(t.b1_min_tpp)} ≤ TPP {tpp_text(t.b1_min_tpp, t.b1_below_tpp)} < "
            f"{fmt_limit(t.b1_below_tpp)} and {fmt_limit(t.b1_min_pd)} ≤ "
            f"PD {pd_text(t.b1_min_pd, t.b1_below_pd)} < {fmt_limit(t.b1_below_pd)}"
        )
    if tpp >= t.b2_min_tpp and t.b2_min_pd <= pd < t.b2_below_pd:
        return "3A090.b.2", (
            f"TPP {tpp_text(t.b2_min_tpp)} ≥ {fmt_limit(t.b2_min_tpp)} and "
            f"{fmt_limit(t.b2_min_pd)} ≤ PD {pd_text(t.b2_min_pd, t.b2_below_pd)} < "
            f"{fmt_limit(t.b2_below_pd)}"
        )
    limits = (t.a2_min_pd, t.b1_min_pd, t.b2_min_pd, t.b1_below_pd)
    return None, f"TPP {tpp_text()} with PD {pd_text(*limits)} meets no paragraph of 3A090"


class WeightsClassification(Frozen):
    """ECCN of model weights."""

    eccn: str | None
    reason: str


def classify_weights(
    training_operations: float | None, published: bool, thresholds: ModelWeights
) -> WeightsClassification:
    """4E091 for unpublished weights of a model trained with at least the threshold operations."""
    if training_operations is None:
        raise ClassificationInputError(
            "training operations are needed to classify model weights (4E091)"
        )
    limit = thresholds.min_training_operations
    if training_operations < limit:
        return WeightsClassification(
            eccn=None,
            reason=(
                f"trained with {fmt_operations(training_operations, limit)} < "
                f"{fmt_operations(limit)} operations"
            ),
        )
    if published:
        return WeightsClassification(
            eccn=None, reason="published (open) weights are not controlled under 4E091"
        )
    return WeightsClassification(
        eccn="4E091",
        reason=(
            f"trained with {fmt_operations(training_operations, limit)} ≥ "
            f"{fmt_operations(limit)} operations"
        ),
    )
