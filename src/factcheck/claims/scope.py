"""Scope of a figure: its period (from dates near it, resolved against the article's date)
and the condition it holds under (首批, 测试, 预计 …)."""

from __future__ import annotations

import re
from bisect import bisect_right

from factcheck.claims.kb import KnowledgeBase, alias_key
from factcheck.claims.scanned import ScannedPattern
from factcheck.claims.trie import caseless_words, trie_pattern
from factcheck.model.claim import Scope
from factcheck.model.quantity import DateValue, QuantityMention

_RELATIVE_YEAR = {
    "今年": 0,
    "本年": 0,
    "当年": 0,
    "当年度": 0,
    "明年": 1,
    "去年": -1,
    "前年": -2,
    "后年": 2,
}


def _nearest_year(month: int, year: int, article_month: int) -> str:
    here = year * 12 + article_month
    best = min((year - 1, year, year + 1), key=lambda y: abs(y * 12 + month - here))
    return f"{best:04d}"


def period_label(date: DateValue, article_date: str | None) -> str | None:
    """A compact period: `2023`, `2023-11`, `2025-12-08`, `FY2025-Q1`, or `low..high`."""
    if date.fiscal:
        return date.low
    low, high = date.low, date.high
    year = article_date[:4] if article_date else None
    if date.relative in _RELATIVE_YEAR and year:
        resolved = f"{int(year) + _RELATIVE_YEAR[date.relative]:04d}"
        if low is None:
            return resolved
        low, high = low.replace("XXXX", resolved), (high or low).replace("XXXX", resolved)
    elif low is not None and "XXXX" in low and article_date:
        # A month without a year: the one nearest the article's date (Feb, written on
        # 2025-12-29, is February 2026); a half or a quarter by when it ends (上半年,
        # written in August, is this year's).
        month = int((high or low)[5:7])
        resolved = _nearest_year(month, int(article_date[:4]), int(article_date[5:7]))
        low, high = low.replace("XXXX", resolved), (high or low).replace("XXXX", resolved)
    if low is None:
        return None
    high = high or low
    if low == high:
        return low
    if low[:4] == high[:4] and low[4:] in ("-01", "-01-01") and high[4:] in ("-12", "-12-31"):
        return low[:4]
    if low[:7] == high[:7] and low.endswith("-01") and len(low) == 10:
        return low[:7] if high[8:] >= "28" else f"{low}..{high}"
    return f"{low}..{high}"


_YEAR_BEFORE = re.compile(r"(?:去年|上年|前年|上一年)$")
_SENTENCE_WIDE = frozenset({"forecast"})
# Conditions also written after the number, anywhere in its clause (5nm为信息误差).
_CLAUSE_WIDE = frozenset({"disputed"})
LIMIT = "limit"
"""The condition of a figure that is a rule's limit, not a value (scopes.yaml)."""


class ScopeReader:
    def __init__(self, kb: KnowledgeBase) -> None:
        self._owners: dict[str, str] = {}
        for label, words in kb.scopes.conditions.items():
            for word in words:
                self._owners[alias_key(word).casefold()] = label
        self._clause_only = {alias_key(w).casefold() for w in kb.scopes.against_forecast}
        for word in self._clause_only:
            self._owners[word] = "forecast"
        self._pattern = ScannedPattern(caseless_words(list(self._owners)))
        limits = [w for w, label in self._owners.items() if label == LIMIT]
        self._limit = re.compile(trie_pattern(limits), re.I)
        anaphora = [alias_key(w) for w in kb.scopes.anaphora]
        self._anaphora = re.compile("|".join(re.escape(w) for w in anaphora))
        regions = sorted((alias_key(w) for w in kb.scopes.regions), key=len, reverse=True)
        self._regions = (
            re.compile("|".join(re.escape(w) for w in regions), re.I) if regions else None
        )

    def names_limit(self, text: str, start: int, end: int) -> bool:
        """Whether the text states a rule's limit (不得超过, shall not exceed)."""
        return self._limit.search(text, start, end) is not None

    def names_region(self, text: str, start: int, end: int) -> bool:
        return self._regions is not None and self._regions.search(text, start, end) is not None

    def condition(self, text: str, start: int, end: int) -> str | None:
        return ", ".join(sorted(self._labels(text, start, end))) or None

    def sentence_condition(self, text: str, start: int, end: int) -> str | None:
        """Conditions that reach past their clause: a forecast (预测…显示,营收将分别达到…,
        对应净利润分别为…) covers every figure after it in the sentence."""
        labels = {
            self._owners[word.casefold()]
            for _, _, word in self._pattern.within(text, start, end)
            if word.casefold() not in self._clause_only
        }
        return ", ".join(sorted(labels & _SENTENCE_WIDE)) or None

    def clause_condition(self, text: str, start: int, end: int) -> str | None:
        """Conditions a clause puts on every number in it, wherever they are written."""
        return ", ".join(sorted(self._labels(text, start, end) & _CLAUSE_WIDE)) or None

    def _labels(self, text: str, start: int, end: int) -> set[str]:
        return {
            self._owners[word.casefold()] for _, _, word in self._pattern.within(text, start, end)
        }

    def refers_back(self, text: str, start: int, end: int) -> bool:
        """报告期内, 同期: the period of an earlier sentence; but 去年同期 is a year before it,
        the base of a change, not the figure's own period."""
        for m in self._anaphora.finditer(text, start, end):
            if not _YEAR_BEFORE.search(text, max(0, m.start() - 2), m.start()):
                return True
        return False


def nearest_period(
    dates: list[QuantityMention], start: int, before: int, article_date: str | None
) -> str | None:
    """The period of the last date written in [start, before) (the dates are in text
    order: only those ending before `before` are looked at, latest first)."""
    date = nearest_date(dates, start, before, article_date)
    return period_label(date.date, article_date) if date is not None and date.date else None


def nearest_date(
    dates: list[QuantityMention], start: int, before: int, article_date: str | None
) -> QuantityMention | None:
    """The last date written in [start, before) that names a period."""
    last = bisect_right(dates, before, key=lambda d: d.norm_span.end)
    for date in reversed(dates[:last]):
        if date.norm_span.start < start:
            break
        if date.norm_span.end <= before and date.date:
            label = period_label(date.date, article_date)
            if label is not None and not (date.date.relative or "").startswith(("day:", "time")):
                return date
    return None


def scope_of(period: str | None, condition: str | None) -> Scope:
    return Scope(period=period, condition=condition)
