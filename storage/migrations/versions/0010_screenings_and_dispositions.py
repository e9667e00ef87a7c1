"""screenings of parties and the officer's dispositions

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 15:00:00.000000

``party_screenings`` keeps each screening of a party against a snapshot (the names screened,
as a hash, and the potential matches found, as JSON); ``screening_dispositions`` keeps the
officer's decisions on potential matches, each bound to the entry's content hash. Both are
append-only: a later screening or disposition supersedes, never updates.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = ("party_screenings", "screening_dispositions")


def upgrade() -> None:
    op.create_table(
        "party_screenings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("party_ref", sa.String(length=64), nullable=False),
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("names_hash", sa.String(length=64), nullable=False),
        sa.Column("screened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("screened_by", sa.String(length=300), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.Column("match_count", sa.Integer(), nullable=False),
        sa.Column("matches", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["snapshot_id"],
            ["list_snapshots.id"],
            name=op.f("fk_party_screenings_snapshot_id_list_snapshots"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party_screenings")),
    )
    with op.batch_alter_table("party_screenings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_party_screenings_party_ref"), ["party_ref", "snapshot_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_party_screenings_snapshot_id"),
            ["snapshot_id", "match_count"],
            unique=False,
        )
    op.create_table(
        "screening_dispositions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("party_ref", sa.String(length=64), nullable=False),
        sa.Column("entry_id", sa.String(length=200), nullable=False),
        sa.Column("entry_hash", sa.String(length=64), nullable=False),
        sa.Column("verdict", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("document", sa.String(length=300), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("decided_by", sa.String(length=300), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_by", sa.String(length=300), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screening_dispositions")),
    )
    with op.batch_alter_table("screening_dispositions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_screening_dispositions_party_ref"),
            ["party_ref", "entry_id"],
            unique=False,
        )
    _guards(create=True)


def _guards(*, create: bool) -> None:
    """The append-only guards of 0001 and 0009, on the two new tables."""
    dialect = op.get_bind().dialect.name
    for table in APPEND_ONLY:
        if dialect == "sqlite":
            for action in ("UPDATE", "DELETE"):
                name = f"{table}_no_{action.lower()}"
                op.execute(
                    f"CREATE TRIGGER {name} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                    if create
                    else f"DROP TRIGGER IF EXISTS {name}"
                )
        elif dialect == "postgresql" and create:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION desk_append_only()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION desk_append_only()"
            )
        elif dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")


def downgrade() -> None:
    _guards(create=False)
    with op.batch_alter_table("screening_dispositions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_screening_dispositions_party_ref"))
    op.drop_table("screening_dispositions")
    with op.batch_alter_table("party_screenings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_party_screenings_snapshot_id"))
        batch_op.drop_index(batch_op.f("ix_party_screenings_party_ref"))
    op.drop_table("party_screenings")
