"""A field-audit visit as the desk keeps it once the kit is merged back (rules.md section 10,
"Merging back"), and the officer's resolution of its discrepancies. A visit with
discrepancies and no resolution puts its party under review (``FieldVisitRepository.
open_discrepancies``; the hold is ``domain.rules.field_audit``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from domain.frozen import Frozen


class FieldVisit(Frozen):
    """One merged kit: where and when, who signed off, what was found."""

    id: int | None = None
    kit_sha256: str
    """The SHA-256 of the kit's signed contents: a kit is merged once."""
    party_ref: str
    site: str
    exported_at: datetime
    closed_at: datetime
    auditor: str
    site_representative: str
    key_fingerprint: str
    log_head: str
    """The hash of the on-site log's last entry (the sign-off)."""
    discrepancies: int
    """Missing, unexpected and duplicate serials, and failed checklist items."""
    summary: dict[str, Any]
    """The reconciliation, the checklist answers, the photos' hashes and the log's length."""
    merged_at: datetime
    merged_by: str


class VisitResolution(Frozen):
    visit_id: int
    party_ref: str
    resolution: str
    resolved_by: str
    resolved_at: datetime
