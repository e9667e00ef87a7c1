"""the key hashes of screened names, so that a new list re-screens only whom it can affect

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 03:30:00.000000

``screening_name_keys`` keeps, for each set of names a party was screened under (its names
hash), the hashes of the blocking keys those names were looked up under in the index
(``domain.screening.index``), for one version of the keys. After a list import a party whose
keys meet none of the new names' keys keeps its screening (rules.md section 9). The table is
derived data: a missing row only means that party is screened again in full. With the keys it
keeps the names as written of the party first screened under them without owners: a party
whose names are written alike has the same names hash without computing it.

``party_screenings.entry_ids`` lists the entries of a screening's matches, one a line, so that
the screenings touched by a changed entry are found without reading every match in full;
screenings stored before this revision keep NULL there (the table is append-only) and are
read from ``matches``. A screening carried to a new snapshot with matches names the screening
that holds them in ``matches_of`` instead of writing them again.
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
        sa.Column("name", sa.String(length=300), nullable=True),
        sa.Column("aliases", sa.Text(), nullable=True),
        sa.Column("parent_name", sa.String(length=300), nullable=True),
        sa.PrimaryKeyConstraint("names_hash", "version", name=op.f("pk_screening_name_keys")),
    )
    op.add_column("party_screenings", sa.Column("entry_ids", sa.Text(), nullable=True))
    op.add_column("party_screenings", sa.Column("matches_of", sa.Integer(), nullable=True))


def downgrade() -> None:
    # in place: the table's append-only guards stay
    op.drop_column("party_screenings", "matches_of")
    op.drop_column("party_screenings", "entry_ids")
    op.drop_table("screening_name_keys")
