"""The user guide in the window: its topics on the left, one page at a time on the right, a
search that keeps the pages mentioning what was typed, and links between pages."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from domain.text import fold
from gui.help.guide import TOPICS, GuidePage, guide_language, guide_pages
from gui.kit.search import SearchField
from gui.screen import fit_to_screen

PRODUCT_NAME = "Diffusion Desk"


class GuideDialog(QDialog):
    """The user guide in the window's language (English where a page is not translated)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        topic: str = TOPICS[0],
        language: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("{product}: user guide").format(product=PRODUCT_NAME))
        self.language = language or guide_language()
        self.pages: list[GuidePage] = []
        self.problem = QLabel()
        self.problem.setObjectName("guideProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        try:
            self.pages = guide_pages(self.language)
        except OSError as error:
            self.problem.setText(
                self.tr("The user guide could not be read: {error}").format(error=error)
            )
            self.problem.show()
        self.search = SearchField(self.tr("the guide"))
        self.search.setObjectName("guideSearch")
        self.search.setAccessibleName(self.tr("Search the guide"))
        self.search.search_requested.connect(self._filter)
        self.search.install_find(self)
        topics_label = QLabel(self.tr("&Topics"))
        self.contents = QListWidget()
        self.contents.setObjectName("guideContents")
        self.contents.setAccessibleName(self.tr("Topics of the guide"))
        self.contents.setMinimumWidth(190)
        self.contents.currentRowChanged.connect(self._show_row)
        topics_label.setBuddy(self.contents)
        self.text = QTextBrowser()
        self.text.setObjectName("guideText")
        self.text.setAccessibleName(self.tr("Page of the guide"))
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(self._on_text_anchor_clicked)
        splitter = QSplitter()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(topics_label)
        column.addWidget(self.contents, 1)
        splitter.addWidget(left)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 650])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        back = QShortcut(QKeySequence(QKeySequence.StandardKey.Back), self)
        back.activated.connect(self.text.backward)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self._shown: list[int] = []
        self._filter("")
        self.show_topic(topic)
        fit_to_screen(self, 920, 660)

    @property
    def current_topic(self) -> str:
        row = self.contents.currentRow()
        return self.pages[self._shown[row]].topic if 0 <= row < len(self._shown) else ""

    def show_topic(self, topic: str) -> None:
        """Show a page (the whole list again if a search had left it out)."""
        numbers = [n for n, page in enumerate(self.pages) if page.topic == topic]
        if not numbers:
            return
        if numbers[0] not in self._shown:
            self.search.clear()
            self._filter("")
        self.contents.setCurrentRow(self._shown.index(numbers[0]))

    def _filter(self, typed: str) -> None:
        if not self.pages:
            return  # the problem above says why there is nothing to show
        needle = fold(typed.strip())
        self._shown = [
            number
            for number, page in enumerate(self.pages)
            if not needle or needle in fold(page.markdown)
        ]
        self.contents.blockSignals(True)
        self.contents.clear()
        for number in self._shown:
            self.contents.addItem(self.pages[number].title)
        self.contents.blockSignals(False)
        if self._shown:
            self.contents.setCurrentRow(0)
            self._show_row(0)
            if typed.strip():
                self.text.find(typed.strip())
        else:
            self.text.setMarkdown(
                self.tr("Nothing in the guide mentions “{typed}”.").format(typed=typed.strip())
            )

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._shown):
            self.text.setMarkdown(self.pages[self._shown[row]].markdown)

    def _on_text_anchor_clicked(self, url: QUrl) -> None:
        target = url.toString()
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        topic = target.split("#", 1)[0].removesuffix(".md")
        self.show_topic(topic)
