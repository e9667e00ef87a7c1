"""A desk on a real database for window tests."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.desktop import build_context
from domain.services.demo_load import load_demo
from domain.services.orders import check_pending
from gui.context import DeskContext
from tests.clock import clock_on


@pytest.fixture
def context(tmp_path: Path) -> Iterator[DeskContext]:
    """An empty database opened the way the app opens it."""
    desk = build_context(str(tmp_path / "desk.sqlite3"), clock=clock_on())
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


TODAY = date(2026, 11, 28)
"""The day the screen tests pretend it is (the demonstration data runs to November 2026)."""


def _copy(source: Path, target: Path) -> None:
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


@pytest.fixture(scope="session")
def checked_demo(tmp_path_factory: pytest.TempPathFactory, qapp: QApplication) -> Path:
    """The demonstration data with every order checked, built once per test run."""
    path = tmp_path_factory.getbasetemp() / "checked-demo.sqlite3"
    if not path.exists():
        work = tmp_path_factory.mktemp("demo") / "desk.sqlite3"
        desk = build_context(str(work), clock=clock_on())
        load_demo(desk.db, desk.demo_dataset(), actor="t")
        check_pending(desk.db, desk.catalog, actor="t")
        desk.connection.db.close()  # type: ignore[attr-defined]
        part = path.with_name(path.name + ".part")
        _copy(work, part)
        os.replace(part, path)
    return path


@pytest.fixture
def desk(checked_demo: Path, tmp_path: Path) -> Iterator[DeskContext]:
    target = tmp_path / "desk.sqlite3"
    _copy(checked_demo, target)
    context = build_context(str(target), clock=clock_on(TODAY))
    context.actor = "Officer Test"
    yield context
    context.jobs.cancel_all()
    context.jobs.wait()
    context.connection.db.close()  # type: ignore[attr-defined]
