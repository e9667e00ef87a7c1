"""The base classes of the domain's values: pydantic models that cannot change once made."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    """A value: equal by content, hashable, never changed in place (views, results, rows)."""

    model_config = ConfigDict(frozen=True)


class Strict(Frozen):
    """A value read from outside (a record, a ruleset file): unknown fields are refused."""

    model_config = ConfigDict(frozen=True, extra="forbid")
