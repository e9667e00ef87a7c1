"""search without case or accents: party search text, an order-ref index for substrings

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 20:30:00.000000

An officer typing "muller" must find "Müller & Söhne", and a fragment of an order ref must find
the order among a million without reading every row. Parties keep their folded ref, name and
aliases (``domain.text``) in ``search_text``; on SQLite an FTS5 trigram index over
``orders.ref`` (kept by triggers in the same transaction as every write) answers substring
searches of three characters or more. PostgreSQL reads the order refs with ``LIKE``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from domain.text import search_text

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ORDER_REFS = "order_refs"
"""The FTS5 table (and the prefix of its shadow tables) indexing ``orders.ref``."""

_TRIGGERS = (
    f"CREATE TRIGGER {ORDER_REFS}_insert AFTER INSERT ON orders BEGIN"
    f" INSERT INTO {ORDER_REFS}(rowid, ref) VALUES (new.id, new.ref); END",
    f"CREATE TRIGGER {ORDER_REFS}_delete AFTER DELETE ON orders BEGIN"
    f" INSERT INTO {ORDER_REFS}({ORDER_REFS}, rowid, ref) VALUES ('delete', old.id, old.ref); END",
    f"CREATE TRIGGER {ORDER_REFS}_update AFTER UPDATE OF ref ON orders BEGIN"
    f" INSERT INTO {ORDER_REFS}({ORDER_REFS}, rowid, ref) VALUES ('delete', old.id, old.ref);"
    f" INSERT INTO {ORDER_REFS}(rowid, ref) VALUES (new.id, new.ref); END",
)


def upgrade() -> None:
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_text", sa.Text(), server_default="", nullable=False))
    connection = op.get_bind()
    rows = connection.execute(sa.text("SELECT id, ref, name, aliases FROM parties")).all()
    if rows:
        connection.execute(
            sa.text("UPDATE parties SET search_text = :text WHERE id = :id"),
            [
                {"id": row[0], "text": search_text((row[2], row[1], *json.loads(row[3] or "[]")))}
                for row in rows
            ],
        )
    if connection.dialect.name == "sqlite":
        op.execute(
            f"CREATE VIRTUAL TABLE {ORDER_REFS} USING fts5("
            "ref, content='orders', content_rowid='id', tokenize='trigram')"
        )
        for trigger in _TRIGGERS:
            op.execute(trigger)
        op.execute(f"INSERT INTO {ORDER_REFS}({ORDER_REFS}) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS {ORDER_REFS}_{name}")
        op.execute(f"DROP TABLE IF EXISTS {ORDER_REFS}")
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.drop_column("search_text")
