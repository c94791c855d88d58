"""Article metadata: YAML front matter, a leading `key: value` header block, or a page
timestamp near the top. Header lines are metadata, not article text."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from factcheck.model.document import DocumentMeta
from factcheck.model.span import Span

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*(?:\n|\Z)", re.S)
_HEADER_KEYS = "source|title|date|url|author|lang|来源|標題|标题|日期|時間|时间|作者"
_HEADER_LINE = re.compile(rf"^[ \t]*({_HEADER_KEYS})[ \t]*[:：][ \t]*(.*?)[ \t]*$", re.I)
_KEY_ALIASES = {
    "来源": "source",
    "作者": "author",
    "標題": "title",
    "标题": "title",
    "日期": "date",
    "時間": "date",
    "时间": "date",
}
_ISO_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_TIMESTAMP_LINE = re.compile(
    r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:日)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
# A dateline: the outlet and the date on a short line of their own (证券时报 2025年8月29日).
_DATELINE = re.compile(
    r"^\s*[^\s。,，;；:：]{1,20}\s+(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
_INLINE_TIME_FIELD = re.compile(
    r"(?:时间|時間|日期|发布于|發佈於)\s*[:：]\s*(\d{4})-(\d{1,2})-(\d{1,2})"
)
_TIMESTAMP_SEARCH_LINES = 15


@dataclass(frozen=True)
class HeaderResult:
    meta: DocumentMeta
    header: Span | None
    """Span of front matter / header block in the scanned text (excluded from the article)."""


def iso_date(year: str, month: str, day: str) -> str | None:
    y, m, d = int(year), int(month), int(day)
    if 1 <= m <= 12 and 1 <= d <= 31 and 1900 <= y <= 2200:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def _date_of(value: object) -> str | None:
    text = str(value)
    m = _ISO_DATE.search(text)
    if m:
        return iso_date(*m.groups())
    return None


def read_header(text: str) -> HeaderResult:
    """Metadata from the top of an article (front matter or `key: value` lines)."""
    m = _FRONT_MATTER.match(text)
    if m:
        try:
            raw = yaml.safe_load(m.group(1))
        except yaml.YAMLError:
            raw = None
        if isinstance(raw, dict):
            front = {str(k).lower(): v for k, v in raw.items()}
            return HeaderResult(
                DocumentMeta(
                    title=_optional_str(front.get("title")),
                    date=_date_of(front["date"]) if "date" in front else None,
                    source=_optional_str(front.get("source") or front.get("url")),
                ),
                Span(start=0, end=m.end()),
            )
    fields: dict[str, str] = {}
    end = 0
    for line_match in re.finditer(r"[^\n]*(?:\n|$)", text):
        line = line_match.group()
        if not line:
            break
        hm = _HEADER_LINE.match(line.rstrip("\n"))
        if not hm:
            break
        key = _KEY_ALIASES.get(hm.group(1), hm.group(1).lower())
        fields.setdefault(key, hm.group(2))
        end = line_match.end()
    # A lone "来源:" line inside a page header is not a header block; require two fields.
    if len(fields) >= 2 or ({"title", "date"} & fields.keys() and end):
        return HeaderResult(
            DocumentMeta(
                title=fields.get("title") or None,
                date=_date_of(fields["date"]) if "date" in fields else None,
                source=fields.get("source") or fields.get("url") or None,
            ),
            Span(start=0, end=end),
        )
    return HeaderResult(DocumentMeta(), None)


def page_timestamp(text: str, lines: list[Span]) -> str | None:
    """A publication date printed near the top of a page (`2025-12-29 9:07:00`)."""
    for line in lines[:_TIMESTAMP_SEARCH_LINES]:
        content = text[line.start : line.end]
        m = (
            _TIMESTAMP_LINE.match(content)
            or _DATELINE.match(content)
            or _INLINE_TIME_FIELD.search(content)
        )
        if m:
            found = iso_date(*m.groups()[:3])
            if found:
                return found
    return None


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


# A year in a sentence about plans or forecasts says nothing about when the article was written.
_YEAR_MENTION = re.compile(r"(?<!\d)(20\d\d)(?=年)|(?<=\bin )(20\d\d)(?!\d)")
_FUTURE_CUE = re.compile(
    r"(?:预计|预期|将|计划|考虑|有望|目标|到|至|从|expected|expects|will|plans?|by|from|until)"
    r"\s*(?:在|于|in)?\s*$",
    re.I,
)
_FUTURE_WINDOW = 8


def latest_stated_year(text: str) -> str | None:
    """The latest year the article mentions outside a forecast (预计在2027年 does not count):
    a lower bound on its date, used when it states none."""
    years = [
        m.group(1) or m.group(2)
        for m in _YEAR_MENTION.finditer(text)
        if not _FUTURE_CUE.search(text[max(0, m.start() - _FUTURE_WINDOW) : m.start()])
    ]
    return max(years) if years else None
