"""The CSV formats of the command-line contract (cli.md, "CSV formats"): parse and format.

Parsing checks everything that can be checked without the database and reports every
problem it finds, each with its row (as a person counts lines: the header is row 1), its
column, the value and what was expected. Nothing here reads a file or a database: bytes
come in, domain values (or a ``CsvImportError``) go out; text goes out for export.

Decisions the contract leaves open, made here:

- Columns are matched by name, in any order, ignoring case and surrounding spaces; every
  column of the format must be present exactly once and no other, except the optional
  columns added after files were written without them (``OPTIONAL_COLUMNS``: a party's
  ``language``), which a file may leave out. Export writes every column, in the order cli.md
  lists them, the optional ones last.
- Cells are stripped of surrounding whitespace; line breaks inside quoted text become
  ``\\n``; control characters (NUL, ...) are refused. Blank rows are skipped.
- A cell a spreadsheet would run as a formula (it begins with ``=`` ``+`` ``-`` ``@``, a tab
  or a carriage return) is exported with a leading apostrophe, as is one that begins with an
  apostrophe; an import takes that apostrophe away again (``formulas``), so an export imports
  back unchanged. Order rows, which hold no text, are read as written.
- References are kept in NFKC form (full-width letters are letters) and refused, naming the
  character, when they hold one that cannot be seen (``domain.model.check_ref``).
- An empty cell is "not given": ``None`` for optional values, the model's default where it
  has one (``role`` other, ``veu`` none, ``datacenter`` true, ``published`` false,
  ``ics_per_unit`` 1, ``g2g_agreement`` false, TPP figures 0), an error where it has none.
- Certifications: ``type`` aia needs ``signed_on`` and takes ``signer`` as names separated
  by ``;``; ``year`` and ``prior_receipts_tpp`` must be empty. ``type`` lpp needs ``year``
  and ``signed_on`` (``prior_receipts_tpp`` defaults to 0); ``weights_storage_attested`` and
  ``submitted_to_bis_on`` must be empty (or ``false``), as LPP certifications have neither.
- Keys may appear once per file: parties and products by ``ref``, licences by ``number``,
  footprints by party and country, countries by country (``US`` and ``USA`` are the same),
  AIA certifications by party and signing date, LPP certifications by party and year.
  Order rows sharing a ``ref`` are the lines of one order and must agree on ``date``,
  ``consignee_ref``, ``end_user_ref`` and ``destination``.
- Limits: a cell holds at most 10,000 characters; free text at most 2,000 (names 300,
  as stored); a quantity at most 10^9.
"""

from __future__ import annotations

from domain.csvio.export import format_csv, format_rows
from domain.csvio.formats import (
    BLANK_CELLS_RULE,
    HEADERS,
    MAX_CELL,
    MAX_NAME,
    MAX_QUANTITY,
    MAX_REF,
    MAX_TEXT,
    OPTIONAL_COLUMNS,
    CsvImportError,
    CsvKind,
    ParsedFile,
    RowError,
    blank_fields,
    columns_of,
)
from domain.csvio.parse import parse, paused_collection
from domain.model import Record

__all__ = [
    "BLANK_CELLS_RULE",
    "HEADERS",
    "MAX_CELL",
    "MAX_NAME",
    "MAX_QUANTITY",
    "MAX_REF",
    "MAX_TEXT",
    "OPTIONAL_COLUMNS",
    "CsvImportError",
    "CsvKind",
    "ParsedFile",
    "Record",
    "RowError",
    "blank_fields",
    "columns_of",
    "format_csv",
    "format_rows",
    "parse",
    "paused_collection",
]
