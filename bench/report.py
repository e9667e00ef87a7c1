"""Figures as a table: one section per benchmark, a row per measure.

A row may carry a baseline measured in the same run, the ratio to it, a target and whether
the target was met; columns that no row of a section uses are left out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

PASS = "PASS"
FAIL = "FAIL"


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    result: str = ""
    """PASS, FAIL or empty (a figure without a target)."""


@dataclass
class Section:
    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(row.result == FAIL for row in self.rows)


_COLUMNS = (
    ("label", "measure"),
    ("value", "desk"),
    ("baseline", "baseline"),
    ("ratio", "ratio"),
    ("target", "target"),
    ("result", "result"),
)


def render(section: Section) -> str:
    """The section as aligned text: title, header, rows, then notes."""
    used = [
        (name, heading)
        for name, heading in _COLUMNS
        if name in ("label", "value") or any(getattr(row, name) for row in section.rows)
    ]
    cells = [[heading for _, heading in used]]
    cells += [[getattr(row, name) for name, _ in used] for row in section.rows]
    widths = [max(len(line[index]) for line in cells) for index in range(len(used))]
    lines = [section.title, "=" * len(section.title)]
    for number, line in enumerate(cells):
        text = "  ".join(
            cell.ljust(width) if index == 0 else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(line, widths, strict=True))
        )
        lines.append(text.rstrip())
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    lines += [f"  {note}" for note in section.notes]
    return "\n".join(lines)


def ms(value: float) -> str:
    """Milliseconds, with the precision that matters at that size."""
    if value >= 100:
        return f"{value:,.0f} ms"
    if value >= 10:
        return f"{value:.1f} ms"
    if value >= 1:
        return f"{value:.2f} ms"
    return f"{value:.3f} ms"


def ratio(value: float, baseline: float) -> str:
    """``value`` over ``baseline``: "2.6x"; below 0.1 with two significant digits ("0.043x")."""
    if baseline <= 0:
        return "-"
    share = value / baseline
    return f"{share:.1f}x" if share >= 0.1 else f"{share:.2g}x"


def verdict(ok: bool) -> str:
    return PASS if ok else FAIL


def percentile(samples: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 1,000 samples is the 950th smallest)."""
    ordered = sorted(samples)
    return ordered[max(math.ceil(fraction * len(ordered)) - 1, 0)]
