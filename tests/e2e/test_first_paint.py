"""The start-up probe the bundle's smoke test and ``bench dist`` rely on, from the venv: the
window opens, says it painted, and closes by itself; --version names the installed version."""

from __future__ import annotations

import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from app.first_paint import FIRST_PAINT_LINE, QUIT_AFTER_FIRST_PAINT_ENV

ROOT = Path(__file__).resolve().parents[2]
ENTRY_POINT = "import sys; from app.cli import main; sys.exit(main())"


def _run(tmp_path: Path, *arguments: str, **extra: str) -> subprocess.CompletedProcess[str]:
    existing = os.environ.get("PYTHONPATH")
    environment = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), existing])),
        DIFFUSION_DESK_DB=str(tmp_path / "desk.sqlite3"),
        DIFFUSION_DESK_LOG=str(tmp_path / "desk.log"),
        **extra,
    )
    return subprocess.run(
        [sys.executable, "-c", ENTRY_POINT, *arguments],
        env=environment,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_the_window_quits_by_itself_after_its_first_paint_when_asked(tmp_path: Path) -> None:
    result = _run(tmp_path, QT_QPA_PLATFORM="offscreen", **{QUIT_AFTER_FIRST_PAINT_ENV: "1"})
    assert result.returncode == 0, result.stderr
    assert FIRST_PAINT_LINE in result.stderr.splitlines()


def test_the_command_says_the_installed_version(tmp_path: Path) -> None:
    result = _run(tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"diffusion-desk {metadata.version('diffusion-desk')}"
