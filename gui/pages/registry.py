"""The screens of the main window, in navigation order."""

from __future__ import annotations

from collections.abc import Callable

from gui.context import DeskContext
from gui.pages.base import Page


def page_factories() -> list[Callable[[DeskContext], Page]]:
    from gui.pages.audit import AuditPage
    from gui.pages.documents.page import DocumentsPage
    from gui.pages.orders import OrdersPage
    from gui.pages.paperwork.page import PaperworkPage
    from gui.pages.parties.page import PartiesPage
    from gui.pages.products.page import ProductsPage
    from gui.pages.quotas import QuotasPage
    from gui.pages.red_flags import RedFlagsPage
    from gui.pages.rulesets import RulesetsPage
    from gui.pages.screening.page import ScreeningPage

    return [
        OrdersPage,
        PartiesPage,
        ProductsPage,
        PaperworkPage,
        QuotasPage,
        RedFlagsPage,
        AuditPage,
        DocumentsPage,
        RulesetsPage,
        ScreeningPage,
    ]
