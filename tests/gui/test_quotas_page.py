"""Quotas: the shared limits, read at a glance on the demonstration data."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from gui.changes import Changes, Record
from gui.context import DeskContext
from gui.pages.quotas import QuotasPage
from gui.style import tpp

TODAY = date(2026, 11, 28)


@pytest.fixture
def page(qtbot: QtBot, desk: DeskContext) -> QuotasPage:
    shown = QuotasPage(desk)
    qtbot.addWidget(shown)
    shown.resize(1150, 780)
    with qtbot.waitSignal(shown.loaded, timeout=10_000):
        shown.show()
    return shown


def test_country_allocations_show_ours_and_others_against_the_ruleset_allocation(
    page: QuotasPage, desk: DeskContext
) -> None:
    allocation = desk.ruleset_today().country_allocation
    text = page.allocations.summary_text()
    # Mexico: other exporters reported almost all of it.
    assert f"789,366,720 of {tpp(allocation.tpp)}" in text
    assert "Mexico: 99.9 % used, 633,280 TPP left. ⚠ nearly used up" in text
    # The UAE has a government-to-government agreement: the allocation is doubled.
    assert "United Arab Emirates (G2G agreement)" in text
    assert f"of {tpp(allocation.limit(True))}" in text
    # Saudi Arabia: our licensed shipments and the reported use, both counted.
    assert "ours 121,589,760 + others 410,000,000 = 531,589,760" in text
    assert tpp(allocation.tpp) in page.allocations.subtitle.text()
    assert tpp(allocation.limit(True)) in page.allocations.subtitle.text()


def test_the_top_lpp_consignees_are_listed_against_the_lpp_limit(
    page: QuotasPage, desk: DeskContext
) -> None:
    limit = desk.ruleset_today().lpp.limit_tpp
    text = page.lpp.summary_text()
    assert page.lpp.heading.text() == "LPP use in 2026: top consignees"
    assert text.index("IN-DECCAN") < text.index("KH-MEKONG")  # most used first
    assert f"prior 23,733,600 + ours 140,736 = 23,874,336 of {tpp(limit)}" in text
    assert tpp(limit) in page.lpp.subtitle.text()


def test_nveu_holders_are_shown_against_the_current_quarter_cap(
    page: QuotasPage, desk: DeskContext
) -> None:
    cap = desk.ruleset_today().nveu.cap_on(TODAY)
    text = page.nveu.summary_text()
    assert f"Cap for {cap.label}: {tpp(cap.cap_tpp)} TPP" in text
    assert "AE-OASIS" in text
    assert "19.4 % of the cap" in text


def test_each_chart_says_in_words_what_it_shows(page: QuotasPage) -> None:
    for section in (page.allocations, page.lpp, page.nveu):
        description = section.chart.accessibleDescription()
        assert description
        assert description == section.summary_text()
        assert section.summary.accessibleDescription() == description
    series = page.allocations.chart.chart().series()
    names = [item.label() for item in series[0].barSets()]  # type: ignore[attr-defined]
    assert names == ["Ours (licensed)", "Reported by other exporters"]
    assert series[1].name() == "Limit (100 %)"


def test_the_quotas_follow_a_new_country_setting(
    qtbot: QtBot, page: QuotasPage, desk: DeskContext
) -> None:
    from domain.model import CountrySetting
    from domain.services.records import put_record

    put_record(
        desk.db,
        CountrySetting(country="VN", external_allocation_used_tpp=790_000_000),
        actor=desk.actor,
    )
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        desk.events.changed.emit(Changes.of(Record.PAPERWORK))
    assert "Vietnam: 100.0 % used, 0 TPP left. ■ limit reached" in page.allocations.summary_text()
