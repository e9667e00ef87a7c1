"""Records on a real database: checks, supersession, cancellation, standing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from domain.decision import Ledger, Outcome
from domain.errors import DomainError
from domain.model import (
    AiaCertification,
    CountrySetting,
    License,
    LppCertification,
    Order,
    OrderLine,
    Party,
    RedFlagResolution,
    VeuFootprint,
)
from domain.ports import OrderStatus
from domain.ruleset import load_shipped_rulesets
from domain.services import records
from domain.services.orders import cancel_order, check_order, check_pending
from domain.services.standing import party_standing
from domain.services.verification import verify_records
from storage.unit_of_work import SqlDatabase
from tests.unit.builders import PRODUCTS

CATALOG = load_shipped_rulesets()
H100 = Decimal(15_832)


def seed(db: SqlDatabase) -> None:
    for product in PRODUCTS.values():
        records.add_record(db, product, actor="setup")
    records.add_record(
        db, Party(ref="SG1", name="Lion City Compute", country="SG", hq_country="SG"), actor="setup"
    )
    records.add_record(
        db,
        Party(ref="DE1", name="Rhein Rechenzentrum GmbH", country="DE", hq_country="DE"),
        actor="setup",
    )
    records.put_record(
        db, LppCertification(party_ref="SG1", year=2026, signed_on=date(2026, 1, 5)), actor="setup"
    )


def order(
    ref: str, quantity: int, *, party: str = "SG1", day: int = 2, product: str = "H100"
) -> Order:
    return Order(
        ref=ref,
        date=date(2026, 3, day),
        consignee_ref=party,
        lines=(OrderLine(product_ref=product, quantity=quantity),),
    )


def test_a_check_records_the_decision_its_consumption_and_an_audit_entry(db: SqlDatabase) -> None:
    seed(db)
    records.add_record(db, order("SO-1", 1000), actor="officer")
    result = check_order(db, CATALOG, "SO-1", actor="officer")
    assert result.decision.outcome is Outcome.AUTHORIZED
    assert result.recorded is not None
    with db.reader() as uow:
        assert uow.ledger.lpp_used("SG1", 2026) == 1000 * H100
        history = uow.decisions.history("SO-1")
        assert [item.decision.outcome for item in history] == [Outcome.AUTHORIZED]
        assert history[0].decided_by == "officer"
        entries = list(uow.audit.entries())
    assert entries[-1].action == "decide"
    assert entries[-1].after is not None
    assert entries[-1].after["content_hash"] == result.recorded.content_hash


def test_a_dry_run_records_nothing(db: SqlDatabase) -> None:
    seed(db)
    records.add_record(db, order("SO-1", 10), actor="officer")
    with db.reader() as uow:
        before = uow.audit.count()
    result = check_order(db, CATALOG, "SO-1", actor="officer", dry_run=True)
    assert result.decision.outcome is Outcome.AUTHORIZED
    assert not result.is_recorded
    with db.reader() as uow:
        assert uow.audit.count() == before
        assert uow.decisions.latest("SO-1") is None
        assert uow.ledger.lpp_used("SG1", 2026) == 0
        assert uow.orders.pending_refs() == ["SO-1"]


def test_the_limit_counts_earlier_recorded_shipments(db: SqlDatabase) -> None:
    seed(db)
    records.add_record(db, order("SO-1", 1000), actor="officer")
    records.add_record(db, order("SO-2", 699, day=3), actor="officer")
    records.add_record(db, order("SO-3", 1, day=4), actor="officer")
    assert check_order(db, CATALOG, "SO-1", actor="o").decision.outcome is Outcome.AUTHORIZED
    assert check_order(db, CATALOG, "SO-2", actor="o").decision.outcome is Outcome.AUTHORIZED
    third = check_order(db, CATALOG, "SO-3", actor="o").decision
    assert third.outcome is Outcome.LICENSE_REQUIRED
    assert third.finding("lpp_limit_exceeded").figures["earlier_shipments_tpp"] == 1699 * H100


def test_a_new_check_supersedes_and_does_not_count_the_order_twice(db: SqlDatabase) -> None:
    seed(db)
    records.add_record(db, order("SO-1", 1699), actor="officer")
    first = check_order(db, CATALOG, "SO-1", actor="o")
    second = check_order(db, CATALOG, "SO-1", actor="o")
    assert second.decision.outcome is Outcome.AUTHORIZED
    assert second.recorded is not None
    assert first.recorded is not None
    assert second.recorded.supersedes == first.recorded.id
    with db.reader() as uow:
        assert uow.ledger.lpp_used("SG1", 2026) == 1699 * H100
        history = uow.decisions.history("SO-1")
    assert [item.released for item in history] == [True, False]
    assert verify_records(db).intact


def test_cancelling_releases_the_quota_and_keeps_the_history(db: SqlDatabase) -> None:
    seed(db)
    records.add_record(db, order("SO-1", 1699), actor="officer")
    records.add_record(db, order("SO-2", 10, day=5), actor="officer")
    check_order(db, CATALOG, "SO-1", actor="o")
    assert check_order(db, CATALOG, "SO-2", actor="o", dry_run=True).decision.outcome is (
        Outcome.LICENSE_REQUIRED
    )
    released = cancel_order(db, "SO-1", actor="o")
    assert [(item.ledger, item.tpp) for item in released] == [(Ledger.LPP, 1699 * H100)]
    assert check_order(db, CATALOG, "SO-2", actor="o").decision.outcome is Outcome.AUTHORIZED
    with db.reader() as uow:
        stored = uow.orders.get("SO-1")
        assert stored is not None
        assert stored.status is OrderStatus.CANCELLED
        assert len(uow.decisions.history("SO-1")) == 1
    with pytest.raises(DomainError, match="already cancelled"):
        cancel_order(db, "SO-1", actor="o")
    with pytest.raises(DomainError, match="cancelled"):
        check_order(db, CATALOG, "SO-1", actor="o")
    assert verify_records(db).intact


def test_licence_use_and_country_allocation_are_recorded(db: SqlDatabase) -> None:
    seed(db)
    records.add_record(
        db,
        Party(
            ref="MY1",
            name="Straits Distribution",
            country="MY",
            hq_country="MY",
            role="distributor",
        ),
        actor="setup",
    )
    records.add_record(
        db,
        License(
            number="D-123",
            party_ref="MY1",
            destination="MY",
            covers="a_level",
            tpp=50_000_000,
            valid_from=date(2025, 6, 1),
            valid_to=date(2027, 5, 31),
        ),
        actor="setup",
    )
    records.put_record(
        db, CountrySetting(country="MY", external_allocation_used_tpp=100_000_000), actor="setup"
    )
    records.add_record(db, order("SO-9", 2000, party="MY1"), actor="officer")
    decision = check_order(db, CATALOG, "SO-9", actor="o").decision
    assert decision.authorizations[0].value == "LICENSE"
    standing = party_standing(db, CATALOG, "MY1", on=date(2026, 3, 3))
    assert standing.licenses[0].used_tpp == 2000 * H100
    with db.reader() as uow:
        setting = uow.paperwork.country_setting("MY")
    assert setting is not None
    assert setting.our_allocation_used_tpp == 2000 * H100
    assert setting.allocation_used_tpp == 100_000_000 + 2000 * H100


def test_an_aia_certification_turns_a_held_order_into_an_authorized_one(db: SqlDatabase) -> None:
    seed(db)
    records.add_record(db, order("SO-5", 2000, party="DE1"), actor="officer")
    assert check_order(db, CATALOG, "SO-5", actor="o").decision.outcome is Outcome.HOLD
    records.put_record(
        db,
        AiaCertification(party_ref="DE1", signed_on=date(2026, 2, 1), signers=("Dr. Jörg Müller",)),
        actor="o",
    )
    again = check_order(db, CATALOG, "SO-5", actor="o").decision
    assert (again.outcome, again.authorizations[0].value) == (Outcome.AUTHORIZED, "AIA")
    assert party_standing(db, CATALOG, "DE1", on=date(2026, 3, 3)).aia.cumulative_tpp == 2000 * H100


def test_a_red_flag_28_resolution_releases_the_hold(db: SqlDatabase) -> None:
    seed(db)
    records.add_record(db, order("SO-7", 1, product="TRAIN"), actor="officer")
    assert check_order(db, CATALOG, "SO-7", actor="o").decision.outcome is Outcome.HOLD
    records.resolve_red_flag_28(
        db,
        "SO-7",
        RedFlagResolution(
            resolved_on=date(2026, 3, 3), resolved_by="A. Officer", note="Model owner verified"
        ),
        actor="o",
    )
    assert (
        check_order(db, CATALOG, "SO-7", actor="o").decision.outcome is Outcome.NO_LICENSE_REQUIRED
    )


def test_uveu_shipments_grow_the_footprint(db: SqlDatabase) -> None:
    seed(db)
    records.add_record(
        db,
        Party(
            ref="CLOUD",
            name="Stratus Cloud Inc.",
            country="US",
            hq_country="US",
            role="cloud_provider",
            veu="uveu",
            veu_id="UVEU-1",
        ),
        actor="setup",
    )
    for country, tpp in {"US": 900e6, "DE": 100e6}.items():
        records.put_record(
            db, VeuFootprint(party_ref="CLOUD", country=country, installed_tpp=tpp), actor="s"
        )
    records.add_record(
        db,
        Order(
            ref="SO-U",
            date=date(2026, 3, 2),
            consignee_ref="CLOUD",
            destination="SG",
            lines=(OrderLine(product_ref="H100", quantity=1000),),
        ),
        actor="o",
    )
    assert check_order(db, CATALOG, "SO-U", actor="o").decision.authorizations[0].value == "UVEU"
    veu = party_standing(db, CATALOG, "CLOUD", on=date(2026, 3, 3)).veu
    assert veu is not None
    assert {share.country: share.installed_tpp for share in veu.shares}["SG"] == 1000 * H100


def test_check_pending_decides_oldest_first_and_reports_progress(db: SqlDatabase) -> None:
    seed(db)
    for number in range(5):
        records.add_record(db, order(f"SO-{number}", 400, day=10 - number), actor="officer")
    seen: list[tuple[int, int, str]] = []
    summary = check_pending(
        db,
        CATALOG,
        actor="o",
        progress=lambda done, total, label: seen.append((done, total, label)),
    )
    assert summary.checked == 5
    assert summary.outcomes["authorized"] == 4
    assert summary.outcomes["license_required"] == 1
    assert [label for _, _, label in seen[1:]] == ["SO-4", "SO-3", "SO-2", "SO-1", "SO-0"]
    with db.reader() as uow:
        assert uow.orders.pending_refs() == []


def test_duplicate_and_unknown_records_are_refused(db: SqlDatabase) -> None:
    seed(db)
    with pytest.raises(DomainError, match="already exists"):
        records.add_record(
            db, Party(ref="SG1", name="Again", country="SG", hq_country="SG"), actor="o"
        )
    with pytest.raises(DomainError, match="unknown party"):
        records.add_record(db, order("SO-X", 1, party="NOBODY"), actor="o")
    with pytest.raises(DomainError, match="unknown order"):
        check_order(db, CATALOG, "SO-NONE", actor="o")


def test_edits_write_before_and_after_to_the_audit_log(db: SqlDatabase) -> None:
    seed(db)
    renamed = Party(ref="SG1", name="Lion City Compute Pte. Ltd.", country="SG", hq_country="SG")
    records.update_record(db, renamed, actor="maria")
    with db.reader() as uow:
        last, seal = list(uow.audit.entries())[-2:]
    assert (seal.action, seal.entity) == ("seal", "record")
    assert (last.action, last.entity, last.entity_ref, last.actor) == (
        "update",
        "party",
        "SG1",
        "maria",
    )
    assert last.before is not None
    assert last.after is not None
    assert (last.before["name"], last.after["name"]) == ("Lion City Compute", renamed.name)


def test_an_order_decided_meanwhile_by_another_officer_is_skipped(db: SqlDatabase) -> None:
    seed(db)
    for number in range(3):
        records.add_record(db, order(f"SO-{number}", 10, day=2 + number), actor="officer")

    def meanwhile(done: int, total: int, label: str) -> None:
        if done == 0:  # the batch has listed its queue; a colleague decides one order
            check_order(db, CATALOG, "SO-2", actor="colleague")

    summary = check_pending(db, CATALOG, actor="officer", progress=meanwhile)
    assert (summary.checked, summary.skipped, summary.errors) == (2, 1, {})
    with db.reader() as uow:
        history = uow.decisions.history("SO-2")
    assert [item.decided_by for item in history] == ["colleague"]


def test_rechecking_an_nveu_order_never_counts_later_shipments_against_its_quarters_cap(
    db: SqlDatabase,
) -> None:
    for product in PRODUCTS.values():
        records.add_record(db, product, actor="setup")
    holder = Party(
        ref="AE-DC",
        name="Gulf Data Centers",
        country="AE",
        hq_country="AE",
        role="datacenter_operator",
        veu="nveu",
        veu_country="AE",
        veu_id="NVEU-7",
    )
    records.add_record(db, holder, actor="setup")

    def nveu_order(ref: str, day: date, quantity: int) -> Order:
        return Order(
            ref=ref,
            date=day,
            consignee_ref="AE-DC",
            lines=(OrderLine(product_ref="H100", quantity=quantity),),
        )

    records.add_record(db, nveu_order("SO-Q1", date(2025, 2, 10), 30_000), actor="officer")
    first = check_order(db, CATALOG, "SO-Q1", actor="officer")
    assert first.decision.authorizations == ("NVEU",)
    records.add_record(db, nveu_order("SO-MAY", date(2025, 5, 12), 25_000), actor="officer")
    may = check_order(db, CATALOG, "SO-MAY", actor="officer")
    assert may.decision.authorizations == ("NVEU",)  # 870.8M within the 2025 Q2 cap

    again = check_order(db, CATALOG, "SO-Q1", actor="officer")
    assert again.decision.outcome is Outcome.AUTHORIZED
    finding = again.decision.finding("nveu_within_cap")
    assert finding.figures["quarter"] == "2025 Q1"
    assert finding.figures["installed_tpp"] == 0.0  # the May shipment is later: not counted
    with db.reader() as uow:
        assert uow.ledger.veu_shipped("AE-DC", on=date(2025, 3, 1)) == {"AE": 30_000 * H100}
        assert uow.ledger.veu_shipped("AE-DC") == {"AE": 55_000 * H100}
    standing = party_standing(db, CATALOG, "AE-DC", on=date(2025, 6, 1))
    assert standing.veu is not None
    assert standing.veu.min_tier1_share is None  # the 75 % minimum is a UVEU limit only
    assert standing.veu.nveu_installed_tpp == 55_000 * H100
