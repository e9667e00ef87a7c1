"""The know-your-customer checklist of rules.md section 8, as data.

The questions come from BIS's guidance of 2025-05-13 on the diversion of advanced computing
ICs, read with the "Know Your Customer" red flags of Supp. No. 3 to Part 732. Each has a
stable key: answered checklists are stored as ``{key: observed}``, so the wording may be
improved later without changing what an old checklist meant. No single red flag decides
anything; the answers are kept with the order (and in the audit log) for the officer's
judgement and an auditor's questions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Final

from pydantic import BaseModel, ConfigDict

from domain.countries import country_name
from domain.model import Party
from domain.ruleset import Ruleset


class RedFlagQuestion(BaseModel):
    """One red flag the officer looks for, phrased as something observed."""

    model_config = ConfigDict(frozen=True)

    key: str
    text: str
    """The red flag, as the checklist shows it next to its checkbox."""
    hint: str
    """What to look at to answer it."""


GUIDANCE_DATE: Final = date(2025, 5, 13)
GUIDANCE_SOURCE: Final = (
    f"BIS guidance of {GUIDANCE_DATE.isoformat()} on diversion of advanced computing ICs; "
    "Supp. No. 3 to Part 732 (Know Your Customer red flags)"
)
PRINCIPLE: Final = (
    "No single red flag decides: each answered checklist is kept with the order for the "
    "officer's judgement."
)

KYC_RED_FLAGS: Final[tuple[RedFlagQuestion, ...]] = (
    RedFlagQuestion(
        key="new_to_advanced_ics",
        text="The customer began ordering advanced ICs only after October 2022",
        hint="Order history with us and with other suppliers; when the business started.",
    ),
    RedFlagQuestion(
        key="residential_or_virtual_address",
        text="Residential or virtual office address for commercial quantities",
        hint="Delivery and business addresses against the quantities ordered.",
    ),
    RedFlagQuestion(
        key="little_online_presence",
        text="Little or no online presence",
        hint="Website, registry entries, press, staff who can be found.",
    ),
    RedFlagQuestion(
        key="datacenter_capacity_unproven",
        text="A data center that cannot show power, cooling and space for the GPUs ordered",
        hint="Site documents, power contracts, rack plans for the hardware ordered.",
    ),
    RedFlagQuestion(
        key="unusual_intermediaries",
        text="Freight forwarders or resellers not normally in semiconductor distribution",
        hint="Who ships, who resells, and whether that is their usual line of business.",
    ),
    RedFlagQuestion(
        key="end_use_reluctance",
        text="Reluctance to give end-use or end-user information",
        hint="Answers to end-use questions; evasive or incomplete statements.",
    ),
    RedFlagQuestion(
        key="parent_in_tier3",
        text="Ultimate parent headquartered in Tier 3",
        hint="Ownership chain up to the ultimate parent and where it is headquartered.",
    ),
    RedFlagQuestion(
        key="third_country_payment",
        text="Payment from a third country",
        hint="Where the payment comes from against where the customer is.",
    ),
)

_BY_KEY: Final = {question.key: question for question in KYC_RED_FLAGS}


def question(key: str) -> RedFlagQuestion | None:
    """The question with this key, or None for a key no longer asked."""
    return _BY_KEY.get(key)


def raised(answers: Mapping[str, bool]) -> list[str]:
    """The red flags an answered checklist raised, as their text (unknown keys by key)."""
    return [
        _BY_KEY[key].text if key in _BY_KEY else key
        for key, observed in answers.items()
        if observed
    ]


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
                f"{country_name(country)} ({country}), Tier 3 under ruleset {ruleset.id}"
            )
    return found
