"""Run the benchmarks and print their figures as tables: ``python -m bench [NAME ...]``.

``python -m bench`` runs every benchmark, ``python -m bench engine`` or ``python -m bench
storage`` one of them. The full storage run first builds a database of 1,000,000 order lines
(about two minutes on two cores); ``--quick`` uses small sizes, a smoke test of seconds.
Figures that miss their target say FAIL; with ``--check`` they also make the exit status 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench import (
    dist,
    engine,
    fieldaudit,
    gui,
    kits,
    lists,
    reports,
    rescreen,
    screening,
    screening_orders,
    search,
    storage,
    verify,
)
from bench.report import Row, Section, render

NAMES = (
    "engine",
    "storage",
    "reports",
    "gui",
    "search",
    "lists",
    "screening",
    "screening-orders",
    "rescreen",
    "fieldaudit",
    "kits",
    "verify",
    "dist",
)


def _engine(_: argparse.Namespace) -> list[Section]:
    rows = [Row(label, value) for label, value in engine.run()]
    return [Section("Rules engine (pure, no storage)", rows)]


def _reports(_: argparse.Namespace) -> list[Section]:
    rows = [Row(label, value) for label, value in reports.run()]
    return [Section("Printed documents (reportlab)", rows)]


def _gui(options: argparse.Namespace) -> list[Section]:
    return [gui.run_section(quick=options.quick, workdir=options.workdir, reuse=options.reuse)]


def _search(options: argparse.Namespace) -> list[Section]:
    return [search.run_section(quick=options.quick, workdir=options.workdir, reuse=options.reuse)]


def _lists(options: argparse.Namespace) -> list[Section]:
    return [lists.run_section(workdir=options.workdir)]


def _screening(options: argparse.Namespace) -> list[Section]:
    return [screening.run_section(quick=options.quick)]


def _screening_orders(options: argparse.Namespace) -> list[Section]:
    return [screening_orders.run_section(workdir=options.workdir)]


def _rescreen(options: argparse.Namespace) -> list[Section]:
    parties, entries = (5_000, 5_000) if options.quick else (100_000, 30_000)
    return [rescreen.run_section(workdir=options.workdir, parties_count=parties, entries=entries)]


def _fieldaudit(_: argparse.Namespace) -> list[Section]:
    return [fieldaudit.run_section()]


def _kits(options: argparse.Namespace) -> list[Section]:
    return [kits.run_section(workdir=options.workdir)]


def _verify(options: argparse.Namespace) -> list[Section]:
    return [verify.run_section(quick=options.quick, workdir=options.workdir)]


def _dist(options: argparse.Namespace) -> list[Section]:
    return [dist.run_section(options.dist)]


def _storage(options: argparse.Namespace) -> list[Section]:
    return storage.run(quick=options.quick, workdir=options.workdir, reuse=options.reuse)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "names", nargs="*", metavar="NAME", help=f"{', '.join(NAMES)} (default: all)"
    )
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    parser.add_argument(
        "--check", action="store_true", help="exit with status 1 when a figure misses its target"
    )
    parser.add_argument(
        "--workdir",
        type=Path,
        help="keep the databases in this folder (default: a temporary folder, removed after)",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --workdir: reuse a database built there by an earlier run of the same size",
    )
    parser.add_argument(
        "--dist",
        type=Path,
        help="dist: measure the bundle built earlier in this folder (make dist's dist/) "
        "instead of building one",
    )
    options = parser.parse_args(argv)
    unknown = sorted(set(options.names) - set(NAMES))
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}: choose from {', '.join(NAMES)}")
    if options.reuse and options.workdir is None:
        parser.error("--reuse needs --workdir")
    runners = {
        "engine": _engine,
        "storage": _storage,
        "reports": _reports,
        "gui": _gui,
        "search": _search,
        "lists": _lists,
        "screening": _screening,
        "screening-orders": _screening_orders,
        "rescreen": _rescreen,
        "fieldaudit": _fieldaudit,
        "kits": _kits,
        "verify": _verify,
        "dist": _dist,
    }
    failed = False
    for name in options.names or NAMES:
        began = time.perf_counter()
        for section in runners[name](options):
            print(render(section))
            print(flush=True)
            failed = failed or section.failed
        print(f"[{name}: {time.perf_counter() - began:.0f} s]\n", flush=True)
    return 1 if failed and options.check else 0


if __name__ == "__main__":
    sys.exit(main())
