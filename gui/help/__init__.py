"""Help: the user guide (F1, on the page of the screen in front), the keyboard shortcuts and
what the desk is (version, ruleset, database, log).

The guide is Markdown in ``docs/guide/`` (``gui.help.guide`` finds it and picks its language);
the shortcut list is read from the window's own actions, so it cannot drift from what the keys
do.
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QObject, Qt, qVersion
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.context import DeskContext
from gui.help.guide import TOPICS, guide_language, guide_pages, guide_root, topic_for
from gui.help.guide_dialog import GuideDialog
from gui.screen import fit_to_screen
from gui.style import hint_style

__all__ = [
    "TOPICS",
    "AboutDialog",
    "GuideDialog",
    "ShortcutsDialog",
    "about_text",
    "guide_language",
    "guide_pages",
    "guide_root",
    "install_guide_key",
    "install_guide_keys",
    "shortcuts_of",
    "topic_for",
    "version",
]

PRODUCT_NAME = "Diffusion Desk"


def version() -> str:
    try:
        return metadata.version("diffusion-desk")
    except metadata.PackageNotFoundError:
        return QCoreApplication.translate("AboutDialog", "unknown (not installed as a package)")


def install_guide_key(window: QWidget, topic: str) -> QShortcut:
    """F1 in ``window`` (one that is not the main window) opens the guide at ``topic``."""
    key = QShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents), window)

    def open_guide() -> None:
        dialog = GuideDialog(window, topic=topic)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    key.activated.connect(open_guide)
    return key


class _DialogGuideKeys(QObject):
    """Gives F1 to each dialog of a window the first time it takes the focus."""

    KEYED = "guideKeyGiven"

    def __init__(self, window: QWidget, current_screen: Callable[[], QWidget | None]) -> None:
        super().__init__(window)
        self._window = window
        self._current_screen = current_screen
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)

    def _on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        dialog = new.window() if new is not None else None
        if not isinstance(dialog, QDialog) or isinstance(dialog, GuideDialog):
            return
        if dialog.property(self.KEYED):
            return
        owner = dialog.parentWidget()
        while owner is not None and owner is not self._window:
            if topic_for(owner) != TOPICS[0]:
                break  # the screen the dialog was opened from
            owner = owner.parentWidget()
        if owner is None:
            return  # another window's dialog
        screen = owner if owner is not self._window else self._current_screen()
        dialog.setProperty(self.KEYED, True)
        install_guide_key(dialog, topic_for(screen))


def install_guide_keys(window: QWidget, current_screen: Callable[[], QWidget | None]) -> None:
    """F1 in any dialog of ``window`` opens the guide at the page of the screen the dialog
    belongs to (the screen in front, for a dialog of the menus)."""
    _DialogGuideKeys(window, current_screen)


@dataclass(frozen=True)
class Shortcut:
    keys: str
    action: str
    where: str


def shortcuts_of(window: QWidget, places: dict[QWidget, str]) -> list[Shortcut]:
    """Every action of ``window`` with a key, named where it works (a screen, or everywhere)."""
    found: dict[tuple[str, str], Shortcut] = {}
    everywhere = QCoreApplication.translate("ShortcutsDialog", "Everywhere")
    for action in window.findChildren(QAction):
        keys = action.shortcut()
        if keys.isEmpty():
            continue
        text = action.text().replace("&&", "\x00").replace("&", "").replace("\x00", "&")
        owner = action.parent()
        where = everywhere
        while isinstance(owner, QWidget):
            if owner in places:
                where = places[owner]
                break
            owner = owner.parentWidget()
        shown = keys.toString(QKeySequence.SequenceFormat.NativeText)
        found.setdefault((where, shown), Shortcut(shown, text.rstrip("…").strip(), where))
    return sorted(found.values(), key=lambda item: (item.where != everywhere, item.where))


class ShortcutsDialog(QDialog):
    """Every key of the window, as a table: keys, what they do, where."""

    def __init__(self, shortcuts: list[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(len(shortcuts), 3)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Does"), self.tr("Where")])
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
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
            self.tr(
                "Keys marked for a screen work while that screen is shown. In the order form: "
                "Ctrl+S saves, Ctrl+Shift+S saves and checks, Ctrl+L adds a line, Ctrl+Del "
                "removes the line you are in. F1 opens the user guide at the page of the "
                "screen in front."
            )
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
    translate = QCoreApplication.translate
    key = context.connection.key_fingerprint() or translate(
        "AboutDialog", "not made yet (made with the first field-audit kit)"
    )
    return "\n".join(
        (
            translate("AboutDialog", "{product} version {version}").format(
                product=PRODUCT_NAME, version=version()
            ),
            translate("AboutDialog", "Database: {database}").format(
                database=context.connection.description
            ),
            translate("AboutDialog", "Officer: {officer}").format(officer=context.actor),
            translate(
                "AboutDialog",
                "Ruleset in effect today ({today}): {ruleset}, effective from {since}",
            ).format(
                today=context.today().isoformat(),
                ruleset=ruleset.id,
                since=ruleset.effective_from.isoformat(),
            ),
            translate("AboutDialog", "Log file: {path}").format(path=context.log_file),
            translate("AboutDialog", "Desk signing key: {fingerprint}").format(fingerprint=key),
            f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}, "
            f"{platform.system()} {platform.release()}",
            translate("AboutDialog", "Interpreter: {path}").format(path=sys.executable),
        )
    )


class AboutDialog(QDialog):
    """The version, the database, the log's location, with a button to copy it all."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About {product}").format(product=PRODUCT_NAME))
        self.details = about_text(context)
        title = QLabel(f"<h2>{PRODUCT_NAME}</h2>")
        intro = QLabel(
            self.tr(
                "Export compliance for AI chips, AI servers and model weights under the AI "
                "Diffusion Framework: classification, country tiers, quotas, Validated End "
                "Users, licences, and a record that cannot be changed unnoticed."
            )
        )
        intro.setWordWrap(True)
        self.text = QLabel(self.details)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setObjectName("aboutDetails")
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole
        )
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
