"""The field-audit window: one kit opened on site, with no database (rules.md section 10).

Scan first: the serial field has the cursor when the window opens and keeps it, so a barcode
scanner acting as a keyboard can send a serial and Enter hundreds of times in a row. The other
panes show the reconciliation, the records and paperwork the kit carries (a paper found on
site is verified against them), photos, the checklist and the sign-off, after which the kit
takes nothing more and the visit report can be printed for signature.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from domain.documents import DocumentRenderer
from domain.errors import DomainError
from domain.ports import Clock
from domain.services.site_visit import SiteVisit
from domain.services.visit_report import on_site_stamp
from gui.field_audit.panes import (
    ChecklistPane,
    PhotosPane,
    ReconciliationPane,
    RecordsPane,
    SignOffPane,
)
from gui.field_audit.scan import ScanPane
from gui.help import install_guide_key
from gui.kit.accessibility import install_accessible_names
from gui.kit.dates import moment_text
from gui.kit.numbers import grouped
from gui.screen import fit_to_screen
from gui.style import Tone, colour, heading_style, hint_style, problem_style

_LOG = logging.getLogger(__name__)


class FieldAuditWindow(QMainWindow):
    """A kit on site: scan, reconcile, records and paperwork, photos, checklist, sign-off."""

    def __init__(
        self,
        visit: SiteVisit,
        *,
        path: Path,
        clock: Clock,
        renderer: DocumentRenderer | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.visit = visit
        self.path = path
        self._clock = clock
        self._renderer = renderer
        contents = visit.contents
        party = contents.parties[0] if contents.parties else {}
        self.setObjectName("field_audit_window")
        self.setWindowTitle(
            self.tr("Field audit: {site} ({file})").format(site=contents.site, file=path.name)
        )

        title = QLabel(self.tr("Field audit at {site}").format(site=contents.site))
        title.setObjectName("kit_title")
        title.setStyleSheet(heading_style(14))
        title.setWordWrap(True)
        facts = QLabel(
            self.tr(
                "{party} ({ref}) · kit from {desk}, exported {time} by {officer} · signature"
                " checked: desk key {key}"
            ).format(
                party=party.get("name", contents.party_ref),
                ref=contents.party_ref,
                desk=contents.desk or self.tr("the desk"),
                time=moment_text(contents.exported_at),
                officer=contents.exported_by,
                key=contents.key_fingerprint,
            )
        )
        facts.setObjectName("kit_facts")
        facts.setWordWrap(True)
        facts.setStyleSheet(hint_style())
        self.problem = QLabel()
        self.problem.setObjectName("kit_problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(problem_style())
        self.problem.hide()

        self.scan = ScanPane(visit, choose_file=self._choose_serials, fail=self.fail)
        self.reconciliation = ReconciliationPane(visit)
        self.records = RecordsPane(visit, choose_pdf=self._choose_pdf)
        self.photos = PhotosPane(visit, choose_photos=self._choose_photos, fail=self.fail)
        self.checklist = ChecklistPane(visit, fail=self.fail)
        self.sign_off_pane = SignOffPane(visit)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("field_audit_tabs")
        for number, (pane, label) in enumerate(
            (
                (self.scan, self.tr("&Scan")),
                (self.reconciliation, self.tr("&Reconciliation")),
                (self.records, self.tr("Parties && &paperwork")),
                (self.photos, self.tr("P&hotos")),
                (self.checklist, self.tr("&Checklist")),
                (self.sign_off_pane, self.tr("Sign-&off")),
            ),
            start=1,
        ):
            self.tabs.addTab(pane, label)
            QShortcut(QKeySequence(f"Ctrl+{number}"), self).activated.connect(
                lambda index=number - 1: self.tabs.setCurrentIndex(index)
            )
        self.tabs.currentChanged.connect(self._on_tab)
        self.scan.scanned.connect(self._update_status)
        self.scan.scanned.connect(self._clear_problem)
        self.photos.changed.connect(self._update_status)
        self.checklist.changed.connect(self._on_answer)
        self.sign_off_pane.sign_requested.connect(lambda: self.sign_off())
        self.sign_off_pane.report_requested.connect(lambda: self.save_report())

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(title)
        layout.addWidget(facts)
        layout.addWidget(self.problem)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(body)
        self.status = QLabel()
        self.status.setObjectName("kit_status")
        self.statusBar().addPermanentWidget(self.status)
        self._update_status()
        fit_to_screen(self, 1200, 760)
        self.scan.field.setFocus()
        install_guide_key(self, "field-audit")
        install_accessible_names(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.tabs.currentWidget() is self.scan:
            self.scan.field.setFocus()

    # -- what the panes share --------------------------------------------------------------

    def fail(self, message: str) -> None:
        """Show what went wrong above the panes (never a dialog: a scanner keeps typing)."""
        _LOG.warning("field audit %s: %s", self.path, message)
        self.problem.setText(message)
        self.problem.show()

    def _clear_problem(self) -> None:
        self.problem.hide()

    def _on_tab(self, index: int) -> None:
        pane = self.tabs.widget(index)
        if pane is self.reconciliation:
            self.reconciliation.refresh()
        elif pane is self.sign_off_pane:
            self.sign_off_pane.refresh()
        elif pane is self.scan:
            self.scan.field.setFocus()

    def _on_answer(self) -> None:
        self._clear_problem()
        self._update_status()

    def _update_status(self) -> None:
        counts = self.scan.counts_now()
        photos = len(self.visit.photos())
        items = len(self.visit.contents.checklist)
        self.status.setText(
            " · ".join(
                (
                    self.tr("Kit signed off") if self.visit.closed else self.tr("Kit open"),
                    self.tr("{found} of {expected} found").format(
                        found=grouped(counts["found"]), expected=grouped(counts["expected"])
                    ),
                    self.tr("1 photo")
                    if photos == 1
                    else self.tr("{count} photos").format(count=grouped(photos)),
                    self.tr("{answered} of {items} checklist items answered").format(
                        answered=items - len(self.visit.unanswered()), items=items
                    ),
                )
            )
        )
        self.status.setStyleSheet(f"color:{colour(Tone.TEXT)};")

    # -- sign-off and report ---------------------------------------------------------------

    def sign_off(self, *, confirm: bool = True) -> bool:
        """Close the kit with the two names given on the sign-off pane."""
        auditor = self.sign_off_pane.auditor.text()
        representative = self.sign_off_pane.representative.text()
        if not auditor.strip() or not representative.strip():
            self.fail(
                self.tr("A sign-off needs the auditor's and the site representative's names.")
            )
            return False
        if confirm:
            unanswered = self.visit.unanswered()
            extra = (
                "\n\n"
                + self.tr("{count} checklist items are not answered: {items}").format(
                    count=len(unanswered), items=", ".join(unanswered)
                )
                if unanswered
                else ""
            )
            answer = QMessageBox.question(
                self,
                self.tr("Sign off the visit"),
                self.tr(
                    "Sign off as {auditor} with {representative}? After the sign-off the kit"
                    " takes no more serials, photos or answers."
                ).format(auditor=auditor.strip(), representative=representative.strip())
                + extra,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
        try:
            self.visit.close(auditor, representative)
        except DomainError as error:
            self.fail(str(error))
            return False
        self._clear_problem()
        self.scan.set_closed(True)
        self.photos.set_closed(True)
        self.checklist.set_closed(True)
        self.sign_off_pane.refresh()
        self._update_status()
        return True

    def save_report(self, target: Path | None = None) -> Path | None:
        """Print the visit report (unregistered: the desk registers it at the merge)."""
        if self._renderer is None:
            self.fail(self.tr("This window cannot print PDFs (no renderer); use `kit report`."))
            return None
        if target is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Save the visit report"),
                str(self.path.with_name(self.path.stem + "-visit-report.pdf")),
                self.tr("PDF (*.pdf)"),
            )
            if not chosen:
                return None
            target = Path(chosen)
        try:
            view = self.visit.report_view()
            pdf = self._renderer.render(view, on_site_stamp(view, self._clock.now()))
        except DomainError as error:
            self.fail(str(error))
            return None
        part = target.with_name(target.name + ".part")
        try:
            part.write_bytes(pdf)
            part.replace(target)
        except OSError as error:
            part.unlink(missing_ok=True)
            self.fail(
                self.tr("{file}: cannot write the report ({error}); choose another folder").format(
                    file=target, error=error.strerror
                )
            )
            return None
        self._clear_problem()
        self.statusBar().showMessage(
            self.tr("Visit report saved: {file}").format(file=target), 8000
        )
        return target

    # -- files chosen by the auditor -------------------------------------------------------

    def _read(self, path: str) -> tuple[bytes, str] | None:
        try:
            return Path(path).read_bytes(), Path(path).name
        except OSError as error:
            self.fail(
                self.tr("{file}: cannot read the file ({error})").format(
                    file=path, error=error.strerror
                )
            )
            return None

    def _choose_serials(self) -> tuple[bytes, str] | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Read serials from a file"),
            str(self.path.parent),
            self.tr("Serial lists (*.txt *.csv);;All files (*)"),
        )
        return self._read(chosen) if chosen else None

    def _choose_pdf(self) -> tuple[bytes, str] | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Check a PDF found on site"),
            str(self.path.parent),
            self.tr("PDF (*.pdf)"),
        )
        return self._read(chosen) if chosen else None

    def _choose_photos(self) -> list[tuple[bytes, str]]:
        chosen, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photos to the kit"),
            str(self.path.parent),
            self.tr("Photos (*.jpg *.jpeg *.png *.heic *.tif *.tiff);;All files (*)"),
        )
        return [read for path in chosen if (read := self._read(path)) is not None]
