"""The desk's signing key (rules.md section 10, "The kit"): an Ed25519 key made on first use
and kept beside the database (``desk.sqlite3.desk-key``) readable by its owner only, so that
a field-audit kit, and later the record's anchors, can be told genuine from altered on any
laptop that knows the desk's public key.

The key file is PKCS#8 PEM, written once (never overwritten) with permissions 0600; a key
file that others can read is tightened and the fact logged. Its fingerprint, the SHA-256 of
the raw public key in sixteen groups of four hex digits, is what a person compares: shown in
the window and printed on the visit report.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from domain.errors import DomainError

log = logging.getLogger(__name__)

KEY_SUFFIX = ".desk-key"


class DeskKeyError(DomainError):
    """The desk's key cannot be made or read; the message says where and what to do."""


def fingerprint_of(public_key: bytes) -> str:
    """A public key as a person compares it: SHA-256 in sixteen groups of four hex digits."""
    digest = hashlib.sha256(public_key).hexdigest()
    return " ".join(digest[start : start + 4] for start in range(0, len(digest), 4))


def verify_signature(public_key: bytes, data: bytes, signature: bytes) -> bool:
    """Whether ``signature`` is the key's Ed25519 signature of ``data``."""
    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class DeskKey:
    """The desk's private key and what it shows of itself."""

    path: Path
    _private: Ed25519PrivateKey

    @property
    def public_key(self) -> bytes:
        return self._private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.public_key)

    def sign(self, data: bytes) -> bytes:
        return self._private.sign(data)

    @classmethod
    def for_database(cls, database_file: Path) -> DeskKey:
        """The key beside a database file, made on first use."""
        return cls.load_or_create(database_file.with_name(database_file.name + KEY_SUFFIX))

    @classmethod
    def load_or_create(cls, path: Path) -> DeskKey:
        """Read the key at ``path``, or make one there if there is none."""
        try:
            return cls._load(path)
        except FileNotFoundError:
            pass
        private = Ed25519PrivateKey.generate()
        pem = private.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another desk made it a moment ago: use that one
            return cls._load(path)
        except OSError as error:
            raise DeskKeyError(
                f"cannot make the desk's signing key at {path}: {error.strerror}; make the "
                "folder of the database writable, or open a database in a writable folder"
            ) from None
        try:
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(pem)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            path.unlink(missing_ok=True)
            raise DeskKeyError(
                f"cannot write the desk's signing key at {path}: {error.strerror}; free some "
                "space or choose another folder"
            ) from None
        log.info(
            "made the desk's signing key at %s (fingerprint %s)",
            path,
            fingerprint_of(
                private.public_key().public_bytes(
                    serialization.Encoding.Raw, serialization.PublicFormat.Raw
                )
            ),
        )
        return cls(path, private)

    @classmethod
    def _load(cls, path: Path) -> DeskKey:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise
        except OSError as error:
            raise DeskKeyError(
                f"cannot read the desk's signing key at {path}: {error.strerror}; it must be "
                "readable by the officer running the desk"
            ) from None
        try:
            private = serialization.load_pem_private_key(data, password=None)
        except (ValueError, TypeError):
            raise DeskKeyError(
                f"{path} is not a desk signing key (expected an Ed25519 key in PEM); restore "
                "it from the backup, or move it aside to make a new key (kits signed with the "
                "old key then no longer verify)"
            ) from None
        if not isinstance(private, Ed25519PrivateKey):
            raise DeskKeyError(f"{path} holds another kind of key; expected Ed25519")
        _owner_only(path)
        return cls(path, private)


def _owner_only(path: Path) -> None:
    """Tighten a key file others can read to 0600 (POSIX only)."""
    if os.name != "posix":
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        try:
            path.chmod(0o600)
        except OSError:
            log.warning("the desk's key %s is readable by others (mode %o)", path, mode)
            return
        log.warning("the desk's key %s was readable by others (mode %o): made 0600", path, mode)
