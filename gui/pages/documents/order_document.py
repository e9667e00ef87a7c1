"""A decision record, or an AIA shipment notice, for one order."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from domain.documents import DocumentKind
from domain.services import documents as services
from gui.context import DeskContext
from gui.kit.widgets import make_line_edit
from gui.pages.documents.generate_dialog import Generated, GenerateDialog


class OrderDocumentDialog(GenerateDialog):
    """A decision record, or an AIA shipment notice, for one order."""

    def __init__(
        self,
        context: DeskContext,
        kind: DocumentKind,
        order_ref: str = "",
        parent: QWidget | None = None,
    ) -> None:
        title = (
            QCoreApplication.translate("OrderDocumentDialog", "Decision record for order")
            if kind is DocumentKind.DECISION_RECORD
            else QCoreApplication.translate("OrderDocumentDialog", "AIA shipment notice for order")
        )
        super().__init__(context, title, parent)
        self.setObjectName(
            "decisionRecordDialog" if kind is DocumentKind.DECISION_RECORD else "noticeDialog"
        )
        self.kind = kind
        self.order = make_line_edit(
            order_ref,
            name="orderRef",
            placeholder=self.tr("Order ref, e.g. SO-25-0035"),
            max_width=260,
        )
        self.add_field(self.tr("Order:"), self.order)
        self.set_intro(
            self.tr(
                "The order's latest decision as recorded: parties, lines with ECCN and TPP, the "
                "outcome, every finding with its rule and figures, who decided and when, and the "
                "audit-log hash. File it with the shipment papers."
            )
            if kind is DocumentKind.DECISION_RECORD
            else self.tr(
                "The notice the consignee receives with each shipment under License Exception "
                "AIA, naming the items and their ECCNs."
            )
        )

    def plan(self) -> Callable[[], Generated] | None:
        ref = self.order.text().strip()
        if not ref:
            self.say_problem(self.tr("Give the order's ref"))
            return None
        context, kind, renderer = self.context, self.kind, self.context.renderer
        assert renderer is not None
        build = (
            services.decision_record_view
            if kind is DocumentKind.DECISION_RECORD
            else services.shipment_notice_view
        )

        def make() -> Generated:
            view = build(context.db, context.catalog, ref)
            return services.generate(
                context.db, renderer, view, kind=kind, order_ref=ref, actor=context.actor
            )

        return make
