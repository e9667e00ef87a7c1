"""Courtesy translations of the AIA certification, for consignees who read another language.

The certification an ultimate consignee signs is the English text of § 740.27(b)(2), as the
ruleset states it; that is what BIS prescribes and what binds. A party whose correspondence
language is not English may get, after that text, a translation of the commitments labelled
as a courtesy. The translations are data (``domain/data/aia_courtesy.<language>.toml``), one
file a language; each names the English text it translates by its digest, so a ruleset whose
wording changed is never printed with the translation of other words.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Annotated, Final

from pydantic import Field, StringConstraints

from domain.frozen import Frozen, Strict
from domain.model import Language
from domain.ruleset import AiaCertificationText

DIGEST_LENGTH: Final = 16
"""Hex digits of the SHA-256 of the English text a translation names it by."""

Digest = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]


def english_digest(text: str) -> str:
    """The digest a translation names its English text by (16 hex digits of SHA-256)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


class TranslatedText(Strict):
    english_sha256: Digest
    text: str = Field(min_length=1)


class CourtesyTranslationFile(Strict):
    """One language's translation of the certification, as its data file holds it."""

    language: Language
    label: str = Field(min_length=1)
    """What the section is, in English: a courtesy, not the binding text."""
    translated_label: str = Field(min_length=1)
    """The same, in the language of the translation."""
    items_placeholder: str
    """Where the description of the items goes in (i)."""
    signing_note: str
    """Where to sign: in the English certification's signature blocks."""
    title: TranslatedText
    commitments: tuple[TranslatedText, ...] = Field(min_length=1)

    def by_digest(self) -> dict[str, str]:
        texts = {item.english_sha256: item.text for item in self.commitments}
        texts[self.title.english_sha256] = self.title.text
        return texts

    def missing(self, wording: AiaCertificationText) -> tuple[str, ...]:
        """The English texts of ``wording`` (title and commitments) with no translation."""
        texts = self.by_digest()
        return tuple(
            english
            for english in (wording.title, *wording.commitments)
            if english_digest(english) not in texts
        )


class CourtesyTranslation(Frozen):
    """The translated certification as a statement prints it, items filled in."""

    language: Language
    label: str
    translated_label: str
    title: str
    commitments: tuple[str, ...]
    """Every item, (i) to (v), numbered as the English text is."""
    signing_note: str


def _file_name(language: Language) -> str:
    return f"aia_courtesy.{language.value}.toml"


@cache
def courtesy_files() -> Mapping[Language, CourtesyTranslationFile]:
    """The translations shipped in ``domain/data``, by language (read once)."""
    folder = resources.files("domain") / "data"
    found: dict[Language, CourtesyTranslationFile] = {}
    for language in Language:
        entry = folder / _file_name(language)
        if not entry.is_file():
            continue
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
        translation = CourtesyTranslationFile.model_validate(data)
        if translation.language is not language:
            raise ValueError(
                f"domain/data/{_file_name(language)} says it is in {translation.language.value}"
            )
        found[language] = translation
    return found


def courtesy_translation(
    wording: AiaCertificationText, language: Language, items_description: str
) -> CourtesyTranslation | None:
    """The courtesy translation a consignee reading ``language`` gets after the English
    certification; None for English, for a language without translations, or when the
    ruleset's wording has a text no translation was written for (the English is printed
    alone rather than beside the translation of other words)."""
    translation = courtesy_files().get(language)
    if language is Language.EN or translation is None or translation.missing(wording):
        return None
    texts = translation.by_digest()
    return CourtesyTranslation(
        language=language,
        label=translation.label,
        translated_label=translation.translated_label,
        title=texts[english_digest(wording.title)],
        commitments=tuple(
            texts[english_digest(english)].replace(translation.items_placeholder, items_description)
            for english in wording.commitments
        ),
        signing_note=translation.signing_note,
    )
