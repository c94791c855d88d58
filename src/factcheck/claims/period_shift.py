"""The period a year-over-year or quarter-over-quarter change is measured from.

Labels are those of `scope.period_label`: `2025`, `2025-09`, `2025-07..2025-09`,
`FY2026`, `FY2026-Q1`. A year earlier shifts every year by one; a quarter earlier moves a
three-month span back three months (FY2026-Q1 to FY2025-Q4). Anything else has no base
period: None.
"""

from __future__ import annotations

import re

YEAR_OVER_YEAR = "year over year"
QUARTER_OVER_QUARTER = "quarter over quarter"

_MONTH = re.compile(r"(\d{4})-(\d{2})")
_SPAN = re.compile(r"(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})")
_FISCAL_QUARTER = re.compile(r"FY(\d{4})-Q([1-4])")


def base_period(period: str | None, condition: str | None) -> str | None:
    if not period or "XXXX" in period:
        return None
    if condition == YEAR_OVER_YEAR:
        return _year_earlier(period)
    if condition == QUARTER_OVER_QUARTER:
        return _quarter_earlier(period)
    return None


def _year_earlier(period: str) -> str | None:
    if not re.fullmatch(r"(?:FY)?\d{4}(?:-Q[1-4]|-\d{2}(?:\.\.\d{4}-\d{2})?)?", period):
        return None
    return re.sub(r"\d{4}", lambda m: f"{int(m.group()) - 1:04d}", period)


def _quarter_earlier(period: str) -> str | None:
    fiscal = _FISCAL_QUARTER.fullmatch(period)
    if fiscal:
        year, quarter = int(fiscal.group(1)), int(fiscal.group(2))
        return f"FY{year}-Q{quarter - 1}" if quarter > 1 else f"FY{year - 1}-Q4"
    span = _SPAN.fullmatch(period)
    if span is None:
        return None
    first = int(span.group(1)) * 12 + int(span.group(2)) - 1
    last = int(span.group(3)) * 12 + int(span.group(4)) - 1
    if last - first != 2:
        return None  # only a quarter has a quarter before it
    return f"{_month(first - 3)}..{_month(last - 3)}"


def _month(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"
