"""First start: on an empty database, offer the demonstration data or an import."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from domain.progress import CancelToken
from domain.services.demo_load import DemoSummary, load_demo
from domain.services.orders import BatchSummary, check_pending
from gui.changes import Changes
from gui.context import DeskContext
from gui.dialogs import DeskDialog, show_failure
from gui.jobs import Job, stop_job
from gui.kit.widgets import make_button, make_label, named
from gui.style import Tone, colour, error_style, heading_style, warning_style


@dataclass(frozen=True)
class DemoLoaded:
    loaded: DemoSummary
    checked: BatchSummary


def database_is_empty(context: DeskContext) -> bool:
    """No orders and no parties: a first start."""
    return context.queries.order_count() == 0 and not context.queries.party_summaries()


def offer_first_start(window: QWidget, context: DeskContext) -> None:
    """Open the welcome dialog when the database holds no parties and no orders."""
    if not database_is_empty(context):
        return
    dialog = WelcomeDialog(context, window)
    dialog.open()


class WelcomeDialog(DeskDialog):
    """Signals:
    demo_loaded: the demonstration data was loaded and its orders checked (a DemoLoaded).
    """

    demo_loaded = Signal(object)

    def __init__(self, context: DeskContext, window: QWidget) -> None:
        super().__init__(
            context,
            window,
            title=QCoreApplication.translate("WelcomeDialog", "Welcome to Diffusion Desk"),
            name="welcomeDialog",
            width=620,
        )
        self.main_window = window
        self._job: Job | None = None

        title = make_label(self.tr("Welcome to Diffusion Desk"), style=heading_style(17))
        intro = QLabel(
            self.tr("The database <b>{database}</b> is empty. How would you like to start?").format(
                database=context.connection.description
            )
        )
        intro.setWordWrap(True)
        ruleset = context.ruleset_today()
        notice = make_label(
            self.tr("Ruleset in effect today: <b>{ruleset}</b>.").format(ruleset=ruleset.id)
            + f" {ruleset.enforcement_note}",
            style=warning_style(),
            wrap=True,
        )

        self.demo_button = QCommandLinkButton(
            self.tr("Load the demonstration data"),
            self.tr(
                "About forty invented customers, the reference chips and servers, certifications,"
                " licences and a few hundred orders, checked straight away so every outcome shows."
            ),
        )
        self.demo_button.setObjectName("loadDemoButton")
        self.demo_button.clicked.connect(self._on_demo_button_clicked)
        self.import_button = QCommandLinkButton(
            self.tr("Import a CSV file…"),
            self.tr("Parties, products, certifications, licences or orders from your own records."),
        )
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.import_button.setEnabled(callable(getattr(window, "_on_import", None)))
        self.empty_button = QCommandLinkButton(
            self.tr("Start with an empty database"),
            self.tr("Enter parties, products and orders yourself."),
        )
        self.empty_button.setObjectName("startEmptyButton")
        self.empty_button.clicked.connect(self.reject)

        self.progress = named(QProgressBar(), "welcomeProgress")
        self.progress.setVisible(False)
        self.status = make_label(name="welcomeStatus", wrap=True)
        self.stop_button = make_button(self.tr("Stop checking"), "stopDemoButton")
        self.stop_button.setToolTip(
            self.tr("Stop after the current order; the rest stay pending for Check all pending")
        )
        self.stop_button.setVisible(False)
        self.stop_button.clicked.connect(self._on_stop_button_clicked)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.stop_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(notice)
        layout.addSpacing(4)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.import_button)
        layout.addWidget(self.empty_button)
        layout.addLayout(progress_row)
        layout.addWidget(self.status)
        for button in (self.demo_button, self.import_button, self.empty_button):
            button.setAutoDefault(False)  # Enter and Space choose nothing until one is picked
            button.setStyleSheet(
                f"QCommandLinkButton:focus {{ border:2px solid {colour(Tone.SELECTED)};"
                " border-radius:4px; }"
            )
        # Focus starts on the dialog itself: a key pressed by habit loads nothing; Tab
        # reaches the choices, each marked when it has the focus.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _set_choices_enabled(self, enabled: bool) -> None:
        for button in (self.demo_button, self.import_button, self.empty_button):
            button.setEnabled(enabled)
        if enabled:
            self.import_button.setEnabled(callable(getattr(self.main_window, "_on_import", None)))

    def _on_demo_button_clicked(self) -> None:
        if self._job is not None:
            return
        context = self.context

        def work(progress: Any, cancel: CancelToken) -> DemoLoaded:
            progress(
                0, 0, QCoreApplication.translate("WelcomeDialog", "Loading the demonstration data…")
            )
            loaded = load_demo(context.db, context.demo_dataset(), actor=context.actor)
            checked = check_pending(
                context.db, context.catalog, actor=context.actor, progress=progress, cancel=cancel
            )
            context.connection.anchor()
            return DemoLoaded(loaded=loaded, checked=checked)

        self._set_choices_enabled(False)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.stop_button.setVisible(True)
        self.status.setText(
            QCoreApplication.translate("WelcomeDialog", "Loading the demonstration data…")
        )
        self._job = context.write(
            self.tr("load demonstration data"),
            work,
            Changes.everything(),
            on_success=self._on_demo_done,
            on_failure=self._on_demo_failed,
            on_finished=self._on_job_finished,
            on_progress=self._on_demo_progress,
        )

    def _on_demo_progress(self, done: int, total: int, label: str) -> None:
        if total <= 0:
            self.progress.setRange(0, 0)
            if label:
                self.status.setText(label)
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress.setFormat(self.tr("%v of %m orders checked"))
        self.status.setText(
            self.tr("Checking the orders so their decisions show… {progress}").format(
                progress=label
            )
        )

    def _on_stop_button_clicked(self) -> None:
        stop_job(
            self._job, self.stop_button, self.status, self.tr("Stopping after the current order…")
        )

    def _on_job_finished(self) -> None:
        self._job = None
        self.progress.setVisible(False)
        self.stop_button.setVisible(False)

    def _on_demo_done(self, result: DemoLoaded) -> None:
        self.demo_loaded.emit(result)
        self.accept()

    def _on_demo_failed(self, message: str, is_bug: bool) -> None:
        self._set_choices_enabled(True)
        self.status.setText(self.tr("Not loaded: {error}").format(error=message))
        self.status.setStyleSheet(error_style())
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
        # The load itself is one transaction: a refusal leaves the database as it was; a
        # failure while checking leaves the loaded records, so tell every screen.
        self.context.events.changed.emit(Changes.everything())

    def _on_import_button_clicked(self) -> None:
        start_import = getattr(self.main_window, "_on_import", None)
        self.accept()
        if callable(start_import):
            start_import()

    def reject(self) -> None:
        if self._job is not None:
            return  # the load finishes (or stops) first; nothing is left half-done
        super().reject()
