"""Shared test set-up."""

import os
import tempfile

# Before anything imports Qt: tests never need a display. An explicit setting (e.g. xcb under
# Xvfb, to watch a test) wins.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Tests never write into the officer's own folders: settings, data and the log go to a
# throwaway place for the whole run.
_SCRATCH = tempfile.mkdtemp(prefix="diffusion-desk-tests-")
for _variable, _folder in (
    ("XDG_CONFIG_HOME", "config"),
    ("XDG_DATA_HOME", "data"),
    ("XDG_STATE_HOME", "state"),
    ("XDG_CACHE_HOME", "cache"),
):
    os.environ[_variable] = os.path.join(_SCRATCH, _folder)
os.environ.setdefault("DIFFUSION_DESK_LOG", os.path.join(_SCRATCH, "desk.log"))
os.environ.setdefault("DIFFUSION_DESK_OFFICER", "test.officer")

# One clock: the commands the tests run see the same day as the desks built in-process
# (tests/clock.py). Never the machine's clock, so the suite passes on any date.
from tests.clock import TEST_NOW  # noqa: E402

os.environ["DIFFUSION_DESK_CLOCK"] = TEST_NOW.isoformat()
