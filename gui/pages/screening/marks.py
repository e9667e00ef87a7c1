"""The words of a name that met the other side, marked for the officer: each kind of
meeting (exact, fuzzy, transliterated or translated) has its own sign and underline as well
as its shade, so colour is never the only cue."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from html import escape

from PySide6.QtCore import QCoreApplication

from domain.screening.results import MatchedToken
from gui.pages.base import QT_TRANSLATE_NOOP
from gui.style import Tone, colour


class Side(Enum):
    PARTY = "party"
    LIST = "list"


@dataclass(frozen=True)
class Mark:
    """How a kind of meeting is shown: a sign before the word, its name and its shade."""

    sign: str
    label: str
    tone: Tone | None
    """The shade behind the word; None for a word that counts little (no shade)."""


MARKS: dict[str, Mark] = {
    "exact": Mark("=", QT_TRANSLATE_NOOP("ScreeningMarks", "exact"), Tone.OK_BG),
    "fuzzy": Mark("≈", QT_TRANSLATE_NOOP("ScreeningMarks", "fuzzy"), Tone.WARNING_BG),
    "transliterated": Mark(
        "⇄", QT_TRANSLATE_NOOP("ScreeningMarks", "transliterated"), Tone.NOTE_BG
    ),
    "translated": Mark("⇄", QT_TRANSLATE_NOOP("ScreeningMarks", "translated"), Tone.NOTE_BG),
    "generic": Mark("∘", QT_TRANSLATE_NOOP("ScreeningMarks", "generic word, little weight"), None),
}
"""The kinds of meeting that are marked; company forms and missing words are not. The labels
are English, shown translated in the "ScreeningMarks" context."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def fold(word: str) -> str:
    """A word as the matcher writes a token's source: lower case, no accents, no
    apostrophes."""
    plain = unicodedata.normalize("NFKD", word)
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return plain.replace("'", "").replace("’", "").casefold()


def met_words(tokens: Iterable[MatchedToken], side: Side) -> dict[str, MatchedToken]:
    """Each word of ``side`` that met a word of the other side, with how it met."""
    found: dict[str, MatchedToken] = {}
    for token in tokens:
        if token.how not in MARKS:
            continue
        source = token.query_token if side is Side.PARTY else token.list_token
        for word in (source or "").split():
            found.setdefault(fold(word), token)
    return found


def describe(token: MatchedToken) -> str:
    """One meeting in words, as the tooltip and the legend say it."""
    left, right = token.query_token or "—", token.list_token or "—"
    how = (
        QCoreApplication.translate("ScreeningMarks", MARKS[token.how].label)
        if token.how in MARKS
        else token.how.replace("_", " ")
    )
    if not token.distance:
        distance = ""
    elif token.distance == 1:
        distance = QCoreApplication.translate("ScreeningMarks", ", 1 letter apart")
    else:
        distance = QCoreApplication.translate("ScreeningMarks", ", {count} letters apart").format(
            count=token.distance
        )
    return (
        QCoreApplication.translate("ScreeningMarks", "“{left}” met “{right}”: {how}").format(
            left=left, right=right, how=how
        )
        + distance
    )


def marked_html(name: str, tokens: Sequence[MatchedToken], side: Side) -> tuple[str, int]:
    """``name`` as rich text with its met words marked, and how many words were marked (a
    name in another script is met through its transliteration: none of its words may be)."""
    met = met_words(tokens, side)
    parts: list[str] = []
    at = 0
    marked = 0
    for found in _WORD.finditer(name):
        parts.append(escape(name[at : found.start()]))
        word = found.group()
        token = met.get(fold(word))
        if token is None:
            parts.append(escape(word))
        else:
            marked += 1
            parts.append(_mark(word, token))
        at = found.end()
    parts.append(escape(name[at:]))
    return "".join(parts), marked


def _mark(word: str, token: MatchedToken) -> str:
    mark = MARKS[token.how]
    weight = "font-weight:600;" if token.how == "exact" else ""
    slant = "font-style:italic;" if token.how == "fuzzy" else ""
    shade = f"background:{colour(mark.tone)}; " if mark.tone is not None else ""
    return (
        f'<span style="{shade}color:{colour(Tone.HEADING)};'
        f' text-decoration:underline; {weight}{slant}">'
        f"{escape(mark.sign)}&#8201;{escape(word)}</span>"
    )


def legend_html() -> str:
    """The key to the marks, each shown as it appears."""
    shown = [
        _mark(label, MatchedToken(query_token=how, list_token=how, how=how))
        for how, label in (
            ("exact", QCoreApplication.translate("ScreeningMarks", "exact")),
            ("fuzzy", QCoreApplication.translate("ScreeningMarks", "fuzzy")),
            (
                "transliterated",
                QCoreApplication.translate("ScreeningMarks", "transliterated or translated"),
            ),
            (
                "generic",
                QCoreApplication.translate("ScreeningMarks", "generic word, little weight"),
            ),
        )
    ]
    return QCoreApplication.translate("ScreeningMarks", "Words that met: ") + " &nbsp; ".join(shown)


def meetings(tokens: Iterable[MatchedToken]) -> list[str]:
    """Every meeting of a match in words (the tooltip of both names)."""
    return [describe(token) for token in tokens if token.how in MARKS]
