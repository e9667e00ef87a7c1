"""Audit log: browsing what changed, and verifying that nothing was altered afterwards."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.desktop import build_context
from domain.audit import VerifyReport
from domain.services.demo_load import load_demo
from domain.services.orders import check_pending
from domain.services.records import Edit
from gui.context import DeskContext
from gui.pages.audit import AuditPage
from tests.clock import clock_on

TODAY = date(2026, 11, 28)


def _copy(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


@pytest.fixture(scope="session")
def checked_demo(tmp_path_factory: pytest.TempPathFactory, qapp: QApplication) -> Path:
    """The demonstration data with every order checked, built once per test run."""
    path = tmp_path_factory.getbasetemp() / "checked-demo.sqlite3"
    if not path.exists():
        work = tmp_path_factory.mktemp("demo") / "desk.sqlite3"
        desk = build_context(str(work), clock=clock_on())
        load_demo(desk.db, desk.demo_dataset(), actor="t")
        check_pending(desk.db, desk.catalog, actor="t")
        desk.connection.db.close()  # type: ignore[attr-defined]
        part = path.with_name(path.name + ".part")
        _copy(work, part)
        os.replace(part, path)
    return path


@pytest.fixture
def database_file(checked_demo: Path, tmp_path: Path) -> Path:
    target = tmp_path / "desk.sqlite3"
    _copy(checked_demo, target)
    return target


@pytest.fixture
def desk(database_file: Path) -> Iterator[DeskContext]:
    context = build_context(str(database_file), clock=clock_on(TODAY))
    context.actor = "Officer Test"
    yield context
    context.jobs.cancel_all()
    context.jobs.wait()
    context.connection.db.close()  # type: ignore[attr-defined]


@pytest.fixture
def page(qtbot: QtBot, desk: DeskContext) -> AuditPage:
    shown = AuditPage(desk)
    qtbot.addWidget(shown)
    shown.resize(1150, 780)
    with qtbot.waitSignal(shown.list_loaded, timeout=10_000):
        shown.show()
    return shown


def entry_count(desk: DeskContext) -> int:
    with desk.db.reader() as uow:
        return uow.audit.count()


def verify(qtbot: QtBot, page: AuditPage) -> VerifyReport:
    with qtbot.waitSignal(page.verified, timeout=30_000) as done:
        page.verify_button.click()
        assert page.busy.isVisible()  # the officer sees it is working
        assert not page.verify_button.isEnabled()
    report = done.args[0]
    assert isinstance(report, VerifyReport)
    qtbot.waitUntil(lambda: page.verify_button.isEnabled(), timeout=5000)
    assert not page.busy.isVisible()
    return report


def test_the_log_lists_every_entry_newest_first(page: AuditPage, desk: DeskContext) -> None:
    total = entry_count(desk)
    assert page.model.rowCount() == total
    assert page.count_label.text() == f"{total:,} entries"
    assert page.model.index(0, 0).data() == str(total)


def test_verify_reports_an_intact_record(qtbot: QtBot, page: AuditPage, desk: DeskContext) -> None:
    report = verify(qtbot, page)
    assert report.intact
    total = entry_count(desk)
    with desk.db.reader() as uow:
        decisions = sum(1 for _ in uow.decisions.all())
    assert page.result_label.text().startswith(
        f"✓ Intact: {total:,} entries, {decisions:,} decisions, "
    )


def test_verify_names_a_tampered_entry_and_selects_it(
    qtbot: QtBot, page: AuditPage, database_file: Path
) -> None:
    page.search.setText("SO-26")
    with qtbot.waitSignal(page.list_loaded, timeout=10_000):
        page.apply_filter()
    # Someone edits the record behind the application's back.
    with closing(sqlite3.connect(database_file)) as connection:
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 42")
        connection.commit()
    with qtbot.waitSignal(page.entry_shown, timeout=10_000) as shown:
        report = verify(qtbot, page)
    assert not report.intact
    assert report.problem is not None
    assert report.problem.seq == 42
    text = page.result_label.text()
    assert text.startswith("✕ Broken: entry 42 ")
    assert "changed after it was written" in text
    # Entry 42 was outside the filter: the filters were cleared to show it, and it is selected.
    assert page.search.text() == ""
    assert shown.args[0] == 42
    selected = page.table.selectionModel().selectedRows()
    assert len(selected) == 1
    assert page.model.index(selected[0].row(), 0).data() == "42"
    assert "mallory" in page.entry_title.text()


def test_selecting_an_entry_shows_before_and_after_with_its_hashes(
    qtbot: QtBot, page: AuditPage, desk: DeskContext
) -> None:
    with desk.db.reader() as uow:
        entries = {entry.seq: entry for entry in uow.audit.entries()}
    update = next(entry for entry in entries.values() if entry.action == "decide" and entry.after)
    with qtbot.waitSignal(page.entry_shown, timeout=10_000):
        assert page.select_seq(update.seq)
    assert json.loads(page.after.toPlainText()) == update.after
    if update.before is None:
        assert page.before.toPlainText() == "(nothing)"
    else:
        assert json.loads(page.before.toPlainText()) == update.before
    assert update.hash in page.hashes.text()
    assert update.prev_hash in page.hashes.text()
    assert entries[update.seq - 1].hash == update.prev_hash


def test_the_filters_narrow_the_log(qtbot: QtBot, page: AuditPage, desk: DeskContext) -> None:
    with desk.db.reader() as uow:
        aia = sum(1 for entry in uow.audit.entries() if entry.entity == "aia_certification")
    with qtbot.waitSignal(page.list_loaded, timeout=10_000) as loaded:
        page.entity.setCurrentIndex(page.entity.findData("aia_certification"))
    assert loaded.args[0] == aia
    page.actor.setText("nobody")
    with qtbot.waitSignal(page.list_loaded, timeout=10_000) as loaded:
        page.apply_filter()
    assert loaded.args[0] == 0
    page.actor.clear()
    page.use_dates.blockSignals(True)
    page.use_dates.setChecked(True)
    page.use_dates.blockSignals(False)
    page.date_from.setDate(page.date_from.date().addYears(-30))
    with qtbot.waitSignal(page.list_loaded, timeout=10_000) as loaded:
        page.apply_filter()
    assert loaded.args[0] == aia


def test_the_audit_model_passes_the_model_tester(qtmodeltester: object, page: AuditPage) -> None:
    assert page.model.rowCount() > 0
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]


def test_every_action_the_desk_audits_has_words() -> None:
    import ast
    from pathlib import Path

    from gui.pages.audit import ACTION_TEXT

    actions: set[str] = set()
    for path in Path("domain").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "append"
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr == "audit"
            ):
                first = node.args[0] if node.args else None
                for value in ast.walk(first) if first is not None else ():
                    if isinstance(value, ast.Constant) and isinstance(value.value, str):
                        actions.add(value.value)
    actions |= {edit.value for edit in Edit}
    assert actions
    missing = sorted(action for action in actions if action not in ACTION_TEXT)
    assert missing == []
    assert all(text[0].isupper() for text in ACTION_TEXT.values())


def test_a_seal_says_how_many_records_it_vouches_for_in_words(qapp: object) -> None:
    from gui.pages.audit import action_text, ref_text

    assert action_text("seal") == "Records sealed"
    assert ref_text("seal", "1 records") == "1 record"  # as entries before the plural was kept
    assert ref_text("seal", "1 record") == "1 record"
    assert ref_text("seal", "12345 records") == "12,345 records"
    assert ref_text("create", "1 records") == "1 records"  # only a seal's ref is a count
