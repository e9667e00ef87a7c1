"""Adding and editing records. Every change writes an audit entry with before and after."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from functools import partial
from typing import Any, NamedTuple, Protocol, TypeVar

from pydantic import BaseModel

from domain import model
from domain.errors import DomainError
from domain.lookalike import Lookalike, lookalikes
from domain.ports import Database, RedFlagChecklist, UnitOfWork
from domain.services.screening import screen_parties

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

Record = Putable | model.Order
"""Every kind of record written one at a time with its audit entry."""


class _Catalogue(Protocol[_R]):
    """What parties and products have in common: records found and kept by ``ref``."""

    def get(self, ref: str) -> _R | None: ...
    def add(self, record: _R, /) -> None: ...
    def update(self, record: _R, /) -> None: ...


class _Slot(NamedTuple):
    """Where a record goes: what the audit log calls it, what is stored there now and how to
    write it."""

    entity: str
    key: str
    before: BaseModel | None
    after: BaseModel
    write: Callable[[], None]
    label: str
    """What messages call the kind of record."""
    add_only: bool = False
    """Orders and licences are only ever added."""
    before_snapshot: dict[str, Any] | None = None
    """What the audit log keeps of ``before``, when not all of it."""


def _by_ref(repository: _Catalogue[_R], entity: str, record: _R, ref: str) -> _Slot:
    before = repository.get(ref)
    write = repository.add if before is None else repository.update
    return _Slot(entity, ref, before, record, lambda: write(record), entity)


def _licence_slot(uow: UnitOfWork, licence: model.License) -> _Slot:
    def write() -> None:
        if uow.parties.get(licence.party_ref) is None:
            raise DomainError(f"licence {licence.number}: unknown party {licence.party_ref!r}")
        uow.paperwork.add_license(licence)

    before = uow.paperwork.license(licence.number)
    after = licence.model_copy(update={"used_tpp": 0})
    return _Slot("license", licence.number, before, after, write, "licence", add_only=True)


def _footprint_slot(uow: UnitOfWork, footprint: model.VeuFootprint) -> _Slot:
    before_tpp = uow.paperwork.footprint(footprint.party_ref).get(footprint.country)
    before = None
    if before_tpp is not None:
        before = footprint.model_copy(update={"installed_tpp": before_tpp})
    return _Slot(
        "footprint",
        f"{footprint.party_ref}@{footprint.country}",
        before,
        footprint,
        lambda: uow.paperwork.put_footprint(footprint),
        "footprint",
        before_snapshot=None if before_tpp is None else {"installed_tpp": before_tpp},
    )


def _country_slot(uow: UnitOfWork, setting: model.CountrySetting) -> _Slot:
    # Our own use is the ledger's, not a setting: neither compared nor kept.
    found = uow.paperwork.country_setting(setting.country)
    before = None if found is None else found.model_copy(update={"our_allocation_used_tpp": 0})
    stored = setting.model_copy(update={"our_allocation_used_tpp": 0})
    write = partial(uow.paperwork.put_country_setting, stored)
    return _Slot("country", setting.country, before, stored, write, "country")


def _slot(uow: UnitOfWork, record: Record) -> _Slot:
    if isinstance(record, model.Party):
        return _by_ref(uow.parties, "party", record, record.ref)
    if isinstance(record, model.Product):
        return _by_ref(uow.products, "product", record, record.ref)
    if isinstance(record, model.Order):
        before = None if uow.orders.get(record.ref) is None else record
        write = partial(uow.orders.add, record)
        return _Slot("order", record.ref, before, record, write, "order", add_only=True)
    if isinstance(record, model.License):
        return _licence_slot(uow, record)
    if isinstance(record, model.AiaCertification):
        stored = uow.paperwork.aia_certifications(record.party_ref)
        signed = next((item for item in stored if item.signed_on == record.signed_on), None)
        key = f"{record.party_ref}@{record.signed_on.isoformat()}"
        write = partial(uow.paperwork.put_aia_certification, record)
        return _Slot("aia_certification", key, signed, record, write, "AIA certification")
    if isinstance(record, model.LppCertification):
        found = uow.paperwork.lpp_certification(record.party_ref, record.year)
        key = f"{record.party_ref}@{record.year}"
        write = partial(uow.paperwork.put_lpp_certification, record)
        return _Slot("lpp_certification", key, found, record, write, "LPP certification")
    if isinstance(record, model.VeuFootprint):
        return _footprint_slot(uow, record)
    return _country_slot(uow, record)


def put_record_in(
    uow: UnitOfWork, record: Record, *, must_exist: bool | None = None, edit: Edit = Edit.UPDATE
) -> None:
    """Write one record with its audit entry (created, or ``edit`` with before and after);
    nothing when it is as stored. ``must_exist`` True only updates, False only adds; orders
    and licences are only ever added."""
    slot = _slot(uow, record)
    if must_exist is True and slot.before is None:
        raise DomainError(f"unknown {slot.label} {slot.key!r}")
    if (must_exist is False or slot.add_only) and slot.before is not None:
        raise DomainError(f"{slot.label} {slot.key!r} already exists")
    if slot.before is None:
        _check_new_refs(record)
    if slot.before == slot.after:
        return
    slot.write()
    uow.audit.append(
        "create" if slot.before is None else edit.value,
        slot.entity,
        slot.key,
        before=slot.before_snapshot if slot.before_snapshot is not None else snapshot(slot.before),
        after=snapshot(slot.after),
    )
    if isinstance(record, model.Party) and not _same_names(slot.before, record):
        # Screened when created or renamed (rules.md section 9), if a list is in use.
        screen_parties(uow, [record.ref], store=True)


def _own_refs(record: Record) -> list[tuple[str, str | None]]:
    """The refs a new record brings with it (the others name records already stored)."""
    if isinstance(record, model.Party):
        return [("party ref", record.ref), ("VEU authorization", record.veu_id)]
    if isinstance(record, model.Product | model.Order):
        return [(f"{type(record).__name__.lower()} ref", record.ref)]
    if isinstance(record, model.License):
        return [("licence number", record.number)]
    return []


def _check_new_refs(record: Record) -> None:
    """A new record's refs in their usual form, none with a character that cannot be seen
    (``check_ref``): forms and imports pass them through it; this guards every other door."""
    for label, ref in _own_refs(record):
        if ref is None or ref.isascii():
            continue  # the model's own pattern has checked it
        try:
            usual = model.check_ref(ref)
        except model.RefError as error:
            raise DomainError(f"{label}: {error}") from None
        if usual != ref:
            raise DomainError(f"{label} {ref!r} is written {usual!r} as a reference: enter it so")


def _same_names(before: object, after: model.Party) -> bool:
    return isinstance(before, model.Party) and (
        before.name,
        before.aliases,
        before.parent_name,
    ) == (after.name, after.aliases, after.parent_name)


# -- one change, one transaction ------------------------------------------------------------


def add_record(db: Database, record: Record, *, actor: str) -> None:
    """Add a record that is not stored yet (a party, product, order, licence, ...)."""
    _write(db, actor, lambda uow: put_record_in(uow, record, must_exist=False))


def lookalike_party(db: Database, party: model.Party) -> Lookalike | None:
    """A stored party whose name reads like the name of ``party``, a party not stored yet:
    the window warns before creating it (``domain.lookalike``)."""
    with db.reader() as uow:
        found = lookalikes([(party.ref, party.name)], uow.parties.names())
        return next((lookalike for _, lookalike in found), None)


def update_record(
    db: Database, record: model.Party | model.Product, *, actor: str, edit: Edit = Edit.UPDATE
) -> None:
    """Replace a stored party or product, found by its ref."""
    _write(db, actor, lambda uow: put_record_in(uow, record, must_exist=True, edit=edit))


def put_record(db: Database, record: Putable, *, actor: str, edit: Edit = Edit.UPDATE) -> None:
    """Add a record or replace the one stored under its key (a certification by its party and
    date or year, a footprint by its party and country, a country setting by its country)."""
    _write(db, actor, lambda uow: put_record_in(uow, record, edit=edit))


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
