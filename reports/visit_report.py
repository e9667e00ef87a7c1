"""The field visit report (rules.md section 10): the site, the auditors, the desk's key, the
reconciliation, the checklist answers, the photos with their hashes, and both signatures."""

from __future__ import annotations

import base64
from io import BytesIO

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether

from domain.documents import DocumentKind, Signer, Stamp, VisitReportView
from domain.services.visit_report import ON_SITE
from reports.base import DocumentPdf, when

_THUMBNAIL_SIDE = 38 * mm


def grouped(digest: str, size: int = 16) -> str:
    """A long hash in groups, so that a table cell can break it and a reader compare it."""
    return " ".join(digest[start : start + size] for start in range(0, len(digest), size))


def _signers(view: VisitReportView) -> list[Signer]:
    name, _, title = view.site_representative.partition(",")
    return [
        Signer(name=view.auditor, title="Auditor"),
        Signer(name=name.strip(), title=title.strip() or "Site representative"),
    ]


class VisitReportPdf(DocumentPdf[VisitReportView]):
    @property
    def kind_label(self) -> str:
        return DocumentKind.VISIT_REPORT.label

    def _title(self, view: VisitReportView) -> str:
        return f"{DocumentKind.VISIT_REPORT.label}: {view.site} ({view.party_ref})"

    def verify_hint(self, stamp: Stamp) -> str:
        if stamp.number == ON_SITE:
            return "Not registered yet: verify the copy the desk registers at the merge"
        return super().verify_hint(stamp)

    def _story(self, view: VisitReportView, stamp: Stamp) -> list[Flowable]:
        story: list[Flowable] = [
            self.heading("Field visit report", "title"),
            self.text(
                f"End-use check and site review, rules.md section 10\nRuleset {view.ruleset}",
                "subtitle",
            ),
        ]
        if stamp.number == ON_SITE:
            story.append(
                self.banner(
                    self.bold("Printed on site from the kit; not yet registered.")
                    + " The desk registers this report when the kit is merged back "
                    "(<i>kit merge</i>); the registered copy carries a VR number and a "
                    "verification code, and says the same."
                )
            )
        story += [
            self.heading("Visit"),
            self.field_table(
                [
                    ("Site", self.text(view.site, "name")),
                    ("Party", f"{view.party_name} ({view.party_ref})"),
                    ("Location", view.party_location or "—"),
                    ("Kit exported", f"{when(view.exported_at)} by {view.exported_by}"),
                    ("Signed off", when(view.closed_at)),
                    ("Auditor", view.auditor),
                    ("Site representative", view.site_representative),
                    ("Desk key", self.text(view.key_fingerprint, "mono")),
                    ("Kit contents", self.text(grouped(view.kit_sha256), "mono")),
                    (
                        "On-site log",
                        self.text(
                            f"{view.log_entries:,} entries, closed by {grouped(view.log_head)}",
                            "mono",
                        ),
                    ),
                ],
                label_width=36 * mm,
            ),
            *self._reconciliation(view),
            *self._checklist(view),
            *self._photos(view),
            *self._signatures(view),
        ]
        return story

    def _reconciliation(self, view: VisitReportView) -> list[Flowable]:
        counts = dict.fromkeys(("missing", "unexpected", "duplicate", "relocated"), 0)
        for row in view.serials:
            counts[row.status] = counts.get(row.status, 0) + 1
        summary = (
            f"{view.expected:,} serials expected at this site: {view.found:,} found, "
            f"{counts['missing']:,} missing, {counts['unexpected']:,} unexpected, "
            f"{counts['duplicate']:,} duplicate, {counts['relocated']:,} relocated. "
            f"Discrepancies (missing, unexpected, duplicate, checklist items answered no): "
            f"{view.discrepancies:,}."
        )
        flowables: list[Flowable] = [self.heading("Reconciliation"), self.text(summary)]
        if view.products:
            flowables.append(
                self.data_table(
                    ["Product", "Expected", "Found", "Missing"],
                    [
                        [row.product_ref, f"{row.expected:,}", f"{row.found:,}", f"{row.missing:,}"]
                        for row in view.products
                    ],
                    [4, 1.5, 1.5, 1.5],
                    right=(1, 2, 3),
                )
            )
        if view.serials:
            flowables += self.long_section(
                "Serials not simply found",
                self.data_table(
                    ["Serial", "Status", "Product", "Order", "Detail"],
                    [
                        [
                            self.text(row.serial, "mono"),
                            row.status,
                            row.product_ref or "—",
                            row.order_ref or "—",
                            row.detail,
                        ]
                        for row in view.serials
                    ],
                    [2.6, 1.4, 1.8, 1.8, 3.4],
                ),
            )
        return flowables

    def _checklist(self, view: VisitReportView) -> list[Flowable]:
        return self.long_section(
            "Checklist",
            self.data_table(
                ["Item", "Question", "Answer", "Note"],
                [
                    [
                        row.item,
                        row.question,
                        self.para(self.bold(row.answer), "cell")
                        if row.answer == "no"
                        else row.answer,
                        row.note or "—",
                    ]
                    for row in view.answers
                ],
                [1.8, 4.6, 1.2, 3],
            ),
        )

    def _photos(self, view: VisitReportView) -> list[Flowable]:
        if not view.photos:
            return [self.heading("Photos"), self.text("No photos were taken.")]
        rows: list[list[Flowable | str | list[Flowable]]] = []
        for photo in view.photos:
            picture: Flowable | str = "no thumbnail"
            if photo.thumbnail:
                data = base64.b64decode(photo.thumbnail)
                width, height = ImageReader(BytesIO(data)).getSize()
                scale = _THUMBNAIL_SIDE / max(width, height)
                picture = Image(BytesIO(data), width=width * scale, height=height * scale)
            rows.append(
                [
                    picture,
                    [
                        self.text(photo.name, "cell"),
                        self.text(photo.note or "", "small"),
                        self.text(f"SHA-256 {grouped(photo.sha256)}", "mono"),
                    ],
                ]
            )
        return self.long_section(
            "Photos", self.data_table(["Photo", "File and hash"], rows, [1, 2])
        )

    def _signatures(self, view: VisitReportView) -> list[Flowable]:
        intro = self.text(
            f"Signed off on site on {when(view.closed_at)} by the auditor and the site's "
            "representative named in the kit, whose names the sign-off entry of the on-site log "
            "holds:"
        )
        pairs = self.signature_blocks(_signers(view))
        return [KeepTogether([self.heading("Signatures"), intro, *pairs])]
