"""The user guide: the same pages in English and Chinese, every finding code explained in
both, F1 on each screen opening its page, the Chinese pages for a Chinese window, and a
guide found beside a bundled program."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt, QUrl
from pytestqt.qtbot import QtBot

from domain.csvio import CsvKind
from domain.rules.codes import FindingCode
from domain.services.field_audit import export_kit
from domain.services.transfer import import_file
from gui.context import DeskContext
from gui.help import AboutDialog, GuideDialog, version
from gui.help.guide import (
    CHINESE,
    ENGLISH,
    SCREEN_TOPICS,
    TOPICS,
    guide_language,
    guide_pages,
    guide_root,
    topic_for,
)
from gui.main_window import MainWindow
from gui.pages.registry import page_factories
from storage.desk_key import DeskKey
from storage.kit_file import write_kit

LANGUAGES = (ENGLISH, CHINESE)


def small_kit(context: DeskContext, tmp_path: Path) -> Path:
    """A signed kit for one site with three serials expected."""
    rows = {
        CsvKind.PARTIES: "ref,name,aliases,address,country,hq_country,parent_name,"
        "parent_hq_country,role,veu,veu_country,veu_id\n"
        "SG-A,Lion City Compute,,1 Fusionopolis Way,SG,SG,,,,,,\n",
        CsvKind.PRODUCTS: "ref,name,kind,tpp,die_area_mm2,datacenter,ics_per_unit,"
        "training_operations,published\nH100,NVIDIA H100 SXM,ic,15832,814,true,1,,false\n",
        CsvKind.ORDERS: "ref,date,consignee_ref,end_user_ref,destination,product_ref,quantity\n"
        "SO-1,2026-03-02,SG-A,,,H100,3\n",
        CsvKind.SHIPMENTS: "order_ref,shipment_ref,shipped_on,product_ref,serial\n"
        + "".join(f"SO-1,SHP-1,2026-03-10,H100,SN-{n}\n" for n in range(3)),
    }
    for kind, text in rows.items():
        import_file(context.db, kind, text.encode(), source=f"{kind.value}.csv", actor="o")
    key = DeskKey.for_database(tmp_path / "desk.sqlite3")
    contents, signature = export_kit(
        context.db, context.catalog, "SG-A", "Singapore DC-1", actor="o", signer=key
    )
    path = tmp_path / "site.ddkit"
    write_kit(path, contents, signature)
    return path


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_page_and_no_other(language: str) -> None:
    folder = guide_root() / language
    assert sorted(path.stem for path in folder.glob("*.md")) == sorted(TOPICS)
    for page in guide_pages(language):
        assert page.title != page.topic, f"{language}/{page.topic}.md has no # title"
        for link in re.findall(r"\]\(([^)#]+\.md)", page.markdown):
            assert link.removesuffix(".md") in TOPICS, f"{language}/{page.topic}.md: {link}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_finding_code_is_explained_in_both_languages(language: str) -> None:
    findings = (guide_root() / language / "findings.md").read_text(encoding="utf-8")
    headings = re.findall(r"^### `([a-z0-9_]+)`", findings, flags=re.MULTILINE)
    missing = [code.value for code in FindingCode if code.value not in headings]
    assert missing == [], f"{language}/findings.md does not explain {missing}"
    assert sorted(headings) == sorted(code.value for code in FindingCode)
    what_to_do = {ENGLISH: "**What to do:**", CHINESE: "**应对方法**："}[language]
    for block in re.split(r"^### ", findings, flags=re.MULTILINE)[1:]:
        heading, *lines = block.strip().splitlines()
        body = " ".join(lines)
        assert what_to_do in body, f"{language}: {heading} does not say what to do"
        assert len(body) > 50, f"{language}: too little said about {heading}"


def _window_texts(language: str) -> str:
    """Every text of the window in ``language`` (the translations' sources or their Chinese),
    as shown: mnemonics taken out, the product named."""
    shown: list[str] = []
    for path in sorted((Path(__file__).resolve().parents[2] / "gui" / "i18n").glob("*.ts")):
        for message in ElementTree.parse(path).getroot().iter("message"):
            element = message.find("source" if language == ENGLISH else "translation")
            text = element.text if element is not None and element.text else ""
            text = re.sub(r"\(&\w\)", "", text).replace("&&", "\0")
            text = re.sub(r"&(?=\w)", "", text).replace("\0", "&")
            shown.append(text.replace("{product}", "Diffusion Desk"))
    return "\n".join(shown)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_button_and_menu_the_guide_names_is_what_the_window_says(language: str) -> None:
    # A guide that says "click **Sign off the visit…**" must name the button as it reads in the
    # window of that language, or an officer looks for a button that is not there.
    shown = _window_texts(language)
    wrong = []
    for page in guide_pages(language):
        for named in re.findall(r"\*\*([^*]+)\*\*", page.markdown):
            named = " ".join(named.split())
            if not (named.endswith("…") or "›" in named):
                continue  # only buttons opening a dialog and menu paths: surely the window's
            wrong += [
                f"{page.topic}.md: {part}"
                for part in (part.strip() for part in named.split("›"))
                if part not in shown
            ]
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_page_shows_markdown_marks_as_text(qapp: object, language: str) -> None:
    """Bold next to Chinese punctuation is easily left unread by Markdown (``**应对方法：**不``):
    every page is rendered as the window renders it and must show no ``**``."""
    from PySide6.QtGui import QTextDocument

    for page in guide_pages(language):
        document = QTextDocument()
        document.setMarkdown(page.markdown)
        shown = document.toPlainText()
        assert "**" not in shown, f"{language}/{page.topic}.md shows ** as text"
        stray = re.findall(r"[\u4e00-\u9fff，。；：、）] [\u4e00-\u9fff（]", shown)
        assert stray == [], f"{language}/{page.topic}.md: spaces inside Chinese text {stray}"


def test_the_chinese_pages_are_written_in_chinese() -> None:
    for page in guide_pages(CHINESE):
        han = len(re.findall(r"[\u4e00-\u9fff]", page.markdown))
        assert han > 150, f"zh_CN/{page.topic}.md reads as untranslated ({han} characters)"


def test_f1_on_each_screen_opens_its_page(qtbot: QtBot, demo_context: DeskContext) -> None:
    window = MainWindow(demo_context, page_factories())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert {topic_for(page) for page in window.pages} == set(SCREEN_TOPICS.values()) - {
        "field-audit"
    }
    for index, page in enumerate(window.pages):
        window.show_page(index)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window.navigation, Qt.Key.Key_F1)
        guide = window.findChild(GuideDialog)
        assert guide is not None
        qtbot.waitUntil(guide.isVisible)
        assert guide.current_topic == topic_for(page)
        title = guide.contents.currentItem().text()
        assert guide.text.toPlainText().startswith(title)
        guide.close()
        guide.deleteLater()
        qtbot.waitUntil(lambda: window.findChild(GuideDialog) is None)


def test_f1_in_the_field_audit_window_opens_the_field_audit_page(
    qtbot: QtBot, context: DeskContext, tmp_path: Path
) -> None:
    window = MainWindow(context, page_factories())
    qtbot.addWidget(window)
    kit = window.open_kit(small_kit(context, tmp_path))
    assert kit is not None
    qtbot.waitExposed(kit)
    kit.activateWindow()
    qtbot.waitUntil(kit.isActiveWindow)
    qtbot.keyClick(kit.focusWidget() or kit, Qt.Key.Key_F1)
    guide = kit.findChild(GuideDialog)
    assert guide is not None
    assert guide.current_topic == "field-audit"
    assert "Sign off the visit" in guide.text.toPlainText()
    guide.close()
    kit.close()


def test_the_guide_is_in_chinese_when_the_window_is(qtbot: QtBot) -> None:
    settings = QSettings()
    settings.setValue("ui/language", "zh_CN")
    assert guide_language() == CHINESE
    guide = GuideDialog(topic="orders")
    qtbot.addWidget(guide)
    assert guide.language == CHINESE
    assert guide.contents.currentItem().text() == "订单"
    assert "检查所有待处理订单" in guide.text.toPlainText()
    settings.setValue("ui/language", "en")
    assert guide_language() == ENGLISH
    settings.setValue("ui/language", "system")
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        assert guide_language() == CHINESE
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert guide_language() == ENGLISH


def test_the_guide_is_found_beside_a_bundled_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = tmp_path / "bundle" / "docs" / "guide"
    (bundled / ENGLISH).mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle"), raising=False)
    assert guide_root() == bundled
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "elsewhere"), raising=False)
    assert guide_root() == Path(__file__).resolve().parents[2] / "docs" / "guide"


def test_a_search_keeps_the_pages_that_mention_it(qtbot: QtBot) -> None:
    guide = GuideDialog(language=ENGLISH)
    qtbot.addWidget(guide)
    with qtbot.waitSignal(guide.search.search_requested, timeout=2000):
        qtbot.keyClicks(guide.search, "pgpass")
    assert [guide.contents.item(r).text() for r in range(guide.contents.count())] == [
        "Several officers on PostgreSQL"
    ]
    guide.search.clear()
    guide.search.request()
    guide.show_topic("introduction")
    guide.text.anchorClicked.emit(QUrl("findings.md"))  # a link between pages
    assert guide.current_topic == "findings"


def test_about_shows_version_ruleset_database_and_log(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    window = MainWindow(demo_context, page_factories())
    qtbot.addWidget(window)
    dialog = window.open_about()
    assert isinstance(dialog, AboutDialog)
    text = dialog.text.text()
    ruleset = demo_context.ruleset_today()
    assert version() in text
    assert ruleset.id in text
    assert ruleset.effective_from.isoformat() in text
    assert demo_context.connection.description in text
    assert str(demo_context.log_file) in text
    assert "Qt " in text
    assert "Python " in text
    dialog.close()


def test_the_help_windows_speak_chinese_with_the_help_translation(
    qtbot: QtBot, demo_context: DeskContext, tmp_path: Path
) -> None:
    import subprocess

    from PySide6.QtCore import QCoreApplication, QTranslator

    source = Path(__file__).resolve().parents[2] / "gui" / "i18n" / "help.zh_CN.ts"
    compiled = tmp_path / "help.zh_CN.qm"
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(source), "-qm", str(compiled)], check=True)
    translator = QTranslator()
    assert translator.load(str(compiled))
    QCoreApplication.installTranslator(translator)
    try:
        window = MainWindow(demo_context, page_factories())
        qtbot.addWidget(window)
        guide = GuideDialog(window, topic="findings", language=CHINESE)
        assert guide.windowTitle() == "Diffusion Desk：用户指南"
        assert guide.current_topic == "findings"
        assert guide.contents.currentItem().text() == "审查结论代码"
        about = window.open_about()
        assert about.windowTitle() == "关于 Diffusion Desk"
        assert isinstance(about, AboutDialog)
        assert "今天（2026-" in about.text.text()
        shortcuts = window.open_shortcuts()
        assert "所有界面" in {
            shortcuts.table.item(row, 2).text() for row in range(shortcuts.table.rowCount())
        }
        for dialog in (guide, about, shortcuts):
            dialog.close()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_missing_guide_is_said_in_the_window_not_raised(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gui.help.guide as guide_module

    def nowhere() -> Path:
        raise FileNotFoundError("the user guide is not installed; looked in /nowhere")

    monkeypatch.setattr(guide_module, "guide_root", nowhere)
    guide = GuideDialog(language=ENGLISH)
    qtbot.addWidget(guide)
    assert guide.contents.count() == 0
    assert "looked in /nowhere" in guide.problem.text()
    assert not guide.problem.isHidden()


def test_f1_in_a_dialog_opens_the_page_of_its_screen(
    qtbot: QtBot, demo_context: DeskContext
) -> None:
    from PySide6.QtWidgets import QDialog

    from gui.order_form import NewOrderDialog
    from gui.pages.documents.page import DocumentsPage
    from gui.pages.orders import OrdersPage

    window = MainWindow(demo_context, page_factories())
    qtbot.addWidget(window)
    window.show()
    window.show_page(window.pages.index(window.page(DocumentsPage)))
    orders = window.page(OrdersPage)
    opened: list[tuple[Callable[[], QDialog], str]] = [
        (lambda: NewOrderDialog(demo_context, orders), "orders"),  # from the Orders screen
        (window.open_about, "documents"),  # from the menus: the screen in front
    ]
    for open_dialog, topic in opened:
        dialog = open_dialog()
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        dialog.focusNextChild()
        qtbot.waitUntil(lambda d=dialog: d.property("guideKeyGiven") is True, timeout=3000)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_F1)
        guide = dialog.findChild(GuideDialog)
        assert guide is not None
        assert guide.current_topic == topic
        guide.close()
        dialog.close()
