"""The anchor file: the audit chain's head, signed by the desk, kept outside the database.

A hash chain proves that nothing in it was changed, but not that nothing was cut off its
end or that it was not recomputed as a whole: whoever can write the database can do both
with the program's own code. So after every batch and when a command or the window ends,
the desk appends the chain's head (entry number and hash) to a small file beside the
database, signed with the desk's Ed25519 key (the key that signs field-audit kits). ``audit
verify`` then checks that every head the file vouches for is still in the chain, unchanged.
Copies of the file kept elsewhere (backups, another machine) are anchors too: the further
from the database, the stronger.

One JSON object a line; a line torn by a crash is skipped (and said), never fatal.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from domain.audit import Anchor, canonical_json
from storage.desk_key import DeskKey, fingerprint_of, verify_signature

log = logging.getLogger(__name__)

ANCHOR_SUFFIX = ".anchors"
FORMAT = 1


def anchor_path(database_file: Path | None, database_url: str, data_folder: Path) -> Path:
    """Beside a database file; for a server, in the officer's data folder, one file per
    server database (named by a hash of its address without the password)."""
    if database_file is not None:
        return database_file.with_name(database_file.name + ANCHOR_SUFFIX)
    digest = hashlib.sha256(database_url.encode("utf-8")).hexdigest()[:16]
    return data_folder / f"server-{digest}{ANCHOR_SUFFIX}"


def _signed_part(line: Mapping[str, object]) -> bytes:
    return canonical_json({key: value for key, value in line.items() if key != "signature"}).encode(
        "utf-8"
    )


@dataclass(frozen=True)
class AnchorReading:
    """What an anchor file holds: the anchors it vouches for and the lines it could not."""

    anchors: tuple[Anchor, ...]
    problems: tuple[str, ...]
    skipped: tuple[str, ...]
    """Lines left out without doubt about the rest (a line torn by a crash)."""


def last_anchored(path: Path) -> int | None:
    """The entry the file's last whole line anchors (None: no file, or no whole line)."""
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - 8192))
            tail = handle.read().decode("utf-8", errors="replace")
    except FileNotFoundError:
        return None
    for text in reversed(tail.splitlines()):
        try:
            line = json.loads(text)
            return int(line["seq"])
        except (ValueError, KeyError, TypeError):
            continue
    return None


def append_anchor(
    path: Path,
    key: DeskKey,
    *,
    seq: int,
    head: str,
    at: datetime,
    by: str,
    database: str,
    again: bool = False,
) -> str | None:
    """Append a signed line for the chain head ``seq``/``head`` unless the file's last line
    already anchors it (``again``: even then); returns the line's signature (hex), or None
    when nothing was written."""
    if seq == 0 or (not again and last_anchored(path) == seq):
        return None
    line: dict[str, object] = {
        "format": FORMAT,
        "database": database,
        "seq": seq,
        "head": head,
        "at": at.isoformat(),
        "by": by,
        "public_key": key.public_key.hex(),
    }
    line["signature"] = key.sign(_signed_part(line)).hex()
    data = (json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        os.write(descriptor, data)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    return str(line["signature"])


def read_anchors(path: Path, trusted: Mapping[str, str]) -> AnchorReading:
    """Every anchor the file at ``path`` vouches for. ``trusted`` maps fingerprints to public
    keys (hex) of the keys this database's desks sign with; a line signed by another key, or
    whose signature does not hold, is a problem: someone wrote it who is not the desk."""
    anchors: list[Anchor] = []
    problems: list[str] = []
    skipped: list[str] = []
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return AnchorReading((), (), ())
    lines = text.splitlines()
    for number, raw in enumerate(lines, start=1):
        where = f"{path.name}, line {number}"
        try:
            line = json.loads(raw)
            seq = int(line["seq"])
            head = str(line["head"])
            public_key = bytes.fromhex(str(line["public_key"]))
            signature = bytes.fromhex(str(line["signature"]))
        except (ValueError, KeyError, TypeError):
            if number == len(lines) and not text.endswith("\n"):
                skipped.append(f"{where} is incomplete (written when the desk stopped)")
            else:
                problems.append(f"{where} is not an anchor the desk wrote")
            continue
        fingerprint = fingerprint_of(public_key)
        if trusted.get(fingerprint) != public_key.hex():
            problems.append(
                f"{where} is signed by key {fingerprint[:19]}…, which no desk of this database uses"
            )
            continue
        if not verify_signature(public_key, _signed_part(line), signature):
            problems.append(f"{where} was changed after the desk signed it")
            continue
        anchors.append(
            Anchor(
                seq=seq, hash=head, source=f"the anchor file ({where}, {line.get('at', '')[:16]})"
            )
        )
    return AnchorReading(tuple(anchors), tuple(problems), tuple(skipped))
