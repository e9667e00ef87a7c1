"""Undoable record edits: each command writes one record through one service.

``redo()`` writes the new value and ``undo()`` the old one, each an audited transaction of
its own (the audit log keeps both). Pushing a command runs its ``redo()``; a write the
service refuses makes the command obsolete, so the stack drops it and nothing is left to
undo that never happened.

Creating a record is not undoable: the records are kept for export audits and no service
deletes them, so creation goes straight to ``add_party`` / ``add_product``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from PySide6.QtGui import QUndoCommand

from domain.errors import DomainError
from domain.ports import Database

log = logging.getLogger("diffusion_desk.gui")

Applied = Callable[[str], None]
"""Told the ref of the record after each successful write."""
Failed = Callable[[str, bool], None]
"""Told (message, is_bug) when a write fails."""


class Record(Protocol):
    @property
    def ref(self) -> str: ...


R = TypeVar("R", bound=Record)
R_contra = TypeVar("R_contra", bound=Record, contravariant=True)


class Write(Protocol[R_contra]):
    """An audited service call that stores a record (``add_party``, ``update_product``)."""

    def __call__(self, db: Database, record: R_contra, /, *, actor: str) -> object: ...


class RecordEdit(QUndoCommand):
    """A record replaced by another; ``error`` says why the last write was refused."""

    def __init__(
        self,
        text: str,
        ref: str,
        write: Callable[[bool], None],
        *,
        on_applied: Applied,
        on_failed: Failed,
    ) -> None:
        super().__init__(text)
        self.ref = ref
        self._write = write
        self._on_applied = on_applied
        self._on_failed = on_failed
        self.error: str | None = None
        self.applied = False

    def redo(self) -> None:
        self._run(new=True)

    def undo(self) -> None:
        self._run(new=False)

    def _run(self, *, new: bool) -> None:
        try:
            self._write(new)
        except DomainError as error:
            self._fail(str(error), is_bug=False)
        except Exception as error:  # reported as a bug, never swallowed
            log.exception("%s failed", self.text())
            self._fail(f"{type(error).__name__}: {error}", is_bug=True)
        else:
            self.error = None
            self.applied = new
            self._on_applied(self.ref)

    def _fail(self, message: str, *, is_bug: bool) -> None:
        self.error = message
        # An obsolete command is dropped by the stack instead of being kept as done.
        self.setObsolete(True)
        self._on_failed(message, is_bug)


class EditRecordCommand(RecordEdit, Generic[R]):
    """Replace a stored record through its service (``update_party``, ``update_product``);
    undo puts the old one back."""

    def __init__(
        self,
        noun: str,
        update: Write[R],
        db: Database,
        actor: str,
        old: R,
        new: R,
        *,
        on_applied: Applied,
        on_failed: Failed,
    ) -> None:
        if old.ref != new.ref:
            raise ValueError(f"a {noun} edit keeps the ref")
        self.old = old
        self.new = new

        def write(forward: bool) -> None:
            update(db, new if forward else old, actor=actor)

        super().__init__(
            f"Edit {noun} {new.ref}", new.ref, write, on_applied=on_applied, on_failed=on_failed
        )
