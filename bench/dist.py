"""The bundle that needs no Python (issue 14): its size, and its start-up beside the venv's.

(1) size: the one-folder bundle (every file's bytes) and its tarball, in MB (10^6 bytes);
(2) start-up to the first painted window: the bundle's ``diffusion-desk`` and, as baseline,
    the venv's ``diffusion-desk`` console script, each started in offscreen Qt on the same
    database (the demonstration data) with only PATH, HOME and the probe of app.first_paint in
    its environment; timed from just before the process is started until it writes that its
    main window painted (then it closes itself). One untimed run of each first (the disk
    cache), then ``STARTUP_RUNS`` of each, alternated; the median of each.

The bundle is built into a temporary folder by packaging/build_dist.py (its build time is
reported too), unless ``--dist DIR`` names the output folder of an earlier build (``make
dist``'s dist/). ``python -m bench dist``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.first_paint import FIRST_PAINT_LINE, QUIT_AFTER_FIRST_PAINT_ENV
from bench.report import Row, Section, ms, ratio

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "packaging" / "build_dist.py"
NAME = "diffusion-desk"
STARTUP_RUNS = 5
START_TIMEOUT_S = 120.0


def _megabytes(size: int) -> str:
    return f"{size / 1e6:,.0f} MB"


def folder_size(folder: Path) -> int:
    """The bytes of every file under ``folder`` (links not followed)."""
    total = 0
    for parent, _, files in os.walk(folder):
        total += sum((Path(parent) / name).lstat().st_size for name in files)
    return total


def build(dist: Path) -> float:
    """Build the bundle into ``dist``; seconds taken."""
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, str(BUILD), "--dist", str(dist)],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - began


def venv_command() -> list[str]:
    """The venv's console script, or the same entry point through this interpreter."""
    script = Path(sys.executable).parent / NAME
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from app.cli import main; sys.exit(main())"]


def first_paint_seconds(command: list[str], environment: dict[str, str]) -> float:
    """Seconds from starting ``command`` to its window's first paint (it then quits)."""
    began = time.perf_counter()
    process = subprocess.Popen(
        command,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    painted: float | None = None
    said: list[str] = []
    for line in process.stderr:
        if painted is None and line.rstrip("\n") == FIRST_PAINT_LINE:
            painted = time.perf_counter() - began
        said.append(line)
    code = process.wait(timeout=START_TIMEOUT_S)
    if painted is None or code != 0:
        raise RuntimeError(f"{command[0]} did not paint its window (exit {code}): {''.join(said)}")
    return painted


def run_section(dist: Path | None = None) -> Section:
    with tempfile.TemporaryDirectory(prefix="bench-dist-") as scratch:
        workdir = Path(scratch)
        notes: list[str] = []
        rows: list[Row] = []
        if dist is None:
            dist = workdir / "dist"
            seconds = build(dist)
            rows.append(Row("build (PyInstaller, then the tarball)", f"{seconds:.0f} s"))
        else:
            notes.append(f"bundle built earlier, in {dist}")
        bundle = dist / NAME
        tarballs = sorted(dist.glob(f"{NAME}-*.tar.gz"))
        rows.append(Row("bundle folder", _megabytes(folder_size(bundle))))
        if tarballs:
            rows.append(
                Row(f"tarball ({tarballs[-1].name})", _megabytes(tarballs[-1].stat().st_size))
            )

        home = workdir / "home"
        home.mkdir()
        database = workdir / "desk.sqlite3"
        environment = {
            "PATH": "/usr/bin:/bin",
            "HOME": str(home),
            "QT_QPA_PLATFORM": "offscreen",
            QUIT_AFTER_FIRST_PAINT_ENV: "1",
            "DIFFUSION_DESK_DB": str(database),
        }
        from_venv = dict(environment, PYTHONPATH=str(ROOT))
        subprocess.run(
            [*venv_command(), "demo"], env=from_venv, check=True, stdout=subprocess.DEVNULL
        )
        frozen_command = [str(bundle / NAME)]
        first_paint_seconds(frozen_command, environment)
        first_paint_seconds(venv_command(), from_venv)
        frozen: list[float] = []
        venv: list[float] = []
        for _ in range(STARTUP_RUNS):
            frozen.append(first_paint_seconds(frozen_command, environment))
            venv.append(first_paint_seconds(venv_command(), from_venv))
        frozen_ms = statistics.median(frozen) * 1000
        venv_ms = statistics.median(venv) * 1000
        rows.append(
            Row(
                "start-up to the first painted window",
                ms(frozen_ms),
                baseline=f"venv {ms(venv_ms)}",
                ratio=ratio(frozen_ms, venv_ms),
            )
        )
        notes.append(
            f"start-up: median of {STARTUP_RUNS} runs each, alternated, offscreen, on the "
            "demonstration data; bundle runs: "
            + ", ".join(ms(value * 1000) for value in frozen)
            + "; venv runs: "
            + ", ".join(ms(value * 1000) for value in venv)
        )
        return Section("The bundle that needs no Python (make dist)", rows, notes)


def main() -> None:
    from bench.report import render

    dist = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    print(render(run_section(dist)))


if __name__ == "__main__":
    main()
