"""documents carry the chain head they were issued at; databases from before seals are sealed

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-05 17:00:00.000000

``documents.chain_seq`` and ``documents.chain_head``: the audit chain's last entry when a
document was issued, so that ``audit verify`` and ``verify FILE.pdf`` catch a chain shortened
or rewritten after the paper left the desk. Plain ADD COLUMNs (no table copy), so the
append-only triggers of ``documents`` stay.

``record_seal_pending``: a one-row marker left in a database that already holds records.
Those records were written before the desk sealed the state of every record it writes
(``domain.record_state``); the first desk to open the database for writing seals them all
as they are then (a baseline) and removes the marker in the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("chain_seq", sa.Integer(), nullable=True))
    op.add_column("documents", sa.Column("chain_head", sa.String(length=64), nullable=True))
    marker = op.create_table(
        "record_seal_pending",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_seal_pending")),
    )
    if op.get_bind().execute(sa.text("SELECT 1 FROM audit_log LIMIT 1")).first() is not None:
        op.bulk_insert(marker, [{"id": 1}])


def downgrade() -> None:
    op.drop_table("record_seal_pending")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("chain_head")
        batch_op.drop_column("chain_seq")
