"""The ``diffusion-desk`` command (contract: shared spec cli.md).

Exit status: 0 done, 2 bad input or a refused operation (message on stderr, nothing
written), 1 an internal error (logged with its traceback).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from importlib import metadata
from typing import Any

from app.cli_documents import DOCUMENT_HANDLERS, add_document_commands
from app.cli_kit import KIT_HANDLERS, add_kit_commands
from app.cli_records import RECORD_HANDLERS, add_record_commands
from app.cli_screen import SCREEN_HANDLERS, add_screen_commands
from app.cli_screening import SCREENING_HANDLERS, add_screening_commands
from app.cli_support import EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_OK, Run, emit_json, table
from app.clock import desk_clock
from app.logs import configure_logging, log_file_path
from domain.classification import (
    Classification,
    ItemFigures,
    classify_item,
    classify_weights,
    parse_rate,
    tpp_from_rates,
)
from domain.errors import DomainError, EnvironmentFaultError
from domain.figures import fmt_tpp
from domain.numbers import exact
from domain.ports import Clock

log = logging.getLogger("diffusion_desk.cli")


class _Parser(argparse.ArgumentParser):
    """argparse that names the program in its errors and exits with status 2."""

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"diffusion-desk: error: {message}\n")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid date {text!r}: expected YYYY-MM-DD, for example 2026-03-01"
        ) from None


def _non_negative(text: str) -> float:
    try:
        value = float(text.replace(",", "").replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid number {text!r}: expected a number") from None
    if value != value or value in (float("inf"), float("-inf")) or value < 0:
        raise argparse.ArgumentTypeError(f"invalid number {text!r}: expected a number ≥ 0")
    return value


def _tpp(text: str) -> Decimal:
    """A TPP figure given on the command line, exact to its last digit."""
    try:
        value = exact(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid number {text!r}: expected a number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"invalid number {text!r}: expected a number ≥ 0")
    return value


def _positive(text: str) -> float:
    value = _non_negative(text)
    if value == 0:
        raise argparse.ArgumentTypeError(f"invalid number {text!r}: expected a number > 0")
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"invalid count {text!r}: expected a whole number ≥ 1"
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"invalid count {text!r}: expected a whole number ≥ 1")
    return value


def desk_version() -> str:
    """The installed version (the bundle carries the package metadata too)."""
    try:
        return metadata.version("diffusion-desk")
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="diffusion-desk",
        description=(
            "Export compliance desk for AI chips, servers and model weights under the AI "
            "Diffusion Framework. With no command, opens the desktop window."
        ),
    )
    parser.add_argument("--db", metavar="PATH", help="database file or URL")
    parser.add_argument("--json", action="store_true", help="print one JSON document on stdout")
    parser.add_argument("--version", action="version", version=f"diffusion-desk {desk_version()}")
    # --json and --db are accepted after the command too ("classify ... --json").
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    common.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print one JSON document"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    classify = commands.add_parser(
        "classify",
        parents=[common],
        help="classify an item (3A090/4A090/4E091) without storing it",
        description=(
            "Classify an IC, board or system from its TPP or datasheet rates, or model weights "
            "from their training operations."
        ),
    )
    source = classify.add_mutually_exclusive_group(required=True)
    source.add_argument("--tpp", type=_tpp, help="total processing performance per IC")
    source.add_argument(
        "--rate",
        action="append",
        metavar="TOPS:BITS",
        help="dense datasheet rate and its bit length (repeatable; the largest product wins; "
        "append :sparse for a sparse-only figure, which is halved)",
    )
    source.add_argument(
        "--training-operations",
        type=_non_negative,
        metavar="OPS",
        help="classify model weights trained with OPS operations (4E091)",
    )
    classify.add_argument("--die-area", type=_positive, metavar="MM2", help="applicable die area")
    classify.add_argument(
        "--non-datacenter",
        action="store_true",
        help="the IC is not designed or marketed for datacenters",
    )
    classify.add_argument(
        "--ics-per-unit", type=_count, default=1, metavar="N", help="ICs per unit (>1: a system)"
    )
    classify.add_argument("--published", action="store_true", help="the weights are published")
    classify.add_argument(
        "--on", type=_iso_date, metavar="DATE", help="use the ruleset in effect on DATE"
    )

    tier = commands.add_parser("tier", parents=[common], help="tier of a country on a date")
    tier.add_argument("country", metavar="COUNTRY", help="ISO 3166-1 code or name")
    tier.add_argument("--on", type=_iso_date, metavar="DATE", help="date (default today)")

    commands.add_parser(
        "rulesets", parents=[common], help="ruleset versions with effective dates and notes"
    )
    add_record_commands(commands, common, iso_date=_iso_date)
    add_document_commands(commands, common, iso_date=_iso_date, tpp=_tpp)
    add_screening_commands(commands, common)
    add_screen_commands(commands, common)
    add_kit_commands(commands, common)
    return parser


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None) -> int:
    """Run the command line; returns the exit status."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(arguments)
    configure_logging()
    if args.command is None:
        from app.desktop import open_window

        return open_window([sys.argv[0], *arguments], args.db)
    handler = (
        _HANDLERS.get(args.command)
        or RECORD_HANDLERS.get(args.command)
        or SCREENING_HANDLERS.get(args.command)
        or SCREEN_HANDLERS.get(args.command)
        or KIT_HANDLERS.get(args.command)
        or DOCUMENT_HANDLERS[args.command]
    )
    try:
        clock = clock or desk_clock()
    except DomainError as error:
        print(f"diffusion-desk: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    run = Run(args=args, clock=clock, out=sys.stdout, err=sys.stderr)
    try:
        code = handler(run)
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # The reader stopped reading (``check ... | head -3``): what was done is done, and the
        # rest of the output is not wanted. Not a bug; nothing more goes to the closed pipe.
        _discard_stdout()
        log.info("output pipe closed by the reader while running %s", arguments)
        return EXIT_OK
    except EnvironmentFaultError as fault:
        return _environment_fault(fault, arguments)
    except DomainError as error:
        print(f"diffusion-desk: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as error:
        named = run.fault_of(error)
        if named is not None:
            return _environment_fault(named, arguments)
        log.exception("internal error running %s", arguments)
        print(
            f"diffusion-desk: internal error (a bug); details were logged to {log_file_path()}",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
    finally:
        run.close()


def _environment_fault(fault: EnvironmentFaultError, arguments: list[str]) -> int:
    """A fault of the machine (disk, file, server), not a bug: named, with what to do."""
    log.warning("environment fault running %s: %s", arguments, fault)
    print(f"diffusion-desk: {fault}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _discard_stdout() -> None:
    """Point stdout at the null device, so flushing it at exit raises nothing more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # stdout without a file descriptor (tests, embedding)
        pass


def _cmd_classify(run: Run) -> int:
    args, out, today, catalog = run.args, run.out, run.today, run.catalog
    ruleset = catalog.in_effect_on(args.on or today)
    if args.training_operations is not None:
        weights = classify_weights(args.training_operations, args.published, ruleset.model_weights)
        if args.json:
            emit_json(
                {
                    "training_operations": args.training_operations,
                    "published": args.published,
                    "eccn": weights.eccn,
                    "reason": weights.reason,
                    "ruleset": ruleset.id,
                },
                out,
            )
        else:
            table(
                [
                    ("Training operations", f"{args.training_operations:.3g}"),
                    ("ECCN", weights.eccn or "not controlled"),
                    ("Reason", weights.reason),
                    ("Ruleset", ruleset.id),
                ],
                out,
            )
        return EXIT_OK
    tpp = tpp_from_rates([parse_rate(text) for text in args.rate]) if args.rate else args.tpp
    figures = ItemFigures(
        tpp=tpp,
        die_area_mm2=args.die_area,
        datacenter=not args.non_datacenter,
        ics_per_unit=args.ics_per_unit,
    )
    result = classify_item(figures, ruleset.ic_3a090)
    if args.json:
        emit_json(_classification_json(result, ruleset.id), out)
    else:
        table(_classification_rows(result, ruleset.id), out)
    return EXIT_OK


def _classification_json(result: Classification, ruleset_id: str) -> dict[str, object]:
    pd = result.performance_density
    return {
        "tpp": result.tpp,
        "performance_density": None if pd is None else round(pd, 2),
        "eccn": result.eccn,
        "paragraph": result.paragraph,
        "ic_paragraph": result.ic_paragraph,
        "datacenter": result.datacenter,
        "unit_tpp": result.unit_tpp,
        "ics_per_unit": result.ics_per_unit,
        "reason": result.reason,
        "ruleset": ruleset_id,
    }


def _classification_rows(result: Classification, ruleset_id: str) -> list[tuple[str, str]]:
    pd = result.performance_density
    eccn = "not controlled (not 3A090/4A090)"
    if result.eccn is not None:
        eccn = result.eccn
        if result.ic_paragraph and result.ic_paragraph != result.paragraph:
            eccn += f" (ICs: {result.ic_paragraph})"
        elif result.paragraph:
            eccn += f" (paragraph {result.paragraph})"
    rows = [
        ("TPP per IC", fmt_tpp(result.tpp)),
        ("Performance density", "not given (no die area)" if pd is None else f"{pd:.2f}"),
        ("Designed for datacenters", "yes" if result.datacenter else "no"),
    ]
    if result.ics_per_unit > 1:
        rows.append(("ICs per unit", str(result.ics_per_unit)))
        rows.append(("TPP per unit", fmt_tpp(result.unit_tpp)))
    rows += [("ECCN", eccn), ("Reason", result.reason), ("Ruleset", ruleset_id)]
    return rows


def _cmd_tier(run: Run) -> int:
    args, out, today, catalog = run.args, run.out, run.today, run.catalog
    answer = catalog.tier(args.country, args.on or today)
    if args.json:
        document: dict[str, object] = {
            "country": answer.country,
            "name": answer.name,
            "tier": answer.tier,
            "ruleset": answer.ruleset,
            "on": answer.on.isoformat(),
            "basis": answer.basis,
        }
        if answer.note:
            document["note"] = answer.note
        emit_json(document, out)
        return EXIT_OK
    rows = [
        ("Country", f"{answer.name} ({answer.country})"),
        ("Tier", f"{answer.tier}: {answer.basis}"),
        ("On", answer.on.isoformat()),
        ("Ruleset", answer.ruleset),
    ]
    if answer.note:
        rows.append(("Note", answer.note))
    table(rows, out)
    return EXIT_OK


def _cmd_rulesets(run: Run) -> int:
    args, out, today, catalog = run.args, run.out, run.today, run.catalog
    try:
        current = catalog.in_effect_on(today).id
    except DomainError:
        current = None
    documents = [
        {
            "id": version.id,
            "title": version.title,
            "effective_from": version.effective_from.isoformat(),
            "in_effect_today": version.id == current,
            "enforcement_note": version.enforcement_note,
            "model_note": version.model_note,
            "sources": [
                {"title": source.title, "citation": source.citation} for source in version.sources
            ],
        }
        for version in catalog.versions
    ]
    if args.json:
        emit_json(documents, out)
        return EXIT_OK
    for document in documents:
        marker = "  (in effect today)" if document["in_effect_today"] else ""
        out.write(f"{document['id']}  effective {document['effective_from']}{marker}\n")
        out.write(f"  {document['title']}\n")
        out.write(f"  Enforcement: {document['enforcement_note']}\n")
        out.write(f"  Model: {document['model_note']}\n\n")
    return EXIT_OK


_HANDLERS: dict[str, Callable[[Run], int]] = {
    "classify": _cmd_classify,
    "tier": _cmd_tier,
    "rulesets": _cmd_rulesets,
}
