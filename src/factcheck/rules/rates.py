"""Dated USD/CNY rates for currency conversions (`rules/rates/usd_cny_monthly.csv`)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from factcheck.errors import DataError
from factcheck.rules.interval import Interval

_MONTH = re.compile(r"^(\d{4})-(\d{2})")
_YEAR = re.compile(r"^(?:FY)?(\d{4})")


@dataclass(frozen=True)
class RateTable:
    cny_per_usd: dict[str, float]
    """By month, YYYY-MM."""

    def for_period(self, period: str | None) -> tuple[Interval, str] | None:
        """The rate for a month (its average) or a year (the range of its months), with the
        label of what was used; None when the period names neither or is outside the table."""
        if not period:
            return None
        if (month := _MONTH.match(period)) and f"{month[1]}-{month[2]}" in self.cny_per_usd:
            key = f"{month[1]}-{month[2]}"
            return Interval.point(self.cny_per_usd[key]), key
        if year := _YEAR.match(period):
            rates = [r for m, r in self.cny_per_usd.items() if m.startswith(year[1])]
            if rates:
                return Interval(min(rates), max(rates)), year[1]
        return None

    def overall(self) -> tuple[Interval, str]:
        """The range of every month in the table, for an amount with no date at all."""
        months = sorted(self.cny_per_usd)
        rates = self.cny_per_usd.values()
        return Interval(min(rates), max(rates)), f"any month {months[0][:4]}–{months[-1][:4]}"


@cache
def load_rates(path: Path) -> RateTable:
    try:
        with path.open(encoding="utf-8", newline="") as stream:
            rows = list(csv.DictReader(stream))
        table = {row["month"]: float(row["cny_per_usd"]) for row in rows}
    except (OSError, KeyError, ValueError) as error:
        raise DataError(f"cannot read exchange rates: {error}", path=str(path)) from None
    return RateTable(cny_per_usd=table)
