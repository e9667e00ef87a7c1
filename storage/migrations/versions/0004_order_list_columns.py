"""order list columns: latest outcome, effective destination, a-level TPP

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 07:20:00.000000

The window filters a million orders by outcome and destination; keeping these on the order
row (written in the same transaction as each decision) makes that an index walk.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.add_column(sa.Column("effective_destination", sa.String(length=2), nullable=True))
        batch_op.add_column(sa.Column("outcome", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("a_level_tpp", sa.Float(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_orders_effective_destination"), ["effective_destination"], unique=False
        )
        batch_op.create_index("ix_orders_outcome_date", ["outcome", "date"], unique=False)
    op.execute(
        "UPDATE orders SET effective_destination = COALESCE(destination, "
        "(SELECT country FROM parties WHERE parties.id = orders.consignee_id))"
    )
    op.execute(
        "UPDATE orders SET "
        "outcome = (SELECT d.outcome FROM decisions d WHERE d.order_id = orders.id "
        "ORDER BY d.seq DESC LIMIT 1), "
        "a_level_tpp = (SELECT d.a_level_tpp FROM decisions d WHERE d.order_id = orders.id "
        "ORDER BY d.seq DESC LIMIT 1)"
    )


def downgrade() -> None:
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_outcome_date")
        batch_op.drop_index(batch_op.f("ix_orders_effective_destination"))
        batch_op.drop_column("a_level_tpp")
        batch_op.drop_column("outcome")
        batch_op.drop_column("effective_destination")
