"""Writing results: stdout, or regular files written all together or not at all.

A target is checked before any work is done: factcheck writes only regular files, so a
symbolic link, a folder, a device (`/dev/null`), a FIFO or a socket is refused rather than
replaced. Every file is first written whole to a temporary file beside it (fsynced), and the
temporaries are renamed only when all of them are written, then the folders are fsynced.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType

from factcheck.errors import ConfigError

STDOUT = "-"
_TEMP_SUFFIX = ".factcheck.tmp"


def output_target(path: Path | None) -> Path | None:
    """None for stdout (no path, or `-`); else the path, if a regular file may go there."""
    if path is None or str(path) == STDOUT:
        return None
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise ConfigError(f"cannot write here: {error.strerror}", path=str(path)) from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise ConfigError(
                "is a symbolic link; factcheck writes only regular files", path=str(path)
            )
        if stat.S_ISDIR(info.st_mode):
            raise ConfigError("is a folder; give a file name", path=str(path))
        if not stat.S_ISREG(info.st_mode):
            raise ConfigError(
                "is a device, FIFO or socket; factcheck writes only regular files",
                path=str(path),
            )
    folder = _folder(path)
    if not folder.is_dir():
        raise ConfigError("folder does not exist", path=str(folder))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ConfigError("cannot write in this folder: permission denied", path=str(folder))
    return path


def write_text(content: str, destination: Path | None) -> None:
    write_outputs([(destination, content)])


def write_outputs(outputs: Sequence[tuple[Path | None, str]]) -> None:
    """Files all written or none; then stdout. Raises before touching anything when a
    target is not a place for a regular file."""
    files = [(output_target(path), content) for path, content in outputs]
    chosen = [path.resolve() for path, _ in files if path is not None]
    if len(set(chosen)) != len(chosen):
        raise ConfigError("two outputs name the same file")
    with _cleanup_on_signal():
        _replace_all([(path, content) for path, content in files if path is not None])
    for path, content in files:
        if path is None:
            sys.stdout.write(content)
            sys.stdout.flush()


def _replace_all(files: Sequence[tuple[Path, str]]) -> None:
    temporaries: list[tuple[Path, Path]] = []
    try:
        for path, content in files:
            temporaries.append((_write_temporary(path, content), path))
        for temporary, path in temporaries:
            try:
                temporary.replace(path)
            except OSError as error:
                raise ConfigError(f"cannot write: {error.strerror}", path=str(path)) from None
    except BaseException:
        for temporary, _ in temporaries:
            temporary.unlink(missing_ok=True)
        raise
    for folder in {_folder(path) for _, path in temporaries}:
        _fsync_folder(folder)


def _write_temporary(destination: Path, content: str) -> Path:
    folder = _folder(destination)
    _remove_stale_temporaries(folder, destination.name)
    try:
        handle, name = tempfile.mkstemp(
            dir=folder, prefix=f".{destination.name}.{os.getpid()}.", suffix=_TEMP_SUFFIX
        )
    except OSError as error:
        raise ConfigError(f"cannot write: {error.strerror}", path=str(destination)) from None
    temporary = Path(name)
    try:
        # mkstemp creates 0600; a report is an ordinary file (0666 less the umask).
        umask = os.umask(0)
        os.umask(umask)
        temporary.chmod(0o666 & ~umask)
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ConfigError(f"cannot write: {error.strerror}", path=str(destination)) from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """A run killed outright (SIGKILL) leaves its temporary; the next run removes it."""
    for leftover in folder.glob(f".{_escape_glob(name)}.*{_TEMP_SUFFIX}"):
        owner = leftover.name[len(name) + 2 :].split(".", 1)[0]
        if owner.isdigit() and not _process_alive(int(owner)):
            leftover.unlink(missing_ok=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _escape_glob(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path()


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every file system can sync a folder
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextlib.contextmanager
def _cleanup_on_signal() -> Iterator[None]:
    """SIGTERM or SIGHUP while writing unwinds through the cleanup instead of leaving
    temporaries behind."""

    def stop(signum: int, _frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    caught = (signal.SIGTERM, signal.SIGHUP)
    try:
        previous = {s: signal.signal(s, stop) for s in caught}
    except ValueError:  # not the main thread: signals stay as they are
        yield
        return
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
