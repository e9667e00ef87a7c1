"""Screening parties against the list snapshot in use, and the officer's dispositions
(rules.md section 9).

A party is screened under its legal name, every alias, its ultimate parent's name and its
owners' names, with its countries as supporting evidence. A screening names the snapshot it
used and the hash of the names it covered, so a party is screened again when a new snapshot is
taken into use or its names change. The index over a snapshot's entries is built once per
process and snapshot content.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterable, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime
from threading import Lock, Thread

from domain.audit import change
from domain.csvio.parse import paused_collection
from domain.errors import DomainError
from domain.frozen import Frozen
from domain.model import Order, Owner, Party
from domain.ports import Database, UnitOfWork
from domain.progress import CancelToken, ProgressSink, no_progress
from domain.screening.index import (
    ScreeningIndex,
    keys_version,
    pack_keys,
)
from domain.screening.matching import (
    DEFAULT_ALERT_THRESHOLD,
    ListedParty,
    NameMatch,
    ScreeningQuery,
)
from domain.screening.model import ListEntry, SnapshotRecord
from domain.screening.parallel import available_workers, map_chunks
from domain.screening.results import (
    Disposition,
    EarlierScreening,
    MatchedToken,
    MatchState,
    NameKeys,
    OwnerShare,
    PartyScreening,
    PotentialMatch,
    QueryRole,
    ScreeningState,
    Verdict,
    match_state,
    names_hash,
    needs_second_approval,
)
from domain.services.stored_settings import update_settings

THRESHOLD_KEY = "screening.threshold"
SECOND_APPROVAL_KEY = "screening.second_approval"


class ScreeningSettings(Frozen):
    """The desk's screening settings: the alert threshold and whether clearing a strong
    match needs a second officer."""

    threshold: float = DEFAULT_ALERT_THRESHOLD
    second_approval: bool = False


def read_screening_settings(uow: UnitOfWork) -> ScreeningSettings:
    threshold, approval = uow.settings.get(THRESHOLD_KEY), uow.settings.get(SECOND_APPROVAL_KEY)
    try:
        value = float(json.loads(threshold)) if threshold else DEFAULT_ALERT_THRESHOLD
    except (TypeError, ValueError):
        value = DEFAULT_ALERT_THRESHOLD
    return ScreeningSettings(
        threshold=value if 0 < value <= 1 else DEFAULT_ALERT_THRESHOLD,
        second_approval=approval == "true",
    )


def update_screening_settings(
    db: Database, *, actor: str, threshold: float | None = None, second_approval: bool | None = None
) -> ScreeningSettings:
    """Change the alert threshold (0 < t <= 1) or the second-approval setting (audited)."""
    if threshold is not None and not 0 < threshold <= 1:
        raise DomainError(f"the alert threshold is {threshold:g}: expected a number in (0, 1]")
    changes: dict[str, str] = {}
    if threshold is not None:
        changes[THRESHOLD_KEY] = json.dumps(threshold)
    if second_approval is not None:
        changes[SECOND_APPROVAL_KEY] = "true" if second_approval else "false"
    return update_settings(
        db, actor=actor, group="screening", read=read_screening_settings, changes=changes
    )


# -- the index over a snapshot --------------------------------------------------------------


@dataclass(frozen=True)
class SnapshotIndex:
    snapshot: SnapshotRecord
    index: ScreeningIndex
    entries: Mapping[str, ListEntry]


_INDEXES: dict[str, SnapshotIndex] = {}
_INDEX_LOCK = Lock()


def index_of(uow: UnitOfWork, snapshot: SnapshotRecord) -> SnapshotIndex:
    """The index over ``snapshot``'s entries, built on first use in this process (kept by
    content hash: two files with the same content share it)."""
    with _INDEX_LOCK:
        known = _INDEXES.get(snapshot.content_hash)
        if known is not None:
            return SnapshotIndex(snapshot, known.index, known.entries)
        gc.unfreeze()  # an index dropped below is collected whole again
        entries = {entry.entry_id: entry for entry in uow.list_snapshots.entries(snapshot.id)}
        built = SnapshotIndex(snapshot, _build(entries.values()), entries)
        if len(_INDEXES) >= 2:
            _INDEXES.pop(next(iter(_INDEXES)))
        _INDEXES[snapshot.content_hash] = built
        # The index lives as long as the process uses its snapshot: the collector leaves its
        # millions of objects alone (every full collection would walk them all, and workers
        # forked to screen would copy every page they touch).
        gc.freeze()
        return built


def _build(entries: Iterable[ListEntry]) -> ScreeningIndex:
    return ScreeningIndex.build(
        ListedParty(entry_id=entry.entry_id, names=entry.names, countries=entry.countries)
        for entry in entries
    )


# -- screening one party ---------------------------------------------------------------------


def screened_names(party: Party, owners: Sequence[Owner]) -> list[tuple[QueryRole, str]]:
    """The names a party is screened under, each with its role, without repeats."""
    return _names_of(
        party.name, party.aliases, party.parent_name, [owner.owner_name for owner in owners]
    )


def _names_of(
    name: str, aliases: Iterable[str], parent_name: str | None, owner_names: Iterable[str]
) -> list[tuple[QueryRole, str]]:
    names: list[tuple[QueryRole, str]] = [(QueryRole.LEGAL_NAME, name)]
    names += [(QueryRole.ALIAS, alias) for alias in aliases]
    if parent_name:
        names.append((QueryRole.PARENT, parent_name))
    names += [(QueryRole.OWNER, owner) for owner in owner_names]
    seen: set[str] = set()
    unique = []
    for role, each in names:
        if each.casefold() not in seen:
            seen.add(each.casefold())
            unique.append((role, each))
    return unique


def party_names_hash(party: Party, owners: Sequence[Owner]) -> str:
    return names_hash(screened_names(party, owners))


Keyed = tuple[PartyScreening, NameKeys]
"""A screening and what is kept of its names (the hashes of the keys they were looked up
under): kept so that re-screening after an import knows which parties a change can
affect."""


def screen(
    party: Party,
    owners: Sequence[Owner],
    snapshot: SnapshotIndex,
    threshold: float,
    now: datetime,
) -> PartyScreening:
    """Screen ``party`` against ``snapshot`` (pure: nothing is stored)."""
    return screen_keyed(party, owners, snapshot, threshold, now)[0]


def screen_keyed(
    party: Party,
    owners: Sequence[Owner],
    snapshot: SnapshotIndex,
    threshold: float,
    now: datetime,
) -> Keyed:
    """:func:`screen`, with the hashes of the keys the party's names were looked up under."""
    names = screened_names(party, owners)
    own_countries = tuple(
        dict.fromkeys(c for c in (party.country, party.hq_country, party.parent_hq_country) if c)
    )
    queries: list[tuple[ScreeningQuery, dict[str, QueryRole]]] = []
    own = [(role, name) for role, name in names if role is not QueryRole.OWNER]
    queries.append(
        (
            ScreeningQuery(names=tuple(name for _, name in own), countries=own_countries),
            {name: role for role, name in own},
        )
    )
    for owner in owners:
        queries.append(
            (
                ScreeningQuery(names=(owner.owner_name,), countries=(owner.owner_country,)),
                {owner.owner_name: QueryRole.OWNER},
            )
        )
    found = snapshot.index.screen_many([query for query, _ in queries], threshold)
    matches: dict[tuple[str, str], PotentialMatch] = {}
    for (_query, roles), hits in zip(queries, found, strict=True):
        for hit in hits:
            entry = snapshot.entries.get(hit.entry_id)
            if entry is None:
                continue
            match = potential_match(hit, entry, roles.get(hit.query_name, QueryRole.LEGAL_NAME))
            key = (match.entry_id, match.query_name.casefold())
            if key not in matches or matches[key].score < match.score:
                matches[key] = match
    ordered = sorted(matches.values(), key=lambda item: (-item.score, item.entry_id))
    screening = PartyScreening(
        party_ref=party.ref,
        snapshot_id=snapshot.snapshot.id,
        names_hash=names_hash(names),
        screened_at=now,
        threshold=threshold,
        matches=tuple(ordered),
    )
    keys = snapshot.index.key_hashes((name for _, name in names), threshold)
    written = None if owners else (party.name, tuple(party.aliases), party.parent_name)
    return screening, NameKeys(pack_keys(keys), written)


def _store(uow: UnitOfWork, screened: Sequence[Keyed]) -> None:
    """Keep screenings and their names' key hashes (once per names hash and keys version)."""
    uow.screenings.add_many([screening for screening, _ in screened], screened_by=uow.actor)
    uow.screenings.add_name_keys(
        {screening.names_hash: kept for screening, kept in screened}, keys_version()
    )


def potential_match(hit: NameMatch, entry: ListEntry, role: QueryRole) -> PotentialMatch:
    return PotentialMatch(
        entry_id=entry.entry_id,
        entry_hash=entry.content_hash,
        source=entry.source,
        list_kind=entry.kind,
        entry_name=entry.name,
        list_name=hit.list_name,
        query_name=hit.query_name,
        query_role=role,
        score=max(0.0, min(1.0, hit.score)),
        explanation=hit.explanation,
        tokens=tuple(
            MatchedToken(
                query_token=token.query_token,
                list_token=token.list_token,
                how=str(token.how.value),
                distance=token.distance,
            )
            for token in hit.tokens
        ),
        countries=str(hit.countries.value),
        license_requirement=entry.license_requirement,
        license_policy=entry.license_policy,
        federal_register_notice=entry.federal_register_notice,
    )


# -- what orders need ------------------------------------------------------------------------


def _owner_shares(owners: Sequence[Owner]) -> tuple[OwnerShare, ...]:
    return tuple(
        OwnerShare(
            name=owner.owner_name,
            country=owner.owner_country,
            share_percent=owner.share_percent,
            party_ref=owner.owner_party_ref,
        )
        for owner in owners
    )


def screening_states(
    uow: UnitOfWork, party_refs: Sequence[str], *, screen: bool = False, store: bool = False
) -> dict[str, ScreeningState]:
    """The screening of each party and of its owners that are parties (and theirs), as
    evaluation takes it; {} when no snapshot is in use. With ``screen``, a party not yet
    screened against the snapshot in use under its current names is screened now (and the
    result stored when ``store``); without, only stored screenings count."""
    snapshot = uow.list_snapshots.in_use()
    if snapshot is None:
        return {}
    settings = read_screening_settings(uow)
    states: dict[str, ScreeningState] = {}
    todo = list(dict.fromkeys(party_refs))
    while todo:
        parties = uow.parties.get_many(todo)
        owners = uow.owners.owners_of_many(todo)
        stored = uow.screenings.latest_for(todo, snapshot.id)
        if screen:
            stale = [
                parties[ref]
                for ref in todo
                if ref in parties
                and not _current(stored.get(ref), parties[ref], owners.get(ref, []), settings)
            ]
            if stale:
                fresh = _screen_many(uow, snapshot, stale, owners, settings.threshold)
                if store:
                    _store(uow, list(fresh.values()))
                stored.update({ref: screening for ref, (screening, _) in fresh.items()})
        dispositions = uow.screenings.dispositions_for(todo)
        following: list[str] = []
        for ref in todo:
            own = owners.get(ref, [])
            states[ref] = ScreeningState(
                screening=stored.get(ref),
                dispositions=dispositions.get(ref, {}),
                approval_setting=settings.second_approval,
                owners=_owner_shares(own),
            )
            following += [
                owner.owner_party_ref
                for owner in own
                if owner.owner_party_ref and owner.owner_party_ref not in states
            ]
        todo = list(dict.fromkeys(following))
    return states


def unscreened(uow: UnitOfWork, party_refs: Sequence[str], snapshot: SnapshotRecord) -> list[str]:
    """Those of ``party_refs`` not yet screened against ``snapshot`` under their current
    names and the threshold in force (unknown refs left out)."""
    parties = uow.parties.get_many(party_refs)
    owners = uow.owners.owners_of_many(party_refs)
    stored = uow.screenings.latest_for(party_refs, snapshot.id)
    settings = read_screening_settings(uow)
    return [
        ref
        for ref in party_refs
        if ref in parties
        and not _current(stored.get(ref), parties[ref], owners.get(ref, []), settings)
    ]


def _current(
    screening: PartyScreening | None,
    party: Party,
    owners: Sequence[Owner],
    settings: ScreeningSettings,
) -> bool:
    """Whether a stored screening (against the snapshot in use) still stands: made under the
    party's current names and at the alert threshold now in force."""
    return (
        screening is not None
        and screening.threshold == settings.threshold
        and screening.names_hash == party_names_hash(party, owners)
    )


def _screen_many(
    uow: UnitOfWork,
    snapshot: SnapshotRecord,
    parties: Sequence[Party],
    owners: Mapping[str, Sequence[Owner]],
    threshold: float,
) -> dict[str, Keyed]:
    built = index_of(uow, snapshot)
    return {
        party.ref: screen_keyed(party, owners.get(party.ref, []), built, threshold, uow.now)
        for party in parties
    }


def screen_parties(
    uow: UnitOfWork, party_refs: Sequence[str], *, store: bool
) -> dict[str, PartyScreening]:
    """Screen ``party_refs`` against the snapshot in use inside ``uow``; stored when
    ``store``. Returns the screenings by party ref ({} when no snapshot is in use)."""
    snapshot = uow.list_snapshots.in_use()
    if snapshot is None or not party_refs:
        return {}
    parties = uow.parties.get_many(list(party_refs))
    missing = [ref for ref in party_refs if ref not in parties]
    if missing:
        raise DomainError(f"unknown party {missing[0]!r}")
    owners = uow.owners.owners_of_many(list(party_refs))
    threshold = read_screening_settings(uow).threshold
    results = _screen_many(uow, snapshot, [parties[ref] for ref in party_refs], owners, threshold)
    if store:
        _store(uow, list(results.values()))
    return {ref: screening for ref, (screening, _) in results.items()}


def screen_order_parties(
    uow: UnitOfWork, order: Order, *, store: bool
) -> dict[str, ScreeningState]:
    """Before an order is checked: its parties (and their owner parties) screened against the
    snapshot in use where not yet screened (stored when ``store``), as evaluation takes them
    ({} when no list has been imported)."""
    refs = [order.consignee_ref, *([order.end_user_ref] if order.end_user_ref else [])]
    return screening_states(uow, refs, screen=True, store=store)


def screen_party(db: Database, party_ref: str, *, actor: str) -> PartyScreening:
    """Screen one party now and keep the result."""
    with db.writer(actor) as uow:
        if uow.list_snapshots.in_use() is None:
            raise DomainError(
                "no restricted-party list has been imported: import the Consolidated "
                "Screening List first (`diffusion-desk lists import FILE`)"
            )
        result = screen_parties(uow, [party_ref], store=True)[party_ref]
        uow.commit()
        return result


def screen_all(
    db: Database,
    *,
    actor: str,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
    batch: int = 1000,
    workers: int | None = None,
) -> list[PartyScreening]:
    """Screen every party against the snapshot in use: on every core (``workers``, see
    parallel.py), each batch stored in its own transaction as it comes, so a Stop keeps
    what was done."""
    with db.reader() as uow:
        refs = [party.ref for party in uow.parties.all()]
    return screen_in_bulk(
        db, refs, actor=actor, progress=progress, cancel=cancel, batch=batch, workers=workers
    )


def screen_in_bulk(
    db: Database,
    refs: Sequence[str],
    *,
    actor: str,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
    batch: int = 1000,
    workers: int | None = None,
    label: str = "Screening parties",
) -> list[PartyScreening]:
    """Screen ``refs`` against the snapshot in use and store each screening.

    The parties are read once; the screening (pure computation) runs on ``workers`` cores;
    each batch is stamped and stored in its own transaction. A party renamed meanwhile is
    stored under the names it was screened under, and so is screened again when next
    needed (its names hash differs)."""
    if not refs:
        return []
    with db.reader() as uow:
        snapshot = uow.list_snapshots.in_use()
        if snapshot is None:
            return []
        parties = uow.parties.get_many(refs)
        owners = uow.owners.owners_of_many(refs)
        threshold = read_screening_settings(uow).threshold
        built = index_of(uow, snapshot)
        began = uow.now
    work = [(parties[ref], owners.get(ref, [])) for ref in refs if ref in parties]
    done: list[PartyScreening] = []
    progress(0, len(work), label)
    count = available_workers() if workers is None else max(1, workers)
    # parts small enough to keep every core busy to the end; stored a batch at a time
    part = max(1, min(batch, max(_SMALLEST_PART, -(-len(work) // (count * 4)))))
    results = map_chunks(
        _screen_chunk,
        (built, threshold, began, work),
        range(len(work)),
        chunk=part,
        workers=count,
    )
    pending: list[Keyed] = []

    def store() -> None:
        with db.writer(actor) as uow:
            stamped = [
                (item.model_copy(update={"screened_at": uow.now}), kept) for item, kept in pending
            ]
            _store(uow, stamped)
            uow.commit()
        done.extend(item for item, _ in stamped)
        pending.clear()
        progress(len(done), len(work), label)

    try:
        for found in results:
            if cancel is not None and cancel.cancelled:
                break
            pending += found
            if len(pending) >= batch:
                store()
        if pending:
            store()
    finally:
        results.close()
    return done


_SMALLEST_PART = 25
"""Parties a worker screens at a time, at least (fewer cost more in handing over)."""

_Work = tuple[SnapshotIndex, float, datetime, Sequence[tuple[Party, Sequence[Owner]]]]


def _screen_chunk(state: _Work, numbers: Sequence[int]) -> list[Keyed]:
    """Screen the parties at ``numbers`` of the work (in a worker, or in this process)."""
    built, threshold, now, work = state
    return [screen_keyed(*work[number], built, threshold, now) for number in numbers]


@dataclass(frozen=True)
class Rescreened:
    """What re-screening after a snapshot import did."""

    parties: int
    screened: int
    """Parties screened in full: new, renamed, or touched by an added, changed or removed
    entry."""
    carried: int
    """Parties whose earlier screening the changes cannot affect: carried to the new
    snapshot as it was."""
    with_matches: int
    cancelled: bool = False


def rescreen_after_import(
    db: Database,
    *,
    actor: str,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
    batch: int = 1000,
    workers: int | None = None,
) -> Rescreened:
    """Bring every party's screening to the snapshot in use, screening again only what the
    differences from the previous snapshot can affect (rules.md section 9).

    A party keeps its screening (carried to the new snapshot as it was) when it was screened
    against the previous snapshot under its current names and the threshold in force, none
    of its matches is on a removed or changed entry, and the change cannot reach it: the
    keys its names were looked up under meet no key of a name the change touched with words
    enough to reach the threshold, and no word whose weight moved is its own (see
    index.ChangeReach). Every other party is screened in full, on ``workers`` cores (see
    parallel.py). The carrying is a copy inside the database: nothing is read into values
    but names, hashes and keys. The names hash is computed only for a party whose names are
    not written as when its keys were kept, or that has owners
    (ScreeningRepository.earlier)."""
    with db.reader() as uow, paused_collection():
        snapshot = uow.list_snapshots.in_use()
        if snapshot is None:
            return Rescreened(0, 0, 0, 0)
        previous = uow.list_snapshots.previous(snapshot.id)
        everyone = uow.screenings.earlier(
            snapshot.id, previous.id if previous else None, keys_version()
        )
        owners: dict[str, list[str]] = {}
        for owner in uow.owners.all():
            owners.setdefault(owner.party_ref, []).append(owner.owner_name)
        threshold = read_screening_settings(uow).threshold
        changes = _changes(uow, snapshot, previous) if previous else ([], [], [])
        built = index_of(uow, snapshot)
    reach = built.index.reach(*changes, threshold=threshold)
    stale = set(snapshot.diff.removed) | set(snapshot.diff.changed)
    again: list[str] = []
    kept: list[EarlierScreening] = []
    for item in everyone:  # (read for 100,000 parties and more: tuples unpacked once)
        ref, screening_id, hashed, limit, entry_ids, keys, names, current = item
        if current:
            continue
        if (
            screening_id is None
            or keys is None
            or limit != threshold
            or (entry_ids and not entry_ids.isdisjoint(stale))
            or reach.affects(keys)
            or (names is not None and hashed != names_hash(_names_of(*names, owners.get(ref, ()))))
        ):
            again.append(ref)
        else:
            kept.append(item)
    todo = len(again) + len(kept)
    if cancel is not None and cancel.cancelled:
        return Rescreened(len(everyone), 0, 0, 0, cancelled=True)

    ids = [item.screening_id for item in kept if item.screening_id is not None]
    carrying = _Carrying(db, actor, ids, snapshot.id)
    carrying.start()  # a copy inside the database, in one transaction, while this screens
    few = len(again) < _FORKING_PAYS  # screened here, the collector paused as for the read
    try:
        with paused_collection() if few else nullcontext():
            fresh = screen_in_bulk(
                db,
                again,
                actor=actor,
                progress=progress,
                cancel=cancel,
                batch=batch,
                workers=1 if few else workers,
                label="Screening parties against the new list",
            )
    finally:
        carrying.join()
    progress(len(kept) + len(fresh), todo, "Screening parties against the new list")
    carried = len(kept)
    flagged = sum(1 for item in kept if item.entry_ids) + sum(1 for item in fresh if item.matches)
    cancelled = len(fresh) < len(again)
    return Rescreened(len(everyone), len(fresh), carried, flagged, cancelled=cancelled)


_FORKING_PAYS = 2000
"""Parties to screen from which forked workers finish sooner than this process alone (a
worker's first screenings cost more: every page of the index it touches is copied)."""


class _Carrying(Thread):
    """Carrying screenings to the new snapshot on a connection of its own, while the others
    are screened: the database does the work, outside the interpreter's lock. What it
    raises is raised again by :meth:`join`."""

    def __init__(self, db: Database, actor: str, ids: list[int], snapshot_id: int) -> None:
        super().__init__(name="carry screenings", daemon=True)
        self._db, self._actor, self._ids, self._snapshot_id = db, actor, ids, snapshot_id
        self._failure: BaseException | None = None

    def run(self) -> None:
        try:
            with self._db.writer(self._actor) as uow:
                uow.screenings.carry(self._ids, self._snapshot_id, at=uow.now, by=uow.actor)
                uow.commit()
        except BaseException as failure:
            self._failure = failure

    def join(self, timeout: float | None = None) -> None:
        super().join(timeout)
        if self._failure is not None:
            raise self._failure


def _changes(
    uow: UnitOfWork, snapshot: SnapshotRecord, previous: SnapshotRecord
) -> tuple[list[str], list[str], list[str]]:
    """What ``snapshot`` changed since ``previous`` in the names it matches: the names each
    entry gained and lost (all of them for an added or removed entry), and every name of an
    entry whose countries changed."""
    diff = snapshot.diff
    touched = sorted(set(diff.added) | set(diff.changed) | set(diff.removed))
    if len(touched) > 200:  # many changes: the entries are read at once
        now = {entry.entry_id: entry for entry in uow.list_snapshots.entries(snapshot.id)}
        before = {entry.entry_id: entry for entry in uow.list_snapshots.entries(previous.id)}
    else:
        now = {
            entry_id: found
            for entry_id in (*diff.added, *diff.changed)
            if (found := uow.list_snapshots.entry(snapshot.id, entry_id)) is not None
        }
        before = {
            entry_id: found
            for entry_id in (*diff.changed, *diff.removed)
            if (found := uow.list_snapshots.entry(previous.id, entry_id)) is not None
        }
    gained: list[str] = []
    lost: list[str] = []
    recountried: list[str] = []
    for entry_id in touched:
        new, old = now.get(entry_id), before.get(entry_id)
        names = set(new.names) if new is not None else set()
        earlier = set(old.names) if old is not None else set()
        gained += sorted(names - earlier)
        lost += sorted(earlier - names)
        if new is not None and old is not None and set(new.countries) != set(old.countries):
            recountried += sorted(names)
    return gained, lost, recountried


# -- dispositions ----------------------------------------------------------------------------


def dispose(
    db: Database,
    party_ref: str,
    entry_id: str,
    verdict: Verdict,
    *,
    reason: str,
    actor: str,
    document: str | None = None,
) -> Disposition:
    """The officer's decision on a potential match of the party's newest screening."""
    if not reason.strip():
        raise DomainError("a disposition needs a reason: say why it is (or is not) a match")
    with db.writer(actor) as uow:
        match = _current_match(uow, party_ref, entry_id)
        disposition = Disposition(
            party_ref=party_ref,
            entry_id=entry_id,
            entry_hash=match.entry_hash,
            verdict=verdict,
            reason=reason.strip(),
            document=document or None,
            score=match.score,
            decided_by=uow.actor,
            decided_at=uow.now,
        )
        uow.screenings.add_disposition(disposition)
        uow.audit.append("dispose", "party", party_ref, **change(None, disposition))
        uow.commit()
        return disposition


def approve(db: Database, party_ref: str, entry_id: str, *, actor: str) -> Disposition:
    """A second officer's approval of clearing a strong match (not the officer who cleared)."""
    with db.writer(actor) as uow:
        match = _current_match(uow, party_ref, entry_id)
        current = uow.screenings.dispositions_for([party_ref]).get(party_ref, {}).get(entry_id)
        settings = read_screening_settings(uow)
        if current is None or current.verdict is not Verdict.FALSE_POSITIVE:
            raise DomainError(f"{party_ref}: no cleared match on entry {entry_id} to approve")
        if match_state(match, current, approval_setting=settings.second_approval) is not (
            MatchState.AWAITING_APPROVAL
        ):
            raise DomainError(f"{party_ref}: the match on entry {entry_id} awaits no approval")
        if current.decided_by == uow.actor:
            raise DomainError(
                f"{party_ref}: {uow.actor} cleared this match; a second officer must approve it"
            )
        approved = current.model_copy(update={"approved_by": uow.actor, "approved_at": uow.now})
        uow.screenings.add_disposition(approved)
        uow.audit.append("approve", "party", party_ref, **change(current, approved))
        uow.commit()
        return approved


def _current_match(uow: UnitOfWork, party_ref: str, entry_id: str) -> PotentialMatch:
    snapshot = uow.list_snapshots.in_use()
    if snapshot is None:
        raise DomainError("no restricted-party list has been imported")
    if party_ref not in uow.parties.get_many([party_ref]):
        raise DomainError(f"unknown party {party_ref!r}")
    if party_ref in unscreened(uow, [party_ref], snapshot):
        screen_parties(uow, [party_ref], store=True)
    screening = uow.screenings.latest_for([party_ref], snapshot.id)[party_ref]
    for match in screening.matches:
        if match.entry_id == entry_id:
            return match
    known = ", ".join(match.entry_id for match in screening.matches) or "none"
    raise DomainError(
        f"{party_ref}: entry {entry_id!r} is not among its potential matches (they are: {known})"
    )


# -- the officer's queue and a party's history -----------------------------------------------


@dataclass(frozen=True)
class QueueItem:
    party_ref: str
    party_name: str
    match: PotentialMatch
    state: MatchState
    disposition: Disposition | None


def work_queue(db: Database, *, include_decided: bool = False) -> list[QueueItem]:
    """Potential matches against the snapshot in use still to decide, best first."""
    with db.reader() as uow:
        snapshot = uow.list_snapshots.in_use()
        if snapshot is None:
            return []
        screenings = uow.screenings.with_matches(snapshot.id)
        refs = [item.party_ref for item in screenings]
        parties = uow.parties.get_many(refs)
        dispositions = uow.screenings.dispositions_for(refs)
        approval = read_screening_settings(uow).second_approval
    items = []
    for screening in screenings:
        party = parties.get(screening.party_ref)
        for match in screening.matches:
            current = dispositions.get(screening.party_ref, {}).get(match.entry_id)
            state = match_state(match, current, approval_setting=approval)
            if include_decided or state.open:
                items.append(
                    QueueItem(
                        party_ref=screening.party_ref,
                        party_name=party.name if party else screening.party_ref,
                        match=match,
                        state=state,
                        disposition=current,
                    )
                )
    return sorted(items, key=lambda item: (-item.match.score, item.party_ref, item.match.entry_id))


@dataclass(frozen=True)
class PartyHistory:
    screenings: list[PartyScreening]
    dispositions: list[Disposition]


def history(db: Database, party_ref: str) -> PartyHistory:
    """Every screening and disposition of a party, newest first."""
    with db.reader() as uow:
        return PartyHistory(
            screenings=uow.screenings.history(party_ref),
            dispositions=uow.screenings.disposition_history(party_ref),
        )


def needs_approval(disposition: Disposition, settings: ScreeningSettings) -> bool:
    return disposition.verdict is Verdict.FALSE_POSITIVE and needs_second_approval(
        disposition.score, settings.second_approval
    )


# -- names that are not parties --------------------------------------------------------------


def screen_names(
    db: Database, rows: Sequence[tuple[str, str | None]], *, threshold: float | None = None
) -> list[list[PotentialMatch]]:
    """Screen free names (``screen --file``) against the snapshot in use; nothing is stored."""
    with db.reader() as uow:
        snapshot = uow.list_snapshots.in_use()
        if snapshot is None:
            raise DomainError(
                "no restricted-party list has been imported: import one first "
                "(`diffusion-desk lists import FILE`)"
            )
        built = index_of(uow, snapshot)
        limit = threshold if threshold is not None else read_screening_settings(uow).threshold
    queries = [
        ScreeningQuery(names=(name,), countries=(country,) if country else ())
        for name, country in rows
    ]
    return [
        [
            potential_match(hit, built.entries[hit.entry_id], QueryRole.LEGAL_NAME)
            for hit in hits
            if hit.entry_id in built.entries
        ]
        for hits in built.index.screen_many(queries, limit)
    ]
