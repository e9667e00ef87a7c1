"""documents: whether an AIA statement carried the model-weight storage attestation

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 10:00:00.000000

Recording a returned AIA statement as attesting the storage security of model weights is
refused unless the registered statement printed that paragraph; the registry keeps the fact.
A plain ADD COLUMN (no table copy), so the append-only triggers of ``documents`` stay.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "documents",
        sa.Column(
            "attests_weights_storage",
            sa.Boolean(),
            nullable=False,
            server_default=sa.false(),
        ),
    )


def downgrade() -> None:
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_column("attests_weights_storage")
