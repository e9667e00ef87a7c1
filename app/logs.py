"""Where Diffusion Desk writes its log: internal errors land here with their tracebacks."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import platformdirs

_APP = "diffusion-desk"


def log_file_path() -> Path:
    """``DIFFUSION_DESK_LOG`` if set, else ``desk.log`` in the platform's user log folder."""
    configured = os.environ.get("DIFFUSION_DESK_LOG")
    if configured:
        return Path(configured)
    return Path(platformdirs.user_log_dir(_APP, appauthor=False)) / "desk.log"


def configure_logging() -> None:
    """Send warnings and errors (with tracebacks) to the log file; idempotent."""
    root = logging.getLogger("diffusion_desk")
    if root.handlers:
        return
    path = log_file_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.FileHandler(path, encoding="utf-8", delay=True)
    except OSError:
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
