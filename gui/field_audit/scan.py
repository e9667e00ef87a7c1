"""Taking serials on site (rules.md section 10, "On site"): typed, from a barcode scanner acting
as a keyboard (a serial and Enter, hundreds in a row, the cursor never leaving the field), or
from a file. Each serial is written to the kit's log, then shown classified: a banner that
says the class in words and colour, a beep for anything but a unit found where expected, and
the running counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from domain.fieldaudit.reconcile import Reconciliation, SerialClass, Sighting
from domain.services.site_visit import SiteVisit
from gui.i18n import QT_TRANSLATE_NOOP
from gui.kit.numbers import grouped
from gui.kit.tables import HeaderModel, set_up_list
from gui.style import Tone, colour

Index = QModelIndex | QPersistentModelIndex

CLASS_TONE: dict[SerialClass, tuple[Tone, Tone]] = {
    SerialClass.FOUND: (Tone.OK, Tone.OK_BG),
    SerialClass.MISSING: (Tone.ERROR, Tone.PROBLEM_BG),
    SerialClass.UNEXPECTED: (Tone.ERROR, Tone.PROBLEM_BG),
    SerialClass.DUPLICATE: (Tone.WARNING, Tone.WARNING_BG),
    SerialClass.RELOCATED: (Tone.INFO, Tone.NOTE_BG),
}
"""The text and background of each class (always with the class in words beside)."""


def class_word(kind: SerialClass) -> str:
    """A serial's class in capitals, as the banner says it."""
    translate = QCoreApplication.translate
    return {
        SerialClass.FOUND: translate("ScanPane", "FOUND"),
        SerialClass.MISSING: translate("ScanPane", "MISSING"),
        SerialClass.UNEXPECTED: translate("ScanPane", "UNEXPECTED"),
        SerialClass.DUPLICATE: translate("ScanPane", "DUPLICATE"),
        SerialClass.RELOCATED: translate("ScanPane", "RELOCATED"),
    }[kind]


def class_name(kind: SerialClass) -> str:
    """A serial's class as the list and the counts say it."""
    translate = QCoreApplication.translate
    return {
        SerialClass.FOUND: translate("ScanPane", "found"),
        SerialClass.MISSING: translate("ScanPane", "missing"),
        SerialClass.UNEXPECTED: translate("ScanPane", "unexpected"),
        SerialClass.DUPLICATE: translate("ScanPane", "duplicate"),
        SerialClass.RELOCATED: translate("ScanPane", "relocated"),
    }[kind]


def where(sighting: Sighting) -> str:
    """What the desk knows of a sighting's unit, in words."""
    unit = sighting.expected
    if sighting.kind is SerialClass.UNEXPECTED:
        if sighting.shipped_to:
            return QCoreApplication.translate(
                "ScanPane", "never shipped to this party: shipped to {site}"
            ).format(site=sighting.shipped_to)
        return QCoreApplication.translate("ScanPane", "never shipped by the desk")
    if unit is None:
        return ""
    translate = QCoreApplication.translate
    if sighting.kind is SerialClass.RELOCATED:
        text = translate("ScanPane", "{product}, order {order}: shipped for {site}")
    elif sighting.kind is SerialClass.DUPLICATE:
        text = translate("ScanPane", "{product}, order {order}: already seen on this visit")
    else:
        text = translate("ScanPane", "{product}, order {order}")
    return text.format(product=unit.product_ref, order=unit.order_ref, site=unit.site)


@dataclass(frozen=True, slots=True)
class Seen:
    number: int
    sighting: Sighting


class SightingsModel(HeaderModel[Seen]):
    """The serials taken on this visit, newest first; grows a row at a time."""

    headers = (
        "#",
        QT_TRANSLATE_NOOP("SightingsModel", "Serial"),
        QT_TRANSLATE_NOOP("SightingsModel", "Class"),
        QT_TRANSLATE_NOOP("SightingsModel", "What the desk knows"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Seen] = []  # oldest first; shown newest first

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def item(self, row: int) -> Seen | None:
        count = len(self._rows)
        return self._rows[count - 1 - row] if 0 <= row < count else None

    def add(self, sightings: Sequence[Sighting]) -> None:
        if not sightings:
            return
        self.beginInsertRows(QModelIndex(), 0, len(sightings) - 1)
        start = len(self._rows)
        self._rows += [Seen(start + n + 1, s) for n, s in enumerate(sightings)]
        self.endInsertRows()

    def cell(self, item: Seen, column: int, role: int) -> Any:
        sighting = item.sighting
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(item.number),
                sighting.serial.strip(),
                class_name(sighting.kind),
                where(sighting),
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == 2:
            from PySide6.QtGui import QColor

            return QColor(colour(CLASS_TONE[sighting.kind][0]))
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return where(sighting)
        return None


class Counts(QWidget):
    """Expected, found, missing, unexpected, duplicate, relocated: one figure each."""

    ORDER = (
        ("expected", QT_TRANSLATE_NOOP("Counts", "Expected"), Tone.TEXT),
        ("found", QT_TRANSLATE_NOOP("Counts", "Found"), Tone.OK),
        ("missing", QT_TRANSLATE_NOOP("Counts", "Missing"), Tone.ERROR),
        ("unexpected", QT_TRANSLATE_NOOP("Counts", "Unexpected"), Tone.ERROR),
        ("duplicate", QT_TRANSLATE_NOOP("Counts", "Duplicate"), Tone.WARNING),
        ("relocated", QT_TRANSLATE_NOOP("Counts", "Relocated"), Tone.INFO),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        self.figures: dict[str, QLabel] = {}
        for column, (key, source, tone) in enumerate(self.ORDER):
            title = self.tr(source)
            figure = QLabel("0")
            figure.setObjectName(f"count_{key}")
            figure.setAccessibleName(title)
            figure.setStyleSheet(f"font-size:20pt; font-weight:600; color:{colour(tone)};")
            self.figures[key] = figure
            caption = QLabel(title)
            caption.setStyleSheet(f"color:{colour(Tone.HINT)};")
            grid.addWidget(figure, 0, column, Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(caption, 1, column, Qt.AlignmentFlag.AlignLeft)
        grid.setColumnStretch(len(self.ORDER), 1)

    def show_counts(self, counts: dict[str, int]) -> None:
        for key, label in self.figures.items():
            label.setText(grouped(counts.get(key, 0)))

    def value(self, key: str) -> int:
        return int("".join(ch for ch in self.figures[key].text() if ch.isdigit()))


class ScanPane(QWidget):
    """The serial field, the last serial's class, the counts and the serials taken.

    Signals:
        scanned: serials were recorded (the reconciliation changed).
    """

    scanned = Signal()

    def __init__(
        self,
        visit: SiteVisit,
        *,
        choose_file: Callable[[], tuple[bytes, str] | None],
        fail: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._visit = visit
        self._choose_file = choose_file
        self._fail = fail
        result = visit.result()
        self._expected = result.expected
        self._kinds: Counter[SerialClass] = Counter(
            {
                SerialClass.FOUND: len(result.found),
                SerialClass.UNEXPECTED: len(result.unexpected),
                SerialClass.DUPLICATE: len(result.duplicate),
                SerialClass.RELOCATED: len(result.relocated),
            }
        )

        self.field = QLineEdit()
        self.field.setObjectName("serial_field")
        self.field.setAccessibleName(self.tr("Serial number"))
        self.field.setPlaceholderText(self.tr("Scan or type a serial and press Enter"))
        self.field.setClearButtonEnabled(True)
        self.field.setStyleSheet("font-size:16pt; padding:6px;")
        self.field.returnPressed.connect(self._on_return)
        self.from_file = QPushButton(self.tr("Read serials from a &file…"))
        self.from_file.setObjectName("serials_from_file")
        self.from_file.clicked.connect(self._on_file)
        self.sound = QCheckBox(self.tr("&Beep when a serial is not found where expected"))
        self.sound.setObjectName("beep")
        self.sound.setChecked(True)
        entry = QHBoxLayout()
        entry.addWidget(self.field, 1)
        entry.addWidget(self.from_file)

        self.banner = QLabel(self.tr("Ready: scan the first serial."))
        self.banner.setObjectName("scan_banner")
        self.banner.setAccessibleName(self.tr("Last serial"))
        self.banner.setWordWrap(True)
        self.banner.setMinimumHeight(64)
        self._paint_banner(None)
        self.counts = Counts()

        self.model = SightingsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        set_up_list(self.table, "sightings", (56, 220, 110), quiet_header=True)
        self.table.setAccessibleName(self.tr("Serials taken on this visit, newest first"))
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cursor stays in the field

        self.model.add(visit.sightings())
        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addWidget(self.sound)
        layout.addWidget(self.banner)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        self._show_counts()
        self.set_closed(visit.closed)

    # -- taking serials --------------------------------------------------------------------

    def _on_return(self) -> None:
        serial = self.field.text().strip()
        self.field.clear()
        if serial:
            self.take([serial])

    def take(self, serials: Sequence[str]) -> list[Sighting]:
        """Record ``serials`` in the kit and show them; nothing is shown that was not kept."""
        try:
            sightings = self._visit.scan(serials)
        except Exception as error:
            self._fail(str(error))
            return []
        self._shown(sightings)
        return sightings

    def _on_file(self) -> None:
        chosen = self._choose_file()
        if chosen is None:
            return
        data, name = chosen
        try:
            sightings, notes = self._visit.scan_file(data, name)
        except Exception as error:
            self._fail(str(error))
            return
        self._shown(sightings)
        if notes:
            self.banner.setText(self.banner.text() + "\n" + "; ".join(notes))
        self.field.setFocus()

    def _shown(self, sightings: Sequence[Sighting]) -> None:
        if not sightings:
            return
        self._kinds.update(sighting.kind for sighting in sightings)
        self.model.add(sightings)
        last = sightings[-1]
        if len(sightings) == 1:
            text = f"{class_word(last.kind)}   {last.serial.strip()}\n{where(last)}"
        else:
            summary = Counter(class_name(s.kind) for s in sightings)
            text = self.tr("{count} serials read: ").format(
                count=grouped(len(sightings))
            ) + self.tr(", ").join(
                f"{grouped(count)} {word}" for word, count in summary.most_common()
            )
        self.banner.setText(text)
        worst = last.kind if len(sightings) == 1 else _worst(sightings)
        self._paint_banner(worst)
        if worst is not SerialClass.FOUND and self.sound.isChecked():
            QApplication.beep()
        self._show_counts()
        self.scanned.emit()

    def _paint_banner(self, kind: SerialClass | None) -> None:
        text, background = (
            CLASS_TONE.get(kind, (Tone.TEXT, Tone.PANEL))
            if kind
            else (
                Tone.HINT,
                Tone.PANEL,
            )
        )
        self.banner.setProperty("serial_class", kind.value if kind else "")
        self.banner.setStyleSheet(
            f"font-size:15pt; font-weight:600; padding:10px; color:{colour(text)};"
            f" background:{colour(background)}; border:1px solid {colour(Tone.BORDER)};"
        )

    def counts_now(self) -> dict[str, int]:
        found = self._kinds[SerialClass.FOUND]
        return {
            "expected": self._expected,
            "found": found,
            "missing": self._expected - found,
            "unexpected": self._kinds[SerialClass.UNEXPECTED],
            "duplicate": self._kinds[SerialClass.DUPLICATE],
            "relocated": self._kinds[SerialClass.RELOCATED],
        }

    def _show_counts(self) -> None:
        self.counts.show_counts(self.counts_now())

    def set_closed(self, closed: bool) -> None:
        """After the sign-off the kit takes nothing more: the field says so."""
        self.field.setEnabled(not closed)
        self.from_file.setEnabled(not closed)
        if closed:
            self.field.setPlaceholderText(self.tr("Signed off: the kit takes no more serials"))

    def reconciliation(self) -> Reconciliation:
        return self._visit.result()


def _worst(sightings: Sequence[Sighting]) -> SerialClass:
    kinds = {sighting.kind for sighting in sightings}
    for kind in (SerialClass.UNEXPECTED, SerialClass.DUPLICATE, SerialClass.RELOCATED):
        if kind in kinds:
            return kind
    return SerialClass.FOUND
