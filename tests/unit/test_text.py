"""Searching without case or accents (``domain.text``)."""

from __future__ import annotations

import pytest

from domain.text import fold, like_pattern, matches, search_text


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("muller", "Müller & Söhne"),
        ("MÜLLER", "Muller GmbH"),
        ("mueller", "Müller & Söhne"),
        ("sao paulo", "São Paulo Computação"),
        ("strasse", "Hauptstraße 1"),
        ("lodz", "Łódź Obliczenia"),
        ("orsted", "Ørsted A/S"),
        ("zeka", "Anadolu Yapay Zekâ A.Ş."),
        ("ｓｏ－２６", "SO-26-0149"),  # full-width letters typed on a CJK keyboard
        ("会社", "株式会社青嶺コンピューティング"),
    ],
)
def test_a_search_finds_a_name_however_it_is_written(typed: str, name: str) -> None:
    assert matches(typed, name)
    assert fold(typed) in search_text([name])


def test_a_search_does_not_match_across_two_names() -> None:
    text = search_text(["Alpha Compute", "Beta Labs"])
    assert fold("compute beta") not in text
    assert not matches("compute beta", "Alpha Compute", "Beta Labs")
    assert matches("", "anything")


def test_like_patterns_search_wildcards_literally() -> None:
    assert like_pattern(" 100% ") == r"%100\%%"
    assert like_pattern("a_b") == r"%a\_b%"
    assert like_pattern("C:\\x") == r"%c:\\x%"
