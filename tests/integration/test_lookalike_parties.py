"""Look-alike parties against a real database: no door lets in a reference with a character
that cannot be seen."""

from __future__ import annotations

from datetime import date

import pytest

from domain.errors import DomainError
from domain.model import License, LicenseCovers, Party
from domain.services.catalog_views import get_party
from domain.services.records import add_record
from storage.unit_of_work import SqlDatabase

NVIDIA = Party(ref="US-NVIDIA", name="NVIDIA Corp", country="US", hq_country="US")


def _row(ref: str, name: str) -> str:
    return f"{ref},{name},,,US,US,,,,,,\n"


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
