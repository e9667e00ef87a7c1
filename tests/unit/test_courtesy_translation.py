"""The courtesy translations of the AIA certification: every English text of every shipped
ruleset has one, and a wording without one is printed in English alone."""

from __future__ import annotations

import pytest

from domain.courtesy import courtesy_files, courtesy_translation, english_digest
from domain.model import Language
from domain.ruleset import load_shipped_rulesets

CATALOG = load_shipped_rulesets()
TRANSLATION = courtesy_files()[Language.ZH_CN]


@pytest.mark.parametrize("version", CATALOG.versions, ids=lambda version: version.id)
def test_every_english_commitment_of_every_ruleset_has_a_chinese_translation(
    version: object,
) -> None:
    wording = version.aia_certification  # type: ignore[attr-defined]
    assert TRANSLATION.missing(wording) == ()
    translated = courtesy_translation(wording, Language.ZH_CN, "boards classified under 4A090.a")
    assert translated is not None
    assert len(translated.commitments) == len(wording.commitments)
    for english, chinese in zip(wording.commitments, translated.commitments, strict=True):
        assert chinese.split(" ", 1)[0] == english.split(" ", 1)[0]  # numbered alike
        assert TRANSLATION.items_placeholder not in chinese


def test_every_translation_translates_a_text_some_ruleset_states() -> None:
    stated = {
        english_digest(text)
        for version in CATALOG.versions
        for text in (version.aia_certification.title, *version.aia_certification.commitments)
    }
    written = {item.english_sha256 for item in (TRANSLATION.title, *TRANSLATION.commitments)}
    assert written <= stated


def test_a_changed_english_commitment_has_no_translation_and_prints_english_alone() -> None:
    wording = CATALOG.versions[-1].aia_certification
    reworded = wording.model_copy(
        update={
            "commitments": (
                *wording.commitments[:2],
                wording.commitments[2].replace("prior authorization", "prior written consent"),
                *wording.commitments[3:],
            )
        }
    )
    assert TRANSLATION.missing(reworded) == (reworded.commitments[2],)
    assert courtesy_translation(reworded, Language.ZH_CN, "items") is None
    assert courtesy_translation(wording, Language.EN, "items") is None


def test_the_label_says_in_both_languages_that_the_english_binds() -> None:
    assert "for convenience only" in TRANSLATION.label
    assert "English text above is the binding certification" in TRANSLATION.label
    assert "英文" in TRANSLATION.translated_label
    assert "约束力" in TRANSLATION.translated_label
