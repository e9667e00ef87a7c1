"""The tamper-evident record (EAR Part 762): hash-chained audit entries and decision hashes.

Every change writes an audit entry; each entry's hash covers its own fields and the hash of
the entry before it, so editing, inserting or deleting any entry in the middle breaks the
chain from there on. Recorded decisions carry a content hash that their audit entry repeats,
so a decision edited outside the app no longer matches.
"""

from __future__ import annotations

import hashlib
import inspect
import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final, TypedDict

from pydantic import BaseModel

from domain.frozen import Frozen
from domain.numbers import json_number

GENESIS_HASH = "0" * 64


class Change(TypedDict):
    """A value's before and after as an audit entry keeps them (``append(..., **change)``)."""

    before: dict[str, Any] | None
    after: dict[str, Any]


def change(before: BaseModel | None, after: BaseModel) -> Change:
    """The audited form of a value that was ``before`` (None: it is new) and is now ``after``."""
    return {
        "before": None if before is None else before.model_dump(mode="json"),
        "after": after.model_dump(mode="json"),
    }


def canonical_json(value: object) -> str:
    """JSON with sorted keys and no spacing: the same value always gives the same text."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_default
    )


def _default(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, Decimal):
        return json_number(value)
    raise TypeError(f"cannot hash a value of type {type(value).__name__}")


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class AuditHead(Frozen):
    """What every view of an audit entry shows: its place in the log, who, when and what."""

    seq: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_ref: str


class AuditEntry(AuditHead):
    """One change to the records: who, when, what, before and after."""

    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    prev_hash: str
    hash: str


def audit_entry_hash(
    *,
    seq: int,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_ref: str,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    prev_hash: str,
) -> str:
    """The hash that binds an entry to its content and to the entry before it."""
    body = canonical_json(
        {
            "seq": seq,
            "at": at.isoformat(),
            "actor": actor,
            "action": action,
            "entity": entity,
            "entity_ref": entity_ref,
            "before": before,
            "after": after,
            "prev": prev_hash,
        }
    )
    return sha256_hex(body)


def decision_content_hash(
    *,
    order_ref: str,
    seq: int,
    decided_at: datetime,
    decided_by: str,
    supersedes: int | None,
    payload: Mapping[str, Any],
) -> str:
    """The hash of a recorded decision: its payload and who decided it, when."""
    return sha256_hex(
        canonical_json(
            {
                "order": order_ref,
                "seq": seq,
                "at": decided_at.isoformat(),
                "by": decided_by,
                "supersedes": supersedes,
                "payload": payload,
            }
        )
    )


DECISION_HASHED: Final = tuple(inspect.signature(decision_content_hash).parameters)
"""What a recorded decision's hash covers: the arguments of ``decision_content_hash``."""


def hashed_fields(record: object, names: tuple[str, ...]) -> dict[str, Any]:
    """The values a stored record's hash is computed again from, by name."""
    return {name: getattr(record, name) for name in names}


class ChainProblem(Frozen):
    """The first place where the record does not match itself."""

    seq: int | None
    what: str


class Anchor(Frozen):
    """A chain head kept outside the database: the entry it names, and where it was kept."""

    seq: int
    hash: str
    source: str
    """Where it came from, as a message names it ("the anchor file, line 12 (2026-12-03)")."""


class VerifyReport(Frozen):
    """The result of walking the audit chain and the decisions it vouches for."""

    entries: int
    decisions: int
    head_hash: str
    head_seq: int = 0
    records: int = 0
    """Records the rules read, each checked against the state the chain sealed for it."""
    anchors: int = 0
    """Anchors outside the database (anchor files, registered documents) checked."""
    notes: tuple[str, ...] = ()
    """What this verification could not prove, in words."""
    problem: ChainProblem | None = None

    @property
    def intact(self) -> bool:
        return self.problem is None


def verify_chain(entries: Iterable[AuditEntry]) -> tuple[int, str, ChainProblem | None]:
    """Walk entries in sequence order; return (count, head hash, first problem)."""
    previous = GENESIS_HASH
    expected_seq = 1
    count = 0
    for entry in entries:
        count += 1
        if entry.seq != expected_seq:
            return (
                count,
                previous,
                ChainProblem(
                    seq=entry.seq,
                    what=f"entry {entry.seq} follows entry {expected_seq - 1}: "
                    f"entries {expected_seq}..{entry.seq - 1} are missing",
                ),
            )
        if entry.prev_hash != previous:
            return (
                count,
                previous,
                ChainProblem(
                    seq=entry.seq,
                    what=f"entry {entry.seq} does not point to the hash of entry {entry.seq - 1}",
                ),
            )
        recomputed = audit_entry_hash(
            seq=entry.seq,
            at=entry.at,
            actor=entry.actor,
            action=entry.action,
            entity=entry.entity,
            entity_ref=entry.entity_ref,
            before=entry.before,
            after=entry.after,
            prev_hash=entry.prev_hash,
        )
        if recomputed != entry.hash:
            return (
                count,
                previous,
                ChainProblem(
                    seq=entry.seq,
                    what=f"entry {entry.seq} ({entry.action} {entry.entity} {entry.entity_ref}) "
                    "was changed after it was written: its content no longer matches its hash",
                ),
            )
        previous = entry.hash
        expected_seq += 1
    return count, previous, None
