"""Paper that reads right on any page size: the AIA statement and the LPP certification keep
their last item with the signatures and the request to sign with the last signature blocks
(A4 and Letter, 1 to 6 signers, names up to 200 characters); "at least" limits that are met
are not drawn as breaches; years print as years."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.graphics.shapes import Rect

from domain.documents import QuotaRow, Signer
from reports.base import ALERT
from reports.quota_report import QuotaReportPdf
from tests.integration.test_reports import (
    MUELLER,
    RULESET,
    aia_view,
    lpp_view,
    pages,
    quota_view,
    render,
    squash,
)

LONG = "Maximilian Alexander Friedrich von Hohenzollern-Sigmaringen-Württemberg " * 3


def _signers(count: int, long_names: bool) -> tuple[Signer, ...]:
    return tuple(
        Signer(
            name=(LONG[: 200 - 3] + f" {index}") if long_names else f"Signer Number {index}",
            title="Managing Director and Chief Executive Officer" if long_names else "Director",
        )
        for index in range(1, count + 1)
    )


def _body(page: str) -> str:
    """A page's text without the furniture every page has (header, footer, stamp)."""
    lines = [
        line
        for line in page.splitlines()
        if not any(
            marker in line
            for marker in (
                "Page ",
                "Verify at the desk",
                "Ruleset ",
                "Verification code",
                "Document ",
                "AIA certification statement",
                "LPP certification",
            )
        )
    ]
    return squash("".join(lines))


@pytest.mark.parametrize("page_size", ["A4", "Letter"])
@pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 6])
@pytest.mark.parametrize("long_names", [False, True], ids=["short-names", "200-char-names"])
@pytest.mark.parametrize("kind", ["aia", "aia-long-items", "aia-longer-items", "lpp"])
def test_no_page_holds_only_a_split_item_or_only_the_request_to_sign(
    page_size: Any, count: int, long_names: bool, kind: str
) -> None:
    signers = _signers(count, long_names)
    if kind.startswith("aia"):
        view: Any = aia_view(MUELLER, signers, page_size)
        # Longer descriptions move item (iv) down the page, across every break position.
        repeat = {"aia": 1, "aia-long-items": 4, "aia-longer-items": 9}[kind]
        description = "; ".join([view.items_description] * repeat)
        view = view.model_copy(
            update={
                "items_description": description,
                "commitments": RULESET.aia_certification.commitments_for(description),
            }
        )
        last_item = view.commitments[-1]
    else:
        view = lpp_view(page_size).model_copy(update={"signers": signers})
        last_item = view.statements[-1]
    pdf, stamp = render(view)
    texts = pages(pdf)
    # The last item is whole on one page, and that page also starts the signatures.
    holding = [number for number, text in enumerate(texts) if squash(last_item) in squash(text)]
    assert len(holding) == 1, f"{squash(last_item)[:60]} is split across pages"
    assert "Signatory1" in squash(texts[holding[0]])
    # The request to sign shares its page with a signature block.
    request = f"quoting document number {stamp.number}"
    (asking,) = [text for text in texts if squash(request) in squash(text)]
    assert "Signatory" in squash(asking)
    for text in texts[1:]:
        body = _body(text)
        assert body, "a page with nothing of the document on it"
        assert not body.startswith(squash("Please sign")), "a page with only the request"
    assert len(texts) <= 3 + count // 2


def test_an_lpp_certification_without_prior_receipts_on_file_leaves_them_to_the_signer() -> None:
    view = lpp_view().model_copy(update={"prior_receipts_tpp": None})
    text = squash("".join(pages(render(view)[0])))
    assert squash("to be filled in by the signer") in text
    assert squash("0 TPP declared") not in text


def _bar_colours(row: QuotaRow) -> list[Any]:
    drawing = QuotaReportPdf()._chart([row], "%")
    track_then_bar = [shape for shape in drawing.contents if isinstance(shape, Rect)]
    return [shape.fillColor for shape in track_then_bar[1:]]


def test_a_met_at_least_limit_is_not_drawn_as_a_breach() -> None:
    met = QuotaRow(label="Tier 1 share", used_tpp=85.8, limit_tpp=75, bound="min")
    short = QuotaRow(label="Tier 1 share", used_tpp=74.996, limit_tpp=75, bound="min")
    over = QuotaRow(label="Largest Tier 2 share", used_tpp=7.0046, limit_tpp=7)
    assert ALERT not in _bar_colours(met)
    assert _bar_colours(short) == [ALERT]
    assert _bar_colours(over) == [ALERT]
    assert not met.breached
    assert short.breached


def test_a_quota_report_says_at_least_and_prints_a_share_below_its_minimum_below_it() -> None:
    view = quota_view().model_copy(
        update={
            "uveu": (
                QuotaRow(label="Halcyon: Tier 1 share", used_tpp=74.996, limit_tpp=75, bound="min"),
            )
        }
    )
    text = squash("".join(pages(render(view)[0])))
    assert squash("74.996 %, at least 75.0 %") in text


# -- every script on paper, or nothing registered ----------------------------------------------


THAI = "บริษัท ไทยคลาวด์ คอมพิวติ้ง จำกัด"
HINDI = "टाटा कंसल्टेंसी सर्विसेज़ लिमिटेड"


def test_a_thai_legal_name_and_a_devanagari_alias_print_on_the_statement() -> None:
    consignee = MUELLER.model_copy(update={"name": THAI, "aliases": (HINDI, "Thai Cloud Co.")})
    view = aia_view(consignee, (Signer(name="สมชาย ใจดี", title="กรรมการผู้จัดการ"),))
    pdf, _ = render(view)
    text = "".join(pages(pdf))
    assert "ไทยคลาวด์" in text
    assert "สมชาย" in text
    assert "टाटा" in text or "टा" in text  # shaped: pypdf reads the clusters back


def test_text_no_font_prints_is_refused_naming_the_field_and_the_script() -> None:
    from reports.printable import UnprintableTextError

    consignee = MUELLER.model_copy(update={"aliases": ("Vithkuqi 𐕰𐕱 Ltd",)})
    with pytest.raises(UnprintableTextError, match=r"consignee\.aliases\[0\] \(Vithkuqi"):
        render(aia_view(consignee))


# -- long orders print on as many pages as they need -------------------------------------------


def test_the_record_of_a_thousand_line_order_of_many_products_prints() -> None:
    from datetime import UTC, datetime

    from domain.documents import DecisionRecordView, FindingRow, LineRow
    from domain.figures import figure_text, fmt_tpp
    from domain.model import Product
    from tests.integration.test_reports import HEAD
    from tests.unit.builders import PRODUCTS, decide, party

    products = dict(PRODUCTS)
    for index in range(40):
        products[f"C{index}"] = Product(
            ref=f"C{index}", name=f"Network cable assembly type {index}, 2 m", kind="other"
        )
    refs = ["H100", "B1", "CABLE", *(f"C{index}" for index in range(40))]
    decision = decide(
        [(refs[index % len(refs)], 1 + index % 7) for index in range(1000)],
        party("SG1", "SG"),
        products=products,
    )
    not_controlled = decision.finding("not_controlled")
    assert len(not_controlled.figures["products"]) == 41  # type: ignore[arg-type]
    assert "CABLE" in not_controlled.message or "Network cable" in not_controlled.message
    view = DecisionRecordView(
        letterhead=HEAD,
        order_ref="SO-BIG",
        order_date=decision.order_date,
        consignee=MUELLER,
        end_user=None,
        destination="Singapore (SG)",
        destination_tier=2,
        lines=tuple(
            LineRow(
                product=f"{line.product_name} ({line.product_ref})",
                quantity=line.quantity,
                eccn=line.eccn or "not controlled",
                unit_tpp="—" if line.unit_tpp is None else fmt_tpp(line.unit_tpp),
                line_tpp="—" if line.line_tpp is None else fmt_tpp(line.line_tpp),
            )
            for line in decision.lines
        ),
        outcome=decision.outcome.label,
        authorizations=(),
        a_level_tpp=fmt_tpp(decision.a_level_tpp),
        findings=(
            *(
                FindingRow(
                    severity=finding.severity,
                    code=finding.code,
                    rule=finding.rule,
                    message=finding.message,
                    figures="; ".join(
                        figure_text(name, value) for name, value in sorted(finding.figures.items())
                    ),
                )
                for finding in decision.findings
            ),
            # A finding longer than a page still prints, across pages.
            FindingRow(severity="info", code="long", rule="r", message="word " * 12000, figures=""),
        ),
        ruleset=RULESET.id,
        enforcement_note=RULESET.enforcement_note,
        decision_id=1,
        decision_seq=1,
        decided_by="officer",
        decided_at=datetime(2026, 3, 2, tzinfo=UTC),
        decision_hash="a" * 64,
        audit_seq=1,
        audit_hash="b" * 64,
    )
    pdf, _ = render(view)
    texts = pages(pdf)
    assert len(texts) > 20
    assert f"Page {len(texts)} of {len(texts)}" in texts[-1]
