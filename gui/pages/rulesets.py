"""Rulesets: every dated version of the rules, as the engine applies it.

Each version shows its effective date, title, enforcement note (prominently: BIS announced on
2025-05-13 that it would not enforce the Framework), the model Diffusion Desk applies where
the rule is ambiguous, its sources, the key figures with the paragraphs they come from, the
tier lists by country name, and the certification wording. The version in effect today is
marked. Everything shown is the ruleset data itself.
"""

from __future__ import annotations

import math
import re
from datetime import date
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from domain.countries import country_name
from domain.ruleset import Ruleset
from gui.changes import Record
from gui.context import DeskContext
from gui.kit.widgets import make_label, named
from gui.pages.base import QT_TRANSLATE_NOOP, Page
from gui.style import Tone, colour, heading_style, hint_style, percent, tpp, warning_style


def _countries(codes: tuple[str, ...]) -> str:
    named = sorted((country_name(code), code) for code in codes)
    return ", ".join(
        f"{escape(name)} <span style='color:{colour(Tone.HINT)}'>({code})</span>"
        for name, code in named
    )


def _operations(value: float) -> str:
    exponent = math.log10(value) if value > 0 else 0.0
    if exponent.is_integer():
        return QCoreApplication.translate("RulesetsPage", "{number} operations").format(
            number=f"10<sup>{int(exponent)}</sup>"
        )
    return QCoreApplication.translate("RulesetsPage", "{number} operations").format(
        number=f"{value:.3g}"
    )


def _placeholders(text: str, ruleset: Ruleset) -> str:
    """Certification wording with its blanks shown as [blanks] (the LPP limit filled in)."""
    text = text.replace("{limit}", tpp(ruleset.lpp.limit_tpp))
    return re.sub(r"\{(\w+)\}", lambda match: f"[{match.group(1).replace('_', ' ')}]", text)


def _row(what: str, figure: str, rule: str) -> str:
    return (
        f"<tr><td width='42%' style='padding:3px 10px 3px 0'>{what}</td>"
        f"<td style='padding:3px 10px' align='right'><b>{figure}</b></td>"
        f"<td style='padding:3px 0 3px 10px; color:{colour(Tone.HINT)}'>{escape(rule)}</td></tr>"
    )


def _table(rows: list[str]) -> str:
    return f"<table width='100%' cellspacing='0' cellpadding='0'>{''.join(rows)}</table>"


def key_figures(ruleset: Ruleset) -> str:
    refs = ruleset.references
    ic = ruleset.ic_3a090
    allocation = ruleset.country_allocation
    uveu = ruleset.uveu
    rows = [
        _row(
            QCoreApplication.translate(
                "RulesetsPage", "LPP limit per ultimate consignee per calendar year"
            ),
            f"{tpp(ruleset.lpp.limit_tpp)} TPP",
            refs.lpp,
        ),
        _row(
            QCoreApplication.translate("RulesetsPage", "LPP closed to these roles"),
            escape(", ".join(role.replace("_", " ") for role in ruleset.lpp.excluded_roles))
            or QCoreApplication.translate("RulesetsPage", "none"),
            refs.lpp,
        ),
        _row(
            QCoreApplication.translate(
                "RulesetsPage", "AIA certification must be filed with BIS from cumulative"
            ),
            f"{tpp(ruleset.aia.bis_submission_from_tpp)} TPP",
            refs.aia_bis_submission,
        ),
        _row(
            QCoreApplication.translate("RulesetsPage", "Tier 2 country allocation (licences)"),
            f"{tpp(allocation.tpp)} TPP",
            refs.country_allocation,
        ),
        _row(
            QCoreApplication.translate(
                "RulesetsPage", "… with a government-to-government agreement (× {factor})"
            ).format(factor=f"{allocation.g2g_multiplier:g}"),
            f"{tpp(allocation.limit(True))} TPP",
            refs.country_allocation,
        ),
        _row(
            QCoreApplication.translate("RulesetsPage", "… counted over"),
            QCoreApplication.translate("RulesetsPage", "{start} to {end}").format(
                start=allocation.period_start.isoformat(), end=allocation.period_end.isoformat()
            ),
            allocation.note,
        ),
        _row(
            QCoreApplication.translate("RulesetsPage", "UVEU: installed in Tier 1 at least"),
            percent(uveu.min_tier1_share),
            refs.uveu,
        ),
        _row(
            QCoreApplication.translate(
                "RulesetsPage", "UVEU: in any single Tier 2 country at most"
            ),
            percent(uveu.max_single_tier2_share),
            refs.uveu,
        ),
        _row(
            QCoreApplication.translate(
                "RulesetsPage", "UVEU headquartered in {country}: there at least"
            ).format(country=country_name(uveu.home_country)),
            percent(uveu.min_home_share_if_headquartered),
            refs.uveu,
        ),
        _row(
            QCoreApplication.translate("RulesetsPage", "3A090.a.1: TPP at least"),
            tpp(ic.a1_min_tpp),
            refs.classification_ic,
        ),
        _row(
            QCoreApplication.translate(
                "RulesetsPage", "3A090.a.2: TPP and performance density at least"
            ),
            QCoreApplication.translate("RulesetsPage", "{tpp} and {density}").format(
                tpp=tpp(ic.a2_min_tpp), density=f"{ic.a2_min_pd:g}"
            ),
            refs.classification_ic,
        ),
        _row(
            QCoreApplication.translate("RulesetsPage", "3A090.b.1: TPP and density from / below"),
            f"{tpp(ic.b1_min_tpp)}–{tpp(ic.b1_below_tpp)}, {ic.b1_min_pd:g}–{ic.b1_below_pd:g}",
            refs.classification_ic,
        ),
        _row(
            QCoreApplication.translate(
                "RulesetsPage", "3A090.b.2: TPP at least, density from / below"
            ),
            f"{tpp(ic.b2_min_tpp)}, {ic.b2_min_pd:g}–{ic.b2_below_pd:g}",
            refs.classification_ic,
        ),
        _row(
            QCoreApplication.translate("RulesetsPage", "Non-datacenter ICs are 3A090.a from TPP"),
            tpp(ic.non_datacenter_a_min_tpp),
            refs.classification_ic,
        ),
        _row(
            QCoreApplication.translate(
                "RulesetsPage", "Model weights (4E091): trained with at least"
            ),
            _operations(ruleset.model_weights.min_training_operations),
            refs.model_weights,
        ),
        _row(
            QCoreApplication.translate(
                "RulesetsPage", "Red Flag 28: IaaS training runs of at least"
            ),
            _operations(ruleset.red_flag_28.min_training_operations),
            refs.red_flag_28,
        ),
    ]
    return _table(rows)


def nveu_caps(ruleset: Ruleset, today: date) -> str:
    current = None
    try:
        current = ruleset.nveu.cap_on(today)
    except Exception:  # a day before the first cap: nothing is current
        current = None
    rows = [
        _row(
            QCoreApplication.translate("RulesetsPage", "{period} (shipments from {date})").format(
                period=escape(cap.label), date=cap.from_date.isoformat()
            )
            + (
                " <b>" + QCoreApplication.translate("RulesetsPage", "◀ today") + "</b>"
                if current is not None and cap == current
                else ""
            ),
            f"{tpp(cap.cap_tpp)} TPP",
            ruleset.references.nveu,
        )
        for cap in ruleset.nveu.caps
    ]
    return _table(rows)


def tier_changes(ruleset: Ruleset, previous: Ruleset | None) -> str:
    """What moved between tiers since the version before (the lists, compared)."""
    if previous is None:
        return ""
    moves: list[str] = []
    for code in sorted(
        set(previous.tiers.tier1)
        | set(previous.tiers.tier3)
        | set(ruleset.tiers.tier1)
        | set(ruleset.tiers.tier3)
    ):
        before, after = previous.tier_of(code), ruleset.tier_of(code)
        if before != after:
            moves.append(
                QCoreApplication.translate(
                    "RulesetsPage", "{country} ({code}): Tier {before} → Tier {after}"
                ).format(country=escape(country_name(code)), code=code, before=before, after=after)
            )
    if not moves:
        return (
            "<p>"
            + QCoreApplication.translate("RulesetsPage", "No tier changes from {id}.").format(
                id=escape(previous.id)
            )
            + "</p>"
        )
    return (
        "<p><b>"
        + QCoreApplication.translate("RulesetsPage", "Changes from {id}:").format(
            id=escape(previous.id)
        )
        + f"</b> {'; '.join(moves)}.</p>"
    )


def ruleset_html(ruleset: Ruleset, previous: Ruleset | None, today: date) -> str:
    tiers = ruleset.tiers
    notes = "".join(
        f"<li>{escape(country_name(note.country))} ({note.country}), Tier {note.tier}: "
        f"{escape(note.note)}</li>"
        for note in tiers.notes
    )
    sources = "".join(
        f"<li>{escape(source.title)} "
        f"<span style='color:{colour(Tone.HINT)}'>— {escape(source.citation)}"
        + (f", {source.published.isoformat()}" if source.published else "")
        + "</span></li>"
        for source in ruleset.sources
    )
    aia = ruleset.aia_certification
    commitments = "".join(
        f"<p style='margin-left:16px'>{escape(_placeholders(text, ruleset))}</p>"
        for text in aia.commitments
    )
    notice = escape(_placeholders(aia.shipment_notice, ruleset))
    lpp = ruleset.lpp_certification
    statements = "".join(
        f"<p style='margin-left:16px'>{escape(_placeholders(text, ruleset))}</p>"
        for text in lpp.statements
    )
    return (
        "<h3>"
        + QCoreApplication.translate("RulesetsPage", "Where the rule is ambiguous")
        + f"</h3><p>{escape(ruleset.model_note)}</p>"
        f"{tier_changes(ruleset, previous)}"
        "<h3>"
        + QCoreApplication.translate("RulesetsPage", "Key figures")
        + f"</h3>{key_figures(ruleset)}"
        "<h3>"
        + QCoreApplication.translate("RulesetsPage", "NVEU installed-base caps")
        + f"</h3>{nveu_caps(ruleset, today)}"
        "<h3>"
        + QCoreApplication.translate("RulesetsPage", "Tiers")
        + f" <span style='font-weight:normal; color:{colour(Tone.HINT)}'>"
        f"({escape(ruleset.references.tiers)})"
        "</span></h3>"
        + QCoreApplication.translate(
            "RulesetsPage", "<p><b>Tier 1</b> ({count}; {basis}): {countries}</p>"
        ).format(
            count=len(tiers.tier1),
            basis=escape(tiers.tier1_basis),
            countries=_countries(tiers.tier1),
        )
        + QCoreApplication.translate(
            "RulesetsPage", "<p><b>Tier 3</b> ({count}; {basis}): {countries}</p>"
        ).format(
            count=len(tiers.tier3),
            basis=escape(tiers.tier3_basis),
            countries=_countries(tiers.tier3),
        )
        + QCoreApplication.translate(
            "RulesetsPage", "<p><b>Tier 2</b>: every other country ({basis}).</p>"
        ).format(basis=escape(tiers.tier2_basis))
        + (f"<ul>{notes}</ul>" if notes else "")
        + "<h3>"
        + QCoreApplication.translate("RulesetsPage", "AIA certification wording")
        + f"</h3><p><b>{escape(aia.title)}</b></p>"
        f"<p>{escape(aia.opening)} "
        f"<span style='color:{colour(Tone.HINT)}'>("
        + QCoreApplication.translate(
            "RulesetsPage",
            "{regulation}, verbatim; the bracketed instructions are filled in on paper",
        ).format(regulation=escape(aia.regulation))
        + f")</span></p>{commitments}"
        f"<p><i>{escape(aia.weights_storage_attestation.title)}</i> "
        f"({escape(aia.weights_storage_attestation.label)}): "
        f"{escape(aia.weights_storage_attestation.text)}</p>"
        "<p><i>"
        + QCoreApplication.translate("RulesetsPage", "Notice with each AIA shipment:")
        + f"</i> {notice}</p>"
        "<h3>"
        + QCoreApplication.translate("RulesetsPage", "LPP certification wording")
        + f"</h3><p><b>{escape(lpp.title)}</b></p>{statements}"
        "<h3>" + QCoreApplication.translate("RulesetsPage", "Sources") + f"</h3><ul>{sources}</ul>"
    )


class RulesetsPage(Page):
    """The ruleset versions, the one in effect today marked."""

    title = QT_TRANSLATE_NOOP("RulesetsPage", "Rulesets")
    shows: frozenset[Record] = frozenset()  # rulesets are files shipped with the desk

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("rulesetsPage")
        self.versions = named(QListWidget(), "rulesetList")
        self.versions.setFixedWidth(220)
        self.versions.setSpacing(2)
        self.versions.setAccessibleName(self.tr("Ruleset versions"))
        self.title_label = make_label(name="rulesetTitle", style=heading_style(13), wrap=True)
        self.status_label = make_label(name="rulesetStatus", style=hint_style())
        self.enforcement = make_label(
            name="rulesetEnforcement",
            style=warning_style() + " font-size:10.5pt; padding:8px 10px;",
            wrap=True,
            selectable=True,
        )
        self.enforcement.setAccessibleName(self.tr("Enforcement note"))
        self.body = named(QTextBrowser(), "rulesetBody")
        self.body.setOpenExternalLinks(False)
        self.body.setAccessibleName(self.tr("Ruleset details"))
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(self.title_label)
        right.addWidget(self.status_label)
        right.addWidget(self.enforcement)
        right.addWidget(self.body, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.setSpacing(12)
        layout.addWidget(self.versions)
        layout.addLayout(right, 1)
        self.versions.currentRowChanged.connect(self._on_versions_current_row_changed)

    def reload(self) -> None:
        today = self.context.today()
        current = self.context.catalog.in_effect_on(today).id
        selected = self.versions.currentRow()
        self.versions.clear()
        for ruleset in self.context.catalog.versions:
            marker = "\n" + self.tr("✓ In effect today") if ruleset.id == current else ""
            future = "\n" + self.tr("Not yet in effect") if ruleset.effective_from > today else ""
            item = QListWidgetItem(
                f"{ruleset.id}\n"
                + self.tr("from {date}").format(date=ruleset.effective_from.isoformat())
                + f"{marker}{future}"
            )
            item.setData(Qt.ItemDataRole.UserRole, ruleset.id)
            if ruleset.id == current:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.versions.addItem(item)
        if 0 <= selected < self.versions.count():
            self.versions.setCurrentRow(selected)
        else:
            ids = [version.id for version in self.context.catalog.versions]
            self.versions.setCurrentRow(ids.index(current))

    def _on_versions_current_row_changed(self, row: int) -> None:
        versions = self.context.catalog.versions
        if not 0 <= row < len(versions):
            return
        ruleset = versions[row]
        previous = versions[row - 1] if row > 0 else None
        following = versions[row + 1] if row + 1 < len(versions) else None
        today = self.context.today()
        current = self.context.catalog.in_effect_on(today).id
        self.title_label.setText(ruleset.title)
        until = (
            self.tr(" until {date}").format(date=following.effective_from.isoformat())
            if following is not None
            else ""
        )
        state = (
            self.tr("in effect today")
            if ruleset.id == current
            else (
                self.tr("not yet in effect")
                if ruleset.effective_from > today
                else self.tr("superseded")
            )
        )
        self.status_label.setText(
            self.tr("Ruleset {id} · effective from {date}").format(
                id=ruleset.id, date=ruleset.effective_from.isoformat()
            )
            + f"{until} · {state}"
        )
        self.enforcement.setText(
            self.tr("⚠ Enforcement: {note}").format(note=ruleset.enforcement_note)
        )
        self.body.setHtml(ruleset_html(ruleset, previous, today))

    def shown_text(self) -> str:
        """Everything the page shows for the selected version, as plain text (for tests)."""
        return "\n".join(
            (
                self.title_label.text(),
                self.status_label.text(),
                self.enforcement.text(),
                self.body.toPlainText(),
            )
        )
