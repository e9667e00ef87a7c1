"""The field-audit kit as a file (rules.md section 10): one SQLite file that the same program
opens on site with nothing else.

It holds the desk's signed contents (``contents``: the canonical JSON and the Ed25519
signature) and, from the site, a hash-chained log of everything done there (``log``: each
entry's hash covers the previous hash and the entry; the first covers the contents' SHA-256,
so the log belongs to this kit and no other). Photos are kept whole with their SHA-256.
Triggers keep every table append-only, and refuse any entry after the sign-off (``close``).
SQLite's journal keeps the file consistent when the program is killed at any moment.

Opening a kit checks its format, the signature (against the key the kit names and, when the
desk's own key is given, against that) and the log's chain: an altered kit is refused whole,
naming what does not hold.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from domain.errors import DomainError
from domain.fieldaudit.kit import KIT_FORMAT, KitContents, signed_bytes
from storage.desk_key import fingerprint_of, verify_signature

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE contents (
    id INTEGER PRIMARY KEY CHECK (id = 1), body BLOB NOT NULL, signature BLOB NOT NULL
);
CREATE TABLE log (
    seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
    payload TEXT NOT NULL, prev TEXT NOT NULL, hash TEXT NOT NULL
);
CREATE TABLE photos (
    sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, data BLOB NOT NULL, thumbnail BLOB
);
"""
_GUARDS = [
    f"CREATE TRIGGER {table}_no_{action.lower()} BEFORE {action} ON {table} "
    f"BEGIN SELECT RAISE(ABORT, 'a kit''s {table} cannot be changed'); END"
    for table in ("meta", "contents", "log", "photos")
    for action in ("UPDATE", "DELETE")
] + [
    "CREATE TRIGGER log_closed BEFORE INSERT ON log "
    "WHEN EXISTS (SELECT 1 FROM log WHERE action = 'close') "
    "BEGIN SELECT RAISE(ABORT, 'the kit is signed off: nothing more can be added'); END"
]


THUMBNAIL_SIZE = 320


def make_thumbnail(data: bytes, name: str) -> bytes:
    """A JPEG thumbnail of a photo (at most 320 pixels a side); a file that is not an image
    is refused naming it."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.thumbnail((THUMBNAIL_SIZE, THUMBNAIL_SIZE))
            out = io.BytesIO()
            image.convert("RGB").save(out, format="JPEG", quality=80)
            return out.getvalue()
    except (UnidentifiedImageError, OSError):
        raise KitError(f"{name}: not a photo the desk can read (expected JPEG, PNG ...)") from None


class KitError(DomainError):
    """A kit that cannot be read, or that is not as the desk signed it."""


@dataclass(frozen=True)
class LogEntry:
    seq: int
    at: str
    actor: str
    action: str
    payload: dict[str, Any]
    prev: str
    hash: str


def _entry_hash(prev: str, seq: int, at: str, actor: str, action: str, payload: str) -> str:
    body = json.dumps([seq, at, actor, action, payload], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev + body).encode("utf-8")).hexdigest()


def write_kit(path: Path, contents: KitContents, signature: bytes) -> None:
    """Write a new kit file; an existing file is never overwritten."""
    if path.exists():
        raise KitError(f"{path} already exists; choose another name (a kit is never overwritten)")
    partial = path.with_name(path.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(partial)) as connection:
            connection.executescript(_SCHEMA)
            connection.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [
                    ("format", str(KIT_FORMAT)),
                    ("party_ref", contents.party_ref),
                    ("site", contents.site),
                    ("key_fingerprint", contents.key_fingerprint),
                ],
            )
            connection.execute(
                "INSERT INTO contents (id, body, signature) VALUES (1, ?, ?)",
                (signed_bytes(contents), signature),
            )
            for guard in _GUARDS:
                connection.execute(guard)
            connection.commit()
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise KitError(
            f"cannot write the kit {path}: {error.strerror}; choose a writable folder with room"
        ) from None


class Kit:
    """An open kit: its signed contents and its on-site log, verified when opened."""

    def __init__(self, path: Path, contents: KitContents, body: bytes, log: list[LogEntry]):
        self.path = path
        self.contents = contents
        self.contents_sha256 = hashlib.sha256(body).hexdigest()
        self.log = log

    @property
    def closed(self) -> bool:
        return any(entry.action == "close" for entry in self.log)

    def entries(self, action: str) -> list[LogEntry]:
        return [entry for entry in self.log if entry.action == action]

    def append(self, action: str, payload: dict[str, Any], *, actor: str, at: datetime) -> LogEntry:
        """Add one entry to the on-site log (refused once the kit is signed off)."""
        return self.append_many(action, [payload], actor=actor, at=at)[-1]

    def append_many(
        self, action: str, payloads: list[dict[str, Any]], *, actor: str, at: datetime
    ) -> list[LogEntry]:
        """Entries of one kind in one transaction: all are kept, or none."""
        if self.closed:
            raise KitError(f"{self.path}: the kit is signed off; nothing more can be added")
        made: list[LogEntry] = []
        with _connect(self.path) as connection:
            last = connection.execute(
                "SELECT seq, hash FROM log ORDER BY seq DESC LIMIT 1"
            ).fetchone()
            seq, prev = (last[0], last[1]) if last else (0, self.contents_sha256)
            stamp = at.isoformat()
            for payload in payloads:
                seq += 1
                text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
                digest = _entry_hash(prev, seq, stamp, actor, action, text)
                connection.execute(
                    "INSERT INTO log (seq, at, actor, action, payload, prev, hash) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (seq, stamp, actor, action, text, prev, digest),
                )
                made.append(LogEntry(seq, stamp, actor, action, payload, prev, digest))
                prev = digest
            connection.commit()
        self.log += made
        return made

    def photo(self, sha256: str) -> tuple[bytes, bytes | None] | None:
        """A photo kept in the kit (its bytes and thumbnail), by SHA-256."""
        with _connect(self.path) as connection:
            row = connection.execute(
                "SELECT data, thumbnail FROM photos WHERE sha256 = ?", (sha256,)
            ).fetchone()
        return None if row is None else (bytes(row[0]), None if row[1] is None else bytes(row[1]))

    def add_photo(self, name: str, data: bytes, thumbnail: bytes | None) -> str:
        if self.closed:
            raise KitError(f"{self.path}: the kit is signed off; nothing more can be added")
        digest = hashlib.sha256(data).hexdigest()
        with _connect(self.path) as connection:
            connection.execute(
                "INSERT OR IGNORE INTO photos (sha256, name, data, thumbnail) VALUES (?, ?, ?, ?)",
                (digest, name, data, thumbnail),
            )
            connection.commit()
        return digest


@contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    try:
        connection = sqlite3.connect(path)
    except sqlite3.Error as error:
        raise KitError(f"cannot open the kit {path}: {error}") from None
    try:
        yield connection
    except sqlite3.DatabaseError as error:
        raise KitError(f"{path}: {error}") from None
    finally:
        connection.close()


def open_kit(path: Path, *, desk_public_key: bytes | None = None) -> Kit:
    """Open and verify a kit (format, signature, log chain); refused whole if any fails."""
    if not path.is_file():
        raise KitError(f"{path}: no such kit file")
    with _connect(path) as connection:
        try:
            meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
            row = connection.execute("SELECT body, signature FROM contents WHERE id = 1").fetchone()
            rows = connection.execute(
                "SELECT seq, at, actor, action, payload, prev, hash FROM log ORDER BY seq"
            ).fetchall()
        except sqlite3.DatabaseError:
            raise KitError(f"{path} is not a field-audit kit (expected a .ddkit file)") from None
    try:
        version = int(meta.get("format", "0"))
    except ValueError:
        version = 0
    if version > KIT_FORMAT:
        raise KitError(
            f"{path} was made by a newer version of the desk (kit format {version}; this "
            f"version reads up to {KIT_FORMAT}): update the desk on this laptop"
        )
    if version < 1 or row is None:
        raise KitError(f"{path} is not a field-audit kit (no signed contents)")
    body = row[0].encode("utf-8") if isinstance(row[0], str) else bytes(row[0])
    signature = row[1] if isinstance(row[1], bytes) else b""
    try:
        contents = KitContents.model_validate_json(body)
    except ValidationError:
        raise KitError(f"{path}: the kit's contents cannot be read; it was altered") from None
    public_key = bytes.fromhex(contents.public_key)
    if signed_bytes(contents) != body or not verify_signature(public_key, body, signature):
        raise KitError(f"{path}: the desk's signature does not match the contents; it was altered")
    if desk_public_key is not None and public_key != desk_public_key:
        raise KitError(
            f"{path} was signed by another desk (key {fingerprint_of(public_key)}), not this one "
            f"({fingerprint_of(desk_public_key)})"
        )
    with _connect(path) as connection:
        photos = connection.execute("SELECT sha256, data FROM photos").fetchall()
    for digest, data in photos:
        if hashlib.sha256(bytes(data)).hexdigest() != digest:
            raise KitError(f"{path}: photo {digest[:16]}… was altered")
    kept = {digest for digest, _ in photos}
    prev = hashlib.sha256(body).hexdigest()
    log: list[LogEntry] = []
    for expected_seq, (seq, at, actor, action, payload, stored_prev, digest) in enumerate(
        rows, start=1
    ):
        if seq != expected_seq or stored_prev != prev:
            raise KitError(f"{path}: the on-site log is broken at entry {expected_seq}")
        if _entry_hash(prev, seq, at, actor, action, payload) != digest:
            raise KitError(f"{path}: on-site log entry {seq} ({action}) was altered")
        entry = LogEntry(seq, at, actor, action, json.loads(payload), prev, digest)
        if action == "photo" and entry.payload.get("sha256") not in kept:
            raise KitError(f"{path}: the photo of log entry {seq} is missing from the kit")
        log.append(entry)
        prev = digest
    return Kit(path, contents, body, log)
