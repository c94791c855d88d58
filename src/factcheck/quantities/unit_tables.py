"""Units composed from tables (`unit_tables` in data/quantity_lexicon.yaml): every SI prefix
× base × rate, in every spelling an article uses — `TB/s`, `TBps`, `TB/秒`, `terabytes per
second`, `太字节/秒`, `teraflops`, `PetaFLOPS`, `千瓦时` — instead of lists written by hand.

Each composed form maps to the pint unit its parts name (`T` + `B` + `/s` is `TB/s`), so
the registry, not the table, defines what it means.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Prefix:
    symbols: tuple[str, ...]
    """`k` and `K` for kilo: the first is pint's."""
    spelled: str
    chinese: str


@dataclass(frozen=True)
class Base:
    unit: str
    """pint's name for the base (B, bit, FLOPS, W)."""
    symbols: tuple[str, ...]
    spelled: tuple[str, ...]
    chinese: tuple[str, ...]
    prefixes: tuple[str, ...]
    """The prefixes it takes; "" for the bare unit."""
    rate: bool
    """Also per second: TB/s, Tbps, terabytes per second."""
    rate_symbols: tuple[str, ...]
    """Per-second forms of their own (bps for bit/s)."""
    classifier: bool


def composed_units(tables: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """pint unit -> {"forms": [...], "classifier": bool}, for the `units` table's format."""
    prefixes = {
        str(name): Prefix(
            symbols=tuple(str(s) for s in spec.get("symbols", [name])),
            spelled=str(spec["spelled"]),
            chinese=str(spec.get("zh", "")),
        )
        for name, spec in tables["prefixes"].items()
    }
    prefixes[""] = Prefix(symbols=("",), spelled="", chinese="")
    rates = [str(r) for r in tables["rates"]]
    units: dict[str, dict[str, Any]] = {}
    for spec in tables["bases"].values():
        base = _base(spec)
        for name in base.prefixes:
            prefix = prefixes[name]
            amount = f"{prefix.symbols[0]}{base.unit}"
            _add(units, amount, _amount_forms(prefix, base), base.classifier)
            if base.rate:
                _add(units, f"{amount}/s", _rate_forms(prefix, base, rates), base.classifier)
    return units


def _base(spec: dict[str, Any]) -> Base:
    return Base(
        unit=str(spec["unit"]),
        symbols=tuple(str(s) for s in spec["symbols"]),
        spelled=tuple(str(s) for s in spec.get("spelled", [])),
        chinese=tuple(str(s) for s in spec.get("zh", [])),
        prefixes=tuple(str(p) for p in spec["prefixes"]),
        rate=bool(spec.get("rate", False)),
        rate_symbols=tuple(str(s) for s in spec.get("rate_symbols", [])),
        classifier=bool(spec.get("classifier", False)),
    )


def _add(
    units: dict[str, dict[str, Any]], unit: str, forms: Iterator[str], classifier: bool
) -> None:
    entry = units.setdefault(unit, {"forms": [], "classifier": classifier})
    for form in forms:
        if form.strip() and form not in entry["forms"]:
            entry["forms"].append(form)


def _spellings(prefix: Prefix, base: Base) -> Iterator[str]:
    """terabytes, Terabytes, TeraFLOPS, teraFLOPS: the spelled prefix in both cases before
    each spelling of the base."""
    for word in base.spelled:
        if not prefix.spelled:
            yield word
            continue
        for head in (prefix.spelled, prefix.spelled.capitalize()):
            yield head + word


def _amount_forms(prefix: Prefix, base: Base) -> Iterator[str]:
    for symbol in prefix.symbols:
        for unit in base.symbols:
            yield symbol + unit
    yield from _spellings(prefix, base)
    if prefix.chinese or not prefix.spelled:
        for word in base.chinese:
            yield prefix.chinese + word


def _rate_forms(prefix: Prefix, base: Base, rates: list[str]) -> Iterator[str]:
    for symbol in prefix.symbols:
        for unit in base.symbols:
            for rate in rates:
                yield symbol + unit + rate
        for unit in base.rate_symbols:
            yield symbol + unit
    for word in _spellings(prefix, base):
        yield f"{word} per second"
        yield f"{word}/s"
    if prefix.chinese or not prefix.spelled:
        for word in base.chinese:
            yield f"{prefix.chinese}{word}/秒"
            yield f"{prefix.chinese}{word}每秒"
