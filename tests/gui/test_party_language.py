"""The party form's correspondence language: shown, chosen with the keyboard, saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from domain.model import Language
from domain.services.catalog_views import get_party
from gui.context import DeskContext
from gui.pages.parties.page import PartiesPage
from tests.gui.test_parties_page import context, open_party, page

__all__ = ["context", "page"]  # the fixtures, shared with the parties page's tests


def test_an_officer_sets_a_party_to_read_chinese_and_it_is_saved(
    qtbot: QtBot, page: PartiesPage, context: DeskContext
) -> None:
    open_party(qtbot, page, "IN-DECCAN")
    page.tabs.setCurrentIndex(1)
    combo = page.editor.language
    assert combo.currentText() == "English"
    assert combo.accessibleName() == "Correspondence language"
    assert [combo.itemText(index) for index in range(combo.count())] == ["English", "简体中文"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "简体中文"
    assert page.revert_button.isEnabled()
    with qtbot.waitSignal(page.party_saved, timeout=5000):
        qtbot.keyClick(combo, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = get_party(context.db, "IN-DECCAN")
    assert stored is not None
    assert stored.language is Language.ZH_CN
    context.undo_stack.undo()  # through the write path, off the window's thread

    def back_in_english() -> bool:
        party = get_party(context.db, "IN-DECCAN")
        return party is not None and party.language is Language.EN

    qtbot.waitUntil(back_in_english, timeout=5000)
    qtbot.waitUntil(lambda: page.editor.language.currentData() == Language.EN.value, timeout=5000)
