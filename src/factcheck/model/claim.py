"""Claims: what a sentence asserts about an entity, or how two values relate."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_serializer


class ClaimKind(StrEnum):
    value = "value"
    ratio = "ratio"
    percent_change = "percent_change"
    difference = "difference"
    share = "share"
    cagr = "cagr"
    direction = "direction"
    conversion = "conversion"

    @property
    def is_relation(self) -> bool:
        return self is not ClaimKind.value


class Direction(StrEnum):
    less = "less"
    slightly_less = "slightly_less"
    much_less = "much_less"
    greater = "greater"
    slightly_greater = "slightly_greater"
    much_greater = "much_greater"


class Scope(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    period: str | None = None
    """ISO year/month/day, a range `2022..2024`, or a fiscal label `FY2025-Q1`."""
    condition: str | None = None
    """A caveat the figure holds under: 首批, 部分测试场景, year over year, a label."""


class Operand(BaseModel):
    """One side of a relation: a claim of the same document, or an entity's attribute when
    the article does not state the value (then cross-source or reference data may)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    role: str
    """subject, base, source, target, start, end, part, whole"""
    claim: str | None = None
    entity: str | None = None
    attribute: str | None = None


class Binding(BaseModel):
    """Why a claim is about its entity and its attribute: the strategy that chose each, and
    the candidates it passed over (`nvidia-h100: object of a comparison`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    entity: str
    attribute: str
    rejected: list[str] = Field(default_factory=list)
    inferred: dict[str, str] = Field(default_factory=dict)
    """What was inferred from context rather than read in the claim's own sentence, by
    aspect (`entity`, `attribute`, `operands`): a finding resting on it is at most a warning."""


class Claim(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    document: str
    span: tuple[int, int]
    """Code-point offsets into the original decoded text of the document."""
    quote: str
    entity: str | None
    attribute: str | None
    scope: Scope = Scope()
    kind: ClaimKind
    value: Decimal | str | None
    """The stated number; a word for categorical values (HBM3) and directions (less)."""
    low: Decimal | None = None
    high: Decimal | None = None
    unit: str | None = None
    qualifier: str | None = None
    operands: list[Operand] = Field(default_factory=list)
    expression: str | None = Field(default=None, exclude_if=lambda value: value is None)
    """Arithmetic the article writes out for this figure (`x1 / x2 * 1`, from 120亿元/800亿元
    ×100%=15%), over the operand roles x1, x2 …; numbers that made no claim are constants."""
    confidence: float = 1.0
    binding: Binding | None = None
    """How the extractor bound it (absent for claims loaded from a dataset)."""
    # Working state for the checks; not part of the JSON contract.
    precision: Decimal = Field(default=Decimal(0), exclude=True)
    sentence: int = Field(default=-1, exclude=True)
    """Index of the sentence in the document (-1 when loaded from a dataset)."""
    damaged: bool = Field(default=False, exclude=True)
    """Read from a sentence with unrecoverable mojibake."""

    @field_serializer("value", "low", "high")
    def _decimal_as_number(self, value: Decimal | str | None) -> float | str | None:
        if isinstance(value, Decimal):
            return float(value)
        return value

    @property
    def is_numeric(self) -> bool:
        return isinstance(self.value, Decimal) or self.low is not None or self.high is not None

    @property
    def location(self) -> tuple[str, int, int]:
        return (self.document, self.span[0], self.span[1])
