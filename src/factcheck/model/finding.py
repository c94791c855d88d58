"""Findings: what a rule decided about some claims, with the arithmetic behind it."""

from __future__ import annotations

import hashlib
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Severity(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Verdict(StrEnum):
    consistent = "consistent"
    stretched = "stretched"
    """Beyond the stated precision, within the pack's slack: a warning."""
    contradiction = "contradiction"
    unverifiable = "unverifiable"
    """An operand is missing, ambiguous or in an incompatible unit: never an error."""


class Location(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: str
    span: tuple[int, int]
    line: int
    column: int
    """1-based, in code points."""


class Range(BaseModel):
    """A number as an interval; open ends are null."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    low: float | None
    high: float | None
    unit: str | None = None


class Binding(BaseModel):
    """Which claim filled which variable of a rule."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    variable: str
    claim: str
    quote: str
    value: Range | str | None = None


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    rule: str
    name: str
    severity: Severity
    verdict: Verdict
    message: str
    explanation: str
    claims: list[str]
    locations: list[Location]
    observed: Range | str | None = None
    """What the operands give (computed)."""
    expected: Range | str | None = None
    """What the article states."""
    tolerance: float | None = None
    """The relative gap allowed before a stretch becomes a contradiction."""
    gap: float | None = None
    """Relative distance between observed and expected (0 when they meet)."""
    confidence: float = 1.0
    capped: str | None = None
    """Why the severity is below the rule's: a claim it rests on was bound by inference
    (an entity carried from an earlier sentence, operands chosen by position)."""
    bindings: list[Binding] = []
    fingerprint: str = ""

    @property
    def is_problem(self) -> bool:
        return self.verdict in (Verdict.stretched, Verdict.contradiction)


def fingerprint(rule: str, parts: list[str]) -> str:
    """Stable across runs and across edits elsewhere in the article: the rule and the quotes
    (with their documents), not offsets."""
    digest = hashlib.sha256("\x1f".join([rule, *parts]).encode("utf-8")).hexdigest()
    return digest[:16]
