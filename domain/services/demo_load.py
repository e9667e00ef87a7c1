"""Filling a database with the demonstration data set, in one transaction."""

from __future__ import annotations

from domain.demo import DemoDataset
from domain.errors import DomainError
from domain.frozen import Frozen
from domain.ports import Database
from domain.services.records import Putable, put_record_in


class DemoSummary(Frozen):
    parties: int
    products: int
    certifications: int
    licenses: int
    orders: int
    shipped_units: int = 0


def load_demo(db: Database, dataset: DemoDataset, *, actor: str) -> DemoSummary:
    """Write the data set; refuses a database that already holds any of its records.

    Orders are left without decisions, so ``check --pending`` (or the window's "Check all
    pending") decides them the way an officer would.
    """
    with db.writer(actor) as uow:
        taken = uow.parties.existing_refs([party.ref for party in dataset.parties])
        taken_orders = uow.orders.existing_refs([order.ref for order in dataset.orders])
        if taken or taken_orders:
            sample = sorted(taken | taken_orders)[:5]
            raise DomainError(
                f"{db.description} already holds demonstration records ({', '.join(sample)}, ...); "
                "use a new database file for the demonstration"
            )
        for party in dataset.parties:
            put_record_in(uow, party, must_exist=False)
        records: tuple[Putable, ...] = (
            *dataset.products,
            *dataset.aia_certifications,
            *dataset.lpp_certifications,
            *dataset.licenses,
            *dataset.footprints,
            *dataset.countries,
        )
        for record in records:
            put_record_in(uow, record)
        uow.orders.add_many(list(dataset.orders))
        uow.audit.append(
            "import",
            "orders",
            "demonstration data set",
            after={
                "kind": "orders",
                "orders": len(dataset.orders),
                "first": dataset.orders[0].ref if dataset.orders else None,
                "last": dataset.orders[-1].ref if dataset.orders else None,
            },
        )
        if dataset.shipments:
            uow.shipments.add_many(list(dataset.shipments))
            uow.audit.append(
                "import",
                "shipments",
                "demonstration data set",
                after={
                    "kind": "shipments",
                    "units": len(dataset.shipments),
                    "orders": len({unit.order_ref for unit in dataset.shipments}),
                },
            )
        uow.commit()
    return DemoSummary(
        parties=len(dataset.parties),
        products=len(dataset.products),
        certifications=len(dataset.aia_certifications) + len(dataset.lpp_certifications),
        licenses=len(dataset.licenses),
        orders=len(dataset.orders),
        shipped_units=len(dataset.shipments),
    )
