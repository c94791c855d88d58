"""Which files a command reads: the paths given, folders walked in sorted order."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from factcheck.api import load_document
from factcheck.errors import FactcheckError, InputError
from factcheck.model.document import Document
from factcheck.normalize.reading import MAX_ARTICLE_BYTES, STDIN, STDIN_NAME, read_bounded

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")


def article_paths(paths: list[Path]) -> list[Path]:
    """Files to read; a folder contributes its articles, recursively, in sorted order."""
    found: list[Path] = []
    for path in paths:
        if str(path) == STDIN:
            found.append(path)
        elif path.is_dir():
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
    return _once_each(found)


def _once_each(paths: list[Path]) -> list[Path]:
    """`audit a.txt dir/` where dir/ holds a.txt audits it once, where it first appears."""
    seen: set[Path | str] = set()
    unique = []
    for path in paths:
        key: Path | str = STDIN if str(path) == STDIN else path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


@dataclass(frozen=True)
class Loaded:
    path: Path
    document: Document | None
    error: FactcheckError | None


def read_documents(paths: list[Path]) -> Iterator[Loaded]:
    """Documents in order; a file that cannot be read is reported, the rest go on."""
    for path in paths:
        try:
            data = read_bounded(path, MAX_ARTICLE_BYTES)
            yield Loaded(path, load_document(display_path(path), data), None)
        except FactcheckError as error:
            yield Loaded(path, None, error)
        except OSError as error:
            yield Loaded(path, None, InputError(f"cannot read: {error.strerror}", path=str(path)))


def display_path(path: Path) -> str:
    """The path as given when relative, else relative to the working folder when possible."""
    if str(path) == STDIN:
        return STDIN_NAME
    if not path.is_absolute():
        return path.as_posix()
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()
