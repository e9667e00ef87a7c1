"""Printed documents: one AIA statement, and a batch of 1,000 decision records.

Targets (issue 5): <= 150 ms per statement, <= 60 s for the batch of 1,000 records. The view
models are built by hand (what the document services hand the renderer), in several scripts,
so the figures are the renderer's alone: layout, font subsetting, QR code, compression.
"""

from __future__ import annotations

import random
import resource
import statistics
import sys
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta

from domain.documents import (
    AiaStatementView,
    DecisionRecordView,
    DocumentKind,
    DocumentView,
    FindingRow,
    Letterhead,
    LineRow,
    PartyBlock,
    Signer,
    Stamp,
    content_hash,
    verification_code,
)
from domain.ruleset import load_shipped_rulesets
from reports.renderer import PdfRenderer

STATEMENT_TARGET_MS = 150.0
BATCH_TARGET_S = 60.0

LETTERHEAD = Letterhead(
    name="Vantor Systems Export GmbH",
    address_lines=("Am Sandtorkai 41", "20457 Hamburg, Germany"),
    contact="Export control office · exportcontrol@vantor.example · +49 40 5550 1200",
)
PARTIES = (
    PartyBlock(
        ref="DE-MUELLER",
        name="Müller & Söhne Rechenzentren GmbH",
        aliases=("Mueller & Soehne Rechenzentren GmbH",),
        address="Hafenstraße 17, 60327 Frankfurt am Main, Deutschland",
        location="Germany (DE)",
        headquarters="Germany (DE)",
    ),
    PartyBlock(
        ref="JP-AOMINE",
        name="株式会社青嶺コンピューティング",
        aliases=("Aomine Computing K.K.",),
        address="東京都江東区豊洲5-6-15, 135-0061",
        location="Japan (JP)",
        headquarters="Japan (JP)",
    ),
    PartyBlock(
        ref="KR-NURIBYEOL",
        name="누리별 인공지능 주식회사",
        address="경기도 성남시 분당구 판교역로 166, 13529",
        location="South Korea (KR)",
        headquarters="South Korea (KR)",
    ),
    PartyBlock(
        ref="RU-SEVER",
        name="ООО «Северный Вычислительный Центр»",
        address="Набережная реки Мойки, 12, Санкт-Петербург, 191186",
        location="Russia (RU)",
        headquarters="Russia (RU)",
    ),
    PartyBlock(
        ref="CN-XINGHE",
        name="华芯智算科技有限公司",
        address="北京市海淀区中关村大街27号, 100080",
        location="China (CN)",
        headquarters="China (CN)",
        ultimate_parent="华渊控股集团有限公司, headquartered in China (CN)",
    ),
    PartyBlock(
        ref="FR-SGI",
        name="Société Générale d'Informatique",
        address="27 quai de la Rapée, 75012 Paris, France",
        location="France (FR)",
        headquarters="France (FR)",
    ),
)
PRODUCTS = (
    ("NVIDIA H100 SXM", "3A090.a", 15_832),
    ("8-GPU H100 SXM server (Vantor HX8)", "4A090.a", 126_656),
    ("NVIDIA L40S", "3A090.a", 5_864),
    ("Meridian MX-3000 quad-accelerator board", "4A090.a", 23_456),
    ("400G fabric switch, 64 ports", "5A992.c", 0),
)
FINDINGS = (
    ("info", "tier_1_destination", "15 CFR 740.27(a)", "The destination is a Tier 1 country."),
    (
        "warning",
        "parent_outside_tier1",
        "15 CFR 740.27(b)(2)(iii)",
        "The ultimate parent is headquartered outside the Tier 1 destinations.",
    ),
    (
        "block",
        "aia_certification_missing",
        "15 CFR 740.27(b)(2)",
        "No signed AIA certification is on file for the ultimate consignee.",
    ),
    (
        "info",
        "lpp_not_applicable",
        "15 CFR 740.29(a)",
        "The order's TPP is above the LPP threshold, so LPP does not apply.",
    ),
)


def _stamp(view: DocumentView, kind: DocumentKind, number: str, when: datetime) -> Stamp:
    digest = content_hash(view)
    return Stamp(
        number=number,
        kind=kind,
        generated_at=when,
        generated_by="bench",
        ruleset="aidf-2026-02-03",
        content_hash=digest,
        verification_code=verification_code(digest),
    )


def _statement() -> tuple[AiaStatementView, Stamp]:
    ruleset = load_shipped_rulesets().versions[-1]
    items = "computers and electronic assemblies classified under ECCN 4A090.a"
    view = AiaStatementView(
        letterhead=LETTERHEAD,
        consignee=PARTIES[0],
        title=ruleset.aia_certification.title,
        regulation=ruleset.aia_certification.regulation,
        opening=ruleset.aia_certification.opening_for(PARTIES[0].name),
        items_description=items,
        eccns=("4A090.a",),
        commitments=ruleset.aia_certification.commitments_for(items),
        signatures_label=ruleset.aia_certification.signatures_label,
        signatures_instruction=ruleset.aia_certification.signatures_instruction,
        signers=(Signer(name="Dr. Katharina Müller", title="Managing Director"), Signer()),
        ruleset=ruleset.id,
        ruleset_title=ruleset.title,
    )
    when = datetime(2026, 6, 12, 9, 0, tzinfo=UTC)
    return view, _stamp(view, DocumentKind.AIA_STATEMENT, "AIA-2026-0001", when)


def _records(count: int, seed: int = 11) -> list[tuple[DecisionRecordView, Stamp]]:
    rng = random.Random(seed)
    enforcement = load_shipped_rulesets().versions[-1].enforcement_note
    start = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    cases = []
    for number in range(1, count + 1):
        lines = []
        for _ in range(rng.randrange(1, 5)):
            name, eccn, tpp = rng.choice(PRODUCTS)
            quantity = rng.randrange(1, 500)
            lines.append(
                LineRow(
                    product=name,
                    quantity=quantity,
                    eccn=eccn,
                    unit_tpp=f"{tpp:,}" if tpp else "—",
                    line_tpp=f"{tpp * quantity:,}" if tpp else "—",
                )
            )
        findings = []
        for index in range(rng.randrange(2, 13)):
            severity, code, rule, message = FINDINGS[index % len(FINDINGS)]
            findings.append(
                FindingRow(
                    severity=severity,
                    code=code,
                    rule=rule,
                    message=message,
                    figures=f"order_tpp={rng.randrange(10**6, 10**8):,}; limit=26,900,000",
                )
            )
        decided = start + timedelta(minutes=37 * number)
        view = DecisionRecordView(
            letterhead=LETTERHEAD,
            order_ref=f"SO-2026-{number:05d}",
            order_date=date(2026, 1, 1) + timedelta(days=number % 300),
            consignee=rng.choice(PARTIES),
            end_user=rng.choice((None, *PARTIES)),
            destination="Germany (DE)",
            destination_tier=1,
            lines=tuple(lines),
            outcome=rng.choice(("Authorized", "License required", "No licence required")),
            authorizations=("License Exception AIA (15 CFR 740.27)",),
            a_level_tpp=f"{rng.randrange(10**5, 10**8):,}",
            findings=tuple(findings),
            ruleset="aidf-2026-02-03",
            enforcement_note=enforcement,
            decision_id=number,
            decision_seq=1,
            decided_by="officer",
            decided_at=decided,
            decision_hash=f"{number:064x}",
            audit_seq=number * 3,
            audit_hash=f"{number * 7:064x}",
            superseded=number % 17 == 0,
        )
        stamp = _stamp(view, DocumentKind.DECISION_RECORD, f"DR-2026-{number:04d}", decided)
        cases.append((view, stamp))
    return cases


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # kilobytes on Linux, bytes on macOS
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def run(count: int = 1000) -> list[tuple[str, str]]:
    renderer = PdfRenderer()
    view, stamp = _statement()
    began = time.perf_counter()
    renderer.render(view, stamp)
    first_ms = (time.perf_counter() - began) * 1000
    samples = []
    for _ in range(30):
        began = time.perf_counter()
        renderer.render(view, stamp)
        samples.append((time.perf_counter() - began) * 1000)
    statement_ms = statistics.median(samples)

    cases = _records(count)
    rss_before = _peak_rss_mb()
    times = []
    sizes = []
    pages_began = time.perf_counter()
    for record, record_stamp in cases:
        began = time.perf_counter()
        pdf = renderer.render(record, record_stamp)
        times.append((time.perf_counter() - began) * 1000)
        sizes.append(len(pdf))
    total_s = time.perf_counter() - pages_began
    rss_after = _peak_rss_mb()

    # The Python heap while rendering, for a slice of the batch (tracemalloc slows it down).
    tracemalloc.start()
    for record, record_stamp in cases[:50]:
        renderer.render(record, record_stamp)
    _, heap_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    ordered = sorted(times)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return [
        ("AIA statement, first render (fonts found and loaded)", f"{first_ms:.0f} ms"),
        (
            "AIA statement, median of 30",
            f"{statement_ms:.1f} ms (target <= {STATEMENT_TARGET_MS:.0f} ms: "
            f"{_verdict(statement_ms <= STATEMENT_TARGET_MS)})",
        ),
        ("decision records rendered", f"{count:,}"),
        (
            "decision records, total",
            f"{total_s:.1f} s (target <= {BATCH_TARGET_S:.0f} s: "
            f"{_verdict(total_s <= BATCH_TARGET_S * count / 1000)})",
        ),
        ("decision record p50 / p95", f"{statistics.median(times):.1f} ms / {p95:.1f} ms"),
        ("decision record PDF size, median", f"{statistics.median(sizes) / 1024:.0f} KiB"),
        (
            "peak memory (process RSS), before / after the batch",
            f"{rss_before:.0f} MB / {rss_after:.0f} MB",
        ),
        ("Python heap peak while rendering (tracemalloc)", f"{heap_peak / 2**20:.1f} MiB"),
    ]


if __name__ == "__main__":
    for label, value in run():
        print(f"{label:55} {value}")
