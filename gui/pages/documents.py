"""Documents: generate, preview, print and file the statements; verify paper later.

The registry lists every generated document (number, kind, party or order, who generated it
and when, whether its signed copy came back). From here an officer generates an AIA
certification statement (editing the items description and the signers first), an LPP
certification, a decision record or shipment notice for an order, the quota report, or a
batch of them; checks whether a paper copy (a PDF file, or the code typed from the page) is
genuine and what it stands for today; and records the return of a signed statement, which
records the certification that order checks rely on.

Every figure comes from the document services; rendering, batches and verification run as
jobs off the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QItemSelection,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from domain.documents import (
    AiaStatementView,
    DocumentKind,
    RegisteredDocument,
    Signer,
    Standing,
    UnverifiableFileError,
    Verification,
)
from domain.errors import DomainError
from domain.progress import CancelToken
from domain.queries import PartySummary
from domain.services import documents as services
from domain.services.settings import document_settings
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.jobs import Job
from gui.kit.numbers import parse_tpp
from gui.letterhead import LetterheadDialog
from gui.pages.base import Page
from gui.pdf_preview import PdfPreviewDialog, write_bytes_atomically
from gui.screen import fit_to_screen
from gui.settings import UiSettings
from gui.style import (
    Tone,
    colour,
    error_style,
    hint_style,
    problem_style,
    qcolour,
    text_style,
    warning_style,
)

Index = QModelIndex | QPersistentModelIndex
Generated = tuple[RegisteredDocument, bytes]

SHORT_LABELS = {
    DocumentKind.AIA_STATEMENT: "AIA statement",
    DocumentKind.LPP_CERTIFICATION: "LPP certification",
    DocumentKind.DECISION_RECORD: "Decision record",
    DocumentKind.SHIPMENT_NOTICE: "Shipment notice",
    DocumentKind.QUOTA_REPORT: "Quota report",
}
"""The kinds as a table column shows them (the full title is in the tooltip and the detail)."""

SIGNED_KINDS = frozenset({DocumentKind.AIA_STATEMENT, DocumentKind.LPP_CERTIFICATION})
"""Documents that go out for signature and come back."""


# (background, text, border) of each verdict; the words carry the meaning, never colour alone.
VERDICT_TONES: dict[str, tuple[Tone, Tone, Tone]] = {
    "genuine": (Tone.OK_BG, Tone.OK, Tone.OK),
    "genuine_but": (Tone.WARNING_BG, Tone.WARNING, Tone.WARNING_BORDER),
    "not_genuine": (Tone.PROBLEM_BG, Tone.ERROR, Tone.PROBLEM_BORDER),
}


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _date_edit(value: date, name: str) -> QDateEdit:
    edit = QDateEdit(_qdate(value))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumWidth(140)
    return edit


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def generated_at_text(document: RegisteredDocument) -> str:
    """When it was generated, in the officer's local time."""
    return document.generated_at.astimezone().strftime("%Y-%m-%d %H:%M")


def order_or_year(document: RegisteredDocument) -> str:
    """The order a document is about, or the year of a certification or report."""
    if document.order_ref:
        return document.order_ref
    return str(document.year) if document.year is not None else ""


def return_text(document: RegisteredDocument) -> str:
    """The signed copy's state, in words with a symbol (never colour alone)."""
    if document.kind not in SIGNED_KINDS:
        return ""
    if document.signed_on is None:
        return "… Awaiting"
    return f"✓ Signed {document.signed_on.isoformat()}"


def file_name_for(document: RegisteredDocument) -> str:
    """A file name an officer recognises: the number and what it is about."""
    subject = document.order_ref or document.party_ref or ""
    stem = f"{document.number}-{subject}" if subject else document.number
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem) + ".pdf"


def parse_signers(text: str) -> tuple[Signer, ...]:
    """One signer a line: "Name, Title" (the title is what follows the first comma)."""
    signers: list[Signer] = []
    for line in text.splitlines():
        cleaned = " ".join(line.split())
        if not cleaned:
            continue
        name, _, title = cleaned.partition(",")
        signers.append(Signer(name=name.strip(), title=title.strip()))
    return tuple(signers)


def signers_text(signers: Sequence[Signer]) -> str:
    return "\n".join(
        f"{signer.name}, {signer.title}" if signer.title else signer.name
        for signer in signers
        if signer.name or signer.title
    )


# -- verdicts -------------------------------------------------------------------------------


def verdict(verification: Verification) -> tuple[str, str]:
    """(key of VERDICT_TONES, the verdict in words with its symbol)."""
    if not verification.genuine:
        return "not_genuine", "✕ Not genuine"
    if verification.standing is Standing.REVOKED:
        return "genuine_but", "⚠ Genuine, but the certification was later revoked"
    if verification.standing is Standing.SUPERSEDED:
        return "genuine_but", "⚠ Genuine, but superseded since"
    if verification.standing is Standing.CURRENT:
        return "genuine", "✓ Genuine and current"
    return "genuine", "✓ Genuine"


def verdict_stylesheet(key: str) -> str:
    background, text, border = (colour(tone) for tone in VERDICT_TONES[key])
    return (
        f"background:{background}; color:{text}; border:1px solid {border};"
        "border-radius:4px; padding:8px 12px; font-size:13pt; font-weight:600;"
    )


def document_html(document: RegisteredDocument) -> str:
    """What the registry knows of a document, as a small table."""
    rows: list[tuple[str, str]] = [
        ("Number", f"<b>{escape(document.number)}</b>"),
        ("Document", escape(document.title)),
        ("Kind", escape(document.kind.label)),
    ]
    if document.party_ref:
        rows.append(("Party", escape(document.party_ref)))
    if document.order_ref:
        rows.append(("Order", escape(document.order_ref)))
    if document.year is not None:
        rows.append(("Year", str(document.year)))
    rows += [
        ("Generated", f"{generated_at_text(document)} by {escape(document.generated_by)}"),
        ("Ruleset", escape(document.ruleset)),
        (
            "Verification code",
            f"<span style='font-family:monospace; font-size:12pt'>"
            f"{escape(document.verification_code)}</span>",
        ),
        (
            "Content hash",
            # In two halves: a 64-digit word would widen the panel past the window.
            f"<span style='font-family:monospace; color:{colour(Tone.HINT)}'>"
            f"{escape(document.content_hash[:32])}<br>{escape(document.content_hash[32:])}"
            "</span>",
        ),
    ]
    if document.kind in SIGNED_KINDS:
        if document.signed_on is None:
            rows.append(("Signed copy", "… not returned yet"))
        else:
            signers = "<br>".join(escape(name) for name in document.signed_by)
            rows.append(
                (
                    "Signed copy",
                    f"✓ returned, signed {document.signed_on.isoformat()}"
                    + (f"<br>{signers}" if signers else ""),
                )
            )
    body = "".join(
        f"<tr><td style='padding:2px 12px 2px 0; color:{colour(Tone.HINT)}' valign='top'>"
        f"{label}</td>"
        f"<td style='padding:2px 0' valign='top'>{value}</td></tr>"
        for label, value in rows
    )
    return f"<table cellspacing='0' cellpadding='0'>{body}</table>"


# -- the registry table ---------------------------------------------------------------------


class DocumentTableModel(QAbstractTableModel):
    """The registry, newest first. Rows are handed to the view in chunks (``fetchMore``), so
    years of daily batches open as fast as a week's."""

    HEADERS = ("Number", "Document", "Party", "Order / year", "Generated", "By", "Signed copy")
    SIGNED = 6
    """The column of the signed copy's state."""
    CHUNK = 500

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents: list[RegisteredDocument] = []
        self._shown = 0

    def set_documents(self, documents: Sequence[RegisteredDocument]) -> None:
        self.beginResetModel()
        self._documents = list(documents)
        self._shown = min(len(self._documents), self.CHUNK)
        self.endResetModel()

    def total(self) -> int:
        return len(self._documents)

    def document(self, row: int) -> RegisteredDocument | None:
        return self._documents[row] if 0 <= row < self._shown else None

    def row_of(self, number: str) -> int | None:
        """The row of a document, fetching rows up to it; None when it is not listed."""
        for row, document in enumerate(self._documents):
            if document.number == number:
                while self._shown <= row:
                    self.fetchMore(QModelIndex())
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < len(self._documents)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = min(self.CHUNK, len(self._documents) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self.HEADERS):
            return None
        document = self.document(index.row())
        if document is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return document.title  # the whole of it, whichever cell is pointed at
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                document.number,
                SHORT_LABELS[document.kind],
                document.party_ref or "",
                order_or_year(document),
                generated_at_text(document)[:10],
                document.generated_by,
                return_text(document),
            )[column]
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == self.SIGNED
            and document.kind in SIGNED_KINDS
        ):
            return qcolour(Tone.OK if document.signed_on is not None else Tone.WARNING)
        return None


# -- dialogs that generate ------------------------------------------------------------------


class GenerateDialog(QDialog):
    """A form that ends in a generated document. Generating runs as a job; a refused
    generation is explained in the dialog, and everything typed stays.

    Signals:
        generated: (RegisteredDocument, PDF bytes).
    """

    generated = Signal(object, object)

    def __init__(self, context: DeskContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(600)
        self._busy = False
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(hint_style())
        self.intro.setVisible(False)
        layout.addWidget(self.intro)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setVerticalSpacing(6)
        layout.addLayout(self.form)
        self.extra = QVBoxLayout()
        layout.addLayout(self.extra, 1)
        self.problem = QLabel()
        self.problem.setObjectName("formProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(problem_style())
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setVisible(False)
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.generate_button = self.buttons.addButton(
            "Generate", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.generate_button.setObjectName("generateButton")
        self.generate_button.setDefault(True)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def add_field(self, label: str, widget: QWidget, hint: str = "") -> None:
        if hint:
            box = QWidget()
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(1)
            column.addWidget(widget)
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet(hint_style() + " font-size:9pt;")
            column.addWidget(note)
            self.form.addRow(label, box)
        else:
            self.form.addRow(label, widget)
        widget.setAccessibleName(label.rstrip(":"))

    def say_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def plan(self) -> Callable[[], Generated] | None:
        """Check the form; a function (run off the UI thread) that generates, or None with
        the problem shown."""
        raise NotImplementedError

    def _on_buttons_accepted(self) -> None:
        self.generate()

    def generate(self) -> bool:
        """Start generating; False when the form has a problem or a generation is running."""
        if self._busy:
            return False
        self.say_problem("")
        if self.context.renderer is None:
            self.say_problem("Documents cannot be rendered here: no PDF renderer is set up.")
            return False
        make = self.plan()
        if make is None:
            return False

        def work(progress: Any, cancel: CancelToken) -> Generated:
            return make()

        self._busy = True
        self.generate_button.setEnabled(False)
        self.generate_button.setText("Generating…")
        self.context.jobs.start(
            self.windowTitle(),
            work,
            on_success=self._on_job_succeeded,
            on_failure=self._on_job_failed,
        )
        return True

    def _idle(self) -> None:
        self._busy = False
        self.generate_button.setEnabled(True)
        self.generate_button.setText("Generate")

    def _on_job_succeeded(self, result: Generated) -> None:
        self._idle()
        document, pdf = result
        self.generated.emit(document, pdf)
        self.accept()

    def _on_job_failed(self, message: str, is_bug: bool) -> None:
        self._idle()
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
            return
        self.say_problem(f"Not generated: {message}. Everything you entered is still here.")

    def reject(self) -> None:
        if self._busy:
            return  # the document is being registered; closing would hide the result
        super().reject()


class PartyCombo(QComboBox):
    """Choose a party by typing part of its name or ref."""

    def __init__(
        self, entries: Sequence[tuple[str, str]] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(16)
        self.setMinimumWidth(380)
        completer = self.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText("Type a name or ref…")
        self.set_entries(entries)

    def set_entries(self, entries: Sequence[tuple[str, str]]) -> None:
        """(ref, label) pairs; the label is shown as "label (REF)"."""
        self.blockSignals(True)
        self.clear()
        for ref, label in sorted(entries, key=lambda entry: entry[1].casefold()):
            self.addItem(f"{label} ({ref})", ref)
        self.setCurrentIndex(-1)
        self.blockSignals(False)

    def selected_ref(self) -> str | None:
        text = self.currentText().strip()
        if not text:
            return None
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.itemData(index))
        for number in range(self.count()):
            if str(self.itemData(number)).casefold() == text.casefold():
                return str(self.itemData(number))
        return None

    def select_ref(self, ref: str) -> bool:
        index = self.findData(ref)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0


def party_entries(parties: Sequence[PartySummary]) -> list[tuple[str, str]]:
    return [(party.ref, party.name) for party in parties]


class AiaStatementDialog(GenerateDialog):
    """An AIA certification statement for an eligible Tier 1 consignee: the items
    description and the signers are filled in from its records and can be edited.

    Signals:
        parties_loaded: the eligible consignees were listed (how many).
        defaults_loaded: the items and wording for the chosen consignee were filled in.
    """

    parties_loaded = Signal(int)
    defaults_loaded = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "New AIA certification statement", parent)
        self.setObjectName("aiaStatementDialog")
        fit_to_screen(self, 720, 660)
        self._loading: Job | None = None
        self._loaded_for: tuple[str, date] | None = None
        self._requested: tuple[str, date] | None = None
        self._wanted_ref: str | None = None
        self.party = PartyCombo()
        self.party.setObjectName("aiaStatementParty")
        self.party.setEnabled(False)
        line = self.party.lineEdit()
        if line is not None:
            line.setPlaceholderText("Listing the consignees that can certify…")
        self.on = _date_edit(context.today(), "aiaStatementDate")
        self.items = QPlainTextEdit()
        self.items.setObjectName("aiaStatementItems")
        self.items.setFixedHeight(72)
        self.items.setPlaceholderText("Choose the consignee: its items and ECCNs are filled in")
        self.eccns = QLabel()
        self.eccns.setObjectName("aiaStatementEccns")
        self.eccns.setStyleSheet(hint_style())
        self.signers = QPlainTextEdit()
        self.signers.setObjectName("aiaStatementSigners")
        self.signers.setFixedHeight(64)
        self.signers.setPlaceholderText(
            "Jane Doe, Chief Compliance Officer\n(leave empty for blank lines to fill in by hand)"
        )
        self.add_field(
            "Ultimate consignee:",
            self.party,
            "Located and headquartered in Tier 1, with its ultimate parent headquartered in "
            "Tier 1. “due”: it has open orders for AIA items and no certification in force.",
        )
        self.add_field("Statement date:", self.on, "The certification wording in effect that day.")
        self.add_field(
            "Items:",
            self.items,
            "General description and ECCNs as the statement prints them; edit before printing.",
        )
        self.form.addRow("", self.eccns)
        self.weights = QCheckBox("Add the model-weight storage attestation")
        self.weights.setObjectName("aiaStatementWeights")
        self.weights.setToolTip(
            "The exporter's form by which the consignee attests storage under Supp. No. 10 to "
            "Part 748 ¶¶ 14, 15, 18; always added when the items include 4E091 model weights."
        )
        self.form.addRow("", self.weights)
        self.add_field("Signers:", self.signers, "One person per line: name, title.")
        heading = QLabel("What the consignee will certify:")
        heading.setStyleSheet("font-weight:600;")
        self.wording = QTextBrowser()
        self.wording.setObjectName("aiaStatementWording")
        self.wording.setAccessibleName("Certification wording")
        self.wording.setMinimumHeight(150)
        self.extra.addWidget(heading)
        self.extra.addWidget(self.wording, 1)
        self.set_intro(
            "The statement the consignee signs before its first AIA shipment. When the signed "
            "copy comes back, record its return on the Documents screen: orders held for a "
            "missing certification pass when checked again."
        )
        self.generate_button.setEnabled(False)
        self.party.currentTextChanged.connect(self._on_inputs_changed)
        self.on.dateChanged.connect(self._on_inputs_changed)
        self.items.textChanged.connect(self._on_items_text_changed)
        self._load_parties()

    def _load_parties(self) -> None:
        context, on = self.context, self.context.today()

        def work(progress: Any, cancel: CancelToken) -> list[tuple[str, str]]:
            ruleset = context.catalog.in_effect_on(on)
            due = set(services.aia_statements_due(context.db, context.catalog, on=on))
            with context.db.reader() as uow:
                eligible = [
                    party
                    for party in uow.parties.all()
                    if services.aia_ineligibility(party, ruleset) is None
                ]
            return [
                (party.ref, f"{party.name}{' — due' if party.ref in due else ''}")
                for party in eligible
            ]

        context.jobs.start(
            "AIA consignees",
            work,
            on_success=self._on_parties_loaded,
            on_failure=self._on_load_failed,
        )

    def _on_parties_loaded(self, entries: list[tuple[str, str]]) -> None:
        self.party.set_entries(entries)
        self.party.setEnabled(True)
        line = self.party.lineEdit()
        if line is not None:
            line.setPlaceholderText("Type a name or ref…")
        self.generate_button.setEnabled(bool(entries))
        if not entries:
            self.say_problem(
                "No consignee can sign an AIA statement: none is located and headquartered in "
                "Tier 1 with its ultimate parent in Tier 1 under the ruleset in effect."
            )
        if self._wanted_ref is not None:
            self.party.select_ref(self._wanted_ref)
        self.parties_loaded.emit(len(entries))

    def _on_load_failed(self, message: str, is_bug: bool) -> None:
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
        else:
            self.say_problem(message)

    def select_party(self, ref: str) -> None:
        """Choose the consignee (now, or once the list is loaded)."""
        self._wanted_ref = ref
        if self.party.count():
            self.party.select_ref(ref)

    def _on_inputs_changed(self, *_args: object) -> None:
        self.load_defaults()

    def load_defaults(self) -> None:
        """Fill the items, signers and wording for the chosen consignee (as a job)."""
        ref = self.party.selected_ref()
        if ref is None:
            return
        wanted = (ref, _pydate(self.on.date()))
        if wanted in (self._loaded_for, self._requested) or self._loading is not None:
            return
        context, on = self.context, wanted[1]
        self._requested = wanted
        self.wording.setHtml(f"<p style='{hint_style()}'>Reading the records of {escape(ref)}…</p>")

        def work(progress: Any, cancel: CancelToken) -> tuple[str, date, AiaStatementView]:
            return ref, on, services.aia_statement_view(context.db, context.catalog, ref, on=on)

        self._loading = context.jobs.start(
            f"AIA statement for {ref}",
            work,
            on_success=self._on_defaults_loaded,
            on_failure=self._on_defaults_failed,
            on_finished=self._on_defaults_finished,
        )

    def _on_defaults_loaded(self, result: tuple[str, date, AiaStatementView]) -> None:
        ref, on, view = result
        previous = self._loaded_for
        self._loaded_for = (ref, on)
        if previous is None or previous[0] != ref or not self.items.toPlainText().strip():
            self.items.setPlainText(view.items_description)
            if not self.signers.toPlainText().strip():
                self.signers.setPlainText(signers_text(view.signers))
        self.eccns.setText(f"Computed from its orders: ECCNs {', '.join(view.eccns)}")
        self._refresh_wording()
        self.say_problem("")
        self.defaults_loaded.emit(ref)

    def _on_defaults_failed(self, message: str, is_bug: bool) -> None:
        self._loaded_for = None
        self.wording.clear()
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
        else:
            self.say_problem(message)

    def _on_defaults_finished(self) -> None:
        self._loading = None
        # The officer may have chosen another consignee or date while this one was read.
        self.load_defaults()

    def _on_items_text_changed(self) -> None:
        self._refresh_wording()

    def _refresh_wording(self) -> None:
        """The commitments as they will print, with the items as typed."""
        items = " ".join(self.items.toPlainText().split())
        if not items:
            return
        try:
            ruleset = self.context.catalog.in_effect_on(_pydate(self.on.date()))
        except DomainError as error:
            self.wording.setPlainText(str(error))
            return
        text = ruleset.aia_certification
        consignee = self.party.currentText().strip() or "[the ultimate consignee]"
        self.wording.setHtml(_wording_html(text.as_printed(consignee, items), ruleset.id))

    def plan(self) -> Callable[[], Generated] | None:
        ref = self.party.selected_ref()
        if ref is None:
            self.say_problem(
                "Choose the consignee from the list"
                if self.party.currentText().strip()
                else "Choose the ultimate consignee"
            )
            return None
        items = " ".join(self.items.toPlainText().split())
        if not items:
            self.say_problem("Describe the items (their general description and ECCNs)")
            return None
        signers = parse_signers(self.signers.toPlainText())
        context, on, renderer = self.context, _pydate(self.on.date()), self.context.renderer
        weights = True if self.weights.isChecked() else None
        assert renderer is not None

        def make() -> Generated:
            view = services.aia_statement_view(
                context.db,
                context.catalog,
                ref,
                on=on,
                items_description=items,
                signers=signers,
                weights_attestation=weights,
            )
            return services.generate(
                context.db,
                renderer,
                view,
                kind=DocumentKind.AIA_STATEMENT,
                party_ref=ref,
                actor=context.actor,
            )

        return make


def _wording_html(paragraphs: Sequence[str], ruleset: str) -> str:
    # The opening, then the items with their own numbering, "(i)" to "(v)", as the regulation.
    opening, *items = paragraphs
    return (
        f"<p>{escape(opening)}</p>"
        + "".join(f"<p style='margin:0 0 6px 14px'>{escape(item)}</p>" for item in items)
        + f"<p style='{hint_style()}'>Wording of ruleset {escape(ruleset)}.</p>"
    )


class LppCertificationDialog(GenerateDialog):
    """An LPP certification for a consignee and calendar year.

    Signals:
        parties_loaded: the consignees were listed (how many).
    """

    parties_loaded = Signal(int)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "New LPP certification", parent)
        self.setObjectName("lppCertificationDialog")
        self._wanted_ref: str | None = None
        self.party = PartyCombo()
        self.party.setObjectName("lppCertificationParty")
        self.year = QSpinBox()
        self.year.setObjectName("lppCertificationYear")
        self.year.setRange(2000, 2200)
        self.year.setValue(context.today().year)
        self.year.setMaximumWidth(100)
        self.signers = QPlainTextEdit()
        self.signers.setObjectName("lppCertificationSigners")
        self.signers.setFixedHeight(56)
        self.signers.setPlaceholderText("Name, title (leave empty for a blank line)")
        self.add_field("Ultimate consignee:", self.party)
        self.add_field("Calendar year:", self.year)
        self.add_field("Signers:", self.signers, "One person per line: name, title.")
        self.set_intro(
            "The consignee declares what it already received this calendar year and commits "
            "not to pass the LPP limit, and to notify BIS on reaching it. The limit and the "
            "prior receipts come from its records."
        )
        queries = context.queries

        def work(progress: Any, cancel: CancelToken) -> list[tuple[str, str]]:
            return party_entries(queries.party_summaries())

        context.jobs.start(
            "LPP consignees",
            work,
            on_success=self._on_parties_loaded,
            on_failure=self._on_load_failed,
        )

    def _on_parties_loaded(self, entries: list[tuple[str, str]]) -> None:
        self.party.set_entries(entries)
        if self._wanted_ref is not None:
            self.party.select_ref(self._wanted_ref)
        self.parties_loaded.emit(len(entries))

    def _on_load_failed(self, message: str, is_bug: bool) -> None:
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
        else:
            self.say_problem(message)

    def select_party(self, ref: str) -> None:
        """Choose the consignee (now, or once the list is loaded)."""
        self._wanted_ref = ref
        if self.party.count():
            self.party.select_ref(ref)

    def plan(self) -> Callable[[], Generated] | None:
        ref = self.party.selected_ref()
        if ref is None:
            self.say_problem("Choose the ultimate consignee from the list")
            return None
        context, year, renderer = self.context, self.year.value(), self.context.renderer
        signers = parse_signers(self.signers.toPlainText())
        today = context.today()
        assert renderer is not None

        def make() -> Generated:
            view = services.lpp_certification_view(
                context.db, context.catalog, ref, year, on=today, signers=signers
            )
            return services.generate(
                context.db,
                renderer,
                view,
                kind=DocumentKind.LPP_CERTIFICATION,
                party_ref=ref,
                year=year,
                actor=context.actor,
            )

        return make


class OrderDocumentDialog(GenerateDialog):
    """A decision record, or an AIA shipment notice, for one order."""

    def __init__(
        self,
        context: DeskContext,
        kind: DocumentKind,
        order_ref: str = "",
        parent: QWidget | None = None,
    ) -> None:
        title = (
            "Decision record for order"
            if kind is DocumentKind.DECISION_RECORD
            else "AIA shipment notice for order"
        )
        super().__init__(context, title, parent)
        self.setObjectName(
            "decisionRecordDialog" if kind is DocumentKind.DECISION_RECORD else "noticeDialog"
        )
        self.kind = kind
        self.order = QLineEdit(order_ref)
        self.order.setObjectName("orderRef")
        self.order.setPlaceholderText("Order ref, e.g. SO-25-0035")
        self.order.setMaximumWidth(260)
        self.add_field("Order:", self.order)
        self.set_intro(
            "The order's latest decision as recorded: parties, lines with ECCN and TPP, the "
            "outcome, every finding with its rule and figures, who decided and when, and the "
            "audit-log hash. File it with the shipment papers."
            if kind is DocumentKind.DECISION_RECORD
            else "The notice the consignee receives with each shipment under License Exception "
            "AIA, naming the items and their ECCNs."
        )

    def plan(self) -> Callable[[], Generated] | None:
        ref = self.order.text().strip()
        if not ref:
            self.say_problem("Give the order's ref")
            return None
        context, kind, renderer = self.context, self.kind, self.context.renderer
        assert renderer is not None
        build = (
            services.decision_record_view
            if kind is DocumentKind.DECISION_RECORD
            else services.shipment_notice_view
        )

        def make() -> Generated:
            view = build(context.db, context.catalog, ref)
            return services.generate(
                context.db, renderer, view, kind=kind, order_ref=ref, actor=context.actor
            )

        return make


# -- batches --------------------------------------------------------------------------------


class BatchDialog(QDialog):
    """Choose a batch: every AIA statement due, or every decision record of a day, and the
    folder the PDF files go to.

    Signals:
        chosen: (kind: DocumentKind, day: date, folder: Path).
    """

    chosen = Signal(object, object, object)

    def __init__(
        self, context: DeskContext, settings: UiSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("batchDialog")
        self.setWindowTitle("Generate a batch")
        self.setModal(True)
        self.setMinimumWidth(560)
        today = context.today()
        self.aia = QRadioButton("Every AIA statement due")
        self.aia.setObjectName("batchAia")
        self.aia.setToolTip(
            "A statement for each Tier 1 consignee with open orders and no certification "
            "in force on the day"
        )
        self.records = QRadioButton("Every decision record of the day")
        self.records.setObjectName("batchRecords")
        self.records.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.aia)
        group.addButton(self.records)
        self.day = _date_edit(today, "batchDay")
        self.folder = QLineEdit(str(Path(settings.last_folder()) / f"documents-{today}"))
        self.folder.setObjectName("batchFolder")
        self.folder.setMinimumWidth(340)
        choose = QPushButton("Choose…")
        choose.clicked.connect(self._on_choose_clicked)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        self.problem = QLabel()
        self.problem.setObjectName("batchProblem")
        self.problem.setStyleSheet(error_style())
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        form = QFormLayout()
        form.addRow("Documents:", self.aia)
        form.addRow("", self.records)
        form.addRow("Day:", self.day)
        form.addRow("Save the PDFs in:", folder_row)
        note = QLabel(
            "Each document is registered as it is generated. Stop ends the batch after the "
            "current document; the ones already made stay registered and saved."
        )
        note.setWordWrap(True)
        note.setStyleSheet(hint_style())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start_button = buttons.addButton("Start", QDialogButtonBox.ButtonRole.AcceptRole)
        self.start_button.setObjectName("startBatch")
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._chooser: QFileDialog | None = None

    def kind(self) -> DocumentKind:
        return DocumentKind.AIA_STATEMENT if self.aia.isChecked() else DocumentKind.DECISION_RECORD

    def _on_choose_clicked(self) -> None:
        chooser = QFileDialog(self, "Folder for the batch", self.folder.text())
        chooser.setFileMode(QFileDialog.FileMode.Directory)
        chooser.setOption(QFileDialog.Option.ShowDirsOnly, True)
        chooser.fileSelected.connect(self.folder.setText)
        self._chooser = chooser
        chooser.open()

    def _on_buttons_accepted(self) -> None:
        text = self.folder.text().strip()
        if not text:
            self.problem.setText("Give the folder the PDF files go to.")
            self.problem.setVisible(True)
            return
        folder = Path(text).expanduser()
        if folder.exists() and not folder.is_dir():
            self.problem.setText(f"{folder} is a file: give a folder.")
            self.problem.setVisible(True)
            return
        self.chosen.emit(self.kind(), _pydate(self.day.date()), folder)
        self.accept()


# -- verification ---------------------------------------------------------------------------


class VerifyDialog(QDialog):
    """Is this paper genuine? Open the PDF file, or type the code printed on its pages.

    Signals:
        verified: the answer (a ``Verification``).
    """

    verified = Signal(object)

    def __init__(
        self,
        context: DeskContext,
        settings: UiSettings,
        code: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.settings = settings
        self.setObjectName("verifyDialog")
        self.setWindowTitle("Verify a document")
        self.setMinimumWidth(640)
        self._job: Job | None = None
        self._chooser: QFileDialog | None = None
        self.verification: Verification | None = None

        intro = QLabel(
            "Check a paper copy against the registry: open the PDF file, or type the "
            "verification code printed at the foot of each page (any case; spaces and dashes "
            "do not matter)."
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(hint_style())

        self.path = QLineEdit()
        self.path.setObjectName("verifyPath")
        self.path.setPlaceholderText("The PDF file to check")
        self.choose_button = QPushButton("Open…")
        self.choose_button.setObjectName("verifyChoose")
        self.choose_button.clicked.connect(self._on_choose_button_clicked)
        self.file_button = QPushButton("Verify file")
        self.file_button.setObjectName("verifyFileButton")
        self.file_button.clicked.connect(self.verify_file)
        self.path.returnPressed.connect(self.verify_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.file_button)

        self.code = QLineEdit(code)
        self.code.setObjectName("verifyCode")
        self.code.setPlaceholderText("ABCD-EFGH-IJKL")
        self.code.setMaximumWidth(220)
        self.code.setStyleSheet("font-family:monospace; font-size:11pt;")
        self.code_button = QPushButton("Verify code")
        self.code_button.setObjectName("verifyCodeButton")
        self.code_button.clicked.connect(self.verify_code)
        self.code.returnPressed.connect(self.verify_code)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code)
        code_row.addWidget(self.code_button)
        code_row.addStretch(1)

        form = QFormLayout()
        form.addRow("PDF file:", file_row)
        form.addRow("Or the code:", code_row)

        self.verdict = QLabel()
        self.verdict.setObjectName("verifyVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setVisible(False)
        self.message = QLabel()
        self.message.setObjectName("verifyMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)
        self.details_heading = QLabel()
        self.details_heading.setObjectName("verifyDetailsHeading")
        self.details_heading.setStyleSheet("font-weight:600;")
        self.details_heading.setVisible(False)
        self.details = QLabel()
        self.details.setObjectName("verifyDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setVisible(False)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(self.verdict)
        layout.addWidget(self.message)
        layout.addWidget(self.details_heading)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addWidget(buttons)

        if context.extract_text is None:
            self.file_button.setEnabled(False)
            self.choose_button.setEnabled(False)
            self.path.setEnabled(False)
            self.path.setPlaceholderText("Reading PDF files is not set up here; type the code")

    def _on_choose_button_clicked(self) -> None:
        chooser = QFileDialog(
            self, "Open the PDF to verify", self.settings.last_folder(), "PDF documents (*.pdf)"
        )
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.fileSelected.connect(self._on_chooser_file_selected)
        self._chooser = chooser
        chooser.open()

    def _on_chooser_file_selected(self, path: str) -> None:
        self.path.setText(path)
        self.settings.set_last_folder(path)
        self.verify_file()

    def verify_file(self) -> bool:
        text = self.path.text().strip()
        extract = self.context.extract_text
        if not text or extract is None or self._job is not None:
            if not text:
                self._show_problem("Choose the PDF file to verify.")
            return False
        path = Path(text).expanduser()
        db = self.context.db

        def work(progress: Any, cancel: CancelToken) -> Verification | str:
            try:
                services.check_pdf_size(path.stat().st_size, path.name)
                pdf = path.read_bytes()
                return services.verify_pdf(db, pdf, extract, name=path.name)
            except OSError as error:
                raise DomainError(f"cannot read {path}: {error.strerror or error}") from error
            except UnverifiableFileError as error:
                return str(error)  # neither genuine nor forged: the printed code decides

        return self._start(f"verify {path.name}", work, f"Checking {path.name}…")

    def verify_code(self) -> bool:
        text = self.code.text().strip()
        if not text or self._job is not None:
            if not text:
                self._show_problem("Type the verification code printed on the paper.")
            return False
        db = self.context.db

        def work(progress: Any, cancel: CancelToken) -> Verification:
            return services.verify_code(db, text)

        return self._start(f"verify code {text}", work, f"Checking the code {text}…")

    def _start(self, name: str, work: Any, doing: str) -> bool:
        self.file_button.setEnabled(False)
        self.code_button.setEnabled(False)
        self.verdict.setVisible(False)
        self.details_heading.setVisible(False)
        self.details.setVisible(False)
        self.message.setStyleSheet(hint_style())
        self.message.setText(doing)
        self.message.setVisible(True)
        self._job = self.context.jobs.start(
            name,
            work,
            on_success=self.show_verification,
            on_failure=self._on_job_failed,
            on_finished=self._on_job_finished,
        )
        return True

    def _on_job_finished(self) -> None:
        self._job = None
        self.file_button.setEnabled(self.context.extract_text is not None)
        self.code_button.setEnabled(True)

    def _on_job_failed(self, message: str, is_bug: bool) -> None:
        if is_bug:
            self.message.setVisible(False)
            show_failure(self, message, True, self.context.log_file)
            return
        self._show_problem(f"Not verified: {message}")

    def _show_problem(self, text: str) -> None:
        self.verdict.setVisible(False)
        self.details_heading.setVisible(False)
        self.details.setVisible(False)
        self.message.setStyleSheet(error_style())
        self.message.setText(text)
        self.message.setVisible(True)

    def show_verification(self, verification: Verification | str) -> None:
        if isinstance(verification, str):
            # The file cannot say (encrypted, printed as images): ask for the code instead.
            self._show_problem(f"Cannot tell from the file: {verification}.")
            self.message.setStyleSheet(warning_style())
            self.code.setFocus()
            return
        self.verification = verification
        key, words = verdict(verification)
        self.verdict.setText(words)
        self.verdict.setStyleSheet(verdict_stylesheet(key))
        self.verdict.setAccessibleName(words)
        self.verdict.setVisible(True)
        self.message.setStyleSheet("")
        self.message.setText(verification.message)
        self.message.setVisible(bool(verification.message))
        document = verification.document
        self.details_heading.setText(
            "The registered document:"
            if verification.genuine
            else "The registered document this file claims to be:"
        )
        self.details_heading.setVisible(document is not None)
        self.details.setText(document_html(document) if document is not None else "")
        self.details.setVisible(document is not None)
        self._fit()
        self.verified.emit(verification)

    def _fit(self) -> None:
        """Grow to show the whole answer (wrapped labels do not ask for room)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        wanted = (
            layout.heightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.sizeHint().height()
        )
        if wanted > self.height():
            self.resize(self.width(), wanted)


# -- the signed copy's return ---------------------------------------------------------------


class SignedReturnDialog(QDialog):
    """Record that the signed copy of a statement came back.

    For an AIA statement this records the consignee's certification (signed on that date,
    by those people), which the order checks rely on.

    Signals:
        recorded: the document number.
    """

    recorded = Signal(str)

    def __init__(
        self,
        context: DeskContext,
        document: RegisteredDocument,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.document = document
        self.setObjectName("signedReturnDialog")
        self.setWindowTitle(f"Signed copy of {document.number} returned")
        self.setModal(True)
        self.setMinimumWidth(560)
        self._busy = False
        today = context.today()
        intro = QLabel(
            (
                f"<b>{escape(document.title)}</b> ({escape(document.number)}). Recording the "
                "signed copy records the consignee's AIA certification as of the signing "
                "date; orders held for a missing certification pass when checked again."
            )
            if document.kind is DocumentKind.AIA_STATEMENT
            else (
                f"<b>{escape(document.title)}</b> ({escape(document.number)}). Recording the "
                "signed copy records the consignee's LPP certification for the year."
            )
        )
        intro.setWordWrap(True)
        self.signed_on = _date_edit(today, "returnSignedOn")
        generated_on = document.generated_at.astimezone().date()
        self.signed_on.setMinimumDate(_qdate(generated_on))
        self.signed_on.setMaximumDate(_qdate(today))
        self.signers = QPlainTextEdit()
        self.signers.setObjectName("returnSigners")
        self.signers.setFixedHeight(64)
        self.signers.setPlaceholderText("Jane Doe, Chief Compliance Officer\nJohn Roe, CEO")
        self.signers.setPlainText("\n".join(document.signed_by))
        self.attested = QCheckBox("The consignee attests that model weights are stored securely")
        self.attested.setObjectName("returnAttested")
        self.prior = QLineEdit()
        self.prior.setObjectName("returnPrior")
        self.prior.setMaximumWidth(200)
        self.prior.setPlaceholderText("as on file")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.addRow("Signed on:", self.signed_on)
        form.addRow("Signed by:", self.signers)
        hint = QLabel("One person per line, as they signed: name, title.")
        hint.setStyleSheet(hint_style() + " font-size:9pt;")
        form.addRow("", hint)
        if document.kind is DocumentKind.AIA_STATEMENT:
            form.addRow("Weights storage:", self.attested)
            if not document.attests_weights_storage:
                # Only a statement that printed the attestation can have been signed for it.
                self.attested.setEnabled(False)
                self.attested.setToolTip(
                    "This statement did not carry the model-weight storage attestation; "
                    "generate one with it for the consignee to sign."
                )
        else:
            form.addRow("Prior receipts (TPP):", self.prior)
            prior_hint = QLabel(
                "What the signer declared as received from other exporters this year; leave "
                "empty to keep the figure on file."
            )
            prior_hint.setWordWrap(True)
            prior_hint.setStyleSheet(hint_style() + " font-size:9pt;")
            form.addRow("", prior_hint)
        self.problem = QLabel()
        self.problem.setObjectName("returnProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(problem_style())
        self.problem.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveReturn")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def save(self) -> bool:
        if self._busy:
            return False
        signers = tuple(" ".join(line.split()) for line in self.signers.toPlainText().splitlines())
        signers = tuple(line for line in signers if line)
        if not signers:
            self.problem.setText("Name at least one person who signed.")
            self.problem.setVisible(True)
            return False
        prior: float | None = None
        if self.document.kind is DocumentKind.LPP_CERTIFICATION and self.prior.text().strip():
            try:
                prior = parse_tpp(self.prior.text())
            except ValueError as error:
                self.problem.setText(f"Prior receipts: {error}.")
                self.problem.setVisible(True)
                return False
        context, number = self.context, self.document.number
        signed_on = _pydate(self.signed_on.date())
        attested = (
            self.attested.isChecked()
            and self.document.kind is DocumentKind.AIA_STATEMENT
            and self.document.attests_weights_storage
        )

        def work(progress: Any, cancel: CancelToken) -> object:
            return services.record_signed_return(
                context.db,
                number,
                signed_on=signed_on,
                signers=signers,
                weights_storage_attested=attested,
                prior_receipts_tpp=prior,
                actor=context.actor,
            )

        self._busy = True
        self.problem.setVisible(False)
        self.save_button.setEnabled(False)
        self.save_button.setText("Saving…")
        context.jobs.start(
            f"signed copy of {number}",
            work,
            on_success=self._on_job_succeeded,
            on_failure=self._on_job_failed,
        )
        return True

    def _on_job_succeeded(self, _result: object) -> None:
        self._busy = False
        self.context.events.records_changed.emit("documents")
        self.context.events.records_changed.emit("paperwork")
        self.recorded.emit(self.document.number)
        self.accept()

    def _on_job_failed(self, message: str, is_bug: bool) -> None:
        self._busy = False
        self.save_button.setEnabled(True)
        self.save_button.setText("Save")
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
            return
        self.problem.setText(f"Not recorded: {message}. Everything you entered is still here.")
        self.problem.setVisible(True)

    def reject(self) -> None:
        if not self._busy:
            super().reject()


# -- the page -------------------------------------------------------------------------------


class DocumentsPage(Page):
    """Signals:
    loaded: the registry list was (re)loaded (its row count).
    document_generated: a document was generated and registered (its number).
    batch_finished: a batch ended (the service's summary).
    """

    title = "Documents"
    kinds = frozenset({"documents", "paperwork", "decisions", "settings", "all"})
    loaded = Signal(int)
    document_generated = Signal(str)
    batch_finished = Signal(object)

    PDF_CACHE = 24
    """How many generated PDFs stay in memory, to preview again (the registry keeps their
    hashes, not the files)."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("documentsPage")
        self.settings = UiSettings()
        self._list_job: Job | None = None
        self._reload_waiting = False
        self._batch_job: Job | None = None
        self._batch_folder: Path | None = None
        self._batch_day: date | None = None
        self._selected: str | None = None
        self._pdfs: dict[str, bytes] = {}
        self.preview: PdfPreviewDialog | None = None
        self.dialog: QDialog | None = None
        """The dialog opened last (tests and screenshots reach it here)."""

        self.model = DocumentTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("documentsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, width in enumerate((108, 118, 104, 88, 86, 104, 130)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(self._on_table_double_clicked)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("documentsSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_detail())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([770, 340])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(8)
        self.notice = QLabel()
        self.notice.setObjectName("documentsNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(warning_style())
        self.notice.setVisible(False)
        self.notice.setTextFormat(Qt.TextFormat.RichText)
        self.notice.linkActivated.connect(lambda _link: self.open_letterhead())
        layout.addWidget(self.notice)
        layout.addWidget(self._build_toolbar())
        layout.addLayout(self._build_filters())
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_progress())
        self._update_actions()
        context.events.database_replaced.connect(self._on_events_database_replaced)

    def _on_events_database_replaced(self) -> None:
        # Another registry: the same number there is another document.
        self._pdfs.clear()
        self._selected = None

    # -- building -------------------------------------------------------------------------

    def _make_action(
        self, text: str, slot: Callable[[], object], name: str, tip: str, shortcut: str = ""
    ) -> QAction:
        action = QAction(text, self)
        action.setIconText(text)  # tool buttons drop the "…" that says a dialog follows
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            tip = f"{tip} ({shortcut})"
        action.setToolTip(tip)
        # triggered(bool) would pass its "checked" flag as the slot's first argument.
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setObjectName("documentsToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.aia_action = self._make_action(
            "New AIA statement…",
            self.open_aia_statement,
            "newAiaStatementAction",
            "The AIA certification statement for a Tier 1 consignee to sign",
        )
        self.lpp_action = self._make_action(
            "New LPP certification…",
            self.open_lpp_certification,
            "newLppCertificationAction",
            "The LPP certification for a consignee and calendar year",
        )
        self.record_action = self._make_action(
            "Decision record for order…",
            self.open_decision_record,
            "decisionRecordAction",
            "The record of an order's decision, to file with the shipment papers",
        )
        self.notice_action = self._make_action(
            "Shipment notice…",
            self.open_shipment_notice,
            "shipmentNoticeAction",
            "The AIA shipment notice for an order",
        )
        self.quota_action = self._make_action(
            "Quota report",
            self.generate_quota_report,
            "quotaReportAction",
            "Country allocations, LPP use, NVEU and UVEU against their limits, as of today",
        )
        self.batch_action = self._make_action(
            "Batch…",
            self.open_batch,
            "batchAction",
            "Every AIA statement due, or every decision record of a day, into a folder",
        )
        self.verify_action = self._make_action(
            "Verify…",
            self.open_verify,
            "verifyAction",
            "Check a PDF file or a code typed from paper against the registry",
            "Ctrl+Shift+V",
        )
        self.return_action = self._make_action(
            "Signed copy returned…",
            self.open_signed_return,
            "signedReturnAction",
            "Record the return of the selected statement's signed copy",
        )
        self.letterhead_action = self._make_action(
            "Letterhead…",
            self.open_letterhead,
            "letterheadAction",
            "The exporter's letterhead, paper size and the officer named on paper",
        )
        for action in (
            self.aia_action,
            self.lpp_action,
            self.record_action,
            self.notice_action,
            self.quota_action,
        ):
            bar.addAction(action)
            self.addAction(action)
        bar.addSeparator()
        bar.addAction(self.batch_action)
        bar.addSeparator()
        for action in (self.verify_action, self.return_action):
            bar.addAction(action)
            self.addAction(action)
        bar.addSeparator()
        bar.addAction(self.letterhead_action)
        self.addAction(self.letterhead_action)
        self.addAction(self.batch_action)
        if self.context.renderer is None:
            for action in self._generating_actions():
                action.setEnabled(False)
                action.setToolTip("No PDF renderer is set up in this window")
        return bar

    def _generating_actions(self) -> tuple[QAction, ...]:
        return (
            self.aia_action,
            self.lpp_action,
            self.record_action,
            self.notice_action,
            self.quota_action,
            self.batch_action,
        )

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        self.search = QLineEdit()
        self.search.setObjectName("documentSearch")
        self.search.setPlaceholderText("Search number, party, order, title, code…")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search.returnPressed.connect(self.reload)
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.addItem("All documents", None)
        for kind in DocumentKind:
            self.kind_filter.addItem(kind.label, kind.value)
        self.kind_filter.currentIndexChanged.connect(self._on_kind_filter_current_index_changed)
        self.awaiting_filter = QCheckBox("Awaiting signed copy")
        self.awaiting_filter.setObjectName("awaitingFilter")
        self.awaiting_filter.toggled.connect(self._on_awaiting_filter_toggled)
        self.count_label = QLabel()
        self.count_label.setObjectName("documentCount")
        self.count_label.setStyleSheet(text_style(Tone.TEXT))
        row.addWidget(self.search, 2)
        row.addWidget(self.kind_filter)
        row.addWidget(self.awaiting_filter)
        row.addStretch(1)
        row.addWidget(self.count_label)
        return row

    def _build_detail(self) -> QWidget:
        panel = QFrame()
        panel.setObjectName("documentDetail")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMinimumWidth(320)
        column = QVBoxLayout(panel)
        column.setContentsMargins(12, 10, 12, 10)
        self.detail = QLabel()
        self.detail.setObjectName("documentDetailText")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setText(
            f"<p style='{hint_style()}'>"
            "Select a document to see what the registry holds for it.</p>"
        )
        self.preview_button = QPushButton("Preview")
        self.preview_button.setObjectName("previewButton")
        self.preview_button.clicked.connect(self._on_preview_button_clicked)
        self.return_button = QPushButton("Signed copy returned…")
        self.return_button.setObjectName("returnButton")
        self.return_button.clicked.connect(self.open_signed_return)
        self.standing_button = QPushButton("Check standing")
        self.standing_button.setObjectName("standingButton")
        self.standing_button.setToolTip("Verify this document's code: what it stands for today")
        self.standing_button.clicked.connect(self._on_standing_button_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.standing_button)
        buttons.addStretch(1)
        return_row = QHBoxLayout()
        return_row.addWidget(self.return_button)
        return_row.addStretch(1)
        self.preview_note = QLabel()
        self.preview_note.setObjectName("previewNote")
        self.preview_note.setWordWrap(True)
        self.preview_note.setStyleSheet(hint_style() + " font-size:9pt;")
        column.addWidget(self.detail)
        column.addLayout(buttons)
        column.addLayout(return_row)
        column.addWidget(self.preview_note)
        column.addStretch(1)
        return panel

    def _build_progress(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setObjectName("batchProgress")
        self.progress.setFormat("%v of %m documents")
        self.progress.setVisible(False)
        self.stop_button = QPushButton("Stop")
        self.stop_button.setObjectName("stopBatch")
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self._on_stop_button_clicked)
        self.batch_label = QLabel()
        self.batch_label.setObjectName("batchLabel")
        self.batch_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(self.batch_label, 1)
        row.addWidget(self.progress, 2)
        row.addWidget(self.stop_button)
        return row

    # -- the list -------------------------------------------------------------------------

    def _on_kind_filter_current_index_changed(self, _index: int) -> None:
        self.reload()

    def _on_awaiting_filter_toggled(self, _checked: bool) -> None:
        self.reload()

    def reload(self) -> None:
        if self._list_job is not None:
            self._reload_waiting = True  # the newest filter runs when this one ends
            return
        db = self.context.db
        text = self.search.text().strip().casefold()
        kind_value = self.kind_filter.currentData()
        kind = DocumentKind(kind_value) if isinstance(kind_value, str) else None
        awaiting = self.awaiting_filter.isChecked()

        def wanted(document: RegisteredDocument) -> bool:
            if kind is not None and document.kind is not kind:
                return False
            if awaiting and (document.kind not in SIGNED_KINDS or document.signed_on is not None):
                return False
            if not text:
                return True
            haystack = " ".join(
                (
                    document.number,
                    document.title,
                    document.party_ref or "",
                    document.order_ref or "",
                    document.verification_code,
                    document.generated_by,
                )
            ).casefold()
            return text in haystack or text.replace(" ", "") in haystack

        def work(progress: Any, cancel: CancelToken) -> tuple[list[RegisteredDocument], bool]:
            with db.reader() as uow:
                found = [document for document in uow.documents.all() if wanted(document)]
            found.reverse()  # newest first
            return found, document_settings(db).letterhead_is_default

        self.count_label.setText("Loading…")
        self._list_job = self.context.jobs.start(
            "load documents",
            work,
            on_success=self._on_list_loaded,
            on_failure=self._on_job_failed,
            on_finished=self._on_list_job_finished,
        )

    def _on_list_job_finished(self) -> None:
        self._list_job = None
        if self._reload_waiting:
            self._reload_waiting = False
            self.reload()

    def _on_list_loaded(self, result: tuple[list[RegisteredDocument], bool]) -> None:
        if self._reload_waiting:
            return  # a newer filter is waiting; don't flash this result
        documents, default_letterhead = result
        self.model.set_documents(documents)
        self.count_label.setText(_plural(len(documents), "document"))
        if default_letterhead:
            self.notice.setText(
                "The exporter's letterhead is not set, so no document can be registered yet. "
                "<a href='letterhead'>Set the letterhead…</a>"
            )
        self.notice.setVisible(bool(default_letterhead))
        if self._selected is None or not self.select_number(self._selected):
            self._selected = None
            self._show_detail(None)
        self.loaded.emit(len(documents))

    def prepare_screenshot(self) -> None:
        """Select the newest document, so the detail shows what the registry keeps."""
        if self.model.rowCount():
            self.table.selectRow(0)

    def select_number(self, number: str) -> bool:
        row = self.model.row_of(number)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def selected_document(self) -> RegisteredDocument | None:
        indexes = self.table.selectionModel().selectedRows()
        return self.model.document(indexes[0].row()) if indexes else None

    def _on_table_selection_changed(self, _selected: QItemSelection, _: QItemSelection) -> None:
        document = self.selected_document()
        if document is not None:
            self._selected = document.number
        self._show_detail(document)

    def _show_detail(self, document: RegisteredDocument | None) -> None:
        if document is None:
            filtered = bool(self.search.text().strip()) or self.kind_filter.currentIndex() > 0
            self.detail.setText(
                f"<p style='{hint_style()}'>"
                + (
                    "No document has been generated yet. Every statement, record, notice and "
                    "report made here is registered with a number and a verification code, "
                    "so its paper can be checked later (Verify…)."
                    if self.model.total() == 0
                    and not filtered
                    and not self.awaiting_filter.isChecked()
                    else "Select a document to see what the registry holds for it."
                )
                + "</p>"
            )
        else:
            self.detail.setText(document_html(document))
        held = document is not None and document.number in self._pdfs
        self.preview_note.setText(
            ""
            if document is None or held
            else "The registry keeps each document's fingerprint, not its file: open a saved "
            "copy, or generate the document again to print it."
        )
        self._update_actions()

    def _update_actions(self) -> None:
        document = self.selected_document()
        awaiting = (
            document is not None and document.kind in SIGNED_KINDS and document.signed_on is None
        )
        self.return_action.setEnabled(awaiting)
        self.return_button.setEnabled(awaiting)
        self.return_button.setVisible(document is not None and document.kind in SIGNED_KINDS)
        self.preview_button.setEnabled(document is not None and document.number in self._pdfs)
        self.preview_button.setVisible(document is not None)
        self.standing_button.setVisible(document is not None)

    def _on_table_double_clicked(self, _index: QModelIndex) -> None:
        document = self.selected_document()
        if document is not None and document.number in self._pdfs:
            self.show_preview(document, self._pdfs[document.number])

    def _on_preview_button_clicked(self) -> None:
        self._on_table_double_clicked(QModelIndex())

    def _on_standing_button_clicked(self) -> None:
        document = self.selected_document()
        if document is None:
            return
        dialog = self.open_verify(document.verification_code)
        dialog.verify_code()

    def _on_job_failed(self, message: str, is_bug: bool) -> None:
        self.count_label.setText("")
        show_failure(self, message, is_bug, self.context.log_file)

    # -- generating -----------------------------------------------------------------------

    def _open_generate(self, dialog: GenerateDialog) -> GenerateDialog:
        dialog.generated.connect(self._on_document_generated)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_aia_statement(self) -> AiaStatementDialog:
        dialog = AiaStatementDialog(self.context, self)
        document = self.selected_document()
        if document is not None and document.party_ref:
            dialog.select_party(document.party_ref)
        self._open_generate(dialog)
        return dialog

    def open_lpp_certification(self) -> LppCertificationDialog:
        dialog = LppCertificationDialog(self.context, self)
        document = self.selected_document()
        if document is not None and document.party_ref:
            dialog.select_party(document.party_ref)
        self._open_generate(dialog)
        return dialog

    def _selected_order_ref(self) -> str:
        document = self.selected_document()
        return document.order_ref if document is not None and document.order_ref else ""

    def open_decision_record(self) -> OrderDocumentDialog:
        dialog = OrderDocumentDialog(
            self.context, DocumentKind.DECISION_RECORD, self._selected_order_ref(), self
        )
        self._open_generate(dialog)
        return dialog

    def open_shipment_notice(self) -> OrderDocumentDialog:
        dialog = OrderDocumentDialog(
            self.context, DocumentKind.SHIPMENT_NOTICE, self._selected_order_ref(), self
        )
        self._open_generate(dialog)
        return dialog

    def generate_quota_report(self) -> bool:
        """The quota report as of today, for this calendar year."""
        renderer = self.context.renderer
        if renderer is None:
            return False
        context = self.context
        today = context.today()

        def work(progress: Any, cancel: CancelToken) -> Generated:
            view = services.quota_report_view(
                context.db, context.catalog, on=today, year=today.year
            )
            return services.generate(
                context.db,
                renderer,
                view,
                kind=DocumentKind.QUOTA_REPORT,
                year=today.year,
                actor=context.actor,
            )

        self.quota_action.setEnabled(False)
        self.batch_label.setText("Generating the quota report…")

        def finished() -> None:
            self.quota_action.setEnabled(True)
            if self.batch_label.text().startswith("Generating the quota report"):
                self.batch_label.setText("")

        self.context.jobs.start(
            "quota report",
            work,
            on_success=self._on_job_generated,
            on_failure=self._on_job_failed,
            on_finished=finished,
        )
        return True

    def _on_job_generated(self, result: Generated) -> None:
        self._on_document_generated(*result)

    def _on_document_generated(self, document: RegisteredDocument, pdf: bytes) -> None:
        self._pdfs[document.number] = pdf
        while len(self._pdfs) > self.PDF_CACHE:
            del self._pdfs[next(iter(self._pdfs))]
        self._selected = document.number
        self.context.events.records_changed.emit("documents")
        if not self.isVisible():
            self.reload()
        self.show_preview(document, pdf)
        self.document_generated.emit(document.number)

    def show_preview(self, document: RegisteredDocument, pdf: bytes) -> PdfPreviewDialog:
        preview = PdfPreviewDialog(
            pdf,
            title=f"{document.number} — {document.title}",
            file_name=file_name_for(document),
            log_file=self.context.log_file,
            settings=self.settings,
            parent=self,
        )
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.destroyed.connect(self._on_preview_destroyed)
        self.preview = preview
        preview.show()
        return preview

    def _on_preview_destroyed(self, _object: QObject | None = None) -> None:
        self.preview = None

    # -- batches --------------------------------------------------------------------------

    def open_batch(self) -> BatchDialog:
        dialog = BatchDialog(self.context, self.settings, self)
        dialog.chosen.connect(self.start_batch)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def start_batch(self, kind: DocumentKind, day: date, folder: Path) -> bool:
        """Generate every AIA statement due on ``day``, or every decision record of ``day``,
        writing each PDF into ``folder`` before it is registered."""
        renderer = self.context.renderer
        if self._batch_job is not None or renderer is None:
            return False
        context = self.context
        zone = context.clock.now().astimezone().tzinfo or UTC

        def deliver(document: RegisteredDocument, pdf: bytes) -> None:
            write_bytes_atomically(folder / file_name_for(document), pdf)

        def work(progress: Any, cancel: CancelToken) -> services.BatchResult:
            if kind is DocumentKind.AIA_STATEMENT:
                subjects = services.aia_statements_due(context.db, context.catalog, on=day)
            else:
                subjects = services.decisions_of_day(context.db, day, zone=zone)
            if subjects:
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                except OSError as error:
                    raise DomainError(
                        f"cannot create the folder {folder}: {error.strerror or error}"
                    ) from error
            return services.generate_batch(
                context.db,
                context.catalog,
                renderer,
                kind=kind,
                subjects=subjects,
                on=day,
                actor=context.actor,
                progress=progress,
                cancel=cancel,
                deliver=deliver,
            )

        what = "AIA statements due" if kind is DocumentKind.AIA_STATEMENT else "decision records"
        self._batch_folder = folder
        self._batch_day = day
        self.progress.setRange(0, 0)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.stop_button.setVisible(True)
        self.stop_button.setEnabled(True)
        self.batch_label.setText(f"Generating the {what} of {day.isoformat()}…")
        self.batch_action.setEnabled(False)
        self.settings.set_last_folder(folder if folder.is_dir() else folder.parent)
        self._batch_job = context.jobs.start(
            f"batch of {what}",
            work,
            on_success=self._on_batch_done,
            on_failure=self._on_job_failed,
            on_progress=self._on_batch_progress,
            on_finished=self._on_batch_job_finished,
            essential=True,
        )
        return True

    def _on_batch_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if label and self.stop_button.isEnabled():
            self.batch_label.setText(f"Generating {label}")

    def _on_stop_button_clicked(self) -> None:
        if self._batch_job is not None:
            self._batch_job.cancel()
            self.stop_button.setEnabled(False)
            self.batch_label.setText("Stopping after the current document…")

    def _on_batch_done(self, summary: services.BatchResult) -> None:
        self._on_batch_job_finished()
        self.batch_label.setText(batch_text(summary, self._batch_folder, self._batch_day))
        self.context.events.records_changed.emit("documents")
        self.batch_finished.emit(summary)
        if summary.errors:
            problems = "\n".join(
                f"{subject}: {reason}" for subject, reason in list(summary.errors.items())[:20]
            )
            more = len(summary.errors) - 20
            show_failure(
                self,
                f"Some documents could not be generated:\n{problems}"
                + (f"\n… and {more} more" if more > 0 else ""),
                False,
                self.context.log_file,
            )

    def _on_batch_job_finished(self) -> None:
        self._batch_job = None
        self.progress.setVisible(False)
        self.stop_button.setVisible(False)
        self.batch_action.setEnabled(self.context.renderer is not None)

    # -- verification and returns ---------------------------------------------------------

    def open_letterhead(self) -> LetterheadDialog:
        dialog = LetterheadDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_verify(self, code: str = "") -> VerifyDialog:
        dialog = VerifyDialog(self.context, self.settings, code, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_signed_return(self) -> SignedReturnDialog | None:
        document = self.selected_document()
        if document is None or document.kind not in SIGNED_KINDS:
            return None
        dialog = SignedReturnDialog(self.context, document, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog


def batch_text(summary: services.BatchResult, folder: Path | None, day: date | None) -> str:
    """The batch's outcome in words."""
    noun = "AIA statement" if summary.kind is DocumentKind.AIA_STATEMENT else "decision record"
    if summary.total == 0:
        when = f" on {day.isoformat()}" if day is not None else ""
        return (
            f"Nothing to generate: no AIA statement is due{when}."
            if summary.kind is DocumentKind.AIA_STATEMENT
            else f"Nothing to generate: no order was decided{when}."
        )
    made = len(summary.documents)
    state = "Stopped" if summary.cancelled else "Done"
    text = f"{state}: {made:,} of {summary.total:,} {noun}s generated"
    if folder is not None and made:
        text += f", saved in {folder}"
    if summary.errors:
        text += f"; {len(summary.errors)} could not be generated"
    return text
