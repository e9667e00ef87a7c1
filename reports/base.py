"""The shape every printed document shares.

A renderer is a class: page geometry as class attributes, ``_stylesheet()`` for the type,
``_story(view, stamp)`` for what the document says, ``_on_first_page`` (the exporter's
letterhead) and ``_on_later_pages`` (a running header) for the page furniture, and a footer on
every page with the document number, "Page X of Y", the verification code and its QR code.
"Page X of Y" needs the page count before the first page is finished, so the canvas keeps each
page until the end and draws the numbers then (one layout pass, not two).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property, partial
from io import BytesIO
from itertools import groupby
from typing import Any, ClassVar, Generic, TypeVar
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from domain.documents import DocumentView, PartyBlock, Signer, Stamp
from reports.fonts import Fonts, load_fonts, needs_shaping

ViewT = TypeVar("ViewT", bound=DocumentView)

QR_QUIET_ZONE = 4
"""Modules of white around a QR code, as the standard asks."""

INK = colors.HexColor("#1A1A1A")
ACCENT = colors.HexColor("#1F3A5F")
MUTED = colors.HexColor("#5A6270")
RULE = colors.HexColor("#B8C0CC")
SHADE = colors.HexColor("#EEF1F5")
ALERT = colors.HexColor("#9B1C1C")
ALERT_SHADE = colors.HexColor("#FBEAEA")

# Han ideographs and kana: text with these wraps between any two characters (no spaces in
# Chinese or Japanese). Hangul is written with spaces and keeps word wrapping.
_CJK = re.compile(
    "[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0002fa1f]"
)


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def when(moment: datetime) -> str:
    """A timestamp as printed: UTC when the time zone is known."""
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%d %H:%M")
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def day(value: date) -> str:
    return value.isoformat()


class Styles:
    """The paragraph styles of a document, with CJK-wrapping twins made on demand."""

    def __init__(self, fonts: Fonts, styles: dict[str, ParagraphStyle]) -> None:
        self.fonts = fonts
        self._styles = styles
        self._cjk: dict[str, ParagraphStyle] = {}

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self._styles[name]

    def for_text(self, name: str, text: str) -> ParagraphStyle:
        cjk, shaped = has_cjk(text), needs_shaping(text)
        if not cjk and not shaped:
            return self._styles[name]
        key = f"{name}{'-cjk' if cjk else ''}{'-shaped' if shaped else ''}"
        twin = self._cjk.get(key)
        if twin is None:
            base = self._styles[name]
            extra: dict[str, Any] = {}
            if cjk:
                # Justified CJK lines stretch the gaps between ideographs: keep them ragged.
                alignment = TA_LEFT if base.alignment == TA_JUSTIFY else base.alignment
                extra.update(wordWrap="CJK", alignment=alignment)
            if shaped:
                extra.update(shaping=1)  # HarfBuzz lays out vowel signs and conjuncts
            twin = ParagraphStyle(key, parent=base, **extra)
            self._cjk[key] = twin
        return twin


@dataclass
class _Job(Generic[ViewT]):
    """One rendering: what the page callbacks need to know."""

    view: ViewT
    stamp: Stamp
    pagesize: tuple[float, float]
    letterhead: list[tuple[Flowable, float, float]] = field(default_factory=list)
    letterhead_height: float = 0.0
    qr_form: str | None = None


class _NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab has no type hints
    """Keeps every page until the end, then draws "Page X of Y" on each and writes them."""

    def __init__(
        self,
        *args: Any,
        finish: Callable[[Canvas, int, int], None],
        created: datetime,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._pending: list[dict[str, Any]] = []
        self._finish = finish
        # Invariant mode makes the bytes a function of the content; the creation date is the
        # moment the document was generated, not the moment these bytes were written.
        self._doc._timeStamp = _Stamped(created)

    def showPage(self) -> None:  # noqa: N802  # reportlab's name
        self._pending.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pending)
        for number, state in enumerate(self._pending, start=1):
            self.__dict__.update(state)
            self._finish(self, number, total)
            super().showPage()
        super().save()


class _Stamped:
    """What reportlab reads from its time stamp to write CreationDate and ModDate."""

    def __init__(self, moment: datetime) -> None:
        utc = moment.astimezone(UTC) if moment.tzinfo else moment
        self.t = utc.replace(tzinfo=UTC).timestamp()
        self.lt = utc.timetuple()
        self.YMDhms = tuple(self.lt)[:6]
        self.dhh = 0
        self.dmm = 0
        self.tzname = "UTC"


class DocumentPdf(Generic[ViewT]):
    """Base of every renderer: geometry, styles, page furniture and the build."""

    margin_left: ClassVar[float] = 20 * mm
    margin_right: ClassVar[float] = 20 * mm
    margin_top: ClassVar[float] = 14 * mm
    margin_bottom: ClassVar[float] = 8 * mm
    letterhead_gap: ClassVar[float] = 7 * mm
    running_header_height: ClassVar[float] = 11 * mm
    footer_height: ClassVar[float] = 34.5 * mm
    """From the bottom margin to the footer's rule."""
    footer_gap: ClassVar[float] = 5 * mm
    """Between the last line of text and the footer's rule."""
    qr_size: ClassVar[float] = 34 * mm
    """Quiet zone included: modules of about 0.7 mm, which a 100-dpi fax or a phone decodes
    (measured with zbarimg on pages rendered at 90 and 100 dpi, grey and 1-bit)."""
    body_size: ClassVar[float] = 9.5
    section_min_space: ClassVar[float] = 40 * mm

    @property
    def kind_label(self) -> str:
        """What the letterhead calls the document ("AIA certification statement")."""
        raise NotImplementedError

    # -- the parts a document fills in ------------------------------------------------------

    def _title(self, view: ViewT) -> str:
        """The PDF title (metadata)."""
        raise NotImplementedError

    def _story(self, view: ViewT, stamp: Stamp) -> list[Flowable]:
        raise NotImplementedError

    def verify_hint(self, stamp: Stamp) -> str:
        """The line under the verification code in the footer."""
        return f"Verify at the desk: diffusion-desk verify {stamp.verification_code}"

    # -- styles -----------------------------------------------------------------------------

    @cached_property
    def fonts(self) -> Fonts:
        return load_fonts()

    @cached_property
    def styles(self) -> Styles:
        return Styles(self.fonts, self._stylesheet())

    def _stylesheet(self) -> dict[str, ParagraphStyle]:
        fonts = self.fonts
        size = self.body_size
        body = ParagraphStyle(
            "body",
            fontName=fonts.body,
            fontSize=size,
            leading=size * 1.42,
            textColor=INK,
            spaceAfter=size * 0.5,
            allowWidows=0,
            allowOrphans=0,
        )
        small = ParagraphStyle(
            "small", parent=body, fontSize=size - 1.5, leading=(size - 1.5) * 1.35, spaceAfter=0
        )
        cell = ParagraphStyle(
            "cell", parent=body, fontSize=size - 1, leading=(size - 1) * 1.3, spaceAfter=0
        )
        return {
            "body": body,
            "justified": ParagraphStyle("justified", parent=body, alignment=TA_JUSTIFY),
            "small": small,
            "muted": ParagraphStyle("muted", parent=small, textColor=MUTED),
            "cell": cell,
            "cell-right": ParagraphStyle("cell-right", parent=cell, alignment=TA_RIGHT),
            "cell-head": ParagraphStyle(
                "cell-head", parent=cell, fontName=fonts.heading, textColor=ACCENT
            ),
            "cell-head-right": ParagraphStyle(
                "cell-head-right",
                parent=cell,
                fontName=fonts.heading,
                textColor=ACCENT,
                alignment=TA_RIGHT,
            ),
            "label": ParagraphStyle(
                "label",
                parent=cell,
                fontName=fonts.heading,
                fontSize=size - 2,
                leading=(size - 1) * 1.3,
                textColor=MUTED,
            ),
            "mono": ParagraphStyle(
                "mono", parent=cell, fontName=fonts.mono, fontSize=size - 2, leading=size * 1.2
            ),
            "title": ParagraphStyle(
                "title",
                parent=body,
                fontName=fonts.heading,
                fontSize=size + 5,
                leading=(size + 5) * 1.28,
                alignment=TA_CENTER,
                textColor=ACCENT,
                spaceAfter=2 * mm,
            ),
            "subtitle": ParagraphStyle(
                "subtitle",
                parent=small,
                alignment=TA_CENTER,
                textColor=MUTED,
                spaceAfter=5 * mm,
            ),
            "h2": ParagraphStyle(
                "h2",
                parent=body,
                fontName=fonts.heading,
                fontSize=size + 1.5,
                leading=(size + 1.5) * 1.3,
                textColor=ACCENT,
                spaceBefore=4.5 * mm,
                spaceAfter=2 * mm,
                keepWithNext=1,
            ),
            "numbered": ParagraphStyle(
                "numbered",
                parent=body,
                alignment=TA_JUSTIFY,
                leftIndent=11 * mm,
                bulletIndent=1 * mm,
                bulletFontName=fonts.body,
                spaceAfter=size * 0.7,
            ),
            "banner": ParagraphStyle(
                "banner",
                parent=body,
                fontName=fonts.heading,
                fontSize=size + 0.5,
                leading=(size + 0.5) * 1.35,
                textColor=ALERT,
                spaceAfter=0,
            ),
            "name": ParagraphStyle(
                "name",
                parent=body,
                fontSize=size + 0.5,
                leading=(size + 0.5) * 1.3,
                spaceAfter=0,
            ),
            "notice": ParagraphStyle(
                "notice", parent=body, fontSize=size + 1, leading=(size + 1) * 1.45, spaceAfter=0
            ),
        }

    # -- small builders shared by the documents ---------------------------------------------

    def para(self, markup: str, style: str = "body", **overrides: Any) -> Paragraph:
        """A paragraph of markup; wraps between ideographs when the text has CJK."""
        chosen = self.styles.for_text(style, markup)
        if overrides:
            chosen = ParagraphStyle(f"{chosen.name}+", parent=chosen, **overrides)
        return Paragraph(markup, chosen)

    def text(self, text: str, style: str = "body", **overrides: Any) -> Paragraph:
        """A paragraph of plain text (escaped; line breaks kept)."""
        markup = "<br/>".join(self.fonts.plain(line) for line in text.split("\n"))
        return self.para(markup, style, **overrides)

    def plain(self, text: str) -> str:
        """Inline markup for text in the body face, in any script."""
        return self.fonts.plain(text)

    def bold(self, text: str) -> str:
        """Inline markup for text in the heading face, in any script."""
        return self.fonts.bold(text).replace("\n", "<br/>")

    def _table_style(self, commands: list[tuple[Any, ...]]) -> TableStyle:
        # A table sets its (unused) default font, Helvetica, which would not be embedded.
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.fonts.body), *commands])

    def heading(self, text: str, style: str = "h2") -> Paragraph:
        return self.para(self.bold(text), style)

    def long_section(self, title: str, table: Flowable) -> list[Flowable]:
        """A heading over a table that may run over pages: the table starts on this page when
        a few rows fit (keeping the heading with the whole table would leave a gap)."""
        return [
            CondPageBreak(self.section_min_space),
            self.para(self.bold(title), "h2", keepWithNext=0),
            table,
        ]

    def field_table(
        self, rows: Sequence[tuple[str, Flowable | str]], *, label_width: float = 34 * mm
    ) -> Table:
        """Label / value rows in a light box, across the text width: how a form shows fields."""
        data = [
            [
                self.text(label, "label"),
                value if isinstance(value, Flowable) else self.text(value, "cell"),
            ]
            for label, value in rows
        ]
        table = Table(data, colWidths=[label_width, "*"], hAlign="LEFT")
        table.setStyle(
            self._table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.3, RULE),
                    ("BACKGROUND", (0, 0), (0, -1), SHADE),
                    ("TOPPADDING", (0, 0), (-1, -1), 3.2),
                    # The labels are a point smaller: a point lower, they share the baseline.
                    ("TOPPADDING", (0, 0), (0, -1), 4.2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3.6),
                    ("LEFTPADDING", (0, 0), (-1, -1), 5),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ]
            )
        )
        return table

    def side_by_side(
        self,
        left: tuple[str, Sequence[tuple[str, Flowable | str]]],
        right: tuple[str, Sequence[tuple[str, Flowable | str]]],
    ) -> Table:
        """Two captioned field tables next to each other (two parties of an order)."""
        cells = [
            [
                self.para(self.bold(caption), "cell-head"),
                self.field_table(rows, label_width=28 * mm),
            ]
            for caption, rows in (left, right)
        ]
        table = Table([cells], colWidths=["50%", "50%"], hAlign="LEFT")
        table.setStyle(
            self._table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (0, 0), 0),
                    ("RIGHTPADDING", (0, 0), (0, 0), 2.5 * mm),
                    ("LEFTPADDING", (1, 0), (1, 0), 2.5 * mm),
                    ("RIGHTPADDING", (1, 0), (1, 0), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return table

    def party_rows(self, party: PartyBlock, *, name_label: str = "Name") -> list[tuple[str, Any]]:
        rows: list[tuple[str, Any]] = [
            (name_label, self.text(party.name, "name")),
        ]
        if party.aliases:
            rows.append(("Also known as", "; ".join(party.aliases)))
        rows.append(("Address", party.address or "—"))
        rows.append(("Location", party.location))
        rows.append(("Headquarters", party.headquarters))
        rows.append(("Ultimate parent", party.ultimate_parent or "None declared"))
        rows.append(("Party reference", party.ref))
        return rows

    def data_table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Flowable | str | list[Flowable]]],
        widths: Sequence[float],
        *,
        right: Sequence[int] = (),
    ) -> Table:
        """A ruled table with a repeated header row, across the text width. ``widths`` are
        the columns' shares of the width; ``right`` names the right-aligned columns."""
        head = [
            self.text(label, "cell-head-right" if index in right else "cell-head")
            for index, label in enumerate(header)
        ]
        body = [
            [
                self.text(cell, "cell-right" if index in right else "cell")
                if isinstance(cell, str)
                else cell
                for index, cell in enumerate(row)
            ]
            for row in rows
        ]
        total = sum(widths)
        shares = [f"{100 * width / total:.3f}%" for width in widths]
        # splitInRow: a row taller than a page (a finding about a thousand-line order) breaks
        # across pages instead of failing the layout.
        table = Table([head, *body], colWidths=shares, repeatRows=1, hAlign="LEFT", splitInRow=1)
        table.setStyle(
            self._table_style(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.9, ACCENT),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return table

    def banner(self, markup: str) -> Table:
        """A boxed warning across the text width."""
        table = Table([[self.para(markup, "banner")]], colWidths=["100%"])
        table.setStyle(
            self._table_style(
                [
                    ("BOX", (0, 0), (-1, -1), 1.2, ALERT),
                    ("BACKGROUND", (0, 0), (-1, -1), ALERT_SHADE),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ]
            )
        )
        return table

    def boxed(self, flowables: list[Flowable], *, shade: colors.Color = SHADE) -> Table:
        table = Table([[flowables]], colWidths=["100%"])
        table.setStyle(
            self._table_style(
                [
                    ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                    ("BACKGROUND", (0, 0), (-1, -1), shade),
                    ("TOPPADDING", (0, 0), (-1, -1), 7),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                    ("LEFTPADDING", (0, 0), (-1, -1), 9),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 9),
                ]
            )
        )
        return table

    def items_then_signatures(
        self,
        items: Sequence[Flowable],
        consignee: str,
        signers: Sequence[Signer],
        *,
        heading: str = "Signatures",
        closing: Sequence[Flowable] = (),
        keep_last: int = 1,
    ) -> list[Flowable]:
        """The numbered items of a certification, then the signature blocks, then ``closing``.

        The last ``keep_last`` items stay on the page of the first signature blocks (a
        signature page never stands without text of the statement it signs) and ``closing`` on
        the page of the last blocks (a request to sign never stands alone). One level of
        KeepTogether only: a nested one reports an endless height and forces a page break every
        time. Items are paragraphs that break without leaving a single line behind or ahead.
        """
        pairs = self.signature_blocks(signers)
        intro: list[Flowable] = [
            self.heading(heading),
            self.para(
                "Signed for and on behalf of the ultimate consignee, "
                f"{self.plain(consignee)}, by the persons authorized to sign for it:",
                "body",
                spaceAfter=3 * mm,
            ),
        ]
        kept, before = list(items[-keep_last:]), list(items[:-keep_last])
        if len(pairs) == 1:
            return [*before, KeepTogether([*kept, *intro, pairs[0], *closing])]
        return [
            *before,
            KeepTogether([*kept, *intro, pairs[0]]),
            *pairs[1:-1],
            KeepTogether([pairs[-1], *closing]),
        ]

    def signature_blocks(
        self, signers: Sequence[Signer], *, first_index: int = 1
    ) -> list[Flowable]:
        """One block per signer (printed name, title, signature and date lines), two side by
        side; each pair is one table that never splits across pages."""
        numbered = list(enumerate(signers, first_index))
        return [
            self._signature_pair(numbered[start : start + 2])
            for start in range(0, len(numbered), 2)
        ]

    # Room to write above each line: printed name, title, signature, date.
    _signature_room: ClassVar[tuple[float, ...]] = (6 * mm, 6 * mm, 12 * mm, 6 * mm)

    def _signature_pair(self, pair: Sequence[tuple[int, Signer]]) -> Table:
        labels = ("Printed name", "Title", "Signature", "Date")
        data: list[list[Flowable | str | list[Flowable]]] = [[""] * 5 for _ in range(5)]
        commands: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, 0), 3),
            ("TOPPADDING", (0, 1), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]
        for slot, (index, signer) in enumerate(pair):
            col = slot * 3
            data[0][col] = self.para(self.bold(f"Signatory {index}"), "cell-head")
            if signer.name:
                data[1][col + 1] = self.text(signer.name, "name")
            if signer.title:
                data[2][col + 1] = self.text(signer.title, "cell")
            for row in range(1, 5):
                data[row][col] = [
                    Spacer(1, self._signature_room[row - 1]),
                    self.text(labels[row - 1], "label"),
                ]
            commands += [
                ("SPAN", (col, 0), (col + 1, 0)),
                ("LINEABOVE", (col, 0), (col + 1, 0), 1.0, ACCENT),
                ("LINEBELOW", (col + 1, 1), (col + 1, 4), 0.7, INK),
            ]
        table = _Whole(
            data, colWidths=[23 * mm, "*", 9 * mm, 23 * mm, "*"], hAlign="LEFT", spaceAfter=7 * mm
        )
        table.setStyle(self._table_style(commands))
        return table

    # -- the build --------------------------------------------------------------------------

    def render(self, view: ViewT, stamp: Stamp) -> bytes:
        """The document as PDF bytes; the same view and stamp give the same bytes."""
        pagesize = A4 if view.page_size == "A4" else LETTER
        job: _Job[ViewT] = _Job(view=view, stamp=stamp, pagesize=pagesize)
        self._prepare_letterhead(job)
        buffer = BytesIO()
        page_width, page_height = pagesize
        frame_width = page_width - self.margin_left - self.margin_right
        bottom = self.margin_bottom + self.footer_height + self.footer_gap
        first_top = page_height - self.margin_top - job.letterhead_height - self.letterhead_gap
        later_top = page_height - self.margin_top - self.running_header_height
        first = Frame(
            self.margin_left,
            bottom,
            frame_width,
            first_top - bottom,
            id="first",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        later = Frame(
            self.margin_left,
            bottom,
            frame_width,
            later_top - bottom,
            id="later",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        doc = BaseDocTemplate(
            buffer,
            pagesize=pagesize,
            leftMargin=self.margin_left,
            rightMargin=self.margin_right,
            topMargin=self.margin_top,
            bottomMargin=self.margin_bottom,
            title=self._title(view),
            author=view.letterhead.name,
            subject=stamp.number,
            keywords=[
                stamp.number,
                stamp.verification_code,
                f"ruleset {stamp.ruleset}",
                stamp.qr_payload,
            ],
            creator="Diffusion Desk",
            producer="Diffusion Desk (reportlab)",
            invariant=True,
            # Not Helvetica: every font in the file is an embedded TrueType subset.
            initialFontName=self.fonts.body,
            initialFontSize=self.body_size,
        )
        doc.addPageTemplates(
            [
                PageTemplate(
                    id="first",
                    frames=[first],
                    onPage=partial(self._on_first_page, job=job),
                    autoNextPageTemplate="later",
                    pagesize=pagesize,
                ),
                PageTemplate(
                    id="later",
                    frames=[later],
                    onPage=partial(self._on_later_pages, job=job),
                    pagesize=pagesize,
                ),
            ]
        )
        doc.build(
            self._story(view, stamp),
            canvasmaker=partial(
                _NumberedCanvas,
                finish=partial(self._draw_page_number, job=job),
                created=stamp.generated_at,
            ),
        )
        return buffer.getvalue()

    # -- page furniture ---------------------------------------------------------------------

    def _prepare_letterhead(self, job: _Job[ViewT]) -> None:
        """Lay out the letterhead once, to know how much of the first page it takes."""
        head = job.view.letterhead
        stamp = job.stamp
        frame_width = job.pagesize[0] - self.margin_left - self.margin_right
        left_width = frame_width * 0.6
        right_width = frame_width - left_width - 6 * mm
        left: list[Flowable] = [
            self.para(
                self.bold(head.name),
                "body",
                fontSize=14,
                leading=17,
                textColor=ACCENT,
                spaceAfter=1.2 * mm,
            ),
        ]
        details = [self.plain(line) for line in head.address_lines]
        if head.contact:
            details.append(self.plain(head.contact))
        if details:
            left.append(self.para("<br/>".join(details), "muted", leading=10.5))
        right = [
            self.para(
                escape(self.kind_label.upper()),
                "label",
                alignment=TA_RIGHT,
                fontSize=7.5,
                leading=10,
            ),
            self.para(self.bold(stamp.number), "body", alignment=TA_RIGHT, fontSize=11, leading=14),
            self.para(
                f"Generated {escape(day(stamp.generated_at.date()))}<br/>"
                f"Ruleset {escape(stamp.ruleset)}",
                "muted",
                alignment=TA_RIGHT,
            ),
        ]
        height_left = 0.0
        placed: list[tuple[Flowable, float, float]] = []
        for flowable in left:
            _, h = flowable.wrap(left_width, 200 * mm)
            placed.append((flowable, 0.0, height_left + h))
            height_left += h + flowable.getSpaceAfter()
        height_right = 0.0
        for flowable in right:
            _, h = flowable.wrap(right_width, 200 * mm)
            placed.append((flowable, frame_width - right_width, height_right + h))
            height_right += h + 0.8 * mm
        job.letterhead = placed
        job.letterhead_height = max(height_left, height_right) + 3 * mm

    def _on_first_page(self, canvas: Canvas, doc: BaseDocTemplate, *, job: _Job[ViewT]) -> None:
        canvas.saveState()
        top = job.pagesize[1] - self.margin_top
        for flowable, x, y in job.letterhead:
            flowable.drawOn(canvas, self.margin_left + x, top - y)
        rule_y = top - job.letterhead_height
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.4)
        canvas.line(self.margin_left, rule_y, job.pagesize[0] - self.margin_right, rule_y)
        canvas.restoreState()
        self._footer(canvas, job)

    def _on_later_pages(self, canvas: Canvas, doc: BaseDocTemplate, *, job: _Job[ViewT]) -> None:
        canvas.saveState()
        width = job.pagesize[0]
        top = job.pagesize[1] - self.margin_top
        baseline = top - 3.5 * mm
        self._draw_runs(
            canvas,
            self.margin_left,
            baseline,
            job.view.letterhead.name,
            8,
            bold=True,
            color=ACCENT,
            max_width=(width - self.margin_left - self.margin_right) * 0.55,
        )
        label = f"{self.kind_label} · {job.stamp.number}"
        canvas.setFont(self.fonts.body, 8)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(width - self.margin_right, baseline, label)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        rule_y = top - self.running_header_height + 4 * mm
        canvas.line(self.margin_left, rule_y, width - self.margin_right, rule_y)
        canvas.restoreState()
        self._footer(canvas, job)

    def _footer(self, canvas: Canvas, job: _Job[ViewT]) -> None:
        """Everything of the footer but the page number: QR, code, how to verify, provenance."""
        stamp = job.stamp
        fonts = self.fonts
        width = job.pagesize[0]
        left = self.margin_left
        right = width - self.margin_right
        bottom = self.margin_bottom
        top = bottom + self.footer_height
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(left, top, right, top)

        # The QR code's own quiet zone is white space: it sits flush with the left margin.
        # Drawn once into a form (an XObject) that every page shows.
        if job.qr_form is None:
            job.qr_form = "ddesk-qr"
            canvas.beginForm(job.qr_form)
            self._draw_qr(canvas, stamp.qr_payload, self.qr_size)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(left - 2.2 * mm, top - 1.5 * mm - self.qr_size)
        canvas.doForm(job.qr_form)
        canvas.restoreState()

        x = left + self.qr_size + 1.5 * mm
        y = top - 5.2 * mm
        canvas.setFillColor(MUTED)
        canvas.setFont(fonts.heading, 6.5)
        canvas.drawString(x, y, "VERIFICATION CODE")
        y -= 6.2 * mm
        canvas.setFillColor(INK)
        canvas.setFont(fonts.mono_bold, 15)
        canvas.drawString(x, y, stamp.verification_code)
        y -= 4.6 * mm
        canvas.setFont(fonts.body, 7.5)
        canvas.drawString(x, y, self.verify_hint(stamp))
        y -= 3.6 * mm
        self._draw_runs(
            canvas,
            x,
            y,
            f"Ruleset {stamp.ruleset} · generated {when(stamp.generated_at)}"
            + (f" by {stamp.generated_by}" if stamp.generated_by else "")
            + (f" · {stamp.record_line}" if stamp.record_line else ""),
            6.8,
            bold=False,
            color=MUTED,
            max_width=right - x - 30 * mm,
        )

        y = top - 5.2 * mm
        canvas.setFillColor(MUTED)
        canvas.setFont(fonts.heading, 6.5)
        canvas.drawRightString(right, y, "DOCUMENT NUMBER")
        y -= 5.4 * mm
        canvas.setFillColor(INK)
        canvas.setFont(fonts.heading, 10.5)
        canvas.drawRightString(right, y, stamp.number)
        canvas.restoreState()

    def _draw_page_number(
        self, canvas: Canvas, number: int, total: int, *, job: _Job[ViewT]
    ) -> None:
        canvas.saveState()
        canvas.setFillColor(INK)
        canvas.setFont(self.fonts.body, 9)
        y = self.margin_bottom + self.footer_height - 16 * mm
        canvas.drawRightString(job.pagesize[0] - self.margin_right, y, f"Page {number} of {total}")
        canvas.restoreState()

    def _draw_qr(self, canvas: Canvas, payload: str, size: float) -> None:
        """The QR code of ``payload`` in a ``size`` square, quiet zone included: one path of
        rectangles, a run of dark modules each (far quicker than a graphics Drawing)."""
        payload.encode("ascii")  # scanners misread non-ASCII without an ECI marker
        code = QRCode(None, QRErrorCorrectLevel.M)
        code.addData(payload)
        code.make()
        count = code.getModuleCount()
        box = size / (count + 2 * QR_QUIET_ZONE)
        path = canvas.beginPath()
        for row, modules in enumerate(code.modules):
            column = 0
            for dark, run in groupby(bool(module) for module in modules):
                length = len(list(run))
                if dark:
                    path.rect(
                        (column + QR_QUIET_ZONE) * box,
                        size - (row + QR_QUIET_ZONE + 1) * box,
                        length * box,
                        box,
                    )
                column += length
        canvas.setFillColor(colors.black)
        canvas.drawPath(path, stroke=0, fill=1)

    def _draw_runs(
        self,
        canvas: Canvas,
        x: float,
        y: float,
        text: str,
        size: float,
        *,
        bold: bool,
        color: colors.Color,
        max_width: float | None = None,
    ) -> None:
        """Draw one line in the heading face (falling back to the body face by script),
        shortened with an ellipsis when it would not fit."""
        runs = self.fonts.heading_runs(text) if bold else self.fonts.body_runs(text)
        if max_width is not None:
            runs = _fit(runs, size, max_width)
        canvas.setFillColor(color)
        for font, chunk in runs:
            canvas.setFont(font, size)
            canvas.drawString(x, y, chunk)
            x += stringWidth(chunk, font, size)


class _Whole(Table):  # type: ignore[misc]  # reportlab has no type hints
    """A table that never splits: where it does not fit, it moves whole to the next page."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return []


def _fit(runs: list[tuple[str, str]], size: float, max_width: float) -> list[tuple[str, str]]:
    total = sum(stringWidth(chunk, font, size) for font, chunk in runs)
    if total <= max_width:
        return runs
    fitted: list[tuple[str, str]] = []
    used = stringWidth("…", runs[-1][0], size)
    for font, chunk in runs:
        kept = ""
        for ch in chunk:
            step = stringWidth(ch, font, size)
            if used + step > max_width:
                fitted.append((font, kept + "…"))
                return fitted
            kept += ch
            used += step
        fitted.append((font, kept))
    return fitted
