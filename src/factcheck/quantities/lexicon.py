"""The quantity grammar's word lists (data/quantity_lexicon.yaml), indexed once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from factcheck.datafile import parse_yaml
from factcheck.model.quantity import Qualifier
from factcheck.quantities.unit_tables import composed_units
from factcheck.quantities.word_table import WordTable
from factcheck.resources import data_file

EMPHASIS = "emphasis"


@dataclass(frozen=True)
class UnitForm:
    surface: str
    unit: str
    classifier: bool
    duration: bool
    multiple: bool
    scale: Decimal = Decimal(1)
    """The number is this many of the unit (七成: 7 x 10 percent)."""


def plain_form(unit: str, *, multiple: bool = False) -> UnitForm:
    """A unit with no surface of its own (a number word's, a fraction's)."""
    return UnitForm(surface="", unit=unit, classifier=False, duration=False, multiple=multiple)


@dataclass(frozen=True)
class Lexicon:
    prefix_qualifiers: dict[str, str]
    suffix_qualifiers: dict[str, str]
    multipliers: dict[str, Decimal]
    units: dict[str, UnitForm]
    currency_prefixes: dict[str, str]
    currency_multipliers: dict[str, Decimal]
    """Magnitudes read only right before a currency (2兆元 is two trillion yuan)."""
    exact_words: dict[str, tuple[Decimal, str]]
    vague_numbers: dict[str, tuple[int, int | None]]
    vague_magnitudes: tuple[str, ...]
    plus_words: WordTable
    unit_table: WordTable
    chinese_multiplier_table: WordTable
    english_multiplier_table: WordTable
    prefix_table: WordTable
    suffix_table: WordTable
    currency_prefix_table: WordTable
    range_separator_table: WordTable
    non_numeral_pattern: re.Pattern[str]
    numeral_followers: frozenset[str]
    """First characters of whatever may follow a Chinese numeral: units, multipliers,
    plus words, range separators, 分之, qualifier suffixes."""

    def hyphenated_unit(self, text: str, pos: int) -> tuple[str, int] | None:
        """An English unit word after a hyphen (a 45-acre farm); never a symbol (GPT-4o)."""
        found = self.unit_table.match_at(text, pos)
        if found is None or not (len(found[0]) > 2 and found[0].isascii() and found[0].isalpha()):
            return None
        return found

    def unit_after_precision(self, text: str, pos: int) -> tuple[str, int] | None:
        """A compute unit after a precision word (4,614 FP8 TFLOPS): the word stays in the
        quantity's surface, where it names the attribute (FP8 compute)."""
        gap = _PRECISION_GAP.match(text, pos)
        found = self.unit_table.match_at(text, gap.end()) if gap else None
        if found is None or not self.units[found[0]].unit.endswith(("FLOPS", "OPS")):
            return None
        return found

    @staticmethod
    def qualifier(name: str) -> Qualifier | None:
        return None if name == EMPHASIS else Qualifier(name)


_PRECISION_GAP = re.compile(r"\s?(?:FP|BF|INT|TF|MXFP|NVFP)\d{1,2}\s")


def bounded_alternation(words: list[str]) -> str:
    """A regex alternation, longest first; Latin words may not run on into other words."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word)
        if word[-1].isascii() and word[-1].isalpha():
            escaped += r"(?![A-Za-z])"
        if word[0].isascii() and word[0].isalpha():
            escaped = r"(?<![A-Za-z])" + escaped
        parts.append(escaped)
    return "|".join(parts)


@cache
def lexicon_data() -> dict[str, Any]:
    """The lexicon file as read, for recognizers that keep their own word lists in it."""
    data = parse_yaml(data_file("quantity_lexicon.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict), "quantity_lexicon.yaml is a mapping"
    return data


@cache
def lexicon() -> Lexicon:
    raw = lexicon_data()
    prefix = {w: name for name, words in raw["qualifiers"]["prefix"].items() for w in words}
    suffix = {w: name for name, words in raw["qualifiers"]["suffix"].items() for w in words}
    for name in (*prefix.values(), *suffix.values()):
        if name != EMPHASIS:
            Qualifier(name)  # fail at load time on a misspelt qualifier name
    units = _unit_forms(raw)
    multipliers = {str(k): Decimal(str(v)) for k, v in raw["multipliers"].items()}
    separators = [str(s) for s in raw["range_separators"]]
    plus_words = [str(w) for w in raw["plus_words"]]
    currency = {str(k): str(v) for k, v in raw["currency_prefixes"].items()}
    return Lexicon(
        prefix_qualifiers=prefix,
        suffix_qualifiers=suffix,
        multipliers=multipliers,
        units=units,
        currency_prefixes=currency,
        currency_multipliers={
            str(k): Decimal(str(v)) for k, v in raw.get("currency_multipliers", {}).items()
        },
        exact_words={
            str(k): (Decimal(str(v[0])), str(v[1])) for k, v in raw["exact_words"].items()
        },
        vague_numbers={
            str(k): (int(v[0]), None if v[1] is None else int(v[1]))
            for k, v in raw["vague_numbers"].items()
        },
        vague_magnitudes=tuple(str(m) for m in raw["vague_magnitudes"]),
        plus_words=WordTable(plus_words),
        unit_table=WordTable(units),
        chinese_multiplier_table=WordTable(m for m in multipliers if not m.isascii()),
        english_multiplier_table=WordTable(m for m in multipliers if m.isascii()),
        prefix_table=WordTable(prefix),
        suffix_table=WordTable(suffix),
        currency_prefix_table=WordTable(currency),
        range_separator_table=WordTable(separators),
        non_numeral_pattern=re.compile(
            "|".join(re.escape(w) for w in sorted(raw["non_numeral_words"], key=len, reverse=True))
        ),
        numeral_followers=frozenset(
            w.strip()[0]
            for w in (*units, *multipliers, *plus_words, *separators, *suffix, "分", "点", "的")
            if w.strip()
        )
        | frozenset("十百千万亿零〇一二两三四五六七八九"),
    )


def _unit_forms(raw: dict[str, Any]) -> dict[str, UnitForm]:
    """Every surface form of a unit, and of a scaled unit (七成 = 7 x 10 percent)."""
    units: dict[str, UnitForm] = {}
    specs = dict(raw["units"])
    for unit, composed in composed_units(raw["unit_tables"]).items():
        extra = specs.get(unit, {"forms": []})
        specs[unit] = {**composed, **extra, "forms": [*composed["forms"], *extra["forms"]]}
    for unit, spec in specs.items():
        for surface in spec["forms"]:
            units[str(surface)] = UnitForm(
                surface=str(surface),
                unit=unit,
                classifier=bool(spec.get("classifier", False)),
                duration=bool(spec.get("duration", False)),
                multiple=bool(spec.get("multiple", False)),
            )
    for surface, (factor, unit) in raw.get("scaled_units", {}).items():
        units[str(surface)] = UnitForm(
            surface=str(surface),
            unit=str(unit),
            classifier=True,
            duration=False,
            multiple=False,
            scale=Decimal(str(factor)),
        )
    return units
