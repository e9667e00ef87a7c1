"""The screening a recorded decision rested on, as the decision record prints it: for each
party of the order, the screening in force when the order was decided (screenings are kept
append-only with their times), the potential matches it considered and the dispositions made
by then, with who made them."""

from __future__ import annotations

from datetime import datetime

from domain.documents import ScreenedMatchRow, ScreeningBlock
from domain.ports import UnitOfWork
from domain.screening.results import Disposition, MatchState, match_state
from domain.services.screening import read_screening_settings


def screening_blocks(
    uow: UnitOfWork, parties: list[tuple[str, str]], decided_at: datetime
) -> tuple[ScreeningBlock, ...]:
    """``parties`` as (role, ref); nothing when no party had been screened by then."""
    approval = read_screening_settings(uow).second_approval
    blocks: list[ScreeningBlock] = []
    for role, ref in parties:
        screening = uow.screenings.as_of(ref, decided_at)
        if screening is None:
            continue
        snapshot = uow.list_snapshots.get(screening.snapshot_id)
        where = f"snapshot {screening.snapshot_id}"
        if snapshot is not None:
            where += (
                f" ({snapshot.file_name}, {snapshot.entries:,} entries, imported "
                f"{snapshot.imported_at:%Y-%m-%d %H:%M} UTC)"
            )
        newest: dict[str, Disposition] = {}
        for item in reversed(uow.screenings.disposition_history(ref)):
            if item.decided_at <= decided_at:
                newest[item.entry_id] = item
        rows = []
        states = []
        for match in screening.matches:
            disposition = newest.get(match.entry_id)
            state = match_state(match, disposition, approval_setting=approval)
            states.append(state)
            rows.append(
                ScreenedMatchRow(
                    entry=match.entry_id,
                    list_name=match.source,
                    names=f"{match.query_role.label} {match.query_name!r} ~ {match.list_name!r}",
                    score=f"{match.score:.2f}",
                    decision=_decision_words(state, disposition),
                )
            )
        result = f"clear: no potential match at threshold {screening.threshold:g}"
        if any(state.open for state in states):
            result = "potential matches not yet decided"
        elif MatchState.CONFIRMED in states:
            result = "true match"
        elif states:
            result = "every potential match cleared"
        blocks.append(
            ScreeningBlock(
                party=ref,
                role=role,
                snapshot=where,
                screened_at=screening.screened_at,
                result=result,
                matches=tuple(rows),
            )
        )
    return tuple(blocks)


def _decision_words(state: MatchState, disposition: Disposition | None) -> str:
    if disposition is None or state in (MatchState.PENDING, MatchState.REOPENED):
        return "not decided" if state is MatchState.PENDING else "reopened: the entry changed"
    text = (
        f"{disposition.verdict.value.replace('_', ' ')} by {disposition.decided_by}, "
        f"{disposition.decided_at:%Y-%m-%d %H:%M} UTC: {disposition.reason}"
    )
    if disposition.approved_by:
        text += f" (approved by {disposition.approved_by})"
    elif state is MatchState.AWAITING_APPROVAL:
        text += " (awaiting a second officer)"
    return text
