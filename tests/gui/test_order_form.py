"""The new-order form: completion, inline validation, the live dry run, and saving."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from app.desktop import build_context
from domain.model import (
    AiaCertification,
    LppCertification,
    Order,
    OrderLine,
    Party,
    Product,
    ProductKind,
    Role,
)
from domain.services.records import add_record, put_record
from domain.services.views import order_detail
from gui.context import DeskContext
from gui.order_form import NewOrderDialog
from tests.clock import clock_on

TODAY = date(2026, 3, 2)


@pytest.fixture
def context(tmp_path: Path) -> Iterator[DeskContext]:
    context = build_context(str(tmp_path / "desk.sqlite3"), clock=clock_on(TODAY))
    db, actor = context.db, "officer"
    add_record(
        db,
        Party(
            ref="IN-DECCAN",
            name="Deccan Cloudworks Private Limited",
            country="IN",
            hq_country="IN",
            role=Role.CLOUD_PROVIDER,
        ),
        actor=actor,
    )
    add_record(
        db,
        Party(
            ref="DE-MUELLER",
            name="Müller & Söhne Rechenzentren GmbH",
            country="DE",
            hq_country="DE",
            role=Role.DATACENTER_OPERATOR,
        ),
        actor=actor,
    )
    add_record(
        db,
        Product(
            ref="H100-SXM",
            name="NVIDIA H100 SXM",
            kind=ProductKind.IC,
            tpp=15_832,
            die_area_mm2=814,
        ),
        actor=actor,
    )
    add_record(
        db,
        Product(ref="CBL-OPT-100", name="Optical cable kit", kind=ProductKind.OTHER),
        actor=actor,
    )
    put_record(
        db,
        LppCertification(party_ref="IN-DECCAN", year=2026, signed_on=date(2026, 1, 5)),
        actor=actor,
    )
    put_record(
        db, AiaCertification(party_ref="DE-MUELLER", signed_on=date(2025, 1, 20)), actor=actor
    )
    add_record(
        db,
        Order(
            ref="SO-26-0007",
            date=date(2026, 2, 1),
            consignee_ref="DE-MUELLER",
            lines=(OrderLine(product_ref="CBL-OPT-100", quantity=1),),
        ),
        actor=actor,
    )
    yield context
    context.jobs.cancel_all()
    context.jobs.wait()
    context.connection.db.close()  # type: ignore[attr-defined]


@pytest.fixture
def open_form(qtbot: QtBot, context: DeskContext) -> Iterator[Callable[[], NewOrderDialog]]:
    """Open the form as the Orders page does (non-modal) and wait until it is usable."""
    opened: list[NewOrderDialog] = []

    def make() -> NewOrderDialog:
        dialog = NewOrderDialog(context, None)
        opened.append(dialog)
        dialog.open()
        qtbot.waitUntil(lambda: dialog.ready, timeout=5000)
        return dialog

    yield make
    for dialog in opened:
        # A saved form closes and deletes itself; close the ones still open.
        if shiboken6.isValid(dialog):
            dialog.done(0)  # past any "discard?" question


def set_quantity(qtbot: QtBot, dialog: NewOrderDialog, row: int, value: int) -> None:
    spin = dialog.lines[row].quantity
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    assert spin.value() == value


def fill(qtbot: QtBot, dialog: NewOrderDialog, consignee: str, product: str, quantity: int) -> None:
    qtbot.keyClicks(dialog.consignee_edit, consignee)
    qtbot.keyClicks(dialog.lines[0].product, product)
    set_quantity(qtbot, dialog, 0, quantity)


def preview_texts(dialog: NewOrderDialog) -> str:
    return "\n".join(
        label.text() for label in dialog.preview_view.findChildren(QLabel) if label.isVisible()
    )


def test_the_form_suggests_the_next_free_order_number(
    open_form: Callable[[], NewOrderDialog],
) -> None:
    dialog = open_form()
    assert dialog.ref_edit.text() == "SO-26-0008"
    assert dialog.date_edit.date() == QDate(2026, 3, 2)


def test_the_preview_appears_as_the_officer_types(
    qtbot: QtBot, open_form: Callable[[], NewOrderDialog]
) -> None:
    dialog = open_form()
    fill(qtbot, dialog, "Deccan Cloudworks Private Limited", "H100-SXM", 100)
    qtbot.waitUntil(lambda: dialog.preview_outcome_text == "✓ Authorized", timeout=5000)
    assert dialog.last_preview is not None
    assert dialog.last_preview.decision.authorizations[0].value == "LPP"
    assert "India (IN)" in dialog.destination_message.text()
    assert "Authorized under: <b>LPP</b>" in preview_texts(dialog)


def test_the_preview_names_the_lpp_limit_an_order_would_pass(
    qtbot: QtBot, open_form: Callable[[], NewOrderDialog]
) -> None:
    dialog = open_form()
    fill(qtbot, dialog, "IN-DECCAN", "NVIDIA H100 SXM (H100-SXM)", 1699)
    qtbot.waitUntil(lambda: dialog.preview_outcome_text == "✓ Authorized", timeout=5000)
    set_quantity(qtbot, dialog, 0, 1700)
    qtbot.waitUntil(lambda: dialog.preview_outcome_text == "! Licence required", timeout=5000)
    assert dialog.last_preview is not None
    finding = dialog.last_preview.decision.finding("lpp_limit_exceeded")
    assert "passing the LPP limit of 26,900,000 by 14,400" in finding.message
    assert "about 1 unit of NVIDIA H100 SXM too many" in finding.message
    qtbot.waitUntil(lambda: "passing the LPP limit" in preview_texts(dialog), timeout=5000)


def test_fields_in_error_say_what_is_wrong_and_the_preview_waits(
    qtbot: QtBot, open_form: Callable[[], NewOrderDialog]
) -> None:
    dialog = open_form()
    with qtbot.waitSignal(dialog.preview_shown, timeout=5000) as shown:
        fill(qtbot, dialog, "Nobody GmbH", "H999", 5)
        qtbot.keyClicks(dialog.destination_edit, "Atlantis")
        dialog.date_edit.setDate(QDate(2024, 12, 1))
    assert shown.args == [""]
    assert dialog.consignee_message.text() == "✕ unknown party 'Nobody GmbH'"
    assert dialog.lines[0].status.text() == "✕ unknown product"
    assert "unknown country 'Atlantis'" in dialog.destination_message.text()
    assert "no ruleset in effect on 2024-12-01" in dialog.date_message.text()
    assert not dialog.preview_view.isVisible()
    assert "waits" in dialog.preview_status.text()

    dialog.lines[0].product.clear()
    qtbot.keyClicks(dialog.lines[0].product, "H100-SXM")
    dialog.lines[0].quantity.selectAll()
    qtbot.keyClicks(dialog.lines[0].quantity, "0")
    qtbot.waitUntil(
        lambda: dialog.lines[0].status.text() == "✕ a quantity is at least 1", timeout=5000
    )


def test_saving_emits_the_new_ref(
    qtbot: QtBot, open_form: Callable[[], NewOrderDialog], context: DeskContext
) -> None:
    dialog = open_form()
    fill(qtbot, dialog, "DE-MUELLER", "H100-SXM", 64)
    dialog.add_line()
    qtbot.keyClicks(dialog.lines[1].product, "Optical cable kit")
    set_quantity(qtbot, dialog, 1, 10)
    with qtbot.waitSignal(dialog.order_saved, timeout=5000) as saved:
        qtbot.keyClick(dialog.lines[1].product, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == ["SO-26-0008"]
    detail = order_detail(context.db, context.catalog, "SO-26-0008", preview=False)
    assert [(line.product_ref, line.quantity) for line in detail.stored.order.lines] == [
        ("H100-SXM", 64),
        ("CBL-OPT-100", 10),
    ]
    assert detail.stored.order.destination is None  # the consignee's location
    assert detail.latest is None


def test_save_and_check_records_the_decision(
    qtbot: QtBot, open_form: Callable[[], NewOrderDialog], context: DeskContext
) -> None:
    dialog = open_form()
    fill(qtbot, dialog, "DE-MUELLER", "H100-SXM", 8)
    with qtbot.waitSignal(dialog.order_saved, timeout=5000):
        qtbot.mouseClick(dialog.save_check_button, Qt.MouseButton.LeftButton)
    detail = order_detail(context.db, context.catalog, "SO-26-0008", preview=False)
    assert detail.latest is not None
    assert detail.latest.decision.outcome.value == "authorized"


def test_a_refused_save_keeps_everything_typed(
    qtbot: QtBot, open_form: Callable[[], NewOrderDialog]
) -> None:
    dialog = open_form()
    dialog.ref_edit.selectAll()
    qtbot.keyClicks(dialog.ref_edit, "SO-26-0007")
    fill(qtbot, dialog, "IN-DECCAN", "H100-SXM", 12)
    qtbot.waitUntil(lambda: "already exists" in dialog.ref_message.text(), timeout=5000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Not saved" in dialog.save_message.text(), timeout=5000)
    assert "order 'SO-26-0007' already exists" in dialog.save_message.text()
    assert dialog.isVisible()
    assert dialog.ref_edit.text() == "SO-26-0007"
    assert dialog.consignee_edit.text() == "IN-DECCAN"
    assert dialog.lines[0].product.text() == "H100-SXM"
    assert dialog.lines[0].quantity.value() == 12


def test_lines_can_be_added_and_removed(
    qtbot: QtBot, open_form: Callable[[], NewOrderDialog]
) -> None:
    dialog = open_form()
    qtbot.keyClick(dialog.consignee_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert len(dialog.lines) == 2
    qtbot.mouseClick(dialog.lines[0].remove, Qt.MouseButton.LeftButton)
    assert len(dialog.lines) == 1
    qtbot.mouseClick(dialog.lines[0].remove, Qt.MouseButton.LeftButton)
    assert dialog.lines == []
    dialog.save()
    assert dialog.lines_message.text() == "✕ An order needs at least one line"


def test_enter_saves_the_order(qtbot: QtBot, open_form: Callable[[], NewOrderDialog]) -> None:
    dialog = open_form()
    fill(qtbot, dialog, "IN-DECCAN", "H100-SXM", 3)
    with qtbot.waitSignal(dialog.order_saved, timeout=5000) as saved:
        qtbot.keyClick(dialog.lines[0].quantity, Qt.Key.Key_Return)
    assert saved.args == ["SO-26-0008"]


def test_escape_and_cancel_never_drop_a_filled_in_order_without_asking(
    qtbot: QtBot, open_form: Callable[[], NewOrderDialog]
) -> None:
    dialog = open_form()
    fill(qtbot, dialog, "IN-DECCAN", "H100-SXM", 10)
    qtbot.keyClick(dialog.consignee_edit, Qt.Key.Key_Escape)  # closes a completion list at most
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    question = dialog.discard_question
    assert question is not None
    question.button(QMessageBox.StandardButton.Cancel).click()  # "Keep editing"
    assert dialog.isVisible()
    assert dialog.consignee_edit.text() == "IN-DECCAN"
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    question = dialog.discard_question
    assert question is not None
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        question.button(QMessageBox.StandardButton.Discard).click()


def test_an_untouched_form_closes_with_escape_at_once(
    qtbot: QtBot, open_form: Callable[[], NewOrderDialog]
) -> None:
    dialog = open_form()
    with qtbot.waitSignal(dialog.rejected, timeout=2000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.discard_question is None


def test_tab_walks_the_lines_and_reaches_the_buttons(
    qtbot: QtBot, open_form: Callable[[], NewOrderDialog]
) -> None:
    dialog = open_form()
    dialog.add_line()
    dialog.lines[0].product.setFocus()
    visited = []
    for _ in range(12):
        widget = dialog.focusWidget()
        owner = widget
        while owner is not None and owner.objectName() == "":
            owner = owner.parentWidget()
        visited.append(owner.objectName() if owner is not None else "")
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert "addLineButton" in visited
    assert "saveOrderButton" in visited
    assert "removeLine" not in visited
    # Shift+Tab from the first line goes back up to the destination.
    dialog.lines[0].product.setFocus()
    qtbot.keyClick(dialog.lines[0].product, Qt.Key.Key_Backtab)
    assert dialog.focusWidget() is dialog.destination_edit


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("-5", "at least 1"),
        ("0", "at least 1"),
        ("12a", "“12a” is not a number"),
        ("2.5", "not a whole number"),
        ("99999999999", "99,999,999,999 is more than 1,000,000,000"),
        ("", "type a quantity"),
    ],
)
def test_a_quantity_is_never_changed_from_what_was_typed(
    qtbot: QtBot, open_form: Callable[[], NewOrderDialog], typed: str, says: str
) -> None:
    dialog = open_form()
    fill(qtbot, dialog, "DE-MUELLER", "H100-SXM", 8)
    field = dialog.lines[0].quantity
    field.selectAll()
    if typed:
        qtbot.keyClicks(field, typed)
    else:
        qtbot.keyClick(field, Qt.Key.Key_Delete)
    assert field.text() == typed  # kept as typed: nothing dropped, nothing capped
    assert field.value() is None
    qtbot.waitUntil(lambda: says in dialog.lines[0].status.text(), timeout=5000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Not saved" in dialog.save_message.text()


def test_a_quantity_up_to_the_import_limit_is_taken(
    qtbot: QtBot, open_form: Callable[[], NewOrderDialog]
) -> None:
    dialog = open_form()
    fill(qtbot, dialog, "DE-MUELLER", "H100-SXM", 1_000_000_000)
    field = dialog.lines[0].quantity
    assert field.value() == 1_000_000_000
    qtbot.keyClick(field, Qt.Key.Key_Up)  # the largest quantity stays the largest
    assert field.value() == 1_000_000_000
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.text() == "999,999,999"
    field.selectAll()
    qtbot.keyClicks(field, "1 800")
    assert field.value() == 1800
