"""The Parties page as an officer uses it: find, create, edit, undo, and read the standing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
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
    VeuFootprint,
    VeuStatus,
)
from domain.services.catalog_views import get_party
from domain.services.records import add_record, put_record
from gui.context import DeskContext
from gui.main_window import MainWindow
from gui.pages.orders import OrdersPage
from gui.pages.parties.page import PartiesPage
from gui.pages.parties.table import PartyTableModel
from gui.settings import UiSettings
from tests.clock import clock_on

TODAY = date(2026, 3, 2)
DECCAN = Party(
    ref="IN-DECCAN",
    name="Deccan Cloudworks Private Limited",
    aliases=("Deccan Cloudworks",),
    address="Outer Ring Road, Bengaluru",
    country="IN",
    hq_country="IN",
    role=Role.CLOUD_PROVIDER,
)
HALCYON = Party(
    ref="US-HALCYON",
    name="Halcyon Cloud Systems, Inc.",
    country="US",
    hq_country="US",
    role=Role.CLOUD_PROVIDER,
    veu=VeuStatus.UVEU,
    veu_id="UVEU-25-0007",
)
H100 = Product(
    ref="H100-SXM", name="NVIDIA H100 SXM", kind=ProductKind.IC, tpp=15_832, die_area_mm2=814
)


@pytest.fixture
def context(tmp_path: Path) -> Iterator[DeskContext]:
    context = build_context(str(tmp_path / "desk.sqlite3"), clock=clock_on(TODAY))
    db, actor = context.db, "officer"
    add_record(db, DECCAN, actor=actor)
    add_record(db, HALCYON, actor=actor)
    add_record(db, H100, actor=actor)
    put_record(
        db,
        LppCertification(
            party_ref="IN-DECCAN",
            year=2026,
            signed_on=date(2026, 1, 5),
            prior_receipts_tpp=12_345_678,
        ),
        actor=actor,
    )
    put_record(
        db, AiaCertification(party_ref="US-HALCYON", signed_on=date(2025, 2, 1)), actor=actor
    )
    for country, installed in (("US", 800_000_000), ("DE", 150_000_000), ("IN", 50_000_000)):
        put_record(
            db,
            VeuFootprint(party_ref="US-HALCYON", country=country, installed_tpp=installed),
            actor=actor,
        )
    add_record(
        db,
        Order(
            ref="SO-26-0001",
            date=date(2026, 2, 10),
            consignee_ref="IN-DECCAN",
            lines=(OrderLine(product_ref="H100-SXM", quantity=10),),
        ),
        actor=actor,
    )
    yield context
    context.jobs.cancel_all()
    context.jobs.wait()
    context.connection.db.close()  # type: ignore[attr-defined]


@pytest.fixture
def page(qtbot: QtBot, context: DeskContext) -> PartiesPage:
    page = PartiesPage(context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitSignal(page.list_loaded, timeout=5000):
        page.show()
    return page


def refs_in_table(page: PartiesPage) -> list[str]:
    return [
        record.ref
        for row in range(page.model.rowCount())
        if (record := page.model.record(row)) is not None
    ]


def open_party(qtbot: QtBot, page: PartiesPage, ref: str) -> None:
    with qtbot.waitSignal(page.standing_loaded, timeout=5000):
        page.select_ref(ref)


def test_the_table_lists_every_party_and_passes_the_model_tester(
    page: PartiesPage, qtmodeltester: object
) -> None:
    assert sorted(refs_in_table(page)) == ["IN-DECCAN", "US-HALCYON"]
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]
    page.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    assert refs_in_table(page)[0] == "IN-DECCAN"  # the party with an order
    qtmodeltester.check(page.model)  # type: ignore[attr-defined]


def test_the_empty_and_filled_party_model_pass_the_model_tester(qtmodeltester: object) -> None:
    model = PartyTableModel()
    qtmodeltester.check(model)  # type: ignore[attr-defined]


def test_searching_narrows_the_list(qtbot: QtBot, page: PartiesPage) -> None:
    with qtbot.waitSignal(page.list_loaded, timeout=5000):
        qtbot.keyClicks(page.search, "halcyon")
    assert refs_in_table(page) == ["US-HALCYON"]
    with qtbot.waitSignal(page.list_loaded, timeout=5000):
        page.search.clear()
    assert len(refs_in_table(page)) == 2


def test_an_officer_creates_a_party_in_the_editor_and_finds_it_in_the_table(
    qtbot: QtBot, page: PartiesPage, context: DeskContext
) -> None:
    page.new_action.trigger()
    assert page.tabs.currentIndex() == 1
    editor = page.editor
    qtbot.keyClicks(editor.ref, "SG-TANJONG")
    qtbot.keyClicks(editor.name, "Tanjong Pagar Compute Pte. Ltd.")
    qtbot.keyClicks(editor.aliases, "Tanjong Compute")
    qtbot.keyClicks(editor.country, "Singapore")
    qtbot.keyClicks(editor.hq_country, "SG")
    editor.role.setCurrentIndex(editor.role.findData(Role.DATACENTER_OPERATOR.value))
    with qtbot.waitSignal(page.standing_loaded, timeout=5000) as shown:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert shown.args == ["SG-TANJONG"]
    qtbot.waitUntil(lambda: "SG-TANJONG" in refs_in_table(page), timeout=5000)
    stored = get_party(context.db, "SG-TANJONG")
    assert stored is not None
    assert stored.country == "SG"
    assert stored.aliases == ("Tanjong Compute",)
    assert stored.role is Role.DATACENTER_OPERATOR
    assert page.heading.text() == "Tanjong Pagar Compute Pte. Ltd."
    assert editor.ref.isReadOnly()


def test_a_refused_save_keeps_what_the_officer_typed(
    qtbot: QtBot, page: PartiesPage, context: DeskContext
) -> None:
    page.new_action.trigger()
    editor = page.editor
    qtbot.keyClicks(editor.ref, "IN-DECCAN")
    qtbot.keyClicks(editor.name, "A second Deccan")
    qtbot.keyClicks(editor.country, "Narnia")
    qtbot.keyClicks(editor.hq_country, "IN")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "unknown country 'Narnia'" in editor.messages["country"].text()
    assert page.save_message.is_error

    editor.country.clear()
    qtbot.keyClicks(editor.country, "India")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already exists" in page.save_message.text(), timeout=5000)
    assert editor.ref.text() == "IN-DECCAN"
    assert editor.name.text() == "A second Deccan"
    assert editor.country.text() == "India"
    stored = get_party(context.db, "IN-DECCAN")
    assert stored is not None
    assert stored.name == DECCAN.name


def test_an_nveu_needs_its_country(qtbot: QtBot, page: PartiesPage) -> None:
    open_party(qtbot, page, "IN-DECCAN")
    page.tabs.setCurrentIndex(1)
    page.editor.veu.setCurrentIndex(page.editor.veu.findData(VeuStatus.NVEU.value))
    assert page.editor.veu_country.isEnabled()
    page.save()
    assert "NVEU country" in page.editor.messages["veu_country"].text()


def test_undo_puts_the_previous_name_back(
    qtbot: QtBot, page: PartiesPage, context: DeskContext
) -> None:
    open_party(qtbot, page, "IN-DECCAN")
    page.tabs.setCurrentIndex(1)
    page.editor.name.selectAll()
    qtbot.keyClicks(page.editor.name, "Deccan Cloudworks Ltd")
    assert page.revert_button.isEnabled()
    with qtbot.waitSignal(page.party_saved, timeout=5000):  # saved off the window's thread
        qtbot.keyClick(page.editor.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = get_party(context.db, "IN-DECCAN")
    assert stored is not None
    assert stored.name == "Deccan Cloudworks Ltd"
    assert context.undo_stack.undoText() == "Edit party IN-DECCAN"
    qtbot.waitUntil(
        lambda: any(
            (record := page.model.record(row)) is not None
            and record.name == "Deccan Cloudworks Ltd"
            for row in range(page.model.rowCount())
        ),
        timeout=5000,
    )

    with qtbot.waitSignal(page.standing_loaded, timeout=5000):
        context.undo_stack.undo()
    stored = get_party(context.db, "IN-DECCAN")
    assert stored is not None
    assert stored.name == DECCAN.name
    assert page.editor.name.text() == DECCAN.name

    with qtbot.waitSignal(page.standing_loaded, timeout=5000):
        context.undo_stack.redo()
    assert page.editor.name.text() == "Deccan Cloudworks Ltd"
    with context.db.reader() as uow:
        actions = [entry.action for entry in uow.audit.entries_for("party", "IN-DECCAN")]
    assert actions[-3:] == ["update", "undo", "redo"]  # the audit log says which was which


def test_the_standing_shows_lpp_used_and_left_as_a_bar(qtbot: QtBot, page: PartiesPage) -> None:
    open_party(qtbot, page, "IN-DECCAN")
    standing = page.standing
    assert standing.lpp_group.isVisible()
    assert standing.lpp_bar.text() == "12,345,678 of 26,900,000 TPP used · 14,554,322 left"
    assert 0 < standing.lpp_bar.value() < standing.lpp_bar.maximum()
    assert "LPP certification for 2026 on file" in standing.lpp_caption.text()
    # India is Tier 2: AIA can never apply, so no AIA bar counts toward its threshold.
    assert not standing.aia_bar.isVisible()
    assert "AIA cannot be used" in standing.aia_caption.text()
    assert "India (IN), Tier 2, not Tier 1" in standing.aia_caption.text()
    assert not standing.veu_group.isVisible()
    assert standing.orders.rowCount() == 1
    assert standing.orders.item(0, 0).text() == "SO-26-0001"
    assert standing.orders.item(0, 3).text().endswith("Pending")


def test_a_uveu_shows_its_footprint_against_the_limits(qtbot: QtBot, page: PartiesPage) -> None:
    open_party(qtbot, page, "US-HALCYON")
    standing = page.standing
    assert standing.veu_group.isVisible()
    assert standing.veu_chart.isVisible()
    assert standing.veu_chart.categories[-1] == "✓ Tier 1 in total"
    limits = standing.veu_limits.text()
    assert "Tier 1 in total 95.0 % (at least 75.0 %)" in limits
    assert "✕ outside: India (Tier 2) 5.0 %" not in limits
    assert "India (Tier 2) 5.0 % (at most 7.0 %)" in limits
    assert "AIA certification signed 2025-02-01, in force" in standing.aia_caption.text()


def test_show_orders_opens_the_orders_page_filtered_by_the_party(
    qtbot: QtBot, context: DeskContext, tmp_path: Path
) -> None:
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    window = MainWindow(context, [OrdersPage, PartiesPage], settings)
    qtbot.addWidget(window)
    window.show()
    window.show_page(1)
    parties = window.page(PartiesPage)
    assert isinstance(parties, PartiesPage)
    qtbot.waitUntil(lambda: parties.model.rowCount() == 2, timeout=5000)
    open_party(qtbot, parties, "IN-DECCAN")
    orders = window.page(OrdersPage)
    assert isinstance(orders, OrdersPage)
    with qtbot.waitSignal(orders.list_loaded, timeout=5000) as loaded:
        qtbot.mouseClick(parties.standing.show_orders_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is orders
    assert orders.party_filter.text() == "IN-DECCAN"
    assert loaded.args == [1]


def test_a_reference_with_a_ledger_separator_is_refused_in_the_window(
    qtbot: QtBot, page: PartiesPage, context: DeskContext
) -> None:
    page.new_action.trigger()
    editor = page.editor
    qtbot.keyClicks(editor.ref, "ACME|X")
    qtbot.keyClicks(editor.name, "Acme X")
    qtbot.keyClicks(editor.country, "DE")
    qtbot.keyClicks(editor.hq_country, "DE")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert "not a valid reference" in editor.messages["ref"].text()
    assert get_party(context.db, "ACME|X") is None


def test_search_ignores_accents_and_ctrl_f_reaches_it(qtbot: QtBot, page: PartiesPage) -> None:
    page.search.clearFocus()
    page.find_action.trigger()
    assert page.search.hasFocus()
    with qtbot.waitSignal(page.list_loaded, timeout=5000):
        qtbot.keyClicks(page.search, "DECCÂN")  # case and accents do not matter
    assert refs_in_table(page) == ["IN-DECCAN"]


def test_undo_and_redo_pressed_at_once_reach_the_database_in_that_order(
    qtbot: QtBot, page: PartiesPage, context: DeskContext
) -> None:
    open_party(qtbot, page, "IN-DECCAN")
    page.tabs.setCurrentIndex(1)
    page.editor.name.selectAll()
    qtbot.keyClicks(page.editor.name, "Deccan Cloudworks Ltd")
    with qtbot.waitSignal(page.party_saved, timeout=5000):
        page.save()
    context.undo_stack.undo()
    context.undo_stack.redo()  # before the undo reached the database: it goes after it
    qtbot.waitUntil(lambda: not context.jobs.busy, timeout=5000)
    stored = get_party(context.db, "IN-DECCAN")
    assert stored is not None
    assert stored.name == "Deccan Cloudworks Ltd"
    with context.db.reader() as uow:
        actions = [entry.action for entry in uow.audit.entries_for("party", "IN-DECCAN")]
    assert actions[-3:] == ["update", "undo", "redo"]


def test_the_list_has_a_menu_of_its_own(qtbot: QtBot, page: PartiesPage) -> None:
    row = refs_in_table(page).index("IN-DECCAN")
    rect = page.table.visualRect(page.table.model().index(row, 0))
    page.table.customContextMenuRequested.emit(rect.center())
    menu = page.context_menu()
    assert menu is not None
    texts = [action.text() for action in menu.actions() if not action.isSeparator()]
    assert texts == [
        "Copy IN-DECCAN",
        "Show the orders of IN-DECCAN",
        "Screening history of IN-DECCAN…",
        "New party…",
    ]
    next(action for action in menu.actions() if action.text().startswith("Copy")).trigger()
    assert QApplication.clipboard().text() == "IN-DECCAN"
    menu.close()


def test_a_partys_field_audits_show_with_their_open_discrepancies(
    qtbot: QtBot, page: PartiesPage, context: DeskContext
) -> None:
    """A merged visit with discrepancies is open (the party's orders are held) until the
    officer records its resolution; a party never visited says how a visit is made."""
    from datetime import UTC, datetime

    from domain.errors import DomainError
    from domain.fieldaudit.visits import FieldVisit
    from domain.services.field_audit import resolve_visit

    at = datetime(2026, 2, 20, 15, 0, tzinfo=UTC)
    with context.db.writer("officer") as uow:
        visit = uow.field_visits.add(
            FieldVisit(
                kit_sha256="ab" * 32,
                party_ref="IN-DECCAN",
                site="Bengaluru DC-2",
                exported_at=at,
                closed_at=at,
                auditor="Ana Lim",
                site_representative="Raj Kumar, Site Manager",
                key_fingerprint="00",
                log_head="cd" * 32,
                discrepancies=3,
                summary={},
                merged_at=at,
                merged_by="officer",
            )
        )
        uow.commit()
    open_party(qtbot, page, "IN-DECCAN")
    visits = page.standing.visits
    assert page.standing.visits_group.isVisible()
    assert [visits.item(0, column).text() for column in range(6)] == [
        str(visit),
        "2026-02-20",
        "Bengaluru DC-2",
        "Ana Lim",
        "3",
        "open: orders held",
    ]
    resolve = page.standing.resolve_button
    assert resolve.isVisibleTo(page.standing)
    assert page.standing.open_visit == visit
    assert not page.record_resolution(visit, "  ")  # a resolution must say something
    with qtbot.waitSignal(page.standing_loaded):
        assert page.record_resolution(visit, "two units in the RMA cage")
    assert not resolve.isVisibleTo(page.standing)  # nothing open any more
    with context.db.reader() as uow:
        trail = uow.audit.entries_for("field_visit", "IN-DECCAN")
    assert [entry.action for entry in trail] == ["resolve"]
    with pytest.raises(DomainError, match="no field-audit visit"):
        resolve_visit(context.db, "IN-DECCAN", visit + 1, "x", actor="officer")
    open_party(qtbot, page, "US-HALCYON")
    assert not page.standing.visits.isVisible()
    assert "No field audit of US-HALCYON" in page.standing.no_visits.text()
    open_party(qtbot, page, "IN-DECCAN")
    status = page.standing.visits.item(0, 5)
    assert status.text().startswith("resolved ")
    assert status.toolTip() == "two units in the RMA cage"


def _type_new_party(qtbot: QtBot, page: PartiesPage, ref: str, name: str) -> None:
    """A new party, its ref and name pasted (the test keyboard types ASCII only)."""
    page.new_action.trigger()
    editor = page.editor
    editor.ref.insert(ref)
    editor.name.insert(name)
    qtbot.keyClicks(editor.country, "IN")
    qtbot.keyClicks(editor.hq_country, "IN")


def test_a_new_party_whose_name_reads_like_a_stored_one_is_saved_only_when_saved_again(
    qtbot: QtBot, page: PartiesPage, context: DeskContext
) -> None:
    # "Deccan Cloudwоrks" with a Cyrillic о: to the eye, the stored IN-DECCAN
    _type_new_party(qtbot, page, "IN-DECCAN2", "Deccan Cloudw\u043erks Private Limited")
    with qtbot.waitSignal(page.lookalike_warned, timeout=5000):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    warning = page.editor.messages["name"]
    assert warning.isVisible()
    assert warning.text().startswith("⚠ Party IN-DECCAN2 has a name with the Cyrillic Small")
    assert "reads like party IN-DECCAN ('Deccan Cloudworks Private Limited')" in warning.text()
    assert "Save again" in page.save_message.text()
    assert page.save_button.isEnabled()
    assert get_party(context.db, "IN-DECCAN2") is None

    with qtbot.waitSignal(page.standing_loaded, timeout=5000) as shown:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert shown.args == ["IN-DECCAN2"]
    assert get_party(context.db, "IN-DECCAN2") is not None


def test_a_changed_name_is_compared_again_before_it_is_saved(
    qtbot: QtBot, page: PartiesPage, context: DeskContext
) -> None:
    _type_new_party(qtbot, page, "IN-DECCAN3", "DECCAN CLOUDWORKS PRIVATE LIMITED")
    with qtbot.waitSignal(page.lookalike_warned, timeout=5000):
        page.save()
    page.editor.name.setText("Deccan Clou\u200bdworks Private Limited")
    with qtbot.waitSignal(page.lookalike_warned, timeout=5000):
        page.save()
    assert "U+200B ZERO WIDTH SPACE" in page.editor.messages["name"].text()
    assert get_party(context.db, "IN-DECCAN3") is None


def test_a_new_ref_is_kept_in_its_usual_form_and_one_with_a_hidden_character_refused(
    qtbot: QtBot, page: PartiesPage, context: DeskContext
) -> None:
    _type_new_party(qtbot, page, "SG-LION\u200bCITY", "Lion City Compute")
    page.save()
    assert "U+200B ZERO WIDTH SPACE after 'SG-LION'" in page.editor.messages["ref"].text()
    assert page.save_message.is_error

    page.editor.ref.setText("ＳＧ－ＬＩＯＮ")
    with qtbot.waitSignal(page.standing_loaded, timeout=5000) as shown:
        page.save()
    assert shown.args == ["SG-LION"]
    assert get_party(context.db, "SG-LION") is not None
