"""Restricted-party screening's effect on an order (rules.md section 9).

For each party of the order (consignee, end user): a potential match not yet decided holds
the order; a true match applies the table of section 9 by the list it is on; and the
Affiliates rule adds up the shares of the party's listed owners (directly, and through owners
that are themselves parties) and, while in effect, restricts a party owned 50 % or more as its
strictest owner is restricted. The numbers and dates live in the ruleset's ``[screening]``
table; this module is the one place that applies them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from domain.decision import Finding, Outcome, Part
from domain.model import Party
from domain.rules.codes import FindingCode
from domain.rules.findings import finding
from domain.rules.geography import Role
from domain.ruleset import Ruleset
from domain.screening.model import ListKind
from domain.screening.results import (
    OwnerShare,
    PotentialMatch,
    QueryRole,
    ScreeningState,
)

_OWN_NAMES = (QueryRole.LEGAL_NAME, QueryRole.ALIAS, QueryRole.PARENT)

TABLE: Mapping[ListKind, tuple[FindingCode, Outcome]] = {
    ListKind.DENIED_PERSONS: (FindingCode.DENIED_PARTY, Outcome.PROHIBITED),
    ListKind.SDN: (FindingCode.SANCTIONED_PARTY, Outcome.PROHIBITED),
    ListKind.ENTITY_LIST: (FindingCode.ENTITY_LIST, Outcome.LICENSE_REQUIRED),
    ListKind.MILITARY_END_USER: (FindingCode.MILITARY_END_USER, Outcome.LICENSE_REQUIRED),
    ListKind.UNVERIFIED: (FindingCode.UNVERIFIED_LIST, Outcome.HOLD),
    ListKind.OTHER: (FindingCode.RESTRICTED_PARTY_REVIEW, Outcome.HOLD),
}
"""Section 9's table: a true match on each list, its finding and the order's outcome."""

AFFILIATE_KINDS = frozenset({ListKind.ENTITY_LIST, ListKind.MILITARY_END_USER, ListKind.SDN})
"""The lists whose parties' affiliates the Affiliates rule restricts."""


@dataclass(frozen=True)
class Screened:
    """One finding of screening and the outcome it asks for."""

    finding: Finding
    outcome: Outcome


@dataclass(frozen=True)
class ListedOwnership:
    """How much of a party its listed owners hold together, and who they are."""

    share_percent: float
    owners: tuple[tuple[OwnerShare, ListKind], ...]

    @property
    def strictest(self) -> ListKind | None:
        kinds = [kind for _owner, kind in self.owners]
        return max(kinds, key=lambda kind: TABLE[kind][1].rank, default=None)


def screening_findings(
    parties: Sequence[tuple[Role, Party]],
    states: Mapping[str, ScreeningState],
    ruleset: Ruleset,
    day: date,
) -> list[Screened]:
    """The findings of screening for the order's parties; none for a party the desk holds no
    screening of (no list imported yet)."""
    results: list[Screened] = []
    for role, party in parties:
        state = states.get(party.ref)
        if state is None or state.screening is None:
            continue
        results.extend(_party_findings(role, party, state, ruleset))
        results.extend(_affiliate_findings(role, party, states, ruleset, day))
    return results


def _party_findings(
    role: Role, party: Party, state: ScreeningState, ruleset: Ruleset
) -> list[Screened]:
    assert state.screening is not None
    refs = ruleset.screening.references
    found: list[Screened] = []
    for match in state.screening.matches:
        where = state.state_of(match).label
        if state.state_of(match).open:
            found.append(
                Screened(
                    finding(
                        FindingCode.SCREENING_MATCH_PENDING,
                        refs.pending,
                        f"Hold: the {role} {party.ref}'s {match.describe()}; {where}. "
                        "Decide it (true match or false positive) on the Screening page or "
                        "with `dispose`.",
                        Part.ORDER,
                        "block",
                        **_figures(role, party, match),
                    ),
                    Outcome.HOLD,
                )
            )
    for match in state.confirmed(_OWN_NAMES):
        code, outcome = TABLE[match.list_kind]
        found.append(
            Screened(
                finding(
                    code,
                    refs.for_kind(match.list_kind),
                    _true_match_words(role, party, match, outcome),
                    Part.ORDER,
                    "block",
                    **_figures(role, party, match),
                ),
                outcome,
            )
        )
    return found


def _true_match_words(role: Role, party: Party, match: PotentialMatch, outcome: Outcome) -> str:
    whose = "" if match.query_role is not QueryRole.PARENT else " through its ultimate parent"
    text = (
        f"{outcome.label}: the {role} {party.ref} is on the {match.source}{whose} "
        f"(true match: {match.describe()})."
    )
    if match.list_kind is ListKind.ENTITY_LIST and match.license_policy:
        text += f" Licence policy as the list states it: {match.license_policy}"
    elif match.list_kind is ListKind.UNVERIFIED:
        text += " A UVL statement from the party is needed; no licence exception applies."
    return text


def _figures(role: Role, party: Party, match: PotentialMatch) -> dict[str, str | float]:
    figures: dict[str, str | float] = {
        "party": party.ref,
        "party_role": role.replace(" ", "_"),
        "list": match.source,
        "list_kind": match.list_kind.value,
        "entry": match.entry_id,
        "entry_name": match.entry_name,
        "matched_name": match.list_name,
        "query_name": match.query_name,
        "query_role": match.query_role.value,
        "score": round(match.score, 4),
    }
    if match.license_policy:
        figures["license_policy"] = match.license_policy
    if match.license_requirement:
        figures["license_requirement"] = match.license_requirement
    return figures


def listed_ownership(
    party_ref: str,
    states: Mapping[str, ScreeningState],
    threshold_percent: float,
    _seen: frozenset[str] = frozenset(),
) -> ListedOwnership:
    """The share of ``party_ref`` held by listed owners together: owners whose name is a true
    match on a list the Affiliates rule names, and owners that are parties themselves listed
    or themselves owned 50 % or more by listed parties (counted whole, as the rule does)."""
    state = states.get(party_ref)
    if state is None or party_ref in _seen:
        return ListedOwnership(0.0, ())
    seen = _seen | {party_ref}
    owner_matches = state.confirmed((QueryRole.OWNER,))
    listed: list[tuple[OwnerShare, ListKind]] = []
    for owner in state.owners:
        kind = _listed_kind(owner, owner_matches, states, threshold_percent, seen)
        if kind is not None:
            listed.append((owner, kind))
    return ListedOwnership(
        min(100.0, sum(owner.share_percent for owner, _ in listed)), tuple(listed)
    )


def _listed_kind(
    owner: OwnerShare,
    owner_matches: Sequence[PotentialMatch],
    states: Mapping[str, ScreeningState],
    threshold_percent: float,
    seen: frozenset[str],
) -> ListKind | None:
    kinds = [
        match.list_kind
        for match in owner_matches
        if match.query_name.casefold() == owner.name.casefold()
        and match.list_kind in AFFILIATE_KINDS
    ]
    if owner.party_ref is not None and owner.party_ref in states:
        own = states[owner.party_ref]
        kinds.extend(
            match.list_kind
            for match in own.confirmed((QueryRole.LEGAL_NAME, QueryRole.ALIAS))
            if match.list_kind in AFFILIATE_KINDS
        )
        if not kinds:
            nested = listed_ownership(owner.party_ref, states, threshold_percent, seen)
            if nested.strictest is not None and nested.share_percent >= threshold_percent:
                kinds.append(nested.strictest)
    return max(kinds, key=lambda kind: TABLE[kind][1].rank, default=None)


def _affiliate_findings(
    role: Role, party: Party, states: Mapping[str, ScreeningState], ruleset: Ruleset, day: date
) -> list[Screened]:
    rule = ruleset.screening.affiliates
    ownership = listed_ownership(party.ref, states, rule.threshold_percent)
    strictest = ownership.strictest
    if strictest is None:
        return []
    period = rule.period_on(day)
    owners = ", ".join(
        f"{owner.name} ({owner.share_percent:g} %, {kind.value})"
        for owner, kind in ownership.owners
    )
    figures: dict[str, str | float] = {
        "party": party.ref,
        "party_role": role.replace(" ", "_"),
        "listed_share_percent": round(ownership.share_percent, 4),
        "threshold_percent": rule.threshold_percent,
        "owners": owners,
        "strictest_list": strictest.value,
    }
    reached = ownership.share_percent >= rule.threshold_percent
    if period is not None and period.in_effect and reached:
        outcome = TABLE[strictest][1]
        note = f" {period.note}" if period.note else ""
        return [
            Screened(
                finding(
                    FindingCode.AFFILIATE_OF_LISTED_PARTY,
                    rule.citation,
                    f"{outcome.label}: the {role} {party.ref} is owned "
                    f"{ownership.share_percent:g} % by listed parties ({owners}), at or above "
                    f"the Affiliates rule's {rule.threshold_percent:g} %; it carries the "
                    f"restrictions of its strictest owner.{note}",
                    Part.ORDER,
                    "block",
                    **figures,
                ),
                outcome,
            )
        ]
    status = "suspended" if period is not None and not period.in_effect else "not in effect"
    why = (
        f"the Affiliates rule is {status} on {day.isoformat()}"
        if period is None or not period.in_effect
        else f"below the Affiliates rule's {rule.threshold_percent:g} %"
    )
    return [
        Screened(
            finding(
                FindingCode.LISTED_OWNER_NOTE,
                rule.citation,
                f"Note: the {role} {party.ref} has listed owners holding "
                f"{ownership.share_percent:g} % ({owners}); {why}, so this is a note only.",
                Part.ORDER,
                **figures,
            ),
            Outcome.NO_LICENSE_REQUIRED,
        )
    ]
