"""Which sources each translation file covers, and how to bring the files up to date.

    python -m gui.i18n.areas [AREA ...]     (make ts)

runs pyside6-lupdate over each area's sources into ``gui/i18n/<area>.zh_CN.ts``: new strings
arrive unfinished, strings no longer in the sources are dropped; the translations already
made are kept.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from gui.i18n import CHINESE, I18N_DIR

ROOT = I18N_DIR.parent.parent
AREAS: dict[str, tuple[str, ...]] = {
    "desk": ("gui/*.py", "gui/kit/**/*.py", "gui/field_audit/**/*.py", "gui/i18n/*.py"),
    "pages": ("gui/pages/**/*.py",),
    "help": ("gui/help/**/*.py",),
}
"""Each area's sources, as globs from the repository's root (one helper, one file)."""


def sources(area: str, root: Path = ROOT) -> list[Path]:
    return sorted({path for pattern in AREAS[area] for path in root.glob(pattern)})


def ts_file(area: str, language: str = CHINESE, folder: Path = I18N_DIR) -> Path:
    return folder / f"{area}.{language}.ts"


def lupdate() -> str:
    """pyside6-lupdate beside this Python (the venv's)."""
    return str(Path(sys.executable).with_name("pyside6-lupdate"))


def update(area: str, target: Path | None = None, root: Path = ROOT) -> Path:
    """Extract the area's strings into ``target`` (its .ts by default), keeping what is
    translated there."""
    target = target or ts_file(area)
    files = [str(path) for path in sources(area, root)]
    subprocess.run(
        [lupdate(), "-silent", "-locations", "none", *files, "-ts", str(target), "-no-obsolete"],
        check=True,
        cwd=target.parent,
    )
    return target


def main(argv: list[str] | None = None) -> int:
    for area in argv or list(AREAS):
        print(update(area))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
