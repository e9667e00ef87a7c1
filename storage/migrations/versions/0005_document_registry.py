"""document registry: generated documents and the return of their signed copies

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28 08:00:00.000000

Every printed statement, record, notice and report is registered with its number, content
hash, verification code and the SHA-256 of the file, so paper can be verified years later.
Both tables are append-only, like the decisions and the audit log: a signed copy's return is
a new row in ``document_returns``, never an edit of the document.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

APPEND_ONLY = ("documents", "document_returns")


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("issued_year", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("party_ref", sa.String(length=64), nullable=True),
        sa.Column("order_ref", sa.String(length=64), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("verification_code", sa.String(length=16), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("generated_by", sa.String(length=300), nullable=False),
        sa.Column("generated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ruleset", sa.String(length=64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decisions.id"], name=op.f("fk_documents_decision_id_decisions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint(
            "kind", "issued_year", "serial", name=op.f("uq_documents_kind_issued_year_serial")
        ),
        sa.UniqueConstraint("number", name=op.f("uq_documents_number")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_file_sha256"), ["file_sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_order_ref"), ["order_ref"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_party_ref"), ["party_ref"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_documents_verification_code"), ["verification_code"], unique=False
        )

    op.create_table(
        "document_returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("signed_by", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=300), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["number"], ["documents.number"], name=op.f("fk_document_returns_number_documents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_returns")),
        sa.UniqueConstraint("number", name=op.f("uq_document_returns_number")),
    )
    _create_append_only_guards()


def _create_append_only_guards() -> None:
    """The same guards 0001 and 0003 put on the decisions and the audit log."""
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
    op.drop_table("document_returns")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_verification_code"))
        batch_op.drop_index(batch_op.f("ix_documents_party_ref"))
        batch_op.drop_index(batch_op.f("ix_documents_order_ref"))
        batch_op.drop_index(batch_op.f("ix_documents_file_sha256"))
    op.drop_table("documents")
