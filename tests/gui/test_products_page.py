"""The Products page: the catalog with its classification, and an editor that classifies live."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from app.desktop import build_context
from domain.model import Product, ProductKind
from domain.services.catalog_views import get_product
from domain.services.records import add_record
from gui.context import DeskContext
from gui.pages.products.page import ProductsPage
from gui.pages.products.table import ProductTableModel
from tests.clock import clock_on

TODAY = date(2026, 3, 2)
CATALOG = (
    Product(ref="H20", name="NVIDIA H20", kind=ProductKind.IC, tpp=2_368, die_area_mm2=814),
    Product(
        ref="HGX-H100-8",
        name="8-GPU H100 server",
        kind=ProductKind.SYSTEM,
        tpp=15_832,
        die_area_mm2=814,
        ics_per_unit=8,
    ),
    Product(
        ref="W-ASTER-4",
        name="Aster-4 weights",
        kind=ProductKind.MODEL_WEIGHTS,
        training_operations=3e26,
    ),
)


@pytest.fixture
def context(tmp_path: Path) -> Iterator[DeskContext]:
    context = build_context(str(tmp_path / "desk.sqlite3"), clock=clock_on(TODAY))
    for product in CATALOG:
        add_record(context.db, product, actor="officer")
    yield context
    context.jobs.cancel_all()
    context.jobs.wait()
    context.connection.db.close()  # type: ignore[attr-defined]


@pytest.fixture
def page(qtbot: QtBot, context: DeskContext) -> ProductsPage:
    page = ProductsPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 820)
    with qtbot.waitSignal(page.list_loaded, timeout=5000):
        page.show()
    return page


def row_of(page: ProductsPage, ref: str) -> dict[str, str]:
    row = page.model.row_of(ref)
    assert row is not None
    return {
        page.model.headers[column]: page.model.index(row, column).data()
        for column in range(page.model.columnCount())
    }


def test_the_catalog_shows_each_products_classification(
    page: ProductsPage, qtmodeltester: object
) -> None:
    assert page.model.rowCount() == 3
    server = row_of(page, "HGX-H100-8")
    assert server["ECCN"] == "4A090.a"
    assert server["Unit TPP"] == "126,656"
    assert server["PD"] == "19.45"
    assert row_of(page, "H20")["ECCN"] == "not controlled"
    assert row_of(page, "W-ASTER-4")["ECCN"] == "4E091"
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    qtmodeltester.check(ProductTableModel())  # type: ignore[attr-defined]


def test_the_editor_classifies_h100_datasheet_rates_live(qtbot: QtBot, page: ProductsPage) -> None:
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = page.editor
    assert editor.isEnabled()
    qtbot.keyClicks(editor.ref, "H100-SXM")
    qtbot.keyClicks(editor.name, "NVIDIA H100 SXM")
    qtbot.mouseClick(editor.by_rates, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.rates, "1979:8")
    assert page.panel.tpp.text() == "15,832"
    with qtbot.waitSignal(page.classified) as classified:
        qtbot.keyClicks(editor.die_area, "814")
    assert classified.args == ["3A090.a"]
    assert page.panel.eccn.text() == "3A090.a"
    assert page.panel.paragraph.text() == "3A090.a.1"
    assert page.panel.pd.text() == "19.45"
    assert page.panel.unit_tpp.text() == "15,832"
    assert "TPP 15,832 ≥ 4,800" in page.panel.reason.text()
    assert "1979 × 8" in editor.rates_result.text()


def test_sparse_rates_are_halved_and_the_largest_product_wins(
    qtbot: QtBot, page: ProductsPage
) -> None:
    page.new_product()
    page.editor.by_rates.setChecked(True)
    qtbot.keyClicks(page.editor.rates, "989.5:16")
    qtbot.keyClick(page.editor.rates, Qt.Key.Key_Return)
    qtbot.keyClicks(page.editor.rates, "3958:8:sparse")
    assert page.panel.tpp.text() == "15,832"


def test_a_die_area_that_decides_is_asked_for_by_name(qtbot: QtBot, page: ProductsPage) -> None:
    page.new_product()
    qtbot.keyClicks(page.editor.tpp, "2400")
    assert page.panel.eccn.text() == "Cannot classify yet"
    assert "die area (mm²) is needed" in page.panel.error.text()
    assert page.editor.messages["die_area_mm2"].is_error
    qtbot.keyClicks(page.editor.die_area, "500")
    assert page.panel.eccn.text() == "3A090.b"
    assert page.panel.paragraph.text() == "3A090.b.1"


def test_saving_a_new_product_adds_it_to_the_catalog(
    qtbot: QtBot, page: ProductsPage, context: DeskContext
) -> None:
    page.new_product()
    qtbot.keyClicks(page.editor.ref, "B200")
    qtbot.keyClicks(page.editor.name, "NVIDIA B200")
    qtbot.keyClicks(page.editor.tpp, "36,000")
    with qtbot.waitSignal(page.list_loaded, timeout=5000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    stored = get_product(context.db, "B200")
    assert stored is not None
    assert stored.tpp == 36_000
    assert row_of(page, "B200")["ECCN"] == "3A090.a"
    assert page.editor.ref.isReadOnly()


def test_a_refused_save_keeps_the_figures_typed(
    qtbot: QtBot, page: ProductsPage, context: DeskContext
) -> None:
    page.new_product()
    qtbot.keyClicks(page.editor.ref, "H20")
    qtbot.keyClicks(page.editor.name, "A second H20")
    qtbot.keyClicks(page.editor.tpp, "9999")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already exists" in page.save_message.text(), timeout=5000)
    assert page.editor.name.text() == "A second H20"
    assert page.editor.tpp.text() == "9999"
    stored = get_product(context.db, "H20")
    assert stored is not None
    assert stored.tpp == 2_368


def test_editing_a_product_can_be_undone(
    qtbot: QtBot, page: ProductsPage, context: DeskContext
) -> None:
    assert page.select_ref("HGX-H100-8")
    assert page.editor.ics_per_unit.value() == 8
    page.editor.ics_per_unit.setValue(4)
    assert page.panel.unit_tpp.text() == "63,328"
    with qtbot.waitSignal(page.list_loaded, timeout=5000):
        page.save()
    assert row_of(page, "HGX-H100-8")["Unit TPP"] == "63,328"
    with qtbot.waitSignal(page.list_loaded, timeout=5000):
        context.undo_stack.undo()
    stored = get_product(context.db, "HGX-H100-8")
    assert stored is not None
    assert stored.ics_per_unit == 8
    assert row_of(page, "HGX-H100-8")["Unit TPP"] == "126,656"
    assert page.editor.ics_per_unit.value() == 8


def test_model_weights_are_classified_by_training_operations(
    qtbot: QtBot, page: ProductsPage
) -> None:
    page.new_product()
    editor = page.editor
    editor.kind.setCurrentIndex(editor.kind.findData(ProductKind.MODEL_WEIGHTS.value))
    qtbot.keyClicks(editor.training, "2e26")
    assert page.panel.eccn.text() == "4E091"
    # On the box itself: a check box stretched across the form only reacts there.
    box = QPoint(8, editor.published.height() // 2)
    qtbot.mouseClick(editor.published, Qt.MouseButton.LeftButton, pos=box)
    assert page.panel.eccn.text() == "Not controlled"
    assert "published" in page.panel.reason.text()
