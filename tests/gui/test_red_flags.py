"""Red flags: the know-your-customer checklist and the Red Flag 28 resolution of an order."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from domain.decision import Outcome
from domain.red_flags import raised
from domain.ruleset import load_shipped_rulesets
from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.pages.red_flags import RedFlagsPage
from gui.red_flags import RedFlagDialog

TODAY = date(2026, 11, 28)


@pytest.fixture
def page(qtbot: QtBot, desk: DeskContext) -> RedFlagsPage:
    shown = RedFlagsPage(desk)
    qtbot.addWidget(shown)
    shown.resize(1150, 780)
    with qtbot.waitSignal(shown.loaded, timeout=10_000):
        shown.show()
    return shown


def open_dialog(qtbot: QtBot, desk: DeskContext, ref: str) -> RedFlagDialog:
    dialog = RedFlagDialog(desk, ref)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        dialog.show()
    return dialog


def latest_outcome(desk: DeskContext, ref: str) -> str:
    with desk.db.reader() as uow:
        latest = uow.decisions.latest(ref)
    assert latest is not None
    return latest.decision.outcome.value


def test_the_checklist_holds_the_red_flags_of_the_bis_guidance_as_ruleset_data() -> None:
    for ruleset in load_shipped_rulesets().versions:
        checklist = ruleset.red_flags
        keys = [question.key for question in checklist.questions]
        assert len(keys) == len(set(keys)) == 8
        assert date(2025, 5, 13) == checklist.guidance_date
        answers = {"third_country_payment": True, "little_online_presence": False, "gone": True}
        assert raised(answers, checklist) == ["Payment from a third country", "gone"]


def test_a_saved_checklist_is_kept_with_the_order_and_in_the_audit_log(
    qtbot: QtBot, desk: DeskContext, page: RedFlagsPage
) -> None:
    dialog = open_dialog(qtbot, desk, "SO-26-0094")
    dialog.flags["third_country_payment"].setChecked(True)
    dialog.checklist_note.setPlainText("Paid from a Singapore account of the parent.")
    assert "2 red flags ticked" in dialog.flag_count.text()  # parent in Tier 3 is pre-ticked
    with qtbot.waitSignal(dialog.checklist_saved, timeout=10_000):
        dialog.save_checklist.click()
    assert "Checklist saved" in dialog.status.text()

    with desk.db.reader() as uow:
        entries = [entry for entry in uow.audit.entries() if entry.action != "seal"]
        kept = uow.red_flags.checklists("SO-26-0094")
    last = entries[-1]
    assert (last.action, last.entity, last.entity_ref) == ("checklist", "order", "SO-26-0094")
    assert last.actor == "Officer Test"
    assert last.after is not None
    assert last.after["answers"]["third_country_payment"] is True
    assert last.after["answers"]["parent_in_tier3"] is True
    assert last.after["answers"]["little_online_presence"] is False
    assert len(kept) == 1
    assert kept[0].note == "Paid from a Singapore account of the parent."

    with qtbot.waitSignal(page.loaded, timeout=10_000):
        desk.events.changed.emit(Changes.of(Record.DECISIONS))
    flagged = {row.order_ref: row for row in page.flagged_model.rows()}
    assert "Payment from a third country" in flagged["SO-26-0094"].raised


def test_a_parent_headquartered_in_tier_3_is_pre_ticked_from_the_party_records(
    qtbot: QtBot, desk: DeskContext
) -> None:
    dialog = open_dialog(qtbot, desk, "SO-26-0094")
    assert dialog.flags["parent_in_tier3"].isChecked()
    assert "China (CN)" in dialog.flag_notes["parent_in_tier3"].text()
    assert not dialog.flags["little_online_presence"].isChecked()


def test_resolving_red_flag_28_releases_the_hold_after_the_order_is_checked_again(
    qtbot: QtBot, desk: DeskContext, page: RedFlagsPage
) -> None:
    assert "SO-25-0151" in [row.order.ref for row in page.held_model.rows()]
    assert latest_outcome(desk, "SO-25-0151") == Outcome.HOLD.value
    dialog = open_dialog(qtbot, desk, "SO-25-0151")
    assert dialog.resolution_box.isVisibleTo(dialog)
    assert "On hold" in dialog.finding.text()
    assert dialog.resolved_by.text() == "Officer Test"
    assert not dialog.record_resolution.isEnabled()  # the note is required
    dialog.resolved_on.setDate(QDate(2025, 9, 16))
    dialog.resolution_note.setPlainText(
        "Training for Varuna's own model; compute stays in our US region; statements on file."
    )
    assert dialog.record_resolution.isEnabled()
    with (
        qtbot.waitSignal(dialog.rechecked, timeout=10_000) as rechecked,
        qtbot.waitSignal(page.loaded, timeout=10_000),
    ):
        dialog.record_resolution.click()
    assert rechecked.args[0] in (Outcome.NO_LICENSE_REQUIRED.value, Outcome.AUTHORIZED.value)
    assert latest_outcome(desk, "SO-25-0151") == rechecked.args[0]
    assert "SO-25-0151" not in [row.order.ref for row in page.held_model.rows()]
    with desk.db.reader() as uow:
        stored = uow.orders.get("SO-25-0151")
        actions = [entry.action for entry in uow.audit.entries() if entry.action != "seal"][-2:]
    assert stored is not None
    resolution = stored.order.red_flag_28_resolution
    assert resolution is not None
    assert resolution.resolved_on == date(2025, 9, 16)
    assert actions == ["resolve_red_flag_28", "decide"]


def test_the_resolution_form_says_what_is_missing_and_keeps_what_was_typed(
    qtbot: QtBot, desk: DeskContext
) -> None:
    dialog = open_dialog(qtbot, desk, "SO-26-0094")
    dialog.resolution_note.setPlainText("x")
    dialog.resolution_note.setPlainText("")
    assert dialog.resolution_errors["note"].isVisibleTo(dialog)
    assert "Describe how it was resolved" in dialog.resolution_errors["note"].text()
    dialog.resolved_by.setText("")
    assert "Name who resolved it" in dialog.resolution_errors["resolved_by"].text()
    dialog.resolved_on.setDate(QDate(2027, 1, 1))
    assert "future" in dialog.resolution_errors["resolved_on"].text()
    assert not dialog.record_resolution.isEnabled()


def test_an_order_without_iaas_training_has_no_red_flag_28_section(
    qtbot: QtBot, desk: DeskContext
) -> None:
    dialog = open_dialog(qtbot, desk, "SO-25-0035")
    assert not dialog.resolution_box.isVisibleTo(dialog)
    assert dialog.save_checklist.isEnabled()


def test_an_unknown_order_is_explained_not_crashed(qtbot: QtBot, desk: DeskContext) -> None:
    dialog = RedFlagDialog(desk, "SO-NOPE")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=10_000)
    assert "unknown order" in dialog.problem.text()
    assert not dialog.save_checklist.isEnabled()


def test_the_red_flag_page_models_pass_the_model_tester(
    qtmodeltester: object, page: RedFlagsPage
) -> None:
    assert page.held_model.rowCount() == 2
    qtmodeltester.check(page.held_model)  # type: ignore[attr-defined]
    qtmodeltester.check(page.flagged_model)  # type: ignore[attr-defined]


def test_the_page_opens_the_dialog_of_the_selected_held_order(
    qtbot: QtBot, page: RedFlagsPage
) -> None:
    page.held_table.selectRow(0)
    with qtbot.waitSignal(page.dialog_opened, timeout=5000) as opened:
        page.open_held.click()
    dialog = opened.args[0]
    assert isinstance(dialog, RedFlagDialog)
    assert dialog.order_ref == page.held_model.rows()[0].order.ref
    qtbot.waitUntil(lambda: dialog.detail is not None, timeout=10_000)
    assert dialog.resolution_box.isVisibleTo(dialog)
    dialog.close()


def test_field_audits_with_open_discrepancies_wait_in_the_queue_until_resolved(
    qtbot: QtBot, desk: DeskContext
) -> None:
    from datetime import UTC, datetime

    from domain.fieldaudit.visits import FieldVisit

    at = datetime(2026, 2, 20, 15, 0, tzinfo=UTC)
    with desk.db.writer("officer") as uow:
        for number, (party, discrepancies) in enumerate((("IN-DECCAN", 3), ("US-HALCYON", 0))):
            uow.field_visits.add(
                FieldVisit(
                    kit_sha256=f"{number:02d}" * 32,
                    party_ref=party,
                    site="Bengaluru DC-2",
                    exported_at=at,
                    closed_at=at,
                    auditor="Ana Lim",
                    site_representative="Raj Kumar, Site Manager",
                    key_fingerprint="00",
                    log_head="cd" * 32,
                    discrepancies=discrepancies,
                    summary={},
                    merged_at=at,
                    merged_by="officer",
                )
            )
        uow.commit()
    shown = RedFlagsPage(desk)
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.loaded, timeout=10_000):
        shown.show()
    rows = shown.visit_model.rows()
    assert [(visit.party_ref, visit.discrepancies) for visit in rows] == [("IN-DECCAN", 3)]
    assert shown.visit_table.model().index(0, 5).data() == "⚠ 3: orders held"
    assert "1 field audit with open discrepancies" in shown.summary.text()
    assert shown.resolve_visit_button.isEnabled()
    assert not shown.resolve_visit(rows[0], "")  # a resolution must say something
    with qtbot.waitSignal(shown.loaded, timeout=10_000):
        assert shown.resolve_visit(rows[0], "two units found in the RMA cage")
    assert shown.visit_model.rows() == []
    assert not shown.resolve_visit_button.isEnabled()
