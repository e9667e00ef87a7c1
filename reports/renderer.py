"""The document renderer the application wires into the document services."""

from __future__ import annotations

from domain.documents import (
    AiaStatementView,
    DecisionRecordView,
    DocumentView,
    LppCertificationView,
    QuotaReportView,
    ShipmentNoticeView,
    Stamp,
    VisitReportView,
)
from reports.aia_statement import AiaStatementPdf
from reports.decision_record import DecisionRecordPdf
from reports.fonts import load_fonts
from reports.lpp_certification import LppCertificationPdf
from reports.printable import check_printable
from reports.quota_report import QuotaReportPdf
from reports.shipment_notice import ShipmentNoticePdf
from reports.visit_report import VisitReportPdf


class PdfRenderer:
    """domain.documents.DocumentRenderer: a view-model and its stamp in, PDF bytes out.

    One instance can render any number of documents (fonts and styles are set up once)."""

    def __init__(self) -> None:
        self._aia = AiaStatementPdf()
        self._lpp = LppCertificationPdf()
        self._record = DecisionRecordPdf()
        self._notice = ShipmentNoticePdf()
        self._quota = QuotaReportPdf()
        self._visit = VisitReportPdf()

    def render(self, view: DocumentView, stamp: Stamp) -> bytes:
        """The PDF of ``view``; UnprintableTextError (nothing rendered) where a field has text
        that no installed font can print."""
        check_printable(view, load_fonts())
        if isinstance(view, AiaStatementView):
            return self._aia.render(view, stamp)
        if isinstance(view, LppCertificationView):
            return self._lpp.render(view, stamp)
        if isinstance(view, DecisionRecordView):
            return self._record.render(view, stamp)
        if isinstance(view, ShipmentNoticeView):
            return self._notice.render(view, stamp)
        if isinstance(view, QuotaReportView):
            return self._quota.render(view, stamp)
        if isinstance(view, VisitReportView):
            return self._visit.render(view, stamp)
        raise TypeError(f"no renderer for {type(view).__name__}")
