"""Cells a spreadsheet would run as formulas, and how the desk's CSV files keep them text.

Excel, LibreOffice and Google Sheets read a cell that begins with ``=``, ``+``, ``-`` or ``@``
as a formula, and skip a leading tab or carriage return to find one (OWASP, "CSV injection"):
a party named ``=HYPERLINK("http://x","click")`` would become a live link in the officer's
spreadsheet, ``=cmd|' /C calc'!A0`` a program started. Every CSV file the desk writes goes
through ``protect_cell``; every cell an import reads goes through ``unprotect_cell``.

The convention (the common one, a leading apostrophe, which spreadsheets show as text):

- writing, a cell that begins with ``=`` ``+`` ``-`` ``@``, a tab, a carriage return or an
  apostrophe gets one more apostrophe in front: ``=SUM(1)`` is written ``'=SUM(1)``, and a
  name that itself begins with an apostrophe, ``'t Hoen B.V.``, is written ``''t Hoen B.V.``;
- reading, a cell that begins with an apostrophe followed by one of those characters (or by
  another apostrophe) loses that first apostrophe; every other cell is read as written.

So reading undoes writing exactly for any text (an export imports back to the same records,
and exporting those again gives the same bytes), and a cell a person typed, such as ``'Ello``,
keeps its apostrophe. The rule is applied to every cell whatever its column: the desk writes
its figures without a sign (none is ever negative), and dates, codes and refs begin with a
letter or digit, so in practice only names, aliases, addresses, signers and serials change.
"""

from __future__ import annotations

from typing import Final

FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet takes for the start of a formula."""

_PROTECTED_START: Final = (*FORMULA_START, "'")


def protect_cell(text: str) -> str:
    """``text`` as written in a CSV cell: a spreadsheet shows it as text, never runs it."""
    return "'" + text if text.startswith(_PROTECTED_START) else text


def unprotect_cell(text: str) -> str:
    """The text a CSV cell written by ``protect_cell`` stands for."""
    if text.startswith("'") and text[1:2] in _PROTECTED_START:
        return text[1:]
    return text
