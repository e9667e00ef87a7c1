"""Starts the desktop window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from gui.placeholder_window import PRODUCT_NAME, PlaceholderWindow

ORGANIZATION_NAME = "Diffusion Desk"


def open_window(argv: list[str]) -> int:
    """Create the application, show the window and run the event loop; return its exit code."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    # Set once, here: QSettings and the platform's data folders derive from these names.
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setApplicationName(PRODUCT_NAME)
    window = PlaceholderWindow()
    window.show()
    return app.exec()
