"""Alembic environment: runs on the connection the app hands over, or on sqlalchemy.url."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from storage.schema import Base

config = context.config
target_metadata = Base.metadata


SEARCH_INDEXES = ("order_refs",)
"""Full-text indexes the migrations keep beside the models (SQLite FTS5 and its shadow tables)."""


def _include_name(name: str | None, type_: str, parent_names: object) -> bool:
    if type_ == "table" and name is not None:
        return not name.startswith(SEARCH_INDEXES)
    return True


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=target_metadata,
        include_name=_include_name,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit(
            "set sqlalchemy.url (alembic -x or alembic.ini) to a Diffusion Desk database"
        )
    engine = create_engine(url)
    with engine.begin() as new_connection:
        _run(new_connection)
