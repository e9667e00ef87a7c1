"""The composition root's helpers: where the database is, and opening it."""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

if TYPE_CHECKING:
    from domain.errors import EnvironmentFaultError
    from domain.ports import Clock
    from storage.unit_of_work import SqlDatabase

APP_NAME = "diffusion-desk"
DB_ENV = "DIFFUSION_DESK_DB"


def default_database_location() -> str:
    """``DIFFUSION_DESK_DB`` if set, else ``desk.sqlite3`` in the platform's user data folder."""
    configured = os.environ.get(DB_ENV)
    if configured:
        return configured
    return str(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "desk.sqlite3")


def default_actor() -> str:
    """The configured officer name (``DIFFUSION_DESK_OFFICER``), else the operating-system user."""
    configured = os.environ.get("DIFFUSION_DESK_OFFICER")
    if configured:
        return configured
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user database entry (some containers)
        return "unknown"


def open_database(location: str | None, clock: Clock, *, reading: bool = False) -> SqlDatabase:
    """Open (creating and migrating as needed) the database the officer chose; ``reading``:
    only to read it (one that cannot be written is then opened read-only)."""
    from storage.unit_of_work import SqlDatabase

    return SqlDatabase.open(location or default_database_location(), clock=clock, reading=reading)


def environment_fault(error: BaseException, location: str | None) -> EnvironmentFaultError | None:
    """The fault of the environment behind ``error`` (about the database at ``location``, the
    officer's choice or the default), or None when it is a bug: the one classification the
    command line and the window share (storage.faults)."""
    from storage.database import DatabaseError, resolve_target
    from storage.faults import environment_fault as classify

    try:
        target = resolve_target(location or default_database_location())
    except DatabaseError:
        target = None
    return classify(error, target)
