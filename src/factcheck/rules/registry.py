"""Rule packs (`rules/*.yaml`): validated into frozen models; errors name file and line."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from factcheck.datafile import read_yaml, validation_message
from factcheck.errors import DataError
from factcheck.model.finding import Severity
from factcheck.model.tolerances import Tolerances
from factcheck.rules.formula import Formula, FormulaError, compile_formula
from factcheck.rules.pack import PackHeader, default_pack_dir, load_pack_header

_RULE_ID = re.compile(r"^FC[0-3]\d\d$")
_HEADER_FILE = "pack.yaml"


class CheckKind(StrEnum):
    ratio = "ratio"
    percent_change = "percent_change"
    difference = "difference"
    share = "share"
    cagr = "cagr"
    direction = "direction"
    conversion = "conversion"
    same_value = "same_value"
    formula = "formula"
    damaged_text = "damaged_text"
    bounds = "bounds"
    cross_same_fact = "cross_same_fact"
    cross_relation = "cross_relation"
    reference_value = "reference_value"
    reference_relation = "reference_relation"
    source_drift = "source_drift"
    too_complex = "too_complex"
    relation_agreement = "relation_agreement"
    share_sum = "share_sum"
    unit_total = "unit_total"
    written_arithmetic = "written_arithmetic"
    listed_total = "listed_total"
    cross_derived = "cross_derived"
    cross_mislabel = "cross_mislabel"
    aggregate_total = "aggregate_total"


class RuleDocs(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    summary: str
    rationale: str
    bad: str
    good: str


class Selector(BaseModel):
    """Which claims may fill a variable of a formula rule."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: str | None = None
    attribute: str | list[str] | None = None
    """One attribute, or any of a list (a price change may be of the card price or the ASP)."""
    condition: str | None = None
    same_sentence: bool = False
    """Only a claim of the target's sentence: figures that explain each other only when the
    article states them together (volume, price and revenue growth)."""
    scale: float = 1.0
    """Multiply the bound value by this (0.5: FLOPS to MAC operations)."""


_MAX_SPEC_NUMBER = 100


def _check_format_spec(spec: str) -> None:
    """`{quote:>999999999}` would build a gigabyte string: widths and precisions are
    small, and a spec never holds another placeholder."""
    if "{" in spec:
        raise ValueError(f"a placeholder inside a format spec ({spec!r}) is not allowed")
    numbers = [int(n) for n in re.findall(r"\d+", spec)]
    if any(n > _MAX_SPEC_NUMBER for n in numbers):
        raise ValueError(f"format spec {spec!r}: widths and precisions are at most 100")


class Rule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    id: str
    name: str
    title: str
    severity: Severity
    """The severity of a contradiction; a stretch is at most a warning."""
    status: str = Field(pattern=r"^(stable|experimental)$")
    check: CheckKind
    formula: str | None = None
    target: str | None = None
    """For formula rules: the variable the article states; the others compute it."""
    bind: dict[str, Selector] = {}
    params: dict[str, float | str | list[str]] = {}
    message: str
    docs: RuleDocs
    compiled: Formula | None = Field(default=None, exclude=True)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _RULE_ID.match(value):
            raise ValueError("a rule id is FC followed by three digits (FC0xx-FC3xx)")
        return value

    @field_validator("message")
    @classmethod
    def _known_placeholders(cls, value: str) -> str:
        parsed = list(string.Formatter().parse(value))
        fields = {name for _, name, _, _ in parsed if name}
        for _, _, spec, _ in parsed:
            _check_format_spec(spec or "")
        unknown = fields - MESSAGE_FIELDS
        if unknown:
            raise ValueError(
                f"unknown placeholder {sorted(unknown)[0]!r}; "
                f"use {', '.join(sorted(MESSAGE_FIELDS))}"
            )
        return value

    def tolerance(self, name: str, tolerances: Tolerances) -> float:
        """A rule's own parameter when it sets one, else the pack's tolerance."""
        own = self.params.get(name)
        if isinstance(own, int | float):
            return float(own)
        return float(getattr(tolerances, name))

    def number(self, name: str) -> float:
        value = self.params.get(name)
        if not isinstance(value, int | float):
            raise KeyError(name)
        return float(value)


MESSAGE_FIELDS = frozenset({"entity", "attribute", "quote", "observed", "expected", "verdict"})


@dataclass(frozen=True)
class RulePack:
    header: PackHeader
    rules: tuple[Rule, ...]
    directory: Path

    @property
    def tolerances(self) -> Tolerances:
        return self.header.tolerances

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id.upper()), None)

    def selected(self, select: Iterable[str], ignore: Iterable[str]) -> tuple[Rule, ...]:
        """Rules whose id starts with one of `select` (all when empty) and none of `ignore`."""
        chosen = [p.upper() for p in select]
        dropped = [p.upper() for p in ignore]
        return tuple(
            r
            for r in self.rules
            if (not chosen or r.id.startswith(tuple(chosen)))
            and not r.id.startswith(tuple(dropped))
        )

    def matches_any(self, prefix: str) -> bool:
        return any(r.id.startswith(prefix.upper()) for r in self.rules)


@cache
def load_pack(directory: Path | None = None) -> RulePack:
    folder = directory or default_pack_dir()
    if not folder.is_dir():
        raise DataError("rule pack folder does not exist", path=str(folder))
    header = load_pack_header(folder)
    rules: list[Rule] = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name != _HEADER_FILE:
            rules.extend(_load_rule_file(path))
    seen: dict[str, str] = {}
    for rule in rules:
        if rule.id in seen:
            raise DataError(f"rule {rule.id} is defined twice (also in {seen[rule.id]})")
        seen[rule.id] = rule.name
    return RulePack(header=header, rules=tuple(sorted(rules, key=lambda r: r.id)), directory=folder)


def default_pack() -> RulePack:
    return load_pack(None)


def _load_rule_file(path: Path) -> list[Rule]:
    file = read_yaml(path)
    if not isinstance(file.data, dict) or not isinstance(file.data.get("rules"), list):
        raise DataError("a rule file holds a mapping with a `rules:` list", path=str(path), line=1)
    lines = file.entry_lines("rules")
    rules: list[Rule] = []
    for index, entry in enumerate(file.data["rules"]):
        line = lines[index] if index < len(lines) else None
        try:
            rule = Rule.model_validate(entry)
        except ValidationError as error:
            raise DataError(validation_message(error), path=str(path), line=line) from None
        rules.append(_compiled(rule, path, line))
    return rules


def _compiled(rule: Rule, path: Path, line: int | None) -> Rule:
    if rule.formula is None:
        if rule.check is CheckKind.formula:
            raise DataError(f"{rule.id}: a formula rule needs `formula`", path=str(path), line=line)
        return rule
    try:
        formula = compile_formula(rule.formula)
    except FormulaError as error:
        raise DataError(f"{rule.id}: {error}", path=str(path), line=line) from None
    if rule.check is CheckKind.formula:
        needed = set(formula.variables) - set(rule.params) - set(rule.bind)
        if rule.target is None or rule.target not in rule.bind:
            raise DataError(f"{rule.id}: `target` must be one of `bind`", path=str(path), line=line)
        if needed:
            raise DataError(
                f"{rule.id}: formula variable {sorted(needed)[0]!r} is neither bound nor a param",
                path=str(path),
                line=line,
            )
    return rule.model_copy(update={"compiled": formula})
