"""The interval a written number stands for, from its precision and qualifier.

v = the stated value, h = half a unit of its last written digit, s = the pack's slack:
plain [v-h, v+h]; 约 [v-w, v+w] with w = max(h, sv); 近 [v-w, v+h]; 超过 (v, inf);
至少 [v, inf); 不到 (-inf, v); 以内/up to (-inf, v]; 500多 [v, v + one unit of its last digit).

"About" already includes rounding, so its width is the larger of the two, not their sum:
"about 1.5x" is 1.425-1.575, and "about 5 trillion" still excludes 5.68 trillion.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from factcheck.model.quantity import Qualifier
from factcheck.model.tolerances import Tolerances


class Interval(NamedTuple):
    low: Decimal | None
    high: Decimal | None
    low_open: bool = False
    high_open: bool = False


def point_interval(
    value: Decimal,
    precision: Decimal,
    qualifier: Qualifier,
    tolerances: Tolerances,
    *,
    next_unit: Decimal | None = None,
) -> Interval:
    v, h = value, precision
    match qualifier:
        case Qualifier.approx:
            width = max(h, tolerances.approx_slack * abs(v))
            return Interval(v - width, v + width)
        case Qualifier.nearly:
            return Interval(v - max(h, tolerances.nearly_slack * abs(v)), v + h)
        case Qualifier.more_than:
            return Interval(v, None, low_open=True)
        case Qualifier.at_least:
            return Interval(v, None)
        case Qualifier.less_than:
            return Interval(None, v, high_open=True)
        case Qualifier.at_most | Qualifier.up_to:
            return Interval(None, v)
        case Qualifier.plus:
            return Interval(v, v + (next_unit if next_unit is not None else 2 * h), high_open=True)
        case _:
            return Interval(v - h, v + h)


def range_interval(
    low: Decimal,
    high: Decimal,
    low_precision: Decimal,
    high_precision: Decimal,
    qualifier: Qualifier,
    tolerances: Tolerances,
) -> Interval:
    match qualifier:
        case Qualifier.approx:
            s = tolerances.approx_slack
            return Interval(
                low - max(low_precision, s * abs(low)), high + max(high_precision, s * abs(high))
            )
        case Qualifier.at_most | Qualifier.up_to | Qualifier.less_than:
            return Interval(None, high + high_precision)
        case Qualifier.at_least | Qualifier.more_than:
            return Interval(low - low_precision, None)
        case Qualifier.nearly:
            s = tolerances.nearly_slack
            return Interval(low - max(low_precision, s * abs(low)), high + high_precision)
        case _:
            return Interval(low - low_precision, high + high_precision)
