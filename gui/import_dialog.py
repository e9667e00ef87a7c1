"""Importing and exporting the CSV formats of the command-line contract from the window.

Import: choose a file and a kind (guessed from the header row), see the first rows, and a
check of the whole file (a dry run) that lists every bad row with its row number, field,
value and what was expected, or says how many rows are fine. self.tr("Import all") then writes every
record or none, with progress and a Cancel button; what is written is exactly the bytes that
were checked. Export: choose a kind and a file; the file is written whole or not at all
(written to ``.part``, then renamed).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from domain.csvio import HEADERS, CsvImportError, CsvKind, RowError
from domain.errors import DomainError
from domain.progress import CancelToken
from domain.services.transfer import ImportCancelledError, ImportSummary, export_kind, import_file
from gui.changes import NOTHING, Changes, Record
from gui.context import DeskContext
from gui.dialogs import DeskDialog, show_failure
from gui.jobs import Job, stop_job
from gui.kit.dates import moment_text
from gui.kit.files import write_atomically
from gui.kit.numbers import grouped
from gui.kit.tables import Column, ColumnModel, make_table
from gui.kit.widgets import make_button, make_label, make_line_edit, named
from gui.screen import cap_minimum, fit_to_screen
from gui.settings import UiSettings
from gui.style import Tone, hint_style, ok_box_style, problem_style, qcolour, warning_style

Index = QModelIndex | QPersistentModelIndex

PREVIEW_ROWS = 20
PREVIEW_BYTES = 256 * 1024
WARNINGS_SHOWN = 5


def kind_label(kind: CsvKind) -> str:
    """A kind of records as the window names it."""
    return kind_labels()[kind]


def kind_labels() -> dict[CsvKind, str]:
    return {
        CsvKind.PARTIES: QCoreApplication.translate("ImportDialog", "Parties"),
        CsvKind.PRODUCTS: QCoreApplication.translate("ImportDialog", "Products"),
        CsvKind.ORDERS: QCoreApplication.translate("ImportDialog", "Orders"),
        CsvKind.CERTIFICATIONS: QCoreApplication.translate(
            "ImportDialog", "Certifications (AIA and LPP)"
        ),
        CsvKind.LICENSES: QCoreApplication.translate("ImportDialog", "Licences"),
        CsvKind.FOOTPRINTS: QCoreApplication.translate("ImportDialog", "VEU footprints"),
        CsvKind.COUNTRIES: QCoreApplication.translate("ImportDialog", "Country settings"),
        CsvKind.OWNERSHIP: QCoreApplication.translate("ImportDialog", "Ownership"),
        CsvKind.SHIPMENTS: QCoreApplication.translate("ImportDialog", "Shipments (serial numbers)"),
    }


KIND_RECORDS: dict[CsvKind, Record] = {
    CsvKind.PARTIES: Record.PARTIES,
    CsvKind.PRODUCTS: Record.PRODUCTS,
    CsvKind.ORDERS: Record.ORDERS,
    CsvKind.CERTIFICATIONS: Record.PAPERWORK,
    CsvKind.LICENSES: Record.PAPERWORK,
    CsvKind.FOOTPRINTS: Record.PAPERWORK,
    CsvKind.COUNTRIES: Record.PAPERWORK,
    CsvKind.OWNERSHIP: Record.PARTIES,
    CsvKind.SHIPMENTS: Record.ORDERS,
}
"""What an import of each kind announces as changed."""


def guess_kind(header: Sequence[str]) -> CsvKind | None:
    """The kind whose columns best match a header row (None when none is close)."""
    names = {name.strip().lower() for name in header if name.strip()}
    if not names:
        return None
    best: CsvKind | None = None
    best_score = 0.0
    for kind, columns in HEADERS.items():
        expected = set(columns)
        score = len(names & expected) / len(names | expected)
        if score > best_score:
            best, best_score = kind, score
    return best if best_score >= 0.5 else None


def read_preview(data: bytes) -> tuple[list[str], list[list[str]]]:
    """The header and the first rows of the start of a file, for display only."""
    text = data[:PREVIEW_BYTES].decode("utf-8-sig", errors="replace")
    rows: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO(text)):
            if not any(cell.strip() for cell in row):
                continue
            rows.append(row)
            if len(rows) > PREVIEW_ROWS:
                break
    except csv.Error:
        pass  # the check reports it with its row
    if not rows:
        return [], []
    return rows[0], rows[1:]


class PreviewModel(QAbstractTableModel):
    """The first rows of a file, as text."""

    def __init__(self) -> None:
        super().__init__()
        self._header: list[str] = []
        self._rows: list[list[str]] = []
        self._problems: dict[tuple[int, str], str] = {}

    def set_problems(self, errors: Sequence[RowError]) -> None:
        """Mark the cells the check refused (the error table below lists them in words)."""
        self._problems = {}
        for error in errors:
            key = (error.row, (error.field or "").strip().lower())
            self._problems[key] = (
                f"{self._problems[key]}\n{error.message}"
                if key in self._problems
                else error.message
            )
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self._header) - 1)
            )

    def set_rows(self, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        self.beginResetModel()
        self._problems = {}
        self._header = list(header)
        width = max([len(self._header), *(len(row) for row in rows)], default=0)
        self._header += [""] * (width - len(self._header))
        self._rows = [list(row) + [""] * (width - len(row)) for row in rows]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._header)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._header):
            return self._header[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 2)  # as a person counts lines: the header is row 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if not (0 <= index.row() < len(self._rows) and 0 <= index.column() < len(self._header)):
            return None
        value = self._rows[index.row()][index.column()]
        problem = self._problems.get(
            (index.row() + 2, self._header[index.column()].strip().lower())
        )
        if role == Qt.ItemDataRole.DisplayRole:
            return f"⚠ {value}" if problem else value  # the sign, not the shade alone
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{value}\n⚠ {problem}" if problem else value
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return qcolour(Tone.PROBLEM_BG)
        return None


def error_columns() -> tuple[Column[RowError], ...]:
    """The columns of the list of refused rows."""
    return (
        Column(
            QCoreApplication.translate("ImportDialog", "Row"),
            lambda error: str(error.row),
            sort=lambda error: error.row,
            right=True,
        ),
        Column(
            QCoreApplication.translate("ImportDialog", "Field"),
            lambda error: error.field or QCoreApplication.translate("ImportDialog", "(row)"),
        ),
        Column(
            QCoreApplication.translate("ImportDialog", "Value"),
            lambda error: (
                error.value
                or (QCoreApplication.translate("ImportDialog", "(empty)") if error.field else "")
            ),
        ),
        Column(
            QCoreApplication.translate("ImportDialog", "Problem"),
            lambda error: error.message,
            tooltip=lambda error: error.message,
        ),
    )


@dataclass(frozen=True)
class Checked:
    """What a check (or an import) of a file came to."""

    data: bytes
    kind: CsvKind
    summary: ImportSummary | None = None
    errors: CsvImportError | None = None
    cancelled: bool = False


def _run_import(
    db: Any,
    kind: CsvKind,
    data: bytes,
    *,
    source: str,
    actor: str,
    dry_run: bool,
    progress: Any,
    cancel: CancelToken,
) -> Checked:
    try:
        summary = import_file(
            db,
            kind,
            data,
            source=source,
            actor=actor,
            dry_run=dry_run,
            progress=progress,
            cancel=cancel,
        )
    except CsvImportError as error:
        return Checked(data=data, kind=kind, errors=error)
    except ImportCancelledError:
        return Checked(data=data, kind=kind, cancelled=True)
    return Checked(data=data, kind=kind, summary=summary)


def counted(count: int, one: str, many: str | None = None) -> str:
    """ "1 order", "4,000 orders": thousands grouped, the noun agreeing."""
    return f"{grouped(count)} {one if count == 1 else (many or one + 's')}"


def problems_words(problems: int, rows: Sequence[int]) -> str:
    """ "a problem in row 3", "2 problems in row 3", "4 problems in 3 rows"."""
    translate = QCoreApplication.translate
    if len(rows) == 1:
        where = translate("ImportDialog", "row {row}").format(row=rows[0])
    else:
        where = counted(
            len(rows), translate("ImportDialog", "row"), translate("ImportDialog", "rows")
        )
    if problems == 1:
        return translate("ImportDialog", "a problem in {where}").format(where=where)
    return translate("ImportDialog", "{problems} in {where}").format(
        problems=counted(
            problems, translate("ImportDialog", "problem"), translate("ImportDialog", "problems")
        ),
        where=where,
    )


def summary_words(summary: ImportSummary) -> str:
    """What a checked file holds: "6,000 rows OK: 4,000 new orders", "40 rows OK: 2 new,
    3 updated, 35 unchanged"."""
    translate = QCoreApplication.translate
    if summary.already_imported:
        at = summary.imported_at
        return (
            translate("ImportDialog", "this file was already imported")
            + (
                ""
                if at is None
                else translate("ImportDialog", " on {time} UTC").format(time=moment_text(at))
            )
            + (
                ""
                if summary.imported_by is None
                else translate("ImportDialog", " by {officer}").format(officer=summary.imported_by)
            )
            + translate("ImportDialog", " (same content): nothing to change")
        )
    rows = translate("ImportDialog", "{rows} OK").format(
        rows=counted(
            summary.rows, translate("ImportDialog", "row"), translate("ImportDialog", "rows")
        )
    )
    if summary.kind is CsvKind.ORDERS:
        return f"{rows}: " + counted(
            summary.created,
            translate("ImportDialog", "new order"),
            translate("ImportDialog", "new orders"),
        )
    parts = [
        translate("ImportDialog", "{count} new").format(count=grouped(summary.created))
        if summary.created
        else "",
        translate("ImportDialog", "{count} updated").format(count=grouped(summary.updated))
        if summary.updated
        else "",
        translate("ImportDialog", "{count} unchanged").format(count=grouped(summary.unchanged))
        if summary.unchanged
        else "",
    ]
    return f"{rows}: " + (
        ", ".join(part for part in parts if part) or translate("ImportDialog", "nothing to change")
    )


def warnings_words(summary: ImportSummary) -> str:
    """What the officer should look at before importing (a new party whose name reads like
    another's), a line each, the first few of them."""
    translate = QCoreApplication.translate
    lines = [
        "\n⚠ "
        + translate("ImportDialog", "Row {row}: {message}.").format(
            row=item.row, message=item.message
        )
        for item in summary.warnings[:WARNINGS_SHOWN]
    ]
    if len(summary.warnings) > WARNINGS_SHOWN:
        lines.append(
            "\n"
            + translate("ImportDialog", "… and {count} more.").format(
                count=grouped(len(summary.warnings) - WARNINGS_SHOWN)
            )
        )
    return "".join(lines)


class ImportDialog(DeskDialog):
    """Signals:
    checked: the dry run finished (a ``Checked``).
    imported: the file was imported (its ``ImportSummary``).
    """

    checked = Signal(object)
    imported = Signal(object)

    def __init__(
        self, context: DeskContext, settings: UiSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            context, parent, title=self.tr("Import CSV"), name="importDialog", modal=True
        )
        self.settings = settings
        cap_minimum(self, 760, 560)
        fit_to_screen(self, 1040, 760)
        self.path: Path | None = None
        self.check_result: Checked | None = None
        self._job: Job | None = None
        self._importing = False
        self._recheck = False

        intro = QLabel(
            self.tr(
                "Import records in the CSV formats of the command line. The whole file is checked"
                " first; it is imported all or nothing."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(hint_style())
        self.file_edit = make_line_edit(
            name="importFile",
            placeholder=QCoreApplication.translate("ImportDialog", "Choose a .csv file…"),
        )
        self.file_edit.setReadOnly(True)
        self.choose_button = make_button(
            QCoreApplication.translate("ImportDialog", "Choose…"),
            "chooseImportFile",
            self._on_choose_button_clicked,
        )
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        self.kind_combo = named(QComboBox(), "importKind")
        self.kind_combo.addItem(self.tr("Choose the kind of records…"), None)
        for kind in CsvKind:
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_current_index_changed)
        self.kind_hint = make_label(name="importKindHint", style=hint_style(), wrap=True)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_combo)
        kind_row.addWidget(self.kind_hint, 1)
        form = QFormLayout()
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Kind:"), kind_row)

        self.preview_model = PreviewModel()
        self.preview = named(QTableView(), "importPreview")
        self.preview.setModel(self.preview_model)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAlternatingRowColors(True)
        self.preview.setWordWrap(False)
        self.preview.verticalHeader().setDefaultSectionSize(24)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.horizontalHeader().setDefaultSectionSize(120)
        self.preview_label = make_label(self.tr("Preview"), style="font-weight:600;")

        self.check_button = make_button(
            self.tr("Check again"),
            "checkImport",
            self._on_check_button_clicked,
            tip=self.tr("Check the whole file without writing anything"),
        )
        self.result_label = make_label(name="importResult", wrap=True, selectable=True, hidden=True)
        self.error_model: ColumnModel[RowError] = ColumnModel(error_columns(), self)
        self.errors = make_table("importErrors", self.error_model, (60, 150, 200))
        self.errors.setVisible(False)

        self.progress = named(QProgressBar(), "importProgress")
        self.progress.setVisible(False)
        self.cancel_button = make_button(self.tr("Cancel import"), "cancelImport")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.import_button = make_button(self.tr("Import all"), "importAll")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.close_button = make_button(self.tr("Close"), "closeImport", self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addStretch(0)
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)

        check_row = QHBoxLayout()
        check_row.addWidget(self.result_label, 1)
        check_row.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview, 2)
        layout.addLayout(check_row)
        layout.addWidget(self.errors, 3)
        layout.addLayout(bottom)
        self._update_buttons()

    # -- choosing -------------------------------------------------------------------------

    def _on_choose_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import CSV"),
            self.settings.last_folder(),
            self.tr("CSV files (*.csv);;All files (*)"),
        )
        if path:
            self.settings.set_last_folder(path)
            self.set_file(path)

    def set_file(self, path: str | Path) -> None:
        """Show a file's first rows, guess its kind from the header, and check it."""
        self.path = Path(path)
        self.file_edit.setText(str(self.path))
        self.check_result = None
        try:
            with self.path.open("rb") as handle:
                start = handle.read(PREVIEW_BYTES)
        except OSError as error:
            self._show_problem(
                self.tr("Cannot read {path}: {error}").format(
                    path=self.path, error=error.strerror or error
                )
            )
            self.preview_model.set_rows([], [])
            return
        header, rows = read_preview(start)
        self.preview_model.set_rows(header, rows)
        self.preview.resizeColumnsToContents()  # a preview is at most a few rows
        for column in range(self.preview_model.columnCount()):
            width = self.preview.columnWidth(column)
            self.preview.setColumnWidth(column, min(max(width + 12, 70), 240))
        self.preview_label.setText(
            (
                self.tr("Preview: the first {count} rows").format(count=len(rows))
                if len(rows) != 1
                else self.tr("Preview: the first row")
            )
            if rows
            else self.tr("Preview: the file has no data rows")
        )
        guessed = guess_kind(header)
        self.kind_combo.blockSignals(True)
        if guessed is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(guessed.value))
            self.kind_hint.setText(
                self.tr("Guessed from the header row; change it if it is wrong.")
            )
        else:
            self.kind_combo.setCurrentIndex(0)
            self.kind_hint.setText(
                self.tr(
                    "The header row matches no known format: choose the kind to see what is"
                    " expected."
                )
            )
        self.kind_combo.blockSignals(False)
        self.check()

    def kind(self) -> CsvKind | None:
        value = self.kind_combo.currentData()
        return CsvKind(value) if isinstance(value, str) else None

    def set_kind(self, kind: CsvKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def _on_kind_combo_current_index_changed(self, _index: int) -> None:
        kind = self.kind()
        if kind is not None:
            self.kind_hint.setText(
                self.tr("Columns: {columns}").format(columns=", ".join(HEADERS[kind]))
            )
        self.check_result = None
        self.check()

    # -- checking -------------------------------------------------------------------------

    def _show_problem(self, text: str) -> None:
        self.result_label.setStyleSheet(problem_style())
        self.result_label.setText(text)
        self.result_label.setVisible(True)

    def _on_check_button_clicked(self) -> None:
        self.check()

    def check(self) -> None:
        """Check the whole file without writing (a dry run)."""
        kind = self.kind()
        self.error_model.set_rows([])
        self.errors.setVisible(False)
        self._update_buttons()
        if self._job is not None and not self._importing:
            self._recheck = True  # a newer file or kind: check again when this check ends
            self._job.cancel()
            return
        if self.path is None or kind is None or self._job is not None:
            if self.path is not None and kind is None:
                self._show_problem(self.tr("Choose the kind of records the file holds."))
            return
        path, db, actor = self.path, self.context.db, self.context.actor

        def work(progress: Any, cancel: CancelToken) -> Checked:
            try:
                data = path.read_bytes()
            except OSError as error:
                raise DomainError(
                    QCoreApplication.translate(
                        "ImportDialog", "cannot read {path}: {error}"
                    ).format(path=path, error=error.strerror or error)
                ) from error
            return _run_import(
                db,
                kind,
                data,
                source=path.name,
                actor=actor,
                dry_run=True,
                progress=progress,
                cancel=cancel,
            )

        self.result_label.setStyleSheet(hint_style())
        self.result_label.setText(self.tr("Checking {file}…").format(file=path.name))
        self.result_label.setVisible(True)
        self._start(self.tr("check {file}").format(file=path.name), work, self._on_checked)

    def _start(
        self,
        name: str,
        work: Any,
        on_success: Callable[[Checked], None],
        *,
        writes: Record | None = None,
    ) -> None:
        """Run a check or an import. The dialog is idle again before its result is shown, so
        whatever the officer does next (or a newer file waiting) starts at once."""
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)

        def succeeded(result: Checked) -> None:
            if self._idle():
                on_success(result)

        def failed(message: str, is_bug: bool) -> None:
            if self._idle():
                self._on_job_failed(message, is_bug)

        if writes is None:
            self._job = self.context.jobs.start(
                name,
                work,
                on_success=succeeded,
                on_failure=failed,
                on_progress=self._on_job_progressed,
            )
        else:  # an import: through the window's one write path, announced when it is done
            self._job = self.context.write(
                name,
                work,
                lambda result: Changes.of(writes) if result.summary is not None else NOTHING,
                on_success=succeeded,
                on_failure=failed,
                on_progress=self._on_job_progressed,
            )
        self._update_buttons()

    def _on_job_progressed(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(
            self.tr("{label}: %v of %m").format(label=label) if label else self.tr("%v of %m")
        )

    def _idle(self) -> bool:
        """The job ended: back to idle. False when its result is stale (a newer check waits,
        and is started now)."""
        self._job = None
        self._importing = False
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self._update_buttons()
        if self._recheck:
            self._recheck = False
            self.check()
            return False
        return True

    def _on_job_failed(self, message: str, is_bug: bool) -> None:
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
        self._show_problem(self.tr("Not done: {error}").format(error=message))

    def _on_checked(self, result: Checked) -> None:
        self.check_result = result
        self._show_result(result, dry_run=True)
        self.checked.emit(result)

    def _show_result(self, result: Checked, *, dry_run: bool) -> None:
        if result.errors is not None:
            errors = result.errors.errors
            self.error_model.set_rows(errors)
            self.preview_model.set_problems(errors)
            self.errors.setVisible(True)
            self._show_problem(
                "✕ "
                + (
                    self.tr("{problems}; nothing can be imported until it is fixed.")
                    if dry_run and len(errors) == 1
                    else self.tr("{problems}; nothing can be imported until they are fixed.")
                    if dry_run
                    else self.tr("{problems}; nothing was imported.")
                ).format(
                    problems=problems_words(len(errors), sorted({error.row for error in errors}))
                )
                + " "
                + self.tr("Each is listed below with its row number (the header is row 1).")
            )
        elif result.cancelled:
            self._show_problem(self.tr("Cancelled: nothing was written."))
        elif result.summary is not None:
            summary = result.summary
            self.result_label.setStyleSheet(warning_style() if summary.warnings else ok_box_style())
            self.result_label.setText(
                f"✓ {summary_words(summary)}."
                + (
                    ""
                    if summary.already_imported
                    else " " + self.tr("Nothing is written until you import.")
                    if dry_run
                    else " " + self.tr("Imported.")
                )
                + warnings_words(summary)
            )
            self.result_label.setVisible(True)
        self._update_buttons()

    def _update_buttons(self) -> None:
        running = self._job is not None
        ready = (
            self.check_result is not None
            and self.check_result.summary is not None
            and self.check_result.kind == self.kind()
        )
        self.import_button.setEnabled(ready and not running)
        self.import_button.setDefault(ready and not running)
        self.check_button.setEnabled(
            not running and self.path is not None and self.kind() is not None
        )
        self.choose_button.setEnabled(not running)
        self.kind_combo.setEnabled(not running)
        self.close_button.setEnabled(not self._importing)

    # -- importing ------------------------------------------------------------------------

    def _on_import_button_clicked(self) -> None:
        self.import_all()

    def import_all(self) -> None:
        """Import the checked bytes: every record or none."""
        result = self.check_result
        if result is None or result.summary is None or self._job is not None:
            return
        db, actor, kind, data = self.context.db, self.context.actor, result.kind, result.data
        source = self.path.name if self.path is not None else self.tr("import")

        def work(progress: Any, cancel: CancelToken) -> Checked:
            return _run_import(
                db,
                kind,
                data,
                source=source,
                actor=actor,
                dry_run=False,
                progress=progress,
                cancel=cancel,
            )

        self._importing = True
        self.result_label.setStyleSheet(hint_style())
        self.result_label.setText(self.tr("Importing {file}…").format(file=source))
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self._start(
            self.tr("import {file}").format(file=source),
            work,
            self._on_imported,
            writes=KIND_RECORDS[kind],
        )

    def _on_cancel_button_clicked(self) -> None:
        stop_job(
            self._job,
            self.cancel_button,
            self.result_label,
            self.tr("Cancelling: nothing will be written…"),
        )

    def _on_imported(self, result: Checked) -> None:
        self.check_result = result
        self._show_result(result, dry_run=False)
        if result.summary is None:
            return
        self.imported.emit(result.summary)
        self.accept()

    def reject(self) -> None:
        if self._importing:
            return  # Cancel the import first; closing must not leave it running unseen
        if self._job is not None:
            self._job.cancel()
        super().reject()


# -- export ----------------------------------------------------------------------------------


def count_rows(text: str) -> int:
    """Data rows in a CSV text (quoted line breaks do not start rows)."""
    return max(sum(1 for _ in csv.reader(io.StringIO(text))) - 1, 0)


class ExportDialog(DeskDialog):
    """Signals:
    exported: (rows written, path).
    """

    exported = Signal(int, str)

    def __init__(
        self, context: DeskContext, settings: UiSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            context, parent, title=self.tr("Export CSV"), name="exportDialog", width=620, modal=True
        )
        self.settings = settings
        self._job: Job | None = None
        intro = QLabel(
            self.tr(
                "Write records in the CSV formats of the command line, ready to import elsewhere."
            )
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(hint_style())
        self.kind_combo = named(QComboBox(), "exportKind")
        for kind in CsvKind:
            self.kind_combo.addItem(kind_label(kind), kind.value)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_current_index_changed)
        self.path_edit = make_line_edit(name="exportPath")
        self.path_edit.textChanged.connect(self._on_path_edit_text_changed)
        choose = make_button(
            QCoreApplication.translate("ImportDialog", "Choose…"),
            "chooseExportFile",
            self._on_choose_clicked,
        )
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("Records:"), self.kind_combo)
        form.addRow(self.tr("File:"), path_row)
        self.status = make_label(name="exportStatus", wrap=True, hidden=True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.export_button = make_button(self.tr("Export"), "exportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        close = make_button(self.tr("Close"), slot=self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.busy, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._suggest_path()

    def kind(self) -> CsvKind:
        return CsvKind(str(self.kind_combo.currentData()))

    def set_kind(self, kind: CsvKind) -> None:
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def _suggest_path(self) -> None:
        self.path_edit.setText(str(Path(self.settings.last_folder()) / f"{self.kind().value}.csv"))

    def _on_kind_combo_current_index_changed(self, _index: int) -> None:
        current = Path(self.path_edit.text())
        if current.stem in {kind.value for kind in CsvKind}:
            self.path_edit.setText(str(current.with_name(f"{self.kind().value}.csv")))

    def _on_path_edit_text_changed(self, text: str) -> None:
        self.export_button.setEnabled(bool(text.strip()) and self._job is None)

    def _on_choose_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export CSV"), self.path_edit.text(), self.tr("CSV files (*.csv)")
        )
        if path:
            self.path_edit.setText(path)

    def _on_export_button_clicked(self) -> None:
        self.export()

    def export(self) -> None:
        text = self.path_edit.text().strip()
        if not text or self._job is not None:
            return
        path = Path(text)
        if path.is_dir():
            self._say(self.tr("{path} is a folder: give a file name.").format(path=path), ok=False)
            return
        db, kind = self.context.db, self.kind()

        def work(progress: Any, cancel: CancelToken) -> tuple[int, str]:
            content = export_kind(db, kind)
            write_atomically(path, content.encode("utf-8"))
            return count_rows(content), str(path)

        self.busy.setVisible(True)
        self.export_button.setEnabled(False)
        self._say(
            self.tr("Writing {records} to {path}…").format(
                records=kind_label(kind).lower(), path=path
            ),
            ok=None,
        )
        self._job = self.context.jobs.start(
            self.tr("export {kind}").format(kind=kind.value),
            work,
            on_success=self._on_exported,
            on_failure=self._on_failed,
        )

    def _say(self, text: str, *, ok: bool | None) -> None:
        self.status.setStyleSheet(
            hint_style() if ok is None else ok_box_style() if ok else problem_style()
        )
        self.status.setText(text)
        self.status.setVisible(True)

    def _idle(self) -> None:
        self._job = None
        self.busy.setVisible(False)
        self.export_button.setEnabled(bool(self.path_edit.text().strip()))

    def _on_failed(self, message: str, is_bug: bool) -> None:
        self._idle()
        if is_bug:
            show_failure(self, message, True, self.context.log_file)
        self._say(self.tr("Not written: {error}").format(error=message), ok=False)

    def _on_exported(self, result: tuple[int, str]) -> None:
        self._idle()
        rows, path = result
        self.settings.set_last_folder(path)
        self._say(
            "✓ "
            + (
                self.tr("{count} row written to {path}.")
                if rows == 1
                else self.tr("{count} rows written to {path}.")
            ).format(count=grouped(rows), path=path),
            ok=True,
        )
        self.exported.emit(rows, path)


def export_with_dialog(
    context: DeskContext, settings: UiSettings, parent: QWidget | None = None
) -> ExportDialog:
    """Open the export dialog (File → Export)."""
    dialog = ExportDialog(context, settings, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
