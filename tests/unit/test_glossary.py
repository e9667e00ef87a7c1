"""The glossary of regulatory terms (docs/glossary.md) is well formed, and the window's Chinese
translations (gui/i18n/*.ts) use its terms: every message whose English holds a checked term
(a whole word, any case, also plural) has a translation holding the term's Chinese.

Messages not translated yet (an empty translation) are left to the translation coverage
checks; obsolete and vanished ones are not shown, so they are not checked."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "docs" / "glossary.md"
TRANSLATIONS = ROOT / "gui" / "i18n"
HEADER = ("English", "简体中文", "Definition", "Source", "Checked")
REQUIRED_TERMS = (
    "ultimate consignee",
    "consignee",
    "end user",
    "total processing performance",
    "performance density",
    "licence",
    "licence exception",
    "Validated End User",
    "UVEU",
    "NVEU",
    "Entity List",
    "restricted party",
    "screening",
    "ruleset",
    "order",
    "party",
    "product",
    "quota",
    "finding",
    "red flag",
    "audit log",
    "decision",
    "attestation",
    "certification",
    "tier",
    "headquarters",
    "field audit",
    "kit",
    "serial number",
    "model weights",
    "AIA",
    "LPP",
    "ACA",
    "Bureau of Industry and Security",
    "export",
    "re-export",
    "transfer (in-country)",
    "Tier 1",
    "Tier 2",
    "Tier 3",
    "headquartered in",
    "data center",
    "advanced computing item",
    "integrated circuit",
    "die area",
    "bit length",
    "MacTOPS",
    "ECCN 3A090",
    "ECCN 4A090",
    "ECCN 4E091",
    "deemed export",
    "know-your-customer",
    "Consolidated Screening List",
    "Denied Persons List",
    "SDN",
    "certification commitments",
    "diversion",
    "chain head",
    "anchor",
)


@dataclass(frozen=True)
class Term:
    english: tuple[str, ...]
    chinese: tuple[str, ...]
    definition: str
    source: str
    checked: bool
    line: int

    def pattern(self) -> re.Pattern[str]:
        words = "|".join(re.escape(variant) for variant in self.english)
        return re.compile(rf"(?<![\w-])(?:{words})(?:s|es)?(?![\w-])", re.IGNORECASE)

    def translated_in(self, translation: str) -> bool:
        """Whether ``translation`` holds one of the Chinese variants (``…``: up to four
        characters)."""
        return any(
            re.search(".{0,4}".join(re.escape(part) for part in zh.split("…")), translation)
            for zh in self.chinese
        )


# What a message's English holds that is not words of the message: placeholders ({product},
# %n, %1), code (`kit report`, <code>…</code>) and markup tags.
_NOT_WORDS = re.compile(r"\{[^{}]*\}|%[n\d]|`[^`]*`|<code>.*?</code>|<[^<>]*>", re.DOTALL)


def words_of(source: str) -> str:
    return _NOT_WORDS.sub(" ", source)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def parse_glossary(text: str) -> list[Term]:
    """The terms of the glossary's table; ValueError naming the line for a malformed row."""
    lines = text.splitlines()
    start = next((index for index, line in enumerate(lines) if tuple(_cells(line)) == HEADER), None)
    if start is None:
        raise ValueError(f"no table with the header {' | '.join(HEADER)}")
    terms: list[Term] = []
    for index in range(start + 2, len(lines)):
        line = lines[index]
        if not line.startswith("|"):
            break
        cells = _cells(line)
        number = index + 1
        if len(cells) != len(HEADER) or not all(cells):
            raise ValueError(f"line {number}: expected {len(HEADER)} filled cells: {line}")
        english, chinese, definition, source, checked = cells
        if checked not in ("yes", "no"):
            raise ValueError(f"line {number}: Checked is yes or no, not {checked!r}")
        terms.append(
            Term(
                english=tuple(part.strip() for part in english.split(" / ")),
                chinese=tuple(part.strip() for part in chinese.split(" / ")),
                definition=definition,
                source=source,
                checked=checked == "yes",
                line=number,
            )
        )
    return terms


@dataclass(frozen=True)
class Violation:
    file: str
    context: str
    source: str
    translation: str
    term: Term

    def describe(self) -> str:
        return (
            f"{self.file}: [{self.context}] {self.source!r} is translated {self.translation!r}, "
            f"without {' or '.join(self.term.chinese)} for {self.term.english[0]!r} "
            f"(docs/glossary.md line {self.term.line})"
        )


def violations(ts_text: str, terms: list[Term], *, file: str) -> list[Violation]:
    """The messages of one .ts file that translate a checked term otherwise."""
    found: list[Violation] = []
    checked = [(term, term.pattern()) for term in terms if term.checked]
    for context in ET.fromstring(ts_text).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            element = message.find("translation")
            if element is None or element.get("type") in ("obsolete", "vanished"):
                continue
            translation = "".join(element.itertext())
            if not translation.strip():
                continue
            words = words_of(source)
            for term, pattern in checked:
                if pattern.search(words) and not term.translated_in(translation):
                    found.append(Violation(file, name, source, translation, term))
    return found


TERMS = parse_glossary(GLOSSARY.read_text(encoding="utf-8"))


def test_the_glossary_is_a_well_formed_table_with_one_row_per_term() -> None:
    english = [variant.lower() for term in TERMS for variant in term.english]
    assert len(english) == len(set(english)), "a term appears twice"
    for term in TERMS:
        assert all(re.search(r"[\u4e00-\u9fff]|[A-Z]{3}", zh) for zh in term.chinese), term
        assert term.definition.endswith("."), term


def test_the_glossary_covers_the_terms_the_desk_uses() -> None:
    english = {variant.lower() for term in TERMS for variant in term.english}
    assert [word for word in REQUIRED_TERMS if word.lower() not in english] == []


def test_the_conventions_translations_are_the_glossarys() -> None:
    chinese = {term.english[0]: term.chinese for term in TERMS}
    assert chinese["ultimate consignee"] == ("最终收货人",)
    assert chinese["licence exception"] == ("许可证例外",)
    assert chinese["Validated End User"] == ("经验证最终用户",)
    assert chinese["total processing performance"] == ("总处理性能",)


_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>PartyEditor</name>
    <message>
        <source>Ultimate consignees located in {country}</source>
        <translation>{country} 的最终收货人</translation>
    </message>
    <message>
        <source>Ultimate consignee</source>
        <translation>最终买家</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>About {product}; use `kit report`</source>
        <translation>关于 {product}；请使用 `kit report`</translation>
    </message>
    <message>
        <source>Located and headquartered in Tier 1</source>
        <translation>所在地和总部均位于第 1 层级</translation>
    </message>
    <message>
        <source>Licence exceptions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n red flags answered</source>
        <translation><numerusform>已回答 %n 个警示</numerusform></translation>
    </message>
    <message>
        <source>Old red flag</source>
        <translation type="vanished">旧警示</translation>
    </message>
</context>
</TS>
"""


def test_a_translation_that_uses_another_word_for_a_term_is_named_by_file_and_message() -> None:
    found = violations(_TS, TERMS, file="gui/i18n/pages.zh_CN.ts")
    described = sorted(item.describe() for item in found)
    assert len(found) == 3, described
    assert {(item.source, item.term.english[0]) for item in found} == {
        ("Ultimate consignee", "ultimate consignee"),
        ("Ultimate consignee", "consignee"),
        ("%n red flags answered", "red flag"),
    }
    assert described[0].startswith("gui/i18n/pages.zh_CN.ts: [PartyEditor] '%n red flags")


def test_a_malformed_row_is_refused_naming_its_line() -> None:
    header = "| " + " | ".join(HEADER) + " |\n|---|---|---|---|---|\n"
    text = header + "| kit | 审计包 | A file. | desk | maybe |\n"
    with pytest.raises(ValueError, match="line 3: Checked is yes or no"):
        parse_glossary(text)


@pytest.mark.parametrize(
    "path",
    sorted(TRANSLATIONS.glob("*.ts")) or [pytest.param(None, marks=pytest.mark.skip("no .ts"))],
    ids=lambda path: path.name if path else "none",
)
def test_the_windows_translations_use_the_glossarys_terms(path: Path) -> None:
    found = violations(path.read_text(encoding="utf-8"), TERMS, file=f"gui/i18n/{path.name}")
    assert [item.describe() for item in found] == []
