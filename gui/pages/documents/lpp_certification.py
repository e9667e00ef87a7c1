"""An LPP certification for a consignee and calendar year."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPlainTextEdit, QSpinBox, QWidget

from domain.documents import DocumentKind
from domain.progress import CancelToken
from domain.services import documents as services
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.kit.pickers import PartyCombo, party_entries
from gui.pages.documents.generate_dialog import Generated, GenerateDialog
from gui.pages.documents.texts import parse_signers


class LppCertificationDialog(GenerateDialog):
    """An LPP certification for a consignee and calendar year.

    Signals:
        parties_loaded: the consignees were listed (how many).
    """

    parties_loaded = Signal(int)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, "New LPP certification", parent)
        self.setObjectName("lppCertificationDialog")
        self._wanted_ref: str | None = None
        self.party = PartyCombo()
        self.party.setObjectName("lppCertificationParty")
        self.year = QSpinBox()
        self.year.setObjectName("lppCertificationYear")
        self.year.setRange(2000, 2200)
        self.year.setValue(context.today().year)
        self.year.setMaximumWidth(100)
        self.signers = QPlainTextEdit()
        self.signers.setObjectName("lppCertificationSigners")
        self.signers.setFixedHeight(56)
        self.signers.setPlaceholderText("Name, title (leave empty for a blank line)")
        self.add_field("Ultimate consignee:", self.party)
        self.add_field("Calendar year:", self.year)
        self.add_field("Signers:", self.signers, "One person per line: name, title.")
        self.set_intro(
            "The consignee declares what it already received this calendar year and commits "
            "not to pass the LPP limit, and to notify BIS on reaching it. The limit and the "
            "prior receipts come from its records."
        )
        queries = context.queries

        def work(progress: Any, cancel: CancelToken) -> list[tuple[str, str]]:
            return party_entries(queries.party_summaries())

        context.jobs.start(
            "LPP consignees",
            work,
            on_success=self._on_parties_loaded,
            on_failure=self._on_load_failed,
        )

    def _on_parties_loaded(self, entries: list[tuple[str, str]]) -> None:
        self.party.set_entries(entries)
        if self._wanted_ref is not None:
            self.party.select_ref(self._wanted_ref)
        self.parties_loaded.emit(len(entries))

    def _on_load_failed(self, message: str, is_bug: bool) -> None:
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
        else:
            self.say_problem(message)

    def select_party(self, ref: str) -> None:
        """Choose the consignee (now, or once the list is loaded)."""
        self._wanted_ref = ref
        if self.party.count():
            self.party.select_ref(ref)

    def plan(self) -> Callable[[], Generated] | None:
        ref = self.party.selected_ref()
        if ref is None:
            self.say_problem("Choose the ultimate consignee from the list")
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
