"""The record's repositories: ledger entries and balances, decisions, the audit log and the
red-flag checklists. Like the master data's (``storage.repositories``), they translate between
rows and domain values on the unit of work's one connection and never commit. Ledger entries,
decisions and audit entries are only ever added (the database's triggers refuse their edit
and deletion), a checklist's answers are added as a new row; a balance is the running total
of its ledger's entries.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Double, cast, func, insert, select
from sqlalchemy.engine import Connection

from domain.audit import (
    GENESIS_HASH,
    AuditEntry,
    audit_entry_hash,
    canonical_json,
    decision_content_hash,
)
from domain.decision import Consumption, Decision, Ledger
from domain.ledger import BalanceKey, balance_key
from domain.numbers import ZERO
from domain.ports import (
    DecisionIntegrity,
    RecordedDecision,
    RedFlagChecklist,
)
from storage.exact import read_exact
from storage.repositories import Repository, SqlOrderRepository, utc
from storage.schema import (
    AuditEntryRow,
    DecisionRow,
    LedgerBalanceRow,
    LedgerEntryRow,
    OrderRow,
    RedFlagChecklistRow,
)
from storage.sealing import touch
from storage.statements import (
    InStatement,
    RowMemo,
    Statement,
    bind_datetime,
    date_binder,
    read_datetime,
)

# -- decisions and ledgers ------------------------------------------------------------------

_ENTRY_COLUMNS = (
    "decision_id",
    "ledger",
    "party_ref",
    "year",
    "country",
    "license_number",
    "tpp",
    "released",
    "at",
)
_INSERT_ENTRY = Statement(
    f"INSERT INTO ledger_entries ({', '.join(_ENTRY_COLUMNS)})"
    f" VALUES ({', '.join(':' + name for name in _ENTRY_COLUMNS)})"
)
# The same upsert on SQLite (3.24+) and PostgreSQL; desk_add adds exactly (storage.exact).
_ADD_TO_BALANCE = Statement(
    "INSERT INTO ledger_balances (key, tpp) VALUES (:key, :tpp)"
    " ON CONFLICT (key) DO UPDATE SET tpp = desk_add(ledger_balances.tpp, excluded.tpp)"
)
_BALANCE = Statement("SELECT tpp FROM ledger_balances WHERE key = :key")
_BALANCES_IN = InStatement("SELECT key, tpp FROM ledger_balances WHERE key IN ({values})")
# A prefix test on SQLite's byte order walks the primary key: exact there. PostgreSQL compares
# ranges in the database's collation, where "veu|p1|" can sort inside "veu|P1|"..."veu|P1}",
# so there the prefix is tested by equality (which reads the whole table).
_VEU_RANGE = Statement(
    "SELECT key, tpp FROM ledger_balances WHERE key >= :low AND key < :high"
    " AND substr(key, 1, :length) = :prefix"
)
_VEU_EQUAL = Statement(
    "SELECT key, tpp FROM ledger_balances WHERE substr(key, 1, :length) = :prefix"
)
# As of a day: the entries (releases are negative) of decisions on orders dated by then.
_VEU_AS_OF = Statement(
    "SELECT e.country, desk_sum(e.tpp) FROM ledger_entries e"
    " JOIN decisions d ON d.id = e.decision_id JOIN orders o ON o.id = d.order_id"
    " WHERE e.ledger = 'veu' AND e.party_ref = :party_ref AND o.date <= :on"
    " GROUP BY e.country"
)


_key_text: RowMemo[str] = RowMemo(BalanceKey.encode)
"""A balance key's stored text, encoded once per key (a check asks for the same few)."""


class SqlLedgerRepository(Repository):
    def _add(
        self, decision_id: int, consumption: Sequence[Consumption], at: datetime, sign: int
    ) -> None:
        if not consumption:
            return
        connection = self.connection
        stamp = bind_datetime(connection, at)
        _INSERT_ENTRY.many(
            connection,
            _ENTRY_COLUMNS,
            [
                (
                    decision_id,
                    item.ledger.value,
                    item.party_ref,
                    item.year,
                    item.country,
                    item.license_number,
                    sign * item.tpp,
                    sign < 0,
                    stamp,
                )
                for item in consumption
            ],
        )
        totals: dict[str, Decimal] = {}
        for item in consumption:
            key = balance_key(item)
            totals[key] = totals.get(key, ZERO) + sign * item.tpp
        for key, tpp in totals.items():
            _ADD_TO_BALANCE.run(connection, {"key": key, "tpp": tpp})

    def record(self, decision_id: int, consumption: Sequence[Consumption], at: datetime) -> None:
        self._add(decision_id, consumption, at, 1)

    def release(self, decision_id: int, consumption: Sequence[Consumption], at: datetime) -> None:
        self._add(decision_id, consumption, at, -1)

    def _balance(self, key: str) -> Decimal:
        return read_exact(_BALANCE.scalar(self.connection, {"key": key}))

    def lpp_used(self, party_ref: str, year: int) -> Decimal:
        return self._balance(BalanceKey.counting(Ledger.LPP, party_ref, year).encode())

    def aia_cumulative(self, party_ref: str) -> Decimal:
        return self._balance(BalanceKey.counting(Ledger.AIA, party_ref).encode())

    def license_used(self, number: str) -> Decimal:
        return self._balance(BalanceKey.counting(Ledger.LICENSE, number).encode())

    def country_allocation_used(self, country: str) -> Decimal:
        return self._balance(BalanceKey.counting(Ledger.COUNTRY_ALLOCATION, country).encode())

    def balances_of(self, keys: Sequence[BalanceKey]) -> dict[BalanceKey, Decimal]:
        texts = [_key_text(key) for key in keys]
        found = dict(_BALANCES_IN.rows(self.connection, texts))
        return {key: read_exact(found.get(text)) for key, text in zip(keys, texts, strict=True)}

    def country_allocations_used(self) -> dict[str, Decimal]:
        prefix = BalanceKey.prefix(Ledger.COUNTRY_ALLOCATION)
        rows = self.connection.execute(
            select(LedgerBalanceRow.key, LedgerBalanceRow.tpp).where(
                func.substr(LedgerBalanceRow.key, 1, len(prefix)) == prefix
            )
        )
        return {
            country: tpp
            for key, tpp in rows
            if (country := BalanceKey.decode(key).country) is not None
        }

    def veu_shipped(self, party_ref: str, *, on: date | None = None) -> dict[str, Decimal]:
        if on is not None:
            day = date_binder(self.connection)(on)
            rows = _VEU_AS_OF.rows(self.connection, {"party_ref": party_ref, "on": day})
            summed = ((country, read_exact(tpp)) for country, tpp in rows if country)
            return {country: tpp for country, tpp in summed if tpp}
        prefix = BalanceKey.prefix(Ledger.VEU, party_ref)
        params: dict[str, Any] = {"prefix": prefix, "length": len(prefix)}
        if self.connection.dialect.name == "sqlite":
            # Every key with the prefix sorts from the prefix up to (not including) the prefix
            # with its final "|" raised to the next character.
            params.update(low=prefix, high=prefix[:-1] + chr(ord("|") + 1))
            rows = _VEU_RANGE.rows(self.connection, params)
        else:
            rows = _VEU_EQUAL.rows(self.connection, params)
        found: dict[str, Decimal] = {}
        for key, stored in rows:
            country = BalanceKey.decode(key).country
            tpp = read_exact(stored)
            if tpp and country is not None:
                found[country] = tpp
        return found

    def lpp_by_party(self, year: int, limit: int) -> list[tuple[str, Decimal]]:
        prefix = BalanceKey.prefix(Ledger.LPP)
        # Sorted by the figure cast to a float (right to 15 digits: a ranking needs no more).
        sort = cast(LedgerBalanceRow.tpp, Double)
        rows = self.connection.execute(
            select(LedgerBalanceRow.key, LedgerBalanceRow.tpp)
            .where(LedgerBalanceRow.key.like(f"{prefix}%|{year}"), sort > 0)
            .order_by(sort.desc())
            .limit(limit)
        )
        keys = [(BalanceKey.decode(key), tpp) for key, tpp in rows]
        return [(key.party_ref, tpp) for key, tpp in keys if key.party_ref and key.year == year]

    def entries_between(
        self, first_decision: int, last_decision: int
    ) -> Mapping[int, list[tuple[Consumption, bool]]]:
        grouped: dict[int, list[tuple[Consumption, bool]]] = {}
        rows = _ENTRIES_BETWEEN.rows(
            self.connection, {"first": first_decision, "last": last_decision}
        )
        for decision_id, ledger, party_ref, year, country, license_number, tpp, released in rows:
            item = Consumption(
                ledger=Ledger(ledger),
                party_ref=party_ref,
                year=year,
                country=country,
                license_number=license_number,
                tpp=abs(read_exact(tpp)),
            )
            grouped.setdefault(decision_id, []).append((item, bool(released)))
        return grouped

    def orphan_decision(self) -> int | None:
        found = _ORPHAN_ENTRY.scalar(self.connection, {})
        return None if found is None else int(found)

    def balances(self) -> dict[str, Decimal]:
        rows = self.connection.execute(select(LedgerBalanceRow.key, LedgerBalanceRow.tpp))
        return {key: read_exact(tpp) for key, tpp in rows}


_ENTRIES_BETWEEN = Statement(
    "SELECT decision_id, ledger, party_ref, year, country, license_number, tpp, released"
    " FROM ledger_entries WHERE decision_id >= :first AND decision_id <= :last"
    " ORDER BY decision_id, id"
)
_ORPHAN_ENTRY = Statement(
    "SELECT e.decision_id FROM ledger_entries e LEFT JOIN decisions d ON d.id = e.decision_id"
    " WHERE d.id IS NULL ORDER BY e.decision_id LIMIT 1"
)
_INTEGRITY = Statement(
    "SELECT d.id, o.ref, d.order_id, d.seq, d.decided_at, d.decided_by, d.supersedes_id,"
    " d.outcome, d.ruleset, d.a_level_tpp, d.payload, d.content_hash FROM decisions d"
    " LEFT JOIN orders o ON o.id = d.order_id WHERE d.id > :after ORDER BY d.id LIMIT 2000"
)
_DECISION_COLUMNS = (
    "d.id, d.seq, d.decided_at, d.decided_by, d.supersedes_id, d.payload, d.content_hash,"
    " EXISTS (SELECT 1 FROM ledger_entries e WHERE e.decision_id = d.id AND e.released)"
)
_LATEST = Statement(
    f"SELECT {_DECISION_COLUMNS} FROM decisions d JOIN orders o ON o.id = d.order_id"
    " WHERE o.ref = :ref ORDER BY d.seq DESC LIMIT 1"
)
_HISTORY = Statement(
    f"SELECT {_DECISION_COLUMNS} FROM decisions d JOIN orders o ON o.id = d.order_id"
    " WHERE o.ref = :ref ORDER BY d.seq"
)
_LAST_SEQ = Statement("SELECT max(seq) FROM decisions WHERE order_id = :order_id")
_INSERT_DECISION = Statement(
    "INSERT INTO decisions (order_id, seq, decided_at, decided_by, outcome, ruleset,"
    " a_level_tpp, supersedes_id, payload, content_hash) VALUES (:order_id, :seq,"
    " :decided_at, :decided_by, :outcome, :ruleset, :a_level_tpp, :supersedes_id, :payload,"
    " :content_hash) RETURNING id"
)


def _recorded(row: Sequence[Any], order_ref: str) -> RecordedDecision:
    decision_id, seq, decided_at, decided_by, supersedes, payload, content_hash, released = row
    return RecordedDecision(
        id=decision_id,
        order_ref=order_ref,
        seq=seq,
        decided_at=read_datetime(decided_at),
        decided_by=decided_by,
        supersedes=supersedes,
        decision=Decision.model_validate_json(payload),
        content_hash=content_hash,
        released=bool(released),
    )


class SqlDecisionRepository(Repository):
    def _order_refs(self) -> dict[int, str]:
        return dict(self.connection.execute(select(OrderRow.id, OrderRow.ref)).all())

    def history(self, order_ref: str) -> list[RecordedDecision]:
        rows = _HISTORY.rows(self.connection, {"ref": order_ref})
        return [_recorded(row, order_ref) for row in rows]

    def latest(self, order_ref: str) -> RecordedDecision | None:
        row = _LATEST.first(self.connection, {"ref": order_ref})
        return None if row is None else _recorded(row, order_ref)

    def add(
        self,
        order_ref: str,
        decision: Decision,
        *,
        decided_at: datetime,
        decided_by: str,
        supersedes: int | None,
    ) -> RecordedDecision:
        connection = self.connection
        order_id = SqlOrderRepository(connection).order_id(order_ref)
        seq = 1 + (_LAST_SEQ.scalar(connection, {"order_id": order_id}) or 0)
        payload = decision.model_dump(mode="json")
        content_hash = decision_content_hash(
            order_ref=order_ref,
            seq=seq,
            decided_at=decided_at,
            decided_by=decided_by,
            supersedes=supersedes,
            payload=payload,
        )
        decision_id = _INSERT_DECISION.scalar(
            connection,
            {
                "order_id": order_id,
                "seq": seq,
                "decided_at": bind_datetime(connection, decided_at),
                "decided_by": decided_by,
                "outcome": decision.outcome.value,
                "ruleset": decision.ruleset,
                "a_level_tpp": decision.a_level_tpp,
                "supersedes_id": supersedes,
                "payload": canonical_json(payload),
                "content_hash": content_hash,
            },
        )
        SqlOrderRepository(connection).mark_decided(
            order_ref, decision.outcome.value, decision.a_level_tpp
        )
        return RecordedDecision(
            id=decision_id,
            order_ref=order_ref,
            seq=seq,
            decided_at=decided_at,
            decided_by=decided_by,
            supersedes=supersedes,
            decision=decision,
            content_hash=content_hash,
        )

    def latest_decided_between(self, start: datetime, end: datetime) -> list[str]:
        later = DecisionRow.__table__.alias("later")
        rows = self.connection.execute(
            select(OrderRow.ref)
            .join(DecisionRow, DecisionRow.order_id == OrderRow.id)
            .where(
                DecisionRow.decided_at >= start,
                DecisionRow.decided_at < end,
                ~select(later.c.id)
                .where(later.c.order_id == DecisionRow.order_id, later.c.seq > DecisionRow.seq)
                .exists(),
            )
            .order_by(DecisionRow.decided_at, DecisionRow.id)
        )
        return list(rows.scalars())

    def all(self) -> Iterator[RecordedDecision]:
        order_refs = self._order_refs()
        released = set(
            self.connection.execute(
                select(LedgerEntryRow.decision_id).where(LedgerEntryRow.released).distinct()
            ).scalars()
        )
        for row in self.connection.execute(select(DecisionRow).order_by(DecisionRow.id)):
            yield RecordedDecision(
                id=row.id,
                order_ref=order_refs[row.order_id],
                seq=row.seq,
                decided_at=utc(row.decided_at),
                decided_by=row.decided_by,
                supersedes=row.supersedes_id,
                decision=Decision.model_validate_json(row.payload),
                content_hash=row.content_hash,
                released=row.id in released,
            )

    def integrity_rows(self) -> Iterator[DecisionIntegrity]:
        after = 0
        while rows := _INTEGRITY.rows(self.connection, {"after": after}):
            for row in rows:
                (decision_id, order_ref, order_id, seq, decided_at, decided_by, supersedes) = row[
                    :7
                ]
                outcome, ruleset, a_level_tpp, text, content_hash = row[7:]
                try:
                    payload = json.loads(text)
                except ValueError:
                    payload = {"unreadable": text}
                yield DecisionIntegrity(
                    id=decision_id,
                    order_ref=order_ref if order_ref is not None else f"#{order_id}",
                    seq=seq,
                    decided_at=read_datetime(decided_at),
                    decided_by=decided_by,
                    supersedes=supersedes,
                    outcome=outcome,
                    ruleset=ruleset,
                    a_level_tpp=a_level_tpp,
                    payload=payload if isinstance(payload, dict) else {"unreadable": text},
                    content_hash=content_hash,
                )
            after = rows[-1][0]


# -- audit log and red flags ----------------------------------------------------------------

_SEAL_PENDING = Statement("SELECT id FROM record_seal_pending")
_SEAL_DONE = Statement("DELETE FROM record_seal_pending")
_AUDIT_HASH_AT = Statement("SELECT hash FROM audit_log WHERE seq = :seq")
_AUDIT_TAIL = Statement("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
_INSERT_AUDIT = Statement(
    'INSERT INTO audit_log (seq, at, actor, action, entity, entity_ref, "before", "after",'
    " prev_hash, hash) VALUES (:seq, :at, :actor, :action, :entity, :entity_ref, :before,"
    " :after, :prev_hash, :hash)"
)


def _audit_entry(row: Any) -> AuditEntry:
    """An audit entry as its row stores it (times back in UTC, values back from JSON)."""
    return AuditEntry(
        seq=row.seq,
        at=utc(row.at),
        actor=row.actor,
        action=row.action,
        entity=row.entity,
        entity_ref=row.entity_ref,
        before=None if row.before is None else json.loads(row.before),
        after=None if row.after is None else json.loads(row.after),
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


class SqlAuditLog(Repository):
    def __init__(self, connection: Connection, actor: str, now: datetime) -> None:
        super().__init__(connection)
        self.actor = actor
        self.now = now
        self._last: tuple[int, str] | None = None

    def _tail(self) -> tuple[int, str]:
        if self._last is None:
            row = _AUDIT_TAIL.first(self.connection, {})
            self._last = (0, GENESIS_HASH) if row is None else (int(row[0]), str(row[1]))
        return self._last

    def append(
        self,
        action: str,
        entity: str,
        entity_ref: str,
        *,
        before: Mapping[str, Any] | None = None,
        after: Mapping[str, Any] | None = None,
    ) -> AuditEntry:
        last_seq, prev_hash = self._tail()
        seq = last_seq + 1
        # Round-trip through JSON so what is hashed is exactly what verification reads back.
        before_json = None if before is None else canonical_json(before)
        after_json = None if after is None else canonical_json(after)
        before_value = None if before_json is None else json.loads(before_json)
        after_value = None if after_json is None else json.loads(after_json)
        entry_hash = audit_entry_hash(
            seq=seq,
            at=self.now,
            actor=self.actor,
            action=action,
            entity=entity,
            entity_ref=entity_ref,
            before=before_value,
            after=after_value,
            prev_hash=prev_hash,
        )
        _INSERT_AUDIT.run(
            self.connection,
            {
                "seq": seq,
                "at": bind_datetime(self.connection, self.now),
                "actor": self.actor,
                "action": action,
                "entity": entity,
                "entity_ref": entity_ref,
                "before": before_json,
                "after": after_json,
                "prev_hash": prev_hash,
                "hash": entry_hash,
            },
        )
        self._last = (seq, entry_hash)
        return AuditEntry(
            seq=seq,
            at=self.now,
            actor=self.actor,
            action=action,
            entity=entity,
            entity_ref=entity_ref,
            before=before_value,
            after=after_value,
            prev_hash=prev_hash,
            hash=entry_hash,
        )

    def entries(self) -> Iterator[AuditEntry]:
        last = 0
        while True:
            rows = list(
                self.connection.execute(
                    select(AuditEntryRow)
                    .where(AuditEntryRow.seq > last)
                    .order_by(AuditEntryRow.seq)
                    .limit(2000)
                )
            )
            if not rows:
                return
            for row in rows:
                yield _audit_entry(row)
            last = rows[-1].seq

    def entries_for(self, entity: str, entity_ref: str) -> list[AuditEntry]:
        rows = self.connection.execute(
            select(AuditEntryRow)
            .where(AuditEntryRow.entity_ref == entity_ref, AuditEntryRow.entity == entity)
            .order_by(AuditEntryRow.seq)
        )
        return [_audit_entry(row) for row in rows]

    def count(self) -> int:
        return int(
            self.connection.execute(select(func.count()).select_from(AuditEntryRow)).scalar_one()
        )

    def head(self) -> tuple[int, str]:
        row = _AUDIT_TAIL.first(self.connection, {})
        return (0, GENESIS_HASH) if row is None else (int(row[0]), str(row[1]))

    def hash_at(self, seq: int) -> str | None:
        found = _AUDIT_HASH_AT.scalar(self.connection, {"seq": seq})
        return None if found is None else str(found)

    def baseline_pending(self) -> bool:
        return _SEAL_PENDING.first(self.connection, {}) is not None

    def baseline_done(self) -> None:
        _SEAL_DONE.run(self.connection, {})


def _checklist(order_ref: str, row: Any) -> RedFlagChecklist:
    return RedFlagChecklist(
        order_ref=order_ref,
        answers=json.loads(row.answers),
        note=row.note,
        answered_by=row.answered_by,
        answered_at=utc(row.answered_at),
    )


class SqlRedFlagRepository(Repository):
    def checklists(self, order_ref: str) -> list[RedFlagChecklist]:
        rows = self.connection.execute(
            select(RedFlagChecklistRow)
            .join(OrderRow, OrderRow.id == RedFlagChecklistRow.order_id)
            .where(OrderRow.ref == order_ref)
            .order_by(RedFlagChecklistRow.id)
        )
        return [_checklist(order_ref, row) for row in rows]

    def all(self) -> Iterator[RedFlagChecklist]:
        rows = self.connection.execute(
            select(OrderRow.ref, RedFlagChecklistRow)
            .join(OrderRow, OrderRow.id == RedFlagChecklistRow.order_id)
            .order_by(RedFlagChecklistRow.id)
        )
        for row in rows:
            yield _checklist(row.ref, row)

    def add_checklist(self, checklist: RedFlagChecklist) -> None:
        touch(self.connection, "checklists", checklist.order_ref)
        self.connection.execute(
            insert(RedFlagChecklistRow).values(
                order_id=SqlOrderRepository(self.connection).order_id(checklist.order_ref),
                answers=canonical_json(checklist.answers),
                note=checklist.note,
                answered_by=checklist.answered_by,
                answered_at=checklist.answered_at,
            )
        )
