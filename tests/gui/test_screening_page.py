"""The Screening page on a real database: importing lists (with the question asked when a
source vanished), re-screening every party with progress and Stop, the queue of potential
matches, deciding one in two keystrokes, a changed entry reopening a decision, approval by
a second officer and a party's history."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from domain.model import Party
from domain.screening.results import Disposition, MatchState, Verdict
from domain.services.records import add_record
from domain.services.screening import history, work_queue
from domain.services.screening_lists import list_snapshots
from gui.context import DeskContext
from gui.pages.parties.page import PartiesPage
from gui.pages.screening.page import ScreeningPage

DATA = Path(__file__).resolve().parent.parent / "data" / "screening"
HEADER = (
    "source,name,alt_names,addresses,country,license_requirement,license_policy,"
    "federal_register_notice,start_date\n"
)
ZENTHORA = (
    "Entity List (EL) - Bureau of Industry and Security,Zenthora Photonics Co. Ltd.,Zenthora,"
    '"Block 5, Singapore, SG",SG,For all items subject to the EAR.,{policy},90 FR 1,2025-01-15'
)
QUORVEX = (
    "Denied Persons List (DPL) - Bureau of Industry and Security,Quorvex Diversion Trading LLC,,"
    '"Dubai, AE",AE,,,,'
)
CETC = "China Electronics Technology Group Corporation 13th Research Institute"
WAIT = 15_000


def extra_list(folder: Path, name: str, policy: str = "Policy of denial.") -> Path:
    """A small list of our own, in the simple CSV form."""
    path = folder / name
    path.write_text(HEADER + ZENTHORA.format(policy=policy) + "\n" + QUORVEX + "\n")
    return path


def party(ref: str, name: str, country: str, **fields: object) -> Party:
    return Party.model_validate(
        {"ref": ref, "name": name, "country": country, "hq_country": country, **fields}
    )


@pytest.fixture
def page(qtbot: QtBot, context: DeskContext) -> ScreeningPage:
    context.actor = "Officer One"
    for made in (
        party("ZP", "Zenthora Photonics Company Limited", "SG", aliases=["Zenthora Optics"]),
        party("QD", "Quorvex Diversion Trading L.L.C.", "AE"),
        party(
            "CETC", "China Electronics Technology Group Corporation 13th Research Institute", "CN"
        ),
        party("OK", "Maple Compute", "US"),
    ):
        add_record(context.db, made, actor="setup")
    shown = ScreeningPage(context)
    qtbot.addWidget(shown)
    shown.resize(1180, 680)
    with qtbot.waitSignal(shown.loaded, timeout=WAIT):
        shown.show()
    return shown


def import_file(qtbot: QtBot, page: ScreeningPage, path: Path) -> None:
    with qtbot.waitSignals([page.imported, page.loaded], timeout=WAIT):
        page.import_file(path)


def rescreen(qtbot: QtBot, page: ScreeningPage) -> tuple[int, int]:
    ended: list[tuple[int, int]] = []
    page.rescreened.connect(lambda done, total: ended.append((done, total)))
    with qtbot.waitSignals([page.rescreened, page.loaded], timeout=WAIT):
        qtbot.mouseClick(page.rescreen_button, Qt.MouseButton.LeftButton)
    return ended[-1]


def record(qtbot: QtBot, page: ScreeningPage, act: Callable[[], object]) -> Disposition:
    """Do ``act`` and wait until the decision is recorded and the queue read again."""
    made: list[Disposition] = []
    page.decided.connect(made.append)
    with qtbot.waitSignals([page.decided, page.loaded], timeout=WAIT):
        act()
    return made[-1]


def queue_texts(page: ScreeningPage, column: int) -> list[str]:
    model = page.queue_model
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def selected_party(page: ScreeningPage) -> str:
    item = page.selected_item()
    assert item is not None
    return item.party_ref


def test_without_a_list_the_page_says_to_import_one(page: ScreeningPage) -> None:
    assert "No restricted-party list imported yet" in page.snapshot_label.text()
    assert not page.rescreen_button.isEnabled()
    assert page.queue_model.rowCount() == 0
    assert not page.true_button.isEnabled()


def test_an_imported_list_is_shown_with_its_counts_and_re_screening_fills_the_queue(
    qtbot: QtBot, page: ScreeningPage, tmp_path: Path
) -> None:
    import_file(qtbot, page, extra_list(tmp_path, "own-list.csv"))
    assert "Snapshot 1 in use: own-list.csv" in page.snapshot_label.text()
    assert "2 added, 0 removed, 0 changed" in page.snapshot_label.text()
    assert "Entity List (EL): 1" in page.counts_label.text()
    assert "Denied Persons List (DPL): 1" in page.counts_label.text()
    assert "Re-screen all parties" in page.progress_label.text()
    assert page.rescreen_button.isEnabled()

    done, total = rescreen(qtbot, page)
    assert (done, total) == (4, 4)
    assert "All 4 parties re-screened: 2 with potential matches" in page.progress_label.text()
    assert sorted(queue_texts(page, 0)) == [
        "Quorvex Diversion Trading L.L.C. (QD)",
        "Zenthora Photonics Company Limited (ZP)",
    ]
    scores = [float(text) for text in queue_texts(page, 1)]
    assert scores == sorted(scores, reverse=True)
    assert set(queue_texts(page, 5)) == {"● Pending"}
    assert page.queue_heading.text() == "Potential matches to decide: 2"


def test_a_match_is_shown_side_by_side_with_the_met_words_marked(
    qtbot: QtBot, page: ScreeningPage, tmp_path: Path
) -> None:
    import_file(qtbot, page, extra_list(tmp_path, "own-list.csv"))
    rescreen(qtbot, page)
    row = queue_texts(page, 0).index("Zenthora Photonics Company Limited (ZP)")
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.compare.party_title.text() == "Party ZP", timeout=WAIT)
    party_side = page.compare.party.toHtml()
    entry_side = page.compare.entry.toPlainText()
    assert "Photonics Company Limited" in page.compare.party.toPlainText()
    assert "Zenthora Optics" in page.compare.party.toPlainText()
    assert "text-decoration:underline" in party_side.replace(" ", "")
    assert "Policy of denial." in entry_side
    assert "90 FR 1" in entry_side
    assert "Block 5, Singapore, SG" in entry_side
    assert "Singapore (SG)" in entry_side
    assert "Score " in page.compare.score.text()
    assert "exact" in page.compare.party.toolTip()
    assert "exact" in page.compare.legend.text()
    assert "fuzzy" in page.compare.legend.text()


def test_t_then_enter_records_a_true_match_and_the_queue_moves_on(
    qtbot: QtBot, page: ScreeningPage, context: DeskContext, tmp_path: Path
) -> None:
    import_file(qtbot, page, extra_list(tmp_path, "own-list.csv"))
    rescreen(qtbot, page)
    page.table.selectRow(0)
    first = selected_party(page)
    page.table.setFocus()

    qtbot.keyClick(page.table, Qt.Key.Key_T)
    assert page.true_button.isChecked()
    line = page.reason.lineEdit()
    assert isinstance(line, QLineEdit)
    assert page.focusWidget() in (page.reason, line)
    assert page.reason.currentText() == "Same name, country and address as the list entry"
    decided = record(qtbot, page, lambda: qtbot.keyClick(line, Qt.Key.Key_Return))
    assert decided.verdict is Verdict.TRUE_MATCH
    assert decided.decided_by == "Officer One"
    assert page.queue_model.rowCount() == 1
    assert selected_party(page) != first
    assert "Recorded: true match" in page.message.text()
    assert [item.party_ref for item in work_queue(context.db)] == [selected_party(page)]


def test_f_with_a_reason_of_ones_own_records_a_false_positive(
    qtbot: QtBot, page: ScreeningPage, context: DeskContext, tmp_path: Path
) -> None:
    import_file(qtbot, page, extra_list(tmp_path, "own-list.csv"))
    rescreen(qtbot, page)
    page.table.selectRow(0)
    ref = selected_party(page)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F)
    assert page.false_button.isChecked()
    line = page.reason.lineEdit()
    assert isinstance(line, QLineEdit)
    line.selectAll()
    qtbot.keyClicks(line, "Registry extract shows another company")
    qtbot.keyClick(line, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert page.document.hasFocus()  # Alt+U: the optional supporting document
    qtbot.keyClicks(page.document, "ACRA extract 2026-11-30.pdf")
    with qtbot.waitSignals([page.decided, page.loaded], timeout=WAIT):
        qtbot.keyClick(page.document, Qt.Key.Key_Return)
    found = history(context.db, ref).dispositions
    assert [(d.verdict, d.reason, d.document) for d in found] == [
        (
            Verdict.FALSE_POSITIVE,
            "Registry extract shows another company",
            "ACRA extract 2026-11-30.pdf",
        )
    ]
    assert page.document.text() == ""


def test_enter_without_a_verdict_or_a_reason_records_nothing(
    qtbot: QtBot, page: ScreeningPage, context: DeskContext, tmp_path: Path
) -> None:
    import_file(qtbot, page, extra_list(tmp_path, "own-list.csv"))
    rescreen(qtbot, page)
    page.table.selectRow(0)
    page.record()
    assert "Choose first" in page.message.text()
    page.choose_verdict(Verdict.FALSE_POSITIVE)
    page.reason.setEditText("   ")
    page.record()
    assert "needs a reason" in page.message.text()
    assert len(work_queue(context.db)) == 2


def test_a_changed_entry_reopens_its_decision(
    qtbot: QtBot, page: ScreeningPage, tmp_path: Path
) -> None:
    import_file(qtbot, page, extra_list(tmp_path, "own-list.csv"))
    rescreen(qtbot, page)
    row = queue_texts(page, 0).index("Zenthora Photonics Company Limited (ZP)")
    page.table.selectRow(row)
    page.choose_verdict(Verdict.FALSE_POSITIVE)
    with qtbot.waitSignals([page.decided, page.loaded], timeout=WAIT):
        page.record()
    assert "Zenthora Photonics Company Limited (ZP)" not in queue_texts(page, 0)

    changed = extra_list(tmp_path, "own-list-2.csv", policy="Case-by-case review.")
    import_file(qtbot, page, changed)
    assert "0 added, 0 removed, 1 changed" in page.snapshot_label.text()
    rescreen(qtbot, page)
    row = queue_texts(page, 0).index("Zenthora Photonics Company Limited (ZP)")
    assert queue_texts(page, 5)[row] == "↻ Reopened: entry changed"


def test_a_vanished_source_is_named_before_the_snapshot_is_taken(
    qtbot: QtBot, page: ScreeningPage, context: DeskContext, tmp_path: Path
) -> None:
    import_file(qtbot, page, DATA / "csl-sample.csv")
    rescreen(qtbot, page)
    assert queue_texts(page, 0) == [
        "China Electronics Technology Group Corporation 13th Research Institute (CETC)"
    ]
    own = extra_list(tmp_path, "own-list.csv")

    with qtbot.waitSignal(page.checked, timeout=WAIT):
        page.import_file(own)
    box = page.confirmation
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert "Entity List (EL): 1 entries before, none now" not in box.informativeText()
    assert "Sectoral Sanctions Identifications List (SSI): 3 entries before, none now" in (
        box.informativeText()
    )
    assert "10 %" in box.text()
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    assert cancel is not None
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert "Not imported" in page.progress_label.text()
    assert len(list_snapshots(context.db)) == 1

    with qtbot.waitSignal(page.checked, timeout=WAIT):
        page.import_file(own)
    box = page.confirmation
    assert isinstance(box, QMessageBox)
    take = next(b for b in box.buttons() if b.objectName() == "takeSnapshot")
    assert isinstance(take, QAbstractButton)
    with qtbot.waitSignals([page.imported, page.loaded], timeout=WAIT):
        qtbot.mouseClick(take, Qt.MouseButton.LeftButton)
    assert len(list_snapshots(context.db)) == 2
    assert "Snapshot 2 in use: own-list.csv" in page.snapshot_label.text()


def test_the_same_file_again_is_already_imported(
    qtbot: QtBot, page: ScreeningPage, context: DeskContext, tmp_path: Path
) -> None:
    own = extra_list(tmp_path, "own-list.csv")
    import_file(qtbot, page, own)
    with qtbot.waitSignal(page.checked, timeout=WAIT):
        page.import_file(own)
    assert "nothing to import" in page.progress_label.text()
    assert len(list_snapshots(context.db)) == 1


def test_a_file_that_is_not_a_list_is_refused_with_its_reason(
    qtbot: QtBot, page: ScreeningPage, context: DeskContext, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("what,is,this\n1,2,3\n")
    page.import_file(bad)
    qtbot.waitUntil(lambda: "Not imported" in page.progress_label.text(), timeout=WAIT)
    assert "bad.csv" in page.progress_label.text()
    assert list_snapshots(context.db) == []
    assert page.import_button.isEnabled()


def test_re_screening_shows_progress_and_stop_keeps_what_was_done(
    qtbot: QtBot, page: ScreeningPage, context: DeskContext, tmp_path: Path
) -> None:
    for number in range(40):
        add_record(
            context.db, party(f"P{number:03d}", f"Harbour Freight {number}", "NL"), actor="s"
        )
    import_file(qtbot, page, extra_list(tmp_path, "own-list.csv"))
    page.rescreen_batch = 1
    with qtbot.waitSignal(page.rescreened, timeout=WAIT) as blocker:
        page.start_rescreen()
        assert page.stop_button.isVisible()
        assert page.progress.isVisible()
        qtbot.mouseClick(page.stop_button, Qt.MouseButton.LeftButton)
        assert not page.stop_button.isEnabled()
    done, total = blocker.args or (0, 0)
    assert total == 44
    assert done < total
    assert f"Stopped: {done:,} of 44 parties re-screened" in page.progress_label.text()
    qtbot.waitUntil(lambda: not page.stop_button.isVisible(), timeout=WAIT)
    assert page.rescreen_button.isEnabled()
    assert page.progress.maximum() == 44


def test_a_new_threshold_screens_every_party_again(
    qtbot: QtBot, page: ScreeningPage, context: DeskContext, tmp_path: Path
) -> None:
    import_file(qtbot, page, extra_list(tmp_path, "own-list.csv"))
    rescreen(qtbot, page)
    dialog = page.open_settings()
    dialog.threshold.setValue(0.9)
    with qtbot.waitSignal(page.rescreened, timeout=WAIT) as blocker:
        dialog.save()
    assert blocker.args == [4, 4]
    with context.db.reader() as uow:
        snapshot = uow.list_snapshots.in_use()
        assert snapshot is not None
        stored = uow.screenings.latest_for(["ZP", "QD", "CETC", "OK"], snapshot.id)
    assert {item.threshold for item in stored.values()} == {0.9}
    dialog = page.open_settings()
    dialog.second.setChecked(True)  # the same threshold: nothing is screened again
    ended: list[object] = []
    page.rescreened.connect(ended.append)
    with qtbot.waitSignals([dialog.saved, page.loaded], timeout=WAIT):
        dialog.save()
    assert ended == []


def test_a_strong_match_cleared_waits_for_a_second_officer(
    qtbot: QtBot, page: ScreeningPage, context: DeskContext, tmp_path: Path
) -> None:
    dialog = page.open_settings()
    dialog.second.setChecked(True)
    with qtbot.waitSignals([dialog.saved, page.loaded], timeout=WAIT):
        dialog.save()
    assert "a second officer approves" in page.counts_label.text() or (
        page.view is not None and page.view.settings.second_approval
    )
    import_file(qtbot, page, extra_list(tmp_path, "own-list.csv"))
    rescreen(qtbot, page)
    page.table.selectRow(0)
    item = page.selected_item()
    assert item is not None
    assert item.match.score >= 0.95
    page.choose_verdict(Verdict.FALSE_POSITIVE)
    with qtbot.waitSignals([page.decided, page.loaded], timeout=WAIT):
        page.record()
    row = queue_texts(page, 0).index(f"{item.party_name} ({item.party_ref})")
    page.table.selectRow(row)
    assert queue_texts(page, 5)[row] == "⧗ Awaiting approval (cleared by Officer One)"
    assert page.approve_button.isEnabled()

    page.approve_selected()
    qtbot.waitUntil(lambda: "second officer" in page.message.text(), timeout=WAIT)

    context.actor = "Officer Two"
    page.activateWindow()  # the settings dialog had the focus
    qtbot.waitUntil(page.isActiveWindow, timeout=WAIT)
    page.table.setFocus()
    page.table.selectRow(row)
    approved = record(qtbot, page, lambda: qtbot.keyClick(page.table, Qt.Key.Key_A))
    assert approved.approved_by == "Officer Two"
    assert all(entry.state is not MatchState.AWAITING_APPROVAL for entry in work_queue(context.db))


def test_history_lists_screenings_and_dispositions_from_both_pages(
    qtbot: QtBot, page: ScreeningPage, context: DeskContext, tmp_path: Path
) -> None:
    import_file(qtbot, page, extra_list(tmp_path, "own-list.csv"))
    rescreen(qtbot, page)
    row = queue_texts(page, 0).index("Zenthora Photonics Company Limited (ZP)")
    page.table.selectRow(row)
    page.choose_verdict(Verdict.TRUE_MATCH)
    with qtbot.waitSignals([page.decided, page.loaded], timeout=WAIT):
        page.record()
    page.table.selectRow(0)
    dialog = page.open_selected_history()
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.screenings.rowCount() == 1, timeout=WAIT)

    parties = PartiesPage(context)
    qtbot.addWidget(parties)
    entries = [entry for entry in parties._more_entries(_summary(context, "ZP")) if entry]
    assert any(isinstance(e, tuple) and e[0] == "Screening history of ZP…" for e in entries)
    shown = parties.open_screening_history("ZP")
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.loaded, timeout=WAIT):
        pass
    assert shown.dispositions.rowCount() == 1
    assert shown.dispositions.index(0, 0).data() == "✕ True match"
    assert shown.dispositions.index(0, 5).data() == "Officer One"
    assert shown.screenings.rowCount() == 1
    assert "Zenthora Photonics Co. Ltd." in str(shown.screenings.index(0, 4).data())
    assert "screened 1 time, 1 disposition" in shown.summary.text()


def _summary(context: DeskContext, ref: str) -> object:
    return next(row for row in context.queries.party_summaries(ref) if row.ref == ref)


def test_every_control_is_reachable_by_name_and_the_page_fits_1366x768(
    qtbot: QtBot, context: DeskContext
) -> None:
    from app.screenshots import fit_problems
    from gui.main_window import MainWindow
    from gui.pages.registry import page_factories

    window = MainWindow(context, page_factories())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    screening = window.page(ScreeningPage)
    window.show_page(window.pages.index(screening))
    qtbot.waitUntil(lambda: not context.jobs.busy, timeout=WAIT)
    problems = fit_problems(window, "Screening")
    assert [problem for problem in problems if "larger than the screen" not in problem] == []
    for control in screening.findChildren(QAbstractButton) + screening.findChildren(QComboBox):
        if control.isVisibleTo(screening):
            name = control.accessibleName() or getattr(control, "text", lambda: "")()
            assert name, control.objectName()


def test_each_kind_of_meeting_has_its_own_sign_besides_its_shade(qapp: object) -> None:
    from domain.screening.results import MatchedToken
    from gui.pages.screening.marks import Side, legend_html, marked_html

    tokens = (
        MatchedToken(query_token="straits", list_token="straits", how="exact"),
        MatchedToken(query_token="silicon", list_token="silcon", how="fuzzy", distance=1),
        MatchedToken(query_token="sdn bhd", list_token="sdn bhd", how="company_form"),
        MatchedToken(query_token="trading", list_token="trading", how="generic"),
    )
    party_side, marked = marked_html("Straits Silicon Trading Sdn. Bhd.", tokens, Side.PARTY)
    assert marked == 3
    assert "=&#8201;Straits" in party_side
    assert "≈&#8201;Silicon" in party_side
    assert "∘&#8201;Trading" in party_side
    assert "Sdn. Bhd." in party_side
    list_side, _ = marked_html("Straits Silcon", tokens, Side.LIST)
    assert "≈&#8201;Silcon" in list_side
    legend = legend_html()
    for words in ("exact", "fuzzy", "transliterated or translated", "generic word"):
        assert words in legend
