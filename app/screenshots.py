"""Render each main screen with the demonstration data to docs/screenshots/*.png.

    python -m app.screenshots [--out docs/screenshots] [--size 1360x840]

Runs offscreen (no display needed): a fresh database in a temporary folder is filled with
the demonstration data and checked, then every page of the main window is shown and
grabbed, plus the new-order form with its live preview.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from gui.context import DeskContext


def _slug(title: str) -> str:
    return (
        "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-").replace("--", "-")
    )


def _documents(context: DeskContext) -> bytes:
    """A letterhead and a few registered documents, so the Documents screen has content;
    returns the AIA statement's PDF (for the preview's picture)."""
    from domain.documents import Signer
    from domain.services import documents
    from domain.services.settings import update_document_settings
    from reports.renderer import PdfRenderer

    update_document_settings(
        context.db,
        actor="maria.keller",
        letterhead_name="Diffusion Exports, Inc.",
        letterhead_address=["1200 Innovation Way", "San Jose, CA 95134, United States"],
        letterhead_contact="export.compliance@diffusion-exports.example · +1 408 555 0100",
    )
    renderer = PdfRenderer()
    on = context.today()
    _, pdf = documents.generate(
        context.db,
        renderer,
        documents.aia_statement_view(
            context.db,
            context.catalog,
            "GB-THAMESIDE",
            on=on,
            signers=(Signer(name="Oliver Pryce", title="Managing Director"),),
        ),
        actor="maria.keller",
    )
    documents.generate(
        context.db,
        renderer,
        documents.quota_report_view(context.db, context.catalog, on=on),
        actor="maria.keller",
    )
    for ref in ("SO-26-0133", "SO-26-0150"):
        documents.generate(
            context.db,
            renderer,
            documents.decision_record_view(context.db, context.catalog, ref),
            actor="maria.keller",
        )
    return pdf


DEMO_LIST = (
    "source,name,alt_names,addresses,country,license_requirement,license_policy,"
    "federal_register_notice,start_date\n"
    "Entity List (EL) - Bureau of Industry and Security,"
    "Shenzhen Xinghe Intelligent Computing Technology Co. Ltd.,Xinghe Zhisuan,"
    '"Nanshan District, Shenzhen, CN",CN,For all items subject to the EAR.,'
    "Presumption of denial.,90 FR 12345,2025-03-25\n"
    "Military End User (MEU) List - Bureau of Industry and Security,"
    'Severny Vychislitelny Tsentr OOO,,"Moscow, RU",RU,'
    "For all items subject to the EAR listed in supplement no. 2 to part 744.,"
    "Presumption of denial.,89 FR 84500,2024-10-23\n"
    "Denied Persons List (DPL) - Bureau of Industry and Security,"
    'Straits Silcon Distribution Sdn Bhd,,"Penang, MY",MY,,,88 FR 1000,2023-01-10\n'
    "Entity List (EL) - Bureau of Industry and Security,Huayuan Holdings Group Co. Ltd.,,"
    '"Beijing, CN",CN,For all items subject to the EAR.,Case-by-case review.,'
    "90 FR 2222,2025-09-16\n"
)
"""A small restricted-party list, so the Screening screen has matches to decide."""


def _screening(context: DeskContext) -> None:
    """Take the small list into use and screen every party against it."""
    from domain.services.screening import screen_all
    from domain.services.screening_lists import import_list

    import_list(
        context.db,
        DEMO_LIST.encode(),
        file_name="restricted-parties.csv",
        actor="maria.keller",
        catalog=context.catalog,
    )
    screen_all(context.db, actor="maria.keller")


def _kit(context: DeskContext, folder: Path) -> tuple[Path, list[str]]:
    """A field-audit kit for the site of the first party the demonstration data shipped to,
    and a few serials to scan there (found ones, and one the desk never shipped)."""
    from domain.services.field_audit import export_kit
    from storage.desk_key import DeskKey
    from storage.kit_file import write_kit

    dataset = context.demo_dataset()
    consignee = {order.ref: order.consignee_ref for order in dataset.orders}
    party = consignee[dataset.shipments[0].order_ref]
    serials = [unit.serial for unit in dataset.shipments if consignee[unit.order_ref] == party]
    key = DeskKey.for_database(folder / "desk.sqlite3")
    contents, signature = export_kit(
        context.db, context.catalog, party, "Data centre, hall B", actor="maria.keller", signer=key
    )
    path = folder / "site.ddkit"
    write_kit(path, contents, signature)
    return path, [*serials[:12], "ZZ-0000-NOT-SHIPPED"]


def fit_problems(window: QWidget, what: str) -> list[str]:
    """What does not fit on the screen ``window`` is on: the window itself, and any visible
    button or field of it cut off by its edge or squeezed below its smallest readable size."""
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractScrollArea,
        QApplication,
        QComboBox,
        QLineEdit,
        QWidget,
    )

    def scrolled(widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None and parent is not window:
            if isinstance(parent, QAbstractScrollArea):
                return True  # reached by scrolling, as the officer would
            parent = parent.parentWidget()
        return False

    problems: list[str] = []
    screen = (window.screen() or QApplication.primaryScreen()).availableGeometry()
    if window.width() > screen.width() or window.height() > screen.height():
        problems.append(
            f"{what}: {window.width()}x{window.height()} is larger than the screen "
            f"({screen.width()}x{screen.height()})"
        )
    inside = window.rect()
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, QAbstractButton | QLineEdit | QComboBox):
            continue
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        if not widget.isVisible() or scrolled(widget):
            continue
        area = widget.rect().translated(widget.mapTo(window, widget.rect().topLeft()))
        name = widget.objectName() or widget.metaObject().className()
        label = getattr(widget, "text", lambda: "")()
        shown = f"{name} {label!r}" if label else name
        if not inside.contains(area):
            problems.append(f"{what}: {shown} is cut off by the window's edge")
        elif isinstance(widget, QComboBox) and widget.width() < widget.minimumSizeHint().width():
            problems.append(f"{what}: {shown} is narrower than its choices")
    return problems


def _orders_problems(page: QWidget) -> list[str]:
    """The Orders list keeps its outcome in view without scrolling sideways."""
    from gui.pages.orders import OrdersPage

    assert isinstance(page, OrdersPage)
    header = page.table.horizontalHeader()
    column = page.model.OUTCOME_COLUMN
    right = header.sectionViewportPosition(column) + header.sectionSize(column)
    if right > page.table.viewport().width():
        return [f"Orders: the Outcome column ends at {right} px, past the list's edge"]
    return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.screenshots", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--size", default="1360x840", help="window size, WIDTHxHEIGHT")
    parser.add_argument(
        "--screen",
        metavar="WxH",
        help="an offscreen screen of this size (device pixels); the window fills what it can",
    )
    parser.add_argument(
        "--scale", type=float, default=1.0, help="the desktop's scale (1.5 for 150 %%)"
    )
    parser.add_argument("--dark", action="store_true", help="a dark desktop palette")
    parser.add_argument(
        "--language",
        choices=("en", "zh_CN"),
        default="en",
        help="the window's language (zh_CN: Simplified Chinese)",
    )
    parser.add_argument(
        "--check-fit",
        action="store_true",
        help="also report (last line, FIT [...]) what does not fit the screen; exit 1 if any",
    )
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.lower().split("x"))
    scratch = Path(tempfile.mkdtemp(prefix="desk-screens-"))
    if args.screen:
        screen_w, screen_h = (int(part) for part in args.screen.lower().split("x"))
        config = scratch / "screen.json"
        config.write_text(
            json.dumps(
                {
                    "screens": [
                        {
                            "name": "screen",
                            "x": 0,
                            "y": 0,
                            "width": screen_w,
                            "height": screen_h,
                            "logicalDpi": 96,
                            "logicalBaseDpi": 96,
                            "dpr": 1,
                        }
                    ]
                }
            ),
            encoding="utf-8",
        )
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        width, height = screen_w, screen_h
    if args.scale != 1.0:
        # As a desktop scaled to 150 %: a 1920x1080 screen offers 1280x720 to the window.
        os.environ["QT_SCALE_FACTOR"] = f"{args.scale:g}"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["XDG_CONFIG_HOME"] = str(scratch / "config")
    os.environ.setdefault("DIFFUSION_DESK_OFFICER", "maria.keller")

    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    if args.dark:
        from gui.style import dark_palette

        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    app.setOrganizationName("Diffusion Desk")
    app.setApplicationName("Diffusion Desk")
    from gui.i18n import install_translations

    install_translations(app, args.language)

    from app.desktop import build_context
    from domain.services.demo_load import load_demo
    from domain.services.orders import check_pending
    from gui.main_window import MainWindow
    from gui.pages.registry import page_factories

    context = build_context(str(scratch / "desk.sqlite3"))
    load_demo(context.db, context.demo_dataset(), actor="maria.keller")
    check_pending(context.db, context.catalog, actor="maria.keller")
    statement = _documents(context)
    _screening(context)
    kit, serials = _kit(context, scratch)
    window = MainWindow(context, page_factories())
    if not args.screen:
        window.resize(width, height)
    window.show()

    def settle(milliseconds: int = 400) -> None:
        loop = QEventLoop()
        QTimer.singleShot(milliseconds, loop.quit)
        loop.exec()
        QCoreApplication.sendPostedEvents()

    def wait_until(condition: Callable[[], bool], timeout_ms: int = 15_000) -> None:
        waited = 0
        while not condition() and waited < timeout_ms:
            settle(100)
            waited += 100

    args.out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    problems = fit_problems(window, "Main window")
    for index, page in enumerate(window.pages):
        window.show_page(index)
        settle(600)
        wait_until(lambda: not context.jobs.busy)
        prepare = getattr(page, "prepare_screenshot", None)
        if callable(prepare):
            prepare()
            settle(400)
            wait_until(lambda: not context.jobs.busy)
        path = args.out / f"{index + 1:02d}-{_slug(type(page).title)}.png"
        window.grab().save(str(path))
        written.append(path)
        problems += fit_problems(window, page.title)
        if index == 0:
            problems += _orders_problems(page)

    from gui.order_form import NewOrderDialog

    window.show_page(0)
    dialog = NewOrderDialog(context, window)
    fill = getattr(dialog, "fill_example", None)
    if callable(fill):
        fill()
    dialog.open()
    settle(1200)
    wait_until(lambda: not context.jobs.busy)
    path = args.out / f"{len(window.pages) + 1:02d}-new-order.png"
    dialog.grab().save(str(path))
    written.append(path)
    problems += fit_problems(dialog, "New order")
    dialog.close()

    # The dialogs an officer opens most, on the same screen.
    from gui.import_dialog import ImportDialog
    from gui.pages.documents.page import DocumentsPage
    from gui.pdf_preview import PdfPreviewDialog
    from gui.red_flags import RedFlagDialog
    from gui.settings import UiSettings

    documents_page = next(page for page in window.pages if isinstance(page, DocumentsPage))
    window.show_page(window.pages.index(documents_page))
    settle(400)
    dialogs: list[tuple[str, Callable[[], QWidget]]] = [
        ("red-flags", lambda: RedFlagDialog(context, "SO-26-0133", window)),
        (
            "pdf-preview",
            lambda: PdfPreviewDialog(
                statement,
                title="AIA certification statement",
                file_name="aia.pdf",
                log_file=context.log_file,
                parent=window,
            ),
        ),
        ("import", lambda: ImportDialog(context, UiSettings(), window)),
        ("aia-statement", documents_page.open_aia_statement),
    ]
    for number, (name, make) in enumerate(dialogs, start=len(written) + 1):
        shown = make()
        shown.show()
        settle(800)
        wait_until(lambda: not context.jobs.busy)
        path = args.out / f"{number:02d}-{name}.png"
        shown.grab().save(str(path))
        written.append(path)
        problems += fit_problems(shown, name)
        shown.close()

    # The field-audit window on site, a few serials scanned.
    from app.desktop import LazyRenderer, open_site_visit
    from gui.field_audit.window import FieldAuditWindow

    audit = FieldAuditWindow(
        open_site_visit(kit, clock=context.clock, actor="Auditor Tan"),
        path=kit,
        clock=context.clock,
        renderer=LazyRenderer(),
    )
    if not args.screen:
        audit.resize(width, height)
    audit.show()
    audit.scan.take(serials)
    for number, tab in enumerate((0, 1), start=len(written) + 1):
        audit.tabs.setCurrentIndex(tab)
        settle(500)
        path = args.out / f"{number:02d}-field-audit-{('scan', 'reconciliation')[tab]}.png"
        audit.grab().save(str(path))
        written.append(path)
        problems += fit_problems(audit, "field audit")
    audit.close()

    window.close()
    context.jobs.wait()
    for path in written:
        print(path)
    if args.check_fit:
        print("FIT " + json.dumps(problems))
    return 1 if args.check_fit and problems else 0


if __name__ == "__main__":
    sys.exit(main())
