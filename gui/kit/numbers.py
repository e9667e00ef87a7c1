"""Numbers as officers type them ("26,900,000", "1 013 248", "5e8")."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from domain.errors import DomainError
from domain.numbers import exact


def parse_tpp(text: str) -> Decimal:
    """A TPP figure as typed ("26,900,000", "1 013 248", "5e8"), exact to its last digit;
    ValueError if it is not one."""
    cleaned = text.strip().replace(",", "").replace("_", "").replace(" ", "").replace("\u00a0", "")
    if not cleaned:
        raise ValueError(QCoreApplication.translate("FormDialog", "enter a TPP figure (0 if none)"))
    try:
        value = exact(cleaned)
    except ValueError:
        raise ValueError(
            QCoreApplication.translate("FormDialog", "“{text}” is not a number").format(
                text=text.strip()
            )
        ) from None
    if value < 0:
        raise ValueError(
            QCoreApplication.translate("FormDialog", "a TPP figure is a number of 0 or more")
        )
    return value


def parse_number(text: str, what: str, *, positive: bool = False) -> float | None:
    """A number as officers type it ("15,832", "1e26", "814"); None when empty."""
    cleaned = text.strip().replace(",", "").replace("_", "").replace(" ", "")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise DomainError(
            QCoreApplication.translate("FormDialog", "{what}: {text} is not a number").format(
                what=what, text=repr(text.strip())
            )
        ) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise DomainError(
            QCoreApplication.translate("FormDialog", "{what}: {text} is not a number").format(
                what=what, text=repr(text.strip())
            )
        )
    if value < 0 or (positive and value == 0):
        raise DomainError(
            (
                QCoreApplication.translate("FormDialog", "{what} must be more than 0")
                if positive
                else QCoreApplication.translate("FormDialog", "{what} must be at least 0")
            ).format(what=what)
        )
    return value


def _chinese() -> bool:
    """Whether figures are written the Chinese way (the loader set a Chinese default locale);
    otherwise they are written exactly as in English ("1,234,567", "12.5 %")."""
    return QLocale().language() == QLocale.Language.Chinese


def grouped(value: Decimal | float, places: int = 0) -> str:
    """A figure with its thousands grouped ("26,900,000"; "1,013.5" with one place), in the
    window's locale; a whole figure stays exact however large."""
    if _chinese():
        if places == 0 and value == int(value):
            return f"{int(value):,}".replace(",", QLocale().groupSeparator())
        return QLocale().toString(float(value), "f", places)
    return f"{value:,.{places}f}"


def percent(fraction: Decimal | float, places: int = 1) -> str:
    """A fraction as a percentage ("12.5 %" in English, "12.5%" in Chinese)."""
    if _chinese():
        return QLocale().toString(float(fraction) * 100, "f", places) + QLocale().percent()
    return f"{fraction * 100:.{places}f} %"
