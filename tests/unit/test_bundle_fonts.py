"""The bundle that needs no Python prints with the fonts it carries, found before the system's."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from reports import fonts
from reports.fonts import BUNDLE_FONT_FOLDER, bundle_font_folder, load_fonts


def test_a_desk_run_from_source_has_no_bundle_font_folder() -> None:
    assert bundle_font_folder() is None


def test_the_fonts_a_bundle_copies_are_every_file_registered_once() -> None:
    loaded = load_fonts()
    assert loaded.files[0] == loaded.body_file
    assert len(set(loaded.files)) == len(loaded.files)
    assert all(Path(file).is_file() for file in loaded.files)
    if loaded.heading_file is not None:
        assert loaded.heading_file in loaded.files


def test_a_frozen_desk_finds_a_font_in_its_own_folder_before_the_systems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    system = next(
        (Path(file) for file in load_fonts().files if Path(file).name == "DejaVuSans.ttf"), None
    )
    if system is None:
        pytest.skip("DejaVu Sans is not installed (Debian package fonts-dejavu-core)")
    bundled = tmp_path / BUNDLE_FONT_FOLDER / system.name
    bundled.parent.mkdir()
    shutil.copyfile(system, bundled)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)

    assert bundle_font_folder() == tmp_path / BUNDLE_FONT_FOLDER
    first = next(fonts._candidates((system.name,), ("DejaVu Sans",)))
    assert first == bundled
