"""Commands over stored records: import, export, check, cancel, quota, audit verify, demo."""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from app.cli_support import EXIT_BAD_INPUT, EXIT_OK, Run, emit_json, ref_argument, table
from domain.csvio import CsvImportError, CsvKind
from domain.decision import Decision
from domain.errors import DomainError
from domain.figures import fmt_tpp
from domain.progress import CancelToken, ProgressSink
from domain.ruleset import RulesetCatalog
from domain.services.orders import CheckResult, cancel_order, check_order, check_pending
from domain.services.standing import PartyStanding, party_standing
from domain.services.transfer import ImportSummary, export_kind, export_table, import_file

Handler = Callable[[Run], int]


def add_record_commands(
    commands: Any, common: argparse.ArgumentParser, *, iso_date: Callable[[str], Any]
) -> None:
    kinds = [kind.value for kind in CsvKind]
    importer = commands.add_parser(
        "import", parents=[common], help="import a CSV file (all rows or none)"
    )
    importer.add_argument("kind", choices=kinds, metavar="KIND", help=", ".join(kinds))
    importer.add_argument("file", type=Path, metavar="FILE.csv")
    importer.add_argument("--dry-run", action="store_true", help="check the file, write nothing")

    exporter = commands.add_parser("export", parents=[common], help="export records as CSV")
    exporter.add_argument("kind", choices=kinds, metavar="KIND", help=", ".join(kinds))
    exporter.add_argument("--out", type=Path, metavar="FILE.csv", help="default: stdout")

    check = commands.add_parser(
        "check", parents=[common], help="evaluate an order and record the decision"
    )
    target = check.add_mutually_exclusive_group(required=True)
    target.add_argument("order", nargs="?", metavar="ORDER_REF", type=ref_argument)
    target.add_argument(
        "--pending", action="store_true", help="check every order without a decision, oldest first"
    )
    check.add_argument("--dry-run", action="store_true", help="evaluate only; record nothing")

    cancel = commands.add_parser(
        "cancel", parents=[common], help="cancel an order and release its quota"
    )
    cancel.add_argument("order", metavar="ORDER_REF", type=ref_argument)
    cancel.add_argument("--reason", default="", metavar="TEXT", help="why (kept in the audit log)")

    quota = commands.add_parser("quota", parents=[common], help="a party's standing")
    quota.add_argument("party", metavar="PARTY_REF", type=ref_argument)
    quota.add_argument("--year", type=int, metavar="YYYY", help="LPP year (default this year)")
    quota.add_argument("--on", type=iso_date, metavar="DATE", help="as on DATE (default today)")

    audit = commands.add_parser("audit", parents=[common], help="the tamper-evident record")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    audit_commands.add_parser(
        "verify", parents=[common], help="verify the audit chain, decisions and ledgers"
    )

    commands.add_parser(
        "demo", parents=[common], help="fill the database with the demonstration data set"
    )


# -- import / export ------------------------------------------------------------------------


def _cmd_import(run: Run) -> int:
    path: Path = run.args.file
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DomainError(f"{path}: cannot read the file ({error.strerror})") from error
    try:
        summary = import_file(
            run.db(reading=run.args.dry_run),
            CsvKind(run.args.kind),
            data,
            source=path.name,
            actor=run.actor,
            dry_run=run.args.dry_run,
        )
    except CsvImportError as error:
        run.err.write(f"diffusion-desk: error: {error}\nNothing was imported.\n")
        return EXIT_BAD_INPUT
    for warning in summary.warnings:
        run.err.write(f"diffusion-desk: warning: {warning.describe(path.name)}\n")
    if run.json:
        emit_json(summary.model_dump(mode="json"), run.out)
    elif summary.already_imported:
        run.out.write(f"{path.name} {already_imported_words(summary)}; nothing to do\n")
    else:
        verb = "would import" if summary.dry_run else "imported"
        run.out.write(
            f"{path.name}: {verb} {summary.records} {summary.kind} from {summary.rows} rows "
            f"({summary.created} new, {summary.updated} updated, {summary.unchanged} unchanged)"
            f"{' - dry run, nothing written' if summary.dry_run else ''}\n"
        )
    return EXIT_OK


def already_imported_words(summary: ImportSummary) -> str:
    """ "was already imported on 2026-03-02 09:00 UTC by ana (same content, sha256 …)"."""
    at = summary.imported_at
    when = "" if at is None else f" on {at:%Y-%m-%d %H:%M} UTC"
    by = "" if summary.imported_by is None else f" by {summary.imported_by}"
    return f"was already imported{when}{by} (same content, sha256 {summary.sha256[:16]}…)"


def _cmd_export(run: Run) -> int:
    kind = CsvKind(run.args.kind)
    out: Path | None = run.args.out
    if out is None and run.json:
        table_rows = export_table(run.db(reading=True), kind)
        emit_json({"kind": kind.value, "rows": table_rows}, run.out)
        return EXIT_OK
    text = export_kind(run.db(reading=True), kind)
    if out is None:
        run.out.write(text)
        return EXIT_OK
    data = text.encode("utf-8")
    temporary = out.with_name(out.name + ".part")
    try:
        temporary.write_bytes(data)
        temporary.replace(out)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        fault = run.fault_of(error)
        if fault is not None:
            raise fault from error
        raise DomainError(f"{out}: cannot write the file ({error.strerror})") from error
    rows = max(text.count("\n") - 1, 0)
    if run.json:
        emit_json(
            {
                "kind": kind.value,
                "file": str(out),
                "rows": rows,
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
            },
            run.out,
        )
    else:
        run.out.write(f"exported {rows} {kind.value} rows to {out}\n")
    return EXIT_OK


# -- check and cancel -----------------------------------------------------------------------


def decision_json(
    order_ref: str, result: CheckResult, catalog: RulesetCatalog
) -> dict[str, object]:
    decision = result.decision
    document: dict[str, object] = {
        "order": order_ref,
        "outcome": decision.outcome.value,
        "authorizations": [item.value for item in decision.authorizations],
        "ruleset": decision.ruleset,
        "enforcement_note": catalog.by_id(decision.ruleset).enforcement_note,
        "a_level_tpp": decision.a_level_tpp,
        "destination": decision.destination,
        "destination_tier": decision.destination_tier,
        "findings": [
            {
                "code": finding.code,
                "rule": finding.rule,
                "message": finding.message,
                "figures": finding.figures,
                "severity": finding.severity,
                "part": finding.part.value,
            }
            for finding in decision.findings
        ],
        "recorded": result.is_recorded,
        "screening": _screening_json(result),
    }
    if result.recorded is not None:
        document["decision_id"] = result.recorded.id
        document["decided_by"] = result.recorded.decided_by
        document["decided_at"] = result.recorded.decided_at.isoformat()
    return document


def _screening_json(result: CheckResult) -> dict[str, object] | None:
    """The screening the check used (None when no restricted-party list is imported)."""
    if not result.screening:
        return None
    snapshots = {
        state.screening.snapshot_id for state in result.screening.values() if state.screening
    }
    return {
        "snapshot": str(min(snapshots)) if snapshots else None,
        "parties": [
            {
                "party": ref,
                "status": state.status,
                "matches": len(state.screening.matches) if state.screening else 0,
                "open": len(state.open_matches()),
            }
            for ref, state in result.screening.items()
        ],
    }


def _print_decision(
    order_ref: str, result: CheckResult, catalog: RulesetCatalog, out: TextIO
) -> None:
    decision: Decision = result.decision
    authorized = ", ".join(item.value for item in decision.authorizations)
    rows = [
        ("Order", f"{order_ref} ({decision.order_date.isoformat()})"),
        ("Destination", f"{decision.destination} (Tier {decision.destination_tier})"),
        (
            "Outcome",
            decision.outcome.label.upper() + (f" under {authorized}" if authorized else ""),
        ),
        ("a-level TPP", fmt_tpp(decision.a_level_tpp)),
        ("Ruleset", decision.ruleset),
    ]
    for line in decision.lines:
        rows.append(
            (
                f"Line {line.line}",
                f"{line.quantity} x {line.product_name}: {line.eccn or 'not controlled'}"
                + (f", {fmt_tpp(line.line_tpp)} TPP" if line.line_tpp else ""),
            )
        )
    if result.recorded is not None:
        rows.append(
            (
                "Recorded",
                f"decision {result.recorded.id} by {result.recorded.decided_by} at "
                f"{result.recorded.decided_at:%Y-%m-%d %H:%M} UTC",
            )
        )
    else:
        rows.append(("Recorded", "no (dry run)"))
    screening = _screening_json(result)
    if screening is not None:
        parties: list[dict[str, Any]] = screening["parties"]  # type: ignore[assignment]
        rows.append(
            (
                "Screening",
                f"snapshot {screening['snapshot']}: "
                + ", ".join(
                    f"{item['party']} {str(item['status']).replace('_', ' ')}" for item in parties
                ),
            )
        )
    table(rows, out)
    out.write("Findings\n")
    for finding in decision.findings:
        out.write(f"  [{finding.severity}] {finding.code} ({finding.rule})\n")
        out.write(f"      {finding.message}\n")
    out.write(f"Enforcement ({decision.ruleset})\n")
    out.write(f"  {catalog.by_id(decision.ruleset).enforcement_note}\n")


def _cmd_check(run: Run) -> int:
    if run.args.pending:
        return _check_pending(run)
    result = check_order(
        run.db(reading=run.args.dry_run),
        run.catalog,
        run.args.order,
        actor=run.actor,
        dry_run=run.args.dry_run,
    )
    if run.json:
        emit_json(decision_json(run.args.order, result, run.catalog), run.out)
    else:
        _print_decision(run.args.order, result, run.catalog, run.out)
    return EXIT_OK


def _check_pending(run: Run) -> int:
    if run.args.dry_run:
        raise DomainError("check --pending records decisions; --dry-run applies to one order")
    on_terminal = run.err.isatty()

    def progress(done: int, total: int, label: str) -> None:
        if on_terminal and total:
            run.err.write(f"\rchecking {done:,}/{total:,} {label:<20}")
            run.err.flush()

    def on_result(ref: str, result: CheckResult) -> None:
        if run.json:
            emit_json(decision_json(ref, result, run.catalog), run.out)
            run.out.flush()

    token = CancelToken()
    try:
        summary = check_pending(
            run.db(),
            run.catalog,
            actor=run.actor,
            progress=progress,
            cancel=token,
            on_result=on_result,
        )
    finally:
        if on_terminal:
            run.err.write("\n")
    if run.json:
        emit_json({"summary": summary.model_dump(mode="json")}, run.out)
    else:
        run.out.write(f"checked {summary.checked} of {summary.total} pending orders\n")
        if summary.skipped:
            run.out.write(f"  {summary.skipped} decided meanwhile by another session\n")
        for outcome, count in summary.outcomes.items():
            run.out.write(f"  {outcome:<20} {count}\n")
    for ref, reason in summary.errors.items():
        run.err.write(f"diffusion-desk: order {ref} not checked: {reason}\n")
    return EXIT_BAD_INPUT if summary.errors else EXIT_OK


def _cmd_cancel(run: Run) -> int:
    released = cancel_order(run.db(), run.args.order, actor=run.actor, reason=run.args.reason)
    if run.json:
        emit_json(
            {
                "order": run.args.order,
                "cancelled": True,
                "released": [item.model_dump(mode="json") for item in released],
            },
            run.out,
        )
    else:
        run.out.write(f"cancelled {run.args.order}\n")
        for item in released:
            run.out.write(
                f"  released {fmt_tpp(item.tpp)} TPP from the {item.ledger.value} ledger\n"
            )
    return EXIT_OK


# -- quota ----------------------------------------------------------------------------------


def _pct(value: float) -> str:
    return f"{value * 100:.1f} %"


def _print_standing(standing: PartyStanding, out: TextIO) -> None:
    party = standing.party
    lpp = standing.lpp
    aia = standing.aia
    rows = [
        ("Party", f"{party.ref}: {party.name}"),
        ("Located / HQ", f"{party.country} / {party.hq_country}"),
        ("Role", party.role.value),
        ("Ruleset", f"{standing.ruleset} (as on {standing.on.isoformat()})"),
        (
            f"LPP {lpp.year}",
            f"cannot be used: {lpp.unavailable}"
            if lpp.unavailable
            else f"{fmt_tpp(lpp.used_tpp)} of {fmt_tpp(lpp.limit_tpp)} TPP used "
            f"(prior receipts {fmt_tpp(lpp.prior_receipts_tpp)}, our shipments "
            f"{fmt_tpp(lpp.shipped_tpp)}); {fmt_tpp(lpp.left_tpp)} left; "
            f"certification {'in force' if lpp.certified else 'missing'}",
        ),
        (
            "AIA cumulative",
            f"cannot be used: {aia.unavailable}"
            if aia.unavailable
            else f"{fmt_tpp(aia.cumulative_tpp)} TPP (BIS submission needed from "
            f"{fmt_tpp(aia.bis_submission_from_tpp)}); certification "
            + (
                "none"
                if aia.certification is None
                else f"signed {aia.certification.signed_on}"
                + (" (in force)" if aia.in_force else " (not in force)")
                + (", submitted to BIS" if aia.submitted_to_bis else "")
            ),
        ),
    ]
    if standing.veu is not None:
        veu = standing.veu
        rows.append(
            (
                veu.status.value.upper(),
                f"{veu.veu_id or ''} footprint {fmt_tpp(veu.total_tpp)} TPP, "
                f"Tier 1 share {_pct(veu.tier1_share)}"
                + ("" if veu.min_tier1_share is None else f" (min {_pct(veu.min_tier1_share)})"),
            )
        )
        if veu.nveu_cap_tpp is not None:
            rows.append(
                (
                    "NVEU cap",
                    f"{fmt_tpp(veu.nveu_installed_tpp or 0)} of {fmt_tpp(veu.nveu_cap_tpp)} TPP "
                    f"in {veu.veu_country} ({veu.nveu_cap_label})",
                )
            )
        for share in veu.shares:
            rows.append(
                (
                    f"  {share.country} (Tier {share.tier})",
                    f"{fmt_tpp(share.installed_tpp)} TPP, {_pct(share.share)}",
                )
            )
    for licence in standing.licenses:
        rows.append(
            (
                f"Licence {licence.number}",
                f"{licence.covers} to {licence.destination}: {fmt_tpp(licence.left_tpp)} of "
                f"{fmt_tpp(licence.tpp)} TPP left, valid {licence.valid_from} to "
                f"{licence.valid_to}{'' if licence.valid_on else ' (not valid today)'}",
            )
        )
    table(rows, out)


def _cmd_quota(run: Run) -> int:
    standing = party_standing(
        run.db(reading=True),
        run.catalog,
        run.args.party,
        on=run.args.on or run.today,
        year=run.args.year,
    )
    if run.json:
        emit_json(standing.model_dump(mode="json"), run.out)
    else:
        _print_standing(standing, run.out)
    return EXIT_OK


# -- audit and demo -------------------------------------------------------------------------


def _cmd_audit(run: Run) -> int:
    from app.anchoring import verify_anchored

    report = verify_anchored(run.db(reading=True), run.catalog, progress=_verify_progress(run))
    if run.json:
        emit_json(
            {
                "intact": report.intact,
                "entries": report.entries,
                "decisions": report.decisions,
                "records": report.records,
                "anchors": report.anchors,
                "head_seq": report.head_seq,
                "head_hash": report.head_hash,
                "notes": list(report.notes),
                "problem": None if report.problem is None else report.problem.model_dump(),
            },
            run.out,
        )
    elif report.intact:
        run.out.write(
            f"audit chain intact: {report.entries:,} entries, {report.decisions:,} decisions, "
            f"{report.records:,} records, {report.anchors:,} anchors; head "
            f"{report.head_hash[:16]}\n"
        )
        for note in report.notes:
            run.out.write(f"  note: {note}\n")
    if report.problem is not None:
        where = f"entry {report.problem.seq}: " if report.problem.seq is not None else ""
        run.err.write(f"diffusion-desk: audit chain BROKEN at {where}{report.problem.what}\n")
        return EXIT_BAD_INPUT
    return EXIT_OK


def _verify_progress(run: Run) -> ProgressSink:
    """How far a long verification is, on stderr: one line kept up to date on a terminal;
    elsewhere (a log), a line every 100,000 items."""
    terminal = run.err.isatty()
    shown: dict[str, int] = {}

    def show(done: int, total: int, label: str) -> None:
        if not terminal and done - shown.get(label, 0) < 100_000 and done != total:
            return
        shown[label] = done
        of = f" of {total:,}" if total else ""
        if terminal:
            run.err.write(f"\rverifying: {done:,}{of} {label}\033[K")
            if total and done >= total:
                run.err.write("\n")
        else:
            run.err.write(f"verifying: {done:,}{of} {label}\n")
        run.err.flush()

    return show


def _cmd_demo(run: Run) -> int:
    from domain.demo import build_demo_dataset
    from domain.services.demo_load import load_demo

    summary = load_demo(run.db(), build_demo_dataset(), actor=run.actor)
    if run.json:
        emit_json(summary.model_dump(mode="json"), run.out)
    else:
        run.out.write(
            f"demonstration data written to {run.db().description}: {summary.parties} parties, "
            f"{summary.products} products, {summary.certifications} certifications, "
            f"{summary.licenses} licences, {summary.orders} orders (pending: run "
            f"'diffusion-desk check --pending'), {summary.shipped_units:,} shipped units with "
            "their serial numbers\n"
        )
    return EXIT_OK


RECORD_HANDLERS: dict[str, Handler] = {
    "import": _cmd_import,
    "export": _cmd_export,
    "check": _cmd_check,
    "cancel": _cmd_cancel,
    "quota": _cmd_quota,
    "audit": _cmd_audit,
    "demo": _cmd_demo,
}

__all__ = ["RECORD_HANDLERS", "add_record_commands"]
