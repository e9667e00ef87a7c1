"""Screening parties against many list entries at once (rules.md section 9).

:meth:`ScreeningIndex.build` normalises every name and alias of every entry once (with the
forms of :func:`~domain.screening.names.list_name_variants`), weighs each distinctive word by
how rare it is among the list's names, and files the names under blocking keys: their
distinctive words, those words with one letter deleted (so a one-letter typo still finds them,
as in a symmetric-deletion dictionary), the ends and transliteration skeleton of long words,
and adjacent words written together (pinyin syllables, "Micro Electronics").
:meth:`ScreeningIndex.screen` looks a party's words up under the same keys and scores only the
names found, so a party is screened against tens of thousands of names in about a
millisecond.
"""

from __future__ import annotations

import hashlib
import math
import sys
import zlib
from array import array
from collections.abc import Container, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from domain.screening.matching import (
    DEFAULT_ALERT_THRESHOLD,
    GENERIC_WEIGHT,
    LIST_SIDE_SHARE,
    NUMBER_WEIGHT,
    SHORT_WEIGHT,
    SYLLABLE_WEIGHT,
    CountryAgreement,
    ListedParty,
    NameMatch,
    Prepared,
    Scored,
    ScreeningQuery,
    adjust_for_countries,
    build_match,
    country_agreement,
    prepare,
    score_prepared,
)
from domain.screening.names import Kind, Token, list_name_variants, normalise, skeleton
from domain.screening.parallel import map_chunks

__all__ = ["ChangeReach", "ScreeningIndex", "keys_meet", "keys_version", "pack_keys"]

RARE_FLOOR: Final = 0.5
"""The weight of a distinctive word found in every list name; a unique word weighs 1."""
CROWDED_KEY: Final = 1500
"""A key filed under more names than this is looked up only when the party has no rarer one."""


REMEMBERED_NAMES: Final = 50_000
BULK_CHUNK: Final = 1000
"""Parties a worker screens at a time when many are screened together."""
_MAX_BIT = 62


@dataclass(slots=True)
class _Name:
    entry: int
    shown: str
    prepared: Prepared
    total: float
    bits: tuple[tuple[int, float], ...]
    """(bit, weight) of each word that counts only when a key meets it."""
    generic: tuple[tuple[int, str, float], ...]
    """(bit, word, weight) of generic words, met too when the party's name has them."""
    solo: float
    """The highest score reachable when a single word (and every generic word) is met."""

    @classmethod
    def make(cls, entry: int, shown: str, prepared: Prepared) -> _Name:
        bits: dict[int, float] = {}
        generic: list[tuple[int, str, float]] = []
        for number, (token, weight) in enumerate(
            zip(prepared.content, prepared.weights, strict=True)
        ):
            bit = 1 << min(number, _MAX_BIT)
            if prepared.has_distinct and token.kind is Kind.GENERIC:
                generic.append((bit, token.text, weight))
            else:
                bits[bit] = bits.get(bit, 0.0) + weight
        total = sum(prepared.weights)
        made = cls(entry, shown, prepared, total, tuple(bits.items()), tuple(generic), 1.0)
        heaviest = max(bits, key=bits.__getitem__, default=0)
        made.solo = made.bound(heaviest, {text for _, text, _ in generic})
        return made

    def bound(self, mask: int, words: Container[str]) -> float:
        """The highest score this name can reach when the words in ``mask`` are met and its
        generic words are met only if the party's name has them."""
        if not self.total:
            return 0.0
        met = 0.0
        for bit, weight in self.bits:
            if mask & bit:
                met += weight
        for bit, text, weight in self.generic:
            if mask & bit or text in words:
                met += weight
        share = min(met / self.total, 1.0)
        if not self.prepared.has_distinct:
            return share
        return LIST_SIDE_SHARE * share + (1 - LIST_SIDE_SHARE)


_Hits = tuple[Prepared, tuple[tuple[_Name, Scored], ...], frozenset[int]]
"""A party name's prepared form, the list names it scores at or above the threshold against,
and the hashes of the keys it was looked up under."""


def _deletions(word: str) -> Iterator[str]:
    for at in range(len(word)):
        yield word[:at] + word[at + 1 :]


def _long_keys(word: str) -> tuple[str, ...]:
    """A long word's ends and skeleton: found again despite two typos or another
    transliteration ("Promtekhnologiya", "Promtekhnologiia")."""
    if len(word) < 9:
        return ()
    return ("^" + word[:5], "$" + word[-5:], "%" + skeleton(word))


def _list_keys(prepared: Prepared) -> dict[str, int]:
    """A list name's blocking keys, each with the bit mask of the words it stands for."""
    keys: dict[str, int] = {}

    def add(key: str, mask: int) -> None:
        keys[key] = keys.get(key, 0) | mask

    for number, token in enumerate(prepared.content):
        if token.kind is not Kind.DISTINCT and prepared.has_distinct:
            continue
        bit = 1 << min(number, _MAX_BIT)
        word = token.text
        add("=" + word, bit)
        if len(word) >= 5:
            for deleted in _deletions(word):
                add("~" + deleted, bit)
        for key in _long_keys(word):
            add(key, bit)
    texts = [token.text for token in prepared.content]
    for start in range(len(texts)):
        joined = texts[start]
        mask = 1 << min(start, _MAX_BIT)
        for end in range(start + 1, min(start + 3, len(texts))):
            joined += texts[end]
            mask |= 1 << min(end, _MAX_BIT)
            add("=" + joined, mask)
    return keys


def _query_keys(prepared: Prepared) -> set[str]:
    """The keys a party's name is looked up under. A generic word ("Technology") is looked
    up as written only: its typos and transliterations are corrected to it when names are
    read (names.py), so its near spellings would find only names it already finds; the ends
    of words written together are looked up only where they are distinctive."""
    tokens = prepared.content
    texts = [token.text for token in tokens]
    generic = [token.kind is Kind.GENERIC for token in tokens]
    keys: set[str] = set()
    for word, plain in zip(texts, generic, strict=True):
        keys.add("=" + word)
        if plain:
            continue
        keys.update(_long_keys(word))
        if len(word) >= 5:
            keys.add("~" + word)
        if len(word) >= 4:
            for deleted in _deletions(word):
                keys.add("=" + deleted)
                if len(deleted) >= 5:
                    keys.add("~" + deleted)
    for start in range(len(texts)):
        joined = texts[start]
        for end in range(start + 1, min(start + 4, len(texts))):
            joined += texts[end]
            keys.add("=" + joined)
            if all(generic[start : end + 1]):
                continue
            for key in _long_keys(joined):
                if (key[0] == "^" and generic[start]) or (key[0] == "$" and generic[end]):
                    continue
                keys.add(key)
    return keys


class ScreeningIndex:
    """List entries prepared for screening; build once per snapshot, screen many parties."""

    def __init__(
        self,
        entries: Sequence[ListedParty],
        names: list[_Name],
        postings: dict[str, tuple[tuple[int, int], ...]],
        frequency: dict[str, int],
    ) -> None:
        self._entries = entries
        self._names = names
        self._postings = postings
        self._frequency = frequency
        self._log_total = math.log(max(len(names), 2))
        self._hits = lru_cache(maxsize=REMEMBERED_NAMES)(self._scored_hits)

    @classmethod
    def build(cls, entries: Iterable[ListedParty]) -> ScreeningIndex:
        """Normalise, weigh and file every name and alias of the entries."""
        listed = tuple(entries)
        raw: list[tuple[int, str, str]] = []
        for number, entry in enumerate(listed):
            for name in dict.fromkeys(entry.names):
                raw.extend((number, name, variant) for variant in list_name_variants(name))
        frequency: dict[str, int] = {}
        for _, _, variant in raw:
            for text in {token.text for token in normalise(variant)}:
                frequency[text] = frequency.get(text, 0) + 1
        index = cls(listed, [], {}, frequency)
        postings: dict[str, list[tuple[int, int]]] = {}
        for number, shown, variant in raw:
            prepared = prepare(variant, index.weight)
            if not prepared.content:
                continue
            position = len(index._names)
            index._names.append(_Name.make(number, shown, prepared))
            for key, mask in _list_keys(prepared).items():
                postings.setdefault(key, []).append((position, mask))
        # keys filed under the same names (a word and its one-letter deletions) share one
        # tuple, so that a party meeting several of them reads the names once
        shared: dict[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]] = {}
        index._postings = {
            key: shared.setdefault(tuple(found), tuple(found)) for key, found in postings.items()
        }
        return index

    @property
    def entries(self) -> int:
        return len(self._entries)

    @property
    def names(self) -> int:
        """How many list names (with their variants) the index holds."""
        return len(self._names)

    def weight(self, token: Token) -> float:
        """A word's weight: rarer distinctive words weigh more (see the module docstring)."""
        return self._weight(token, self._frequency.get(token.text, 0))

    def _weight(self, token: Token, found: int) -> float:
        """The weight of a word found in ``found`` list names."""
        if token.kind is Kind.FORM:
            return 0.0
        if token.kind is Kind.GENERIC:
            return GENERIC_WEIGHT
        rarity = 1.0 if found <= 1 else max(0.0, 1 - math.log(found) / self._log_total)
        weight = RARE_FLOOR + (1 - RARE_FLOOR) * rarity
        if token.text.isdigit():
            return weight * NUMBER_WEIGHT
        if token.syllable:
            return weight * SYLLABLE_WEIGHT
        if len(token.text) <= 2:
            return weight * SHORT_WEIGHT
        return weight

    def _candidates(self, prepared: Prepared, keys: set[str], threshold: float) -> list[int]:
        """Names sharing one of ``keys`` (the party name's) that could still reach the
        threshold."""
        lists = sorted((found for key in keys if (found := self._postings.get(key))), key=len)
        masks: dict[int, int] = {}
        read: set[int] = set()
        for number, found in enumerate(lists):
            if number > 0 and len(found) > CROWDED_KEY:
                break
            if id(found) in read:
                continue
            read.add(id(found))
            for position, mask in found:
                masks[position] = masks.get(position, 0) | mask
        words = {token.text for token in prepared.content}
        names = self._names
        return [
            position
            for position, mask in masks.items()
            if (mask & (mask - 1) or names[position].solo >= threshold)
            and names[position].bound(mask, words) >= threshold
        ]

    def _scored_hits(self, query_name: str, threshold: float) -> _Hits | None:
        """The list names one party name scores at or above ``threshold`` against, before
        countries are weighed (they only lower a score); ``None`` for a name of company
        forms only. Kept for the last :data:`REMEMBERED_NAMES` names: a bulk screening meets
        the same parents and owners again and again."""
        prepared = prepare(query_name, self.weight)
        if not prepared.content:
            return None
        keys = _query_keys(prepared)
        # entries often share a name ("... 13th Research Institute (CETC 13)"): score it once
        scored_names: dict[str, Scored] = {}
        hits: list[tuple[_Name, Scored]] = []
        for position in self._candidates(prepared, keys, threshold):
            name = self._names[position]
            scored = scored_names.get(name.prepared.name)
            if scored is None:
                scored = score_prepared(prepared, name.prepared)
                scored_names[name.prepared.name] = scored
            if scored.score >= threshold:
                hits.append((name, scored))
        return prepared, tuple(hits), frozenset(map(_key_hash, keys))

    def key_hashes(
        self, names: Iterable[str], threshold: float = DEFAULT_ALERT_THRESHOLD
    ) -> frozenset[int]:
        """The hashes of the keys ``names`` are looked up under (see :func:`keys_meet`); read
        from the names' screenings when they were just screened."""
        found: set[int] = set()
        for name in dict.fromkeys(names):
            hits = self._hits(name, threshold)
            if hits is not None:
                found |= hits[2]
        return frozenset(found)

    def reach(
        self,
        gained: Iterable[str],
        lost: Iterable[str],
        recountried: Iterable[str] = (),
        threshold: float = DEFAULT_ALERT_THRESHOLD,
    ) -> ChangeReach:
        """What a change of the list, from the previous snapshot to this index's, can affect
        (see :class:`ChangeReach`). ``gained`` and ``lost`` are the names each entry gained
        and lost (an entry's names counted once, as :meth:`build` counts them; repeats across
        entries kept); ``recountried`` the names of entries whose countries changed."""
        gained, lost = list(gained), list(lost)
        delta: dict[str, int] = {}
        generic: set[str] = set()
        for names, step in ((gained, 1), (lost, -1)):
            for name in names:
                for variant in list_name_variants(name):
                    for token in {token.text: token for token in normalise(variant)}.values():
                        delta[token.text] = delta.get(token.text, 0) + step
                        if token.kind is Kind.GENERIC:  # (a generic word weighs the same)
                            generic.add(token.text)
        reweighed = {text: moved for text, moved in delta.items() if moved and text not in generic}

        def before(token: Token) -> float:
            found = self._frequency.get(token.text, 0) - reweighed.get(token.text, 0)
            return self._weight(token, found)

        touched: list[tuple[_Name, ...]] = []
        keyed: dict[int, list[tuple[int, int]]] = {}

        def touch(weighed: tuple[_Name, ...]) -> None:
            for key, mask in _list_keys(weighed[0].prepared).items():
                keyed.setdefault(_key_hash(key), []).append((len(touched), mask))
            touched.append(weighed)

        for name in dict.fromkeys([*gained, *recountried]):
            for variant in list_name_variants(name):
                prepared = prepare(variant, self.weight)
                if prepared.content:
                    touch((_Name.make(-1, name, prepared),))
        positions = {
            position for text in reweighed for position, _ in self._postings.get("=" + text, ())
        }
        for position in sorted(positions):
            now = self._names[position]
            then = _Name.make(now.entry, now.shown, prepare(now.prepared.name, before))
            touch((now, then))
        words = frozenset(_key_hash("=" + text) for text in reweighed)
        return ChangeReach(words, tuple(touched), keyed, threshold)

    def screen(
        self, query: ScreeningQuery, threshold: float = DEFAULT_ALERT_THRESHOLD
    ) -> list[NameMatch]:
        """The entries one party's names meet at or above the threshold, best first.

        One match per entry: the best pair of the party's names and the entry's names.
        """
        best: dict[int, tuple[float, Prepared, _Name, Scored]] = {}
        agreements: dict[int, CountryAgreement] = {}
        for query_name in dict.fromkeys(query.names):
            found = self._hits(query_name, threshold)
            if found is None:
                continue
            prepared, hits, _keys = found
            for name, scored in hits:
                agreement = agreements.get(name.entry)
                if agreement is None:
                    entry = self._entries[name.entry]
                    agreement = country_agreement(query.countries, entry.countries)
                    agreements[name.entry] = agreement
                score = adjust_for_countries(scored.score, agreement)
                kept = best.get(name.entry)
                if score >= threshold and (kept is None or score > kept[0]):
                    best[name.entry] = (score, prepared, name, scored)
        matches = [
            build_match(
                self._entries[number].entry_id,
                prepared,
                name.prepared,
                scored,
                agreements[number],
                list_name=name.shown,
            )
            for number, (_, prepared, name, scored) in best.items()
        ]
        matches.sort(key=lambda match: (-match.score, match.entry_id))
        return matches

    def screen_many(
        self,
        queries: Sequence[ScreeningQuery],
        threshold: float = DEFAULT_ALERT_THRESHOLD,
        *,
        workers: int | None = 1,
    ) -> list[list[NameMatch]]:
        """:meth:`screen` for each party, in the order given; on ``workers`` cores (all of
        them for ``None``) when there are enough parties to share (see parallel.py)."""
        if workers == 1 or len(queries) < 2 * BULK_CHUNK:
            return [self.screen(query, threshold) for query in queries]
        found: list[list[NameMatch]] = []
        for part in map_chunks(
            _screen_part, (self, threshold), queries, chunk=BULK_CHUNK, workers=workers
        ):
            found += part
        return found


def _screen_part(
    state: tuple[ScreeningIndex, float], queries: Sequence[ScreeningQuery]
) -> list[list[NameMatch]]:
    index, threshold = state
    return [index.screen(query, threshold) for query in queries]


# -- what a change of the list can affect ----------------------------------------------------
#
# A party name can reach a list name only if they share a blocking key (the index scores no
# other pair), and only if the bound of the words they share reaches the threshold. The keys
# of every screened party are kept (as hashes) for :class:`ChangeReach`. Hashes that collide
# only send a party to be screened again.

KEYS_FORMAT: Final = "crc32-1"
"""Bump when the blocking keys change in a way the probe names below might not show."""
_PROBES: Final = (
    "Beijing Zhongguancun Micro Electronics Technology Co., Ltd.",
    "Sino-Tech (Hong Kong) Trading Limited",
    "Obshchestvo s ogranichennoy otvetstvennostyu Promtekhnologiya",
    "ООО «Промтехнология»",
    "中国电子科技集团公司第十三研究所",
    "Huawei Technologies Co Ltd",
    "Shenzhen Jiahe Jinwei Electronic Tech",
    "Advanced Semiconductor Manufacturing Corp. (ASMC)",
    "Aero Engineering Bureau 13",
    "Kaishitong (Beijing) Semiconductor",
)


def _key_hash(key: str) -> int:
    return zlib.crc32(key.encode())


def keys_version() -> str:
    """The version of the stored key hashes: the format and the keys of a few probe names,
    so that keys stored by a program that normalised names otherwise are not trusted."""
    return _keys_version()


@lru_cache(maxsize=1)
def _keys_version() -> str:
    digest = hashlib.sha256(KEYS_FORMAT.encode())
    for probe in _PROBES:
        digest.update(repr(sorted(_query_keys(prepare(probe)))).encode())
    return digest.hexdigest()[:16]


def pack_keys(hashes: Iterable[int]) -> bytes:
    """Key hashes as stored: sorted unsigned 32-bit integers, little-endian."""
    packed = array("I", sorted(hashes))
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def _unpack_keys(stored: bytes) -> array[int]:
    unpacked = array("I")
    unpacked.frombytes(stored)
    if sys.byteorder == "big":
        unpacked.byteswap()
    return unpacked


def keys_meet(stored: bytes, filed: frozenset[int]) -> bool:
    """Whether a party's stored key hashes meet any of ``filed``."""
    if not filed:
        return False
    if sys.byteorder == "little":  # read in place
        return not filed.isdisjoint(memoryview(stored).cast("I"))
    return not filed.isdisjoint(_unpack_keys(stored))


def _unpacked(stored: bytes) -> frozenset[int]:
    if sys.byteorder == "little":
        return frozenset(memoryview(stored).cast("I"))
    return frozenset(_unpack_keys(stored))


class _WordsByKey:
    """A party's words as its stored keys tell them: a word of the party is looked up as
    written (``=word``), so a word whose key is absent is not the party's. (A key met by
    another of the party's keys only makes the bound higher.)"""

    __slots__ = ("_hashes",)

    def __init__(self, hashes: frozenset[int]) -> None:
        self._hashes = hashes

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and _key_hash("=" + word) in self._hashes


class ChangeReach:
    """Which parties a change of the list can affect, read from the keys their names were
    looked up under (made by :meth:`ScreeningIndex.reach`).

    A party's screening can change only if

    - one of its names can reach a name an entry gained (or a name of an entry whose
      countries changed): the two share keys whose words' bound (the bound the index itself
      screens by) reaches the threshold; or
    - a distinctive word the change added to or removed from the list is one of the party's
      words (its weight moved); or
    - one of its names can reach a list name with such a word under the weights before the
      change or after it.

    A name an entry lost matters only to a party that matched the entry, and such a party is
    screened again for the entry's change anyway. The count of all list names moves every
    weight by a few millionths; that is left alone."""

    def __init__(
        self,
        words: frozenset[int],
        names: tuple[tuple[_Name, ...], ...],
        keyed: dict[int, list[tuple[int, int]]],
        threshold: float,
    ) -> None:
        self._words = words
        self._names = names
        self._keyed = keyed
        self._threshold = threshold
        self._any = frozenset(words | keyed.keys())

    @property
    def names(self) -> int:
        """How many list names (with their variants) the change touched."""
        return len(self._names)

    def affects(self, stored: bytes) -> bool:
        """Whether the change can affect a party whose names were looked up under the keys
        ``stored`` (see :func:`pack_keys`)."""
        if not keys_meet(stored, self._any):  # (most parties: read in place)
            return False
        hashes = _unpacked(stored)
        if not self._words.isdisjoint(hashes):
            return True
        masks: dict[int, int] = {}
        for key in hashes & self._keyed.keys():
            for number, mask in self._keyed[key]:
                masks[number] = masks.get(number, 0) | mask
        words = _WordsByKey(hashes)
        threshold = self._threshold
        return any(
            name.bound(mask, words) >= threshold
            for number, mask in masks.items()
            for name in self._names[number]
        )
