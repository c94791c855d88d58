"""The scope of a value: the period it is for (the nearest date of its clause, of its
sentence, or of an earlier sentence when the text refers back) and its condition."""

from __future__ import annotations

import re
from bisect import bisect_left

from factcheck.claims.context import DocumentContext
from factcheck.claims.draft import joined
from factcheck.claims.scope import nearest_date, nearest_period, period_label
from factcheck.claims.subjects import Sentence
from factcheck.model.claim import Scope
from factcheck.model.quantity import DateValue, QuantityMention

_STATED_YEAR = re.compile(r"(?P<fy>FY)?(?P<year>(?:19|20)\d\d)")
_YEAR_SPAN = re.compile(r"(\d{4})(?:-01)?\.\.(\d{4})(?:-12)?")
# How far back the readers of earlier sentences look: a bounded slice keeps a long document
# linear (a paragraph of more sentences than this is a list, not prose).
_SEMICOLON_REACH = 12
_PARAGRAPH_REACH = 40
_CHANGE_VERB = re.compile(
    r"[增降涨跌升减提扩缩滑挫]|\b(?:grew|grow|rose|rise|fell|fall|up|down|increased?|decreased?)\b",
    re.I,
)
# 较2024年第三季度增长6%: a year written as the base of a comparison is not the year the
# article's own yearless quarters are in.
_BASE_BEFORE = re.compile(
    r"(?:较|比|相比|相较|与|和|同|跟|对比|from|than|compared with|compared to|versus|vs\.?)\s*$",
    re.I,
)


class ScopeFinder:
    def __init__(self, ctx: DocumentContext) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.scopes = ctx.tools.scopes
        self._year_changes: list[tuple[int, tuple[bool, str]]] | None = None
        self._date_starts = [d.norm_span.start for d in ctx.dates]

    def scope(self, sentence: Sentence, start: int, end: int) -> Scope:
        ctx = self.ctx
        clause = ctx.clause_start(sentence, start)
        date = nearest_date(ctx.dates, clause, start, ctx.article_date)
        date = date or self._date_after(sentence, end)
        date = date or nearest_date(ctx.dates, sentence.start, start, ctx.article_date)
        if date is not None and self._is_comparison_base(date) and self._changed_since(date, start):
            # 较2024年第三季度增长6%: the base's period, not the figure's; the figure's is the
            # one its sentence states before the base (2025年第二季度…,较一季度…增长7.16%)
            base = date.norm_span.start
            date = nearest_date(ctx.dates, sentence.start, base, ctx.article_date)
            if date is not None and self._is_comparison_base(date):
                date = None
        period = self._period(date) if date is not None else None
        if period is None and date is None:
            period = self._period_before_semicolon(sentence)
        if period is None and self.scopes.refers_back(self.text, sentence.start, end):
            period = self._earlier_period(sentence)
        condition = self.scopes.condition(self.text, clause, end)
        condition = condition or self.scopes.sentence_condition(self.text, sentence.start, end)
        disputed = self.scopes.clause_condition(self.text, clause, ctx.clause_end(sentence, end))
        if disputed is not None and disputed not in (condition or ""):
            condition = joined(condition, disputed)
        respective = self._respective_period(sentence, start, period)
        if respective is not None:
            period, item = respective
            if item is not None:
                condition = joined(condition, item)
        return Scope(period=period, condition=condition)

    def _respective_period(
        self, sentence: Sentence, start: int, period: str | None
    ) -> tuple[str | None, str | None] | None:
        """2020年-2024年…净利润分别为-4.35亿元、-8.25亿元…: the n-th number of the list is
        the n-th year's. When the years do not match the list, the items are still different
        facts (`item 2 of 3`), never one fact stated several times."""
        word = self.text.rfind("分别", sentence.start, start)
        if word == -1:
            return None
        following = self.text.find("分别", word + 2, sentence.end)
        end = sentence.end if following == -1 else following
        numbers = [q for q in self.ctx.numbers_in(sentence) if word < q.norm_span.start < end]
        target = next((q for q in numbers if q.norm_span.start == start), None)
        if target is None:
            return None
        peers = [q for q in numbers if q.unit == target.unit]
        if len(peers) < 2:
            return None
        index = peers.index(target)
        years = _YEAR_SPAN.fullmatch(period or "")
        if years is not None and int(years[2]) - int(years[1]) + 1 == len(peers):
            return f"{int(years[1]) + index:04d}", None
        return period, f"item {index + 1} of {len(peers)}"

    def _period(self, date: QuantityMention) -> str | None:
        """A date's period. A quarter or half written without a year (其三季度, 上半年) is of
        the one year the article states before it (2026财年第三季度 makes 三季度 FY2026-Q3),
        else of the article's date when it states none; with two years to choose from it
        has no period. A month without a year is of the article's date, as before."""
        value, article_date = date.date, self.ctx.article_date
        assert value is not None
        yearless = value.relative == "year" and (value.low or "").startswith("XXXX")
        if not yearless or value.high is None or value.high[:7] == (value.low or "")[:7]:
            return period_label(value, article_date)
        stated = self._stated_years(date.norm_span.start)
        if not stated:
            return period_label(value, article_date) if article_date else None
        if len(stated) > 1:
            return None
        fiscal, year = stated.pop()
        low, high = (value.low or "").replace("XXXX", year), value.high.replace("XXXX", year)
        if fiscal:
            quarter = (int(low[5:7]) + 2) // 3
            return f"FY{year}-Q{quarter}" if int(high[5:7]) - int(low[5:7]) == 2 else None
        return period_label(DateValue(low=low, high=high), article_date)

    def _stated_years(self, before: int) -> set[tuple[bool, str]]:
        """(fiscal, year) of the dates with a year written before a position: the first
        one alone, or it and the next different one (two already make it ambiguous)."""
        if self._year_changes is None:
            self._year_changes = self._first_two_years()
        return {key for end, key in self._year_changes if end <= before}

    def _first_two_years(self) -> list[tuple[int, tuple[bool, str]]]:
        """Where the first stated year and the first different one end, once per document."""
        found: list[tuple[int, tuple[bool, str]]] = []
        for date in self.ctx.dates:
            year = _STATED_YEAR.match(date.date.low or "") if date.date else None
            if year is None or self._is_comparison_base(date):
                continue
            key = (year.group("fy") is not None, year.group("year"))
            if not found or key != found[0][1]:
                found.append((date.norm_span.end, key))
                if len(found) == 2:
                    break
        return found

    def _date_after(self, sentence: Sentence, end: int) -> QuantityMention | None:
        """36% share of revenues in the first quarter of 2025: English writes the period
        after the figure, in the figure's own clause."""
        clause_end = self.ctx.clause_end(sentence, end)
        dates = self.ctx.dates
        for index in range(bisect_left(self._date_starts, end), len(dates)):
            date = dates[index]
            if date.norm_span.start >= clause_end:
                return None
            if date.date is not None and date.date.low:
                return date
        return None

    def _period_before_semicolon(self, sentence: Sentence) -> str | None:
        """2025年三季度,营收17.27亿元;净利润5.66亿元: clauses joined by semicolons share the
        period the first of them states."""
        ctx = self.ctx
        for earlier in reversed(ctx.before(sentence, _SEMICOLON_REACH)):
            if earlier.paragraph != sentence.paragraph:
                return None
            if self.text[earlier.start : earlier.end].rstrip()[-1:] not in (";", "；"):
                return None
            date = nearest_date(ctx.dates, earlier.start, earlier.end, ctx.article_date)
            if date is not None and not self._is_comparison_base(date):
                return self._period(date)
            sentence = earlier
        return None

    def _changed_since(self, date: QuantityMention, start: int) -> bool:
        """A change verb between the base's date and the number: the number is the change
        (较2024年第三季度增长6%), not the base's own value (同比2024年三季度(-4.43亿元))."""
        return _CHANGE_VERB.search(self.text, date.norm_span.end, start) is not None

    def _is_comparison_base(self, date: QuantityMention) -> bool:
        start = date.norm_span.start
        return _BASE_BEFORE.search(self.text, max(0, start - 14), start) is not None

    def _earlier_period(self, sentence: Sentence) -> str | None:
        ctx = self.ctx
        for earlier in reversed(ctx.before(sentence, _PARAGRAPH_REACH)):
            if earlier.paragraph < sentence.paragraph - 2:
                break
            period = nearest_period(ctx.dates, earlier.start, earlier.end, ctx.article_date)
            if period:
                return period
        return None
