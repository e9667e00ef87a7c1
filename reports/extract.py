"""Reading a PDF's text back (domain.documents.TextExtractor), to verify a paper's file."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader
from pypdf.errors import PdfReadError

from domain.errors import DomainError


class UnreadablePdfError(DomainError):
    """A file that is not a PDF, or one too damaged to read."""


def pdf_text(pdf: bytes) -> str:
    """Every page's text, then the document's keywords (where the desk also writes the QR
    payload: number, verification code and content hash)."""
    try:
        reader = PdfReader(BytesIO(pdf))
        pages = [page.extract_text() or "" for page in reader.pages]
        metadata = reader.metadata
        keywords = "" if metadata is None else str(metadata.get("/Keywords", "") or "")
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise UnreadablePdfError(f"the file cannot be read as a PDF: {error}") from error
    return "\n".join([*pages, keywords])
