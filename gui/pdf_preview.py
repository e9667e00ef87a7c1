"""A generated document on screen before it goes to paper: preview, print, save.

The PDF arrives as bytes (the services render it off the UI thread). Qt's own PDF engine
shows it; printing draws each page, rendered at the printer's resolution, onto the printer,
so what prints is what was previewed and registered. Saving writes the exact bytes (the
registry knows their hash), whole or not at all.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    QSizeF,
    Signal,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QVBoxLayout, QWidget

from domain.errors import DomainError
from gui.dialogs import show_failure
from gui.kit.files import write_atomically
from gui.kit.widgets import make_button, make_label, named
from gui.screen import fit_to_screen
from gui.settings import UiSettings
from gui.style import Tone, colour, error_style, hint_style, text_style

log = logging.getLogger("diffusion_desk.gui")

PRINT_DPI_LIMIT = 300
"""Pages are rendered for the printer at no more than this (an A4 page at 300 dpi is 35 MB)."""


class PdfPreviewDialog(QDialog):
    """Shows a PDF held in memory, with Print… and Save….

    Signals:
        saved: the document was written to a file (its path).
        printed: the document was sent to a printer (the number of pages printed).
    """

    saved = Signal(str)
    printed = Signal(int)

    def __init__(
        self,
        pdf: bytes,
        *,
        title: str,
        file_name: str,
        log_file: Path,
        settings: UiSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.setWindowTitle(title)
        self.setModal(False)
        fit_to_screen(self, 860, 980)
        self.pdf = pdf
        self.file_name = file_name
        self.log_file = log_file
        self.settings = settings or UiSettings()
        self.save_dialog: QFileDialog | None = None
        self.print_dialog: QPrintDialog | None = None
        self._paper = ""

        # QPdfDocument reads from the device as it renders, so both stay alive with the dialog.
        self._data = QByteArray(pdf)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = named(QPdfView(self), "pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet(f"QPdfView {{ background:{colour(Tone.PAPER_SURROUND)}; }}")

        self.summary = make_label(name="pdfSummary", style=hint_style())
        self.status = make_label(name="pdfStatus", wrap=True, selectable=True, hidden=True)

        self.fit_width_button = make_button(
            self.tr("Fit width"), "fitWidthButton", self._on_fit_width_button_clicked
        )
        self.fit_page_button = make_button(
            self.tr("Whole page"), "fitPageButton", self._on_fit_page_button_clicked
        )
        self.print_button = make_button(self.tr("Print…"), "printButton")
        self.print_button.setShortcut("Ctrl+P")
        self.print_button.setToolTip(self.tr("Print the document (Ctrl+P)"))
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.save_button = make_button(self.tr("Save…"), "saveButton")
        self.save_button.setShortcut("Ctrl+S")
        self.save_button.setToolTip(self.tr("Save the PDF exactly as registered (Ctrl+S)"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.close_button = make_button(self.tr("Close"), "closeButton", self.reject)

        buttons = QHBoxLayout()
        buttons.addWidget(self.summary)
        buttons.addStretch(1)
        buttons.addWidget(self.fit_width_button)
        buttons.addWidget(self.fit_page_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.view.pageNavigator().currentPageChanged.connect(
            self._on_navigator_current_page_changed
        )
        self._describe()

    # -- what is shown ----------------------------------------------------------------------

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def _describe(self) -> None:
        count = self.page_count()
        if self.document.status() != QPdfDocument.Status.Ready or count == 0:
            self.summary.setText("")
            self._say(
                self.tr("This PDF could not be read; it cannot be previewed or printed."), ok=False
            )
            self.print_button.setEnabled(False)
            return
        self._paper = _paper_name(self.document.pagePointSize(0))
        self._on_navigator_current_page_changed(self.view.pageNavigator().currentPage())

    def _on_navigator_current_page_changed(self, page: int) -> None:
        count = self.page_count()
        if count:
            self.summary.setText(
                self.tr("Page {page} of {count}").format(page=min(page, count - 1) + 1, count=count)
                + f" · {self._paper}"
            )

    def _say(self, text: str, *, ok: bool) -> None:
        self.status.setStyleSheet(text_style(Tone.OK) if ok else error_style())
        self.status.setText(text)
        self.status.setVisible(True)

    def _on_fit_width_button_clicked(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _on_fit_page_button_clicked(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    # -- printing ---------------------------------------------------------------------------

    def make_printer(self) -> QPrinter:
        """A printer set up for the document's paper size and orientation."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.file_name)
        printer.setFullPage(True)  # the PDF has its own margins
        if self.page_count():
            size = self.document.pagePointSize(0)
            page_size = QPageSize(QSizeF(size), QPageSize.Unit.Point, matchPolicy=_MATCH)
            printer.setPageSize(page_size)
            printer.setPageOrientation(
                QPageLayout.Orientation.Landscape
                if size.width() > size.height()
                else QPageLayout.Orientation.Portrait
            )
        printer.setFromTo(1, max(self.page_count(), 1))
        return printer

    def _on_print_button_clicked(self) -> None:
        printer = self.make_printer()
        dialog = named(QPrintDialog(printer, self), "printDialog")
        dialog.setWindowTitle(self.tr("Print {title}").format(title=self.windowTitle()))
        dialog.setMinMax(1, max(self.page_count(), 1))
        dialog.accepted.connect(lambda: self.print_to(printer))
        self.print_dialog = dialog
        QDialog.open(dialog)  # the stub only knows open(receiver, member)

    def print_to(self, printer: QPrinter) -> int:
        """Draw the chosen pages onto ``printer``; returns how many were printed."""
        count = self.page_count()
        if count == 0:
            return 0
        first = max(printer.fromPage(), 1) if printer.fromPage() else 1
        last = min(printer.toPage(), count) if printer.toPage() else count
        dpi = min(printer.resolution(), PRINT_DPI_LIMIT)
        painter = QPainter()
        if not painter.begin(printer):
            self._say(self.tr("The printer could not be started; nothing was printed."), ok=False)
            return 0
        printed = 0
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for number in range(first - 1, last):
                if printed:
                    printer.newPage()
                points = self.document.pagePointSize(number)
                image = self.document.render(
                    number,
                    QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)),
                )
                target = _fit(
                    QSizeF(image.size()),
                    QRectF(printer.paperRect(QPrinter.Unit.DevicePixel)),
                )
                painter.drawImage(target, image)
                printed += 1
        finally:
            painter.end()
        self._say(
            "✓ "
            + (
                self.tr("Sent 1 page to the printer.")
                if printed == 1
                else self.tr("Sent {count} pages to the printer.").format(count=printed)
            ),
            ok=True,
        )
        self.printed.emit(printed)
        return printed

    # -- saving -----------------------------------------------------------------------------

    def _on_save_button_clicked(self) -> None:
        dialog = QFileDialog(
            self,
            self.tr("Save document"),
            str(Path(self.settings.last_folder()) / self.file_name),
            self.tr("PDF documents (*.pdf)"),
        )
        dialog.setObjectName("saveDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(self.save_to)
        self.save_dialog = dialog
        dialog.open()

    def save_to(self, path: str | Path) -> bool:
        """Write the PDF to ``path``; a refused write is explained, and the preview stays."""
        target = Path(path)
        if target.is_dir():
            self._say(
                self.tr("{path} is a folder: give a file name.").format(path=target), ok=False
            )
            return False
        try:
            write_atomically(target, self.pdf)
        except DomainError as error:
            self._say(self.tr("Not saved: {error}").format(error=error), ok=False)
            show_failure(
                self, self.tr("Not saved: {error}").format(error=error), False, self.log_file
            )
            return False
        except Exception as error:
            log.exception("saving %s failed", target)
            show_failure(self, f"{type(error).__name__}: {error}", True, self.log_file)
            return False
        self.settings.set_last_folder(target)
        self._say("✓ " + self.tr("Saved to {path}").format(path=target), ok=True)
        self.saved.emit(str(target))
        return True


_MATCH = QPageSize.SizeMatchPolicy.FuzzyOrientationMatch


def _paper_name(points: QSizeF) -> str:
    """ "A4", "US Letter", or the size in millimetres."""
    size = QPageSize(QSizeF(points), QPageSize.Unit.Point, matchPolicy=_MATCH)
    if size.id() == QPageSize.PageSizeId.A4:
        return "A4"
    if size.id() == QPageSize.PageSizeId.Letter:
        return QCoreApplication.translate("PdfPreviewDialog", "US Letter")
    return f"{points.width() * 25.4 / 72:.0f} × {points.height() * 25.4 / 72:.0f} mm"


def _fit(image: QSizeF, paper: QRectF) -> QRectF:
    """The largest rectangle of the image's proportions centred on the paper."""
    if image.isEmpty() or paper.isEmpty():
        return paper
    scale = min(paper.width() / image.width(), paper.height() / image.height())
    width, height = image.width() * scale, image.height() * scale
    return QRectF(
        QPointF(paper.x() + (paper.width() - width) / 2, paper.y() + (paper.height() - height) / 2),
        QSizeF(width, height),
    )
