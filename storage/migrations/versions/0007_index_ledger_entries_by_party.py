"""ledger entries by ledger and party: the VEU installed base as of a shipment date

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 11:00:00.000000

An NVEU or UVEU holder's installed base counts only our shipments dated on or before the
shipment being decided, so re-checking an earlier order never counts later ones. That sum
reads the holder's VEU entries; this index finds them without a scan of every entry.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_ledger_entries_ledger_party", "ledger_entries", ["ledger", "party_ref"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_ledger_entries_ledger_party", table_name="ledger_entries")
