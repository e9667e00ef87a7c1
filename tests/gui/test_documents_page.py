"""Documents: generating, previewing, verifying and filing statements as an officer does."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from itertools import islice
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.desktop import build_context
from domain.decision import Authorization, Outcome
from domain.documents import DocumentKind, RegisteredDocument, Standing, Verification
from domain.model import Order
from domain.services import documents as services
from domain.services import records
from domain.services.demo_load import load_demo
from domain.services.orders import check_order, check_pending
from domain.services.settings import document_settings, update_document_settings
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.pages.documents.aia_statement import AiaStatementDialog
from gui.pages.documents.lpp_certification import LppCertificationDialog
from gui.pages.documents.order_document import OrderDocumentDialog
from gui.pages.documents.page import DocumentsPage
from gui.pages.documents.signed_return import SignedReturnDialog
from gui.pages.documents.texts import parse_signers
from gui.pages.documents.verify import VerifyDialog
from tests.clock import clock_on


def _copy(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


@pytest.fixture(scope="session")
def checked_demo_documents(tmp_path_factory: pytest.TempPathFactory, qapp: QApplication) -> Path:
    """The demonstration data with every order checked (today), built once per test run."""
    path = tmp_path_factory.getbasetemp() / "checked-demo-documents.sqlite3"
    if not path.exists():
        work = tmp_path_factory.mktemp("documents-demo") / "desk.sqlite3"
        desk = build_context(str(work), clock=clock_on())
        load_demo(desk.db, desk.demo_dataset(), actor="setup")
        update_document_settings(desk.db, actor="setup", letterhead_name="Demo Exports Ltd.")
        check_pending(desk.db, desk.catalog, actor="setup")
        desk.connection.db.close()  # type: ignore[attr-defined]
        part = path.with_name(path.name + ".part")
        _copy(work, part)
        os.replace(part, path)
    return path


@pytest.fixture
def desk(checked_demo_documents: Path, tmp_path: Path) -> Iterator[DeskContext]:
    target = tmp_path / "desk.sqlite3"
    _copy(checked_demo_documents, target)
    context = build_context(str(target), clock=clock_on())
    context.actor = "Officer Test"
    yield context
    context.jobs.cancel_all()
    context.jobs.wait()
    context.connection.db.close()  # type: ignore[attr-defined]


@pytest.fixture
def page(qtbot: QtBot, desk: DeskContext) -> DocumentsPage:
    shown = DocumentsPage(desk)
    qtbot.addWidget(shown)
    shown.resize(1250, 760)
    with qtbot.waitSignal(shown.loaded, timeout=10_000):
        shown.show()
    return shown


def generate_aia_statement(
    qtbot: QtBot, page: DocumentsPage, party_ref: str = "NL-POLDER"
) -> RegisteredDocument:
    """Through the dialog, as an officer would: choose, edit, generate."""
    dialog = page.open_aia_statement()
    assert isinstance(dialog, AiaStatementDialog)
    dialog.select_party(party_ref)  # chosen as soon as the eligible consignees are listed
    with qtbot.waitSignal(dialog.defaults_loaded, timeout=20_000):
        pass
    assert dialog.party.selected_ref() == party_ref
    assert "3A090" in dialog.items.toPlainText()
    dialog.items.setPlainText("NVIDIA H100 boards, integrated circuits under ECCN 3A090.a")
    dialog.signers.setPlainText("Joris van Dam, Managing Director\nEva de Vries, Compliance")
    with (
        qtbot.waitSignal(page.document_generated, timeout=30_000) as generated,
        qtbot.waitSignal(page.loaded, timeout=30_000),
    ):
        assert dialog.generate(), dialog.problem.text()
    number = str(generated.args[0])
    with page.context.db.reader() as uow:
        document = uow.documents.get(number)
    assert document is not None
    return document


def verify(qtbot: QtBot, dialog: VerifyDialog, how: str) -> Verification:
    with qtbot.waitSignal(dialog.verified, timeout=20_000) as answered:
        assert dialog.verify_file() if how == "file" else dialog.verify_code()
    result = answered.args[0]
    assert isinstance(result, Verification)
    return result


def test_an_aia_statement_generated_from_the_page_is_listed_and_previewed(
    qtbot: QtBot, desk: DeskContext, page: DocumentsPage
) -> None:
    document = generate_aia_statement(qtbot, page)

    assert document.kind is DocumentKind.AIA_STATEMENT
    assert document.party_ref == "NL-POLDER"
    assert document.generated_by == "Officer Test"
    listed = page.model.document(0)
    assert listed is not None
    assert listed.number == document.number
    assert page.model.data(page.model.index(0, page.model.SIGNED)) == "… Awaiting"
    assert page.selected_document() == listed
    assert document.verification_code in page.detail.text()

    preview = page.preview
    assert preview is not None
    assert preview.isVisible()
    assert document.number in preview.windowTitle()
    assert preview.document.status() == QPdfDocument.Status.Ready
    assert preview.page_count() >= 1
    assert preview.summary.text().startswith(f"Page 1 of {preview.page_count()}")


def test_the_preview_prints_every_page_and_saves_the_exact_file(
    qtbot: QtBot, page: DocumentsPage, tmp_path: Path
) -> None:
    generate_aia_statement(qtbot, page)
    preview = page.preview
    assert preview is not None
    printer = preview.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(preview.printed) as printed:
        assert preview.print_to(printer) == preview.page_count()
    assert printed.args == [preview.page_count()]
    assert (tmp_path / "printed.pdf").stat().st_size > 0

    with qtbot.waitSignal(preview.saved):
        assert preview.save_to(tmp_path / "statement.pdf")
    assert (tmp_path / "statement.pdf").read_bytes() == preview.pdf
    assert not preview.save_to(tmp_path)  # a folder is refused, plainly
    assert "is a folder" in preview.status.text()


def test_print_and_save_open_their_dialogs_without_blocking(
    qtbot: QtBot, page: DocumentsPage, tmp_path: Path
) -> None:
    generate_aia_statement(qtbot, page)
    preview = page.preview
    assert preview is not None
    preview.print_button.click()
    assert preview.print_dialog is not None
    qtbot.waitUntil(preview.print_dialog.isVisible)
    preview.print_dialog.reject()

    preview.save_button.click()
    chooser = preview.save_dialog
    assert chooser is not None
    qtbot.waitUntil(chooser.isVisible)
    with qtbot.waitSignal(preview.saved) as saved:
        chooser.fileSelected.emit(str(tmp_path / "chosen.pdf"))
    chooser.reject()
    assert saved.args == [str(tmp_path / "chosen.pdf")]
    assert (tmp_path / "chosen.pdf").read_bytes() == preview.pdf


def test_the_generated_file_verifies_as_genuine_and_a_changed_copy_does_not(
    qtbot: QtBot, page: DocumentsPage, tmp_path: Path
) -> None:
    document = generate_aia_statement(qtbot, page)
    assert page.preview is not None
    saved = tmp_path / "statement.pdf"
    assert page.preview.save_to(saved)

    dialog = page.open_verify()
    dialog.path.setText(str(saved))
    genuine = verify(qtbot, dialog, "file")
    assert genuine.genuine
    assert genuine.document is not None
    assert genuine.document.number == document.number
    assert genuine.standing is Standing.CURRENT
    assert dialog.verdict.text().startswith("✓ Genuine")
    assert "#14532d" in dialog.verdict.styleSheet()  # green, and the words say it too
    assert document.number in dialog.details.text()

    altered = tmp_path / "altered.pdf"
    altered.write_bytes(saved.read_bytes() + b"\n% edited after printing\n")
    dialog.path.setText(str(altered))
    forged = verify(qtbot, dialog, "file")
    assert not forged.genuine
    assert dialog.verdict.text() == "✕ Not genuine"
    assert "#8b1111" in dialog.verdict.styleSheet()
    assert "altered" in dialog.message.text()
    assert "claims to be" in dialog.details_heading.text()


def test_a_file_that_is_not_a_pdf_is_not_genuine_and_says_why(
    qtbot: QtBot, page: DocumentsPage, tmp_path: Path
) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"JFIF not a PDF at all")
    dialog = page.open_verify()
    dialog.path.setText(str(scan))
    answer = verify(qtbot, dialog, "file")
    assert not answer.genuine
    assert dialog.verdict.text() == "✕ Not genuine"
    assert "scan.pdf is not a PDF" in dialog.message.text()
    assert not dialog.details.isVisible()
    assert dialog.file_button.isEnabled()


def test_a_code_typed_from_paper_verifies_and_a_wrong_one_does_not(
    qtbot: QtBot, page: DocumentsPage
) -> None:
    document = generate_aia_statement(qtbot, page)
    dialog = page.open_verify()
    # As typed from the paper: lower case, spaces instead of dashes.
    dialog.code.setText(document.verification_code.lower().replace("-", " "))
    typed = verify(qtbot, dialog, "code")
    assert typed.genuine
    assert typed.document is not None
    assert typed.document.number == document.number
    assert dialog.verdict.text().startswith("✓ Genuine")

    dialog.code.setText("AAAA-BBBB-CCCC")
    wrong = verify(qtbot, dialog, "code")
    assert not wrong.genuine
    assert dialog.verdict.text() == "✕ Not genuine"


def test_recording_the_signed_copy_lets_a_held_order_of_the_consignee_be_authorized(
    qtbot: QtBot, desk: DeskContext, page: DocumentsPage
) -> None:
    # Polderlicht (Netherlands, Tier 1) never certified: a new order of today is held.
    with desk.db.reader() as uow:
        earlier = uow.orders.get("SO-25-0035")
    assert earlier is not None
    today = desk.today()
    order = Order(
        ref="SO-26-9001", date=today, consignee_ref="NL-POLDER", lines=earlier.order.lines
    )
    records.add_record(desk.db, order, actor="setup")
    held = check_order(desk.db, desk.catalog, "SO-26-9001", actor="setup")
    assert held.decision.outcome is Outcome.HOLD

    document = generate_aia_statement(qtbot, page)
    assert page.select_number(document.number)
    assert page.return_action.isEnabled()
    dialog = page.open_signed_return()
    assert isinstance(dialog, SignedReturnDialog)
    dialog.signers.setPlainText("Joris van Dam, Managing Director")
    # The statement printed no model-weight storage attestation: it cannot be recorded as one.
    assert not dialog.attested.isEnabled()
    with (
        qtbot.waitSignal(dialog.recorded, timeout=20_000),
        qtbot.waitSignal(page.loaded, timeout=20_000),
    ):
        assert dialog.save()

    returned = page.model.document(page.model.row_of(document.number) or 0)
    assert returned is not None
    assert returned.signed_on == today
    assert returned.signed_by == ("Joris van Dam, Managing Director",)
    assert (
        page.model.data(page.model.index(0, page.model.SIGNED)) == f"✓ Signed {today.isoformat()}"
    )
    assert not page.return_action.isEnabled()  # a statement comes back once

    result = check_order(desk.db, desk.catalog, "SO-26-9001", actor=desk.actor)
    assert result.decision.outcome is Outcome.AUTHORIZED
    assert Authorization.AIA in result.decision.authorizations


def test_a_statement_whose_certification_was_revoked_is_genuine_but_says_so(
    qtbot: QtBot, desk: DeskContext, page: DocumentsPage
) -> None:
    document = generate_aia_statement(qtbot, page)
    today = desk.today()
    services.record_signed_return(
        desk.db, document.number, signed_on=today, signers=["Joris van Dam"], actor="setup"
    )
    with desk.db.reader() as uow:
        (certification,) = [
            item
            for item in uow.paperwork.aia_certifications("NL-POLDER")
            if item.signed_on == today
        ]
    records.put_record(
        desk.db, certification.model_copy(update={"revoked_on": today}), actor="setup"
    )
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        desk.events.changed.emit(Changes.of(Record.PAPERWORK))
    assert page.select_number(document.number)

    page.standing_button.click()  # verifies the selected document's code
    dialog = page.dialog
    assert isinstance(dialog, VerifyDialog)
    with qtbot.waitSignal(dialog.verified, timeout=20_000) as answered:
        pass
    result = answered.args[0]
    assert result.genuine
    assert result.standing is Standing.REVOKED
    assert dialog.verdict.text().startswith("⚠ Genuine, but")
    assert "revoked" in dialog.verdict.text()
    assert "#7a4b00" in dialog.verdict.styleSheet()  # amber, with the symbol and the words
    assert "revoked" in dialog.message.text()


def test_an_lpp_certification_is_generated_and_its_signed_copy_records_the_prior_receipts(
    qtbot: QtBot, desk: DeskContext, page: DocumentsPage
) -> None:
    year = desk.today().year
    dialog = page.open_lpp_certification()
    assert isinstance(dialog, LppCertificationDialog)
    dialog.select_party("SG-LIONCITY")
    with qtbot.waitSignal(dialog.parties_loaded, timeout=20_000):
        pass
    assert dialog.party.selected_ref() == "SG-LIONCITY"
    dialog.year.setValue(year)
    dialog.signers.setPlainText("Tan Wei Ling, Director")
    with (
        qtbot.waitSignal(page.document_generated, timeout=30_000) as generated,
        qtbot.waitSignal(page.loaded, timeout=30_000),
    ):
        assert dialog.generate(), dialog.problem.text()
    number = str(generated.args[0])
    assert number.startswith("LPP-")
    assert page.select_number(number)
    listed = page.selected_document()
    assert listed is not None
    assert (listed.party_ref, listed.year) == ("SG-LIONCITY", year)

    back = page.open_signed_return()
    assert isinstance(back, SignedReturnDialog)
    assert not back.attested.isVisibleTo(back)  # weights storage is an AIA matter
    back.signers.setPlainText("Tan Wei Ling, Director")
    back.prior.setText("12,500,000")
    with qtbot.waitSignal(back.recorded, timeout=20_000):
        assert back.save()
    with desk.db.reader() as uow:
        certification = uow.paperwork.lpp_certification("SG-LIONCITY", year)
    assert certification is not None
    assert certification.signed_on == desk.today()
    assert certification.prior_receipts_tpp == 12_500_000


def test_a_batch_of_decision_records_can_be_stopped(
    qtbot: QtBot, desk: DeskContext, page: DocumentsPage, tmp_path: Path
) -> None:
    folder = tmp_path / "records"
    with qtbot.waitSignal(page.batch_finished, timeout=120_000) as finished:
        assert page.start_batch(DocumentKind.DECISION_RECORD, desk.today(), folder)
        assert page.stop_button.isVisible()
        qtbot.waitUntil(lambda: page.progress.maximum() > 0, timeout=20_000)
        page.stop_button.click()
    summary = finished.args[0]
    assert summary.cancelled
    assert len(summary.documents) < summary.total
    assert page.batch_label.text().startswith("Stopped:")
    assert not page.stop_button.isVisible()
    assert not page.progress.isVisible()
    written = sorted(path.name for path in folder.glob("*.pdf")) if folder.exists() else []
    assert len(written) == len(summary.documents)  # each registered document has its file
    with desk.db.reader() as uow:
        registered = [item.number for item in uow.documents.all()]
    assert registered == [item.number for item in summary.documents]


def test_a_refused_document_is_explained_and_the_dialog_keeps_what_was_typed(
    qtbot: QtBot, page: DocumentsPage
) -> None:
    dialog = page.open_decision_record()
    assert isinstance(dialog, OrderDocumentDialog)
    dialog.order.setText("SO-NOPE")
    assert dialog.generate()
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=20_000)
    assert "unknown order" in dialog.problem.text()
    assert dialog.isVisible()
    assert dialog.order.text() == "SO-NOPE"
    assert dialog.generate_button.isEnabled()


def test_the_registry_model_passes_the_model_tester(
    qtbot: QtBot, desk: DeskContext, page: DocumentsPage, qtmodeltester: ModelTester
) -> None:
    assert desk.renderer is not None
    with desk.db.reader() as uow:
        first = [stored.order.ref for stored in islice(uow.orders.all(), 40)]
        orders = [ref for ref in first if uow.decisions.latest(ref) is not None][:5]
    assert len(orders) == 5
    for ref in orders:
        services.generate(
            desk.db,
            desk.renderer,
            services.decision_record_view(desk.db, desk.catalog, ref),
            actor=desk.actor,
        )
    page.model.CHUNK = 2  # hand the rows over a few at a time, as years of records would be
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.reload()
    assert page.model.total() == len(orders)
    qtmodeltester.check(page.model)  # type: ignore[no-untyped-call]
    while page.model.canFetchMore(page.model.index(-1, -1)):
        page.model.fetchMore(page.model.index(-1, -1))
    assert page.model.rowCount() == len(orders)
    qtmodeltester.check(page.model)  # type: ignore[no-untyped-call]


def test_signers_are_read_one_a_line_as_name_and_title() -> None:
    signers = parse_signers("  Joris van Dam,  Managing Director \n\nEva de Vries\n")
    assert [(item.name, item.title) for item in signers] == [
        ("Joris van Dam", "Managing Director"),
        ("Eva de Vries", ""),
    ]


def test_the_letterhead_is_set_in_the_window(
    qtbot: QtBot, desk: DeskContext, page: DocumentsPage
) -> None:
    dialog = page.open_letterhead()
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        pass
    assert dialog.name.text() == "Demo Exports Ltd."
    dialog.name.setText("")
    assert not dialog.save()
    assert "exporter's name" in dialog.problem.text()
    dialog.name.setText("Diffusion Exports, Inc.")
    dialog.address.setPlainText("1 Main Street\nSpringfield, VA 22150")
    dialog.officer.setText("Dana Reyes, Export Compliance Officer")
    dialog.page_size.setCurrentText("Letter")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        assert dialog.save()
    stored = document_settings(desk.db)
    assert stored.letterhead.name == "Diffusion Exports, Inc."
    assert stored.letterhead.address_lines == ("1 Main Street", "Springfield, VA 22150")
    assert stored.officer == "Dana Reyes, Export Compliance Officer"
    assert stored.page_size == "Letter"


def test_verify_from_the_toolbar_and_its_shortcut_opens_the_dialog(
    qtbot: QtBot, page: DocumentsPage
) -> None:
    page.verify_action.trigger()  # triggered(checked) must not arrive as a code
    assert isinstance(page.dialog, VerifyDialog)
    assert page.dialog.code.text() == ""


def test_a_genuine_statement_printed_to_a_pdf_file_is_not_called_a_forgery(
    qtbot: QtBot,
    page: DocumentsPage,
    tmp_path: Path,
) -> None:
    document = generate_aia_statement(qtbot, page)
    preview = page.preview
    assert preview is not None
    printed = tmp_path / "printed.pdf"
    printer = preview.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    assert preview.print_to(printer) == preview.page_count() > 0
    assert printed.stat().st_size > 0
    assert page.context.extract_text is not None
    assert document.verification_code not in page.context.extract_text(printed.read_bytes())

    dialog = page.open_verify()
    dialog.path.setText(str(printed))
    assert dialog.verify_file()
    qtbot.waitUntil(lambda: "Cannot tell from the file" in dialog.message.text(), timeout=20_000)
    assert "carries no text" in dialog.message.text()
    assert "verification code" in dialog.message.text()
    assert not dialog.verdict.isVisible()  # no verdict, and above all not "Not genuine"
    qtbot.waitUntil(dialog.code_button.isEnabled, timeout=5000)

    dialog.code.setText(document.verification_code)  # the code printed on the paper decides
    genuine = verify(qtbot, dialog, "code")
    assert genuine.genuine
    assert dialog.verdict.text().startswith("✓ Genuine")


def test_the_registry_has_a_menu_of_its_own(qtbot: QtBot, page: DocumentsPage) -> None:
    document = generate_aia_statement(qtbot, page)
    rect = page.table.visualRect(page.model.index(0, 0))
    page.table.customContextMenuRequested.emit(rect.center())
    menu = page.context_menu()
    assert menu is not None
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts == [
        "Preview…",
        f"Copy {document.number}",
        f"Copy the code {document.verification_code}",
        "Signed copy returned…",
        "Verify…",
    ]
    menu.close()
