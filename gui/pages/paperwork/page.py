"""Certifications & Licences: the paperwork that unlocks exceptions, and what is left of it.

AIA certifications (with BIS submission and revocation), LPP certifications per year with
prior receipts, licences with their depletion, VEU footprints and country settings. Every
change is an audited service call made off the UI thread and pushed onto the undo stack;
forms check what is typed as it is typed, and a refused save keeps every field as it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from domain.progress import CancelToken
from domain.queries import PartySummary
from domain.services.paperwork_views import (
    AiaRow,
    CountryRow,
    FootprintRow,
    LicenseRow,
    LppRow,
    PaperworkView,
    paperwork_overview,
)
from gui.changes import Record
from gui.context import DeskContext
from gui.jobs import JobFunction
from gui.kit.search import SearchField
from gui.kit.tables import ColumnModel, FoldingFilter, make_table, select_key, selected_row
from gui.kit.widgets import make_button, make_label, named
from gui.pages.base import QT_TRANSLATE_NOOP, OverviewPage
from gui.pages.paperwork.aia import AiaDialog
from gui.pages.paperwork.columns import (
    AIA_COLUMNS,
    COUNTRY_COLUMNS,
    FOOTPRINT_COLUMNS,
    LICENSE_COLUMNS,
    LPP_COLUMNS,
    header,
)
from gui.pages.paperwork.country import CountryDialog
from gui.pages.paperwork.footprint import FootprintDialog
from gui.pages.paperwork.licence import LicenseDialog
from gui.pages.paperwork.lpp import LppDialog
from gui.pages.paperwork.record_dialog import RecordDialog
from gui.style import hint_style


class PaperworkPage(OverviewPage[PaperworkView]):
    """Signals:
    loaded: the paperwork was (re)read and shown.
    """

    title = QT_TRANSLATE_NOOP("PaperworkPage", "Certifications & Licences")
    shows = frozenset({Record.PAPERWORK, Record.DECISIONS, Record.ORDERS, Record.PARTIES})
    what = QT_TRANSLATE_NOOP("PaperworkPage", "the paperwork")

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("paperworkPage")
        self.view: PaperworkView | None = None

        self.aia_model: ColumnModel[AiaRow] = ColumnModel(AIA_COLUMNS, self)
        self.lpp_model: ColumnModel[LppRow] = ColumnModel(LPP_COLUMNS, self)
        self.license_model: ColumnModel[LicenseRow] = ColumnModel(LICENSE_COLUMNS, self)
        self.footprint_model: ColumnModel[FootprintRow] = ColumnModel(FOOTPRINT_COLUMNS, self)
        self.country_model: ColumnModel[CountryRow] = ColumnModel(COUNTRY_COLUMNS, self)
        for model in (
            self.aia_model,
            self.lpp_model,
            self.license_model,
            self.footprint_model,
            self.country_model,
        ):
            model.headers = tuple(header(text) for text in model.headers)

        self.aia_table = make_table("aiaTable", self.aia_model, (230, 86, 170, 66, 150, 140))
        self.lpp_table = make_table("lppTable", self.lpp_model, (240, 50, 86, 150, 110, 130, 230))
        self.license_table = make_table(
            "licenseTable", self.license_model, (86, 210, 80, 100, 100, 100, 100, 130)
        )
        self.footprint_table = make_table(
            "footprintTable", self.footprint_model, (300, 60, 200, 50, 160, 160)
        )
        self.country_table = make_table(
            "countryTable", self.country_model, (220, 50, 120, 150, 150, 170)
        )

        self.heading = make_label(name="paperworkHeading", style=hint_style())
        self.status = self.heading
        self.search = SearchField(
            self.tr("the lists"), self.tr("part of a consignee, a licence or a country")
        )
        self.search.setObjectName("paperworkSearch")
        self.search.setMinimumWidth(320)
        self.search.search_requested.connect(self._on_search_text_changed)
        self.search.install_find(self)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.search)

        self.tabs = named(QTabWidget(), "paperworkTabs")
        self.record_aia = self._button(self.tr("Record AIA certification…"), "recordAia")
        self.submit_aia = self._button(self.tr("Record BIS submission…"), "submitAia")
        self.revoke_aia = self._button(self.tr("Revoke…"), "revokeAia")
        self.record_aia.clicked.connect(self._on_record_aia_clicked)
        self.submit_aia.clicked.connect(self._on_submit_aia_clicked)
        self.revoke_aia.clicked.connect(self._on_revoke_aia_clicked)
        self.record_lpp = self._button(self.tr("Record LPP certification…"), "recordLpp")
        self.edit_lpp = self._button(self.tr("Correct…"), "editLpp")
        self.revoke_lpp = self._button(self.tr("Revoke…"), "revokeLpp")
        self.record_lpp.clicked.connect(self._on_record_lpp_clicked)
        self.edit_lpp.clicked.connect(self._on_edit_lpp_clicked)
        self.revoke_lpp.clicked.connect(self._on_revoke_lpp_clicked)
        self.add_license = self._button(self.tr("Add licence…"), "addLicense")
        self.add_license.clicked.connect(self._on_add_license_clicked)
        self.set_footprint = self._button(self.tr("Set footprint…"), "setFootprint")
        self.edit_footprint = self._button(self.tr("Edit…"), "editFootprint")
        self.set_footprint.clicked.connect(self._on_set_footprint_clicked)
        self.edit_footprint.clicked.connect(self._on_edit_footprint_clicked)
        self.set_country = self._button(self.tr("Add country…"), "setCountry")
        self.edit_country = self._button(self.tr("Edit…"), "editCountry")
        self.set_country.clicked.connect(self._on_set_country_clicked)
        self.edit_country.clicked.connect(self._on_edit_country_clicked)

        self._add_tab(
            self.tr("AIA certifications"),
            self.aia_table,
            (self.record_aia, self.submit_aia, self.revoke_aia),
            self.tr(
                "One-time certification by a Tier 1 ultimate consignee before its first AIA "
                "shipment; filed with BIS once its AIA shipments reach the threshold."
            ),
        )
        self._add_tab(
            self.tr("LPP certifications"),
            self.lpp_table,
            (self.record_lpp, self.edit_lpp, self.revoke_lpp),
            self.tr(
                "Per consignee per calendar year, with what it received from others that year."
            ),
        )
        self._add_tab(
            self.tr("Licences"),
            self.license_table,
            (self.add_license,),
            self.tr("Shipments under a licence deplete its authorized TPP."),
        )
        self._add_tab(
            self.tr("VEU footprints"),
            self.footprint_table,
            (self.set_footprint, self.edit_footprint),
            self.tr(
                "Installed a-level TPP of VEU holders by country: recorded from other sources, "
                "plus our authorized VEU shipments."
            ),
        )
        self._add_tab(
            self.tr("Countries"),
            self.country_table,
            (self.set_country, self.edit_country),
            self.tr("Tier 2 allocations: agreements and what other exporters reported using."),
        )

        self.aia_table.doubleClicked.connect(self._on_aia_table_double_clicked)
        self.lpp_table.doubleClicked.connect(self._on_edit_lpp_clicked)
        self.footprint_table.doubleClicked.connect(self._on_edit_footprint_clicked)
        self.country_table.doubleClicked.connect(self._on_edit_country_clicked)
        for table in (self.aia_table, self.lpp_table, self.footprint_table, self.country_table):
            table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        layout = self.page_layout()
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self._update_actions()

    def _button(self, text: str, name: str) -> QPushButton:
        return make_button(text, name)

    def _add_tab(
        self, title: str, table: QTableView, buttons: Sequence[QPushButton], note: str
    ) -> None:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(8, 8, 8, 8)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        hint = make_label(note, style=hint_style(), wrap=True)
        row.addSpacing(12)
        row.addWidget(hint, 1)
        column.addLayout(row)
        column.addWidget(table, 1)
        self.tabs.addTab(page, title)

    # -- loading ------------------------------------------------------------------------------

    def read(self) -> tuple[str, JobFunction]:
        db, catalog, today = self.context.db, self.context.catalog, self.context.today()

        def work(progress: Any, cancel: CancelToken) -> PaperworkView:
            return paperwork_overview(db, catalog, on=today)

        self.heading.setText(self.tr("Loading…"))
        return "load paperwork", work

    def _on_loaded(self, view: PaperworkView) -> None:
        keep = {
            "aia": getattr(selected_row(self.aia_table, self.aia_model), "key", None),
            "lpp": getattr(selected_row(self.lpp_table, self.lpp_model), "key", None),
            "licence": getattr(selected_row(self.license_table, self.license_model), "key", None),
            "footprint": getattr(
                selected_row(self.footprint_table, self.footprint_model), "key", None
            ),
            "country": getattr(selected_row(self.country_table, self.country_model), "key", None),
        }
        self.view = view
        self.aia_model.set_rows(view.aia)
        self.lpp_model.set_rows(view.lpp)
        self.license_model.set_rows(view.licenses)
        self.footprint_model.set_rows(view.footprints)
        self.country_model.set_rows(view.countries)
        for table, model, key in (
            (self.aia_table, self.aia_model, keep["aia"]),
            (self.lpp_table, self.lpp_model, keep["lpp"]),
            (self.license_table, self.license_model, keep["licence"]),
            (self.footprint_table, self.footprint_model, keep["footprint"]),
            (self.country_table, self.country_model, keep["country"]),
        ):
            if key is not None:
                select_key(table, model, key)
        counts = (
            len(view.aia),
            len(view.lpp),
            len(view.licenses),
            len(view.footprints),
            len(view.countries),
        )
        for number, (name, count) in enumerate(
            zip(
                (
                    self.tr("AIA certifications"),
                    self.tr("LPP certifications"),
                    self.tr("Licences"),
                    self.tr("VEU footprints"),
                    self.tr("Countries"),
                ),
                counts,
                strict=True,
            )
        ):
            self.tabs.setTabText(number, self.tr("{name} ({count})").format(name=name, count=count))
        self.heading.setText(
            self.tr(
                "Standing on {date} under ruleset {ruleset}. Select a row for its actions; undo "
                "with Ctrl+Z."
            ).format(date=view.on.isoformat(), ruleset=view.ruleset)
        )
        self._update_actions()

    # -- actions ------------------------------------------------------------------------------

    def _on_search_text_changed(self, text: str) -> None:
        for table in (
            self.aia_table,
            self.lpp_table,
            self.license_table,
            self.footprint_table,
            self.country_table,
        ):
            proxy = table.model()
            if isinstance(proxy, FoldingFilter):
                proxy.set_needle(text)

    def _on_selection_changed(self, *_args: object) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        aia = selected_row(self.aia_table, self.aia_model)
        self.submit_aia.setEnabled(
            aia is not None and aia.certification.submitted_to_bis_on is None
        )
        self.revoke_aia.setEnabled(aia is not None and aia.certification.revoked_on is None)
        lpp = selected_row(self.lpp_table, self.lpp_model)
        self.edit_lpp.setEnabled(lpp is not None)
        self.revoke_lpp.setEnabled(lpp is not None and lpp.certification.revoked_on is None)
        self.edit_footprint.setEnabled(
            selected_row(self.footprint_table, self.footprint_model) is not None
        )
        self.edit_country.setEnabled(
            selected_row(self.country_table, self.country_model) is not None
        )

    def _parties(self) -> list[PartySummary]:
        return list(self.context.queries.party_summaries())

    def _open(self, dialog: RecordDialog) -> RecordDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_aia_dialog(self, mode: str = AiaDialog.NEW) -> AiaDialog | None:
        """Open the AIA form (new, or BIS submission / revocation of the selected one)."""
        existing = None
        if mode != AiaDialog.NEW:
            row = selected_row(self.aia_table, self.aia_model)
            if row is None:
                return None
            existing = row.certification
        dialog = AiaDialog(
            self.context,
            self._parties(),
            existing=existing,
            mode=mode,
            known=[row.certification for row in self.aia_model.rows()],
            parent=self,
        )
        self._open(dialog)
        return dialog

    def _on_record_aia_clicked(self) -> None:
        self.open_aia_dialog(AiaDialog.NEW)

    def _on_submit_aia_clicked(self) -> None:
        self.open_aia_dialog(AiaDialog.SUBMISSION)

    def _on_revoke_aia_clicked(self) -> None:
        self.open_aia_dialog(AiaDialog.REVOCATION)

    def _on_aia_table_double_clicked(self, _index: QModelIndex) -> None:
        row = selected_row(self.aia_table, self.aia_model)
        if row is not None and row.certification.submitted_to_bis_on is None:
            self.open_aia_dialog(AiaDialog.SUBMISSION)

    def open_lpp_dialog(self, *, edit: bool = False, revoke: bool = False) -> LppDialog | None:
        existing = None
        if edit or revoke:
            row = selected_row(self.lpp_table, self.lpp_model)
            if row is None:
                return None
            existing = row.certification
        dialog = LppDialog(
            self.context,
            self._parties(),
            existing=existing,
            revoke=revoke,
            known=[] if existing else [row.certification for row in self.lpp_model.rows()],
            parent=self,
        )
        self._open(dialog)
        return dialog

    def _on_record_lpp_clicked(self) -> None:
        self.open_lpp_dialog()

    def _on_edit_lpp_clicked(self, *_args: object) -> None:
        self.open_lpp_dialog(edit=True)

    def _on_revoke_lpp_clicked(self) -> None:
        self.open_lpp_dialog(revoke=True)

    def open_license_dialog(self) -> LicenseDialog:
        dialog = LicenseDialog(
            self.context,
            self._parties(),
            known_numbers=[row.licence.number for row in self.license_model.rows()],
            parent=self,
        )
        self._open(dialog)
        return dialog

    def _on_add_license_clicked(self) -> None:
        self.open_license_dialog()

    def open_footprint_dialog(self, *, edit: bool = False) -> FootprintDialog | None:
        existing = selected_row(self.footprint_table, self.footprint_model) if edit else None
        if edit and existing is None:
            return None
        dialog = FootprintDialog(self.context, self._parties(), existing=existing, parent=self)
        self._open(dialog)
        return dialog

    def _on_set_footprint_clicked(self) -> None:
        self.open_footprint_dialog()

    def _on_edit_footprint_clicked(self, *_args: object) -> None:
        self.open_footprint_dialog(edit=True)

    def open_country_dialog(self, *, edit: bool = False) -> CountryDialog | None:
        row = selected_row(self.country_table, self.country_model) if edit else None
        if edit and row is None:
            return None
        dialog = CountryDialog(
            self.context, existing=row.setting if row is not None else None, parent=self
        )
        self._open(dialog)
        return dialog

    def _on_set_country_clicked(self) -> None:
        self.open_country_dialog()

    def _on_edit_country_clicked(self, *_args: object) -> None:
        self.open_country_dialog(edit=True)
