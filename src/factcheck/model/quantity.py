"""A number as written in an article: value, honest interval, unit and qualifier."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from factcheck.model.span import Span


class QuantityKind(StrEnum):
    quantity = "quantity"
    date = "date"
    duration = "duration"
    rank = "rank"
    """第二, No. 2, second-largest: a place in an order, never a count."""


class Qualifier(StrEnum):
    exact = "exact"
    approx = "approx"
    nearly = "nearly"
    more_than = "more_than"
    at_least = "at_least"
    less_than = "less_than"
    at_most = "at_most"
    up_to = "up_to"
    plus = "plus"
    """多/余 after a round figure: at least the figure, below the next unit."""

    @property
    def is_approximate(self) -> bool:
        return self in {Qualifier.approx, Qualifier.nearly, Qualifier.plus}


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date or period, as ISO strings (`2025`, `2025-12`, `2025-12-08`)."""

    low: str | None
    high: str | None
    relative: str | None = None
    """今年/明年/去年 when the year comes from the article's date."""
    fiscal: bool = False


@dataclass(frozen=True, slots=True)
class QuantityMention:
    """One number as the grammar read it. A slotted dataclass, not a pydantic model, because
    extraction makes one per number of a million-article corpus; pydantic validates it where
    it is a field of a model."""

    kind: QuantityKind
    span: Span
    """Offsets in the original text."""
    norm_span: Span
    """Offsets in the normalized text the grammar read."""
    surface: str
    value: Decimal | None
    """The stated value, after 万/亿 multipliers; None for a range."""
    low: Decimal | None
    high: Decimal | None
    """The interval the written number stands for; None means unbounded."""
    precision: Decimal
    """Half a unit of the last written digit, after multipliers (0 for exact words)."""
    unit: str | None
    """A unit string of factcheck's pint registry; `dimensionless` for bare numbers."""
    low_open: bool = False
    high_open: bool = False
    qualifier: Qualifier = Qualifier.exact
    is_range: bool = False
    range_low: Decimal | None = None
    range_high: Decimal | None = None
    """The two written ends of a range, before precision and qualifier."""
    exact_word: bool = False
    """两倍, 翻倍, 一半, 四分之一: a word that states the value exactly."""
    date: DateValue | None = None

    @property
    def approx(self) -> bool:
        return self.qualifier.is_approximate

    @property
    def midpoint(self) -> Decimal | None:
        if self.value is not None:
            return self.value
        if self.range_low is not None and self.range_high is not None:
            return (self.range_low + self.range_high) / 2
        return None
