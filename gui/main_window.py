"""The officer's desk: navigation, the screens, menus, and a status bar that always shows
which database, which officer, and which ruleset (with its enforcement note) is in use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QFont,
    QFontMetrics,
    QKeySequence,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from domain.errors import DomainError
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.dialogs import confirmed, show_failure
from gui.help import install_guide_keys
from gui.i18n import CHINESE, ENGLISH, SYSTEM, language_setting, set_language_setting
from gui.kit.accessibility import install_accessible_names
from gui.kit.dates import day_text
from gui.kit.numbers import grouped
from gui.kit.widgets import make_label, named
from gui.pages.base import Page
from gui.screen import available_size, cap_minimum, fit_to_screen
from gui.settings import UiSettings
from gui.style import Tone, colour, warning_style

PRODUCT_NAME = "Diffusion Desk"
NAVIGATION_POINTS = 10.5
"""The size of the screens' names in the sidebar."""
PageFactory = Callable[[DeskContext], Page]


class ElidedLabel(QLabel):
    """A label that gives way on a narrow window: the middle of its text gives way to "…"
    (a long database path keeps its folder's start and its file name); the whole text is in
    its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(120)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, self.contentsRect().width()
        )
        painter.drawText(self.contentsRect(), int(self.alignment()), shown)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), 520), hint.height())


class MainWindow(QMainWindow):
    def __init__(
        self,
        context: DeskContext,
        pages: list[PageFactory],
        settings: UiSettings | None = None,
    ) -> None:
        super().__init__()
        self.context = context
        self.settings = settings or UiSettings()
        self._qsettings = QSettings()
        self._kit_windows: list[QMainWindow] = []
        self.setObjectName("mainWindow")
        cap_minimum(self, 960, 600)
        fit_to_screen(self, 1360, 840)

        self.navigation = named(QListWidget(), "navigation")
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setIconSize(QSize(18, 18))
        self.navigation.setSpacing(2)
        self.navigation.setStyleSheet(
            f"QListWidget#navigation {{ background:{colour(Tone.PANEL)};"
            f" color:{colour(Tone.HEADING)}; border:none;"
            f" border-right:1px solid {colour(Tone.BORDER)}; font-size:{NAVIGATION_POINTS}pt;"
            " padding-top:8px; }"
            "QListWidget#navigation::item { padding:8px 14px; border-radius:4px; margin:0 6px; }"
            f"QListWidget#navigation::item:selected {{ background:{colour(Tone.SELECTED)};"
            f" color:{colour(Tone.SELECTED_TEXT)}; }}"
        )
        self.stack = QStackedWidget()
        self.pages: list[Page] = []
        for number, factory in enumerate(pages, start=1):
            page = factory(context)
            self.pages.append(page)
            self.stack.addWidget(page)
            item = QListWidgetItem(page.title)
            item.setToolTip(f"{page.title} (Ctrl+{number})" if number < 10 else page.title)
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self._on_navigation_current_row_changed)
        self.navigation.setFixedWidth(self._navigation_width())

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_status_bar()
        self._build_menus()
        context.events.database_replaced.connect(self._update_status)
        self._update_status()
        self._restore_state()
        install_accessible_names(self)
        install_guide_keys(self, self.stack.currentWidget)

    def _navigation_width(self) -> int:
        """Wide enough for every screen's name in full (never "Certifications & Lic…"); a
        little more on a large screen."""
        self.navigation.ensurePolished()  # its style sheet's font and padding count
        font = QFont(self.navigation.font())
        font.setPointSizeF(NAVIGATION_POINTS)
        text = max(QFontMetrics(font).horizontalAdvance(page.title) for page in self.pages)
        # The item's padding (14 px each side) and margin (6), the list's frame and spacing.
        needed = max(text + 28 + 12, self.navigation.sizeHintForColumn(0)) + 24
        return max(needed, 236 if available_size(self)[0] >= 1280 else 0)

    # -- status bar ---------------------------------------------------------------------

    def _build_status_bar(self) -> None:
        self.database_label = named(ElidedLabel(), "databaseLabel")
        self.officer_label = make_label(name="officerLabel")
        self.ruleset_label = make_label(name="rulesetLabel", style=warning_style(), selectable=True)
        bar = self.statusBar()
        bar.addWidget(self.database_label, 1)
        bar.addWidget(self.officer_label)
        bar.addPermanentWidget(self.ruleset_label)

    def _update_status(self) -> None:
        context = self.context
        self.setWindowTitle(f"{PRODUCT_NAME} — {context.connection.description}")
        self.database_label.setText(
            self.tr("Database: {database}").format(database=context.connection.description)
        )
        self.database_label.setToolTip(context.connection.description)
        self.officer_label.setText(self.tr("Officer: {officer}").format(officer=context.actor))
        ruleset = context.ruleset_today()
        self.ruleset_label.setText(
            self.tr(
                "Ruleset {ruleset} · Not enforced by BIS since 2025-05-13: internal policy"
            ).format(ruleset=ruleset.id)
            if "2025-05-13" in ruleset.enforcement_note
            else self.tr("Ruleset {ruleset} (from {date})").format(
                ruleset=ruleset.id, date=day_text(ruleset.effective_from)
            )
        )
        self.ruleset_label.setToolTip(ruleset.enforcement_note)

    # -- menus ----------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(
            self._action(self.tr("&New database…"), self._on_new_database, "Ctrl+Shift+N")
        )
        file_menu.addAction(
            self._action(
                self.tr("&Open database…"), self._on_open_database, QKeySequence.StandardKey.Open
            )
        )
        file_menu.addSeparator()
        self.import_action = self._action(self.tr("&Import CSV…"), self._on_import, "Ctrl+I")
        file_menu.addAction(self.import_action)
        self.export_action = self._action(self.tr("&Export CSV…"), self._on_export, "Ctrl+E")
        file_menu.addAction(self.export_action)
        file_menu.addAction(
            self._action(self.tr("&Back up database…"), self._on_backup, "Ctrl+Shift+B")
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("Open a field-audit &kit…"), self._on_open_kit, "Ctrl+Alt+K")
        )
        file_menu.addAction(
            self._action(self.tr("&Merge a signed-off kit…"), self._on_merge_kit, "Ctrl+Alt+M")
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        )

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.context.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.context.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)

        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        for number, page in enumerate(self.pages, start=1):
            if number <= 10:  # Ctrl+1 to Ctrl+9, then Ctrl+0 for the tenth
                go_menu.addAction(
                    self._action(
                        page.title.replace("&", "&&"),
                        self._page_opener(number - 1),
                        f"Ctrl+{number % 10}",
                    )
                )

        self._build_language_menu()

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(
                self.tr("&User guide"), self.open_guide, QKeySequence.StandardKey.HelpContents
            )
        )
        help_menu.addAction(self._action(self.tr("&Keyboard shortcuts"), self.open_shortcuts))
        help_menu.addSeparator()
        help_menu.addAction(self._action(self.tr("About the &rules model…"), self._on_about_rules))
        help_menu.addAction(
            self._action(self.tr("&About {product}").format(product=PRODUCT_NAME), self.open_about)
        )

    def _build_language_menu(self) -> None:
        """View › Language: the system's, English or Simplified Chinese, taken at next start."""
        menu = self.menuBar().addMenu(self.tr("&View")).addMenu(self.tr("&Language"))
        menu.setObjectName("languageMenu")
        group = QActionGroup(self)
        chosen = language_setting(self._qsettings)
        # Each language is named in itself, so an officer who cannot read the current one
        # still finds theirs.
        for code, name in (
            (SYSTEM, self.tr("System language")),
            (ENGLISH, "English"),
            (CHINESE, "简体中文"),
        ):
            action = QAction(name, self)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            group.addAction(action)
            menu.addAction(action)
        group.triggered.connect(self._on_language_triggered)
        self.language_actions = group

    def _on_language_triggered(self, action: QAction) -> None:
        code = str(action.data())
        if code == language_setting(self._qsettings):
            return
        set_language_setting(code, self._qsettings)
        text = self.tr("The language changes the next time the desk starts.")
        self.statusBar().showMessage(text, 10000)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Language"), text, parent=self)
        box.setObjectName("languageMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- navigation -----------------------------------------------------------------------

    def _page_opener(self, index: int) -> Callable[[], None]:
        return lambda: self.show_page(index)

    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def page(self, page_type: type[Page]) -> Page:
        for page in self.pages:
            if isinstance(page, page_type):
                return page
        raise KeyError(page_type.__name__)

    def _on_navigation_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)

    # -- file actions ---------------------------------------------------------------------

    def _fail(self, message: str, is_bug: bool = False) -> None:
        show_failure(self, message, is_bug, self.context.log_file)

    def _switch_database(self, path: str) -> None:
        try:
            connection = self.context.open_connection(path)
        except DomainError as error:
            self._fail(str(error))
            return
        self.settings.set_last_folder(path)
        self.context.replace_connection(connection)

    def _on_new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New database"),
            str(Path(self.settings.last_folder()) / "desk.sqlite3"),
            self.tr("Diffusion Desk database (*.sqlite3)"),
        )
        if path:
            if Path(path).exists():
                self._fail(
                    self.tr(
                        "{path} already exists; choose a new file name for a new database."
                    ).format(path=path)
                )
                return
            self._switch_database(path)

    def _on_open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open database"),
            self.settings.last_folder(),
            self.tr("Diffusion Desk database (*.sqlite3);;All files (*)"),
        )
        if path:
            self._switch_database(path)

    def _on_open_kit(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open a field-audit kit"),
            "",
            self.tr("Field-audit kits (*.ddkit);;All files (*)"),
        )
        if chosen:
            self.open_kit(Path(chosen))

    def open_kit(self, path: Path) -> QMainWindow | None:
        """The field-audit window over a kit (its own window: the desk stays as it is)."""
        from gui.field_audit.window import FieldAuditWindow

        if self.context.open_kit is None:
            self._fail(self.tr("This desk cannot open field-audit kits."))
            return None
        try:
            visit = self.context.open_kit(path)
        except DomainError as error:
            self._fail(str(error))
            return None
        window = FieldAuditWindow(
            visit, path=path, clock=self.context.clock, renderer=self.context.renderer
        )
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._kit_windows.append(window)
        window.destroyed.connect(lambda: self._kit_windows.remove(window))
        window.show()
        return window

    def _on_merge_kit(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Merge a signed-off kit"),
            "",
            self.tr("Field-audit kits (*.ddkit);;All files (*)"),
        )
        if chosen:
            merged = self.merge_kit(Path(chosen))
            if merged is not None:
                QMessageBox.information(self, self.tr("Kit merged"), merged)

    def merge_kit(self, path: Path) -> str | None:
        """Take a signed-off kit back; returns what was done, in words (None if refused)."""
        merge = self.context.connection.merge_kit
        if merge is None:
            self._fail(self.tr("This desk cannot merge field-audit kits."))
            return None
        try:
            merged = merge(path, self.context.actor)
        except DomainError as error:
            self._fail(str(error))
            return None
        result = merged.result
        if result.already_merged:
            text = self.tr("{file} was already merged as visit {visit}; nothing changed.").format(
                file=path.name, visit=result.visit
            )
        elif not result.discrepancies:
            text = self.tr("{file}: merged as visit {visit}, 0 discrepancies.").format(
                file=path.name, visit=result.visit
            )
        else:
            text = self.tr(
                "{file}: merged as visit {visit}, {count} discrepancies. {party} is under review:"
                " its orders are held until the resolution is recorded (Parties › Field audits)."
            ).format(
                file=path.name,
                visit=result.visit,
                count=grouped(result.discrepancies),
                party=merged.party_ref,
            )
        if merged.report is not None:
            text += "\n\n" + self.tr(
                "Visit report {number} registered, verification code {code}: {file}"
            ).format(
                number=merged.report.number,
                code=merged.report.verification_code,
                file=merged.report_file,
            )
        if merged.warning:
            text += "\n\n" + self.tr("Warning: {warning}").format(warning=merged.warning)
        self.context.events.changed.emit(
            Changes.of(Record.PARTIES, Record.ORDERS, Record.DOCUMENTS, refs=[merged.party_ref])
        )
        self.statusBar().showMessage(text.splitlines()[0], 10000)
        return text

    def _on_backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up database"),
            str(Path(self.settings.last_folder()) / "desk-backup.sqlite3"),
            self.tr("Diffusion Desk database (*.sqlite3)"),
        )
        if not path:
            return
        try:
            written = self.context.connection.backup(Path(path))
        except DomainError as error:
            self._fail(str(error))
            return
        self.statusBar().showMessage(self.tr("Backup written to {file}").format(file=written), 8000)

    def _on_import(self) -> None:
        from gui.import_dialog import ImportDialog

        dialog = ImportDialog(self.context, self.settings, self)
        dialog.open()

    def _on_export(self) -> None:
        from gui.import_dialog import export_with_dialog

        export_with_dialog(self.context, self.settings, self)

    def open_guide(self) -> QDialog:
        from gui.help import GuideDialog, topic_for

        dialog = GuideDialog(self, topic=topic_for(self.stack.currentWidget()))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()  # not modal: the guide stays open beside the work
        return dialog

    def open_shortcuts(self) -> QDialog:
        from gui.help import ShortcutsDialog, shortcuts_of

        places: dict[QWidget, str] = {page: page.title for page in self.pages}
        dialog = ShortcutsDialog(shortcuts_of(self, places), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_about(self) -> QDialog:
        from gui.help import AboutDialog

        dialog = AboutDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_about_rules(self) -> None:
        ruleset = self.context.ruleset_today()
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About the rules model"))
        box.setText(
            ruleset.title
            + "\n"
            + self.tr("Ruleset {ruleset}, effective {date}").format(
                ruleset=ruleset.id, date=ruleset.effective_from
            )
        )
        box.setInformativeText(f"{ruleset.enforcement_note}\n\n{ruleset.model_note}")
        box.open()

    # -- state ----------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.geometry("main")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.geometry("main_state")
        if state is not None:
            self.restoreState(state)
        page = self.settings.last_page()
        self.show_page(page if 0 <= page < len(self.pages) else 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        running = self.context.jobs.essential_running
        if running and not confirmed(
            self,
            self.tr("Work in progress"),
            self.tr(
                "Still running: {jobs}. Stop it and quit? What is finished is already saved;"
                " nothing is left half-written."
            ).format(jobs=", ".join(running)),
        ):
            event.ignore()
            return
        self.context.jobs.cancel_all()
        self.context.jobs.wait()
        self.context.connection.anchor()  # the chain's head, kept outside the database
        self.settings.set_geometry("main", QByteArray(self.saveGeometry()))
        self.settings.set_geometry("main_state", QByteArray(self.saveState()))
        self.settings.set_last_page(self.navigation.currentRow())
        self.settings.sync()
        super().closeEvent(event)
