"""The Tier 1 (AIA) certification statement an ultimate consignee signs (§ 740.27(b)(2))."""

from __future__ import annotations

import re

from reportlab.platypus import Flowable

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
    """Letterhead, title, consignee, items, the preamble and commitments (i)-(v) in the
    ruleset's wording, then one signature block per signer, never split across pages."""

    @property
    def kind_label(self) -> str:
        return DocumentKind.AIA_STATEMENT.label

    def _title(self, view: AiaStatementView) -> str:
        return f"{DocumentKind.AIA_STATEMENT.label}: {view.consignee.name}"

    def _story(self, view: AiaStatementView, stamp: Stamp) -> list[Flowable]:
        story: list[Flowable] = [
            self.heading(view.title, "title"),
            self.text(
                f"15 CFR 740.27(b)(2)\nRuleset {view.ruleset}: {view.ruleset_title}", "subtitle"
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
            self.heading("Certification"),
            self.text(view.preamble, "justified"),
        ]
        items = []
        for index, commitment in enumerate(view.commitments):
            label, body = numbered(commitment, index)
            items.append(self.para(self.plain(body), "numbered", bulletText=label))
        story += self.items_then_signatures(items, view.consignee.name, view.signers)
        contact = f" ({view.letterhead.contact})" if view.letterhead.contact else ""
        story.append(
            self.text(
                f"Please sign and date this statement and return it to {view.letterhead.name}"
                f"{contact}, quoting document number {stamp.number}.",
                "muted",
            )
        )
        return story
