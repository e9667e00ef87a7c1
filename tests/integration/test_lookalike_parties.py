"""Look-alike parties against a real database: an import warns of a new party whose name reads
like a stored one's (and still imports it), the window's check finds the stored party, and
no door lets in a reference with a character that cannot be seen."""

from __future__ import annotations

from datetime import date

import pytest

from domain.csvio import HEADERS, CsvKind
from domain.errors import DomainError
from domain.model import License, LicenseCovers, Party
from domain.services.catalog_views import get_party
from domain.services.records import add_record, lookalike_party
from domain.services.transfer import ImportSummary, import_file
from storage.unit_of_work import SqlDatabase

HEADER = ",".join(HEADERS[CsvKind.PARTIES]) + "\n"
NVIDIA = Party(ref="US-NVIDIA", name="NVIDIA Corp", country="US", hq_country="US")


def _row(ref: str, name: str) -> str:
    return f"{ref},{name},,,US,US,,,,,,\n"


def _import(db: SqlDatabase, text: str, *, dry_run: bool = False) -> ImportSummary:
    return import_file(
        db, CsvKind.PARTIES, text.encode(), source="parties.csv", actor="t", dry_run=dry_run
    )


def test_an_import_warns_of_new_parties_that_read_like_stored_or_earlier_ones(
    db: SqlDatabase,
) -> None:
    add_record(db, NVIDIA, actor="t")
    text = (
        HEADER
        + _row("US-NVIDLA", "NVIDlA Corp")
        + _row("SG-LION", "Lion City Compute")
        + _row("SG-LION2", "LION CITY COMPUTE")
        + _row("US-NVIDIA", "NVIDIA Corporation")  # an update of the stored party
    )
    summary = _import(db, text)
    assert [(warning.row, warning.field, warning.value) for warning in summary.warnings] == [
        (2, "name", "NVIDlA Corp"),
        (4, "name", "LION CITY COMPUTE"),
    ]
    assert summary.warnings[0].describe("parties.csv") == (
        "parties.csv, row 2, field name: party US-NVIDLA has a name that reads like party "
        "US-NVIDIA ('NVIDIA Corp'): check that it is not the same customer entered twice, or "
        "one posing as it (got 'NVIDlA Corp')"
    )
    assert summary.created == 3  # a warning, never a refusal
    assert get_party(db, "US-NVIDLA") is not None


def test_a_dry_run_warns_alike_and_a_file_imported_again_warns_of_nothing(
    db: SqlDatabase,
) -> None:
    add_record(db, NVIDIA, actor="t")
    text = HEADER + _row("US-NVIDLA", "NVIDlA Corp")
    assert len(_import(db, text, dry_run=True).warnings) == 1
    assert len(_import(db, text).warnings) == 1
    assert _import(db, text).warnings == ()


def test_the_window_check_finds_the_stored_party_a_new_name_reads_like(db: SqlDatabase) -> None:
    add_record(db, NVIDIA, actor="t")
    twin = NVIDIA.model_copy(update={"ref": "US-NV2", "name": "NVIDIА Corp"})  # Cyrillic А
    found = lookalike_party(db, twin)
    assert found is not None
    assert (found.like_ref, found.like_name) == ("US-NVIDIA", "NVIDIA Corp")
    other = NVIDIA.model_copy(update={"ref": "US-AMD", "name": "AMD Inc."})
    assert lookalike_party(db, other) is None


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (
            NVIDIA.model_copy(update={"ref": "US-NV\u200dX"}),
            "party ref: 'US-NV\\u200dX' is not a valid reference: it contains an invisible "
            "character U+200D ZERO WIDTH JOINER after 'US-NV'",
        ),
        (
            NVIDIA.model_copy(update={"ref": "ＵＳ－ＮＶ"}),
            "party ref 'ＵＳ－ＮＶ' is written 'US-NV' as a reference: enter it so",
        ),
    ],
)
def test_a_new_record_with_an_unusual_reference_is_refused_by_the_service(
    db: SqlDatabase, record: Party, message: str
) -> None:
    with pytest.raises(DomainError) as refused:
        add_record(db, record, actor="t")
    assert str(refused.value) == message
    assert get_party(db, record.ref) is None


def test_a_licence_number_with_a_zero_width_joiner_is_refused(db: SqlDatabase) -> None:
    add_record(db, NVIDIA, actor="t")
    licence = License(
        number="L\u200d1",
        party_ref="US-NVIDIA",
        destination="US",
        covers=LicenseCovers.A_LEVEL,
        tpp=1,
        valid_from=date(2026, 1, 1),
        valid_to=date(2026, 12, 31),
    )
    with pytest.raises(DomainError, match="licence number: "):
        add_record(db, licence, actor="t")
