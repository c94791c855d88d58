"""extract_quantities(): every number in normalized text, as honest unit-aware intervals.

The grammar, left to right around one numeral:

    [qualifier] [currency] NUMBER [多/余] [multiplier] [多/余] [unit] [qualifier]
                           ( SEPARATOR [currency] NUMBER [multiplier] [unit] )?

A numeral glued to Latin letters is a product name (H200, MI308X, 910C, V3.1), not a
quantity; so are the spans the caller passes in `names` (思元690). Dates come first and are
returned with kind `date`; they never become values.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from factcheck.model.quantity import DateValue, Qualifier, QuantityKind, QuantityMention
from factcheck.model.span import Span
from factcheck.model.tolerances import Tolerances
from factcheck.normalize.offsets import OffsetMap
from factcheck.quantities.compounds import merge_compounds
from factcheck.quantities.currency_context import yuan_in_context
from factcheck.quantities.dates import DateMention, find_dates
from factcheck.quantities.ends import (
    ONE,
    RANGE_PREFIX_CHARS,
    ZERO,
    EndReader,
    NumberEnd,
)
from factcheck.quantities.intervals import Interval, point_interval, range_interval
from factcheck.quantities.non_figures import not_a_figure
from factcheck.quantities.numbers import (
    unit_of_last_digit,
)
from factcheck.quantities.pattern import core_pattern
from factcheck.quantities.ranks import RankMention, find_ranks
from factcheck.quantities.units import compatible

_BETWEEN_BEFORE = re.compile(r"between\s?\S*\s?$")
_FROM_BEFORE = re.compile(r"(?:from|从)\s?$")
_RANGE_AFTER = re.compile(r"不等|之间|区间")
_ROUND_WORDS = frozenset({"十", "百", "千", "万", "亿", "万亿"})


class _Scanner(EndReader):
    # --- whole expressions -----------------------------------------------------------------
    def _prefixes(self, start: int) -> tuple[int, Qualifier | None, str | None]:
        """Qualifiers and a currency sign written before the number."""
        lex, text = self.lex, self.text
        currency = None
        found = lex.currency_prefix_table.match_before(text, start, space=True)
        if found is not None:
            currency, start = lex.currency_prefixes[found[0]], found[1]
        qualifier: Qualifier | None = None
        for _ in range(2):  # 高达近3000倍: two stacked words at most
            found = lex.prefix_table.match_before(text, start, space=True)
            if found is None:
                break
            parsed = lex.qualifier(lex.prefix_qualifiers[found[0]])
            if parsed is None:
                break  # 高达/达到: emphasis, not part of the quantity
            if qualifier is None:
                qualifier = parsed
            start = found[1]
        return start, qualifier, currency

    def _suffix(self, pos: int) -> tuple[Qualifier | None, int, bool]:
        found = self.lex.suffix_table.match_at(self.text, pos, space=True)
        if found is None:
            return None, pos, False
        return self.lex.qualifier(self.lex.suffix_qualifiers[found[0]]), found[1], True

    def _second_end(self, first: NumberEnd) -> tuple[NumberEnd, int] | None:
        """The other end of a range: `4万~8万`, `$12,000 to $15,000`, `三到五年`."""
        text = self.text
        sep = self.lex.range_separator_table.match_at(text, first.end, space=True)
        if sep is None:
            return None
        word, pos = sep[0].strip(), sep[1]
        before = text[max(0, first.start - 12) : first.start]
        if word == "and" and not _BETWEEN_BEFORE.search(before):
            return None
        from_to = word in ("to", "至", "到") and _FROM_BEFORE.search(before)
        if from_to and not _RANGE_AFTER.search(text, first.end, first.end + 20):
            return None  # 从13%降至5% is a change, but 从50万到100万片不等 is a range
        if pos < len(text) and text[pos] == " ":
            pos += 1
        currency = None
        found = self.lex.currency_prefix_table.match_at(text, pos)
        if found is not None:
            currency, pos = self.lex.currency_prefixes[found[0]], found[1]
        m = core_pattern().match(text, pos)
        if not m or m.lastgroup not in ("ar", "cn"):
            return None
        second = self._end_at(m)
        if second is None or not self._valid_end(second, m, range_end=True):
            return None
        if currency and second.unit is None:
            second = replace(second, currency=currency)
        return second, sep[1]

    def expression(self, m: re.Match[str]) -> tuple[QuantityMention | None, int]:
        first = self._end_at(m)
        if first is None or not self._valid_end(first, m):
            return None, m.end()
        prefix_start, qualifier, currency = self._prefixes(first.start)
        if currency and (first.unit is None or _generic_yuan(first)):
            first = replace(first, unit=None, currency=currency)  # 新台币3000亿元 is TWD
        second = None
        if not first.exact_word and not first.vague:
            pair = self._second_end(first)
            if pair is not None and _range_compatible(first, pair[0]):
                scaled = _scale_first(first, pair[0])
                if scaled.value <= pair[0].value:
                    first, second = scaled, pair[0]
        last = second or first
        bare_chinese = first.chinese and second is None and first.unit is None
        if bare_chinese and not first.vague and not self._bare_chinese_ok(first):
            return None, m.end()
        suffix_q, end, has_suffix = self._suffix(last.end)
        if (suffix_q is not None and qualifier is None) or (
            suffix_q is not None
            and qualifier in (Qualifier.approx,)
            and suffix_q != Qualifier.approx
        ):
            qualifier = suffix_q
        if not has_suffix:
            end = last.end
        mention = self._mention(prefix_start, end, first, second, qualifier)
        return mention, max(end, m.end())

    def _mention(
        self,
        start: int,
        end: int,
        first: NumberEnd,
        second: NumberEnd | None,
        qualifier: Qualifier | None,
    ) -> QuantityMention:
        q = qualifier or Qualifier.exact
        if first.plus and q == Qualifier.exact:
            q = Qualifier.plus
        last = second or first
        form = last.unit or first.unit
        span, surface = self._original(start, end)
        common = {
            "kind": QuantityKind.duration if form and form.duration else QuantityKind.quantity,
            "span": span,
            "norm_span": Span(start=start, end=end),
            "surface": surface,
            "unit": last.unit_name or first.unit_name or "dimensionless",
        }
        if first.vague:  # 数亿 [2亿, 9亿]; 上百 at least 100
            if first.vague_high is None:
                q = Qualifier.at_least
                interval = point_interval(first.value, ZERO, q, self.tol)
            else:
                interval = range_interval(
                    first.value, first.vague_high, ZERO, ZERO, Qualifier.exact, self.tol
                )
            return _quantity(
                common, None, interval, ZERO, q, first.value, first.vague_high, range_=True
            )
        if second is not None:
            interval = range_interval(
                first.value, second.value, first.precision, second.precision, q, self.tol
            )
            precision = max(first.precision, second.precision)
            return _quantity(
                common, None, interval, precision, q, first.value, second.value, range_=True
            )
        if q == Qualifier.exact and first.chinese and first.written in _ROUND_WORDS:
            q = Qualifier.approx  # 万卡集群: "ten-thousand-card", a round figure
        next_unit = unit_of_last_digit(first.written, first.value, first.multiplier)
        interval = point_interval(first.value, first.precision, q, self.tol, next_unit=next_unit)
        return _quantity(
            common,
            first.value,
            interval,
            first.precision,
            q,
            None,
            None,
            exact_word=first.exact_word,
        )

    def original_span(self, start: int, end: int) -> tuple[Span, str]:
        return self._original(start, end)

    def _original(self, start: int, end: int) -> tuple[Span, str]:
        """The span and surface in the original text, where the caller gave one."""
        if self.offsets is None or self.original is None:
            return Span(start, end), self.text[start:end]
        s, e = self.offsets.to_original(start, end)
        return Span(s, e), self.original[s:e]

    def ranks(self, ranks: list[RankMention]) -> list[QuantityMention]:
        """第二, No. 2: exact places (precision 0), of their own kind and unit."""
        return [
            self._fixed(r.start, r.end, QuantityKind.rank, Decimal(r.value), "rank") for r in ranks
        ]

    def dates(self, dates: list[DateMention]) -> list[QuantityMention]:
        return [self._fixed(d.start, d.end, QuantityKind.date, None, None, d.value) for d in dates]

    def _fixed(
        self,
        start: int,
        end: int,
        kind: QuantityKind,
        value: Decimal | None,
        unit: str | None,
        date: DateValue | None = None,
    ) -> QuantityMention:
        """A mention read whole by its own recognizer (a date, a rank): no precision."""
        span, surface = self._original(start, end)
        return QuantityMention(
            kind=kind,
            span=span,
            norm_span=Span(start, end),
            surface=surface,
            value=value,
            low=value,
            high=value,
            precision=ZERO,
            unit=unit,
            date=date,
        )

    def scan(self) -> list[QuantityMention]:
        found: list[QuantityMention] = []
        cursor = 0
        for m in core_pattern().finditer(self.text):
            if m.start() < cursor or self.blocked.overlaps(m.start(), m.end()):
                continue
            if m.lastgroup in ("ar", "cn") and self._glued_to_name_before(m.start()):
                cursor = self._skip_name(m)  # H200, MI308X, V3.1: a name, not a number
                continue
            if m.lastgroup == "cn" and self._lone_numeral_word(m):
                continue
            if m.lastgroup in ("ar", "cn") and self._in_title(m.start()):
                continue
            mention, cursor = self.expression(m)
            if mention is not None and not within_magnitude(mention):
                continue  # 309 digits: no news figure; as a float it would be infinite
            if mention is None:
                cursor = self._skip_name(m)
                continue
            if self.blocked.overlaps(mention.norm_span.start, mention.norm_span.end):
                continue
            if not_a_figure(self.text, mention):
                continue
            found.append(mention)
        return found

    def _lone_numeral_word(self, m: re.Match[str]) -> bool:
        """A single numeral character (一, 三) with nothing numeric around it: a word.

        Cheap pre-check; the full grammar would reject it too, only slower."""
        if m.end() - m.start() != 1:
            return False
        after = self.text[m.end() : m.end() + 1]
        before = self.text[m.start() - 1 : m.start()] if m.start() else ""
        return after not in self.lex.numeral_followers and before not in RANGE_PREFIX_CHARS

    def _skip_name(self, m: re.Match[str]) -> int:
        """After a rejected numeral, skip the rest of its alphanumeric token (910C, 5090Ti)."""
        pos = m.end()
        while pos < len(self.text) and self.text[pos].isascii() and self.text[pos].isalnum():
            pos += 1
        return pos


# Beyond any figure a news article states (a zettabyte is 1e21 bytes) and far inside a
# float's range, so every value stays finite in JSON and in the interval arithmetic.
MAX_MAGNITUDE = Decimal("1e30")


def within_magnitude(mention: QuantityMention) -> bool:
    bounds = (mention.value, mention.low, mention.high, mention.range_low, mention.range_high)
    return all(b is None or (b.is_finite() and abs(b) <= MAX_MAGNITUDE) for b in bounds)


def _quantity(
    common: dict[str, Any],
    value: Decimal | None,
    interval: Interval,
    precision: Decimal,
    qualifier: Qualifier,
    range_low: Decimal | None,
    range_high: Decimal | None,
    *,
    range_: bool = False,
    exact_word: bool = False,
) -> QuantityMention:
    return QuantityMention(
        **common,
        value=value,
        low=interval.low,
        high=interval.high,
        low_open=interval.low_open,
        high_open=interval.high_open,
        precision=precision,
        qualifier=qualifier,
        is_range=range_,
        range_low=range_low,
        range_high=range_high,
        exact_word=exact_word,
    )


def _generic_yuan(end: NumberEnd) -> bool:
    """元 after a currency written before the number is that currency's unit word."""
    return end.unit is not None and end.unit.surface == "元"


def _range_compatible(first: NumberEnd, second: NumberEnd) -> bool:
    a, b = first.unit_name, second.unit_name
    if a is None or b is None:
        return True
    return a == b or compatible(a, b)


def _scale_first(first: NumberEnd, second: NumberEnd) -> NumberEnd:
    """`4~8万颗`: the multiplier and unit written once apply to both ends."""
    scaled = first
    if first.multiplier == ONE and second.multiplier != ONE:
        scaled = replace(
            first,
            value=first.value * second.multiplier,
            precision=first.precision * second.multiplier,
            multiplier=second.multiplier,
        )
    return replace(
        scaled, unit=first.unit or second.unit, currency=first.currency or second.currency
    )


_PER_SECOND_BEFORE = re.compile(r"(?:每秒|每秒钟|per second of)\s*$")
_RATE_UNITS = frozenset({"B", "kB", "MB", "GB", "TB", "PB"})


def _per_second(text: str, q: QuantityMention) -> QuantityMention:
    """每秒 3.2 TB: a size written after 每秒 is a rate."""
    if q.unit in _RATE_UNITS and _PER_SECOND_BEFORE.search(
        text, max(0, q.norm_span.start - 6), q.norm_span.start
    ):
        return replace(q, unit=f"{q.unit}/s")
    return q


def find_quantities(
    text: str,
    tolerances: Tolerances,
    *,
    names: list[tuple[int, int]] | tuple[()] = (),
    offsets: OffsetMap | None = None,
    original: str | None = None,
    include_dates: bool = True,
) -> list[QuantityMention]:
    """Quantities (and dates) in normalized text; spans mapped back through `offsets` into
    `original` (the text before normalization)."""
    dates = find_dates(text)
    ranks = list(find_ranks(text))
    blocked = [(d.start, d.end) for d in dates] + [(r.start, r.end) for r in ranks] + list(names)
    scanner = _Scanner(text, tolerances, blocked, offsets, original)
    scanned = [_per_second(text, q) for q in scanner.scan()]
    mentions = yuan_in_context(text, merge_compounds(text, scanned, scanner.original_span))
    mentions.extend(scanner.ranks(ranks))
    mentions.sort(key=lambda q: q.norm_span.start)
    if include_dates:
        mentions.extend(scanner.dates(dates))
        mentions.sort(key=lambda q: q.norm_span.start)
    return mentions
