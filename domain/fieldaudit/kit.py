"""What a field-audit kit carries for one site (rules.md section 10, "The kit"), and the bytes
the desk signs.

A kit is made for a site: a party and a place. It holds the party, its owners, its parent and
its end users; their orders with the decisions and paperwork behind them; the registered
documents (numbers and hashes, so paper found on site can be verified); the serials expected
per shipment; the ruleset versions in use; the restricted-party entries near the party's
names; every serial the desk ever shipped with the ref of the party it went to (and nothing
more about other parties); and the checklist. The desk signs the canonical JSON of all of it
(:func:`signed_bytes`).
"""

from __future__ import annotations

import json
import tomllib
from datetime import datetime
from functools import cache
from importlib import resources
from typing import Any, Final

from domain.frozen import Frozen

KIT_FORMAT: Final = 1
"""The kit's format version: a kit of a newer format is refused, an older one still read."""


class ChecklistItem(Frozen):
    id: str
    question: str


@cache
def checklist() -> tuple[ChecklistItem, ...]:
    """The on-site checklist (``domain/data/field_audit_checklist.toml``)."""
    text = (resources.files("domain") / "data" / "field_audit_checklist.toml").read_text("utf-8")
    return tuple(ChecklistItem(**item) for item in tomllib.loads(text)["item"])


class ExpectedSerial(Frozen):
    serial: str
    product_ref: str
    order_ref: str
    shipment_ref: str
    shipped_on: str
    site: str


class KitContents(Frozen):
    """Everything exported for one site; JSON-ready values only."""

    format: int = KIT_FORMAT
    site: str
    party_ref: str
    exported_at: datetime
    exported_by: str
    desk: str
    key_fingerprint: str
    public_key: str
    """The desk's Ed25519 public key, hex."""
    parties: tuple[dict[str, Any], ...]
    """The audited party first, then its parent, owners and end users that are parties."""
    owners: tuple[dict[str, Any], ...]
    orders: tuple[dict[str, Any], ...]
    paperwork: dict[str, tuple[dict[str, Any], ...]]
    documents: tuple[dict[str, Any], ...]
    expected: tuple[ExpectedSerial, ...]
    shipped_elsewhere: dict[str, str]
    """Serial (letters in capitals) to the ref of the party it was shipped to."""
    rulesets: tuple[dict[str, Any], ...]
    screening: tuple[dict[str, Any], ...]
    checklist: tuple[ChecklistItem, ...]


def signed_bytes(contents: KitContents) -> bytes:
    """The canonical bytes of a kit's contents: what the desk signs and the kit checks."""
    return json.dumps(
        contents.model_dump(mode="json"),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode("utf-8")
