"""What the engine says about the item as typed: ECCN, paragraph, PD, unit TPP, why."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from domain.rules.classification import ProductClassification
from gui.kit.forms import FieldMessage
from gui.kit.widgets import make_label, named
from gui.pages.products.labels import pd_text
from gui.style import Tone, heading_style, hint_style, panel_style, text_style, tpp


class ClassificationPanel(QFrame):
    """What the engine says about the item as typed: ECCN, paragraph, PD, unit TPP, why."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("classificationPanel")
        self.setStyleSheet(panel_style("classificationPanel"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(6)
        self.title = make_label(self.tr("Classification"), style=heading_style())
        self.eccn = make_label("—", name="liveEccn", style=heading_style(18))
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        self.paragraph = self._value("liveParagraph")
        self.tpp = self._value("liveTpp")
        self.pd = self._value("livePd")
        self.unit_tpp = self._value("liveUnitTpp")
        for row, (label, value) in enumerate(
            (
                (self.tr("Paragraph"), self.paragraph),
                (self.tr("TPP per IC"), self.tpp),
                (self.tr("Performance density"), self.pd),
                (self.tr("TPP per unit"), self.unit_tpp),
            )
        ):
            caption = make_label(label, style=hint_style())
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
        grid.setColumnStretch(1, 1)
        self.reason = make_label(name="liveReason", wrap=True, selectable=True)
        self.error = named(FieldMessage(), "liveError")
        self.ruleset = make_label(
            name="liveRuleset", style=hint_style() + " font-size:9pt;", wrap=True
        )
        layout.addWidget(self.title)
        layout.addWidget(self.eccn)
        layout.addLayout(grid)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addWidget(self.ruleset)

    @staticmethod
    def _value(name: str) -> QLabel:
        return make_label("—", name=name, style="font-weight:600;", selectable=True)

    def show_classification(self, found: ProductClassification, ruleset_note: str) -> None:
        self.ruleset.setText(ruleset_note)
        if found.error:
            self.eccn.setText(self.tr("Cannot classify yet"))
            self.eccn.setStyleSheet(text_style(Tone.ERROR, "font-size:14pt; font-weight:600;"))
            self.error.show_error(found.error)
            self.reason.clear()
        else:
            self.eccn.setText(found.eccn or self.tr("Not controlled"))
            self.eccn.setStyleSheet(
                text_style(Tone.LINK if found.eccn else Tone.OK, "font-size:18pt; font-weight:600;")
            )
            self.error.clear()
            self.reason.setText(self.tr("Why: {reason}").format(reason=found.reason))
        self.paragraph.setText(found.paragraph or "—")
        self.tpp.setText(tpp(found.tpp) if found.tpp is not None else "—")
        self.pd.setText(
            pd_text(found.performance_density)
            if found.performance_density is not None
            else (self.tr("no die area given") if found.tpp is not None else "—")
        )
        self.unit_tpp.setText(tpp(found.unit_tpp) if found.unit_tpp is not None else "—")

    def show_empty(self, message: str, ruleset_note: str) -> None:
        self.ruleset.setText(ruleset_note)
        self.eccn.setText("—")
        self.eccn.setStyleSheet(heading_style(18))
        self.error.show_note(message)
        self.reason.clear()
        for label in (self.paragraph, self.tpp, self.pd, self.unit_tpp):
            label.setText("—")

    def show_problem(self, message: str, ruleset_note: str) -> None:
        self.ruleset.setText(ruleset_note)
        self.eccn.setText(self.tr("Cannot classify yet"))
        self.eccn.setStyleSheet(text_style(Tone.ERROR, "font-size:14pt; font-weight:600;"))
        self.error.show_error(message)
        self.reason.clear()
        for label in (self.paragraph, self.tpp, self.pd, self.unit_tpp):
            label.setText("—")
