"""ISO 3166-1 countries: resolve what an officer types to an alpha-2 code.

Codes and official names come from pycountry (the maintained ISO 3166-1 table). A short
data file adds the everyday names that ISO does not list ("UK", "Burma", "Macau", ...).
Matching ignores case, accents, punctuation spacing and a leading "the"; it never guesses:
input that matches nothing is an error naming it, with suggestions where there are some, and a
name that means more than one country ("Congo", "Guinea", "Korea") is refused with the
candidates.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Annotated

import pycountry
from pydantic import BeforeValidator

from domain.errors import AmbiguousCountryError, UnknownCountryError


@dataclass(frozen=True, slots=True)
class Country:
    """One ISO 3166-1 country."""

    alpha2: str
    alpha3: str
    name: str
    official_name: str

    def __str__(self) -> str:
        return f"{self.name} ({self.alpha2})"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = " ".join(stripped.replace("’", "'").casefold().split())
    if folded.startswith("the "):
        folded = folded[4:]
    return folded


@dataclass(frozen=True, slots=True)
class _Index:
    by_code: dict[str, Country]
    by_name: dict[str, Country]
    ambiguous: dict[str, tuple[Country, ...]]
    """Folded names that mean more than one country, with the countries they may mean."""


@cache
def _index() -> _Index:
    data_file = resources.files("domain") / "data" / "country_aliases.toml"
    data = tomllib.loads(data_file.read_text(encoding="utf-8"))
    display: dict[str, str] = data["display"]
    by_code: dict[str, Country] = {}
    by_name: dict[str, Country] = {}
    derived: dict[str, set[str]] = {}
    for record in pycountry.countries:
        common = getattr(record, "common_name", None)
        official = getattr(record, "official_name", None)
        country = Country(
            alpha2=record.alpha_2,
            alpha3=record.alpha_3,
            name=display.get(record.alpha_2) or common or record.name,
            official_name=official or record.name,
        )
        by_code[country.alpha2] = country
        by_code[country.alpha3] = country
        for name in (record.name, common, official):
            if name:
                by_name[_fold(name)] = country
        # "Korea, Republic of" is also typed "Republic of Korea", and "Bolivia, ..." as "Bolivia".
        if ", " in record.name:
            head, tail = record.name.split(", ", 1)
            for name in (f"{tail} {head}", head):
                derived.setdefault(_fold(name), set()).add(country.alpha2)
    ambiguous: dict[str, tuple[Country, ...]] = {}
    for name, codes in derived.items():
        # A bare head shared by two records ("Korea", "Virgin Islands") is ambiguous.
        if len(codes) == 1 and name not in by_name:
            by_name[name] = by_code[next(iter(codes))]
        elif len(codes) > 1:
            ambiguous[name] = tuple(by_code[code] for code in sorted(codes))
    for alias, code in data["aliases"].items():
        by_name[_fold(alias)] = by_code[code]
    for code, name in display.items():
        by_name[_fold(name)] = by_code[code]
    for name, codes in data["ambiguous"].items():
        ambiguous[_fold(name)] = tuple(by_code[code] for code in codes)
    for name in ambiguous:
        by_name.pop(name, None)
    return _Index(by_code=by_code, by_name=by_name, ambiguous=ambiguous)


def resolve_country(text: str) -> Country:
    """Return the country that ``text`` names (alpha-2, alpha-3 or a name).

    Raises ``UnknownCountryError`` naming the input when nothing matches.
    """
    cleaned = text.strip()
    if not cleaned:
        raise UnknownCountryError(text)
    index = _index()
    if cleaned.isascii() and cleaned.isalpha() and len(cleaned) in (2, 3):
        found = index.by_code.get(cleaned.upper())
        if found is not None:
            return found
    folded = _fold(cleaned)
    candidates = index.ambiguous.get(folded)
    if candidates is not None:
        raise AmbiguousCountryError(text, tuple(str(country) for country in candidates))
    found = index.by_name.get(folded)
    if found is not None:
        return found
    raise UnknownCountryError(text, _suggestions(cleaned))


def _suggestions(text: str) -> tuple[str, ...]:
    folded = _fold(text)
    if len(folded) < 3:
        return ()
    hits = sorted({str(country) for name, country in _index().by_name.items() if folded in name})
    return tuple(hits[:5])


def country_code(text: str) -> str:
    """The alpha-2 code of the country ``text`` names."""
    return resolve_country(text).alpha2


def country_name(code: str) -> str:
    """The everyday name of an alpha-2 code ("South Korea" for KR)."""
    return resolve_country(code).name


def all_countries() -> tuple[Country, ...]:
    """Every ISO 3166-1 country, ordered by alpha-2 code."""
    index = _index()
    unique = {country.alpha2: country for country in index.by_code.values()}
    return tuple(unique[code] for code in sorted(unique))


def _validate_country(value: object) -> str:
    if isinstance(value, Country):
        return value.alpha2
    if not isinstance(value, str):
        raise TypeError("a country is given as a code or a name")
    return country_code(value)


CountryCode = Annotated[str, BeforeValidator(_validate_country)]
"""A field holding an ISO 3166-1 alpha-2 code; accepts alpha-3 codes and names on input."""
