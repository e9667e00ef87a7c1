"""`open_window`, which `diffusion-desk` without a command runs."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.desktop import open_window
from gui.placeholder_window import PlaceholderWindow


def test_open_window_shows_the_desk_and_returns_the_event_loop_exit_code(qtbot: QtBot) -> None:
    seen: list[PlaceholderWindow] = []

    def look_then_quit() -> None:
        seen.extend(
            widget
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, PlaceholderWindow) and widget.isVisible()
        )
        for widget in seen:
            widget.close()
        QApplication.exit(0)

    QTimer.singleShot(0, look_then_quit)

    assert open_window([]) == 0
    assert len(seen) == 1
    assert QApplication.applicationName() == "Diffusion Desk"
