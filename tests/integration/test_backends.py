"""What must hold on SQLite and PostgreSQL alike, where the two engines differ underneath."""

from __future__ import annotations

from sqlalchemy import insert

from domain.decision import Outcome
from domain.services import records
from domain.services.orders import check_order
from domain.services.verification import verify_records
from storage.schema import LedgerBalanceRow
from storage.unit_of_work import SqlDatabase
from tests.integration.test_records import CATALOG, order, seed


def test_a_reader_sees_one_moment_while_another_officer_commits(db: SqlDatabase) -> None:
    seed(db)
    records.add_record(db, order("SO-1", 10), actor="officer")
    with db.reader() as uow:
        entries_before = uow.audit.count()
        # Another officer's check commits while this reader is still open.
        assert check_order(db, CATALOG, "SO-1", actor="other").recorded is not None
        assert uow.decisions.latest("SO-1") is None
        assert uow.ledger.lpp_used("SG1", 2026) == 0
        assert uow.audit.count() == entries_before
    with db.reader() as uow:
        latest = uow.decisions.latest("SO-1")
    assert latest is not None
    assert latest.decision.outcome is Outcome.AUTHORIZED
    assert verify_records(db).intact


def test_shipments_to_parties_whose_refs_differ_only_in_case_are_kept_apart(
    db: SqlDatabase,
) -> None:
    # Straight into the running totals: reaching them through VEU orders would test the rules,
    # and what matters here is how the totals are looked up.
    with db.writer("officer") as uow:
        assert uow.session is not None
        uow.session.execute(
            insert(LedgerBalanceRow),
            [
                {"key": "veu|P1|DE", "tpp": 100.0},
                {"key": "veu|p1|DE", "tpp": 20.0},
                {"key": "veu|P1-X|FR", "tpp": 3.0},
                {"key": "veu|P10|DE", "tpp": 4.0},
            ],
        )
        uow.commit()
    with db.reader() as uow:
        assert uow.ledger.veu_shipped("P1") == {"DE": 100.0}
        assert uow.ledger.veu_shipped("p1") == {"DE": 20.0}
