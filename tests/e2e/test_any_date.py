"""The suite passes on any date: part of it runs again with the machine's clock years ahead.

``faketime`` (installed by the test set-up) moves the machine's clock for a child pytest and
every command it starts. Whatever still read the machine's time instead of the desk's clock
(tests/unit/test_one_clock.py forbids it in the code) would make these tests fail there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Tests whose figures depend on "today": the audit log's date filter, the commands' default
# dates (as real processes), statements dated and numbered by the year they are issued in.
DATE_SENSITIVE = (
    "tests/gui/test_audit_page.py",
    "tests/e2e/test_cli.py",
    "tests/integration/test_documents.py",
    "tests/unit/test_one_clock.py",
)


@pytest.mark.slow
@pytest.mark.parametrize("machine_time", ["2041-02-28 23:59:30", "2025-01-14 00:00:30"])
def test_date_sensitive_tests_pass_with_the_machines_clock_moved(
    machine_time: str, tmp_path: Path
) -> None:
    faketime = shutil.which("faketime")
    if faketime is None:
        pytest.fail("faketime is not installed: run scripts/ensure-system-libs.sh test")
    env = dict(os.environ)
    env.pop("PYTEST_ADDOPTS", None)
    done = subprocess.run(
        [
            faketime,
            machine_time,
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--basetemp",
            str(tmp_path / "run"),
            *DATE_SENSITIVE,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    summary = done.stdout.strip().splitlines()[-1:] or [done.stderr[-2000:]]
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert " passed" in summary[0]
    assert "failed" not in summary[0]
