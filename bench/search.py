"""Order text search at a million orders: what the officer types into Orders' search field.

Issue 10: at most 100 ms for a text search over 1,000,000 orders. On the window benchmark's
database (``bench.gui``: about 1,000,000 orders over 50,000 parties, built once and reused with
``--workdir DIR --reuse``), each search asks ``SqlDeskQueries.order_ids`` for every matching
order id, newest first, as the Orders page does; the baseline is the former query (``lower()``
``LIKE`` over the order refs and the party names, no index for substrings) on the same file in
the same run. Median of five runs after one warm-up, each on a fresh connection pool.

Run it with ``python -m bench search`` (``--quick`` for ~40,000 orders).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy import Engine, text

from bench.report import Row, Section, ms, ratio, verdict
from domain.queries import OrderFilter

SEARCH_MS = 100.0
RUNS = 5

_FORMER = (
    "SELECT o.id FROM orders o WHERE (lower(o.ref) LIKE :needle OR o.consignee_id IN "
    "(SELECT id FROM parties WHERE lower(ref) LIKE :needle OR lower(name) LIKE :needle))"
    " ORDER BY o.date DESC, o.id DESC"
)


def _median_ms(run: Callable[[], Sequence[int]]) -> tuple[float, int]:
    found = run()
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        found = run()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times), len(found)


def _needles(engine: Engine) -> list[tuple[str, str]]:
    with engine.connect() as connection:
        count = int(connection.execute(text("SELECT max(id) FROM orders")).scalar_one())
        ref = str(
            connection.execute(
                text("SELECT ref FROM orders WHERE id >= :id ORDER BY id LIMIT 1"),
                {"id": count // 2},
            ).scalar_one()
        )
        accented = connection.execute(
            text("SELECT name FROM parties WHERE name LIKE :name ORDER BY id LIMIT 1 OFFSET 40"),
            {"name": "%Müller%"},
        ).scalar()
    needles = [
        ("a fragment of an order ref", ref[-6:-1]),
        ("a consignee's name", "Customer 4242 "),
    ]
    if accented is not None:
        number = str(accented).rsplit(" ", 1)[-1]
        needles.append(("a name typed without its accents", f"muller & sohne {number}"))
    return needles


def measure(engine: Engine) -> list[Row]:
    from storage.queries import SqlDeskQueries

    queries = SqlDeskQueries(engine)
    rows = []
    for label, needle in _needles(engine):

        def desk(needle: str = needle) -> Sequence[int]:
            return queries.order_ids(OrderFilter(text=needle))

        def former(needle: str = needle) -> Sequence[int]:
            with engine.connect() as connection:
                found = connection.execute(text(_FORMER), {"needle": f"%{needle.lower()}%"})
                return [row[0] for row in found]

        desk_ms, desk_rows = _median_ms(desk)
        former_ms, former_rows = _median_ms(former)
        shown = f"({desk_rows:,} orders; former query {former_rows:,})"
        rows.append(
            Row(
                f"{label}: {needle.strip()!r} {shown}",
                ms(desk_ms),
                ms(former_ms),
                ratio(desk_ms, former_ms),
                f"<= {ms(SEARCH_MS)}",
                verdict(desk_ms <= SEARCH_MS),
            )
        )
    return rows


def run_section(
    *, quick: bool = False, workdir: Path | None = None, reuse: bool = False
) -> Section:
    from app.clock import SystemClock
    from bench.gui import FULL, QUICK, _database, _workdir
    from storage.unit_of_work import SqlDatabase

    sizes = QUICK if quick else FULL
    with _workdir(workdir) as folder:
        path, note = _database(folder, sizes, reuse)
        db = SqlDatabase.open(path, clock=SystemClock())
        try:
            with db.engine.connect() as connection:
                orders = int(connection.execute(text("SELECT count(*) FROM orders")).scalar_one())
            rows = measure(db.engine)
        finally:
            db.close()
    return Section(
        f"Order text search at {orders:,} orders (SQLite)",
        rows,
        [
            "desk: SqlDeskQueries.order_ids (parties by their folded search text, order refs "
            "through the FTS5 trigram index); baseline: the former lower() LIKE query, which "
            "neither folds accents nor uses an index",
            f"median of {RUNS} runs after a warm-up; every matching id, newest first",
            note,
        ],
    )
