"""The window reads on a dark desktop as well as a light one.

Colours come from one place (``gui/style.py``) by role; every text role keeps WCAG AA contrast
(4.5:1) on the backgrounds it is drawn on, in both palettes, and no label of any screen keeps a
light-desktop colour on a dark window.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from gui import style
from gui.context import DeskContext
from gui.main_window import MainWindow
from gui.pages.registry import page_factories
from gui.style import Tone

GUI = Path(style.__file__).parent
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
AA = 4.5


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(one: QColor | str, other: QColor | str) -> float:
    a, b = sorted((_luminance(QColor(one)), _luminance(QColor(other))), reverse=True)
    return (a + 0.05) / (b + 0.05)


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[QPalette]:
    before = qapp.palette()
    palette = style.dark_palette()
    qapp.setPalette(palette)
    yield palette
    qapp.setPalette(before)


def test_no_module_of_the_window_but_the_style_writes_a_colour() -> None:
    found = [
        f"{path.relative_to(GUI.parent)}:{number}: {line.strip()}"
        for path in sorted(GUI.rglob("*.py"))
        if path.name != "style.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if HEX.search(line)
    ]
    assert found == []


TEXT_TONES = (Tone.HEADING, Tone.TEXT, Tone.HINT, Tone.ERROR, Tone.WARNING, Tone.OK, Tone.INFO)
BOXES = (
    (Tone.ERROR, Tone.PROBLEM_BG),
    (Tone.OK, Tone.OK_BG),
    (Tone.WARNING, Tone.WARNING_BG),
    (Tone.TEXT, Tone.NOTE_BG),
    (Tone.HEADING, Tone.FILL_OK),
    (Tone.HEADING, Tone.FILL_NEAR),
    (Tone.HEADING, Tone.FILL_OVER),
    (Tone.HEADING, Tone.TRACK),
    (Tone.SELECTED_TEXT, Tone.SELECTED),
)


@pytest.mark.parametrize("is_dark", [False, True], ids=["light", "dark"])
def test_every_text_role_reads_on_its_backgrounds(qapp: QApplication, is_dark: bool) -> None:
    palette = style.dark_palette() if is_dark else qapp.style().standardPalette()
    table = style._DARK if is_dark else style._LIGHT
    window = palette.color(QPalette.ColorRole.Window)
    base = palette.color(QPalette.ColorRole.Base)
    low = []
    for tone in TEXT_TONES:
        for name, background in (
            ("window", window),
            ("base", base),
            ("panel", QColor(table[Tone.PANEL])),
            ("card", QColor(table[Tone.CARD])),
        ):
            ratio = contrast(table[tone], background)
            if ratio < AA:
                low.append(f"{tone} on {name}: {ratio:.2f}")
    for text, background in BOXES:
        ratio = contrast(table[text], table[background])
        if ratio < AA:
            low.append(f"{text} on {background}: {ratio:.2f}")
    outcomes = style._OUTCOME_DARK if is_dark else style._OUTCOME_LIGHT
    for outcome, (background, text) in outcomes.items():
        ratio = contrast(text, background)
        if ratio < AA:
            low.append(f"badge {outcome}: {ratio:.2f}")
    assert low == []


def test_the_style_follows_the_desktop_palette(qapp: QApplication, dark: QPalette) -> None:
    assert style.is_dark()
    assert style.colour(Tone.HEADING) == style._DARK[Tone.HEADING]
    assert style.badge_colours("prohibited")[1] == QColor(style._OUTCOME_DARK["prohibited"][1])
    qapp.setPalette(qapp.style().standardPalette())
    assert not style.is_dark()
    assert style.colour(Tone.HEADING) == style._LIGHT[Tone.HEADING]


_COLOUR = re.compile(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{6})")
_BACKGROUND = re.compile(r"background:\s*(#[0-9a-fA-F]{6})")


def test_every_screen_reads_in_a_dark_palette(
    qtbot: QtBot, desk: DeskContext, dark: QPalette
) -> None:
    window = MainWindow(desk, page_factories())
    qtbot.addWidget(window)
    window.show()
    page_background = dark.color(QPalette.ColorRole.Window)
    low = []
    for number in range(len(window.pages)):
        window.navigation.setCurrentRow(number)
        qtbot.wait(20)
    for label in window.findChildren(QLabel):
        sheet = label.styleSheet()
        text = _COLOUR.search(sheet)
        if text is None:
            continue
        own = _BACKGROUND.search(sheet)
        background = QColor(own.group(1)) if own else page_background
        ratio = contrast(text.group(1), background)
        if ratio < AA:
            low.append(f"{label.objectName() or label.text()[:40]!r}: {ratio:.2f}")
    assert low == []
    navigation = window.navigation.styleSheet()
    text = re.search(r"QListWidget#navigation \{[^}]*?(?<![-\w])color:(#\w+)", navigation)
    background = re.search(r"QListWidget#navigation \{[^}]*?background:(#\w+)", navigation)
    assert text
    assert background
    assert contrast(text.group(1), background.group(1)) >= AA
