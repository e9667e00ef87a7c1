"""An AIA certification statement for an eligible Tier 1 consignee."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QTextBrowser, QWidget

from domain.documents import AiaStatementView, DocumentKind
from domain.errors import DomainError
from domain.progress import CancelToken
from domain.services import documents as services
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.jobs import Job
from gui.kit.dates import date_edit, pydate
from gui.kit.widgets import make_label, named
from gui.pages.documents.generate_dialog import ConsigneeDialog, Generated
from gui.pages.documents.texts import parse_signers, signers_text
from gui.screen import fit_to_screen
from gui.style import hint_style


class AiaStatementDialog(ConsigneeDialog):
    """An AIA certification statement for an eligible Tier 1 consignee: the items
    description and the signers are filled in from its records and can be edited.

    Signals:
        parties_loaded: the eligible consignees were listed (how many).
        defaults_loaded: the items and wording for the chosen consignee were filled in.
    """

    defaults_loaded = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            QCoreApplication.translate("AiaStatementDialog", "New AIA certification statement"),
            parent,
        )
        self.setObjectName("aiaStatementDialog")
        fit_to_screen(self, 720, 660)
        self._loading: Job | None = None
        self._loaded_for: tuple[str, date] | None = None
        self._requested: tuple[str, date] | None = None
        self.party.setObjectName("aiaStatementParty")
        self.party.setEnabled(False)
        line = self.party.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Listing the consignees that can certify…"))
        self.on = date_edit(context.today(), "aiaStatementDate")
        self.items = named(QPlainTextEdit(), "aiaStatementItems")
        self.items.setFixedHeight(72)
        self.items.setPlaceholderText(
            self.tr("Choose the consignee: its items and ECCNs are filled in")
        )
        self.eccns = make_label(name="aiaStatementEccns", style=hint_style())
        self.signers = named(QPlainTextEdit(), "aiaStatementSigners")
        self.signers.setFixedHeight(64)
        self.signers.setPlaceholderText(
            self.tr(
                "Jane Doe, Chief Compliance Officer\n"
                "(leave empty for blank lines to fill in by hand)"
            )
        )
        self.add_field(
            self.tr("Ultimate consignee:"),
            self.party,
            self.tr(
                "Located and headquartered in Tier 1, with its ultimate parent headquartered in "
                "Tier 1. “due”: it has open orders for AIA items and no certification in force."
            ),
        )
        self.add_field(
            self.tr("Statement date:"),
            self.on,
            self.tr("The certification wording in effect that day."),
        )
        self.add_field(
            self.tr("Items:"),
            self.items,
            self.tr(
                "General description and ECCNs as the statement prints them; edit before printing."
            ),
        )
        self.form.addRow("", self.eccns)
        self.weights = named(
            QCheckBox(self.tr("Add the model-weight storage attestation")), "aiaStatementWeights"
        )
        self.weights.setToolTip(
            self.tr(
                "The exporter's form by which the consignee attests storage under Supp. No. 10 to "
                "Part 748 ¶¶ 14, 15, 18; always added when the items include 4E091 model weights."
            )
        )
        self.form.addRow("", self.weights)
        self.add_field(
            self.tr("Signers:"), self.signers, self.tr("One person per line: name, title.")
        )
        heading = make_label(self.tr("What the consignee will certify:"), style="font-weight:600;")
        self.wording = named(QTextBrowser(), "aiaStatementWording")
        self.wording.setAccessibleName(self.tr("Certification wording"))
        self.wording.setMinimumHeight(150)
        self.extra.addWidget(heading)
        self.extra.addWidget(self.wording, 1)
        self.set_intro(
            self.tr(
                "The statement the consignee signs before its first AIA shipment. When the signed "
                "copy comes back, record its return on the Documents screen: orders held for a "
                "missing certification pass when checked again."
            )
        )
        self.generate_button.setEnabled(False)
        self.party.currentTextChanged.connect(self._on_inputs_changed)
        self.on.dateChanged.connect(self._on_inputs_changed)
        self.items.textChanged.connect(self._on_items_text_changed)
        self._load_parties()

    def _load_parties(self) -> None:
        context, on = self.context, self.context.today()
        due_mark = self.tr(" — due")

        def work(progress: Any, cancel: CancelToken) -> list[tuple[str, str]]:
            ruleset = context.catalog.in_effect_on(on)
            due = set(services.aia_statements_due(context.db, context.catalog, on=on))
            with context.db.reader() as uow:
                eligible = [
                    party
                    for party in uow.parties.all()
                    if services.aia_ineligibility(party, ruleset) is None
                ]
            return [
                (party.ref, party.name + (due_mark if party.ref in due else ""))
                for party in eligible
            ]

        self._list_parties("AIA consignees", work)

    def _parties_listed(self, entries: list[tuple[str, str]]) -> None:
        self.party.setEnabled(True)
        line = self.party.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Type a name or ref…"))
        self.generate_button.setEnabled(bool(entries))
        if not entries:
            self.say_problem(
                self.tr(
                    "No consignee can sign an AIA statement: none is located and headquartered in "
                    "Tier 1 with its ultimate parent in Tier 1 under the ruleset in effect."
                )
            )

    def _on_inputs_changed(self, *_args: object) -> None:
        self.load_defaults()

    def load_defaults(self) -> None:
        """Fill the items, signers and wording for the chosen consignee (as a job)."""
        ref = self.party.selected_ref()
        if ref is None:
            return
        wanted = (ref, pydate(self.on.date()))
        if wanted in (self._loaded_for, self._requested) or self._loading is not None:
            return
        context, on = self.context, wanted[1]
        self._requested = wanted
        self.wording.setHtml(f"<p style='{hint_style()}'>Reading the records of {escape(ref)}…</p>")

        def work(progress: Any, cancel: CancelToken) -> tuple[str, date, AiaStatementView]:
            return ref, on, services.aia_statement_view(context.db, context.catalog, ref, on=on)

        self._loading = context.jobs.start(
            f"AIA statement for {ref}",
            work,
            on_success=self._on_defaults_loaded,
            on_failure=self._on_defaults_failed,
            on_finished=self._on_defaults_finished,
        )

    def _on_defaults_loaded(self, result: tuple[str, date, AiaStatementView]) -> None:
        ref, on, view = result
        previous = self._loaded_for
        self._loaded_for = (ref, on)
        if previous is None or previous[0] != ref or not self.items.toPlainText().strip():
            self.items.setPlainText(view.items_description)
            if not self.signers.toPlainText().strip():
                self.signers.setPlainText(signers_text(view.signers))
        self.eccns.setText(
            self.tr("Computed from its orders: ECCNs {eccns}").format(eccns=", ".join(view.eccns))
        )
        self._refresh_wording()
        self.say_problem("")
        self.defaults_loaded.emit(ref)

    def _on_defaults_failed(self, message: str, is_bug: bool) -> None:
        self._loaded_for = None
        self.wording.clear()
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
        else:
            self.say_problem(message)

    def _on_defaults_finished(self) -> None:
        self._loading = None
        # The officer may have chosen another consignee or date while this one was read.
        self.load_defaults()

    def _on_items_text_changed(self) -> None:
        self._refresh_wording()

    def _refresh_wording(self) -> None:
        """The commitments as they will print, with the items as typed."""
        items = " ".join(self.items.toPlainText().split())
        if not items:
            return
        try:
            ruleset = self.context.catalog.in_effect_on(pydate(self.on.date()))
        except DomainError as error:
            self.wording.setPlainText(str(error))
            return
        text = ruleset.aia_certification
        consignee = self.party.currentText().strip() or "[the ultimate consignee]"
        self.wording.setHtml(_wording_html(text.as_printed(consignee, items), ruleset.id))

    def plan(self) -> Callable[[], Generated] | None:
        ref = self.party.selected_ref()
        if ref is None:
            self.say_problem(
                self.tr("Choose the consignee from the list")
                if self.party.currentText().strip()
                else self.tr("Choose the ultimate consignee")
            )
            return None
        items = " ".join(self.items.toPlainText().split())
        if not items:
            self.say_problem(self.tr("Describe the items (their general description and ECCNs)"))
            return None
        signers = parse_signers(self.signers.toPlainText())
        context, on, renderer = self.context, pydate(self.on.date()), self.context.renderer
        weights = True if self.weights.isChecked() else None
        assert renderer is not None

        def make() -> Generated:
            view = services.aia_statement_view(
                context.db,
                context.catalog,
                ref,
                on=on,
                items_description=items,
                signers=signers,
                weights_attestation=weights,
            )
            return services.generate(
                context.db,
                renderer,
                view,
                kind=DocumentKind.AIA_STATEMENT,
                party_ref=ref,
                actor=context.actor,
            )

        return make


def _wording_html(paragraphs: Sequence[str], ruleset: str) -> str:
    # The opening, then the items with their own numbering, "(i)" to "(v)", as the regulation.
    opening, *items = paragraphs
    return (
        f"<p>{escape(opening)}</p>"
        + "".join(f"<p style='margin:0 0 6px 14px'>{escape(item)}</p>" for item in items)
        + f"<p style='{hint_style()}'>Wording of ruleset {escape(ruleset)}.</p>"
    )
