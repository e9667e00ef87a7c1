"""Restricted-party screening: name matching quality and speed (rules.md section 9).

Quality: the labelled set tests/data/screening/labelled.csv (variants of real Entity List
names, Chinese and Cyrillic spellings, clean names) screened against the 3,392 real entries of
shared/data/screening/entity-list.csv: recall (the right entry among the matches) and the
share of clean names that alert, at the default threshold and a few others, with a generic
matcher (``rapidfuzz`` token-set ratio over whole names) measured alongside.
Speed: index build for the real list and for ~30,000 names synthesised from it, one party's
screen (p50, p95), 100,000 parties against the index, and a naive pairwise baseline
(``rapidfuzz.process.extract`` over every name) on a sample, extrapolated.
"""

from __future__ import annotations

import csv
import random
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from bench.report import FAIL, PASS, Row, Section
from domain.screening.index import ScreeningIndex
from domain.screening.matching import DEFAULT_ALERT_THRESHOLD, ListedParty, ScreeningQuery

ROOT = Path(__file__).resolve().parent.parent
LIST = ROOT / "tests" / "data" / "screening" / "entity-list.csv"
LABELLED = ROOT / "tests" / "data" / "screening" / "labelled.csv"
RECALL_TARGET = 0.95
BULK_TARGET_S = 20.0
"""Screening 100,000 parties against a 30,000-entry snapshot (issue 11's target)."""
FALSE_ALERT_TARGET = 0.05
GENERIC_THRESHOLD = 90.0


@dataclass(frozen=True)
class Labelled:
    query: str
    country: str
    expected: str
    kind: str


@dataclass(frozen=True)
class Quality:
    recall: float
    false_alerts: float
    misses: Counter[str]
    alerts: Counter[str]


def load_entries(path: Path = LIST) -> list[ListedParty]:
    """List entries from a CSL-shaped CSV (name, alt_names joined by "; ", addresses)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            ListedParty(
                entry_id=row["_id"],
                names=tuple(
                    name.strip()
                    for name in [row["name"], *row["alt_names"].split("; ")]
                    if name.strip()
                ),
                countries=tuple(c.strip() for c in row["addresses"].split(";") if c.strip()),
            )
            for row in csv.DictReader(handle)
        ]


def load_labelled(path: Path = LABELLED) -> list[Labelled]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [Labelled(**row) for row in csv.DictReader(handle)]


def measure(index: ScreeningIndex, rows: Sequence[Labelled], threshold: float) -> Quality:
    """Recall over the rows that expect an entry, false alerts over those that expect none."""
    found = expected = alerted = clean = 0
    misses: Counter[str] = Counter()
    alerts: Counter[str] = Counter()
    for row in rows:
        countries = (row.country,) if row.country else ()
        matches = index.screen(ScreeningQuery(names=(row.query,), countries=countries), threshold)
        if row.expected:
            expected += 1
            if any(match.entry_id == row.expected for match in matches):
                found += 1
            else:
                misses[row.kind] += 1
        else:
            clean += 1
            if matches:
                alerted += 1
                alerts[row.kind] += 1
    return Quality(found / max(expected, 1), alerted / max(clean, 1), misses, alerts)


def _naive(query: str, names: Sequence[str]) -> list[tuple[str, float, int]]:
    """Every name scored against the query, a pairwise loop (in rapidfuzz's C code)."""
    return process.extract(
        query,
        names,
        scorer=fuzz.token_set_ratio,
        processor=utils.default_process,
        score_cutoff=GENERIC_THRESHOLD,
        limit=None,
    )


def _generic_quality(
    entries: Sequence[ListedParty], rows: Sequence[Labelled]
) -> tuple[float, float]:
    """A generic matcher: token-set ratio of whole names, alert at GENERIC_THRESHOLD."""
    names = [name for entry in entries for name in entry.names]
    owners = [entry.entry_id for entry in entries for _ in entry.names]
    found = expected = alerted = clean = 0
    for row in rows:
        hits = {owners[column] for _, _, column in _naive(row.query, names)}
        if row.expected:
            expected += 1
            found += row.expected in hits
        else:
            clean += 1
            alerted += bool(hits)
    return found / max(expected, 1), alerted / max(clean, 1)


_SYLLABLES = [c + v for c in "bcdfghjklmnprstvwxz" for v in "aeiou"] + ["ang", "ing", "ong"]
"""Invented words: two to four of these, ~10^5 words, so that invented names collide about
as often as real ones do."""


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).title()


def synthesise(entries: Sequence[ListedParty], size: int, seed: int = 7) -> list[ListedParty]:
    """The real entries plus invented ones, made from real names with their distinctive
    (capitalised, non-generic) words replaced, until the index holds about ``size`` names."""
    rng = random.Random(seed)
    made = list(entries)
    total = sum(len(entry.names) for entry in entries)
    number = 0
    while total < size:
        model = rng.choice(entries)
        names = tuple(
            " ".join(_word(rng) if len(w) >= 5 and rng.random() < 0.5 else w for w in n.split())
            for n in model.names
        )
        made.append(
            ListedParty(entry_id=f"synthetic-{number}", names=names, countries=model.countries)
        )
        total += len(names)
        number += 1
    return made


def _parties(rows: Sequence[Labelled], count: int, seed: int = 11) -> list[ScreeningQuery]:
    rng = random.Random(seed)
    generic = ["Technology", "Trading", "Electronics", "Systems", "Group", "Digital"]
    forms = ["Co., Ltd.", "LLC", "GmbH", "Inc.", "Pte. Ltd.", "Sdn. Bhd.", "S.A."]
    parties: list[ScreeningQuery] = []
    for number in range(count):
        if number % 10 == 0:
            row = rows[number // 10 % len(rows)]
            parties.append(ScreeningQuery(names=(row.query,), countries=(row.country,)))
        else:
            name = f"{_word(rng)} {rng.choice(generic)} {rng.choice(forms)}"
            parties.append(ScreeningQuery(names=(name,), countries=(rng.choice(["SG", "DE"]),)))
    return parties


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def run_section(*, quick: bool = False) -> Section:
    entries = load_entries()
    rows = load_labelled()
    began = time.perf_counter()
    index = ScreeningIndex.build(entries)
    build_real = time.perf_counter() - began
    section = Section("Restricted-party screening (name matching)")
    quality = measure(index, rows, DEFAULT_ALERT_THRESHOLD)
    generic_recall, generic_alerts = _generic_quality(entries, rows)
    section.rows += [
        Row(
            f"recall at {DEFAULT_ALERT_THRESHOLD:.2f} ({len(rows)} labelled names)",
            f"{quality.recall:.3f}",
            baseline=f"{generic_recall:.3f}",
            target=f">= {RECALL_TARGET}",
            result=PASS if quality.recall >= RECALL_TARGET else FAIL,
        ),
        Row(
            f"clean names alerting at {DEFAULT_ALERT_THRESHOLD:.2f}",
            f"{quality.false_alerts:.3f}",
            baseline=f"{generic_alerts:.3f}",
            target=f"<= {FALSE_ALERT_TARGET}",
            result=PASS if quality.false_alerts <= FALSE_ALERT_TARGET else FAIL,
        ),
    ]
    for threshold in (0.7, 0.75, 0.85, 0.9):
        other = measure(index, rows, threshold)
        section.rows.append(
            Row(
                f"recall / clean alerting at {threshold:.2f}",
                f"{other.recall:.3f} / {other.false_alerts:.3f}",
            )
        )
    section.notes.append(
        f"misses by kind: {dict(quality.misses)}; clean alerts by kind: {dict(quality.alerts)}"
    )
    section.notes.append(f"baseline: token-set ratio >= {GENERIC_THRESHOLD:.0f} over whole names")
    section.rows.append(
        Row(f"index build, {index.entries} entries ({index.names} names)", f"{build_real:.2f} s")
    )
    big = synthesise(entries, 12_000 if quick else 30_000)
    began = time.perf_counter()
    big_index = ScreeningIndex.build(big)
    build_big = time.perf_counter() - began
    section.rows.append(
        Row(
            f"index build, {big_index.entries} entries ({big_index.names} names)",
            f"{build_big:.2f} s",
        )
    )
    parties = _parties(rows, 2_000 if quick else 100_000)
    timings: list[float] = []
    began = time.perf_counter()
    for party in parties:
        start = time.perf_counter()
        big_index.screen(party)
        timings.append(time.perf_counter() - start)
    total = time.perf_counter() - began
    timings.sort()
    p50, p95 = statistics.median(timings), timings[int(len(timings) * 0.95)]
    names = [name for entry in big for name in entry.names]
    sample = [party.names[0] for party in parties[:200]]
    start = time.perf_counter()
    for query in sample:
        _naive(query, names)
    naive_each = (time.perf_counter() - start) / len(sample)
    section.rows += [
        Row(
            "one party screened, p50",
            _ms(p50),
            baseline=_ms(naive_each),
            ratio=f"{naive_each / p50:.0f}x",
            target="<= 5 ms",
            result=PASS if p50 <= 0.005 else FAIL,
        ),
        Row(
            "one party screened, p95",
            _ms(p95),
            target="<= 20 ms",
            result=PASS if p95 <= 0.020 else FAIL,
        ),
        Row(
            f"{len(parties):,} parties against {big_index.names:,} names",
            f"{total:.1f} s",
            baseline=f"{naive_each * len(parties):.0f} s (extrapolated)",
            ratio=f"{naive_each * len(parties) / total:.0f}x",
            target=f"<= {BULK_TARGET_S:g} s",
            result=PASS if total <= BULK_TARGET_S else FAIL,
        ),
    ]
    return section


if __name__ == "__main__":
    from bench.report import render

    print(render(run_section(quick=True)))
