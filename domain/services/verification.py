"""Verifying the record: the audit chain, what anchors it, the decisions it vouches for, the
ledgers, the rulesets and every record the rules read.

Checks, in order, naming the first thing that does not match:
1. every audit entry's hash and link (``domain.audit.verify_chain``);
2. the anchors kept outside the database (signed anchor files, the chain head printed on
   every registered document): each names an entry that must still be in the chain with
   the same hash, so a shortened, wiped or recomputed chain is caught;
3. every decision row against its own content hash and against the audit entry that
   recorded it, and the ruleset file that decided it against the hash the decision recorded;
4. every ledger entry against the consumption its decision recorded, and every running
   balance against the sum of its entries;
5. every record the rules read against the digest the chain last sealed for it
   (``domain.record_state``);
6. the restricted-party list snapshots and the screening dispositions against the audit
   entries that recorded them (``domain.services.verification_screening``).

The whole walk streams: what must be remembered between passes goes to scratch space
outside Python's memory (``Database.scratch``), so memory stays flat as the record grows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any

from domain.audit import (
    DECISION_HASHED,
    Anchor,
    AuditEntry,
    ChainProblem,
    VerifyReport,
    decision_content_hash,
    hashed_fields,
    verify_chain,
)
from domain.decision import Consumption
from domain.figures import fmt_tpp
from domain.ledger import balance_key
from domain.numbers import ZERO, exact
from domain.ports import Database, DecisionIntegrity, UnitOfWork, VerifyScratch
from domain.progress import ProgressSink, no_progress
from domain.record_state import SEAL_ACTION, StateKind, all_digests, sealed_states, states_by_key
from domain.ruleset import RulesetCatalog
from domain.services.verification_screening import DISPOSITION_ACTIONS, ScreeningRecord

_BATCH = 2_000
_TOLERANCE = Decimal("0.001")
"""How far a running balance may stand from its entries: balances of a database from before
figures were exact were float sums, which can differ from the exact sum in the last digits."""


class _FoundError(Exception):
    """The first problem: stops the walk."""

    def __init__(self, seq: int | None, what: str) -> None:
        super().__init__(what)
        self.problem = ChainProblem(seq=seq, what=what)


def verify_records(
    db: Database,
    catalog: RulesetCatalog | None = None,
    *,
    anchors: Sequence[Anchor] = (),
    progress: ProgressSink = no_progress,
) -> VerifyReport:
    """Walk the whole record; ``report.problem`` names the first mismatch, if any.

    Without ``catalog`` the rulesets are not checked (their decisions' hashes still are).
    """
    with db.reader() as uow, db.scratch() as scratch:
        walk = _Walk(uow, scratch, catalog, progress)
        try:
            walk.chain()
            walk.anchors(anchors)
            walk.documents()
            walk.decisions()
            walk.records()
            walk.screening()
        except _FoundError as found:
            return walk.report(found.problem)
        return walk.report(None)


class _Walk:
    def __init__(
        self,
        uow: UnitOfWork,
        scratch: VerifyScratch,
        catalog: RulesetCatalog | None,
        progress: ProgressSink,
    ) -> None:
        self.uow = uow
        self.scratch = scratch
        self.catalog = catalog
        self.progress = progress
        self.entries = 0
        self.head_seq = 0
        self.head = ""
        self.decision_count = 0
        self.record_count = 0
        self.anchored = 0
        self.unhashed_rulesets = 0
        self.baseline_seq: int | None = None
        self.unsealed = False
        self.screened = ScreeningRecord()

    def report(self, problem: ChainProblem | None) -> VerifyReport:
        notes: list[str] = []
        if self.baseline_seq is not None:
            notes.append(
                f"records are vouched for from audit entry {self.baseline_seq} on, when this "
                "database was first opened by a desk that seals them; changes before it cannot "
                "be told from the chain"
            )
        if self.unsealed:
            notes.append(
                "the records were written before the desk sealed them and this database has "
                "not been opened for writing since: they were not checked"
            )
        if self.unhashed_rulesets:
            notes.append(
                f"{self.unhashed_rulesets:,} decisions were recorded before decisions carried "
                "their ruleset's hash: their ruleset file cannot be checked"
            )
        if not self.anchored:
            notes.append(
                "no anchor outside the database was found: a chain shortened or rewritten as a "
                "whole can only be caught against an anchor file or a registered paper"
            )
        return VerifyReport(
            entries=self.entries,
            decisions=self.decision_count,
            head_hash=self.head,
            head_seq=self.head_seq,
            records=self.record_count + self.screened.checked,
            anchors=self.anchored,
            notes=tuple(notes),
            problem=problem,
        )

    # -- 1. the chain --------------------------------------------------------------------

    def chain(self) -> None:
        total = self.uow.audit.count()
        decided: list[tuple[int, int, str | None]] = []
        expected: list[tuple[str, str, str | None, int]] = []
        scratch = self.scratch

        def watched(entries: Iterator[AuditEntry]) -> Iterator[AuditEntry]:
            for entry in entries:
                after = entry.after
                if entry.action == "decide" and after and "decision_id" in after:
                    content_hash = after.get("content_hash")
                    decided.append(
                        (
                            int(after["decision_id"]),
                            entry.seq,
                            None if content_hash is None else str(content_hash),
                        )
                    )
                elif entry.action == SEAL_ACTION:
                    if self.baseline_seq is None and after and after.get("baseline"):
                        self.baseline_seq = entry.seq
                    expected.extend(
                        (kind, key, digest, entry.seq) for kind, key, digest in sealed_states(after)
                    )
                if len(decided) >= _BATCH:
                    scratch.add_decided(decided)
                    decided.clear()
                if len(expected) >= _BATCH:
                    scratch.expect(expected)
                    expected.clear()
                self.screened.watch(entry)
                if entry.seq % 10_000 == 0:
                    self.progress(entry.seq, total, "audit entries")
                yield entry

        count, head, problem = verify_chain(watched(self.uow.audit.entries()))
        scratch.add_decided(decided)
        scratch.expect(expected)
        self.entries, self.head, self.head_seq = count, head, count
        if problem is not None:
            raise _FoundError(problem.seq, problem.what)
        self.progress(total, total, "audit entries")

    # -- 2. anchors ----------------------------------------------------------------------

    def anchors(self, anchors: Sequence[Anchor]) -> None:
        for anchor in sorted(anchors, key=lambda item: -item.seq):
            self._anchor(anchor.seq, anchor.hash, anchor.source)
            self.anchored += 1

    def _anchor(self, seq: int, expected_hash: str, source: str) -> None:
        if seq > self.head_seq:
            raise _FoundError(
                None,
                f"{source} vouches for audit entry {seq:,}, but the chain now ends at entry "
                f"{self.head_seq:,}: entries were removed from the end of the record",
            )
        if seq == 0:
            return
        found = self.uow.audit.hash_at(seq)
        if found != expected_hash:
            raise _FoundError(
                seq,
                f"{source} vouches for audit entry {seq:,} with hash {expected_hash[:16]}…, but "
                f"the chain now has {'no such entry' if found is None else found[:16] + '…'} "
                "there: the record was rewritten after it",
            )

    # -- 3 and 4. decisions and ledgers --------------------------------------------------

    def decisions(self) -> None:
        recorded = self.scratch.decided()
        pending = next(recorded, None)
        totals: dict[str, Decimal] = defaultdict(Decimal)
        batch: list[DecisionIntegrity] = []

        def flush() -> None:
            nonlocal pending
            if not batch:
                return
            ledger = self.uow.ledger.entries_between(batch[0].id, batch[-1].id)
            for row in batch:
                while pending is not None and pending[0] < row.id:
                    _gone(pending)
                if pending is None or pending[0] != row.id:
                    raise _FoundError(None, f"{_where(row)} has no audit entry recording it")
                self._decision(row, pending)
                _ledger(row, ledger.get(row.id, []), totals)
                pending = next(recorded, None)
            batch.clear()

        for row in self.uow.decisions.integrity_rows():
            self.decision_count += 1
            batch.append(row)
            if len(batch) == _BATCH:
                flush()
                self.progress(self.decision_count, 0, "decisions")
        flush()
        if pending is not None:
            _gone(pending)
        orphan = self.uow.ledger.orphan_decision()
        if orphan is not None:
            raise _FoundError(
                None,
                f"ledger entries name decision {orphan}, which is not in the decisions table",
            )
        _balances(totals, self.uow.ledger.balances())

    def _decision(self, row: DecisionIntegrity, recorded: tuple[int, int, str | None]) -> None:
        _, seq, audited_hash = recorded
        where = _where(row)
        rehashed = decision_content_hash(**hashed_fields(row, DECISION_HASHED))
        payload = row.payload
        columns_agree = (
            payload.get("outcome") == row.outcome
            and payload.get("ruleset") == row.ruleset
            and _exact_or_none(payload.get("a_level_tpp")) == row.a_level_tpp
        )
        if rehashed != row.content_hash or not columns_agree:
            raise _FoundError(
                seq,
                f"{where} was changed after it was recorded (audit entry {seq}): its content no "
                "longer matches its hash",
            )
        if audited_hash != row.content_hash:
            raise _FoundError(
                seq, f"{where} does not carry the hash that audit entry {seq} recorded for it"
            )
        self._ruleset(row, seq)

    def _ruleset(self, row: DecisionIntegrity, seq: int) -> None:
        recorded = row.payload.get("ruleset_sha256")
        if recorded is None:
            self.unhashed_rulesets += 1
            return
        if self.catalog is None:
            return
        ruleset_id = str(row.payload.get("ruleset"))
        version = next((item for item in self.catalog.versions if item.id == ruleset_id), None)
        if version is None:
            raise _FoundError(
                seq,
                f"{_where(row)} was decided under ruleset {ruleset_id}, which this desk does not "
                "have: its rules cannot be checked",
            )
        if version.content_hash != recorded:
            raise _FoundError(
                seq,
                f"{_where(row)} was decided under ruleset {ruleset_id} with content "
                f"{str(recorded)[:16]}…, but that ruleset's file now reads "
                f"{version.content_hash[:16]}…: the rules it was decided by are not the rules "
                "shipped now (a ruleset version is never edited; a correction is a new version)",
            )

    # -- 5. records ----------------------------------------------------------------------

    def records(self) -> None:
        if self.uow.audit.baseline_pending():
            self.unsealed = True  # a database from before seals, opened read-only so far
            return

        def observed() -> Iterator[tuple[str, str, str]]:
            for kind, key, digest in all_digests(self.uow):
                self.record_count += 1
                if self.record_count % 10_000 == 0:
                    self.progress(self.record_count, 0, "records")
                yield kind.value, key, digest

        try:
            self.scratch.observe(observed())
        except ValueError as error:  # a row no desk writes (pydantic's errors are ValueErrors)
            raise _FoundError(
                None,
                f"the records cannot be read as the desk wrote them (after {self.record_count:,} "
                f"records): {str(error).splitlines()[0]} — {_first_detail(error)}",
            ) from None
        difference = self.scratch.first_difference()
        if difference is None:
            return
        kind_name, key, sealed, seq, current = difference
        kind = StateKind(kind_name)
        name = f"{kind.label} {key}"
        if sealed is None and seq is None:
            raise _FoundError(
                None,
                f"{name} is in the database but no audit entry records it: it was added "
                "outside the desk",
            )
        if current is None:
            raise _FoundError(
                seq,
                f"{name} was removed outside the desk: audit entry {seq} vouches for it",
            )
        if sealed is None:
            raise _FoundError(
                seq,
                f"{name} is in the database, but audit entry {seq} recorded that it was removed",
            )
        detail = self._what_changed(kind, key)
        raise _FoundError(
            seq,
            f"{name} was changed outside the desk: it no longer matches the state audit entry "
            f"{seq} vouches for{detail}",
        )

    def _what_changed(self, kind: StateKind, key: str) -> str:
        """ ", its name is 'X' where audit entry 12 recorded 'Y'" when the log kept the
        record's last state in full; "" otherwise."""
        now = states_by_key(self.uow, kind, [key]).get(key)
        if not isinstance(now, dict):
            return ""
        for entry in reversed(self.uow.audit.entries_for(kind.value, key)):
            after = entry.after
            if not isinstance(after, dict) or entry.action in DISPOSITION_ACTIONS:
                continue  # (a party's screening decisions are entries of the party too)
            current = now.get("order", now) if kind is StateKind.ORDER else now
            for path, value in _flat(after):
                found = _at(current, path)
                if found is not _MISSING and found != value:
                    return (
                        f": its {path} is {_shown(found)} where audit entry {entry.seq} "
                        f"({entry.action}) recorded {_shown(value)}"
                    )
            return ""
        return ""

    # -- 6. screening ---------------------------------------------------------------------

    def screening(self) -> None:
        self.screened.verify(self.uow, _FoundError)

    # -- documents -----------------------------------------------------------------------

    def documents(self) -> None:
        for document in self.uow.documents.all():
            if document.chain_seq is None or document.chain_head is None:
                continue
            self._anchor(
                document.chain_seq,
                document.chain_head,
                f"registered document {document.number}",
            )
            self.anchored += 1


def _first_detail(error: ValueError) -> str:
    lines = [line.strip() for line in str(error).splitlines()[1:3]]
    return " ".join(line for line in lines if line) or "a value out of range"


def _where(row: DecisionIntegrity) -> str:
    return f"decision {row.id} (order {row.order_ref}, #{row.seq})"


def _gone(recorded: tuple[int, int, str | None]) -> None:
    decision_id, seq, _ = recorded
    raise _FoundError(
        seq,
        f"audit entry {seq} records decision {decision_id}, which is no longer in the "
        "decisions table",
    )


def _key(item: Consumption) -> tuple[object, ...]:
    return (item.ledger.value, item.party_ref, item.year, item.country, item.license_number)


def _ledger(
    row: DecisionIntegrity,
    booked: Iterable[tuple[Consumption, bool]],
    totals: dict[str, Decimal],
) -> None:
    consumed = [Consumption.model_validate(item) for item in row.payload.get("consumption", [])]
    entries = list(booked)
    plus = sorted((_key(item), item.tpp) for item, released in entries if not released)
    minus = sorted((_key(item), item.tpp) for item, released in entries if released)
    expected = sorted((_key(item), item.tpp) for item in consumed)
    if not _same(plus, expected):
        raise _FoundError(
            None,
            f"the ledger entries of decision {row.id} (order {row.order_ref}) do not match the "
            "consumption the decision recorded",
        )
    if minus and not _same(minus, expected):
        raise _FoundError(
            None,
            f"the release entries of decision {row.id} (order {row.order_ref}) do not match the "
            "consumption the decision recorded",
        )
    for item, released in entries:
        totals[balance_key(item)] += -item.tpp if released else item.tpp


def _balances(totals: Mapping[str, Decimal], balances: Mapping[str, Decimal]) -> None:
    for key in sorted(set(totals) | set(balances)):
        # TPP figures are sums of products of datasheet figures: exact in binary floating
        # point at these magnitudes, so a thousandth of a TPP is already a real difference.
        if abs(totals.get(key, ZERO) - balances.get(key, ZERO)) > _TOLERANCE:
            raise _FoundError(
                None,
                f"the running balance {key} is {fmt_tpp(balances.get(key, ZERO))} TPP but its "
                f"ledger entries add up to {fmt_tpp(totals.get(key, ZERO))}",
            )


def _same(
    left: list[tuple[tuple[object, ...], Decimal]], right: list[tuple[tuple[object, ...], Decimal]]
) -> bool:
    """The same entries with the same figures, to the last unit (figures are exact)."""
    return left == right


def _exact_or_none(value: object) -> Decimal | None:
    try:
        return exact(value)
    except ValueError:
        return None


_MISSING: Any = object()


def _flat(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for name in sorted(value):
            yield from _flat(value[name], f"{prefix}.{name}" if prefix else str(name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _flat(item, f"{prefix}[{index}]")
    else:
        yield prefix, value


def _at(value: Any, path: str) -> Any:
    for part in path.replace("[", ".[").split("."):
        if part.startswith("["):
            index = int(part[1:-1])
            if not isinstance(value, list) or index >= len(value):
                return _MISSING
            value = value[index]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            return _MISSING
    return value


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    return repr(value)
