"""The screening settings: the alert threshold and the second officer's approval."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QWidget,
)

from domain.progress import CancelToken
from domain.screening.results import SECOND_APPROVAL_FROM_SCORE
from domain.services.screening import ScreeningSettings, update_screening_settings
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.dialogs import DeskDialog
from gui.kit.widgets import make_label, named
from gui.style import error_style, hint_style


class ScreeningSettingsDialog(DeskDialog):
    """Signals:
    saved: the settings were written (the new ``ScreeningSettings``).
    """

    saved = Signal(object)

    def __init__(
        self, context: DeskContext, current: ScreeningSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            context,
            parent,
            title=QCoreApplication.translate("ScreeningSettingsDialog", "Screening settings"),
            name="screeningSettings",
            width=460,
        )
        self.current = current
        self.threshold = named(QDoubleSpinBox(), "screeningThreshold")
        self.threshold.setRange(0.01, 1.0)
        self.threshold.setSingleStep(0.01)
        self.threshold.setDecimals(2)
        self.threshold.setValue(current.threshold)
        self.threshold.setAccessibleName(self.tr("Alert threshold"))
        self.second = named(
            QCheckBox(self.tr("Clearing a strong match needs a second officer's approval")),
            "screeningSecondApproval",
        )
        self.second.setChecked(current.second_approval)
        self.second.setAccessibleName(self.tr("Second approval"))
        note = make_label(
            self.tr(
                "A name pair scored at or above the threshold is a potential match. A new "
                "threshold applies at once: every party is screened again (Stop keeps what is "
                "done; an order check screens a party not yet screened at it). A second officer "
                "approves clearing a match scored {score} or more, when asked for here."
            ).format(score=f"{SECOND_APPROVAL_FROM_SCORE:.2f}"),
            style=hint_style(),
            wrap=True,
        )
        self.problem = make_label(name="settingsProblem", style=error_style(), wrap=True)
        self.problem.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("&Alert threshold:"), self.threshold)
        form.addRow("", self.second)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.lay_out(form, note, self.problem, buttons=buttons, on_accept=self.save)

    def save(self) -> None:
        threshold = round(self.threshold.value(), 2)
        second = self.second.isChecked()
        context = self.context

        def work(progress: Any, cancel: CancelToken) -> ScreeningSettings:
            return update_screening_settings(
                context.db, actor=context.actor, threshold=threshold, second_approval=second
            )

        context.write(
            "screening settings",
            work,
            Changes.of(Record.SCREENING),
            on_success=self._on_saved,
            on_failure=self._on_failed,
        )

    def _on_saved(self, settings: ScreeningSettings) -> None:
        self.saved.emit(settings)
        self.accept()

    def _on_failed(self, message: str, is_bug: bool) -> None:
        self.problem.setText(
            (self.tr("Internal error: ") if is_bug else self.tr("Not saved: ")) + message
        )
        self.problem.setVisible(True)
