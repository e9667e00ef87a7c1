"""Quotas: the shared limits at a glance, each as a chart with a plain-text summary beside it.

Tier 2 country allocations (ours and reported by others) against the ruleset's allocation,
the consignees that used most of their LPP limit this year, and each NVEU holder's installed
base against the quarter's cap. The figures and limits come from the read model
(``domain.services.quota_views``) under the ruleset in effect today; nothing is computed here
but the wording.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from domain.progress import CancelToken
from domain.services.quota_views import (
    AllocationView,
    LppView,
    NveuView,
    QuotaOverview,
    quota_overview,
)
from gui.changes import Record
from gui.charts import (
    EXTRA_COLOUR,
    NEAR_LIMIT,
    OTHERS_COLOUR,
    OURS_COLOUR,
    BarRow,
    LimitBarChart,
    state_word,
)
from gui.context import DeskContext
from gui.jobs import JobFunction
from gui.kit.widgets import make_label, named
from gui.pages.base import QT_TRANSLATE_NOOP, OverviewPage
from gui.style import Tone, colour, heading_style, hint_style, panel_style, percent, tpp


def _plain(html: str) -> str:
    """Rich text as a screen reader would say it."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def _state(share: float) -> str:
    word = state_word(share)
    return f" <b>{word}</b>." if word else ""


def _listed(intro: str, items: Iterable[tuple[str, str]]) -> str:
    """``intro``, then a bullet a row: what stands out, and under it the figures behind it."""
    bullets = "".join(
        f"<li>{said}<br><span style='color:{colour(Tone.HINT)}'>{figures}</span></li>"
        for said, figures in items
    )
    return f"{intro}<ul style='margin-left:-24px'>{bullets}</ul>"


def allocation_summary(view: AllocationView) -> str:
    if not view.countries:
        return QCoreApplication.translate(
            "QuotasPage",
            "No Tier 2 country has allocation used or a setting yet. Record what other "
            "exporters reported under Certifications & Licences → Countries.",
        )
    busiest = view.countries[0]
    crowded = [row for row in view.countries if row.share >= NEAR_LIMIT]
    return _listed(
        "<p>"
        + QCoreApplication.translate(
            "QuotasPage",
            "<b>{count}</b> Tier 2 countries tracked. Most used: <b>{name}</b> at {share}.",
        ).format(count=len(view.countries), name=escape(busiest.name), share=percent(busiest.share))
        + (
            QCoreApplication.translate("QuotasPage", " {count} at {share} or more.").format(
                count=len(crowded), share=percent(NEAR_LIMIT)
            )
            if len(crowded) > 1
            else ""
        )
        + "</p>",
        (
            (
                f"<b>{escape(row.name)}</b>"
                + (
                    QCoreApplication.translate("QuotasPage", " (G2G agreement)")
                    if row.g2g_agreement
                    else ""
                )
                + QCoreApplication.translate(
                    "QuotasPage", ": {share} used, <b>{left}</b> TPP left."
                ).format(share=percent(row.share), left=tpp(row.left_tpp))
                + _state(row.share),
                QCoreApplication.translate(
                    "QuotasPage", "ours {ours} + others {others} = {used} of {limit}"
                ).format(
                    ours=tpp(row.ours_tpp),
                    others=tpp(row.external_tpp),
                    used=tpp(row.used_tpp),
                    limit=tpp(row.limit_tpp),
                ),
            )
            for row in view.countries
        ),
    )


def lpp_summary(view: LppView) -> str:
    if not view.parties:
        return QCoreApplication.translate(
            "QuotasPage", "No consignee has LPP use in {year} yet."
        ).format(year=view.year)
    top = view.parties[0]
    return _listed(
        "<p>"
        + QCoreApplication.translate(
            "QuotasPage",
            "Top {count} consignees by LPP use in {year}. Highest: <b>{name}</b> at {share}.",
        ).format(
            count=len(view.parties), year=view.year, name=escape(top.name), share=percent(top.share)
        )
        + "</p>",
        (
            (
                f"<b>{escape(row.party_ref)}</b> {escape(row.name)}"
                + QCoreApplication.translate(
                    "QuotasPage", ": {share} used, <b>{left}</b> TPP left."
                ).format(share=percent(row.share), left=tpp(row.left_tpp))
                + _state(row.share)
                + (
                    ""
                    if row.certified
                    else " <i>"
                    + QCoreApplication.translate(
                        "QuotasPage", "(no LPP certification for the year)"
                    )
                    + "</i>"
                ),
                QCoreApplication.translate(
                    "QuotasPage", "prior {prior} + ours {ours} = {used} of {limit}"
                ).format(
                    prior=tpp(row.prior_receipts_tpp),
                    ours=tpp(row.shipped_tpp),
                    used=tpp(row.used_tpp),
                    limit=tpp(row.limit_tpp),
                ),
            )
            for row in view.parties
        ),
    )


def nveu_summary(view: NveuView) -> str:
    following = (
        QCoreApplication.translate(
            "QuotasPage", " From {date} ({period}) the cap is {cap} TPP."
        ).format(
            date=view.next_cap_from.isoformat(),
            period=escape(view.next_cap_label or ""),
            cap=tpp(view.next_cap_tpp),
        )
        if view.next_cap_from is not None and view.next_cap_tpp is not None
        else ""
    )
    head = (
        "<p>"
        + QCoreApplication.translate(
            "QuotasPage", "Cap for {period}: <b>{cap}</b> TPP per holder per country."
        ).format(period=escape(view.cap_label), cap=tpp(view.cap_tpp))
        + f"{following}</p>"
    )
    if not view.holders:
        return (
            head
            + "<p>"
            + QCoreApplication.translate("QuotasPage", "No party is a National VEU holder.")
            + "</p>"
        )
    return _listed(
        head,
        (
            (
                QCoreApplication.translate(
                    "QuotasPage",
                    "<b>{ref}</b> {name} in {country}: {share} of the cap, <b>{left}</b> TPP left.",
                ).format(
                    ref=escape(row.party_ref),
                    name=escape(row.name),
                    country=escape(row.country),
                    share=percent(row.share),
                    left=tpp(row.left_tpp),
                )
                + _state(row.share),
                QCoreApplication.translate(
                    "QuotasPage", "others {others} + ours {ours} = {installed} installed"
                ).format(
                    others=tpp(row.external_tpp),
                    ours=tpp(row.shipped_tpp),
                    installed=tpp(row.installed_tpp),
                ),
            )
            for row in view.holders
        ),
    )


def _bar(name: str, share: float, ours: Decimal, theirs: Decimal, limit: Decimal) -> BarRow:
    """A bar of ours and theirs, each as a share of the ``limit``, labelled with the share."""
    return BarRow(f"{name} · {percent(share)}", (float(ours / limit), float(theirs / limit)))


class QuotaSection(QFrame):
    """A titled chart with its summary beside it."""

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setStyleSheet(panel_style(name, Tone.CARD))
        self.heading = make_label(title, style=heading_style(12, extra="border:none;"))
        self.subtitle = make_label(style=hint_style() + " border:none;", wrap=True)
        self.chart = named(LimitBarChart(title), f"{name}Chart")
        self.summary = make_label(name=f"{name}Summary", wrap=True, selectable=True, rich=True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setStyleSheet("border:none;")
        self.summary.setMinimumWidth(360)
        self.summary.setAccessibleName(self.tr("{title}: summary").format(title=title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.chart, 3, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.summary, 2)
        layout.addLayout(row)

    def show_figures(
        self,
        subtitle: str,
        summary_html: str,
        bars: Sequence[BarRow],
        parts: Sequence[tuple[str, str]],
        **chart: str,
    ) -> None:
        """The chart of ``bars`` (``parts`` name their colours), the subtitle and the summary
        beside the chart, which is also what the chart says to a screen reader."""
        self.chart.show_rows(bars, parts, description=_plain(summary_html), **chart)
        self.subtitle.setText(subtitle)
        self.summary.setText(summary_html)
        plain = _plain(summary_html)
        self.summary.setAccessibleDescription(plain)

    def summary_text(self) -> str:
        return _plain(self.summary.text())


class QuotasPage(OverviewPage[QuotaOverview]):
    """Signals:
    loaded: the quotas were (re)read and shown.
    """

    title = QT_TRANSLATE_NOOP("QuotasPage", "Quotas")
    shows = frozenset({Record.PAPERWORK, Record.DECISIONS, Record.ORDERS, Record.PARTIES})
    what = QT_TRANSLATE_NOOP("QuotasPage", "the quotas")

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("quotasPage")
        self.overview: QuotaOverview | None = None
        self.heading = make_label(
            self.tr("Loading…"), name="quotasHeading", style=hint_style(), wrap=True
        )
        self.status = self.heading
        self.allocations = QuotaSection("allocations", self.tr("Tier 2 country allocations"))
        self.lpp = QuotaSection("lpp", self.tr("LPP use this year: top consignees"))
        self.nveu = QuotaSection("nveu", self.tr("NVEU installed base against the quarterly cap"))
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(12, 10, 12, 12)
        column.setSpacing(12)
        column.addWidget(self.heading)
        column.addWidget(self.allocations)
        column.addWidget(self.lpp)
        column.addWidget(self.nveu)
        column.addStretch(1)
        scroll = named(QScrollArea(), "quotasScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def read(self) -> tuple[str, JobFunction]:
        db, catalog, today = self.context.db, self.context.catalog, self.context.today()

        def work(progress: Any, cancel: CancelToken) -> QuotaOverview:
            return quota_overview(db, catalog, on=today)

        return "load quotas", work

    def _on_loaded(self, overview: QuotaOverview) -> None:
        self.overview = overview
        allocations, lpp, nveu = overview.allocations, overview.lpp, overview.nveu
        self.heading.setText(
            self.tr(
                "Standing on {date} under ruleset {ruleset}. Each bar is a share of its own "
                "limit; the dashed line is the limit. Limits are inclusive: reaching one is "
                "allowed, passing it is not."
            ).format(date=overview.on.isoformat(), ruleset=allocations.ruleset)
        )
        self.allocations.show_figures(
            self.tr(
                "{base} TPP per Tier 2 country, {g2g} with a government-to-government "
                "agreement, {start} to {end} ({rule})."
            ).format(
                base=tpp(allocations.base_tpp),
                g2g=tpp(allocations.g2g_limit_tpp),
                start=allocations.period_start.isoformat(),
                end=allocations.period_end.isoformat(),
                rule=allocations.rule,
            )
            + f" {allocations.note}",
            allocation_summary(allocations),
            [
                _bar(f"{r.name} ({r.country})", r.share, r.ours_tpp, r.external_tpp, r.limit_tpp)
                for r in allocations.countries
            ],
            [
                (self.tr("Ours (licensed)"), OURS_COLOUR),
                (self.tr("Reported by other exporters"), OTHERS_COLOUR),
            ],
        )
        self.lpp.heading.setText(self.tr("LPP use in {year}: top consignees").format(year=lpp.year))
        self.lpp.show_figures(
            self.tr(
                "Limit {limit} TPP per ultimate consignee per calendar year ({rule}); prior "
                "receipts from the consignee's LPP certification count toward it."
            ).format(limit=tpp(lpp.limit_tpp), rule=lpp.rule),
            lpp_summary(lpp),
            [
                _bar(r.party_ref, r.share, r.shipped_tpp, r.prior_receipts_tpp, r.limit_tpp)
                for r in lpp.parties
            ],
            [
                (self.tr("Our LPP shipments"), OURS_COLOUR),
                (self.tr("Prior receipts (certified)"), EXTRA_COLOUR),
            ],
        )
        self.nveu.show_figures(
            self.tr(
                "Cumulative installed base per holder per country, capped by quarter of the "
                "shipment date ({rule})."
            ).format(rule=nveu.rule),
            nveu_summary(nveu),
            [
                _bar(
                    self.tr("{ref} in {country}").format(ref=r.party_ref, country=r.country),
                    r.share,
                    r.shipped_tpp,
                    r.external_tpp,
                    r.cap_tpp,
                )
                for r in nveu.holders
            ],
            [
                (self.tr("Our NVEU shipments"), OURS_COLOUR),
                (self.tr("Installed from other sources"), OTHERS_COLOUR),
            ],
            limit_label=self.tr("Cap for {period} (100 %)").format(period=nveu.cap_label),
        )
