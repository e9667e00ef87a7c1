"""The figures of one product, classified as the officer types."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from domain.errors import DomainError
from domain.model import Product, ProductKind
from domain.rules.classification import ProductClassification, classify_product
from domain.ruleset import Ruleset
from domain.services.catalog_views import tpp_from_rate_text
from gui.kit.forms import validation_messages
from gui.kit.numbers import parse_number
from gui.kit.widgets import make_label, make_line_edit, named
from gui.pages.products.labels import FIELD_LABELS, KIND_LABELS, shown
from gui.pages.record_editor import RecordForm
from gui.style import hint_style, tpp


class ProductEditor(RecordForm[Product]):
    """The figures of one product. Emits ``edited`` when the officer changes one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ref.setObjectName("productRef")
        self.ref.setPlaceholderText(self.tr("Short unique reference, e.g. H100-SXM"))
        self.name = make_line_edit(name="productName")
        self.kind = named(QComboBox(), "productKind")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(shown(label), kind.value)

        self.by_tpp = named(QRadioButton(self.tr("TPP per IC")), "byTpp")
        self.by_rates = named(QRadioButton(self.tr("Datasheet rates")), "byRates")
        self.by_tpp.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_tpp)
        group.addButton(self.by_rates)
        self.tpp = make_line_edit(name="productTpp", placeholder=self.tr("e.g. 15832"))
        self.rates = named(QPlainTextEdit(), "productRates")
        self.rates.setPlaceholderText(
            self.tr(
                "One dense peak rate per line, TOPS:BITS\ne.g. 1979:8 and 989.5:16; "
                "add :sparse to halve a sparse-only figure"
            )
        )
        self.rates.setTabChangesFocus(True)
        self.rates.setFixedHeight(62)
        self.rates_result = make_label(name="ratesResult", style=hint_style())
        self.die_area = make_line_edit(
            name="productDieArea",
            placeholder=self.tr("mm² of non-planar logic dies, HBM excluded"),
        )
        self.datacenter = named(
            QCheckBox(self.tr("Designed or marketed for datacenters")), "productDatacenter"
        )
        self.datacenter.setChecked(True)
        self.ics_per_unit = named(QSpinBox(), "productIcs")
        self.ics_per_unit.setRange(1, 100_000)
        self.training = make_line_edit(name="productTraining", placeholder=self.tr("e.g. 3e26"))
        self.published = named(
            QCheckBox(self.tr("Weights are published (open weights)")), "productPublished"
        )

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

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows: dict[str, QWidget] = {}
        for key, label, widget in (
            ("ref", self.tr("Ref:"), self.ref),
            ("name", self.tr("Name:"), self.name),
            ("kind", self.tr("Kind:"), self.kind),
            ("tpp", self.tr("Performance:"), performance),
            ("die_area_mm2", self.tr("Die area (mm²):"), self.die_area),
            ("datacenter", "", self.datacenter),
            ("ics_per_unit", self.tr("ICs per unit:"), self.ics_per_unit),
            ("training_operations", self.tr("Training operations:"), self.training),
            ("published", "", self.published),
        ):
            self.rows[key] = self.add_row(form, key, label, widget)
        self._form = form

        self.watch(
            self.ref,
            self.name,
            self.tpp,
            self.die_area,
            self.training,
            self.rates,
            self.kind,
            self.by_tpp,
            self.datacenter,
            self.published,
            self.ics_per_unit,
        )
        self.kind.currentIndexChanged.connect(self._update_enabled)
        self.by_tpp.toggled.connect(self._update_enabled)
        self._update_enabled()

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
        ref, ref_problem = self.typed_ref()
        values: dict[str, Any] = {
            "ref": ref,
            "name": self.name.text().strip(),
            "kind": kind,
        }
        problems: list[str] = [] if ref_problem is None else [ref_problem]

        def field(key: str, read: Any) -> Any:
            try:
                return read()
            except DomainError as error:
                self.messages[key].show_error(str(error))
                problems.append(str(error))
                return None

        if chip:
            if self.by_rates.isChecked():

                def from_rates() -> Decimal:
                    found, best = tpp_from_rate_text(self.rates.toPlainText())
                    sparse = self.tr(" (sparse, halved)") if best.sparse else ""
                    self.rates_result.setText(
                        self.tr("→ TPP {tpp}: the largest of the rates, {tops} × {bits}").format(
                            tpp=tpp(found), tops=f"{best.tops:g}", bits=best.bits
                        )
                        + sparse
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
                required = self.tr("{field} is required").format(field=shown(FIELD_LABELS[key]))
                self.messages[key].show_error(required)
                problems.append(required)
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
