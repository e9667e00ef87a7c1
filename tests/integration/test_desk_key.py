"""The desk's signing key (rules.md section 10): made once beside the database, readable by
its owner only, the same key on every later start, and signatures that tell genuine data
from altered."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pytest

from storage.desk_key import DeskKey, DeskKeyError, fingerprint_of, verify_signature


def test_the_key_is_made_once_beside_the_database_for_its_owner_only(tmp_path: Path) -> None:
    database = tmp_path / "desk.sqlite3"
    made = DeskKey.for_database(database)
    assert made.path == tmp_path / "desk.sqlite3.desk-key"
    if os.name == "posix":
        assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    again = DeskKey.for_database(database)
    assert again.public_key == made.public_key
    assert re.fullmatch(r"([0-9a-f]{4} ){15}[0-9a-f]{4}", made.fingerprint)
    assert made.fingerprint == fingerprint_of(made.public_key)


def test_a_signature_holds_for_the_data_signed_and_nothing_else(tmp_path: Path) -> None:
    key = DeskKey.load_or_create(tmp_path / "k")
    signature = key.sign(b"kit contents")
    assert verify_signature(key.public_key, b"kit contents", signature)
    assert not verify_signature(key.public_key, b"kit contents!", signature)
    other = DeskKey.load_or_create(tmp_path / "other")
    assert not verify_signature(other.public_key, b"kit contents", signature)
    flipped = signature[:-1] + bytes([signature[-1] ^ 1])  # one bit of the signature changed
    assert not verify_signature(key.public_key, b"kit contents", flipped)


def test_a_key_file_others_can_read_is_made_owner_only(tmp_path: Path) -> None:
    path = DeskKey.load_or_create(tmp_path / "k").path
    path.chmod(0o644)
    DeskKey.load_or_create(path)
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_file_that_is_not_a_key_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3.desk-key"
    path.write_text("not a key", encoding="utf-8")
    with pytest.raises(DeskKeyError, match="is not a desk signing key"):
        DeskKey.load_or_create(path)
    assert path.read_text(encoding="utf-8") == "not a key"


def test_a_folder_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder" / "desk.sqlite3"
    with pytest.raises(DeskKeyError, match="cannot make the desk's signing key"):
        DeskKey.for_database(missing)
