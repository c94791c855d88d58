"""The base period of a year-over-year or quarter-over-quarter change."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.claims.period_shift import QUARTER_OVER_QUARTER, YEAR_OVER_YEAR, base_period


@pytest.mark.parametrize(
    ("period", "condition", "base"),
    [
        ("2025-07..2025-09", YEAR_OVER_YEAR, "2024-07..2024-09"),
        ("2025-07..2025-09", QUARTER_OVER_QUARTER, "2025-04..2025-06"),
        ("2025-01..2025-03", QUARTER_OVER_QUARTER, "2024-10..2024-12"),
        ("2025", YEAR_OVER_YEAR, "2024"),
        ("2025-09", YEAR_OVER_YEAR, "2024-09"),
        ("FY2026-Q1", QUARTER_OVER_QUARTER, "FY2025-Q4"),
        ("FY2026-Q3", YEAR_OVER_YEAR, "FY2025-Q3"),
        ("2025-01..2025-06", QUARTER_OVER_QUARTER, None),  # a half has no quarter before it
        ("XXXX-07..XXXX-09", YEAR_OVER_YEAR, None),  # no year, no base
        (None, YEAR_OVER_YEAR, None),
        ("2025", None, None),
    ],
)
def test_base_period(period: str | None, condition: str | None, base: str | None) -> None:
    assert base_period(period, condition) == base


@given(st.integers(min_value=1990, max_value=2100), st.integers(min_value=1, max_value=4))
def test_four_quarters_back_is_a_year_back(year: int, quarter: int) -> None:
    first = 3 * quarter - 2
    period = f"{year:04d}-{first:02d}..{year:04d}-{first + 2:02d}"
    back = period
    for _ in range(4):
        shifted = base_period(back, QUARTER_OVER_QUARTER)
        assert shifted is not None
        back = shifted
    assert back == base_period(period, YEAR_OVER_YEAR)
