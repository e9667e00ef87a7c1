"""Checking and cancelling orders: evaluate, record the decision and its consumption.

A check runs in one writing unit of work: the standing is read, the order evaluated, the
decision, its ledger entries and the audit entry written, and the transaction committed, all
while holding the write lock, so two officers can never both spend the last of a quota.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping

from domain.decision import Consumption, Decision, Ledger, Outcome
from domain.errors import DomainError, EnvironmentFaultError
from domain.frozen import Frozen
from domain.ledger import BalanceKey
from domain.model import (
    CountrySetting,
    EvaluationContext,
    Order,
    Standing,
    VeuStatus,
)
from domain.numbers import ZERO
from domain.ports import Database, OrderStatus, RecordedDecision, UnitOfWork
from domain.progress import CancelToken, ProgressSink, no_progress
from domain.rules.certifications import aia_certification_on
from domain.rules.engine import evaluate
from domain.ruleset import RulesetCatalog
from domain.screening.results import ScreeningState
from domain.services.screening import screen_order_parties, screening_states
from domain.services.standing import veu_footprint


class AlreadyDecidedError(DomainError):
    """A pending-only check found that another officer decided the order meanwhile."""


class CheckResult(Frozen):
    """The outcome of checking one order."""

    decision: Decision
    recorded: RecordedDecision | None = None
    screening: Mapping[str, ScreeningState] = {}
    """The screening the decision used, by party ref (empty when no list is imported)."""

    @property
    def is_recorded(self) -> bool:
        return self.recorded is not None


def build_context(
    uow: UnitOfWork,
    order: Order,
    *,
    excluding: tuple[Consumption, ...] = (),
    screening: Mapping[str, ScreeningState] | None = None,
) -> EvaluationContext:
    """Everything the engine needs for ``order``, read through the unit of work.

    ``excluding`` is consumption still on the ledgers that the evaluation must not count
    (the order's own earlier decision, which a new check supersedes). ``screening`` is the
    parties' screening when the caller has it already; otherwise what is stored is read.
    """
    parties = uow.parties.get_many([order.consignee_ref, *filter(None, [order.end_user_ref])])
    consignee = parties.get(order.consignee_ref)
    if consignee is None:
        raise DomainError(f"order {order.ref}: unknown consignee {order.consignee_ref!r}")
    end_user = None
    if order.end_user_ref:
        end_user = parties.get(order.end_user_ref)
        if end_user is None:
            raise DomainError(f"order {order.ref}: unknown end user {order.end_user_ref!r}")
    products = uow.products.get_many([line.product_ref for line in order.lines])
    year = order.date.year
    ref = consignee.ref
    # The installed base as of the shipment date: our VEU shipments on orders dated by then
    # (rules.md section 4), so re-checking an earlier order never counts later ones.
    footprint = veu_footprint(uow, ref, order.date) if consignee.veu is not VeuStatus.NONE else {}
    licenses = uow.paperwork.licenses_for(ref)
    destination = order.destination or consignee.country
    lpp_key, aia_key = (
        BalanceKey.counting(Ledger.LPP, ref, year),
        BalanceKey.counting(Ledger.AIA, ref),
    )
    country_key = BalanceKey.counting(Ledger.COUNTRY_ALLOCATION, destination)
    balances = uow.ledger.balances_of([lpp_key, aia_key, country_key])  # one read
    lpp_used, aia_cumulative = balances[lpp_key], balances[aia_key]
    setting = uow.paperwork.country_setting(destination) or CountrySetting.assemble(
        country=destination,  # the order's (validated) or the consignee's country
        g2g_agreement=False,
        external_allocation_used_tpp=ZERO,
        our_allocation_used_tpp=balances[country_key],
    )
    allocation_used = setting.our_allocation_used_tpp
    license_used = {licence.number: licence.used_tpp for licence in licenses}
    for item in excluding:
        if item.ledger is Ledger.LPP and item.year == year and item.party_ref == ref:
            lpp_used -= item.tpp
        elif item.ledger is Ledger.AIA and item.party_ref == ref:
            aia_cumulative -= item.tpp
        elif item.ledger is Ledger.VEU and item.party_ref == ref and item.country:
            footprint[item.country] = footprint.get(item.country, ZERO) - item.tpp
        elif item.ledger is Ledger.LICENSE and item.license_number in license_used:
            license_used[item.license_number] -= item.tpp
        elif item.ledger is Ledger.COUNTRY_ALLOCATION and item.country == destination:
            allocation_used -= item.tpp
    # Built without validating again: every value here comes from validated records and
    # ledger sums (the check's reads are measured against hand-written SQL, bench/storage.py).
    standing = Standing.assemble(
        lpp_shipped_tpp=max(lpp_used, ZERO),
        aia_cumulative_tpp=max(aia_cumulative, ZERO),
        veu_footprint={country: max(tpp, ZERO) for country, tpp in footprint.items()},
        aia_certification=aia_certification_on(uow.paperwork.aia_certifications(ref), order.date),
        lpp_certification=uow.paperwork.lpp_certification(ref, year),
        licenses=tuple(
            licence.model_copy(update={"used_tpp": max(license_used[licence.number], ZERO)})
            for licence in licenses
        ),
    )
    return EvaluationContext.assemble(
        consignee=consignee,
        end_user=end_user,
        products=products,
        standing=standing,
        country=CountrySetting.assemble(
            country=setting.country,
            g2g_agreement=setting.g2g_agreement,
            external_allocation_used_tpp=setting.external_allocation_used_tpp,
            our_allocation_used_tpp=max(allocation_used, ZERO),
        ),
        screening=screening
        if screening is not None
        else screening_states(uow, [ref, *([end_user.ref] if end_user else [])]),
        field_audits=uow.field_visits.open_discrepancies(
            [ref, *([end_user.ref] if end_user else [])]
        ),
    )


def _unreleased(previous: RecordedDecision | None) -> tuple[Consumption, ...]:
    if previous is None or previous.released:
        return ()
    return previous.decision.consumption


def check_order(
    db: Database,
    catalog: RulesetCatalog,
    order_ref: str,
    *,
    actor: str,
    dry_run: bool = False,
    pending_only: bool = False,
) -> CheckResult:
    """Evaluate an order; unless ``dry_run``, record the decision and its consumption.

    A new check supersedes the order's earlier decision: its consumption is released in the
    same transaction, and the new decision points to it. With ``pending_only`` an order
    that already has a decision is left alone (``AlreadyDecidedError``): two officers
    working through the same queue never decide one order twice.
    """
    with db.reader() if dry_run else db.writer(actor) as uow:
        stored = uow.orders.get(order_ref)
        if stored is None:
            raise DomainError(f"unknown order {order_ref!r}")
        if stored.status is OrderStatus.CANCELLED:
            if pending_only:
                raise AlreadyDecidedError(f"order {order_ref} was cancelled meanwhile")
            raise DomainError(f"order {order_ref} is cancelled; it cannot be checked")
        order = stored.order
        previous = uow.decisions.latest(order_ref)
        if pending_only and previous is not None:
            raise AlreadyDecidedError(
                f"order {order_ref} was decided meanwhile by {previous.decided_by}"
            )
        earlier = _unreleased(previous)
        screening = screen_order_parties(uow, order, store=not dry_run)
        context = build_context(uow, order, excluding=earlier, screening=screening)
        decision = evaluate(order, context, catalog.in_effect_on(order.date))
        if dry_run:
            return CheckResult(decision=decision, screening=screening)
        if earlier:
            assert previous is not None
            uow.ledger.release(previous.id, earlier, uow.now)
        recorded = uow.decisions.add(
            order_ref,
            decision,
            decided_at=uow.now,
            decided_by=uow.actor,
            supersedes=previous.id if previous else None,
        )
        uow.ledger.record(recorded.id, decision.consumption, uow.now)
        uow.audit.append(
            "decide",
            "order",
            order_ref,
            before=None
            if previous is None
            else {"decision_id": previous.id, "outcome": previous.decision.outcome.value},
            after={
                "decision_id": recorded.id,
                "seq": recorded.seq,
                "outcome": decision.outcome.value,
                "ruleset": decision.ruleset,
                "content_hash": recorded.content_hash,
                "consumption": [item.model_dump(mode="json") for item in decision.consumption],
                "released": [item.model_dump(mode="json") for item in earlier],
            },
        )
        uow.commit()
        return CheckResult(decision=decision, recorded=recorded, screening=screening)


class BatchSummary(Frozen):
    """What a batch check did."""

    total: int
    checked: int
    outcomes: dict[str, int]
    cancelled: bool
    errors: dict[str, str]
    """Orders that could not be checked, with the reason (bad data; the batch goes on)."""
    skipped: int = 0
    """Orders another officer decided while this batch ran."""


def check_pending(
    db: Database,
    catalog: RulesetCatalog,
    *,
    actor: str,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
    on_result: Callable[[str, CheckResult], None] | None = None,
) -> BatchSummary:
    """Check every open order without a decision, oldest first, one transaction each.

    A kill or a cancel between orders leaves every finished check recorded and nothing
    half-written.
    """
    with db.reader() as uow:
        refs = uow.orders.pending_refs()
    outcomes: Counter[str] = Counter()
    errors: dict[str, str] = {}
    checked = 0
    skipped = 0
    progress(0, len(refs), "")
    for index, ref in enumerate(refs, start=1):
        if cancel is not None and cancel.cancelled:
            break
        try:
            result = check_order(db, catalog, ref, actor=actor, pending_only=True)
        except AlreadyDecidedError:
            skipped += 1
        except EnvironmentFaultError:
            raise  # a full or read-only disk stops the batch: every other order would meet it
        except DomainError as error:
            errors[ref] = str(error)
        else:
            checked += 1
            outcomes[result.decision.outcome.value] += 1
            if on_result is not None:
                on_result(ref, result)
        progress(index, len(refs), ref)
    return BatchSummary(
        total=len(refs),
        checked=checked,
        outcomes={outcome.value: outcomes[outcome.value] for outcome in Outcome},
        cancelled=cancel is not None
        and cancel.cancelled
        and checked + skipped + len(errors) < len(refs),
        errors=errors,
        skipped=skipped,
    )


CANCEL_REASON_MAX = 500
"""The longest reason for a cancellation the audit log keeps (characters)."""


def cancel_order(
    db: Database, order_ref: str, *, actor: str, reason: str = ""
) -> tuple[Consumption, ...]:
    """Cancel an order and release what its decision consumed; history is kept. The
    officer's ``reason`` is kept in the audit entry of the cancellation."""
    reason = " ".join(reason.split())
    if len(reason) > CANCEL_REASON_MAX:
        raise DomainError(
            f"the reason for cancelling {order_ref} has {len(reason)} characters; "
            f"at most {CANCEL_REASON_MAX} are kept"
        )
    with db.writer(actor) as uow:
        stored = uow.orders.get(order_ref)
        if stored is None:
            raise DomainError(f"unknown order {order_ref!r}")
        if stored.status is OrderStatus.CANCELLED:
            raise DomainError(f"order {order_ref} is already cancelled")
        latest = uow.decisions.latest(order_ref)
        released = _unreleased(latest)
        if released:
            assert latest is not None
            uow.ledger.release(latest.id, released, uow.now)
        uow.orders.set_status(order_ref, OrderStatus.CANCELLED)
        uow.audit.append(
            "cancel",
            "order",
            order_ref,
            before={"status": OrderStatus.OPEN.value},
            after={
                "status": OrderStatus.CANCELLED.value,
                "decision_id": latest.id if latest else None,
                "released": [item.model_dump(mode="json") for item in released],
                "reason": reason or None,
            },
        )
        uow.commit()
        return released
