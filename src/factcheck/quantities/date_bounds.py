"""The months a year part or a run of months covers: 上半年 is January to June, 前三季度
January to September, 2025年7-9月 July to September; 11月上旬 the 1st to the 10th."""

from __future__ import annotations

import calendar

from factcheck.model.quantity import DateValue


def year_part_bounds(year: int, part: str | None, quarter: int | None) -> tuple[str, str]:
    months = {
        "上半年": (1, 6),
        "下半年": (7, 12),
        "年初": (1, 2),
        "初": (1, 2),
        "年底": (11, 12),
        "年末": (11, 12),
        "底": (11, 12),
        "末": (11, 12),
        "年中": (6, 7),
        "前三季度": (1, 9),
        "前三季": (1, 9),
        # reports: 2025年半年度财报 / 中报 is the first half, 三季报 the third quarter
        "半年度": (1, 6),
        "半年报": (1, 6),
        "中报": (1, 6),
        "中期": (1, 6),
        "一季报": (1, 3),
        "三季报": (7, 9),
    }
    if quarter:
        first, last = 3 * quarter - 2, 3 * quarter
    elif part and part.startswith("首季"):
        first, last = 1, 3
    else:
        first, last = months.get(part or "", (1, 12))
    return f"{year:04d}-{first:02d}", f"{year:04d}-{last:02d}"


def month_run(year: int | None, first: int, last: int, relative: str | None) -> DateValue | None:
    """2025年7-9月, 1-9月: the months from the first to the last."""
    if not 1 <= first < last <= 12:
        return None
    y = f"{year:04d}" if year else "XXXX"
    return DateValue(
        low=f"{y}-{first:02d}",
        high=f"{y}-{last:02d}",
        relative=relative or (None if year else "year"),
    )


def month_bounds(year: int | None, month: int, part: str | None) -> tuple[str, str] | None:
    if not 1 <= month <= 12:
        return None
    y = f"{year:04d}" if year else "XXXX"
    last = calendar.monthrange(year or 2001, month)[1]
    first_day, last_day = {
        "上旬": (1, 10),
        "初": (1, 10),
        "中旬": (11, 20),
        "中": (11, 20),
        "下旬": (21, last),
        "底": (21, last),
        "末": (21, last),
    }.get(part or "", (1, last))
    return f"{y}-{month:02d}-{first_day:02d}", f"{y}-{month:02d}-{last_day:02d}"
