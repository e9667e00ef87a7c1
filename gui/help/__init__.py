"""Help: the user guide (F1), the keyboard shortcuts and what the desk is (version, log).

The guide is ``user-guide.md`` beside this module, shipped with the package; the shortcut list
is read from the window's own actions, so it cannot drift from what the keys do.
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from importlib import metadata, resources

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from domain.text import fold
from gui.context import DeskContext
from gui.kit.search import SearchField
from gui.screen import fit_to_screen
from gui.style import hint_style

PRODUCT_NAME = "Diffusion Desk"


@dataclass(frozen=True)
class GuideSection:
    title: str
    markdown: str


def guide_text() -> str:
    return (resources.files(__package__) / "user-guide.md").read_text(encoding="utf-8")


def guide_sections(text: str) -> list[GuideSection]:
    """The guide cut at its ``##`` headings; what comes before the first is "Introduction"."""
    sections: list[GuideSection] = []
    title, lines = "Introduction", list[str]()
    for line in text.splitlines():
        if line.startswith("## "):
            sections.append(GuideSection(title, "\n".join(lines).strip()))
            title, lines = line[3:].strip(), [f"## {line[3:].strip()}"]
        elif line.startswith("# "):
            lines.append(f"## {line[2:].strip()}")
        else:
            lines.append(line)
    sections.append(GuideSection(title, "\n".join(lines).strip()))
    return [section for section in sections if section.markdown]


def version() -> str:
    try:
        return metadata.version("diffusion-desk")
    except metadata.PackageNotFoundError:
        return "unknown (not installed as a package)"


class GuideDialog(QDialog):
    """The user guide: its sections on the left, one at a time on the right, and a search
    that keeps the sections mentioning what was typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(f"{PRODUCT_NAME}: user guide")
        self.sections = guide_sections(guide_text())
        self.search = SearchField("the guide")
        self.search.setObjectName("guideSearch")
        self.search.search_requested.connect(self._filter)
        self.search.install_find(self)
        self.contents = QListWidget()
        self.contents.setObjectName("guideContents")
        self.contents.setMinimumWidth(190)
        self.contents.currentRowChanged.connect(self._show_section)
        self.text = QTextBrowser()
        self.text.setObjectName("guideText")
        self.text.setOpenExternalLinks(False)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.contents, 1)
        splitter.addWidget(left)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 640])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self._shown: list[int] = []
        self._filter("")
        fit_to_screen(self, 900, 640)

    def _filter(self, typed: str) -> None:
        needle = fold(typed.strip())
        self._shown = [
            number
            for number, section in enumerate(self.sections)
            if not needle or needle in fold(section.markdown)
        ]
        self.contents.blockSignals(True)
        self.contents.clear()
        for number in self._shown:
            self.contents.addItem(self.sections[number].title)
        self.contents.blockSignals(False)
        if self._shown:
            self.contents.setCurrentRow(0)
            self._show_section(0)
        else:
            self.text.setMarkdown(f"Nothing in the guide mentions “{typed.strip()}”.")

    def _show_section(self, row: int) -> None:
        if 0 <= row < len(self._shown):
            self.text.setMarkdown(self.sections[self._shown[row]].markdown)

    def show_section(self, title: str) -> None:
        for row, number in enumerate(self._shown):
            if self.sections[number].title == title:
                self.contents.setCurrentRow(row)
                return


@dataclass(frozen=True)
class Shortcut:
    keys: str
    action: str
    where: str


def shortcuts_of(window: QWidget, places: dict[QWidget, str]) -> list[Shortcut]:
    """Every action of ``window`` with a key, named where it works (a screen, or everywhere)."""
    found: dict[tuple[str, str], Shortcut] = {}
    for action in window.findChildren(QAction):
        keys = action.shortcut()
        if keys.isEmpty():
            continue
        text = action.text().replace("&&", "\x00").replace("&", "").replace("\x00", "&")
        owner = action.parent()
        where = "Everywhere"
        while isinstance(owner, QWidget):
            if owner in places:
                where = places[owner]
                break
            owner = owner.parentWidget()
        shown = keys.toString(QKeySequence.SequenceFormat.NativeText)
        found.setdefault((where, shown), Shortcut(shown, text.rstrip("…").strip(), where))
    return sorted(found.values(), key=lambda item: (item.where != "Everywhere", item.where))


class ShortcutsDialog(QDialog):
    """Every key of the window, as a table: keys, what they do, where."""

    def __init__(self, shortcuts: list[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle("Keyboard shortcuts")
        self.table = QTableWidget(len(shortcuts), 3)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels(["Keys", "Does", "Where"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, item in enumerate(shortcuts):
            for column, text in enumerate((item.keys, item.action, item.where)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        note = QLabel(
            "Keys marked for a screen work while that screen is shown. In the order form: "
            "Ctrl+S saves, Ctrl+Shift+S saves and checks, Ctrl+L adds a line, Ctrl+Del "
            "removes the line you are in. F1 opens the user guide."
        )
        note.setWordWrap(True)
        note.setStyleSheet(hint_style())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        fit_to_screen(self, 620, 560)


def about_text(context: DeskContext) -> str:
    """What the desk is and where it keeps things: for a person, and for a problem report."""
    ruleset = context.ruleset_today()
    return "\n".join(
        (
            f"{PRODUCT_NAME} {version()}",
            f"Database: {context.connection.description}",
            f"Officer: {context.actor}",
            f"Ruleset in effect today ({context.today().isoformat()}): {ruleset.id}",
            f"Log file: {context.log_file}",
            "Desk signing key: "
            + (
                context.connection.key_fingerprint()
                or "not made yet (made with the first field-audit kit)"
            ),
            f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}, "
            f"{platform.system()} {platform.release()}",
            f"Interpreter: {sys.executable}",
        )
    )


class AboutDialog(QDialog):
    """The version, the database, the log's location, with a button to copy it all."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(f"About {PRODUCT_NAME}")
        self.details = about_text(context)
        title = QLabel(f"<h2>{PRODUCT_NAME}</h2>")
        intro = QLabel(
            "Export compliance for AI chips, AI servers and model weights under the AI "
            "Diffusion Framework: classification, country tiers, quotas, Validated End Users, "
            "licences, and a record that cannot be changed unnoticed."
        )
        intro.setWordWrap(True)
        self.text = QLabel(self.details.replace("\n", "<br>"))
        self.text.setObjectName("aboutDetails")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton("Copy details", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("copyAboutDetails")
        self.copy_button.clicked.connect(self._copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 360)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
