"""units shipped on orders, with their serial numbers; field-audit visits

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 19:00:00.000000

``shipped_units`` keeps every unit shipped on an order: the shipment it went with, the day,
the product and the serial number as printed on its label (rules.md section 10). A serial is
unique per product (``serial_key``: the serial with letters in capitals). ``field_visits``
keeps each field-audit kit merged back (its contents' SHA-256 identifies it: a kit merges
once) with the reconciliation and sign-off; ``field_visit_resolutions`` the officer's
resolutions of a visit's discrepancies. All three are append-only.
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
TABLES = (TABLE, "field_visits", "field_visit_resolutions")


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
    op.create_table(
        "field_visits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kit_sha256", sa.String(length=64), nullable=False),
        sa.Column("party_ref", sa.String(length=64), nullable=False),
        sa.Column("site", sa.String(length=300), nullable=False),
        sa.Column("exported_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("auditor", sa.String(length=300), nullable=False),
        sa.Column("site_representative", sa.String(length=300), nullable=False),
        sa.Column("key_fingerprint", sa.String(length=100), nullable=False),
        sa.Column("log_head", sa.String(length=64), nullable=False),
        sa.Column("discrepancies", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("merged_by", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["party_ref"], ["parties.ref"], name=op.f("fk_field_visits_party_ref_parties")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_visits")),
        sa.UniqueConstraint("kit_sha256", name=op.f("uq_field_visits_kit_sha256")),
    )
    with op.batch_alter_table("field_visits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_field_visits_party_ref"), ["party_ref"], unique=False)
    op.create_table(
        "field_visit_resolutions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("party_ref", sa.String(length=64), nullable=False),
        sa.Column("resolution", sa.Text(), nullable=False),
        sa.Column("resolved_by", sa.String(length=300), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["field_visits.id"],
            name=op.f("fk_field_visit_resolutions_visit_id_field_visits"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_visit_resolutions")),
    )
    with op.batch_alter_table("field_visit_resolutions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_field_visit_resolutions_party_ref"), ["party_ref"], unique=False
        )
    for table in TABLES:
        _guard(table, create=True)


def _guard(table: str, *, create: bool) -> None:
    """The append-only guard of 0001, on a new table."""
    dialect = op.get_bind().dialect.name
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
    for table in TABLES:
        _guard(table, create=False)
    with op.batch_alter_table("field_visit_resolutions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_field_visit_resolutions_party_ref"))
    op.drop_table("field_visit_resolutions")
    with op.batch_alter_table("field_visits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_field_visits_party_ref"))
    op.drop_table("field_visits")
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_shipped_units_order_ref"))
    op.drop_table(TABLE)
