"""Closed float intervals with the arithmetic the checks need. Open ends are ±inf.

Openness (超过 v is (v, inf)) is dropped on purpose: treating bounds as closed can only make
a relation hold more easily, never raise a false alarm.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

INF = math.inf


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float

    @staticmethod
    def point(value: float) -> Interval:
        return Interval(value, value)

    @property
    def bounded(self) -> bool:
        return math.isfinite(self.low) and math.isfinite(self.high)

    @property
    def middle(self) -> float:
        if self.bounded:
            return (self.low + self.high) / 2
        return self.low if math.isfinite(self.low) else self.high

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.low - other.high, self.high - other.low)

    def __neg__(self) -> Interval:
        return Interval(-self.high, -self.low)

    def __mul__(self, other: Interval) -> Interval:
        products = [_times(a, b) for a in (self.low, self.high) for b in (other.low, other.high)]
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        if other.low <= 0 <= other.high:
            raise ZeroDivisionError("the divisor's interval contains zero")
        return self * Interval(1 / other.high, 1 / other.low)

    def power(self, exponent: Interval) -> Interval:
        """A positive base to a power; monotonic in each argument, so the corners bound it."""
        if self.low <= 0:
            raise ValueError("power of an interval that is not positive")
        corners = [
            _power(b, e) for b in (self.low, self.high) for e in (exponent.low, exponent.high)
        ]
        return Interval(min(corners), max(corners))

    def scaled(self, factor: float) -> Interval:
        return self * Interval.point(factor)

    def meets(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def distance(self, other: Interval) -> float:
        """How far apart two intervals are (0 when they meet)."""
        if self.meets(other):
            return 0.0
        return other.low - self.high if self.high < other.low else self.low - other.high


def _times(a: float, b: float) -> float:
    # 0 × inf is 0 here: a zero-width operand bounds the product.
    if a == 0 or b == 0:
        return 0.0
    return a * b


def _power(base: float, exponent: float) -> float:
    try:
        return math.pow(base, exponent)
    except OverflowError:
        return INF
