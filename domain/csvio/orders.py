"""Orders, the fast path: an ERP export can hold 10^5 rows, so order rows are read without
the per-cell converters, grouped by ``ref`` into orders and validated once per order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

from pydantic import ValidationError

from domain.countries import Country
from domain.csvio.cells import (
    _BREAK,
    _WHOLE,
    _CellError,
    _Countries,
    _date,
    _optional_ref,
    _ref,
    _Remembered,
    _validation_errors,
)
from domain.csvio.formats import (
    HEADERS,
    MAX_QUANTITY,
    MAX_REF,
    CsvKind,
    RowError,
)
from domain.csvio.kinds import (
    _row_is_sound,
)
from domain.model import (
    Order,
    Record,
)

# -- orders: the fast path --------------------------------------------------------------------


@dataclass(slots=True)
class _OrderDraft:
    first_row: int
    head: tuple[date, str, str | None, Country | None]
    lines: list[dict[str, object]]
    rows: list[int]


_ORDER_HEAD: Final = ("date", "consignee_ref", "end_user_ref", "destination")
_QUANTITY_EXPECTED: Final = f"expected a whole number > 0 (at most {MAX_QUANTITY:,})"


def _order_ref_errors(row: int, cells: Mapping[str, str]) -> list[RowError]:
    """The slow, precise check of an order row's references (the fast one found a problem)."""
    found = []
    for column in ("ref", "consignee_ref", "end_user_ref", "product_ref"):
        text = cells[column]
        try:
            if column == "end_user_ref":
                _optional_ref(text)
            else:
                _ref(text)
        except _CellError as exc:
            found.append(RowError(row=row, field=column, value=text or None, message=str(exc)))
    return found


def _usual_refs(
    row: int, refs: tuple[str, str, str, str], problems: list[RowError]
) -> tuple[str, str, str, str]:
    """An order row's refs as ``_ref`` keeps them; a refused one is added to ``problems``."""
    usual: list[str] = []
    for column, text in zip(
        ("ref", "consignee_ref", "end_user_ref", "product_ref"), refs, strict=True
    ):
        try:
            if column == "end_user_ref":
                usual.append(_optional_ref(text) or "")
            else:
                usual.append(_ref(text))
        except _CellError as exc:
            problems.append(RowError(row=row, field=column, value=text or None, message=str(exc)))
            usual.append(text)
    return usual[0], usual[1], usual[2], usual[3]


def _parse_orders(
    rows: Iterator[tuple[int, list[str]]],
    positions: dict[str, int],
    width: int,
    errors: list[RowError],
    check_control: bool,
    check_breaks: bool,
) -> tuple[list[Record], list[tuple[int, ...]], int]:
    """Orders without a pydantic validation per row: hand-written checks, one model per order.

    ``check_breaks`` says whether any cell can hold a tab or line break at all (the file has
    a tab or a quote), so the common file skips that check.
    """
    countries = _Countries()
    dates = _Remembered(_date, _CellError)
    drafts: dict[str, _OrderDraft] = {}
    broken: set[str] = set()
    p_ref, p_date, p_consignee, p_end_user, p_destination, p_product, p_quantity = (
        positions[column] for column in HEADERS[CsvKind.ORDERS]
    )
    count = 0
    for row, raw in rows:
        count += 1
        if not _row_is_sound(row, raw, width, positions, errors, check_control):
            continue
        ref = raw[p_ref].strip()
        consignee = raw[p_consignee].strip()
        end_user = raw[p_end_user].strip()
        product = raw[p_product].strip()
        text_date = raw[p_date].strip()
        destination_text = raw[p_destination].strip()
        quantity_text = raw[p_quantity].strip()
        problems: list[RowError] = []
        if not (ref + consignee + end_user + product).isascii():
            # Rare: refs kept in their usual form (NFKC), one that cannot be seen refused.
            ref, consignee, end_user, product = _usual_refs(
                row, (ref, consignee, end_user, product), problems
            )
        elif not (
            ref
            and consignee
            and product
            and len(ref) <= MAX_REF
            and len(consignee) <= MAX_REF
            and len(end_user) <= MAX_REF
            and len(product) <= MAX_REF
        ) or (check_breaks and _BREAK.search(ref + consignee + end_user + product)):
            problems += _order_ref_errors(
                row,
                {
                    "ref": ref,
                    "consignee_ref": consignee,
                    "end_user_ref": end_user,
                    "product_ref": product,
                },
            )
        day: date | None = None
        try:
            day = dates(text_date)
        except _CellError as exc:
            problems.append(
                RowError(row=row, field="date", value=text_date or None, message=str(exc))
            )
        destination: Country | None = None
        if destination_text:
            try:
                destination = countries.country(destination_text)
            except _CellError as exc:
                problems.append(
                    RowError(row=row, field="destination", value=destination_text, message=str(exc))
                )
        quantity = int(quantity_text) if _WHOLE.fullmatch(quantity_text) else 0
        if not 0 < quantity <= MAX_QUANTITY:
            problems.append(
                RowError(
                    row=row,
                    field="quantity",
                    value=quantity_text or None,
                    message=_QUANTITY_EXPECTED,
                )
            )
        if problems or day is None:
            errors += problems
            if ref:
                broken.add(ref)
            continue
        head = (day, consignee, end_user or None, destination)
        draft = drafts.get(ref)
        if draft is None:
            drafts[ref] = _OrderDraft(
                first_row=row,
                head=head,
                lines=[{"product_ref": product, "quantity": quantity}],
                rows=[row],
            )
        elif head == draft.head:
            draft.lines.append({"product_ref": product, "quantity": quantity})
            draft.rows.append(row)
        else:
            errors += _disagreements(
                row, ref, head, draft, (text_date, consignee, end_user, destination_text)
            )
            broken.add(ref)
    return (*_build_orders(drafts, broken, errors), count)


def _disagreements(
    row: int,
    ref: str,
    head: tuple[date, str, str | None, Country | None],
    draft: _OrderDraft,
    texts: tuple[str, str, str, str],
) -> list[RowError]:
    found = []
    for column, mine, theirs, text in zip(_ORDER_HEAD, head, draft.head, texts, strict=True):
        if mine != theirs:
            shown = "empty" if theirs is None else str(theirs)
            found.append(
                RowError(
                    row=row,
                    field=column,
                    value=text or None,
                    message=f"order {ref!r} has {column} {shown} on row {draft.first_row}; "
                    "rows sharing a ref are one order and must agree on date, "
                    "consignee_ref, end_user_ref and destination",
                )
            )
    return found


def _build_orders(
    drafts: dict[str, _OrderDraft], broken: set[str], errors: list[RowError]
) -> tuple[list[Record], list[tuple[int, ...]]]:
    """One validated ``Order`` per draft, in file order.

    A file can hold 10^5 orders, so memory counts: each draft is dropped as its order is made
    (the two are never all held at once), and empty optional fields are left to their
    defaults rather than given as None (the same order, with a smaller set of given fields).
    """
    records: list[Record] = []
    record_rows: list[tuple[int, ...]] = []
    columns = HEADERS[CsvKind.ORDERS]
    for ref in list(drafts):
        draft = drafts.pop(ref)
        if ref in broken:
            continue
        day, consignee, end_user_ref, destination = draft.head
        values: dict[str, object] = {
            "ref": ref,
            "date": day,
            "consignee_ref": consignee,
            "lines": draft.lines,
        }
        if end_user_ref is not None:
            values["end_user_ref"] = end_user_ref
        if destination is not None:
            values["destination"] = destination
        try:
            order = Order.model_validate(values)
        except ValidationError as exc:
            cells = {"ref": ref, "consignee_ref": consignee, "end_user_ref": end_user_ref or ""}
            errors += _validation_errors(exc, draft.first_row, cells, columns)
            continue
        records.append(order)
        record_rows.append(tuple(draft.rows))
    return records, record_rows
