"""The demonstration data set, loaded into a real database and checked as an officer would."""

from __future__ import annotations

from collections import Counter

import pytest

from domain.decision import Outcome
from domain.demo import build_demo_dataset, replay
from domain.errors import DomainError
from domain.ruleset import load_shipped_rulesets
from domain.services.demo_load import load_demo
from domain.services.orders import check_pending
from domain.services.verification import verify_records
from storage.unit_of_work import SqlDatabase

CATALOG = load_shipped_rulesets()


def test_checking_the_stored_demo_gives_the_same_decisions_as_the_engine_replay(
    db: SqlDatabase,
) -> None:
    dataset = build_demo_dataset()
    load_demo(db, dataset, actor="demo")
    decided: dict[str, list[str]] = {}
    outcomes: Counter[str] = Counter()

    def keep(ref: str, result: object) -> None:
        decision = result.decision  # type: ignore[attr-defined]
        decided[ref] = decision.codes()
        outcomes[decision.outcome.value] += 1

    summary = check_pending(db, CATALOG, actor="officer", on_result=keep)
    assert summary.checked == len(dataset.orders)
    assert summary.errors == {}
    expected = replay(dataset, CATALOG)
    assert {d.order_ref: d.codes() for d in expected} == decided
    assert set(outcomes) == {outcome.value for outcome in Outcome}
    assert verify_records(db).intact


def test_the_demo_is_refused_on_a_database_that_already_holds_it(db: SqlDatabase) -> None:
    dataset = build_demo_dataset()
    load_demo(db, dataset, actor="demo")
    with db.reader() as uow:
        entries = uow.audit.count()
    with pytest.raises(DomainError, match="already holds demonstration records"):
        load_demo(db, dataset, actor="demo")
    with db.reader() as uow:
        assert uow.audit.count() == entries
