"""Ledger balance keys are structured values, encoded and decoded in one place; references
cannot hold the separator, so no party's keys collide with another's."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from domain.decision import Consumption, Ledger
from domain.ledger import BalanceKey
from domain.model import Party, error_message

REFS = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._/:+#&()-]{0,30}\Z")


@given(ref=REFS, year=st.integers(min_value=2000, max_value=2200))
def test_every_key_decodes_to_what_was_encoded(ref: str, year: int) -> None:
    for key in (
        BalanceKey.counting(Ledger.LPP, ref, year),
        BalanceKey.counting(Ledger.AIA, ref),
        BalanceKey.counting(Ledger.VEU, ref, "SG"),
        BalanceKey.counting(Ledger.LICENSE, ref),
        BalanceKey.counting(Ledger.COUNTRY_ALLOCATION, "MX"),
    ):
        assert BalanceKey.decode(key.encode()) == key


@given(first=REFS, second=REFS)
def test_two_parties_never_share_a_key(first: str, second: str) -> None:
    if first == second:
        return
    mine = {
        BalanceKey.counting(Ledger.LPP, first, 2026).encode(),
        BalanceKey.counting(Ledger.VEU, first, "SG").encode(),
    }
    theirs = {
        BalanceKey.counting(Ledger.LPP, second, 2026).encode(),
        BalanceKey.counting(Ledger.VEU, second, "SG").encode(),
    }
    assert not mine & theirs


def test_a_consumption_entry_adds_to_the_key_of_its_ledger() -> None:
    item = Consumption(ledger=Ledger.LPP, party_ref="ACME", year=2026, tpp=1.0)
    assert BalanceKey.of(item).encode() == "lpp|ACME|2026"
    with pytest.raises(ValueError, match="lacks the key"):
        BalanceKey.of(Consumption(ledger=Ledger.VEU, party_ref="ACME", tpp=1.0))


def test_a_reference_with_the_separator_is_refused_by_the_record() -> None:
    with pytest.raises(ValidationError) as refused:
        Party(ref="ACME|X", name="Acme X", country="DE", hq_country="DE")
    (detail,) = refused.value.errors()
    assert detail["loc"] == ("ref",)
    assert error_message(detail).startswith("'ACME|X' is not a valid reference")


@pytest.mark.parametrize("text", ["lpp|ACME", "lpp|ACME|x", "veu||SG", "nothing", ""])
def test_text_that_is_not_a_key_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="not a ledger balance key"):
        BalanceKey.decode(text)
