"""A decision as an officer reads it: badge, authorizations, lines, findings, provenance."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain.countries import country_name
from domain.decision import Decision, Finding
from domain.figures import figure_text
from domain.model import ShippedUnit
from domain.services.views import OrderDetail
from gui.kit.widgets import make_label
from gui.style import (
    Tone,
    badge_stylesheet,
    badge_text,
    colour,
    error_style,
    heading_style,
    hint_style,
    note_style,
    text_style,
    tpp,
)

SEVERITY_LABEL = {"block": "Decisive", "warning": "Warning", "info": "Note"}
SEVERITY_TONE = {"block": Tone.ERROR, "warning": Tone.WARNING, "info": Tone.INFO}


def order_parties(detail: OrderDetail, *, country_names: bool = True) -> str:
    """The order's date, consignee, destination (with ``country_names``, as a name and a
    code) and any separate end user, on one line."""
    order = detail.stored.order
    destination = order.destination or detail.consignee.country
    where = f"{country_name(destination)} ({destination})" if country_names else destination
    parties = (
        f"{order.date.isoformat()} · {detail.consignee.name} ({detail.consignee.ref}) → {where}"
    )
    if detail.end_user is not None:
        parties += f" · end user {detail.end_user.name} ({detail.end_user.ref})"
    return parties


class FindingCard(QFrame):
    def __init__(self, finding: Finding, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingCard")
        severity = colour(SEVERITY_TONE[finding.severity])
        self.setStyleSheet(
            f"QFrame#findingCard {{ border:1px solid {colour(Tone.BORDER)};"
            f" border-left:4px solid {severity}; border-radius:3px;"
            f" background:{colour(Tone.CARD)}; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        head = QLabel(
            f"<b style='color:{severity}'>{SEVERITY_LABEL[finding.severity]}</b> · "
            f"<b>{escape(finding.code.heading)}</b> · "
            f"<span style='color:{colour(Tone.HINT)}'>{escape(finding.rule)}</span>"
        )
        head.setTextFormat(Qt.TextFormat.RichText)
        head.setToolTip(f"Finding code: {finding.code.value} (as the record and the CSV keep it)")
        head.setWordWrap(True)
        message = make_label(finding.message, wrap=True, selectable=True)
        layout.addWidget(head)
        layout.addWidget(message)
        figures = {key: value for key, value in finding.figures.items() if value is not None}
        if figures:
            text = " · ".join(figure_text(key, value) for key, value in figures.items())
            shown = make_label(text, style=hint_style("font-size:9pt;"), wrap=True)
            layout.addWidget(shown)


class DecisionView(QScrollArea):
    """Shows one order's decision (or its unrecorded preview) and the decisions before it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionView")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(16, 12, 16, 12)
        self._layout.setSpacing(8)
        self.setWidget(self._body)
        self.badge = make_label(name="outcomeBadge")
        self.show_empty()

    def _clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                # Hidden and detached at once: deleteLater alone leaves it painted until the
                # event loop gets round to it.
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()

    def show_empty(self) -> None:
        self._clear()
        hint = make_label(
            "Select an order to see its decision and the rules behind it.",
            style=hint_style(),
            wrap=True,
        )
        self._layout.addWidget(hint)
        self._layout.addStretch(1)

    def _heading(self, text: str) -> QLabel:
        return make_label(text, style=heading_style(extra="margin-top:6px;"))

    def _text(self, text: str, style: str = "") -> QLabel:
        label = make_label(text, wrap=True, selectable=True)
        if style:
            label.setStyleSheet(style)
        return label

    def show_detail(self, detail: OrderDetail) -> None:
        self._clear()
        order = detail.stored.order
        latest = detail.latest
        decision: Decision | None = latest.decision if latest else detail.preview
        title = make_label(
            f"{order.ref}", name="orderTitle", style="font-size:15pt; font-weight:600;"
        )
        self._layout.addWidget(title)
        self._layout.addWidget(self._text(order_parties(detail), text_style(Tone.TEXT)))

        cancelled = detail.stored.status.value == "cancelled"
        outcome = (
            "cancelled" if cancelled else (decision.outcome.value if latest and decision else None)
        )
        self.badge = make_label(
            badge_text(outcome), name="outcomeBadge", style=badge_stylesheet(outcome)
        )
        self.badge.setMaximumWidth(260)
        self._layout.addWidget(self.badge)
        if cancelled and detail.cancellation is not None:
            entry = detail.cancellation
            reason = detail.cancel_reason
            self._layout.addWidget(
                self._text(
                    f"Cancelled by {escape(entry.actor)} on {entry.at:%Y-%m-%d %H:%M} UTC"
                    + (f": “{escape(reason)}”" if reason else " (no reason recorded)")
                    + f" · audit entry #{entry.seq}",
                    text_style(Tone.TEXT),
                )
            )

        if latest is None and decision is not None:
            self._layout.addWidget(
                self._text(
                    f"Preview, not recorded: a check now would decide "
                    f"<b>{decision.outcome.label}</b>. Press Check to record it.",
                    note_style(),
                )
            )
        if detail.preview_error:
            self._layout.addWidget(self._text(detail.preview_error, error_style()))
        if decision is None:
            self._show_shipments(detail.shipments)
            self._layout.addStretch(1)
            return

        if decision.authorizations:
            names = ", ".join(item.label for item in decision.authorizations)
            self._layout.addWidget(self._text(f"Authorized under: <b>{names}</b>"))
        self._layout.addWidget(
            self._text(
                f"a-level TPP {tpp(decision.a_level_tpp)} · destination Tier "
                f"{decision.destination_tier} · ruleset {decision.ruleset}",
                text_style(Tone.TEXT),
            )
        )
        self._layout.addWidget(self._heading("Lines"))
        lines = QTableWidget(len(decision.lines), 5)
        lines.setMinimumWidth(0)
        lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        lines.setObjectName("decisionLines")
        lines.setHorizontalHeaderLabels(["Product", "Qty", "ECCN", "Unit TPP", "Line TPP"])
        lines.verticalHeader().setVisible(False)
        lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, line in enumerate(decision.lines):
            values = [
                f"{line.product_name} ({line.product_ref})",
                f"{line.quantity:,}",
                line.eccn or "not controlled",
                tpp(line.unit_tpp),
                tpp(line.line_tpp),
            ]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(line.reason)
                if column:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                lines.setItem(row, column, cell)
        header = lines.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        lines.setFixedHeight(min(34 + 30 * len(decision.lines), 200))
        self._layout.addWidget(lines)

        self._layout.addWidget(self._heading(f"Findings ({len(decision.findings)})"))
        ordered = sorted(
            decision.findings,
            key=lambda finding: {"block": 0, "warning": 1, "info": 2}[finding.severity],
        )
        for finding in ordered:
            self._layout.addWidget(FindingCard(finding))

        if latest is not None:
            self._layout.addWidget(self._heading("Record"))
            self._layout.addWidget(
                self._text(
                    f"Decision {latest.id} (#{latest.seq} for this order) by "
                    f"{latest.decided_by} on {latest.decided_at:%Y-%m-%d %H:%M} UTC "
                    f"under {decision.ruleset}.<br>"
                    f"Content hash <code>{latest.content_hash[:32]}…</code>",
                    text_style(Tone.TEXT),
                )
            )
        earlier = detail.history[:-1]
        if earlier:
            self._layout.addWidget(self._heading("Superseded decisions"))
            for item in reversed(earlier):
                state = "quota released" if item.released else "no quota held"
                self._layout.addWidget(
                    self._text(
                        f"#{item.seq} {item.decision.outcome.label} by {item.decided_by} on "
                        f"{item.decided_at:%Y-%m-%d %H:%M} UTC ({state})",
                        hint_style(),
                    )
                )
        resolution = order.red_flag_28_resolution
        if resolution is not None:
            self._layout.addWidget(self._heading("Red Flag 28"))
            self._layout.addWidget(
                self._text(
                    f"Resolved by {resolution.resolved_by} on {resolution.resolved_on}: "
                    f"{resolution.note}"
                )
            )
        if detail.checklists:
            last = detail.checklists[-1]
            flagged = [question for question, answer in last.answers.items() if answer]
            self._layout.addWidget(self._heading("Know-your-customer checklist"))
            self._layout.addWidget(
                self._text(
                    f"Answered by {last.answered_by} on {last.answered_at:%Y-%m-%d}: "
                    + (f"{len(flagged)} red flag(s) raised." if flagged else "no red flags raised.")
                )
            )
        self._show_shipments(detail.shipments)
        self._layout.addStretch(1)

    def _show_shipments(self, units: tuple[ShippedUnit, ...]) -> None:
        """Each shipment of the order with its day and what it held, then every serial."""
        if not units:
            return
        shipments: dict[str, list[ShippedUnit]] = {}
        for unit in units:
            shipments.setdefault(unit.shipment_ref, []).append(unit)
        self._layout.addWidget(self._heading(f"Shipments ({len(shipments)})"))
        for shipment_ref, held in shipments.items():
            counts: dict[str, int] = {}
            for unit in held:
                counts[unit.product_ref] = counts.get(unit.product_ref, 0) + 1
            what = ", ".join(f"{count:,} × {product}" for product, count in counts.items())
            self._layout.addWidget(
                self._text(
                    f"<b>{escape(shipment_ref)}</b> shipped {held[0].shipped_on.isoformat()}: "
                    f"{escape(what)}",
                    text_style(Tone.TEXT),
                )
            )
        table = QTableWidget(len(units), 4)
        table.setObjectName("shipmentSerials")
        table.setAccessibleName("Serial numbers shipped on this order")
        table.setHorizontalHeaderLabels(["Shipment", "Shipped", "Product", "Serial"])
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, unit in enumerate(units):
            values = (unit.shipment_ref, unit.shipped_on.isoformat(), unit.product_ref, unit.serial)
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        header = table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.setFixedHeight(min(34 + 30 * len(units), 240))
        self._layout.addWidget(table)
