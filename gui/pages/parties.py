"""Parties: the customer list, an editor, and each party's standing at a glance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QItemSelection,
    QMargins,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from domain.errors import DomainError
from domain.model import Party, Role, VeuStatus
from domain.progress import CancelToken
from domain.queries import OrderFilter, OrderSummary, PartySummary
from domain.rules.positions import LimitCheck, VeuPosition
from domain.services.catalog_views import veu_limit_checks
from domain.services.records import add_party
from domain.services.standing import PartyStanding, party_standing
from gui.charts import OURS_COLOUR, paint_chart
from gui.commands import EditPartyCommand
from gui.context import DeskContext
from gui.dialogs import show_failure
from gui.jobs import OneAtATime
from gui.kit.actions import window_action
from gui.kit.bars import FigureBar, used_text
from gui.kit.forms import FieldMessage, validation_messages
from gui.kit.panes import split
from gui.kit.pickers import CountryEdit, describe_country
from gui.kit.tables import Index, RecordModel, set_up_list
from gui.pages.base import Page
from gui.style import Tone, badge_colours, badge_text, hint_style, percent, qcolour, tpp

ROLE_LABELS: dict[Role, str] = {
    Role.END_USER: "End user",
    Role.DATACENTER_OPERATOR: "Data-center operator",
    Role.CLOUD_PROVIDER: "Cloud provider",
    Role.DISTRIBUTOR: "Distributor / reseller",
    Role.RESEARCH: "Research institution",
    Role.OTHER: "Other",
}
VEU_LABELS: dict[VeuStatus, str] = {
    VeuStatus.NONE: "None",
    VeuStatus.UVEU: "UVEU (universal)",
    VeuStatus.NVEU: "NVEU (national, one country)",
}
FIELD_LABELS = {
    "ref": "Ref",
    "name": "Legal name",
    "aliases": "Aliases",
    "address": "Address",
    "country": "Location",
    "hq_country": "Headquarters",
    "parent_name": "Ultimate parent",
    "parent_hq_country": "Parent headquarters",
    "role": "Role",
    "veu": "VEU status",
    "veu_country": "NVEU country",
    "veu_id": "Authorization no.",
}
ORDERS_SHOWN = 8


def _role_label(value: str) -> str:
    try:
        return ROLE_LABELS[Role(value)]
    except ValueError:
        return value


def _fit_rows(table: QTableWidget) -> None:
    """Size a short table to show all its rows without a scroll bar."""
    rows = table.rowCount()
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(header + rows * table.verticalHeader().defaultSectionSize() + 4)


class PartyTableModel(RecordModel[PartySummary]):
    """The party list (small rows, all in memory: 50,000 parties are a few megabytes)."""

    headers = ("Ref", "Name", "Location", "HQ", "Role", "VEU", "Orders")
    ORDERS_COLUMN = 6

    def row_of(self, ref: str) -> int | None:
        return self.row_where(lambda summary: summary.ref == ref)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.record(index.row())
        if item is None or not 0 <= index.column() < len(self.headers):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                item.ref,
                item.name,
                item.country,
                item.hq_country,
                _role_label(item.role),
                "" if item.veu == VeuStatus.NONE.value else item.veu.upper(),
                f"{item.orders:,}",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return item.name
        if role == Qt.ItemDataRole.ToolTipRole and column in (2, 3):
            return describe_country(item.country if column == 2 else item.hq_country)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ORDERS_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        keys = (
            lambda item: item.ref.casefold(),
            lambda item: item.name.casefold(),
            lambda item: item.country,
            lambda item: item.hq_country,
            lambda item: item.role,
            lambda item: item.veu,
            lambda item: item.orders,
        )
        if not 0 <= column < len(keys):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        refs = [self._rows[index.row()].ref for index in before]
        self._rows.sort(key=keys[column], reverse=order == Qt.SortOrder.DescendingOrder)
        positions = {item.ref: row for row, item in enumerate(self._rows)}
        self.changePersistentIndexList(
            before,
            [
                self.index(positions[ref], index.column())
                for ref, index in zip(refs, before, strict=True)
            ],
        )
        self.layoutChanged.emit()


@dataclass(frozen=True)
class _Overview:
    standing: PartyStanding
    order_count: int
    recent: list[OrderSummary]


class VeuChart(QChartView):
    """A VEU holder's footprint shares (bars, each labelled) with the limit in each label."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("veuChart")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(200)
        self.categories: list[str] = []

    def show_checks(self, checks: Sequence[LimitCheck]) -> None:
        chart = QChart()
        chart.setTitle("Share of installed a-level TPP, by country")
        title_font = QFont(chart.titleFont())
        title_font.setPointSizeF(9.5)
        chart.setTitleFont(title_font)
        chart.legend().setVisible(False)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        # Draw bottom-up so the first check is on top.
        ordered = list(reversed(checks))
        # Short labels: the limits are spelled out under the chart.
        self.categories = [
            f"{'✓' if check.holds else '✕'} {check.label.split(' (')[0]}" for check in ordered
        ]
        shares = QBarSet("Share")
        shares.setColor(QColor(OURS_COLOUR))
        shares.setLabelColor(qcolour(Tone.HEADING))
        for check in ordered:
            shares.append(round(check.share * 100, 1))
        series = QHorizontalBarSeries()
        series.append(shares)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value %")
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setBarWidth(0.6)
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append(self.categories)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        axis_x = QValueAxis()
        # Room past 100 % for the value label of a full bar.
        axis_x.setRange(0, 112)
        axis_x.setTickType(QValueAxis.TickType.TicksDynamic)
        axis_x.setTickAnchor(0)
        axis_x.setTickInterval(25)
        axis_x.setLabelFormat("%d")
        axis_x.setTitleText("% of installed TPP")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        paint_chart(chart)
        self.setChart(chart)
        self.setMinimumHeight(max(170, 70 + 34 * len(checks)))


class StandingPanel(QScrollArea):
    """A party's standing: LPP, AIA, VEU footprint, licences and its orders."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("standingPanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 8, 8, 8)
        layout.setSpacing(10)
        self.setWidget(body)

        self.summary = QLabel()
        self.summary.setObjectName("standingSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(hint_style())
        layout.addWidget(self.summary)

        self.lpp_group = QGroupBox("LPP this year")
        lpp_layout = QVBoxLayout(self.lpp_group)
        self.lpp_bar = FigureBar()
        self.lpp_bar.setObjectName("lppBar")
        self.lpp_caption = self._caption("lppCaption")
        lpp_layout.addWidget(self.lpp_bar)
        lpp_layout.addWidget(self.lpp_caption)
        layout.addWidget(self.lpp_group)

        self.aia_group = QGroupBox("AIA cumulative")
        aia_layout = QVBoxLayout(self.aia_group)
        self.aia_bar = FigureBar()
        self.aia_bar.setObjectName("aiaBar")
        self.aia_caption = self._caption("aiaCaption")
        aia_layout.addWidget(self.aia_bar)
        aia_layout.addWidget(self.aia_caption)
        layout.addWidget(self.aia_group)

        self.veu_group = QGroupBox("VEU footprint")
        veu_layout = QVBoxLayout(self.veu_group)
        self.veu_caption = self._caption("veuCaption")
        self.nveu_bar = FigureBar()
        self.nveu_bar.setObjectName("nveuBar")
        self.veu_chart = VeuChart()
        self.veu_limits = self._caption("veuLimits")
        veu_layout.addWidget(self.veu_caption)
        veu_layout.addWidget(self.nveu_bar)
        veu_layout.addWidget(self.veu_chart)
        veu_layout.addWidget(self.veu_limits)
        layout.addWidget(self.veu_group)

        self.licence_group = QGroupBox("Licences")
        licence_layout = QVBoxLayout(self.licence_group)
        self.licences = QTableWidget(0, 6)
        self.licences.setObjectName("licenceTable")
        self.licences.setHorizontalHeaderLabels(
            ["Licence", "Destination", "Covers", "Authorized TPP", "Left", "Valid"]
        )
        self._tidy_table(self.licences)
        self.no_licences = self._caption("noLicences")
        licence_layout.addWidget(self.licences)
        licence_layout.addWidget(self.no_licences)
        layout.addWidget(self.licence_group)

        self.orders_group = QGroupBox("Orders")
        orders_layout = QVBoxLayout(self.orders_group)
        self.orders = QTableWidget(0, 4)
        self.orders.setObjectName("partyOrders")
        self.orders.setHorizontalHeaderLabels(["Order", "Date", "Destination", "Decision"])
        self._tidy_table(self.orders)
        self.show_orders_button = QPushButton("Show all orders of this party")
        self.show_orders_button.setObjectName("showOrdersButton")
        orders_layout.addWidget(self.orders)
        orders_layout.addWidget(self.show_orders_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.orders_group)
        layout.addStretch(1)
        self.show_message("Select a party to see its standing.")

    def _caption(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setStyleSheet(hint_style())
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @staticmethod
    def _tidy_table(table: QTableWidget) -> None:
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(26)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def _groups(self) -> tuple[QGroupBox, ...]:
        return (
            self.lpp_group,
            self.aia_group,
            self.veu_group,
            self.licence_group,
            self.orders_group,
        )

    def show_message(self, text: str) -> None:
        self.summary.setText(text)
        for group in self._groups():
            group.setVisible(False)

    def show_overview(self, overview: _Overview) -> None:
        standing = overview.standing
        party = standing.party
        self.summary.setText(
            f"Standing on {standing.on.isoformat()} under ruleset {standing.ruleset}. "
            "Figures count a-level TPP only."
        )
        for group in self._groups():
            group.setVisible(True)
        self._show_lpp(standing)
        self._show_aia(standing)
        self.veu_group.setVisible(standing.veu is not None)
        if standing.veu is not None:
            self._show_veu(standing.veu)
        self._show_licences(standing)
        self._show_orders(overview, party.ref)

    def _show_lpp(self, standing: PartyStanding) -> None:
        lpp = standing.lpp
        self.lpp_group.setTitle(f"LPP {lpp.year} · {lpp.rule}")
        # Where LPP can never apply, no figure of what is "left" is shown.
        self.lpp_bar.setVisible(lpp.unavailable is None)
        if lpp.unavailable is not None:
            self.lpp_caption.setText(f"LPP cannot be used: {lpp.unavailable}.")
            return
        self.lpp_bar.set_figures(
            lpp.used_tpp, lpp.limit_tpp, used_text(lpp.used_tpp, lpp.limit_tpp)
        )
        certified = (
            f"LPP certification for {lpp.year} on file (prior receipts "
            f"{tpp(lpp.prior_receipts_tpp)} TPP)."
            if lpp.certified
            else f"No LPP certification for {lpp.year} on file: LPP cannot be used until one is."
        )
        self.lpp_caption.setText(
            f"Prior receipts {tpp(lpp.prior_receipts_tpp)} + our LPP shipments "
            f"{tpp(lpp.shipped_tpp)} in {lpp.year}, against the limit of {tpp(lpp.limit_tpp)} "
            f"TPP per consignee per calendar year. {certified}"
        )

    def _show_aia(self, standing: PartyStanding) -> None:
        aia = standing.aia
        self.aia_group.setTitle(f"AIA cumulative · {aia.rule}")
        self.aia_bar.setVisible(aia.unavailable is None)
        if aia.unavailable is not None:
            self.aia_caption.setText(f"AIA cannot be used: {aia.unavailable}.")
            return
        threshold = aia.bis_submission_from_tpp
        self.aia_bar.set_figures(
            aia.cumulative_tpp,
            threshold,
            f"{tpp(aia.cumulative_tpp)} of {tpp(threshold)} TPP",
        )
        certification = aia.certification
        if certification is None:
            paper = "No AIA certification on file: AIA cannot be used until one is recorded."
        else:
            state = "in force" if aia.in_force else "not in force"
            if certification.revoked_on is not None:
                state += f" (revoked {certification.revoked_on.isoformat()})"
            filed = (
                f"submitted to BIS on {certification.submitted_to_bis_on.isoformat()}"
                if certification.submitted_to_bis_on
                else "not yet submitted to BIS"
            )
            paper = (
                f"AIA certification signed {certification.signed_on.isoformat()}, {state}; {filed}."
            )
        to_go = (
            f"{tpp(threshold - aia.cumulative_tpp)} TPP to go before"
            if aia.cumulative_tpp < threshold
            else "Threshold reached:"
        )
        self.aia_caption.setText(
            f"Cumulative AIA shipments, all time. {to_go} the AIA certification must have "
            f"been submitted to BIS ({tpp(threshold)} TPP). {paper}"
        )

    def _show_veu(self, veu: VeuPosition) -> None:
        holder = f"{veu.status.value.upper()} {veu.veu_id or '(no authorization number)'}"
        self.veu_group.setTitle(f"VEU footprint · {veu.rule}")
        caption = (
            f"{holder}: {tpp(veu.total_tpp)} TPP installed in {len(veu.shares)} "
            f"countr{'y' if len(veu.shares) == 1 else 'ies'} "
            "(other sources plus our VEU shipments)."
        )
        is_nveu = veu.nveu_cap_tpp is not None and veu.veu_country is not None
        self.nveu_bar.setVisible(is_nveu)
        if is_nveu:
            assert veu.nveu_cap_tpp is not None
            installed = veu.nveu_installed_tpp or 0.0
            self.nveu_bar.set_figures(
                installed, veu.nveu_cap_tpp, used_text(installed, veu.nveu_cap_tpp)
            )
            caption += (
                f" Installed base in {describe_country(veu.veu_country or '')} against the "
                f"cumulative NVEU cap for {veu.nveu_cap_label}:"
            )
        self.veu_caption.setText(caption)
        checks = veu_limit_checks(veu)
        self.veu_chart.setVisible(bool(checks))
        if checks:
            self.veu_chart.show_checks(checks)
            lines = [
                f"{'✓ within' if check.holds else '✕ outside'}: {check.label} "
                f"{percent(check.share)} ({'at least' if check.bound == 'min' else 'at most'} "
                f"{percent(check.limit)})"
                for check in checks
            ]
            self.veu_limits.setText("UVEU limits after each shipment:\n" + "\n".join(lines))
        elif is_nveu:
            self.veu_limits.setText(
                "An NVEU holder's installed base in its authorized country must stay within "
                "the cumulative cap of the shipment's quarter."
            )
        else:
            self.veu_limits.setText("No footprint recorded yet.")

    def _show_licences(self, standing: PartyStanding) -> None:
        licences = standing.licenses
        self.licences.setRowCount(len(licences))
        for row, licence in enumerate(licences):
            weights = licence.covers == "model_weights"
            values = [
                licence.number,
                describe_country(licence.destination),
                "Model weights" if weights else "a-level ICs/systems",
                "—" if weights else tpp(licence.tpp),
                "—" if weights else tpp(licence.left_tpp),
                f"{licence.valid_from.isoformat()} to {licence.valid_to.isoformat()}"
                + ("" if licence.valid_on else " (not valid today)"),
            ]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column in (3, 4):
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.licences.setItem(row, column, cell)
        self.licences.setVisible(bool(licences))
        _fit_rows(self.licences)
        self.no_licences.setVisible(not licences)
        self.no_licences.setText("No licences on file for this party.")

    def _show_orders(self, overview: _Overview, ref: str) -> None:
        recent = overview.recent
        self.orders_group.setTitle(
            f"Orders ({overview.order_count:,})"
            + (f", latest {len(recent)}" if overview.order_count > len(recent) else "")
        )
        self.orders.setRowCount(len(recent))
        for row, summary in enumerate(recent):
            outcome = "cancelled" if summary.status == "cancelled" else summary.outcome
            values = [
                summary.ref,
                summary.date.isoformat(),
                summary.destination,
                badge_text(outcome),
            ]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column == 3:
                    background, text = badge_colours(outcome)
                    cell.setBackground(background)
                    cell.setForeground(text)
                self.orders.setItem(row, column, cell)
        self.orders.setVisible(bool(recent))
        _fit_rows(self.orders)
        self.show_orders_button.setEnabled(overview.order_count > 0)
        self.show_orders_button.setToolTip(f"Open the Orders page filtered by {ref}")


class PartyEditor(QWidget):
    """The fields of one party. Emits ``edited`` whenever the officer changes one."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ref = QLineEdit()
        self.ref.setObjectName("partyRef")
        self.ref.setPlaceholderText("Short unique reference, e.g. DE-MUELLER")
        self.name = QLineEdit()
        self.name.setObjectName("partyName")
        self.aliases = QPlainTextEdit()
        self.aliases.setObjectName("partyAliases")
        self.aliases.setPlaceholderText("One alias per line")
        self.aliases.setTabChangesFocus(True)
        self.aliases.setFixedHeight(58)
        self.address = QPlainTextEdit()
        self.address.setObjectName("partyAddress")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(48)
        self.country = CountryEdit()
        self.country.setObjectName("partyCountry")
        self.hq_country = CountryEdit()
        self.hq_country.setObjectName("partyHqCountry")
        self.parent_name = QLineEdit()
        self.parent_name.setObjectName("partyParentName")
        self.parent_name.setPlaceholderText("None")
        self.parent_hq_country = CountryEdit()
        self.parent_hq_country.setObjectName("partyParentHq")
        self.parent_hq_country.setPlaceholderText("Headquarters of the ultimate parent")
        self.role = QComboBox()
        self.role.setObjectName("partyRole")
        for role, label in ROLE_LABELS.items():
            self.role.addItem(label, role.value)
        self.veu = QComboBox()
        self.veu.setObjectName("partyVeu")
        for status, label in VEU_LABELS.items():
            self.veu.addItem(label, status.value)
        self.veu_country = CountryEdit()
        self.veu_country.setObjectName("partyVeuCountry")
        self.veu_country.setPlaceholderText("The country the NVEU covers")
        self.veu_id = QLineEdit()
        self.veu_id.setObjectName("partyVeuId")
        self.veu_id.setPlaceholderText("e.g. UVEU-25-0007")

        self.messages: dict[str, FieldMessage] = {}
        form = QFormLayout(self)
        form.setContentsMargins(4, 8, 4, 4)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(6)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows: list[tuple[str, QWidget]] = [
            ("ref", self.ref),
            ("name", self.name),
            ("aliases", self.aliases),
            ("address", self.address),
            ("country", self.country),
            ("hq_country", self.hq_country),
            ("parent_name", self.parent_name),
            ("parent_hq_country", self.parent_hq_country),
            ("role", self.role),
            ("veu", self.veu),
            ("veu_country", self.veu_country),
            ("veu_id", self.veu_id),
        ]
        for key, widget in rows:
            message = FieldMessage()
            message.setObjectName(f"{key}Message")
            self.messages[key] = message
            cell = QWidget()
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(message)
            form.addRow(FIELD_LABELS[key] + ":", cell)

        for line in (
            self.ref,
            self.name,
            self.country,
            self.hq_country,
            self.parent_name,
            self.parent_hq_country,
            self.veu_country,
            self.veu_id,
        ):
            line.textChanged.connect(self._on_field_edited)
        self.aliases.textChanged.connect(self._on_field_edited)
        self.address.textChanged.connect(self._on_field_edited)
        self.role.currentIndexChanged.connect(self._on_field_edited)
        self.veu.currentIndexChanged.connect(self._on_field_edited)
        self.veu.currentIndexChanged.connect(self._on_veu_current_index_changed)
        self._loading = False
        self._on_veu_current_index_changed()

    def _on_field_edited(self) -> None:
        if not self._loading:
            self.edited.emit()

    def current_veu(self) -> VeuStatus:
        return VeuStatus(self.veu.currentData() or VeuStatus.NONE.value)

    def current_role(self) -> Role:
        return Role(self.role.currentData() or Role.OTHER.value)

    def _on_veu_current_index_changed(self) -> None:
        status = self.current_veu()
        self.veu_country.setEnabled(status is VeuStatus.NVEU)
        self.veu_id.setEnabled(status is not VeuStatus.NONE)

    def clear_messages(self) -> None:
        for message in self.messages.values():
            message.clear()

    def load(self, party: Party | None) -> None:
        self._loading = True
        try:
            self.clear_messages()
            self.ref.setText(party.ref if party else "")
            self.ref.setReadOnly(party is not None)
            self.ref.setToolTip(
                "The ref identifies the party in orders and the audit log; it cannot change."
                if party
                else ""
            )
            self.name.setText(party.name if party else "")
            self.aliases.setPlainText("\n".join(party.aliases) if party else "")
            self.address.setPlainText(party.address if party else "")
            self.country.set_code(party.country if party else None)
            self.hq_country.set_code(party.hq_country if party else None)
            self.parent_name.setText((party.parent_name or "") if party else "")
            self.parent_hq_country.set_code(party.parent_hq_country if party else None)
            role = party.role if party else Role.END_USER
            self.role.setCurrentIndex(self.role.findData(role.value))
            veu = party.veu if party else VeuStatus.NONE
            self.veu.setCurrentIndex(self.veu.findData(veu.value))
            self.veu_country.set_code(party.veu_country if party else None)
            self.veu_id.setText((party.veu_id or "") if party else "")
        finally:
            self._loading = False

    def build(self) -> Party | None:
        """The party the fields describe, or None with a message at each field in error."""
        self.clear_messages()
        values: dict[str, Any] = {
            "ref": self.ref.text().strip(),
            "name": self.name.text().strip(),
            "aliases": tuple(
                line.strip() for line in self.aliases.toPlainText().splitlines() if line.strip()
            ),
            "address": self.address.toPlainText().strip(),
            "parent_name": self.parent_name.text().strip() or None,
            "role": self.current_role(),
            "veu": self.current_veu(),
            # The authorization number belongs to a VEU holder only (a disabled field is cleared).
            "veu_id": (self.veu_id.text().strip() or None) if self.veu_id.isEnabled() else None,
        }
        ok = True
        for key, edit, required in (
            ("country", self.country, True),
            ("hq_country", self.hq_country, True),
            ("parent_hq_country", self.parent_hq_country, False),
            ("veu_country", self.veu_country, False),
        ):
            if not edit.isEnabled():
                values[key] = None
                continue
            try:
                values[key] = edit.code()
            except DomainError as error:
                self.messages[key].show_error(str(error))
                ok = False
                continue
            if values[key] is None and required:
                self.messages[key].show_error(f"{FIELD_LABELS[key]} is required")
                ok = False
        if values["veu"] is VeuStatus.NONE:
            values["veu_id"] = None
        for key in ("ref", "name"):
            if not values[key]:
                self.messages[key].show_error(f"{FIELD_LABELS[key]} is required")
                ok = False
        if not ok:
            return None
        try:
            return Party(**values)
        except ValidationError as error:
            for item, text in zip(
                error.errors(), validation_messages(error, FIELD_LABELS), strict=True
            ):
                location = [str(part) for part in item.get("loc", ()) if not isinstance(part, int)]
                target = location[0] if location and location[0] in self.messages else None
                if target is None and "veu_country" in text:
                    target = "veu_country"
                elif target is None and "parent" in text:
                    target = "parent_name"
                self.messages[target or "name"].show_error(
                    text.replace("veu_country", "the NVEU country").replace(
                        "parent_hq_country is given without parent_name",
                        "a parent headquarters needs the parent's name",
                    )
                )
            return None


class PartiesPage(Page):
    """Signals:
    list_loaded: the party list was (re)loaded (its row count).
    standing_loaded: the standing of the selected party was shown (its ref).
    party_saved: a party was created or changed (its ref).
    """

    title = "Parties"
    kinds = frozenset({"parties", "orders", "decisions", "paperwork", "all"})
    list_loaded = Signal(int)
    standing_loaded = Signal(str)
    party_saved = Signal(str)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("partiesPage")
        self._list = OneAtATime(context.jobs, self)
        """The party list: a newer search drops an older one's result."""
        self._standings = OneAtATime(context.jobs, self)
        """The standing shown: a party chosen meanwhile drops an earlier one's."""
        self._selected: Party | None = None
        self._creating = False
        self._dirty = False
        self._select_after_load: str | None = None

        self.model = PartyTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        set_up_list(self.table, "partiesTable", (112, 180, 64, 40, 134, 46, 54), stretch=1)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

        self.heading = QLabel("No party selected")
        self.heading.setObjectName("partyHeading")
        self.heading.setStyleSheet("font-size:14pt; font-weight:600;")
        self.heading.setWordWrap(True)
        self.subheading = QLabel()
        self.subheading.setObjectName("partySubheading")
        self.subheading.setWordWrap(True)
        self.subheading.setStyleSheet(hint_style())

        self.standing = StandingPanel()
        self.standing.show_orders_button.clicked.connect(self._on_show_orders_button_clicked)
        self.editor = PartyEditor()
        self.editor.edited.connect(self._on_editor_edited)
        self.save_button = QPushButton("Save")
        self.save_button.setObjectName("savePartyButton")
        self.save_button.setToolTip("Save the party (Ctrl+S)")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton("Revert")
        self.revert_button.setObjectName("revertPartyButton")
        self.revert_button.setToolTip("Discard the changes not saved yet")
        self.revert_button.clicked.connect(self.revert)
        self.save_message = FieldMessage()
        self.save_message.setObjectName("partySaveMessage")

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

        self.tabs = QTabWidget()
        self.tabs.setObjectName("partyTabs")
        self.tabs.addTab(self.standing, "Standing at a glance")
        self.tabs.addTab(details, "Details")

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
            sizes=(590, 550),
            stretch=(1, 1),
            name="partiesSplitter",
        )

        layout = self.page_layout()
        layout.addWidget(self._build_toolbar())
        layout.addWidget(splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.reload)
        self._set_dirty(False)
        self._show_nothing()

    # -- building -------------------------------------------------------------------------

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setObjectName("partiesToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_action = window_action(
            self,
            "New party…",
            "Ctrl+Shift+P",
            self.new_party,
            "newPartyAction",
            "Enter a new party",
        )
        self.save_action = window_action(
            self, "Save party", "Ctrl+S", self.save, "savePartyAction", "Save the party"
        )
        self.find_action = window_action(
            self, "Find", "Ctrl+F", self._on_find, "findPartyAction", "Search the parties"
        )
        bar.addAction(self.new_action)
        bar.addAction(self.save_action)
        return bar

    def _build_list(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("partySearch")
        self.search.setPlaceholderText("Search ref, name or alias…  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("partyCount")
        self.count_label.setStyleSheet(hint_style())
        row.addWidget(self.search, 1)
        row.addWidget(self.count_label)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        return box

    # -- the list -------------------------------------------------------------------------

    def _on_find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def reload(self) -> None:
        if self._list.later(self.reload):
            return
        text = self.search.text()
        queries = self.context.queries
        self.count_label.setText("Loading…")

        def work(progress: Any, cancel: CancelToken) -> list[PartySummary]:
            return queries.party_summaries(text)

        self._list.start(
            "load parties", work, on_success=self._on_list_loaded, on_failure=self._on_job_failed
        )
        if self._selected is not None and not self._creating:
            self._load_standing(self._selected.ref)

    def _on_list_loaded(self, rows: list[PartySummary]) -> None:
        keep = self._select_after_load or (self._selected.ref if self._selected else None)
        self._select_after_load = None
        header = self.table.horizontalHeader()
        self.model.set_rows(rows)
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        total = len(rows)
        self.count_label.setText(f"{total:,} part{'y' if total == 1 else 'ies'}")
        if keep is not None:
            row = self.model.row_of(keep)
            if row is not None:
                # Opens the party unless it is the one shown already.
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
            elif self._selected is None or self._selected.ref != keep:
                self._open_party(keep)
        self.list_loaded.emit(total)

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

    def _confirm_discard(self) -> bool:
        if not self._dirty:
            return True
        answer = QMessageBox.question(
            self,
            "Unsaved changes",
            "The party has changes that are not saved. Discard them?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard

    def _on_table_selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        record = self.model.record(indexes[0].row())
        if record is None:
            return
        if self._selected is not None and record.ref == self._selected.ref and not self._creating:
            return
        if not self._confirm_discard():
            self._reselect_current()
            return
        self._open_party(record.ref)

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

        def work(progress: Any, cancel: CancelToken) -> _Overview:
            standing = party_standing(context.db, context.catalog, ref, on=on)
            ids = context.queries.order_ids(OrderFilter(party_ref=ref))
            recent = context.queries.order_summaries(list(ids[:ORDERS_SHOWN]))
            return _Overview(standing=standing, order_count=len(ids), recent=recent)

        self._standings.start(
            f"standing of {ref}",
            work,
            on_success=self._on_standing_loaded,
            on_failure=self._on_job_failed,
        )

    def _on_standing_loaded(self, overview: _Overview) -> None:
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
            ROLE_LABELS[party.role],
            f"located in {describe_country(party.country)}",
            f"headquartered in {describe_country(party.hq_country)}",
        ]
        if party.parent_name:
            parent = party.parent_name
            if party.parent_hq_country:
                parent += f", {describe_country(party.parent_hq_country)}"
            facts.append(f"ultimate parent {parent}")
        if party.veu is not VeuStatus.NONE:
            facts.append(f"{party.veu.value.upper()} {party.veu_id or ''}".strip())
        self.subheading.setText(" · ".join(facts))

    def _show_nothing(self) -> None:
        self.heading.setText("No party selected")
        self.subheading.setText("Pick a party in the list, or press Ctrl+Shift+P for a new one.")
        self.standing.show_message("Select a party to see its standing.")
        self.editor.load(None)
        self.editor.setEnabled(False)
        self._set_dirty(False)

    # -- editing --------------------------------------------------------------------------

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty or self._creating)
        self.save_action.setEnabled(dirty or self._creating)
        self.revert_button.setEnabled(dirty)

    def _on_editor_edited(self) -> None:
        self.save_message.clear()
        self._set_dirty(True)

    def new_party(self) -> None:
        if not self._confirm_discard():
            return
        self._creating = True
        self._selected = None
        self.table.clearSelection()
        self.editor.setEnabled(True)
        self.editor.load(None)
        self.save_message.clear()
        self.heading.setText("New party")
        self.subheading.setText("Enter the party's details, then Save (Ctrl+S).")
        self.standing.show_message("The standing appears once the party is saved.")
        self.tabs.setCurrentIndex(1)
        self.tabs.setTabEnabled(0, False)
        self._set_dirty(False)
        self.editor.ref.setFocus()

    def revert(self) -> None:
        if self._creating:
            self.editor.load(None)
        else:
            self.editor.load(self._selected)
        self.save_message.clear()
        self._set_dirty(False)

    def save(self) -> None:
        """Save the editor: a new party directly, a change as an undoable command."""
        if not self._creating and self._selected is None:
            return
        party = self.editor.build()
        if party is None:
            self.save_message.show_error("Not saved: correct the fields marked above.")
            return
        if self._creating:
            self._create(party)
            return
        old = self._selected
        assert old is not None
        if party == old:
            self.save_message.show_note("No changes to save.")
            self._set_dirty(False)
            return
        command = EditPartyCommand(
            self.context.db,
            self.context.actor,
            old,
            party,
            on_applied=self._on_command_applied,
            on_failed=self._on_command_failed,
        )
        self.context.undo_stack.push(command)
        if command.error is None:
            self._selected = party
            self._set_dirty(False)
            self.save_message.show_note(f"Saved. Undo with Ctrl+Z ({command.text()}).")
            self.party_saved.emit(party.ref)

    def _create(self, party: Party) -> None:
        context = self.context
        self.save_button.setEnabled(False)
        self.save_message.show_note("Saving…")

        def work(progress: Any, cancel: CancelToken) -> str:
            add_party(context.db, party, actor=context.actor)
            return party.ref

        context.jobs.start(
            f"add party {party.ref}",
            work,
            on_success=self._on_created,
            on_failure=self._on_save_failed,
        )

    def _on_created(self, ref: str) -> None:
        self._creating = False
        self._set_dirty(False)
        self.save_message.show_note(f"Party {ref} created.")
        self.tabs.setTabEnabled(0, True)
        self._select_after_load = ref
        self._selected = None
        self.party_saved.emit(ref)
        self.context.events.records_changed.emit("parties")
        if not self.isVisible():
            self.reload()

    def _on_save_failed(self, message: str, is_bug: bool) -> None:
        # The fields stay as typed: the officer corrects and saves again.
        self._set_dirty(True)
        if is_bug:
            self.save_message.show_error("Not saved: an internal error occurred.")
            show_failure(self, message, True, self.context.log_file)
        else:
            self.save_message.show_error(f"Not saved: {message}")

    def _on_command_applied(self, ref: str) -> None:
        if self._selected is not None and self._selected.ref == ref and not self._creating:
            # After undo or redo the editor shows what is stored.
            self._load_standing(ref)
        self.context.events.records_changed.emit("parties")

    def _on_command_failed(self, message: str, is_bug: bool) -> None:
        self._on_save_failed(message, is_bug)

    # -- navigation -----------------------------------------------------------------------

    def _on_show_orders_button_clicked(self) -> None:
        if self._selected is None:
            return
        ref = self._selected.ref
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

    def _on_job_failed(self, message: str, is_bug: bool) -> None:
        self.count_label.setText("")
        show_failure(self, message, is_bug, self.context.log_file)
