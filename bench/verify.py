"""``audit verify`` at scale: time and peak memory at 20,000, 100,000 and 1,000,000 decisions.

The record is built straight into SQLite (building it through the engine would take hours):
parties, a product, one order of one line per decision, each decision with its ledger entry
and its audit entry, every hash as the desk computes it. The records are then sealed by the
desk itself (the baseline seal a database from before seals gets on opening), so the record
verifies intact and every pass of ``audit verify`` runs in full: the chain, decisions,
ledgers, rulesets, and every record the rules read.

Each verification runs in a fresh process; its peak resident memory is the kernel's high-water
mark of that process (``VmHWM``; Linux). The baseline, measured in the same run, is the
smallest record: memory that stays flat as the record grows fifty-fold is what streaming
means. (Before streaming, verify took
126 MB at 20,000 decisions and 260 MB at 100,000: about 1.8 GB at 1,000,000.)
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from bench.report import FAIL, PASS, Row, Section
from domain.audit import GENESIS_HASH, audit_entry_hash, canonical_json, decision_content_hash
from domain.clock import FixedClock
from domain.ruleset import load_shipped_rulesets

TARGET_MB = 300
PARTIES = 2_000
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _clock() -> FixedClock:
    return FixedClock.on(date(2026, 11, 28), tick=timedelta(milliseconds=1))


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def build(path: Path, decisions: int) -> None:
    """A desk of ``decisions`` decided orders that verifies intact."""
    from storage.unit_of_work import SqlDatabase

    path.unlink(missing_ok=True)
    SqlDatabase.open(path, clock=_clock()).close()  # the schema, by the migrations
    ruleset = load_shipped_rulesets().by_id("aidf-2026-02-03")
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    countries = ["SG", "MY", "IN", "AE", "BR", "MX", "TH", "VN"]
    connection.executemany(
        "INSERT INTO parties (id, ref, name, aliases, address, country, hq_country, role, veu,"
        " search_text) VALUES (?, ?, ?, '[]', '', ?, ?, 'datacenter_operator', 'none', ?)",
        (
            (number, f"P{number:05d}", f"Compute {number} Pte Ltd", country, country, "")
            for number in range(1, PARTIES + 1)
            for country in (countries[number % len(countries)],)
        ),
    )
    connection.execute(
        "INSERT INTO products (id, ref, name, kind, tpp, die_area_mm2, datacenter, ics_per_unit,"
        " training_operations, published) VALUES (1, 'H100-SXM', 'H100 SXM', 'ic', 15832.0,"
        " 814.0, 1, 1, NULL, 0)"
    )
    rng = random.Random(7)
    previous = GENESIS_HASH
    balances: dict[str, float] = {}
    batch_orders: list[tuple[object, ...]] = []
    batch_lines: list[tuple[object, ...]] = []
    batch_decisions: list[tuple[object, ...]] = []
    batch_entries: list[tuple[object, ...]] = []
    batch_audit: list[tuple[object, ...]] = []

    def flush() -> None:
        connection.executemany(
            "INSERT INTO orders (id, ref, date, consignee_id, destination, effective_destination,"
            " status, decided, outcome, a_level_tpp) VALUES (?, ?, ?, ?, NULL, ?, 'open', 1,"
            " 'authorized', ?)",
            batch_orders,
        )
        connection.executemany(
            "INSERT INTO order_lines (order_id, line_no, product_id, quantity) VALUES (?, 1, 1, ?)",
            batch_lines,
        )
        connection.executemany(
            "INSERT INTO decisions (id, order_id, seq, decided_at, decided_by, outcome, ruleset,"
            " a_level_tpp, supersedes_id, payload, content_hash) VALUES (?, ?, 1, ?, 'bench',"
            " 'authorized', ?, ?, NULL, ?, ?)",
            batch_decisions,
        )
        connection.executemany(
            "INSERT INTO ledger_entries (decision_id, ledger, party_ref, year, country,"
            " license_number, tpp, released, at) VALUES (?, 'lpp', ?, 2026, NULL, NULL, ?, 0, ?)",
            batch_entries,
        )
        connection.executemany(
            'INSERT INTO audit_log (seq, at, actor, action, entity, entity_ref, "before",'
            " \"after\", prev_hash, hash) VALUES (?, ?, 'bench', 'decide', 'order', ?, NULL,"
            " ?, ?, ?)",
            batch_audit,
        )
        for batch in (batch_orders, batch_lines, batch_decisions, batch_entries, batch_audit):
            batch.clear()

    for number in range(1, decisions + 1):
        ref = f"SO-{number:07d}"
        party = rng.randint(1, PARTIES)
        party_ref = f"P{party:05d}"
        quantity = rng.randint(1, 8)
        tpp = 15832.0 * quantity
        decided_at = START + timedelta(seconds=number)
        consumption = [
            {
                "country": None,
                "ledger": "lpp",
                "license_number": None,
                "party_ref": party_ref,
                "tpp": tpp,
                "year": 2026,
            }
        ]
        payload = {
            "a_level_tpp": tpp,
            "authorizations": ["LPP"],
            "consumption": consumption,
            "destination": countries[party % len(countries)],
            "destination_tier": 2,
            "findings": [
                {
                    "code": "lpp_within_limit",
                    "figures": {"limit_tpp": 26900000.0, "order_tpp": tpp},
                    "message": f"Authorized under LPP: {tpp:,.0f} TPP this order, within the "
                    "annual 26,900,000 TPP per ultimate consignee.",
                    "part": "a_level",
                    "rule": "§ 740.29",
                    "severity": "info",
                }
            ],
            "lines": [],
            "order_date": "2026-03-02",
            "order_ref": ref,
            "outcome": "authorized",
            "parts": [],
            "ruleset": ruleset.id,
            "ruleset_sha256": ruleset.content_hash,
        }
        content_hash = decision_content_hash(
            order_ref=ref,
            seq=1,
            decided_at=decided_at,
            decided_by="bench",
            supersedes=None,
            payload=payload,
        )
        after = {
            "consumption": consumption,
            "content_hash": content_hash,
            "decision_id": number,
            "outcome": "authorized",
            "released": [],
            "ruleset": ruleset.id,
            "seq": 1,
        }
        entry_hash = audit_entry_hash(
            seq=number,
            at=decided_at,
            actor="bench",
            action="decide",
            entity="order",
            entity_ref=ref,
            before=None,
            after=after,
            prev_hash=previous,
        )
        stamp = _stamp(decided_at)
        batch_orders.append(
            (number, ref, "2026-03-02", party, countries[party % len(countries)], tpp)
        )
        batch_lines.append((number, quantity))
        batch_decisions.append(
            (number, number, stamp, ruleset.id, tpp, canonical_json(payload), content_hash)
        )
        batch_entries.append((number, party_ref, tpp, stamp))
        batch_audit.append((number, stamp, ref, canonical_json(after), previous, entry_hash))
        key = f"lpp|{party_ref}|2026"
        balances[key] = balances.get(key, 0.0) + tpp
        previous = entry_hash
        if len(batch_orders) == 20_000:
            flush()
    flush()
    connection.executemany("INSERT INTO ledger_balances (key, tpp) VALUES (?, ?)", balances.items())
    connection.execute("INSERT INTO record_seal_pending (id) VALUES (1)")
    connection.commit()
    connection.close()
    SqlDatabase.open(path, clock=_clock()).close()  # the desk seals every record (baseline)


_CHILD = """
import sys, time
from domain.ruleset import load_shipped_rulesets
from domain.services.verification import verify_records
from storage.unit_of_work import SqlDatabase
from domain.clock import FixedClock
from datetime import date
db = SqlDatabase.open(sys.argv[1], clock=FixedClock.on(date(2026, 11, 28)))
began = time.perf_counter()
report = verify_records(db, load_shipped_rulesets())
seconds = time.perf_counter() - began
with open("/proc/self/status") as status:  # this program's own high-water mark (not the parent's)
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(seconds, report.intact, report.entries, report.records, peak / 1024, flush=True)
"""


def measure(path: Path) -> tuple[float, float, bool, int, int]:
    """(seconds, peak MB, intact, audit entries, records) of one verification in a fresh
    process."""
    root = Path(__file__).resolve().parent.parent
    environment = {**os.environ, "PYTHONPATH": str(root)}
    process = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(path)],
        stdout=subprocess.PIPE,
        cwd=root,
        env=environment,
        text=True,
    )
    assert process.stdout is not None
    output = process.stdout.read()
    if process.wait() != 0:
        raise RuntimeError(f"verification failed ({process.returncode}): {output}")
    seconds, intact, entries, records, peak_mb = output.split()
    return float(seconds), float(peak_mb), intact == "True", int(entries), int(records)


def run_section(*, quick: bool, workdir: Path | None) -> Section:
    sizes = (2_000, 10_000, 50_000) if quick else (20_000, 100_000, 1_000_000)
    folder = workdir or Path(os.environ.get("TMPDIR", "/tmp")) / "desk-bench-verify"
    folder.mkdir(parents=True, exist_ok=True)
    section = Section("audit verify: streaming, peak memory of a fresh process")
    baseline_mb = 0.0
    for size in sizes:
        path = folder / f"verify-{size}.sqlite3"
        began = time.perf_counter()
        build(path, size)
        built = time.perf_counter() - began
        seconds, peak_mb, intact, entries, records = measure(path)
        if not baseline_mb:
            baseline_mb = peak_mb
        is_target = size == sizes[-1]
        section.rows.append(
            Row(
                f"{size:,} decisions ({entries:,} audit entries, {records:,} records): "
                f"{seconds:.1f} s",
                f"{peak_mb:.0f} MB",
                baseline=f"{baseline_mb:.0f} MB",
                ratio=f"{peak_mb / baseline_mb:.2f}x",
                target=f"≤ {TARGET_MB} MB" if is_target else "",
                result=(PASS if peak_mb <= TARGET_MB and intact else FAIL) if is_target else "",
            )
        )
        section.notes.append(
            f"{size:,}: built in {built:.0f} s, verified {'intact' if intact else 'BROKEN'}"
        )
        if workdir is None:
            path.unlink(missing_ok=True)
    section.notes.append(
        f"baseline: the smallest record ({sizes[0]:,} decisions), same run; before streaming "
        "verify took 126 MB at 20,000 decisions and 260 MB at 100,000"
    )
    return section
