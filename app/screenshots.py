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
    from gui.context import DeskContext


def _slug(title: str) -> str:
    return (
        "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-").replace("--", "-")
    )


def _documents(context: DeskContext) -> None:
    """A letterhead and a few registered documents, so the Documents screen has content."""
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
    documents.generate_aia_statement(
        context.db,
        context.catalog,
        renderer,
        "GB-THAMESIDE",
        on=on,
        actor="maria.keller",
        signers=(Signer(name="Oliver Pryce", title="Managing Director"),),
    )
    documents.generate_quota_report(
        context.db, context.catalog, renderer, on=on, actor="maria.keller"
    )
    for ref in ("SO-26-0133", "SO-26-0150"):
        documents.generate_decision_record(
            context.db, context.catalog, renderer, ref, actor="maria.keller"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.screenshots", description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--size", default="1360x840", help="window size, WIDTHxHEIGHT")
    parser.add_argument(
        "--screen",
        metavar="WxH",
        help="an offscreen screen of this size (device pixels); the window fills what it can",
    )
    parser.add_argument("--scale", type=float, default=1.0, help="device pixel ratio (1.5)")
    parser.add_argument("--dark", action="store_true", help="a dark desktop palette")
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
                            "dpr": args.scale,
                        }
                    ]
                }
            ),
            encoding="utf-8",
        )
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
        width, height = screen_w, screen_h
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

    from app.desktop import build_context
    from domain.services.demo_load import load_demo
    from domain.services.orders import check_pending
    from gui.main_window import MainWindow
    from gui.pages.registry import page_factories

    context = build_context(str(scratch / "desk.sqlite3"))
    load_demo(context.db, context.demo_dataset(), actor="maria.keller")
    check_pending(context.db, context.catalog, actor="maria.keller")
    _documents(context)
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
    for index, page in enumerate(window.pages):
        window.show_page(index)
        settle(600)
        wait_until(lambda: not context.jobs.busy)
        prepare = getattr(page, "prepare_screenshot", None)
        if callable(prepare):
            prepare()
            settle(400)
            wait_until(lambda: not context.jobs.busy)
        path = args.out / f"{index + 1:02d}-{_slug(page.title)}.png"
        window.grab().save(str(path))
        written.append(path)

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
    dialog.close()
    window.close()
    context.jobs.wait()
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
