"""Shared look: outcome badges (colour plus words, never colour alone), number formats."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from domain.decision import Outcome

OUTCOME_COLOURS: dict[str, tuple[str, str]] = {
    # (background, text): text contrast checked against WCAG AA.
    Outcome.NO_LICENSE_REQUIRED.value: ("#e3f2e8", "#1b5e20"),
    Outcome.AUTHORIZED.value: ("#d7f0dd", "#14532d"),
    Outcome.LICENSE_REQUIRED.value: ("#fff1cc", "#7a4b00"),
    Outcome.HOLD.value: ("#ffe0b8", "#8a3b00"),
    Outcome.PROHIBITED.value: ("#fbd5d5", "#8b1111"),
    "pending": ("#e8eaf0", "#34405a"),
    "cancelled": ("#eeeeee", "#555555"),
}

OUTCOME_SYMBOLS: dict[str, str] = {
    Outcome.NO_LICENSE_REQUIRED.value: "✓",
    Outcome.AUTHORIZED.value: "✓",
    Outcome.LICENSE_REQUIRED.value: "!",
    Outcome.HOLD.value: "‖",
    Outcome.PROHIBITED.value: "✕",
    "pending": "…",
    "cancelled": "—",
}


def outcome_label(value: str | None) -> str:
    if value is None:
        return "Pending"
    if value == "cancelled":
        return "Cancelled"
    return Outcome(value).label


def badge_text(value: str | None) -> str:
    key = value or "pending"
    return f"{OUTCOME_SYMBOLS.get(key, '')} {outcome_label(value)}"


def badge_colours(value: str | None) -> tuple[QColor, QColor]:
    background, text = OUTCOME_COLOURS.get(value or "pending", OUTCOME_COLOURS["pending"])
    return QColor(background), QColor(text)


def badge_stylesheet(value: str | None) -> str:
    background, text = OUTCOME_COLOURS.get(value or "pending", OUTCOME_COLOURS["pending"])
    return (
        f"background:{background}; color:{text}; border:1px solid {text}; border-radius:4px;"
        "padding:3px 10px; font-weight:600;"
    )


def tpp(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def percent(value: float) -> str:
    return f"{value * 100:.1f} %"


WARNING_STYLE = "background:#fff4d6; color:#5c3d00; border:1px solid #e0b84d; padding:4px 8px;"


def dark_palette() -> QPalette:
    """A dark desktop palette (as a dark system theme gives): the window is checked in it, so
    text the desk colours itself stays readable on dark backgrounds too."""
    palette = QPalette()
    window, base, text = QColor("#2b2d31"), QColor("#1f2023"), QColor("#e8e8ea")
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, QColor("#26282c")),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, QColor("#35373c")),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.ToolTipBase, QColor("#35373c")),
        (QPalette.ColorRole.ToolTipText, text),
        (QPalette.ColorRole.PlaceholderText, QColor("#9a9ca3")),
        (QPalette.ColorRole.Highlight, QColor("#3d6bb3")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
        (QPalette.ColorRole.Link, QColor("#8ab4f8")),
        (QPalette.ColorRole.Mid, QColor("#4a4c52")),
    ):
        palette.setColor(role, colour)
    return palette
