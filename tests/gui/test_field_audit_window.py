"""The field-audit window on site (rules.md section 10, "On site"): a kit opened with nothing
else, a barcode scanner typing 500 serials into it, photos, the checklist, the sign-off after
which the kit takes nothing more, and the visit report printed from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.desktop import LazyRenderer, open_site_visit
from domain.csvio import CsvKind
from domain.services.field_audit import export_kit
from domain.services.transfer import import_file
from gui.context import DeskContext
from gui.field_audit.window import FieldAuditWindow
from storage.desk_key import DeskKey
from storage.kit_file import open_kit, write_kit
from tests.clock import clock_on

EXPECTED = 600
"""Units shipped to the audited site."""


def _serial(number: int) -> str:
    return f"1654922{number:06d}"


@pytest.fixture
def kit_path(context: DeskContext, tmp_path: Path) -> Path:
    rows = {
        CsvKind.PARTIES: "ref,name,aliases,address,country,hq_country,parent_name,"
        "parent_hq_country,role,veu,veu_country,veu_id\n"
        "SG-A,Lion City Compute,,1 Fusionopolis Way,SG,SG,,,,,,\n"
        "MY-B,Johor Data Centres,,,MY,MY,,,,,,\n",
        CsvKind.PRODUCTS: "ref,name,kind,tpp,die_area_mm2,datacenter,ics_per_unit,"
        "training_operations,published\nH100,NVIDIA H100 SXM,ic,15832,814,true,1,,false\n",
        CsvKind.ORDERS: "ref,date,consignee_ref,end_user_ref,destination,product_ref,quantity\n"
        f"SO-1,2026-03-02,SG-A,,,H100,{EXPECTED}\nSO-2,2026-03-03,MY-B,,,H100,5\n",
        CsvKind.SHIPMENTS: "order_ref,shipment_ref,shipped_on,product_ref,serial\n"
        + "".join(f"SO-1,SHP-1,2026-03-10,H100,{_serial(n)}\n" for n in range(EXPECTED))
        + "".join(f"SO-2,SHP-2,2026-03-12,H100,{_serial(900 + n)}\n" for n in range(5)),
    }
    for kind, text in rows.items():
        import_file(context.db, kind, text.encode(), source=f"{kind.value}.csv", actor="o")
    key = DeskKey.for_database(tmp_path / "desk.sqlite3")  # the desk's own: it merges the kit
    contents, signature = export_kit(
        context.db, context.catalog, "SG-A", "Singapore DC-1", actor="o", signer=key
    )
    path = tmp_path / "site.ddkit"
    write_kit(path, contents, signature)
    return path


def _window(qtbot: QtBot, path: Path) -> FieldAuditWindow:
    clock = clock_on()
    window = FieldAuditWindow(
        open_site_visit(path, clock=clock, actor="Auditor Tan"),
        path=path,
        clock=clock,
        renderer=LazyRenderer(),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


def _png() -> bytes:
    image = QImage(640, 480, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a6ea5"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def test_a_scanner_typing_500_serials_is_reconciled_live_and_logged(
    qtbot: QtBot, kit_path: Path
) -> None:
    window = _window(qtbot, kit_path)
    field = window.scan.field
    qtbot.waitUntil(field.hasFocus)  # the scanner can start at once
    serials = [_serial(n) for n in range(490)]
    serials[100:100] = [_serial(900), _serial(901), "SN-NEVER-1", "SN-NEVER-2"]
    serials += [_serial(5), _serial(6).lower() + "  ", _serial(902), "SN-NEVER-3"]
    serials += [_serial(n) for n in range(490, 492)]
    assert len(serials) == 500
    for serial in serials:  # a serial and Enter, as a scanner acting as a keyboard sends them
        qtbot.keyClicks(field, serial)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    assert field.hasFocus()
    assert field.text() == ""
    counts = window.scan.counts_now()
    assert counts == {
        "expected": EXPECTED,
        "found": 492,
        "missing": EXPECTED - 492,
        "unexpected": 6,
        "duplicate": 2,
        "relocated": 0,
    }
    assert {key: window.scan.counts.value(key) for key in counts} == counts
    assert window.scan.model.rowCount() == 500
    newest = window.scan.model.index(0, 1).data()
    assert newest == _serial(491)
    # the last unexpected one said so in words and colour, naming where it went
    window.scan.take([_serial(903)])
    banner = window.scan.banner
    assert "UNEXPECTED" in banner.text()
    assert "MY-B" in banner.text()
    assert banner.property("serial_class") == "unexpected"
    window.scan.take([_serial(0)])
    assert "DUPLICATE" in banner.text()
    assert banner.property("serial_class") == "duplicate"

    # every serial is in the kit's own log, chained: the kit reopens with them
    kit = open_kit(kit_path)
    assert len(kit.entries("scan")) == 502
    window.tabs.setCurrentWidget(window.reconciliation)
    result = window.reconciliation.refresh()
    assert result.discrepancies == (EXPECTED - 492) + 7 + 3
    shown = window.reconciliation.model.rows()
    assert {row.status for row in shown} == {"missing", "unexpected", "duplicate"}
    assert any("MY-B" in row.detail for row in shown if row.status == "unexpected")
    products = window.reconciliation.product_model.rows()
    assert [(p.product_ref, p.expected, p.found) for p in products] == [("H100", EXPECTED, 492)]


def test_photos_checklist_sign_off_and_the_report(
    qtbot: QtBot, kit_path: Path, tmp_path: Path
) -> None:
    window = _window(qtbot, kit_path)
    window.scan.take([_serial(0), _serial(1)])
    window.tabs.setCurrentWidget(window.photos)
    window.photos.note.setText("Rack B4, row 2")
    assert window.photos.add_files([(_png(), "rack-b4.png"), (b"not a photo", "notes.txt")]) == 1
    assert "notes.txt" in window.problem.text()  # named, and the good one was kept
    assert window.photos.list.count() == 1
    assert not window.photos.list.item(0).icon().isNull()  # the thumbnail

    window.tabs.setCurrentWidget(window.checklist)
    items = list(window.checklist.groups)
    for item in items[:-1]:
        window.checklist.findChild(type(window.checklist.notes[item]), f"{item}_note").setText(
            "seen"
        )
        qtbot.mouseClick(window.checklist.groups[item].button(0), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.checklist.groups[items[-1]].button(1), Qt.MouseButton.LeftButton)
    assert "FAILED" in window.checklist.states[items[-1]].text()
    answers = window.visit.answers()
    assert len(answers) == len(items)
    assert answers[items[-1]]["answer"] == "no"

    window.tabs.setCurrentWidget(window.sign_off_pane)
    assert not window.sign_off_pane.report.isEnabled()  # nothing to print before the sign-off
    assert not window.sign_off(confirm=False)  # no names yet
    window.sign_off_pane.auditor.setText("Auditor Tan")
    window.sign_off_pane.representative.setText("Lim Wei, Site Manager")
    assert window.sign_off(confirm=False)
    assert not window.scan.field.isEnabled()
    assert not window.photos.add.isEnabled()
    assert "Signed off" in window.sign_off_pane.state.text()
    window.scan.take([_serial(2)])
    assert "signed off" in window.problem.text()
    kit = open_kit(kit_path)
    assert kit.closed
    assert len(kit.entries("scan")) == 2

    report = window.save_report(tmp_path / "visit.pdf")
    assert report is not None
    assert report.read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "visit.pdf.part").exists()

    # opened again: everything as it was left, nothing to change
    again = _window(qtbot, kit_path)
    assert again.scan.model.rowCount() == 2
    assert not again.scan.field.isEnabled()
    assert again.photos.list.count() == 1
    assert again.checklist.groups[items[-1]].checkedId() == 1


def test_a_paper_found_on_site_is_checked_against_the_kit(qtbot: QtBot, kit_path: Path) -> None:
    window = _window(qtbot, kit_path)
    window.tabs.setCurrentWidget(window.records)
    window.records.code.setText("AIA-2026-000999")
    check = window.records.check_code()
    assert not check.genuine
    assert "NOT VERIFIED" in window.records.verdict.text()
    assert not window.records.check_file(b"%PDF-1.4 forged", "found.pdf").genuine


def test_the_desk_opens_a_kit_in_its_own_window_and_names_a_refused_one(
    qtbot: QtBot, context: DeskContext, kit_path: Path, tmp_path: Path
) -> None:
    from gui.main_window import MainWindow
    from gui.pages.registry import page_factories

    desk = MainWindow(context, page_factories())
    qtbot.addWidget(desk)
    opened = desk.open_kit(kit_path)
    assert isinstance(opened, FieldAuditWindow)
    opened.close()
    foreign = tmp_path / "foreign.ddkit"
    foreign.write_bytes(b"not a kit")
    failures: list[str] = []
    desk._fail = lambda message, is_bug=False: failures.append(message)  # type: ignore[method-assign]
    assert desk.open_kit(foreign) is None
    assert failures
    assert "foreign.ddkit" in failures[0]


def test_the_desk_merges_a_signed_off_kit_with_its_report_and_only_once(
    qtbot: QtBot, context: DeskContext, kit_path: Path
) -> None:
    from domain.services.settings import update_document_settings
    from gui.main_window import MainWindow
    from gui.pages.registry import page_factories

    update_document_settings(context.db, letterhead_name="Demo Exports Ltd.", actor="o")
    desk = MainWindow(context, page_factories())
    qtbot.addWidget(desk)
    failures: list[str] = []
    desk._fail = lambda message, is_bug=False: failures.append(message)  # type: ignore[method-assign]
    site = desk.open_kit(kit_path)
    assert isinstance(site, FieldAuditWindow)
    site.scan.take([_serial(0), _serial(901)])
    assert desk.merge_kit(kit_path) is None  # not signed off yet: refused, named
    assert "signed off" in failures[-1]
    site.sign_off_pane.auditor.setText("Auditor Tan")
    site.sign_off_pane.representative.setText("Lim Wei, Site Manager")
    assert site.sign_off(confirm=False)
    merged = desk.merge_kit(kit_path)
    assert merged is not None
    assert "merged as visit" in merged
    assert "SG-A is under review" in merged
    assert "VR-" in merged
    assert kit_path.with_name("site-visit-report.pdf").read_bytes().startswith(b"%PDF")
    again = desk.merge_kit(kit_path)
    assert again is not None
    assert "already merged" in again
    with context.db.reader() as uow:
        assert len(uow.field_visits.for_parties(["SG-A"]).get("SG-A", [])) == 1
