"""The user guide's pages: where they are, in which language, and which page a screen opens.

The guide is Markdown in ``docs/guide/<language>/``, one file per topic, the same files in
every language. It is found beside a bundled program (PyInstaller ships ``docs/guide`` as
data) or in the source checkout the package was imported from; ``guide_root`` is the one place
that knows.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QWidget

ENGLISH = "en"
CHINESE = "zh_CN"
GUIDE_LANGUAGES = (ENGLISH, CHINESE)
LANGUAGE_KEY = "ui/language"
"""The officer's choice of language (shared with the translations' loader, ``gui.i18n``)."""

TOPICS = (
    "introduction",
    "workflow",
    "orders",
    "parties",
    "products",
    "paperwork",
    "quotas",
    "red-flags",
    "audit",
    "documents",
    "rulesets",
    "screening",
    "field-audit",
    "findings",
    "importing",
    "backups",
    "postgresql",
    "command-line",
)
"""Every page of the guide, in reading order: its file is ``<topic>.md``."""

SCREEN_TOPICS = {
    "OrdersPage": "orders",
    "PartiesPage": "parties",
    "ProductsPage": "products",
    "PaperworkPage": "paperwork",
    "QuotasPage": "quotas",
    "RedFlagsPage": "red-flags",
    "AuditPage": "audit",
    "DocumentsPage": "documents",
    "RulesetsPage": "rulesets",
    "ScreeningPage": "screening",
    "FieldAuditWindow": "field-audit",
}
"""The page F1 opens on each screen, by the screen's class (a subclass inherits its page)."""


@dataclass(frozen=True)
class GuidePage:
    topic: str
    title: str
    markdown: str


def guide_root() -> Path:
    """The folder holding ``en/`` and ``zh_CN/``: beside a bundled program first (PyInstaller's
    unpacked data, then the program's folder), else the repository the package lives in."""
    candidates: list[Path] = []
    if getattr(sys, "frozen", False):
        bundle = getattr(sys, "_MEIPASS", None)
        if bundle:
            candidates.append(Path(bundle) / "docs" / "guide")
        candidates.append(Path(sys.executable).resolve().parent / "docs" / "guide")
    candidates.append(Path(__file__).resolve().parents[2] / "docs" / "guide")
    for folder in candidates:
        if (folder / ENGLISH).is_dir():
            return folder
    raise FileNotFoundError(
        "the user guide is not installed; looked in " + ", ".join(str(c) for c in candidates)
    )


def guide_language(settings: QSettings | None = None) -> str:
    """The guide's language: the officer's choice (``ui/language``), else the language the
    window was started in (the default locale the translations' loader set)."""
    chosen = (settings or QSettings()).value(LANGUAGE_KEY, "system")
    if chosen in GUIDE_LANGUAGES:
        return str(chosen)
    return CHINESE if QLocale().language() == QLocale.Language.Chinese else ENGLISH


_WIDE = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_SOFT_BREAK_IN_CHINESE = re.compile(rf"(?<=[{_WIDE}])\n[ ]*(?=[{_WIDE}\[]|\*\*)")
"""A line break inside a Chinese sentence: Markdown would show it as a space."""


def unwrap_chinese(markdown: str) -> str:
    """Join the lines of a Chinese paragraph, which have no spaces between words."""
    return _SOFT_BREAK_IN_CHINESE.sub("", markdown)


def _title(topic: str, markdown: str) -> str:
    for line in markdown.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return topic


def guide_pages(language: str = ENGLISH, root: Path | None = None) -> list[GuidePage]:
    """Every page of the guide in ``language``; a page not (yet) translated is shown in
    English rather than left out."""
    folder = root or guide_root()
    pages: list[GuidePage] = []
    for topic in TOPICS:
        path = folder / language / f"{topic}.md"
        if not path.is_file():
            path = folder / ENGLISH / f"{topic}.md"
        text = unwrap_chinese(path.read_text(encoding="utf-8"))
        pages.append(GuidePage(topic, _title(topic, text), text))
    return pages


def topic_for(screen: QWidget | None) -> str:
    """The guide's page for a screen (a page of the main window, the field-audit window):
    its ``help_topic`` when it names one, else by its class; the introduction otherwise."""
    if screen is None:
        return TOPICS[0]
    own = getattr(screen, "help_topic", "")
    if isinstance(own, str) and own in TOPICS:
        return own
    for kind in type(screen).__mro__:
        if kind.__name__ in SCREEN_TOPICS:
            return SCREEN_TOPICS[kind.__name__]
    return TOPICS[0]
