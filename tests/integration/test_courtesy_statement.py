"""The AIA statement of a consignee reading Chinese: the binding English certification, then a
courtesy translation of its items labelled as such; printed for real, read back with the
desk's own PDF text reader, and verified as any paper is."""

from __future__ import annotations

import re

import pytest

from domain.courtesy import courtesy_files
from domain.documents import AiaStatementView, content_hash
from domain.model import Language, Party
from domain.ruleset import load_shipped_rulesets
from domain.services import records
from domain.services.documents import aia_statement_view, generate, verify_pdf
from reports.extract import pdf_text
from reports.renderer import PdfRenderer
from storage.unit_of_work import SqlDatabase
from tests.integration.test_documents import ON, add_order, seed

CATALOG = load_shipped_rulesets()
RENDERER = PdfRenderer()
TRANSLATION = courtesy_files()[Language.ZH_CN]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def seeded(db: SqlDatabase) -> SqlDatabase:
    seed(db)
    records.add_record(
        db,
        Party(
            ref="TW1",
            name="玉峰半導體測試股份有限公司",
            country="TW",
            hq_country="TW",
            language=Language.ZH_CN,
        ),
        actor="setup",
    )
    add_order(db, "SO-TW", "TW1")
    return db


def test_a_chinese_reading_consignee_gets_the_labelled_translation_after_the_english(
    seeded: SqlDatabase,
) -> None:
    view = aia_statement_view(seeded, CATALOG, "TW1", on=ON)
    _, pdf = generate(seeded, RENDERER, view, actor="officer")
    text = squash(pdf_text(pdf))
    english = squash(view.commitments[1][view.commitments[1].index(" ") :])
    label = squash(TRANSLATION.label)
    assert english in text
    assert label in text
    assert squash(TRANSLATION.translated_label) in text
    assert text.index(english) < text.index(label)  # the binding text comes first
    courtesy = view.courtesy
    assert courtesy is not None
    for item in courtesy.commitments:
        assert squash(item.split(" ", 1)[1]) in text
    assert squash(view.items_description) in squash(courtesy.commitments[0])
    assert "不将上述物项出口、再出口或（境内）转让" in text


def test_the_translation_is_numbered_as_the_english_items_are(seeded: SqlDatabase) -> None:
    view = aia_statement_view(seeded, CATALOG, "TW1", on=ON)
    assert view.courtesy is not None
    english = [*view.commitments, view.signatures_label]
    assert [item.split(" ", 1)[0] for item in view.courtesy.commitments] == [
        item.split(" ", 1)[0] for item in english
    ]


def test_an_english_consignees_statement_has_no_translation_and_hashes_as_before(
    seeded: SqlDatabase,
) -> None:
    view = aia_statement_view(seeded, CATALOG, "JP1", on=ON)
    assert view.courtesy is None
    assert "courtesy" not in view.model_dump(mode="json")
    _, pdf = generate(seeded, RENDERER, view, actor="officer")
    text = squash(pdf_text(pdf))
    assert squash(TRANSLATION.label) not in text
    assert "许可证例外" not in text
    with_translation = aia_statement_view(seeded, CATALOG, "TW1", on=ON)
    assert isinstance(with_translation, AiaStatementView)
    assert content_hash(with_translation) != content_hash(
        with_translation.model_copy(update={"courtesy": None})
    )


def test_a_statement_with_the_translation_verifies_genuine(seeded: SqlDatabase) -> None:
    view = aia_statement_view(seeded, CATALOG, "TW1", on=ON)
    document, pdf = generate(seeded, RENDERER, view, actor="officer")
    exact = verify_pdf(seeded, pdf, pdf_text)
    assert exact.genuine
    assert exact.document == document
    tampered = pdf.replace(b"/Producer", b"/Producex", 1)
    assert not verify_pdf(seeded, tampered, pdf_text).genuine
