"""An amount against a limit, as a bar with the figures written on it."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressBar, QWidget

from domain.numbers import ZERO, exact
from gui.style import Tone, colour, tpp


class FigureBar(QProgressBar):
    """An amount against a limit: the bar, plus text saying the figures (never colour alone)."""

    SCALE = 10_000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, self.SCALE)
        self.setTextVisible(True)
        self.setMinimumHeight(24)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def set_figures(
        self, used: Decimal | float, limit: Decimal | float, text: str, *, warn_from: float = 0.9
    ) -> None:
        ratio = float(used) / float(limit) if limit > 0 else 0.0
        self.setValue(round(min(max(ratio, 0.0), 1.0) * self.SCALE))
        self.setFormat(text.replace("%", "%%"))
        # Soft fills keep the text on top readable; the words carry the meaning.
        fill = (
            Tone.FILL_OK
            if ratio < warn_from
            else (Tone.FILL_NEAR if ratio <= 1 else Tone.FILL_OVER)
        )
        self.setStyleSheet(
            f"QProgressBar {{ border:1px solid {colour(Tone.TRACK_BORDER)}; border-radius:3px;"
            f" background:{colour(Tone.TRACK)}; color:{colour(Tone.HEADING)}; font-weight:600; }}"
            f"QProgressBar::chunk {{ background:{colour(fill)}; }}"
        )


def used_text(used: Decimal | float, limit: Decimal | float, unit: str = "TPP") -> str:
    used, limit = exact(used), exact(limit)
    left = max(limit - used, ZERO)
    translate = QCoreApplication.translate
    text = translate("FigureBar", "{used} of {limit} {unit} used · {left} left").format(
        used=tpp(used), limit=tpp(limit), unit=unit, left=tpp(left)
    )
    if used > limit:
        text += " · " + translate("FigureBar", "over by {over}").format(over=tpp(used - limit))
    return text
