"""Printed documents: build what each one says from the records (``views``), generate and
register it (``registry``), verify paper against the registry (``verification``), and record
the return of a signed copy (``returns``).

A generated document is registered with a number (``AIA-2026-0001``), the hash of its content,
a short verification code printed on every page and the SHA-256 of the file, so years later a
file or a code typed from paper can be checked: is it genuine, and what does it stand for now
(a certification since revoked, a decision since superseded)?
"""

from __future__ import annotations

from domain.figures import figure_text
from domain.services.documents.registry import (
    BATCH_KINDS,
    RENDER_ATTEMPTS,
    BatchResult,
    aia_statements_due,
    decisions_of_day,
    generate,
    generate_batch,
)
from domain.services.documents.returns import record_signed_return
from domain.services.documents.verification import (
    MAX_PDF_BYTES,
    PrintedStamp,
    StandingNow,
    check_pdf_size,
    document_standing,
    read_stamp,
    verify_code,
    verify_pdf,
)
from domain.services.documents.views import (
    BLANK,
    LPP_REPORT_ROWS,
    SIGNATURE_TOLERANCE,
    Deliver,
    aia_ineligibility,
    aia_item_eccns,
    aia_statement_view,
    decision_record_view,
    describe_items,
    document_code,
    document_number,
    lpp_certification_view,
    party_block,
    quota_report_view,
    shipment_notice_view,
)

__all__ = [
    "BATCH_KINDS",
    "BLANK",
    "LPP_REPORT_ROWS",
    "MAX_PDF_BYTES",
    "RENDER_ATTEMPTS",
    "SIGNATURE_TOLERANCE",
    "BatchResult",
    "Deliver",
    "PrintedStamp",
    "StandingNow",
    "aia_ineligibility",
    "aia_item_eccns",
    "aia_statement_view",
    "aia_statements_due",
    "check_pdf_size",
    "decision_record_view",
    "decisions_of_day",
    "describe_items",
    "document_code",
    "document_number",
    "document_standing",
    "figure_text",
    "generate",
    "generate_batch",
    "lpp_certification_view",
    "party_block",
    "quota_report_view",
    "read_stamp",
    "record_signed_return",
    "shipment_notice_view",
    "verify_code",
    "verify_pdf",
]
