"""Commands of the field-audit kit (cli.md, "Field audits"): ``kit export`` at the desk;
``kit scan`` and ``kit reconcile`` on site, with the kit file and nothing else."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli_documents import renderer
from app.cli_support import EXIT_OK, Run, emit_json, ref_argument
from app.kit_merge import desk_key_for, merge_kit_file
from domain.documents import content_hash
from domain.errors import DomainError
from domain.fieldaudit.scans import read_serials
from domain.services.field_audit import export_kit, resolve_visit
from domain.services.site_visit import SiteVisit
from domain.services.visit_report import on_site_stamp
from storage.desk_key import DeskKey
from storage.kit_file import Kit, make_thumbnail, open_kit, write_kit

Handler = Callable[[Run], int]


def add_kit_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    kit = commands.add_parser(
        "kit",
        parents=[common],
        help="field-audit kits: export one for a site, scan and reconcile on site",
        description="The field-audit kit of rules.md section 10.",
    )
    actions = kit.add_subparsers(dest="kit_command", metavar="ACTION", required=True)
    exporter = actions.add_parser(
        "export", parents=[common], help="the signed kit for one site of a party"
    )
    exporter.add_argument("party", metavar="PARTY_REF", type=ref_argument)
    exporter.add_argument("--out", type=Path, required=True, metavar="SITE.ddkit")
    exporter.add_argument("--site", help="the site's name or address (default: the party's)")
    scan = actions.add_parser("scan", parents=[common], help="record serials found on site")
    scan.add_argument("kit", type=Path, metavar="SITE.ddkit")
    scan.add_argument("serials", nargs="*", metavar="SERIAL")
    scan.add_argument(
        "--file", type=Path, help="one serial a line, a CSV with 'serial', or nvidia-smi's CSV"
    )
    reconcile = actions.add_parser("reconcile", parents=[common], help="expected against found")
    reconcile.add_argument("kit", type=Path, metavar="SITE.ddkit")
    photo = actions.add_parser("photo", parents=[common], help="attach a photo")
    photo.add_argument("kit", type=Path, metavar="SITE.ddkit")
    photo.add_argument("file", type=Path, metavar="FILE.jpg")
    photo.add_argument("--note", default="", help="what the photo shows")
    answer = actions.add_parser("answer", parents=[common], help="answer a checklist item")
    answer.add_argument("kit", type=Path, metavar="SITE.ddkit")
    answer.add_argument("item", metavar="ITEM", help="the item's id (kit reconcile lists them)")
    answer.add_argument("answer", choices=["yes", "no"])
    answer.add_argument("--note", default="", help="what was seen")
    merge = actions.add_parser("merge", parents=[common], help="take a closed kit back")
    merge.add_argument("kit", type=Path, metavar="SITE.ddkit")
    merge.add_argument(
        "--report",
        type=Path,
        metavar="VISIT.pdf",
        help="where the registered visit report is written (default: beside the kit)",
    )
    report = actions.add_parser(
        "report", parents=[common], help="the visit report of a signed-off kit (on site)"
    )
    report.add_argument("kit", type=Path, metavar="SITE.ddkit")
    report.add_argument("--out", type=Path, required=True, metavar="VISIT.pdf")
    resolve = actions.add_parser(
        "resolve", parents=[common], help="record how a visit's discrepancies were resolved"
    )
    resolve.add_argument("party", metavar="PARTY_REF", type=ref_argument)
    resolve.add_argument("visit", type=int, metavar="VISIT")
    resolve.add_argument("--note", required=True, help="how the discrepancies were resolved")
    opener = actions.add_parser(
        "open", parents=[common], help="the field-audit window over a kit (on site, no database)"
    )
    opener.add_argument("kit", type=Path, metavar="SITE.ddkit")
    close = actions.add_parser(
        "close", parents=[common], help="sign off: nothing can be added after"
    )
    close.add_argument("kit", type=Path, metavar="SITE.ddkit")
    close.add_argument("--auditor", required=True, metavar="NAME")
    close.add_argument("--site-representative", required=True, metavar="NAME, TITLE")


def desk_key(run: Run) -> DeskKey:
    """The desk's signing key: beside a database file, else in the user's data folder."""
    return desk_key_for(run.db().target.path)


def site_visit(run: Run, kit: Kit) -> SiteVisit:
    """The visit on site over an open kit, stamped with the run's clock and actor."""
    return SiteVisit(kit, clock=run.clock, actor=run.actor, thumbnail=make_thumbnail)


def _cmd_export(run: Run) -> int:
    db = run.db()
    with db.reader() as uow:
        party = uow.parties.get(run.args.party)
    if party is None:
        raise DomainError(f"unknown party {run.args.party!r}")
    site = run.args.site or party.address or f"{party.name}, {party.country}"
    out: Path = run.args.out
    if out.exists():
        raise DomainError(f"{out} already exists; choose another name (a kit is never overwritten)")
    key = desk_key(run)
    contents, signature = export_kit(db, run.catalog, party.ref, site, actor=run.actor, signer=key)
    write_kit(out, contents, signature)
    document = {
        "kit": str(out),
        "party": contents.party_ref,
        "site": contents.site,
        "orders": len(contents.orders),
        "expected": len(contents.expected),
        "documents": len(contents.documents),
        "key_fingerprint": contents.key_fingerprint,
    }
    if run.json:
        emit_json(document, run.out)
    else:
        run.out.write(
            f"{out}: kit for {contents.party_ref} at {contents.site}: {len(contents.orders)} "
            f"orders, {len(contents.expected):,} expected serials; signed by the desk's key "
            f"{contents.key_fingerprint}\n"
        )
    return EXIT_OK


def _cmd_scan(run: Run) -> int:
    visit = site_visit(run, open_kit(run.args.kit))
    serials = list(run.args.serials)
    notes: list[str] = []
    if run.args.file is not None:
        path: Path = run.args.file
        try:
            data = path.read_bytes()
        except OSError as error:
            raise DomainError(f"{path}: cannot read the file ({error.strerror})") from None
        read = read_serials(data, path.name)
        serials += read.serials
        notes += read.notes
    if not serials:
        raise DomainError("no serials given: name them, or give --file")
    sightings = visit.scan(serials)
    if run.json:
        emit_json(
            {
                "scanned": len(sightings),
                "sightings": [
                    {"serial": s.serial.strip(), "class": s.kind.value, "shipped_to": s.shipped_to}
                    for s in sightings
                ],
                "notes": notes,
            },
            run.out,
        )
        return EXIT_OK
    for note in notes:
        run.err.write(f"diffusion-desk: note: {note}\n")
    for item in sightings:
        where = f" (shipped to {item.shipped_to})" if item.shipped_to else ""
        run.out.write(f"{item.serial.strip()}: {item.kind.value}{where}\n")
    return EXIT_OK


def _cmd_reconcile(run: Run) -> int:
    result = site_visit(run, open_kit(run.args.kit)).result()
    document = result.to_json()
    if run.json:
        emit_json(document, run.out)
        return EXIT_OK
    run.out.write(
        f"expected {result.expected:,}: found {len(result.found):,}, missing "
        f"{len(result.missing):,}, unexpected {len(result.unexpected):,}, duplicate "
        f"{len(result.duplicate):,}, relocated {len(result.relocated):,}\n"
    )
    for item in result.missing:
        run.out.write(
            f"  missing     {item.serial}  ({item.product_ref}, order {item.order_ref})\n"
        )
    for serial, party in result.unexpected:
        where = f"shipped to {party}" if party else "never shipped by the desk"
        run.out.write(f"  unexpected  {serial}  ({where})\n")
    for serial in result.duplicate:
        run.out.write(f"  duplicate   {serial}\n")
    return EXIT_OK


def _cmd_photo(run: Run) -> int:
    visit = site_visit(run, open_kit(run.args.kit))
    path: Path = run.args.file
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DomainError(f"{path}: cannot read the file ({error.strerror})") from None
    payload = visit.add_photo(path.name, data, run.args.note)
    digest = payload["sha256"]
    if run.json:
        emit_json(payload, run.out)
    else:
        run.out.write(f"{path.name}: kept in the kit, SHA-256 {digest}\n")
    return EXIT_OK


def _cmd_answer(run: Run) -> int:
    visit = site_visit(run, open_kit(run.args.kit))
    payload = visit.answer(run.args.item, run.args.answer, run.args.note)
    if run.json:
        emit_json(payload, run.out)
    else:
        run.out.write(f"{run.args.item}: {run.args.answer}\n")
    return EXIT_OK


def _cmd_close(run: Run) -> int:
    kit = open_kit(run.args.kit)
    visit = site_visit(run, kit)
    payload = visit.close(run.args.auditor, run.args.site_representative)
    unanswered = payload["unanswered_items"]
    failed = payload["failed_items"]
    result = visit.result()
    if run.json:
        emit_json({"closed": True, **payload}, run.out)
        return EXIT_OK
    for item in unanswered:
        run.err.write(f"diffusion-desk: warning: checklist item {item!r} was not answered\n")
    run.out.write(
        f"{kit.path}: signed off by {payload['auditor']} and {payload['site_representative']}; "
        f"{result.discrepancies} discrepancies, {len(failed)} failed checklist items\n"
    )
    return EXIT_OK


def _cmd_report(run: Run) -> int:
    """The report printed on site: the kit alone, no registry (see visit_report.py)."""
    view = site_visit(run, open_kit(run.args.kit)).report_view()
    pdf = renderer().render(view, on_site_stamp(view, run.clock.now()))
    out: Path = run.args.out
    part = out.with_name(out.name + ".part")
    try:
        part.write_bytes(pdf)
        part.replace(out)
    except OSError as error:
        part.unlink(missing_ok=True)
        raise DomainError(f"{out}: cannot write the file ({error.strerror})") from None
    document = {"file": str(out), "bytes": len(pdf), "content_hash": content_hash(view)}
    if run.json:
        emit_json({**document, "registered": False}, run.out)
    else:
        run.out.write(
            f"{out}: the visit report ({len(pdf):,} bytes), not registered: the desk registers "
            "it when the kit is merged\n"
        )
    return EXIT_OK


def _cmd_merge(run: Run) -> int:
    merged = merge_kit_file(
        run.db(),
        run.args.kit,
        key=desk_key(run),
        renderer=renderer(),
        clock=run.clock,
        actor=run.actor,
        report_file=run.args.report,
    )
    result, report = merged.result, merged.report
    if merged.warning:
        run.err.write(f"diffusion-desk: warning: {merged.warning}\n")
    document = {
        "visit": str(result.visit),
        "merged": result.merged,
        "already_merged": result.already_merged,
        "discrepancies": result.discrepancies,
        "report": None if report is None else report.number,
    }
    if run.json:
        emit_json(document, run.out)
        return EXIT_OK
    if result.already_merged:
        run.out.write(f"{merged.path}: already merged as visit {result.visit}; nothing written\n")
    else:
        party = merged.party_ref
        held = (
            f"; {party} is under review: its orders are held until the discrepancies are "
            f"resolved (`kit resolve {party} {result.visit} --note ...`)"
            if result.discrepancies
            else ""
        )
        run.out.write(
            f"{merged.path}: merged as visit {result.visit}, {result.discrepancies} "
            f"discrepancies{held}\n"
        )
    if report is not None:
        run.out.write(f"visit report: {report.number} ({report.verification_code})\n")
    return EXIT_OK


def _cmd_open(run: Run) -> int:
    """The field-audit window; the kit is checked first, so a refused kit is said here."""
    open_kit(run.args.kit)
    from app.desktop import open_kit_window

    return open_kit_window(["diffusion-desk"], run.args.kit)


def _cmd_resolve(run: Run) -> int:
    made = resolve_visit(run.db(), run.args.party, run.args.visit, run.args.note, actor=run.actor)
    if run.json:
        emit_json(made.model_dump(mode="json"), run.out)
    else:
        run.out.write(f"visit {made.visit_id} of {made.party_ref}: resolved ({made.resolution})\n")
    return EXIT_OK


def _cmd_kit(run: Run) -> int:
    handlers: dict[str, Handler] = {
        "export": _cmd_export,
        "scan": _cmd_scan,
        "reconcile": _cmd_reconcile,
        "photo": _cmd_photo,
        "answer": _cmd_answer,
        "close": _cmd_close,
        "merge": _cmd_merge,
        "report": _cmd_report,
        "resolve": _cmd_resolve,
        "open": _cmd_open,
    }
    return handlers[run.args.kit_command](run)


KIT_HANDLERS: dict[str, Handler] = {"kit": _cmd_kit}
