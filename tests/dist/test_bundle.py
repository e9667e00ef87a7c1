"""The bundle that needs no Python: built once per session, run from a clean environment.

Building takes a minute or more (PyInstaller over PySide6). It runs where PyInstaller is
installed (``make venv`` installs it with the development tools) and is skipped, saying why,
where it is not. To iterate on these tests without building each time, point
``DIFFUSION_DESK_TEST_DIST`` at the output folder of an earlier ``python
packaging/build_dist.py --dist DIR``.

Each command runs under ``env -i`` with only PATH (no venv on it) and HOME set, plus, for the
window, the offscreen platform and the start-up probe of app.first_paint.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.first_paint import FIRST_PAINT_LINE, QUIT_AFTER_FIRST_PAINT_ENV

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "packaging" / "build_dist.py"
REUSE_ENV = "DIFFUSION_DESK_TEST_DIST"

sys.path.insert(0, str(ROOT / "packaging"))
from build_dist import NAME, tarball_name, version  # noqa: E402

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Built:
    dist: Path
    repository_before: frozenset[str]
    repository_after: frozenset[str]

    @property
    def program(self) -> Path:
        return self.dist / NAME / NAME

    @property
    def tarball(self) -> Path:
        return self.dist / tarball_name()


def _untracked_files() -> frozenset[str]:
    """What git does not track in the repository (ignored files and folders too), caches left
    out; edits to tracked files are not the build's doing and are not listed."""
    if not (ROOT / ".git").exists():
        return frozenset()
    listed = subprocess.run(
        ["git", "status", "--porcelain", "--ignored"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return frozenset(
        line[3:] for line in listed if line[:2] in ("??", "!!") and "__pycache__" not in line
    )


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    reused = os.environ.get(REUSE_ENV, "").strip()
    if reused:
        before = after = _untracked_files()
        yield Built(Path(reused), before, after)
        return
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed: run 'make venv' (a development dependency)")
    dist = tmp_path_factory.mktemp("dist")
    before = _untracked_files()
    subprocess.run(
        [sys.executable, str(BUILD), "--dist", str(dist)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=1800,
    )
    yield Built(dist, before, _untracked_files())


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


def run(
    built: Built, home: Path, *arguments: str, extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The bundle's program with only PATH and HOME in its environment (plus ``extra``)."""
    environment = ["PATH=/usr/bin:/bin", f"HOME={home}"]
    environment += [f"{key}={value}" for key, value in (extra or {}).items()]
    return subprocess.run(
        ["env", "-i", *environment, str(built.program), *arguments],
        cwd=home,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


def test_the_build_writes_nothing_into_the_repository(built: Built) -> None:
    assert built.repository_after - built.repository_before == frozenset()


def test_the_tarball_holds_the_bundle_its_desktop_entry_and_icon(built: Built) -> None:
    assert built.tarball.name == f"{NAME}-{version()}-linux-x86_64.tar.gz"
    top = f"{NAME}-{version()}"
    with tarfile.open(built.tarball) as tar:
        members = {member.name: member for member in tar.getmembers()}
        desktop = tar.extractfile(members[f"{top}/{NAME}.desktop"])
        assert desktop is not None
        entry = desktop.read().decode("utf-8")
    program = members[f"{top}/{NAME}/{NAME}"]
    assert program.isfile()
    assert program.mode & 0o111
    assert f"{top}/{NAME}.png" in members
    assert f"{top}/{NAME}.svg" in members
    assert "Exec=diffusion-desk" in entry
    assert "Icon=diffusion-desk" in entry


def test_the_bundle_carries_rulesets_migrations_fonts_and_qt_plugins(built: Built) -> None:
    data = built.dist / NAME / "_internal"
    assert list((data / "domain" / "rulesets").glob("*.toml"))
    assert list((data / "storage" / "migrations" / "versions").glob("0001_*.py"))
    assert (data / "fonts" / "wqy-microhei.ttc").is_file()
    plugins = data / "PySide6" / "Qt" / "plugins"
    for plugin in ("platforms/libqxcb.so", "platforms/libqoffscreen.so"):
        assert (plugins / plugin).is_file(), plugin
    assert list((plugins / "printsupport").glob("*.so"))
    assert list((data / "PySide6" / "Qt" / "lib").glob("libQt6Pdf.so*"))
    translations = sorted((ROOT / "gui" / "i18n").glob("*.qm"))
    for compiled in translations:
        assert (data / "gui" / "i18n" / compiled.name).is_file(), compiled.name


def test_the_bundle_says_its_version(built: Built, home: Path) -> None:
    result = run(built, home, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"diffusion-desk {version()}"


def test_the_bundle_classifies_a_chip(built: Built, home: Path) -> None:
    result = run(built, home, "classify", "--tpp", "15832", "--die-area", "814", "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["tpp"] == 15832.0
    assert answer["eccn"] == "3A090.a"
    assert answer["performance_density"] == 19.45
    assert answer["ruleset"]


def test_the_bundle_fills_a_new_database_checks_it_and_prints_a_statement(
    built: Built, home: Path
) -> None:
    database = home / "desk.sqlite3"
    assert not database.exists()
    demo = run(built, home, "--db", str(database), "demo")
    assert demo.returncode == 0, demo.stderr
    assert "demonstration data written" in demo.stdout

    pending = run(built, home, "--db", str(database), "--json", "check", "--pending")
    assert pending.returncode == 0, pending.stderr
    decisions = [json.loads(line) for line in pending.stdout.splitlines() if line.strip()]
    assert len(decisions) > 100

    letterhead = run(
        built,
        home,
        "--db",
        str(database),
        "settings",
        "--letterhead-name",
        "Diffusion Exports, Inc.",
        "--letterhead-address",
        "1200 Innovation Way, San Jose, CA 95134",
    )
    assert letterhead.returncode == 0, letterhead.stderr
    pdf = home / "statement.pdf"
    statement = run(
        built,
        home,
        "--db",
        str(database),
        "statement",
        "aia",
        "GB-THAMESIDE",
        "--out",
        str(pdf),
        "--signer",
        "Oliver Pryce, Managing Director",
    )
    assert statement.returncode == 0, statement.stderr
    reader = PdfReader(pdf)
    assert "Thameside Compute" in reader.pages[0].extract_text()
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
        if "/BaseFont" in font
    }
    assert any("WenQuanYi" in font for font in fonts), fonts

    verify = run(built, home, "--db", str(database), "--json", "verify", str(pdf))
    assert verify.returncode == 0, verify.stderr
    assert json.loads(verify.stdout)["genuine"] is True


def test_the_bundle_opens_its_window_offscreen_and_closes_it(built: Built, home: Path) -> None:
    result = run(
        built,
        home,
        "--db",
        str(home / "window.sqlite3"),
        extra={"QT_QPA_PLATFORM": "offscreen", QUIT_AFTER_FIRST_PAINT_ENV: "1"},
    )
    assert result.returncode == 0, result.stderr
    assert FIRST_PAINT_LINE in result.stderr.splitlines()
