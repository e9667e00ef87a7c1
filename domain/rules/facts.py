"""The frozen facts one evaluation takes: the order, its parties, products and standing, the
destination and its tier, and the ruleset version in effect on the order's date."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from domain.errors import DomainError
from domain.model import CountrySetting, EvaluationContext, Order, Party, Product, Standing
from domain.rules.geography import Role, order_parties
from domain.ruleset import References, Ruleset, Tier
from domain.screening.results import ScreeningState


@dataclass(frozen=True)
class Facts:
    order: Order
    ruleset: Ruleset
    consignee: Party
    end_user: Party | None
    products: Mapping[str, Product]
    standing: Standing
    country: CountrySetting | None
    """The destination's allocation standing; None means nothing used, no G2G agreement."""
    destination: str
    destination_tier: Tier
    screening: Mapping[str, ScreeningState]
    field_audits: Mapping[str, tuple[int, ...]]

    @property
    def day(self) -> date:
        return self.order.date

    @property
    def refs(self) -> References:
        return self.ruleset.references

    @property
    def parties(self) -> tuple[tuple[Role, Party], ...]:
        return order_parties(self.consignee, self.end_user)


def facts_for(order: Order, context: EvaluationContext, ruleset: Ruleset) -> Facts:
    """The facts of ``order``, after checking that the context is the order's own."""
    if ruleset.effective_from > order.date:
        raise DomainError(
            f"order {order.ref} is dated {order.date.isoformat()}, before ruleset "
            f"{ruleset.id} took effect ({ruleset.effective_from.isoformat()})"
        )
    if context.consignee.ref != order.consignee_ref:
        raise DomainError(
            f"order {order.ref}: consignee {order.consignee_ref} does not match the party "
            f"given ({context.consignee.ref})"
        )
    if (order.end_user_ref or None) != (context.end_user.ref if context.end_user else None):
        raise DomainError(
            f"order {order.ref}: end user {order.end_user_ref} does not match the party given"
        )
    destination = order.destination or context.consignee.country
    # the facts hold every field of the context as it is, with the order's own beside them
    return Facts(
        order=order,
        ruleset=ruleset,
        destination=destination,
        destination_tier=ruleset.tier_of(destination),
        **dict(context),
    )
