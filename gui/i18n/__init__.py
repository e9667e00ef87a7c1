"""The window's language: English, or Simplified Chinese from the compiled Qt translations.

The language is the officer's choice (QSettings ``ui/language``: "system", "en" or "zh_CN"),
or the system's when the choice is "system". The translations are Qt .ts files beside this
module, one per area of the window, compiled to .qm by ``make translations`` (and by the
bundle). A .qm that is missing or older than its .ts is compiled again into the user's cache
folder when pyside6-lrelease is at hand; without it the window runs in English and says why
in the log.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QStandardPaths,
    QTranslator,
)

log = logging.getLogger("diffusion_desk.i18n")

I18N_DIR = Path(__file__).resolve().parent
LANGUAGE_KEY = "ui/language"
SYSTEM = "system"
ENGLISH = "en"
CHINESE = "zh_CN"
LANGUAGES = (SYSTEM, ENGLISH, CHINESE)
"""What the setting may hold."""
TRANSLATED = (CHINESE,)
"""The languages the window has translations for; any other runs in English."""

_installed: list[QTranslator] = []
"""The translators in use: kept referenced, or Python would collect them under Qt's feet."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` where it is named (a table's headers); it
    is translated where it is shown. Qt's own returns ``object`` to type checkers."""
    return text


def language_setting(settings: QSettings | None = None) -> str:
    """The officer's choice as saved ("system" when nothing or something unknown is saved)."""
    value = (settings or QSettings()).value(LANGUAGE_KEY, SYSTEM)
    return value if isinstance(value, str) and value in LANGUAGES else SYSTEM


def set_language_setting(language: str, settings: QSettings | None = None) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; one of {', '.join(LANGUAGES)}")
    store = settings or QSettings()
    store.setValue(LANGUAGE_KEY, language)
    store.sync()


def resolve_language(choice: str, system: QLocale | None = None) -> str:
    """The language the window shows for a choice: a Chinese system locale (any script or
    region) reads Simplified Chinese; anything else, English."""
    if choice in (ENGLISH, CHINESE):
        return choice
    locale = system or QLocale.system()
    return CHINESE if locale.language() == QLocale.Language.Chinese else ENGLISH


def locale_for(language: str) -> QLocale:
    """The locale numbers and dates are written in for a language."""
    if language == CHINESE:
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def install_translations(
    app: QCoreApplication,
    language: str | None = None,
    *,
    settings: QSettings | None = None,
    folder: Path = I18N_DIR,
) -> str:
    """Install the translators for ``language`` (or the saved choice) and make its locale the
    default; return the language the window will show ("en" or "zh_CN").

    Called once where the application is made, before any window is built; calling it again
    replaces what an earlier call installed.
    """
    chosen = resolve_language(language or language_setting(settings))
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(locale_for(chosen))
    if chosen not in TRANSLATED:
        return ENGLISH
    files = translation_files(chosen, folder)
    if not files:
        log.warning(
            "no %s translation could be found or compiled: the window is in English", chosen
        )
        QLocale.setDefault(locale_for(ENGLISH))
        return ENGLISH
    qtbase = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for path in [*files, qtbase / f"qtbase_{chosen}.qm"]:
        if path.is_file():
            _install(app, path)
    return chosen


def _install(app: QCoreApplication, path: Path) -> None:
    translator = QTranslator(app)
    if translator.load(str(path)):
        app.installTranslator(translator)
        _installed.append(translator)
    else:
        log.warning("the translation %s could not be loaded", path)


def translation_files(language: str, folder: Path = I18N_DIR) -> list[Path]:
    """The compiled translations of every area for ``language``: the .qm beside its .ts when
    it is there and up to date, else one compiled now into the cache folder."""
    found: dict[str, Path] = {}
    for qm in folder.glob(f"*.{language}.qm"):
        source = qm.with_suffix(".ts")
        if not source.exists() or source.stat().st_mtime <= qm.stat().st_mtime:
            found[qm.stem] = qm
    for source in sorted(folder.glob(f"*.{language}.ts")):
        if source.stem not in found:
            compiled = _compile(source)
            if compiled is not None:
                found[source.stem] = compiled
    return [found[stem] for stem in sorted(found)]


def lrelease() -> str | None:
    """The Qt translation compiler: beside this Python (the venv's) or on the PATH."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    if beside.exists():
        return str(beside)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def _compile(source: Path) -> Path | None:
    tool = lrelease()
    if tool is None:
        log.warning("%s is not compiled and pyside6-lrelease is not installed", source.name)
        return None
    cache = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
        or Path.home() / ".cache" / "diffusion-desk"
    )
    target = cache / "i18n" / source.with_suffix(".qm").name
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [tool, "-silent", str(source), "-qm", str(target)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as error:
        log.warning("%s could not be compiled: %s", source.name, error)
        return None
    return target
