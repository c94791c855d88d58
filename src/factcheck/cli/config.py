"""`[tool.factcheck]` in the nearest pyproject.toml: defaults that command-line flags override.

[tool.factcheck]
dataset = "claims"          # what `factcheck check` reads
fail-on = "error"           # error | warning | never
select = ["FC1", "FC2"]     # rule id prefixes
ignore = ["FC107"]
baseline = ".factcheck-baseline.json"
rules = "rules"             # a rule pack folder instead of the built-in one
[tool.factcheck.tolerances]
stretch = 0.15              # any key of rules/pack.yaml's tolerances
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from factcheck.errors import ConfigError

_KEYS = {"dataset", "fail-on", "select", "ignore", "baseline", "rules", "reference", "tolerances"}


@dataclass(frozen=True)
class Config:
    root: Path | None = None
    """The folder of the pyproject.toml the settings came from."""
    dataset: str | None = None
    fail_on: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    baseline: str | None = None
    rules: str | None = None
    reference: str | None = None
    tolerances: dict[str, Decimal] = field(default_factory=dict)

    def path(self, value: str | None) -> Path | None:
        if value is None:
            return None
        return (self.root / value) if self.root else Path(value)


def load_config(start: Path | None = None) -> Config:
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            return _parse(pyproject)
    return Config()


def _parse(pyproject: Path) -> Config:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"cannot read [tool.factcheck]: {error}", path=str(pyproject)) from None
    section: dict[str, Any] = data.get("tool", {}).get("factcheck", {})
    unknown = set(section) - _KEYS
    if unknown:
        raise ConfigError(
            f"[tool.factcheck]: unknown key {sorted(unknown)[0]!r}; "
            f"known: {', '.join(sorted(_KEYS))}",
            path=str(pyproject),
        )
    try:
        return Config(
            root=pyproject.parent,
            dataset=_text(section.get("dataset")),
            fail_on=_text(section.get("fail-on")),
            select=[str(s) for s in section.get("select", [])],
            ignore=[str(s) for s in section.get("ignore", [])],
            baseline=_text(section.get("baseline")),
            rules=_text(section.get("rules")),
            reference=_text(section.get("reference")),
            tolerances={str(k): Decimal(str(v)) for k, v in section.get("tolerances", {}).items()},
        )
    except (TypeError, ValueError, ArithmeticError) as error:
        raise ConfigError(f"[tool.factcheck]: {error}", path=str(pyproject)) from None


def _text(value: object) -> str | None:
    return None if value is None else str(value)
