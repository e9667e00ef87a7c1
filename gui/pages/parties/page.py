"""Parties: the customer list, an editor, and each party's standing at a glance."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from domain.errors import DomainError
from domain.lookalike import Lookalike
from domain.model import Party, VeuStatus
from domain.progress import CancelToken
from domain.queries import OrderFilter, PartySummary
from domain.services.field_audit import resolve_visit, visits_of
from domain.services.records import add_record, lookalike_party, update_record
from domain.services.standing import party_standing
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.jobs import JobFunction, OneAtATime
from gui.kit.panes import split
from gui.kit.pickers import describe_country
from gui.kit.tables import MenuEntry
from gui.kit.widgets import make_label, named
from gui.pages.base import QT_TRANSLATE_NOOP
from gui.pages.parties.editor import PartyEditor
from gui.pages.parties.labels import ROLE_LABELS, shown
from gui.pages.parties.standing import ORDERS_SHOWN, PartyOverview, StandingPanel
from gui.pages.parties.table import PartyTableModel
from gui.pages.record_editor import RecordEditorPage
from gui.pages.screening.history import HistoryDialog
from gui.pages.screening.page import open_history
from gui.style import hint_style


class PartiesPage(RecordEditorPage[Party, PartySummary]):
    """Signals:
    list_loaded: the party list was (re)loaded (its row count).
    standing_loaded: the standing of the selected party was shown (its ref).
    party_saved: a party was created or changed (its ref).
    lookalike_warned: a new party was not saved yet, as its name reads like a stored
        party's; saving again creates it (its ref).
    """

    title = QT_TRANSLATE_NOOP("PartiesPage", "Parties")
    shows = frozenset({Record.PARTIES, Record.ORDERS, Record.DECISIONS, Record.PAPERWORK})
    kind = Record.PARTIES
    noun = QT_TRANSLATE_NOOP("PartiesPage", "party")
    plural = QT_TRANSLATE_NOOP("PartiesPage", "parties")
    new_shortcut = "Ctrl+Shift+P"
    find_tip = QT_TRANSLATE_NOOP("PartiesPage", "Search the parties")
    search_placeholder = QT_TRANSLATE_NOOP(
        "PartiesPage", "part of a party's ref, legal name or alias"
    )
    revert_tip = QT_TRANSLATE_NOOP("PartiesPage", "Discard the changes not saved yet")
    standing_loaded = Signal(str)
    party_saved = Signal(str)
    lookalike_warned = Signal(str)

    model: PartyTableModel
    editor: PartyEditor

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            PartyTableModel(),
            PartyEditor(),
            add=add_record,
            update=update_record,
            parent=parent,
        )
        self.model.setParent(self)
        self.record_saved.connect(self.party_saved)
        self._standings = OneAtATime(context.jobs, self)
        """The standing shown: a party chosen meanwhile drops an earlier one's."""
        self._lookalikes = OneAtATime(context.jobs, self, drop_stale=False)
        """The look-alike check of a new party's name, before it is saved."""
        self._warned: tuple[str, str] | None = None
        """The new party (ref, name) whose look-alike warning the officer has seen."""
        self._set_up_table(self.model, (104, 200, 64, 40, 118, 46, 54), sort=1)

        self.heading = make_label(
            self.tr("No party selected"),
            name="partyHeading",
            style="font-size:14pt; font-weight:600;",
            wrap=True,
        )
        self.subheading = make_label(name="partySubheading", style=hint_style(), wrap=True)

        self.standing = StandingPanel()
        self.standing.show_orders_button.clicked.connect(self._on_show_orders_button_clicked)
        self.standing.resolve_button.clicked.connect(self._on_resolve_clicked)

        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(self.editor)
        holder_layout.addStretch(1)
        scroll.setWidget(holder)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(4, 0, 4, 4)
        buttons.addWidget(self.save_message, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        details_layout.addWidget(scroll, 1)
        details_layout.addLayout(buttons)

        self.tabs = named(QTabWidget(), "partyTabs")
        self.tabs.addTab(self.standing, self.tr("Standing at a glance"))
        self.tabs.addTab(details, self.tr("Details"))

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.setSpacing(4)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.subheading)
        right_layout.addWidget(self.tabs, 1)

        splitter = split(
            Qt.Orientation.Horizontal,
            self._build_list(),
            right,
            sizes=(680, 470),
            stretch=(1, 1),
            name="partiesSplitter",
        )
        self.search.search_requested.connect(self.reload)

        layout = self.page_layout()
        layout.addWidget(self._build_toolbar())
        layout.addWidget(splitter, 1)

        self._set_dirty(False)
        self._show_nothing()

    def new_party(self) -> None:
        self.new_record()

    # -- the list -------------------------------------------------------------------------

    def _list_work(self) -> JobFunction:
        text = self.search.text()
        queries = self.context.queries

        def work(progress: Any, cancel: CancelToken) -> list[PartySummary]:
            return queries.party_summaries(text)

        return work

    def _after_reload(self) -> None:
        if self._selected is not None and not self._creating:
            self._load_standing(self._selected.ref)

    def _show_rows(self, rows: list[PartySummary]) -> None:
        header = self.table.horizontalHeader()
        self.model.set_rows(rows)
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _keep_selected(self, ref: str) -> None:
        row = self.model.row_of(ref)
        if row is not None:
            # Opens the party unless it is the one shown already.
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        elif self._selected is None or self._selected.ref != ref:
            self._open_party(ref)

    def prepare_screenshot(self) -> None:
        """Show a VEU holder, whose standing uses every part of the screen."""
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if str(index.data()).startswith("US-HALCYON"):
                self.select_ref(str(index.data()))
                return
        if self.model.rowCount():
            self.table.selectRow(0)

    def select_ref(self, ref: str) -> None:
        """Show a party (selecting its row when it is in the list)."""
        row = self.model.row_of(ref)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self._open_party(ref)

    # -- selection ------------------------------------------------------------------------

    def _ref_of(self, row: PartySummary) -> str:
        return row.ref

    def _more_entries(self, row: PartySummary) -> list[MenuEntry]:
        return [
            (
                self.tr("Show the orders of {ref}").format(ref=row.ref),
                lambda: self.show_orders_of(row.ref),
            ),
            (
                self.tr("Screening history of {ref}…").format(ref=row.ref),
                lambda: self.open_screening_history(row.ref),
            ),
        ]

    def open_screening_history(self, ref: str) -> HistoryDialog:
        """Every screening and disposition of the party, in a dialog."""
        return open_history(self.context, ref, self)

    def _on_resolve_clicked(self) -> None:
        visit = self.standing.open_visit
        if self._selected is None or visit is None:
            return
        note, accepted = QInputDialog.getMultiLineText(
            self,
            self.tr("Resolve visit {visit}").format(visit=visit),
            self.tr(
                "How were the discrepancies of visit {visit} of {ref} resolved? (kept in the audit "
                "log; the party's orders are no longer held for this visit)"
            ).format(visit=visit, ref=self._selected.ref),
        )
        if accepted:
            self.record_resolution(visit, note)

    def record_resolution(self, visit: int, note: str) -> bool:
        """Record how a visit's discrepancies were resolved, for the party shown."""
        if self._selected is None:
            return False
        ref = self._selected.ref
        try:
            resolve_visit(self.context.db, ref, visit, note, actor=self.context.actor)
        except DomainError as error:
            show_failure(self, str(error), False, self.context.log_file)
            return False
        self.context.events.changed.emit(Changes.of(Record.PARTIES, Record.ORDERS, refs=[ref]))
        self._load_standing(ref)
        return True

    def _shows(self, row: PartySummary) -> bool:
        return self._selected is not None and row.ref == self._selected.ref

    def _open_row(self, row: PartySummary) -> None:
        self._open_party(row.ref)

    def _on_discard_refused(self) -> None:
        self._reselect_current()

    def _reselect_current(self) -> None:
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        self.table.clearSelection()
        if (
            self._selected is not None
            and (row := self.model.row_of(self._selected.ref)) is not None
        ):
            self.table.selectRow(row)
        selection.blockSignals(False)
        self.table.viewport().update()

    def _open_party(self, ref: str) -> None:
        self._creating = False
        self._load_standing(ref)

    def _load_standing(self, ref: str) -> None:
        if self._standings.later(lambda: self._load_standing(ref)):
            return
        context = self.context
        on = context.today()

        def work(progress: Any, cancel: CancelToken) -> PartyOverview:
            standing = party_standing(context.db, context.catalog, ref, on=on)
            ids = context.queries.order_ids(OrderFilter(party_ref=ref))
            recent = context.queries.order_summaries(list(ids[:ORDERS_SHOWN]))
            visits = visits_of(context.db, ref)
            return PartyOverview(
                standing=standing, order_count=len(ids), recent=recent, visits=visits
            )

        self._standings.start(
            f"standing of {ref}",
            work,
            on_success=self._on_standing_loaded,
            on_failure=self._on_job_failed,
        )

    def _on_standing_loaded(self, overview: PartyOverview) -> None:
        if self._creating:
            return
        party = overview.standing.party
        same = self._selected is not None and self._selected.ref == party.ref
        self._selected = party
        self._show_heading(party)
        self.standing.show_overview(overview)
        self.editor.setEnabled(True)
        if not (same and self._dirty):
            self.editor.load(party)
            self.save_message.clear()
            self._set_dirty(False)
        self.tabs.setTabEnabled(0, True)
        self.standing_loaded.emit(party.ref)

    def _show_heading(self, party: Party) -> None:
        self.heading.setText(f"{party.name}")
        facts = [
            party.ref,
            shown(ROLE_LABELS[party.role]),
            self.tr("located in {country}").format(country=describe_country(party.country)),
            self.tr("headquartered in {country}").format(
                country=describe_country(party.hq_country)
            ),
        ]
        if party.parent_name:
            parent = party.parent_name
            if party.parent_hq_country:
                parent += f", {describe_country(party.parent_hq_country)}"
            facts.append(self.tr("ultimate parent {name}").format(name=parent))
        if party.veu is not VeuStatus.NONE:
            facts.append(f"{party.veu.value.upper()} {party.veu_id or ''}".strip())
        self.subheading.setText(" · ".join(facts))

    def _show_nothing(self) -> None:
        self.heading.setText(self.tr("No party selected"))
        self.subheading.setText(
            self.tr("Pick a party in the list, or press Ctrl+Shift+P for a new one.")
        )
        self.standing.show_message(self.tr("Select a party to see its standing."))
        self.editor.load(None)
        self.editor.setEnabled(False)
        self._set_dirty(False)

    # -- editing --------------------------------------------------------------------------

    def _show_new(self) -> None:
        self.heading.setText(self.tr("New party"))
        self.subheading.setText(self.tr("Enter the party's details, then Save (Ctrl+S)."))
        self.standing.show_message(self.tr("The standing appears once the party is saved."))
        self.tabs.setCurrentIndex(1)
        self.tabs.setTabEnabled(0, False)

    def _build(self) -> Party | None:
        party = self.editor.build()
        if party is None:
            self.save_message.show_error(self.tr("Not saved: correct the fields marked above."))
        return party

    def _create(self, record: Party) -> None:
        """A new party is first compared with the stored ones: a name that reads like another
        party's is shown as a warning, and the party is created when the officer saves again."""
        if self._warned == (record.ref, record.name):
            self._create_checked(record)
            return
        db = self.context.db
        self.save_button.setEnabled(False)
        self.save_message.show_note(self.tr("Comparing the name with the stored parties…"))
        self._lookalikes.start(
            f"look-alike names of {record.ref}",
            lambda progress, cancel: lookalike_party(db, record),
            on_success=lambda found: self._on_lookalikes_checked(record, found),
            on_failure=self._on_save_failed,
        )

    def _create_checked(self, record: Party) -> None:
        super()._create(record)

    def _on_lookalikes_checked(self, record: Party, found: Lookalike | None) -> None:
        if found is None:
            self._create_checked(record)
            return
        self._warned = (record.ref, record.name)
        message = found.message
        self.editor.messages["name"].show_warning(message[:1].upper() + message[1:] + ".")
        self.save_message.show_warning(
            self.tr(
                "Not saved yet: see the warning under the name. Save again to create the party."
            )
        )
        self._set_dirty(True)
        self.lookalike_warned.emit(record.ref)

    def _after_created(self) -> None:
        self.tabs.setTabEnabled(0, True)
        self._selected = None

    def _reopen(self, ref: str) -> None:
        self._load_standing(ref)

    # -- navigation -----------------------------------------------------------------------

    def _on_show_orders_button_clicked(self) -> None:
        if self._selected is not None:
            self.show_orders_of(self._selected.ref)

    def show_orders_of(self, ref: str) -> None:
        """The Orders screen, listing the orders ``ref`` is in."""
        window = self.window()
        pages = getattr(window, "pages", None)
        show_page = getattr(window, "show_page", None)
        if not isinstance(pages, list) or show_page is None:
            return
        for index, page in enumerate(pages):
            party_filter = getattr(page, "party_filter", None)
            apply_filter = getattr(page, "apply_filter", None)
            if isinstance(party_filter, QLineEdit) and apply_filter is not None:
                party_filter.setText(ref)
                show_page(index)
                apply_filter()
                return
