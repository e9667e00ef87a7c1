"""Reading a PDF's text back (domain.documents.TextExtractor), to verify a paper's file."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader
from pypdf.errors import DependencyError, PdfReadError

from domain.documents import UnverifiableFileError
from domain.errors import DomainError


class UnreadablePdfError(DomainError):
    """A file that is not a PDF, or one too damaged to read."""


_ENCRYPTED = (
    "the file is encrypted (protected by a password), so the desk cannot read what it says "
    "and it is not the file the desk generated; verify the paper by the verification code "
    "printed at the foot of each page (or its QR code)"
)


def pdf_text(pdf: bytes) -> str:
    """Every page's text, then the document's keywords (where the desk also writes the QR
    payload: number, verification code and content hash)."""
    try:
        try:
            reader = PdfReader(BytesIO(pdf))
            encrypted = reader.is_encrypted
        except DependencyError:  # AES: pypdf tried the empty password and needs a cipher
            encrypted = True
        if encrypted:
            raise UnverifiableFileError(_ENCRYPTED)
        pages = [page.extract_text() or "" for page in reader.pages]
        metadata = reader.metadata
        keywords = "" if metadata is None else str(metadata.get("/Keywords", "") or "")
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise UnreadablePdfError(f"the file cannot be read as a PDF: {error}") from error
    return "\n".join([*pages, keywords])
