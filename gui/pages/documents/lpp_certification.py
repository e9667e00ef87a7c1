"""An LPP certification for a consignee and calendar year."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPlainTextEdit, QSpinBox, QWidget

from domain.documents import DocumentKind
from domain.progress import CancelToken
from domain.services import documents as services
from gui.context import DeskContext
from gui.kit.pickers import party_entries
from gui.kit.widgets import named
from gui.pages.documents.generate_dialog import ConsigneeDialog, Generated
from gui.pages.documents.texts import parse_signers


class LppCertificationDialog(ConsigneeDialog):
    """An LPP certification for a consignee and calendar year."""

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            QCoreApplication.translate("LppCertificationDialog", "New LPP certification"),
            parent,
        )
        self.setObjectName("lppCertificationDialog")
        self.party.setObjectName("lppCertificationParty")
        self.year = named(QSpinBox(), "lppCertificationYear")
        self.year.setRange(2000, 2200)
        self.year.setValue(context.today().year)
        self.year.setMaximumWidth(100)
        self.signers = named(QPlainTextEdit(), "lppCertificationSigners")
        self.signers.setFixedHeight(56)
        self.signers.setPlaceholderText(self.tr("Name, title (leave empty for a blank line)"))
        self.add_field(self.tr("Ultimate consignee:"), self.party)
        self.add_field(self.tr("Calendar year:"), self.year)
        self.add_field(
            self.tr("Signers:"), self.signers, self.tr("One person per line: name, title.")
        )
        self.set_intro(
            self.tr(
                "The consignee declares what it already received this calendar year and commits "
                "not to pass the LPP limit, and to notify BIS on reaching it. The limit and the "
                "prior receipts come from its records."
            )
        )
        queries = context.queries

        def work(progress: Any, cancel: CancelToken) -> list[tuple[str, str]]:
            return party_entries(queries.party_summaries())

        self._list_parties("LPP consignees", work)

    def plan(self) -> Callable[[], Generated] | None:
        ref = self.party.selected_ref()
        if ref is None:
            self.say_problem(self.tr("Choose the ultimate consignee from the list"))
            return None
        context, year, renderer = self.context, self.year.value(), self.context.renderer
        signers = parse_signers(self.signers.toPlainText())
        today = context.today()
        assert renderer is not None

        def make() -> Generated:
            view = services.lpp_certification_view(
                context.db, context.catalog, ref, year, on=today, signers=signers
            )
            return services.generate(
                context.db,
                renderer,
                view,
                kind=DocumentKind.LPP_CERTIFICATION,
                party_ref=ref,
                year=year,
                actor=context.actor,
            )

        return make
