"""Choices that carry their own words: a stored value and the label an officer reads."""

from __future__ import annotations

from enum import StrEnum
from typing import Self


class Labelled(StrEnum):
    """A ``StrEnum`` whose members are written ``NAME = "value", "Label"``: the value is what
    records and files keep, the label what the window, reports and messages show."""

    label: str

    def __new__(cls, value: str, label: str = "", *more: str) -> Self:
        """``more``: further words of the member, for a subclass's ``__init__`` to keep."""
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label or value
        return member
