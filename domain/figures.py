"""Figures as messages print them, with enough precision never to contradict the decision.

A rule compares a figure with a limit; the message shows both. Rounded carelessly, a density of
5.917 prints as "PD 5.92 < 5.92" and a share of 74.996 % as "75.0 %, below the 75.0 %
required". Each function here prints a figure with its usual precision and adds digits until
it no longer prints equal to a limit it differs from.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

_MAX_DECIMALS = 12


def _distinct(
    value: float, limits: Iterable[float], render: Callable[[float, int], str], start: int
) -> str:
    limits = tuple(limits)
    for digits in range(start, _MAX_DECIMALS + 1):
        text = render(value, digits)
        if all(value == limit or text != render(limit, digits) for limit in limits):
            return text
    return repr(value)


def fmt_tpp(value: float, *limits: float) -> str:
    """A TPP figure as an officer reads it: 26,900,000 (a fraction only where there is one,
    with as many digits as it takes to differ from each of ``limits``)."""
    if float(value).is_integer():
        return f"{value:,.0f}"
    return _distinct(value, limits, lambda number, digits: f"{number:,.{digits}f}", 1)


def fmt_number(value: float, *limits: float, decimals: int = 2) -> str:
    """A plain figure (a performance density) with at least ``decimals`` decimals, more where
    it would otherwise print equal to one of ``limits``."""
    return _distinct(value, limits, lambda number, digits: f"{number:,.{digits}f}", decimals)


def fmt_limit(value: float) -> str:
    """A limit as the ruleset states it: 5.92, 4,800."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def fmt_share(value: float, *limits: float) -> str:
    """A share (0.74996) as a percentage: "74.996 %" beside a 75 % limit, "85.8 %" otherwise."""
    text = _distinct(value * 100, [limit * 100 for limit in limits], lambda n, d: f"{n:.{d}f}", 1)
    return f"{text} %"


def fmt_operations(value: float, *limits: float) -> str:
    """Training operations in scientific notation: 9.999e+25, never "1e+26" beside 1e+26."""
    return _distinct(value, limits, lambda number, digits: f"{number:.{digits}g}", 3)


def fmt_units_over(over_tpp: float, unit_tpp: float, product_name: str) -> str:
    """ " (about 219 units of NVIDIA H100 SXM too many)", or "" without a unit figure."""
    if unit_tpp <= 0:
        return ""
    count = math.ceil(over_tpp / unit_tpp)
    noun = "unit" if count == 1 else "units"
    return f" (about {count:,} {noun} of {product_name} too many)"
