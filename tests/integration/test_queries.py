"""The read side behind the window's tables: filters over the stored orders and audit log."""

from __future__ import annotations

from datetime import date

import pytest

from domain.demo import build_demo_dataset
from domain.ports import OrderStatus
from domain.queries import PENDING, AuditFilter, OrderFilter, OrderSort
from domain.ruleset import load_shipped_rulesets
from domain.services.demo_load import load_demo
from domain.services.orders import cancel_order, check_order, check_pending
from domain.services.records import update_record
from domain.text import fold
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
    assert first.id not in queries.order_ids(OrderFilter(status=OrderStatus.OPEN))
    assert queries.order_ids(OrderFilter(status=OrderStatus.CANCELLED)) == [first.id]
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


def _refs(queries: SqlDeskQueries, text: str) -> set[str]:
    return {row.ref for row in queries.order_summaries(queries.order_ids(OrderFilter(text=text)))}


def _consignees(queries: SqlDeskQueries, text: str) -> set[str]:
    found = queries.order_summaries(queries.order_ids(OrderFilter(text=text)))
    return {row.consignee_ref for row in found}


def test_search_ignores_case_and_accents(demo: tuple[SqlDatabase, SqlDeskQueries]) -> None:
    _db, queries = demo
    muller = _consignees(queries, "muller")
    assert "DE-MUELLER" in muller
    assert _consignees(queries, "MÜLLER") == muller
    assert _consignees(queries, "mueller & soehne") >= {"DE-MUELLER"}  # as written without umlauts
    assert "DE-MUELLER" in _consignees(queries, "söhne rechenzentren")
    assert "PL-WISLA" in _consignees(queries, "obliczen wisla")
    assert "TR-ANATOLIA" in _consignees(queries, "yapay zeka")
    names = {row.ref for row in queries.party_summaries("muller")}
    assert names == {"DE-MUELLER"}
    assert {row.ref for row in queries.party_summaries("Obliczeń")} == {"PL-WISLA"}


def test_search_finds_a_fragment_of_an_order_ref(demo: tuple[SqlDatabase, SqlDeskQueries]) -> None:
    _db, queries = demo
    every = queries.order_summaries(queries.order_ids(OrderFilter()))
    target = every[len(every) // 2]
    middle = target.ref[3:-1]
    expected = {row.ref for row in every if middle.casefold() in row.ref.casefold()}
    assert target.ref in expected
    assert _refs(queries, middle) >= expected
    assert _refs(queries, middle.lower()) == _refs(queries, middle)
    short = target.ref[-2:]  # below the trigram index's reach: still found
    assert target.ref in _refs(queries, short)
    assert _refs(queries, "%") == set()  # LIKE's wildcards are searched for literally
    assert _refs(queries, "_") == set()
    assert _refs(queries, 'so-"26') == set()


def test_search_finds_orders_by_their_end_user(demo: tuple[SqlDatabase, SqlDeskQueries]) -> None:
    _db, queries = demo
    every = queries.order_summaries(queries.order_ids(OrderFilter()))
    shipped = next(
        row for row in every if row.end_user_ref and row.end_user_ref != row.consignee_ref
    )
    found = queries.order_summaries(queries.order_ids(OrderFilter(text=shipped.end_user_ref)))
    assert shipped.id in {row.id for row in found}


def test_a_renamed_party_is_found_by_its_new_name(demo: tuple[SqlDatabase, SqlDeskQueries]) -> None:
    db, queries = demo
    with db.reader() as uow:
        party = uow.parties.get("DE-MUELLER")
    assert party is not None
    renamed = party.model_copy(update={"name": "Zürcher Rechenzentrum AG", "aliases": ()})
    update_record(db, renamed, actor="officer")
    assert "DE-MUELLER" in _consignees(queries, "zurcher")
    assert "DE-MUELLER" not in {row.ref for row in queries.party_summaries("muller rz gmbh")}


@pytest.mark.parametrize("sort", list(OrderSort))
def test_the_order_list_sorts_by_every_column(
    demo: tuple[SqlDatabase, SqlDeskQueries], sort: OrderSort
) -> None:
    db, queries = demo
    check_pending(db, CATALOG, actor="officer")
    rows = queries.order_summaries(queries.order_ids(OrderFilter(sort=sort, descending=False)))
    assert len(rows) == 391
    names = {row.consignee_ref: row.consignee_name for row in rows}
    key = {
        OrderSort.REF: lambda row: row.ref,
        OrderSort.DATE: lambda row: row.date,
        OrderSort.OUTCOME: lambda row: row.outcome or "",
        OrderSort.CONSIGNEE: lambda row: fold(names[row.consignee_ref]),
        OrderSort.DESTINATION: lambda row: row.destination,
        OrderSort.A_LEVEL_TPP: lambda row: row.a_level_tpp if row.a_level_tpp is not None else -1,
        OrderSort.LINES: lambda row: row.lines,
    }[sort]
    values = [key(row) for row in rows]
    assert values == sorted(values)
    backwards = queries.order_ids(OrderFilter(sort=sort, descending=True))
    assert list(backwards) == list(
        reversed(queries.order_ids(OrderFilter(sort=sort, descending=False)))
    )


def test_a_partys_order_count_is_the_orders_it_is_in(
    demo: tuple[SqlDatabase, SqlDeskQueries],
) -> None:
    _db, queries = demo
    for party in queries.party_summaries():
        assert party.orders == len(queries.order_ids(OrderFilter(party_ref=party.ref)))
