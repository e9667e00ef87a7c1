"""The standings agree with the engine by construction: for every demonstration party and days
across 2025-2027, what the window and ``quota`` show (certification in force, LPP left, AIA
cumulative, VEU shares, whether an exception can apply at all) is what a check of an order
dated that day uses to decide.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from domain.decision import Authorization, Outcome
from domain.demo import build_demo_dataset
from domain.model import AiaCertification, Order, OrderLine, Party, VeuStatus
from domain.rules.engine import evaluate
from domain.rules.positions import aia_position, lpp_position, veu_position
from domain.ruleset import load_shipped_rulesets
from domain.services import records
from domain.services.demo_load import load_demo
from domain.services.orders import build_context, check_order, check_pending
from domain.services.standing import party_standing
from storage.unit_of_work import SqlDatabase
from tests.clock import clock_on
from tests.unit.builders import PRODUCTS

CATALOG = load_shipped_rulesets()
DAYS = (
    date(2025, 2, 14),
    date(2025, 8, 1),
    date(2025, 12, 31),
    date(2026, 1, 15),
    date(2026, 6, 30),
    date(2026, 11, 28),
    date(2027, 3, 1),
)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> SqlDatabase:
    path: Path = tmp_path_factory.mktemp("agreement") / "desk.sqlite3"
    db = SqlDatabase.open(path, clock=clock_on())
    load_demo(db, build_demo_dataset(), actor="demo")
    check_pending(db, CATALOG, actor="officer")
    return db


def _probe(party: Party, day: date, product: str) -> Order:
    return Order(
        ref="PROBE",
        date=day,
        consignee_ref=party.ref,
        lines=(OrderLine(product_ref=product, quantity=1),),
    )


def test_every_standing_equals_what_the_engine_decides_with(demo_db: SqlDatabase) -> None:
    with demo_db.reader() as uow:
        parties = list(uow.parties.all())
        probe_product = "H100-SXM" if uow.products.get("H100-SXM") else None
        if probe_product is None:
            probe_product = next(
                product.ref for product in uow.products.all() if product.kind.value == "ic"
            )
    compared = 0
    for party in parties:
        for day in DAYS:
            standing = party_standing(demo_db, CATALOG, party.ref, on=day)
            ruleset = CATALOG.in_effect_on(day)
            order = _probe(party, day, probe_product)
            with demo_db.reader() as uow:
                context = build_context(uow, order)
            facts = context.standing
            # The certification the engine weighs is the one the standing shows in force.
            certification = facts.aia_certification
            assert standing.aia.certification == certification, (party.ref, day)
            engine_aia = aia_position(
                party,
                [certification] if certification else [],
                facts.aia_cumulative_tpp,
                ruleset,
                day,
            )
            assert standing.aia == engine_aia, (party.ref, day)
            engine_lpp = lpp_position(
                party, facts.lpp_certification, facts.lpp_shipped_tpp, ruleset, day
            )
            assert standing.lpp == engine_lpp, (party.ref, day)
            if party.veu is not VeuStatus.NONE:
                engine_veu = veu_position(party, facts.veu_footprint, ruleset, day)
                assert standing.veu == engine_veu, (party.ref, day)
            # Whether an exception can apply at all: the engine never uses one the standing
            # says is unavailable.
            decision = evaluate(order, context, ruleset)
            if standing.lpp.unavailable:
                assert Authorization.LPP not in decision.authorizations
            if standing.aia.unavailable:
                assert Authorization.AIA not in decision.authorizations
            if (
                standing.lpp.unavailable
                and standing.aia.unavailable
                and ("every a-level order" in standing.lpp.unavailable)
            ):
                assert decision.outcome is Outcome.PROHIBITED
            compared += 1
    assert compared == len(parties) * len(DAYS)


def test_the_aia_certification_in_force_on_the_order_date_is_the_one_shown(
    sqlite_db: SqlDatabase,
) -> None:
    for product in PRODUCTS.values():
        records.add_record(sqlite_db, product, actor="setup")
    party = Party(ref="DE-TWO", name="Zwei Zertifikate GmbH", country="DE", hq_country="DE")
    records.add_record(sqlite_db, party, actor="setup")
    for signed in (date(2025, 3, 1), date(2026, 6, 1)):
        records.put_record(
            sqlite_db, AiaCertification(party_ref="DE-TWO", signed_on=signed), actor="setup"
        )
    records.add_record(sqlite_db, _probe(party, date(2026, 1, 15), "H100"), actor="officer")
    result = check_order(sqlite_db, CATALOG, "PROBE", actor="officer")
    assert result.decision.authorizations == (Authorization.AIA,)
    standing = party_standing(sqlite_db, CATALOG, "DE-TWO", on=date(2026, 1, 15))
    assert standing.aia.in_force
    assert standing.aia.certification is not None
    assert standing.aia.certification.signed_on == date(2025, 3, 1)


@pytest.mark.parametrize(
    ("fields", "lpp_shown", "aia_shown"),
    [
        ({"country": "SG", "hq_country": "CN"}, False, False),  # every order prohibited
        ({"country": "HK", "hq_country": "HK"}, False, False),  # Hong Kong is China
        ({"country": "SG", "hq_country": "SG"}, True, False),  # Tier 2: never AIA
        ({"country": "DE", "hq_country": "DE", "role": "distributor"}, False, True),
        ({"country": "DE", "hq_country": "DE"}, True, True),
    ],
)
def test_a_standing_shows_no_limit_of_an_exception_that_can_never_apply(
    sqlite_db: SqlDatabase, fields: dict[str, str], lpp_shown: bool, aia_shown: bool
) -> None:
    records.add_record(sqlite_db, Party(ref="P1", name="Probe Party", **fields), actor="setup")
    standing = party_standing(sqlite_db, CATALOG, "P1", on=date(2026, 3, 2))
    assert (standing.lpp.unavailable is None) is lpp_shown
    assert (standing.aia.unavailable is None) is aia_shown
