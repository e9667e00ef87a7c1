"""A party's screening history: every screening (the snapshot, when, what it found) and
every disposition (the verdict, the reason, who and when, who approved), newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from domain.progress import CancelToken
from domain.screening.results import Disposition, PartyScreening, Verdict
from domain.services.screening import PartyHistory, history
from gui.context import DeskContext
from gui.dialogs import DeskDialog, show_failure
from gui.jobs import OneAtATime
from gui.kit.tables import Column, ColumnModel, make_table
from gui.kit.widgets import make_label
from gui.pages.base import QT_TRANSLATE_NOOP
from gui.style import heading_style, hint_style

VERDICT_WORDS = {
    Verdict.TRUE_MATCH: QT_TRANSLATE_NOOP("ScreeningHistory", "✕ True match"),
    Verdict.FALSE_POSITIVE: QT_TRANSLATE_NOOP("ScreeningHistory", "✓ False positive"),
}


def _matches(screening: PartyScreening) -> str:
    if not screening.matches:
        return QCoreApplication.translate("ScreeningHistory", "no potential match")
    return "; ".join(
        f"{match.list_name} ({match.score:.2f}, {match.source.split(' - ')[0]})"
        for match in screening.matches
    )


SCREENING_COLUMNS: tuple[Column[PartyScreening], ...] = (
    Column(
        QT_TRANSLATE_NOOP("ScreeningHistory", "Snapshot"),
        lambda s: str(s.snapshot_id),
        sort=lambda s: s.snapshot_id,
        right=True,
    ),
    Column(
        QT_TRANSLATE_NOOP("ScreeningHistory", "When (UTC)"),
        lambda s: s.screened_at.strftime("%Y-%m-%d %H:%M"),
    ),
    Column(
        QT_TRANSLATE_NOOP("ScreeningHistory", "Threshold"),
        lambda s: f"{s.threshold:.2f}",
        right=True,
    ),
    Column(
        QT_TRANSLATE_NOOP("ScreeningHistory", "Matches"),
        lambda s: str(len(s.matches)),
        sort=lambda s: len(s.matches),
        right=True,
    ),
    Column(QT_TRANSLATE_NOOP("ScreeningHistory", "What it found"), _matches),
)

DISPOSITION_COLUMNS: tuple[Column[Disposition], ...] = (
    Column(
        QT_TRANSLATE_NOOP("ScreeningHistory", "Verdict"),
        lambda d: QCoreApplication.translate("ScreeningHistory", VERDICT_WORDS[d.verdict]),
    ),
    Column(
        QT_TRANSLATE_NOOP("ScreeningHistory", "Entry"),
        lambda d: d.entry_id[:12],
        tooltip=lambda d: d.entry_id,
    ),
    Column(
        QT_TRANSLATE_NOOP("ScreeningHistory", "Score"),
        lambda d: f"{d.score:.2f}",
        sort=lambda d: d.score,
        right=True,
    ),
    Column(QT_TRANSLATE_NOOP("ScreeningHistory", "Reason"), lambda d: d.reason),
    Column(QT_TRANSLATE_NOOP("ScreeningHistory", "Document"), lambda d: d.document or ""),
    Column(QT_TRANSLATE_NOOP("ScreeningHistory", "By"), lambda d: d.decided_by),
    Column(
        QT_TRANSLATE_NOOP("ScreeningHistory", "When (UTC)"),
        lambda d: d.decided_at.strftime("%Y-%m-%d %H:%M"),
    ),
    Column(
        QT_TRANSLATE_NOOP("ScreeningHistory", "Approved by"),
        lambda d: (
            f"{d.approved_by} {d.approved_at.strftime('%Y-%m-%d') if d.approved_at else ''}"
            if d.approved_by
            else "—"
        ),
    ),
)


class HistoryDialog(DeskDialog):
    """Signals:
    loaded: the history was read and shown.
    """

    loaded = Signal()

    def __init__(self, context: DeskContext, party_ref: str, parent: QWidget | None = None) -> None:
        super().__init__(
            context,
            parent,
            title=QCoreApplication.translate(
                "ScreeningHistory", "Screening history of {ref}"
            ).format(ref=party_ref),
            name="screeningHistory",
            width=900,
        )
        self.party_ref = party_ref
        self.resize(980, 560)
        self.summary = make_label(
            self.tr("Loading…"), name="historySummary", style=hint_style(), wrap=True
        )
        self.screenings: ColumnModel[PartyScreening] = ColumnModel(SCREENING_COLUMNS, self)
        self.dispositions: ColumnModel[Disposition] = ColumnModel(DISPOSITION_COLUMNS, self)
        for model in (self.screenings, self.dispositions):
            model.headers = tuple(
                QCoreApplication.translate("ScreeningHistory", header) for header in model.headers
            )
        self.screening_table = make_table(
            "historyScreenings", self.screenings, (80, 130, 80, 70, 400)
        )
        self.screening_table.setAccessibleName(self.tr("Screenings"))
        self.disposition_table = make_table(
            "historyDispositions", self.dispositions, (130, 100, 60, 300, 110, 130)
        )
        self.disposition_table.setAccessibleName(self.tr("Dispositions"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.lay_out(
            self.summary,
            make_label(self.tr("Screenings"), style=heading_style(11)),
            self.screening_table,
            make_label(self.tr("Dispositions"), style=heading_style(11)),
            self.disposition_table,
            buttons=buttons,
            on_accept=self.accept,
        )
        self._reads = OneAtATime(context.jobs, self)
        self.reload()

    def reload(self) -> None:
        db, ref = self.context.db, self.party_ref

        def work(progress: Any, cancel: CancelToken) -> PartyHistory:
            return history(db, ref)

        if self._reads.later(self.reload):
            return
        self._reads.start(
            f"screening history of {ref}",
            work,
            on_success=self._on_read,
            on_failure=self._on_failed,
        )

    def _on_read(self, found: PartyHistory) -> None:
        self.screenings.set_rows(found.screenings)
        self.dispositions.set_rows(found.dispositions)
        screened = len(found.screenings)
        decided = len(found.dispositions)
        self.summary.setText(
            (
                self.tr("{ref}: screened 1 time, ")
                if screened == 1
                else self.tr("{ref}: screened {count} times, ")
            ).format(ref=self.party_ref, count=screened)
            + (
                self.tr("1 disposition on record, newest first. ")
                if decided == 1
                else self.tr("{count} dispositions on record, newest first. ").format(count=decided)
            )
            + self.tr("Dispositions are kept as recorded: a later one supersedes, never rewrites.")
        )
        self.loaded.emit()

    def _on_failed(self, message: str, is_bug: bool) -> None:
        self.summary.setText(self.tr("Could not read the history."))
        show_failure(self, message, is_bug, self.context.log_file)
