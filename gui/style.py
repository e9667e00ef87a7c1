"""Shared look: colours by role (light and dark desktops), outcome badges (colour plus words,
never colour alone), number formats.

No other module of the window writes a colour: each asks for a role (``Tone``) and gets the
shade that reads on the desktop's palette. The dark shades are checked the same way as the
light ones (text against its background at WCAG AA, 4.5:1).
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from domain.decision import Outcome
from gui.kit import numbers
from gui.kit.numbers import grouped


class Tone(StrEnum):
    """What a colour says; its shade depends on the palette."""

    HEADING = "heading"  # titles and headings
    TEXT = "text"  # secondary body text: counts, party lines, hashes
    HINT = "hint"  # captions, explanations, "nothing here yet"
    ERROR = "error"  # what stops the officer
    WARNING = "warning"  # what the officer should look at
    OK = "ok"  # what went right
    INFO = "info"  # neutral notes
    LINK = "link"  # an ECCN or a reference the officer can follow
    BORDER = "border"  # frames of panels and cards
    PANEL = "panel"  # background of a side panel or a preview
    CARD = "card"  # background of a card on a panel
    NOTE_BG = "note_bg"
    NOTE_BORDER = "note_border"
    PROBLEM_BG = "problem_bg"
    PROBLEM_BORDER = "problem_border"
    OK_BG = "ok_bg"
    WARNING_BG = "warning_bg"
    WARNING_BORDER = "warning_border"
    SELECTED = "selected"  # the selected page in the sidebar
    SELECTED_TEXT = "selected_text"
    TRACK = "track"  # the empty part of a gauge
    TRACK_BORDER = "track_border"
    FILL_OK = "fill_ok"  # a gauge well within its limit
    FILL_NEAR = "fill_near"  # a gauge near its limit
    FILL_OVER = "fill_over"  # a gauge at or over its limit
    PAPER_SURROUND = "paper_surround"  # around a page in the preview


_LIGHT: dict[Tone, str] = {
    Tone.HEADING: "#1f2a3c",
    Tone.TEXT: "#3a4456",
    Tone.HINT: "#4f5869",
    Tone.ERROR: "#8b1111",
    Tone.WARNING: "#7a4b00",
    Tone.OK: "#14532d",
    Tone.INFO: "#34405a",
    Tone.LINK: "#1f3f73",
    Tone.BORDER: "#d5dae3",
    Tone.PANEL: "#f6f8fb",
    Tone.CARD: "#ffffff",
    Tone.NOTE_BG: "#eef3fb",
    Tone.NOTE_BORDER: "#b8c9e6",
    Tone.PROBLEM_BG: "#fbd5d5",
    Tone.PROBLEM_BORDER: "#e3a0a0",
    Tone.OK_BG: "#d7f0dd",
    Tone.WARNING_BG: "#fff4d6",
    Tone.WARNING_BORDER: "#e0b84d",
    Tone.SELECTED: "#1f4e8c",
    Tone.SELECTED_TEXT: "#ffffff",
    Tone.TRACK: "#f4f6f9",
    Tone.TRACK_BORDER: "#b9c0cc",
    Tone.FILL_OK: "#a8dcb5",
    Tone.FILL_NEAR: "#f3c46a",
    Tone.FILL_OVER: "#ef9a9a",
    Tone.PAPER_SURROUND: "#8a919e",
}

_DARK: dict[Tone, str] = {
    Tone.HEADING: "#eef1f6",
    Tone.TEXT: "#cdd3dd",
    Tone.HINT: "#aab1bd",
    Tone.ERROR: "#ff9c94",
    Tone.WARNING: "#f5c66b",
    Tone.OK: "#8fd19e",
    Tone.INFO: "#b5c7e8",
    Tone.LINK: "#9cc0ff",
    Tone.BORDER: "#4a4f58",
    Tone.PANEL: "#26282c",
    Tone.CARD: "#2f3237",
    Tone.NOTE_BG: "#1f2b3e",
    Tone.NOTE_BORDER: "#3d5a88",
    Tone.PROBLEM_BG: "#45201f",
    Tone.PROBLEM_BORDER: "#9a4a48",
    Tone.OK_BG: "#1c3a25",
    Tone.WARNING_BG: "#3b2f12",
    Tone.WARNING_BORDER: "#8a6d1f",
    Tone.SELECTED: "#3d6bb3",
    Tone.SELECTED_TEXT: "#ffffff",
    Tone.TRACK: "#2a2c30",
    Tone.TRACK_BORDER: "#5a5f69",
    Tone.FILL_OK: "#2f6b40",
    Tone.FILL_NEAR: "#75591a",
    Tone.FILL_OVER: "#8c3a3a",
    Tone.PAPER_SURROUND: "#3a3d43",
}


def is_dark(palette: QPalette | None = None) -> bool:
    """Whether the desktop's palette is a dark one (light text on a dark window)."""
    if palette is None:
        if QGuiApplication.instance() is None:
            return False
        palette = QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return window.lightness() < text.lightness()


def colour(tone: Tone) -> str:
    """The shade of ``tone`` on the current palette, as ``#rrggbb`` for a style sheet."""
    return (_DARK if is_dark() else _LIGHT)[tone]


def qcolour(tone: Tone) -> QColor:
    return QColor(colour(tone))


def text_style(tone: Tone, extra: str = "") -> str:
    """A label's style sheet: its text in ``tone`` (plus any ``extra`` declarations)."""
    return f"color:{colour(tone)};{(' ' + extra) if extra else ''}"


def hint_style(extra: str = "") -> str:
    return text_style(Tone.HINT, extra)


def error_style(extra: str = "") -> str:
    return text_style(Tone.ERROR, extra)


def heading_style(size_pt: float | None = None, extra: str = "") -> str:
    size = f" font-size:{size_pt:g}pt;" if size_pt else ""
    return f"font-weight:600;{size} color:{colour(Tone.HEADING)};{(' ' + extra) if extra else ''}"


def note_style() -> str:
    """A boxed note: a preview's explanation, a red flag's answer."""
    return (
        f"background:{colour(Tone.NOTE_BG)}; color:{colour(Tone.TEXT)};"
        f" border:1px solid {colour(Tone.NOTE_BORDER)}; padding:6px;"
    )


def problem_style(padding: str = "6px") -> str:
    """A boxed problem: what must be put right before going on."""
    return (
        f"background:{colour(Tone.PROBLEM_BG)}; color:{colour(Tone.ERROR)};"
        f" border:1px solid {colour(Tone.PROBLEM_BORDER)}; padding:{padding};"
    )


def ok_box_style(padding: str = "6px") -> str:
    return (
        f"background:{colour(Tone.OK_BG)}; color:{colour(Tone.OK)};"
        f" border:1px solid {colour(Tone.OK)}; padding:{padding};"
    )


def warning_style(extra: str = "") -> str:
    """A boxed warning: a ruleset not yet in force, an unset letterhead."""
    return (
        f"background:{colour(Tone.WARNING_BG)}; color:{colour(Tone.WARNING)};"
        f" border:1px solid {colour(Tone.WARNING_BORDER)}; padding:4px 8px;"
        f"{(' ' + extra) if extra else ''}"
    )


def panel_style(name: str, background: Tone = Tone.PANEL, radius: int = 4) -> str:
    """A named frame's box: its background and border, children left unframed."""
    return (
        f"QFrame#{name} {{ background:{colour(background)}; border:1px solid {colour(Tone.BORDER)};"
        f" border-radius:{radius}px; }}"
    )


# Chart series: the Okabe-Ito colour-blind-safe blue, orange and sky blue read on both palettes.
CHART_OURS = "#0072b2"
CHART_OTHERS = "#e69f00"
CHART_EXTRA = "#56b4e9"


_OUTCOME_LIGHT: dict[str, tuple[str, str]] = {
    # (background, text): text contrast checked against WCAG AA.
    Outcome.NO_LICENSE_REQUIRED.value: ("#e3f2e8", "#1b5e20"),
    Outcome.AUTHORIZED.value: ("#d7f0dd", "#14532d"),
    Outcome.LICENSE_REQUIRED.value: ("#fff1cc", "#7a4b00"),
    Outcome.HOLD.value: ("#ffe0b8", "#8a3b00"),
    Outcome.PROHIBITED.value: ("#fbd5d5", "#8b1111"),
    "pending": ("#e8eaf0", "#34405a"),
    "cancelled": ("#eeeeee", "#555555"),
}

_OUTCOME_DARK: dict[str, tuple[str, str]] = {
    Outcome.NO_LICENSE_REQUIRED.value: ("#1d3a26", "#a5dcb2"),
    Outcome.AUTHORIZED.value: ("#1a3d25", "#9be0ad"),
    Outcome.LICENSE_REQUIRED.value: ("#3d3112", "#f5cf7a"),
    Outcome.HOLD.value: ("#45290f", "#f7b77a"),
    Outcome.PROHIBITED.value: ("#4a1c1c", "#ffa59e"),
    "pending": ("#2c313c", "#c3cde0"),
    "cancelled": ("#333333", "#bbbbbb"),
}

OUTCOME_COLOURS = _OUTCOME_LIGHT
"""The light shades (kept for the contrast test and for paper-like surfaces)."""


def outcome_colours(value: str | None) -> tuple[str, str]:
    """(background, text) of an outcome's badge on the current palette."""
    table = _OUTCOME_DARK if is_dark() else _OUTCOME_LIGHT
    return table.get(value or "pending", table["pending"])


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
    """An outcome as the window names it, in the window's language (the domain's label in
    English)."""
    translate = QCoreApplication.translate
    labels = {
        "pending": translate("Outcome", "Pending"),
        "cancelled": translate("Outcome", "Cancelled"),
        Outcome.NO_LICENSE_REQUIRED.value: translate("Outcome", "No licence required"),
        Outcome.AUTHORIZED.value: translate("Outcome", "Authorized"),
        Outcome.LICENSE_REQUIRED.value: translate("Outcome", "Licence required"),
        Outcome.HOLD.value: translate("Outcome", "Hold"),
        Outcome.PROHIBITED.value: translate("Outcome", "Prohibited"),
    }
    key = value or "pending"
    return labels[key] if key in labels else Outcome(key).label


def badge_text(value: str | None) -> str:
    key = value or "pending"
    return f"{OUTCOME_SYMBOLS.get(key, '')} {outcome_label(value)}"


def badge_colours(value: str | None) -> tuple[QColor, QColor]:
    background, text = outcome_colours(value)
    return QColor(background), QColor(text)


def badge_stylesheet(value: str | None) -> str:
    background, text = outcome_colours(value)
    return (
        f"background:{background}; color:{text}; border:1px solid {text}; border-radius:4px;"
        "padding:3px 10px; font-weight:600;"
    )


def tpp(value: Decimal | float | None) -> str:
    """A TPP figure: whole units with separators (exact however large), one decimal otherwise."""
    if value is None:
        return ""
    return grouped(value, 0 if value == int(value) else 1)


def percent(value: Decimal | float) -> str:
    return numbers.percent(float(value))


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
    # What cannot be used now reads as such, as a dark system theme shows it.
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#80838b"))
    return palette
