"""The document registry and the settings: repositories over ``documents``,
``document_returns`` and ``settings``. They never commit.

Both document tables are append-only (triggers refuse UPDATE and DELETE): a document is
registered once when it is generated, and the return of its signed copy is a row of its own.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, func, insert, select, update
from sqlalchemy.engine import Connection

from domain.documents import DocumentKind, RegisteredDocument
from storage.repositories import utc
from storage.schema import DocumentReturnRow, DocumentRow, SettingRow
from storage.sealing import touch
from storage.statements import Statement

_Query = Select[*tuple[Any, ...]]
"""A select over the document columns (and sometimes more)."""


_COLUMNS = (
    DocumentRow.number,
    DocumentRow.kind,
    DocumentRow.party_ref,
    DocumentRow.order_ref,
    DocumentRow.year,
    DocumentRow.content_hash,
    DocumentRow.verification_code,
    DocumentRow.file_sha256,
    DocumentRow.generated_by,
    DocumentRow.generated_at,
    DocumentRow.ruleset,
    DocumentRow.title,
    DocumentRow.decision_id,
    DocumentRow.attests_weights_storage,
    DocumentRow.chain_seq,
    DocumentRow.chain_head,
    DocumentReturnRow.signed_on,
    DocumentReturnRow.signed_by,
)


def _documents() -> _Query:
    return select(*_COLUMNS).outerjoin(
        DocumentReturnRow, DocumentReturnRow.number == DocumentRow.number
    )


def _document(row: Any) -> RegisteredDocument:
    return RegisteredDocument(
        number=row.number,
        kind=DocumentKind(row.kind),
        party_ref=row.party_ref,
        order_ref=row.order_ref,
        year=row.year,
        content_hash=row.content_hash,
        verification_code=row.verification_code,
        file_sha256=row.file_sha256,
        generated_by=row.generated_by,
        generated_at=utc(row.generated_at),
        ruleset=row.ruleset,
        title=row.title,
        decision_id=row.decision_id,
        attests_weights_storage=bool(row.attests_weights_storage),
        chain_seq=row.chain_seq,
        chain_head=row.chain_head,
        signed_on=row.signed_on,
        signed_by=tuple(json.loads(row.signed_by)) if row.signed_by is not None else (),
    )


class SqlDocumentRegistry:
    """Implements ``domain.ports.DocumentRegistry``."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def last_serial(self, kind: DocumentKind, issued_year: int) -> int:
        found = self.connection.execute(
            select(func.max(DocumentRow.serial)).where(
                DocumentRow.kind == kind.value, DocumentRow.issued_year == issued_year
            )
        ).scalar()
        return int(found or 0)

    def add(self, document: RegisteredDocument, *, issued_year: int, serial: int) -> None:
        touch(self.connection, "document", document.number)
        self.connection.execute(
            insert(DocumentRow).values(
                number=document.number,
                kind=document.kind.value,
                issued_year=issued_year,
                serial=serial,
                party_ref=document.party_ref,
                order_ref=document.order_ref,
                year=document.year,
                decision_id=document.decision_id,
                content_hash=document.content_hash,
                verification_code=document.verification_code,
                file_sha256=document.file_sha256,
                generated_by=document.generated_by,
                generated_at=document.generated_at,
                ruleset=document.ruleset,
                title=document.title,
                attests_weights_storage=document.attests_weights_storage,
                chain_seq=document.chain_seq,
                chain_head=document.chain_head,
            )
        )

    def _one(self, statement: _Query) -> RegisteredDocument | None:
        row = self.connection.execute(statement.order_by(DocumentRow.id).limit(1)).first()
        return None if row is None else _document(row)

    def _many(self, statement: _Query) -> list[RegisteredDocument]:
        return [
            _document(row) for row in self.connection.execute(statement.order_by(DocumentRow.id))
        ]

    def get(self, number: str) -> RegisteredDocument | None:
        return self._one(_documents().where(DocumentRow.number == number))

    def by_file_sha256(self, file_sha256: str) -> RegisteredDocument | None:
        return self._one(_documents().where(DocumentRow.file_sha256 == file_sha256))

    def by_code(self, code: str) -> list[RegisteredDocument]:
        return self._many(_documents().where(DocumentRow.verification_code == code))

    def for_party(
        self, party_ref: str, kind: DocumentKind | None = None
    ) -> list[RegisteredDocument]:
        statement = _documents().where(DocumentRow.party_ref == party_ref)
        if kind is not None:
            statement = statement.where(DocumentRow.kind == kind.value)
        return self._many(statement)

    def for_order(self, order_ref: str) -> list[RegisteredDocument]:
        return self._many(_documents().where(DocumentRow.order_ref == order_ref))

    def add_return(
        self,
        number: str,
        *,
        signed_on: date,
        signed_by: Sequence[str],
        recorded_by: str,
        recorded_at: datetime,
    ) -> None:
        touch(self.connection, "document", number)
        self.connection.execute(
            insert(DocumentReturnRow).values(
                number=number,
                signed_on=signed_on,
                signed_by=json.dumps(list(signed_by), ensure_ascii=False),
                recorded_by=recorded_by,
                recorded_at=recorded_at,
            )
        )

    def all(self) -> Iterator[RegisteredDocument]:
        after = 0
        while True:
            rows = list(
                self.connection.execute(
                    _documents()
                    .add_columns(DocumentRow.id)
                    .where(DocumentRow.id > after)
                    .order_by(DocumentRow.id)
                    .limit(1000)
                )
            )
            if not rows:
                return
            for row in rows:
                yield _document(row)
            after = rows[-1].id


_SETTING = Statement("SELECT value FROM settings WHERE key = :key")


class SqlSettingsRepository:
    """Implements ``domain.ports.SettingsRepository`` over the ``settings`` table."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def get(self, key: str) -> str | None:
        found = _SETTING.scalar(self.connection, {"key": key})  # read by every order check
        return None if found is None else str(found)

    def put(self, key: str, value: str) -> None:
        touch(self.connection, "setting", key)
        result = self.connection.execute(
            update(SettingRow).where(SettingRow.key == key).values(value=value)
        )
        if result.rowcount == 0:
            self.connection.execute(insert(SettingRow).values(key=key, value=value))

    def all(self) -> dict[str, str]:
        rows = self.connection.execute(
            select(SettingRow.key, SettingRow.value).order_by(SettingRow.key)
        )
        return {str(key): str(value) for key, value in rows}
