"""Countries as officers type them."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ValidationError

from domain.countries import CountryCode, country_code, resolve_country
from domain.errors import UnknownCountryError


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("KH", "KH"),
        ("kh", "KH"),
        ("KHM", "KH"),
        ("Cambodia", "KH"),
        ("South Korea", "KR"),
        ("Republic of Korea", "KR"),
        ("Korea, Republic of", "KR"),
        ("North Korea", "KP"),
        ("Taiwan", "TW"),
        ("Macau", "MO"),
        ("Macao", "MO"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("UK", "GB"),
        ("United Kingdom", "GB"),
        ("Burma", "MM"),
        ("Myanmar", "MM"),
        ("  united states  ", "US"),
        ("USA", "US"),
        ("UAE", "AE"),
        ("the Netherlands", "NL"),
        ("Cote d'Ivoire", "CI"),
        ("Côte d’Ivoire", "CI"),
        ("Republic of the Congo", "CG"),
        ("DR Congo", "CD"),
        ("Türkiye", "TR"),
        ("Turkey", "TR"),
    ],
)
def test_codes_and_everyday_names_resolve(typed: str, code: str) -> None:
    assert country_code(typed) == code


@pytest.mark.parametrize("typed", ["Atlantis", "", "  ", "ZZ", "XKX", "Korea"])
def test_unknown_or_ambiguous_input_is_an_error_naming_it(typed: str) -> None:
    with pytest.raises(UnknownCountryError) as raised:
        resolve_country(typed)
    assert repr(typed) in str(raised.value)


def test_ambiguous_names_suggest_the_candidates() -> None:
    with pytest.raises(UnknownCountryError, match="South Korea"):
        resolve_country("Korea")


def test_display_names_read_naturally() -> None:
    assert resolve_country("KR").name == "South Korea"
    assert resolve_country("MO").name == "Macau"
    assert resolve_country("TW").name == "Taiwan"


class _Record(BaseModel):
    country: CountryCode


def test_a_country_field_normalises_to_alpha_2() -> None:
    assert _Record(country="Burma").country == "MM"


def test_a_country_field_rejects_unknown_input() -> None:
    with pytest.raises(ValidationError, match="unknown country 'Narnia'"):
        _Record(country="Narnia")
