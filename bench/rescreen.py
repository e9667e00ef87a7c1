"""Re-screening after a list import that changed 100 entries (rules.md section 9; issue 11).

A new SQLite file with 100,000 parties (legal name, alias, parent: see bench/screening.py) and
a 30,000-entry snapshot made by varying the real Entity List file, every party screened
against it; then a second snapshot in which 100 entries changed (a name, an alias or the
licence policy), and the re-screening that brings every party to it, screening again only
what the change can affect. Target: at most 2 s. The baseline is screening every party again.
"""

from __future__ import annotations

import csv
import io
import random
import tempfile
import time
from pathlib import Path

from bench.report import FAIL, PASS, Row, Section
from bench.screening import LIST, load_labelled, parties, synthesise

TARGET_S = 2.0
CHANGED = 100


def _list_file(entries_size: int, changed: int = 0, seed: int = 3) -> bytes:
    """A CSL-shaped CSV of ``entries_size`` entries; ``changed`` of them altered."""
    from bench.screening import load_entries

    with LIST.open(encoding="utf-8", newline="") as handle:
        real = list(csv.DictReader(handle))
    made = synthesise(load_entries(), entries_size)
    fields = list(real[0])
    rows = []
    for number, entry in enumerate(made):
        model = real[number % len(real)]
        row = dict(model)
        row["_id"] = entry.entry_id
        row["name"] = entry.names[0]
        row["alt_names"] = "; ".join(entry.names[1:])
        row["addresses"] = "; ".join(entry.countries)
        rows.append(row)
    rng = random.Random(seed)
    for row in rng.sample(rows, changed):
        kind = rng.randrange(3)
        if kind == 0:
            row["name"] = row["name"] + " Branch"
        elif kind == 1:
            row["alt_names"] = "; ".join(filter(None, [row["alt_names"], "Another Trading"]))
        else:
            row["license_policy"] = "Case-by-case review."
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def run_section(
    *, workdir: Path | None = None, parties_count: int = 100_000, entries: int = 30_000
) -> Section:
    from app.clock import SystemClock
    from domain.model import Party
    from domain.ruleset import load_shipped_rulesets
    from domain.services.screening import index_of, rescreen_after_import, screen_all
    from domain.services.screening_lists import import_list
    from storage.unit_of_work import SqlDatabase

    catalog = load_shipped_rulesets()
    section = Section(
        f"Re-screening {parties_count:,} parties after {CHANGED} of {entries:,} entries changed"
    )
    queries = parties(load_labelled(), parties_count)
    made = [
        Party(
            ref=f"P{number:06d}",
            name=query.names[0][:200],
            aliases=(query.names[1],),
            parent_name=query.names[2],
            country=query.countries[0],
            hq_country=query.countries[0],
        )
        for number, query in enumerate(queries)
    ]
    with tempfile.TemporaryDirectory(dir=workdir) as folder:
        db = SqlDatabase.open(Path(folder) / "rescreen.sqlite3", clock=SystemClock())
        try:
            with db.writer("bench") as uow:
                uow.parties.add_many(made)
                uow.commit()
            import_list(db, _list_file(entries), file_name="list-1.csv", actor="b", catalog=catalog)
            began = time.perf_counter()
            first = rescreen_after_import(db, actor="bench")
            whole = time.perf_counter() - began
            changed = _list_file(entries, CHANGED)
            import_list(db, changed, file_name="list-2.csv", actor="b", catalog=catalog)
            began = time.perf_counter()
            with db.reader() as uow:
                snapshot = uow.list_snapshots.in_use()
                assert snapshot is not None
                index_of(uow, snapshot)
            build = time.perf_counter() - began
            began = time.perf_counter()
            again = rescreen_after_import(db, actor="bench")
            after_change = time.perf_counter() - began
            began = time.perf_counter()
            everyone = screen_all(db, actor="bench")
            all_again = time.perf_counter() - began
        finally:
            db.close()
    section.rows += [
        Row(
            f"first import: {first.screened:,} screened, {first.with_matches:,} with matches",
            f"{whole:.1f} s",
        ),
        Row("  the new snapshot's index built (once per snapshot and process)", f"{build:.1f} s"),
        Row(
            f"after {CHANGED} changed entries: {again.screened:,} screened, "
            f"{again.carried:,} carried",
            f"{after_change:.2f} s",
            baseline=f"{all_again:.1f} s (all {len(everyone):,} again)",
            ratio=f"{all_again / after_change:.1f}x",
            target=f"<= {TARGET_S:g} s",
            result=PASS if after_change <= TARGET_S else FAIL,
        ),
    ]
    return section


if __name__ == "__main__":
    import sys

    from bench.report import render

    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(render(run_section(parties_count=size)))
