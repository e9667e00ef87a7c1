"""UI state kept between sessions (geometry, splitters, column widths, last folder).

QSettings holds UI state only; anything that affects decisions lives in the database.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings


class UiSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings()

    def geometry(self, key: str) -> QByteArray | None:
        value = self._settings.value(f"geometry/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(f"geometry/{key}", value)

    def last_folder(self) -> str:
        value = self._settings.value("files/last_folder", "")
        return value if isinstance(value, str) and Path(value).is_dir() else str(Path.home())

    def set_last_folder(self, path: str | Path) -> None:
        folder = Path(path)
        self._settings.setValue(
            "files/last_folder", str(folder if folder.is_dir() else folder.parent)
        )

    def last_page(self) -> int:
        value = self._settings.value("window/page", 0)
        try:
            return int(str(value))
        except ValueError:
            return 0

    def set_last_page(self, index: int) -> None:
        self._settings.setValue("window/page", index)

    def sync(self) -> None:
        self._settings.sync()
