"""A party under review after a field audit (rules.md section 10): its orders are held with
``field_audit_discrepancy`` until the officer records the resolution, whatever else allows."""

from __future__ import annotations

from datetime import date

from domain.decision import Outcome
from domain.model import Standing
from domain.rules.codes import FindingCode
from tests.unit.builders import aia_cert, blocking, decide, party

ON = date(2026, 3, 2)
CERTIFIED = Standing(aia_certification=aia_cert())


def test_an_unresolved_visit_holds_an_order_that_would_otherwise_go() -> None:
    clear = decide([("H100", 10)], party("C1", "DE"), on=ON, standing=CERTIFIED)
    assert clear.outcome.ships
    held = decide(
        [("H100", 10)], party("C1", "DE"), on=ON, standing=CERTIFIED, field_audits={"C1": (7, 9)}
    )
    assert held.outcome is Outcome.HOLD
    assert blocking(held) == [FindingCode.FIELD_AUDIT_DISCREPANCY]
    [found] = [item for item in held.findings if item.code is FindingCode.FIELD_AUDIT_DISCREPANCY]
    assert found.figures["visits"] == ["7", "9"]
    assert "kit resolve C1" in found.message
    assert "748.15" in found.rule
    assert held.consumption == ()


def test_the_end_users_visit_holds_too_and_another_partys_does_not() -> None:
    end_user = party("E1", "DE")
    held = decide(
        [("H100", 10)],
        party("C1", "DE"),
        end_user=end_user,
        on=ON,
        standing=CERTIFIED,
        field_audits={"E1": (3,)},
    )
    assert held.outcome is Outcome.HOLD
    other = decide(
        [("H100", 10)], party("C1", "DE"), on=ON, standing=CERTIFIED, field_audits={"X9": (3,)}
    )
    assert other.outcome.ships
