"""Names made comparable for screening (rules.md section 9, "Matching").

A name becomes a tuple of :class:`Token`: lower-case ASCII words, each marked as a company
form (no weight), a generic word (little weight) or a distinctive word, and with where it came
from (written so, transliterated from another script, translated from Chinese).

What happens to a name, in order:

1. Unicode is folded (NFKC), so full-width brackets and letters become ordinary ones.
2. Chinese runs are cut into the words of :data:`vocabulary.CHINESE` (longest first), which are
   translated (技术 -> technology, 有限公司 -> a company form); what is left is written in
   pinyin with ``pypinyin``, one word per run (华为 -> huawei).
3. Other scripts (Cyrillic, Greek ...) are transliterated to Latin with ``rigour``
   (ООО Микрон -> ooo mikron); accents are dropped.
4. Company forms in many languages (Co., Ltd., LLC, OOO, GmbH, JSC, Sdn. Bhd. ...) are found
   with ``rigour``'s form database plus :data:`vocabulary.FORM_WORDS`.
5. Punctuation splits words; brackets keep their words ("Kaishitong (Beijing) Semiconductor"
   has three), and a place in them is a generic word like any other.

``domain`` is otherwise pydantic and the standard library only: the import contract lets this
package use ``rigour`` and ``pypinyin`` (and ``rapidfuzz`` in scoring), the libraries' data
being what a name normaliser needs; the scoring is the desk's own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from pypinyin import Style, lazy_pinyin
from rapidfuzz.distance import OSA
from rigour.names.org_types import extract_org_types
from rigour.text.translit import ascii_text

from domain.screening import vocabulary

__all__ = ["Kind", "Origin", "Token", "list_name_variants", "normalise", "skeleton"]


class Kind(Enum):
    DISTINCT = "distinct"
    GENERIC = "generic"
    FORM = "form"


class Origin(Enum):
    WRITTEN = "written"
    TRANSLITERATED = "transliterated"
    TRANSLATED = "translated"


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    kind: Kind
    origin: Origin
    source: str
    """The words of the name this token stands for, as written (for explanations)."""
    syllable: bool = False
    """A pinyin syllable of Chinese text: a list may write two or three as one word."""


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[a-z0-9]+")
_FORM_MARK = "\x00"
_DOTTED = re.compile(r"(?<![a-z0-9])(?:[a-z]\. ?){2,}")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")
_CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CHINESE_NUMBER = re.compile("第?[零〇一二两三四五六七八九十百]+(?=研究|所|院|厂|$)")


def _chinese_number(text: str) -> str:
    """A Chinese numeral (十三, 二十九, 一百零八) in digits."""
    total, digit = 0, 0
    for char in text:
        if char == "十":
            total += (digit or 1) * 10
            digit = 0
        elif char == "百":
            total += (digit or 1) * 100
            digit = 0
        else:
            digit = _CHINESE_DIGITS[char]
    return str(total + digit)


_LONGEST_CHINESE = max(len(word) for word in vocabulary.CHINESE)


def _cut_chinese(run: str) -> list[tuple[str, Origin]]:
    """A run of Chinese characters as (Latin text, origin) pieces, longest words first."""
    pieces: list[tuple[str, Origin]] = []
    rest: list[str] = []
    number = _CHINESE_NUMBER.search(run)
    if number is not None:
        before, after = run[: number.start()], run[number.end() :]
        digits = _chinese_number(number.group().removeprefix("第"))
        return [*_cut_chinese(before), (digits, Origin.TRANSLATED), *_cut_chinese(after)]

    def flush() -> None:
        if rest:
            pieces.append(
                # a word per syllable: the list may write them together or apart
                (" ".join(lazy_pinyin("".join(rest), style=Style.NORMAL)), Origin.TRANSLITERATED)
            )
            rest.clear()

    at = 0
    while at < len(run):
        for size in range(min(_LONGEST_CHINESE, len(run) - at), 0, -1):
            word = run[at : at + size]
            english = vocabulary.CHINESE.get(word)
            if english is not None:
                flush()
                text = f"{_FORM_MARK}{word}" if english == vocabulary.FORM else english
                pieces.append((text, Origin.TRANSLATED))
                at += size
                break
        else:
            rest.append(run[at])
            at += 1
    flush()
    return pieces


def _latin(text: str) -> tuple[str, Origin]:
    """Text of any script but Chinese as lower-case ASCII, and whether it was transliterated."""
    if text.isascii():  # most names: nothing to fold
        return text.lower(), Origin.WRITTEN
    folded = unicodedata.normalize("NFKD", text)
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    if plain.isascii():
        return plain.lower(), Origin.WRITTEN
    return ascii_text(plain).lower(), Origin.TRANSLITERATED


_KNOWN = (
    vocabulary.FORM_WORDS
    | vocabulary.GENERIC
    | vocabulary.PLACES
    | vocabulary.STOPWORDS
    | set(vocabulary.CANONICAL)
)
_CORRECTABLE = sorted(
    word for word in (_KNOWN - vocabulary.PLACES) | vocabulary.FORM_PARTS if len(word) >= 6
)
_SKELETON = re.compile(r"kh|ck|ts|iy|yi|ya|yu|ye|ia|iu|ie|ii|[ywcqxj]")
_SKELETON_LETTER = {
    "kh": "h",
    "ck": "k",
    "ts": "c",
    "iy": "i",
    "yi": "i",
    "ya": "a",
    "yu": "u",
    "ye": "e",
    "ia": "a",
    "iu": "u",
    "ie": "e",
    "ii": "i",
    "y": "i",
    "w": "v",
    "c": "k",
    "q": "k",
    "x": "ks",
    "j": "i",
}


def skeleton(word: str) -> str:
    """A word with the spellings transliterations disagree on folded (kh/h, ya/ia, w/v ...)."""
    return _SKELETON.sub(lambda match: _SKELETON_LETTER[match.group()], word)


_SKELETONS = [skeleton(word) for word in _CORRECTABLE]


def _with_deletions(word: str) -> set[str]:
    return {word, *(word[:at] + word[at + 1 :] for at in range(len(word)))}


def _near_keys(words: list[str]) -> dict[str, tuple[int, ...]]:
    """Each word and its one-letter deletions, with the positions of the words they come
    from: two words one edit apart share a key (a symmetric-deletion dictionary)."""
    keys: dict[str, list[int]] = {}
    for number, word in enumerate(words):
        for key in _with_deletions(word):
            keys.setdefault(key, []).append(number)
    return {key: tuple(found) for key, found in keys.items()}


_NEAR = _near_keys(_CORRECTABLE)
_NEAR_SKELETONS = _near_keys(_SKELETONS)


def _nearest(word: str, words: list[str], near: dict[str, tuple[int, ...]]) -> int | None:
    """The position of the closest of ``words`` within one edit (the first of equals)."""
    found = sorted({number for key in _with_deletions(word) for number in near.get(key, ())})
    best: tuple[int, int] | None = None
    for number in found:
        distance = OSA.distance(word, words[number], score_cutoff=1)
        if distance <= 1 and (best is None or distance < best[0]):
            best = (distance, number)
    return None if best is None else best[1]


@lru_cache(maxsize=65536)
def _corrected(word: str) -> str:
    """A long word one typo away from a form or generic word is that word: "Compony" is a
    company form, "Tehcnology" is generic."""
    if len(word) < 6 or word in _KNOWN or word.isdigit():
        return word
    found = _nearest(word, _CORRECTABLE, _NEAR)
    if found is None:  # a transliteration of one ("Kompaniya", "Elektronik")
        found = _nearest(skeleton(word), _SKELETONS, _NEAR_SKELETONS)
    return word if found is None else _CORRECTABLE[found]


def _joined_initials(words: list[str]) -> list[str]:
    """Single letters in a row are one word: "A C International" is "AC International"."""
    out: list[str] = []
    run = ""
    for word in words:
        if len(word) == 1 and word.isalpha():
            run += word
            continue
        if run:
            out.append(run)
            run = ""
        out.append(word)
    if run:
        out.append(run)
    return out


def _words(text: str, origin: Origin) -> list[Token]:
    """Words of lower-case ASCII text, company forms found and marked."""
    text = text.replace("'", "").replace("&", " and ")
    text = _DOTTED.sub(lambda match: match.group().replace(".", ""), text)
    written = [
        _ORDINAL.sub(r"\1", word) if word[0].isdigit() else word for word in _WORD.findall(text)
    ]
    words = [_corrected(word) for word in written]
    as_written = {c: w for c, w in zip(words, written, strict=True) if c != w}
    spaced = " ".join(_joined_initials(words))
    forms = {matched for matched, _ in extract_org_types(spaced, generic=True) if " " in matched}
    tokens: list[Token] = []
    for matched in sorted(forms, key=len, reverse=True):
        spaced = re.sub(rf"(?<!\w){re.escape(matched)}(?!\w)", matched.replace(" ", "_"), spaced)
    single = {matched for matched, _ in extract_org_types(spaced, generic=True)}
    single -= vocabulary.NOT_FORMS
    split = spaced.split()
    for number, word in enumerate(split):
        # a short form inside a name ("Mo Ei Nan Sa Ri") is more likely a syllable
        inside = 0 < number < len(split) - 1 and len(word) <= 3
        if "_" in word or word in vocabulary.FORM_WORDS or (word in single and not inside):
            tokens.append(Token(word.replace("_", ""), Kind.FORM, origin, word.replace("_", " ")))
        elif word in vocabulary.STOPWORDS:
            continue
        else:
            canonical = vocabulary.CANONICAL.get(word, word)
            generic = canonical in vocabulary.GENERIC or canonical in vocabulary.PLACES
            kind = Kind.GENERIC if generic else Kind.DISTINCT
            tokens.append(Token(canonical, kind, origin, as_written.get(word, word)))
    return tokens


@lru_cache(maxsize=65536)
def normalise(name: str) -> tuple[Token, ...]:
    """A name's tokens, in the name's order (see the module's docstring)."""
    name = unicodedata.normalize("NFKC", name)
    tokens: list[Token] = []
    at = 0
    for match in _HAN.finditer(name):
        tokens += _words(*_latin(name[at : match.start()]))
        for text, origin in _cut_chinese(match.group()):
            if text.startswith(_FORM_MARK):
                tokens.append(Token("co", Kind.FORM, origin, text[1:]))
            else:
                syllable = origin is Origin.TRANSLITERATED
                tokens += [
                    Token(token.text, token.kind, origin, token.source, syllable)
                    for token in _words(text, origin)
                ]
        at = match.end()
    tokens += _words(*_latin(name[at:]))
    return tuple(tokens)


_SUBORDINATE = re.compile(
    r"\.?\s*subordinate institution\s*-\s*|\(\s*a subordinate (?:institute|institution|entity)"
    r" of [^)]*\)|;?\s*and any successor.*$|,?\s*(?:a\.k\.a\.|aka|f\.k\.a\.|formerly)\s",
    re.IGNORECASE,
)
_BRACKET = re.compile(r"\(([^()]*)\)")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9-]{1,9}(?: \d{1,3})?$")


def list_name_variants(name: str) -> tuple[str, ...]:
    """The forms of a list name worth meeting on their own, the name itself first.

    The published names bundle things: "X (SMIC)" is also known as SMIC, "CETC 13. Subordinate
    Institution - Hebei Poshing Electronics" is Hebei Poshing Electronics, and a bracketed
    place or acronym may be left out by the party ("Kaishitong (Beijing) Semiconductor").
    """
    variants = [name]
    for part in _SUBORDINATE.split(name):
        part = part.strip(" ,.;")
        if part and part not in variants:
            variants.append(part)
    for variant in list(variants):
        without = " ".join(_BRACKET.sub(" ", variant).split())
        if without and without not in variants:
            variants.append(without)
        for inside in _BRACKET.findall(variant):
            inside = inside.strip()
            distinct = any(token.kind is Kind.DISTINCT for token in normalise(inside))
            if _ACRONYM.match(inside) and distinct and inside not in variants:
                variants.append(inside)
    return tuple(variants)
