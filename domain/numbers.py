"""The constrained numbers values share: finite, and not below (or not at) zero.

TPP figures are exact decimals (``Decimal``), not floats: a quota is a sum of many shipments, and
a float sum past 2**53 TPP drops whole units (and 0.1 + 0.2 is not 0.3). A TPP arrives as an
int, a float (taken by its shortest decimal form: 1975.2 is 1975.2, not 1975.2000000000000455),
a ``Decimal`` or a decimal string, and leaves JSON as the number it was before figures were exact
wherever a float states it exactly, so the record's digests and the command line's JSON are
unchanged for every figure a float could hold.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated

from pydantic import BeforeValidator, Field, PlainSerializer

NonNegative = Annotated[float, Field(ge=0, allow_inf_nan=False)]
Positive = Annotated[float, Field(gt=0, allow_inf_nan=False)]

ZERO = Decimal(0)


def exact(value: object) -> Decimal:
    """A figure as an exact decimal; refuses what is not a finite number."""
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, bool):
        raise ValueError("expected a number, not true/false")
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        try:
            number = Decimal(value.strip().replace(",", "").replace("_", ""))
        except InvalidOperation:
            raise ValueError(f"expected a number, got {value!r}") from None
    else:
        raise ValueError(f"expected a number, got {type(value).__name__}")
    if not number.is_finite():
        raise ValueError("expected a finite number")
    return number + ZERO  # -0 becomes 0


def json_number(value: Decimal) -> float | int | str:
    """How an exact figure is written in JSON: the float it always was where a float holds it
    exactly, else the whole number, else the decimal text (never a rounded figure)."""
    as_float = float(value)
    if Decimal(repr(as_float)) == value:
        return as_float
    if value == value.to_integral_value():
        return int(value)
    return format(value, "f")


def plain(value: Decimal) -> str:
    """The shortest exact text of a figure: ``15832``, ``1975.2`` (no exponent, no trailing 0)."""
    return format(value.normalize(), "f") if value else "0"


def _coerce(value: object) -> object:
    return exact(value) if value is not None else value


Exact = Annotated[Decimal, BeforeValidator(_coerce), PlainSerializer(json_number, when_used="json")]
"""An exact figure (TPP and what is summed with it)."""
ExactNonNegative = Annotated[Exact, Field(ge=0)]
ExactPositive = Annotated[Exact, Field(gt=0)]
ExactFigure = Annotated[Decimal, PlainSerializer(json_number, when_used="json")]
"""An exact figure among others of any type (a finding's figures): kept exact in memory, written
as ``json_number`` writes it, never taken from text that merely looks like a number."""
