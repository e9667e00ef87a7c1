"""A party's standing at a glance: LPP, AIA, VEU footprint, licences and its orders."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain.queries import OrderSummary
from domain.rules.positions import LimitCheck, VeuPosition
from domain.services.catalog_views import veu_limit_checks
from domain.services.field_audit import VisitLine
from domain.services.standing import PartyStanding
from gui.charts import OURS_COLOUR, paint_chart
from gui.kit.bars import FigureBar, used_text
from gui.kit.pickers import describe_country
from gui.kit.widgets import make_button, make_label, named
from gui.style import Tone, badge_colours, badge_text, hint_style, percent, qcolour, tpp

ORDERS_SHOWN = 8
"""How many of a party's latest orders its standing lists."""


def _fit_rows(table: QTableWidget) -> None:
    """Size a short table to show all its rows without a scroll bar."""
    rows = table.rowCount()
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(header + rows * table.verticalHeader().defaultSectionSize() + 4)


@dataclass(frozen=True)
class PartyOverview:
    """A party's standing with its latest orders."""

    standing: PartyStanding
    order_count: int
    recent: list[OrderSummary]
    visits: Sequence[VisitLine] = ()


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
        chart.setTitle(self.tr("Share of installed a-level TPP, by country"))
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
        shares = QBarSet(self.tr("Share"))
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
        axis_x.setTitleText(self.tr("% of installed TPP"))
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

        self.summary = make_label(name="standingSummary", style=hint_style(), wrap=True)
        layout.addWidget(self.summary)

        self.lpp_bar = named(FigureBar(), "lppBar")
        self.lpp_caption = self._caption("lppCaption")
        self.lpp_group = self._group(
            layout, self.tr("LPP this year"), self.lpp_bar, self.lpp_caption
        )

        self.aia_bar = named(FigureBar(), "aiaBar")
        self.aia_caption = self._caption("aiaCaption")
        self.aia_group = self._group(
            layout, self.tr("AIA cumulative"), self.aia_bar, self.aia_caption
        )

        self.veu_caption = self._caption("veuCaption")
        self.nveu_bar = named(FigureBar(), "nveuBar")
        self.veu_chart = VeuChart()
        self.veu_limits = self._caption("veuLimits")
        self.veu_group = self._group(
            layout,
            self.tr("VEU footprint"),
            self.veu_caption,
            self.nveu_bar,
            self.veu_chart,
            self.veu_limits,
        )

        self.licences = self._table(
            "licenceTable",
            [
                self.tr("Licence"),
                self.tr("Destination"),
                self.tr("Covers"),
                self.tr("Authorized TPP"),
                self.tr("Left"),
                self.tr("Valid"),
            ],
        )
        self.no_licences = self._caption("noLicences")
        self.licence_group = self._group(
            layout, self.tr("Licences"), self.licences, self.no_licences
        )

        self.orders = self._table(
            "partyOrders",
            [self.tr("Order"), self.tr("Date"), self.tr("Destination"), self.tr("Decision")],
        )
        self.orders_group = self._group(layout, self.tr("Orders"), self.orders)
        self.show_orders_button = make_button(
            self.tr("Show all orders of this party"), "showOrdersButton"
        )
        group_layout = self.orders_group.layout()
        assert isinstance(group_layout, QVBoxLayout)
        group_layout.addWidget(self.show_orders_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.visits = self._table(
            "partyVisits",
            [
                self.tr("Visit"),
                self.tr("Signed off"),
                self.tr("Site"),
                self.tr("Auditor"),
                self.tr("Discrepancies"),
                self.tr("Status"),
            ],
        )
        self.no_visits = self._caption("noVisits")
        self.resolve_button = make_button(
            self.tr("Record how the discrepancies were resolved…"),
            "resolveVisitButton",
            tip=self.tr(
                "The party's orders stay held until the officer records a resolution (audited)"
            ),
        )
        self.open_visit: int | None = None
        """The newest visit whose discrepancies are open (the one the button resolves)."""
        self.visits_group = self._group(
            layout, self.tr("Field audits"), self.visits, self.no_visits, self.resolve_button
        )
        layout.addStretch(1)
        self.show_message(self.tr("Select a party to see its standing."))

    def _caption(self, name: str) -> QLabel:
        return make_label(name=name, style=hint_style(), wrap=True, selectable=True)

    @staticmethod
    def _group(layout: QVBoxLayout, title: str, *widgets: QWidget) -> QGroupBox:
        """A titled group of ``widgets``, added to ``layout``."""
        group = QGroupBox(title)
        column = QVBoxLayout(group)
        for widget in widgets:
            column.addWidget(widget)
        layout.addWidget(group)
        return group

    @staticmethod
    def _table(name: str, headers: list[str]) -> QTableWidget:
        """A short table that shows all its rows, to read, not to select in."""
        table = named(QTableWidget(0, len(headers)), name)
        table.setHorizontalHeaderLabels(headers)
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
        return table

    def _groups(self) -> tuple[QGroupBox, ...]:
        return (
            self.lpp_group,
            self.aia_group,
            self.veu_group,
            self.licence_group,
            self.orders_group,
            self.visits_group,
        )

    def show_message(self, text: str) -> None:
        self.summary.setText(text)
        for group in self._groups():
            group.setVisible(False)

    def show_overview(self, overview: PartyOverview) -> None:
        standing = overview.standing
        party = standing.party
        self.summary.setText(
            self.tr(
                "Standing on {date} under ruleset {ruleset}. Figures count a-level TPP only."
            ).format(date=standing.on.isoformat(), ruleset=standing.ruleset)
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
        self._show_visits(overview.visits, party.ref)

    @staticmethod
    def _unavailable(exception: str, why: str | None, bar: FigureBar, caption: QLabel) -> bool:
        """Whether the ``exception`` can never apply (``why``): then its caption says so, and
        no bar shows a figure of what is "left"."""
        bar.setVisible(why is None)
        if why is not None:
            caption.setText(
                QCoreApplication.translate(
                    "StandingPanel", "{exception} cannot be used: {why}."
                ).format(exception=exception, why=why)
            )
        return why is not None

    def _show_lpp(self, standing: PartyStanding) -> None:
        lpp = standing.lpp
        self.lpp_group.setTitle(
            QCoreApplication.translate("StandingPanel", "LPP {year} · {rule}").format(
                year=lpp.year, rule=lpp.rule
            )
        )
        if self._unavailable("LPP", lpp.unavailable, self.lpp_bar, self.lpp_caption):
            return
        self.lpp_bar.set_figures(
            lpp.used_tpp, lpp.limit_tpp, used_text(lpp.used_tpp, lpp.limit_tpp)
        )
        certified = (
            self.tr("LPP certification for {year} on file (prior receipts {prior} TPP).")
            if lpp.certified
            else self.tr(
                "No LPP certification for {year} on file: LPP cannot be used until one is."
            )
        ).format(year=lpp.year, prior=tpp(lpp.prior_receipts_tpp))
        self.lpp_caption.setText(
            self.tr(
                "Prior receipts {prior} + our LPP shipments {shipped} in {year}, against the limit "
                "of {limit} TPP per consignee per calendar year."
            ).format(
                prior=tpp(lpp.prior_receipts_tpp),
                shipped=tpp(lpp.shipped_tpp),
                year=lpp.year,
                limit=tpp(lpp.limit_tpp),
            )
            + f" {certified}"
        )

    def _show_aia(self, standing: PartyStanding) -> None:
        aia = standing.aia
        self.aia_group.setTitle(self.tr("AIA cumulative") + f" · {aia.rule}")
        if self._unavailable("AIA", aia.unavailable, self.aia_bar, self.aia_caption):
            return
        threshold = aia.bis_submission_from_tpp
        self.aia_bar.set_figures(
            aia.cumulative_tpp,
            threshold,
            self.tr("{used} of {limit} TPP").format(
                used=tpp(aia.cumulative_tpp), limit=tpp(threshold)
            ),
        )
        certification = aia.certification
        if certification is None:
            paper = self.tr(
                "No AIA certification on file: AIA cannot be used until one is recorded."
            )
        else:
            state = self.tr("in force") if aia.in_force else self.tr("not in force")
            if certification.revoked_on is not None:
                state += self.tr(" (revoked {date})").format(
                    date=certification.revoked_on.isoformat()
                )
            filed = (
                self.tr("submitted to BIS on {date}").format(
                    date=certification.submitted_to_bis_on.isoformat()
                )
                if certification.submitted_to_bis_on
                else self.tr("not yet submitted to BIS")
            )
            paper = self.tr("AIA certification signed {date}, {state}; {filed}.").format(
                date=certification.signed_on.isoformat(), state=state, filed=filed
            )
        to_go = (
            self.tr(
                "Cumulative AIA shipments, all time. {left} TPP to go before the AIA "
                "certification must have been submitted to BIS ({threshold} TPP)."
            )
            if aia.cumulative_tpp < threshold
            else self.tr(
                "Cumulative AIA shipments, all time. Threshold reached: the AIA certification "
                "must have been submitted to BIS ({threshold} TPP)."
            )
        ).format(left=tpp(threshold - aia.cumulative_tpp), threshold=tpp(threshold))
        self.aia_caption.setText(f"{to_go} {paper}")

    def _show_veu(self, veu: VeuPosition) -> None:
        number = veu.veu_id or self.tr("(no authorization number)")
        holder = f"{veu.status.value.upper()} {number}"
        self.veu_group.setTitle(self.tr("VEU footprint") + f" · {veu.rule}")
        caption = (
            self.tr(
                "{holder}: {tpp} TPP installed in 1 country (other sources plus our VEU shipments)."
            )
            if len(veu.shares) == 1
            else self.tr(
                "{holder}: {tpp} TPP installed in {count} countries (other sources plus our VEU "
                "shipments)."
            )
        ).format(holder=holder, tpp=tpp(veu.total_tpp), count=len(veu.shares))
        is_nveu = veu.nveu_cap_tpp is not None and veu.veu_country is not None
        self.nveu_bar.setVisible(is_nveu)
        if is_nveu:
            assert veu.nveu_cap_tpp is not None
            installed = veu.nveu_installed_tpp or 0.0
            self.nveu_bar.set_figures(
                installed, veu.nveu_cap_tpp, used_text(installed, veu.nveu_cap_tpp)
            )
            caption += self.tr(
                " Installed base in {country} against the cumulative NVEU cap for {period}:"
            ).format(country=describe_country(veu.veu_country or ""), period=veu.nveu_cap_label)
        self.veu_caption.setText(caption)
        checks = veu_limit_checks(veu)
        self.veu_chart.setVisible(bool(checks))
        if checks:
            self.veu_chart.show_checks(checks)
            lines = [
                (
                    (self.tr("✓ within") if check.holds else self.tr("✕ outside"))
                    + f": {check.label} {percent(check.share)} ("
                    + (
                        self.tr("at least {limit})")
                        if check.bound == "min"
                        else self.tr("at most {limit})")
                    ).format(limit=percent(check.limit))
                )
                for check in checks
            ]
            self.veu_limits.setText(
                self.tr("UVEU limits after each shipment:") + "\n" + "\n".join(lines)
            )
        elif is_nveu:
            self.veu_limits.setText(
                self.tr(
                    "An NVEU holder's installed base in its authorized country must stay within "
                    "the cumulative cap of the shipment's quarter."
                )
            )
        else:
            self.veu_limits.setText(self.tr("No footprint recorded yet."))

    def _show_licences(self, standing: PartyStanding) -> None:
        licences = standing.licenses
        self.licences.setRowCount(len(licences))
        for row, licence in enumerate(licences):
            weights = licence.covers == "model_weights"
            values = [
                licence.number,
                describe_country(licence.destination),
                self.tr("Model weights") if weights else self.tr("a-level ICs/systems"),
                "—" if weights else tpp(licence.tpp),
                "—" if weights else tpp(licence.left_tpp),
                self.tr("{start} to {end}").format(
                    start=licence.valid_from.isoformat(), end=licence.valid_to.isoformat()
                )
                + ("" if licence.valid_on else self.tr(" (not valid today)")),
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
        self.no_licences.setText(self.tr("No licences on file for this party."))

    def _show_orders(self, overview: PartyOverview, ref: str) -> None:
        recent = overview.recent
        self.orders_group.setTitle(
            self.tr("Orders ({count})").format(count=f"{overview.order_count:,}")
            + (
                self.tr(", latest {count}").format(count=len(recent))
                if overview.order_count > len(recent)
                else ""
            )
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
        self.show_orders_button.setToolTip(
            self.tr("Open the Orders page filtered by {ref}").format(ref=ref)
        )

    def _show_visits(self, visits: Sequence[VisitLine], ref: str) -> None:
        """Merged kits, newest first; open discrepancies (which hold the party's orders) in
        the colour of a hold."""
        self.visits.setRowCount(len(visits))
        self.open_visit = next((line.visit.id for line in visits if line.open), None)
        self.resolve_button.setVisible(self.open_visit is not None)
        if self.open_visit is not None:
            self.resolve_button.setText(
                self.tr("Record how the discrepancies of visit {visit} were resolved…").format(
                    visit=self.open_visit
                )
            )
        for row, line in enumerate(visits):
            visit = line.visit
            if line.open:
                status, tone = self.tr("open: orders held"), "hold"
            elif line.resolution is not None:
                resolved = line.resolution.resolved_at.date().isoformat()
                status, tone = self.tr("resolved {date}").format(date=resolved), ""
            else:
                status, tone = self.tr("no discrepancies"), ""
            values = [
                str(visit.id),
                visit.closed_at.date().isoformat(),
                visit.site,
                visit.auditor,
                f"{visit.discrepancies:,}",
                status,
            ]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column == 4:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if column == 5 and tone:
                    background, text = badge_colours(tone)
                    cell.setBackground(background)
                    cell.setForeground(text)
                if column == 5 and line.resolution is not None:
                    cell.setToolTip(line.resolution.resolution)
                self.visits.setItem(row, column, cell)
        self.visits.setVisible(bool(visits))
        _fit_rows(self.visits)
        self.no_visits.setVisible(not visits)
        self.no_visits.setText(
            self.tr(
                "No field audit of {ref} has been merged. A kit (`kit export`) takes the desk "
                "to the site; `kit merge` brings the visit back."
            ).format(ref=ref)
        )
