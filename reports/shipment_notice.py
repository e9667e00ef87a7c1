"""The written notice sent with each shipment under License Exception AIA (§ 740.27(b)(3))."""

from __future__ import annotations

from reportlab.platypus import Flowable

from domain.documents import DocumentKind, ShipmentNoticeView, Stamp
from reports.base import DocumentPdf, day
from reports.decision_record import line_rows


class ShipmentNoticePdf(DocumentPdf[ShipmentNoticeView]):
    """Letterhead, the consignee, the order and its lines with their ECCNs, and the notice."""

    @property
    def kind_label(self) -> str:
        return DocumentKind.SHIPMENT_NOTICE.label

    def _title(self, view: ShipmentNoticeView) -> str:
        return f"{DocumentKind.SHIPMENT_NOTICE.label}: order {view.order_ref}"

    def _story(self, view: ShipmentNoticeView, stamp: Stamp) -> list[Flowable]:
        return [
            self.heading("Notice of shipment under License Exception AIA", "title"),
            self.text(f"15 CFR 740.27(b)(3)\nRuleset {view.ruleset}", "subtitle"),
            self.heading("Notice"),
            self.boxed([self.text(view.notice, "notice")]),
            self.heading("Ultimate consignee"),
            self.field_table(self.party_rows(view.consignee)),
            self.heading("Shipment"),
            self.field_table(
                [("Order reference", view.order_ref), ("Order date", day(view.order_date))]
            ),
            *self.long_section("Items shipped", line_rows(self, view.lines)),
        ]
