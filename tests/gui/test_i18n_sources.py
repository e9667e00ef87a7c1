"""Every visible string of the window goes through Qt's translation: no literal words handed
to a Qt text setter (an AST check over gui/**), and every string the sources hold for
translation is in the committed .ts of its area (pyside6-lupdate run into a temporary file)."""

from __future__ import annotations

import ast
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from gui.i18n import CHINESE
from gui.i18n.areas import AREAS, ROOT, lupdate, sources, ts_file, update

TEXT_SETTERS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setTitle",
    "setTitleText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setInformativeText",
    "setDetailedText",
    "setLabelText",
    "setFormat",
    "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels",
    "setHeaderLabels",
    "showMessage",
    "addMenu",
    "addTab",
    "addRow",
    "addItem",
    "addButton",
    "setTabText",
    "insertTab",
}
"""Qt methods whose string arguments the officer reads."""
TEXT_CONSTRUCTORS = {
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "QCommandLinkButton",
    "QListWidgetItem",
    "QTableWidgetItem",
    "QMessageBox",
    "make_label",
    "make_button",
    "Column",
}
"""Widgets (Qt's and the kit's) made with a text."""
MESSAGE_BOXES = {"information", "warning", "question", "critical", "about"}
POSITIONS = {
    "addTab": (1,),
    "insertTab": (2,),
    "setTabText": (1,),
    "QMessageBox": (1, 2),
    **dict.fromkeys(MESSAGE_BOXES, (1, 2)),
}
"""Which positional arguments carry the text (the first, unless named here)."""
TEXT_KEYWORDS = {"title", "tip", "placeholder", "text", "label", "limit_label"}
"""Keyword arguments of the desk's own helpers that carry a visible text."""
TRANSLATORS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
NOT_WORDS = re.compile(
    r"(Ctrl|Shift|Alt|Del|PDF|ECCN|SHA-256|TPP|\b[A-Z0-9]+(-[A-Z0-9]+)+\b|[^A-Za-z])*"
)
"""What may be written literally: numbers, symbols, "…", key names, refs and codes
("SG-LIONCITY", "H100-SXM") and a few symbols of the trade the same in every language."""
MARKUP = re.compile(r"<[^>]*>")


def _words(text: str) -> bool:
    return NOT_WORDS.fullmatch(MARKUP.sub("", text)) is None


def _literal_words(node: ast.AST) -> Iterator[str]:
    """The literal text with words in an expression (through +, f-strings, a if b else c,
    lists), not looking inside calls: a call to tr is the translated way."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if _words(node.value):
            yield node.value
    elif isinstance(node, ast.JoinedStr):
        parts = "".join(
            value.value
            for value in node.values
            if isinstance(value, ast.Constant) and isinstance(value.value, str)
        )
        if _words(parts):
            yield ast.unparse(node)
    elif isinstance(node, ast.BinOp):
        yield from _literal_words(node.left)
        yield from _literal_words(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _literal_words(node.body)
        yield from _literal_words(node.orelse)
    elif isinstance(node, ast.List | ast.Tuple):
        for element in node.elts:
            yield from _literal_words(element)


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def untranslated(path: Path) -> list[str]:
    """Literal words handed to a text setter or a text widget in ``path``, as
    "file:line: text"."""
    found: list[str] = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name in TRANSLATORS:
            continue
        arguments: list[ast.expr] = []
        if name in TEXT_SETTERS or name in TEXT_CONSTRUCTORS or name in MESSAGE_BOXES:
            positions = POSITIONS.get(name, (0,))
            arguments += [arg for n, arg in enumerate(node.args) if n in positions]
        arguments += [word.value for word in node.keywords if word.arg in TEXT_KEYWORDS]
        for argument in arguments:
            for text in _literal_words(argument):
                where = path.relative_to(ROOT)
                found.append(f"{where}:{node.lineno}: {name}({text!r})")
    return found


@pytest.mark.parametrize("area", sorted(AREAS))
def test_no_literal_words_reach_a_qt_text_setter(area: str) -> None:
    found = [line for path in sources(area) for line in untranslated(path)]
    assert not found, "not wrapped in tr/translate:\n" + "\n".join(found)


def test_the_check_catches_literal_words_and_lets_translated_ones_through(
    tmp_path: Path,
) -> None:
    module = tmp_path / "screen.py"
    module.write_text(
        "label.setText('Orders checked')\n"
        "label.setText(self.tr('Orders checked'))\n"
        "label.setToolTip(f'{count} orders')\n"
        "button = QPushButton('…')\n"
        "box = make_label('✓ ' + QCoreApplication.translate('Ctx', 'Saved'))\n"
        "box.setTitle('Saved' if ok else '✕')\n",
        encoding="utf-8",
    )
    found = untranslated_outside_root(module)
    assert [line.split(": ", 1)[1] for line in found] == [
        "setText('Orders checked')",
        "setToolTip(\"f'{count} orders'\")",
        "setTitle('Saved')",
    ]


def untranslated_outside_root(path: Path) -> list[str]:
    """As ``untranslated``, for a file outside the repository (the check's own test)."""
    import gui.i18n.areas as areas

    root = areas.ROOT
    try:
        globals()["ROOT"] = path.parent
        return untranslated(path)
    finally:
        globals()["ROOT"] = root


def _sources_in(ts: Path) -> set[tuple[str, str]]:
    tree = ET.parse(ts)
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in tree.getroot().iter("context")
        for message in context.iter("message")
    }


@pytest.mark.parametrize("area", sorted(AREAS))
def test_every_string_of_the_sources_is_in_the_committed_translation(
    area: str, tmp_path: Path
) -> None:
    if not Path(lupdate()).exists() and shutil.which("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate is not installed")
    committed = ts_file(area, CHINESE)
    assert committed.exists(), f"{committed.name} is missing: run `make ts`"
    extracted = _sources_in(update(area, tmp_path / f"{area}.{CHINESE}.ts"))
    missing = sorted(extracted - _sources_in(committed))
    assert not missing, f"{committed.name} lacks (run `make ts`, then translate):\n" + "\n".join(
        f"  [{context}] {source}" for context, source in missing
    )
