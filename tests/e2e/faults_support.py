"""Helpers for the fault tests: run the real command, kill it, and look into its SQLite file.

Everything here looks at the database the way an outsider would: through Python's own
``sqlite3`` module, never through the application's storage code, so a bug there cannot hide
itself from the checks.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import importlib.util
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

SCRIPT = Path(sys.executable).parent / "diffusion-desk"
ENTRY_POINT = "import sys; from app.cli import main; sys.exit(main())"
DEMO_ORDERS = 391
TIMEOUT = 120.0


def _command() -> tuple[list[str], str | None]:
    """The command to run and, for the fallback, the folder to put on PYTHONPATH."""
    if SCRIPT.exists():
        return [str(SCRIPT)], None
    spec = importlib.util.find_spec("app")
    if spec is None or spec.origin is None:
        pytest.skip(f"diffusion-desk is not installed ({SCRIPT} is missing)")
    return [sys.executable, "-c", ENTRY_POINT], str(Path(spec.origin).parent.parent)


@dataclass
class Desk:
    """Runs ``diffusion-desk`` as a user does: a real process in a scratch folder."""

    folder: Path
    command: list[str] = field(init=False)
    env: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.command, import_root = _command()
        env = dict(os.environ)
        env["DIFFUSION_DESK_LOG"] = str(self.log)
        env["DIFFUSION_DESK_DB"] = str(self.folder / "default.sqlite3")
        env["PYTHONIOENCODING"] = "utf-8"
        if import_root is not None:
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [import_root, env.get("PYTHONPATH")]))
        self.env = env

    @property
    def log(self) -> Path:
        return self.folder / "log" / "desk.log"

    def run(self, *args: str | Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.command, *map(str, args)],
            cwd=self.folder,
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
            check=False,
        )

    def ok(self, *args: str | Path) -> str:
        """Run and insist on exit 0; the standard output."""
        process = self.run(*args)
        assert process.returncode == 0, (args, process.stdout[-2000:], process.stderr[-2000:])
        return process.stdout

    def start(self, *args: str | Path, out: Path, err: Path) -> subprocess.Popen[bytes]:
        """Start without waiting; output goes to files (a full pipe would stall the process)."""
        with out.open("wb") as stdout, err.open("wb") as stderr:
            return subprocess.Popen(
                [*self.command, *map(str, args)],
                cwd=self.folder,
                env=self.env,
                stdout=stdout,
                stderr=stderr,
            )

    def logged_tracebacks(self) -> str:
        if not self.log.exists():
            return ""
        text = self.log.read_text(encoding="utf-8", errors="replace")
        return text if "Traceback" in text else ""


@contextlib.contextmanager
def reaped(process: subprocess.Popen[bytes]) -> Iterator[subprocess.Popen[bytes]]:
    """Whatever happens in the block, the process is not left running."""
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=TIMEOUT)


def wait_until(condition: Callable[[], bool], process: subprocess.Popen[bytes]) -> bool:
    """Poll ``condition`` until it holds (True) or the process ends first (False)."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if condition():
            return True
        if process.poll() is not None:
            return condition()
        time.sleep(0.002)
    raise AssertionError("timed out waiting for the process to get there")


# -- files ------------------------------------------------------------------------------------


def copy_database(source: Path, destination: Path) -> Path:
    """Copy a closed database (and its WAL, should one be left) to a new place."""
    shutil.copy2(source, destination)
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{source}{suffix}")
        if companion.exists():
            shutil.copy2(companion, Path(f"{destination}{suffix}"))
    return destination


def wal_size(database: Path) -> int:
    try:
        return os.path.getsize(f"{database}-wal")
    except OSError:
        return 0


def refs_of(export_csv: str) -> list[str]:
    return [row["ref"] for row in csv.DictReader(io.StringIO(export_csv))]


def write_big_orders(
    path: Path, *, orders: int, parties: list[str], products: list[str], prefix: str = "BIG"
) -> int:
    """An ERP-sized orders file: two lines an order; returns the number of data rows."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("ref,date,consignee_ref,end_user_ref,destination,product_ref,quantity\n")
        for number in range(1, orders + 1):
            ref = f"{prefix}-{number:06d}"
            day = f"2026-{number % 12 + 1:02d}-{number % 28 + 1:02d}"
            consignee = parties[number % len(parties)]
            for line in range(2):
                product = products[(number + line) % len(products)]
                out.write(f"{ref},{day},{consignee},,,{product},{number % 5 + 1}\n")
    return orders * 2


# -- looking into the database ----------------------------------------------------------------


@contextlib.contextmanager
def opened(database: Path, *, read_only: bool = False) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection (read-only: ``mode=ro``), closed afterwards."""
    if read_only:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
    else:
        connection = sqlite3.connect(database, timeout=30)
    try:
        yield connection
    finally:
        connection.close()


def rows(database: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    with opened(database) as connection:
        return list(connection.execute(sql, params).fetchall())


def count(database: Path, sql: str, *params: object) -> int:
    """The one whole number a query answers (``SELECT COUNT(*) ...``)."""
    ((value,),) = rows(database, sql, *params)
    return int(value)


def integrity(database: Path) -> list[str]:
    with opened(database) as connection:
        result = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
        result += [repr(row) for row in connection.execute("PRAGMA foreign_key_check")]
        return result


def table_counts(database: Path) -> dict[str, int]:
    with opened(database) as connection:
        names = [
            str(name)
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {
            name: int(connection.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0])
            for name in sorted(names)
        }


def content_digest(database: Path) -> str:
    """A hash of every row of every table: equal digests, equal contents."""
    with opened(database) as connection:
        digest = hashlib.sha256()
        for line in connection.iterdump():
            digest.update(line.encode("utf-8"))
        return digest.hexdigest()


_BALANCE_KEY = """
    CASE ledger
        WHEN 'lpp' THEN 'lpp|' || party_ref || '|' || year
        WHEN 'aia' THEN 'aia|' || party_ref
        WHEN 'veu' THEN 'veu|' || party_ref || '|' || country
        WHEN 'license' THEN 'license|' || license_number
        ELSE 'country|' || country
    END
"""


def balances(database: Path) -> dict[str, float]:
    """The stored running balances, zero balances left out."""
    return {
        str(key): float(tpp)
        for key, tpp in rows(database, "SELECT key, tpp FROM ledger_balances")
        if abs(float(tpp)) > 1e-6
    }


def ledger_sums(database: Path) -> dict[str, float]:
    """The running balances recomputed from the ledger entries, zero sums left out."""
    return {
        str(key): float(tpp)
        for key, tpp in rows(
            database, f"SELECT {_BALANCE_KEY} AS key, SUM(tpp) FROM ledger_entries GROUP BY key"
        )
        if abs(float(tpp)) > 1e-6
    }


def same_figures(left: dict[str, float], right: dict[str, float]) -> bool:
    return left.keys() == right.keys() and all(
        abs(left[key] - right[key]) <= 1e-9 * max(1.0, abs(left[key])) for key in left
    )


def outcomes_by_order(database: Path) -> dict[str, str]:
    """Each decided order's latest outcome."""
    return {
        str(ref): str(outcome)
        for ref, outcome in rows(
            database,
            """
            SELECT o.ref, d.outcome FROM decisions d JOIN orders o ON o.id = d.order_id
            WHERE d.seq = (SELECT MAX(seq) FROM decisions WHERE order_id = d.order_id)
            """,
        )
    }


def record_problems(database: Path) -> list[str]:
    """Everything that would show a half-written check, found with plain SQL."""
    problems: list[str] = []
    checks = {
        "a decision without the audit entry that records it": """
            SELECT d.id FROM decisions d WHERE NOT EXISTS (
                SELECT 1 FROM audit_log a WHERE a.action = 'decide'
                AND json_extract(a."after", '$.decision_id') = d.id)
        """,
        "an audit entry recording a decision that is not there": """
            SELECT a.seq FROM audit_log a WHERE a.action = 'decide' AND NOT EXISTS (
                SELECT 1 FROM decisions d WHERE d.id = json_extract(a."after", '$.decision_id'))
        """,
        "a ledger entry without its decision": """
            SELECT l.id FROM ledger_entries l LEFT JOIN decisions d ON d.id = l.decision_id
            WHERE d.id IS NULL
        """,
        "a decision whose consumption is not (all) on the ledgers": """
            SELECT d.id FROM decisions d
            WHERE COALESCE(json_array_length(d.payload, '$.consumption'), 0) != (
                SELECT COUNT(*) FROM ledger_entries l WHERE l.decision_id = d.id AND NOT l.released)
        """,
        "an order line without its order": """
            SELECT l.id FROM order_lines l LEFT JOIN orders o ON o.id = l.order_id
            WHERE o.id IS NULL
        """,
        "an order with more than one decision, or flagged decided without one (or vice versa)": """
            SELECT o.ref FROM orders o LEFT JOIN decisions d ON d.order_id = o.id
            GROUP BY o.id HAVING COUNT(d.id) > 1 OR (COUNT(d.id) = 1) != (o.decided = 1)
        """,
    }
    for what, sql in checks.items():
        found = rows(database, sql)
        if found:
            problems.append(f"{what}: {found[:5]}")
    stored, summed = balances(database), ledger_sums(database)
    differing = {
        key: (stored.get(key, 0.0), summed.get(key, 0.0))
        for key in stored.keys() | summed.keys()
        if not same_figures({key: stored.get(key, 0.0)}, {key: summed.get(key, 0.0)})
    }
    if differing:
        problems.append(f"running balances that differ from their entries' sums: {differing}")
    return problems


def write_lock_is_held(database: Path) -> bool:
    """Whether another connection holds the write lock right now (asked without waiting)."""
    connection = sqlite3.connect(database, timeout=0, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            return True
        raise
    else:
        connection.execute("ROLLBACK")
        return False
    finally:
        connection.close()


def decisions_seen(database: Path) -> int:
    """The committed decisions, as a separate read-only reader sees them (0 if not yet open)."""
    try:
        with opened(database, read_only=True) as connection:
            return int(connection.execute("SELECT COUNT(*) FROM decisions").fetchone()[0])
    except sqlite3.OperationalError:
        return 0
