"""The read side behind the window's tables: filters over the stored orders and audit log."""

from __future__ import annotations

from datetime import date

import pytest

from domain.demo import build_demo_dataset
from domain.queries import PENDING, AuditFilter, OrderFilter
from domain.ruleset import load_shipped_rulesets
from domain.services.demo_load import load_demo
from domain.services.orders import cancel_order, check_order, check_pending
from storage.queries import SqlDeskQueries
from storage.unit_of_work import SqlDatabase

CATALOG = load_shipped_rulesets()


@pytest.fixture
def demo(db: SqlDatabase) -> tuple[SqlDatabase, SqlDeskQueries]:
    load_demo(db, build_demo_dataset(), actor="demo")
    return db, SqlDeskQueries(db.engine)


def test_every_order_is_listed_newest_first(demo: tuple[SqlDatabase, SqlDeskQueries]) -> None:
    _db, queries = demo
    ids = queries.order_ids(OrderFilter())
    assert len(ids) == queries.order_count() == len(build_demo_dataset().orders)
    rows = queries.order_summaries(ids[:50])
    assert [row.id for row in rows] == list(ids[:50])
    dates = [row.date for row in rows]
    assert dates == sorted(dates, reverse=True)


def test_outcome_filters_follow_the_latest_decision(
    demo: tuple[SqlDatabase, SqlDeskQueries],
) -> None:
    db, queries = demo
    assert len(queries.order_ids(OrderFilter(outcomes=frozenset({PENDING})))) == 391
    check_pending(db, CATALOG, actor="officer")
    assert queries.order_ids(OrderFilter(outcomes=frozenset({PENDING}))) == []
    held = queries.order_summaries(queries.order_ids(OrderFilter(outcomes=frozenset({"hold"}))))
    assert held
    assert {row.outcome for row in held} == {"hold"}
    counts = queries.outcome_counts()
    assert sum(counts.values()) == 391
    assert counts["prohibited"] == 10


def test_text_party_date_and_destination_filters(demo: tuple[SqlDatabase, SqlDeskQueries]) -> None:
    _db, queries = demo
    one = queries.order_summaries(queries.order_ids(OrderFilter()))[0]
    by_ref = queries.order_ids(OrderFilter(text=one.ref.lower()))
    assert one.id in by_ref
    by_party = queries.order_summaries(queries.order_ids(OrderFilter(party_ref=one.consignee_ref)))
    assert by_party
    assert all(
        one.consignee_ref == row.consignee_ref for row in by_party if row.end_user_ref is None
    )
    in_2025 = queries.order_summaries(
        queries.order_ids(OrderFilter(date_from=date(2025, 1, 1), date_to=date(2025, 12, 31)))
    )
    assert in_2025
    assert all(row.date.year == 2025 for row in in_2025)
    tier1 = CATALOG.versions[-1].tiers.tier1
    to_tier1 = queries.order_summaries(
        queries.order_ids(OrderFilter(destinations=frozenset(tier1)))
    )
    assert to_tier1
    assert all(row.destination in tier1 for row in to_tier1)
    elsewhere = queries.order_ids(OrderFilter(exclude_destinations=frozenset(tier1)))
    assert len(elsewhere) + len(to_tier1) == 391


def test_cancelled_orders_can_be_left_out(demo: tuple[SqlDatabase, SqlDeskQueries]) -> None:
    db, queries = demo
    first = queries.order_summaries(queries.order_ids(OrderFilter()))[-1]
    check_order(db, CATALOG, first.ref, actor="o")
    cancel_order(db, first.ref, actor="o")
    assert first.id not in queries.order_ids(OrderFilter(include_cancelled=False))
    assert queries.order_summaries([first.id])[0].status == "cancelled"


def test_audit_entries_filter_by_text_and_date(demo: tuple[SqlDatabase, SqlDeskQueries]) -> None:
    _db, queries = demo
    every = queries.audit_seqs(AuditFilter())
    assert every == sorted(every, reverse=True)
    parties = queries.audit_seqs(AuditFilter(entity="party"))
    assert len(parties) == 40
    summaries = queries.audit_summaries(parties[:3])
    assert {row.entity for row in summaries} == {"party"}
    day = summaries[0].at.date()
    assert queries.audit_seqs(AuditFilter(date_from=day, date_to=day))
    assert queries.audit_seqs(AuditFilter(date_to=date(2020, 1, 1))) == []


def test_party_summaries_search_names_and_aliases(demo: tuple[SqlDatabase, SqlDeskQueries]) -> None:
    _, queries = demo
    everyone = queries.party_summaries()
    assert len(everyone) == 40
    some = everyone[0]
    assert some in queries.party_summaries(some.name[:6])
