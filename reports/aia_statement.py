"""The Tier 1 (AIA) certification statement an ultimate consignee signs (§ 740.27(b)(2))."""

from __future__ import annotations

import re

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether

from domain.courtesy import CourtesyTranslation
from domain.documents import AiaStatementView, DocumentKind, Stamp
from reports.base import DocumentPdf

# "(iv) It agrees ..." -> "(iv)" and the rest: the label hangs in the margin.
_LABEL = re.compile(r"^\s*(\([ivxlcdm]+\)|\([a-z]\)|\d+[.)])\s+", re.IGNORECASE)
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


def numbered(text: str, index: int, *, roman: bool = True) -> tuple[str, str]:
    """Split a numbered paragraph into its label and text (numbering it if it is not)."""
    match = _LABEL.match(text)
    if match:
        return match.group(1), text[match.end() :]
    if roman and index < len(_ROMAN):
        return f"({_ROMAN[index]})", text
    return f"{index + 1}.", text


class AiaStatementPdf(DocumentPdf[AiaStatementView]):
    """Letterhead, title, consignee, items, then the certification of § 740.27(b)(2) in the
    regulation's words: the consignee's name, items (i) to (iv), and (v) as one signature
    block per signer, never split across pages. Where the items include model weights, the
    storage attestation follows, marked as the exporter's form, with its own signatures. For a
    consignee reading Chinese, a courtesy translation of (i) to (v) comes last, labelled in
    both languages as not binding, numbered as the English items are."""

    @property
    def kind_label(self) -> str:
        return DocumentKind.AIA_STATEMENT.label

    def _title(self, view: AiaStatementView) -> str:
        return f"{DocumentKind.AIA_STATEMENT.label}: {view.consignee.name}"

    def _story(self, view: AiaStatementView, stamp: Stamp) -> list[Flowable]:
        story: list[Flowable] = [
            self.heading(view.title, "title"),
            self.text(
                f"{view.regulation}\nRuleset {view.ruleset}: {view.ruleset_title}", "subtitle"
            ),
            self.heading("Ultimate consignee"),
            self.field_table(self.party_rows(view.consignee)),
            self.heading("Items"),
            self.field_table(
                [
                    ("Description", view.items_description),
                    ("ECCN", ", ".join(view.eccns) if view.eccns else "—"),
                ]
            ),
            self.heading(f"Certification ({view.regulation})"),
            self.text(view.opening, "body"),
        ]
        items = []
        for index, commitment in enumerate(view.commitments):
            label, body = numbered(commitment, index)
            items.append(self.para(self.plain(body), "numbered", bulletText=label))
        contact = f" ({view.letterhead.contact})" if view.letterhead.contact else ""
        request = self.text(
            f"Please sign and date this statement and return it to {view.letterhead.name}"
            f"{contact}, quoting document number {stamp.number}.",
            "muted",
        )
        attestation = view.weights_attestation
        story += self.items_then_signatures(
            items,
            view.consignee.name,
            view.signers,
            heading=f"{view.signatures_label} {view.signatures_instruction}",
            closing=() if attestation else (request,),
        )
        if attestation is not None:
            story += self.items_then_signatures(
                [
                    self.heading(f"{attestation.title} ({attestation.label})"),
                    self.text(attestation.text, "justified"),
                ],
                view.consignee.name,
                view.signers,
                heading="Signatures to the attestation",
                closing=(request,),
                keep_last=2,  # its heading and its text
            )
        if view.courtesy is not None:
            story += self._courtesy(view.courtesy)
        return story

    def _courtesy(self, courtesy: CourtesyTranslation) -> list[Flowable]:
        """The translation after everything that binds: its label in English and in the
        translation's language, the title, the items as numbered in English, where to sign."""
        items = []
        for index, commitment in enumerate(courtesy.commitments):
            label, body = numbered(commitment, index)
            items.append(self.para(self.plain(body), "numbered", bulletText=label))
        return [
            CondPageBreak(60 * mm),
            KeepTogether(
                [
                    self.heading(courtesy.label),
                    self.para(self.bold(courtesy.translated_label), "body", spaceAfter=3 * mm),
                    self.text(courtesy.title, "body"),
                    items[0],
                ]
            ),
            *items[1:],
            self.text(courtesy.signing_note, "muted"),
        ]
