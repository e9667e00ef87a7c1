"""Faults of the environment made for real, as far as this machine allows.

Root is not stopped by file permissions, so for root a read-only disk is a read-only bind
mount and a read-only file is an immutable one (``chattr +i``); for anyone else the
permissions do it. A full disk is a small tmpfs, which only root may mount. Each helper
undoes what it did, and skips the test when the condition cannot be made here (a container
without mount rights, a file system without the immutable attribute).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass(frozen=True)
class Condition:
    """How the condition was made, and the words the desk should find for it."""

    how: str
    cause: str


def _quietly(*command: str | Path) -> bool:
    """Run a system command; whether it succeeded (False when it is not there at all)."""
    if shutil.which(str(command[0])) is None:
        return False
    done = subprocess.run(
        [str(part) for part in command], capture_output=True, check=False, timeout=60
    )
    return done.returncode == 0


def _everything_in(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*"), reverse=True)


@contextlib.contextmanager
def _immutable(paths: list[Path]) -> Iterator[bool]:
    made: list[Path] = []
    try:
        for path in paths:
            if not _quietly("chattr", "+i", path):
                break
            made.append(path)
        yield len(made) == len(paths)
    finally:
        for path in reversed(made):
            _quietly("chattr", "-i", path)


@contextlib.contextmanager
def _without_write_permission(paths: list[Path]) -> Iterator[None]:
    modes = {path: stat.S_IMODE(path.stat().st_mode) for path in paths}
    try:
        for path in paths:
            path.chmod(modes[path] & ~0o222)
        yield
    finally:
        for path in paths:
            path.chmod(modes[path])


@contextlib.contextmanager
def read_only_disk(folder: Path) -> Iterator[Condition]:
    """``folder`` and all in it made unwritable: a read-only bind mount (root), else the
    immutable attribute on each (root), else the permissions (anyone else)."""
    if not IS_ROOT:
        with _without_write_permission([folder, *_everything_in(folder)]):
            yield Condition("permissions", "is read-only")
        return
    if _quietly("mount", "--bind", folder, folder):
        try:
            if _quietly("mount", "-o", "remount,bind,ro", folder):
                yield Condition("read-only mount", "mounted read-only")
                return
        finally:
            _quietly("umount", folder)
    with _immutable([*_everything_in(folder), folder]) as made:
        if not made:
            pytest.skip("neither a read-only mount nor the immutable attribute can be had here")
        yield Condition("immutable folder", "is read-only")


@contextlib.contextmanager
def read_only_file(path: Path) -> Iterator[Condition]:
    """The file ``path`` made unwritable, its folder left as it is: immutable (root), else
    without write permission (anyone else)."""
    if not IS_ROOT:
        with _without_write_permission([path]):
            yield Condition("permissions", "the file is read-only")
        return
    with _immutable([path]) as made:
        if not made:
            pytest.skip("the immutable attribute cannot be set on this file system")
        yield Condition("immutable file", "the file is read-only")


@contextlib.contextmanager
def small_disk(folder: Path, megabytes: int) -> Iterator[Path]:
    """A disk of ``megabytes`` mounted at ``folder`` (a tmpfs): it fills up for real."""
    folder.mkdir(parents=True, exist_ok=True)
    if not IS_ROOT or not _quietly(
        "mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", folder
    ):
        pytest.skip("a small disk (tmpfs) can only be mounted by root with mount rights")
    try:
        yield folder
    finally:
        _quietly("umount", folder)


def fill(disk: Path, *, leave: int) -> Path:
    """Fill ``disk`` up to ``leave`` bytes free with one file (returned: delete it to free
    the space again)."""
    filler = disk / "filler.bin"
    free = shutil.disk_usage(disk).free - leave
    with filler.open("wb") as out:
        chunk = b"\0" * (1 << 20)
        while free > 0:
            written = out.write(chunk[: min(len(chunk), free)])
            free -= written
    return filler
