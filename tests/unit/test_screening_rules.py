"""Screening's effect on an order (rules.md section 9): the table, dispositions bound to the
entry's content, second approval, and the Affiliates rule with its dated status."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from domain.decision import Outcome
from domain.model import Standing
from domain.rules.codes import FindingCode
from domain.screening.model import ListKind
from domain.screening.results import (
    Disposition,
    MatchState,
    OwnerShare,
    PartyScreening,
    PotentialMatch,
    QueryRole,
    ScreeningState,
    Verdict,
    match_state,
)
from tests.unit.builders import blocking, decide, lpp_cert, party

ON = date(2026, 3, 2)
AT = datetime(2026, 3, 1, 9, 0)
LPP_OK = Standing(lpp_certification=lpp_cert())

SOURCES = {
    ListKind.ENTITY_LIST: "Entity List (EL) - Bureau of Industry and Security",
    ListKind.DENIED_PERSONS: "Denied Persons List (DPL) - Bureau of Industry and Security",
    ListKind.SDN: "Specially Designated Nationals (SDN) - Treasury Department",
    ListKind.MILITARY_END_USER: "Military End User (MEU) List - Bureau of Industry and Security",
    ListKind.UNVERIFIED: "Unverified List (UVL) - Bureau of Industry and Security",
    ListKind.OTHER: "Nonproliferation Sanctions (ISN) - State Department",
}


def match(
    kind: ListKind = ListKind.ENTITY_LIST,
    *,
    entry: str = "E1",
    entry_hash: str = "h1",
    role: QueryRole = QueryRole.LEGAL_NAME,
    query: str = "Acme Trading",
    score: float = 0.9,
    policy: str = "Policy of denial for all items subject to the EAR.",
) -> PotentialMatch:
    return PotentialMatch(
        entry_id=entry,
        entry_hash=entry_hash,
        source=SOURCES[kind],
        list_kind=kind,
        entry_name="Acme Trading Co., Ltd.",
        list_name="Acme Trading Co., Ltd.",
        query_name=query,
        query_role=role,
        score=score,
        explanation="acme = acme (exact); trading = trading (generic)",
        license_policy=policy if kind is ListKind.ENTITY_LIST else "",
    )


def screened(ref: str, *matches: PotentialMatch) -> PartyScreening:
    return PartyScreening(
        party_ref=ref,
        snapshot_id=1,
        names_hash="n",
        screened_at=AT,
        threshold=0.65,
        matches=matches,
    )


def decided(
    found: PotentialMatch, verdict: Verdict, *, ref: str = "C1", approved: bool = False
) -> Disposition:
    return Disposition(
        party_ref=ref,
        entry_id=found.entry_id,
        entry_hash=found.entry_hash,
        verdict=verdict,
        reason="checked the address and the registration number",
        score=found.score,
        decided_by="officer-a",
        decided_at=AT,
        approved_by="officer-b" if approved else None,
        approved_at=AT if approved else None,
    )


def state(
    ref: str,
    *matches: PotentialMatch,
    verdicts: dict[str, Verdict] | None = None,
    owners: tuple[OwnerShare, ...] = (),
    approval: bool = False,
) -> ScreeningState:
    found = {item.entry_id: item for item in matches}
    return ScreeningState(
        screening=screened(ref, *matches),
        dispositions={
            entry: decided(found[entry], verdict, ref=ref)
            for entry, verdict in (verdicts or {}).items()
        },
        owners=owners,
        approval_setting=approval,
    )


def check(states: dict[str, ScreeningState], *, on: date = ON, **kwargs: object):  # type: ignore[no-untyped-def]
    return decide([("H100", 10)], standing=LPP_OK, on=on, screening=states, **kwargs)  # type: ignore[arg-type]


class TestTheTable:
    def test_a_party_with_no_screening_is_decided_as_before(self) -> None:
        assert check({}).outcome is Outcome.AUTHORIZED

    def test_a_clear_screening_changes_nothing(self) -> None:
        decision = check({"C1": state("C1")})
        assert decision.outcome is Outcome.AUTHORIZED
        assert not any(code.startswith("screening") for code in decision.codes())

    def test_an_undecided_match_holds_the_order_and_names_list_entry_names_and_score(self) -> None:
        decision = check({"C1": state("C1", match())})
        assert decision.outcome is Outcome.HOLD
        assert decision.consumption == ()
        pending = next(f for f in decision.findings if f.code == "screening_match_pending")
        assert pending.figures["entry"] == "E1"
        assert pending.figures["matched_name"] == "Acme Trading Co., Ltd."
        assert pending.figures["score"] == 0.9
        assert "Entity List" in str(pending.figures["list"])

    @pytest.mark.parametrize(
        ("kind", "code", "outcome"),
        [
            (ListKind.DENIED_PERSONS, FindingCode.DENIED_PARTY, Outcome.PROHIBITED),
            (ListKind.SDN, FindingCode.SANCTIONED_PARTY, Outcome.PROHIBITED),
            (ListKind.ENTITY_LIST, FindingCode.ENTITY_LIST, Outcome.LICENSE_REQUIRED),
            (ListKind.MILITARY_END_USER, FindingCode.MILITARY_END_USER, Outcome.LICENSE_REQUIRED),
            (ListKind.UNVERIFIED, FindingCode.UNVERIFIED_LIST, Outcome.HOLD),
            (ListKind.OTHER, FindingCode.RESTRICTED_PARTY_REVIEW, Outcome.HOLD),
        ],
    )
    def test_a_true_match_applies_its_lists_row(
        self, kind: ListKind, code: FindingCode, outcome: Outcome
    ) -> None:
        found = match(kind)
        decision = check({"C1": state("C1", found, verdicts={"E1": Verdict.TRUE_MATCH})})
        assert decision.outcome is outcome
        assert code in blocking(decision)
        assert decision.consumption == ()
        if outcome in (Outcome.PROHIBITED, Outcome.LICENSE_REQUIRED):
            assert decision.authorizations == ()

    def test_the_entity_list_finding_quotes_the_licence_policy(self) -> None:
        decision = check({"C1": state("C1", match(), verdicts={"E1": Verdict.TRUE_MATCH})})
        item = next(f for f in decision.findings if f.code == "entity_list")
        assert "Policy of denial for all items subject to the EAR." in item.message
        assert (
            item.figures["license_policy"] == "Policy of denial for all items subject to the EAR."
        )
        assert item.rule.startswith("15 CFR 744.11")

    def test_a_false_positive_clears_the_party(self) -> None:
        decision = check({"C1": state("C1", match(), verdicts={"E1": Verdict.FALSE_POSITIVE})})
        assert decision.outcome is Outcome.AUTHORIZED

    def test_the_end_user_is_screened_too(self) -> None:
        user = party("U1", "SG")
        decision = check(
            {
                "U1": state(
                    "U1", match(ListKind.DENIED_PERSONS), verdicts={"E1": Verdict.TRUE_MATCH}
                )
            },
            end_user=user,
        )
        assert decision.outcome is Outcome.PROHIBITED
        item = next(f for f in decision.findings if f.code == "denied_party")
        assert item.figures["party_role"] == "end_user"

    def test_a_true_match_of_the_ultimate_parent_says_so(self) -> None:
        found = match(role=QueryRole.PARENT, query="Acme Holding")
        decision = check({"C1": state("C1", found, verdicts={"E1": Verdict.TRUE_MATCH})})
        item = next(f for f in decision.findings if f.code == "entity_list")
        assert "through its ultimate parent" in item.message


class TestDispositions:
    def test_a_disposition_on_changed_entry_content_reopens(self) -> None:
        found = match(entry_hash="new")
        old = decided(match(entry_hash="old"), Verdict.FALSE_POSITIVE)
        assert match_state(found, old) is MatchState.REOPENED
        decision = check(
            {"C1": ScreeningState(screening=screened("C1", found), dispositions={"E1": old})}
        )
        assert decision.outcome is Outcome.HOLD
        assert "changed since" in next(
            f.message for f in decision.findings if f.code == "screening_match_pending"
        )

    def test_clearing_a_strong_match_waits_for_a_second_officer_when_the_setting_asks(self) -> None:
        strong = match(score=0.97)
        cleared = decided(strong, Verdict.FALSE_POSITIVE)
        assert match_state(strong, cleared, approval_setting=True) is MatchState.AWAITING_APPROVAL
        assert match_state(strong, cleared, approval_setting=False) is MatchState.CLEARED
        approved = decided(strong, Verdict.FALSE_POSITIVE, approved=True)
        assert match_state(strong, approved, approval_setting=True) is MatchState.CLEARED

    def test_a_weaker_match_is_cleared_by_one_officer_even_with_the_setting(self) -> None:
        weaker = match(score=0.8)
        assert (
            match_state(weaker, decided(weaker, Verdict.FALSE_POSITIVE), approval_setting=True)
            is MatchState.CLEARED
        )


def owner(name: str, share: float, ref: str | None = None) -> OwnerShare:
    return OwnerShare(name=name, country="CN", share_percent=share, party_ref=ref)


def owned(
    *owners: tuple[OwnerShare, ListKind | None], verdict: Verdict = Verdict.TRUE_MATCH
) -> ScreeningState:
    matches = [
        match(kind, entry=f"E-{item.name}", role=QueryRole.OWNER, query=item.name)
        for item, kind in owners
        if kind is not None
    ]
    return state(
        "C1",
        *matches,
        verdicts={found.entry_id: verdict for found in matches},
        owners=tuple(item for item, _ in owners),
    )


IN_EFFECT = date(2026, 12, 1)
SUSPENDED = date(2026, 3, 2)
FIRST_PERIOD = date(2025, 10, 15)


class TestAffiliatesRule:
    def test_listed_owners_together_at_fifty_percent_make_an_affiliate(self) -> None:
        states = {
            "C1": owned(
                (owner("Listed One", 30), ListKind.ENTITY_LIST),
                (owner("Listed Two", 20), ListKind.MILITARY_END_USER),
                (owner("Clean Fund", 50), None),
            )
        }
        decision = check(states, on=IN_EFFECT)
        assert decision.outcome is Outcome.LICENSE_REQUIRED
        item = next(f for f in decision.findings if f.code == "affiliate_of_listed_party")
        assert item.figures["listed_share_percent"] == 50
        assert "confirm the rule's current status" in item.message

    def test_the_strictest_owner_decides_the_outcome(self) -> None:
        states = {
            "C1": owned(
                (owner("Listed One", 30), ListKind.ENTITY_LIST),
                (owner("Sanctioned", 25), ListKind.SDN),
            )
        }
        assert check(states, on=IN_EFFECT).outcome is Outcome.PROHIBITED

    def test_below_fifty_percent_is_a_note_only(self) -> None:
        states = {"C1": owned((owner("Listed One", 49.9), ListKind.ENTITY_LIST))}
        decision = check(states, on=IN_EFFECT)
        assert decision.outcome is Outcome.AUTHORIZED
        assert "listed_owner_note" in decision.codes()

    def test_while_suspended_a_majority_listed_owner_is_a_note_only(self) -> None:
        states = {"C1": owned((owner("Listed One", 80), ListKind.ENTITY_LIST))}
        decision = check(states, on=SUSPENDED)
        assert decision.outcome is Outcome.AUTHORIZED
        note = next(f for f in decision.findings if f.code == "listed_owner_note")
        assert "suspended" in note.message

    def test_the_rule_applied_in_its_first_weeks(self) -> None:
        states = {"C1": owned((owner("Listed One", 60), ListKind.ENTITY_LIST))}
        standing = Standing(lpp_certification=lpp_cert(year=2025))
        decision = decide([("H100", 10)], standing=standing, on=FIRST_PERIOD, screening=states)
        assert decision.outcome is Outcome.LICENSE_REQUIRED

    def test_owners_on_lists_the_rule_does_not_name_do_not_count(self) -> None:
        states = {"C1": owned((owner("Unverified Co", 90), ListKind.UNVERIFIED))}
        decision = check(states, on=IN_EFFECT)
        assert "affiliate_of_listed_party" not in decision.codes()

    def test_an_owner_party_itself_owned_by_listed_parties_counts_whole(self) -> None:
        holding = state(
            "H1",
            match(entry="E-LP", role=QueryRole.OWNER, query="Listed Parent"),
            verdicts={"E-LP": Verdict.TRUE_MATCH},
            owners=(owner("Listed Parent", 60),),
        )
        consignee = state("C1", owners=(owner("Holding", 55, ref="H1"),))
        decision = check({"C1": consignee, "H1": holding}, on=IN_EFFECT)
        assert decision.outcome is Outcome.LICENSE_REQUIRED
        assert "affiliate_of_listed_party" in decision.codes()

    def test_an_owner_party_that_is_itself_listed_counts(self) -> None:
        listed = state("H1", match(), verdicts={"E1": Verdict.TRUE_MATCH})
        consignee = state("C1", owners=(owner("Holding", 50, ref="H1"),))
        decision = check({"C1": consignee, "H1": listed}, on=IN_EFFECT)
        assert "affiliate_of_listed_party" in decision.codes()

    def test_ownership_cycles_end(self) -> None:
        first = state("C1", owners=(owner("Other", 60, ref="C2"),))
        second = state("C2", owners=(owner("First", 60, ref="C1"),))
        assert check({"C1": first, "C2": second}, on=IN_EFFECT).outcome is Outcome.AUTHORIZED

    def test_a_pending_owner_match_holds(self) -> None:
        states = {
            "C1": owned(
                (owner("Maybe Listed", 60), ListKind.ENTITY_LIST), verdict=Verdict.TRUE_MATCH
            )
        }
        states["C1"] = states["C1"].model_copy(update={"dispositions": {}})
        assert check(states, on=IN_EFFECT).outcome is Outcome.HOLD
