"""Printed documents on a real database: numbering, the registry, verification of paper,
standing, the signed copy's return and the settings. PDFs come from a fake renderer (bytes
carrying the stamp like a footer and a QR code would), so these tests need no reportlab."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from typing import Any

import pytest
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from domain.decision import Outcome
from domain.documents import (
    AiaStatementView,
    DocumentKind,
    DocumentView,
    Signer,
    Stamp,
    Standing,
    content_hash,
)
from domain.errors import DomainError
from domain.model import (
    AiaCertification,
    CountrySetting,
    LppCertification,
    Order,
    OrderLine,
    Party,
    VeuFootprint,
)
from domain.progress import CancelToken
from domain.ruleset import load_shipped_rulesets
from domain.services import documents, records
from domain.services.documents import (
    aia_statement_view,
    aia_statements_due,
    decision_record_view,
    decisions_of_day,
    generate,
    generate_batch,
    lpp_certification_view,
    quota_report_view,
    record_signed_return,
    shipment_notice_view,
    verify_code,
    verify_pdf,
)
from domain.services.orders import cancel_order, check_order
from domain.services.settings import (
    DEFAULT_LETTERHEAD_NAME,
    document_settings,
    update_document_settings,
)
from storage.unit_of_work import SqlDatabase
from tests.integration.conftest import TickingClock
from tests.unit.builders import PRODUCTS

CATALOG = load_shipped_rulesets()
ON = date(2026, 3, 1)


class FakeRenderer:
    """Deterministic bytes shaped like a PDF: the stamp near the start (the footer) and the
    end (the QR payload), the view in between."""

    def __init__(self) -> None:
        self.rendered: list[tuple[DocumentView, Stamp]] = []

    def render(self, view: DocumentView, stamp: Stamp) -> bytes:
        self.rendered.append((view, stamp))
        footer = f"Document {stamp.number} Verification code {stamp.verification_code}"
        body = view.model_dump_json() + "." * 2000
        return f"%PDF-1.7 fake\n{footer}\n{body}\n{stamp.qr_payload}\n%%EOF\n".encode()


def extract_text(pdf: bytes) -> str:
    return pdf.decode("utf-8", errors="replace")


@pytest.fixture
def renderer() -> FakeRenderer:
    return FakeRenderer()


def seed(db: SqlDatabase) -> None:
    for product in PRODUCTS.values():
        records.add_record(db, product, actor="setup")
    for party in (
        Party(
            ref="JP1",
            name="株式会社青嶺コンピューティング",
            aliases=("Aomine Computing K.K.",),
            address="東京都江東区豊洲5-6-15",
            country="JP",
            hq_country="JP",
            role="cloud_provider",
        ),
        Party(
            ref="JP2",
            name="東雲データシステムズ株式会社",
            country="JP",
            hq_country="JP",
            parent_name="华渊控股集团有限公司",
            parent_hq_country="CN",
        ),
        Party(ref="DE1", name="Müller & Söhne GmbH", country="DE", hq_country="DE"),
        Party(ref="SG1", name="Lion City Compute", country="SG", hq_country="SG"),
    ):
        records.add_record(db, party, actor="setup")
    records.put_record(
        db,
        LppCertification(
            party_ref="SG1", year=2026, signed_on=date(2026, 1, 5), prior_receipts_tpp=1_000_000
        ),
        actor="setup",
    )
    update_document_settings(db, actor="setup", letterhead_name=SEED_LETTERHEAD)


SEED_LETTERHEAD = "Seed Exports Ltd."


def add_order(
    db: SqlDatabase, ref: str, party: str, *, product: str = "H100", quantity: int = 100
) -> None:
    records.add_record(
        db,
        Order(
            ref=ref,
            date=date(2026, 3, 5),
            consignee_ref=party,
            lines=(OrderLine(product_ref=product, quantity=quantity),),
        ),
        actor="officer",
    )


@pytest.fixture
def seeded(db: SqlDatabase) -> SqlDatabase:
    seed(db)
    return db


def aia(
    db: SqlDatabase,
    renderer: FakeRenderer,
    party: str = "JP1",
    *,
    weights_attestation: bool | None = None,
) -> tuple[Any, bytes]:
    return generate(
        db,
        renderer,
        aia_statement_view(db, CATALOG, party, on=ON, weights_attestation=weights_attestation),
        actor="officer",
    )


# -- numbering and the registry ---------------------------------------------------------------


def test_numbers_run_in_sequence_per_kind_and_year(
    seeded: SqlDatabase, renderer: FakeRenderer, clock: TickingClock
) -> None:
    add_order(seeded, "SO-1", "SG1")
    check_order(seeded, CATALOG, "SO-1", actor="officer")
    first, _ = aia(seeded, renderer)
    second, _ = aia(seeded, renderer, "DE1")
    record, _ = generate(
        seeded, renderer, decision_record_view(seeded, CATALOG, "SO-1"), actor="officer"
    )
    clock.current = datetime(2027, 1, 2, 8, 0, tzinfo=UTC)
    next_year, _ = aia(seeded, renderer)
    assert [first.number, second.number, record.number, next_year.number] == [
        "AIA-2026-0001",
        "AIA-2026-0002",
        "DR-2026-0001",
        "AIA-2027-0001",
    ]


def test_a_generated_document_is_registered_with_an_audit_entry(
    seeded: SqlDatabase, renderer: FakeRenderer
) -> None:
    document, pdf = aia(seeded, renderer)
    view, stamp = renderer.rendered[-1]
    assert stamp.number == document.number
    assert stamp.content_hash == document.content_hash == content_hash(view)
    assert stamp.verification_code == document.verification_code
    assert document.file_sha256 == hashlib.sha256(pdf).hexdigest()
    assert document.kind is DocumentKind.AIA_STATEMENT
    assert document.party_ref == "JP1"
    assert document.generated_by == "officer"
    with seeded.reader() as uow:
        assert uow.documents.get(document.number) == document
        assert uow.documents.for_party("JP1") == [document]
        entry = uow.audit.entries_for("document", document.number)[-1]
    assert entry.action == "generate"
    assert entry.after is not None
    assert entry.after["content_hash"] == document.content_hash
    assert entry.after["file_sha256"] == document.file_sha256
    assert entry.after["code"] == document.verification_code


def test_a_failed_delivery_registers_nothing(seeded: SqlDatabase, renderer: FakeRenderer) -> None:
    def disk_full(document: Any, pdf: bytes) -> None:
        raise DomainError("F.pdf: cannot write the file (No space left on device)")

    with pytest.raises(DomainError, match="No space left"):
        generate(
            seeded,
            renderer,
            aia_statement_view(seeded, CATALOG, "JP1", on=ON),
            actor="officer",
            deliver=disk_full,
        )
    with seeded.reader() as uow:
        assert list(uow.documents.all()) == []
    document, _ = aia(seeded, renderer)
    assert document.number == "AIA-2026-0001"


def test_the_registry_is_append_only(seeded: SqlDatabase, renderer: FakeRenderer) -> None:
    aia(seeded, renderer)
    with seeded.engine.connect() as connection:
        with pytest.raises(DBAPIError, match="append-only"):
            connection.execute(text("UPDATE documents SET generated_by = 'mallory'"))
        connection.rollback()
        with pytest.raises(DBAPIError, match="append-only"):
            connection.execute(text("DELETE FROM documents"))


# -- what the documents say -----------------------------------------------------------------


def test_an_aia_statement_names_the_consignee_items_and_the_rulesets_commitments(
    seeded: SqlDatabase,
) -> None:
    add_order(seeded, "SO-1", "JP1", product="HGX8", quantity=2)
    add_order(seeded, "SO-2", "JP1", product="H100", quantity=2)
    view = aia_statement_view(seeded, CATALOG, "JP1", on=ON)
    ruleset = CATALOG.in_effect_on(ON)
    assert view.consignee.name == "株式会社青嶺コンピューティング"
    assert view.consignee.aliases == ("Aomine Computing K.K.",)
    assert view.consignee.location == "Japan (JP)"
    assert view.consignee.headquarters == "Japan (JP)"
    assert view.eccns == ("3A090.a", "4A090.a")
    assert view.items_description == (
        "integrated circuits classified under ECCN 3A090.a and computers and electronic "
        "assemblies classified under ECCN 4A090.a"
    )
    assert view.commitments == ruleset.aia_certification.commitments_for(view.items_description)
    assert len(view.commitments) == 4  # (i) to (iv); (v) is the signature blocks
    assert view.opening == "株式会社青嶺コンピューティング:"
    assert view.signatures_label == "(v)"
    assert view.weights_attestation is None
    assert view.title == ruleset.aia_certification.title
    assert view.ruleset == ruleset.id
    assert view.signers == (Signer(),)
    assert view.letterhead.name == SEED_LETTERHEAD


def test_the_items_can_be_described_by_hand_with_the_signers_named(seeded: SqlDatabase) -> None:
    view = aia_statement_view(
        seeded,
        CATALOG,
        "JP1",
        on=ON,
        items_description="8-GPU servers classified under ECCN 4A090.a",
        signers=(Signer(name="青嶺 太郎", title="代表取締役"),),
    )
    assert view.eccns == ("4A090.a",)
    assert "8-GPU servers classified under ECCN 4A090.a" in view.commitments[0]
    assert view.signers[0].name == "青嶺 太郎"


@pytest.mark.parametrize(
    ("party", "why"),
    [
        ("JP2", "ultimate parent headquartered in China"),
        ("SG1", "located in Singapore"),
    ],
)
def test_a_party_not_eligible_for_aia_is_refused_a_statement(
    seeded: SqlDatabase, renderer: FakeRenderer, party: str, why: str
) -> None:
    with pytest.raises(DomainError, match=why):
        aia(seeded, renderer, party)
    with pytest.raises(DomainError, match="unknown party"):
        aia_statement_view(seeded, CATALOG, "NOPE", on=ON)
    with seeded.reader() as uow:
        assert list(uow.documents.all()) == []


def test_an_lpp_certification_states_the_limit_and_the_prior_receipts(
    seeded: SqlDatabase,
) -> None:
    view = lpp_certification_view(seeded, CATALOG, "SG1", 2026, on=ON)
    assert view.limit_tpp == CATALOG.in_effect_on(ON).lpp.limit_tpp
    assert view.prior_receipts_tpp == 1_000_000
    assert any("1,000,000 TPP" in statement for statement in view.statements)
    assert any("26,900,000 TPP" in statement for statement in view.statements)
    assert all("{" not in statement for statement in view.statements)
    blank = lpp_certification_view(seeded, CATALOG, "SG1", 2027, on=ON)
    assert blank.prior_receipts_tpp is None  # the signer fills them in; nothing is declared
    assert any(documents.BLANK in statement for statement in blank.statements)


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        ({"parent_name": "Holding", "parent_hq_country": "CN"}, "ultimate parent headquartered"),
        ({"parent_name": "Holding", "parent_hq_country": "HK"}, "treated as China"),
        ({"hq_country": "HK"}, "headquartered in Hong Kong"),
        ({"country": "MO", "hq_country": "MO"}, "located in Macau"),
    ],
)
def test_no_lpp_certification_where_the_desk_would_prohibit_every_order(
    seeded: SqlDatabase, fields: dict[str, str], why: str
) -> None:
    values = {"ref": "X1", "name": "Harbour Compute", "country": "SG", "hq_country": "SG"}
    records.add_record(seeded, Party(**(values | fields)), actor="setup")
    with pytest.raises(DomainError, match=rf"no LPP certification for X1: .*{why}.*Tier 3"):
        lpp_certification_view(seeded, CATALOG, "X1", 2026, on=ON)


def test_a_decision_record_carries_the_decision_and_its_audit_entry(
    seeded: SqlDatabase,
) -> None:
    add_order(seeded, "SO-1", "SG1", quantity=1000)
    result = check_order(seeded, CATALOG, "SO-1", actor="officer")
    assert result.recorded is not None
    view = decision_record_view(seeded, CATALOG, "SO-1")
    assert view.outcome == "Authorized"
    assert view.authorizations == ("LPP",)
    assert view.decision_id == result.recorded.id
    assert view.decision_hash == result.recorded.content_hash
    assert view.decided_by == "officer"
    assert view.lines[0].eccn == "3A090.a"
    assert view.lines[0].line_tpp == "15,832,000"
    assert view.destination == "Singapore (SG)"
    with seeded.reader() as uow:
        entry = next(item for item in uow.audit.entries() if item.action == "decide")
    assert (view.audit_seq, view.audit_hash) == (entry.seq, entry.hash)
    lpp = next(row for row in view.findings if row.code == "lpp_within_limit")
    assert "limit (TPP): 26,900,000" in lpp.figures
    assert "prior receipts (TPP): 1,000,000" in lpp.figures
    add_order(seeded, "SO-2", "SG1")
    with pytest.raises(DomainError, match="no recorded decision"):
        decision_record_view(seeded, CATALOG, "SO-2")


def test_a_shipment_notice_is_only_for_orders_shipped_under_aia(seeded: SqlDatabase) -> None:
    add_order(seeded, "SO-SG", "SG1")
    check_order(seeded, CATALOG, "SO-SG", actor="officer")
    with pytest.raises(DomainError, match="not authorized under AIA"):
        shipment_notice_view(seeded, CATALOG, "SO-SG")
    records.put_record(
        seeded, AiaCertification(party_ref="DE1", signed_on=date(2026, 2, 1)), actor="officer"
    )
    add_order(seeded, "SO-DE", "DE1", product="HGX8", quantity=3)
    check_order(seeded, CATALOG, "SO-DE", actor="officer")
    view = shipment_notice_view(seeded, CATALOG, "SO-DE")
    assert view.notice.endswith("ECCN: 4A090.a.")
    assert [line.eccn for line in view.lines] == ["4A090.a"]


def test_the_quota_report_shows_allocations_lpp_nveu_and_uveu(seeded: SqlDatabase) -> None:
    records.add_record(
        seeded,
        Party(
            ref="NV1",
            name="Ocean NVEU",
            country="IN",
            hq_country="IN",
            veu="nveu",
            veu_country="IN",
        ),
        actor="setup",
    )
    records.add_record(
        seeded,
        Party(ref="UV1", name="Halcyon Cloud", country="US", hq_country="US", veu="uveu"),
        actor="setup",
    )
    records.put_record(
        seeded, VeuFootprint(party_ref="NV1", country="IN", installed_tpp=5e7), actor="setup"
    )
    records.put_record(
        seeded, VeuFootprint(party_ref="UV1", country="US", installed_tpp=8e8), actor="setup"
    )
    records.put_record(
        seeded, VeuFootprint(party_ref="UV1", country="IN", installed_tpp=2e8), actor="setup"
    )
    records.put_record(
        seeded,
        CountrySetting(country="IN", external_allocation_used_tpp=1e8),
        actor="setup",
    )
    view = quota_report_view(seeded, CATALOG, on=date(2026, 3, 10))
    assert view.year == 2026
    assert [row.label for row in view.country_allocations] == ["India (IN)"]
    assert view.country_allocations[0].used_tpp == 1e8
    assert [row.label for row in view.lpp] == ["Lion City Compute (SG1)"]
    assert view.lpp[0].used_tpp == 1_000_000
    assert view.nveu[0].used_tpp == 5e7
    shares = {row.label: row for row in view.uveu}
    tier1 = shares["Halcyon Cloud (UV1): Tier 1 share"]
    assert tier1.used_tpp == pytest.approx(80.0)
    assert tier1.limit_tpp == pytest.approx(CATALOG.in_effect_on(ON).uveu.min_tier1_share * 100)


# -- the content hash -------------------------------------------------------------------------


def _changed(value: Any) -> Any:
    if isinstance(value, BaseModel):
        name = next(iter(type(value).model_fields))
        return value.model_copy(update={name: _changed(getattr(value, name))})
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    if isinstance(value, str):
        return "Letter" if value == "A4" else value + "."
    if isinstance(value, tuple):
        return (*value[:-1], _changed(value[-1])) if value else ("added",)
    if isinstance(value, datetime | date):
        return value.replace(year=value.year + 1)
    raise AssertionError(f"no change for {value!r}")


def test_any_change_to_what_a_document_says_changes_its_content_hash(
    seeded: SqlDatabase,
) -> None:
    add_order(seeded, "SO-1", "SG1")
    check_order(seeded, CATALOG, "SO-1", actor="officer")
    for view in (
        aia_statement_view(seeded, CATALOG, "JP1", on=ON),
        decision_record_view(seeded, CATALOG, "SO-1"),
    ):
        original = content_hash(view)
        for name in type(view).model_fields:
            value = getattr(view, name)
            if value is None:
                continue
            changed = view.model_copy(update={name: _changed(value)})
            assert content_hash(changed) != original, name
    view = aia_statement_view(seeded, CATALOG, "JP1", on=ON)
    assert isinstance(view, AiaStatementView)
    one_word = view.model_copy(
        update={
            "commitments": (*view.commitments[:2], view.commitments[2].replace("not", "")),
        }
    )
    assert content_hash(one_word) != content_hash(view)


# -- verification ---------------------------------------------------------------------------


def test_the_exact_file_verifies_as_genuine_and_current(
    seeded: SqlDatabase, renderer: FakeRenderer
) -> None:
    document, pdf = aia(seeded, renderer)
    result = verify_pdf(seeded, pdf, extract_text)
    assert result.genuine
    assert result.document == document
    assert result.standing is Standing.CURRENT
    assert document.number in result.message
    assert "No signed copy has been recorded yet" in result.message


@pytest.mark.parametrize("change", ["flip a byte in the middle", "append bytes"])
def test_a_changed_file_is_not_genuine_but_names_the_document_it_claims_to_be(
    seeded: SqlDatabase, renderer: FakeRenderer, change: str
) -> None:
    document, pdf = aia(seeded, renderer)
    if change == "append bytes":
        altered = pdf + b"\n% re-saved\n"
    else:
        middle = len(pdf) // 2
        altered = pdf[:middle] + bytes([pdf[middle] ^ 0x01]) + pdf[middle + 1 :]
    result = verify_pdf(seeded, altered, extract_text)
    assert not result.genuine
    assert result.document == document
    assert (
        f"document {document.number} exists but this file differs from the one generated: "
        "it was altered or re-saved" in result.message
    )


def test_a_file_carrying_another_documents_code_is_caught(
    seeded: SqlDatabase, renderer: FakeRenderer
) -> None:
    first, pdf = aia(seeded, renderer)
    second, _ = aia(seeded, renderer, "DE1")
    forged = pdf.replace(first.verification_code.encode(), second.verification_code.encode())
    result = verify_pdf(seeded, forged, extract_text)
    assert not result.genuine
    assert result.document == first
    assert f"({second.verification_code}) is not {first.number}'s" in result.message


def test_a_file_that_is_no_registered_document_is_not_genuine(seeded: SqlDatabase) -> None:
    result = verify_pdf(seeded, b"%PDF-1.7 an invoice\n%%EOF\n", extract_text)
    assert not result.genuine
    assert result.document is None
    assert result.standing is None
    named = verify_pdf(seeded, b"%PDF-1.7 Document AIA-2026-0042\n", extract_text)
    assert not named.genuine
    assert "AIA-2026-0042, which this desk never generated" in named.message


def test_a_file_that_cannot_be_read_is_not_genuine(seeded: SqlDatabase) -> None:
    def unreadable(pdf: bytes) -> str:
        raise DomainError("the file cannot be read as a PDF: EOF marker not found")

    result = verify_pdf(seeded, b"%PDF-1.7\n\x00garbage", unreadable)
    assert not result.genuine
    assert result.document is None
    assert "cannot be read as a PDF" in result.message
    not_pdf = verify_pdf(seeded, b"\x00garbage", unreadable)
    assert not not_pdf.genuine
    assert "is not a PDF" in not_pdf.message


@pytest.mark.parametrize(
    "typed",
    [
        lambda code: code,
        lambda code: code.lower(),
        lambda code: code.replace("-", " "),
        lambda code: code.replace("-", ""),
        lambda code: f"  {code.lower().replace('-', '')}  ",
    ],
)
def test_a_code_typed_from_paper_is_found_however_it_is_typed(
    seeded: SqlDatabase, renderer: FakeRenderer, typed: Any
) -> None:
    document, _ = aia(seeded, renderer)
    result = verify_code(seeded, typed(document.verification_code))
    assert result.genuine
    assert result.document == document
    assert result.standing is Standing.CURRENT


def test_an_unknown_or_malformed_code_is_not_genuine(
    seeded: SqlDatabase, renderer: FakeRenderer
) -> None:
    aia(seeded, renderer)
    unknown = verify_code(seeded, "AAAA-BBBB-CCCC")
    assert not unknown.genuine
    assert unknown.document is None
    short = verify_code(seeded, "ABC-123")
    assert not short.genuine
    assert "12 letters and digits" in short.message


def test_the_same_content_printed_twice_gets_two_codes(
    seeded: SqlDatabase, renderer: FakeRenderer
) -> None:
    first, _ = aia(seeded, renderer)
    second, _ = aia(seeded, renderer)
    assert first.content_hash == second.content_hash
    assert first.verification_code != second.verification_code
    assert verify_code(seeded, second.verification_code).document == second


# -- standing ---------------------------------------------------------------------------------


def test_a_statement_whose_certification_was_later_revoked_verifies_as_genuine_but_revoked(
    seeded: SqlDatabase, renderer: FakeRenderer
) -> None:
    document, pdf = aia(seeded, renderer)
    record_signed_return(
        seeded,
        document.number,
        signed_on=date(2026, 3, 2),
        signers=["Aomine Taro, CEO"],
        actor="officer",
    )
    assert verify_pdf(seeded, pdf, extract_text).standing is Standing.CURRENT
    records.put_record(
        seeded,
        AiaCertification(
            party_ref="JP1",
            signed_on=date(2026, 3, 2),
            signers=("Aomine Taro, CEO",),
            revoked_on=date(2026, 6, 30),
        ),
        actor="officer",
    )
    for result in (
        verify_pdf(seeded, pdf, extract_text),
        verify_code(seeded, document.verification_code),
    ):
        assert result.genuine
        assert result.standing is Standing.REVOKED
        assert "revoked on 2026-06-30" in result.message


def test_a_certification_entered_by_hand_after_the_statement_counts_as_its_own(
    seeded: SqlDatabase, renderer: FakeRenderer
) -> None:
    _, pdf = aia(seeded, renderer)
    records.put_record(
        seeded,
        AiaCertification(party_ref="JP1", signed_on=date(2026, 3, 4), revoked_on=date(2026, 5, 1)),
        actor="officer",
    )
    result = verify_pdf(seeded, pdf, extract_text)
    assert result.genuine
    assert result.standing is Standing.REVOKED


def test_a_decision_record_is_superseded_by_a_new_check_or_a_cancellation(
    seeded: SqlDatabase, renderer: FakeRenderer
) -> None:
    add_order(seeded, "SO-1", "SG1")
    add_order(seeded, "SO-2", "SG1")
    for ref in ("SO-1", "SO-2"):
        check_order(seeded, CATALOG, ref, actor="officer")
    _, first_pdf = generate(
        seeded, renderer, decision_record_view(seeded, CATALOG, "SO-1"), actor="o"
    )
    second, _ = generate(seeded, renderer, decision_record_view(seeded, CATALOG, "SO-2"), actor="o")
    assert verify_pdf(seeded, first_pdf, extract_text).standing is Standing.CURRENT
    check_order(seeded, CATALOG, "SO-1", actor="officer")
    cancel_order(seeded, "SO-2", actor="officer")
    superseded = verify_pdf(seeded, first_pdf, extract_text)
    assert superseded.genuine
    assert superseded.standing is Standing.SUPERSEDED
    assert "decided again" in superseded.message
    cancelled = verify_code(seeded, second.verification_code)
    assert cancelled.standing is Standing.SUPERSEDED
    assert "cancelled" in cancelled.message


# -- the signed copy comes back ---------------------------------------------------------------


def test_the_signed_return_records_the_aia_certification_and_a_held_order_then_ships(
    seeded: SqlDatabase, renderer: FakeRenderer
) -> None:
    add_order(seeded, "SO-JP", "JP1")
    held = check_order(seeded, CATALOG, "SO-JP", actor="officer")
    assert held.decision.outcome is Outcome.HOLD
    assert "aia_certification_missing" in held.decision.codes()
    document, _ = aia(seeded, renderer, weights_attestation=True)
    assert document.attests_weights_storage
    returned = record_signed_return(
        seeded,
        document.number,
        signed_on=date(2026, 3, 2),
        signers=["青嶺 太郎, 代表取締役", "Hanako Sato, Compliance Officer"],
        weights_storage_attested=True,
        actor="officer",
    )
    assert returned.signed_on == date(2026, 3, 2)
    assert returned.signed_by == ("青嶺 太郎, 代表取締役", "Hanako Sato, Compliance Officer")
    with seeded.reader() as uow:
        (certification,) = uow.paperwork.aia_certifications("JP1")
        actions = [entry.action for entry in uow.audit.entries_for("document", document.number)]
    assert certification.signed_on == date(2026, 3, 2)
    assert certification.signers == returned.signed_by
    assert certification.weights_storage_attested
    assert actions == ["generate", "return"]
    rechecked = check_order(seeded, CATALOG, "SO-JP", actor="officer")
    assert rechecked.decision.outcome is Outcome.AUTHORIZED
    assert rechecked.decision.authorizations == ("AIA",)
    with pytest.raises(DomainError, match="already recorded"):
        record_signed_return(
            seeded, document.number, signed_on=date(2026, 3, 2), signers=["X"], actor="o"
        )


def test_a_return_keeps_what_was_entered_for_a_certification_of_the_same_day(
    seeded: SqlDatabase, renderer: FakeRenderer
) -> None:
    document, _ = aia(seeded, renderer)
    records.put_record(
        seeded,
        AiaCertification(
            party_ref="JP1", signed_on=date(2026, 3, 2), submitted_to_bis_on=date(2026, 3, 2)
        ),
        actor="officer",
    )
    record_signed_return(
        seeded, document.number, signed_on=date(2026, 3, 2), signers=["A. Person, CEO"], actor="o"
    )
    with seeded.reader() as uow:
        (certification,) = uow.paperwork.aia_certifications("JP1")
    assert certification.submitted_to_bis_on == date(2026, 3, 2)
    assert certification.signers == ("A. Person, CEO",)


def test_a_return_is_refused_when_it_cannot_be_right(
    seeded: SqlDatabase, renderer: FakeRenderer
) -> None:
    document, _ = aia(seeded, renderer)
    with pytest.raises(DomainError, match="unknown document"):
        record_signed_return(seeded, "AIA-2026-9999", signed_on=ON, signers=["A"], actor="o")
    with pytest.raises(DomainError, match="cannot have been signed on 2026-01-01"):
        record_signed_return(
            seeded, document.number, signed_on=date(2026, 1, 1), signers=["A"], actor="o"
        )
    with pytest.raises(DomainError, match="at least one signer"):
        record_signed_return(seeded, document.number, signed_on=ON, signers=[" "], actor="o")
    add_order(seeded, "SO-1", "SG1")
    check_order(seeded, CATALOG, "SO-1", actor="officer")
    record, _ = generate(seeded, renderer, decision_record_view(seeded, CATALOG, "SO-1"), actor="o")
    with pytest.raises(DomainError, match="only AIA statements and LPP certifications"):
        record_signed_return(seeded, record.number, signed_on=ON, signers=["A"], actor="o")
    with seeded.reader() as uow:
        assert uow.paperwork.aia_certifications("JP1") == []


def test_the_signed_return_of_an_lpp_certification_records_it_with_the_prior_receipts(
    seeded: SqlDatabase, renderer: FakeRenderer
) -> None:
    document, _ = generate(
        seeded,
        renderer,
        lpp_certification_view(seeded, CATALOG, "SG1", 2027, on=ON),
        actor="officer",
    )
    assert document.number == "LPP-2026-0001"
    assert document.year == 2027
    with pytest.raises(DomainError, match="give the prior receipts"):
        record_signed_return(seeded, document.number, signed_on=ON, signers=["Tan, CEO"], actor="o")
    record_signed_return(
        seeded,
        document.number,
        signed_on=date(2026, 3, 2),
        signers=["Tan Wei Ling, Director"],
        prior_receipts_tpp=2_500_000,
        actor="officer",
    )
    with seeded.reader() as uow:
        certification = uow.paperwork.lpp_certification("SG1", 2027)
    assert certification is not None
    assert certification.prior_receipts_tpp == 2_500_000
    assert certification.signer == "Tan Wei Ling, Director"


# -- batches ----------------------------------------------------------------------------------


def test_the_aia_statements_due_are_for_eligible_consignees_without_a_certification(
    seeded: SqlDatabase, renderer: FakeRenderer
) -> None:
    add_order(seeded, "SO-JP1", "JP1")
    add_order(seeded, "SO-JP2", "JP2")
    add_order(seeded, "SO-DE", "DE1")
    add_order(seeded, "SO-SG", "SG1")
    add_order(seeded, "SO-JP1-B", "JP1", product="B1")
    records.put_record(
        seeded, AiaCertification(party_ref="DE1", signed_on=date(2026, 2, 1)), actor="officer"
    )
    assert aia_statements_due(seeded, CATALOG, on=ON) == ["JP1"]
    token = CancelToken()
    seen: list[tuple[int, int, str]] = []
    result = generate_batch(
        seeded,
        CATALOG,
        renderer,
        kind=DocumentKind.AIA_STATEMENT,
        subjects=["JP1", "JP2"],
        on=ON,
        actor="officer",
        progress=lambda done, total, label: seen.append((done, total, label)),
        cancel=token,
    )
    assert [document.number for document in result.documents] == ["AIA-2026-0001"]
    assert "JP2" in result.errors
    assert not result.cancelled
    assert seen == [(0, 2, ""), (1, 2, "JP1"), (2, 2, "JP2")]
    # Out for signature now: not due again until it comes back (or asked for).
    assert aia_statements_due(seeded, CATALOG, on=ON) == []
    assert aia_statements_due(seeded, CATALOG, on=ON, include_outstanding=True) == ["JP1"]


def test_a_batch_of_the_days_decision_records_stops_when_cancelled_keeping_what_it_made(
    seeded: SqlDatabase, renderer: FakeRenderer, clock: TickingClock
) -> None:
    for ref in ("SO-1", "SO-2", "SO-3"):
        add_order(seeded, ref, "SG1", quantity=10)
        check_order(seeded, CATALOG, ref, actor="officer")
    clock.current = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    add_order(seeded, "SO-4", "SG1", quantity=10)
    check_order(seeded, CATALOG, "SO-4", actor="officer")
    assert decisions_of_day(seeded, date(2026, 3, 1)) == ["SO-1", "SO-2", "SO-3"]
    assert decisions_of_day(seeded, date(2026, 3, 2)) == ["SO-4"]
    token = CancelToken()

    def progress(done: int, total: int, label: str) -> None:
        if done == 2:
            token.cancel()

    result = generate_batch(
        seeded,
        CATALOG,
        renderer,
        kind=DocumentKind.DECISION_RECORD,
        subjects=decisions_of_day(seeded, date(2026, 3, 1)),
        on=ON,
        actor="officer",
        progress=progress,
        cancel=token,
    )
    assert result.cancelled
    assert [document.order_ref for document in result.documents] == ["SO-1", "SO-2"]
    with seeded.reader() as uow:
        assert [document.number for document in uow.documents.all()] == [
            "DR-2026-0001",
            "DR-2026-0002",
        ]


def test_generate_refuses_a_view_of_another_kind(
    seeded: SqlDatabase, renderer: FakeRenderer
) -> None:
    view = aia_statement_view(seeded, CATALOG, "JP1", on=ON)
    with pytest.raises(DomainError, match="not a Decision record"):
        generate(seeded, renderer, view, kind=DocumentKind.DECISION_RECORD, actor="o")
    with pytest.raises(DomainError, match="about party 'JP1', not 'DE1'"):
        generate(
            seeded, renderer, view, kind=DocumentKind.AIA_STATEMENT, party_ref="DE1", actor="o"
        )


# -- settings -------------------------------------------------------------------------------


def test_the_letterhead_and_page_size_are_kept_audited_and_printed(
    seeded: SqlDatabase,
) -> None:
    update_document_settings(seeded, actor="officer", letterhead_name="")  # back to default
    defaults = document_settings(seeded)
    assert defaults.letterhead.name == DEFAULT_LETTERHEAD_NAME
    assert defaults.page_size == "A4"
    changed = update_document_settings(
        seeded,
        actor="officer",
        letterhead_name="Diffusion Exports, Inc.",
        letterhead_address=["1 Main Street", "Springfield, VA 22150", "United States"],
        letterhead_contact="export.compliance@example.com · +1 555 0100",
        page_size="letter",
    )
    assert changed.letterhead.address_lines == (
        "1 Main Street",
        "Springfield, VA 22150",
        "United States",
    )
    assert changed.page_size == "Letter"
    assert document_settings(seeded) == changed
    view = aia_statement_view(seeded, CATALOG, "JP1", on=ON)
    assert view.letterhead == changed.letterhead
    assert view.page_size == "Letter"
    again = update_document_settings(seeded, actor="officer", page_size="Letter")
    assert again == changed
    with seeded.reader() as uow:
        entries = uow.audit.entries_for("settings", "documents")
    assert len(entries) == 3  # the seed's letterhead, back to default, the change
    assert entries[-1].after is not None
    assert entries[-1].after["page_size"] == "Letter"
    with pytest.raises(DomainError, match="unknown page size"):
        update_document_settings(seeded, actor="officer", page_size="A3")


# -- the AIA statement as the regulation words it ----------------------------------------------


def test_a_description_of_the_items_without_an_eccn_is_refused(seeded: SqlDatabase) -> None:
    with pytest.raises(DomainError, match=r"names no ECCN.*applicable ECCNs"):
        aia_statement_view(seeded, CATALOG, "JP1", on=ON, items_description="GPU servers")


def test_model_weights_among_the_items_add_the_storage_attestation(seeded: SqlDatabase) -> None:
    add_order(seeded, "SO-W", "JP1", product="W", quantity=1)
    view = aia_statement_view(seeded, CATALOG, "JP1", on=ON)
    assert "4E091" in view.eccns
    assert view.weights_attestation is not None
    assert view.weights_attestation.label.startswith("Exporter's form")
    assert "株式会社青嶺コンピューティング" in view.weights_attestation.text
    assert "Supplement No. 10 to Part 748" in view.weights_attestation.text
    plain = aia_statement_view(seeded, CATALOG, "DE1", on=ON)
    assert plain.weights_attestation is None
    asked = aia_statement_view(seeded, CATALOG, "DE1", on=ON, weights_attestation=True)
    assert asked.weights_attestation is not None


def test_a_returned_statement_attests_storage_only_if_it_carried_the_attestation(
    seeded: SqlDatabase, renderer: FakeRenderer
) -> None:
    plain, _ = aia(seeded, renderer)
    assert not plain.attests_weights_storage
    with pytest.raises(DomainError, match="did not carry the model-weight storage attestation"):
        record_signed_return(
            seeded,
            plain.number,
            signed_on=date(2026, 3, 2),
            signers=["青嶺 太郎"],
            weights_storage_attested=True,
            actor="officer",
        )
    with seeded.reader() as uow:
        assert uow.paperwork.aia_certifications("JP1") == []  # nothing written
    with_attestation, _ = aia(seeded, renderer, weights_attestation=True)
    record_signed_return(
        seeded,
        with_attestation.number,
        signed_on=date(2026, 3, 2),
        signers=["青嶺 太郎"],
        weights_storage_attested=True,
        actor="officer",
    )
    with seeded.reader() as uow:
        (certification,) = uow.paperwork.aia_certifications("JP1")
        assert uow.documents.get(with_attestation.number).attests_weights_storage  # type: ignore[union-attr]
    assert certification.weights_storage_attested


def test_a_name_no_font_prints_registers_no_document(seeded: SqlDatabase) -> None:
    from reports.renderer import PdfRenderer

    records.add_record(
        seeded,
        Party(ref="X9", name="𐕰𐕱𐕲 Holdings", country="DE", hq_country="DE"),
        actor="setup",
    )
    with pytest.raises(DomainError, match=r"nothing was registered.*consignee\.name \(Vithkuqi"):
        generate(
            seeded, PdfRenderer(), aia_statement_view(seeded, CATALOG, "X9", on=ON), actor="officer"
        )
    with seeded.reader() as uow:
        assert list(uow.documents.all()) == []


def test_rendering_holds_no_write_lock_and_a_number_taken_meanwhile_is_not_reused(
    seeded: SqlDatabase,
) -> None:
    import threading

    class BusyRenderer(FakeRenderer):
        """While rendering, another desk records an order and registers a statement."""

        def __init__(self) -> None:
            super().__init__()
            self.wrote_meanwhile = False

        def render(self, view: DocumentView, stamp: Stamp) -> bytes:
            if not self.rendered:

                def other_desk() -> None:
                    add_order(seeded, "SO-MEANWHILE", "SG1")
                    generate(
                        seeded,
                        FakeRenderer(),
                        aia_statement_view(seeded, CATALOG, "DE1", on=ON),
                        actor="other",
                    )
                    self.wrote_meanwhile = True

                worker = threading.Thread(target=other_desk)
                worker.start()
                worker.join(timeout=20)
            return super().render(view, stamp)

    renderer = BusyRenderer()
    document, _ = aia(seeded, renderer)
    assert renderer.wrote_meanwhile  # the other desk was not kept waiting by the rendering
    assert document.number == "AIA-2026-0002"  # 0001 went to the other desk meanwhile
    assert len(renderer.rendered) == 2  # rendered again with the next number
    with seeded.reader() as uow:
        assert [item.number for item in uow.documents.all()] == ["AIA-2026-0001", "AIA-2026-0002"]
