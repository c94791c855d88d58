"""Period labels (claims/scope.py writes them: `2024`, `2024-07`, `2024-01..2024-06`,
`FY2025-Q1`, `FY2025`) as spans of months, so a check can tell a half year from a full one
without reading words back out of a label."""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-\d{2})?$")
_FISCAL = re.compile(r"^FY(\d{4})(?:-Q([1-4]))?$")


@dataclass(frozen=True)
class PeriodSpan:
    first: int
    """The first month, counted from year 0 (2024-01 is 2024 * 12)."""
    last: int
    fiscal: bool = False
    """A fiscal year or quarter: its months are the company's, not the calendar's."""

    @property
    def months(self) -> int:
        return self.last - self.first + 1


def period_span(label: str | None) -> PeriodSpan | None:
    """The months a label covers; None for labels that name no span (a day, an open range)."""
    if not label:
        return None
    if fiscal := _FISCAL.match(label):
        year = int(fiscal[1]) * 12
        if fiscal[2]:
            quarter = (int(fiscal[2]) - 1) * 3
            return PeriodSpan(year + quarter, year + quarter + 2, fiscal=True)
        return PeriodSpan(year, year + 11, fiscal=True)
    low, _, high = label.partition("..")
    start, end = _month_range(low), _month_range(high or low)
    if start is None or end is None or end[1] < start[0]:
        return None
    return PeriodSpan(start[0], end[1])


def _month_range(label: str) -> tuple[int, int] | None:
    match = _MONTH.match(label)
    if match is None or len(label) == 10:  # a single day is no span of months
        return None
    year = int(match[1]) * 12
    if match[2] is None:
        return year, year + 11
    month = year + int(match[2]) - 1
    return month, month


def mismatch(part: str | None, whole: str | None, *, same_period: bool) -> str | None:
    """Why two operands' periods cannot be combined, or None: of different lengths (a half
    year and a full one), or, with `same_period`, not the same period at all (a share of one
    year's total taken from another year)."""
    first, second = period_span(part), period_span(whole)
    if first is None or second is None:
        return None
    if first.months != second.months:
        return (
            f"the operands cover different lengths of time ({part}: {first.months} months; "
            f"{whole}: {second.months} months)"
        )
    if same_period and (first.first, first.fiscal) != (second.first, second.fiscal):
        return f"the part is for {part} and the whole for {whole}"
    return None
