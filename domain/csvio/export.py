"""Formatting records back into the same CSV formats (export), so an export imports again
unchanged."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import Final, TypeVar

from pydantic import BaseModel

from domain import model
from domain.csvio.formats import (
    CsvKind,
    columns_of,
)
from domain.csvio.formulas import protect_cell
from domain.model import Record
from domain.numbers import plain

# -- format (export) --------------------------------------------------------------------------


def _number_text(value: Decimal | float | None) -> str:
    """Whole numbers without ".0"; others in the shortest form that reads back exactly (an
    exact TPP to its last unit, however large)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return plain(value)
    value = float(value)  # a model default may be the int 0
    if value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(value)


def _bool_text(value: bool) -> str:
    return "true" if value else "false"


def _date_text(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def _free_text(value: str | None) -> str:
    if not value:
        return ""
    return value.replace("\r\n", "\n").replace("\r", "\n")


_R = TypeVar("_R", bound=BaseModel)


def _expect(record: object, cls: type[_R]) -> _R:
    if not isinstance(record, cls):
        raise TypeError(f"expected a {cls.__name__}, got {type(record).__name__}")
    return record


def _party_rows(record: Record) -> list[list[str]]:
    party = _expect(record, model.Party)
    return [
        [
            party.ref,
            _free_text(party.name),
            ";".join(_free_text(alias) for alias in party.aliases),
            _free_text(party.address),
            party.country,
            party.hq_country,
            _free_text(party.parent_name),
            party.parent_hq_country or "",
            party.role.value,
            party.veu.value,
            party.veu_country or "",
            party.veu_id or "",
            party.language.value,
        ]
    ]


def _product_rows(record: Record) -> list[list[str]]:
    product = _expect(record, model.Product)
    return [
        [
            product.ref,
            _free_text(product.name),
            product.kind.value,
            _number_text(product.tpp),
            _number_text(product.die_area_mm2),
            _bool_text(product.datacenter),
            str(product.ics_per_unit),
            _number_text(product.training_operations),
            _bool_text(product.published),
        ]
    ]


def _order_rows(record: Record) -> list[list[str]]:
    order = _expect(record, model.Order)
    head = [
        order.ref,
        order.date.isoformat(),
        order.consignee_ref,
        order.end_user_ref or "",
        order.destination or "",
    ]
    return [[*head, line.product_ref, str(line.quantity)] for line in order.lines]


def _certification_rows(record: Record) -> list[list[str]]:
    if isinstance(record, model.AiaCertification):
        return [
            [
                record.party_ref,
                "aia",
                "",
                record.signed_on.isoformat(),
                ";".join(_free_text(signer) for signer in record.signers),
                "",
                _bool_text(record.weights_storage_attested),
                _date_text(record.submitted_to_bis_on),
                _date_text(record.revoked_on),
            ]
        ]
    lpp = _expect(record, model.LppCertification)
    return [
        [
            lpp.party_ref,
            "lpp",
            str(lpp.year),
            lpp.signed_on.isoformat(),
            _free_text(lpp.signer),
            _number_text(lpp.prior_receipts_tpp),
            "",
            "",
            _date_text(lpp.revoked_on),
        ]
    ]


def _license_rows(record: Record) -> list[list[str]]:
    licence = _expect(record, model.License)
    return [
        [
            licence.number,
            licence.party_ref,
            licence.destination,
            licence.covers.value,
            _number_text(licence.tpp),
            licence.valid_from.isoformat(),
            licence.valid_to.isoformat(),
        ]
    ]


def _footprint_rows(record: Record) -> list[list[str]]:
    footprint = _expect(record, model.VeuFootprint)
    return [[footprint.party_ref, footprint.country, _number_text(footprint.installed_tpp)]]


def _country_rows(record: Record) -> list[list[str]]:
    setting = _expect(record, model.CountrySetting)
    return [
        [
            setting.country,
            _bool_text(setting.g2g_agreement),
            _number_text(setting.external_allocation_used_tpp),
        ]
    ]


def _owner_rows(record: Record) -> list[list[str]]:
    owner = _expect(record, model.Owner)
    return [
        [
            owner.party_ref,
            owner.owner_party_ref or owner.owner_name,
            owner.owner_country,
            _number_text(owner.share_percent),
        ]
    ]


def _unit_rows(record: Record) -> list[list[str]]:
    unit = _expect(record, model.ShippedUnit)
    return [
        [
            unit.order_ref,
            unit.shipment_ref,
            unit.shipped_on.isoformat(),
            unit.product_ref,
            unit.serial,
        ]
    ]


_ROWS: Final[dict[CsvKind, Callable[[Record], list[list[str]]]]] = {
    CsvKind.PARTIES: _party_rows,
    CsvKind.PRODUCTS: _product_rows,
    CsvKind.ORDERS: _order_rows,
    CsvKind.CERTIFICATIONS: _certification_rows,
    CsvKind.LICENSES: _license_rows,
    CsvKind.FOOTPRINTS: _footprint_rows,
    CsvKind.COUNTRIES: _country_rows,
    CsvKind.OWNERSHIP: _owner_rows,
    CsvKind.SHIPMENTS: _unit_rows,
}


def format_csv(kind: CsvKind, records: Iterable[Record]) -> str:
    """The records in the CSV format of ``kind`` (header included), ready for ``parse``.

    Aliases and AIA signers are joined with ``;``, so a name containing ``;`` comes back
    as two. Line breaks inside text are written as ``\\n``. A cell a spreadsheet would run
    as a formula is written with a leading apostrophe (``formulas.protect_cell``).
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns_of(kind))
    writer.writerows([protect_cell(cell) for cell in row] for row in format_rows(kind, records))
    return out.getvalue()


def format_rows(kind: CsvKind, records: Iterable[Record]) -> Iterator[list[str]]:
    """The cells of each row ``format_csv`` writes (in the columns of ``columns_of(kind)``), as
    the records hold them: ``format_csv`` protects those a spreadsheet would run."""
    to_rows = _ROWS[CsvKind(kind)]
    for record in records:
        yield from to_rows(record)
