"""Restricted-party list files read into snapshots: real CSL rows, every known defect, bad
files refused naming row and column, content hashes and diffs."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from domain.csvio import CsvImportError
from domain.ruleset import load_shipped_rulesets
from domain.screening.diff import diff_snapshots
from domain.screening.entries import name_parts, repair_text, split_values
from domain.screening.lists import parse_list
from domain.screening.model import (
    ListFormat,
    ListKind,
    ListWarningCode,
    Snapshot,
    list_kind,
)

DATA = Path(__file__).parent.parent / "data" / "screening"
HEADER = (DATA / "csl-sample.csv").read_text(encoding="utf-8").splitlines()[0]
EXTRA_HEADER = (
    "source,name,alt_names,addresses,country,license_requirement,license_policy,"
    "federal_register_notice,start_date"
)


def _sample() -> Snapshot:
    return parse_list((DATA / "csl-sample.csv").read_bytes(), source="csl-sample.csv")


def _csl_row(
    entry_id: str,
    name: str,
    *,
    source: str = "Entity List (EL) - Bureau of Industry and Security",
    alt_names: str = "",
    addresses: str = "CN",
) -> str:
    cells = [""] * 29
    cells[0], cells[1], cells[5], cells[7], cells[22] = entry_id, source, name, addresses, alt_names
    return ",".join(json.dumps(cell, ensure_ascii=False) for cell in cells)


def _csl(*rows: str) -> bytes:
    return "\n".join([HEADER, *rows, ""]).encode("utf-8")


def _codes(snapshot: Snapshot) -> list[ListWarningCode]:
    return [warning.code for warning in snapshot.warnings]


def _refusal(data: bytes, **kwargs: object) -> str:
    with pytest.raises(CsvImportError) as caught:
        parse_list(data, source="list.csv", **kwargs)  # type: ignore[arg-type]
    return str(caught.value)


# -- the real files ---------------------------------------------------------------------------


def test_the_csl_sample_reads_thirteen_entries_from_ten_sources() -> None:
    snapshot = _sample()
    assert snapshot.format is ListFormat.CSL_CSV
    assert len(snapshot.entries) == 13
    assert len(snapshot.counts) == 10
    assert (
        snapshot.counts["Sectoral Sanctions Identifications List (SSI) - Treasury Department"] == 3
    )


def test_every_csl_source_maps_to_its_kind_and_keeps_the_published_source() -> None:
    kinds = {entry.source: entry.kind for entry in _sample().entries}
    assert kinds["Entity List (EL) - Bureau of Industry and Security"] is ListKind.ENTITY_LIST
    assert kinds["Denied Persons List (DPL) - Bureau of Industry and Security"] is (
        ListKind.DENIED_PERSONS
    )
    assert kinds["Specially Designated Nationals (SDN) - Treasury Department"] is ListKind.SDN
    assert kinds["Unverified List (UVL) - Bureau of Industry and Security"] is ListKind.UNVERIFIED
    assert kinds["Military End User (MEU) List - Bureau of Industry and Security"] is (
        ListKind.MILITARY_END_USER
    )
    others = [source for source, kind in kinds.items() if kind is ListKind.OTHER]
    assert len(others) == 5  # SSI, FSE, PLC, ISN, DTC
    assert list_kind("Chinese Military-Industrial Complex Companies (CMIC) - Treasury") is (
        ListKind.OTHER
    )
    assert list_kind("Capta List (CAP) - Treasury Department") is ListKind.OTHER


def test_countries_come_from_addresses_and_nationalities() -> None:
    by_id = {entry.entry_id: entry for entry in _sample().entries}
    assert by_id["52291"].countries == ("CN", "KP")  # "Shenyang, CN; Pyongyang, KP" and KP
    assert by_id["1b5979e8fd3920a1a0985bf5088dad930a6a5562d1513f9e4b015e42"].countries == ("AM",)


def test_the_full_entity_list_reads_every_row_fast_enough_and_splits_bundled_names() -> None:
    snapshot = parse_list((DATA / "entity-list.csv").read_bytes(), source="entity-list.csv")
    assert len(snapshot.entries) == 3392
    assert snapshot.counts == {
        "Entity List (EL) - Bureau of Industry and Security": 3336,
        "Military End User (MEU) List - Bureau of Industry and Security": 56,
    }
    institute = next(entry for entry in snapshot.entries if "201 Research" in entry.name)
    assert "201 Research Institute" in institute.names
    assert "China Aerospace Science and Industry Corporation Second Academy" in institute.names
    assert ListWarningCode.BUNDLED_NAME in _codes(snapshot)


def test_the_json_form_of_the_sample_gives_the_same_entries_as_the_csv() -> None:
    from_json = parse_list((DATA / "csl-sample.json").read_bytes(), source="csl-sample.json")
    assert from_json.format is ListFormat.CSL_JSON
    assert from_json.content_hash == _sample().content_hash
    assert len(from_json.sources_used) == 10


def test_the_simple_csv_identifies_entries_by_source_and_name() -> None:
    snapshot = parse_list((DATA / "extra-list.csv").read_bytes(), source="extra-list.csv")
    assert snapshot.format is ListFormat.EXTRA_CSV
    bureau = snapshot.entries[0]
    assert bureau.names == (
        "Example Signals Intelligence Bureau",
        "ESIB",
        "Signals Bureau Example",
    )
    assert bureau.countries == ("BY",)
    again = parse_list((DATA / "extra-list.csv").read_bytes(), source="again.csv")
    assert again.entries[0].entry_id == bureau.entry_id


# -- known defects, each warned -------------------------------------------------------------


def test_values_joined_with_and_lose_the_and_and_are_warned() -> None:
    assert split_values("HPSTAR; and; Beijing High Voltage Science Research Center") == (
        ("HPSTAR", "Beijing High Voltage Science Research Center"),
        True,
    )
    snapshot = parse_list(_csl(_csl_row("a1", "Acme", alt_names="A One; and A Two")), source="x")
    assert snapshot.entries[0].alt_names == ("A One", "A Two")
    assert ListWarningCode.JOINED_WITH_AND in _codes(snapshot)


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        (
            "Huawei Technologies Co., Ltd. (Huawei). Affiliated Entity: Huawei Marine Networks "
            "Co., Ltd.",
            ("Huawei Technologies Co., Ltd. (Huawei)", "Huawei Marine Networks Co., Ltd."),
        ),
        ("Acme Corp, Affiliated Entity: Acme Labs", ("Acme Corp", "Acme Labs")),
        (
            "Sinobright Import and Export Company; and any successor, sub-unit, or subsidiary "
            "thereof",
            ("Sinobright Import and Export Company",),
        ),
        ("Affiliates International", ()),
    ],
)
def test_bundled_names_give_their_principal_and_each_part(
    name: str, parts: tuple[str, ...]
) -> None:
    assert name_parts(name) == parts


def test_garbled_characters_are_repaired_when_the_round_trip_is_exact() -> None:
    assert repair_text("SociÃ©tÃ© GÃ©nÃ©rale") == (
        "Société Générale",
        ListWarningCode.REPAIRED_TEXT,
    )
    assert repair_text("Caf\ufffd Moscow")[1] is ListWarningCode.GARBLED_TEXT
    assert repair_text("Société") == ("Société", None)
    snapshot = parse_list(_csl(_csl_row("m1", "SociÃ©tÃ© Example")), source="x")
    assert snapshot.entries[0].name == "Société Example"
    assert _codes(snapshot) == [ListWarningCode.REPAIRED_TEXT]


def test_duplicate_ids_are_kept_once_when_identical_and_each_kept_when_different() -> None:
    same = parse_list(_csl(_csl_row("d1", "Acme"), _csl_row("d1", "Acme")), source="x")
    assert [entry.entry_id for entry in same.entries] == ["d1"]
    assert _codes(same) == [ListWarningCode.DUPLICATE_ID]
    different = parse_list(_csl(_csl_row("d1", "Acme"), _csl_row("d1", "Acme Two")), source="x")
    assert len(different.entries) == 2
    assert all(entry.entry_id.startswith("d1~") for entry in different.entries)
    assert _codes(different) == [ListWarningCode.DUPLICATE_ID]


def test_an_empty_name_takes_the_first_alias_or_leaves_the_row_out_with_a_warning() -> None:
    snapshot = parse_list(
        _csl(_csl_row("e1", "", alt_names="Alias One; Alias Two"), _csl_row("e2", "")),
        source="x",
    )
    assert [(entry.entry_id, entry.name) for entry in snapshot.entries] == [("e1", "Alias One")]
    assert [(warning.code, warning.row) for warning in snapshot.warnings] == [
        (ListWarningCode.EMPTY_NAME, 2),
        (ListWarningCode.EMPTY_NAME, 3),
    ]


# -- hashes and diffs -------------------------------------------------------------------------


def test_the_content_hash_does_not_depend_on_the_order_of_the_rows() -> None:
    lines = (DATA / "csl-sample.csv").read_text(encoding="utf-8").splitlines()
    body = lines[1:]
    random.Random(7).shuffle(body)
    shuffled = parse_list("\n".join([lines[0], *body]).encode(), source="shuffled.csv")
    assert shuffled.content_hash == _sample().content_hash


def test_a_changed_field_changes_the_entry_and_snapshot_hashes() -> None:
    one = parse_list(_csl(_csl_row("h1", "Acme", addresses="CN")), source="x")
    two = parse_list(_csl(_csl_row("h1", "Acme", addresses="HK")), source="x")
    assert one.entries[0].content_hash != two.entries[0].content_hash
    assert one.content_hash != two.content_hash


def test_the_diff_names_added_removed_and_changed_entries() -> None:
    before = parse_list(
        _csl(_csl_row("a", "A"), _csl_row("b", "B"), _csl_row("c", "C")), source="x"
    )
    after = parse_list(
        _csl(_csl_row("a", "A"), _csl_row("b", "B2"), _csl_row("d", "D")), source="x"
    )
    diff = diff_snapshots(before, after, 10)
    assert (diff.added, diff.removed, diff.changed) == (("d",), ("c",), ("b",))
    assert not diff.needs_confirmation
    first = diff_snapshots(None, after, 10)
    assert first.added == ("a", "b", "d")


def test_a_source_vanished_or_shrunk_past_the_threshold_needs_confirmation() -> None:
    dpl = "Denied Persons List (DPL) - Bureau of Industry and Security"
    rows = [_csl_row(f"e{i}", f"Entity {i}") for i in range(10)]
    before = parse_list(_csl(*rows, _csl_row("p1", "Person", source=dpl)), source="x")
    shrunk = parse_list(_csl(*rows[:8]), source="x")
    diff = diff_snapshots(before, shrunk, 10)
    assert [change.source for change in diff.vanished] == [dpl]
    assert [(change.before, change.after) for change in diff.shrunk] == [(10, 8)]
    assert diff.needs_confirmation
    assert {warning.code for warning in diff.warnings} == {
        ListWarningCode.SOURCE_VANISHED,
        ListWarningCode.SOURCE_SHRANK,
    }
    assert not diff_snapshots(
        before, parse_list(_csl(*rows[:9], _csl_row("p1", "Person", source=dpl)), source="x"), 10
    ).needs_confirmation


def test_every_ruleset_carries_the_source_shrink_threshold() -> None:
    for version in load_shipped_rulesets().versions:
        assert version.screening.source_shrink_warning_percent == 10
        assert version.screening.source


# -- bad files --------------------------------------------------------------------------------


def test_a_file_that_is_not_utf8_is_refused_naming_its_row() -> None:
    message = _refusal(_csl(_csl_row("a", "Acme")).replace(b"Acme", b"Acm\xe9"))
    assert "list.csv, row 2" in message
    assert "not UTF-8" in message


def test_a_missing_required_column_is_refused_naming_it() -> None:
    data = _csl(_csl_row("a", "Acme")).replace(b"_id,", b"ident,", 1)
    message = _refusal(data, format=ListFormat.CSL_CSV)
    assert "row 1, field _id" in message


def test_a_row_with_the_wrong_number_of_cells_is_refused_naming_the_row() -> None:
    message = _refusal(_csl(_csl_row("a", "Acme"), '"b","Entity List (EL)","x"'))
    assert "row 3" in message
    assert "expected 29 cells" in message


def test_invalid_json_is_refused_naming_line_and_column() -> None:
    message = _refusal(b'{"results": [\n{"id": "1",, }]}')
    assert "row 2" in message
    assert "invalid JSON" in message


def test_a_json_entry_without_a_source_is_refused_naming_entry_and_field() -> None:
    data = json.dumps({"results": [{"id": "1", "name": "A", "source": "S"}, {"id": "2"}]})
    message = _refusal(data.encode())
    assert "row 2, field source" in message


def test_a_file_of_another_kind_is_refused() -> None:
    assert "not a list file" in _refusal(b"%PDF-1.7 binary stuff\n")


def test_a_simple_csv_with_an_unknown_country_is_refused_naming_row_and_column() -> None:
    data = f"{EXTRA_HEADER}\nOwn list,Acme,,,Atlantis,,,,\n".encode()
    message = _refusal(data)
    assert "row 2, field country" in message
    assert "Atlantis" in message
