"""TPP figures exact: NUMERIC on PostgreSQL, exact decimal text on SQLite

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05 22:50:00.000000

Every TPP column was a FLOAT, and a float sum past 2**53 drops whole units. PostgreSQL turns
them into NUMERIC in place. SQLite cannot change a column's type, and a column declared FLOAT
turns every number it is given back into a float, so each table holding a figure is rebuilt
with TEXT columns (SQLite's own procedure: a new table, the rows copied, the old table dropped,
the new one renamed, its indexes and triggers created again as they were). A figure is copied
as the shortest decimal that reads back as the float it was (15832.0 becomes ``15832``).

``desk_add`` and ``desk_sum`` (exact addition and sum, ``storage.exact``) are created on
PostgreSQL under the names the desk registers on every SQLite connection.

Foreign keys: the rebuild drops tables that others refer to, which SQLite allows only with
foreign key enforcement off; ``storage.database.migrate`` turns it off around the migration on
SQLite and checks every reference (``PRAGMA foreign_key_check``) before committing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from alembic import op

from storage.exact import exact_text

revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FIGURES: dict[str, tuple[str, ...]] = {
    "products": ("tpp",),
    "orders": ("a_level_tpp",),
    "decisions": ("a_level_tpp",),
    "ledger_entries": ("tpp",),
    "ledger_balances": ("tpp",),
    "lpp_certifications": ("prior_receipts_tpp",),
    "licenses": ("tpp",),
    "veu_footprints": ("installed_tpp",),
    "country_settings": ("external_allocation_used_tpp",),
}
_NEW = "{table}__exact"


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for table, columns in FIGURES.items():
            for column in columns:
                op.execute(
                    f"ALTER TABLE {table} ALTER COLUMN {column} TYPE NUMERIC "
                    f"USING {column}::numeric"
                )
        op.execute(
            "CREATE FUNCTION desk_add(numeric, numeric) RETURNS numeric LANGUAGE sql IMMUTABLE "
            "AS 'SELECT coalesce($1, 0) + coalesce($2, 0)'"
        )
        op.execute("CREATE AGGREGATE desk_sum(numeric) (SFUNC = numeric_add, STYPE = numeric)")
        return
    bind.connection.dbapi_connection.create_function(  # type: ignore[union-attr]
        "desk_exact_text", 1, exact_text, deterministic=True
    )
    for table, columns in FIGURES.items():
        _rebuild(table, columns, "FLOAT", "TEXT")
    problems = bind.exec_driver_sql("PRAGMA foreign_key_check").all()
    if problems:
        raise RuntimeError(f"references broken by the rebuild: {problems[:5]}")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP AGGREGATE IF EXISTS desk_sum(numeric)")
        op.execute("DROP FUNCTION IF EXISTS desk_add(numeric, numeric)")
        for table, columns in FIGURES.items():
            for column in columns:
                op.execute(
                    f"ALTER TABLE {table} ALTER COLUMN {column} TYPE DOUBLE PRECISION "
                    f"USING {column}::double precision"
                )
        return
    for table, columns in FIGURES.items():
        _rebuild(table, columns, "TEXT", "FLOAT")


def _rebuild(table: str, columns: tuple[str, ...], old_type: str, new_type: str) -> None:
    """SQLite's rebuild of ``table`` with ``columns`` declared ``new_type``; every index and
    trigger of the table is created again from its stored SQL."""
    bind = op.get_bind()
    (create,) = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).one()
    extras = [
        sql
        for (sql,) in bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
            "AND sql IS NOT NULL ORDER BY type, name",
            (table,),
        )
    ]
    new = _NEW.format(table=table)
    head = re.compile(rf"^CREATE TABLE \"?{table}\"?", re.I)
    if not head.match(create):
        raise RuntimeError(f"unexpected definition of table {table}: {create[:80]}")
    sql = head.sub(f"CREATE TABLE {new}", create, count=1)
    for column in columns:
        sql, found = re.subn(rf"\b{column} {old_type}\b", f"{column} {new_type}", sql)
        if found != 1:
            raise RuntimeError(f"column {table}.{column} is not declared {old_type}")
    names = [row[1] for row in bind.exec_driver_sql(f"PRAGMA table_info({table})")]
    cast = "desk_exact_text({})" if new_type == "TEXT" else "CAST({} AS REAL)"
    select = ", ".join(cast.format(name) if name in columns else name for name in names)
    bind.exec_driver_sql(sql)
    bind.exec_driver_sql(f"INSERT INTO {new} ({', '.join(names)}) SELECT {select} FROM {table}")
    bind.exec_driver_sql(f"DROP TABLE {table}")
    bind.exec_driver_sql(f"ALTER TABLE {new} RENAME TO {table}")
    for statement in extras:
        bind.exec_driver_sql(statement)
