"""The quota report: country allocations, LPP per consignee, NVEU and UVEU, with charts."""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether

from domain.documents import DocumentKind, QuotaReportView, QuotaRow, Stamp
from domain.figures import fmt_number, fmt_tpp
from reports.base import ACCENT, ALERT, INK, MUTED, RULE, SHADE, DocumentPdf, day

AMBER = colors.HexColor("#B7791F")
BAR_OK = colors.HexColor("#2F6690")


def share(row: QuotaRow) -> float | None:
    """How much of its limit a row has used (1.0 = all of it); None without a limit."""
    if row.limit_tpp <= 0:
        return None
    return float(row.used_tpp / row.limit_tpp)


class QuotaReportPdf(DocumentPdf[QuotaReportView]):
    """Four sections, each a bar chart of use against the limit and a table of the figures."""

    chart_rows_per_drawing = 20
    bar_pitch = 8 * mm
    bar_height = 4.2 * mm
    chart_label_width = 58 * mm
    chart_value_width = 44 * mm
    label_size = 7.8

    @property
    def kind_label(self) -> str:
        return DocumentKind.QUOTA_REPORT.label

    def _title(self, view: QuotaReportView) -> str:
        return f"{DocumentKind.QUOTA_REPORT.label} {view.year} as of {day(view.as_of)}"

    def _story(self, view: QuotaReportView, stamp: Stamp) -> list[Flowable]:
        story: list[Flowable] = [
            self.heading(f"Quota report {view.year}", "title"),
            self.text(f"As of {day(view.as_of)}\nRuleset {view.ruleset}", "subtitle"),
        ]
        if view.enforcement_note:
            story.append(self.boxed([self.text(view.enforcement_note, "small")]))
        sections = (
            (
                "Country allocations (Tier 2)",
                "Country",
                view.country_allocations,
                "TPP",
                "No country allocation has been used.",
            ),
            (
                f"LPP receipts per consignee, {view.year}",
                "Consignee",
                view.lpp,
                "TPP",
                "No LPP receipts are recorded for the year.",
            ),
            (
                "NVEU installed base against the caps",
                "Holder and country",
                view.nveu,
                "TPP",
                "No NVEU holder has an installed base.",
            ),
            (
                "UVEU shares against the limits",
                "Holder and limit",
                view.uveu,
                "%",
                "No UVEU shares are recorded.",
            ),
        )
        for title, what, rows, unit, empty in sections:
            if not rows:
                story += [self.heading(title), self.text(empty, "muted")]
                continue
            charts = [
                self._chart(rows[start : start + self.chart_rows_per_drawing], unit)
                for start in range(0, len(rows), self.chart_rows_per_drawing)
            ]
            # The heading stays with the first chart; a short section stays in one piece.
            story.append(KeepTogether([self.heading(title), charts[0]]))
            story.extend(charts[1:])
            story.append(self._table(rows, what, unit))
        if stamp.chain_seq is not None and stamp.chain_head is not None:
            anchor = (
                f"The desk's audit chain stood at entry {stamp.chain_seq:,} when this report was "
                f"issued; its hash is {stamp.chain_head}."
            )
            if stamp.head_signature:
                anchor += f" Signed by the desk ({stamp.head_signature})."
            anchor += (
                " A record shortened or rewritten after this report no longer holds this entry "
                "with this hash: diffusion-desk audit verify names it."
            )
            story += [self.heading("Record anchor"), self.text(anchor, "small")]
        return story

    def _figure(self, value: Decimal | float, unit: str, *limits: Decimal | float) -> str:
        if unit == "%":
            return f"{fmt_number(value, *limits, decimals=1)} %"
        return f"{fmt_tpp(value, *limits)} TPP"

    def _table(self, rows: Sequence[QuotaRow], what: str, unit: str) -> Flowable:
        data = []
        for row in rows:
            used = share(row)
            data.append(
                (
                    row.label,
                    self._figure(row.used_tpp, unit, row.limit_tpp),
                    self._figure(row.limit_tpp, unit),
                    "—" if used is None else f"{fmt_number(used * 100, 100.0, decimals=1)} %",
                    row.detail,
                )
            )
        header = (what, "Used", "Limit", "Of limit", "Detail")
        return self.data_table(header, data, (35, 16, 17, 10, 22), right=(1, 2, 3))

    def _chart(self, rows: Sequence[QuotaRow], unit: str) -> Drawing:
        """Horizontal bars: the grey track is the limit, the bar what is used; a bar past
        the dashed limit line is over the limit."""
        body = self.fonts.body
        width = A4[0] - self.margin_left - self.margin_right
        pitch = self.bar_pitch
        axis = 6 * mm
        height = len(rows) * pitch + axis + 1 * mm
        drawing = Drawing(width, height, initialFontName=body)
        left = self.chart_label_width
        track = width - left - self.chart_value_width
        shares = [share(row) for row in rows]
        # Over-limit bars widen the scale to the next quarter, so the ticks stay apart.
        largest = max([1.0, *(value for value in shares if value is not None)])
        scale_top = math.ceil(largest * 4) / 4
        full = track / scale_top
        for index, (row, used) in enumerate(zip(rows, shares, strict=True)):
            y = height - (index + 1) * pitch + (pitch - self.bar_height) / 2
            lines = _wrap(row.label, body, self.label_size, left - 3 * mm)
            middle = y + self.bar_height / 2
            first = middle + (len(lines) - 1) * self.label_size * 0.55 - self.label_size * 0.35
            for number, line in enumerate(lines):
                x = 0.0
                # By script: the body font, or the fallback where it has no glyph.
                for font, chunk in self.fonts.body_runs(line):
                    drawing.add(
                        String(
                            x,
                            first - number * self.label_size * 1.1,
                            chunk,
                            fontName=font,
                            fontSize=self.label_size,
                            fillColor=INK,
                        )
                    )
                    x += stringWidth(chunk, font, self.label_size)
            drawing.add(
                Rect(
                    left,
                    y,
                    full,
                    self.bar_height,
                    fillColor=SHADE,
                    strokeColor=RULE,
                    strokeWidth=0.4,
                )
            )
            if used is not None:
                if row.bound == "min":  # at least the limit: reaching it is the good case
                    color = ALERT if row.breached else BAR_OK
                else:
                    color = ALERT if row.breached else AMBER if used >= 0.8 else BAR_OK
                bar = min(used, scale_top) * full
                if bar > 0:
                    drawing.add(
                        Rect(left, y, bar, self.bar_height, fillColor=color, strokeColor=None)
                    )
                if unit == "%":
                    figure = (
                        f"{self._figure(row.used_tpp, unit, row.limit_tpp)}, "
                        f"{'at least' if row.bound == 'min' else 'at most'} "
                        f"{self._figure(row.limit_tpp, unit)}"
                    )
                else:
                    figure = f"{used * 100:.1f} % of {self._figure(row.limit_tpp, unit)}"
            else:
                figure = f"{self._figure(row.used_tpp, unit)}, no limit"
            drawing.add(
                String(
                    left + track + 2.5 * mm,
                    middle - 2.6,
                    figure,
                    fontName=body,
                    fontSize=7.5,
                    fillColor=INK if used is not None and row.breached else MUTED,
                )
            )
        base = axis
        drawing.add(
            Line(
                left + full,
                base - 1 * mm,
                left + full,
                height,
                strokeColor=ACCENT,
                strokeWidth=0.9,
                strokeDashArray=[2, 1.5],
            )
        )
        marks = [0.0, 0.5, 1.0]
        if scale_top > 1.0:
            marks.append(scale_top)
        for mark in marks:
            x = left + mark * full
            drawing.add(
                Line(x, base - 1 * mm, x, base - 0.2 * mm, strokeColor=MUTED, strokeWidth=0.5)
            )
            drawing.add(
                String(
                    x,
                    1 * mm,
                    "limit" if mark == 1.0 else f"{mark * 100:.0f} %",
                    fontName=body,
                    fontSize=6.5,
                    fillColor=ACCENT if mark == 1.0 else MUTED,
                    textAnchor="middle",
                )
            )
        drawing.add(
            Line(
                left,
                base - 1 * mm,
                left + track,
                base - 1 * mm,
                strokeColor=MUTED,
                strokeWidth=0.5,
            )
        )
        return drawing


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """At most two lines that fit ``width``; the second ends in an ellipsis if cut."""
    lines = simpleSplit(text, font, size, width) or [""]
    if any(stringWidth(line, font, size) > width for line in lines):
        # Long words or unspaced CJK: cut by characters.
        lines = []
        current = ""
        for ch in text:
            if stringWidth(current + ch, font, size) > width:
                lines.append(current)
                current = ch.lstrip()
            else:
                current += ch
        lines.append(current)
    if len(lines) <= 2:
        return lines
    second = lines[1]
    while second and stringWidth(second + "…", font, size) > width:
        second = second[:-1]
    return [lines[0], second.rstrip() + "…"]
