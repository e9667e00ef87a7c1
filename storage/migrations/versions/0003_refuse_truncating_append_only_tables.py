"""refuse truncating append-only tables

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 07:10:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = ("decisions", "ledger_entries", "audit_log")


def upgrade() -> None:
    # PostgreSQL's TRUNCATE fires no row triggers, so 0001's guards let it empty a table in one
    # statement. SQLite has no TRUNCATE (its DELETE is already refused): nothing to do there.
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in APPEND_ONLY:
        op.execute(
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION desk_append_only()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in APPEND_ONLY:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")
