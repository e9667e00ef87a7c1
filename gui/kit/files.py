"""Files the officer asks for, written whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from domain.errors import DomainError


def write_atomically(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path`` whole or not at all (a ``.part`` file renamed into place).

    Raises ``DomainError`` when the file cannot be written (a folder without permission, a
    full disk, a file another program holds open).
    """
    part = path.with_name(path.name + ".part")
    try:
        with part.open("wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(part, path)
    except OSError as error:
        part.unlink(missing_ok=True)
        raise DomainError(
            QCoreApplication.translate("DeskDialog", "cannot write {path}: {error}").format(
                path=path, error=error.strerror or error
            )
        ) from error
