"""Faults as a user meets them: a killed import, a killed batch, desks racing, bad files.

Every test runs the real ``diffusion-desk`` command on a real SQLite file and then looks into
that file with Python's own ``sqlite3`` (see ``faults_support``): nothing may be lost and
nothing half-written, whatever happened to the process.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import signal
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.faults_support import (
    DEMO_ORDERS,
    Desk,
    balances,
    content_digest,
    copy_database,
    count,
    decisions_seen,
    integrity,
    outcomes_by_order,
    reaped,
    record_problems,
    refs_of,
    rows,
    same_figures,
    table_counts,
    wait_until,
    wal_size,
    write_big_orders,
    write_lock_is_held,
)

KILLED = -signal.SIGKILL
WAL_MARK = 1 << 20
"""WAL bytes that show an import is writing: its transaction spills pages long before commit."""
BIG_ORDERS = 75_000
"""Orders (two lines each) in the large import: parsing and writing take seconds."""
DECISIONS_BEFORE_KILL = 20


@dataclass(frozen=True)
class CleanRun:
    """What one undisturbed ``check --pending`` makes of the demonstration data."""

    outcomes: dict[str, str]
    balances: dict[str, float]
    audit_entries: int


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demonstration database, built once; tests work on copies of it."""
    folder = tmp_path_factory.mktemp("demo")
    database = folder / "demo.sqlite3"
    Desk(folder).ok("--db", database, "demo")
    return database


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory: pytest.TempPathFactory, demo_template: Path) -> CleanRun:
    folder = tmp_path_factory.mktemp("clean")
    database = copy_database(demo_template, folder / "clean.sqlite3")
    Desk(folder).ok("--db", database, "check", "--pending")
    outcomes = outcomes_by_order(database)
    assert len(outcomes) == DEMO_ORDERS
    return CleanRun(
        outcomes=outcomes,
        balances=balances(database),
        audit_entries=count(database, "SELECT COUNT(*) FROM audit_log"),
    )


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return Desk(tmp_path)


@pytest.fixture
def demo_db(tmp_path: Path, demo_template: Path) -> Path:
    return copy_database(demo_template, tmp_path / "desk.sqlite3")


def _assert_whole(desk: Desk, database: Path) -> None:
    """The file is sound and the application's own verification agrees."""
    assert integrity(database) == ["ok"]
    verify = desk.run("--db", database, "audit", "verify")
    assert verify.returncode == 0, verify.stderr
    assert "audit chain intact" in verify.stdout
    assert record_problems(database) == []


# -- 1. a kill in the middle of a large import ------------------------------------------------


@pytest.mark.slow
def test_an_import_killed_while_writing_leaves_no_order_behind_and_the_file_imports_again(
    desk: Desk, demo_template: Path, tmp_path: Path
) -> None:
    reference = copy_database(demo_template, tmp_path / "reference.sqlite3")
    parties = refs_of(desk.ok("--db", reference, "export", "parties"))
    products = refs_of(desk.ok("--db", reference, "export", "products"))
    big = tmp_path / "big.csv"
    orders = BIG_ORDERS
    rows_written = write_big_orders(big, orders=orders, parties=parties, products=products)
    attempts: list[str] = []
    for attempt in range(1, 4):
        # A fresh file each attempt: a killed attempt's WAL must never meet another copy.
        database = copy_database(demo_template, tmp_path / f"attempt{attempt}.sqlite3")
        before = content_digest(database)
        out, err = tmp_path / f"import{attempt}.out", tmp_path / f"import{attempt}.err"
        importer = desk.start("--db", database, "import", "orders", big, out=out, err=err)
        with reaped(importer):
            writing = wait_until(lambda: wal_size(database) > WAL_MARK, importer)  # noqa: B023
            locked = writing and importer.poll() is None and write_lock_is_held(database)
            wal_at_kill = wal_size(database)
            importer.kill()
        big_orders = count(database, "SELECT COUNT(*) FROM orders WHERE ref LIKE 'BIG-%'")
        if importer.returncode != KILLED or not writing:
            # It finished before it could be caught writing: try again with twice the work.
            attempts.append(f"{orders} orders: exit {importer.returncode} before the kill")
            orders *= 2
            rows_written = write_big_orders(big, orders=orders, parties=parties, products=products)
            continue
        assert big_orders in (0, orders), f"{big_orders} of {orders} orders were half-imported"
        if big_orders == orders:
            attempts.append(f"{orders} orders: committed in the instant before the kill")
            continue
        break
    else:
        pytest.fail(f"the import was never killed inside its write: {attempts}")

    assert importer.returncode == KILLED, "killed before it finished"
    assert locked, "the import held the write lock when it was killed"
    assert wal_at_kill > WAL_MARK
    assert (tmp_path / f"import{attempt}.out").read_bytes() == b"", "it never reported success"
    # Nothing of the killed transaction is visible; the database is what it was, row for row.
    _assert_whole(desk, database)
    assert content_digest(database) == before
    demo_refs = {str(ref) for (ref,) in rows(reference, "SELECT ref FROM orders")}
    assert {str(ref) for (ref,) in rows(database, "SELECT ref FROM orders")} == demo_refs
    assert len(demo_refs) == DEMO_ORDERS
    assert table_counts(database) == table_counts(reference)

    # The same file, run again to the end, goes in whole.
    imported = desk.run("--db", database, "--json", "import", "orders", big)
    assert imported.returncode == 0, imported.stderr
    summary = json.loads(imported.stdout)
    assert (summary["records"], summary["rows"], summary["created"]) == (
        orders,
        rows_written,
        orders,
    )
    assert count(database, "SELECT COUNT(*) FROM orders WHERE ref LIKE 'BIG-%'") == orders
    assert count(database, "SELECT COUNT(*) FROM orders") == DEMO_ORDERS + orders
    lines = table_counts(database)["order_lines"]
    assert lines == table_counts(reference)["order_lines"] + rows_written
    assert rows(
        database,
        "SELECT action, entity_ref FROM audit_log WHERE action != 'seal' ORDER BY seq DESC LIMIT 1",
    ) == [("import", big.name)]
    _assert_whole(desk, database)


# -- 2. a kill in the middle of a batch check -------------------------------------------------


def _pending(database: Path) -> int:
    return count(database, "SELECT COUNT(*) FROM orders WHERE status = 'open' AND NOT decided")


@pytest.mark.slow
def test_a_batch_check_killed_midway_keeps_each_finished_decision_whole_and_a_rerun_does_the_rest(
    desk: Desk, demo_db: Path, clean_run: CleanRun, tmp_path: Path
) -> None:
    seen = 0

    def enough_decided() -> bool:
        nonlocal seen
        seen = decisions_seen(demo_db)
        return seen > DECISIONS_BEFORE_KILL

    out, err = tmp_path / "check.out", tmp_path / "check.err"
    with reaped(desk.start("--db", demo_db, "check", "--pending", out=out, err=err)) as process:
        reached = wait_until(enough_decided, process)
        process.kill()
    assert reached, f"the batch ended (exit {process.returncode}) before it could be killed"
    assert process.returncode == KILLED
    decided = count(demo_db, "SELECT COUNT(*) FROM decisions")
    assert DECISIONS_BEFORE_KILL < seen <= decided < DEMO_ORDERS, (seen, decided)

    # Each decision is whole (its ledger entries, balances and audit entry), the rest pending.
    _assert_whole(desk, demo_db)
    assert _pending(demo_db) == DEMO_ORDERS - decided
    assert count(demo_db, "SELECT COUNT(*) FROM audit_log WHERE action = 'decide'") == decided
    partial = outcomes_by_order(demo_db)
    assert partial.items() <= clean_run.outcomes.items(), "the same decisions as an undisturbed run"

    rerun = desk.run("--db", demo_db, "--json", "check", "--pending")
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout.splitlines()[-1])["summary"]
    assert summary["total"] == summary["checked"] == DEMO_ORDERS - decided
    assert (summary["skipped"], summary["errors"]) == (0, {})

    assert count(demo_db, "SELECT COUNT(*) FROM decisions") == DEMO_ORDERS
    assert _pending(demo_db) == 0
    _assert_whole(desk, demo_db)
    assert outcomes_by_order(demo_db) == clean_run.outcomes
    assert same_figures(balances(demo_db), clean_run.balances)
    assert count(demo_db, "SELECT COUNT(*) FROM audit_log") == clean_run.audit_entries


# -- 3. desks racing through the same queue ---------------------------------------------------


def _results(path: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    documents = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert documents, f"{path.name} is empty"
    assert "summary" in documents[-1]
    return documents[:-1], documents[-1]["summary"]


@pytest.mark.slow
def test_three_batch_checks_started_together_decide_each_order_once_and_spend_as_one_would(
    desk: Desk, demo_db: Path, clean_run: CleanRun, tmp_path: Path
) -> None:
    runs = range(3)
    with ExitStack() as stack:
        processes = [
            stack.enter_context(
                reaped(
                    desk.start(
                        "--db",
                        demo_db,
                        "--json",
                        "check",
                        "--pending",
                        out=tmp_path / f"run{number}.jsonl",
                        err=tmp_path / f"run{number}.err",
                    )
                )
            )
            for number in runs
        ]
        for process in processes:
            process.wait(timeout=120)
    errors = [(tmp_path / f"run{number}.err").read_text(encoding="utf-8") for number in runs]
    assert [process.returncode for process in processes] == [0, 0, 0], errors
    assert errors == ["", "", ""]

    results = [_results(tmp_path / f"run{number}.jsonl") for number in runs]
    decided_by_run = [{document["order"] for document in decisions} for decisions, _ in results]
    for (decisions, summary), refs in zip(results, decided_by_run, strict=True):
        assert all(document["recorded"] for document in decisions)
        assert summary["checked"] == len(decisions) == len(refs)
        assert summary["checked"] + summary["skipped"] == summary["total"]
        assert summary["errors"] == {}
    # The processes really raced: some found orders that another had decided meanwhile.
    assert sum(summary["skipped"] for _, summary in results) > 0, [s for _, s in results]
    # Between them they decided every order, and no order twice.
    assert sum(len(refs) for refs in decided_by_run) == DEMO_ORDERS
    assert set().union(*decided_by_run) == set(clean_run.outcomes)

    assert count(demo_db, "SELECT COUNT(*) FROM decisions") == DEMO_ORDERS
    assert count(demo_db, "SELECT COUNT(*) FROM decisions WHERE supersedes_id IS NOT NULL") == 0
    assert count(demo_db, "SELECT COUNT(*) FROM ledger_entries WHERE released") == 0
    _assert_whole(desk, demo_db)
    assert outcomes_by_order(demo_db) == clean_run.outcomes
    spent = balances(demo_db)
    for ledger in ("lpp|", "veu|", "aia|", "license|", "country|"):
        assert same_figures(
            {key: tpp for key, tpp in spent.items() if key.startswith(ledger)},
            {key: tpp for key, tpp in clean_run.balances.items() if key.startswith(ledger)},
        ), ledger
    assert count(demo_db, "SELECT COUNT(*) FROM audit_log") == clean_run.audit_entries


# -- 4. bad files through the command line ----------------------------------------------------

ORDERS_HEADER = "ref,date,consignee_ref,end_user_ref,destination,product_ref,quantity"
PARTIES_HEADER = (
    "ref,name,aliases,address,country,hq_country,parent_name,parent_hq_country,role,veu,"
    "veu_country,veu_id"
)
PRODUCTS_HEADER = (
    "ref,name,kind,tpp,die_area_mm2,datacenter,ics_per_unit,training_operations,published"
)
HUGE = 5_000_000


def _orders(*lines: str) -> bytes:
    return "\n".join([ORDERS_HEADER, *lines, ""]).encode("utf-8")


def _many_good_orders_then_one_bad() -> bytes:
    good = [f"NEW-{n:05d},2026-03-02,AE-OASIS,,,H100-SXM,{n % 7 + 1}" for n in range(1, 2001)]
    return _orders(*good, "NEW-99999,2026-02-31,AE-OASIS,,,H100-SXM,1")


@dataclass(frozen=True)
class BadFile:
    kind: str
    content: Callable[[], bytes]
    where: str
    """Where the message must point, after the file name: ``row N, field F`` or ``row N``."""
    expected: tuple[str, ...]
    """What the message must say was wrong and what was expected."""


BAD_FILES = {
    "wrong-headers": BadFile(
        "orders",
        lambda: (
            b"ref,datum,consignee,end_user_ref,destination,product_ref,quantity\n"
            b"X-1,2026-03-02,AE-OASIS,,,H100-SXM,1\n"
        ),
        "row 1, field datum",
        (
            "unknown column 'datum' (did you mean 'date'?)",
            "row 1, field consignee_ref: missing column 'consignee_ref'",
            f"expected the header {ORDERS_HEADER}",
        ),
    ),
    "bad-dates": BadFile(
        "orders",
        lambda: _orders(
            "X-1,2026-02-30,AE-OASIS,,,H100-SXM,1", "X-2,03/02/2026,AE-OASIS,,,H100-SXM,1"
        ),
        "row 2, field date",
        (
            "expected a date YYYY-MM-DD that exists on the calendar (got '2026-02-30')",
            "row 3, field date: expected a date YYYY-MM-DD (got '03/02/2026')",
        ),
    ),
    "unknown-country": BadFile(
        "orders",
        lambda: _orders("X-1,2026-03-02,AE-OASIS,,Atlantis,H100-SXM,1"),
        "row 2, field destination",
        ("unknown country 'Atlantis'", "expected an ISO 3166-1"),
    ),
    "unknown-party-country": BadFile(
        "parties",
        lambda: f"{PARTIES_HEADER}\nNA-1,Narnia Compute,,,Narnia,US,,,end_user,none,,\n".encode(),
        "row 2, field country",
        ("unknown country 'Narnia'", "expected an ISO 3166-1"),
    ),
    "unknown-references": BadFile(
        "orders",
        lambda: _orders(
            "X-1,2026-03-02,NOPE-PARTY,,,H100-SXM,1", "X-2,2026-03-02,AE-OASIS,,,NOPE-CHIP,1"
        ),
        "row 2, field consignee_ref",
        (
            "unknown party 'NOPE-PARTY': import it with the parties first",
            "row 3, field product_ref: unknown product 'NOPE-CHIP': import it with the "
            "products first",
        ),
    ),
    "existing-order": BadFile(
        "orders",
        lambda: _orders("SO-25-0001,2026-03-02,AE-OASIS,,,H100-SXM,1"),
        "row 2, field ref",
        ("order 'SO-25-0001' already exists; orders are only added",),
    ),
    "negative-quantity": BadFile(
        "orders",
        lambda: _orders("X-1,2026-03-02,AE-OASIS,,,H100-SXM,-4"),
        "row 2, field quantity",
        ("expected a whole number > 0", "(got '-4')"),
    ),
    "negative-tpp": BadFile(
        "products",
        lambda: f"{PRODUCTS_HEADER}\nX-CHIP,X chip,ic,-5,800,true,1,,false\n".encode(),
        "row 2, field tpp",
        ("expected a number ≥ 0", "(got '-5')"),
    ),
    "huge-cell": BadFile(
        "orders",
        lambda: _orders("X-1,2026-03-02,AE-OASIS,,," + "H" * HUGE + ",1"),
        "row 2, field product_ref",
        ("a cell longer than 10,000 characters",),
    ),
    "huge-cell-after-a-quoted-address": BadFile(
        "parties",
        lambda: (
            f'{PARTIES_HEADER}\nFR-X,Calcul SA,,"1 rue de Rivoli, 75001 Paris, France",FR,FR,'
            + "P" * HUGE
            + ",,end_user,none,,\n"
        ).encode(),
        "row 2, field",
        ("a cell longer than 10,000 characters",),
    ),
    "latin-1": BadFile(
        "parties",
        lambda: (
            f"{PARTIES_HEADER}\n"
            'FR-SG,Société Générale Calcul,,"29 boulevard Haussmann, Paris",FR,FR,,,'
            "end_user,none,,\n"
        ).encode("latin-1"),
        # A file-wide problem: the row, but no field, can be named.
        "row 2",
        ("not UTF-8: byte 0xE9", "save the file as UTF-8"),
    ),
    "empty": BadFile(
        "orders",
        lambda: b"",
        "row 1",
        (f"the file is empty; expected the header {ORDERS_HEADER}",),
    ),
    "binary": BadFile(
        # A compressed export handed over as the CSV itself.
        "orders",
        lambda: gzip.compress(_orders("X-1,2026-03-02,AE-OASIS,,,H100-SXM,1"), mtime=0),
        "row 1",
        ("not UTF-8: byte 0x8B at offset 1", "save the file as UTF-8"),
    ),
    "one-bad-row-after-2000-good-ones": BadFile(
        "orders",
        _many_good_orders_then_one_bad,
        "row 2002, field date",
        ("1 problem; nothing imported", "expected a date YYYY-MM-DD that exists on the calendar"),
    ),
}


def _refuse(desk: Desk, database: Path, kind: str, data: bytes, name: str) -> str:
    """Import ``data``; check it was refused cleanly and wrote nothing; the message."""
    path = desk.folder / name
    path.write_bytes(data)
    before = content_digest(database), table_counts(database)
    process = desk.run("--db", database, "import", kind, path)
    assert process.returncode == 2, process.stdout + process.stderr[:2000]
    assert process.stdout == ""
    message = process.stderr
    assert message.startswith(f"diffusion-desk: error: {name}: ")
    assert message.rstrip().endswith("Nothing was imported.")
    assert "Traceback" not in message
    assert 'File "' not in message
    assert len(message) < 20_000, "a long cell is shortened, not echoed"
    assert desk.logged_tracebacks() == ""
    assert (content_digest(database), table_counts(database)) == before
    return message


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_csv_is_refused_with_exit_2_a_message_saying_where_and_what_and_nothing_written(
    desk: Desk, demo_db: Path, case: str
) -> None:
    bad = BAD_FILES[case]
    name = f"{case}.csv"
    message = _refuse(desk, demo_db, bad.kind, bad.content(), name)
    assert f"\n{name}, {bad.where}" in message, "the file, the row and (where one is) the field"
    for fragment in bad.expected:
        assert fragment in message


def test_a_huge_cell_after_a_quoted_address_is_blamed_on_its_own_column(
    desk: Desk, demo_db: Path
) -> None:
    data = BAD_FILES["huge-cell-after-a-quoted-address"].content()
    message = _refuse(desk, demo_db, "parties", data, "quoted.csv")
    assert "quoted.csv, row 2, field parent_name: a cell longer than 10,000" in message


def test_control_characters_in_a_header_reach_the_terminal_escaped(
    desk: Desk, demo_db: Path
) -> None:
    data = b"\x1b[2J\x1b[31mref" + b"\x00" * 500 + b",date\nX-1,2026-03-02\n"
    message = _refuse(desk, demo_db, "orders", data, "escapes.csv")
    assert "\x1b" not in message
    assert "\x00" not in message


# -- 5. the same file imported again ----------------------------------------------------------


def test_an_orders_file_imported_again_is_recognised_once_and_nothing_is_written(
    desk: Desk, demo_db: Path, tmp_path: Path
) -> None:
    parties = refs_of(desk.ok("--db", demo_db, "export", "parties"))
    products = refs_of(desk.ok("--db", demo_db, "export", "products"))
    erp = tmp_path / "erp-2026-03.csv"
    write_big_orders(erp, orders=5_000, parties=parties, products=products, prefix="ERP")
    desk.ok("--db", demo_db, "import", "orders", erp)
    before = content_digest(demo_db), table_counts(demo_db)
    sha256 = hashlib.sha256(erp.read_bytes()).hexdigest()

    # As after a run killed just after its commit: the re-run finds the file already in.
    again = desk.run("--db", demo_db, "import", "orders", erp)
    assert again.returncode == 0, again.stderr
    assert again.stderr == ""
    assert again.stdout.startswith(f"{erp.name} was already imported on ")
    assert f"(same content, sha256 {sha256[:16]}…); nothing to do" in again.stdout
    assert again.stdout.count("\n") == 1
    summary = json.loads(desk.ok("--db", demo_db, "--json", "import", "orders", erp))
    assert summary["already_imported"] is True
    assert (summary["created"], summary["records"], summary["sha256"]) == (0, 5_000, sha256)
    assert summary["imported_by"] == "test.officer"
    assert (content_digest(demo_db), table_counts(demo_db)) == before

    # A file differing by one row is not the same file: its stored orders are refused.
    with erp.open("a", encoding="utf-8") as more:
        more.write(f"ERP-999999,2026-03-02,{parties[0]},,,{products[0]},1\n")
    refused = desk.run("--db", demo_db, "import", "orders", erp)
    assert refused.returncode == 2
    assert "order 'ERP-000001' already exists; orders are only added" in refused.stderr
    assert (content_digest(demo_db), table_counts(demo_db)) == before


def test_a_parties_file_imported_again_is_recognised_and_one_changed_row_still_goes_in(
    desk: Desk, demo_db: Path, tmp_path: Path
) -> None:
    exported = tmp_path / "parties.csv"
    desk.ok("--db", demo_db, "export", "parties", "--out", exported)
    lines = exported.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace("Oasis Grid Data Centres", "Oasis Grid Data Centers", 1)
    changed = tmp_path / "crm.csv"
    changed.write_text("".join(lines), encoding="utf-8")
    first = json.loads(desk.ok("--db", demo_db, "--json", "import", "parties", changed))
    assert (first["updated"], first["already_imported"]) == (1, False)
    before = content_digest(demo_db)

    again = desk.run("--db", demo_db, "import", "parties", changed)
    assert again.returncode == 0, again.stderr
    assert "crm.csv was already imported on " in again.stdout
    assert "nothing to do" in again.stdout
    assert content_digest(demo_db) == before

    lines[2] = lines[2].replace(",end_user,", ",research,", 1)
    changed.write_text("".join(lines), encoding="utf-8")
    third = json.loads(desk.ok("--db", demo_db, "--json", "import", "parties", changed))
    assert (third["updated"], third["already_imported"]) == (1, False)
