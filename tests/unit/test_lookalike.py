"""Text that looks like other text (domain.lookalike): references refuse characters that
cannot be seen, naming them, and keep their usual form; names that read alike are found by
their skeleton, one look-up per name."""

from __future__ import annotations

from typing import Annotated

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import StringConstraints, TypeAdapter

from domain.csvio import CsvImportError, CsvKind, parse
from domain.lookalike import (
    describe_character,
    hidden_character,
    lookalikes,
    skeleton,
    without_hidden,
)
from domain.model import REF_PATTERN, RefError, check_ref, ref_looked_up

# -- references -------------------------------------------------------------------------------

HIDDEN = {
    "\u200b": "an invisible character U+200B ZERO WIDTH SPACE",
    "\u200c": "an invisible character U+200C ZERO WIDTH NON-JOINER",
    "\u200d": "an invisible character U+200D ZERO WIDTH JOINER",
    "\u00ad": "an invisible character U+00AD SOFT HYPHEN",
    "\u2060": "an invisible character U+2060 WORD JOINER",
    "\ufeff": "an invisible character U+FEFF ZERO WIDTH NO-BREAK SPACE",
    "\u200e": "a right-to-left control character U+200E LEFT-TO-RIGHT MARK",
    "\u200f": "a right-to-left control character U+200F RIGHT-TO-LEFT MARK",
    "\u202e": "a right-to-left control character U+202E RIGHT-TO-LEFT OVERRIDE",
    "\u2066": "a right-to-left control character U+2066 LEFT-TO-RIGHT ISOLATE",
    "\u3164": "an invisible character U+3164 HANGUL FILLER",
    "\u034f": "an invisible character U+034F COMBINING GRAPHEME JOINER",
    "\x07": "a control character U+0007",
}


@pytest.mark.parametrize(("char", "described"), HIDDEN.items())
def test_a_reference_with_a_character_that_cannot_be_seen_is_refused_naming_it(
    char: str, described: str
) -> None:
    with pytest.raises(RefError) as refused:
        check_ref(f"SG-LION{char}CITY")
    assert refused.value.problem == f"it contains {described} after 'SG-LION'"


def test_the_message_says_which_reference_and_where_the_character_is() -> None:
    with pytest.raises(RefError, match=r"^'SG-LION\\u200bCITY' is not a valid reference: it "):
        check_ref("SG-LION\u200bCITY")
    with pytest.raises(RefError) as refused:
        check_ref("\u202eSG-LION")
    assert str(refused.value).endswith("U+202E RIGHT-TO-LEFT OVERRIDE at the start")


def test_a_full_width_reference_is_kept_in_its_usual_form() -> None:
    assert check_ref("ＳＧ－ＬＩＯＮ") == "SG-LION"
    assert check_ref("ＳＯ１２３") == "SO123"


def test_an_accent_typed_as_a_separate_mark_is_joined_to_its_letter() -> None:
    assert check_ref("Mu\u0308LLER-1") == "MüLLER-1"


@pytest.mark.parametrize("ref", ["=A1", "+SUM", "-1", "@SUM", "＝A1"])
def test_a_reference_may_not_begin_as_a_formula(ref: str) -> None:
    with pytest.raises(RefError, match="which a spreadsheet takes for a formula"):
        check_ref(ref)


def test_signs_inside_a_reference_are_still_allowed() -> None:
    assert check_ref("SO-1+2") == "SO-1+2"


@given(st.text(max_size=20))
def test_no_reference_that_passes_holds_a_character_that_cannot_be_seen(text: str) -> None:
    try:
        kept = check_ref(text)
    except RefError:
        return
    assert hidden_character(kept) is None
    assert check_ref(kept) == kept


@given(st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._/:+#&()-]{0,30}\Z"))
def test_a_plain_ascii_reference_is_kept_as_it_is(ref: str) -> None:
    assert check_ref(ref) == ref


def test_a_reference_looked_up_is_the_one_it_shows_as() -> None:
    assert ref_looked_up(" SG-LION\u200bCITY ") == "SG-LIONCITY"
    assert ref_looked_up("ＳＧ－ＬＩＯＮ") == "SG-LION"
    assert ref_looked_up("SG-LION") == "SG-LION"


def test_characters_are_described_by_their_code_and_name() -> None:
    assert describe_character("\t") == "a control character U+0009 (tab)"
    assert describe_character("\ue000") == "a character with no meaning in Unicode U+E000"
    assert hidden_character("plain text") is None
    assert without_hidden("a\u200bb\u202ec") == "abc"


PARTIES_HEADER = (
    "ref,name,aliases,address,country,hq_country,parent_name,parent_hq_country,role,veu,"
    "veu_country,veu_id\n"
)


def test_an_import_names_file_row_field_and_the_hidden_character() -> None:
    data = (
        PARTIES_HEADER + "SG-LIONCITY,Lion,,,SG,SG,,,,,,\nSG-LION\u200bCITY,Lion 2,,,SG,SG,,,,,,\n"
    )
    with pytest.raises(CsvImportError) as refused:
        parse(CsvKind.PARTIES, data.encode(), source="parties.csv")
    assert str(refused.value).splitlines()[1] == (
        "parties.csv, row 3, field ref: expected a reference; it contains an invisible "
        "character U+200B ZERO WIDTH SPACE after 'SG-LION' (got 'SG-LION\\u200bCITY')"
    )


def test_an_import_keeps_full_width_references_in_their_usual_form() -> None:
    data = PARTIES_HEADER + "ＳＧ－ＬＩＯＮ,Lion,,,SG,SG,,,,,,\n"
    (party,) = parse(CsvKind.PARTIES, data.encode(), source="parties.csv").records
    assert getattr(party, "ref", None) == "SG-LION"


def test_order_rows_keep_their_refs_in_the_usual_form_and_refuse_hidden_characters() -> None:
    header = "ref,date,consignee_ref,end_user_ref,destination,product_ref,quantity\n"
    good = header + "ＳＯ－１,2026-03-02,ＳＧ－ＬＩＯＮ,,,Ｈ１００,1\n"
    (order,) = parse(CsvKind.ORDERS, good.encode(), source="orders.csv").records
    assert (getattr(order, "ref", ""), getattr(order, "consignee_ref", "")) == ("SO-1", "SG-LION")
    bad = header + "SO-2,2026-03-02,SG-LION\u200dCITY,,,H100,1\n"
    with pytest.raises(CsvImportError, match="row 2, field consignee_ref: expected a reference; "):
        parse(CsvKind.ORDERS, bad.encode(), source="orders.csv")


def test_the_pattern_alone_would_let_a_zero_width_joiner_through() -> None:
    """Why check_ref is the door: pydantic's (Rust) ``\\w`` counts join controls as letters."""
    plain = TypeAdapter(Annotated[str, StringConstraints(pattern=REF_PATTERN)])
    assert plain.validate_python("SG\u200dX") == "SG\u200dX"
    with pytest.raises(RefError):
        check_ref("SG\u200dX")


# -- names that read alike --------------------------------------------------------------------

READS_LIKE_NVIDIA = [
    "NVIDlA Corp",  # lowercase L for capital I
    "NVIDІA Corp",  # Cyrillic І
    "NVIDIА Corp",  # Cyrillic А
    "ΝVIDIA Corp",  # Greek Ν
    "NVIDIA\u200b Corp",  # a zero-width space
    "nvidia corp.",  # case and punctuation
    "N V I D I A  Corp",  # spacing
    "ＮＶＩＤＩＡ Corp",  # full-width letters
    "NV1DIA Corp",  # the digit one
]


@pytest.mark.parametrize("name", READS_LIKE_NVIDIA)
def test_a_name_that_reads_like_another_has_its_skeleton(name: str) -> None:
    assert skeleton(name) == skeleton("NVIDIA Corp")


@pytest.mark.parametrize(
    ("one", "other"),
    [("Modern Compute", "Modem Compute"), ("0mega Labs", "Omega Labs"), ("Müller AG", "Muller AG")],
)
def test_letters_drawn_alike_read_alike(one: str, other: str) -> None:
    assert skeleton(one) == skeleton(other)


@pytest.mark.parametrize(
    "name", ["NVIDIA Corporation", "AMD Corp", "NVIDIA Cloud", "Lion City Compute"]
)
def test_names_that_differ_to_the_eye_have_different_skeletons(name: str) -> None:
    assert skeleton(name) != skeleton("NVIDIA Corp")


@given(st.text(max_size=30), st.sampled_from(["\u200b", " ", ".", "-", "\u00ad", "\u2060"]))
def test_invisible_characters_spaces_and_punctuation_never_change_a_skeleton(
    name: str, extra: str
) -> None:
    middle = len(name) // 2
    assert skeleton(name[:middle] + extra + name[middle:]) == skeleton(name)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
def test_case_never_changes_a_skeleton(name: str) -> None:
    assert skeleton(name.upper()) == skeleton(name.lower())


def test_a_new_name_is_compared_with_stored_names_and_earlier_new_ones() -> None:
    stored = [("NV-1", "NVIDIA Corp"), ("AMD-1", "AMD Inc.")]
    new = [("NV-2", "NVIDlA Corp"), ("LC-1", "Lion City"), ("X-1", "---"), ("LC-2", "LION CITY")]
    found = {at: (look.ref, look.like_ref) for at, look in lookalikes(new, stored)}
    assert found == {0: ("NV-2", "NV-1"), 3: ("LC-2", "LC-1")}


def test_a_party_is_never_its_own_lookalike() -> None:
    assert list(lookalikes([("NV-1", "NVIDIA Corp")], [("NV-1", "NVIDIA Corp")])) == []


def test_the_warning_says_what_cannot_be_seen() -> None:
    stored = [("NV-1", "NVIDIA Corp")]
    messages = [
        look.message
        for _, look in lookalikes(
            [("A", "NVIDIA\u200b Corp"), ("B", "NVIDIА Corp"), ("C", "NVIDlA Corp")], stored
        )
    ]
    assert messages[0].startswith(
        "party A has a name that contains an invisible character U+200B ZERO WIDTH SPACE "
        "after 'NVIDIA' and reads like party NV-1 ('NVIDIA Corp')"
    )
    assert "the Cyrillic Capital Letter A 'А' (U+0410)" in messages[1]
    assert messages[2].startswith("party C has a name that reads like party NV-1")
