"""Faults of the environment as an officer meets them: named, with what to do, exit 2.

A folder given as the database, a file that is not one or is damaged, a folder that cannot
be made, a server that refuses the connection, a read-only disk or file, a full disk: none is
a bug of the desk. Each run here is the real command on a real condition (made as far as this
machine allows, see ``environment_support``): it must say what happened and what to do on
stderr, exit 2, log no traceback, and leave the database as it was. Commands that only read
work on a database that cannot be written.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.e2e.environment_support import (
    fill,
    read_only_disk,
    read_only_file,
    small_disk,
)
from tests.e2e.faults_support import (
    Desk,
    content_digest,
    copy_database,
    refs_of,
    write_big_orders,
)

PARTY = "AE-OASIS"


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demonstration database with its orders checked and one decision record printed."""
    folder = tmp_path_factory.mktemp("demo")
    database = folder / "demo.sqlite3"
    desk = Desk(folder)
    desk.ok("--db", database, "demo")
    desk.ok("--db", database, "check", "--pending")
    desk.ok(
        "--db",
        database,
        "settings",
        "--letterhead-name",
        "Example Exports Inc.",
        "--letterhead-address",
        "1 Harbour Road, Singapore",
    )
    desk.ok("--db", database, "record", "SO-25-0001", "--out", folder / "record.pdf")
    return database


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return Desk(tmp_path / "desk")


@pytest.fixture
def disk(tmp_path: Path) -> Path:
    """A folder of its own for the database: the one a condition is made on."""
    folder = tmp_path / "disk"
    folder.mkdir()
    return folder


def _named(desk: Desk, process: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """Check the run ended as a named fault of the environment; its message."""
    assert process.returncode == 2, (process.stdout[-2000:], process.stderr[-2000:])
    message: str = process.stderr
    assert message.startswith("diffusion-desk: "), message
    assert "internal error" not in message
    assert "Traceback" not in message
    for fragment in fragments:
        assert fragment in message, (fragment, message)
    assert desk.logged_tracebacks() == ""
    return message


# -- the path given is not a database ---------------------------------------------------------


def test_a_folder_given_as_the_database_is_named_as_a_folder(desk: Desk, disk: Path) -> None:
    process = desk.run("--db", disk, "quota", PARTY)
    _named(
        desk,
        process,
        f"cannot open the database {disk}: it is a folder;",
        "give the path of a database file",
    )
    assert list(disk.iterdir()) == []


def test_a_file_that_is_not_a_database_is_named_and_left_as_it_was(desk: Desk, disk: Path) -> None:
    notes = disk / "notes.sqlite3"
    notes.write_text("minutes of the compliance meeting\n" * 100, encoding="utf-8")
    before = notes.read_bytes()
    _named(
        desk,
        desk.run("--db", notes, "check", "--pending"),
        "it is not a SQLite database",
        "it was not changed",
    )
    assert notes.read_bytes() == before


def test_a_damaged_database_is_named_and_the_officer_told_to_restore_a_backup(
    desk: Desk, disk: Path, demo_template: Path
) -> None:
    database = copy_database(demo_template, disk / "desk.sqlite3")
    with database.open("r+b") as file:
        file.seek(8192)  # the header and the first page stay; every later page is garbage
        file.write(os.urandom(database.stat().st_size - 8192))
    _named(
        desk,
        desk.run("--db", database, "audit", "verify"),
        "the file is damaged",
        "restore it from your latest backup",
    )


def test_a_database_whose_folder_cannot_be_made_is_named_with_the_file_in_the_way(
    desk: Desk, disk: Path
) -> None:
    (disk / "archive").write_text("a file, not a folder", encoding="utf-8")
    database = disk / "archive" / "2026" / "desk.sqlite3"
    _named(
        desk,
        desk.run("--db", database, "demo"),
        f"cannot create the database {database}",
        f"{disk / 'archive'} is a file",
    )


def test_a_server_that_refuses_the_connection_is_named_with_what_to_check(desk: Desk) -> None:
    pytest.importorskip("psycopg")
    url = "postgresql+psycopg://x@127.0.0.1:1/none"
    _named(
        desk,
        desk.run("--db", url, "quota", PARTY),
        f"cannot open the database {url}: the server cannot be reached (Connection refused)",
        "check that the server is running",
    )


# -- a database that cannot be written --------------------------------------------------------

READING = {
    "quota": ("quota", PARTY),
    "audit verify": ("audit", "verify"),
    "export": ("export", "orders"),
    "lists": ("lists",),
    "settings": ("settings",),
    "check --dry-run": ("check", "SO-25-0002", "--dry-run"),
    "import --dry-run": ("import", "parties", "{folder}/parties.csv", "--dry-run"),
}


def _arguments(arguments: tuple[str, ...], folder: Path) -> list[str]:
    return [argument.replace("{folder}", str(folder)) for argument in arguments]


def test_commands_that_only_read_work_on_a_database_on_a_read_only_disk(
    desk: Desk, disk: Path, demo_template: Path
) -> None:
    database = copy_database(demo_template, disk / "desk.sqlite3")
    writable = copy_database(demo_template, desk.folder / "writable.sqlite3")
    (desk.folder / "parties.csv").write_text(
        desk.ok("--db", writable, "export", "parties"), encoding="utf-8"
    )
    expected = {
        name: desk.ok("--db", writable, *_arguments(args, desk.folder))
        for name, args in READING.items()
    }
    code = json.loads(
        desk.ok("--db", writable, "--json", "verify", demo_template.parent / "record.pdf")
    )["document"]["verification_code"]
    before = content_digest(database)
    with read_only_disk(disk) as condition:
        for name, arguments in READING.items():
            process = desk.run("--db", database, *_arguments(arguments, desk.folder))
            assert process.returncode == 0, (condition.how, name, process.stderr)
            assert process.stdout == expected[name], (condition.how, name)
            assert f"note: opened {database} read-only" in process.stderr
            assert condition.cause in process.stderr
        for target in (code, demo_template.parent / "record.pdf"):
            verified = desk.run("--db", database, "--json", "verify", target)
            assert verified.returncode == 0, (condition.how, verified.stderr)
            assert json.loads(verified.stdout)["genuine"] is True
        assert sorted(path.name for path in disk.iterdir()) == ["desk.sqlite3"]
    assert content_digest(database) == before
    assert desk.logged_tracebacks() == ""


WRITING = {
    "check": ("check", "--pending"),
    "import": ("import", "parties", "{folder}/parties.csv"),
    "cancel": ("cancel", "SO-25-0001"),
    "record": ("record", "SO-25-0001", "--out", "{folder}/record.pdf"),
    "settings": ("settings", "--page-size", "Letter"),
}


def test_commands_that_write_to_a_read_only_disk_are_refused_by_name_and_write_nothing(
    desk: Desk, disk: Path, demo_template: Path
) -> None:
    database = copy_database(demo_template, disk / "desk.sqlite3")
    (desk.folder / "parties.csv").write_text(
        desk.ok("--db", database, "export", "parties"), encoding="utf-8"
    )
    before = content_digest(database)
    with read_only_disk(disk) as condition:
        for name, arguments in WRITING.items():
            process = desk.run("--db", database, *_arguments(arguments, desk.folder))
            message = _named(desk, process, condition.cause, "nothing was written")
            assert f"the database {database}" in message, name
            assert process.stdout == "", name
    assert content_digest(database) == before
    assert not (desk.folder / "record.pdf").exists()


def test_an_immutable_database_file_is_read_and_refuses_to_be_written(
    desk: Desk, disk: Path, demo_template: Path
) -> None:
    database = copy_database(demo_template, disk / "desk.sqlite3")
    before = content_digest(database)
    with read_only_file(database) as condition:
        standing = desk.run("--db", database, "--json", "quota", PARTY)
        assert standing.returncode == 0, standing.stderr
        assert json.loads(standing.stdout)["party"]["ref"] == PARTY
        _named(
            desk,
            desk.run("--db", database, "cancel", "SO-25-0001"),
            f"cannot write to the database {database}: {condition.cause}",
            "give it write access",
        )
    assert content_digest(database) == before


def _left_with_changes_in_its_wal(database: Path, destination: Path) -> Path:
    """A copy of ``database`` as a desk killed mid-work leaves it: its last change still in
    the -wal file, not yet in the database file."""
    live = sqlite3.connect(database, isolation_level=None)
    try:
        live.execute("PRAGMA wal_autocheckpoint = 0")
        live.execute("UPDATE parties SET name = 'Renamed after the crash' WHERE ref = ?", (PARTY,))
        copy = copy_database(database, destination)
    finally:
        live.close()
    return copy


def test_a_database_whose_last_changes_are_in_its_wal_on_a_read_only_disk_is_refused_not_read_stale(
    desk: Desk, disk: Path, demo_template: Path, tmp_path: Path
) -> None:
    source = copy_database(demo_template, tmp_path / "source.sqlite3")
    database = _left_with_changes_in_its_wal(source, disk / "desk.sqlite3")
    Path(f"{database}-shm").unlink()
    assert Path(f"{database}-wal").stat().st_size > 0
    with read_only_disk(disk):
        _named(
            desk,
            desk.run("--db", database, "quota", PARTY),
            "its latest changes are still in desk.sqlite3-wal",
            "open it once with write access",
        )
    # With write access, the change was there all along.
    standing = json.loads(desk.ok("--db", database, "--json", "quota", PARTY))
    assert standing["party"]["name"] == "Renamed after the crash"


def test_a_database_on_a_read_only_disk_is_read_with_the_changes_still_in_its_wal(
    desk: Desk, disk: Path, demo_template: Path, tmp_path: Path
) -> None:
    source = copy_database(demo_template, tmp_path / "source.sqlite3")
    database = _left_with_changes_in_its_wal(source, disk / "desk.sqlite3")
    assert Path(f"{database}-shm").exists()
    with read_only_disk(disk) as condition:
        process = desk.run("--db", database, "--json", "quota", PARTY)
        assert process.returncode == 0, (condition.how, process.stderr)
        assert json.loads(process.stdout)["party"]["name"] == "Renamed after the crash"


def test_an_older_database_on_a_read_only_disk_must_first_be_upgraded_with_write_access(
    desk: Desk, disk: Path, demo_template: Path
) -> None:
    database = copy_database(demo_template, disk / "desk.sqlite3")
    with sqlite3.connect(database) as older:
        older.execute("UPDATE alembic_version SET version_num = '0012'")
    older.close()
    before = content_digest(database)
    with read_only_disk(disk):
        _named(
            desk,
            desk.run("--db", database, "audit", "verify"),
            "its schema (revision 0012) is older",
            "must be upgraded by opening it once with write access",
        )
    assert content_digest(database) == before
    assert sorted(path.name for path in disk.iterdir()) == ["desk.sqlite3"], "no backup taken"


# -- a full disk ------------------------------------------------------------------------------


@pytest.mark.slow
def test_an_import_onto_a_full_disk_is_named_writes_nothing_and_goes_in_once_space_is_freed(
    desk: Desk, tmp_path: Path, demo_template: Path
) -> None:
    parties = refs_of(desk.ok("--db", demo_template, "export", "parties"))
    products = refs_of(desk.ok("--db", demo_template, "export", "products"))
    big = desk.folder / "big.csv"
    write_big_orders(big, orders=20_000, parties=parties, products=products)
    with small_disk(tmp_path / "small", 32) as disk:
        database = copy_database(demo_template, disk / "desk.sqlite3")
        filler = fill(disk, leave=2 << 20)
        before = content_digest(database)
        _named(
            desk,
            desk.run("--db", database, "import", "orders", big),
            f"cannot write to the database {database}: the disk is full;",
            f"free space on the disk holding {disk}",
            "the change under way was not written",
        )
        assert content_digest(database) == before
        verified = desk.run("--db", database, "audit", "verify")
        assert verified.returncode == 0, verified.stderr
        filler.unlink()
        imported = json.loads(desk.ok("--db", database, "--json", "import", "orders", big))
        assert imported["created"] == 20_000
