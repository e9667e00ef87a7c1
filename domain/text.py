"""How names are compared when an officer searches: without case and without accents.

"muller" finds "Müller & Söhne", "sao paulo" finds "São Paulo", "MÜLLER" finds "Muller". German
umlauts are also written out ("mueller" finds "Müller"), as people type them on keyboards
without them. Every search of the desk (order list, parties, pickers, catalog filters) folds
both sides with ``fold``; the stored party search text is made by ``search_text``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from domain.model import Party

_LETTERS = str.maketrans(
    {
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "ı": "i",
        "þ": "th",
        "æ": "ae",
        "œ": "oe",
        "ŀ": "l",
        "ħ": "h",
    }
)
"""Letters Unicode does not decompose into a base letter and a mark."""

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})


def fold(text: str) -> str:
    """``text`` without case, accents or compatibility forms ("Ｓｏ" and "So" alike)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _spellings(text: str) -> list[str]:
    folded = fold(text)
    lowered = text.casefold()
    written_out = lowered.translate(_UMLAUTS)
    spellings = [folded]
    if written_out != lowered:
        spellings.append(fold(written_out))
    return spellings


def search_text(values: Iterable[str]) -> str:
    """What a record is found by: its folded names and refs, one per line.

    A needle matches when ``fold(needle)`` is contained in this text; the line breaks keep a
    needle from matching across two names.
    """
    lines: list[str] = []
    for value in values:
        for spelling in _spellings(value):
            if spelling and spelling not in lines:
                lines.append(spelling)
    return "\n".join(lines)


def matches(needle: str, *values: str) -> bool:
    """Whether a search for ``needle`` finds a record with these names (in memory)."""
    folded = fold(needle.strip())
    if not folded:
        return True
    return any(folded in spelling for value in values for spelling in _spellings(value))


def party_search_text(party: Party) -> str:
    """A party is found by its legal name, its ref and every alias; the folded name comes
    first, so lists sort by it alike on every database ("Công ty" with "Cong", not after "Z")."""
    return search_text((party.name, party.ref, *party.aliases))


def like_pattern(needle: str) -> str:
    r"""A SQL ``LIKE ... ESCAPE '\'`` pattern for text containing the folded ``needle``."""
    escaped = fold(needle.strip()).replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_")
    return f"%{escaped}%"
