"""The window and its dialogs fit the screens officers have: a 1024x700 window, a 1366x768
laptop, a 1920x1080 screen scaled to 150 % (1280x720 to work with), a dark desktop, and the
laptop in Simplified Chinese (longer or wider labels must not clip).

Each run is the screenshot tool on the demonstration data (a new process, so the offscreen
screen is the size asked for): it opens every screen and the dialogs officers use most, and
reports anything larger than the screen, any button or field cut off by a window's edge, a
filter narrower than its choices, and an order list whose Outcome column is out of view.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SCREENS = {
    "1024x700": ["--screen", "1024x700"],
    "1920x1080 at 150 %": ["--screen", "1920x1080", "--scale", "1.5"],
    "1366x768, dark": ["--screen", "1366x768", "--dark"],
    "1366x768, Chinese": ["--screen", "1366x768", "--language", "zh_CN"],
}


@pytest.mark.slow
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_screen_and_dialog_fits(screen: str, tmp_path: Path) -> None:
    env = dict(os.environ)
    env.pop("QT_SCALE_FACTOR", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["DIFFUSION_DESK_CLOCK"] = "2026-11-28"
    env["DIFFUSION_DESK_LOG"] = str(tmp_path / "desk.log")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "app.screenshots",
            "--out",
            str(tmp_path / "shots"),
            "--check-fit",
            *SCREENS[screen],
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    assert lines, done.stderr
    assert lines[-1].startswith("FIT "), done.stderr[-3000:]
    assert json.loads(lines[-1][4:]) == []
    assert done.returncode == 0
    shots = sorted(path.name for path in (tmp_path / "shots").glob("*.png"))
    assert "01-orders.png" in shots
    assert {"10-screening.png", "12-red-flags.png", "13-pdf-preview.png", "14-import.png"} <= set(
        shots
    )
