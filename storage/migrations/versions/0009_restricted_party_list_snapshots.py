"""restricted-party list snapshots and party owners

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 14:40:00.000000

Each imported list file is a snapshot kept unchanged (rules.md section 9): ``list_snapshots``
and ``list_entries`` are append-only, like the decisions and the audit log, since every
screening result names the snapshot it used. ``party_owners`` records who owns a party, for
the Affiliates rule; an owner that is itself a party keeps its ref.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = ("list_snapshots", "list_entries")


def upgrade() -> None:
    op.create_table(
        "list_snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("imported_by", sa.String(length=300), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("counts", sa.Text(), nullable=False),
        sa.Column("warnings", sa.Text(), nullable=False),
        sa.Column("diff", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_list_snapshots")),
    )
    with op.batch_alter_table("list_snapshots", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_list_snapshots_content_hash"), ["content_hash"], unique=False
        )

    op.create_table(
        "list_entries",
        sa.Column("snapshot_id", sa.Integer(), nullable=False),
        sa.Column("entry_id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["snapshot_id"],
            ["list_snapshots.id"],
            name=op.f("fk_list_entries_snapshot_id_list_snapshots"),
        ),
        sa.PrimaryKeyConstraint("snapshot_id", "entry_id", name=op.f("pk_list_entries")),
    )
    op.create_table(
        "party_owners",
        sa.Column("party_ref", sa.String(length=64), nullable=False),
        sa.Column("owner_name", sa.String(length=300), nullable=False),
        sa.Column("owner_country", sa.String(length=2), nullable=False),
        sa.Column("share_percent", sa.Float(), nullable=False),
        sa.Column("owner_party_ref", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["owner_party_ref"],
            ["parties.ref"],
            name=op.f("fk_party_owners_owner_party_ref_parties"),
        ),
        sa.ForeignKeyConstraint(
            ["party_ref"], ["parties.ref"], name=op.f("fk_party_owners_party_ref_parties")
        ),
        sa.PrimaryKeyConstraint("party_ref", "owner_name", name=op.f("pk_party_owners")),
    )
    _create_append_only_guards()


def _create_append_only_guards() -> None:
    """The same guards 0001, 0003 and 0005 put on the decisions, audit log and documents."""
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for table in APPEND_ONLY:
            for action in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
                )
    elif dialect == "postgresql":
        # desk_append_only() was created by 0001.
        for table in APPEND_ONLY:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION desk_append_only()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION desk_append_only()"
            )


def _drop_append_only_guards() -> None:
    dialect = op.get_bind().dialect.name
    for table in APPEND_ONLY:
        if dialect == "sqlite":
            for action in ("update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{action}")
        elif dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}")


def downgrade() -> None:
    _drop_append_only_guards()
    op.drop_table("party_owners")
    op.drop_table("list_entries")
    with op.batch_alter_table("list_snapshots", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_list_snapshots_content_hash"))
    op.drop_table("list_snapshots")
