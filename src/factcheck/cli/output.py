"""Writing results: stdout, or a file written whole (temp file, then rename)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from factcheck.errors import ConfigError


def write_text(content: str, destination: Path | None) -> None:
    if destination is None or str(destination) == "-":
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    write_atomically(destination, content)


def write_atomically(destination: Path, content: str) -> None:
    """Nothing is half-written: a reader sees the old file or the whole new one."""
    directory = destination.parent if str(destination.parent) else Path()
    if not directory.is_dir():
        raise ConfigError("folder does not exist", path=str(directory))
    handle, temporary = tempfile.mkstemp(
        dir=directory, prefix=f".{destination.name}.", suffix=".tmp"
    )
    try:
        # mkstemp creates 0600; a report is an ordinary file (0666 less the umask).
        umask = os.umask(0)
        os.umask(umask)
        Path(temporary).chmod(0o666 & ~umask)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
        Path(temporary).replace(destination)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
