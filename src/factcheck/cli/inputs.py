"""Which files a command reads: the paths given, folders walked in sorted order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from factcheck.api import load_document
from factcheck.errors import FactcheckError, InputError
from factcheck.model.document import Document

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_ARTICLE_BYTES = 64 * 1024 * 1024


def article_paths(paths: list[Path]) -> list[Path]:
    """Files to read; a folder contributes its articles, recursively, in sorted order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            articles = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES
                and not p.name.startswith(".")
            )
            if not articles:
                raise InputError("no articles (.txt, .md, .html) in this folder", path=str(path))
            found.extend(articles)
        elif path.exists():
            found.append(path)
        else:
            raise InputError("no such file or folder", path=str(path))
    return found


@dataclass(frozen=True)
class Loaded:
    path: Path
    document: Document | None
    error: FactcheckError | None


def read_documents(paths: list[Path]) -> Iterator[Loaded]:
    """Documents in order; a file that cannot be read is reported, the rest go on."""
    for path in paths:
        try:
            size = path.stat().st_size
            if size > MAX_ARTICLE_BYTES:
                raise InputError(
                    f"file is larger than {MAX_ARTICLE_BYTES // 2**20} MB", path=str(path)
                )
            data = path.read_bytes()
            yield Loaded(path, load_document(display_path(path), data), None)
        except FactcheckError as error:
            yield Loaded(path, None, error)
        except OSError as error:
            yield Loaded(path, None, InputError(f"cannot read: {error.strerror}", path=str(path)))


def display_path(path: Path) -> str:
    """The path as given when relative, else relative to the working folder when possible."""
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()
