"""A potential match side by side: the party's record and the list entry, the words that
met marked on both sides, with the score and the matcher's explanation under them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QTextBrowser, QVBoxLayout, QWidget

from domain.model import Owner, Party
from domain.ports import Database
from domain.screening.model import ListEntry, SnapshotRecord
from domain.screening.results import MatchedToken
from domain.services.screening import QueueItem
from gui.kit.pickers import describe_country
from gui.kit.widgets import make_label
from gui.pages.base import QT_TRANSLATE_NOOP
from gui.pages.screening.marks import MARKS, Side, legend_html, marked_html, meetings
from gui.style import Tone, colour, hint_style, note_style

COUNTRY_WORDS = {
    "agree": QT_TRANSLATE_NOOP("ScreeningCompare", "the party's countries agree with the entry's"),
    "differ": QT_TRANSLATE_NOOP(
        "ScreeningCompare",
        "the party's countries differ from the entry's (the score is a little lower)",
    ),
    "unknown": QT_TRANSLATE_NOOP("ScreeningCompare", "the entry names no country to compare"),
}
"""How the countries compare (English; shown translated in the "ScreeningCompare" context)."""


@dataclass(frozen=True)
class MatchDetail:
    """What the officer compares: the queue item, the party with its owners, and the list
    entry as the snapshot in use holds it (None where it could not be found)."""

    item: QueueItem
    party: Party | None
    owners: list[Owner]
    entry: ListEntry | None
    snapshot: SnapshotRecord | None


def read_detail(db: Database, item: QueueItem) -> MatchDetail:
    """Read a queue item's party, owners and list entry (off the UI thread)."""
    with db.reader() as uow:
        snapshot = uow.list_snapshots.in_use()
        entry = (
            uow.list_snapshots.entry(snapshot.id, item.match.entry_id)
            if snapshot is not None
            else None
        )
        return MatchDetail(
            item=item,
            party=uow.parties.get(item.party_ref),
            owners=list(uow.owners.owners_of(item.party_ref)),
            entry=entry,
            snapshot=snapshot,
        )


def _row(label: str, value: str) -> str:
    """A row of the comparison; ``label`` is English, marked in the "ScreeningCompare" context."""
    label = QCoreApplication.translate("ScreeningCompare", label)
    return (
        f'<tr><td style="color:{colour(Tone.HINT)}; padding-right:8px;" valign="top">'
        f"{escape(label)}</td><td>{value}</td></tr>"
    )


def _name(text: str, met: str, tokens: Sequence[MatchedToken], side: Side) -> str:
    """A name, its words marked when it is the name that met."""
    if text.strip().casefold() != met.strip().casefold():
        return escape(text)
    html, _ = marked_html(text, tokens, side)
    return html


def _met_line(name: str, tokens: Sequence[MatchedToken], side: Side, what: str) -> str:
    html, marked = marked_html(name, tokens, side)
    words = sorted(
        {
            (token.query_token if side is Side.PARTY else token.list_token) or ""
            for token in tokens
            if token.how in MARKS
        }
        - {""}
    )
    read_as = escape(", ".join(words))
    through = (
        ""
        if marked or not words
        else f' <span style="color:{colour(Tone.HINT)};">'
        + QCoreApplication.translate("ScreeningCompare", "(read as: {words})").format(words=read_as)
        + "</span>"
    )
    return _row(what, f"<b>{html}</b>{through}")


def _table(rows: list[str]) -> str:
    return '<table cellspacing="0" cellpadding="2">' + "".join(rows) + "</table>"


def party_html(detail: MatchDetail) -> str:
    match, party = detail.item.match, detail.party
    tokens = match.tokens
    met_by = QCoreApplication.translate("ScreeningCompare", "Met by its {role}").format(
        role=match.query_role.label
    )
    rows = [_met_line(match.query_name, tokens, Side.PARTY, met_by)]
    if party is None:
        rows.append(
            _row(
                QT_TRANSLATE_NOOP("ScreeningCompare", "Record"),
                QCoreApplication.translate("ScreeningCompare", "the party is no longer on file"),
            )
        )
        return _table(rows)
    met = match.query_name
    rows.append(_row(QT_TRANSLATE_NOOP("ScreeningCompare", "Ref"), escape(party.ref)))
    rows.append(
        _row(
            QT_TRANSLATE_NOOP("ScreeningCompare", "Legal name"),
            _name(party.name, met, tokens, Side.PARTY),
        )
    )
    if party.aliases:
        rows.append(
            _row(
                QT_TRANSLATE_NOOP("ScreeningCompare", "Aliases"),
                "<br>".join(_name(alias, met, tokens, Side.PARTY) for alias in party.aliases),
            )
        )
    if party.parent_name:
        parent = _name(party.parent_name, met, tokens, Side.PARTY)
        if party.parent_hq_country:
            parent += f" ({escape(describe_country(party.parent_hq_country))})"
        rows.append(_row(QT_TRANSLATE_NOOP("ScreeningCompare", "Ultimate parent"), parent))
    if detail.owners:
        rows.append(
            _row(
                QT_TRANSLATE_NOOP("ScreeningCompare", "Owners"),
                "<br>".join(
                    f"{_name(owner.owner_name, met, tokens, Side.PARTY)}, "
                    f"{escape(owner.owner_country)}, {owner.share_percent:g} %"
                    for owner in detail.owners
                ),
            )
        )
    rows.append(
        _row(
            QT_TRANSLATE_NOOP("ScreeningCompare", "Countries"),
            escape(
                QCoreApplication.translate(
                    "ScreeningCompare", "located in {country}; headquartered in {hq}"
                ).format(
                    country=describe_country(party.country), hq=describe_country(party.hq_country)
                )
            ),
        )
    )
    rows.append(
        _row(QT_TRANSLATE_NOOP("ScreeningCompare", "Address"), escape(party.address) or "—")
    )
    return _table(rows)


def entry_html(detail: MatchDetail) -> str:
    match, entry = detail.item.match, detail.entry
    tokens = match.tokens
    rows = [
        _met_line(
            match.list_name,
            tokens,
            Side.LIST,
            QT_TRANSLATE_NOOP("ScreeningCompare", "Name that met"),
        )
    ]
    if entry is None:
        rows.append(_row(QT_TRANSLATE_NOOP("ScreeningCompare", "List"), escape(match.source)))
        rows.append(
            _row(
                QT_TRANSLATE_NOOP("ScreeningCompare", "Record"),
                QCoreApplication.translate(
                    "ScreeningCompare", "the entry is not in the snapshot in use"
                ),
            )
        )
        return _table(rows)
    met = match.list_name
    rows.append(
        _row(
            QT_TRANSLATE_NOOP("ScreeningCompare", "Name"), _name(entry.name, met, tokens, Side.LIST)
        )
    )
    aliases = [*entry.name_parts, *entry.alt_names]
    if aliases:
        rows.append(
            _row(
                QT_TRANSLATE_NOOP("ScreeningCompare", "Aliases"),
                "<br>".join(_name(alias, met, tokens, Side.LIST) for alias in aliases),
            )
        )
    rows.append(_row(QT_TRANSLATE_NOOP("ScreeningCompare", "List"), escape(entry.source)))
    if entry.countries:
        rows.append(
            _row(
                QT_TRANSLATE_NOOP("ScreeningCompare", "Countries"),
                escape(", ".join(describe_country(c) for c in entry.countries)),
            )
        )
    if entry.addresses:
        rows.append(
            _row(
                QT_TRANSLATE_NOOP("ScreeningCompare", "Addresses"),
                "<br>".join(escape(a) for a in entry.addresses),
            )
        )
    rows.append(
        _row(
            QT_TRANSLATE_NOOP("ScreeningCompare", "Licence requirement"),
            escape(entry.license_requirement) or "—",
        )
    )
    rows.append(
        _row(
            QT_TRANSLATE_NOOP("ScreeningCompare", "Licence policy"),
            escape(entry.license_policy) or "—",
        )
    )
    rows.append(
        _row(
            QT_TRANSLATE_NOOP("ScreeningCompare", "FR notice"),
            escape(entry.federal_register_notice) or "—",
        )
    )
    if entry.start_date:
        rows.append(
            _row(QT_TRANSLATE_NOOP("ScreeningCompare", "Listed since"), escape(entry.start_date))
        )
    if entry.programs:
        rows.append(
            _row(
                QT_TRANSLATE_NOOP("ScreeningCompare", "Programs"), escape(", ".join(entry.programs))
            )
        )
    if entry.remarks:
        rows.append(_row(QT_TRANSLATE_NOOP("ScreeningCompare", "Remarks"), escape(entry.remarks)))
    return _table(rows)


class ComparePanel(QWidget):
    """The party (left) and the list entry (right), and the score with its explanation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screeningCompare")
        self.party_title = make_label(
            self.tr("Party"), name="comparePartyTitle", style="font-weight:600;"
        )
        self.entry_title = make_label(
            self.tr("List entry"), name="compareEntryTitle", style="font-weight:600;"
        )
        self.party = self._browser("compareParty", self.tr("The party's record"))
        self.entry = self._browser("compareEntry", self.tr("The list entry"))
        self.score = make_label(name="compareScore", style=note_style(), wrap=True, selectable=True)
        self.score.setAccessibleName(self.tr("Score and explanation"))
        self.legend = make_label(legend_html(), name="compareLegend", rich=True, wrap=True)
        self.legend.setStyleSheet(hint_style())
        self.legend.setAccessibleName(self.tr("Legend of the marks"))

        sides = QHBoxLayout()
        sides.setSpacing(8)
        for title, browser in ((self.party_title, self.party), (self.entry_title, self.entry)):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(title)
            column.addWidget(browser, 1)
            sides.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(sides, 1)
        layout.addWidget(self.score)
        layout.addWidget(self.legend)
        self.show_message(
            self.tr("Select a potential match to compare the party with the list entry.")
        )

    @staticmethod
    def _browser(name: str, accessible: str) -> QTextBrowser:
        browser = QTextBrowser()
        browser.setObjectName(name)
        browser.setAccessibleName(accessible)
        browser.setOpenLinks(False)
        browser.setMinimumHeight(120)
        browser.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        return browser

    def show_message(self, text: str) -> None:
        self.party.setHtml(f'<p style="color:{colour(Tone.HINT)};">{escape(text)}</p>')
        self.entry.clear()
        self.score.setText("")
        self.score.setVisible(False)
        self.party_title.setText(self.tr("Party"))
        self.entry_title.setText(self.tr("List entry"))

    def show_detail(self, detail: MatchDetail) -> None:
        item, match = detail.item, detail.item.match
        self.party_title.setText(self.tr("Party {ref}").format(ref=item.party_ref))
        self.entry_title.setText(self.tr("List entry {id}").format(id=match.entry_id[:12]))
        self.party.setHtml(party_html(detail))
        self.entry.setHtml(entry_html(detail))
        tip = "\n".join(meetings(match.tokens)) or self.tr(
            "No word met exactly, fuzzily or transliterated."
        )
        self.party.setToolTip(tip)
        self.entry.setToolTip(tip)
        self.score.setText(
            self.tr("Score {score} · {countries}.").format(
                score=f"{match.score:.2f}",
                countries=QCoreApplication.translate(
                    "ScreeningCompare", COUNTRY_WORDS.get(match.countries, match.countries)
                ),
            )
            + f"\n{match.explanation}"
        )
        self.score.setToolTip(tip)
        self.score.setVisible(True)
