"""Reconciling the serials expected at a site against the serials found there (rules.md
section 10, "Reconciliation").

Every serial falls in exactly one class:

- ``found``: shipped to this party for this site, and seen on site;
- ``missing``: shipped to this party for this site, not seen;
- ``unexpected``: seen on site, never shipped to this party (the desk names the party it was
  shipped to, if any);
- ``duplicate``: seen on site more than once (the second and later sightings; the first
  counts as found, unexpected or relocated);
- ``relocated``: shipped to this party for another of its sites, seen here.

Serials are compared with their letters in capitals and surrounding spaces removed, as a
label is read by eye or by a scanner (``ShippedUnit.serial_key``). The comparison is by
serial alone: on site a unit is known by its label, not its product.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from domain.model import fold_serial

serial_key = fold_serial
"""A serial as it is compared: the one folding shipments are imported with."""


class SerialClass(Enum):
    FOUND = "found"
    MISSING = "missing"
    UNEXPECTED = "unexpected"
    DUPLICATE = "duplicate"
    RELOCATED = "relocated"


@dataclass(frozen=True, slots=True)
class Expected:
    """A unit the desk shipped to the audited party: its serial, product, order and site."""

    serial: str
    product_ref: str
    order_ref: str
    site: str = ""


@dataclass(frozen=True, slots=True)
class Sighting:
    """What one serial seen on site is: its class and, for an unexpected one, where it went."""

    serial: str
    kind: SerialClass
    shipped_to: str | None = None
    expected: Expected | None = None


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """Expected against found, class by class."""

    expected: int
    found: tuple[str, ...]
    missing: tuple[Expected, ...]
    unexpected: tuple[tuple[str, str | None], ...]
    duplicate: tuple[str, ...]
    relocated: tuple[Expected, ...]

    @property
    def discrepancies(self) -> int:
        """Serials that put the party under review: missing, unexpected, duplicate."""
        return len(self.missing) + len(self.unexpected) + len(self.duplicate)

    def to_json(self) -> dict[str, Any]:
        return {
            "expected": self.expected,
            "found": len(self.found),
            "missing": [item.serial for item in self.missing],
            "unexpected": [
                {"serial": serial, "shipped_to": party} for serial, party in self.unexpected
            ],
            "duplicate": list(self.duplicate),
            "relocated": [item.serial for item in self.relocated],
        }


class Reconciler:
    """The expected serials of one site, ready to classify serials as they are scanned.

    ``expected`` are the units shipped to the party for ``site`` and for its other sites;
    ``shipped_elsewhere`` names, for every serial the desk ever shipped to another party,
    that party (and nothing more about it).
    """

    def __init__(
        self, site: str, expected: Iterable[Expected], shipped_elsewhere: Mapping[str, str]
    ) -> None:
        self.site = site
        self._here: dict[str, Expected] = {}
        self._other_sites: dict[str, Expected] = {}
        for unit in expected:
            place = self._here if unit.site == site else self._other_sites
            place.setdefault(serial_key(unit.serial), unit)
        self._elsewhere = {serial_key(serial): party for serial, party in shipped_elsewhere.items()}
        self._seen: dict[str, Sighting] = {}
        self._duplicates: list[str] = []

    @property
    def expected(self) -> int:
        return len(self._here)

    def classify(self, serial: str) -> Sighting:
        """What ``serial`` is, as if scanned now (nothing is recorded)."""
        key = serial_key(serial)
        if key in self._seen:
            return Sighting(serial, SerialClass.DUPLICATE, expected=self._seen[key].expected)
        if key in self._here:
            return Sighting(serial, SerialClass.FOUND, expected=self._here[key])
        if key in self._other_sites:
            return Sighting(serial, SerialClass.RELOCATED, expected=self._other_sites[key])
        return Sighting(serial, SerialClass.UNEXPECTED, shipped_to=self._elsewhere.get(key))

    def scan(self, serial: str) -> Sighting:
        """Record one serial seen on site and say what it is."""
        sighting = self.classify(serial)
        key = serial_key(serial)
        if sighting.kind is SerialClass.DUPLICATE:
            self._duplicates.append(serial.strip())
        else:
            self._seen[key] = sighting
        return sighting

    def scan_all(self, serials: Iterable[str]) -> None:
        for serial in serials:
            self.scan(serial)

    def result(self) -> Reconciliation:
        seen = self._seen
        return Reconciliation(
            expected=len(self._here),
            found=tuple(s.serial for s in seen.values() if s.kind is SerialClass.FOUND),
            missing=tuple(unit for key, unit in self._here.items() if key not in seen),
            unexpected=tuple(
                (s.serial, s.shipped_to) for s in seen.values() if s.kind is SerialClass.UNEXPECTED
            ),
            duplicate=tuple(self._duplicates),
            relocated=tuple(
                s.expected
                for s in seen.values()
                if s.kind is SerialClass.RELOCATED and s.expected is not None
            ),
        )


def reconcile(
    site: str,
    expected: Iterable[Expected],
    shipped_elsewhere: Mapping[str, str],
    scanned: Iterable[str],
) -> Reconciliation:
    """Every scanned serial classified against the site's expected serials."""
    reconciler = Reconciler(site, expected, shipped_elsewhere)
    reconciler.scan_all(scanned)
    return reconciler.result()
