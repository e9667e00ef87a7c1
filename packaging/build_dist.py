"""Build the bundle that needs no Python, and its tarball (``make dist``).

    python packaging/build_dist.py [--dist DIR] [--work DIR]

Runs PyInstaller on packaging/diffusion-desk.spec: the one-folder bundle lands in
DIR/diffusion-desk/ (default: dist/ in the repository), PyInstaller's work files in a
temporary folder (or --work, kept for a faster rebuild), so the repository gets nothing but
DIR. Then DIR/diffusion-desk-<version>-<platform>.tar.gz holds, under one folder
diffusion-desk-<version>/, the bundle, the .desktop entry and the icon. Prints the tarball's
path last.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "diffusion-desk"
SPEC = ROOT / "packaging" / f"{NAME}.spec"
BESIDE_THE_BUNDLE = (f"{NAME}.desktop", f"{NAME}.png", f"{NAME}.svg")
_SYSTEMS = {"linux": "linux", "darwin": "macos", "win32": "windows"}


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as file:
        return str(tomllib.load(file)["project"]["version"])


def platform_tag() -> str:
    """linux-x86_64, macos-arm64, windows-amd64, ..."""
    return f"{_SYSTEMS.get(sys.platform, sys.platform)}-{platform.machine().lower()}"


def tarball_name() -> str:
    return f"{NAME}-{version()}-{platform_tag()}.tar.gz"


def run_pyinstaller(dist: Path, work: Path) -> Path:
    """The bundle folder, built afresh into ``dist`` (work files in ``work``)."""
    environment = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={dist}",
        f"--workpath={work}",
        str(SPEC),
    ]
    subprocess.run(command, cwd=work, env=environment, check=True)
    return dist / NAME


def make_tarball(bundle: Path, dist: Path) -> Path:
    """The bundle and what a desktop needs to list it, under one top folder."""
    top = f"{NAME}-{version()}"
    target = dist / tarball_name()
    partial = target.with_name(target.name + ".partial")
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"{top}/{NAME}")
        for name in BESIDE_THE_BUNDLE:
            tar.add(ROOT / "packaging" / name, arcname=f"{top}/{name}")
    partial.replace(target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, help="PyInstaller's work folder (kept)")
    args = parser.parse_args(argv)
    dist = args.dist.resolve()
    dist.mkdir(parents=True, exist_ok=True)
    if args.work is not None:
        args.work.mkdir(parents=True, exist_ok=True)
        bundle = run_pyinstaller(dist, args.work.resolve())
    else:
        work = Path(tempfile.mkdtemp(prefix="diffusion-desk-build-"))
        try:
            bundle = run_pyinstaller(dist, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    print(make_tarball(bundle, dist))
    return 0


if __name__ == "__main__":
    sys.exit(main())
