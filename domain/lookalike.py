"""Text that looks like other text: characters that cannot be seen, and names that read alike.

Two doors an officer cannot watch with the eye alone:

- A reference with an invisible character (``SG-LION\\u200bCITY``, a zero-width space) or a
  right-to-left control shows as another party's ref and yet is a party of its own, with
  its own LPP ledger. ``hidden_character`` finds such a character and names it; references
  refuse them (``domain.model.check_ref``).
- A new party whose name differs from a stored one only in look-alike letters (``NVIDlA Corp``
  with a lowercase L, ``NVIDIА Corp`` with a Cyrillic А), in invisible characters, in case,
  spacing or punctuation, is probably the same customer entered twice, or one posing as it.
  ``skeleton`` reduces a name to what the eye reads (the idea of the confusable "skeletons"
  of Unicode Technical Standard #39, with a small table of our own rather than its full
  data), and ``lookalikes`` compares new names with stored ones by skeleton: one dictionary
  look-up per name, so an import of 10^5 parties stays linear. A look-alike is a warning for
  the officer, never a refusal: two companies can share a name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Final

from domain.frozen import Frozen

# -- characters that cannot be seen ----------------------------------------------------------

_BIDI_CONTROLS: Final = frozenset(
    "\u061c\u200e\u200f" + "".join(map(chr, range(0x202A, 0x202F))) + "\u2066\u2067\u2068\u2069"
)
"""Marks that reorder text for display (Unicode's Bidi_Control): ``\\u202e`` shows what follows
backwards."""

_IGNORABLE_LETTERS: Final = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u3164\uffa0"
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)
"""Characters Unicode declares default-ignorable (drawn as nothing) although they count as
letters or marks: the Hangul fillers, the combining grapheme joiner, variation selectors."""

_UNSEEN_CATEGORIES: Final = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
"""Controls, format characters (zero-width space and joiners, soft hyphen, byte order mark,
word joiner, bidirectional controls ...), surrogates, private-use and unassigned code points,
line and paragraph separators."""


def _is_unseen(char: str) -> bool:
    return unicodedata.category(char) in _UNSEEN_CATEGORIES or char in _IGNORABLE_LETTERS


def describe_character(char: str) -> str:
    """A character as a message names it: "an invisible character U+200B ZERO WIDTH SPACE"."""
    code = f"U+{ord(char):04X}"
    category = unicodedata.category(char)
    name = unicodedata.name(char, "")
    if category == "Cc":
        what = {"\t": " (tab)", "\n": " (line break)", "\r": " (carriage return)"}.get(char, "")
        return f"a control character {code}{what}"
    if category == "Cs":
        return f"a byte that is not UTF-8 ({code})"
    if char in _BIDI_CONTROLS:
        return f"a right-to-left control character {code} {name}"
    if category in ("Co", "Cn"):
        return f"a character with no meaning in Unicode {code}"
    return f"an invisible character {code} {name}".rstrip()


def hidden_character(text: str) -> str | None:
    """The first character of ``text`` that cannot be seen (or is a control), described with
    what comes before it; None when there is none."""
    for index, char in enumerate(text):
        if _is_unseen(char):
            where = f" after {text[:index]!r}" if index else " at the start"
            return describe_character(char) + where
    return None


def without_hidden(text: str) -> str:
    """``text`` without the characters ``hidden_character`` finds."""
    return "".join(char for char in text if not _is_unseen(char))


# -- names that read alike -------------------------------------------------------------------

_LOOKALIKE_LETTERS: Final = str.maketrans(
    {
        # Cyrillic capitals drawn as Latin ones
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "Х": "X", "У": "Y", "Ү": "Y", "Ѕ": "S", "І": "I", "Ј": "J",
        "Ӏ": "I", "Ԛ": "Q", "Ԝ": "W",
        # Cyrillic small letters drawn as Latin ones
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "ѕ": "s",
        "і": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ү": "y",
        "ѵ": "v",
        # Greek capitals drawn as Latin ones
        "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
        "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
        # Greek small letters drawn as Latin ones
        "α": "a", "ο": "o", "ρ": "p", "ι": "i", "κ": "k", "ν": "v", "υ": "u", "χ": "x",
        "γ": "y", "ϲ": "c", "ϳ": "j",
        # Latin letters drawn as other Latin letters
        "ı": "i", "ɑ": "a", "ɡ": "g", "ǀ": "l",
    }
)  # fmt: skip
"""Letters of other scripts (and a few Latin variants) that are drawn like a Latin letter,
case kept: Cyrillic "А" reads as Latin "A"."""

_STROKES: Final = {"i": "l", "1": "l", "|": "l", "0": "o"}
"""After case folding: lowercase l, capital I (now i), the digit 1 and the bar are one stroke;
the digit 0 is the letter O."""

_ASCII_READING: Final = str.maketrans(
    {
        **{chr(code): None for code in range(128) if not chr(code).isalnum()},
        **_STROKES,
    }
)
"""The strokes as one, every other ASCII character that is not a letter or digit dropped."""

_NOT_LETTER: Final = re.compile(r"[\W_]+")
"""Spaces, punctuation, symbols and marks (accents, once letters are decomposed)."""

_LOOKALIKE_PAIRS: Final = re.compile(r"rn|vv")
_PAIR_READS_AS: Final = {"rn": "m", "vv": "w"}


def skeleton(name: str) -> str:
    """What the eye reads of ``name``: two names with the same skeleton look alike.

    The name in NFKC form (full-width letters are letters), without invisible characters,
    with look-alike letters of other scripts as their Latin twins, without case, accents,
    spaces or punctuation, l/I/1 and O/0 taken as one, "rn" read as "m" and "vv" as "w".
    """
    if name.isascii():
        text = name.casefold().translate(_ASCII_READING)
    else:
        text = without_hidden(unicodedata.normalize("NFKC", name)).translate(_LOOKALIKE_LETTERS)
        text = unicodedata.normalize("NFKD", text.casefold()).translate(_ASCII_READING)
        text = _NOT_LETTER.sub("", text)
    if "rn" in text or "vv" in text:
        text = _LOOKALIKE_PAIRS.sub(lambda pair: _PAIR_READS_AS[pair.group()], text)
    return text


class Lookalike(Frozen):
    """A new party's name that reads like a stored party's name."""

    ref: str
    name: str
    like_ref: str
    """The stored (or earlier) party it reads like."""
    like_name: str

    @property
    def message(self) -> str:
        """The warning in words, with what differs when it cannot be seen."""
        if self.name == self.like_name:
            how = "has the same name as"
        elif (hidden := hidden_character(self.name)) is not None:
            how = f"has a name that contains {hidden} and reads like"
        elif (letter := _foreign_letter(self.name)) is not None:
            how = f"has a name with {letter} that reads like"
        else:
            how = "has a name that reads like"
        return (
            f"party {self.ref} {how} party {self.like_ref} ({self.like_name!r}): check that it "
            "is not the same customer entered twice, or one posing as it"
        )


def _foreign_letter(name: str) -> str | None:
    """The first letter of another script drawn like a Latin one, described."""
    for char in name:
        if ord(char) in _LOOKALIKE_LETTERS and not char.isascii():
            return f"the {unicodedata.name(char, '?').title()} {char!r} (U+{ord(char):04X})"
    return None


def lookalikes(
    new: Iterable[tuple[str, str]], stored: Iterable[tuple[str, str]]
) -> Iterator[tuple[int, Lookalike]]:
    """Each new party (ref, name) whose name reads like a stored party's or an earlier new
    one's, with its position in ``new``. Linear: every name's skeleton is made once."""
    seen: dict[str, tuple[str, str]] = {}
    for ref, name in stored:
        key = skeleton(name)
        if key:
            seen.setdefault(key, (ref, name))
    for position, (ref, name) in enumerate(new):
        key = skeleton(name)
        if not key:
            continue
        found = seen.setdefault(key, (ref, name))
        if found[0] != ref:
            yield position, Lookalike(ref=ref, name=name, like_ref=found[0], like_name=found[1])
