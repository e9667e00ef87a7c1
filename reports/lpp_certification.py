"""The LPP certification a consignee signs for a calendar year (§ 740.29)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from domain.documents import DocumentKind, LppCertificationView, Stamp
from domain.figures import fmt_tpp
from reports.base import DocumentPdf


class LppCertificationPdf(DocumentPdf[LppCertificationView]):
    """Letterhead, consignee, the year's limit and the prior receipts declared, the
    statements in the ruleset's wording, then the signature blocks."""

    @property
    def kind_label(self) -> str:
        return DocumentKind.LPP_CERTIFICATION.label

    def _title(self, view: LppCertificationView) -> str:
        return f"{DocumentKind.LPP_CERTIFICATION.label} {view.year}: {view.consignee.name}"

    def _story(self, view: LppCertificationView, stamp: Stamp) -> list[Flowable]:
        story: list[Flowable] = [
            self.heading(view.title, "title"),
            self.text(
                f"{view.rule} · calendar year {view.year}\nRuleset {view.ruleset}", "subtitle"
            ),
            self.heading("Ultimate consignee"),
            self.field_table(self.party_rows(view.consignee)),
            self.heading("Figures certified"),
            self.field_table(
                [
                    ("Calendar year", str(view.year)),
                    ("Limit", f"{fmt_tpp(view.limit_tpp)} TPP"),
                    (
                        "Prior receipts",
                        "to be filled in by the signer (item 2)"
                        if view.prior_receipts_tpp is None
                        else f"{fmt_tpp(view.prior_receipts_tpp)} TPP declared",
                    ),
                ],
            ),
            self.heading("Certification"),
        ]
        items = [
            self.para(self.plain(statement), "numbered", bulletText=f"{index}.")
            for index, statement in enumerate(view.statements, 1)
        ]
        contact = f" ({view.letterhead.contact})" if view.letterhead.contact else ""
        request = self.text(
            f"Please sign and date this certification and return it to "
            f"{view.letterhead.name}{contact}, quoting document number {stamp.number}.",
            "muted",
        )
        story += self.items_then_signatures(
            items, view.consignee.name, view.signers, closing=(request,)
        )
        return story
