"""The visit report's content, built from a kit alone (rules.md section 10): what it counts as
a discrepancy, what it lists, which ruleset it names, and that it refuses an open kit."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from domain.documents import content_hash
from domain.errors import DomainError
from domain.fieldaudit.kit import ExpectedSerial, KitContents, checklist
from domain.services.visit_report import on_site_stamp, visit_report_view

AT = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


@dataclass
class Entry:
    action: str
    payload: dict[str, Any] = field(default_factory=dict)
    seq: int = 0
    at: str = AT.isoformat()
    hash: str = "f" * 64


def _unit(serial: str, site: str = "DC-1", product: str = "H100") -> ExpectedSerial:
    return ExpectedSerial(
        serial=serial,
        product_ref=product,
        order_ref="SO-1",
        shipment_ref="SHP-1",
        shipped_on="2026-03-10",
        site=site,
    )


def _contents() -> KitContents:
    return KitContents(
        site="DC-1",
        party_ref="SG-A",
        exported_at=AT,
        exported_by="officer",
        desk="Demo Exports Ltd.",
        key_fingerprint="ab12 " * 16,
        public_key="00",
        parties=({"ref": "SG-A", "name": "Lion City Compute", "country": "SG"},),
        owners=(),
        orders=(),
        paperwork={},
        documents=(),
        expected=(
            _unit("A1"),
            _unit("A2"),
            _unit("B1", product="B200"),
            _unit("C9", site="DC-2"),
        ),
        shipped_elsewhere={"Z7": "MY-B"},
        rulesets=(
            {"id": "aidf-2025-01-13", "effective_from": "2025-01-13"},
            {"id": "aidf-2026-02-03", "effective_from": "2026-02-03"},
            {"id": "aidf-2027-01-01", "effective_from": "2027-01-01"},
        ),
        screening=(),
        checklist=checklist(),
    )


def _log(*entries: Entry) -> list[Entry]:
    close = Entry("close", {"auditor": "Ana Lim", "site_representative": "Raj Kumar, Manager"})
    return [*entries, close]


def test_the_report_lists_what_is_not_simply_found_and_counts_only_real_discrepancies() -> None:
    first = checklist()[0].id
    log = _log(
        Entry("scan", {"serial": "a1"}),  # found, as read in lower case
        Entry("scan", {"serial": "A1"}),  # duplicate
        Entry("scan", {"serial": "C9"}),  # relocated: shipped for DC-2
        Entry("scan", {"serial": "Z7"}),  # unexpected, shipped to MY-B
        Entry("answer", {"item": first, "answer": "no", "note": "door propped open"}),
        Entry("photo", {"sha256": "9" * 64, "name": "rack.jpg", "note": "rack 7"}),
    )
    view = visit_report_view(_contents(), "c" * 64, log, lambda digest: b"\xff\xd8jpeg")
    assert (view.expected, view.found) == (3, 1)
    assert {(row.serial, row.status) for row in view.serials} == {
        ("A2", "missing"),
        ("B1", "missing"),
        ("A1", "duplicate"),
        ("C9", "relocated"),
        ("Z7", "unexpected"),
    }
    assert next(row for row in view.serials if row.serial == "Z7").detail.endswith("MY-B")
    assert [(row.product_ref, row.expected, row.found, row.missing) for row in view.products] == [
        ("B200", 1, 0, 1),
        ("H100", 2, 1, 1),
    ]
    # missing 2, unexpected 1, duplicate 1 and one item answered no; relocated is not one
    assert view.discrepancies == 5
    answers = {row.item: row for row in view.answers}
    assert (answers[first].answer, answers[first].note) == ("no", "door propped open")
    assert sum(row.answer == "not answered" for row in view.answers) == len(checklist()) - 1
    assert base64.b64decode(view.photos[0].thumbnail) == b"\xff\xd8jpeg"
    assert (view.auditor, view.site_representative) == ("Ana Lim", "Raj Kumar, Manager")
    assert view.ruleset == "aidf-2026-02-03"  # in force on the day of the sign-off
    assert view.letterhead.name == "Demo Exports Ltd."
    assert view.party_location == "Singapore (SG)"


def test_the_same_kit_gives_the_same_report_and_the_on_site_copy_names_no_number() -> None:
    log = _log(Entry("scan", {"serial": "A1"}))
    one = visit_report_view(_contents(), "c" * 64, log, lambda digest: None)
    two = visit_report_view(_contents(), "c" * 64, log, lambda digest: None)
    assert content_hash(one) == content_hash(two)
    stamp = on_site_stamp(one, AT)
    assert stamp.content_hash == content_hash(one)
    assert stamp.number == "Unregistered"


def test_a_kit_not_signed_off_has_no_report() -> None:
    with pytest.raises(DomainError, match="not signed off"):
        visit_report_view(_contents(), "c" * 64, [Entry("scan", {"serial": "A1"})], lambda d: None)
