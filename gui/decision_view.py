"""A decision as an officer reads it: badge, authorizations, lines, findings, provenance."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
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
from gui.kit.dates import day_text, moment_text
from gui.kit.numbers import grouped
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
    outcome_label,
    text_style,
    tpp,
)


def severity_label(severity: str) -> str:
    """A finding's weight as the card names it."""
    translate = QCoreApplication.translate
    return {
        "block": translate("FindingCard", "Decisive"),
        "warning": translate("FindingCard", "Warning"),
        "info": translate("FindingCard", "Note"),
    }[severity]


SEVERITY_TONE = {"block": Tone.ERROR, "warning": Tone.WARNING, "info": Tone.INFO}


def order_parties(detail: OrderDetail, *, country_names: bool = True) -> str:
    """The order's date, consignee, destination (with ``country_names``, as a name and a
    code) and any separate end user, on one line."""
    order = detail.stored.order
    destination = order.destination or detail.consignee.country
    where = f"{country_name(destination)} ({destination})" if country_names else destination
    parties = f"{day_text(order.date)} · {detail.consignee.name} ({detail.consignee.ref}) → {where}"
    if detail.end_user is not None:
        parties += " · " + QCoreApplication.translate(
            "DecisionView", "end user {name} ({ref})"
        ).format(name=detail.end_user.name, ref=detail.end_user.ref)
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
            f"<b style='color:{severity}'>{severity_label(finding.severity)}</b> · "
            f"<b>{escape(finding.code.heading)}</b> · "
            f"<span style='color:{colour(Tone.HINT)}'>{escape(finding.rule)}</span>"
        )
        head.setTextFormat(Qt.TextFormat.RichText)
        head.setToolTip(
            self.tr("Finding code: {code} (as the record and the CSV keep it)").format(
                code=finding.code.value
            )
        )
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
            self.tr("Select an order to see its decision and the rules behind it."),
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
                    self.tr("Cancelled by {officer} on {time} UTC").format(
                        officer=escape(entry.actor), time=moment_text(entry.at)
                    )
                    + (f": “{escape(reason)}”" if reason else self.tr(" (no reason recorded)"))
                    + " · "
                    + self.tr("audit entry #{seq}").format(seq=entry.seq),
                    text_style(Tone.TEXT),
                )
            )

        if latest is None and decision is not None:
            self._layout.addWidget(
                self._text(
                    self.tr(
                        "Preview, not recorded: a check now would decide <b>{outcome}</b>."
                        " Press Check to record it."
                    ).format(outcome=outcome_label(decision.outcome.value)),
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
            self._layout.addWidget(
                self._text(self.tr("Authorized under: <b>{routes}</b>").format(routes=names))
            )
        self._layout.addWidget(
            self._text(
                self.tr("a-level TPP {tpp} · destination Tier {tier} · ruleset {ruleset}").format(
                    tpp=tpp(decision.a_level_tpp),
                    tier=decision.destination_tier,
                    ruleset=decision.ruleset,
                ),
                text_style(Tone.TEXT),
            )
        )
        self._layout.addWidget(self._heading(self.tr("Lines")))
        lines = QTableWidget(len(decision.lines), 5)
        lines.setMinimumWidth(0)
        lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        lines.setObjectName("decisionLines")
        lines.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Qty"), "ECCN", self.tr("Unit TPP"), self.tr("Line TPP")]
        )
        lines.verticalHeader().setVisible(False)
        lines.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, line in enumerate(decision.lines):
            values = [
                f"{line.product_name} ({line.product_ref})",
                grouped(line.quantity),
                line.eccn or self.tr("not controlled"),
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

        self._layout.addWidget(
            self._heading(self.tr("Findings ({count})").format(count=len(decision.findings)))
        )
        ordered = sorted(
            decision.findings,
            key=lambda finding: {"block": 0, "warning": 1, "info": 2}[finding.severity],
        )
        for finding in ordered:
            self._layout.addWidget(FindingCard(finding))

        if latest is not None:
            self._layout.addWidget(self._heading(self.tr("Record")))
            self._layout.addWidget(
                self._text(
                    self.tr(
                        "Decision {id} (#{seq} for this order) by {officer} on {time} UTC"
                        " under {ruleset}.<br>Content hash <code>{hash}…</code>"
                    ).format(
                        id=latest.id,
                        seq=latest.seq,
                        officer=latest.decided_by,
                        time=moment_text(latest.decided_at),
                        ruleset=decision.ruleset,
                        hash=latest.content_hash[:32],
                    ),
                    text_style(Tone.TEXT),
                )
            )
        earlier = detail.history[:-1]
        if earlier:
            self._layout.addWidget(self._heading(self.tr("Superseded decisions")))
            for item in reversed(earlier):
                state = self.tr("quota released") if item.released else self.tr("no quota held")
                self._layout.addWidget(
                    self._text(
                        self.tr("#{seq} {outcome} by {officer} on {time} UTC ({state})").format(
                            seq=item.seq,
                            outcome=outcome_label(item.decision.outcome.value),
                            officer=item.decided_by,
                            time=moment_text(item.decided_at),
                            state=state,
                        ),
                        hint_style(),
                    )
                )
        resolution = order.red_flag_28_resolution
        if resolution is not None:
            self._layout.addWidget(self._heading(self.tr("Red Flag 28")))
            self._layout.addWidget(
                self._text(
                    self.tr("Resolved by {officer} on {date}: {note}").format(
                        officer=resolution.resolved_by,
                        date=resolution.resolved_on,
                        note=resolution.note,
                    )
                )
            )
        if detail.checklists:
            last = detail.checklists[-1]
            flagged = [question for question, answer in last.answers.items() if answer]
            self._layout.addWidget(self._heading(self.tr("Know-your-customer checklist")))
            self._layout.addWidget(
                self._text(
                    self.tr("Answered by {officer} on {date}: ").format(
                        officer=last.answered_by, date=day_text(last.answered_at.date())
                    )
                    + (
                        self.tr("{count} red flag(s) raised.").format(count=len(flagged))
                        if flagged
                        else self.tr("no red flags raised.")
                    )
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
        self._layout.addWidget(
            self._heading(self.tr("Shipments ({count})").format(count=len(shipments)))
        )
        for shipment_ref, held in shipments.items():
            counts: dict[str, int] = {}
            for unit in held:
                counts[unit.product_ref] = counts.get(unit.product_ref, 0) + 1
            what = ", ".join(f"{grouped(count)} × {product}" for product, count in counts.items())
            self._layout.addWidget(
                self._text(
                    self.tr("<b>{shipment}</b> shipped {date}: {what}").format(
                        shipment=escape(shipment_ref),
                        date=day_text(held[0].shipped_on),
                        what=escape(what),
                    ),
                    text_style(Tone.TEXT),
                )
            )
        table = QTableWidget(len(units), 4)
        table.setObjectName("shipmentSerials")
        table.setAccessibleName(self.tr("Serial numbers shipped on this order"))
        table.setHorizontalHeaderLabels(
            [self.tr("Shipment"), self.tr("Shipped"), self.tr("Product"), self.tr("Serial")]
        )
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, unit in enumerate(units):
            values = (unit.shipment_ref, day_text(unit.shipped_on), unit.product_ref, unit.serial)
            for column, value in enumerate(values):
                table.setItem(row, column, QTableWidgetItem(value))
        header = table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.setFixedHeight(min(34 + 30 * len(units), 240))
        self._layout.addWidget(table)
