"""A start-up probe: open the desk, say when its window first painted itself, and quit.

With ``DIFFUSION_DESK_QUIT_AFTER_FIRST_PAINT=1`` in the environment, the desk writes
``FIRST_PAINT_LINE`` on stderr as soon as the main window (or any widget in it) has received
its first paint event, then closes the window and leaves the event loop (exit status 0). The
bundle's smoke test uses it to open and close the real window offscreen; ``python -m bench
dist`` times start-up from the process's launch to that line. The desk reads no clock for it.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

QUIT_AFTER_FIRST_PAINT_ENV = "DIFFUSION_DESK_QUIT_AFTER_FIRST_PAINT"
FIRST_PAINT_LINE = "diffusion-desk: first paint"


class _FirstPaint(QObject):
    """Watches the application's events until one paints the window, then quits."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (
            not self._seen
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._seen = True
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            print(FIRST_PAINT_LINE, file=sys.stderr, flush=True)
            QTimer.singleShot(0, self._quit)
        return False

    def _quit(self) -> None:
        self._window.close()
        app = QApplication.instance()
        if app is not None:
            app.exit(0)


def quit_after_first_paint(window: QWidget) -> bool:
    """Arm the probe on ``window`` when the environment asks for it; whether it was armed."""
    if os.environ.get(QUIT_AFTER_FIRST_PAINT_ENV, "").strip() != "1":
        return False
    app = QApplication.instance()
    if app is None:
        return False
    app.installEventFilter(_FirstPaint(window))
    return True
