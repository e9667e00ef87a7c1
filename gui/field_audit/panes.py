"""The field-audit screen's other panes: the reconciliation, the records and paperwork the kit
carries (with a paper found on site verified), photos, the checklist and the sign-off."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from domain.documents import VisitProductRow, VisitSerialRow
from domain.fieldaudit.reconcile import Reconciliation
from domain.services.site_visit import PaperCheck, SiteVisit
from domain.services.visit_report import reconciliation_rows
from gui.kit.numbers import grouped
from gui.kit.tables import Column, ColumnModel, make_table
from gui.style import Tone, colour, heading_style, hint_style, ok_box_style, problem_style

Row = dict[str, Any]
T = TypeVar("T")


def _table(
    name: str, columns: list[Column[T]], widths: tuple[int, ...]
) -> tuple[QTableView, ColumnModel[T]]:
    model: ColumnModel[T] = ColumnModel(columns)
    table = make_table(name, model, widths)
    model.setParent(table)
    return table, model


def _text(row: Row, key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value)


def status_words(status: str) -> str:
    """A serial's class as the reconciliation lists it (the report's word, translated)."""
    translate = QCoreApplication.translate
    words = {
        "missing": translate("ReconciliationPane", "missing"),
        "unexpected": translate("ReconciliationPane", "unexpected"),
        "duplicate": translate("ReconciliationPane", "duplicate"),
        "relocated": translate("ReconciliationPane", "relocated"),
    }
    return words.get(status, status)


def detail_words(detail: str) -> str:
    """What a serial's class means, as the visit report says it (in English on paper),
    in the window's language."""
    translate = QCoreApplication.translate
    fixed = {
        "shipped to this site, not found": translate(
            "ReconciliationPane", "shipped to this site, not found"
        ),
        "never shipped by the desk": translate("ReconciliationPane", "never shipped by the desk"),
        "seen twice on site": translate("ReconciliationPane", "seen twice on site"),
    }
    if detail in fixed:
        return fixed[detail]
    for prefix, text in (
        (
            "shipped by the desk to ",
            translate("ReconciliationPane", "shipped by the desk to {what}"),
        ),
        (
            "shipped to this party for ",
            translate("ReconciliationPane", "shipped to this party for {what}"),
        ),
    ):
        if detail.startswith(prefix):
            return text.format(what=detail.removeprefix(prefix))
    return detail


class ReconciliationPane(QWidget):
    """Expected against found, per product, and every serial that is not simply found (as
    the visit report prints them: visit_report.reconciliation_rows)."""

    def __init__(self, visit: SiteVisit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._visit = visit
        self.summary = QLabel()
        self.summary.setObjectName("reconciliation_summary")
        self.summary.setWordWrap(True)
        self.product_model: ColumnModel[VisitProductRow]
        self.products, self.product_model = _table(
            "reconciliation_products",
            [
                Column(self.tr("Product"), lambda row: row.product_ref),
                Column(self.tr("Expected here"), lambda row: grouped(row.expected), right=True),
                Column(self.tr("Found"), lambda row: grouped(row.found), right=True),
                Column(self.tr("Missing"), lambda row: grouped(row.missing), right=True),
            ],
            (220, 110, 90, 90),
        )
        self.products.setAccessibleName(self.tr("Expected against found, per product"))
        self.products.setMaximumHeight(160)
        self.model: ColumnModel[VisitSerialRow]
        self.table, self.model = _table(
            "reconciliation",
            [
                Column(self.tr("Class"), lambda row: status_words(row.status)),
                Column(self.tr("Serial"), lambda row: row.serial),
                Column(self.tr("Product"), lambda row: row.product_ref),
                Column(self.tr("Order"), lambda row: row.order_ref),
                Column(self.tr("What it means"), lambda row: detail_words(row.detail)),
            ],
            (100, 200, 150, 120),
        )
        self.table.setAccessibleName(self.tr("Serials not found where expected"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.products)
        layout.addWidget(self.table, 1)

    def refresh(self) -> Reconciliation:
        result = self._visit.result()
        self.summary.setText(
            self.tr(
                "Expected {expected} · found {found} · missing {missing} · unexpected"
                " {unexpected} · duplicate {duplicate} · relocated {relocated}."
            ).format(
                expected=grouped(result.expected),
                found=grouped(len(result.found)),
                missing=grouped(len(result.missing)),
                unexpected=grouped(len(result.unexpected)),
                duplicate=grouped(len(result.duplicate)),
                relocated=grouped(len(result.relocated)),
            )
            + " "
            + (
                self.tr(
                    "{count} discrepancies: the party goes under review when the kit is merged."
                ).format(count=grouped(result.discrepancies))
                if result.discrepancies
                else self.tr("No discrepancy so far.")
            )
        )
        self.summary.setStyleSheet(problem_style() if result.discrepancies else ok_box_style())
        products, serials = reconciliation_rows(self._visit.contents, result)
        self.product_model.set_rows(products)
        self.model.set_rows(serials)
        return result


class RecordsPane(QWidget):
    """The parties, their orders and the documents the kit carries; a paper found on site is
    checked by its code or file against the documents."""

    def __init__(
        self,
        visit: SiteVisit,
        *,
        choose_pdf: Callable[[], tuple[bytes, str] | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._visit = visit
        self._choose_pdf = choose_pdf
        contents = visit.contents
        parties: ColumnModel[Row]
        self.parties, parties = _table(
            "kit_parties",
            [
                Column(self.tr("Ref"), lambda row: str(row.get("ref", ""))),
                Column(self.tr("Name"), lambda row: str(row.get("name", ""))),
                Column(self.tr("Country"), lambda row: str(row.get("country", ""))),
                Column(self.tr("HQ"), lambda row: str(row.get("hq_country", ""))),
                Column(self.tr("Role"), lambda row: str(row.get("role", ""))),
            ],
            (110, 260, 70, 60),
        )
        parties.set_rows(list(contents.parties))
        orders: ColumnModel[Row]
        self.orders, orders = _table(
            "kit_orders",
            [
                Column(self.tr("Order"), lambda row: str(row["order"].get("ref", ""))),
                Column(self.tr("Date"), lambda row: str(row["order"].get("date", ""))),
                Column(
                    self.tr("Consignee"), lambda row: str(row["order"].get("consignee_ref", ""))
                ),
                Column(self.tr("Status"), lambda row: str(row.get("status", ""))),
                Column(
                    self.tr("Decision"),
                    lambda row: (
                        ""
                        if row.get("decision") is None
                        else f"{row['decision']['outcome']} ({row['decision']['ruleset']})"
                    ),
                ),
            ],
            (110, 90, 110, 90),
        )
        orders.set_rows(list(contents.orders))
        documents: ColumnModel[Row]
        self.documents, documents = _table(
            "kit_documents",
            [
                Column(self.tr("Number"), lambda row: str(row.get("number", ""))),
                Column(self.tr("Title"), lambda row: str(row.get("title", ""))),
                Column(self.tr("Order"), lambda row: _text(row, "order_ref")),
                Column(self.tr("Issued"), lambda row: str(row.get("generated_at", ""))[:10]),
                Column(
                    self.tr("Verification code"), lambda row: str(row.get("verification_code", ""))
                ),
            ],
            (120, 260, 100, 90),
        )
        documents.set_rows(list(contents.documents))

        self.code = QLineEdit()
        self.code.setObjectName("paper_code")
        self.code.setAccessibleName(self.tr("Verification code or document number of a paper"))
        self.code.setPlaceholderText(self.tr("Verification code or number printed on the paper"))
        self.code.returnPressed.connect(self.check_code)
        check = QPushButton(self.tr("&Check"))
        check.clicked.connect(self.check_code)
        from_file = QPushButton(self.tr("Check a &PDF file…"))
        from_file.clicked.connect(self._on_pdf)
        self.verdict = QLabel(self.tr("A paper found on site: type its code, or open its file."))
        self.verdict.setObjectName("paper_verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setStyleSheet(hint_style())
        self.verdict.setMinimumHeight(48)  # two lines with the box's padding, never clipped
        paper = QGroupBox(self.tr("Verify a paper found on site"))
        row = QHBoxLayout()
        row.addWidget(self.code, 1)
        row.addWidget(check)
        row.addWidget(from_file)
        inside = QVBoxLayout(paper)
        inside.addLayout(row)
        inside.addWidget(self.verdict)

        splitter = QSplitter(Qt.Orientation.Vertical)
        for title, table in (
            (self.tr("Parties"), self.parties),
            (self.tr("Orders"), self.orders),
            (self.tr("Registered documents"), self.documents),
        ):
            box = QGroupBox(title)
            QVBoxLayout(box).addWidget(table)
            splitter.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addWidget(paper)
        layout.addWidget(splitter, 1)

    def check_code(self) -> PaperCheck:
        return self._show(self._visit.check_code(self.code.text()))

    def _on_pdf(self) -> None:
        chosen = self._choose_pdf()
        if chosen is not None:
            self.check_file(*chosen)

    def check_file(self, data: bytes, name: str) -> PaperCheck:
        return self._show(self._visit.check_file(data, name))

    def _show(self, check: PaperCheck) -> PaperCheck:
        self.verdict.setText(
            ("✔ " if check.genuine else "✘ " + self.tr("NOT VERIFIED: ")) + check.message
        )
        self.verdict.setStyleSheet(ok_box_style() if check.genuine else problem_style())
        return check


class PhotosPane(QWidget):
    """Photos kept in the kit, each with its SHA-256 and thumbnail."""

    changed = Signal()

    def __init__(
        self,
        visit: SiteVisit,
        *,
        choose_photos: Callable[[], list[tuple[bytes, str]]],
        fail: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._visit = visit
        self._choose = choose_photos
        self._fail = fail
        self.note = QLineEdit()
        self.note.setObjectName("photo_note")
        self.note.setAccessibleName(self.tr("What the photos show"))
        self.note.setPlaceholderText(self.tr("What the photos show (kept with each photo)"))
        self.add = QPushButton(self.tr("&Add photos…"))
        self.add.setObjectName("add_photos")
        self.add.clicked.connect(self._on_add)
        self.list = QListWidget()
        self.list.setObjectName("photos")
        self.list.setAccessibleName(self.tr("Photos kept in the kit"))
        self.list.setIconSize(QPixmap(160, 120).size())
        self.list.setSpacing(4)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        for payload in visit.photos():
            self._list(payload)
        self.set_closed(visit.closed)

    def _on_add(self) -> None:
        self.add_files(self._choose())

    def add_files(self, files: list[tuple[bytes, str]]) -> int:
        added = 0
        for data, name in files:
            try:
                payload = self._visit.add_photo(name, data, self.note.text().strip())
            except Exception as error:
                self._fail(str(error))
                continue
            self._list(payload)
            added += 1
        if added:
            self.changed.emit()
        return added

    def _list(self, payload: dict[str, Any]) -> None:
        note = f"\n{payload['note']}" if payload.get("note") else ""
        item = QListWidgetItem(
            self.tr("{name} ({size} bytes)").format(
                name=payload["name"], size=grouped(payload["bytes"])
            )
            + f"\nSHA-256 {payload['sha256']}{note}"
        )
        thumbnail = self._visit.thumbnail(str(payload["sha256"]))
        if thumbnail:
            pixmap = QPixmap()
            pixmap.loadFromData(thumbnail)
            item.setIcon(QIcon(pixmap))
        self.list.addItem(item)

    def set_closed(self, closed: bool) -> None:
        self.add.setEnabled(not closed)
        self.note.setEnabled(not closed)


class ChecklistPane(QScrollArea):
    """Each item of the checklist: yes or no, with a note; every answer goes into the log
    (the latest answer to an item counts)."""

    changed = Signal()

    def __init__(
        self, visit: SiteVisit, *, fail: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._visit = visit
        self._fail = fail
        self.setWidgetResizable(True)
        inner = QWidget()
        grid = QGridLayout(inner)
        grid.setColumnStretch(2, 1)
        self.groups: dict[str, QButtonGroup] = {}
        self.notes: dict[str, QLineEdit] = {}
        self.states: dict[str, QLabel] = {}
        given = visit.answers()
        for number, item in enumerate(visit.contents.checklist):
            question = QLabel(f"{number + 1}. {item.question}")
            question.setWordWrap(True)
            yes, no = (
                QRadioButton(self.tr("&Yes") if number == 0 else self.tr("Yes")),
                QRadioButton(self.tr("No")),
            )
            for button, name in ((yes, "yes"), (no, "no")):
                button.setObjectName(f"{item.id}_{name}")
                button.setAccessibleName(f"{item.id}: {name}")
            group = QButtonGroup(self)
            group.addButton(yes, 0)
            group.addButton(no, 1)
            note = QLineEdit()
            note.setObjectName(f"{item.id}_note")
            note.setAccessibleName(self.tr("Note on {item}").format(item=item.id))
            note.setPlaceholderText(self.tr("What was seen (Enter records it with the answer)"))
            state = QLabel()
            state.setObjectName(f"{item.id}_state")
            earlier = given.get(item.id)
            if earlier is not None:
                (yes if earlier["answer"] == "yes" else no).setChecked(True)
                note.setText(str(earlier.get("note", "")))
            self._paint(state, earlier)
            group.idClicked.connect(lambda _id, ident=item.id: self.record(ident))
            note.returnPressed.connect(lambda ident=item.id: self.record(ident))
            self.groups[item.id], self.notes[item.id], self.states[item.id] = group, note, state
            base = number * 3
            grid.addWidget(question, base, 0, 1, 4)
            grid.addWidget(yes, base + 1, 0)
            grid.addWidget(no, base + 1, 1)
            grid.addWidget(note, base + 1, 2)
            grid.addWidget(state, base + 1, 3)
            grid.setRowMinimumHeight(base + 2, 10)
        grid.setRowStretch(len(self.groups) * 3, 1)
        self.setWidget(inner)
        self.set_closed(visit.closed)

    def record(self, item: str) -> dict[str, Any] | None:
        checked = self.groups[item].checkedId()
        if checked < 0:
            return None
        try:
            payload = self._visit.answer(
                item, "yes" if checked == 0 else "no", self.notes[item].text().strip()
            )
        except Exception as error:
            self._fail(str(error))
            return None
        self._paint(self.states[item], payload)
        self.changed.emit()
        return payload

    @staticmethod
    def _paint(state: QLabel, payload: dict[str, Any] | None) -> None:
        if payload is None:
            state.setText(QCoreApplication.translate("ChecklistPane", "not answered"))
            state.setStyleSheet(hint_style())
        elif payload["answer"] == "no":
            state.setText(QCoreApplication.translate("ChecklistPane", "recorded: FAILED item"))
            state.setStyleSheet(f"color:{colour(Tone.ERROR)}; font-weight:600;")
        else:
            state.setText(QCoreApplication.translate("ChecklistPane", "recorded: yes"))
            state.setStyleSheet(f"color:{colour(Tone.OK)};")

    def set_closed(self, closed: bool) -> None:
        for group in self.groups.values():
            for button in group.buttons():
                button.setEnabled(not closed)
        for note in self.notes.values():
            note.setEnabled(not closed)


class SignOffPane(QWidget):
    """The auditor's and the site representative's sign-off, then the visit report."""

    sign_requested = Signal()
    report_requested = Signal()

    def __init__(self, visit: SiteVisit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._visit = visit
        self.state = QLabel()
        self.state.setObjectName("sign_off_state")
        self.state.setWordWrap(True)
        self.auditor = QLineEdit()
        self.auditor.setObjectName("auditor")
        self.auditor.setAccessibleName(self.tr("Auditor's name"))
        self.representative = QLineEdit()
        self.representative.setObjectName("site_representative")
        self.representative.setAccessibleName(self.tr("Site representative's name and title"))
        self.representative.setPlaceholderText(self.tr("Name, title"))
        self.sign = QPushButton(self.tr("&Sign off the visit…"))
        self.sign.setObjectName("sign_off")
        self.sign.clicked.connect(self.sign_requested.emit)
        self.report = QPushButton(self.tr("Save the visit &report (PDF)…"))
        self.report.setObjectName("save_report")
        self.report.clicked.connect(self.report_requested.emit)
        form = QFormLayout()
        form.addRow(self.tr("&Auditor"), self.auditor)
        form.addRow(self.tr("Site &representative"), self.representative)
        heading = QLabel(self.tr("Sign-off"))
        heading.setStyleSheet(heading_style(12))
        explain = QLabel(
            self.tr(
                "The auditor and the site's representative sign off together. After the sign-off "
                "the kit takes nothing more: no serial, photo or answer. The visit report can "
                "then be printed here and signed; the desk registers it when the kit is merged."
            )
        )
        explain.setWordWrap(True)
        explain.setStyleSheet(hint_style())
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign)
        buttons.addWidget(self.report)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addWidget(self.state)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        visit = self._visit
        signed = visit.signed_off()
        closed = signed is not None
        for widget in (self.auditor, self.representative, self.sign):
            widget.setEnabled(not closed)
        self.report.setEnabled(closed)
        if signed is not None:
            self.auditor.setText(str(signed["auditor"]))
            self.representative.setText(str(signed["site_representative"]))
            self.state.setText(
                self.tr(
                    "Signed off {time} by {auditor} and {representative}. The kit takes nothing"
                    " more; back at the desk it is merged (kit merge)."
                ).format(
                    time=str(signed["at"])[:16].replace("T", " "),
                    auditor=signed["auditor"],
                    representative=signed["site_representative"],
                )
            )
            self.state.setStyleSheet(ok_box_style())
            return
        result = visit.result()
        open_items = visit.unanswered()
        lines = [
            self.tr(
                "{count} discrepancies so far ({missing} missing, {unexpected} unexpected,"
                " {duplicate} duplicate)."
            ).format(
                count=grouped(result.discrepancies),
                missing=grouped(len(result.missing)),
                unexpected=grouped(len(result.unexpected)),
                duplicate=grouped(len(result.duplicate)),
            )
        ]
        if open_items:
            lines.append(
                self.tr("Checklist items not answered: {items}.").format(
                    items=", ".join(open_items)
                )
            )
        self.state.setText(" ".join(lines))
        self.state.setStyleSheet(problem_style() if open_items else hint_style())
