"""the key hashes of screened names, so that a new list re-screens only whom it can affect

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 03:30:00.000000

``screening_name_keys`` keeps, for each set of names a party was screened under (its names
hash), the hashes of the blocking keys those names were looked up under in the index
(``domain.screening.index``), for one version of the keys. After a list import a party whose
keys meet none of the new names' keys keeps its screening (rules.md section 9). The table is
derived data: a missing row only means that party is screened again in full.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "screening_name_keys",
        sa.Column("names_hash", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=16), nullable=False),
        sa.Column("keys", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("names_hash", "version", name=op.f("pk_screening_name_keys")),
    )


def downgrade() -> None:
    op.drop_table("screening_name_keys")
