"""The printed documents, read back as an auditor's tools would read them.

View-models are built by hand (what the document services hand the renderer); the PDFs are
opened with pypdf and their text, fonts, page sizes and QR code are checked.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC, date, datetime
from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

from domain.documents import (
    AiaStatementView,
    DecisionRecordView,
    DocumentKind,
    DocumentView,
    FindingRow,
    Letterhead,
    LineRow,
    LppCertificationView,
    PartyBlock,
    QuotaReportView,
    QuotaRow,
    ShipmentNoticeView,
    Signer,
    Stamp,
    content_hash,
    verification_code,
)
from domain.figures import fmt_tpp
from domain.ruleset import load_shipped_rulesets
from reports.base import QR_QUIET_ZONE, DocumentPdf
from reports.extract import pdf_text
from reports.renderer import PdfRenderer

RULESET = load_shipped_rulesets().versions[-1]
RENDERER = PdfRenderer()

HEAD = Letterhead(
    name="Vantor Systems Export GmbH",
    address_lines=("Am Sandtorkai 41", "20457 Hamburg, Germany"),
    contact="exportcontrol@vantor.example · +49 40 5550 1200",
)
MUELLER = PartyBlock(
    ref="DE-MUELLER",
    name="Müller & Söhne Rechenzentren GmbH",
    aliases=("Mueller & Soehne Rechenzentren GmbH", "Müller RZ"),
    address="Hafenstraße 17, 60327 Frankfurt am Main, Deutschland",
    location="Germany (DE)",
    headquarters="Germany (DE)",
    ultimate_parent="Müller Holding SE, headquartered in Germany (DE)",
)
SHINONOME = PartyBlock(
    ref="JP-SHINONOME",
    name="東雲データシステムズ株式会社",
    aliases=("Shinonome Data Systems K.K.",),
    address="大阪府大阪市北区梅田3-2-1, 530-0001",
    location="Japan (JP)",
    headquarters="Japan (JP)",
    ultimate_parent=(
        "华渊控股集团有限公司 (Huayuan Holdings Group Co., Ltd.), headquartered in China (CN)"
    ),
)

NAMES = {
    "German": ("Müller & Söhne Rechenzentren GmbH", "Hafenstraße 17, 60327 Frankfurt am Main"),
    "French": ("Société Générale d'Informatique", "27 quai de la Rapée, 75012 Paris"),
    "Russian": (
        "ООО «Северный Вычислительный Центр»",
        "Набережная реки Мойки, 12, Санкт-Петербург, 191186",
    ),
    "Chinese": ("华芯智算科技有限公司", "北京市海淀区中关村大街27号, 100080"),
    "Japanese": ("株式会社青嶺コンピューティング", "東京都江東区豊洲5-6-15, 135-0061"),
    "Korean": ("누리별 인공지능 주식회사", "경기도 성남시 분당구 판교역로 166, 13529"),
    "Greek": ("Αθηναϊκή Υπολογιστική Α.Ε.", "Λεωφόρος Κηφισίας 44, 151 25 Μαρούσι"),
}

ITEMS = "computers and electronic assemblies classified under ECCN 4A090.a"
LINES = (
    LineRow(
        product="NVIDIA H100 SXM",
        quantity=256,
        eccn="3A090.a",
        unit_tpp="15,832",
        line_tpp="4,052,992",
    ),
    LineRow(
        product="8-GPU H100 SXM server (Vantor HX8)",
        quantity=16,
        eccn="4A090.a",
        unit_tpp="126,656",
        line_tpp="2,026,496",
    ),
)
GENERATED = datetime(2026, 6, 12, 9, 41, tzinfo=UTC)


def aia_view(
    consignee: PartyBlock = MUELLER,
    signers: tuple[Signer, ...] = (
        Signer(name="Dr. Katharina Müller-Lüdenscheidt", title="Managing Director"),
        Signer(),
    ),
    page_size: Any = "A4",
) -> AiaStatementView:
    wording = RULESET.aia_certification
    return AiaStatementView(
        letterhead=HEAD,
        consignee=consignee,
        title=wording.title,
        regulation=wording.regulation,
        opening=wording.opening_for(consignee.name),
        items_description=ITEMS,
        eccns=("4A090.a",),
        commitments=wording.commitments_for(ITEMS),
        signatures_label=wording.signatures_label,
        signatures_instruction=wording.signatures_instruction,
        signers=signers,
        ruleset=RULESET.id,
        ruleset_title=RULESET.title,
        page_size=page_size,
    )


def lpp_view(page_size: Any = "A4") -> LppCertificationView:
    limit, prior = 26_900_000.0, 4_250_512.0
    statements = tuple(
        text.format(limit=fmt_tpp(limit), year=2026, prior_receipts=fmt_tpp(prior))
        for text in RULESET.lpp_certification.statements
    )
    return LppCertificationView(
        letterhead=HEAD,
        consignee=PartyBlock(
            ref="KR-NURIBYEOL",
            name="누리별 인공지능 주식회사",
            address="경기도 성남시 분당구 판교역로 166, 13529",
            location="South Korea (KR)",
            headquarters="South Korea (KR)",
        ),
        title=RULESET.lpp_certification.title,
        year=2026,
        limit_tpp=limit,
        prior_receipts_tpp=prior,
        statements=statements,
        signers=(Signer(name="김민준", title="General Counsel"),),
        ruleset=RULESET.id,
        rule="15 CFR 740.29",
        page_size=page_size,
    )


def findings(count: int) -> tuple[FindingRow, ...]:
    return tuple(
        FindingRow(
            severity=("info", "warning", "block")[number % 3],
            code=f"finding_{number:02d}",
            rule=f"15 CFR 740.{number}(b)",
            message=f"Finding number {number} says what the rule requires of order ORD-7.",
            figures=f"order_tpp={number * 1_000:,}; limit=26,900,000",
        )
        for number in range(1, count + 1)
    )


def record_view(
    count: int = 3, *, superseded: bool = False, cancelled: bool = False, page_size: Any = "A4"
) -> DecisionRecordView:
    return DecisionRecordView(
        letterhead=HEAD,
        order_ref="ORD-2026-0117",
        order_date=date(2026, 6, 10),
        consignee=MUELLER,
        end_user=SHINONOME,
        destination="Germany (DE)",
        destination_tier=1,
        lines=LINES,
        outcome="Authorized under License Exception AIA",
        authorizations=("License Exception AIA (15 CFR 740.27)",),
        a_level_tpp="6,079,488",
        findings=findings(count),
        ruleset=RULESET.id,
        enforcement_note=RULESET.enforcement_note,
        decision_id=311,
        decision_seq=2,
        decided_by="a.keller",
        decided_at=datetime(2026, 6, 11, 15, 2, tzinfo=UTC),
        decision_hash="9f2c4e7a1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8",
        audit_seq=4182,
        audit_hash="0d1e2f30415263748596a7b8c9dae0f1021324354657687980a1b2c3d4e5f607",
        superseded=superseded,
        cancelled=cancelled,
        page_size=page_size,
    )


def notice_view(page_size: Any = "A4") -> ShipmentNoticeView:
    return ShipmentNoticeView(
        letterhead=HEAD,
        order_ref="ORD-2026-0117",
        order_date=date(2026, 6, 10),
        consignee=SHINONOME,
        lines=LINES,
        notice=RULESET.aia_certification.shipment_notice.format(eccns="3A090.a, 4A090.a"),
        ruleset=RULESET.id,
        page_size=page_size,
    )


def quota_view(page_size: Any = "A4", *, empty_uveu: bool = False) -> QuotaReportView:
    return QuotaReportView(
        letterhead=HEAD,
        as_of=date(2026, 6, 12),
        year=2026,
        ruleset=RULESET.id,
        enforcement_note=RULESET.enforcement_note,
        country_allocations=(
            QuotaRow(label="India (IN)", used_tpp=512_340_000, limit_tpp=790_000_000),
            QuotaRow(
                label="Israel (IL)",
                used_tpp=126_000_000,
                limit_tpp=1_580_000_000,
                detail="G2G agreement: doubled",
            ),
        ),
        lpp=(
            QuotaRow(
                label="누리별 인공지능 주식회사",
                used_tpp=4_250_512,
                limit_tpp=26_900_000,
                detail="KR-NURIBYEOL",
            ),
            QuotaRow(
                label="ООО «Северный Вычислительный Центр»",
                used_tpp=0,
                limit_tpp=26_900_000,
                detail="RU-SEVER",
            ),
        ),
        nveu=(
            QuotaRow(
                label="Oasis Grid Data Centres FZ-LLC in AE",
                used_tpp=310_000_000,
                limit_tpp=270_000_000,
                detail="NVEU-AE-25-003",
            ),
        ),
        uveu=()
        if empty_uveu
        else (
            QuotaRow(
                label="Halcyon Cloud Systems, Inc.: Tier 2 share",
                used_tpp=4.2,
                limit_tpp=25,
                detail="UVEU-25-0007",
            ),
        ),
        page_size=page_size,
    )


KINDS = {
    AiaStatementView: DocumentKind.AIA_STATEMENT,
    LppCertificationView: DocumentKind.LPP_CERTIFICATION,
    DecisionRecordView: DocumentKind.DECISION_RECORD,
    ShipmentNoticeView: DocumentKind.SHIPMENT_NOTICE,
    QuotaReportView: DocumentKind.QUOTA_REPORT,
}


def stamp_for(view: DocumentView, number: str = "", generated_by: str = "a.keller") -> Stamp:
    kind = KINDS[type(view)]
    digest = content_hash(view)
    return Stamp(
        number=number or f"{kind.prefix}-2026-0042",
        kind=kind,
        generated_at=GENERATED,
        generated_by=generated_by,
        ruleset=RULESET.id,
        content_hash=digest,
        verification_code=verification_code(digest),
    )


def render(view: DocumentView, number: str = "") -> tuple[bytes, Stamp]:
    stamp = stamp_for(view, number)
    return RENDERER.render(view, stamp), stamp


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages]


def squash(text: str) -> str:
    """Text without any whitespace: wrapping and justification move line breaks and spaces."""
    return re.sub(r"\s+", "", text)


def all_text(pdf: bytes) -> str:
    return squash("".join(pages(pdf)))


def assert_shows(pdf: bytes, *expected: str) -> None:
    text = all_text(pdf)
    missing = [item for item in expected if squash(item) not in text]
    assert not missing, f"not in the PDF's text: {missing}"


def assert_pages_numbered(pdf: bytes) -> None:
    texts = pages(pdf)
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {len(texts)}" in text


EVERY_DOCUMENT = [
    pytest.param(aia_view(), id="aia-statement"),
    pytest.param(lpp_view(), id="lpp-certification"),
    pytest.param(record_view(), id="decision-record"),
    pytest.param(notice_view(), id="shipment-notice"),
    pytest.param(quota_view(), id="quota-report"),
]


# -- every document --------------------------------------------------------------------------


@pytest.mark.parametrize("view", EVERY_DOCUMENT)
def test_every_document_renders_to_a_pdf_that_opens(view: DocumentView) -> None:
    pdf, _ = render(view)
    assert pdf.startswith(b"%PDF-")
    assert len(PdfReader(BytesIO(pdf)).pages) >= 1


@pytest.mark.parametrize("view", EVERY_DOCUMENT)
def test_every_page_carries_the_number_code_verify_line_and_page_x_of_y(
    view: DocumentView,
) -> None:
    pdf, stamp = render(view)
    texts = pages(pdf)
    for number, text in enumerate(texts, 1):
        assert stamp.number in text
        assert stamp.verification_code in text
        assert f"Verify at the desk: diffusion-desk verify {stamp.verification_code}" in text
        assert f"Page {number} of {len(texts)}" in text
        assert f"Ruleset {RULESET.id}" in text
        assert "generated 2026-06-12 09:41 UTC by a.keller" in text


@pytest.mark.parametrize("view", EVERY_DOCUMENT)
def test_the_pdf_metadata_names_the_document_and_its_verification_code(
    view: DocumentView,
) -> None:
    pdf, stamp = render(view)
    info = PdfReader(BytesIO(pdf)).metadata
    assert info is not None
    assert info.author == HEAD.name
    assert info.subject == stamp.number
    assert info.title
    keywords = str(info.get("/Keywords"))
    assert stamp.verification_code in keywords
    assert stamp.qr_payload in keywords
    assert info.creation_date is not None
    assert info.creation_date.replace(tzinfo=UTC) == GENERATED


@pytest.mark.parametrize("view", EVERY_DOCUMENT)
def test_every_font_is_an_embedded_truetype_subset(view: DocumentView) -> None:
    pdf, _ = render(view)
    fonts = list(_fonts(PdfReader(BytesIO(pdf))))
    assert fonts
    for font in fonts:
        name = str(font["/BaseFont"])
        assert font["/Subtype"] in ("/TrueType", "/Type0"), name
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:  # Type0: the descriptor is on the descendant font
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object(), f"{name} is not embedded"
    names = {str(font["/BaseFont"]) for font in fonts}
    assert not {"/Helvetica", "/Times-Roman", "/Courier"} & names


def _fonts(reader: PdfReader) -> Iterator[Any]:
    seen: set[int] = set()

    def walk(resources: Any) -> Iterator[Any]:
        for ref in (resources.get("/Font") or {}).values():
            if ref.idnum not in seen:
                seen.add(ref.idnum)
                yield ref.get_object()
        for xobject in (resources.get("/XObject") or {}).values():
            inner = xobject.get_object().get("/Resources")
            if inner is not None:
                yield from walk(inner.get_object())

    for page in reader.pages:
        yield from walk(page["/Resources"])


@pytest.mark.parametrize("view", EVERY_DOCUMENT)
def test_the_same_view_and_stamp_give_the_same_bytes(view: DocumentView) -> None:
    stamp = stamp_for(view)
    assert RENDERER.render(view, stamp) == RENDERER.render(view, stamp)
    other = stamp.model_copy(update={"number": stamp.number.replace("0042", "0043")})
    assert RENDERER.render(view, other) != RENDERER.render(view, stamp)


def test_the_text_extractor_reads_back_the_pages_and_the_qr_payload() -> None:
    pdf, stamp = render(aia_view())
    text = pdf_text(pdf)
    assert "Page 1 of" in text
    assert stamp.qr_payload in text


# -- QR code -----------------------------------------------------------------------------------


def test_the_qr_payload_is_ascii_and_names_the_number_code_and_hash() -> None:
    stamp = stamp_for(aia_view())
    payload = stamp.qr_payload
    payload.encode("ascii")
    assert payload == f"DDESK1|{stamp.number}|{stamp.verification_code}|{stamp.content_hash}"


@pytest.mark.parametrize("view", EVERY_DOCUMENT)
def test_the_qr_code_printed_on_every_page_encodes_the_stamp(view: DocumentView) -> None:
    """No QR decoder is installed; instead the modules drawn are read back from the PDF and
    compared with the symbol that encodes the stamp's payload (any other payload differs)."""
    pdf, stamp = render(view)
    reader = PdfReader(BytesIO(pdf))
    expected = _modules(stamp.qr_payload)
    other = _modules(stamp.qr_payload.replace(stamp.number, "DR-2026-9999"))
    assert expected != other
    for page in reader.pages:
        forms = [
            xobject.get_object()
            for xobject in (page["/Resources"].get("/XObject") or {}).values()
            if xobject.get_object()["/Subtype"] == "/Form"
        ]
        drawn = [_drawn_modules(form.get_data().decode("latin-1")) for form in forms]
        assert expected in drawn
        content = page.get_contents()
        assert content is not None
        assert b" Do" in content.get_data()  # the page shows the form


def _modules(payload: str) -> set[tuple[int, int]]:
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(payload)
    code.make()
    return {
        (row, column)
        for row, modules in enumerate(code.modules)
        for column, dark in enumerate(modules)
        if dark
    }


def _drawn_modules(stream: str) -> set[tuple[int, int]]:
    rects = [
        tuple(float(value) for value in match.groups())
        for match in re.finditer(r"(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re\b", stream)
    ]
    if not rects:
        return set()
    size = DocumentPdf.qr_size
    box = min(height for _, _, _, height in rects)
    count = round(size / box) - 2 * QR_QUIET_ZONE
    box = size / (count + 2 * QR_QUIET_ZONE)
    dark = set()
    for x, y, width, _ in rects:
        column = round(x / box) - QR_QUIET_ZONE
        row = round((size - y) / box) - QR_QUIET_ZONE - 1
        for step in range(round(width / box)):
            dark.add((row, column + step))
    return dark


# -- page sizes -------------------------------------------------------------------------------


@pytest.mark.parametrize(("page_size", "expected"), [("A4", (595, 842)), ("Letter", (612, 792))])
@pytest.mark.parametrize(
    "make", [aia_view, lpp_view, record_view, notice_view, quota_view], ids=lambda f: f.__name__
)
def test_documents_print_on_a4_or_us_letter(
    make: Any, page_size: str, expected: tuple[int, int]
) -> None:
    pdf, _ = render(make(page_size=page_size))
    for page in PdfReader(BytesIO(pdf)).pages:
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == expected


# -- the AIA statement -------------------------------------------------------------------------


def test_the_aia_statement_shows_letterhead_consignee_items_and_document_details() -> None:
    view = aia_view(consignee=SHINONOME)
    pdf, stamp = render(view)
    assert_shows(
        pdf,
        HEAD.name,
        *HEAD.address_lines,
        HEAD.contact,
        view.title,
        SHINONOME.name,
        *SHINONOME.aliases,
        SHINONOME.address,
        SHINONOME.location,
        SHINONOME.headquarters,
        str(SHINONOME.ultimate_parent),
        SHINONOME.ref,
        ITEMS,
        "4A090.a",
        view.opening,
        stamp.number,
        stamp.verification_code,
        f"Ruleset {RULESET.id}",
        RULESET.title,
        "Generated 2026-06-12",
    )
    assert "Page 1 of" in pages(pdf)[0]


def test_the_aia_statement_prints_the_regulations_text_word_for_word() -> None:
    view = aia_view()
    pdf, _ = render(view)
    text = all_text(pdf)
    wording = RULESET.aia_certification
    assert squash(f"{view.consignee.name}:") in text
    for label, commitment in zip(("(i)", "(ii)", "(iii)", "(iv)"), view.commitments, strict=True):
        assert commitment.startswith(label)
        assert squash(commitment) in text  # label and every word, in order
    # (i) is the ruleset's text with only the bracketed instruction filled in.
    before, after = wording.commitments[0].split(wording.items_placeholder)
    assert squash(before + ITEMS + after) in text
    # (v) became the signature blocks.
    assert squash(f"(v) {wording.signatures_instruction}") in text
    assert "[" not in text
    assert_shows(
        pdf,
        f"Is aware that {ITEMS} will be shipped pursuant to License Exception",
        "received under this license exception",
        "prohibited pursuant to Part 744 of the EAR",
    )


def test_the_aia_statement_has_a_signature_block_for_each_signer() -> None:
    view = aia_view()
    pdf, _ = render(view)
    assert_shows(pdf, "Signatory 1", "Dr. Katharina Müller-Lüdenscheidt", "Managing Director")
    assert_shows(pdf, "Signatory 2")
    lines = [line.strip() for text in pages(pdf) for line in text.splitlines()]
    for label in ("Printed name", "Title", "Signature", "Date"):
        assert lines.count(label) == 2, label


@pytest.mark.parametrize("script", list(NAMES))
def test_names_and_addresses_in_any_script_print_and_read_back(script: str) -> None:
    name, address = NAMES[script]
    consignee = PartyBlock(
        ref="X-1",
        name=name,
        address=address,
        location="Somewhere (XX)",
        headquarters="Somewhere (XX)",
        ultimate_parent=f"{name} Holding, headquartered in Somewhere (XX)",
    )
    signer = Signer(name=name.split()[0], title="Director")
    pdf, _ = render(aia_view(consignee=consignee, signers=(signer,)))
    first = squash(pages(pdf)[0])
    assert squash(name) in first
    assert squash(address) in first
    assert_shows(pdf, f"on behalf of the ultimate consignee, {name}, by the persons")


def test_right_to_left_names_print_with_joined_letters_in_an_embedded_font() -> None:
    """WenQuanYi has no Arabic or Hebrew: those runs fall back to DejaVu Sans, laid out in
    visual order with the Arabic letters joined (read back, they normalise to the words)."""
    alias = "واحة الشبكة لمراكز البيانات"
    parent = 'שמש אחזקות בע"מ (Shemesh Holdings Ltd.), headquartered in Israel (IL)'
    consignee = MUELLER.model_copy(
        update={"aliases": ("Oasis Grid", alias), "ultimate_parent": parent}
    )
    pdf, _ = render(aia_view(consignee=consignee))
    text = unicodedata.normalize("NFKC", pdf_text(pdf))
    for word in alias.split():
        assert word in text
    assert "Shemesh Holdings Ltd.), headquartered in Israel (IL)" in text
    assert "שמש" in text
    assert "אחזקות" in text
    names = {str(font["/BaseFont"]) for font in _fonts(PdfReader(BytesIO(pdf)))}
    assert any(name.endswith("+DejaVuSans") for name in names)


def test_a_long_name_in_any_script_wraps_inside_its_cell() -> None:
    long_name = "华芯智算科技有限公司" * 8 + " " + "Müller & Söhne Rechenzentren GmbH " * 4
    consignee = MUELLER.model_copy(update={"name": long_name, "address": "東京都" * 30})
    pdf, _ = render(aia_view(consignee=consignee))
    assert squash(long_name) in all_text(pdf)
    assert squash("東京都" * 30) in all_text(pdf)


@pytest.mark.parametrize("count", [6, 11])
def test_a_long_statement_spans_pages_and_never_splits_a_signature_block(count: int) -> None:
    signers = tuple(
        Signer(name=f"{name} {index}", title=f"Officer number {index}")
        for index, name in zip(
            range(1, count + 1),
            ["Анна Смирнова", "山田 太郎", "김민준", "Jean-François Lefèvre", "佐藤 花子"] * 3,
            strict=False,
        )
    )
    pdf, _ = render(aia_view(consignee=SHINONOME, signers=signers))
    texts = pages(pdf)
    assert len(texts) >= 2
    assert_pages_numbered(pdf)
    for index, signer in enumerate(signers, 1):
        on = [n for n, text in enumerate(texts) if re.search(rf"Signatory {index}\b", text)]
        assert len(on) == 1, f"Signatory {index} is on pages {on}"
        page = squash(texts[on[0]])
        assert squash(signer.name) in page
        assert squash(signer.title) in page
    for number, text in enumerate(texts, 1):
        lines = [line.strip() for line in text.splitlines()]
        blocks = len(re.findall(r"Signatory \d+\b", text))
        for label in ("Printed name", "Title", "Signature", "Date"):
            assert lines.count(label) == blocks, f"page {number}: {label}"


# -- the LPP certification ---------------------------------------------------------------------


def test_the_lpp_certification_shows_the_limit_prior_receipts_and_statements() -> None:
    view = lpp_view()
    pdf, stamp = render(view)
    assert_shows(
        pdf,
        view.title,
        view.consignee.name,
        view.consignee.address,
        "15 CFR 740.29",
        "Calendar year",
        "2026",
        "26,900,000 TPP",
        "4,250,512 TPP declared",
        *view.statements,
        "It will notify the Bureau of Industry and Security",
        "김민준",
        "General Counsel",
        stamp.number,
        stamp.verification_code,
    )
    assert_pages_numbered(pdf)


# -- the decision record -----------------------------------------------------------------------


def test_the_decision_record_shows_order_parties_lines_outcome_and_record() -> None:
    view = record_view()
    pdf, _ = render(view)
    assert_shows(
        pdf,
        "ORD-2026-0117",
        "2026-06-10",
        "Germany (DE) · Tier 1",
        MUELLER.name,
        SHINONOME.name,
        str(SHINONOME.ultimate_parent),
        "Authorized under License Exception AIA",
        "License Exception AIA (15 CFR 740.27)",
        "6,079,488",
        RULESET.id,
        RULESET.enforcement_note,
        "a.keller",
        "2026-06-11 15:02 UTC",
        "Decision 311, number 2 for the order",
        view.decision_hash,
        "Entry 4182",
        str(view.audit_hash),
    )
    for line in LINES:
        assert_shows(
            pdf, line.product, f"{line.quantity:,}", line.eccn, line.unit_tpp, line.line_tpp
        )
    assert "SUPERSEDED" not in all_text(pdf)
    assert "CANCELLED" not in all_text(pdf)


def test_the_decision_record_shows_every_finding_with_rule_and_figures() -> None:
    view = record_view(count=25)
    pdf, _ = render(view)
    for finding in view.findings:
        assert_shows(pdf, finding.code, finding.rule, finding.message, finding.figures)
    assert_shows(pdf, "Findings (25)", "Blocks", "Warning", "Note")


def test_a_decision_record_with_25_findings_paginates_with_page_x_of_y_on_each_page() -> None:
    pdf, stamp = render(record_view(count=25))
    texts = pages(pdf)
    assert len(texts) >= 3
    for number, text in enumerate(texts, 1):
        assert f"Page {number} of {len(texts)}" in text
        assert stamp.verification_code in text
    # The findings table repeats its header on every page it runs over.
    with_findings = [text for text in texts if re.search(r"finding_\d\d", text)]
    assert len(with_findings) >= 2
    assert all("Code and rule" in text for text in with_findings)


def test_a_superseded_decision_record_says_so_in_a_banner() -> None:
    pdf, _ = render(record_view(superseded=True))
    first = pages(pdf)[0]
    assert "SUPERSEDED" in first
    assert_shows(pdf, "A later decision replaced this one for order ORD-2026-0117")


def test_a_record_of_a_cancelled_order_says_it_authorizes_no_shipment() -> None:
    pdf, _ = render(record_view(cancelled=True))
    assert "ORDER CANCELLED" in pages(pdf)[0]
    assert_shows(pdf, "it authorizes no shipment")


def test_a_record_without_audit_entry_or_end_user_says_so() -> None:
    view = record_view().model_copy(
        update={"end_user": None, "audit_seq": None, "audit_hash": None}
    )
    pdf, _ = render(view)
    assert_shows(pdf, "No audit-log entry records this decision")
    assert SHINONOME.name not in pdf_text(pdf)


# -- the shipment notice -----------------------------------------------------------------------


def test_the_shipment_notice_shows_the_notice_order_consignee_and_lines() -> None:
    view = notice_view()
    pdf, stamp = render(view)
    assert_shows(
        pdf,
        "Notice of shipment under License Exception AIA",
        "15 CFR 740.27(b)(3)",
        view.notice,
        "ECCN: 3A090.a, 4A090.a",
        SHINONOME.name,
        SHINONOME.address,
        "ORD-2026-0117",
        "2026-06-10",
        *(line.product for line in LINES),
        stamp.number,
    )


# -- the quota report --------------------------------------------------------------------------


def test_the_quota_report_shows_every_row_with_used_limit_and_share() -> None:
    view = quota_view()
    pdf, _ = render(view)
    assert_shows(
        pdf,
        "Quota report 2026",
        "As of 2026-06-12",
        "Country allocations (Tier 2)",
        "LPP receipts per consignee, 2026",
        "NVEU installed base against the caps",
        "UVEU shares against the limits",
        "512,340,000 TPP",
        "790,000,000 TPP",
        "64.9 %",
        "1,580,000,000 TPP",
        "G2G agreement: doubled",
        "누리별 인공지능 주식회사",
        "4,250,512 TPP",
        "26,900,000 TPP",
        "ООО «Северный Вычислительный Центр»",
        "310,000,000 TPP",
        "114.8 %",
        "4.2 %",
        "25.0 %",
        "UVEU-25-0007",
    )


def test_the_quota_report_draws_a_bar_chart_for_each_section() -> None:
    pdf, _ = render(quota_view())
    text = all_text(pdf)
    # Each chart labels its bars with the share of the limit, and marks the limit.
    assert squash("64.9 % of 790,000,000 TPP") in text
    assert squash("15.8 % of 26,900,000 TPP") in text
    assert squash("114.8 % of 270,000,000 TPP") in text
    assert squash("4.2 %, at most 25.0 %") in text
    assert text.count("limit") >= 4


def test_an_empty_quota_section_says_there_is_nothing_to_show() -> None:
    pdf, _ = render(quota_view(empty_uveu=True))
    assert_shows(pdf, "No UVEU shares are recorded.")
