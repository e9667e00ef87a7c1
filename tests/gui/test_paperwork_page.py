"""Certifications & Licences: recording paperwork as an officer does, and what it unlocks."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from domain.decision import Outcome
from domain.services.orders import check_order
from domain.services.paperwork_views import (
    stored_aia_certification,
    stored_country_setting,
)
from gui.context import DeskContext
from gui.kit.numbers import parse_tpp
from gui.kit.tables import SHARE_ROLE, select_where
from gui.pages.paperwork.aia import AiaDialog
from gui.pages.paperwork.page import PaperworkPage

TODAY = date(2026, 11, 28)


@pytest.fixture
def page(qtbot: QtBot, desk: DeskContext) -> PaperworkPage:
    shown = PaperworkPage(desk)
    qtbot.addWidget(shown)
    shown.resize(1150, 780)
    with qtbot.waitSignal(shown.loaded, timeout=10_000):
        shown.show()
    return shown


def latest_outcome(desk: DeskContext, ref: str) -> str:
    with desk.db.reader() as uow:
        latest = uow.decisions.latest(ref)
    assert latest is not None
    return latest.decision.outcome.value


def save(qtbot: QtBot, dialog: AiaDialog | object) -> None:
    button = dialog.save_button  # type: ignore[attr-defined]
    assert button.isEnabled(), dialog.problem.text()  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.record_saved, timeout=10_000):  # type: ignore[attr-defined]
        button.click()


def test_recording_an_aia_certification_lets_a_held_tier1_order_be_authorized(
    qtbot: QtBot, desk: DeskContext, page: PaperworkPage
) -> None:
    # Polderlicht (Netherlands, Tier 1) never certified: its order is held.
    assert latest_outcome(desk, "SO-25-0035") == Outcome.HOLD.value
    dialog = page.open_aia_dialog()
    assert isinstance(dialog, AiaDialog)
    assert not dialog.save_button.isEnabled()  # nothing chosen yet
    dialog.party.setEditText("Polderlicht Datacenters B.V. (NL-POLDER)")
    dialog.signed_on.setDate(QDate(2025, 3, 1))
    dialog.signers.setPlainText("Joris van Dam, Managing Director")
    dialog.attested.setChecked(True)
    assert "Polderlicht" not in dialog.error_text("party")

    with qtbot.waitSignal(page.loaded, timeout=10_000):
        save(qtbot, dialog)

    shown = [row for row in page.aia_model.rows() if row.certification.party_ref == "NL-POLDER"]
    assert len(shown) == 1
    assert shown[0].certification.signers == ("Joris van Dam, Managing Director",)
    assert desk.undo_stack.count() == 1
    assert "NL-POLDER" in desk.undo_stack.text(0)

    result = check_order(desk.db, desk.catalog, "SO-25-0035", actor=desk.actor)
    assert result.decision.outcome is Outcome.AUTHORIZED
    assert "AIA" in [item.value for item in result.decision.authorizations]


def test_undo_withdraws_a_new_certification_and_redo_puts_it_back(
    qtbot: QtBot, desk: DeskContext, page: PaperworkPage
) -> None:
    dialog = page.open_aia_dialog()
    assert dialog is not None
    dialog.party.setEditText("Polderlicht Datacenters B.V. (NL-POLDER)")
    dialog.signed_on.setDate(QDate(2025, 3, 1))
    dialog.signers.setPlainText("Joris van Dam, Managing Director")
    save(qtbot, dialog)

    with qtbot.waitSignal(desk.events.changed, timeout=10_000):
        desk.undo_stack.undo()
    withdrawn = stored_aia_certification(desk.db, "NL-POLDER", date(2025, 3, 1))
    assert withdrawn is not None
    assert withdrawn.revoked_on == date(2025, 3, 1)  # never in force
    assert not withdrawn.in_force_on(date(2025, 3, 12))

    with qtbot.waitSignal(desk.events.changed, timeout=10_000):
        desk.undo_stack.redo()
    restored = stored_aia_certification(desk.db, "NL-POLDER", date(2025, 3, 1))
    assert restored is not None
    assert restored.revoked_on is None


def test_recording_the_bis_submission_of_the_selected_certification(
    qtbot: QtBot, desk: DeskContext, page: PaperworkPage
) -> None:
    page.tabs.setCurrentIndex(0)
    assert select_where(
        page.aia_table, page.aia_model, lambda row: row.certification.party_ref == "US-PRAIRIE"
    )
    assert page.submit_aia.isEnabled()
    dialog = page.open_aia_dialog(AiaDialog.SUBMISSION)
    assert dialog is not None
    assert not dialog.party.isEnabled()  # the certification is fixed; only its dates change
    dialog.submitted.edit.setDate(QDate(2026, 1, 5))
    save(qtbot, dialog)
    stored = stored_aia_certification(desk.db, "US-PRAIRIE", date(2025, 1, 14))
    assert stored is not None
    assert stored.submitted_to_bis_on == date(2026, 1, 5)
    # Prairie's orders held for the missing submission pass when checked again.
    assert latest_outcome(desk, "SO-26-0031") == Outcome.HOLD.value
    result = check_order(desk.db, desk.catalog, "SO-26-0031", actor=desk.actor)
    assert result.decision.outcome is Outcome.AUTHORIZED


def test_a_form_shows_problems_beside_its_fields_as_the_officer_types(
    qtbot: QtBot, page: PaperworkPage
) -> None:
    dialog = page.open_aia_dialog()
    assert dialog is not None
    dialog.party.setEditText("Nobody we know")
    dialog.signed_on.setDate(QDate(2025, 3, 1))
    dialog.submitted.check.setChecked(True)
    dialog.submitted.edit.setDate(QDate(2025, 2, 1))
    assert "Choose the consignee from the list" in dialog.error_text("party")
    assert "cannot be before the signing date" in dialog.error_text("submitted")
    # A field the officer has not reached yet is listed as still needed, not shown in red.
    assert dialog.error_text("signers") == ""
    assert "name at least one person who signed" in dialog.needed.text()
    assert not dialog.save_button.isEnabled()
    dialog.signers.setPlainText("A; B")
    dialog.party.setEditText("Polderlicht Datacenters B.V. (NL-POLDER)")
    dialog.submitted.check.setChecked(False)
    assert dialog.error_text("party") == ""
    assert ";" in dialog.error_text("signers") or not dialog.save_button.isEnabled()


def test_a_refused_save_keeps_everything_the_officer_typed(
    qtbot: QtBot, page: PaperworkPage
) -> None:
    dialog = page.open_license_dialog()
    # The form knows the licences on screen; pretend it did not, so the service refuses.
    dialog.known_numbers = set()
    dialog.number.setText("D1234567")
    dialog.party.setEditText("Deccan Cloudworks Private Limited (IN-DECCAN)")
    dialog.destination.edit.setText("India")
    dialog.authorized.setText("10,000,000")
    assert dialog.save_button.isEnabled()
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.problem.isVisible(), timeout=10_000)
    assert "already exists" in dialog.problem.text()
    assert dialog.isVisible()
    assert dialog.number.text() == "D1234567"
    assert dialog.authorized.text() == "10,000,000"
    assert dialog.destination.edit.text() == "India"
    assert dialog.save_button.isEnabled()


def test_a_known_licence_number_is_refused_inline(page: PaperworkPage) -> None:
    dialog = page.open_license_dialog()
    dialog.number.setText("D1251188")
    assert "already recorded" in dialog.error_text("number")
    assert not dialog.save_button.isEnabled()


def test_licences_show_their_depletion_in_words_and_as_a_bar(page: PaperworkPage) -> None:
    rows = {row.licence.number: row for row in page.license_model.rows()}
    deccan = rows["D1251188"]
    number = page.license_model.rows().index(deccan)
    depletion = [column.header for column in page.license_model.columns].index("Depletion")
    index = page.license_model.index(number, depletion)
    assert index.data() == "96.2 % used"
    assert abs(index.data(SHARE_ROLE) - deccan.used_share) < 1e-9
    validity = [column.header for column in page.license_model.columns].index("Validity")
    najd = page.license_model.rows().index(rows["D1240915"])
    assert page.license_model.index(najd, validity).data().startswith("✕ Expired")


def test_a_country_setting_is_saved_and_undone(
    qtbot: QtBot, desk: DeskContext, page: PaperworkPage
) -> None:
    dialog = page.open_country_dialog()
    assert dialog is not None
    dialog.country.edit.setText("Vietnam")
    dialog.g2g.setChecked(True)
    dialog.external.setText("120,000,000")
    assert "(VN)" in dialog.country.resolved.text()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        save(qtbot, dialog)
    setting = stored_country_setting(desk.db, "VN")
    assert setting is not None
    assert setting.g2g_agreement
    assert setting.external_allocation_used_tpp == 120_000_000
    rows = [row for row in page.country_model.rows() if row.setting.country == "VN"]
    assert rows
    assert rows[0].limit_tpp == desk.ruleset_today().country_allocation.limit(True)

    with qtbot.waitSignal(desk.events.changed, timeout=10_000):
        desk.undo_stack.undo()
    undone = stored_country_setting(desk.db, "VN")
    assert undone is not None
    assert not undone.g2g_agreement
    assert undone.external_allocation_used_tpp == 0


def test_a_tier_1_country_is_flagged_in_the_country_form(page: PaperworkPage) -> None:
    dialog = page.open_country_dialog()
    assert dialog is not None
    dialog.country.edit.setText("DE")
    assert "Tier 1" in dialog.error_text("country")


def test_every_paperwork_model_passes_the_model_tester(
    qtmodeltester: object, page: PaperworkPage
) -> None:
    for model in (
        page.aia_model,
        page.lpp_model,
        page.license_model,
        page.footprint_model,
        page.country_model,
    ):
        assert model.rowCount() > 0
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    for table in (page.aia_table, page.lpp_table, page.license_table):
        qtmodeltester.check(table.model())  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("typed", "value"),
    [("26,900,000", 26_900_000.0), ("1 013 248", 1_013_248.0), ("5e8", 5e8), ("0", 0.0)],
)
def test_tpp_figures_are_read_as_officers_type_them(typed: str, value: float) -> None:
    assert parse_tpp(typed) == value


@pytest.mark.parametrize("typed", ["", "-5", "lots", "nan", "inf"])
def test_tpp_figures_that_are_not_figures_are_refused(typed: str) -> None:
    with pytest.raises(ValueError, match=r"\S"):
        parse_tpp(typed)


def test_a_bis_submission_before_the_signing_is_refused_by_the_record_itself() -> None:
    from pydantic import ValidationError

    from domain.model import AiaCertification as _Aia

    with pytest.raises(ValidationError, match="before the certification was signed"):
        _Aia(
            party_ref="DE-1",
            signed_on=date(2026, 3, 1),
            submitted_to_bis_on=date(2026, 2, 1),
        )
