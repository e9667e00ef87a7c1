"""units shipped on orders, with their serial numbers

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 19:00:00.000000

``shipped_units`` keeps every unit shipped on an order: the shipment it went with, the day,
the product and the serial number as printed on its label (rules.md section 10). A serial is
unique per product (``serial_key``: the serial with letters in capitals). Append-only, like
the record it belongs to.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "shipped_units"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_ref", sa.String(length=64), nullable=False),
        sa.Column("shipment_ref", sa.String(length=64), nullable=False),
        sa.Column("shipped_on", sa.Date(), nullable=False),
        sa.Column("product_ref", sa.String(length=64), nullable=False),
        sa.Column("serial", sa.String(length=100), nullable=False),
        sa.Column("serial_key", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_ref"], ["orders.ref"], name=op.f("fk_shipped_units_order_ref_orders")
        ),
        sa.ForeignKeyConstraint(
            ["product_ref"], ["products.ref"], name=op.f("fk_shipped_units_product_ref_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shipped_units")),
        sa.UniqueConstraint(
            "product_ref", "serial_key", name=op.f("uq_shipped_units_product_ref_serial_key")
        ),
    )
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_shipped_units_order_ref"), ["order_ref", "shipment_ref"], unique=False
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
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shipped_units_order_ref"))
    op.drop_table(TABLE)
