"""The order list as the officer sees it, written as CSV for a spreadsheet.

Not an import format: one row per order with its outcome in words, as the Orders screen
lists it (same filter, same order). A cell a spreadsheet would read as a formula (it begins
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading
apostrophe, as in every CSV file the desk writes (``formulas.protect_cell``), so opening the
file never runs anything a party name smuggled in.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal

from domain.csvio.formulas import protect_cell
from domain.decision import Outcome
from domain.numbers import plain
from domain.queries import OrderSummary

ORDER_LIST_HEADER = (
    "order",
    "date",
    "status",
    "outcome",
    "consignee_ref",
    "consignee",
    "end_user_ref",
    "destination",
    "a_level_tpp",
    "lines",
)


def outcome_words(summary: OrderSummary) -> str:
    return "Pending" if summary.outcome is None else Outcome(summary.outcome).label


def _tpp(value: Decimal | None) -> str:
    return "" if value is None else plain(value)


def order_list_rows(summaries: Iterable[OrderSummary]) -> Iterable[list[str]]:
    for row in summaries:
        yield [
            protect_cell(cell)
            for cell in (
                row.ref,
                row.date.isoformat(),
                row.status,
                outcome_words(row),
                row.consignee_ref,
                row.consignee_name,
                row.end_user_ref or "",
                row.destination,
                _tpp(row.a_level_tpp),
                str(row.lines),
            )
        ]


def format_order_list(summaries: Iterable[OrderSummary]) -> str:
    """The rows under their header, ``\\n`` line ends, UTF-8 ready."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ORDER_LIST_HEADER)
    writer.writerows(order_list_rows(summaries))
    return out.getvalue()
