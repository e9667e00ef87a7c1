"""Adding and editing records. Every change writes an audit entry with before and after."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from domain import model
from domain.errors import DomainError
from domain.ports import Database, RedFlagChecklist, UnitOfWork

_T = TypeVar("_T")
_R = TypeVar("_R", bound=BaseModel)


def snapshot(value: BaseModel | None) -> dict[str, Any] | None:
    """A record as the audit log keeps it."""
    return None if value is None else value.model_dump(mode="json")


class Edit(StrEnum):
    """How the audit log names a change to a stored record: an edit, or an edit taken back
    (undo) or made again (redo) from the window's Edit menu."""

    UPDATE = "update"
    UNDO = "undo"
    REDO = "redo"


def _write(db: Database, actor: str, change: Callable[[UnitOfWork], _T]) -> _T:
    with db.writer(actor) as uow:
        result = change(uow)
        uow.commit()
        return result


# -- inside a unit of work (also used by imports) -------------------------------------------


class _Catalogue(Protocol[_R]):
    """What parties and products have in common: records found and kept by ``ref``."""

    def get(self, ref: str) -> _R | None: ...
    def add(self, record: _R, /) -> None: ...
    def update(self, record: _R, /) -> None: ...


def _put_by_ref(
    uow: UnitOfWork,
    repository: _Catalogue[_R],
    entity: str,
    record: _R,
    ref: str,
    must_exist: bool | None,
    edit: Edit = Edit.UPDATE,
) -> None:
    before = repository.get(ref)
    if must_exist is True and before is None:
        raise DomainError(f"unknown {entity} {ref!r}")
    if must_exist is False and before is not None:
        raise DomainError(f"{entity} {ref!r} already exists")
    if before == record:
        return
    if before is None:
        repository.add(record)
    else:
        repository.update(record)
    uow.audit.append(
        "create" if before is None else edit.value,
        entity,
        ref,
        before=snapshot(before),
        after=snapshot(record),
    )


def put_party(
    uow: UnitOfWork, party: model.Party, *, must_exist: bool | None = None, edit: Edit = Edit.UPDATE
) -> None:
    _put_by_ref(uow, uow.parties, "party", party, party.ref, must_exist, edit)


def put_product(
    uow: UnitOfWork,
    product: model.Product,
    *,
    must_exist: bool | None = None,
    edit: Edit = Edit.UPDATE,
) -> None:
    _put_by_ref(uow, uow.products, "product", product, product.ref, must_exist, edit)


def add_order_in(uow: UnitOfWork, order: model.Order) -> None:
    if uow.orders.get(order.ref) is not None:
        raise DomainError(f"order {order.ref!r} already exists")
    uow.orders.add(order)
    uow.audit.append("create", "order", order.ref, after=snapshot(order))


def _audited_put(
    uow: UnitOfWork,
    entity: str,
    key: str,
    before: BaseModel | None,
    after: BaseModel,
    write: Callable[[], None],
    *,
    before_snapshot: dict[str, Any] | None = None,
    edit: Edit = Edit.UPDATE,
) -> None:
    """Write a record that changed, with its audit entry (created or updated, before and
    after); nothing when it is as stored."""
    if before == after:
        return
    write()
    uow.audit.append(
        "create" if before is None else edit.value,
        entity,
        key,
        before=before_snapshot if before_snapshot is not None else snapshot(before),
        after=snapshot(after),
    )


def put_aia_certification_in(
    uow: UnitOfWork, certification: model.AiaCertification, edit: Edit = Edit.UPDATE
) -> None:
    stored = uow.paperwork.aia_certifications(certification.party_ref)
    before = next((item for item in stored if item.signed_on == certification.signed_on), None)
    key = f"{certification.party_ref}@{certification.signed_on.isoformat()}"
    _audited_put(
        uow,
        "aia_certification",
        key,
        before,
        certification,
        lambda: uow.paperwork.put_aia_certification(certification),
        edit=edit,
    )


def put_lpp_certification_in(
    uow: UnitOfWork, certification: model.LppCertification, edit: Edit = Edit.UPDATE
) -> None:
    before = uow.paperwork.lpp_certification(certification.party_ref, certification.year)
    _audited_put(
        uow,
        "lpp_certification",
        f"{certification.party_ref}@{certification.year}",
        before,
        certification,
        lambda: uow.paperwork.put_lpp_certification(certification),
        edit=edit,
    )


def add_license_in(uow: UnitOfWork, licence: model.License) -> None:
    if uow.paperwork.license(licence.number) is not None:
        raise DomainError(f"licence {licence.number!r} already exists")
    if uow.parties.get(licence.party_ref) is None:
        raise DomainError(f"licence {licence.number}: unknown party {licence.party_ref!r}")
    uow.paperwork.add_license(licence)
    uow.audit.append(
        "create",
        "license",
        licence.number,
        after=snapshot(licence.model_copy(update={"used_tpp": 0})),
    )


def put_footprint_in(
    uow: UnitOfWork, footprint: model.VeuFootprint, edit: Edit = Edit.UPDATE
) -> None:
    before_tpp = uow.paperwork.footprint(footprint.party_ref).get(footprint.country)
    before = None
    if before_tpp is not None:
        before = footprint.model_copy(update={"installed_tpp": before_tpp})
    _audited_put(
        uow,
        "footprint",
        f"{footprint.party_ref}@{footprint.country}",
        before,
        footprint,
        lambda: uow.paperwork.put_footprint(footprint),
        before_snapshot=None if before_tpp is None else {"installed_tpp": before_tpp},
        edit=edit,
    )


def put_country_setting_in(
    uow: UnitOfWork, setting: model.CountrySetting, edit: Edit = Edit.UPDATE
) -> None:
    # Our own use is the ledger's, not a setting: neither compared nor kept.
    found = uow.paperwork.country_setting(setting.country)
    before = None if found is None else found.model_copy(update={"our_allocation_used_tpp": 0})
    stored = setting.model_copy(update={"our_allocation_used_tpp": 0})
    _audited_put(
        uow,
        "country",
        setting.country,
        before,
        stored,
        lambda: uow.paperwork.put_country_setting(stored),
        edit=edit,
    )


Putable = (
    model.Party
    | model.Product
    | model.AiaCertification
    | model.LppCertification
    | model.License
    | model.VeuFootprint
    | model.CountrySetting
)
"""The records an import or the demonstration data puts (orders go in bulk)."""


def put_record_in(uow: UnitOfWork, record: Putable) -> None:
    """Write one record with its audit entry: created or updated by its key (a licence is
    only ever added)."""
    if isinstance(record, model.Party):
        put_party(uow, record)
    elif isinstance(record, model.Product):
        put_product(uow, record)
    elif isinstance(record, model.AiaCertification):
        put_aia_certification_in(uow, record)
    elif isinstance(record, model.LppCertification):
        put_lpp_certification_in(uow, record)
    elif isinstance(record, model.License):
        add_license_in(uow, record)
    elif isinstance(record, model.VeuFootprint):
        put_footprint_in(uow, record)
    else:
        put_country_setting_in(uow, record)


# -- one change, one transaction ------------------------------------------------------------


def add_party(db: Database, party: model.Party, *, actor: str) -> None:
    _write(db, actor, lambda uow: put_party(uow, party, must_exist=False))


def update_party(db: Database, party: model.Party, *, actor: str, edit: Edit = Edit.UPDATE) -> None:
    _write(db, actor, lambda uow: put_party(uow, party, must_exist=True, edit=edit))


def add_product(db: Database, product: model.Product, *, actor: str) -> None:
    _write(db, actor, lambda uow: put_product(uow, product, must_exist=False))


def update_product(
    db: Database, product: model.Product, *, actor: str, edit: Edit = Edit.UPDATE
) -> None:
    _write(db, actor, lambda uow: put_product(uow, product, must_exist=True, edit=edit))


def add_order(db: Database, order: model.Order, *, actor: str) -> None:
    _write(db, actor, lambda uow: add_order_in(uow, order))


def record_aia_certification(
    db: Database, certification: model.AiaCertification, *, actor: str, edit: Edit = Edit.UPDATE
) -> None:
    _write(db, actor, lambda uow: put_aia_certification_in(uow, certification, edit))


def record_lpp_certification(
    db: Database, certification: model.LppCertification, *, actor: str, edit: Edit = Edit.UPDATE
) -> None:
    _write(db, actor, lambda uow: put_lpp_certification_in(uow, certification, edit))


def add_license(db: Database, licence: model.License, *, actor: str) -> None:
    _write(db, actor, lambda uow: add_license_in(uow, licence))


def set_footprint(
    db: Database, footprint: model.VeuFootprint, *, actor: str, edit: Edit = Edit.UPDATE
) -> None:
    _write(db, actor, lambda uow: put_footprint_in(uow, footprint, edit))


def set_country(
    db: Database, setting: model.CountrySetting, *, actor: str, edit: Edit = Edit.UPDATE
) -> None:
    _write(db, actor, lambda uow: put_country_setting_in(uow, setting, edit))


def resolve_red_flag_28(
    db: Database, order_ref: str, resolution: model.RedFlagResolution, *, actor: str
) -> None:
    """Record how Red Flag 28 was resolved for an order (the next check takes it into account)."""

    def change(uow: UnitOfWork) -> None:
        stored = uow.orders.get(order_ref)
        if stored is None:
            raise DomainError(f"unknown order {order_ref!r}")
        uow.orders.set_red_flag_resolution(order_ref, resolution)
        uow.audit.append(
            "resolve_red_flag_28",
            "order",
            order_ref,
            before=snapshot(stored.order.red_flag_28_resolution),
            after=snapshot(resolution),
        )

    _write(db, actor, change)


def record_checklist(db: Database, checklist: RedFlagChecklist, *, actor: str) -> None:
    """Keep an answered know-your-customer checklist with the order."""

    def change(uow: UnitOfWork) -> None:
        if uow.orders.get(checklist.order_ref) is None:
            raise DomainError(f"unknown order {checklist.order_ref!r}")
        uow.red_flags.add_checklist(checklist)
        uow.audit.append("checklist", "order", checklist.order_ref, after=snapshot(checklist))

    _write(db, actor, change)
