"""The window shown until the officer's desk is built."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

PRODUCT_NAME = "Diffusion Desk"


class PlaceholderWindow(QMainWindow):
    """Names the product and points to the command line, which already works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(PRODUCT_NAME)
        self.setMinimumSize(640, 360)
        self.resize(800, 480)

        title = QLabel(PRODUCT_NAME)
        title.setObjectName("title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        subtitle = QLabel("Export compliance for AI chips under the AI Diffusion Framework")
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)

        message = QLabel(
            "The officer's desk arrives in a later release.\n"
            "The command line works now: diffusion-desk classify, tier, rulesets."
        )
        message.setObjectName("message")
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout()
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(24)
        layout.addWidget(message)
        layout.addStretch(2)
        central = QWidget(self)
        central.setLayout(layout)
        self.setCentralWidget(central)

        self.statusBar().showMessage(f"{PRODUCT_NAME} {_installed_version()} · placeholder window")


def _installed_version() -> str:
    try:
        return version("diffusion-desk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "(not installed)"
