"""Field audits (rules.md section 10; issue 12): reconciling 10,000 expected serials against
10,000 scanned on site, and classifying one scan as it is read.

Targets: the whole reconciliation within 0.5 s; one scan classified far within the 50 ms a
scanner's Enter allows. Baseline, measured in the same run: each scanned serial looked up by
walking the list of expected units (a spreadsheet's VLOOKUP), on a sample, extrapolated.
"""

from __future__ import annotations

import random
import statistics
import time

from bench.report import FAIL, PASS, Row, Section
from domain.fieldaudit.reconcile import Expected, Reconciler, reconcile

EXPECTED = 10_000
TARGET_S = 0.5


def _site(seed: int = 4) -> tuple[list[Expected], dict[str, str], list[str]]:
    rng = random.Random(seed)
    serials = rng.sample(range(10**11, 10**12), EXPECTED + 2_000)
    expected = [
        Expected(f"16{serial}", "H100", f"SO-{n // 64:04d}", "DC-1" if n < EXPECTED else "DC-2")
        for n, serial in enumerate(serials[: EXPECTED + 500])
    ]
    elsewhere = {f"16{serial}": "OTHER" for serial in serials[EXPECTED + 500 :]}
    scanned = [unit.serial for unit in expected[: EXPECTED - 300]]  # 300 missing
    scanned += [unit.serial for unit in expected[EXPECTED : EXPECTED + 100]]  # relocated
    scanned += list(elsewhere)[:100] + [f"ZZ{n}" for n in range(100)]  # unexpected
    scanned += scanned[:100]  # read twice
    rng.shuffle(scanned)
    return expected, elsewhere, scanned[:EXPECTED]


def run_section() -> Section:
    section = Section("Field audit: reconciling serials on site")
    expected, elsewhere, scanned = _site()
    began = time.perf_counter()
    result = reconcile("DC-1", expected, elsewhere, scanned)
    whole = time.perf_counter() - began
    reconciler = Reconciler("DC-1", expected, elsewhere)
    timings = []
    for serial in scanned[:2_000]:
        start = time.perf_counter()
        reconciler.scan(serial)
        timings.append(time.perf_counter() - start)
    timings.sort()
    sample = scanned[:200]
    start = time.perf_counter()
    for serial in sample:
        next((unit for unit in expected if unit.serial == serial), None)
    walking = (time.perf_counter() - start) / len(sample) * len(scanned)
    section.rows += [
        Row(
            f"{result.expected:,} expected against {len(scanned):,} scanned",
            f"{whole * 1000:.1f} ms",
            baseline=f"{walking:.1f} s (list walk, extrapolated)",
            ratio=f"{walking / whole:.0f}x",
            target=f"<= {TARGET_S * 1000:.0f} ms",
            result=PASS if whole <= TARGET_S else FAIL,
        ),
        Row(
            "one scan classified, p95",
            f"{timings[int(len(timings) * 0.95)] * 1e6:.1f} µs",
            target="<= 50 ms",
            result=PASS if timings[int(len(timings) * 0.95)] <= 0.05 else FAIL,
        ),
        Row("  p50", f"{statistics.median(timings) * 1e6:.1f} µs"),
    ]
    section.notes.append(
        f"found {len(result.found):,}, missing {len(result.missing):,}, unexpected "
        f"{len(result.unexpected):,}, duplicate {len(result.duplicate):,}, relocated "
        f"{len(result.relocated):,}"
    )
    return section


if __name__ == "__main__":
    from bench.report import render

    print(render(run_section()))
