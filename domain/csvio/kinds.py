"""Each kind, row by row: the converters of its columns, the rules across a row's cells, the
keys that may appear once per file, and the blank fields a row leaves as they are stored."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from pydantic import ValidationError

from domain.csvio.cells import (
    _CONTROL,
    _DEFAULT,
    _boolean,
    _CellError,
    _choice,
    _Converter,
    _Countries,
    _date,
    _name,
    _names,
    _number,
    _optional_date,
    _ref,
    _serial,
    _text,
    _validation_errors,
    _whole,
)
from domain.csvio.formats import (
    MAX_CELL,
    MAX_NAME,
    MAX_REF,
    MAX_TEXT,
    CsvKind,
    RowError,
    blank_fields,
    columns_of,
)
from domain.csvio.formulas import unprotect_cell
from domain.model import (
    AiaCertification,
    CountrySetting,
    Language,
    License,
    LicenseCovers,
    LppCertification,
    Owner,
    Party,
    Product,
    ProductKind,
    Record,
    Role,
    ShippedUnit,
    VeuFootprint,
    VeuStatus,
)

# -- the kinds, row by row --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Spec:
    converters: Mapping[str, _Converter]
    build: Callable[[dict[str, object]], Record]
    key: Callable[[Record], tuple[object, ...]]
    key_field: Callable[[Record], str]
    what: Callable[[Record], str]


class _RowRuleError(Exception):
    """A rule across cells of one row, found before the model is built."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _given(values: dict[str, object]) -> dict[str, object]:
    return {name: value for name, value in values.items() if value is not _DEFAULT}


class _CertificationType(StrEnum):
    AIA = "aia"
    LPP = "lpp"


def _signers(text: object) -> object:
    """AIA signers: names separated by ``;``."""
    if not isinstance(text, str):
        return text
    names = tuple(name.strip() for name in text.split(";") if name.strip())
    for name in names:
        if len(name) > MAX_NAME:
            raise _RowRuleError("signer", f"expected signer names of at most {MAX_NAME} characters")
    return names


def _certification(values: dict[str, object]) -> Record:
    kind = values.pop("type")
    if kind == "aia":
        for name in ("year", "prior_receipts_tpp"):
            if values.get(name) not in (None, _DEFAULT):
                raise _RowRuleError(
                    name, f"{name} is for lpp certifications; leave it empty for aia"
                )
        return AiaCertification.model_validate(
            _given(
                {
                    "party_ref": values["party_ref"],
                    "signed_on": values["signed_on"],
                    "signers": _signers(values["signer"]),
                    "weights_storage_attested": values["weights_storage_attested"],
                    "submitted_to_bis_on": values["submitted_to_bis_on"],
                    "revoked_on": values["revoked_on"],
                }
            )
        )
    if values.get("year") in (None, _DEFAULT):
        raise _RowRuleError("year", "an lpp certification needs its calendar year YYYY")
    if values.get("weights_storage_attested") is True:
        raise _RowRuleError(
            "weights_storage_attested",
            "weights_storage_attested is for aia certifications; leave it empty for lpp",
        )
    if values.get("submitted_to_bis_on") is not None:
        raise _RowRuleError(
            "submitted_to_bis_on",
            "submitted_to_bis_on is for aia certifications; leave it empty for lpp",
        )
    signer = values["signer"]
    if isinstance(signer, str) and len(signer) > MAX_NAME:
        raise _RowRuleError("signer", f"expected at most {MAX_NAME} characters for an lpp signer")
    return LppCertification.model_validate(
        _given(
            {
                "party_ref": values["party_ref"],
                "year": values["year"],
                "signed_on": values["signed_on"],
                "signer": signer,
                "prior_receipts_tpp": values["prior_receipts_tpp"],
                "revoked_on": values["revoked_on"],
            }
        )
    )


def _certification_key(record: Record) -> tuple[object, ...]:
    if isinstance(record, AiaCertification):
        return ("aia", record.party_ref, record.signed_on)
    assert isinstance(record, LppCertification)
    return ("lpp", record.party_ref, record.year)


def _certification_what(record: Record) -> str:
    if isinstance(record, AiaCertification):
        return f"aia certification of {record.party_ref!r} signed on {record.signed_on}"
    assert isinstance(record, LppCertification)
    return f"lpp certification of {record.party_ref!r} for {record.year}"


_positive = _number(positive=True)


def _share(text: str) -> object:
    """An owner's share in percent: 0 < share <= 100."""
    if not text:
        raise _CellError("expected the owner's share in percent (0 < share <= 100)")
    value = _positive(text)
    if isinstance(value, float) and value > 100:
        raise _CellError("expected a share in percent of at most 100")
    return value


def _footprint_key(record: Record) -> tuple[object, ...]:
    assert isinstance(record, VeuFootprint)
    return (record.party_ref, record.country)


def _specs() -> dict[CsvKind, _Spec]:
    countries = _Countries()

    def model(cls: type[Record]) -> Callable[[dict[str, object]], Record]:
        return lambda values: cls.model_validate(_given(values))

    def attr(name: str) -> Callable[[Record], tuple[object, ...]]:
        return lambda record: (getattr(record, name),)

    def field(name: str) -> Callable[[Record], str]:
        return lambda _record: name

    def what(label: str, name: str) -> Callable[[Record], str]:
        return lambda record: f"{label} {getattr(record, name)!r}"

    def keyed(
        cls: type[Record], key: str, label: str, converters: Mapping[str, _Converter]
    ) -> _Spec:
        """A kind built straight from its cells, whose records are keyed by one field."""
        return _Spec(converters, model(cls), attr(key), field(key), what(label, key))

    whole_year = _whole(2000, 2200, default=False)
    return {
        CsvKind.PARTIES: keyed(
            Party,
            "ref",
            "party ref",
            {
                "ref": _ref,
                "name": _name,
                "aliases": _names(MAX_NAME),
                "address": _text(MAX_TEXT),
                "country": countries.required,
                "hq_country": countries.required,
                "parent_name": _text(MAX_NAME, optional=True),
                "parent_hq_country": countries.optional,
                "role": _choice(Role, default=True),
                "veu": _choice(VeuStatus, default=True),
                "veu_country": countries.optional,
                "veu_id": _text(MAX_REF, optional=True),
                "language": _choice(Language, default=True),
            },
        ),
        CsvKind.PRODUCTS: keyed(
            Product,
            "ref",
            "product ref",
            {
                "ref": _ref,
                "name": _name,
                "kind": _choice(ProductKind, default=False),
                "tpp": _number(optional=True, figure=True),
                "die_area_mm2": _number(positive=True, optional=True),
                "datacenter": _boolean,
                "ics_per_unit": _whole(1, 10**6, default=True),
                "training_operations": _number(optional=True),
                "published": _boolean,
            },
        ),
        CsvKind.CERTIFICATIONS: _Spec(
            converters={
                "party_ref": _ref,
                "type": _choice(_CertificationType, default=False),
                "year": lambda text: whole_year(text) if text else None,
                "signed_on": _date,
                "signer": _text(MAX_TEXT),
                "prior_receipts_tpp": _number(figure=True),
                "weights_storage_attested": _boolean,
                "submitted_to_bis_on": _optional_date,
                "revoked_on": _optional_date,
            },
            build=_certification,
            key=_certification_key,
            key_field=lambda record: (
                "signed_on" if isinstance(record, AiaCertification) else "year"
            ),
            what=_certification_what,
        ),
        CsvKind.LICENSES: keyed(
            License,
            "number",
            "licence number",
            {
                "number": _ref,
                "party_ref": _ref,
                "destination": countries.required,
                "covers": _choice(LicenseCovers, default=False),
                "tpp": _number(figure=True),
                "valid_from": _date,
                "valid_to": _date,
            },
        ),
        CsvKind.FOOTPRINTS: _Spec(
            converters={
                "party_ref": _ref,
                "country": countries.required,
                "installed_tpp": _number(figure=True),
            },
            build=model(VeuFootprint),
            key=_footprint_key,
            key_field=field("country"),
            what=lambda record: (
                f"footprint of {getattr(record, 'party_ref', '')!r} in "
                f"{getattr(record, 'country', '')}"
            ),
        ),
        CsvKind.COUNTRIES: keyed(
            CountrySetting,
            "country",
            "country",
            {
                "country": countries.required,
                "g2g_agreement": _boolean,
                "external_allocation_used_tpp": _number(figure=True),
            },
        ),
        CsvKind.OWNERSHIP: _Spec(
            converters={
                "party_ref": _ref,
                "owner_name": _name,
                "owner_country": countries.required,
                "share_percent": _share,
            },
            build=model(Owner),
            key=lambda record: (
                getattr(record, "party_ref", ""),
                getattr(record, "owner_name", ""),
            ),
            key_field=field("owner_name"),
            what=lambda record: (
                f"owner {getattr(record, 'owner_name', '')!r} of "
                f"{getattr(record, 'party_ref', '')!r}"
            ),
        ),
        CsvKind.SHIPMENTS: _Spec(
            converters={
                "order_ref": _ref,
                "shipment_ref": _ref,
                "shipped_on": _date,
                "product_ref": _ref,
                "serial": _serial,
            },
            build=model(ShippedUnit),
            key=lambda record: _expect_unit(record).serial_key,
            key_field=field("serial"),
            what=lambda record: (
                f"serial {getattr(record, 'serial', '')!r} of product "
                f"{getattr(record, 'product_ref', '')!r}"
            ),
        ),
    }


def _expect_unit(record: Record) -> ShippedUnit:
    assert isinstance(record, ShippedUnit)
    return record


_TEXT_COLUMNS: Final = frozenset(
    {"name", "aliases", "address", "parent_name", "signer", "owner_name"}
)


def _clean(column: str, cell: str) -> str:
    cell = cell.strip()
    if cell.startswith("'"):
        cell = unprotect_cell(cell)
    if column in _TEXT_COLUMNS and "\r" in cell:
        cell = cell.replace("\r\n", "\n").replace("\r", "\n")
    return cell


def _parse_records(
    kind: CsvKind,
    rows: Iterator[tuple[int, list[str]]],
    positions: dict[str, int],
    width: int,
    errors: list[RowError],
    check_control: bool,
) -> tuple[list[Record], list[tuple[int, ...]], int, list[frozenset[str]]]:
    spec = _specs()[kind]
    columns = columns_of(kind)
    records: list[Record] = []
    record_rows: list[tuple[int, ...]] = []
    blanks: list[frozenset[str]] = []
    first_row: dict[tuple[object, ...], int] = {}
    count = 0
    for row, raw in rows:
        count += 1
        if not _row_is_sound(row, raw, width, positions, errors, check_control):
            continue
        cells = {
            column: _clean(column, raw[positions[column]]) if column in positions else ""
            for column in columns
        }
        values: dict[str, object] = {}
        bad = False
        for column in columns:
            try:
                values[column] = spec.converters[column](cells[column])
            except _CellError as exc:
                errors.append(
                    RowError(row=row, field=column, value=cells[column], message=str(exc))
                )
                bad = True
        if bad:
            continue
        try:
            record = spec.build(values)
        except _RowRuleError as problem:
            errors.append(
                RowError(
                    row=row,
                    field=problem.field,
                    value=cells.get(problem.field) or None,
                    message=problem.message,
                )
            )
            continue
        except ValidationError as exc:
            errors += _validation_errors(exc, row, cells, columns)
            continue
        key = spec.key(record)
        if key in first_row:
            key_field = spec.key_field(record)
            errors.append(
                RowError(
                    row=row,
                    field=key_field,
                    value=cells.get(key_field) or None,
                    message=f"{spec.what(record)} appears twice: already on row {first_row[key]}",
                )
            )
            continue
        first_row[key] = row
        records.append(record)
        record_rows.append((row,))
        blanks.append(blank_fields(kind, record, cells))
    return records, record_rows, count, blanks


def _row_is_sound(
    row: int,
    raw: list[str],
    width: int,
    positions: Mapping[str, int],
    errors: list[RowError],
    check_control: bool,
) -> bool:
    """The row has one cell per column, none of them huge or holding control characters."""
    if len(raw) == width and not check_control and max(map(len, raw)) <= MAX_CELL:
        return True
    if len(raw) != width:
        errors.append(
            RowError(
                row=row,
                message=f"expected {width} cells (one per header column), got {len(raw)}; "
                "a value containing a comma must be in double quotes",
            )
        )
        return False
    sound = True
    for column, index in positions.items():
        cell = raw[index]
        if len(cell) > MAX_CELL:
            errors.append(
                RowError(
                    row=row,
                    field=column,
                    value=cell,
                    message=f"a cell longer than {MAX_CELL:,} characters ({len(cell):,})",
                )
            )
            sound = False
        elif check_control and _CONTROL.search(cell):
            errors.append(
                RowError(
                    row=row,
                    field=column,
                    value=cell,
                    message="a control character (such as NUL) in the cell; expected text",
                )
            )
            sound = False
    return sound
