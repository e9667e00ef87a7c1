"""parties say the language they read: English, or Simplified Chinese for a courtesy translation

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 22:00:00.000000

``parties.language``: ``en`` (every party so far) or ``zh_CN``. The AIA statement of a party
reading Chinese adds a courtesy translation of the commitments after the binding English
text. A plain ADD COLUMN with a server default (no table copy on SQLite, none on
PostgreSQL): the rows already there read English. The seal of a party reading English leaves
the language out (``domain.record_state``), so the seals written before this column still
vouch for every party.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("parties", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("language", sa.String(length=8), server_default="en", nullable=False)
        )


def downgrade() -> None:
    # A plain DROP COLUMN (SQLite 3.35 and later have it): a batch copy of ``parties`` would
    # drop a table the orders, licences and certifications point at.
    op.drop_column("parties", "language")
