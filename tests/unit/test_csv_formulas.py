"""Cells a spreadsheet would run as formulas: written with a leading apostrophe, read back as
they were (domain.csvio.formulas), in every CSV file the desk writes and reads."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.csvio import CsvKind, format_csv, parse
from domain.csvio.formulas import FORMULA_START, protect_cell, unprotect_cell
from domain.csvio.lists import format_order_list
from domain.model import Owner, Party, ShippedUnit
from domain.queries import OrderSummary

PAYLOADS = (
    '=HYPERLINK("http://x","click")',
    "+SUM(1)",
    "@SUM(A1)",
    "-1+2",
    "=cmd|' /C calc'!A0",
)
"""What a party's name can smuggle into an officer's spreadsheet (OWASP, "CSV injection")."""

_DANGEROUS = (*FORMULA_START, "'")
_STARTS = st.sampled_from(["", "'", "''", *FORMULA_START])
_ANY_TEXT = st.builds(lambda start, rest: start + rest, _STARTS, st.text())
"""Any text, often beginning the way a formula or an apostrophe does."""


@given(_ANY_TEXT)
def test_reading_a_protected_cell_gives_back_exactly_the_text_written(text: str) -> None:
    assert unprotect_cell(protect_cell(text)) == text


@given(_ANY_TEXT)
def test_a_protected_cell_never_begins_as_a_formula(text: str) -> None:
    assert not protect_cell(text).startswith(FORMULA_START)


@given(st.text().filter(lambda text: not text.startswith(_DANGEROUS)))
def test_a_cell_that_cannot_be_taken_for_a_formula_is_written_as_it_is(text: str) -> None:
    assert protect_cell(text) == text
    assert unprotect_cell(text) == text


@pytest.mark.parametrize("payload", PAYLOADS)
def test_each_payload_is_written_with_one_apostrophe_in_front(payload: str) -> None:
    assert protect_cell(payload) == "'" + payload


def test_a_name_that_begins_with_an_apostrophe_gets_a_second_one_and_keeps_its_own() -> None:
    assert protect_cell("'t Hoen B.V.") == "''t Hoen B.V."
    assert unprotect_cell("''t Hoen B.V.") == "'t Hoen B.V."


def test_an_apostrophe_a_person_typed_before_ordinary_text_is_kept() -> None:
    assert unprotect_cell("'Ello Compute") == "'Ello Compute"
    assert unprotect_cell("'") == "'"


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _parties_with_payloads() -> list[Party]:
    return [
        Party(
            ref=f"P{number}",
            name=payload,
            aliases=(payload, "plain"),
            address=payload,
            country="SG",
            hq_country="SG",
            parent_name=payload,
            parent_hq_country="US",
        )
        for number, payload in enumerate(PAYLOADS, start=1)
    ]


def test_an_export_of_parties_holds_no_cell_a_spreadsheet_would_run() -> None:
    text = format_csv(CsvKind.PARTIES, _parties_with_payloads())
    cells = [cell for row in _cells(text) for cell in row]
    assert not [cell for cell in cells if cell.startswith(FORMULA_START)]
    assert "'=cmd|' /C calc'!A0" in cells


def test_parties_with_formula_names_come_back_from_their_export_as_they_were() -> None:
    parties = _parties_with_payloads()
    text = format_csv(CsvKind.PARTIES, parties)
    parsed = parse(CsvKind.PARTIES, text.encode(), source="parties.csv")
    assert parsed.records == tuple(parties)
    assert format_csv(CsvKind.PARTIES, parsed.records) == text


def test_a_hand_written_protected_cell_imports_without_its_apostrophe() -> None:
    data = (
        "ref,name,aliases,address,country,hq_country,parent_name,parent_hq_country,role,veu,"
        "veu_country,veu_id\n"
        "P1,'=1+2,'Ello,'@home,SG,SG,,,,,,\n"
    )
    (party,) = parse(CsvKind.PARTIES, data.encode(), source="parties.csv").records
    assert isinstance(party, Party)
    assert (party.name, party.aliases, party.address) == ("=1+2", ("'Ello",), "@home")


def test_owner_names_and_serials_that_look_like_formulas_round_trip() -> None:
    owners = [
        Owner(party_ref="P1", owner_name="-Minus Holdings", owner_country="US", share_percent=5)
    ]
    units = [
        ShippedUnit(
            order_ref="SO-1",
            shipment_ref="SH-1",
            shipped_on=date(2026, 3, 1),
            product_ref="H100",
            serial="-1654922012345",
        )
    ]
    for kind, records in ((CsvKind.OWNERSHIP, owners), (CsvKind.SHIPMENTS, units)):
        text = format_csv(kind, records)
        assert "\n'-" in text or ",'-" in text
        assert parse(kind, text.encode(), source="f.csv").records == tuple(records)


def test_the_order_list_for_a_spreadsheet_protects_a_consignee_name_alike() -> None:
    summary = OrderSummary(
        id=1,
        ref="SO-1",
        date=date(2026, 3, 1),
        consignee_ref="P1",
        consignee_name='=HYPERLINK("http://x","click")',
        end_user_ref=None,
        destination="SG",
        status="open",
        outcome=None,
        a_level_tpp=None,
        lines=1,
    )
    (_header, row) = _cells(format_order_list([summary]))
    assert row[5] == '\'=HYPERLINK("http://x","click")'
