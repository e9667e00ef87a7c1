"""Products: the catalog with each item's classification, and an editor that classifies live."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import (
    QItemSelection,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from domain.errors import DomainError
from domain.model import Product, ProductKind
from domain.progress import CancelToken
from domain.rules.classification import ProductClassification, classify_product
from domain.ruleset import Ruleset
from domain.services.catalog_views import ProductRow, catalog_rows, tpp_from_rate_text
from domain.services.records import add_product
from gui.commands import EditProductCommand
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.jobs import OneAtATime
from gui.kit.actions import window_action
from gui.kit.forms import FieldMessage, validation_messages
from gui.kit.numbers import parse_number
from gui.kit.panes import split
from gui.kit.tables import Index, RecordModel, set_up_list
from gui.pages.base import Page
from gui.style import Tone, heading_style, hint_style, panel_style, qcolour, text_style, tpp

KIND_LABELS: dict[ProductKind, str] = {
    ProductKind.IC: "Integrated circuit (IC)",
    ProductKind.SYSTEM: "System, board or server",
    ProductKind.MODEL_WEIGHTS: "Model weights",
    ProductKind.IAAS_TRAINING: "IaaS training service",
    ProductKind.OTHER: "Other (not an AI item)",
}
SHORT_KIND: dict[ProductKind, str] = {
    ProductKind.IC: "IC",
    ProductKind.SYSTEM: "System",
    ProductKind.MODEL_WEIGHTS: "Weights",
    ProductKind.IAAS_TRAINING: "IaaS",
    ProductKind.OTHER: "Other",
}
FIELD_LABELS = {
    "ref": "Ref",
    "name": "Name",
    "kind": "Kind",
    "tpp": "TPP per IC",
    "die_area_mm2": "Die area",
    "ics_per_unit": "ICs per unit",
    "training_operations": "Training operations",
}
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def _pd(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


class ProductTableModel(RecordModel[ProductRow]):
    """The catalog with the engine's classification of each item (a small table)."""

    headers = (
        "Ref",
        "Name",
        "Kind",
        "TPP per IC",
        "Die mm²",
        "Datacenter",
        "ICs/unit",
        "ECCN",
        "Paragraph",
        "PD",
        "Unit TPP",
    )
    NUMERIC = frozenset({3, 4, 6, 9, 10})

    def row_of(self, ref: str) -> int | None:
        return self.row_where(lambda row: row.product.ref == ref)

    def _values(self, row: ProductRow) -> tuple[str, ...]:
        product, found = row.product, row.classification
        chip = product.kind in (ProductKind.IC, ProductKind.SYSTEM)
        return (
            product.ref,
            product.name,
            SHORT_KIND[product.kind],
            tpp(product.tpp) if product.tpp is not None else "",
            f"{product.die_area_mm2:g}" if product.die_area_mm2 else "",
            ("yes" if product.datacenter else "no") if chip else "",
            str(product.ics_per_unit) if chip else "",
            found.eccn_text if not found.error else "✕ needs figures",
            found.paragraph or "",
            _pd(found.performance_density),
            tpp(found.unit_tpp) if found.unit_tpp is not None else "",
        )

    def _sort_key(self, row: ProductRow, column: int) -> Any:
        product, found = row.product, row.classification
        numeric = {
            3: product.tpp,
            4: product.die_area_mm2,
            6: product.ics_per_unit,
            9: found.performance_density,
            10: found.unit_tpp,
        }
        if column in numeric:
            return float(numeric[column] or 0.0)
        return self._values(row)[column].casefold()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.record(index.row())
        column = index.column()
        if row is None or not 0 <= column < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._values(row)[column]
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column in (7, 8):
            found = row.classification
            return found.error or found.reason
        if role == Qt.ItemDataRole.ForegroundRole and column == 7 and row.classification.error:
            return qcolour(Tone.ERROR)
        return None


class ClassificationPanel(QFrame):
    """What the engine says about the item as typed: ECCN, paragraph, PD, unit TPP, why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("classificationPanel")
        self.setStyleSheet(panel_style("classificationPanel"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        self.title = QLabel("Classification")
        self.title.setStyleSheet(heading_style())
        self.eccn = QLabel("—")
        self.eccn.setObjectName("liveEccn")
        self.eccn.setStyleSheet(heading_style(18))
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        self.paragraph = self._value("liveParagraph")
        self.tpp = self._value("liveTpp")
        self.pd = self._value("livePd")
        self.unit_tpp = self._value("liveUnitTpp")
        for row, (label, value) in enumerate(
            (
                ("Paragraph", self.paragraph),
                ("TPP per IC", self.tpp),
                ("Performance density", self.pd),
                ("TPP per unit", self.unit_tpp),
            )
        ):
            caption = QLabel(label)
            caption.setStyleSheet(hint_style())
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)
        self.reason = QLabel()
        self.reason.setObjectName("liveReason")
        self.reason.setWordWrap(True)
        self.reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = FieldMessage()
        self.error.setObjectName("liveError")
        self.ruleset = QLabel()
        self.ruleset.setObjectName("liveRuleset")
        self.ruleset.setWordWrap(True)
        self.ruleset.setStyleSheet(hint_style() + " font-size:9pt;")
        layout.addWidget(self.title)
        layout.addWidget(self.eccn)
        layout.addLayout(grid)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.ruleset)

    @staticmethod
    def _value(name: str) -> QLabel:
        label = QLabel("—")
        label.setObjectName(name)
        label.setStyleSheet("font-weight:600;")
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def show_classification(self, found: ProductClassification, ruleset_note: str) -> None:
        self.ruleset.setText(ruleset_note)
        if found.error:
            self.eccn.setText("Cannot classify yet")
            self.eccn.setStyleSheet(text_style(Tone.ERROR, "font-size:14pt; font-weight:600;"))
            self.error.show_error(found.error)
            self.reason.clear()
        else:
            self.eccn.setText(found.eccn or "Not controlled")
            self.eccn.setStyleSheet(
                text_style(Tone.LINK if found.eccn else Tone.OK, "font-size:18pt; font-weight:600;")
            )
            self.error.clear()
            self.reason.setText(f"Why: {found.reason}")
        self.paragraph.setText(found.paragraph or "—")
        self.tpp.setText(tpp(found.tpp) if found.tpp is not None else "—")
        self.pd.setText(
            _pd(found.performance_density)
            if found.performance_density is not None
            else ("no die area given" if found.tpp is not None else "—")
        )
        self.unit_tpp.setText(tpp(found.unit_tpp) if found.unit_tpp is not None else "—")

    def show_empty(self, message: str, ruleset_note: str) -> None:
        self.ruleset.setText(ruleset_note)
        self.eccn.setText("—")
        self.eccn.setStyleSheet(heading_style(18))
        self.error.show_note(message)
        self.reason.clear()
        for label in (self.paragraph, self.tpp, self.pd, self.unit_tpp):
            label.setText("—")

    def show_problem(self, message: str, ruleset_note: str) -> None:
        self.ruleset.setText(ruleset_note)
        self.eccn.setText("Cannot classify yet")
        self.eccn.setStyleSheet(text_style(Tone.ERROR, "font-size:14pt; font-weight:600;"))
        self.error.show_error(message)
        self.reason.clear()
        for label in (self.paragraph, self.tpp, self.pd, self.unit_tpp):
            label.setText("—")


class ProductEditor(QWidget):
    """The figures of one product. Emits ``edited`` when the officer changes one."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ref = QLineEdit()
        self.ref.setObjectName("productRef")
        self.ref.setPlaceholderText("Short unique reference, e.g. H100-SXM")
        self.name = QLineEdit()
        self.name.setObjectName("productName")
        self.kind = QComboBox()
        self.kind.setObjectName("productKind")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind.value)

        self.by_tpp = QRadioButton("TPP per IC")
        self.by_tpp.setObjectName("byTpp")
        self.by_rates = QRadioButton("Datasheet rates")
        self.by_rates.setObjectName("byRates")
        self.by_tpp.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_tpp)
        group.addButton(self.by_rates)
        self.tpp = QLineEdit()
        self.tpp.setObjectName("productTpp")
        self.tpp.setPlaceholderText("e.g. 15832")
        self.rates = QPlainTextEdit()
        self.rates.setObjectName("productRates")
        self.rates.setPlaceholderText(
            "One dense peak rate per line, TOPS:BITS\ne.g. 1979:8 and 989.5:16; "
            "add :sparse to halve a sparse-only figure"
        )
        self.rates.setTabChangesFocus(True)
        self.rates.setFixedHeight(62)
        self.rates_result = QLabel()
        self.rates_result.setObjectName("ratesResult")
        self.rates_result.setStyleSheet(hint_style())
        self.die_area = QLineEdit()
        self.die_area.setObjectName("productDieArea")
        self.die_area.setPlaceholderText("mm² of non-planar logic dies, HBM excluded")
        self.datacenter = QCheckBox("Designed or marketed for datacenters")
        self.datacenter.setObjectName("productDatacenter")
        self.datacenter.setChecked(True)
        self.ics_per_unit = QSpinBox()
        self.ics_per_unit.setObjectName("productIcs")
        self.ics_per_unit.setRange(1, 100_000)
        self.training = QLineEdit()
        self.training.setObjectName("productTraining")
        self.training.setPlaceholderText("e.g. 3e26")
        self.published = QCheckBox("Weights are published (open weights)")
        self.published.setObjectName("productPublished")

        performance = QWidget()
        grid = QGridLayout(performance)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.by_tpp, 0, 0)
        grid.addWidget(self.tpp, 0, 1)
        grid.addWidget(self.by_rates, 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.rates, 1, 1)
        grid.addWidget(self.rates_result, 2, 1)
        grid.setColumnStretch(1, 1)

        self.messages: dict[str, FieldMessage] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows: dict[str, QWidget] = {}
        for key, label, widget in (
            ("ref", "Ref", self.ref),
            ("name", "Name", self.name),
            ("kind", "Kind", self.kind),
            ("tpp", "Performance", performance),
            ("die_area_mm2", "Die area (mm²)", self.die_area),
            ("datacenter", "", self.datacenter),
            ("ics_per_unit", "ICs per unit", self.ics_per_unit),
            ("training_operations", "Training operations", self.training),
            ("published", "", self.published),
        ):
            message = FieldMessage()
            message.setObjectName(f"{key}Message")
            self.messages[key] = message
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(message)
            self.rows[key] = cell
            form.addRow(f"{label}:" if label else "", cell)
        self._form = form

        for line in (self.ref, self.name, self.tpp, self.die_area, self.training):
            line.textChanged.connect(self._on_field_edited)
        self.rates.textChanged.connect(self._on_field_edited)
        self.kind.currentIndexChanged.connect(self._on_field_edited)
        self.kind.currentIndexChanged.connect(self._update_enabled)
        self.by_tpp.toggled.connect(self._on_field_edited)
        self.by_tpp.toggled.connect(self._update_enabled)
        self.datacenter.toggled.connect(self._on_field_edited)
        self.published.toggled.connect(self._on_field_edited)
        self.ics_per_unit.valueChanged.connect(self._on_field_edited)
        self._loading = False
        self._update_enabled()

    def _on_field_edited(self) -> None:
        if not self._loading:
            self.edited.emit()

    def current_kind(self) -> ProductKind:
        return ProductKind(self.kind.currentData() or ProductKind.OTHER.value)

    def _update_enabled(self) -> None:
        kind = self.current_kind()
        chip = kind in (ProductKind.IC, ProductKind.SYSTEM)
        trained = kind in (ProductKind.MODEL_WEIGHTS, ProductKind.IAAS_TRAINING)
        for key in ("tpp", "die_area_mm2", "datacenter"):
            self._form.setRowVisible(self.rows[key], chip)
        self._form.setRowVisible(self.rows["ics_per_unit"], kind is ProductKind.SYSTEM)
        self._form.setRowVisible(self.rows["training_operations"], trained)
        self._form.setRowVisible(self.rows["published"], kind is ProductKind.MODEL_WEIGHTS)
        self.tpp.setEnabled(self.by_tpp.isChecked())
        self.rates.setEnabled(self.by_rates.isChecked())

    def clear_messages(self) -> None:
        for message in self.messages.values():
            message.clear()

    def load(self, product: Product | None) -> None:
        self._loading = True
        try:
            self.clear_messages()
            self.ref.setText(product.ref if product else "")
            self.ref.setReadOnly(product is not None)
            self.name.setText(product.name if product else "")
            kind = product.kind if product else ProductKind.IC
            self.kind.setCurrentIndex(self.kind.findData(kind.value))
            self.by_tpp.setChecked(True)
            self.tpp.setText(tpp(product.tpp).replace(",", "") if product and product.tpp else "")
            self.rates.setPlainText("")
            self.rates_result.clear()
            self.die_area.setText(
                f"{product.die_area_mm2:g}" if product and product.die_area_mm2 else ""
            )
            self.datacenter.setChecked(product.datacenter if product else True)
            self.ics_per_unit.setValue(product.ics_per_unit if product else 1)
            self.training.setText(
                f"{product.training_operations:g}"
                if product and product.training_operations is not None
                else ""
            )
            self.published.setChecked(product.published if product else False)
        finally:
            self._loading = False
        self._update_enabled()

    def build(self, *, require_identity: bool = True) -> Product:
        """The product the fields describe; raises ``DomainError`` naming what is wrong.

        Each field in error also shows its message. Without ``require_identity`` a missing
        ref or name is no error (classification does not need them).
        """
        self.clear_messages()
        self.rates_result.clear()
        kind = self.current_kind()
        chip = kind in (ProductKind.IC, ProductKind.SYSTEM)
        trained = kind in (ProductKind.MODEL_WEIGHTS, ProductKind.IAAS_TRAINING)
        values: dict[str, Any] = {
            "ref": self.ref.text().strip(),
            "name": self.name.text().strip(),
            "kind": kind,
        }
        problems: list[str] = []

        def field(key: str, read: Any) -> Any:
            try:
                return read()
            except DomainError as error:
                self.messages[key].show_error(str(error))
                problems.append(str(error))
                return None

        if chip:
            if self.by_rates.isChecked():

                def from_rates() -> float:
                    found, best = tpp_from_rate_text(self.rates.toPlainText())
                    sparse = " (sparse, halved)" if best.sparse else ""
                    self.rates_result.setText(
                        f"→ TPP {tpp(found)}: the largest of the rates, "
                        f"{best.tops:g} × {best.bits}{sparse}"
                    )
                    return found

                values["tpp"] = field("tpp", from_rates)
            else:
                values["tpp"] = field("tpp", lambda: parse_number(self.tpp.text(), "TPP per IC"))
            values["die_area_mm2"] = field(
                "die_area_mm2",
                lambda: parse_number(self.die_area.text(), "die area", positive=True),
            )
            values["datacenter"] = self.datacenter.isChecked()
            values["ics_per_unit"] = self.ics_per_unit.value() if kind is ProductKind.SYSTEM else 1
        if trained:
            values["training_operations"] = field(
                "training_operations",
                lambda: parse_number(self.training.text(), "training operations"),
            )
            values["published"] = kind is ProductKind.MODEL_WEIGHTS and self.published.isChecked()
        for key in ("ref", "name"):
            if values[key]:
                continue
            if require_identity:
                self.messages[key].show_error(f"{FIELD_LABELS[key]} is required")
                problems.append(f"{FIELD_LABELS[key]} is required")
            else:
                values[key] = "unsaved"
        if problems:
            raise DomainError(problems[0])
        try:
            return Product(**values)
        except ValidationError as error:
            texts = validation_messages(error, FIELD_LABELS)
            for item, text in zip(error.errors(), texts, strict=True):
                location = [str(part) for part in item.get("loc", ()) if not isinstance(part, int)]
                target = location[0] if location and location[0] in self.messages else None
                if target is None:
                    target = "training_operations" if "training_operations" in text else "tpp"
                self.messages[target].show_error(
                    text.replace("training_operations", "its training operations").replace(
                        "needs its TPP per IC", "needs its TPP per IC (or datasheet rates)"
                    )
                )
            raise DomainError(texts[0]) from None

    def preview(self, ruleset: Ruleset) -> tuple[ProductClassification | None, str | None]:
        """Classify what is typed: (classification, None) or (None, why it cannot be)."""
        try:
            product = self.build(require_identity=False)
        except DomainError as error:
            return None, str(error)
        return classify_product(product, ruleset), None


class ProductsPage(Page):
    """Signals:
    list_loaded: the catalog was (re)loaded (its row count).
    classified: the live classification was updated (the ECCN text shown).
    product_saved: a product was created or changed (its ref).
    """

    title = "Products"
    kinds = frozenset({"products", "all"})
    list_loaded = Signal(int)
    classified = Signal(str)
    product_saved = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("productsPage")
        self._list = OneAtATime(context.jobs, self)
        """The catalog: a reload asked for meanwhile drops an older one's result."""
        self._selected: Product | None = None
        self._creating = False
        self._dirty = False
        self._select_after_load: str | None = None

        self.model = ProductTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        set_up_list(
            self.table,
            "productsTable",
            (116, 230, 62, 84, 70, 80, 64, 110, 90, 56, 92),
            stretch=1,
        )
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

        self.editor = ProductEditor()
        self.editor.edited.connect(self._on_editor_edited)
        self.panel = ClassificationPanel()
        self.heading = QLabel("No product selected")
        self.heading.setObjectName("productHeading")
        self.heading.setStyleSheet("font-size:13pt; font-weight:600;")
        self.save_button = QPushButton("Save")
        self.save_button.setObjectName("saveProductButton")
        self.save_button.setToolTip("Save the product (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton("Revert")
        self.revert_button.setObjectName("revertProductButton")
        self.revert_button.clicked.connect(self.revert)
        self.save_message = FieldMessage()
        self.save_message.setObjectName("productSaveMessage")

        editor_box = QWidget()
        editor_layout = QVBoxLayout(editor_box)
        editor_layout.setContentsMargins(0, 4, 0, 0)
        editor_layout.addWidget(self.heading)
        columns = QHBoxLayout()
        columns.setSpacing(16)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.editor)
        holder_layout.addStretch(1)
        columns.addWidget(holder, 3)
        columns.addWidget(self.panel, 2)
        editor_layout.addLayout(columns, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_message, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        editor_layout.addLayout(buttons)

        splitter = split(
            Qt.Orientation.Vertical,
            self._build_list(),
            editor_box,
            sizes=(330, 430),
            stretch=(1, 1),
            name="productsSplitter",
        )

        layout = self.page_layout()
        layout.addWidget(self._build_toolbar())
        layout.addWidget(splitter, 1)
        self._set_dirty(False)
        self.editor.setEnabled(False)
        self._classify()

    # -- building -------------------------------------------------------------------------

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setObjectName("productsToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = window_action(
            self,
            "New product…",
            "Ctrl+N",
            self.new_product,
            "newProductAction",
            "Enter a new product",
        )
        self.save_action = window_action(
            self, "Save product", "Ctrl+S", self.save, "saveProductAction", "Save the product"
        )
        window_action(self, "Find", "Ctrl+F", self._on_find, "findProductAction", "Search")
        bar.addAction(self.new_action)
        bar.addAction(self.save_action)
        return bar

    def _build_list(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("productSearch")
        self.search.setPlaceholderText("Filter the catalog…  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.count_label = QLabel()
        self.count_label.setObjectName("productCount")
        self.count_label.setStyleSheet(hint_style())
        self.ruleset_label = QLabel()
        self.ruleset_label.setObjectName("catalogRuleset")
        self.ruleset_label.setStyleSheet(hint_style())
        row.addWidget(self.search, 1)
        row.addWidget(self.ruleset_label)
        row.addWidget(self.count_label)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        return box

    def _on_find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _ruleset(self) -> Ruleset:
        return self.context.ruleset_today()

    # -- the list -------------------------------------------------------------------------

    def reload(self) -> None:
        if self._list.later(self.reload):
            return
        context = self.context
        ruleset = self._ruleset()
        self.ruleset_label.setText(f"Classified under {ruleset.id} (in effect today) ·")
        self.count_label.setText("Loading…")

        def work(progress: Any, cancel: CancelToken) -> list[ProductRow]:
            return catalog_rows(context.db, ruleset)

        self._list.start(
            "load products", work, on_success=self._on_list_loaded, on_failure=self._on_job_failed
        )

    def _on_list_loaded(self, rows: list[ProductRow]) -> None:
        keep = self._select_after_load or (self._selected.ref if self._selected else None)
        self._select_after_load = None
        self.model.set_rows(rows)
        self.count_label.setText(f"{len(rows):,} product{'s' if len(rows) != 1 else ''}")
        if keep is not None:
            self.select_ref(keep)
        self.list_loaded.emit(len(rows))

    def prepare_screenshot(self) -> None:
        """Open a server, whose classification shows every figure."""
        self.select_ref("HGX-H100-8")

    def select_ref(self, ref: str) -> bool:
        row = self.model.row_of(ref)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)
        record = self.model.record(row)
        if record is not None and (self._selected is None or self._selected != record.product):
            if self._dirty and self._selected is not None and self._selected.ref == ref:
                self._selected = record.product  # keep what the officer is typing
            else:
                self._open(record.product)
        return True

    # -- selection ------------------------------------------------------------------------

    def _on_table_selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        source = self.proxy.mapToSource(indexes[0])
        record = self.model.record(source.row())
        if record is None:
            return
        if self._selected is not None and record.product == self._selected and not self._creating:
            return
        if self._dirty and not self._confirm_discard():
            return
        self._open(record.product)

    def _confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            "The product has changes that are not saved. Discard them?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _open(self, product: Product) -> None:
        self._creating = False
        self._selected = product
        self.heading.setText(f"{product.name} ({product.ref})")
        self.editor.setEnabled(True)
        self.editor.load(product)
        self.save_message.clear()
        self._set_dirty(False)
        self._classify()

    # -- editing --------------------------------------------------------------------------

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty or self._creating)
        self.save_action.setEnabled(dirty or self._creating)
        self.revert_button.setEnabled(dirty)

    def _on_editor_edited(self) -> None:
        self.save_message.clear()
        self._set_dirty(True)
        self._classify()

    def _classify(self) -> None:
        ruleset = self._ruleset()
        note = f"Ruleset {ruleset.id}, in effect today ({self.context.today().isoformat()})."
        if not self.editor.isEnabled():
            self.panel.show_empty("Select a product, or press Ctrl+N for a new one.", note)
            self.classified.emit("")
            return
        found, problem = self.editor.preview(ruleset)
        if found is None:
            self.panel.show_problem(problem or "", note)
            self.classified.emit("")
            return
        self.panel.show_classification(found, note)
        if found.error and "die area" in found.error:
            self.editor.messages["die_area_mm2"].show_error(
                "needed here: at this TPP the performance density decides"
            )
        self.classified.emit(found.eccn or "")

    def new_product(self) -> None:
        if self._dirty and not self._confirm_discard():
            return
        self._creating = True
        self._selected = None
        self.table.clearSelection()
        self.heading.setText("New product")
        self.editor.setEnabled(True)
        self.editor.load(None)
        self.save_message.clear()
        self._set_dirty(False)
        self._classify()
        self.editor.ref.setFocus()

    def revert(self) -> None:
        self.editor.load(None if self._creating else self._selected)
        self.save_message.clear()
        self._set_dirty(False)
        self._classify()

    def save(self) -> None:
        """Save the editor: a new product directly, a change as an undoable command."""
        if not self._creating and self._selected is None:
            return
        try:
            product = self.editor.build()
        except DomainError as error:
            self.save_message.show_error(f"Not saved: {error}")
            return
        if self._creating:
            self._create(product)
            return
        old = self._selected
        assert old is not None
        if product == old:
            self.save_message.show_note("No changes to save.")
            self._set_dirty(False)
            return
        command = EditProductCommand(
            self.context.db,
            self.context.actor,
            old,
            product,
            on_applied=self._on_command_applied,
            on_failed=self._on_save_failed,
        )
        self.context.undo_stack.push(command)
        if command.error is None:
            self._selected = product
            self._set_dirty(False)
            self.save_message.show_note(f"Saved. Undo with Ctrl+Z ({command.text()}).")
            self.product_saved.emit(product.ref)

    def _create(self, product: Product) -> None:
        context = self.context
        self.save_button.setEnabled(False)
        self.save_message.show_note("Saving…")

        def work(progress: Any, cancel: CancelToken) -> str:
            add_product(context.db, product, actor=context.actor)
            return product.ref

        context.jobs.start(
            f"add product {product.ref}",
            work,
            on_success=self._on_created,
            on_failure=self._on_save_failed,
        )

    def _on_created(self, ref: str) -> None:
        self._creating = False
        self._set_dirty(False)
        self._select_after_load = ref
        self.save_message.show_note(f"Product {ref} created.")
        self.product_saved.emit(ref)
        self.context.events.records_changed.emit("products")
        if not self.isVisible():
            self.reload()

    def _on_save_failed(self, message: str, is_bug: bool) -> None:
        # The fields stay as typed: the officer corrects and saves again.
        self._set_dirty(True)
        if is_bug:
            self.save_message.show_error("Not saved: an internal error occurred.")
            show_failure(self, message, True, self.context.log_file)
        else:
            self.save_message.show_error(f"Not saved: {message}")

    def _on_command_applied(self, ref: str) -> None:
        if self._selected is not None and self._selected.ref == ref and not self._creating:
            self._select_after_load = ref
            self._selected = None  # reopen what is stored once the list is read again
        self.context.events.records_changed.emit("products")

    def _on_job_failed(self, message: str, is_bug: bool) -> None:
        self.count_label.setText("")
        show_failure(self, message, is_bug, self.context.log_file)
