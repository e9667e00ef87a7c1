"""Schema migrations: an empty file to head, the models in step, and older files backed up."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect

from domain.errors import DomainError
from storage.database import (
    alembic_config,
    create_desk_engine,
    current_revision,
    head_revision,
    resolve_target,
)
from storage.unit_of_work import SqlDatabase
from tests.clock import clock_on


def test_an_empty_file_migrates_to_head_with_every_table(tmp_path: Path) -> None:
    db = SqlDatabase.open(tmp_path / "new.sqlite3", clock=clock_on())
    try:
        assert current_revision(db.engine) == head_revision()
        tables = set(inspect(db.engine).get_table_names())
    finally:
        db.close()
    assert {
        "parties",
        "products",
        "orders",
        "order_lines",
        "decisions",
        "ledger_entries",
        "ledger_balances",
        "aia_certifications",
        "lpp_certifications",
        "licenses",
        "veu_footprints",
        "country_settings",
        "red_flag_checklists",
        "audit_log",
        "settings",
    } <= tables


def test_the_models_and_the_migrations_agree(database_url: str) -> None:
    db = SqlDatabase.open(database_url, clock=clock_on())
    try:
        with db.engine.begin() as connection:
            config = alembic_config(db.target.url)
            config.attributes["connection"] = connection
            command.check(config)  # raises when autogenerate would produce a change
    finally:
        db.close()


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    db = SqlDatabase.open(tmp_path / "desk.sqlite3", clock=clock_on())
    try:
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        db.close()


def test_an_older_schema_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    target = resolve_target(path)
    engine = create_desk_engine(target)
    with engine.begin() as connection:
        config = alembic_config(target.url)
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO parties (ref, name, aliases, address, country, hq_country, role, veu) "
            "VALUES ('P1', 'Kept', '[]', '', 'SG', 'SG', 'other', 'none')"
        )
    engine.dispose()
    db = SqlDatabase.open(path, clock=clock_on())
    try:
        assert current_revision(db.engine) == head_revision()
        with db.reader() as uow:
            assert uow.parties.get("P1") is not None
    finally:
        db.close()
    backups = list(tmp_path.glob("desk.before-*.sqlite3"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    try:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT name FROM parties").fetchall() == [("Kept",)]
    finally:
        copy.close()


def test_a_file_that_is_not_a_desk_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE invoices (id INTEGER)")
    other.commit()
    other.close()
    with pytest.raises(DomainError, match="not a Diffusion Desk database"):
        SqlDatabase.open(path, clock=clock_on())
    check = create_engine(f"sqlite:///{path}")
    assert inspect(check).get_table_names() == ["invoices"]
    check.dispose()


def test_a_schema_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    SqlDatabase.open(path, clock=clock_on()).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.close()
    with pytest.raises(DomainError, match="newer version"):
        SqlDatabase.open(path, clock=clock_on())


def test_parties_and_orders_of_an_older_file_become_searchable(tmp_path: Path) -> None:
    from domain.queries import OrderFilter
    from storage.queries import SqlDeskQueries

    path = tmp_path / "desk.sqlite3"
    target = resolve_target(path)
    engine = create_desk_engine(target)
    with engine.begin() as connection:
        config = alembic_config(target.url)
        config.attributes["connection"] = connection
        command.upgrade(config, "0007")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO parties (id, ref, name, aliases, address, country, hq_country, role, veu)"
            " VALUES (1, 'DE-MR', 'Müller Rechenzentren', '[\"MRZ Köln\"]', '', 'DE', 'DE',"
            " 'other', 'none')"
        )
        connection.exec_driver_sql(
            "INSERT INTO orders (id, ref, date, consignee_id, status, decided)"
            " VALUES (7, 'SO-2026-000417', '2026-11-02', 1, 'open', 0)"
        )
    engine.dispose()
    db = SqlDatabase.open(path, clock=clock_on())
    try:
        queries = SqlDeskQueries(db.engine)
        assert list(queries.order_ids(OrderFilter(text="muller"))) == [7]
        assert list(queries.order_ids(OrderFilter(text="koln"))) == [7]
        assert list(queries.order_ids(OrderFilter(text="000417"))) == [7]
        assert [row.ref for row in queries.party_summaries("MÜLLER")] == ["DE-MR"]
    finally:
        db.close()


def test_the_schema_head_the_desk_opens_by_is_alembics_head() -> None:
    from storage.database import SCHEMA_HEAD

    assert head_revision() == SCHEMA_HEAD


def test_a_current_database_opens_without_importing_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "desk.sqlite3"
    SqlDatabase.open(path, clock=clock_on()).close()
    code = (
        "import sys\n"
        "from storage.unit_of_work import SqlDatabase\n"
        "from tests.clock import clock_on\n"
        f"SqlDatabase.open({str(path)!r}, clock=clock_on()).close()\n"
        "print(sorted(name for name in sys.modules if name.startswith('alembic')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path.cwd()
    )
    assert done.stdout.strip() == "[]"


def test_a_sealed_desk_from_before_party_languages_still_verifies_intact(tmp_path: Path) -> None:
    from app.cli import main

    path = tmp_path / "desk.sqlite3"
    assert main(["--db", str(path), "demo"], clock=clock_on()) == 0
    _downgrade(path, "0014")  # the parties as sealed before they had a language
    assert main(["--db", str(path), "audit", "verify"], clock=clock_on()) == 0
    db = SqlDatabase.open(path, clock=clock_on())
    try:
        assert current_revision(db.engine) == head_revision()
        with db.reader() as uow:
            assert {party.language.value for party in uow.parties.all()} == {"en"}
    finally:
        db.close()


def _downgrade(where: Path | str, revision: str) -> None:
    """The database taken back to an older schema, as an older desk left it (on SQLite with
    foreign keys off, as the desk's own migration has them: a rebuilt table is dropped and
    renamed)."""
    target = resolve_target(where)
    engine = create_desk_engine(target)
    try:
        with engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                raw = connection.connection.dbapi_connection
                raw.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
            with connection.begin():
                config = alembic_config(target.url)
                config.attributes["connection"] = connection
                command.downgrade(config, revision)
    finally:
        engine.dispose()


def _stored_figures(where: str) -> list[object]:
    """The TPP figures of the ledger as the database gives them, not as the desk reads them."""
    engine = create_desk_engine(resolve_target(where))
    try:
        with engine.connect() as connection:
            return [
                value
                for (value,) in connection.exec_driver_sql(
                    "SELECT tpp FROM ledger_entries ORDER BY id LIMIT 50"
                )
            ]
    finally:
        engine.dispose()


def test_a_desk_of_float_figures_becomes_exact_and_still_verifies_intact(
    database_url: str,
) -> None:
    from app.cli import main

    assert main(["--db", database_url, "demo"], clock=clock_on()) == 0
    assert main(["--db", database_url, "check", "--pending"], clock=clock_on()) == 0
    db = SqlDatabase.open(database_url, clock=clock_on())
    try:
        with db.reader() as uow:
            products = {product.ref: product.tpp for product in uow.products.all()}
            standing = uow.ledger.lpp_used("SG-LIONCITY", 2026)
    finally:
        db.close()
    _downgrade(database_url, "0015")  # TPP columns floats again, as every desk before 0016
    before = _stored_figures(database_url)
    assert before
    assert all(isinstance(value, float) for value in before)

    assert main(["--db", database_url, "audit", "verify"], clock=clock_on()) == 0
    db = SqlDatabase.open(database_url, clock=clock_on())
    try:
        assert current_revision(db.engine) == head_revision()
        with db.reader() as uow:
            after = {product.ref: product.tpp for product in uow.products.all()}
            assert uow.ledger.lpp_used("SG-LIONCITY", 2026) == standing
        assert after == products
        assert all(isinstance(value, Decimal) for value in after.values() if value is not None)
    finally:
        db.close()
    figures = _stored_figures(database_url)
    assert [Decimal(str(value)) for value in figures] == [Decimal(repr(v)) for v in before]
    assert not any(isinstance(value, float) for value in figures)
    if not database_url.startswith("postgresql"):
        with closing(sqlite3.connect(database_url)) as raw:
            assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
