"""What the registry holds for the selected document, with what can be done with it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from domain.documents import RegisteredDocument
from gui.kit.widgets import make_button, make_label
from gui.pages.documents.texts import SIGNED_KINDS, document_html
from gui.style import hint_style


class DocumentDetail(QFrame):
    """The registry's record of one document; Preview (when its PDF is still held), Check
    standing, and Signed copy returned (for a statement that goes out for signature)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentDetail")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(320)
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 10, 12, 10)
        self.detail = make_label(name="documentDetailText", wrap=True, selectable=True, rich=True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setText(
            f"<p style='{hint_style()}'>"
            + self.tr("Select a document to see what the registry holds for it.")
            + "</p>"
        )
        self.preview_button = make_button(self.tr("Preview"), "previewButton")
        self.return_button = make_button(self.tr("Signed copy returned…"), "returnButton")
        self.standing_button = make_button(
            self.tr("Check standing"),
            "standingButton",
            tip=self.tr("Verify this document's code: what it stands for today"),
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.standing_button)
        buttons.addStretch(1)
        return_row = QHBoxLayout()
        return_row.addWidget(self.return_button)
        return_row.addStretch(1)
        self.preview_note = make_label(
            name="previewNote", style=hint_style() + " font-size:9pt;", wrap=True
        )
        column.addWidget(self.detail)
        column.addLayout(buttons)
        column.addLayout(return_row)
        column.addWidget(self.preview_note)
        column.addStretch(1)

    def show_document(self, document: RegisteredDocument | None, *, held: bool, empty: str) -> None:
        """``document`` (None: the ``empty`` words); ``held``: its PDF is still in memory."""
        if document is None:
            self.detail.setText(f"<p style='{hint_style()}'>{empty}</p>")
        else:
            self.detail.setText(document_html(document))
        self.preview_note.setText(
            ""
            if document is None or held
            else self.tr(
                "The registry keeps each document's fingerprint, not its file: open a saved "
                "copy, or generate the document again to print it."
            )
        )

    def show_actions(self, document: RegisteredDocument | None, *, held: bool) -> None:
        awaiting = (
            document is not None and document.kind in SIGNED_KINDS and document.signed_on is None
        )
        self.return_button.setEnabled(awaiting)
        self.return_button.setVisible(document is not None and document.kind in SIGNED_KINDS)
        self.preview_button.setEnabled(held)
        self.preview_button.setVisible(document is not None)
        self.standing_button.setVisible(document is not None)
