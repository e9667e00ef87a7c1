"""Faults of the environment told from bugs, in one place: what happened, and what to do.

A database path naming a folder, a file that is not a database or is damaged, a folder that
cannot be made, a full or read-only disk, an immutable file, a server refusing the connection:
none is a bug of the desk. ``environment_fault`` names each as an ``EnvironmentFaultError`` (what
could not be done, why, what to do); anything it does not recognise stays a bug. The engine
asks it about every error a statement or a connection meets (``storage.database``), opening a
database asks it about what happens before a connection exists, and the front ends ask it
about anything else that reaches them, so the command line and the window say the same.

Only the standard library here: the command line imports this module on its error path.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from domain.errors import EnvironmentFaultError

if TYPE_CHECKING:
    from storage.database import Target

WRITE_ACCESS = (
    "give it write access, or copy it to a folder that can be written, and try again; "
    "nothing was written (commands that only read work on it as it is)"
)
"""What to do about a database that cannot be written."""

_SQLITE_MESSAGES = {
    "database or disk is full": sqlite3.SQLITE_FULL,
    "attempt to write a readonly database": sqlite3.SQLITE_READONLY,
    "unable to open database file": sqlite3.SQLITE_CANTOPEN,
    "file is not a database": sqlite3.SQLITE_NOTADB,
    "database disk image is malformed": sqlite3.SQLITE_CORRUPT,
    "disk i/o error": sqlite3.SQLITE_IOERR,
    "database is locked": sqlite3.SQLITE_BUSY,
}
"""SQLite's own words for its result codes, for an error that carries no code."""

_SERVER_MODULE = "psycopg"


def environment_fault(
    error: BaseException, target: Target | None = None
) -> EnvironmentFaultError | None:
    """The fault of the environment behind ``error`` (about the database ``target``), or
    None when it is not one: then it is a bug."""
    for cause in _causes(error):
        if isinstance(cause, EnvironmentFaultError):
            return cause
        if isinstance(cause, sqlite3.Error):
            return _sqlite_fault(cause, target)
        if type(cause).__module__.split(".")[0] == _SERVER_MODULE:
            return _server_fault(cause, target)
        if isinstance(cause, OSError):
            return os_fault(cause)
    return None


def _causes(error: BaseException) -> Iterator[BaseException]:
    """``error`` and what it was raised from (SQLAlchemy wraps the driver's error)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen and len(seen) < 20:
        seen.add(id(current))
        yield current
        original = getattr(current, "orig", None)
        if isinstance(original, BaseException) and id(original) not in seen:
            yield original
            seen.add(id(original))
        current = current.__cause__  # not __context__: a bug met while handling a fault


def _name(target: Target | None) -> str:
    return "the database" if target is None else f"the database {target.description}"


# -- SQLite -----------------------------------------------------------------------------------


def _sqlite_code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF  # the primary code; extended codes say more of the same
    text = str(error).lower()
    return next((code for words, code in _SQLITE_MESSAGES.items() if words in text), None)


def _sqlite_fault(error: sqlite3.Error, target: Target | None) -> EnvironmentFaultError | None:
    code = _sqlite_code(error)
    path = None if target is None else target.path
    name = _name(target)
    if code == sqlite3.SQLITE_FULL:
        return disk_full(f"cannot write to {name}", None if path is None else path.parent)
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM):
        reason = None if path is None else unwritable_reason(path)
        return EnvironmentFaultError(
            f"cannot write to {name}",
            reason or f"the operating system lets it be read only (SQLite: {error})",
            WRITE_ACCESS,
        )
    if code == sqlite3.SQLITE_CANTOPEN:
        return cannot_open(name, path, error)
    if code == sqlite3.SQLITE_NOTADB:
        return EnvironmentFaultError(
            f"cannot open {name}",
            "it is not a SQLite database (another kind of file, encrypted, or damaged at its "
            "start)",
            "give the path of a Diffusion Desk database, or restore this one from a backup; "
            "it was not changed",
        )
    if code == sqlite3.SQLITE_CORRUPT:
        return EnvironmentFaultError(
            f"cannot read {name}",
            f"the file is damaged (SQLite: {error})",
            "restore it from your latest backup (the desk also keeps a copy beside it from "
            "before each upgrade); nothing was written",
        )
    if code == sqlite3.SQLITE_IOERR:
        if path is not None and _no_space_left(path.parent):
            return disk_full(f"cannot write to {name}", path.parent)
        return EnvironmentFaultError(
            f"cannot use {name}",
            f"the disk reported an input/output error (SQLite: {error})",
            "check the disk and try again (if it goes on, restore the database from a backup); "
            "the change under way was not written",
        )
    if code == sqlite3.SQLITE_BUSY:
        return EnvironmentFaultError(
            f"cannot write to {name}",
            "another desk or program has held its write lock for more than 30 seconds",
            "try again when that work is done; nothing was written",
        )
    return None


def cannot_open(name: str, path: Path | None, error: BaseException) -> EnvironmentFaultError:
    """Why SQLite could not open the file at ``path``, told from what the file system shows."""
    what = f"cannot open {name}"
    if path is None:
        return EnvironmentFaultError(what, f"SQLite cannot open it ({error})", "check the path")
    if path.is_dir():
        return EnvironmentFaultError(
            what, "it is a folder", "give the path of a database file (a new name makes one)"
        )
    if not path.parent.is_dir():
        return EnvironmentFaultError(
            what,
            f"its folder {path.parent} does not exist",
            "give the path of a database file in a folder that exists",
        )
    if path.exists() and not os.access(path, os.R_OK):
        return EnvironmentFaultError(
            what, "the operating system does not let you read it", "ask for read access to it"
        )
    reason = unwritable_reason(path)
    if reason is not None and not path.exists():
        return EnvironmentFaultError(
            what,
            f"there is no database there, and none can be made: {reason}",
            "give the path of an existing database, or of a new one in a folder that can be "
            "written",
        )
    if reason is not None:
        return EnvironmentFaultError(what, reason, WRITE_ACCESS)
    return EnvironmentFaultError(
        what,
        f"SQLite cannot open it ({error})",
        "check that you may read and write the file and its folder, and try again",
    )


def unwritable_reason(path: Path) -> str | None:
    """Why the SQLite database at ``path`` cannot be written, or None when it can.

    Asked of the file system, which knows even what binds root: a disk mounted read-only,
    an immutable file or folder. SQLite writes its journal (``-wal``, ``-shm``) beside the
    database, so the folder must be writable too.
    """
    folder = path.parent
    statvfs = getattr(os, "statvfs", None)
    if statvfs is not None:
        try:
            if statvfs(folder).f_flag & os.ST_RDONLY:
                return f"it is on a disk mounted read-only ({mount_point(folder)})"
        except OSError:
            pass
    if path.exists() and not os.access(path, os.W_OK):
        return "the file is read-only (its permissions, or its immutable attribute, forbid writing)"
    if folder.is_dir() and not os.access(folder, os.W_OK | os.X_OK):
        return (
            f"its folder {folder} is read-only, and SQLite writes its journal (the -wal and "
            "-shm files) beside the database"
        )
    return None


def mount_point(path: Path) -> Path:
    """The mount point of the disk holding ``path`` (a bind mount's too, where the system
    lists its mounts)."""
    current = path.resolve()
    try:
        lines = Path("/proc/self/mountinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    points = [_unescape(line.split()[4]) for line in lines if len(line.split()) > 4]
    within = [point for point in points if current == point or point in current.parents]
    if within:
        return max(within, key=lambda point: len(point.parts))
    while not os.path.ismount(current) and current.parent != current:
        current = current.parent
    return current


def _unescape(field: str) -> Path:
    """A mount point as /proc/self/mountinfo writes it (spaces and the like in octal)."""
    return Path(field.encode("latin-1").decode("unicode_escape"))


def _no_space_left(folder: Path) -> bool:
    statvfs = getattr(os, "statvfs", None)
    if statvfs is None:
        return False
    try:
        return bool(statvfs(folder).f_bavail == 0)
    except OSError:
        return False


def disk_full(
    what: str, folder: Path | None, cause: str = "the disk is full"
) -> EnvironmentFaultError:
    where = "on the disk" if folder is None else f"on the disk holding {folder}"
    return EnvironmentFaultError(
        what, cause, f"free space {where} and try again; the change under way was not written"
    )


# -- files ------------------------------------------------------------------------------------

_FILE_FAULTS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EROFS: "the disk is mounted read-only",
    errno.EACCES: "the operating system does not allow it (permission denied)",
    errno.EPERM: "the operating system does not allow it (the file or its folder may be immutable)",
    errno.EIO: "the disk reported an input/output error",
}


def os_fault(error: OSError) -> EnvironmentFaultError | None:
    """A file that cannot be written or read because of the disk or its permissions."""
    cause = _FILE_FAULTS.get(error.errno or 0)
    if cause is None:
        return None
    name = error.filename
    what = f"cannot write {name}" if name else "cannot write a file"
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full(what, None if not name else Path(os.fsdecode(name)).parent, cause)
    if error.errno == errno.EIO:
        return EnvironmentFaultError(
            what.replace("write", "use", 1), cause, "check the disk and try again"
        )
    return EnvironmentFaultError(
        what.replace("write", "use", 1),
        cause,
        "choose a place you may write to, or ask for write access, and try again",
    )


def cannot_make_folder(name: str, folder: Path, error: OSError) -> EnvironmentFaultError:
    """The folder a new database goes in cannot be made."""
    what = f"cannot create {name}"
    blocking = next(
        (part for part in (folder, *folder.parents) if part.exists() and not part.is_dir()), None
    )
    if blocking is not None:
        return EnvironmentFaultError(
            what,
            f"{blocking} is a file, so the folder {folder} cannot be made",
            "give the path of a database file in a folder",
        )
    cause = _FILE_FAULTS.get(error.errno or 0, error.strerror or str(error))
    return EnvironmentFaultError(
        what,
        f"the folder {folder} cannot be made: {cause}",
        "give the path of a database file in a folder that exists or can be made",
    )


# -- PostgreSQL -------------------------------------------------------------------------------


_SERVER_WORDS = (
    ("password authentication failed", "28P01"),
    ("no pg_hba.conf entry", "28000"),
    ("role", "28000"),  # 'role "x" does not exist', before the database's words below
    ("database", "3D000"),  # 'database "x" does not exist'
    ("too many", "53300"),
    ("starting up", "57P03"),
    ("shutting down", "57P03"),
)
"""What the server's answer to a connection says, for the SQLSTATE psycopg does not give
at connection time."""


_UNREACHABLE = (
    "connection failed",
    "failed to resolve host",
    "could not translate host name",
    "connection refused",
    "timeout expired",
    "could not connect",
)
"""A client's words for a server it did not reach."""


def _connection_state(text: str) -> str | None:
    answer = text.partition("FATAL:")[2].strip().lower()
    if not answer:
        return None  # no answer from the server: it was not reached
    return next((state for words, state in _SERVER_WORDS if words in answer), "08004")


def _server_fault(error: BaseException, target: Target | None) -> EnvironmentFaultError | None:
    state = getattr(error, "sqlstate", None)
    text = str(error).strip()
    if state is None and text.startswith("connection failed"):
        state = _connection_state(text)
        fatal = text.partition("FATAL:")[2].strip().splitlines()
        first = fatal[0] if fatal else text.splitlines()[0]
    else:
        first = text.splitlines()[0] if text else type(error).__name__
    name = _name(target)
    if state in ("28P01", "28000"):
        return EnvironmentFaultError(
            f"cannot open {name}",
            f"the server refused the login ({first})",
            "check the user name and password in the database URL",
        )
    if state == "3D000":
        return EnvironmentFaultError(
            f"cannot open {name}",
            f"the server has no such database ({first})",
            "create it on the server, or correct its name in the database URL",
        )
    if state == "53100":
        return disk_full(f"cannot write to {name}", None, "the server's disk is full")
    if state in ("53200", "53300"):
        return EnvironmentFaultError(
            f"cannot use {name}",
            f"the server is out of resources ({first})",
            "try again later, or ask the server's administrator",
        )
    if state == "25006":
        return EnvironmentFaultError(
            f"cannot write to {name}",
            "the server accepts only reads (a standby, or a read-only server)",
            "give the URL of the primary server; nothing was written",
        )
    if state is not None and state.startswith("57P"):
        return EnvironmentFaultError(
            f"cannot use {name}",
            f"the server is shutting down or starting up ({first})",
            "try again when it is running; the change under way was not written",
        )
    if state == "08004":
        return EnvironmentFaultError(
            f"cannot open {name}",
            f"the server refused the connection ({first})",
            "check the database URL and the server's settings, then try again",
        )
    if type(error).__name__ != "OperationalError" and not (state or "").startswith("08"):
        return None
    if any(words in text.lower() for words in _UNREACHABLE):
        reason = first.rsplit(": ", 1)[-1] if ": " in first else first
        return EnvironmentFaultError(
            f"cannot open {name}",
            f"the server cannot be reached ({reason})",
            "check that the server is running and the host and port in the database URL, "
            "then try again",
        )
    return EnvironmentFaultError(
        f"cannot use {name}",
        f"the connection to the server was lost ({first})",
        "try again; the change under way was not written",
    )
