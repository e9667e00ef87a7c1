"""Record changes through the window's one write path, and their undo and redo.

A change is made by ``make_change``: the service call runs off the UI thread through
``DeskContext.write`` (after every write asked for before it), and when it succeeds the change
goes onto the undo stack already made, and what it touched is announced. Undo and redo are
writes like any other, on the same path, audited as "undo" and "redo"; one that the service
refuses is reported and leaves the stack where it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from domain.progress import CancelToken
from domain.services.records import Edit
from gui.changes import Changes
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.jobs import Job

Failure = Callable[[str, bool], None]


def edit_word(edit: Edit) -> str:
    """ "undo" or "redo", in the window's language."""
    if edit is Edit.UNDO:
        return QCoreApplication.translate("UndoableChange", "undo")
    return QCoreApplication.translate("UndoableChange", "redo")


T = TypeVar("T")


@dataclass(frozen=True)
class Change:
    """A record change already made, with how to make it again and how to take it back."""

    text: str
    apply: Callable[[Edit], object]
    revert: Callable[[Edit], object] | None
    """None when the change cannot be taken back (licences are only added)."""
    changes: Changes
    """What it touches, as the screens are told."""
    ref: str = ""
    """The record it changed (a party's or product's ref), for the screen showing it."""


def make_change(
    context: DeskContext,
    make: Callable[[], Change],
    *,
    name: str,
    on_success: Callable[[Change], None],
    on_failure: Failure,
    on_done: Callable[[Change], None] | None = None,
) -> Job:
    """Make a change (``make`` runs off the UI thread and returns it); once made it can be
    undone from the Edit menu. ``on_done`` is told again after each undo or redo of it."""

    def work(progress: Any, cancel: CancelToken) -> Change:
        return make()

    def succeeded(change: Change) -> None:
        if change.revert is not None:
            context.undo_stack.push(UndoableChange(context, change, on_done))
        on_success(change)

    return context.write(
        name, work, lambda change: change.changes, on_success=succeeded, on_failure=on_failure
    )


class UndoableChange(QUndoCommand):
    """A change on the undo stack. It is pushed once made, so its first ``redo`` writes
    nothing; undo and redo go through the write path, each audited as such."""

    def __init__(
        self,
        context: DeskContext,
        change: Change,
        on_done: Callable[[Change], None] | None = None,
    ) -> None:
        super().__init__(change.text)
        self.context = context
        self.change = change
        self._on_done = on_done
        self._skip = True  # the first redo: the change is already made

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._run(Edit.REDO, self.change.apply)

    def undo(self) -> None:
        if self._skip:
            self._skip = False
            return
        if self.change.revert is not None:
            self._run(Edit.UNDO, self.change.revert)

    def _run(self, edit: Edit, write: Callable[[Edit], object]) -> None:
        def work(progress: Any, cancel: CancelToken) -> None:
            write(edit)

        self.context.write(
            f"{edit_word(edit)} {self.change.text}",
            work,
            self.change.changes,
            on_success=self._succeeded,
            on_failure=lambda message, is_bug: self._failed(edit, message, is_bug),
        )

    def _succeeded(self, _result: object) -> None:
        if self._on_done is not None:
            self._on_done(self.change)

    def _failed(self, edit: Edit, message: str, is_bug: bool) -> None:
        show_failure(
            None,
            QCoreApplication.translate(
                "UndoableChange", "{edit} of “{change}” was not done: {error}"
            ).format(edit=edit_word(edit).capitalize(), change=self.change.text, error=message),
            is_bug,
            self.context.log_file,
        )
        # Nothing was written: the stack goes back to where it was, without writing again.
        stack = self.context.undo_stack
        if edit is Edit.UNDO and stack.command(stack.index()) is self:
            self._skip = True
            stack.redo()
        elif edit is Edit.REDO and stack.command(stack.index() - 1) is self:
            self._skip = True
            stack.undo()


def replacing(
    text: str,
    write: Callable[[T, Edit], object],
    value: T,
    previous: Callable[[], T],
    changes: Changes,
    ref: str = "",
) -> Callable[[], Change]:
    """A change (made off the UI thread) that writes ``value``; undoing it writes back what
    ``previous`` gave just before the change was made."""

    def make() -> Change:
        before = previous()
        write(value, Edit.UPDATE)
        return Change(
            text=text,
            apply=lambda edit: write(value, edit),
            revert=lambda edit: write(before, edit),
            changes=changes,
            ref=ref,
        )

    return make
