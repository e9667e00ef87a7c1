"""The exporter's letterhead, paper size and the officer paper names, set in the window.

These are database settings (every officer's paper carries the same letterhead), changed
through the settings service, audited like every other change. Registered paper is refused
until the letterhead is set, so the Documents screen opens this dialog when it is not.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from domain.progress import CancelToken
from domain.services.settings import (
    DEFAULT_LETTERHEAD_NAME,
    MAX_ADDRESS_LINES,
    PAGE_SIZES,
    DocumentSettings,
    document_settings,
    update_document_settings,
)
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.dialogs import DeskDialog, show_failure
from gui.kit.widgets import make_label, make_line_edit, named

_HINT = "color: palette(placeholder-text);"


class LetterheadDialog(DeskDialog):
    """Edit the letterhead (name, address, contact), the paper size and the officer named on
    paper.

    Signals:
        loaded: the current settings are shown.
        saved: the settings were stored (the new settings).
    """

    loaded = Signal()
    saved = Signal(object)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            parent,
            title=QCoreApplication.translate("LetterheadDialog", "Letterhead and paper"),
            name="letterheadDialog",
            width=540,
        )
        self._busy = False
        intro = QLabel(
            self.tr(
                "Every printed statement, record, notice and report carries this letterhead. "
                "Registered paper is refused until the exporter's name is set."
            )
        )
        intro.setWordWrap(True)
        self.name = make_line_edit(name="letterheadName")
        self.name.setAccessibleName(self.tr("Exporter's name"))
        self.name.setPlaceholderText(self.tr("Your Company Inc."))
        self.address = named(QPlainTextEdit(), "letterheadAddress")
        self.address.setAccessibleName(self.tr("Exporter's address"))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(84)
        self.address.setPlaceholderText(self.tr("One line of the address per line"))
        self.contact = make_line_edit(name="letterheadContact")
        self.contact.setAccessibleName(self.tr("Contact"))
        self.contact.setPlaceholderText(self.tr("export.compliance@example.com · +1 555 0100"))
        self.officer = make_line_edit(name="letterheadOfficer")
        self.officer.setAccessibleName(self.tr("Officer named on paper"))
        self.officer.setPlaceholderText(self.tr("Jane Doe, Export Compliance Officer"))
        self.page_size = named(QComboBox(), "letterheadPageSize")
        self.page_size.setAccessibleName(self.tr("Paper size"))
        self.page_size.addItems(list(PAGE_SIZES))
        form = QFormLayout()
        form.addRow(self.tr("&Exporter:"), self.name)
        form.addRow(self.tr("&Address:"), self.address)
        form.addRow(self.tr("&Contact:"), self.contact)
        form.addRow(self.tr("&Officer on paper:"), self.officer)
        officer_hint = make_label(
            self.tr("Who issues documents, as paper names them; empty: no person."),
            style=_HINT,
            wrap=True,
        )
        form.addRow("", officer_hint)
        form.addRow(self.tr("&Paper size:"), self.page_size)
        self.problem = make_label(name="letterheadProblem", wrap=True, hidden=True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveLetterhead")
        self.save_button.setEnabled(False)
        self.lay_out(intro, form, self.problem, buttons=buttons, on_accept=self.save)
        self._load()

    def _load(self) -> None:
        db = self.context.db

        def work(progress: Any, cancel: CancelToken) -> DocumentSettings:
            return document_settings(db)

        self.context.jobs.start(
            self.tr("letterhead"), work, on_success=self._on_loaded, on_failure=self._on_failed
        )

    def _on_loaded(self, settings: DocumentSettings) -> None:
        head = settings.letterhead
        self.name.setText("" if settings.letterhead_is_default else head.name)
        self.address.setPlainText("\n".join(head.address_lines))
        self.contact.setText(head.contact)
        self.officer.setText(settings.officer)
        self.page_size.setCurrentText(settings.page_size)
        self.save_button.setEnabled(True)
        self.name.setFocus()
        self.loaded.emit()

    def _say(self, message: str) -> None:
        self.problem.setText(
            self.tr("Not saved: {error}. Everything you typed is still here.").format(error=message)
        )
        self.problem.setVisible(True)

    def save(self) -> bool:
        if self._busy:
            return False
        name = " ".join(self.name.text().split())
        if not name or name == DEFAULT_LETTERHEAD_NAME:
            self._say(self.tr("give the exporter's name as it should head every document"))
            self.name.setFocus()
            return False
        lines = [line for line in self.address.toPlainText().splitlines() if line.strip()]
        if len(lines) > MAX_ADDRESS_LINES:
            self._say(
                self.tr("the address has {count} lines; at most {most}").format(
                    count=len(lines), most=MAX_ADDRESS_LINES
                )
            )
            self.address.setFocus()
            return False
        db, actor = self.context.db, self.context.actor
        contact, officer = self.contact.text(), self.officer.text()
        page_size = self.page_size.currentText()

        def work(progress: Any, cancel: CancelToken) -> DocumentSettings:
            return update_document_settings(
                db,
                actor=actor,
                letterhead_name=name,
                letterhead_address=lines,
                letterhead_contact=contact,
                page_size=page_size,
                officer=officer,
            )

        self._busy = True
        self.save_button.setEnabled(False)
        self.context.write(
            self.tr("save letterhead"),
            work,
            Changes.of(Record.SETTINGS),
            on_success=self._on_saved,
            on_failure=self._on_failed,
        )
        return True

    def _on_saved(self, settings: DocumentSettings) -> None:
        self._busy = False
        self.saved.emit(settings)
        self.accept()

    def _on_failed(self, message: str, is_bug: bool) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
        else:
            self._say(message)
