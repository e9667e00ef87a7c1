"""Figures as messages print them, with enough precision never to contradict the decision.

A rule compares a figure with a limit; the message shows both. Rounded carelessly, a density of
5.917 prints as "PD 5.92 < 5.92" and a share of 74.996 % as "75.0 %, below the 75.0 %
required". Each function here prints a figure with its usual precision and adds digits until
it no longer prints equal to a limit it differs from.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from decimal import Decimal

_MAX_DECIMALS = 12


Figure = Decimal | float
"""A figure to print: an exact TPP (``Decimal``) or a measured ratio (``float``)."""


def _distinct(
    value: Figure, limits: Iterable[Figure], render: Callable[[Figure, int], str], start: int
) -> str:
    limits = tuple(limits)
    for digits in range(start, _MAX_DECIMALS + 1):
        text = render(value, digits)
        if all(value == limit or text != render(limit, digits) for limit in limits):
            return text
    return str(value)


def _whole(value: Figure) -> bool:
    if isinstance(value, Decimal):
        return value == value.to_integral_value()
    return float(value).is_integer()


def fmt_tpp(value: Figure, *limits: Figure) -> str:
    """A TPP figure as an officer reads it: 26,900,000 (a fraction only where there is one,
    with as many digits as it takes to differ from each of ``limits``). Exact to the last
    unit, however large."""
    if _whole(value):
        return f"{value:,.0f}"
    return _distinct(value, limits, lambda number, digits: f"{number:,.{digits}f}", 1)


def fmt_number(value: Figure, *limits: Figure, decimals: int = 2) -> str:
    """A plain figure (a performance density) with at least ``decimals`` decimals, more where
    it would otherwise print equal to one of ``limits``."""
    return _distinct(value, limits, lambda number, digits: f"{number:,.{digits}f}", decimals)


def fmt_limit(value: Figure) -> str:
    """A limit as the ruleset states it: 5.92, 4,800."""
    return f"{value:,.0f}" if _whole(value) else f"{value:,}"


def fmt_share(value: float, *limits: float) -> str:
    """A share (0.74996) as a percentage: "74.996 %" beside a 75 % limit, "85.8 %" otherwise."""
    text = _distinct(value * 100, [limit * 100 for limit in limits], lambda n, d: f"{n:.{d}f}", 1)
    return f"{text} %"


def fmt_operations(value: float, *limits: float) -> str:
    """Training operations in scientific notation: 9.999e+25, never "1e+26" beside 1e+26."""
    return _distinct(value, limits, lambda number, digits: f"{number:.{digits}g}", 3)


def fmt_units_over(over_tpp: Decimal, unit_tpp: Decimal, product_name: str) -> str:
    """ " (about 219 units of NVIDIA H100 SXM too many)", or "" without a unit figure."""
    if unit_tpp <= 0:
        return ""
    count = math.ceil(over_tpp / unit_tpp)
    noun = "unit" if count == 1 else "units"
    return f" (about {count:,} {noun} of {product_name} too many)"


_FIGURE_LABELS = {
    "a_level_tpp": "a-level TPP",
    "b_level_tpp": "b-level TPP",
    "over_by_tpp": "over the limit by (TPP)",
    "left_tpp": "left (TPP)",
    "limit_tpp": "limit (TPP)",
    "used_tpp": "used (TPP)",
    "order_tpp": "this order (TPP)",
    "total_tpp": "total (TPP)",
    "cap_tpp": "cap (TPP)",
    "after_tpp": "after this order (TPP)",
    "installed_tpp": "installed base (TPP)",
    "footprint_after_tpp": "footprint after this order (TPP)",
    "prior_receipts_tpp": "prior receipts (TPP)",
    "earlier_shipments_tpp": "earlier LPP shipments (TPP)",
    "earlier_aia_tpp": "earlier AIA shipments (TPP)",
    "cumulative_tpp": "cumulative (TPP)",
    "threshold_tpp": "threshold (TPP)",
    "remaining_before_tpp": "left before this order (TPP)",
    "g2g_agreement": "government-to-government agreement",
    "has_aia_certification": "AIA certification in force",
    "tier1_share": "share in Tier 1",
    "home_share": "share at home",
    "party_role": "role",
    "nexus": "Tier 3 nexus",
    "license": "licence",
    "training_operations": "training operations",
    "threshold_operations": "threshold (operations)",
}
"""How figures are named to an officer, where the record's key would read as code."""


def figure_label(name: str) -> str:
    """ "a-level TPP" for ``a_level_tpp``; words for any other key."""
    return _FIGURE_LABELS.get(name) or name.replace("_tpp", " (TPP)").replace("_", " ")


def figure_text(name: str, value: object) -> str:
    """One figure of a finding as the window and the paper show it: its name in words and
    its value with the precision that never contradicts the decision."""
    if value is None:
        text = "none"
    elif isinstance(value, bool):
        text = "yes" if value else "no"
    elif isinstance(value, list):
        text = ", ".join(str(item) for item in value) or "none"
    elif isinstance(value, int) and (name == "year" or name.endswith("_year") or name == "tier"):
        text = str(value)  # 2026, never "2,026"
    elif isinstance(value, float) and ("share" in name or name in ("required", "allowed")):
        text = f"{value * 100:.6g} %"  # 74.9963 %, never a rounded 75.0 % below 75 %
    elif isinstance(value, int | float) and "operations" in name:
        text = fmt_operations(value)
    elif isinstance(value, int | float):
        text = fmt_tpp(value) if abs(value) >= 1 or float(value).is_integer() else f"{value:.4g}"
    else:
        text = str(value)
    return f"{figure_label(name)}: {text}"
