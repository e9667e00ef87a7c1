"""Anchoring the audit chain outside the database (see ``storage.anchors``).

The composition root writes an anchor when a command that wrote ends, when a batch ends and
when the window closes, and reads the anchors back for ``audit verify``. Writing an anchor
never fails a command: a database on a read-only disk is still read, and the reason is
logged.
"""

from __future__ import annotations

import logging
from pathlib import Path

import platformdirs

from app.kit_merge import desk_key_for
from app.wiring import APP_NAME
from domain.audit import Anchor, ChainProblem, VerifyReport
from domain.ports import Clock
from domain.progress import ProgressSink, no_progress
from domain.ruleset import RulesetCatalog
from domain.services.documents.registry import HeadSigner
from domain.services.verification import verify_records
from storage.anchors import AnchorReading, anchor_path, append_anchor, read_anchors
from storage.desk_key import DeskKeyError
from storage.unit_of_work import SqlDatabase

log = logging.getLogger(__name__)


def anchor_file(db: SqlDatabase) -> Path:
    """Where the anchors of ``db`` are kept."""
    folder = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return anchor_path(db.target.path, db.target.url, folder)


def write_anchor(db: SqlDatabase, *, actor: str, clock: Clock) -> bool:
    """Anchor the chain's head now, if the last anchor is not already it."""
    try:
        with db.reader() as uow:
            seq, head = uow.audit.head()
        if seq == 0:
            return False
        path = anchor_file(db)
        path.parent.mkdir(parents=True, exist_ok=True)
        return None is not append_anchor(
            path,
            desk_key_for(db.target.path),
            seq=seq,
            head=head,
            at=clock.now(),
            by=actor,
            database=db.description,
        )
    except (OSError, DeskKeyError) as error:
        log.warning("could not anchor the audit chain of %s: %s", db.description, error)
        return False


def head_signer(db: SqlDatabase, *, actor: str, clock: Clock) -> HeadSigner:
    """For a paper that prints its chain head signed (the quota report): the head anchored in
    the anchor file, and "key FINGERPRINT…, signature HEX" back (None when it cannot be)."""

    def sign(seq: int, head: str) -> str | None:
        try:
            key = desk_key_for(db.target.path)
            path = anchor_file(db)
            path.parent.mkdir(parents=True, exist_ok=True)
            signature = append_anchor(
                path,
                key,
                seq=seq,
                head=head,
                at=clock.now(),
                by=actor,
                database=db.description,
                again=True,
            )
        except (OSError, DeskKeyError) as error:
            log.warning("could not sign the chain head for a paper: %s", error)
            return None
        if signature is None:
            return None
        return f"key {key.fingerprint}, anchor file {path.name}, signature {signature}"

    return sign


def anchors_of(db: SqlDatabase) -> AnchorReading:
    """The anchors kept for ``db``, read with the keys its desks sign with."""
    path = anchor_file(db)
    if not path.exists():
        return AnchorReading((), (), ())
    with db.reader() as uow:
        trusted = dict(uow.field_visits.trusted_keys())
    try:
        own = desk_key_for(db.target.path)
        trusted[own.fingerprint] = own.public_key.hex()
    except DeskKeyError as error:
        log.warning("the desk's own key could not be read: %s", error)
    return read_anchors(path, trusted)


def verify_anchored(
    db: SqlDatabase, catalog: RulesetCatalog, *, progress: ProgressSink = no_progress
) -> VerifyReport:
    """``audit verify`` as the command and the window run it: the record, its rulesets and
    every anchor kept for it. An anchor file line that is not the desk's is a problem too."""
    reading = anchors_of(db)
    report = verify_records(db, catalog, anchors=reading.anchors, progress=progress)
    notes = report.notes + tuple(reading.skipped)
    if report.problem is None and reading.problems:
        problem = ChainProblem(seq=None, what=f"{reading.problems[0]} ({anchor_file(db)})")
        return report.model_copy(update={"problem": problem, "notes": notes})
    return report.model_copy(update={"notes": notes})


__all__ = ["Anchor", "anchor_file", "anchors_of", "verify_anchored", "write_anchor"]
