"""The placeholder window shown until the officer's desk is built."""

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from gui.placeholder_window import PlaceholderWindow


def test_placeholder_window_opens_titled_diffusion_desk(qtbot: QtBot) -> None:
    window = PlaceholderWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert window.isVisible()
    assert "Diffusion Desk" in window.windowTitle()


def test_placeholder_window_points_to_the_working_commands(qtbot: QtBot) -> None:
    window = PlaceholderWindow()
    qtbot.addWidget(window)

    shown = " ".join(label.text() for label in window.findChildren(QLabel))
    assert "later release" in shown
    for command in ("classify", "tier", "rulesets"):
        assert command in shown
    assert window.statusBar().currentMessage()


def test_placeholder_window_screenshot_is_a_non_empty_png(qtbot: QtBot, tmp_path: Path) -> None:
    window = PlaceholderWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    shot = tmp_path / "placeholder_window.png"
    assert window.grab().save(str(shot), "PNG")

    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 1000
