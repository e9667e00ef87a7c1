"""Settings kept with the records: one audited write path for every group of them.

A group (the documents' letterhead and paper, the screening threshold ...) is read as one
value; a change puts the new stored texts, reads the group again and, when it differs, writes
one audit entry with the group before and after, all in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

from domain.audit import change
from domain.frozen import Frozen
from domain.ports import Database, UnitOfWork

SettingsT = TypeVar("SettingsT", bound=Frozen)


def update_settings(
    db: Database,
    *,
    actor: str,
    group: str,
    read: Callable[[UnitOfWork], SettingsT],
    changes: Mapping[str, str],
) -> SettingsT:
    """Store ``changes`` (key: stored text) and return the group as it now reads; an entry
    ``update settings <group>`` is audited when the group changed, nothing is written when not."""
    with db.writer(actor) as uow:
        before = read(uow)
        for key, text in changes.items():
            uow.settings.put(key, text)
        after = read(uow)
        if after != before:
            uow.audit.append("update", "settings", group, **change(before, after))
            uow.commit()
        return after
