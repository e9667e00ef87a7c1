"""Errors the domain raises.

A ``DomainError`` is a known error: bad input or a refused operation. Front ends show its
message as it is (the command line exits with status 2). Anything else is a bug.
"""

from __future__ import annotations


class DomainError(Exception):
    """A known error whose message is meant for the officer."""


class UnknownCountryError(DomainError, ValueError):
    """A country given by code or name that ISO 3166-1 does not know."""

    def __init__(self, text: str, suggestions: tuple[str, ...] = ()) -> None:
        message = (
            f"unknown country {text!r}: expected an ISO 3166-1 alpha-2 or alpha-3 code "
            "or a country name"
        )
        if suggestions:
            message += f" (did you mean {', '.join(suggestions)}?)"
        super().__init__(message)
        self.text = text


class AmbiguousCountryError(UnknownCountryError):
    """A country name that means more than one country ("Congo", "Guinea", "Korea")."""

    def __init__(self, text: str, candidates: tuple[str, ...]) -> None:
        DomainError.__init__(
            self,
            f"ambiguous country {text!r}: it may mean {' or '.join(candidates)}; give the ISO "
            "code or the full name",
        )
        self.text = text
        self.candidates = candidates


class NoRulesetInEffectError(DomainError):
    """An order or query dated before the first ruleset version."""


class RulesetDataError(DomainError):
    """A ruleset data file that does not validate."""


class ClassificationInputError(DomainError, ValueError):
    """Figures that cannot classify an item (for example a missing die area that decides)."""


class EnvironmentFaultError(DomainError):
    """A fault of the machine, not of the input nor of the program: the database or the disk
    cannot be used as they are (a folder given for a database file, a file that is not one or
    is damaged, a full or read-only disk, a server refusing the connection).

    It says what could not be done, why, and what to do about it; front ends show it as it is
    (the command line exits with status 2). ``storage.faults`` is where such faults are told
    from bugs.
    """

    def __init__(self, what: str, cause: str, remedy: str) -> None:
        super().__init__(f"{what}: {cause}; {remedy}")
        self.what = what
        self.cause = cause
        self.remedy = remedy

    def doing(self, what: str) -> EnvironmentFaultError:
        """The same fault, met while doing ``what`` (``cannot open the database …``)."""
        return EnvironmentFaultError(what, self.cause, self.remedy)
