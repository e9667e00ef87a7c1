"""Scoring one party name against one list name, explained (rules.md section 9, "Matching").

The score (0 to 1) is the weighted share of each name's words met by the other's, the list
name counting a little more (:data:`LIST_SIDE_SHARE`). A word's weight says how much it tells
names apart: a company form weighs nothing, a generic word (a city, "technology", "trading")
weighs :data:`GENERIC_WEIGHT`, a distinctive word weighs 1 (or, in a
:class:`~domain.screening.index.ScreeningIndex`, more the rarer it is among the list's names).
Words meet when they are equal, within a small edit distance (``rapidfuzz``; one letter in a
word of five or more, two in nine or more), or when adjacent words of one name written
together make a word of the other (pinyin "Zhong Xing" and "Zhongxing"). When the list name
has distinctive words and none of them is met, the score cannot pass :data:`GENERIC_ONLY_CAP`,
so that shared generic words alone never alert. A list name made only of generic words
("China Electronics Technology Group") counts them as distinctive.

The explanation lists each word: exact, fuzzy (with its distance), transliterated, translated,
company form, generic, or missing; and whether the countries agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Final

from rapidfuzz.distance import OSA

from domain.frozen import Frozen
from domain.screening.names import Kind, Origin, Token, normalise, skeleton

__all__ = [
    "DEFAULT_ALERT_THRESHOLD",
    "CountryAgreement",
    "How",
    "ListedParty",
    "NameMatch",
    "ScreeningQuery",
    "TokenMatch",
    "country_agreement",
    "score_names",
]

DEFAULT_ALERT_THRESHOLD: Final = 0.8
"""Chosen from the measured recall and false alerts of the labelled set (bench/screening.py)."""

GENERIC_WEIGHT: Final = 0.12
NUMBER_WEIGHT: Final = 0.6
SHORT_WEIGHT: Final = 0.5
SYLLABLE_WEIGHT: Final = 0.5
"""A pinyin syllable weighs half a word: Chinese words are mostly two syllables."""
LIST_SIDE_SHARE: Final = 0.6
GENERIC_ONLY_CAP: Final = 0.5
BOTH_UNMET_FACTOR: Final = 0.93
COUNTRY_DIFFER_FACTOR: Final = 0.9
"""A match whose countries differ scores a little lower; countries are evidence, not proof."""


class How(Enum):
    EXACT = "exact"
    FUZZY = "fuzzy"
    TRANSLITERATED = "transliterated"
    TRANSLATED = "translated"
    COMPANY_FORM = "company_form"
    GENERIC = "generic"
    MISSING = "missing"


class CountryAgreement(Enum):
    AGREE = "agree"
    DIFFER = "differ"
    UNKNOWN = "unknown"


class ListedParty(Frozen):
    """One list entry as screening needs it: its id, its names and aliases, its countries."""

    entry_id: str
    names: tuple[str, ...]
    countries: tuple[str, ...] = ()


class ScreeningQuery(Frozen):
    """The names of one party (legal name, aliases, parent, owners) and its countries."""

    names: tuple[str, ...]
    countries: tuple[str, ...] = ()


class TokenMatch(Frozen):
    """One word of the explanation: a party word, the list word it met (or ``None``), how.

    ``query_token`` is ``None`` for a list word the party's name lacks.
    """

    query_token: str | None
    list_token: str | None
    how: How
    distance: int = 0
    weight: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query_token,
            "list": self.list_token,
            "how": self.how.value,
            "distance": self.distance,
            "weight": round(self.weight, 3),
        }

    def describe(self) -> str:
        left = self.query_token if self.query_token is not None else "-"
        right = self.list_token if self.list_token is not None else "-"
        detail = f" {self.distance}" if self.how is How.FUZZY else ""
        return f"{left}={right} ({self.how.value}{detail})"


class NameMatch(Frozen):
    """A party name against a list name: the score, word by word, and the countries."""

    entry_id: str
    list_name: str
    query_name: str
    score: float
    tokens: tuple[TokenMatch, ...]
    countries: CountryAgreement
    explanation: str

    def to_json(self) -> dict[str, Any]:
        return {
            "entry": self.entry_id,
            "list_name": self.list_name,
            "query_name": self.query_name,
            "score": round(self.score, 3),
            "countries": self.countries.value,
            "explanation": [token.to_json() for token in self.tokens],
            "summary": self.explanation,
        }


Weigh = Callable[[Token], float]


def default_weight(token: Token) -> float:
    """A word's weight without list statistics: forms 0, generic words little, others 1."""
    if token.kind is Kind.FORM:
        return 0.0
    if token.kind is Kind.GENERIC:
        return GENERIC_WEIGHT
    if token.text.isdigit():
        return NUMBER_WEIGHT
    if token.syllable:
        return SYLLABLE_WEIGHT
    if len(token.text) <= 2:
        return SHORT_WEIGHT
    return 1.0


def allowed_distance(length: int) -> int:
    """Edit distance tolerated in a word of this length: one letter from 6, two from 9."""
    return 2 if length >= 9 else 1 if length >= 6 else 0


@dataclass(slots=True)
class Prepared:
    """A name's tokens split into content and forms, with their weights (kept by the index)."""

    name: str
    content: tuple[Token, ...]
    forms: tuple[Token, ...]
    weights: tuple[float, ...]
    has_distinct: bool


def prepare(name: str, weigh: Weigh = default_weight) -> Prepared:
    tokens = normalise(name)
    content = tuple(token for token in tokens if token.kind is not Kind.FORM)
    forms = tuple(token for token in tokens if token.kind is Kind.FORM)
    has_distinct = any(token.kind is Kind.DISTINCT for token in content)
    if has_distinct:
        weights = tuple(weigh(token) for token in content)
    else:  # a name of generic words only: the words together are the name
        weights = tuple(1.0 for _ in content)
    return Prepared(name, content, forms, weights, has_distinct)


@dataclass(slots=True)
class Scored:
    """The outcome of one pair before it is dressed as a :class:`NameMatch`."""

    score: float
    pairs: list[tuple[int, int, int]]
    """(query index, list index, distance) of met words; merged words repeat an index."""


def _similarity(left: str, right: str) -> int:
    """The edit distance between two words when within tolerance, else -1."""
    if left == right:
        return 0
    return _distance(left, right)


def _token_distance(left: Token, right: Token) -> int:
    """As :func:`_similarity`, on the canonical words or else on the words as written."""
    if left.text == right.text:
        return 0
    distance = _distance(left.text, right.text)
    if distance < 0 and (left.text != left.source or right.text != right.source):
        distance = _distance(left.source.replace(" ", ""), right.source.replace(" ", ""))
    if distance < 0 and left.origin is not right.origin:
        # two transliterations of one word ("Pavlin", "Pawlin"; "-iya", "-iia")
        distance = _distance(skeleton(left.text), skeleton(right.text))
    return distance


def _distance(left: str, right: str) -> int:
    limit = allowed_distance(min(len(left), len(right)))
    if limit == 0 or abs(len(left) - len(right)) > limit:
        return -1
    distance = OSA.distance(left, right, score_cutoff=limit)
    return distance if distance <= limit else -1


def _merge(words: Sequence[Token], free: list[bool], target: Token) -> tuple[list[int], int] | None:
    """Adjacent free words that, written together, make ``target``: pinyin syllables ("Zhong
    Xing", "Zhongxing") or a hyphenated word written as one ("Radio-Electronic",
    "Radioelectronic"), compared as folded and as written."""
    written_target = {target.text, target.source.replace(" ", "")}
    for start in range(len(words)):
        if not free[start]:
            continue
        joined = words[start].text
        written = words[start].source.replace(" ", "")
        for end in range(start + 1, min(start + 4, len(words))):
            if not free[end]:
                break
            joined += words[end].text
            written += words[end].source.replace(" ", "")
            if min(len(joined), len(written)) > len(target.text) + 2:
                break
            distance = 0 if written in written_target else _similarity(joined, target.text)
            generic = any(words[at].kind is Kind.GENERIC for at in range(start, end + 1))
            if distance == 0 or (distance > 0 and not generic):
                return list(range(start, end + 1)), distance
    return None


def score_prepared(query: Prepared, listed: Prepared) -> Scored:
    """Align the words of two prepared names and score the alignment."""
    q_words, l_words = query.content, listed.content
    if not q_words or not l_words:
        return Scored(0.0, [])
    q_weights = query.weights if listed.has_distinct else tuple(1.0 for _ in q_words)
    q_free = [True] * len(q_words)
    l_free = [True] * len(l_words)
    pairs: list[tuple[int, int, int]] = []
    # equal words first (cheap), then the closest of the rest
    by_text: dict[str, list[int]] = {}
    for j, l_token in enumerate(l_words):
        by_text.setdefault(l_token.text, []).append(j)
    for i, q_token in enumerate(q_words):
        for j in by_text.get(q_token.text, ()):
            if l_free[j]:
                q_free[i] = l_free[j] = False
                pairs.append((i, j, 0))
                break
    candidates: list[tuple[int, float, int, int]] = []
    for i, q_token in enumerate(q_words):
        if not q_free[i]:
            continue
        for j, l_token in enumerate(l_words):
            if not l_free[j]:
                continue
            distance = _token_distance(q_token, l_token)
            if distance > 0 and q_token.kind is Kind.GENERIC and l_token.kind is Kind.DISTINCT:
                continue  # a city one letter from a name is another word, not a typo
            if distance >= 0:
                candidates.append((distance, -listed.weights[j], i, j))
    candidates.sort()
    for distance, _, i, j in candidates:
        if q_free[i] and l_free[j]:
            q_free[i] = l_free[j] = False
            pairs.append((i, j, distance))
    for j, l_token in enumerate(l_words):
        if l_free[j] and len(l_token.text) >= 4 and any(q_free):
            merged = _merge(q_words, q_free, l_token)
            if merged is not None:
                l_free[j] = False
                for i in merged[0]:
                    q_free[i] = False
                    pairs.append((i, j, merged[1]))
    for i, q_token in enumerate(q_words):
        if q_free[i] and len(q_token.text) >= 4 and any(l_free):
            merged = _merge(l_words, l_free, q_token)
            if merged is not None:
                q_free[i] = False
                for j in merged[0]:
                    l_free[j] = False
                    pairs.append((i, j, merged[1]))
    q_met = [0.0] * len(q_words)
    l_met = [0.0] * len(l_words)
    for i, j, distance in pairs:
        closeness = 1.0 - distance / max(len(q_words[i].text), len(l_words[j].text), 1)
        q_met[i] = max(q_met[i], closeness)
        l_met[j] = max(l_met[j], closeness)
    q_total = sum(q_weights) or 1.0
    l_total = sum(listed.weights) or 1.0
    q_share = sum(w * m for w, m in zip(q_weights, q_met, strict=True)) / q_total
    l_share = sum(w * m for w, m in zip(listed.weights, l_met, strict=True)) / l_total
    if not listed.has_distinct:
        # a name of generic words only alerts when the party's name is those words
        return Scored(l_share * q_share, pairs)
    score = LIST_SIDE_SHARE * l_share + (1 - LIST_SIDE_SHARE) * q_share
    if 0 in q_met and 0 in l_met:
        # each name has a word the other lacks ("Roche Holding", "Roche Consulting")
        score *= BOTH_UNMET_FACTOR
    if not any(l_met[j] > 0 and token.kind is Kind.DISTINCT for j, token in enumerate(l_words)):
        score = min(score, GENERIC_ONLY_CAP)
    return Scored(score, pairs)


def _how(q_token: Token, l_token: Token, distance: int) -> How:
    if distance > 0:
        return How.FUZZY
    origins = {q_token.origin, l_token.origin}
    if Origin.TRANSLATED in origins:
        return How.TRANSLATED
    if Origin.TRANSLITERATED in origins:
        return How.TRANSLITERATED
    if q_token.kind is Kind.GENERIC and l_token.kind is Kind.GENERIC:
        return How.GENERIC
    return How.EXACT


def explain(query: Prepared, listed: Prepared, scored: Scored) -> tuple[TokenMatch, ...]:
    """The word-by-word explanation of a scored pair, in the party name's order."""
    by_query: dict[int, list[tuple[int, int]]] = {}
    met_list: set[int] = set()
    for i, j, distance in scored.pairs:
        by_query.setdefault(i, []).append((j, distance))
        met_list.add(j)
    tokens: list[TokenMatch] = []
    for i, q_token in enumerate(query.content):
        weight = query.weights[i] if listed.has_distinct else 1.0
        for j, distance in by_query.get(i, []):
            l_token = listed.content[j]
            how = _how(q_token, l_token, distance)
            tokens.append(
                TokenMatch(
                    query_token=q_token.source,
                    list_token=l_token.source,
                    how=how,
                    distance=distance,
                    weight=listed.weights[j],
                )
            )
        if i not in by_query:
            tokens.append(
                TokenMatch(
                    query_token=q_token.source, list_token=None, how=How.MISSING, weight=weight
                )
            )
    for j, l_token in enumerate(listed.content):
        if j not in met_list:
            tokens.append(
                TokenMatch(
                    query_token=None,
                    list_token=l_token.source,
                    how=How.MISSING,
                    weight=listed.weights[j],
                )
            )
    l_forms = [token.source for token in listed.forms]
    for index, q_form in enumerate(query.forms):
        other = l_forms[index] if index < len(l_forms) else None
        tokens.append(TokenMatch(query_token=q_form.source, list_token=other, how=How.COMPANY_FORM))
    for l_form in l_forms[len(query.forms) :]:
        tokens.append(TokenMatch(query_token=None, list_token=l_form, how=How.COMPANY_FORM))
    return tuple(tokens)


_SAME_AS = {"HK": "CN", "MO": "CN"}
"""Hong Kong and Macau are China for screening as for the tiers (rules.md section 2)."""


def _codes(countries: Sequence[str]) -> set[str]:
    return {country.strip().upper() for country in countries if country.strip()}


def country_agreement(query: Sequence[str], listed: Sequence[str]) -> CountryAgreement:
    """Agree when the party and the entry share a country, differ when both have some."""
    ours = {_SAME_AS.get(code, code) for code in _codes(query)}
    theirs = {_SAME_AS.get(code, code) for code in _codes(listed)}
    if not ours or not theirs:
        return CountryAgreement.UNKNOWN
    return CountryAgreement.AGREE if ours & theirs else CountryAgreement.DIFFER


def adjust_for_countries(score: float, countries: CountryAgreement) -> float:
    return score * COUNTRY_DIFFER_FACTOR if countries is CountryAgreement.DIFFER else score


def build_match(
    entry_id: str,
    query: Prepared,
    listed: Prepared,
    scored: Scored,
    countries: CountryAgreement,
    list_name: str | None = None,
) -> NameMatch:
    """Dress a scored pair as a :class:`NameMatch` with its one-line explanation."""
    score = round(adjust_for_countries(scored.score, countries), 4)
    tokens = explain(query, listed, scored)
    words = ", ".join(token.describe() for token in tokens)
    shown = list_name if list_name is not None else listed.name
    line = f"{score:.2f} '{query.name}' ~ '{shown}': {words}; countries {countries.value}"
    return NameMatch(
        entry_id=entry_id,
        list_name=shown,
        query_name=query.name,
        score=score,
        tokens=tokens,
        countries=countries,
        explanation=line,
    )


def score_names(
    query_name: str,
    list_name: str,
    query_countries: Sequence[str] = (),
    list_countries: Sequence[str] = (),
    entry_id: str = "",
) -> NameMatch:
    """Score one party name against one list name (weights without list statistics)."""
    query, listed = prepare(query_name), prepare(list_name)
    countries = country_agreement(query_countries, list_countries)
    return build_match(entry_id, query, listed, score_prepared(query, listed), countries)
