"""A desk on a real database for window tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.desktop import build_context
from domain.services.demo_load import load_demo
from gui.context import DeskContext


@pytest.fixture
def context(tmp_path: Path) -> Iterator[DeskContext]:
    """An empty database opened the way the app opens it."""
    desk = build_context(str(tmp_path / "desk.sqlite3"))
    yield desk
    desk.jobs.cancel_all()
    desk.jobs.wait()


@pytest.fixture
def demo_context(context: DeskContext) -> DeskContext:
    """The demonstration data, orders still pending."""
    load_demo(context.db, context.demo_dataset(), actor="setup")
    return context


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qapp: QApplication) -> None:
    """Each test starts with no remembered window state, under the app's own names."""
    from PySide6.QtCore import QSettings

    qapp.setOrganizationName("Diffusion Desk")
    qapp.setApplicationName("Diffusion Desk")
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(tmp_path / "settings"))
