"""The one pint registry of factcheck.

Built from the installed pint's own default definitions with our overrides applied, plus
`data/units.txt` for what pint lacks. One registry for the whole process (pint registries
do not mix, and unpickling needs the application registry).
"""

from __future__ import annotations

import importlib.resources
from functools import cache
from typing import Any

import pint

from factcheck.resources import data_file

_OVERRIDES = {
    "bit = []": "bit = [information]",
    "count = []": "count = [count]",
}


def _default_definition_lines() -> list[str]:
    package = importlib.resources.files("pint")
    lines: list[str] = []
    for line in (package / "default_en.txt").read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("@import"):
            imported = stripped.split(None, 1)[1]
            lines.extend((package / imported).read_text(encoding="utf-8").splitlines())
            continue
        lines.append(_OVERRIDES.get(stripped, line))
    missing = [old for old, new in _OVERRIDES.items() if new not in lines]
    if missing:
        raise RuntimeError(f"pint's default definitions changed; cannot apply {missing}")
    return lines


@cache
def unit_registry() -> Any:
    registry: Any = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=True)
    registry.load_definitions(_default_definition_lines())
    registry.load_definitions(data_file("units.txt").read_text(encoding="utf-8").splitlines())
    pint.set_application_registry(registry)  # type: ignore[no-untyped-call]
    return registry


@cache
def parse_unit(name: str) -> Any:
    """A pint Unit for one of our unit strings (cached: parsing costs ~35 µs)."""
    return unit_registry().Unit(name)


@cache
def conversion_factor(source: str, target: str) -> float:
    """Multiply a magnitude in `source` by this to express it in `target`."""
    registry = unit_registry()
    return float(registry.Quantity(1, parse_unit(source)).m_as(parse_unit(target)))


@cache
def dimensionality(name: str) -> str:
    return str(parse_unit(name).dimensionality)


def compatible(a: str, b: str) -> bool:
    return dimensionality(a) == dimensionality(b)
