"""Dates and periods: `2023年11月`, `12月5日`, `2025-12-29 9:07:00`, `明年2月中旬`,
`2024年下半年`, `2026财年第三季度`, `March 2024`. Recognized so that later stages can use
them (release dates, periods of a figure) or skip them; they are never numeric claims.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.model.quantity import DateValue
from factcheck.quantities.date_bounds import month_bounds, month_run, year_part_bounds

_CN_SMALL = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_MONTHS_EN = (
    {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
    | {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
    | {"sept": 9}
)

_Y = r"(?P<y>(?:19|20)\d{2})"
_M = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_D = r"(?P<d>3[01]|[12]\d|0?[1-9])"
_MONTH_PART = r"(?P<mpart>上旬|中旬|下旬|初|底|末|中)"
_YEAR_PART = (
    r"(?P<ypart>上半年|下半年|半年度|半年报|中报|中期|一季报|三季报|年报|财报|年度|年初|年底|年末|年中|底|初|末|"
    r"第?(?P<q>[一二三四1-4])季(?:度|(?<=第[一二三四1-4]季))|首季度?|[Qq](?P<q2>[1-4])|前三季度?)"
)
_REL = r"(?P<rel>今年|明年|去年|前年|后年|当年度|当年|本年)"
_MONTH_EN = "|".join(sorted(_MONTHS_EN, key=len, reverse=True))
# "in 2023", "since 2019", "mid-2025": an English year after a preposition (fixed-width
# look-behinds, so the year alone is the date's span).
_EN_YEAR_LEAD = (
    "(?:"
    + "|".join(
        f"(?<={w})"
        for w in (
            "in ",
            "since ",
            "by ",
            "during ",
            "until ",
            "through ",
            "before ",
            "after ",
            "early ",
            "late ",
            "mid-",
            "end of ",
            "start of ",
            "from ",
            "to ",
        )
    )
    + ")"
)

_M2 = _M.replace("?P<m>", "?P<m2>")
_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.I)
    for p in (
        # 2025年7-9月, 1-9月: a run of months
        rf"{_Y}\s?年\s?{_M}\s?[-~—–至到]\s?{_M2}\s?月份?",
        rf"{_M}\s?[-~—–至到]\s?{_M2}\s?月份?",
        rf"{_Y}\s?年?\s?[-~—–至到]\s?(?P<y2>(?:19|20)\d{{2}})\s?年(?!\s?[代度])",
        rf"{_Y}[-/.](?P<m>1[0-2]|0?[1-9])[-/.]{_D}(?:[ T]\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?(?!\d)",
        rf"{_Y}\s?年\s?{_M}\s?月\s?{_D}\s?[日号]",
        rf"{_Y}\s?年\s?{_M}\s?月份?{_MONTH_PART}?",
        # Q3 FY2025, Q3 fiscal 2025: before FY2025 takes the year without its quarter
        rf"\b[Qq](?P<q2>[1-4])\s?(?P<fy>FY|fiscal\s+(?:year\s+)?)\s?{_Y}\b",
        rf"FY\s?{_Y}(?:\s?{_YEAR_PART})?",
        rf"{_Y}\s?财年(?:\s?{_YEAR_PART})?",
        rf"(?P<ycn>[〇零一二三四五六七八九]{{4}})\s?年(?:{_M}月{_MONTH_PART}?)?",
        rf"{_Y}\s?年\s?代",
        rf"{_Y}\s?年\s?{_YEAR_PART}?(?!代)",
        rf"{_REL}(?:度)?(?:\s?{_M}\s?月份?{_MONTH_PART}?|{_YEAR_PART})?",
        rf"{_M}\s?月\s?{_D}\s?[日号]",
        # 2017 Q2, 2025Q3, 1Q25 (TrendForce's): a year's quarter, before a bare Q2 takes it
        rf"(?<![0-9A-Za-z]){_Y}\s?[Qq](?P<q2>[1-4])(?![0-9A-Za-z])",
        r"\b(?P<q2>[1-4])Q(?P<yy>\d{2})(?![0-9A-Za-z])",
        # fiscal Q2 2026 (before Q2 2026 takes it without the fiscal year), Q2 2018
        rf"\b(?P<fy>fiscal)\s+[Qq](?P<q2>[1-4])\s?{_Y}\b",
        rf"\b[Qq](?P<q2>[1-4])\s?{_Y}\b",
        r"(?P<ypart>上半年|下半年|前三季度?|第?(?P<q>[一二三四1-4])季(?:度|(?<=第[一二三四1-4]季))|"
        r"一季报|三季报|半年报|中报|\b[Qq](?P<q2>[1-4])(?![0-9A-Za-z]))",
        rf"{_M}\s?月份?{_MONTH_PART}?(?![\d份])",
        rf"\b(?P<men>{_MONTH_EN})\.?\s+{_D}(?:st|nd|rd|th)?,?\s+{_Y}\b",
        rf"\b{_D}\s+(?P<men>{_MONTH_EN})\.?,?\s+{_Y}\b",
        rf"\b(?P<men>{_MONTH_EN})\.?\s+{_Y}\b",
        # the second quarter of fiscal 2025, fiscal 2025 second quarter: a fiscal quarter
        rf"\b(?:the\s+)?(?P<qen>first|second|third|fourth)[\s\-]quarter\s+(?:of\s+)?"
        rf"(?P<fy>fiscal)\s+(?:year\s+)?{_Y}\b",
        rf"\b(?P<fy>fiscal)\s+(?:year\s+)?{_Y}\s+(?P<qen>first|second|third|fourth)[\s\-]quarter\b",
        rf"\b(?:the\s+)?(?P<half>first|second)\s+half\s+(?:of\s+)?{_Y}\b",
        rf"\b(?:the\s+)?(?P<qen>first|second|third|fourth)[\s\-]quarter\s+(?:of\s+)?{_Y}\b",
        r"\b(?P<relen>this|last|next)\s+year\b",
        rf"\bfiscal\s+(?:year\s+)?{_Y}\b",
        rf"(?=(?:19|20)\d\d){_EN_YEAR_LEAD}{_Y}\b(?![.,]\d|\s?%)",
        r"\d{1,2}:\d{2}(?::\d{2})?(?![\d:])",
    )
)
# Substrings one of which every match of the pattern at the same index contains.
_MONTH_HINTS = ("<month name>",)  # evaluated once per text with _ANY_MONTH_NAME
_ANY_MONTH_NAME = re.compile(
    "|".join(calendar.month_abbr[1:]) + "|" + "|".join(m.lower() for m in calendar.month_abbr[1:])
)
_ENGLISH_RELATIVE = {"this": "今年", "last": "去年", "next": "明年"}
_RELATIVE_YEARS = ("今年", "明年", "去年", "前年", "后年", "当年", "本年")
_HINTS: tuple[tuple[str, ...], ...] = (
    ("月",),
    ("月",),
    ("年",),
    ("-", "/", "."),
    ("年",),
    ("年",),
    ("FY", "fy", "Fy", "fiscal", "Fiscal"),
    ("FY", "fy", "Fy"),
    ("财年",),
    ("年",),
    ("年",),
    ("年",),
    _RELATIVE_YEARS,
    ("月",),
    ("Q", "q"),
    ("Q",),
    ("fiscal", "Fiscal", "FISCAL"),
    ("Q", "q"),
    ("半年", "季", "中报", "Q", "q"),
    ("月",),
    _MONTH_HINTS,
    _MONTH_HINTS,
    _MONTH_HINTS,
    ("quarter",),
    ("quarter",),
    ("half",),
    ("quarter",),
    ("year",),
    ("fiscal", "Fiscal", "FISCAL"),
    (" 19", " 20", "-19", "-20"),
    (":",),
)
# A match may not follow these characters (checked after matching: a look-behind at the start
# of a pattern would stop the regex engine from skipping ahead to likely first characters).
_NOT_AFTER: tuple[str, ...] = (
    "",
    "0123456789年.",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "0123456789年一二三四五六七八九十个",
    "",
    "",
    "",
    "",
    "0123456789年财度一二三四五六七八九十",
    "0123456789年个一二三四五六七八九十",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "",
    "0123456789:",
)
# A literal that every match contains, how far after the match's start it may stand, and
# the characters a match can start with.
_YEAR_START = "12"
_CN_DIGIT = "〇零一二三四五六七八九"
_MONTH_START = "0123456789一二三四五六七八九十"
_ANCHORS: tuple[tuple[str, int, str] | None, ...] = (
    ("年", 6, _YEAR_START),
    None,
    ("年", 12, _YEAR_START),
    None,
    ("年", 6, _YEAR_START),
    ("年", 6, _YEAR_START),
    None,
    None,
    ("财年", 6, _YEAR_START),
    ("年", 6, _CN_DIGIT),
    ("年", 6, _YEAR_START),
    ("年", 6, _YEAR_START),
    None,
    ("月", 3, _MONTH_START),
    None,
    None,
    None,
    None,
    None,
    ("月", 3, _MONTH_START),
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    None,
    (":", 3, "0123456789"),
)
_PATTERNS_WITH_HINTS = tuple(zip(_PATTERNS, _HINTS, _NOT_AFTER, _ANCHORS, strict=True))
_DAY_OF_MONTH = re.compile(r"(?<![\d月.])(?P<d>3[01]|[12]\d|0?[1-9])[日号](?![内后前里间])")
_DURATION_CUES = tuple("仅 只 短短 连续 近 过去 前 这 后 第 每 数 几 了".split())


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: DateValue


def _number(text: str | None) -> int | None:
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + (_CN_SMALL.get(text[1:], 0) if len(text) > 1 else 0)
    return _CN_SMALL.get(text)


def _english_year_part(year: int, groups: dict[str, str | None]) -> DateValue:
    """the first half of 2025, the third quarter of 2024."""
    if groups.get("qen"):
        number = ("first", "second", "third", "fourth").index((groups["qen"] or "").lower()) + 1
        low, high = year_part_bounds(year, None, number)
    else:
        half = "上半年" if (groups["half"] or "").lower() == "first" else "下半年"
        low, high = year_part_bounds(year, half, None)
    return DateValue(low=low, high=high)


def _fiscal(m: re.Match[str], year: int | None, quarter: int | None) -> DateValue | None:
    """2024财年, FY2025 Q1, the second quarter of fiscal 2025, 2024年财报: a year (or a
    quarter) of the company's fiscal year, which need not be the calendar year."""
    groups = m.groupdict()
    fiscal = (
        bool(groups.get("fy"))
        or "财年" in m.group()
        or m.group().upper().startswith(("FY", "FISCAL"))
        or m.group().endswith(("财报", "年报"))
    )
    if not fiscal or not year:
        return None
    if groups.get("fy") and groups.get("qen"):
        quarter = ("first", "second", "third", "fourth").index(groups["qen"].lower()) + 1
    label = f"FY{year}" + (f"-Q{quarter}" if quarter else "-Q1" if "首季" in m.group() else "")
    return DateValue(low=label, high=label, fiscal=True)


def _value(m: re.Match[str]) -> DateValue | None:
    groups = m.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    if groups.get("yy"):
        year = 2000 + int(groups["yy"])  # 1Q25
    if groups.get("ycn"):
        year = int("".join(str(_CN_SMALL.get(c, 0)) for c in groups["ycn"]))
        if not 1900 <= year <= 2200:
            return None
    month = _number(groups.get("m"))
    if groups.get("men"):
        month = _MONTHS_EN[groups["men"].lower()]
    day = int(groups["d"]) if groups.get("d") else None
    relative = groups.get("rel") or _ENGLISH_RELATIVE.get((groups.get("relen") or "").lower())
    quarter = _number(groups.get("q")) or _number(groups.get("q2"))
    fiscal = _fiscal(m, year, quarter)
    if fiscal is not None:
        return fiscal
    last_month = _number(groups.get("m2"))
    if month and last_month:
        return month_run(year, month, last_month, relative)
    if month and day:
        y = f"{year:04d}" if year else "XXXX"
        iso = f"{y}-{month:02d}-{day:02d}"
        return DateValue(low=iso, high=iso, relative=relative or (None if year else "year"))
    if month:
        bounds = month_bounds(year, month, groups.get("mpart"))
        if bounds is None:
            return None
        return DateValue(
            low=bounds[0], high=bounds[1], relative=relative or (None if year else "year")
        )
    if year and m.group().rstrip().endswith("代"):
        return DateValue(low=f"{year:04d}-01", high=f"{year + 9:04d}-12")
    if year and groups.get("y2"):
        return DateValue(low=f"{year:04d}-01", high=f"{int(groups['y2']):04d}-12")
    if year and (groups.get("qen") or groups.get("half")):
        return _english_year_part(year, groups)
    if year:
        low, high = year_part_bounds(year, groups.get("ypart"), quarter)
        return DateValue(low=low, high=high)
    if relative and groups.get("ypart"):
        # 今年前三季度: the part of a year the article's date resolves
        low, high = year_part_bounds(2000, groups["ypart"], quarter)
        return DateValue(low=f"XXXX{low[4:]}", high=f"XXXX{high[4:]}", relative=relative)
    if relative:
        return DateValue(low=None, high=None, relative=relative)
    if groups.get("ypart") and m.group().startswith(m.group("ypart")):
        # 上半年, 第二季度 with no year: the year is the article's or the nearest stated one
        low, high = year_part_bounds(2000, groups["ypart"], quarter)
        return DateValue(low=f"XXXX{low[4:]}", high=f"XXXX{high[4:]}", relative="year")
    if quarter:
        return DateValue(low=None, high=None, relative=f"Q{quarter}")
    return DateValue(low=None, high=None, relative="time")


def _matches(
    pattern: re.Pattern[str], text: str, anchor: tuple[str, int, str] | None
) -> Iterator[re.Match[str]]:
    """Matches of a pattern. With an anchor (a literal every match contains a few characters
    after its start), look only around the anchor's occurrences: `str.find` is a hundred
    times faster than letting the regex engine try every position."""
    if anchor is None:
        yield from pattern.finditer(text)
        return
    literal, reach, first_chars = anchor
    position = text.find(literal)
    while position != -1:
        for start in range(max(0, position - reach), position):
            if text[start] not in first_chars:
                continue
            m = pattern.match(text, start)
            if m is not None and m.end() > position:
                yield m
                break
        position = text.find(literal, position + 1)


def find_dates(text: str) -> list[DateMention]:
    """Date and period mentions, left to right, not overlapping (earlier patterns win)."""
    found: list[DateMention] = []
    taken = bytearray(len(text))

    def take(start: int, end: int) -> bool:
        if start == end or any(taken[start:end]):
            return False
        taken[start:end] = b"\x01" * (end - start)
        return True

    has_month_name = _ANY_MONTH_NAME.search(text) is not None
    for pattern, hints, not_after, anchor in _PATTERNS_WITH_HINTS:
        if hints is _MONTH_HINTS:
            if not has_month_name:
                continue
        elif hints and not any(hint in text for hint in hints):
            continue  # a substring test spares a regex pass over the whole text
        for m in _matches(pattern, text, anchor):
            if not_after and m.start() and text[m.start() - 1] in not_after:
                continue
            value = _value(m)
            if value is not None and take(m.start(), m.end()):
                found.append(DateMention(m.start(), m.end(), value))
    for day_word in ("日", "号"):
        for m in _matches(_DAY_OF_MONTH, text, (day_word, 3, "0123456789")):
            before = text[max(0, m.start() - 2) : m.start()]
            if any(before.endswith(cue) for cue in _DURATION_CUES):
                continue  # 仅5日: five days, a duration, read by the quantity grammar
            if take(m.start(), m.end()):
                day = DateValue(low=None, high=None, relative=f"day:{int(m.group('d'))}")
                found.append(DateMention(m.start(), m.end(), day))
    found.sort(key=lambda d: d.start)
    return found
