"""Numbers as officers type them ("26,900,000", "1 013 248", "5e8")."""

from __future__ import annotations

from decimal import Decimal

from domain.errors import DomainError
from domain.numbers import exact


def parse_tpp(text: str) -> Decimal:
    """A TPP figure as typed ("26,900,000", "1 013 248", "5e8"), exact to its last digit;
    ValueError if it is not one."""
    cleaned = text.strip().replace(",", "").replace("_", "").replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        raise ValueError("enter a TPP figure (0 if none)")
    try:
        value = exact(cleaned)
    except ValueError:
        raise ValueError(f"“{text.strip()}” is not a number") from None
    if value < 0:
        raise ValueError("a TPP figure is a number of 0 or more")
    return value


def parse_number(text: str, what: str, *, positive: bool = False) -> float | None:
    """A number as officers type it ("15,832", "1e26", "814"); None when empty."""
    cleaned = text.strip().replace(",", "").replace("_", "").replace(" ", "")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise DomainError(f"{what}: {text.strip()!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise DomainError(f"{what}: {text.strip()!r} is not a number")
    if value < 0 or (positive and value == 0):
        raise DomainError(f"{what} must be {'more than' if positive else 'at least'} 0")
    return value
