"""The know-your-customer checklist of rules.md section 8: reading answered checklists.

The questions are ruleset data (``[red_flags]``; BIS's guidance of 2025-05-13 on the diversion
of advanced computing ICs, read with the "Know Your Customer" red flags of Supp. No. 3 to
Part 732). Each has a stable key: answered checklists are stored as ``{key: observed}``, so
the wording may be improved later without changing what an old checklist meant. No single red
flag decides anything; the answers are kept with the order (and in the audit log) for the
officer's judgement and an auditor's questions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from domain.model import Party
from domain.ruleset import RedFlagChecklist, RedFlagQuestion, Ruleset


def question(checklist: RedFlagChecklist, key: str) -> RedFlagQuestion | None:
    """The question with this key, or None for a key no longer asked."""
    return next((item for item in checklist.questions if item.key == key), None)


def raised(answers: Mapping[str, bool], checklist: RedFlagChecklist) -> list[str]:
    """The red flags an answered checklist raised, as their text (unknown keys by key)."""
    texts = {item.key: item.text for item in checklist.questions}
    return [texts.get(key, key) for key, observed in answers.items() if observed]


def known_from_records(parties: Iterable[Party], ruleset: Ruleset) -> dict[str, str]:
    """Red flags the stored party records already show, with the reason (to pre-tick).

    Only what the records say for certain is offered; the officer confirms it.
    """
    found: dict[str, str] = {}
    for party in parties:
        country = party.parent_hq_country
        if country is not None and ruleset.tier_of(country) == 3:
            found["parent_in_tier3"] = (
                f"{party.ref}: ultimate parent {party.parent_name} is headquartered in "
                f"{ruleset.place(country)}, Tier 3 under ruleset {ruleset.id}"
            )
    return found
