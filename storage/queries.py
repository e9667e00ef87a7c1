"""The read side for the window's big tables, in plain SQL over indexed columns.

Order rows carry their latest outcome and effective destination (kept up to date by the
repositories in the same transaction as the decision), so filtering a million orders is
an index walk, not a join against every decision.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time
from typing import Any, cast

from sqlalchemy import CursorResult, Date, DateTime, Engine, TextClause, bindparam, text

from domain.queries import (
    PENDING,
    AuditFilter,
    AuditSummary,
    OrderFilter,
    OrderSort,
    OrderSummary,
    PartySummary,
)
from domain.text import fold, like_pattern
from storage.exact import SORT_CAST
from storage.repositories import utc

_CHUNK = 900
_ESCAPE = "\\"
ORDER_REFS = "order_refs"
"""The FTS5 trigram index over ``orders.ref`` (SQLite; migration 0008)."""
_SORT_COLUMNS: dict[OrderSort, str] = {
    OrderSort.REF: "o.ref {direction}, ",
    OrderSort.DATE: "",
    # Pending (no outcome) sorts as the empty outcome; cancelled orders by their last outcome.
    OrderSort.OUTCOME: "coalesce(o.outcome, '') {direction}, ",
    # The folded name (search text's first line), byte order: the same list on every backend.
    OrderSort.CONSIGNEE: "(SELECT p.search_text FROM parties p WHERE p.id = o.consignee_id)"
    "{collate} {direction}, ",
    OrderSort.DESTINATION: "o.effective_destination {direction}, ",
    OrderSort.A_LEVEL_TPP: f"coalesce(CAST(o.a_level_tpp AS {SORT_CAST}), -1) {{direction}}, ",
    OrderSort.LINES: "(SELECT count(*) FROM order_lines l WHERE l.order_id = o.id) {direction}, ",
}
"""ORDER BY terms before the date and id that make every order unique in the list."""
TRIGRAM = 3
"""A trigram index finds needles of three characters or more."""


def _typed(sql: str, params: dict[str, Any]) -> TextClause:
    """Bind dates and times with their column types, so each backend stores-compares alike."""
    clause = text(sql)
    typed = [
        bindparam(name, type_=DateTime(timezone=True))
        if isinstance(value, datetime)
        else bindparam(name, type_=Date())
        for name, value in params.items()
        if isinstance(value, date)
    ]
    return clause.bindparams(*typed) if typed else clause


def _first_column(result: CursorResult[Any]) -> list[int]:
    """The first column of every row, read straight from the driver's cursor.

    A million ids as SQLAlchemy rows take twice as long as the driver's tuples (each dropped
    at once, so the garbage collector never runs); the window lists a million orders.
    """
    rows = cast(Iterable[tuple[int, ...]], result.cursor)
    return [row[0] for row in rows]


class SqlDeskQueries:
    """Implements ``domain.queries.DeskQueries``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._refs_indexed: bool | None = None

    def _order_refs_indexed(self) -> bool:
        """Whether the SQLite FTS5 trigram index over order refs is there (migration 0008)."""
        if self._refs_indexed is None:
            with self.engine.connect() as connection:
                self._refs_indexed = self.engine.dialect.name == "sqlite" and bool(
                    connection.execute(
                        text("SELECT count(*) FROM sqlite_master WHERE name = :name"),
                        {"name": ORDER_REFS},
                    ).scalar_one()
                )
        return self._refs_indexed

    def _text_clause(self, typed: str, params: dict[str, Any]) -> str:
        """Orders whose ref, consignee or end user contains ``typed``, without case or accents.

        Parties are matched on their folded search text (a few thousand rows at most); order
        refs through the trigram index where there is one and the needle has three characters
        or more, else by ``LIKE``.
        """
        needle = fold(typed.strip())
        params["needle"] = like_pattern(needle)
        parties = f"SELECT id FROM parties WHERE search_text LIKE :needle ESCAPE '{_ESCAPE}'"
        if len(needle) >= TRIGRAM and self._order_refs_indexed():
            spellings = dict.fromkeys((needle, typed.strip().lower()))
            params["phrase"] = " OR ".join(
                '"' + item.replace('"', '""') + '"' for item in spellings
            )
            by_ref = f"o.id IN (SELECT rowid FROM {ORDER_REFS} WHERE {ORDER_REFS} MATCH :phrase)"
        else:
            by_ref = f"lower(o.ref) LIKE :needle ESCAPE '{_ESCAPE}'"
        return f"({by_ref} OR o.consignee_id IN ({parties}) OR o.end_user_id IN ({parties}))"

    def _order_where(self, order_filter: OrderFilter) -> tuple[str, dict[str, Any]]:
        clauses: list[str] = []
        params: dict[str, Any] = {}
        if fold(order_filter.text.strip()):
            clauses.append(self._text_clause(order_filter.text, params))
        if order_filter.outcomes:
            parts = []
            outcomes = sorted(value for value in order_filter.outcomes if value != PENDING)
            if outcomes:
                names = [f"outcome_{index}" for index in range(len(outcomes))]
                params.update(zip(names, outcomes, strict=True))
                parts.append(f"o.outcome IN ({', '.join(':' + name for name in names)})")
            if PENDING in order_filter.outcomes:
                parts.append("o.outcome IS NULL")
            clauses.append("(" + " OR ".join(parts) + ")")
        if order_filter.date_from is not None:
            params["date_from"] = order_filter.date_from
            clauses.append("o.date >= :date_from")
        if order_filter.date_to is not None:
            params["date_to"] = order_filter.date_to
            clauses.append("o.date <= :date_to")
        if order_filter.party_ref:
            params["party_ref"] = order_filter.party_ref
            clauses.append(
                "(o.consignee_id = (SELECT id FROM parties WHERE ref = :party_ref) "
                "OR o.end_user_id = (SELECT id FROM parties WHERE ref = :party_ref))"
            )
        for key, codes, negate in (
            ("dest", order_filter.destinations, False),
            ("xdest", order_filter.exclude_destinations, True),
        ):
            if codes is None:
                continue
            names = [f"{key}_{index}" for index in range(len(codes))]
            params.update(zip(names, sorted(codes), strict=True))
            if not names:
                clauses.append("1 = 1" if negate else "1 = 0")
                continue
            listed = ", ".join(":" + name for name in names)
            clauses.append(f"o.effective_destination {'NOT IN' if negate else 'IN'} ({listed})")
        if order_filter.status is not None:
            params["status"] = order_filter.status.value
            clauses.append("o.status = :status")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def order_ids(self, order_filter: OrderFilter, limit: int | None = None) -> Sequence[int]:
        where, params = self._order_where(order_filter)
        direction = "DESC" if order_filter.descending else "ASC"
        collate = ' COLLATE "C"' if self.engine.dialect.name == "postgresql" else ""
        first = _SORT_COLUMNS[order_filter.sort].format(direction=direction, collate=collate)
        sql = (
            f"SELECT o.id FROM orders o{where} ORDER BY {first}o.date {direction}, o.id {direction}"
        )
        if limit is not None:
            params["row_limit"] = int(limit)
            sql += " LIMIT :row_limit"
        with self.engine.connect() as connection:
            return _first_column(connection.execute(_typed(sql, params), params))

    def order_count(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM orders")).scalar_one())

    def order_summaries(self, ids: Sequence[int]) -> list[OrderSummary]:
        found: dict[int, OrderSummary] = {}
        with self.engine.connect() as connection:
            for start in range(0, len(ids), _CHUNK):
                chunk = list(ids[start : start + _CHUNK])
                names = [f"id_{index}" for index in range(len(chunk))]
                rows = connection.execute(
                    text(
                        "SELECT o.id, o.ref, o.date, c.ref, c.name, e.ref, o.effective_destination,"
                        " o.status, o.outcome, o.a_level_tpp,"
                        " (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id)"
                        " FROM orders o JOIN parties c ON c.id = o.consignee_id"
                        " LEFT JOIN parties e ON e.id = o.end_user_id"
                        f" WHERE o.id IN ({', '.join(':' + name for name in names)})"
                    ),
                    dict(zip(names, chunk, strict=True)),
                )
                for row in rows:
                    day = row[2] if isinstance(row[2], date) else date.fromisoformat(str(row[2]))
                    found[row[0]] = OrderSummary(
                        id=row[0],
                        ref=row[1],
                        date=day,
                        consignee_ref=row[3],
                        consignee_name=row[4],
                        end_user_ref=row[5],
                        destination=row[6],
                        status=row[7],
                        outcome=row[8],
                        a_level_tpp=row[9],
                        lines=row[10],
                    )
        return [found[row_id] for row_id in ids if row_id in found]

    def outcome_counts(self) -> dict[str, int]:
        with self.engine.connect() as connection:
            rows = connection.execute(
                text(
                    "SELECT coalesce(outcome, :pending), count(*) FROM orders "
                    "WHERE status = 'open' GROUP BY coalesce(outcome, :pending)"
                ),
                {"pending": PENDING},
            )
            return {row[0]: int(row[1]) for row in rows}

    def party_summaries(self, text_filter: str = "") -> list[PartySummary]:
        params: dict[str, Any] = {}
        where = ""
        if fold(text_filter.strip()):
            params["needle"] = like_pattern(text_filter)
            where = f" WHERE p.search_text LIKE :needle ESCAPE '{_ESCAPE}'"
        sql = (
            "SELECT p.id, p.ref, p.name, p.country, p.hq_country, p.role, p.veu,"
            # The orders the party is in, as consignee or end user: the count the party's
            # own panel and the Orders filter by party give.
            " (SELECT count(*) FROM orders o WHERE o.consignee_id = p.id OR o.end_user_id = p.id)"
            f" FROM parties p{where} ORDER BY p.name"
        )
        with self.engine.connect() as connection:
            return [
                PartySummary(
                    id=row[0],
                    ref=row[1],
                    name=row[2],
                    country=row[3],
                    hq_country=row[4],
                    role=row[5],
                    veu=row[6],
                    orders=int(row[7]),
                )
                for row in connection.execute(text(sql), params)
            ]

    def _audit_where(self, audit_filter: AuditFilter) -> tuple[str, dict[str, Any]]:
        clauses: list[str] = []
        params: dict[str, Any] = {}
        if audit_filter.text.strip():
            params["needle"] = f"%{audit_filter.text.strip().lower()}%"
            clauses.append(
                "(lower(entity_ref) LIKE :needle OR lower(action) LIKE :needle"
                " OR lower(actor) LIKE :needle)"
            )
        if audit_filter.entity:
            params["entity"] = audit_filter.entity
            clauses.append("entity = :entity")
        if audit_filter.actor:
            params["actor"] = audit_filter.actor
            clauses.append("actor = :actor")
        if audit_filter.date_from is not None:
            params["at_from"] = datetime.combine(audit_filter.date_from, time.min, UTC)
            clauses.append("at >= :at_from")
        if audit_filter.date_to is not None:
            params["at_to"] = datetime.combine(audit_filter.date_to, time.max, UTC)
            clauses.append("at <= :at_to")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def audit_seqs(self, audit_filter: AuditFilter) -> Sequence[int]:
        where, params = self._audit_where(audit_filter)
        with self.engine.connect() as connection:
            return _first_column(
                connection.execute(
                    _typed(f"SELECT seq FROM audit_log{where} ORDER BY seq DESC", params), params
                )
            )

    def audit_summaries(self, seqs: Sequence[int]) -> list[AuditSummary]:
        found: dict[int, AuditSummary] = {}
        with self.engine.connect() as connection:
            for start in range(0, len(seqs), _CHUNK):
                chunk = list(seqs[start : start + _CHUNK])
                names = [f"s_{index}" for index in range(len(chunk))]
                rows = connection.execute(
                    text(
                        "SELECT seq, at, actor, action, entity, entity_ref, hash FROM audit_log"
                        f" WHERE seq IN ({', '.join(':' + name for name in names)})"
                    ),
                    dict(zip(names, chunk, strict=True)),
                )
                for row in rows:
                    at = row[1] if isinstance(row[1], datetime) else datetime.fromisoformat(row[1])
                    found[row[0]] = AuditSummary(
                        seq=row[0],
                        at=utc(at),
                        actor=row[2],
                        action=row[3],
                        entity=row[4],
                        entity_ref=row[5],
                        hash=row[6],
                    )
        return [found[seq] for seq in seqs if seq in found]
