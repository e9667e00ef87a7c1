"""The CSV formats (cli.md, "CSV formats"): what parses, what is refused and how it is said.

No database here: ``parse`` checks everything a file can get wrong on its own, reports every
problem with its row, column, value and the expected form, and ``format_csv`` writes the same
formats back so that an export imports again unchanged.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.countries import all_countries
from domain.csvio import (
    HEADERS,
    CsvImportError,
    CsvKind,
    ParsedFile,
    Record,
    RowError,
    columns_of,
    format_csv,
    parse,
)
from domain.errors import DomainError
from domain.model import (
    AiaCertification,
    CountrySetting,
    Language,
    License,
    LicenseCovers,
    LppCertification,
    Order,
    OrderLine,
    Party,
    Product,
    ProductKind,
    Role,
    VeuFootprint,
    VeuStatus,
)

ROUND_TRIPS = settings(max_examples=60, deadline=None)

PARTIES = """\
ref,name,aliases,address,country,hq_country,parent_name,parent_hq_country,role,veu,veu_country,veu_id
C1,Lion City Compute,LCC; Lion City ,"1 Fusionopolis Way
Singapore 138632",SG,SG,,,datacenter_operator,none,,
C2,"Rhein Cloud, GmbH",,,Germany,DEU,Rhein Holding AG,CH,cloud_provider,uveu,,VEU-17
C3,Mumbai AI Labs,,,IN,IN,,,,,,
C4,Nilgiri Compute,,,IN,IN,,,research,NVEU,India,NVEU-3
"""

PRODUCTS = """\
ref,name,kind,tpp,die_area_mm2,datacenter,ics_per_unit,training_operations,published
H100,NVIDIA H100 SXM,ic,15832,814,true,1,,false
HGX8,8-GPU H100 server,system,15832.5,814,TRUE,8,,False
W,Frontier model weights,model_weights,,,,,3e26,true
CABLE,Network cable,other,,,,,,
"""

ORDERS = """\
ref,date,consignee_ref,end_user_ref,destination,product_ref,quantity
SO-1,2026-03-02,C1,,,H100,100
SO-2,2026-03-03,C2,C3,India,HGX8,4
SO-3,2026-03-04,C3,,IN,W,1
SO-2,2026-03-03,C2,C3,IN,H100,16
"""

CERTIFICATIONS = """\
party_ref,type,year,signed_on,signer,prior_receipts_tpp,weights_storage_attested,submitted_to_bis_on,revoked_on
C1,aia,,2025-02-01,Jane Tan;Wei Lim,,true,2025-02-10,
C1,lpp,2026,2026-01-02,Jane Tan,50000,,,
C2,LPP,2026,2026-01-05,Hans Weber,,false,,2026-06-30
"""

LICENSES = """\
number,party_ref,destination,covers,tpp,valid_from,valid_to
L-2026-001,C3,IN,a_level,1000000,2026-01-01,2027-12-31
L-2026-002,C2,DE,model_weights,,2026-01-01,2026-12-31
"""

FOOTPRINTS = """\
party_ref,country,installed_tpp
C2,DE,125000000
C2,FR,2500000.5
"""

COUNTRIES = """\
country,g2g_agreement,external_allocation_used_tpp
IN,false,1500000000
United Arab Emirates,true,
"""

OWNERSHIP = """\
party_ref,owner_name,owner_country,share_percent
C2,Example Holdings Ltd,SG,40
C2,C1,DE,12.5
"""

SHIPMENTS = """\
order_ref,shipment_ref,shipped_on,product_ref,serial
SO-1,SHP-1,2026-03-10,GPU-1,1654922012345
SO-1,SHP-1,2026-03-10,GPU-1,1654922012346
SO-1,SHP-2,2026-03-24,SRV-8,HGX4278418984
"""

GOOD: dict[CsvKind, str] = {
    CsvKind.PARTIES: PARTIES,
    CsvKind.PRODUCTS: PRODUCTS,
    CsvKind.ORDERS: ORDERS,
    CsvKind.CERTIFICATIONS: CERTIFICATIONS,
    CsvKind.LICENSES: LICENSES,
    CsvKind.FOOTPRINTS: FOOTPRINTS,
    CsvKind.COUNTRIES: COUNTRIES,
    CsvKind.OWNERSHIP: OWNERSHIP,
    CsvKind.SHIPMENTS: SHIPMENTS,
}


def _parse(kind: CsvKind, text: str, source: str = "file.csv") -> ParsedFile:
    return parse(kind, text.encode("utf-8"), source=source)


def _errors(kind: CsvKind, text: str | bytes, source: str = "file.csv") -> CsvImportError:
    data = text.encode("utf-8") if isinstance(text, str) else text
    with pytest.raises(CsvImportError) as caught:
        parse(kind, data, source=source)
    return caught.value


def _one(kind: CsvKind, text: str | bytes) -> RowError:
    errors = _errors(kind, text).errors
    assert len(errors) == 1, errors
    return errors[0]


def _with_rows(kind: CsvKind, *rows: str) -> str:
    return ",".join(HEADERS[kind]) + "\n" + "".join(row + "\n" for row in rows)


# -- good files -------------------------------------------------------------------------------


def test_a_parties_file_gives_parties_with_aliases_countries_and_defaults() -> None:
    parsed = _parse(CsvKind.PARTIES, PARTIES)
    c1, c2, c3, c4 = parsed.records
    assert isinstance(c1, Party)
    assert c1.aliases == ("LCC", "Lion City")
    assert c1.address == "1 Fusionopolis Way\nSingapore 138632"
    assert c1.role is Role.DATACENTER_OPERATOR
    assert c1.parent_name is None
    assert c2 == Party(
        ref="C2",
        name="Rhein Cloud, GmbH",
        country="DE",
        hq_country="DE",
        parent_name="Rhein Holding AG",
        parent_hq_country="CH",
        role=Role.CLOUD_PROVIDER,
        veu=VeuStatus.UVEU,
        veu_id="VEU-17",
    )
    assert c3 == Party(ref="C3", name="Mumbai AI Labs", country="IN", hq_country="IN")
    assert isinstance(c4, Party)
    assert (c4.veu, c4.veu_country) == (VeuStatus.NVEU, "IN")


def test_rows_count_lines_as_a_person_does_even_after_a_multi_line_address() -> None:
    parsed = _parse(CsvKind.PARTIES, PARTIES)
    assert parsed.rows == 4
    assert parsed.record_rows == ((2,), (4,), (5,), (6,))


def test_a_products_file_gives_products_with_default_flags() -> None:
    h100, hgx, weights, cable = _parse(CsvKind.PRODUCTS, PRODUCTS).records
    assert h100 == Product(
        ref="H100", name="NVIDIA H100 SXM", kind=ProductKind.IC, tpp=15832, die_area_mm2=814
    )
    assert isinstance(hgx, Product)
    assert (hgx.tpp, hgx.ics_per_unit, hgx.published) == (15832.5, 8, False)
    assert isinstance(weights, Product)
    assert (weights.training_operations, weights.published, weights.datacenter) == (
        3e26,
        True,
        True,
    )
    assert cable == Product(ref="CABLE", name="Network cable", kind=ProductKind.OTHER)


def test_order_rows_sharing_a_ref_form_one_order_with_lines_in_file_order() -> None:
    parsed = _parse(CsvKind.ORDERS, ORDERS)
    so1, so2, so3 = parsed.records
    assert so1 == Order(
        ref="SO-1",
        date=date(2026, 3, 2),
        consignee_ref="C1",
        lines=(OrderLine(product_ref="H100", quantity=100),),
    )
    assert so2 == Order(
        ref="SO-2",
        date=date(2026, 3, 3),
        consignee_ref="C2",
        end_user_ref="C3",
        destination="IN",
        lines=(
            OrderLine(product_ref="HGX8", quantity=4),
            OrderLine(product_ref="H100", quantity=16),
        ),
    )
    assert isinstance(so3, Order)
    assert parsed.record_rows == ((2,), (3, 5), (4,))
    assert parsed.rows == 4


def test_orders_built_on_the_fast_path_equal_fully_validated_orders() -> None:
    for order in _parse(CsvKind.ORDERS, ORDERS).records:
        assert isinstance(order, Order)
        assert order == Order.model_validate(order.model_dump())


def test_certifications_become_aia_or_lpp_by_type() -> None:
    aia, lpp, lpp_revoked = _parse(CsvKind.CERTIFICATIONS, CERTIFICATIONS).records
    assert aia == AiaCertification(
        party_ref="C1",
        signed_on=date(2025, 2, 1),
        signers=("Jane Tan", "Wei Lim"),
        weights_storage_attested=True,
        submitted_to_bis_on=date(2025, 2, 10),
    )
    assert lpp == LppCertification(
        party_ref="C1",
        year=2026,
        signed_on=date(2026, 1, 2),
        signer="Jane Tan",
        prior_receipts_tpp=50000,
    )
    assert isinstance(lpp_revoked, LppCertification)
    assert (lpp_revoked.prior_receipts_tpp, lpp_revoked.revoked_on) == (0, date(2026, 6, 30))


def test_licences_footprints_and_countries_parse() -> None:
    a_level, weights = _parse(CsvKind.LICENSES, LICENSES).records
    assert a_level == License(
        number="L-2026-001",
        party_ref="C3",
        destination="IN",
        covers=LicenseCovers.A_LEVEL,
        tpp=1_000_000,
        valid_from=date(2026, 1, 1),
        valid_to=date(2027, 12, 31),
    )
    assert isinstance(weights, License)
    assert weights.tpp == 0
    assert _parse(CsvKind.FOOTPRINTS, FOOTPRINTS).records == (
        VeuFootprint(party_ref="C2", country="DE", installed_tpp=125e6),
        VeuFootprint(party_ref="C2", country="FR", installed_tpp=2_500_000.5),
    )
    assert _parse(CsvKind.COUNTRIES, COUNTRIES).records == (
        CountrySetting(country="IN", external_allocation_used_tpp=1.5e9),
        CountrySetting(country="AE", g2g_agreement=True),
    )


def test_a_header_only_file_holds_no_records() -> None:
    for kind in CsvKind:
        parsed = _parse(kind, ",".join(HEADERS[kind]) + "\n")
        assert (parsed.records, parsed.rows) == ((), 0)


def test_columns_may_come_in_any_order_with_any_case_and_spaces() -> None:
    text = (
        "Quantity, product_ref ,REF,date,destination,end_user_ref,consignee_ref\n"
        "5,H100,SO-9,2026-01-05,,,C1\n"
    )
    (order,) = _parse(CsvKind.ORDERS, text).records
    assert isinstance(order, Order)
    assert (order.ref, order.lines[0].quantity) == ("SO-9", 5)


def test_a_utf8_byte_order_mark_crlf_lines_and_blank_rows_are_accepted() -> None:
    text = _with_rows(CsvKind.FOOTPRINTS, "", "C2,DE,1", ",,", "C2,FR,2").replace("\n", "\r\n")
    parsed = parse(CsvKind.FOOTPRINTS, b"\xef\xbb\xbf" + text.encode("utf-8"), source="f.csv")
    assert [record.country for record in parsed.records] == ["DE", "FR"]  # type: ignore[union-attr]
    assert parsed.record_rows == ((3,), (5,))


def test_non_ascii_names_survive() -> None:
    (party,) = _parse(
        CsvKind.PARTIES, _with_rows(CsvKind.PARTIES, "C9,Société Générale Ç 株式会社,,,FR,FR,,,,,,")
    ).records
    assert isinstance(party, Party)
    assert party.name == "Société Générale Ç 株式会社"


# -- refused files: encoding, emptiness, header, shape ----------------------------------------


def test_a_latin1_file_is_refused_naming_the_encoding_row_and_byte_offset() -> None:
    data = _with_rows(CsvKind.PARTIES, "C1,Caf,,,FR,FR,,,,,,").encode("utf-8")
    data = data.replace(b"Caf", b"Caf\xe9")
    error = _one(CsvKind.PARTIES, data)
    assert error.row == 2
    assert "not UTF-8" in error.message
    offset = data.index(b"\xe9")
    assert f"offset {offset}" in error.message
    assert "0xE9" in error.message


def test_a_utf16_file_is_named_as_such() -> None:
    data = ",".join(HEADERS[CsvKind.COUNTRIES]).encode("utf-16")
    assert "UTF-16" in _one(CsvKind.COUNTRIES, data).message


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\n\n  \n", b",,\n"])
def test_an_empty_file_is_refused_with_the_header_it_needs(data: bytes) -> None:
    error = _one(CsvKind.COUNTRIES, data)
    assert error.row == 1
    assert "empty" in error.message
    assert "country,g2g_agreement,external_allocation_used_tpp" in error.message


def test_a_missing_column_is_named_with_the_expected_header() -> None:
    error = _one(CsvKind.FOOTPRINTS, "party_ref,country\nC1,DE\n")
    assert (error.row, error.field) == (1, "installed_tpp")
    assert "missing column 'installed_tpp'" in error.message
    assert "expected the header party_ref,country,installed_tpp" in error.message


def test_an_extra_column_is_named() -> None:
    error = _one(CsvKind.FOOTPRINTS, "party_ref,country,installed_tpp,note\nC1,DE,1,x\n")
    assert (error.row, error.field) == (1, "note")
    assert "unknown column 'note'" in error.message


def test_a_misspelt_column_is_named_with_a_suggestion_and_the_one_it_lacks() -> None:
    errors = _errors(CsvKind.FOOTPRINTS, "party_ref,contry,installed_tpp\nC1,DE,1\n").errors
    assert [(error.field, error.row) for error in errors] == [("contry", 1), ("country", 1)]
    assert "did you mean 'country'?" in errors[0].message
    assert "missing column 'country'" in errors[1].message


def test_a_duplicated_column_is_refused() -> None:
    errors = _errors(CsvKind.FOOTPRINTS, "party_ref,country,country,installed_tpp\n").errors
    assert [error.field for error in errors] == ["country"]
    assert "appears twice" in errors[0].message


def test_a_row_with_too_many_or_too_few_cells_is_refused() -> None:
    errors = _errors(
        CsvKind.FOOTPRINTS, _with_rows(CsvKind.FOOTPRINTS, "C1,DE,1,2", "C1,FR", "C1,IT,3")
    ).errors
    assert [error.row for error in errors] == [2, 3]
    assert "expected 3 cells" in errors[0].message
    assert "got 4" in errors[0].message
    assert "got 2" in errors[1].message


def test_broken_quoting_is_refused_as_not_valid_csv() -> None:
    error = _one(CsvKind.FOOTPRINTS, _with_rows(CsvKind.FOOTPRINTS, 'C1,"DE"x,1'))
    assert error.row == 2
    assert "not valid CSV" in error.message


def test_a_one_megabyte_cell_is_refused_naming_its_row_and_column() -> None:
    huge = "x" * 1_000_000
    error = _one(CsvKind.PARTIES, _with_rows(CsvKind.PARTIES, f"C1,Name,,{huge},SG,SG,,,,,,"))
    assert error.row == 2
    assert error.field == "address"
    assert "longer than 10,000 characters" in error.message
    assert error.value is not None
    assert len(error.value) <= 60


def test_a_cell_over_the_cell_limit_but_under_the_csv_limit_is_refused_too() -> None:
    error = _one(
        CsvKind.PARTIES, _with_rows(CsvKind.PARTIES, f"C1,Name,,{'y' * 20_000},SG,SG,,,,,,")
    )
    assert (error.row, error.field) == (2, "address")
    assert "20,000" in error.message


def test_an_address_over_two_thousand_characters_is_refused() -> None:
    error = _one(
        CsvKind.PARTIES, _with_rows(CsvKind.PARTIES, f"C1,Name,,{'z' * 2_001},SG,SG,,,,,,")
    )
    assert (error.row, error.field) == (2, "address")
    assert "at most 2,000 characters" in error.message


def test_a_name_longer_than_storage_keeps_is_refused() -> None:
    error = _one(CsvKind.PARTIES, _with_rows(CsvKind.PARTIES, f"C1,{'N' * 301},,,SG,SG,,,,,,"))
    assert (error.row, error.field) == (2, "name")
    assert "at most 300 characters" in error.message


def test_a_nul_character_is_refused() -> None:
    error = _one(CsvKind.PARTIES, _with_rows(CsvKind.PARTIES, "C1,Bad\x00Name,,,SG,SG,,,,,,"))
    assert (error.row, error.field) == (2, "name")
    assert "control character" in error.message


# -- refused cells ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["2026-13-01", "01/02/2026", "2026-02-30", "2026-3-2", "tomorrow"])
def test_a_bad_date_is_refused_with_the_expected_form(text: str) -> None:
    error = _one(CsvKind.ORDERS, _with_rows(CsvKind.ORDERS, f"SO-1,{text},C1,,,H100,1"))
    assert (error.row, error.field, error.value) == (2, "date", text)
    assert "expected a date YYYY-MM-DD" in error.message


def test_an_unknown_country_is_refused_naming_it() -> None:
    error = _one(CsvKind.ORDERS, _with_rows(CsvKind.ORDERS, "SO-1,2026-01-05,C1,,Atlantis,H100,1"))
    assert (error.row, error.field, error.value) == (2, "destination", "Atlantis")
    assert error.message.startswith("unknown country 'Atlantis'")


@pytest.mark.parametrize("text", ["-5", "0", "1.5", "ten", "", "1e3", "10000000000000"])
def test_a_quantity_that_is_not_a_positive_whole_number_is_refused(text: str) -> None:
    error = _one(CsvKind.ORDERS, _with_rows(CsvKind.ORDERS, f"SO-1,2026-01-05,C1,,,H100,{text}"))
    assert (error.row, error.field) == (2, "quantity")
    assert "expected a whole number > 0" in error.message


@pytest.mark.parametrize("text", ["-1", "nan", "NaN", "inf", "-inf", "1e999", "12,5", "1_000", "x"])
def test_a_tpp_that_is_not_a_finite_number_at_least_zero_is_refused(text: str) -> None:
    row = f'H1,Chip,ic,"{text}",800,true,1,,false'
    error = _one(CsvKind.PRODUCTS, _with_rows(CsvKind.PRODUCTS, row))
    assert (error.row, error.field) == (2, "tpp")
    assert "expected a number ≥ 0" in error.message


@pytest.mark.parametrize("text", ["yes", "1", "t", "False!"])
def test_a_boolean_other_than_true_or_false_is_refused(text: str) -> None:
    error = _one(CsvKind.COUNTRIES, _with_rows(CsvKind.COUNTRIES, f"IN,{text},0"))
    assert (error.row, error.field) == (2, "g2g_agreement")
    assert error.message == "expected true or false"


def test_an_unknown_role_is_refused_listing_the_roles() -> None:
    error = _one(CsvKind.PARTIES, _with_rows(CsvKind.PARTIES, "C1,Name,,,SG,SG,,,boss,,,"))
    assert (error.row, error.field, error.value) == (2, "role", "boss")
    assert error.message.startswith("expected one of end_user, datacenter_operator, cloud_provider")


def test_a_parties_file_may_leave_out_the_language_column_added_later() -> None:
    parsed = _parse(CsvKind.PARTIES, PARTIES)  # the columns as files had them before
    assert {party.language for party in parsed.records if isinstance(party, Party)} == {Language.EN}
    assert all("language" in blank for blank in parsed.blank_fields)  # an update keeps it


def test_a_party_language_is_read_in_any_case() -> None:
    text = (
        ",".join(columns_of(CsvKind.PARTIES))
        + "\nC1,Formosa,,,TW,TW,,,,,,,ZH_cn\nC2,Acme,,,SG,SG,,,,,,,\n"
    )
    c1, c2 = _parse(CsvKind.PARTIES, text).records
    assert isinstance(c1, Party)
    assert isinstance(c2, Party)
    assert (c1.language, c2.language) == (Language.ZH_CN, Language.EN)


def test_an_unknown_language_is_refused_naming_file_row_field_and_the_languages() -> None:
    text = ",".join(columns_of(CsvKind.PARTIES)) + "\nC1,Formosa,,,TW,TW,,,,,,,zh_TW\n"
    error = _errors(CsvKind.PARTIES, text, source="parties.csv")
    assert str(error).splitlines()[1] == (
        "parties.csv, row 2, field language: expected one of en, zh_CN (got 'zh_TW')"
    )


def test_a_header_without_a_required_column_says_the_optional_ones_too() -> None:
    header = ",".join(column for column in HEADERS[CsvKind.PARTIES] if column != "veu_id")
    error = _one(CsvKind.PARTIES, header + ",language\n")
    assert (error.row, error.field) == (1, "veu_id")
    assert error.message.endswith(",veu_country,veu_id (optionally also language)")


def test_a_missing_required_value_is_refused() -> None:
    errors = _errors(CsvKind.PARTIES, _with_rows(CsvKind.PARTIES, ",Name,,,,SG,,,,,,")).errors
    assert [(error.field, error.value) for error in errors] == [("ref", None), ("country", None)]
    assert all("a value is required" in error.message for error in errors)


def test_rules_of_the_model_are_reported_against_the_column_to_fix() -> None:
    nveu = _one(CsvKind.PARTIES, _with_rows(CsvKind.PARTIES, "C1,Name,,,SG,SG,,,,nveu,,"))
    assert (nveu.row, nveu.field) == (2, "veu_country")
    assert "needs veu_country" in nveu.message
    chip = _one(CsvKind.PRODUCTS, _with_rows(CsvKind.PRODUCTS, "H1,Chip,ic,,800,true,1,,false"))
    assert (chip.field, chip.message) == ("tpp", "a product of kind ic needs its TPP per IC")
    licence = _one(
        CsvKind.LICENSES,
        _with_rows(CsvKind.LICENSES, "L1,C1,IN,a_level,1,2026-12-31,2026-01-01"),
    )
    assert licence.row == 2
    assert licence.message == "valid_to is before valid_from"


def test_an_aia_certification_with_a_year_and_an_lpp_one_without_are_refused() -> None:
    errors = _errors(
        CsvKind.CERTIFICATIONS,
        _with_rows(
            CsvKind.CERTIFICATIONS,
            "C1,aia,2026,2026-01-02,Jane,,,,",
            "C1,lpp,,2026-01-02,Jane,,,,",
            "C1,lpp,2026,2026-01-02,Jane,,true,,",
            "C1,aia,,2026-01-02,Jane,100,,,",
            "C1,lpp,2026,2026-01-02,Jane,,,2026-01-03,",
            "C1,cert,2026,2026-01-02,Jane,,,,",
        ),
    ).errors
    assert [(error.row, error.field) for error in errors] == [
        (2, "year"),
        (3, "year"),
        (4, "weights_storage_attested"),
        (5, "prior_receipts_tpp"),
        (6, "submitted_to_bis_on"),
        (7, "type"),
    ]
    assert "leave it empty for aia" in errors[0].message
    assert "needs its calendar year" in errors[1].message
    assert errors[5].message == "expected one of aia, lpp"


# -- refused repeats --------------------------------------------------------------------------


def test_a_party_ref_given_twice_is_refused_naming_the_first_row() -> None:
    error = _one(
        CsvKind.PARTIES,
        _with_rows(
            CsvKind.PARTIES,
            "C1,One,,,SG,SG,,,,,,",
            "C2,Two,,,SG,SG,,,,,,",
            "C1,Again,,,SG,SG,,,,,,",
        ),
    )
    assert (error.row, error.field, error.value) == (4, "ref", "C1")
    assert "already on row 2" in error.message


def test_a_product_ref_given_twice_is_refused() -> None:
    row = "H1,Chip,ic,1,800,true,1,,false"
    error = _one(CsvKind.PRODUCTS, _with_rows(CsvKind.PRODUCTS, row, row))
    assert (error.row, error.field) == (3, "ref")


def test_the_same_country_by_code_and_by_name_is_a_repeat() -> None:
    error = _one(CsvKind.COUNTRIES, _with_rows(CsvKind.COUNTRIES, "US,false,0", "USA,true,0"))
    assert (error.row, error.field) == (3, "country")
    assert "already on row 2" in error.message


def test_certification_keys_are_party_and_date_for_aia_and_party_and_year_for_lpp() -> None:
    errors = _errors(
        CsvKind.CERTIFICATIONS,
        _with_rows(
            CsvKind.CERTIFICATIONS,
            "C1,aia,,2026-01-02,Jane,,,,",
            "C1,aia,,2026-01-03,Jane,,,,",
            "C1,aia,,2026-01-02,Wei,,,,",
            "C1,lpp,2026,2026-01-02,Jane,,,,",
            "C1,lpp,2026,2026-02-02,Jane,,,,",
        ),
    ).errors
    assert [(error.row, error.field) for error in errors] == [(4, "signed_on"), (6, "year")]


def test_order_rows_sharing_a_ref_must_agree_and_the_error_says_on_what() -> None:
    errors = _errors(
        CsvKind.ORDERS,
        _with_rows(
            CsvKind.ORDERS,
            "SO-1,2026-01-05,C1,,SG,H100,1",
            "SO-1,2026-01-06,C1,,SG,H100,1",
            "SO-1,2026-01-05,C2,,,H100,1",
        ),
    ).errors
    assert [(error.row, error.field) for error in errors] == [
        (3, "date"),
        (4, "consignee_ref"),
        (4, "destination"),
    ]
    assert "order 'SO-1' has date 2026-01-05 on row 2" in errors[0].message
    assert "has destination Singapore (SG) on row 2" in errors[2].message


# -- every problem, said plainly --------------------------------------------------------------


def test_every_bad_row_is_reported_not_just_the_first() -> None:
    error = _errors(
        CsvKind.ORDERS,
        _with_rows(
            CsvKind.ORDERS,
            "SO-1,2026-01-05,C1,,,H100,-5",
            "SO-2,2026-01-05,C1,,,H100,5",
            "SO-3,05/01/2026,C1,,Atlantis,H100,5",
        ),
        source="erp-orders.csv",
    )
    assert [(item.row, item.field) for item in error.errors] == [
        (2, "quantity"),
        (4, "date"),
        (4, "destination"),
    ]
    assert isinstance(error, DomainError)
    lines = str(error).splitlines()
    assert lines[0] == "erp-orders.csv: 3 problems; nothing imported"
    assert lines[1] == (
        "erp-orders.csv, row 2, field quantity: expected a whole number > 0 "
        "(at most 1,000,000,000) (got '-5')"
    )
    assert lines[2] == (
        "erp-orders.csv, row 4, field date: expected a date YYYY-MM-DD (got '05/01/2026')"
    )
    assert lines[3].startswith(
        "erp-orders.csv, row 4, field destination: unknown country 'Atlantis'"
    )


def test_the_message_lists_fifty_problems_then_counts_the_rest() -> None:
    rows = [f"SO-{n},2026-01-05,C1,,,H100,0" for n in range(70)]
    error = _errors(CsvKind.ORDERS, _with_rows(CsvKind.ORDERS, *rows))
    assert len(error.errors) == 70
    lines = str(error).splitlines()
    assert len(lines) == 1 + 50 + 1
    assert lines[-1] == "... and 20 more"
    assert error.source == "file.csv"


def test_a_row_error_without_a_field_or_value_reads_plainly() -> None:
    error = RowError(row=7, message="expected 3 cells")
    assert error.describe("f.csv") == "f.csv, row 7: expected 3 cells"
    assert RowError(row=1, value="v" * 500, message="m").value == "v" * 59 + "…"


# -- export reads back ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(CsvKind))
def test_export_then_import_gives_the_same_records_and_the_same_text(kind: CsvKind) -> None:
    records = _parse(kind, GOOD[kind]).records
    text = format_csv(kind, records)
    assert text.splitlines()[0] == ",".join(columns_of(kind))
    again = _parse(kind, text)
    assert again.records == records
    assert format_csv(kind, again.records) == text


def test_an_empty_export_is_just_the_header() -> None:
    assert format_csv(CsvKind.LICENSES, []) == ",".join(HEADERS[CsvKind.LICENSES]) + "\n"


def test_whole_numbers_are_written_without_a_decimal_point() -> None:
    text = _parse(CsvKind.PRODUCTS, PRODUCTS).records
    rows = format_csv(CsvKind.PRODUCTS, text).splitlines()
    assert rows[1] == "H100,NVIDIA H100 SXM,ic,15832,814,true,1,,false"
    assert rows[3] == "W,Frontier model weights,model_weights,,,true,1,3e+26,true"


def test_line_breaks_in_text_are_written_so_they_read_back() -> None:
    party = Party(ref="C1", name="N", address="a\r\nb\rc", country="SG", hq_country="SG")
    (again,) = _parse(CsvKind.PARTIES, format_csv(CsvKind.PARTIES, [party])).records
    assert isinstance(again, Party)
    assert again.address == "a\nb\nc"


def test_formatting_the_wrong_record_for_a_kind_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        format_csv(CsvKind.PARTIES, [CountrySetting(country="IN")])


# -- round trips, for any records -------------------------------------------------------------

_CODES = sorted(country.alpha2 for country in all_countries())
_PLAIN = st.characters(blacklist_categories=("Cs", "Cc"))


def _text(
    min_size: int, max_size: int, *, alphabet: st.SearchStrategy[str] = _PLAIN
) -> st.SearchStrategy[str]:
    return st.text(alphabet, min_size=min_size, max_size=max_size).filter(
        lambda text: text == text.strip() and len(text) >= min_size
    )


_REFS = st.from_regex(r"\A[A-Za-z0-9À-ÖØ-öø-ÿ][A-Za-z0-9À-ÖØ-öø-ÿ._/:+#&()-]{0,19}\Z")
"""References in the safe alphabet of ``domain.model.Ref``."""
_COUNTRY = st.sampled_from(_CODES)
_FIGURE = st.floats(min_value=0, max_value=1e30, allow_nan=False, allow_infinity=False)
_ADDRESS = _text(0, 60, alphabet=st.one_of(_PLAIN, st.just("\n")))


@st.composite
def _parties(draw: st.DrawFn) -> Party:
    veu = draw(st.sampled_from(VeuStatus))
    parent = draw(st.none() | _text(1, 30))
    return Party(
        ref=draw(_REFS),
        name=draw(_text(1, 40)),
        aliases=tuple(draw(st.lists(_text(1, 15).filter(lambda a: ";" not in a), max_size=3))),
        address=draw(_ADDRESS),
        country=draw(_COUNTRY),
        hq_country=draw(_COUNTRY),
        parent_name=parent,
        parent_hq_country=draw(st.none() | _COUNTRY) if parent else None,
        role=draw(st.sampled_from(Role)),
        veu=veu,
        veu_country=(
            draw(_COUNTRY)
            if veu is VeuStatus.NVEU
            else None
            if veu is VeuStatus.NONE
            else draw(st.none() | _COUNTRY)
        ),
        veu_id=None if veu is VeuStatus.NONE else draw(st.none() | _REFS),
        language=draw(st.sampled_from(Language)),
    )


@st.composite
def _products(draw: st.DrawFn) -> Product:
    kind = draw(st.sampled_from(ProductKind))
    needs_tpp = kind in (ProductKind.IC, ProductKind.SYSTEM)
    needs_operations = kind in (ProductKind.MODEL_WEIGHTS, ProductKind.IAAS_TRAINING)
    return Product(
        ref=draw(_REFS),
        name=draw(_text(1, 40)),
        kind=kind,
        tpp=draw(_FIGURE if needs_tpp else st.none() | _FIGURE),
        die_area_mm2=draw(st.none() | st.floats(min_value=0.001, max_value=1e5)),
        datacenter=draw(st.booleans()),
        ics_per_unit=1 if kind is ProductKind.IC else draw(st.integers(1, 1024)),
        training_operations=draw(_FIGURE if needs_operations else st.none() | _FIGURE),
        published=draw(st.booleans()),
    )


_ORDERS = st.builds(
    Order,
    ref=_REFS,
    date=st.dates(date(2000, 1, 1), date(2100, 12, 31)),
    consignee_ref=_REFS,
    end_user_ref=st.none() | _REFS,
    destination=st.none() | _COUNTRY,
    lines=st.lists(
        st.builds(OrderLine, product_ref=_REFS, quantity=st.integers(1, 10**9)),
        min_size=1,
        max_size=4,
    ).map(tuple),
)


def _round_trip(kind: CsvKind, records: list[Record]) -> None:
    text = format_csv(kind, records)
    parsed = _parse(kind, text)
    assert parsed.records == tuple(records)
    assert format_csv(kind, parsed.records) == text


@ROUND_TRIPS
@given(st.lists(_parties(), max_size=5, unique_by=lambda party: party.ref))
def test_any_parties_round_trip(parties: list[Record]) -> None:
    _round_trip(CsvKind.PARTIES, parties)


@ROUND_TRIPS
@given(st.lists(_products(), max_size=5, unique_by=lambda product: product.ref))
def test_any_products_round_trip(products: list[Record]) -> None:
    _round_trip(CsvKind.PRODUCTS, products)


@ROUND_TRIPS
@given(st.lists(_ORDERS, max_size=5, unique_by=lambda order: order.ref))
def test_any_orders_round_trip(orders: list[Record]) -> None:
    _round_trip(CsvKind.ORDERS, orders)


def test_a_serial_is_one_word_and_appears_once_per_product_in_any_case() -> None:
    error = _errors(
        CsvKind.SHIPMENTS,
        _with_rows(
            CsvKind.SHIPMENTS,
            "SO-1,SHP-1,2026-03-10,GPU-1,abc123",
            "SO-1,SHP-1,2026-03-10,GPU-1,ABC123",
            "SO-1,SHP-1,2026-03-10,GPU-2,ABC123",
            "SO-1,SHP-1,2026-03-10,GPU-1,",
            "SO-1,SHP-1,2026-03-10,GPU-1,12 34",
            "SO-1,SHP-1,10/03/2026,GPU-1,X9",
        ),
    )
    assert [(problem.row, problem.field) for problem in error.errors] == [
        (3, "serial"),
        (5, "serial"),
        (6, "serial"),
        (7, "shipped_on"),
    ]
    assert "appears twice: already on row 2" in error.errors[0].message
    assert "serial number" in error.errors[1].message


def test_an_owners_share_must_be_above_zero_and_at_most_one_hundred() -> None:
    error = _errors(
        CsvKind.OWNERSHIP, _with_rows(CsvKind.OWNERSHIP, "C2,A,SG,0", "C2,B,SG,100.5", "C2,C,SG,")
    )
    assert [(problem.row, problem.field) for problem in error.errors] == [
        (2, "share_percent"),
        (3, "share_percent"),
        (4, "share_percent"),
    ]
    assert "at most 100" in error.errors[1].message
