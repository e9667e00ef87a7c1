"""Embedded TrueType fonts that print any party name, found once per process.

Party names and addresses come in any script, so the body font must cover Latin with accents,
Greek, Cyrillic, Chinese, Japanese and Korean. reportlab embeds only TrueType outlines (glyf):
the OTF/CFF Noto CJK fonts fail and its built-in CID fonts are not embedded. WenQuanYi Micro Hei
(Debian package fonts-wqy-microhei) is TrueType and covers all of those scripts, so it is the
body font. It has no bold face; headings use DejaVu Sans Bold for the characters it covers and
fall back to WenQuanYi for the rest, run by run, so a heading prints in any script. What
WenQuanYi lacks falls back, character by character, to the first font that has it: DejaVu Sans
(Arabic, Hebrew, Armenian, Georgian), then the Noto Sans font of each script customers write
in (Thai, Devanagari, Khmer, Bengali, Tamil, Myanmar, Sinhala, Ethiopic, ...; Debian package
fonts-noto-core, TrueType). Right-to-left text is put in visual order with its letters joined
(python-bidi, arabic-reshaper); paragraphs in scripts that need shaping (Indic, Thai, Khmer,
Lao, Myanmar, ...) are shaped with HarfBuzz (uharfbuzz) so their vowel signs and conjuncts
print as written. Text that no installed font can print is refused before a document is
registered (``unprintable``), naming the field and the script.

Where the fonts are: ``DIFFUSION_DESK_FONT`` (a .ttf or .ttc file) if set, else, in the bundle
that needs no Python (``make dist``), its own ``fonts`` folder, copied from the build machine
(``Fonts.files``), else what fontconfig reports for the family, else the usual paths of Debian,
Fedora, Arch and macOS packages.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import ShapedFragWord, TTFont, makeShapedFragWord
from reportlab.platypus import paragraph as reportlab_paragraph

from domain.errors import DomainError

BODY_PACKAGE = "fonts-wqy-microhei"
HEADING_PACKAGE = "fonts-dejavu-core"
FONT_ENV = "DIFFUSION_DESK_FONT"

# Registered names: unique to this project, so nothing else in the process can shadow them.
BODY = "DDesk-Body"
HEADING = "DDesk-Heading"
MONO = "DDesk-Mono"
MONO_BOLD = "DDesk-MonoBold"
FALLBACK = "DDesk-Fallback"
SCRIPTS_PACKAGE = "fonts-noto-core"

# What the body font must draw: accented Latin, Greek, Cyrillic, Han, kana and Hangul.
_COVERAGE_PROBE = "ÄéßŁΩЖж华智株コ누리"

_FONT_DIRS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "/Library/Fonts",
    "~/Library/Fonts",
)
BUNDLE_FONT_FOLDER = "fonts"
"""The bundle's font folder, under its data root (PyInstaller's ``sys._MEIPASS``)."""
_BODY_FILES = ("wqy-microhei.ttc", "wqy-zenhei.ttc")
_BODY_FAMILIES = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei")
_HEADING_FILES = ("DejaVuSans-Bold.ttf",)
_FALLBACK_FILES = ("DejaVuSans.ttf",)
# One TrueType font per script, in the order they are tried after the body font and DejaVu.
_SCRIPT_FILES = (
    "NotoSansThai-Regular.ttf",
    "NotoSansDevanagari-Regular.ttf",
    "NotoSansKhmer-Regular.ttf",
    "NotoSansLao-Regular.ttf",
    "NotoSansMyanmar-Regular.ttf",
    "NotoSansBengali-Regular.ttf",
    "NotoSansTamil-Regular.ttf",
    "NotoSansTelugu-Regular.ttf",
    "NotoSansKannada-Regular.ttf",
    "NotoSansMalayalam-Regular.ttf",
    "NotoSansGujarati-Regular.ttf",
    "NotoSansGurmukhi-Regular.ttf",
    "NotoSansOriya-Regular.ttf",
    "NotoSansSinhala-Regular.ttf",
    "NotoSansHebrew-Regular.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArmenian-Regular.ttf",
    "NotoSansGeorgian-Regular.ttf",
    "NotoSansEthiopic-Regular.ttf",
    "NotoSansMongolian-Regular.ttf",
    "NotoSansTibetan-Regular.ttf",
    "NotoSansThaana-Regular.ttf",
    "NotoSansSyriac-Regular.ttf",
    "NotoSansJavanese-Regular.ttf",
    "NotoSansBalinese-Regular.ttf",
    "NotoSansCherokee-Regular.ttf",
    "NotoSansCanadianAboriginal-Regular.ttf",
    "NotoSansTifinagh-Regular.ttf",
    "NotoSansMath-Regular.ttf",
    "NotoSansSymbols-Regular.ttf",
    "NotoSansSymbols2-Regular.ttf",
    "NotoSans-Regular.ttf",
)

# Scripts whose letters combine into clusters that only a shaping engine lays out right.
_NEEDS_SHAPING = re.compile(
    "[\u0900-\u0dff\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff"
    "\u1800-\u18af\u1a00-\u1aff\u1b00-\u1b7f\ua980-\ua9df]"
)


def needs_shaping(text: str) -> bool:
    """Whether ``text`` has letters of a script that reportlab cannot lay out unshaped."""
    return _NEEDS_SHAPING.search(text) is not None


def _shape_each_font(original: Callable[..., Any]) -> Callable[..., Any]:
    """reportlab shapes a word with the font of its first fragment only, and fails where a
    word mixes fonts (a Thai word and the colon after it, from the body font). Shape each run
    of one font on its own, only runs of the scripts that need shaping (right-to-left text is
    already in visual order: shaping it would reverse it again), and put the word back."""

    def shape(word: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(word, ShapedFragWord):
            return word
        items = list(word[1:])
        if not any(isinstance(text, str) and needs_shaping(text) for _, text in items):
            return word
        if len({getattr(frag, "fontName", None) for frag, _ in items}) <= 1:
            return original(word, *args, **kwargs)
        width, parts, changed = 0.0, [], False
        for _, group in groupby(items, key=lambda item: getattr(item[0], "fontName", None)):
            run = list(group)
            run_width = sum(
                pdfmetrics.stringWidth(text, frag.fontName, frag.fontSize)
                for frag, text in run
                if not hasattr(frag, "cbDefn")
            )
            sub = word.__class__([run_width, *run])
            if not any(isinstance(text, str) and needs_shaping(text) for _, text in run):
                width += run_width
                parts.extend(run)
                continue
            shaped = original(sub, *args, **kwargs)
            changed = changed or shaped is not sub
            width += shaped[0]
            parts.extend(shaped[1:])
        if not changed:
            return word
        return makeShapedFragWord(word)([width, *parts])

    return shape


reportlab_paragraph.shapeFragWord = _shape_each_font(reportlab_paragraph.shapeFragWord)
_MONO_FILES = ("DejaVuSansMono.ttf",)
_MONO_BOLD_FILES = ("DejaVuSansMono-Bold.ttf",)


# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, and their presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def visual(text: str) -> str:
    """Text as it is laid out left to right: right-to-left runs reversed into visual order,
    Arabic letters in their joined forms. Other text is returned as it is."""
    if _RTL.search(text) is None:
        return text
    # The documents are left-to-right: a right-to-left run is reversed in place, the rest stays.
    return str(get_display(arabic_reshaper.reshape(text), base_dir="L"))


class FontsMissingError(DomainError):
    """No TrueType font that prints every script the documents need is installed."""


@dataclass(frozen=True)
class Fonts:
    """The registered font names, and which characters each covers."""

    body: str
    heading: str
    mono: str
    mono_bold: str
    fallbacks: tuple[tuple[str, frozenset[int]], ...]
    """The fonts tried, in order, for what the body font lacks: (name, characters)."""
    body_file: str
    heading_file: str | None
    body_covers: frozenset[int]
    heading_covers: frozenset[int]
    files: tuple[str, ...] = ()
    """Every font file registered: what the bundle copies into its own font folder."""

    @property
    def fallback(self) -> str | None:
        """The first fallback font (DejaVu Sans), if any is installed."""
        return self.fallbacks[0][0] if self.fallbacks else None

    def font_for(self, ch: str) -> str | None:
        """The registered font that prints ``ch`` (the body font first), or None."""
        code = ord(ch)
        if code in self.body_covers:
            return self.body
        for name, covers in self.fallbacks:
            if code in covers:
                return name
        return None

    def missing(self, text: str) -> str:
        """The characters of ``text`` that no font can print (spaces and controls aside)."""
        return "".join(
            dict.fromkeys(
                ch
                for ch in text
                if not ch.isspace()
                and unicodedata.category(ch)[0] != "C"
                and self.font_for(ch) is None
            )
        )

    def _runs(self, text: str, first: str | None, covers: frozenset[int]) -> list[tuple[str, str]]:
        runs: list[tuple[str, str]] = []
        for ch in text:
            code = ord(ch)
            if first is not None and (code in covers or ch.isspace()):
                font = first
            else:
                # No font has it: the body font's empty glyph (refused before printing).
                font = self.font_for(ch) or self.body
            if runs and runs[-1][0] == font:
                runs[-1] = (font, runs[-1][1] + ch)
            else:
                runs.append((font, ch))
        return runs

    def heading_runs(self, text: str) -> list[tuple[str, str]]:
        """``text`` (in visual order) cut into (font, chunk) runs: the heading font where it
        has the glyph, else the body font (CJK has no bold face here), else the fallback."""
        text = visual(text)
        if self.heading == self.body:
            return self._body_runs(text)
        return self._runs(text, self.heading, self.heading_covers)

    def body_runs(self, text: str) -> list[tuple[str, str]]:
        """``text`` (in visual order) cut into runs of the body font and the fallback."""
        return self._body_runs(visual(text))

    def _body_runs(self, text: str) -> list[tuple[str, str]]:
        if text.isascii() or all(ord(ch) in self.body_covers for ch in text):
            return [(self.body, text)] if text else []
        return self._runs(text, None, frozenset())

    def bold(self, text: str) -> str:
        """Paragraph markup printing ``text`` in the heading face, whatever its script."""
        runs = self.heading_runs(text)
        return "".join(f'<font name="{font}">{escape(chunk)}</font>' for font, chunk in runs)

    def plain(self, text: str) -> str:
        """Paragraph markup for ``text`` in the body face (the fallback where it lacks a
        glyph), escaped."""
        runs = self.body_runs(text)
        if len(runs) <= 1 and (not runs or runs[0][0] == self.body):
            return escape(runs[0][1]) if runs else ""
        return "".join(
            escape(chunk) if font == self.body else f'<font name="{font}">{escape(chunk)}</font>'
            for font, chunk in runs
        )


_lock = threading.Lock()
_fonts: Fonts | None = None


def load_fonts() -> Fonts:
    """Find and register the fonts (once per process); FontsMissingError if none will do."""
    global _fonts
    if _fonts is not None:
        return _fonts
    with _lock:
        if _fonts is None:
            _fonts = _register()
        return _fonts


def _register() -> Fonts:
    body_file, body_font = find_body_font()
    pdfmetrics.registerFont(body_font)
    files = [body_file]

    heading_file = _first_loadable(
        HEADING, _candidates(_HEADING_FILES, ("DejaVu Sans:bold",)), require_cjk=False
    )
    covers: frozenset[int] = frozenset()
    heading = body_font.fontName
    if heading_file is not None:
        files.append(heading_file[0])
        _, font = heading_file
        pdfmetrics.registerFont(font)
        heading = font.fontName
        covers = frozenset(font.face.charToGlyph)
    fallbacks: list[tuple[str, frozenset[int]]] = []
    fallback_found = _first_loadable(
        FALLBACK, _candidates(_FALLBACK_FILES, ("DejaVu Sans",)), require_cjk=False
    )
    if fallback_found is not None:
        files.append(fallback_found[0])
        pdfmetrics.registerFont(fallback_found[1])
        fallbacks.append((FALLBACK, frozenset(fallback_found[1].face.charToGlyph)))
    folders: list[Path] = []
    for file_name in _SCRIPT_FILES:
        name = f"{FALLBACK}-{len(fallbacks):03d}"
        found = _first_loadable(name, _candidates((file_name,), ()), require_cjk=False)
        if found is not None:
            pdfmetrics.registerFont(found[1])
            fallbacks.append((name, frozenset(found[1].face.charToGlyph)))
            folders.append(Path(found[0]).parent)
            files.append(found[0])
    # Then every other regular Noto Sans/Serif face installed beside them (rarer scripts).
    tried = set(_SCRIPT_FILES)
    for folder in dict.fromkeys(folders):
        for path in sorted(folder.glob("Noto*-Regular.ttf")):
            if path.name in tried:
                continue
            tried.add(path.name)
            name = f"{FALLBACK}-{len(fallbacks):03d}"
            found = _first_loadable(name, [path], require_cjk=False)
            if found is not None:
                pdfmetrics.registerFont(found[1])
                fallbacks.append((name, frozenset(found[1].face.charToGlyph)))
                files.append(found[0])
    mono = _register_optional(MONO, _candidates(_MONO_FILES, ("DejaVu Sans Mono",)), BODY, files)
    mono_bold = _register_optional(
        MONO_BOLD, _candidates(_MONO_BOLD_FILES, ("DejaVu Sans Mono:bold",)), heading, files
    )
    return Fonts(
        body=BODY,
        heading=heading,
        mono=mono,
        mono_bold=mono_bold,
        fallbacks=tuple(fallbacks),
        body_file=body_file,
        heading_file=None if heading_file is None else heading_file[0],
        body_covers=frozenset(body_font.face.charToGlyph),
        heading_covers=covers,
        files=tuple(dict.fromkeys(files)),
    )


def find_body_font() -> tuple[str, TTFont]:
    """The body font's file and the font (not registered); FontsMissingError if none."""
    override = os.environ.get(FONT_ENV, "").strip()
    if override:
        found = _first_loadable(BODY, [Path(override).expanduser()], require_cjk=True)
        if found is None:
            raise FontsMissingError(
                f"{FONT_ENV}={override} is not a TrueType font (.ttf or .ttc with TrueType "
                "outlines) that covers Latin, Cyrillic, Greek, Chinese, Japanese and Korean; "
                f"unset it to use the Debian package {BODY_PACKAGE}"
            )
        return found
    found = _first_loadable(BODY, _candidates(_BODY_FILES, _BODY_FAMILIES), require_cjk=True)
    if found is None:
        raise FontsMissingError(
            "no font found that prints Chinese, Japanese and Korean party names in a PDF: "
            f"install the package {BODY_PACKAGE} (sudo apt-get install {BODY_PACKAGE}), "
            f"or set {FONT_ENV} to a TrueType .ttf/.ttc file covering those scripts "
            "(OpenType/CFF fonts such as Noto CJK cannot be embedded by reportlab)"
        )
    return found


def _register_optional(name: str, paths: Iterable[Path], fallback: str, files: list[str]) -> str:
    found = _first_loadable(name, paths, require_cjk=False)
    if found is None:
        return fallback
    files.append(found[0])
    pdfmetrics.registerFont(found[1])
    return name


def _first_loadable(
    name: str, paths: Iterable[Path], *, require_cjk: bool
) -> tuple[str, TTFont] | None:
    seen: set[Path] = set()
    for path in paths:
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        try:
            font = TTFont(name, str(path), subfontIndex=0)
        except Exception:  # not TrueType (CFF outlines), damaged, unreadable: try the next
            continue
        covered = font.face.charToGlyph
        if require_cjk and not all(ord(ch) in covered for ch in _COVERAGE_PROBE):
            continue
        return str(path), font
    return None


def _candidates(file_names: tuple[str, ...], families: tuple[str, ...]) -> Iterator[Path]:
    """Paths to try, best first: the bundle's own fonts, fontconfig's answer for each family
    (only when it names one of the expected files: fc-match falls back to any font), then the
    usual folders."""
    bundled = bundle_font_folder()
    if bundled is not None:
        yield from (bundled / name for name in file_names if (bundled / name).is_file())
    for family in families:
        for path in _fontconfig(family):
            if path.name in file_names:
                yield path
    for folder in _FONT_DIRS:
        root = Path(folder).expanduser()
        if not root.is_dir():
            continue
        for file_name in file_names:
            direct = [
                root / sub / file_name
                for sub in ("truetype/wqy", "truetype/dejavu", "truetype/noto", "")
            ]
            yield from (path for path in direct if path.is_file())
            yield from sorted(root.rglob(file_name))


def bundle_font_folder() -> Path | None:
    """The font folder of the bundle this process runs from, or None (not frozen)."""
    root = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or root is None:
        return None
    return Path(root) / BUNDLE_FONT_FOLDER


def _fontconfig(family: str) -> list[Path]:
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return []
    try:
        result = subprocess.run(
            [fc_match, "-f", "%{file}", family],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    text = result.stdout.strip()
    return [Path(text)] if result.returncode == 0 and text else []
