"""The new-order form: parties, destination and lines with completion, and a live dry run.

As the officer types, the order is evaluated by the real engine against the stored standing
(nothing is recorded), so "this would pass the LPP limit by …" shows before saving.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QDate, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from domain.decision import Outcome
from domain.errors import DomainError
from domain.model import Order, OrderLine
from domain.progress import CancelToken
from domain.queries import OrderFilter, PartySummary
from domain.services.catalog_views import (
    OrderPreview,
    first_free_order_ref,
    highest_number,
    list_products,
    order_ref_prefix,
    preview_order,
)
from domain.services.orders import check_order
from domain.services.records import add_record
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.decision_view import DecisionView
from gui.dialogs import show_failure
from gui.jobs import Job, OneAtATime
from gui.kit.dates import date_format
from gui.kit.forms import FieldMessage, validation_messages, with_message
from gui.kit.panes import split
from gui.kit.pickers import (
    EMPTY_INDEX,
    AmbiguousRefError,
    CountryEdit,
    RefEdit,
    RefIndex,
    describe_country,
)
from gui.kit.quantity import QuantityEdit
from gui.kit.widgets import make_button, make_label, make_line_edit, named
from gui.screen import fit_to_screen
from gui.style import (
    badge_stylesheet,
    badge_text,
    error_style,
    heading_style,
    hint_style,
    outcome_label,
    panel_style,
)

PREVIEW_DELAY_MS = 250
REF_SCAN = 200
"""How many of the newest orders of the year to read for the highest order number."""


@dataclass(frozen=True)
class _Lookups:
    parties: dict[str, PartySummary]
    party_index: RefIndex
    product_index: RefIndex
    suggested_ref: str


@dataclass(frozen=True)
class _PreviewResult:
    generation: int
    preview: OrderPreview | None
    problem: str | None


@dataclass(frozen=True)
class _Saved:
    ref: str
    outcome: Outcome | None
    check_error: str | None


class _LineRow:
    """The widgets of one order line."""

    def __init__(self, index: RefIndex, model: QStringListModel) -> None:
        self.product = named(RefEdit(), "lineProduct")
        self.product.setPlaceholderText(
            QCoreApplication.translate("NewOrderDialog", "Product ref or name")
        )
        self.product.setFrame(False)
        self.product.set_index(index, model)
        self.quantity = named(QuantityEdit(), "lineQuantity")
        self.quantity.setValue(1)
        self.quantity.setFrame(False)
        self.status = make_label(name="lineStatus")
        self.status.setContentsMargins(6, 0, 6, 0)
        self.remove = named(QToolButton(), "removeLine")
        self.remove.setText("✕")
        self.remove.setToolTip(
            QCoreApplication.translate(
                "NewOrderDialog", "Remove this line (Ctrl+Delete in its fields)"
            )
        )
        self.remove.setAccessibleName(QCoreApplication.translate("NewOrderDialog", "Remove line"))
        self.remove.setAutoRaise(True)
        # Out of the Tab chain: Tab goes product, quantity, next line, then on to the buttons.
        self.remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def show_error(self, text: str) -> None:
        self.status.setText(f"✕ {text}")
        self.status.setToolTip(text)
        self.status.setStyleSheet(error_style())

    def show_note(self, text: str) -> None:
        self.status.setText(text)
        self.status.setToolTip(text)
        self.status.setStyleSheet(hint_style())


class NewOrderDialog(QDialog):
    """Enter an order; see what a check would decide before saving it.

    Signals:
        order_saved: the order was saved (its ref); with self.tr("Save and check") also decided.
        preview_shown: a dry-run decision was shown (its outcome value), or "" when the
            form cannot be judged yet (the reason is shown instead).
        lookups_loaded: parties and products are ready for completion.
    """

    order_saved = Signal(str)
    preview_shown = Signal(str)
    lookups_loaded = Signal()

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("newOrderDialog")
        self.setWindowTitle(self.tr("New order"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(self, 1240, 760)
        self._parties: dict[str, PartySummary] = {}
        self._product_index = EMPTY_INDEX
        self._product_model = QStringListModel(self)
        self._lines: list[_LineRow] = []
        self._generation = 0
        self._previews = OneAtATime(context.jobs, self)
        self._save_job: Job | None = None
        self._loaded = False
        self.last_preview: OrderPreview | None = None
        """The dry run shown now (None while the form cannot be judged)."""

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._on_preview_timer_timeout)

        splitter = split(
            Qt.Orientation.Horizontal,
            self._build_form(),
            self._build_preview(),
            sizes=(600, 600),
            stretch=(1, 1),
        )
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(10)
        layout.addWidget(splitter, 1)
        layout.addLayout(self._build_buttons())

        for keys, slot in (
            ("Ctrl+S", self.save),
            ("Ctrl+Shift+S", self.save_and_check),
            ("Ctrl+L", self.add_line),
            ("Ctrl+Del", self.remove_focused_line),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
        self.discard_question: QMessageBox | None = None
        self._dirty = False

        self.add_line()
        self._set_form_enabled(False)
        self.preview_status.setText(self.tr("Loading parties and products…"))
        self._load_lookups()

    # -- building -------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(8)
        title = make_label(self.tr("New order"), style="font-size:15pt; font-weight:600;")
        layout.addWidget(title)

        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(4)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.ref_edit = make_line_edit(name="orderRef")
        self.ref_message = self._message("orderRefMessage")
        self.date_edit = named(QDateEdit(), "orderDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_format())
        self.date_edit.setMinimumDate(QDate(2000, 1, 1))
        today = self.context.today()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.date_message = self._message("orderDateMessage")
        ref_row = QHBoxLayout()
        ref_row.addWidget(self.ref_edit, 1)
        date_label = QLabel(self.tr("Date:"))
        ref_row.addSpacing(12)
        ref_row.addWidget(date_label)
        ref_row.addWidget(self.date_edit)
        form.addRow(
            self.tr("Order ref:"), with_message(ref_row, self.ref_message, self.date_message)
        )

        self.consignee_edit = named(RefEdit(), "orderConsignee")
        self.consignee_edit.setPlaceholderText(self.tr("Ultimate consignee: ref or name"))
        self.consignee_message = self._message("orderConsigneeMessage")
        form.addRow(
            self.tr("Consignee:"), with_message(self.consignee_edit, self.consignee_message)
        )

        self.end_user_edit = named(RefEdit(), "orderEndUser")
        self.end_user_edit.setPlaceholderText(self.tr("Optional: a separate end user"))
        self.end_user_message = self._message("orderEndUserMessage")
        form.addRow(self.tr("End user:"), with_message(self.end_user_edit, self.end_user_message))

        self.destination_edit = named(CountryEdit(), "orderDestination")
        self.destination_edit.setPlaceholderText(self.tr("The consignee's location"))
        self.destination_message = self._message("orderDestinationMessage")
        form.addRow(
            self.tr("Destination:"), with_message(self.destination_edit, self.destination_message)
        )
        layout.addLayout(form)

        lines_title = make_label(self.tr("Lines"), style="font-weight:600; margin-top:4px;")
        layout.addWidget(lines_title)
        self.lines_table = named(QTableWidget(0, 4), "orderLines")
        self.lines_table.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Quantity"), "", ""]
        )
        self.lines_table.verticalHeader().setVisible(False)
        self.lines_table.verticalHeader().setDefaultSectionSize(30)
        self.lines_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The view would move Tab between its own cells forever; the form's order rules.
        self.lines_table.setTabKeyNavigation(False)
        header = self.lines_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 110)
        header.resizeSection(2, 190)
        header.resizeSection(3, 32)
        layout.addWidget(self.lines_table, 1)

        line_buttons = QHBoxLayout()
        self.add_line_button = make_button(
            self.tr("Add line"), "addLineButton", tip=self.tr("Add a line (Ctrl+L)")
        )
        self.add_line_button.setAutoDefault(False)
        self.add_line_button.clicked.connect(self.add_line)
        self.lines_message = self._message("orderLinesMessage")
        line_buttons.addWidget(self.add_line_button)
        line_buttons.addWidget(self.lines_message, 1)
        line_buttons.addStretch(0)
        layout.addLayout(line_buttons)

        self.ref_edit.textChanged.connect(self._on_form_edited)
        self.date_edit.dateChanged.connect(self._on_form_edited)
        self.consignee_edit.textChanged.connect(self._on_form_edited)
        self.end_user_edit.textChanged.connect(self._on_form_edited)
        self.destination_edit.textChanged.connect(self._on_form_edited)
        return box

    def _build_preview(self) -> QWidget:
        box = named(QFrame(), "previewPane")
        box.setStyleSheet(panel_style("previewPane"))
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(4)
        heading = make_label(
            self.tr("Live preview · a dry run: nothing is recorded until you save and check"),
            name="previewHeading",
            style=heading_style(extra="padding:0 16px; border:none;"),
            wrap=True,
        )
        self.preview_status = make_label(
            name="previewStatus", style=hint_style("padding:0 16px; border:none;"), wrap=True
        )
        self.preview_view = named(DecisionView(), "orderPreview")
        self.preview_view.setVisible(False)
        layout.addWidget(heading)
        layout.addWidget(self.preview_status)
        layout.addWidget(self.preview_view, 1)
        # Holds the space while there is no decision to show, so the texts stay on top.
        self._preview_spacer = QWidget()
        layout.addWidget(self._preview_spacer, 1)
        return box

    def _build_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.save_message = self._message("orderSaveMessage")
        self.cancel_button = make_button(self.tr("Cancel"), "cancelOrderButton")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.save_check_button = make_button(self.tr("Save and check"), "saveAndCheckButton")
        self.save_check_button.setToolTip(
            self.tr("Save the order and record the decision now (Ctrl+Shift+S)")
        )
        self.save_check_button.setAutoDefault(False)
        self.save_check_button.clicked.connect(self.save_and_check)
        self.save_button = make_button(
            self.tr("Save"),
            "saveOrderButton",
            tip=self.tr("Save the order without deciding it (Ctrl+S or Enter)"),
        )
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_message, 1)
        row.addStretch(0)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_check_button)
        row.addWidget(self.save_button)
        return row

    @staticmethod
    def _message(name: str) -> FieldMessage:
        return named(FieldMessage(), name)

    def _set_form_enabled(self, enabled: bool) -> None:
        for widget in (
            self.ref_edit,
            self.consignee_edit,
            self.end_user_edit,
            self.lines_table,
            self.add_line_button,
            self.save_button,
            self.save_check_button,
        ):
            widget.setEnabled(enabled)

    # -- lookups --------------------------------------------------------------------------

    def _load_lookups(self) -> None:
        context = self.context
        prefix = order_ref_prefix(context.today())

        def work(progress: Any, cancel: CancelToken) -> _Lookups:
            parties = context.queries.party_summaries()
            products = list_products(context.db)
            # Indexes are built here, off the UI thread: 50,000 parties take a while.
            party_index = RefIndex.build((party.ref, party.name) for party in parties)
            product_index = RefIndex.build((product.ref, product.name) for product in products)
            ids = context.queries.order_ids(OrderFilter(text=prefix))
            recent = context.queries.order_summaries(list(ids[:REF_SCAN]))
            after = highest_number([summary.ref for summary in recent], prefix)
            suggested = first_free_order_ref(context.db, prefix, after)
            return _Lookups(
                parties={party.ref: party for party in parties},
                party_index=party_index,
                product_index=product_index,
                suggested_ref=suggested,
            )

        context.jobs.start(
            self.tr("order form lookups"),
            work,
            on_success=self._on_lookups_loaded,
            on_failure=self._on_lookups_failed,
        )

    def _on_lookups_loaded(self, lookups: _Lookups) -> None:
        self._parties = lookups.parties
        party_model = QStringListModel(lookups.party_index.display, self)
        self.consignee_edit.set_index(lookups.party_index, party_model)
        self.end_user_edit.set_index(lookups.party_index, party_model)
        self._product_index = lookups.product_index
        self._product_model.setStringList(lookups.product_index.display)
        for line in self._lines:
            line.product.set_index(self._product_index, self._product_model)
        if not self.ref_edit.text().strip():
            self.ref_edit.setText(lookups.suggested_ref)
            self.ref_edit.setToolTip(
                self.tr("The next free order number; you may type another ref.")
            )
        self._loaded = True
        self._set_form_enabled(True)
        self.preview_status.setText(
            self.tr("Pick a consignee and a product to see what a check would say.")
        )
        self.consignee_edit.setFocus()
        self.lookups_loaded.emit()
        self._schedule_preview()

    def _on_lookups_failed(self, message: str, is_bug: bool) -> None:
        self.preview_status.setText(
            self.tr("Could not read the parties and products: {error}").format(error=message)
        )
        show_failure(self, message, is_bug, self.context.log_file)

    # -- lines ----------------------------------------------------------------------------

    def fill_example(self) -> None:
        """Type a demonstration order (used for the README screenshot and by tests)."""
        self.consignee_edit.setText("SG-LIONCITY")
        if not self._lines:
            self.add_line()
        self._lines[0].product.setText("H100-SXM")
        self._lines[0].quantity.setValue(1800)

    def add_line(self) -> None:
        line = _LineRow(self._product_index, self._product_model)
        row = self.lines_table.rowCount()
        self.lines_table.insertRow(row)
        self.lines_table.setCellWidget(row, 0, line.product)
        self.lines_table.setCellWidget(row, 1, line.quantity)
        self.lines_table.setCellWidget(row, 2, line.status)
        self.lines_table.setCellWidget(row, 3, line.remove)
        line.product.textChanged.connect(self._on_form_edited)
        line.quantity.quantity_changed.connect(self._on_form_edited)
        line.remove.clicked.connect(lambda: self.remove_line(line))
        self._lines.append(line)
        self._chain_tab_order()
        if self._loaded:
            line.product.setFocus()
        self._schedule_preview()

    def remove_line(self, line: _LineRow) -> None:
        if line not in self._lines:
            return
        row = self._lines.index(line)
        self._lines.remove(line)
        self.lines_table.removeRow(row)
        self._chain_tab_order()
        self._schedule_preview()

    def remove_focused_line(self) -> None:
        focused = self.focusWidget()
        for line in self._lines:
            if focused in (line.product, line.quantity) or (
                focused is not None and line.quantity.isAncestorOf(focused)
            ):
                index = self._lines.index(line)
                self.remove_line(line)
                if self._lines:
                    self._lines[min(index, len(self._lines) - 1)].product.setFocus()
                return

    def _chain_tab_order(self) -> None:
        """Tab visits every field once, top to bottom, then the buttons: never stuck in the
        lines."""
        chain: list[QWidget] = [
            self.ref_edit,
            self.date_edit,
            self.consignee_edit,
            self.end_user_edit,
            self.destination_edit,
        ]
        for line in self._lines:
            chain += [line.product, line.quantity]
        chain += [
            self.add_line_button,
            self.cancel_button,
            self.save_check_button,
            self.save_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    @property
    def lines(self) -> list[_LineRow]:
        return list(self._lines)

    # -- validation -----------------------------------------------------------------------

    def _on_form_edited(self) -> None:
        self.save_message.clear()
        if self._loaded:
            self._dirty = True
        self._schedule_preview()

    @property
    def has_input(self) -> bool:
        """Whether the officer typed anything that Cancel or Escape would lose."""
        return self._dirty and (
            any(
                edit.text().strip()
                for edit in (self.consignee_edit, self.end_user_edit, self.destination_edit)
            )
            or any(line.product.text().strip() for line in self._lines)
        )

    def reject(self) -> None:
        """Cancel or Escape: an order with anything typed is only dropped when the officer
        says so."""
        if self._save_job is None and self.has_input:
            if self.discard_question is None:
                question = QMessageBox(
                    QMessageBox.Icon.Question,
                    self.tr("Discard this order?"),
                    self.tr("The order is not saved. Discard what you typed?"),
                    QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                    self,
                )
                question.setObjectName("discardOrderQuestion")
                question.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Keep editing"))
                question.setDefaultButton(QMessageBox.StandardButton.Cancel)
                question.finished.connect(self._on_discard_question_finished)
                self.discard_question = question
                question.open()
            return
        super().reject()

    def _on_discard_question_finished(self, answer: int) -> None:
        self.discard_question = None
        if answer == QMessageBox.StandardButton.Discard:
            self._dirty = False
            super().reject()

    def _schedule_preview(self) -> None:
        self._generation += 1
        self._preview_timer.start()

    def _resolve_party(self, edit: RefEdit, message: FieldMessage) -> tuple[bool, str | None]:
        try:
            ref = edit.resolve()
        except LookupError as error:
            text = str(error.args[0]) if error.args else edit.text()
            message.show_error(
                text
                if isinstance(error, AmbiguousRefError)
                else self.tr("unknown party {text}").format(text=repr(edit.text().strip()))
            )
            return False, None
        if ref is not None:
            party = self._parties[ref]
            message.show_note(
                f"{party.name} · {describe_country(party.country)}"
                + (
                    " · " + self.tr("HQ {country}").format(country=party.hq_country)
                    if party.hq_country != party.country
                    else ""
                )
            )
        return True, ref

    def build_order(self) -> Order | None:
        """The order the form describes, or None with a message at each field in error."""
        for message in (
            self.ref_message,
            self.date_message,
            self.consignee_message,
            self.end_user_message,
            self.destination_message,
            self.lines_message,
        ):
            message.clear()
        ok = True
        ref = self.ref_edit.text().strip()
        if not ref:
            self.ref_message.show_error(self.tr("Order ref is required"))
            ok = False
        day: date = self.date_edit.date().toPython()  # type: ignore[assignment]
        try:
            ruleset = self.context.catalog.in_effect_on(day)
        except DomainError as error:
            self.date_message.show_error(str(error))
            ok = False
        else:
            self.date_message.show_note(
                self.tr("Judged under ruleset {ruleset}").format(ruleset=ruleset.id)
            )

        good, consignee = self._resolve_party(self.consignee_edit, self.consignee_message)
        ok = ok and good
        if good and consignee is None:
            self.consignee_message.show_error(self.tr("Consignee is required"))
            ok = False
        good, end_user = self._resolve_party(self.end_user_edit, self.end_user_message)
        ok = ok and good

        destination: str | None = None
        try:
            destination = self.destination_edit.code()
        except DomainError as error:
            self.destination_message.show_error(str(error))
            ok = False
        if consignee is not None:
            home = self._parties[consignee].country
            self.destination_edit.setPlaceholderText(
                self.tr("The consignee's location: {country}").format(
                    country=describe_country(home)
                )
            )
            if destination is None:
                self.destination_message.show_note(
                    self.tr("Ships to the consignee's location, {country}").format(
                        country=describe_country(home)
                    )
                )
        else:
            self.destination_edit.setPlaceholderText(self.tr("The consignee's location"))
        if destination is not None:
            self.destination_message.show_note(describe_country(destination))

        lines: list[OrderLine] = []
        for line in self._lines:
            try:
                product = line.product.resolve()
            except LookupError as error:
                text = str(error.args[0]) if error.args else ""
                line.show_error(
                    text if isinstance(error, AmbiguousRefError) else self.tr("unknown product")
                )
                ok = False
                continue
            if product is None:
                line.show_error(self.tr("pick a product"))
                ok = False
                continue
            quantity = line.quantity.value()
            if quantity is None:
                line.show_error(line.quantity.problem() or self.tr("type a quantity"))
                ok = False
                continue
            line.show_note(line.product.name_of(product) or product)
            lines.append(OrderLine(product_ref=product, quantity=quantity))
        if not self._lines:
            self.lines_message.show_error(self.tr("An order needs at least one line"))
            ok = False
        if not ok or consignee is None:
            return None
        try:
            return Order(
                ref=ref,
                date=day,
                consignee_ref=consignee,
                end_user_ref=end_user,
                destination=destination,
                lines=tuple(lines),
            )
        except ValidationError as error:
            self.save_message.show_error("; ".join(validation_messages(error, {})))
            return None

    # -- preview --------------------------------------------------------------------------

    def _on_preview_timer_timeout(self) -> None:
        if not self._loaded:
            return
        if self._previews.later(self._on_preview_timer_timeout):
            return
        order = self.build_order()
        if order is None:
            self._show_not_judged(
                self.tr("The preview waits until the fields marked in red are filled in.")
            )
            return
        generation = self._generation
        context = self.context

        def work(progress: Any, cancel: CancelToken) -> _PreviewResult:
            try:
                preview = preview_order(context.db, context.catalog, order)
            except DomainError as error:
                return _PreviewResult(generation, None, str(error))
            return _PreviewResult(generation, preview, None)

        self.preview_status.setText(self.tr("Checking…"))
        self._previews.start(
            self.tr("order preview"),
            work,
            on_success=self._on_preview_done,
            on_failure=self._on_preview_failed,
        )

    @property
    def ready(self) -> bool:
        """Whether parties and products are loaded (the form is usable)."""
        return self._loaded

    def _show_not_judged(self, text: str) -> None:
        self.last_preview = None
        self.preview_status.setText(text)
        self.preview_view.setVisible(False)
        self._preview_spacer.setVisible(True)
        self.preview_shown.emit("")

    def _on_preview_done(self, result: _PreviewResult) -> None:
        if result.generation != self._generation:
            return  # the form changed meanwhile; a newer preview follows
        if result.preview is None:
            self._show_not_judged(
                self.tr("Cannot judge this order yet: {problem}").format(problem=result.problem)
            )
            return
        preview = result.preview
        if preview.ref_taken:
            self.ref_message.show_error(
                self.tr("order {ref} already exists; choose another ref").format(
                    ref=preview.decision.order_ref
                )
            )
        outcome = preview.decision.outcome
        self.last_preview = preview
        self.preview_view.show_detail(preview.detail)
        # DecisionView shows a stored order's badge; for the dry run it is the outcome.
        self.preview_view.badge.setText(badge_text(outcome.value))
        self.preview_view.badge.setStyleSheet(badge_stylesheet(outcome.value))
        self.preview_view.setVisible(True)
        self._preview_spacer.setVisible(False)
        self.preview_status.setText(
            self.tr("A check now would decide: {outcome}.").format(
                outcome=outcome_label(outcome.value)
            )
            + " "
            + (
                self.tr("It may ship as it stands.")
                if outcome.ships
                else self.tr("It may not ship as it stands.")
            )
        )
        self.preview_shown.emit(outcome.value)

    def _on_preview_failed(self, message: str, is_bug: bool) -> None:
        self._show_not_judged(self.tr("The preview failed: {error}").format(error=message))
        if is_bug:
            show_failure(self, message, True, self.context.log_file)

    @property
    def preview_outcome_text(self) -> str:
        """The badge text of the preview shown (empty when none is)."""
        return self.preview_view.badge.text() if self.preview_view.isVisible() else ""

    # -- saving ---------------------------------------------------------------------------

    def save(self) -> None:
        self._save(check=False)

    def save_and_check(self) -> None:
        self._save(check=True)

    def _save(self, *, check: bool) -> None:
        if not self._loaded or self._save_job is not None:
            return
        order = self.build_order()
        if order is None:
            self.save_message.show_error(self.tr("Not saved: correct the fields marked in red."))
            return
        context = self.context

        def work(progress: Any, cancel: CancelToken) -> _Saved:
            add_record(context.db, order, actor=context.actor)
            if not check:
                return _Saved(order.ref, None, None)
            try:
                result = check_order(context.db, context.catalog, order.ref, actor=context.actor)
            except DomainError as error:  # the order is saved; only the check was refused
                return _Saved(order.ref, None, str(error))
            return _Saved(order.ref, result.decision.outcome, None)

        self.save_message.show_note(self.tr("Saving…"))
        self.save_button.setEnabled(False)
        self.save_check_button.setEnabled(False)
        self._save_job = context.write(
            self.tr("save order {ref}").format(ref=order.ref),
            work,
            lambda saved: Changes.of(
                Record.ORDERS,
                *([Record.DECISIONS] if saved.outcome is not None else []),
                refs=[saved.ref],
            ),
            on_success=self._on_saved,
            on_failure=self._on_save_failed,
            on_finished=self._on_save_job_finished,
        )

    def _on_save_job_finished(self) -> None:
        self._save_job = None
        self.save_button.setEnabled(True)
        self.save_check_button.setEnabled(True)

    def _on_saved(self, saved: _Saved) -> None:
        self.order_saved.emit(saved.ref)
        if saved.check_error is not None:
            show_failure(
                self.parentWidget(),
                self.tr("Order {ref} was saved, but the check was refused: {error}").format(
                    ref=saved.ref, error=saved.check_error
                ),
                False,
                self.context.log_file,
            )
        self.accept()

    def _on_save_failed(self, message: str, is_bug: bool) -> None:
        # Everything typed stays: the officer corrects and saves again.
        self.save_message.show_error(self.tr("Not saved: {error}").format(error=message))
        if is_bug:
            show_failure(self, message, True, self.context.log_file)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._preview_timer.stop()
        super().closeEvent(event)
