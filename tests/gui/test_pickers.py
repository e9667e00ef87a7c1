"""Pickers find a record however its name is typed: without case, accents or umlauts."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from gui.kit.pickers import RefEdit


def _picker(qtbot: QtBot) -> RefEdit:
    edit = RefEdit()
    qtbot.addWidget(edit)
    edit.set_entries(
        [
            ("DE-MUELLER", "Müller & Söhne Rechenzentren GmbH"),
            ("BR-IPE", "Ipê Computação em Nuvem Ltda."),
            ("SG-LIONCITY", "Lion City AI Pte. Ltd."),
        ]
    )
    edit.show()
    return edit


def test_a_name_typed_without_accents_names_the_party(qtbot: QtBot) -> None:
    edit = _picker(qtbot)
    for typed in ("muller & sohne rechenzentren gmbh", "MÜLLER & SÖHNE RECHENZENTREN GMBH"):
        edit.setText(typed)
        assert edit.resolve() == "DE-MUELLER"
    edit.setText("de-mueller")
    assert edit.resolve() == "DE-MUELLER"


def test_completion_offers_the_entry_for_a_fragment_without_accents(qtbot: QtBot) -> None:
    edit = _picker(qtbot)
    completer = edit.completer()
    for typed, expected in (
        ("muller", "Müller & Söhne Rechenzentren GmbH (DE-MUELLER)"),
        ("mueller", "Müller & Söhne Rechenzentren GmbH (DE-MUELLER)"),
        ("computacao", "Ipê Computação em Nuvem Ltda. (BR-IPE)"),
    ):
        completer.setCompletionPrefix(completer.splitPath(typed)[0])
        offered = [
            completer.pathFromIndex(completer.completionModel().index(row, 0))
            for row in range(completer.completionCount())
        ]
        assert offered == [expected], typed
