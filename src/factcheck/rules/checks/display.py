"""Numbers and intervals as an editor reads them: three significant digits, thousands
grouped, and a figure written as a point shown as written (8.0 TB/s, not 7.95–8.05)."""

from __future__ import annotations

import math

from factcheck.model.finding import Range


def show_range(value: Range) -> str:
    unit = f" {value.unit}" if value.unit and value.unit not in ("dimensionless", "count") else ""
    if value.unit == "percent":
        unit = "%"
    if value.unit == "rank" and value.low is not None and value.low == value.high:
        return f"No. {number(value.low)}"
    if value.low is None and value.high is None:
        return "?"
    if value.low is None:
        return f"≤ {number(value.high or 0)}{unit}"
    if value.high is None:
        return f"≥ {number(value.low)}{unit}"
    if number(value.low) == number(value.high):
        return f"{number(value.low)}{unit}"
    written = written_point(value.low, value.high)
    if written is not None:
        return f"{written}{unit}"
    return f"{number(value.low)}–{number(value.high)}{unit}"


def written_point(low: float, high: float) -> str | None:
    """The number an interval is the digit precision of (7.95–8.05 is 8.0 as written,
    950–1,050 is 1,000), or None: a range or a qualifier is shown as the interval."""
    half, middle = (high - low) / 2, (high + low) / 2
    if half <= 0 or middle <= 0:
        return None
    exponent = math.log10(half / 0.5)
    if abs(exponent - round(exponent)) > 1e-9:
        return None
    unit = 10.0 ** round(exponent)
    if abs(middle / unit - round(middle / unit)) > 1e-6:
        return None
    decimals = max(0, -round(exponent))
    return number(middle) if decimals == 0 else f"{middle:.{decimals}f}"


def number(value: float) -> str:
    """A number for an editor: three significant digits, thousands grouped, no exponent."""
    if value == 0:
        return "0"
    magnitude = abs(value)
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if magnitude >= size:
            return f"{number(value / size)} {word}"
    if magnitude >= 1000:
        return f"{value:,.0f}"
    digits = max(0, 2 - math.floor(math.log10(magnitude)))
    text = f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
