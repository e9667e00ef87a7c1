"""Ledgers as values: what authorized decisions have consumed, and the standing it implies.

Storage keeps the same ledgers as rows; this in-memory book is what the engine's tests (and
anything without a database) use to replay a sequence of decisions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any, TypeVar

from domain.decision import Consumption, Ledger
from domain.model import CountrySetting, License, Standing
from domain.numbers import ZERO, exact

_T = TypeVar("_T")


@dataclass(frozen=True)
class LedgerBook:
    """Consumption recorded so far, keyed the way the rules count it."""

    lpp: Mapping[tuple[str, int], Decimal] = field(default_factory=dict)
    aia: Mapping[str, Decimal] = field(default_factory=dict)
    veu: Mapping[tuple[str, str], Decimal] = field(default_factory=dict)
    license: Mapping[str, Decimal] = field(default_factory=dict)
    country_allocation: Mapping[str, Decimal] = field(default_factory=dict)

    def record(self, consumption: Iterable[Consumption]) -> LedgerBook:
        """A new book with ``consumption`` added."""
        # One book per ledger, named as the ledger (``Ledger.LPP.value`` is "lpp"), keyed by
        # the parts it is counted by: a tuple, or the one part alone.
        books: dict[Ledger, dict[Any, Decimal]] = {}
        for item in consumption:
            book = books.get(item.ledger)
            if book is None:
                book = books[item.ledger] = dict(getattr(self, item.ledger.value))
            parts = tuple(_required(getattr(item, name)) for name in _COUNTED_BY[item.ledger])
            key = parts if len(parts) > 1 else parts[0]
            book[key] = book.get(key, ZERO) + item.tpp
        return replace(self, **{ledger.value: book for ledger, book in books.items()})

    def release(self, consumption: Iterable[Consumption]) -> LedgerBook:
        """A new book with ``consumption`` taken back out (a cancelled order)."""
        return self.record(item.model_copy(update={"tpp": -item.tpp}) for item in consumption)

    def standing(
        self,
        party_ref: str,
        on: date,
        *,
        base: Standing | None = None,
        external_footprint: Mapping[str, Decimal] | None = None,
    ) -> Standing:
        """The standing of ``party_ref`` for an order dated ``on``.

        ``base`` carries the paperwork (certifications, licences as issued);
        ``external_footprint`` the VEU installed base from sources other than our shipments.
        """
        base = base or Standing()
        footprint = {country: exact(tpp) for country, tpp in (external_footprint or {}).items()}
        for (ref, country), tpp in self.veu.items():
            if ref == party_ref:
                footprint[country] = footprint.get(country, ZERO) + tpp
        licenses = tuple(
            _with_usage(licence, licence.used_tpp + self.license.get(licence.number, ZERO))
            for licence in base.licenses
        )
        return base.model_copy(
            update={
                "lpp_shipped_tpp": self.lpp.get((party_ref, on.year), ZERO),
                "aia_cumulative_tpp": self.aia.get(party_ref, ZERO),
                "veu_footprint": footprint,
                "licenses": licenses,
            }
        )

    def country(self, setting: CountrySetting) -> CountrySetting:
        """The destination's setting with our own licensed use filled in."""
        return setting.model_copy(
            update={"our_allocation_used_tpp": self.country_allocation.get(setting.country, ZERO)}
        )


_SEPARATOR = "|"
"""Between the parts of an encoded key; references may not contain it (``domain.model.Ref``)."""
_PREFIX = {
    Ledger.LPP: "lpp",
    Ledger.AIA: "aia",
    Ledger.VEU: "veu",
    Ledger.LICENSE: "license",
    Ledger.COUNTRY_ALLOCATION: "country",
}
_LEDGER_OF = {prefix: ledger for ledger, prefix in _PREFIX.items()}
_COUNTED_BY: dict[Ledger, tuple[str, ...]] = {
    Ledger.LPP: ("party_ref", "year"),
    Ledger.AIA: ("party_ref",),
    Ledger.VEU: ("party_ref", "country"),
    Ledger.LICENSE: ("license_number",),
    Ledger.COUNTRY_ALLOCATION: ("country",),
}
"""The parts each ledger's running totals are counted by (rules.md section 4)."""


@lru_cache(maxsize=8192)
def _counting(ledger: Ledger, parts: tuple[str | int, ...]) -> BalanceKey:
    """Keys are values: one made for a ledger and parts serves every check that counts them."""
    return BalanceKey._make(ledger, parts)


@dataclass(frozen=True)
class BalanceKey:
    """What a running total counts: a ledger and the keys the rules count it by. Encoded to
    text (``lpp|ACME|2026``) and decoded here only: storage keeps the text, never splits it."""

    ledger: Ledger
    party_ref: str | None = None
    year: int | None = None
    country: str | None = None
    license_number: str | None = None

    @classmethod
    def counting(cls, ledger: Ledger, *parts: str | int) -> BalanceKey:
        """The key of ``ledger`` for its parts, in the order the ledger is counted by
        (``counting(Ledger.LPP, "ACME", 2026)``, ``counting(Ledger.AIA, "ACME")``)."""
        return _counting(ledger, parts)

    @classmethod
    def _make(cls, ledger: Ledger, parts: tuple[str | int, ...]) -> BalanceKey:
        names = _COUNTED_BY[ledger]
        if len(parts) != len(names):
            raise ValueError(f"the {ledger.value} ledger is counted by {', '.join(names)}")
        return cls(ledger, **dict(zip(names, parts, strict=True)))  # type: ignore[arg-type]

    @classmethod
    def of(cls, item: Consumption) -> BalanceKey:
        """The key a consumption entry adds to, with only the parts its ledger counts by."""
        return cls.counting(
            item.ledger, *(_required(getattr(item, name)) for name in _COUNTED_BY[item.ledger])
        )

    def encode(self) -> str:
        parts = [str(_required(getattr(self, name))) for name in _COUNTED_BY[self.ledger]]
        if any(_SEPARATOR in part for part in parts):
            raise ValueError(f"a ledger key part may not contain {_SEPARATOR!r}: {parts}")
        return _SEPARATOR.join((_PREFIX[self.ledger], *parts))

    @classmethod
    def decode(cls, text: str) -> BalanceKey:
        prefix, *parts = text.split(_SEPARATOR)
        ledger = _LEDGER_OF.get(prefix)
        names = _COUNTED_BY.get(ledger) if ledger is not None else None
        if ledger is None or names is None or len(parts) != len(names) or not all(parts):
            raise ValueError(f"not a ledger balance key: {text!r}")
        values: list[str | int] = list(parts)
        if "year" in names:
            try:
                values[names.index("year")] = int(parts[names.index("year")])
            except ValueError:
                raise ValueError(f"not a ledger balance key: {text!r}") from None
        return cls.counting(ledger, *values)

    @staticmethod
    def prefix(ledger: Ledger, party_ref: str | None = None) -> str:
        """The text every encoded key of ``ledger`` (and of one party) starts with."""
        head = _PREFIX[ledger] + _SEPARATOR
        return head if party_ref is None else head + party_ref + _SEPARATOR


def balance_key(item: Consumption) -> str:
    """The running-total key a consumption entry adds to (shared by storage and verification)."""
    return BalanceKey.of(item).encode()


def _required(value: _T | None) -> _T:
    if value is None:
        raise ValueError("a consumption entry lacks the key its ledger is counted by")
    return value


def _with_usage(licence: License, used: Decimal) -> License:
    return licence.model_copy(update={"used_tpp": used})
