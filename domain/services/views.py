"""Read models for screens that show one record with everything about it."""

from __future__ import annotations

from domain.audit import AuditEntry
from domain.decision import Decision
from domain.errors import DomainError
from domain.frozen import Frozen
from domain.model import Party, ShippedUnit
from domain.ports import Database, RecordedDecision, RedFlagChecklist, StoredOrder
from domain.ruleset import RulesetCatalog
from domain.services.orders import check_order


class OrderDetail(Frozen):
    """An order with its parties, its decisions (latest last) and its checklists."""

    stored: StoredOrder
    consignee: Party
    end_user: Party | None
    history: tuple[RecordedDecision, ...]
    checklists: tuple[RedFlagChecklist, ...]
    preview: Decision | None = None
    """For an order without a decision: what a check would decide now (not recorded)."""
    preview_error: str | None = None
    cancellation: AuditEntry | None = None
    """For a cancelled order: the audit entry of its cancellation (who, when, why)."""
    shipments: tuple[ShippedUnit, ...] = ()
    """The units shipped on the order with their serial numbers, by shipment."""

    @property
    def cancel_reason(self) -> str | None:
        if self.cancellation is None or self.cancellation.after is None:
            return None
        reason = self.cancellation.after.get("reason")
        return str(reason) if reason else None

    @property
    def latest(self) -> RecordedDecision | None:
        return self.history[-1] if self.history else None


def order_detail(
    db: Database, catalog: RulesetCatalog, order_ref: str, *, preview: bool = True
) -> OrderDetail:
    with db.reader() as uow:
        stored = uow.orders.get(order_ref)
        if stored is None:
            raise DomainError(f"unknown order {order_ref!r}")
        consignee = uow.parties.get(stored.order.consignee_ref)
        if consignee is None:
            raise DomainError(f"order {order_ref}: unknown consignee")
        end_user = uow.parties.get(stored.order.end_user_ref) if stored.order.end_user_ref else None
        history = tuple(uow.decisions.history(order_ref))
        checklists = tuple(uow.red_flags.checklists(order_ref))
        shipments = tuple(uow.shipments.of_orders([order_ref]).get(order_ref, []))
        cancellation = None
        if stored.status.value == "cancelled":
            entries = uow.audit.entries_for("order", order_ref)
            cancellation = next(
                (item for item in reversed(entries) if item.action == "cancel"), None
            )
    dry: Decision | None = None
    problem: str | None = None
    if preview and not history and stored.status.value == "open":
        try:
            dry = check_order(db, catalog, order_ref, actor="", dry_run=True).decision
        except DomainError as error:
            problem = str(error)
    return OrderDetail(
        stored=stored,
        consignee=consignee,
        end_user=end_user,
        history=history,
        checklists=checklists,
        preview=dry,
        preview_error=problem,
        cancellation=cancellation,
        shipments=shipments,
    )
