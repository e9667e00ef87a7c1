"""Refuse a document with text that no installed font can print, before it is registered.

A name in a script the fonts do not cover would print as an empty cell or a blank signature
line, on paper that is then numbered, registered and signed. Every text field of the view is
checked first; the error names the field, the script and what to install.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from pydantic import BaseModel

from domain.documents import DocumentView
from domain.errors import DomainError
from reports.fonts import SCRIPTS_PACKAGE, Fonts

# Words that end a script's name in the Unicode character names ("THAI CHARACTER KO KAI").
_NAME_ENDS = (
    " LETTER",
    " CHARACTER",
    " SIGN",
    " VOWEL",
    " DIGIT",
    " SYLLABLE",
    " CONSONANT",
    " MARK",
    " NUMBER",
    " IDEOGRAPH",
    " SYMBOL",
    " PUNCTUATION",
    " TONE",
    " LIGATURE",
)


class UnprintableTextError(DomainError):
    """Text in a script that none of the installed fonts covers."""


def script_of(ch: str) -> str:
    """The script a character belongs to, from its Unicode name: "Thai", "Ol Chiki"."""
    name = unicodedata.name(ch, "")
    if not name:
        return f"U+{ord(ch):04X}"
    cut = min((name.find(end) for end in _NAME_ENDS if end in name), default=-1)
    words = (name[:cut] if cut > 0 else name.split(" ")[0]).split(" ")
    kept = [word for word in words if word not in ("CAPITAL", "SMALL", "UNIFIED", "COMPATIBILITY")]
    return " ".join(kept or words).title().replace("Cjk", "CJK")


def _texts(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for field in type(value).model_fields:
            yield from _texts(getattr(value, field), f"{path}.{field}" if path else field)
    elif isinstance(value, tuple | list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{path}[{index}]")


def check_printable(view: DocumentView, fonts: Fonts) -> None:
    """Raise UnprintableTextError naming every field whose text no font can print."""
    problems: list[str] = []
    for path, text in _texts(view, ""):
        missing = fonts.missing(text)
        if missing:
            scripts = ", ".join(dict.fromkeys(script_of(ch) for ch in missing))
            problems.append(f"{path} ({scripts}: {missing[:12]!r})")
    if problems:
        raise UnprintableTextError(
            f"nothing was registered: no installed font prints the text of {'; '.join(problems)}. "
            f"Install the fonts for that script (Debian: {SCRIPTS_PACKAGE}), or write the name "
            "in a script the fonts cover"
        )
