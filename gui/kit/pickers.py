"""Picking records and countries: by typing part of a name, a ref or a code.

Only input handling lives here (what did the officer type?); what it means is the domain's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QComboBox, QCompleter, QHBoxLayout, QLineEdit, QWidget

from domain.countries import Country, all_countries, country_code, country_name, resolve_country
from domain.errors import DomainError, UnknownCountryError
from domain.queries import PartySummary
from domain.text import fold, search_text
from gui.kit.widgets import make_label, make_line_edit
from gui.style import hint_style


class PartyPicker(QComboBox):
    """Choose a party by typing part of its name or ref."""

    def __init__(self, parties: Sequence[PartySummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(16)
        self.setMinimumWidth(360)
        for party in sorted(parties, key=lambda item: item.name.lower()):
            self.addItem(f"{party.name} ({party.ref})", party.ref)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setCurrentIndex(-1)
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(QCoreApplication.translate("RefEdit", "Type a name or ref…"))

    def selected_ref(self) -> str | None:
        text = self.currentText().strip()
        if not text:
            return None
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            for number in range(self.count()):
                if str(self.itemData(number)).lower() == text.lower():
                    return str(self.itemData(number))
            return None
        return str(self.itemData(index))

    def select_ref(self, ref: str) -> None:
        index = self.findData(ref)
        if index >= 0:
            self.setCurrentIndex(index)


class CountryField(QWidget):
    """A country typed as a code or a name, with the resolved name shown beside it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = make_line_edit(placeholder=self.tr("Code or name, e.g. MX or Mexico"))
        self.edit.setMinimumWidth(220)
        self.edit.setMaximumWidth(260)
        self.resolved = make_label(style=hint_style())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.resolved, 1)
        self.edit.textChanged.connect(self._on_edit_text_changed)

    def _on_edit_text_changed(self, _text: str) -> None:
        self.changed.emit()

    def country(self) -> Country:
        """The country typed; ``UnknownCountryError`` when it names none."""
        found = resolve_country(self.edit.text())
        self.resolved.setText(f"{found.name} ({found.alpha2})")
        return found

    def set_code(self, code: str) -> None:
        self.edit.setText(code)


def country_problem(error: UnknownCountryError) -> str:
    """An unknown country in a few words, with the suggestions the lookup has."""
    if not error.text.strip():
        return QCoreApplication.translate(
            "CountryField", "Enter the country (a code such as MX, or a name)"
        )
    message = str(error)
    hint = (
        message[message.find("(did you mean") :]
        if "(did you mean" in message
        else QCoreApplication.translate(
            "CountryField", ": use a code such as MX or the country's name"
        )
    )
    unknown = QCoreApplication.translate("CountryField", "Unknown country “{text}”").format(
        text=error.text.strip()
    )
    return f"{unknown}{'' if hint.startswith(':') else ' '}{hint}"


SEARCH_ROLE = Qt.ItemDataRole.UserRole + 41
"""An entry as a search finds it: its text and its spellings without case or accents."""


class _Spellings(QIdentityProxyModel):
    """The entries of a list of strings, each also offered under ``SEARCH_ROLE``."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if role == SEARCH_ROLE:
            text = str(super().data(index, Qt.ItemDataRole.DisplayRole) or "")
            return f"{text}\n{search_text([text])}"
        return super().data(index, role)


class FoldingCompleter(QCompleter):
    """Completion that finds an entry by any part of it, without regard to case or accents
    ("muller" offers "Müller & Söhne (DE-MUELLER)"), and puts the entry itself in the field."""

    def set_entries_model(self, model: QAbstractItemModel) -> None:
        proxy = _Spellings(self)
        proxy.setSourceModel(model)
        self.setModel(proxy)

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]  # matched against the folded spellings of SEARCH_ROLE

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


def make_completer(parent: QWidget, entries: Iterable[str] = ()) -> FoldingCompleter:
    """A completer that matches anywhere in an entry, ignoring case and accents."""
    completer = FoldingCompleter(parent)
    completer.set_entries_model(QStringListModel(list(entries), completer))
    completer.setCompletionRole(SEARCH_ROLE)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setMaxVisibleItems(12)
    return completer


_TRAILING_CODE = re.compile(r"\(([^()]+)\)\s*$")


class CountryEdit(QLineEdit):
    """A country typed as a code or a name, with completion over ISO 3166-1."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCompleter(
            make_completer(
                self, (f"{country.name} ({country.alpha2})" for country in all_countries())
            )
        )
        self.setPlaceholderText(self.tr("Code or name, e.g. DE or Germany"))

    def code(self) -> str | None:
        """The alpha-2 code typed (None when empty); raises ``UnknownCountryError``."""
        text = self.text().strip()
        if not text:
            return None
        match = _TRAILING_CODE.search(text)
        if match is not None:
            try:
                return country_code(match.group(1))
            except DomainError:
                pass
        return country_code(text)

    def set_code(self, code: str | None) -> None:
        self.setText(describe_country(code) if code else "")


def describe_country(code: str) -> str:
    try:
        return f"{country_name(code)} ({code})"
    except DomainError:
        return code


class AmbiguousRefError(LookupError):
    """A name that several records share: the officer picks one by its ref."""


@dataclass(frozen=True)
class RefIndex:
    """Records to pick from by ref or name; plain Python, so a job can build it."""

    names: dict[str, str]
    """ref → name"""
    folded_refs: dict[str, str]
    folded_names: dict[str, list[str]]
    display: list[str]
    """What the completer offers: "Name (REF)"."""

    @classmethod
    def build(cls, entries: Iterable[tuple[str, str]]) -> RefIndex:
        names = dict(entries)
        folded_names: dict[str, list[str]] = {}
        for ref, name in names.items():
            folded_names.setdefault(fold(name), []).append(ref)
        return cls(
            names=names,
            folded_refs={fold(ref): ref for ref in names},
            folded_names=folded_names,
            display=[f"{name} ({ref})" for ref, name in names.items()],
        )


EMPTY_INDEX = RefIndex(names={}, folded_refs={}, folded_names={}, display=[])


class RefEdit(QLineEdit):
    """A record picked by ref or name, with completion over "Name (REF)" entries."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._index = EMPTY_INDEX
        self._completer = make_completer(self)
        self.setCompleter(self._completer)

    def set_entries(self, entries: Iterable[tuple[str, str]]) -> None:
        """(ref, name) pairs the officer may pick from."""
        index = RefIndex.build(entries)
        model = QStringListModel(index.display, self._completer)
        self.set_index(index, model)

    def set_index(self, index: RefIndex, model: QStringListModel) -> None:
        """Share one prepared index and completion model between several pickers."""
        self._index = index
        self._completer.set_entries_model(model)

    @property
    def loaded(self) -> bool:
        return bool(self._index.names)

    def name_of(self, ref: str) -> str | None:
        return self._index.names.get(ref)

    def resolve(self) -> str | None:
        """The ref the text names, None when empty; raises ``LookupError`` when unknown."""
        text = self.text().strip()
        if not text:
            return None
        index = self._index
        folded = fold(text)
        if folded in index.folded_refs:
            return index.folded_refs[folded]
        match = _TRAILING_CODE.search(text)
        if match is not None and fold(match.group(1).strip()) in index.folded_refs:
            return index.folded_refs[fold(match.group(1).strip())]
        named = index.folded_names.get(folded, [])
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            raise AmbiguousRefError(
                QCoreApplication.translate(
                    "RefEdit", "{text} names {count} records; pick one by its ref"
                ).format(text=repr(text), count=len(named))
            )
        raise LookupError(text)

    def set_ref(self, ref: str | None) -> None:
        if ref is None:
            self.clear()
            return
        name = self._index.names.get(ref)
        self.setText(f"{name} ({ref})" if name else ref)


class PartyCombo(QComboBox):
    """Choose a party by typing part of its name or ref."""

    def __init__(
        self, entries: Sequence[tuple[str, str]] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(16)
        self.setMinimumWidth(380)
        completer = self.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(QCoreApplication.translate("RefEdit", "Type a name or ref…"))
        self.set_entries(entries)

    def set_entries(self, entries: Sequence[tuple[str, str]]) -> None:
        """(ref, label) pairs; the label is shown as "label (REF)"."""
        self.blockSignals(True)
        self.clear()
        for ref, label in sorted(entries, key=lambda entry: entry[1].casefold()):
            self.addItem(f"{label} ({ref})", ref)
        self.setCurrentIndex(-1)
        self.blockSignals(False)

    def selected_ref(self) -> str | None:
        text = self.currentText().strip()
        if not text:
            return None
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.itemData(index))
        for number in range(self.count()):
            if str(self.itemData(number)).casefold() == text.casefold():
                return str(self.itemData(number))
        return None

    def select_ref(self, ref: str) -> bool:
        index = self.findData(ref)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0


def party_entries(parties: Sequence[PartySummary]) -> list[tuple[str, str]]:
    return [(party.ref, party.name) for party in parties]
