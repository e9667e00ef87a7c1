"""Charts a person reads at a glance: horizontal bars of use against a limit.

Every chart here shows shares of a limit (100 % is the limit, drawn as a dashed line), with
the figure written in each category's label, a legend naming each colour, and an accessible
description; colour is never the only signal. Pages put a plain-text summary beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QFrame, QSizePolicy, QWidget

from gui.style import CHART_EXTRA, CHART_OTHERS, CHART_OURS, Tone, qcolour

OURS_COLOUR = CHART_OURS
OTHERS_COLOUR = CHART_OTHERS
EXTRA_COLOUR = CHART_EXTRA
NEAR_LIMIT = 0.9
"""From this share of a limit the summaries say "nearly used up" (a reading aid, not a rule)."""


@dataclass(frozen=True)
class BarPart:
    """One stacked part of every bar: its legend name, colour and a share per category."""

    name: str
    colour: str
    shares: Sequence[float]


@dataclass(frozen=True)
class BarRow:
    """One category: its label (figure included) and its parts' shares of its own limit."""

    label: str
    shares: Sequence[float]


def state_word(share: float) -> str:
    """Words (and a symbol) for how close a share is to its limit."""
    if share > 1.0 + 1e-9:
        return QCoreApplication.translate("LimitBarChart", "✕ over the limit")
    if share >= 1.0 - 1e-9:
        return QCoreApplication.translate("LimitBarChart", "■ limit reached")
    if share >= NEAR_LIMIT:
        return QCoreApplication.translate("LimitBarChart", "⚠ nearly used up")
    return ""


def paint_chart(chart: QChart) -> None:
    """Give a chart the palette's colours: its card, its title, legend and axes readable on it."""
    chart.setBackgroundBrush(QBrush(qcolour(Tone.CARD)))
    chart.setTitleBrush(QBrush(qcolour(Tone.HEADING)))
    chart.legend().setLabelColor(qcolour(Tone.TEXT))
    for axis in chart.axes():
        axis.setLabelsColor(qcolour(Tone.TEXT))
        axis.setTitleBrush(QBrush(qcolour(Tone.TEXT)))
        axis.setLinePenColor(qcolour(Tone.TRACK_BORDER))
        axis.setGridLineColor(qcolour(Tone.BORDER))


class LimitBarChart(QChartView):
    """Horizontal stacked bars, one per category, in percent of each category's limit."""

    ROW_HEIGHT = 30
    EXTRA_HEIGHT = 124
    MIN_HEIGHT = 190

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 12, 4))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setFont(QFont(chart.legend().font().family(), 9))
        super().__init__(chart, parent)
        self._chart = chart
        self._title = title
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(QBrush(qcolour(Tone.CARD)))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(title)
        self.setMinimumWidth(420)

    def chart_title(self) -> str:
        return self._title

    def show_rows(
        self,
        rows: Sequence[BarRow],
        parts: Sequence[tuple[str, str]],
        *,
        limit_label: str = "",
        description: str = "",
    ) -> None:
        """Draw ``rows`` (first row at the top); ``parts`` are (legend name, colour)."""
        limit_label = limit_label or self.tr("Limit (100 %)")
        chart = self._chart
        chart.removeAllSeries()
        for axis in list(chart.axes()):
            chart.removeAxis(axis)
        self.setAccessibleDescription(description)
        self.setToolTip(description)
        if not rows:
            self.setFixedHeight(self.EXTRA_HEIGHT)
            chart.setTitle(self.tr("{title}: nothing to show").format(title=self._title))
            return
        chart.setTitle("")
        ordered = list(reversed(rows))  # Qt draws the first category at the bottom
        series = QHorizontalStackedBarSeries()
        series.setBarWidth(0.62)
        for number, (name, colour) in enumerate(parts):
            bar_set = QBarSet(name)
            bar_set.setColor(QColor(colour))
            bar_set.setBorderColor(QColor(colour).darker(130))
            for row in ordered:
                bar_set.append(max(row.shares[number], 0.0) * 100.0)
            series.append(bar_set)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([row.label for row in ordered])
        categories.setLabelsFont(QFont(categories.labelsFont().family(), 9))
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        highest = max((sum(row.shares) for row in rows), default=0.0)
        top = 100.0 if highest <= 1.0 else min(highest * 100.0 * 1.05, 1000.0)
        values = QValueAxis()
        values.setRange(0.0, top)
        values.setLabelFormat("%.0f %%")
        values.setTickCount(6 if top <= 100.0 else 5)
        values.setTitleText(self.tr("share of the limit"))
        values.setTitleFont(QFont(values.titleFont().family(), 8))
        values.setLabelsFont(QFont(values.labelsFont().family(), 8))
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)

        # The limit as a dashed vertical line at 100 %, on a hidden axis spanning the bars.
        limit = QLineSeries()
        limit.setName(limit_label)
        pen = QPen(qcolour(Tone.ERROR))
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidth(2)
        limit.setPen(pen)
        limit.append(QPointF(100.0, -0.5))
        limit.append(QPointF(100.0, len(rows) - 0.5))
        chart.addSeries(limit)
        span = QValueAxis()
        span.setRange(-0.5, len(rows) - 0.5)
        span.setVisible(False)
        chart.addAxis(span, Qt.AlignmentFlag.AlignRight)
        limit.attachAxis(values)
        limit.attachAxis(span)
        paint_chart(chart)
        self.setFixedHeight(max(self.EXTRA_HEIGHT + self.ROW_HEIGHT * len(rows), self.MIN_HEIGHT))
