"""Small widgets the record screens share: inline messages, pickers, figures as bars.

Only input handling lives here (what did the officer type?); what it means is the domain's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QProgressBar, QWidget

from domain.countries import all_countries, country_code, country_name
from domain.errors import DomainError
from domain.model import error_message
from gui.jobs import Job, JobFunction, JobRunner
from gui.style import Tone, colour, error_style, hint_style, tpp


class FieldMessage(QLabel):
    """A message under a field: an error (✕, red) or a note (grey); hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clear()

    def show_error(self, text: str) -> None:
        self.setText(f"✕ {text}")
        self.setStyleSheet(error_style())
        self.setVisible(True)

    def show_note(self, text: str) -> None:
        self.setText(text)
        self.setStyleSheet(hint_style())
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.setVisible(False)

    @property
    def is_error(self) -> bool:
        return self.isVisible() and self.text().startswith("✕")


def make_completer(parent: QWidget, entries: Iterable[str] = ()) -> QCompleter:
    """A completer that matches anywhere in an entry, ignoring case."""
    completer = QCompleter(parent)
    completer.setModel(QStringListModel(list(entries), completer))
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
        self.setPlaceholderText("Code or name, e.g. DE or Germany")

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
            folded_names.setdefault(name.casefold(), []).append(ref)
        return cls(
            names=names,
            folded_refs={ref.casefold(): ref for ref in names},
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
        self._completer.setModel(model)

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
        folded = text.casefold()
        if folded in index.folded_refs:
            return index.folded_refs[folded]
        match = _TRAILING_CODE.search(text)
        if match is not None and match.group(1).strip().casefold() in index.folded_refs:
            return index.folded_refs[match.group(1).strip().casefold()]
        named = index.folded_names.get(folded, [])
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            raise LookupError(f"{text!r} names {len(named)} records; pick one by its ref")
        raise LookupError(text)

    def set_ref(self, ref: str | None) -> None:
        if ref is None:
            self.clear()
            return
        name = self._index.names.get(ref)
        self.setText(f"{name} ({ref})" if name else ref)


def parse_number(text: str, what: str, *, positive: bool = False) -> float | None:
    """A number as officers type it ("15,832", "1e26", "814"); None when empty."""
    cleaned = text.strip().replace(",", "").replace("_", "").replace(" ", "")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise DomainError(f"{what}: {text.strip()!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise DomainError(f"{what}: {text.strip()!r} is not a number")
    if value < 0 or (positive and value == 0):
        raise DomainError(f"{what} must be {'more than' if positive else 'at least'} 0")
    return value


def validation_messages(error: ValidationError, labels: Mapping[str, str]) -> list[str]:
    """Pydantic errors as sentences that name the field as the form labels it."""
    messages = []
    for item in error.errors():
        location = [str(part) for part in item.get("loc", ()) if not isinstance(part, int)]
        field = labels.get(location[0], location[0].replace("_", " ")) if location else ""
        text = error_message(item)
        messages.append(f"{field}: {text}" if field else text)
    return messages


class FigureBar(QProgressBar):
    """An amount against a limit: the bar, plus text saying the figures (never colour alone)."""

    SCALE = 10_000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, self.SCALE)
        self.setTextVisible(True)
        self.setMinimumHeight(24)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def set_figures(self, used: float, limit: float, text: str, *, warn_from: float = 0.9) -> None:
        ratio = used / limit if limit > 0 else 0.0
        self.setValue(round(min(max(ratio, 0.0), 1.0) * self.SCALE))
        self.setFormat(text.replace("%", "%%"))
        # Soft fills keep the text on top readable; the words carry the meaning.
        fill = (
            Tone.FILL_OK
            if ratio < warn_from
            else (Tone.FILL_NEAR if ratio <= 1 else Tone.FILL_OVER)
        )
        self.setStyleSheet(
            f"QProgressBar {{ border:1px solid {colour(Tone.TRACK_BORDER)}; border-radius:3px;"
            f" background:{colour(Tone.TRACK)}; color:{colour(Tone.HEADING)}; font-weight:600; }}"
            f"QProgressBar::chunk {{ background:{colour(fill)}; }}"
        )


def used_text(used: float, limit: float, unit: str = "TPP") -> str:
    left = max(limit - used, 0.0)
    text = f"{tpp(used)} of {tpp(limit)} {unit} used · {tpp(left)} left"
    if used > limit:
        text += f" · over by {tpp(used - limit)}"
    return text


def window_action(
    owner: QWidget, text: str, shortcut: str, slot: Callable[[], object], name: str, tip: str
) -> QAction:
    """An action with a shortcut that works anywhere in the owner's window."""
    action = QAction(text, owner)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setToolTip(f"{tip} ({QKeySequence(shortcut).toString()})")
    action.triggered.connect(slot)
    owner.addAction(action)
    return action


def start_job(
    runner: JobRunner,
    name: str,
    fn: JobFunction,
    *,
    on_success: Callable[[Any], None],
    on_failure: Callable[[str, bool], None],
    on_finished: Callable[[], None],
    on_progress: Callable[[int, int, str], None] | None = None,
) -> Job:
    """Start a job whose ``on_finished`` runs after its success or failure handler.

    Every handler is connected before the job starts: a fast job cannot finish unnoticed.
    """

    def succeeded(result: Any) -> None:
        try:
            on_success(result)
        finally:
            on_finished()

    def failed(message: str, is_bug: bool) -> None:
        try:
            on_failure(message, is_bug)
        finally:
            on_finished()

    return runner.start(name, fn, on_success=succeeded, on_failure=failed, on_progress=on_progress)
