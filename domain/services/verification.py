"""Verifying the record: the audit chain, the decisions it vouches for, and the ledgers.

Checks, in order: every audit entry's hash and link; every decision row against its own
content hash and against the audit entry that recorded it; every ledger entry against the
consumption its decision recorded; every running balance against the sum of its entries.
The report names the first thing that does not match.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from domain.audit import (
    DECISION_HASHED,
    AuditEntry,
    ChainProblem,
    VerifyReport,
    decision_content_hash,
    hashed_fields,
    verify_chain,
)
from domain.decision import Consumption
from domain.ledger import balance_key
from domain.ports import Database, DecisionIntegrity, UnitOfWork

_TOLERANCE = 1e-3


def verify_records(db: Database) -> VerifyReport:
    """Walk the whole record; ``report.problem`` names the first mismatch, if any."""
    with db.reader() as uow:
        recorded: dict[int, tuple[int, dict[str, Any]]] = {}

        def watched(entries: Iterator[AuditEntry]) -> Iterator[AuditEntry]:
            for entry in entries:
                if entry.action == "decide" and entry.after and "decision_id" in entry.after:
                    recorded[int(entry.after["decision_id"])] = (entry.seq, entry.after)
                yield entry

        count, head, problem = verify_chain(watched(uow.audit.entries()))
        if problem is not None:
            return VerifyReport(entries=count, decisions=0, head_hash=head, problem=problem)
        decisions = 0
        for row in uow.decisions.integrity_rows():
            decisions += 1
            where = f"decision {row.id} (order {row.order_ref}, #{row.seq})"
            entry = recorded.pop(row.id, None)
            if entry is None:
                return _report(
                    count, decisions, head, None, f"{where} has no audit entry recording it"
                )
            seq, after = entry
            rehashed = decision_content_hash(**hashed_fields(row, DECISION_HASHED))
            payload = row.payload
            columns_agree = (
                payload.get("outcome") == row.outcome
                and payload.get("ruleset") == row.ruleset
                and abs(float(payload.get("a_level_tpp", -1)) - row.a_level_tpp) <= _TOLERANCE
            )
            if rehashed != row.content_hash or not columns_agree:
                return _report(
                    count,
                    decisions,
                    head,
                    seq,
                    f"{where} was changed after it was recorded (audit entry {seq}): its "
                    "content no longer matches its hash",
                )
            if after.get("content_hash") != row.content_hash:
                return _report(
                    count,
                    decisions,
                    head,
                    seq,
                    f"{where} does not carry the hash that audit entry {seq} recorded for it",
                )
        if recorded:
            missing = min(recorded)
            seq = recorded[missing][0]
            return _report(
                count,
                decisions,
                head,
                seq,
                f"audit entry {seq} records decision {missing}, which is no longer in the "
                "decisions table",
            )
        ledger_problem = _check_ledgers(uow, recorded_payloads=uow.decisions.integrity_rows())
        if ledger_problem is not None:
            return _report(count, decisions, head, None, ledger_problem)
        return VerifyReport(entries=count, decisions=decisions, head_hash=head)


def _report(count: int, decisions: int, head: str, seq: int | None, what: str) -> VerifyReport:
    return VerifyReport(
        entries=count, decisions=decisions, head_hash=head, problem=ChainProblem(seq=seq, what=what)
    )


def _key(item: Consumption) -> tuple[object, ...]:
    return (item.ledger.value, item.party_ref, item.year, item.country, item.license_number)


def _check_ledgers(uow: UnitOfWork, recorded_payloads: Iterator[DecisionIntegrity]) -> str | None:
    entries = uow.ledger.entries_by_decision()
    for row in recorded_payloads:
        consumed = [Consumption.model_validate(item) for item in row.payload.get("consumption", [])]
        booked = entries.get(row.id, [])
        plus = sorted((_key(item), item.tpp) for item, released in booked if not released)
        minus = sorted((_key(item), item.tpp) for item, released in booked if released)
        expected = sorted((_key(item), item.tpp) for item in consumed)
        if not _same(plus, expected):
            return (
                f"the ledger entries of decision {row.id} (order {row.order_ref}) do not match "
                "the consumption the decision recorded"
            )
        if minus and not _same(minus, expected):
            return (
                f"the release entries of decision {row.id} (order {row.order_ref}) do not match "
                "the consumption the decision recorded"
            )
    totals: dict[str, float] = defaultdict(float)
    for booked in entries.values():
        for item, released in booked:
            totals[balance_key(item)] += -item.tpp if released else item.tpp
    balances = uow.ledger.balances()
    for key in sorted(set(totals) | set(balances)):
        # TPP figures are sums of products of datasheet figures: exact in binary floating
        # point at these magnitudes, so a thousandth of a TPP is already a real difference.
        if abs(totals.get(key, 0.0) - balances.get(key, 0.0)) > _TOLERANCE:
            return (
                f"the running balance {key} is {balances.get(key, 0.0):,.0f} TPP but its ledger "
                f"entries add up to {totals.get(key, 0.0):,.0f}"
            )
    return None


def _same(
    left: list[tuple[tuple[object, ...], float]], right: list[tuple[tuple[object, ...], float]]
) -> bool:
    return len(left) == len(right) and all(
        a_key == b_key and abs(a_tpp - b_tpp) <= _TOLERANCE
        for (a_key, a_tpp), (b_key, b_tpp) in zip(left, right, strict=True)
    )
