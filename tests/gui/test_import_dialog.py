"""Import and export from the window: check the whole file, see every bad row, all or nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from domain.csvio import HEADERS, CsvKind
from domain.services.transfer import ImportSummary, export_kind
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.import_dialog import (
    Checked,
    ExportDialog,
    ImportDialog,
    export_with_dialog,
    guess_kind,
    problems_words,
    summary_words,
)
from gui.settings import UiSettings

TODAY = date(2026, 11, 28)
PARTY_HEADER = ",".join(HEADERS[CsvKind.PARTIES])


@pytest.fixture
def settings(tmp_path: Path) -> UiSettings:
    return UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def dialog(qtbot: QtBot, desk: DeskContext, settings: UiSettings) -> ImportDialog:
    shown = ImportDialog(desk, settings)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def choose(qtbot: QtBot, dialog: ImportDialog, path: Path) -> Checked:
    with qtbot.waitSignal(dialog.checked, timeout=20_000) as checked:
        dialog.set_file(path)
    result = checked.args[0]
    assert isinstance(result, Checked)
    return result


def party_refs(desk: DeskContext) -> set[str]:
    with desk.db.reader() as uow:
        return {party.ref for party in uow.parties.all()}


def audit_count(desk: DeskContext) -> int:
    with desk.db.reader() as uow:
        return uow.audit.count()


BAD_PARTIES = f"""{PARTY_HEADER}
P-NEW-1,Nordlicht Rechenzentrum GmbH,,"Hafenstraße 1, Hamburg",DE,DE,,,datacenter_operator,none,,
P-NEW-2,,,,Freedonia,DE,,,end_user,none,,
P-NEW-3,Atlas Compute,,,US,US,,,astronaut,none,,
P-NEW-4,Kestrel AI,,,FR,FR,,,research,nveu,,
"""


def test_a_file_with_errors_lists_every_bad_row_and_writes_nothing(
    qtbot: QtBot, dialog: ImportDialog, desk: DeskContext, tmp_path: Path
) -> None:
    before_parties, before_audit = party_refs(desk), audit_count(desk)
    result = choose(qtbot, dialog, write(tmp_path / "parties.csv", BAD_PARTIES))

    assert dialog.kind() is CsvKind.PARTIES  # guessed from the header row
    assert dialog.preview_model.rowCount() == 4
    assert dialog.preview_model.headerData(0, Qt.Orientation.Vertical) == "2"
    assert result.errors is not None
    listed = [(row.row, row.field, row.value) for row in dialog.error_model.rows()]
    assert listed == [
        (3, "name", None),
        (3, "country", "Freedonia"),
        (4, "role", "astronaut"),
        (5, "veu_country", None),
    ]
    assert dialog.errors.isVisible()
    shown = dialog.error_model.index(1, 3).data()
    assert "unknown country 'Freedonia'" in shown
    assert dialog.result_label.text().startswith("✕ 4 problems in 3 rows; nothing can be imported")
    assert not dialog.import_button.isEnabled()
    assert party_refs(desk) == before_parties
    assert audit_count(desk) == before_audit


def test_a_reference_to_an_unknown_party_is_reported_with_its_row(
    qtbot: QtBot, dialog: ImportDialog, desk: DeskContext, tmp_path: Path
) -> None:
    header = ",".join(HEADERS[CsvKind.FOOTPRINTS])
    result = choose(
        qtbot,
        dialog,
        write(tmp_path / "fp.csv", f"{header}\nUS-HALCYON,FR,5000000\nNOBODY,DE,1\n"),
    )
    assert dialog.kind() is CsvKind.FOOTPRINTS
    assert result.errors is not None
    ((row, field, value),) = [(e.row, e.field, e.value) for e in dialog.error_model.rows()]
    assert (row, field, value) == (3, "party_ref", "NOBODY")


def test_a_good_file_is_checked_then_imported_all_at_once(
    qtbot: QtBot, dialog: ImportDialog, desk: DeskContext, tmp_path: Path
) -> None:
    text = f"""{PARTY_HEADER}
P-NEW-1,Nordlicht Rechenzentrum GmbH,Nordlicht,"Hafenstraße 1",DE,DE,,,datacenter_operator,none,,
P-NEW-2,Kestrel AI,,,FR,FR,,,research,none,,
"""
    result = choose(qtbot, dialog, write(tmp_path / "new-parties.csv", text))
    assert result.summary is not None
    assert dialog.result_label.text().startswith("✓ 2 rows OK: 2 new. Nothing is written")
    assert "P-NEW-1" not in party_refs(desk)  # a check writes nothing
    assert dialog.import_button.isEnabled()

    with (
        qtbot.waitSignal(dialog.imported, timeout=20_000) as imported,
        qtbot.waitSignal(desk.events.changed, timeout=20_000) as changed,
    ):
        dialog.import_button.click()
    assert imported.args[0].created == 2
    assert changed.args[0] == Changes.of(Record.PARTIES)
    assert {"P-NEW-1", "P-NEW-2"} <= party_refs(desk)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.isVisible()


def test_paperwork_imports_tell_the_paperwork_screens(
    qtbot: QtBot, dialog: ImportDialog, desk: DeskContext, tmp_path: Path
) -> None:
    header = ",".join(HEADERS[CsvKind.COUNTRIES])
    choose(qtbot, dialog, write(tmp_path / "c.csv", f"{header}\nVN,false,120000000\n"))
    assert dialog.kind() is CsvKind.COUNTRIES
    with qtbot.waitSignal(desk.events.changed, timeout=20_000) as changed:
        dialog.import_button.click()
    assert changed.args[0] == Changes.of(Record.PAPERWORK)


def test_a_cancelled_import_writes_nothing(
    qtbot: QtBot, dialog: ImportDialog, desk: DeskContext, tmp_path: Path
) -> None:
    rows = "\n".join(
        f"BULK-{number:05d},Bulk Customer {number},,,DE,DE,,,end_user,none,,"
        for number in range(6000)
    )
    result = choose(qtbot, dialog, write(tmp_path / "bulk.csv", f"{PARTY_HEADER}\n{rows}\n"))
    assert result.summary is not None
    before = audit_count(desk)
    dialog.import_button.click()
    assert dialog.cancel_button.isVisible()
    assert dialog.progress.isVisible()
    assert not dialog.close_button.isEnabled()  # an import is never left running unseen
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.close_button.isEnabled(), timeout=30_000)
    assert "Cancelled: nothing was written" in dialog.result_label.text()
    assert audit_count(desk) == before
    assert "BULK-00000" not in party_refs(desk)
    assert dialog.isVisible()


def test_the_kind_is_guessed_from_the_header_row() -> None:
    for kind, columns in HEADERS.items():
        assert guess_kind(list(columns)) is kind
        assert guess_kind([name.upper() for name in reversed(columns)]) is kind
    assert guess_kind(["something", "else"]) is None
    assert guess_kind([]) is None


def test_choosing_another_kind_checks_the_file_again(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    choose(qtbot, dialog, write(tmp_path / "p.csv", BAD_PARTIES))
    with qtbot.waitSignal(dialog.checked, timeout=20_000) as checked:
        dialog.set_kind(CsvKind.PRODUCTS)
    errors = checked.args[0].errors
    assert errors is not None
    assert errors.errors[0].row == 1  # the header does not fit products
    assert not dialog.import_button.isEnabled()


def test_the_import_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, dialog: ImportDialog, tmp_path: Path
) -> None:
    choose(qtbot, dialog, write(tmp_path / "p.csv", BAD_PARTIES))
    qtmodeltester.check(dialog.preview_model)  # type: ignore[attr-defined]
    qtmodeltester.check(dialog.error_model)  # type: ignore[attr-defined]


def test_export_writes_the_whole_file_and_reports_the_rows(
    qtbot: QtBot, desk: DeskContext, settings: UiSettings, tmp_path: Path
) -> None:
    exporter = export_with_dialog(desk, settings)
    assert isinstance(exporter, ExportDialog)
    qtbot.addWidget(exporter)
    exporter.set_kind(CsvKind.LICENSES)
    target = tmp_path / "out" / "licences.csv"
    target.parent.mkdir()
    exporter.path_edit.setText(str(target))
    with qtbot.waitSignal(exporter.exported, timeout=20_000) as exported:
        exporter.export_button.click()
    assert exported.args == [4, str(target)]
    assert target.read_text(encoding="utf-8") == export_kind(desk.db, CsvKind.LICENSES)
    assert not target.with_name("licences.csv.part").exists()
    assert "4 rows written" in exporter.status.text()


def test_export_to_a_folder_is_refused_in_words(
    qtbot: QtBot, desk: DeskContext, settings: UiSettings, tmp_path: Path
) -> None:
    exporter = ExportDialog(desk, settings)
    qtbot.addWidget(exporter)
    exporter.path_edit.setText(str(tmp_path))
    exporter.export_button.click()
    assert "is a folder" in exporter.status.text()


def test_format_and_reference_problems_are_reported_in_one_pass(
    qtbot: QtBot, dialog: ImportDialog, desk: DeskContext, tmp_path: Path
) -> None:
    header = ",".join(HEADERS[CsvKind.FOOTPRINTS])
    text = f"{header}\nUS-HALCYON,Freedonia,5000000\nNOBODY,DE,1\nUS-HALCYON,FR,-3\n"
    result = choose(qtbot, dialog, write(tmp_path / "fp.csv", text))
    assert result.errors is not None
    listed = [(error.row, error.field) for error in dialog.error_model.rows()]
    assert listed == [(2, "country"), (3, "party_ref"), (4, "installed_tpp")]
    assert "unknown party 'NOBODY'" in dialog.error_model.index(1, 3).data()
    assert dialog.result_label.text().startswith("✕ 3 problems in 3 rows")
    assert not dialog.import_button.isEnabled()


def test_counts_read_as_a_person_writes_them() -> None:
    assert problems_words(1, [3]) == "a problem in row 3"
    assert problems_words(2, [3]) == "2 problems in row 3"
    assert problems_words(4, [3, 4, 5]) == "4 problems in 3 rows"
    orders = ImportSummary(
        kind=CsvKind.ORDERS,
        source="o.csv",
        rows=6000,
        records=4000,
        created=4000,
        updated=0,
        unchanged=0,
        dry_run=True,
    )
    assert summary_words(orders) == "6,000 rows OK: 4,000 new orders"
    parties = orders.model_copy(
        update={"kind": CsvKind.PARTIES, "rows": 40, "created": 2, "updated": 3, "unchanged": 35}
    )
    assert summary_words(parties) == "40 rows OK: 2 new, 3 updated, 35 unchanged"
    one = orders.model_copy(update={"rows": 1, "records": 1, "created": 1})
    assert summary_words(one) == "1 row OK: 1 new order"
    again = orders.model_copy(
        update={
            "created": 0,
            "unchanged": 4000,
            "already_imported": True,
            "imported_at": datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
            "imported_by": "ana.lim",
        }
    )
    assert summary_words(again) == (
        "this file was already imported on 2026-03-02 09:30 UTC by ana.lim (same content): "
        "nothing to change"
    )


def test_a_new_party_that_reads_like_a_stored_one_is_shown_as_a_warning_before_importing(
    qtbot: QtBot, dialog: ImportDialog, desk: DeskContext, tmp_path: Path
) -> None:
    text = f"""{PARTY_HEADER}
SG-LION2,LION CITY AI PTE LTD,,,SG,SG,,,end_user,none,,
P-NEW-2,Kestrel AI,,,FR,FR,,,research,none,,
"""
    result = choose(qtbot, dialog, write(tmp_path / "parties.csv", text))
    assert result.summary is not None
    shown = dialog.result_label.text()
    assert shown.startswith("✓ 2 rows OK: 2 new. Nothing is written until you import.\n⚠ Row 2: ")
    assert "party SG-LION2 has a name that reads like party SG-LIONCITY" in shown
    assert "Kestrel" not in shown
    assert dialog.import_button.isEnabled()  # a warning, never a refusal
