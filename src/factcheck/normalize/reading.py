"""Bounded reads: files, `-` (stdin), pipes and devices, refused past a size limit.

`st_size` says nothing about `/dev/zero` or a pipe, so the read itself is bounded: it reads
in chunks and stops one byte past the limit.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import BinaryIO

from factcheck.errors import InputError

MAX_ARTICLE_BYTES = 64 * 1024 * 1024
STDIN, STDIN_NAME = "-", "<stdin>"
_CHUNK_BYTES = 1 << 20


def read_bounded(path: Path, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    if str(path) == STDIN:
        return _read_stream(sys.stdin.buffer, limit, STDIN_NAME)
    try:
        with path.open("rb") as stream:
            return _read_stream(stream, limit, str(path))
    except IsADirectoryError:
        raise InputError("is a folder, not an article", path=str(path)) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", path=str(path)) from None


def _read_stream(stream: BinaryIO, limit: int, name: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(_CHUNK_BYTES, limit + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
    raise InputError(f"larger than {limit // 2**20} MB; not read further", path=name)
