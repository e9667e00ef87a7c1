"""Restricted-party screening: name matching (rules.md section 9, "Matching").

``names`` makes names comparable, ``vocabulary`` holds the words that are not names,
``matching`` scores one party name against one list name with an explanation, and ``index``
screens parties against many list entries at once.
"""

from domain.screening.index import ScreeningIndex
from domain.screening.matching import (
    DEFAULT_ALERT_THRESHOLD,
    CountryAgreement,
    How,
    ListedParty,
    NameMatch,
    ScreeningQuery,
    TokenMatch,
    score_names,
)

__all__ = [
    "DEFAULT_ALERT_THRESHOLD",
    "CountryAgreement",
    "How",
    "ListedParty",
    "NameMatch",
    "ScreeningIndex",
    "ScreeningQuery",
    "TokenMatch",
    "score_names",
]
