"""The base classes of the domain's values: pydantic models that cannot change once made."""

from __future__ import annotations

from typing import Any, Self

from pydantic import BaseModel, ConfigDict


class Frozen(BaseModel):
    """A value: equal by content, hashable, never changed in place (views, results, rows)."""

    model_config = ConfigDict(frozen=True)

    @classmethod
    def assemble(cls, **values: Any) -> Self:
        """The value made of ``values`` without validating them again: for values built on
        a hot path from parts that are themselves validated values (every field given;
        the order check builds its context this way, bench/storage.py)."""
        if values.keys() != cls.model_fields.keys():
            raise TypeError(f"{cls.__name__}.assemble takes every field: {list(cls.model_fields)}")
        made = cls.__new__(cls)
        object.__setattr__(made, "__dict__", values)
        object.__setattr__(made, "__pydantic_fields_set__", set(values))
        object.__setattr__(made, "__pydantic_extra__", None)
        object.__setattr__(made, "__pydantic_private__", None)
        return made


class Strict(Frozen):
    """A value read from outside (a record, a ruleset file): unknown fields are refused."""

    model_config = ConfigDict(frozen=True, extra="forbid")
