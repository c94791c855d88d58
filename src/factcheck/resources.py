"""Where the bundled data lives: package data, rule packs and the knowledge base.

In a wheel the top-level `rules/` and `kb/` folders are copied to `factcheck/_bundled/`;
in a source checkout (editable install) they are read from the repository root.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from factcheck.errors import DataError

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_file(name: str) -> Path:
    """A file from `factcheck/data/` (tables that belong to the code)."""
    return _PACKAGE_DIR / "data" / name


@cache
def bundled_dir(name: str) -> Path:
    """The bundled `rules` or `kb` folder."""
    for candidate in (_PACKAGE_DIR / "_bundled" / name, _PACKAGE_DIR.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise DataError(f"bundled folder {name!r} not found; reinstall factcheck")
