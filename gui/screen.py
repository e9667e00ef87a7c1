"""Windows that fit the screen they open on: an officer's laptop (1366x768), a 1024x700
window, a 1920x1080 screen at 1.5x scale (1280x720 logical)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 24
"""Room left around a window for the desktop's panels and the window's frame."""


def available_size(widget: QWidget) -> tuple[int, int]:
    """The logical size of the screen the widget is on, less what the desktop takes."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    return area.width(), area.height()


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Open at the preferred ``width`` x ``height``, or smaller where the screen is: never
    larger than the screen, so every button stays reachable."""
    screen_width, screen_height = available_size(widget)
    widget.resize(
        max(min(width, screen_width - MARGIN), 200), max(min(height, screen_height - MARGIN), 200)
    )


def cap_minimum(widget: QWidget, width: int, height: int) -> None:
    """A minimum size, lowered to what the screen can show."""
    screen_width, screen_height = available_size(widget)
    widget.setMinimumSize(min(width, screen_width - MARGIN), min(height, screen_height - MARGIN))
