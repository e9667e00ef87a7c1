"""Settings kept with the records: the exporter's letterhead and the paper size of documents.

They live in the database (not in the window's preferences) because every officer's printed
documents must carry the same letterhead. Every change writes an audit entry.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, get_args

from domain.documents import Letterhead, PageSize
from domain.errors import DomainError
from domain.frozen import Frozen
from domain.ports import Database, UnitOfWork
from domain.services.stored_settings import update_settings

DEFAULT_LETTERHEAD_NAME = "Your company — set the letterhead with `diffusion-desk settings`"
DEFAULT_PAGE_SIZE: PageSize = "A4"
PAGE_SIZES: tuple[str, ...] = get_args(PageSize)

_NAME = "letterhead.name"
_ADDRESS = "letterhead.address_lines"
_CONTACT = "letterhead.contact"
_PAGE_SIZE = "documents.page_size"
_OFFICER = "documents.officer"

MAX_ADDRESS_LINES = 6
MAX_LENGTH = 300


class DocumentSettings(Frozen):
    """What every generated document takes from the settings."""

    letterhead: Letterhead
    page_size: PageSize = DEFAULT_PAGE_SIZE
    officer: str = ""
    """Who issues documents, as paper names them ("Jane Doe, Export Compliance Officer");
    empty: paper names no person (never the computer's login)."""

    @property
    def letterhead_is_default(self) -> bool:
        return self.letterhead.name == DEFAULT_LETTERHEAD_NAME


LETTERHEAD_NEEDED = (
    "the exporter's letterhead is not set, and registered paper must name the exporter: set "
    'it with \'diffusion-desk settings --letterhead-name "Your Company Inc." '
    '--letterhead-address "LINE"\' or Documents > Letterhead in the window'
)


def _text(uow: UnitOfWork, key: str) -> Any:
    raw = uow.settings.get(key)
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None  # a value this version did not write: fall back to the default


def read_document_settings(uow: UnitOfWork) -> DocumentSettings:
    """The settings as stored, defaults for what was never set (inside a unit of work)."""
    name = _text(uow, _NAME)
    address = _text(uow, _ADDRESS)
    contact = _text(uow, _CONTACT)
    page_size = _text(uow, _PAGE_SIZE)
    officer = _text(uow, _OFFICER)
    return DocumentSettings(
        letterhead=Letterhead(
            name=name if isinstance(name, str) and name else DEFAULT_LETTERHEAD_NAME,
            address_lines=tuple(str(line) for line in address) if isinstance(address, list) else (),
            contact=contact if isinstance(contact, str) else "",
        ),
        page_size=page_size if page_size in PAGE_SIZES else DEFAULT_PAGE_SIZE,
        officer=officer if isinstance(officer, str) else "",
    )


def document_settings(db: Database) -> DocumentSettings:
    with db.reader() as uow:
        return read_document_settings(uow)


def page_size_from(text: str) -> PageSize:
    """ "a4", "LETTER", "Letter" ... as the page size it names."""
    for size in PAGE_SIZES:
        if text.strip().casefold() == size.casefold():
            return size  # type: ignore[return-value]
    raise DomainError(f"unknown page size {text!r}: expected {' or '.join(PAGE_SIZES)}")


def _clean(text: str, what: str) -> str:
    cleaned = " ".join(text.split())
    if len(cleaned) > MAX_LENGTH:
        raise DomainError(f"{what} is {len(cleaned)} characters long: at most {MAX_LENGTH}")
    return cleaned


def update_document_settings(
    db: Database,
    *,
    actor: str,
    letterhead_name: str | None = None,
    letterhead_address: Sequence[str] | None = None,
    letterhead_contact: str | None = None,
    page_size: str | None = None,
    officer: str | None = None,
) -> DocumentSettings:
    """Change what is given (``None`` leaves a setting as it is); returns the new settings.

    An empty name puts the default back; an empty address list clears the address; an empty
    officer leaves paper naming no person.
    """
    changes: dict[str, object] = {}
    if letterhead_name is not None:
        changes[_NAME] = _clean(letterhead_name, "the letterhead name")
    if letterhead_address is not None:
        lines = [_clean(line, "an address line") for line in letterhead_address]
        lines = [line for line in lines if line]
        if len(lines) > MAX_ADDRESS_LINES:
            raise DomainError(
                f"the letterhead address has {len(lines)} lines: at most {MAX_ADDRESS_LINES}"
            )
        changes[_ADDRESS] = lines
    if letterhead_contact is not None:
        changes[_CONTACT] = _clean(letterhead_contact, "the letterhead contact")
    if page_size is not None:
        changes[_PAGE_SIZE] = page_size_from(page_size)
    if officer is not None:
        changes[_OFFICER] = _clean(officer, "the officer's name")
    return update_settings(
        db,
        actor=actor,
        group="documents",
        read=read_document_settings,
        changes={key: json.dumps(value, ensure_ascii=False) for key, value in changes.items()},
    )
