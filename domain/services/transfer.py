"""Importing and exporting the CSV formats of the command-line contract: all rows or none.

An import parses the whole file first (every problem in it, see ``domain.csvio``), then,
in one writing unit of work, checks every reference against the database and refuses the
file if any is missing, so nothing is written. Only then are the records written, each
with its audit entry, and the transaction committed. Orders go in bulk with one audit entry
for the file (its SHA-256, row count and first and last order), as an ERP export can hold
10^5 rows.

Parties, products, certifications, footprints and country settings are upserted (a row
with an existing key updates the record); licences and orders must be new.

Every import that writes records one audit entry for the file (action ``import``, entity
the kind, ref the file's name, with its SHA-256). A file imported again whole (same kind,
name and content; say after a run killed just after its commit) is recognised by it:
orders, licences and shipped units are only ever added, so there is nothing to do and the
file is not even parsed; the other kinds are imported as usual (a record edited since is put
back as the file states it) and, when that changes nothing, said to be already imported.

An empty cell never changes what is stored (``BLANK_CELLS_RULE``): in a row that updates a
record it keeps the stored value, in a row that creates one it takes the default.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from enum import StrEnum
from itertools import chain

from pydantic import ValidationError

from domain import model
from domain.audit import AuditEntry
from domain.csvio import (
    CsvImportError,
    CsvKind,
    ParsedFile,
    Record,
    RowError,
    columns_of,
    format_csv,
    format_rows,
    parse,
    paused_collection,
)
from domain.errors import DomainError
from domain.frozen import Frozen
from domain.lookalike import lookalikes
from domain.model import VeuStatus
from domain.ports import Database, UnitOfWork
from domain.progress import CancelToken, ProgressSink, no_progress
from domain.services.records import put_record_in
from domain.services.screening import screen_parties


class ImportSummary(Frozen):
    """What an import did (or, for a dry run, would do)."""

    kind: CsvKind
    source: str
    rows: int
    """Data rows in the file."""
    records: int
    """Records the rows make (an order of three lines is one record)."""
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    warnings: tuple[RowError, ...] = ()
    """What the officer should look at, though nothing stops the import: a new party whose
    name reads like another's (``domain.lookalike``)."""
    sha256: str = ""
    """The file's content hash."""
    already_imported: bool = False
    """This very file (same kind, name and content) was imported before and nothing was
    (or, in a dry run, would be) changed."""
    imported_at: datetime | None = None
    """When it was imported before (``already_imported``)."""
    imported_by: str | None = None
    """Who imported it before (``already_imported``)."""


ADD_ONLY = frozenset({CsvKind.ORDERS, CsvKind.LICENSES, CsvKind.SHIPMENTS})
"""Kinds whose records are only ever added: a file already imported has nothing left to add."""


class ImportCancelledError(DomainError):
    """The officer cancelled an import before it was committed: nothing was written."""


class _Change(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def import_file(
    db: Database,
    kind: CsvKind,
    data: bytes,
    *,
    source: str,
    actor: str,
    dry_run: bool = False,
    progress: ProgressSink = no_progress,
    cancel: CancelToken | None = None,
) -> ImportSummary:
    """Import one CSV file of ``kind``: every record, or none and a ``CsvImportError``.

    ``source`` names the file in messages and in the audit log. A dry run does every check
    and counts what would change, but writes nothing: it reads through a read-only unit of
    work, so it neither can commit nor holds up other writers.
    """
    kind = CsvKind(kind)
    sha256 = hashlib.sha256(data).hexdigest()
    if kind in ADD_ONLY:
        # Before parsing: a file of 10^5 orders imported again costs one indexed read.
        with db.reader() as uow:
            earlier = _earlier_import(uow, kind, source, sha256)
        if earlier is not None:
            return _already_imported(kind, source, sha256, earlier, dry_run=dry_run)
    format_errors: list[RowError] = []
    try:
        parsed = parse(kind, data, source=source)
    except CsvImportError as error:
        if error.partial is None:
            raise  # the file itself cannot be read (encoding, header): nothing more to check
        parsed, format_errors = error.partial, error.errors
    total = len(parsed.records)
    progress(0, total, f"checking {source}")
    unit = db.reader() if dry_run else db.writer(actor)
    earlier = None
    with unit as uow, paused_collection():
        if kind in ADD_ONLY and not dry_run:
            # Looked at again under the write lock: another desk may have imported it since.
            earlier = _earlier_import(uow, kind, source, sha256)
            if earlier is not None:
                return _already_imported(kind, source, sha256, earlier, dry_run=dry_run)
        # One pass: the rows that read well are checked against the records as well, so the
        # officer sees every problem of the file at once.
        errors = [*format_errors, *_reference_errors(uow, parsed)]
        if errors:
            errors.sort(key=lambda error: error.row)
            raise CsvImportError(source, errors)
        warnings = _lookalike_warnings(uow, parsed) if kind is CsvKind.PARTIES else []
        if kind is CsvKind.ORDERS:
            counts = {_Change.CREATED: total}
            if not dry_run and total:
                _write_orders(uow, parsed, data)
        elif kind is CsvKind.OWNERSHIP:
            counts = _write_owners(uow, parsed, dry_run=dry_run)
        elif kind is CsvKind.SHIPMENTS:
            counts = _write_units(uow, parsed, data, dry_run=dry_run)
        else:
            counts = _put_records(uow, parsed, dry_run=dry_run, progress=progress, cancel=cancel)
        if cancel is not None and cancel.cancelled:
            raise ImportCancelledError(f"import of {source} cancelled; nothing was written")
        changed = counts.get(_Change.CREATED, 0) + counts.get(_Change.UPDATED, 0)
        if kind not in ADD_ONLY and not changed:
            earlier = _earlier_import(uow, kind, source, sha256)
        if kind not in (CsvKind.ORDERS, CsvKind.SHIPMENTS) and changed and not dry_run:
            _record_file(uow, parsed, counts, sha256)  # orders and units record their own
        if not dry_run:
            uow.commit()
    progress(total, total, f"{'checked' if dry_run else 'imported'} {source}")
    return ImportSummary(
        kind=kind,
        source=source,
        rows=parsed.rows,
        records=total,
        created=counts.get(_Change.CREATED, 0),
        updated=counts.get(_Change.UPDATED, 0),
        unchanged=counts.get(_Change.UNCHANGED, 0),
        dry_run=dry_run,
        warnings=tuple(warnings),
        sha256=sha256,
        already_imported=earlier is not None,
        imported_at=None if earlier is None else earlier.at,
        imported_by=None if earlier is None else earlier.actor,
    )


def _earlier_import(uow: UnitOfWork, kind: CsvKind, source: str, sha256: str) -> AuditEntry | None:
    """The audit entry of an earlier import of this very file: the same kind, name and
    content (read by the file's name, which the audit log indexes)."""
    for entry in reversed(uow.audit.entries_for(kind.value, source)):
        if entry.action == "import" and (entry.after or {}).get("sha256") == sha256:
            return entry
    return None


def _already_imported(
    kind: CsvKind, source: str, sha256: str, earlier: AuditEntry, *, dry_run: bool
) -> ImportSummary:
    """Nothing to do: the file went in whole before (its counts as recorded then)."""
    after = earlier.after or {}
    if kind is CsvKind.SHIPMENTS:
        records = int(after.get("units", 0)) + int(after.get("already_recorded", 0))
    else:
        records = int(after.get("records", after.get("orders", 0)))
    return ImportSummary(
        kind=kind,
        source=source,
        rows=int(after.get("rows", 0)),
        records=records,
        unchanged=records,
        dry_run=dry_run,
        sha256=sha256,
        already_imported=True,
        imported_at=earlier.at,
        imported_by=earlier.actor,
    )


def _record_file(
    uow: UnitOfWork, parsed: ParsedFile, counts: dict[_Change, int], sha256: str
) -> None:
    """One audit entry for the file, beside those of the records it changed: what makes
    the same file recognisable when it is imported again."""
    uow.audit.append(
        "import",
        parsed.kind.value,
        parsed.source,
        after={
            "kind": parsed.kind.value,
            "rows": parsed.rows,
            "records": len(parsed.records),
            "created": counts.get(_Change.CREATED, 0),
            "updated": counts.get(_Change.UPDATED, 0),
            "unchanged": counts.get(_Change.UNCHANGED, 0),
            "sha256": sha256,
        },
    )


# -- checks against the database ------------------------------------------------------------


_Problem = tuple[int, str, str | None, str]
"""A reference the database cannot satisfy: row, field, value and what is wrong."""


def _unknown(kind: str, ref: str) -> str:
    plural = {"party": "parties", "product": "products"}[kind]
    return f"unknown {kind} {ref!r}: import it with the {plural} first"


def _reference_errors(uow: UnitOfWork, parsed: ParsedFile) -> list[RowError]:
    """Every reference the file makes that the database cannot satisfy."""
    if parsed.kind is CsvKind.ORDERS:
        problems = _order_problems(uow, parsed)
    elif parsed.kind is CsvKind.OWNERSHIP:
        problems = _ownership_problems(uow, parsed)
    elif parsed.kind is CsvKind.SHIPMENTS:
        problems = _shipment_problems(uow, parsed)
    else:
        problems = _record_problems(uow, parsed)
    return [
        RowError(row=row, field=field, value=value, message=message)
        for row, field, value, message in problems
    ]


def _record_problems(uow: UnitOfWork, parsed: ParsedFile) -> Iterator[_Problem]:
    party_refs = {
        ref for record in parsed.records if (ref := getattr(record, "party_ref", None)) is not None
    }
    known = uow.parties.existing_refs(sorted(party_refs)) if party_refs else set()
    for record, rows in zip(parsed.records, parsed.record_rows, strict=True):
        party_ref = getattr(record, "party_ref", None)
        if party_ref is not None and party_ref not in known:
            yield rows[0], "party_ref", party_ref, _unknown("party", party_ref)
        if isinstance(record, model.License) and uow.paperwork.license(record.number) is not None:
            message = f"licence {record.number!r} already exists; licences are only added"
            yield rows[0], "number", record.number, message


def _order_problems(uow: UnitOfWork, parsed: ParsedFile) -> Iterator[_Problem]:
    orders = [record for record in parsed.records if isinstance(record, model.Order)]
    refs = [order.ref for order in orders]
    existing = uow.orders.existing_refs(refs) if refs else set()
    party_refs = {order.consignee_ref for order in orders} | {
        order.end_user_ref for order in orders if order.end_user_ref
    }
    parties = uow.parties.existing_refs(sorted(party_refs)) if party_refs else set()
    product_refs = {line.product_ref for order in orders for line in order.lines}
    products = uow.products.existing_refs(sorted(product_refs)) if product_refs else set()
    for order, rows in zip(orders, parsed.record_rows, strict=True):
        if order.ref in existing:
            message = f"order {order.ref!r} already exists; orders are only added"
            yield rows[0], "ref", order.ref, message
        for field, ref in (
            ("consignee_ref", order.consignee_ref),
            ("end_user_ref", order.end_user_ref),
        ):
            if ref is not None and ref not in parties:
                yield rows[0], field, ref, _unknown("party", ref)
        for line, row in zip(order.lines, rows, strict=True):
            if line.product_ref not in products:
                yield row, "product_ref", line.product_ref, _unknown("product", line.product_ref)


def _units(parsed: ParsedFile) -> list[model.ShippedUnit]:
    return [record for record in parsed.records if isinstance(record, model.ShippedUnit)]


def _shipment_problems(uow: UnitOfWork, parsed: ParsedFile) -> Iterator[_Problem]:
    """Unknown orders and products, a shipment dated before its order or split over two
    days, more units of an ordered product than the order's quantity, and a serial already
    recorded as shipped on another row (rules.md section 10: serials are unique per product).

    A row that states a unit exactly as it is stored is already imported: it is left alone.
    """
    units = _units(parsed)
    order_refs = sorted({unit.order_ref for unit in units})
    orders = {ref: found.order for ref in order_refs if (found := uow.orders.get(ref)) is not None}
    product_refs = sorted({unit.product_ref for unit in units})
    products = uow.products.existing_refs(product_refs) if product_refs else set()
    stored = uow.shipments.find([unit.serial_key for unit in units])
    shipped = uow.shipments.of_orders(order_refs)
    counts: dict[tuple[str, str], int] = {}
    for units_of_order in shipped.values():
        for unit in units_of_order:
            key = (unit.order_ref, unit.product_ref)
            counts[key] = counts.get(key, 0) + 1
    days: dict[tuple[str, str], tuple[object, int]] = {
        (unit.order_ref, unit.shipment_ref): (unit.shipped_on, 0)
        for units_of_order in shipped.values()
        for unit in units_of_order
    }
    for unit, rows in zip(units, parsed.record_rows, strict=True):
        row = rows[0]
        order = orders.get(unit.order_ref)
        if order is None:
            yield row, "order_ref", unit.order_ref, "unknown order: import it with the orders first"
            continue
        if unit.product_ref not in products:
            yield row, "product_ref", unit.product_ref, _unknown("product", unit.product_ref)
            continue
        before = stored.get(unit.serial_key)
        if before is not None:
            if before != unit:
                yield (
                    row,
                    "serial",
                    unit.serial,
                    f"serial {unit.serial!r} of product {unit.product_ref!r} was already shipped "
                    f"on order {before.order_ref!r}, shipment {before.shipment_ref!r} of "
                    f"{before.shipped_on.isoformat()}; a serial is shipped once",
                )
            continue
        if unit.shipped_on < order.date:
            message = f"expected a day on or after the order's date ({order.date.isoformat()})"
            yield row, "shipped_on", unit.shipped_on.isoformat(), message
        day, first_row = days.setdefault(
            (unit.order_ref, unit.shipment_ref), (unit.shipped_on, row)
        )
        if day != unit.shipped_on:
            where = f"row {first_row}" if first_row else "the stored shipment"
            message = (
                f"shipment {unit.shipment_ref!r} of order {unit.order_ref!r} is dated "
                f"{day} on {where}; expected one day per shipment"
            )
            yield row, "shipped_on", unit.shipped_on.isoformat(), message
        ordered = sum(line.quantity for line in order.lines if line.product_ref == unit.product_ref)
        key = (unit.order_ref, unit.product_ref)
        counts[key] = counts.get(key, 0) + 1
        if ordered and counts[key] == ordered + 1:
            message = (
                f"more units of {unit.product_ref!r} than order {unit.order_ref!r} has "
                f"({ordered}); expected at most {ordered} serials"
            )
            yield row, "serial", unit.serial, message


def _write_units(
    uow: UnitOfWork, parsed: ParsedFile, data: bytes, *, dry_run: bool
) -> dict[_Change, int]:
    """Record the units not yet recorded, with one audit entry for the file."""
    units = _units(parsed)
    stored = uow.shipments.find([unit.serial_key for unit in units])
    new = [unit for unit in units if unit.serial_key not in stored]
    if new and not dry_run:
        uow.shipments.add_many(new)
        uow.audit.append(
            "import",
            "shipments",
            parsed.source,
            after={
                "kind": CsvKind.SHIPMENTS.value,
                "rows": parsed.rows,
                "units": len(new),
                "already_recorded": len(units) - len(new),
                "orders": sorted({unit.order_ref for unit in new}),
                "sha256": hashlib.sha256(data).hexdigest(),
            },
        )
    return {_Change.CREATED: len(new), _Change.UNCHANGED: len(units) - len(new)}


def _ownership_problems(uow: UnitOfWork, parsed: ParsedFile) -> Iterator[_Problem]:
    """Unknown parties, a party owning itself, and owners of one party above 100 % in all.

    The file states every owner of each party it names: those owners replace the stored ones.
    """
    owners = [record for record in parsed.records if isinstance(record, model.Owner)]
    refs = {owner.party_ref for owner in owners} | {owner.owner_name for owner in owners}
    known = uow.parties.existing_refs(sorted(refs)) if refs else set()
    totals: dict[str, float] = {}
    last_row: dict[str, int] = {}
    for owner, rows in zip(owners, parsed.record_rows, strict=True):
        if owner.party_ref not in known:
            yield rows[0], "party_ref", owner.party_ref, _unknown("party", owner.party_ref)
        if owner.owner_name == owner.party_ref:
            message = "a party cannot own itself; expected another owner"
            yield rows[0], "owner_name", owner.owner_name, message
        totals[owner.party_ref] = totals.get(owner.party_ref, 0.0) + owner.share_percent
        last_row[owner.party_ref] = rows[0]
    for party_ref, total in totals.items():
        if total > 100 + 1e-9:
            message = f"the owners of {party_ref!r} hold {total:g} % in all; expected at most 100 %"
            yield last_row[party_ref], "share_percent", None, message


def _write_owners(uow: UnitOfWork, parsed: ParsedFile, *, dry_run: bool) -> dict[_Change, int]:
    """Each party's owners replaced by the file's, with one audit entry per changed party.

    An owner named by a party's ref is that party: stored under its name, with its ref.
    """
    owners = [record for record in parsed.records if isinstance(record, model.Owner)]
    names = {owner.owner_name for owner in owners}
    parties = uow.parties.get_many(sorted(names)) if names else {}
    by_party: dict[str, list[model.Owner]] = {}
    for owner in owners:
        party = parties.get(owner.owner_name)
        if party is not None:
            owner = owner.model_copy(
                update={"owner_name": party.name, "owner_party_ref": party.ref}
            )
        by_party.setdefault(owner.party_ref, []).append(owner)
    counts = dict.fromkeys(_Change, 0)
    for party_ref, new in by_party.items():
        before = {owner.owner_name: owner for owner in uow.owners.owners_of(party_ref)}
        for owner in new:
            stored = before.get(owner.owner_name)
            change = (
                _Change.CREATED
                if stored is None
                else _Change.UNCHANGED
                if stored == owner
                else _Change.UPDATED
            )
            counts[change] += 1
        ordered = sorted(new, key=lambda owner: owner.owner_name)
        if dry_run or list(before.values()) == ordered:
            continue
        uow.owners.set_owners(party_ref, ordered)
        uow.audit.append(
            "import",
            "owners",
            party_ref,
            before={"owners": [owner.model_dump(mode="json") for owner in before.values()]},
            after={
                "source": parsed.source,
                "owners": [owner.model_dump(mode="json") for owner in ordered],
            },
        )
        screen_parties(uow, [party_ref], store=True)  # its owners' names are screened too
    return counts


# -- writing ----------------------------------------------------------------------------------


def _write_orders(uow: UnitOfWork, parsed: ParsedFile, data: bytes) -> None:
    orders = [record for record in parsed.records if isinstance(record, model.Order)]
    uow.orders.add_many(orders)
    uow.audit.append(
        "import",
        "orders",
        parsed.source,
        after={
            "kind": CsvKind.ORDERS.value,
            "rows": parsed.rows,
            "orders": len(orders),
            "sha256": hashlib.sha256(data).hexdigest(),
            "first": orders[0].ref,
            "last": orders[-1].ref,
        },
    )


def _lookalike_warnings(uow: UnitOfWork, parsed: ParsedFile) -> list[RowError]:
    """A warning for each new party whose name reads like a stored party's or an earlier
    row's: every name's skeleton made once, so 10^5 rows stay linear."""
    parties = [
        (record, rows[0])
        for record, rows in zip(parsed.records, parsed.record_rows, strict=True)
        if isinstance(record, model.Party)
    ]
    stored = uow.parties.existing_refs([party.ref for party, _ in parties])
    new = [(party, row) for party, row in parties if party.ref not in stored]
    if not new:
        return []
    found = lookalikes(((party.ref, party.name) for party, _ in new), uow.parties.names())
    return [
        RowError(row=new[at][1], field="name", value=new[at][0].name, message=lookalike.message)
        for at, lookalike in found
    ]


def _stored_record(uow: UnitOfWork, record: Record) -> Record | None:
    """The stored record ``record`` would replace, as the CSV row would state it."""
    if isinstance(record, model.Party):
        return uow.parties.get(record.ref)
    if isinstance(record, model.Product):
        return uow.products.get(record.ref)
    if isinstance(record, model.AiaCertification):
        stored = uow.paperwork.aia_certifications(record.party_ref)
        return next((item for item in stored if item.signed_on == record.signed_on), None)
    if isinstance(record, model.LppCertification):
        return uow.paperwork.lpp_certification(record.party_ref, record.year)
    if isinstance(record, model.VeuFootprint):
        tpp = uow.paperwork.footprint(record.party_ref).get(record.country)
        return None if tpp is None else record.model_copy(update={"installed_tpp": tpp})
    if isinstance(record, model.CountrySetting):
        setting = uow.paperwork.country_setting(record.country)
        return (
            None if setting is None else setting.model_copy(update={"our_allocation_used_tpp": 0})
        )
    return None


def _with_blanks_kept(
    before: Record, record: Record, blank: frozenset[str], row: int
) -> Record | RowError:
    """``record`` with every field whose cell was empty taken from ``before`` (what is stored):
    an empty cell never changes a stored value. The result is checked again as a whole."""
    dropped: set[str] = set()
    if isinstance(record, model.Party) and record.veu is VeuStatus.NONE and "veu" not in blank:
        dropped = {"veu_country", "veu_id"}  # stating "no VEU" ends its country and number
    kept = {
        name: getattr(before, name)
        for name in blank
        if hasattr(before, name) and name not in dropped
    }
    if not kept:
        return record
    try:
        return type(record).model_validate({**record.model_dump(), **kept})
    except ValidationError as error:
        problem = error.errors()[0]
        field = ".".join(str(part) for part in problem["loc"]) or None
        return RowError(
            row=row,
            field=field,
            message=(
                f"with the empty cells keeping what is stored ({', '.join(sorted(kept))}), the "
                f"record is not valid: {problem['msg']}"
            ),
        )


def _change(uow: UnitOfWork, record: Record) -> _Change:
    """Whether writing ``record`` would create, update or leave alone what is stored."""
    if isinstance(record, model.License):
        return _Change.CREATED
    if not isinstance(
        record,
        model.Party
        | model.Product
        | model.AiaCertification
        | model.LppCertification
        | model.VeuFootprint
        | model.CountrySetting,
    ):  # pragma: no cover - orders go in bulk
        raise TypeError(f"cannot put a {type(record).__name__}")
    before = _stored_record(uow, record)
    if isinstance(record, model.CountrySetting):
        record = record.model_copy(update={"our_allocation_used_tpp": 0})
    if before is None:
        return _Change.CREATED
    return _Change.UNCHANGED if before == record else _Change.UPDATED


def _merged_records(uow: UnitOfWork, parsed: ParsedFile) -> list[Record]:
    """The records to write: a row that updates a stored record keeps the stored value of
    every cell it left empty. Refuses the whole file if a merged record is not valid."""
    merged: list[Record] = []
    errors: list[RowError] = []
    blanks = parsed.blank_fields or tuple(frozenset() for _ in parsed.records)
    for record, rows, blank in zip(parsed.records, parsed.record_rows, blanks, strict=True):
        before = _stored_record(uow, record) if blank else None
        result = record if before is None else _with_blanks_kept(before, record, blank, rows[0])
        if isinstance(result, RowError):
            errors.append(result)
        else:
            merged.append(result)
    if errors:
        raise CsvImportError(parsed.source, errors)
    return merged


def _put_records(
    uow: UnitOfWork,
    parsed: ParsedFile,
    *,
    dry_run: bool,
    progress: ProgressSink,
    cancel: CancelToken | None,
) -> dict[_Change, int]:
    counts = dict.fromkeys(_Change, 0)
    total = len(parsed.records)
    for done, record in enumerate(_merged_records(uow, parsed), start=1):
        if cancel is not None and cancel.cancelled:
            break
        change = _change(uow, record)
        counts[change] += 1
        if not dry_run and change is not _Change.UNCHANGED:
            # orders, owners and shipped units are written on their own
            assert not isinstance(record, model.Order | model.Owner | model.ShippedUnit)
            put_record_in(uow, record)
        if done % 200 == 0:
            progress(done, total, f"importing {parsed.source}")
    return counts


# -- export -----------------------------------------------------------------------------------


def _stored(uow: UnitOfWork, kind: CsvKind) -> Iterable[Record]:
    readers: dict[CsvKind, Callable[[], Iterator[Record]]] = {
        CsvKind.PARTIES: uow.parties.all,
        CsvKind.PRODUCTS: uow.products.all,
        CsvKind.ORDERS: lambda: (stored.order for stored in uow.orders.all()),
        CsvKind.CERTIFICATIONS: lambda: chain(
            uow.paperwork.all_aia_certifications(), uow.paperwork.all_lpp_certifications()
        ),
        CsvKind.LICENSES: uow.paperwork.all_licenses,
        CsvKind.FOOTPRINTS: uow.paperwork.all_footprints,
        CsvKind.COUNTRIES: uow.paperwork.all_country_settings,
        CsvKind.OWNERSHIP: uow.owners.all,
        CsvKind.SHIPMENTS: uow.shipments.all,
    }
    return readers[kind]()


def export_kind(db: Database, kind: CsvKind) -> str:
    """Every stored record of ``kind`` in its CSV format (header included), ready to import.

    Orders are written line by line, whatever their status; red-flag resolutions, decisions
    and quota used by our own shipments are not part of these formats.
    """
    kind = CsvKind(kind)
    with db.reader() as uow, paused_collection():
        return format_csv(kind, _stored(uow, kind))


def export_table(db: Database, kind: CsvKind) -> list[dict[str, str]]:
    """What ``export_kind`` writes, as one mapping of column to cell a row (for JSON): the
    same rows, the same cells as text, an empty cell as ``""``."""
    kind = CsvKind(kind)
    columns = columns_of(kind)
    with db.reader() as uow, paused_collection():
        return [
            dict(zip(columns, cells, strict=True))
            for cells in format_rows(kind, _stored(uow, kind))
        ]
