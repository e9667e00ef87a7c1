"""The visit on site (domain.services.site_visit): what the command line and the field-audit
window share: serials logged before they are shown, a failed write leaving nothing counted,
answers checked, the sign-off closing the kit, and papers found on site checked."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pytest

from domain.errors import DomainError
from domain.fieldaudit.kit import KitContents, checklist
from domain.fieldaudit.reconcile import SerialClass
from domain.services.site_visit import SiteVisit
from tests.clock import clock_on
from tests.unit.test_visit_report_view import _contents

PDF = b"%PDF-1.7 the registered statement"
DOCUMENT = {
    "number": "AIA-2026-0007",
    "kind": "AIA",
    "title": "Tier 1 certification commitments",
    "order_ref": "SO-1",
    "content_hash": "c" * 64,
    "file_sha256": hashlib.sha256(PDF).hexdigest(),
    "verification_code": "7KQ4-M2XD-9TPA",
    "generated_at": "2026-03-01T10:00:00+00:00",
}


@dataclass
class Entry:
    seq: int
    at: str
    action: str
    payload: dict[str, Any]
    hash: str = "f" * 64


@dataclass
class MemoryKit:
    """A kit held in memory; ``failing`` makes the next write fail as a full disk would."""

    contents: KitContents
    contents_sha256: str = "c" * 64
    log: list[Entry] = field(default_factory=list)
    photos: dict[str, tuple[bytes, bytes | None]] = field(default_factory=dict)
    failing: bool = False

    @property
    def closed(self) -> bool:
        return any(entry.action == "close" for entry in self.log)

    def append_many(
        self, action: str, payloads: list[dict[str, Any]], *, actor: str, at: datetime
    ) -> list[Entry]:
        if self.failing:
            raise OSError(28, "No space left on device")
        made = [
            Entry(len(self.log) + n + 1, at.isoformat(), action, payload)
            for n, payload in enumerate(payloads)
        ]
        self.log += made
        return made

    def photo(self, sha256: str) -> tuple[bytes, bytes | None] | None:
        return self.photos.get(sha256)

    def add_photo(self, name: str, data: bytes, thumbnail: bytes | None) -> str:
        digest = hashlib.sha256(data).hexdigest()
        self.photos[digest] = (data, thumbnail)
        return digest


def _visit(kit: MemoryKit) -> SiteVisit:
    return SiteVisit(kit, clock=clock_on(), actor="Ana Lim", thumbnail=lambda data, name: b"jpg")


def test_serials_are_logged_then_classified_and_a_failed_write_counts_nothing() -> None:
    kit = MemoryKit(_contents())
    visit = _visit(kit)
    seen = visit.scan(["a1", " ", "Z7", "A1"])
    assert [s.kind for s in seen] == [
        SerialClass.FOUND,
        SerialClass.UNEXPECTED,
        SerialClass.DUPLICATE,
    ]
    assert seen[1].shipped_to == "MY-B"
    assert [entry.payload["serial"] for entry in kit.log] == ["a1", "Z7", "A1"]
    kit.failing = True
    with pytest.raises(OSError, match="No space"):
        visit.scan(["A2"])
    assert visit.result().found == ("a1",)  # A2 was not kept, so it is not counted
    assert len(visit.sightings()) == 3
    kit.failing = False
    assert visit.scan(["A2"])[0].kind is SerialClass.FOUND
    again = _visit(kit)  # opened again: the same state from the log alone
    assert again.result() == visit.result()


def test_answers_are_checked_and_the_sign_off_closes_the_kit() -> None:
    kit = MemoryKit(_contents())
    visit = _visit(kit)
    first = checklist()[0].id
    with pytest.raises(DomainError, match="expected one of"):
        visit.answer("no-such-item", "yes")
    with pytest.raises(DomainError, match="expected one of yes, no"):
        visit.answer(first, "maybe")
    visit.answer(first, "yes")
    visit.answer(first, "no", "badge logs missing")  # the latest answer counts
    assert visit.answers()[first]["answer"] == "no"
    with pytest.raises(DomainError, match="names"):
        visit.close("Ana Lim", "  ")
    closed = visit.close("Ana Lim", "Raj Kumar, Manager")
    assert closed["failed_items"] == [first]
    assert first not in closed["unanswered_items"]
    assert visit.closed
    assert visit.signed_off() is not None
    for act in (
        lambda: visit.scan(["A1"]),
        lambda: visit.add_photo("rack.jpg", b"x"),
        lambda: visit.answer(first, "yes"),
        lambda: visit.close("Ana Lim", "Raj Kumar"),
    ):
        with pytest.raises(DomainError, match="signed off"):
            act()
    assert len(visit.report_view().answers) == len(checklist())


def test_a_paper_found_on_site_is_genuine_by_its_code_number_or_file() -> None:
    contents = _contents().model_copy(update={"documents": (DOCUMENT,)})
    visit = _visit(MemoryKit(contents))
    for typed in ("7kq4-m2xd-9tpa", "7KQ4 M2XD 9TPA", "AIA-2026-0007"):
        check = visit.check_code(typed)
        assert check.genuine, typed
        assert "AIA-2026-0007" in check.message
    assert visit.check_file(PDF, "found.pdf").genuine
    forged = visit.check_file(PDF + b" altered", "found.pdf")
    assert not forged.genuine
    assert "found.pdf" in forged.message
    assert not visit.check_code("7KQ4-M2XD-9TPB").genuine
    assert not visit.check_code("").genuine
