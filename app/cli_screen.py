"""Screening commands (cli.md, "Screening"): ``screen`` a party, every party or a file of
names against the snapshot in use, ``dispose`` of a potential match, ``approve`` a cleared
strong match (second officer), and the screening settings."""

from __future__ import annotations

import argparse
import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli_support import EXIT_BAD_INPUT, EXIT_OK, Run, emit_json, ref_argument
from domain.errors import DomainError
from domain.screening.results import (
    Disposition,
    MatchState,
    PartyScreening,
    PotentialMatch,
    Verdict,
    match_state,
)
from domain.services.screening import (
    ScreeningSettings,
    approve,
    dispose,
    needs_approval,
    read_screening_settings,
    screen_all,
    screen_names,
    screen_party,
    update_screening_settings,
)

Handler = Callable[[Run], int]


def add_screen_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    screen = commands.add_parser(
        "screen",
        parents=[common],
        help="screen a party, every party, or a file of names against the list in use",
        description=(
            "Screen names against the restricted-party list snapshot in use: a party's legal "
            "name, aliases, ultimate parent and owners (PARTY_REF), every party (--all, one "
            "JSON object per line), or names that are not parties (--file NAMES.csv with "
            "columns name,country)."
        ),
    )
    which = screen.add_mutually_exclusive_group(required=True)
    which.add_argument("party", nargs="?", metavar="PARTY_REF", type=ref_argument)
    which.add_argument("--all", action="store_true", help="screen every party")
    which.add_argument("--file", type=Path, metavar="NAMES.csv", help="screen free names")
    screen.add_argument(
        "--threshold", type=float, help="alert threshold for --file (default: the setting)"
    )
    decide = commands.add_parser(
        "dispose",
        parents=[common],
        help="decide a potential match: true match or false positive, with a reason",
    )
    decide.add_argument("party", metavar="PARTY_REF", type=ref_argument)
    decide.add_argument("entry", metavar="ENTRY_ID")
    decide.add_argument(
        "--as", dest="verdict", required=True, choices=[item.value for item in Verdict]
    )
    decide.add_argument("--reason", required=True, help="why (kept in the audit log)")
    decide.add_argument("--document", help="a supporting document's name or reference")
    second = commands.add_parser(
        "approve",
        parents=[common],
        help="approve, as a second officer, the clearing of a strongly scored match",
    )
    second.add_argument("party", metavar="PARTY_REF", type=ref_argument)
    second.add_argument("entry", metavar="ENTRY_ID")
    options = commands.add_parser(
        "screening-settings",
        parents=[common],
        help="the alert threshold and whether clearing a strong match needs a second officer",
    )
    options.add_argument("--threshold", type=float, help="alert threshold, in (0, 1]")
    options.add_argument(
        "--second-approval", choices=["on", "off"], help="second officer for scores >= 0.95"
    )


def match_json(
    match: PotentialMatch, disposition: Disposition | None = None, state: MatchState | None = None
) -> dict[str, object]:
    document: dict[str, object] = {
        "entry": match.entry_id,
        "entry_hash": match.entry_hash,
        "list": match.source,
        "list_kind": match.list_kind.value,
        "entry_name": match.entry_name,
        "matched_name": match.list_name,
        "query_name": match.query_name,
        "query_role": match.query_role.value,
        "score": round(match.score, 4),
        "countries": match.countries,
        "explanation": match.explanation,
        "tokens": [token.model_dump(mode="json") for token in match.tokens],
        "license_requirement": match.license_requirement,
        "license_policy": match.license_policy,
    }
    if state is not None:
        document["state"] = state.value
        document["disposition"] = (
            None if disposition is None else disposition.model_dump(mode="json")
        )
    return document


def screening_json(
    screening: PartyScreening, dispositions: dict[str, Disposition], approval: bool
) -> dict[str, object]:
    states = [(match, dispositions.get(match.entry_id)) for match in screening.matches]
    judged = [
        (match, current, match_state(match, current, approval_setting=approval))
        for match, current in states
    ]
    status = "clear"
    if any(state.open for *_, state in judged):
        status = "potential_match"
    elif any(state is MatchState.CONFIRMED for *_, state in judged):
        status = "match"
    return {
        "party": screening.party_ref,
        "snapshot": str(screening.snapshot_id),
        "screened_at": screening.screened_at.isoformat(),
        "threshold": screening.threshold,
        "status": status,
        "matches": [match_json(match, current, state) for match, current, state in judged],
    }


def _dispositions(run: Run, refs: list[str]) -> dict[str, dict[str, Disposition]]:
    """The newest disposition of each (party, entry), for all ``refs`` in one read."""
    with run.db().reader() as uow:
        return uow.screenings.dispositions_for(refs)


def _settings(run: Run) -> ScreeningSettings:
    with run.db().reader() as uow:
        return read_screening_settings(uow)


def _approval(run: Run) -> bool:
    return _settings(run).second_approval


def _write_screening(run: Run, document: dict[str, object]) -> None:
    if run.json:
        emit_json(document, run.out)
        return
    matches: list[dict[str, Any]] = document["matches"]  # type: ignore[assignment]
    run.out.write(
        f"{document['party']}: {document['status'].replace('_', ' ')}"  # type: ignore[attr-defined]
        f" (snapshot {document['snapshot']}, {len(matches)} potential matches at "
        f"{document['threshold']})\n"
    )
    for item in matches:
        run.out.write(
            f"  {item['score']:.2f}  {item['state']:<18} {item['list_kind']:<18} "
            f"{item['entry']}  {item['query_role']} {item['query_name']!r} ~ "
            f"{item['matched_name']!r}\n      {item['explanation']}\n"
        )


def _cmd_screen(run: Run) -> int:
    if run.args.file is not None:
        return _screen_file(run, run.args.file)
    approval = _approval(run)
    if run.args.all:
        done = screen_all(run.db(), actor=run.actor)
        decided = _dispositions(run, [item.party_ref for item in done])
        for screening in done:
            document = screening_json(screening, decided.get(screening.party_ref, {}), approval)
            _write_screening(run, document)
        if not run.json:
            flagged = sum(1 for item in done if item.matches)
            run.out.write(f"screened {len(done)} parties: {flagged} with potential matches\n")
        return EXIT_OK
    screening = screen_party(run.db(), run.args.party, actor=run.actor)
    own = _dispositions(run, [run.args.party]).get(run.args.party, {})
    _write_screening(run, screening_json(screening, own, approval))
    return EXIT_OK


def _screen_file(run: Run, path: Path) -> int:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise DomainError(f"{path}: cannot read the file ({error.strerror})") from error
    except UnicodeDecodeError as error:
        run.err.write(
            f"diffusion-desk: error: {path}: byte {error.start}: not UTF-8 text; expected a "
            "UTF-8 CSV file with columns name,country\n"
        )
        return EXIT_BAD_INPUT
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or "name" not in [f.strip() for f in reader.fieldnames]:
        run.err.write(
            f"diffusion-desk: error: {path}: row 1: the header has no column 'name'; "
            "expected name,country\n"
        )
        return EXIT_BAD_INPUT
    rows: list[tuple[str, str | None]] = []
    for number, row in enumerate(reader, start=2):
        values = {(key or "").strip(): (value or "").strip() for key, value in row.items()}
        name = values.get("name", "")
        country = values.get("country", "").upper() or None
        if not name:
            run.err.write(
                f"diffusion-desk: error: {path}: row {number}, column name: empty; expected "
                "the name to screen\n"
            )
            return EXIT_BAD_INPUT
        if country is not None and (len(country) != 2 or not country.isalpha()):
            run.err.write(
                f"diffusion-desk: error: {path}: row {number}, column country: {country!r}; "
                "expected a two-letter country code or nothing\n"
            )
            return EXIT_BAD_INPUT
        rows.append((name, country))
    results = screen_names(run.db(reading=True), rows, threshold=run.args.threshold)
    for number, ((name, country), matches) in enumerate(zip(rows, results, strict=True), 2):
        status = "potential_match" if matches else "clear"
        document = {
            "row": number,
            "name": name,
            "country": country,
            "status": status,
            "matches": [match_json(match) for match in matches],
        }
        if run.json:
            emit_json(document, run.out)
        else:
            run.out.write(f"row {number}: {name}: {status.replace('_', ' ')}\n")
            for match in matches:
                run.out.write(
                    f"  {match.score:.2f}  {match.list_kind.value:<18} {match.entry_id}  "
                    f"{match.list_name!r}\n      {match.explanation}\n"
                )
    return EXIT_OK


def _cmd_dispose(run: Run) -> int:
    disposition = dispose(
        run.db(),
        run.args.party,
        run.args.entry,
        Verdict(run.args.verdict),
        reason=run.args.reason,
        actor=run.actor,
        document=run.args.document,
    )
    return _write_disposition(run, disposition)


def _cmd_approve(run: Run) -> int:
    return _write_disposition(
        run, approve(run.db(), run.args.party, run.args.entry, actor=run.actor)
    )


def _write_disposition(run: Run, disposition: Disposition) -> int:
    waits = needs_approval(disposition, _settings(run)) and disposition.approved_by is None
    if run.json:
        document = disposition.model_dump(mode="json")
        document["awaiting_approval"] = waits
        emit_json(document, run.out)
        return EXIT_OK
    run.out.write(
        f"{disposition.party_ref}: entry {disposition.entry_id} recorded as "
        f"{disposition.verdict.value.replace('_', ' ')} by {disposition.decided_by}"
        f"{' (approved by ' + disposition.approved_by + ')' if disposition.approved_by else ''}"
        f"{'; awaiting a second officer' if waits else ''}\n"
    )
    return EXIT_OK


def _cmd_settings(run: Run) -> int:
    flag = run.args.second_approval
    settings = update_screening_settings(
        run.db(),
        actor=run.actor,
        threshold=run.args.threshold,
        second_approval=None if flag is None else flag == "on",
    )
    if run.json:
        emit_json(
            {"threshold": settings.threshold, "second_approval": settings.second_approval},
            run.out,
        )
    else:
        run.out.write(
            f"alert threshold {settings.threshold:g}; second officer for clearing strong "
            f"matches: {'on' if settings.second_approval else 'off'}\n"
        )
    return EXIT_OK


SCREEN_HANDLERS: dict[str, Handler] = {
    "screen": _cmd_screen,
    "dispose": _cmd_dispose,
    "approve": _cmd_approve,
    "screening-settings": _cmd_settings,
}
