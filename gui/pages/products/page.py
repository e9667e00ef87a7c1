"""Products: the catalog with each item's classification, and an editor that classifies live."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from domain.errors import DomainError
from domain.model import Product
from domain.progress import CancelToken
from domain.ruleset import Ruleset
from domain.services.catalog_views import ProductRow, catalog_rows
from domain.services.records import add_record, update_record
from gui.changes import Record
from gui.context import DeskContext
from gui.jobs import JobFunction
from gui.kit.panes import split
from gui.kit.tables import FoldingFilter
from gui.kit.widgets import make_label
from gui.pages.base import QT_TRANSLATE_NOOP
from gui.pages.products.classification import ClassificationPanel
from gui.pages.products.editor import ProductEditor
from gui.pages.products.table import SORT_ROLE, ProductTableModel
from gui.pages.record_editor import RecordEditorPage
from gui.style import hint_style


class ProductsPage(RecordEditorPage[Product, ProductRow]):
    """Signals:
    list_loaded: the catalog was (re)loaded (its row count).
    classified: the live classification was updated (the ECCN text shown).
    product_saved: a product was created or changed (its ref).
    """

    title = QT_TRANSLATE_NOOP("ProductsPage", "Products")
    shows = frozenset({Record.PRODUCTS})
    kind = Record.PRODUCTS
    noun = QT_TRANSLATE_NOOP("ProductsPage", "product")
    plural = QT_TRANSLATE_NOOP("ProductsPage", "products")
    search_placeholder = QT_TRANSLATE_NOOP(
        "ProductsPage", "part of a product's ref, name, kind or ECCN"
    )
    classified = Signal(str)
    product_saved = Signal(str)

    model: ProductTableModel
    editor: ProductEditor

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            ProductTableModel(),
            ProductEditor(),
            add=add_record,
            update=update_record,
            parent=parent,
        )
        self.model.setParent(self)
        self.record_saved.connect(self.product_saved)
        self.proxy = FoldingFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._set_up_table(self.proxy, (116, 230, 62, 84, 70, 80, 64, 110, 90, 56, 92), sort=0)

        self.panel = ClassificationPanel()
        self.heading = make_label(
            self.tr("No product selected"),
            name="productHeading",
            style="font-size:13pt; font-weight:600;",
        )

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

        self.ruleset_label = make_label(name="catalogRuleset", style=hint_style())
        splitter = split(
            Qt.Orientation.Vertical,
            self._build_list(self.ruleset_label),
            editor_box,
            sizes=(330, 430),
            stretch=(1, 1),
            name="productsSplitter",
        )
        self.search.search_requested.connect(self.proxy.set_needle)

        layout = self.page_layout()
        layout.addWidget(self._build_toolbar())
        layout.addWidget(splitter, 1)
        self._set_dirty(False)
        self.editor.setEnabled(False)
        self._classify()

    def new_product(self) -> None:
        self.new_record()

    def _ruleset(self) -> Ruleset:
        return self.context.ruleset_today()

    # -- the list -------------------------------------------------------------------------

    def _list_work(self) -> JobFunction:
        context = self.context
        ruleset = self._ruleset()
        self.ruleset_label.setText(
            self.tr("Classified under {ruleset} (in effect today) ·").format(ruleset=ruleset.id)
        )

        def work(progress: Any, cancel: CancelToken) -> list[ProductRow]:
            return catalog_rows(context.db, ruleset)

        return work

    def _keep_selected(self, ref: str) -> None:
        self.select_ref(ref)

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

    def _row_at(self, index: QModelIndex) -> ProductRow | None:
        return self.model.record(self.proxy.mapToSource(index).row())

    def _ref_of(self, row: ProductRow) -> str:
        return row.product.ref

    def _shows(self, row: ProductRow) -> bool:
        return row.product == self._selected

    def _open_row(self, row: ProductRow) -> None:
        self._open(row.product)

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

    def _on_editor_edited(self) -> None:
        super()._on_editor_edited()
        self._classify()

    def _classify(self) -> None:
        ruleset = self._ruleset()
        note = self.tr("Ruleset {ruleset}, in effect today ({date}).").format(
            ruleset=ruleset.id, date=self.context.today().isoformat()
        )
        if not self.editor.isEnabled():
            self.panel.show_empty(self.tr("Select a product, or press Ctrl+N for a new one."), note)
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
                self.tr("needed here: at this TPP the performance density decides")
            )
        self.classified.emit(found.eccn or "")

    def _show_new(self) -> None:
        self.heading.setText(self.tr("New product"))

    def _after_new(self) -> None:
        self._classify()

    def revert(self) -> None:
        super().revert()
        self._classify()

    def _build(self) -> Product | None:
        try:
            return self.editor.build()
        except DomainError as error:
            self.save_message.show_error(self.tr("Not saved: {reason}").format(reason=error))
            return None

    def _reopen(self, ref: str) -> None:
        self._select_after_load = ref
        self._selected = None  # reopen what is stored once the list is read again
