"""The screens in Simplified Chinese: the pages' translation, compiled from gui/i18n, reaches
the widgets at runtime (the contexts lupdate extracted are the ones the code asks for)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget
from pytestqt.qtbot import QtBot

from gui.context import DeskContext
from gui.pages.orders import OrdersPage
from gui.pages.paperwork.page import PaperworkPage
from gui.pages.parties.page import PartiesPage
from gui.pages.products.page import ProductsPage

SOURCE = Path(__file__).resolve().parents[2] / "gui" / "i18n" / "pages.zh_CN.ts"


def _lrelease() -> str | None:
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


@pytest.fixture
def chinese(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    tool = _lrelease()
    if tool is None:
        pytest.skip("pyside6-lrelease is not installed")
    compiled = tmp_path / "pages.zh_CN.qm"
    subprocess.run([tool, str(SOURCE), "-qm", str(compiled)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(compiled))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_every_message_of_the_pages_is_translated() -> None:
    root = ET.parse(SOURCE).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 300
    unfinished = [
        message.findtext("source")
        for message in messages
        if message.find("translation") is None
        or message.find("translation").get("type") == "unfinished"  # type: ignore[union-attr]
        or not (message.findtext("translation") or "").strip()
    ]
    assert unfinished == []


def test_orders_page_shows_its_actions_and_filters_in_chinese(
    qtbot: QtBot, context: DeskContext, chinese: None
) -> None:
    page = OrdersPage(context)
    qtbot.addWidget(page)
    assert page.title == "订单"
    assert page.new_action.text() == "新建订单…"
    assert page.check_all_action.text() == "检查所有待处理订单"
    assert page.outcome_filter.itemText(0) == "所有结果"
    assert page.outcome_filter.findText("需要处理") >= 0
    assert page.tier_filter.itemText(2) == "第 2 层级目的地"
    assert page.stop_button.text() == "停止"


def test_parties_page_and_its_inherited_editor_texts_are_chinese(
    qtbot: QtBot, context: DeskContext, chinese: None
) -> None:
    page = PartiesPage(context)
    qtbot.addWidget(page)
    assert page.title == "当事方"
    assert page.heading.text() == "未选择当事方"
    # Made by RecordEditorPage's methods, in that class's context, for a subclass.
    assert page.save_button.text() == "保存"
    assert page.new_action.text() == "新建当事方…"
    assert page.tabs.tabText(0) == "状况一览"
    headers = [page.model.headerData(column, Qt.Orientation.Horizontal) for column in range(7)]
    assert headers[:3] == ["编号", "名称", "所在地"]
    assert page.editor.role.itemText(0) == "最终用户"


def test_products_and_paperwork_pages_are_chinese(
    qtbot: QtBot, context: DeskContext, chinese: None
) -> None:
    products = ProductsPage(context)
    qtbot.addWidget(products)
    assert products.title == "产品"
    assert products.new_action.text() == "新建产品…"
    paperwork = PaperworkPage(context)
    qtbot.addWidget(paperwork)
    assert paperwork.title == "认证与许可证"
    tabs = paperwork.findChild(QTabWidget, "paperworkTabs")
    assert tabs is not None
    assert tabs.tabText(0).startswith("AIA 认证")
    assert paperwork.aia_model.headers[0] == "收货人"
    assert paperwork.record_lpp.text() == "记录 LPP 认证…"


def test_without_the_translator_the_pages_stay_english(qtbot: QtBot, context: DeskContext) -> None:
    page = OrdersPage(context)
    qtbot.addWidget(page)
    assert page.title == "Orders"
    assert page.new_action.text() == "New order…"
    assert page.findChildren(QLabel)  # built as before


def test_documents_screening_audit_and_quotas_pages_are_chinese(
    qtbot: QtBot, context: DeskContext, chinese: None
) -> None:
    from gui.pages.audit import AuditPage
    from gui.pages.documents.page import DocumentsPage
    from gui.pages.quotas import QuotasPage
    from gui.pages.screening.page import ScreeningPage

    documents = DocumentsPage(context)
    qtbot.addWidget(documents)
    assert documents.title == "文件"
    # Headers marked at class level in the model's own context, translated per instance.
    assert documents.model.headers[:2] == ("编号", "文件")
    screening = ScreeningPage(context)
    qtbot.addWidget(screening)
    assert screening.title == "筛查"
    assert screening.import_button.text() == "导入名单(&I)…"
    # Module-level columns, marked in the "ScreeningQueue" context.
    assert screening.queue_model.headers[0] == "当事方"
    audit = AuditPage(context)
    qtbot.addWidget(audit)
    assert audit.verify_button.text() == "验证记录"
    assert audit.entity.itemText(0) == "所有记录"
    quotas = QuotasPage(context)
    qtbot.addWidget(quotas)
    assert quotas.title == "配额"
    assert quotas.allocations.heading.text() == "第 2 层级国家分配额"
