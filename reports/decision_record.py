"""The record of an order's decision, filed with the shipment papers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable

from domain.documents import DecisionRecordView, DocumentKind, FindingRow, LineRow, Stamp
from reports.base import ALERT, INK, MUTED, DocumentPdf, day, when

_SEVERITY = {"block": ("Blocks", ALERT), "warning": ("Warning", INK), "info": ("Note", MUTED)}


def line_rows(pdf: DocumentPdf[Any], lines: Sequence[LineRow]) -> Flowable:
    """The order lines: product, quantity, ECCN, TPP per unit and per line."""
    if not lines:
        return pdf.text("The order has no lines.", "muted")
    return pdf.data_table(
        ("Product", "Quantity", "ECCN", "TPP per unit", "TPP of line"),
        [
            (line.product, f"{line.quantity:,}", line.eccn, line.unit_tpp, line.line_tpp)
            for line in lines
        ],
        (46, 11, 13, 15, 15),
        right=(1, 3, 4),
    )


class DecisionRecordPdf(DocumentPdf[DecisionRecordView]):
    """Order, parties, lines, outcome and authorizations, every finding with its rule and
    figures, and who decided when under which ruleset, with the decision's hashes."""

    @property
    def kind_label(self) -> str:
        return DocumentKind.DECISION_RECORD.label

    def _title(self, view: DecisionRecordView) -> str:
        return f"{DocumentKind.DECISION_RECORD.label}: order {view.order_ref}"

    def _story(self, view: DecisionRecordView, stamp: Stamp) -> list[Flowable]:
        story: list[Flowable] = [
            self.heading(f"Decision record: order {view.order_ref}", "title"),
            self.text(
                f"Decision {view.decision_seq} for the order · decided {when(view.decided_at)} "
                f"by {view.decided_by}\nRuleset {view.ruleset}",
                "subtitle",
            ),
        ]
        story.extend(self._banners(view))
        authorizations = "\n".join(view.authorizations) if view.authorizations else "None"
        story += [
            self.heading("Decision"),
            self.field_table(
                [
                    ("Outcome", self.para(self.bold(view.outcome), "name")),
                    ("Authorizations", authorizations),
                    ("TPP (A-level lines)", view.a_level_tpp),
                    ("Order reference", view.order_ref),
                    ("Order date", day(view.order_date)),
                    ("Destination", f"{view.destination} · Tier {view.destination_tier}"),
                ]
            ),
        ]
        if view.end_user is None:
            story += [
                self.heading("Ultimate consignee"),
                self.field_table(self.party_rows(view.consignee)),
            ]
        else:
            story += [
                self.heading("Parties"),
                self.side_by_side(
                    ("Ultimate consignee", self.party_rows(view.consignee)),
                    ("End user", self.party_rows(view.end_user)),
                ),
            ]
        story += [self.heading("Restricted-party screening"), *self._screening(view)]
        story += self.long_section("Lines", line_rows(self, view.lines))
        story += self.long_section(
            f"Findings ({len(view.findings)})", self._findings(view.findings)
        )
        story += [self.heading("Record"), self.field_table(self._record_rows(view))]
        return story

    def _banners(self, view: DecisionRecordView) -> list[Flowable]:
        banners: list[Flowable] = []
        if view.cancelled:
            banners.append(
                self.banner(
                    f"ORDER CANCELLED. Order {self.plain(view.order_ref)} was cancelled after this "
                    "decision. The record shows what was decided at the time; it authorizes "
                    "no shipment."
                )
            )
        if view.superseded:
            banners.append(
                self.banner(
                    "SUPERSEDED. A later decision replaced this one for order "
                    f"{self.plain(view.order_ref)}. The record shows what was decided at the time; "
                    "ship only under the current decision."
                )
            )
        return banners

    def _screening(self, view: DecisionRecordView) -> list[Flowable]:
        """Each party's screening in force when the order was decided, the matches it
        considered and the dispositions made by then (rules.md section 9)."""
        if not view.screening:
            return [
                self.text(
                    "No restricted-party list had been imported when this order was decided: "
                    "the parties were not screened.",
                    "muted",
                )
            ]
        parts: list[Flowable] = []
        for block in view.screening:
            screened = "" if block.screened_at is None else f", screened {when(block.screened_at)}"
            parts.append(
                self.text(
                    f"{block.role.capitalize()} {block.party}: {block.result}. Against "
                    f"{block.snapshot}{screened}.",
                    "cell",
                )
            )
            if block.matches:
                parts.append(
                    self.data_table(
                        ("Entry", "List", "Names that met", "Score", "Decision"),
                        [
                            (
                                match.entry[:10],
                                match.list_name,
                                match.names,
                                match.score,
                                match.decision,
                            )
                            for match in block.matches
                        ],
                        (13, 20, 27, 7, 33),
                        right=(3,),
                    )
                )
        return parts

    def _findings(self, findings: Sequence[FindingRow]) -> Flowable:
        if not findings:
            return self.text("The decision has no findings.", "muted")
        rows = []
        for number, finding in enumerate(findings, 1):
            label, color = _SEVERITY.get(finding.severity, (finding.severity.title(), INK))
            what: list[Flowable] = [self.text(finding.message, "cell")]
            if finding.figures:
                what.append(self.text(f"Figures: {finding.figures}", "muted"))
            rows.append(
                (
                    str(number),
                    self.para(self.bold(label), "cell", textColor=color),
                    [self.text(finding.code, "cell"), self.text(finding.rule, "muted")],
                    what,
                )
            )
        return self.data_table(("#", "Severity", "Code and rule", "Finding"), rows, (5, 11, 25, 59))

    def _record_rows(self, view: DecisionRecordView) -> list[tuple[str, Flowable | str]]:
        audit: list[tuple[str, Flowable | str]]
        if view.audit_seq is None or view.audit_hash is None:
            audit = [("Audit log", "No audit-log entry records this decision")]
        else:
            audit = [
                ("Audit-log entry", f"Entry {view.audit_seq}"),
                ("Audit-log hash", self.text(view.audit_hash, "mono")),
            ]
        return [
            ("Ruleset", view.ruleset),
            ("Enforcement", view.enforcement_note),
            ("Decided by", view.decided_by),
            ("Decided at", when(view.decided_at)),
            ("Decision", f"Decision {view.decision_id}, number {view.decision_seq} for the order"),
            ("Decision hash", self.text(view.decision_hash, "mono")),
            *audit,
        ]
