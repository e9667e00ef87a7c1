"""the desk's signing keys: every key that signed a kit of this database

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-05 12:40:00.000000

``desk_keys`` keeps the public half of every key that signed a field-audit kit exported from
this database, with who first used it and when (rules.md section 10). Several officers of a
PostgreSQL desk each sign with their workstation's key; a kit signed by any of them merges on
any of their workstations, and a kit signed by a key this database never used is refused.
Append-only.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | Sequence[str] | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "desk_keys"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("fingerprint", sa.String(length=100), nullable=False),
        sa.Column("public_key", sa.String(length=128), nullable=False),
        sa.Column("first_used_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("first_used_by", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("fingerprint", name=op.f("pk_desk_keys")),
    )
    _guard(create=True)


def _guard(*, create: bool) -> None:
    """The append-only guard of 0001, on the new table."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for action in ("UPDATE", "DELETE"):
            name = f"{TABLE}_no_{action.lower()}"
            op.execute(
                f"CREATE TRIGGER {name} BEFORE {action} ON {TABLE} "
                f"BEGIN SELECT RAISE(ABORT, '{TABLE} is append-only'); END"
                if create
                else f"DROP TRIGGER IF EXISTS {name}"
            )
    elif dialect == "postgresql" and create:
        op.execute(
            f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
            "FOR EACH ROW EXECUTE FUNCTION desk_append_only()"
        )
        op.execute(
            f"CREATE TRIGGER {TABLE}_no_truncate BEFORE TRUNCATE ON {TABLE} "
            "FOR EACH STATEMENT EXECUTE FUNCTION desk_append_only()"
        )
    elif dialect == "postgresql":
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}")
        op.execute(f"DROP TRIGGER IF EXISTS {TABLE}_no_truncate ON {TABLE}")


def downgrade() -> None:
    _guard(create=False)
    op.drop_table(TABLE)
