"""Commands for printed documents: statements, records, notices and reports as PDF; verifying
paper; recording a signed copy's return; the letterhead and paper size.

PDFs are written atomically: to ``F.pdf.part`` before the document is registered (a file that
cannot be written registers nothing), renamed to ``F.pdf`` once it is.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli_support import EXIT_BAD_INPUT, EXIT_OK, Run, emit_json, ref_argument, table
from domain.documents import RegisteredDocument, Signer, Verification
from domain.errors import DomainError
from domain.services.documents import (
    aia_statement_view,
    check_pdf_size,
    decision_record_view,
    generate,
    lpp_certification_view,
    quota_report_view,
    record_signed_return,
    shipment_notice_view,
    verify_code,
    verify_pdf,
)
from domain.services.settings import (
    PAGE_SIZES,
    DocumentSettings,
    document_settings,
    update_document_settings,
)

if TYPE_CHECKING:
    from domain.documents import DocumentRenderer, DocumentView
    from domain.ports import Database

Handler = Callable[[Run], int]


def add_document_commands(
    commands: Any,
    common: argparse.ArgumentParser,
    *,
    iso_date: Callable[[str], Any],
    tpp: Callable[[str], Decimal],
) -> None:
    signer_help = 'a signature block, "Name, Title" (repeatable; default: one blank block)'

    statement = commands.add_parser(
        "statement", parents=[common], help="print a certification statement to sign (PDF)"
    )
    kinds = statement.add_subparsers(dest="statement_kind", metavar="KIND", required=True)
    aia = kinds.add_parser(
        "aia",
        parents=[common],
        help="the Tier 1 (AIA) certification statement for an ultimate consignee",
    )
    aia.add_argument("party", metavar="PARTY_REF", type=ref_argument)
    aia.add_argument("--out", type=Path, required=True, metavar="F.pdf")
    aia.add_argument(
        "--items",
        metavar="TEXT",
        help="the general description and ECCNs of the items (default: from its orders)",
    )
    aia.add_argument(
        "--signer", action="append", default=[], metavar='"NAME, TITLE"', help=signer_help
    )
    aia.add_argument(
        "--on", type=iso_date, metavar="DATE", help="wording of the ruleset in effect on DATE"
    )
    aia.add_argument(
        "--weights-attestation",
        action="store_true",
        default=None,
        help="add the model-weight storage attestation (added anyway when the items include "
        "4E091 model weights)",
    )
    lpp = kinds.add_parser(
        "lpp", parents=[common], help="the LPP certification for a consignee and calendar year"
    )
    lpp.add_argument("party", metavar="PARTY_REF", type=ref_argument)
    lpp.add_argument("--year", type=int, metavar="YYYY", help="calendar year (default this year)")
    lpp.add_argument("--out", type=Path, required=True, metavar="F.pdf")
    lpp.add_argument(
        "--signer", action="append", default=[], metavar='"NAME, TITLE"', help=signer_help
    )
    lpp.add_argument(
        "--on", type=iso_date, metavar="DATE", help="wording of the ruleset in effect on DATE"
    )

    record = commands.add_parser(
        "record", parents=[common], help="print the record of an order's decision (PDF)"
    )
    record.add_argument("order", metavar="ORDER_REF", type=ref_argument)
    record.add_argument("--out", type=Path, required=True, metavar="F.pdf")

    notice = commands.add_parser(
        "notice", parents=[common], help="print the AIA shipment notice of an order (PDF)"
    )
    notice.add_argument("order", metavar="ORDER_REF", type=ref_argument)
    notice.add_argument("--out", type=Path, required=True, metavar="F.pdf")

    report = commands.add_parser("report", parents=[common], help="print a report (PDF)")
    reports = report.add_subparsers(dest="report_kind", metavar="KIND", required=True)
    quota = reports.add_parser(
        "quota",
        parents=[common],
        help="country allocations, LPP per consignee, NVEU installed bases, UVEU shares",
    )
    quota.add_argument("--out", type=Path, required=True, metavar="F.pdf")
    quota.add_argument("--year", type=int, metavar="YYYY", help="LPP year (default this year)")
    quota.add_argument("--on", type=iso_date, metavar="DATE", help="as on DATE (default today)")

    verify = commands.add_parser(
        "verify",
        parents=[common],
        help="is a PDF file, or a verification code typed from paper, a genuine document?",
    )
    verify.add_argument(
        "target", metavar="FILE.pdf|CODE", help="a file that exists is a file, else a code"
    )

    returned = commands.add_parser(
        "returned",
        parents=[common],
        help="the signed copy of a statement came back: record it and its certification",
    )
    returned.add_argument(
        "number", metavar="NUMBER", help="the document number, e.g. AIA-2026-0001"
    )
    returned.add_argument("--signed-on", type=iso_date, required=True, metavar="DATE")
    returned.add_argument(
        "--signer",
        action="append",
        required=True,
        metavar='"NAME, TITLE"',
        help="who signed, as on the paper (repeatable)",
    )
    returned.add_argument(
        "--weights-storage-attested",
        action="store_true",
        help="the AIA certification also attests the storage security of model weights",
    )
    returned.add_argument(
        "--prior-receipts",
        type=tpp,
        metavar="TPP",
        help="LPP: the prior receipts the signer declared (default: those on file)",
    )

    settings = commands.add_parser(
        "settings",
        parents=[common],
        help="the exporter's letterhead and the paper size of documents (shown, or changed)",
    )
    settings.add_argument("--letterhead-name", metavar="NAME")
    settings.add_argument(
        "--letterhead-address",
        action="append",
        metavar="LINE",
        help='one address line (repeatable; replaces the address; "" clears it)',
    )
    settings.add_argument("--letterhead-contact", metavar="TEXT", help="e-mail, telephone, ...")
    settings.add_argument("--page-size", metavar="|".join(PAGE_SIZES), help="A4 or Letter")
    settings.add_argument(
        "--officer",
        metavar='"NAME, TITLE"',
        help="who issues documents, as paper names them (empty: no person is named)",
    )


# -- writing the file -------------------------------------------------------------------------


class AtomicPdf:
    """``F.pdf.part`` written before the registration commits, renamed to ``F.pdf`` after."""

    def __init__(self, out: Path) -> None:
        if out.is_dir():
            raise DomainError(f"{out}: is a folder; give the file to write, e.g. {out / 'x.pdf'}")
        self.out = out
        self.part = out.with_name(out.name + ".part")
        self.size = 0

    def deliver(self, document: RegisteredDocument, pdf: bytes) -> None:
        try:
            self.part.write_bytes(pdf)
        except OSError as error:
            raise DomainError(
                f"{self.out}: cannot write the file ({error.strerror}); nothing was registered"
            ) from error
        self.size = len(pdf)

    def finish(self, document: RegisteredDocument) -> None:
        try:
            self.part.replace(self.out)
        except OSError as error:
            raise DomainError(
                f"{self.out}: cannot write the file ({error.strerror}); document "
                f"{document.number} was registered and its file left at {self.part}"
            ) from error

    def discard(self) -> None:
        self.part.unlink(missing_ok=True)


def renderer() -> DocumentRenderer:
    # Imported here: reportlab and the fonts load only for commands that print.
    from reports.renderer import PdfRenderer

    return PdfRenderer()


def _signers(texts: list[str]) -> tuple[Signer, ...]:
    signers = []
    for text in texts:
        name, _, title = text.partition(",")
        signers.append(Signer(name=" ".join(name.split()), title=" ".join(title.split())))
    return tuple(signers)


def document_json(document: RegisteredDocument) -> dict[str, Any]:
    return {**document.model_dump(mode="json"), "qr_payload": document.qr_payload}


def _generate(
    run: Run, build: Callable[[Database], DocumentView], *, signed_head: bool = False
) -> int:
    """Build the document's view from the records, then number, render, register and write
    it to ``--out``."""
    made = renderer()
    db = run.db()
    target = AtomicPdf(run.args.out)
    _warn_default_letterhead(run)
    try:
        from app.anchoring import head_signer  # imported here: it needs this module

        sign = head_signer(db, actor=run.actor, clock=run.clock) if signed_head else None
        document, _ = generate(
            db, made, build(db), actor=run.actor, deliver=target.deliver, sign_head=sign
        )
    except BaseException:
        target.discard()
        raise
    target.finish(document)
    if run.json:
        emit_json(
            {**document_json(document), "file": str(run.args.out), "bytes": target.size}, run.out
        )
        return EXIT_OK
    rows = [
        ("Document", document.number),
        ("Title", document.title),
        ("File", f"{run.args.out} ({target.size:,} bytes)"),
        ("Verification code", document.verification_code),
        ("Content hash", document.content_hash),
        ("Ruleset", document.ruleset),
        (
            "Generated",
            f"{document.generated_at:%Y-%m-%d %H:%M} UTC by {document.generated_by}",
        ),
    ]
    table(rows, run.out)
    return EXIT_OK


def _warn_default_letterhead(run: Run) -> None:
    if document_settings(run.db()).letterhead_is_default:
        run.err.write(
            "diffusion-desk: note: the letterhead is not set; set it with "
            "'diffusion-desk settings --letterhead-name ... --letterhead-address ...'\n"
        )


# -- commands ---------------------------------------------------------------------------------


def _cmd_statement(run: Run) -> int:
    args = run.args
    if args.statement_kind == "aia":
        return _generate(
            run,
            lambda db: aia_statement_view(
                db,
                run.catalog,
                args.party,
                on=args.on or run.today,
                items_description=args.items,
                signers=_signers(args.signer),
                weights_attestation=args.weights_attestation,
            ),
        )
    return _generate(
        run,
        lambda db: lpp_certification_view(
            db,
            run.catalog,
            args.party,
            args.year or run.today.year,
            on=args.on or run.today,
            signers=_signers(args.signer),
        ),
    )


def _cmd_record(run: Run) -> int:
    return _generate(run, lambda db: decision_record_view(db, run.catalog, run.args.order))


def _cmd_notice(run: Run) -> int:
    return _generate(run, lambda db: shipment_notice_view(db, run.catalog, run.args.order))


def _cmd_report(run: Run) -> int:
    on = run.args.on or run.today
    year = run.args.year or on.year
    return _generate(
        run, lambda db: quota_report_view(db, run.catalog, on=on, year=year), signed_head=True
    )


def _looks_like_a_file(target: str) -> bool:
    return target.lower().endswith(".pdf") or "/" in target or "\\" in target


def _cmd_verify(run: Run) -> int:
    target: str = run.args.target
    path = Path(target)
    if path.is_file():
        try:
            check_pdf_size(path.stat().st_size, str(path))
            pdf = path.read_bytes()
        except OSError as error:
            raise DomainError(f"{path}: cannot read the file ({error.strerror})") from error
        from reports.extract import pdf_text

        result = verify_pdf(run.db(reading=True), pdf, pdf_text, name=str(path))
        kind = "file"
    elif _looks_like_a_file(target):
        raise DomainError(f"{target}: no such file (give a PDF file, or a verification code)")
    else:
        result = verify_code(run.db(reading=True), target)
        kind = "code"
    if run.json:
        emit_json(_verification_json(target, kind, result), run.out)
    else:
        _print_verification(result, run)
    if not result.genuine:
        run.err.write(f"diffusion-desk: {target}: not genuine\n")
        return EXIT_BAD_INPUT
    if result.record_rewritten:
        run.err.write(f"diffusion-desk: {target}: the desk's record was rewritten since\n")
        return EXIT_BAD_INPUT
    return EXIT_OK


def _verification_json(target: str, kind: str, result: Verification) -> dict[str, Any]:
    return {
        "input": target,
        "input_kind": kind,
        "genuine": result.genuine,
        "record_rewritten": result.record_rewritten,
        "standing": None if result.standing is None else result.standing.value,
        "since": None if result.since is None else result.since.isoformat(),
        "headline": result.headline,
        "message": result.message,
        "document": None if result.document is None else document_json(result.document),
    }


def _print_verification(result: Verification, run: Run) -> None:
    run.out.write(f"{result.headline}\n")
    rows = [("Verdict", result.headline)]
    document = result.document
    if document is not None:
        rows += [
            ("Document", f"{document.number}: {document.title}"),
            (
                "Generated",
                f"{document.generated_at:%Y-%m-%d %H:%M} UTC by {document.generated_by}",
            ),
            ("Ruleset", document.ruleset),
        ]
        if document.signed_on is not None:
            rows.append(
                ("Signed copy", f"signed {document.signed_on} by {'; '.join(document.signed_by)}")
            )
    if result.standing is not None:
        rows.append(("Standing", result.standing.value))
    table(rows, run.out)
    run.out.write(f"{result.message}\n")


def _cmd_returned(run: Run) -> int:
    args = run.args
    document = record_signed_return(
        run.db(),
        args.number,
        signed_on=args.signed_on,
        signers=args.signer,
        weights_storage_attested=args.weights_storage_attested,
        prior_receipts_tpp=args.prior_receipts,
        actor=run.actor,
    )
    certification = (
        f"AIA certification of {document.party_ref} signed {document.signed_on}"
        if document.kind.value == "aia_statement"
        else f"LPP certification {document.year} of {document.party_ref} signed "
        f"{document.signed_on}"
    )
    if run.json:
        emit_json({**document_json(document), "recorded": certification}, run.out)
    else:
        run.out.write(
            f"recorded the signed copy of {document.number} "
            f"(signed {document.signed_on} by {'; '.join(document.signed_by)})\n"
            f"  and the {certification}\n"
        )
    return EXIT_OK


def _settings_json(settings: DocumentSettings) -> dict[str, Any]:
    return {
        **settings.model_dump(mode="json"),
        "letterhead_set": not settings.letterhead_is_default,
    }


def _cmd_settings(run: Run) -> int:
    args = run.args
    changes = (
        args.letterhead_name,
        args.letterhead_address,
        args.letterhead_contact,
        args.page_size,
        args.officer,
    )
    if all(change is None for change in changes):
        settings = document_settings(run.db(reading=True))
    else:
        settings = update_document_settings(
            run.db(),
            actor=run.actor,
            letterhead_name=args.letterhead_name,
            letterhead_address=args.letterhead_address,
            letterhead_contact=args.letterhead_contact,
            page_size=args.page_size,
            officer=args.officer,
        )
    if run.json:
        emit_json(_settings_json(settings), run.out)
        return EXIT_OK
    letterhead = settings.letterhead
    rows = [("Letterhead", letterhead.name)]
    rows += [("", line) for line in letterhead.address_lines]
    rows += [
        ("Contact", letterhead.contact or "(none)"),
        ("Page size", settings.page_size),
        ("Officer on paper", settings.officer or "(none: paper names no person)"),
    ]
    table(rows, run.out)
    return EXIT_OK


DOCUMENT_HANDLERS: dict[str, Handler] = {
    "statement": _cmd_statement,
    "record": _cmd_record,
    "notice": _cmd_notice,
    "report": _cmd_report,
    "verify": _cmd_verify,
    "returned": _cmd_returned,
    "settings": _cmd_settings,
}
