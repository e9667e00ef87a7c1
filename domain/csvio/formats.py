"""The CSV formats: kinds, their columns in contract order, the limits of a cell, and the
errors that name row, column, value and what was expected."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from pydantic import field_validator

from domain.errors import DomainError
from domain.frozen import Frozen
from domain.model import MAX_QUANTITY as _MODEL_MAX_QUANTITY
from domain.model import AiaCertification, Record

MAX_CELL: Final = 10_000
"""No cell may be longer than this, whatever its column."""
MAX_TEXT: Final = 2_000
"""Free text (addresses, alias lists, signer lists)."""
MAX_NAME: Final = 300
MAX_REF: Final = 64
MAX_QUANTITY: Final = _MODEL_MAX_QUANTITY
MAX_ERRORS_SHOWN: Final = 50
VALUE_SHOWN: Final = 60


class CsvKind(StrEnum):
    PARTIES = "parties"
    PRODUCTS = "products"
    ORDERS = "orders"
    CERTIFICATIONS = "certifications"
    LICENSES = "licenses"
    FOOTPRINTS = "footprints"
    COUNTRIES = "countries"
    OWNERSHIP = "ownership"
    SHIPMENTS = "shipments"


HEADERS: Final[dict[CsvKind, tuple[str, ...]]] = {
    CsvKind.PARTIES: (
        "ref",
        "name",
        "aliases",
        "address",
        "country",
        "hq_country",
        "parent_name",
        "parent_hq_country",
        "role",
        "veu",
        "veu_country",
        "veu_id",
    ),
    CsvKind.PRODUCTS: (
        "ref",
        "name",
        "kind",
        "tpp",
        "die_area_mm2",
        "datacenter",
        "ics_per_unit",
        "training_operations",
        "published",
    ),
    CsvKind.ORDERS: (
        "ref",
        "date",
        "consignee_ref",
        "end_user_ref",
        "destination",
        "product_ref",
        "quantity",
    ),
    CsvKind.CERTIFICATIONS: (
        "party_ref",
        "type",
        "year",
        "signed_on",
        "signer",
        "prior_receipts_tpp",
        "weights_storage_attested",
        "submitted_to_bis_on",
        "revoked_on",
    ),
    CsvKind.LICENSES: (
        "number",
        "party_ref",
        "destination",
        "covers",
        "tpp",
        "valid_from",
        "valid_to",
    ),
    CsvKind.FOOTPRINTS: ("party_ref", "country", "installed_tpp"),
    CsvKind.COUNTRIES: ("country", "g2g_agreement", "external_allocation_used_tpp"),
    CsvKind.OWNERSHIP: ("party_ref", "owner_name", "owner_country", "share_percent"),
    CsvKind.SHIPMENTS: ("order_ref", "shipment_ref", "shipped_on", "product_ref", "serial"),
}

OPTIONAL_COLUMNS: Final[dict[CsvKind, tuple[str, ...]]] = {
    CsvKind.PARTIES: ("language",),
}
"""Columns added to a format after files were written without them: a file may leave them
out (every row then takes the default, or keeps what is stored); export writes them last."""


def columns_of(kind: CsvKind) -> tuple[str, ...]:
    """Every column a file of ``kind`` may hold: the required ones, then the optional ones."""
    return HEADERS[kind] + OPTIONAL_COLUMNS.get(kind, ())


# -- errors -----------------------------------------------------------------------------------


class RowError(Frozen):
    """One problem in a CSV file: where it is and what was expected."""

    row: int
    """Line number as a person counts it: the header is row 1, the first data row 2."""
    field: str | None = None
    value: str | None = None
    """The offending cell, shortened for display."""
    message: str

    @field_validator("value")
    @classmethod
    def _shorten(cls, value: str | None) -> str | None:
        if not value:
            return None
        if len(value) > VALUE_SHOWN:
            return value[: VALUE_SHOWN - 1] + "…"
        return value

    def describe(self, source: str) -> str:
        where = f"{source}, row {self.row}"
        if self.field is not None:
            where += f", field {_shown(self.field)}"
        text = f"{where}: {self.message}"
        if self.value is not None:
            text += f" (got {self.value!r})"
        return text


def _shown(name: str) -> str:
    """A name from the file as it is safe to print: control characters escaped, kept short."""
    if name.isprintable() and len(name) <= 60:
        return name
    escaped = repr(name)[1:-1]
    return escaped if len(escaped) <= 60 else escaped[:57] + "..."


class CsvImportError(DomainError):
    """A CSV file that cannot be imported, with every problem found in it."""

    def __init__(
        self, source: str, errors: Sequence[RowError], *, partial: ParsedFile | None = None
    ) -> None:
        self.source = source
        self.errors = list(errors)
        self.partial = partial
        """The rows that did read well, when only some did: the import checks their
        references too, so that one pass reports every problem of the file."""
        super().__init__(self._text())

    def _text(self) -> str:
        count = len(self.errors)
        lines = [f"{self.source}: {count} problem{'s' if count != 1 else ''}; nothing imported"]
        lines += [error.describe(self.source) for error in self.errors[:MAX_ERRORS_SHOWN]]
        if count > MAX_ERRORS_SHOWN:
            lines.append(f"... and {count - MAX_ERRORS_SHOWN} more")
        return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """A CSV file's records with the rows each came from, ready for the database checks."""

    kind: CsvKind
    source: str
    records: tuple[Record, ...]
    record_rows: tuple[tuple[int, ...], ...]
    """For each record, its rows: one, or for an order one per line (in line order)."""
    rows: int
    """Data rows read (blank rows not counted)."""
    blank_fields: tuple[frozenset[str], ...] = ()
    """For each record (not orders), the fields whose cells were empty: a row that updates a
    stored record leaves those as they are stored (``blank_means_keep``)."""


BLANK_CELLS_RULE: Final = (
    "An empty cell never changes what is stored: in a row that updates a party, product, "
    "certification, footprint or country, an empty cell keeps the stored value (to clear a "
    "value, edit the record in the window); in a row that creates one, it takes the default. "
    "Required columns must be filled in every row."
)


def blank_fields(kind: CsvKind, record: Record, cells: Mapping[str, str]) -> frozenset[str]:
    """The model fields of ``record`` whose CSV cells were empty (the AIA ``signer`` column
    is its ``signers`` field)."""
    fields = set()
    for column, cell in cells.items():
        if cell:
            continue
        if kind is CsvKind.CERTIFICATIONS and column == "signer":
            fields.add("signers" if isinstance(record, AiaCertification) else "signer")
        elif column in type(record).model_fields:
            fields.add(column)
    return frozenset(fields)
