"""What the screens say about a registered document: its kind, dates, signed copy, file name,
verdict and the registry's record of it, in words (never colour alone)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from domain.documents import DocumentKind, RegisteredDocument, Signer, Standing, Verification
from domain.services import documents as services
from domain.text import matches
from gui.pages.base import QT_TRANSLATE_NOOP
from gui.style import Tone, colour

SHORT_LABELS = {
    DocumentKind.AIA_STATEMENT: QT_TRANSLATE_NOOP("DocumentTexts", "AIA statement"),
    DocumentKind.LPP_CERTIFICATION: QT_TRANSLATE_NOOP("DocumentTexts", "LPP certification"),
    DocumentKind.DECISION_RECORD: QT_TRANSLATE_NOOP("DocumentTexts", "Decision record"),
    DocumentKind.SHIPMENT_NOTICE: QT_TRANSLATE_NOOP("DocumentTexts", "Shipment notice"),
    DocumentKind.QUOTA_REPORT: QT_TRANSLATE_NOOP("DocumentTexts", "Quota report"),
}
"""The kinds as a table column shows them (the full title is in the tooltip and the detail);
English, shown through ``short_label``."""

SIGNED_KINDS = frozenset({DocumentKind.AIA_STATEMENT, DocumentKind.LPP_CERTIFICATION})
"""Documents that go out for signature and come back."""


# (background, text, border) of each verdict; the words carry the meaning, never colour alone.
VERDICT_TONES: dict[str, tuple[Tone, Tone, Tone]] = {
    "genuine": (Tone.OK_BG, Tone.OK, Tone.OK),
    "genuine_but": (Tone.WARNING_BG, Tone.WARNING, Tone.WARNING_BORDER),
    "not_genuine": (Tone.PROBLEM_BG, Tone.ERROR, Tone.PROBLEM_BORDER),
}


def short_label(kind: DocumentKind) -> str:
    """The kind as the table shows it, in the officer's language."""
    return QCoreApplication.translate("DocumentTexts", SHORT_LABELS[kind])


def document_count(count: int) -> str:
    """ "1 document", "2,000 documents"."""
    if count == 1:
        return QCoreApplication.translate("DocumentTexts", "1 document")
    return QCoreApplication.translate("DocumentTexts", "{count} documents").format(
        count=f"{count:,}"
    )


def listed(
    document: RegisteredDocument, kind: DocumentKind | None, awaiting: bool, text: str
) -> bool:
    """Whether the registry list shows ``document``: of ``kind`` (any, if None), its signed
    copy still ``awaiting`` (if asked), and matching the search ``text`` (without case or
    accents; a code's dashes may be left out)."""
    if kind is not None and document.kind is not kind:
        return False
    if awaiting and (document.kind not in SIGNED_KINDS or document.signed_on is not None):
        return False
    if not text:
        return True
    fields = (
        document.number,
        document.title,
        document.party_ref or "",
        document.order_ref or "",
        document.verification_code,
        document.verification_code.replace("-", ""),
        document.generated_by,
    )
    return matches(text, *fields) or matches(text.replace(" ", ""), *fields)


def generated_at_text(document: RegisteredDocument) -> str:
    """When it was generated, in the officer's local time."""
    return document.generated_at.astimezone().strftime("%Y-%m-%d %H:%M")


def order_or_year(document: RegisteredDocument) -> str:
    """The order a document is about, or the year of a certification or report."""
    if document.order_ref:
        return document.order_ref
    return str(document.year) if document.year is not None else ""


def return_text(document: RegisteredDocument) -> str:
    """The signed copy's state, in words with a symbol (never colour alone)."""
    if document.kind not in SIGNED_KINDS:
        return ""
    if document.signed_on is None:
        return QCoreApplication.translate("DocumentTexts", "… Awaiting")
    return QCoreApplication.translate("DocumentTexts", "✓ Signed {date}").format(
        date=document.signed_on.isoformat()
    )


def file_name_for(document: RegisteredDocument) -> str:
    """A file name an officer recognises: the number and what it is about."""
    subject = document.order_ref or document.party_ref or ""
    stem = f"{document.number}-{subject}" if subject else document.number
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in stem) + ".pdf"


def parse_signers(text: str) -> tuple[Signer, ...]:
    """One signer a line: "Name, Title" (the title is what follows the first comma)."""
    signers: list[Signer] = []
    for line in text.splitlines():
        cleaned = " ".join(line.split())
        if not cleaned:
            continue
        name, _, title = cleaned.partition(",")
        signers.append(Signer(name=name.strip(), title=title.strip()))
    return tuple(signers)


def signers_text(signers: Sequence[Signer]) -> str:
    return "\n".join(
        f"{signer.name}, {signer.title}" if signer.title else signer.name
        for signer in signers
        if signer.name or signer.title
    )


def verdict(verification: Verification) -> tuple[str, str]:
    """(key of VERDICT_TONES, the verdict in words with its symbol)."""
    if not verification.genuine:
        return "not_genuine", QCoreApplication.translate("DocumentTexts", "✕ Not genuine")
    if verification.standing is Standing.REVOKED:
        return "genuine_but", QCoreApplication.translate(
            "DocumentTexts", "⚠ Genuine, but the certification was later revoked"
        )
    if verification.standing is Standing.SUPERSEDED:
        return "genuine_but", QCoreApplication.translate(
            "DocumentTexts", "⚠ Genuine, but superseded since"
        )
    if verification.standing is Standing.CURRENT:
        return "genuine", QCoreApplication.translate("DocumentTexts", "✓ Genuine and current")
    return "genuine", QCoreApplication.translate("DocumentTexts", "✓ Genuine")


def verdict_stylesheet(key: str) -> str:
    background, text, border = (colour(tone) for tone in VERDICT_TONES[key])
    return (
        f"background:{background}; color:{text}; border:1px solid {border};"
        "border-radius:4px; padding:8px 12px; font-size:13pt; font-weight:600;"
    )


def document_html(document: RegisteredDocument) -> str:
    """What the registry knows of a document, as a small table."""
    rows: list[tuple[str, str]] = [
        (
            QCoreApplication.translate("DocumentTexts", "Number"),
            f"<b>{escape(document.number)}</b>",
        ),
        (QCoreApplication.translate("DocumentTexts", "Document"), escape(document.title)),
        (QCoreApplication.translate("DocumentTexts", "Kind"), escape(document.kind.label)),
    ]
    if document.party_ref:
        rows.append(
            (QCoreApplication.translate("DocumentTexts", "Party"), escape(document.party_ref))
        )
    if document.order_ref:
        rows.append(
            (QCoreApplication.translate("DocumentTexts", "Order"), escape(document.order_ref))
        )
    if document.year is not None:
        rows.append((QCoreApplication.translate("DocumentTexts", "Year"), str(document.year)))
    rows += [
        (
            QCoreApplication.translate("DocumentTexts", "Generated"),
            QCoreApplication.translate("DocumentTexts", "{when} by {officer}").format(
                when=generated_at_text(document), officer=escape(document.generated_by)
            ),
        ),
        (QCoreApplication.translate("DocumentTexts", "Ruleset"), escape(document.ruleset)),
        (
            QCoreApplication.translate("DocumentTexts", "Verification code"),
            f"<span style='font-family:monospace; font-size:12pt'>"
            f"{escape(document.verification_code)}</span>",
        ),
        (
            QCoreApplication.translate("DocumentTexts", "Content hash"),
            # In two halves: a 64-digit word would widen the panel past the window.
            f"<span style='font-family:monospace; color:{colour(Tone.HINT)}'>"
            f"{escape(document.content_hash[:32])}<br>{escape(document.content_hash[32:])}"
            "</span>",
        ),
    ]
    if document.kind in SIGNED_KINDS:
        if document.signed_on is None:
            rows.append(
                (
                    QCoreApplication.translate("DocumentTexts", "Signed copy"),
                    QCoreApplication.translate("DocumentTexts", "… not returned yet"),
                )
            )
        else:
            signers = "<br>".join(escape(name) for name in document.signed_by)
            rows.append(
                (
                    QCoreApplication.translate("DocumentTexts", "Signed copy"),
                    QCoreApplication.translate("DocumentTexts", "✓ returned, signed {date}").format(
                        date=document.signed_on.isoformat()
                    )
                    + (f"<br>{signers}" if signers else ""),
                )
            )
    body = "".join(
        f"<tr><td style='padding:2px 12px 2px 0; color:{colour(Tone.HINT)}' valign='top'>"
        f"{label}</td>"
        f"<td style='padding:2px 0' valign='top'>{value}</td></tr>"
        for label, value in rows
    )
    return f"<table cellspacing='0' cellpadding='0'>{body}</table>"


def batch_text(summary: services.BatchResult, folder: Path | None, day: date | None) -> str:
    """The batch's outcome in words."""
    statements = summary.kind is DocumentKind.AIA_STATEMENT
    if summary.total == 0:
        if day is None:
            return (
                QCoreApplication.translate(
                    "DocumentTexts", "Nothing to generate: no AIA statement is due."
                )
                if statements
                else QCoreApplication.translate(
                    "DocumentTexts", "Nothing to generate: no order was decided."
                )
            )
        return (
            QCoreApplication.translate(
                "DocumentTexts", "Nothing to generate: no AIA statement is due on {day}."
            )
            if statements
            else QCoreApplication.translate(
                "DocumentTexts", "Nothing to generate: no order was decided on {day}."
            )
        ).format(day=day.isoformat())
    made = len(summary.documents)
    if statements:
        text = (
            QCoreApplication.translate(
                "DocumentTexts", "Stopped: {made} of {total} AIA statements generated"
            )
            if summary.cancelled
            else QCoreApplication.translate(
                "DocumentTexts", "Done: {made} of {total} AIA statements generated"
            )
        )
    else:
        text = (
            QCoreApplication.translate(
                "DocumentTexts", "Stopped: {made} of {total} decision records generated"
            )
            if summary.cancelled
            else QCoreApplication.translate(
                "DocumentTexts", "Done: {made} of {total} decision records generated"
            )
        )
    text = text.format(made=f"{made:,}", total=f"{summary.total:,}")
    if folder is not None and made:
        text += QCoreApplication.translate("DocumentTexts", ", saved in {folder}").format(
            folder=folder
        )
    if summary.errors:
        text += QCoreApplication.translate(
            "DocumentTexts", "; {count} could not be generated"
        ).format(count=len(summary.errors))
    return text
