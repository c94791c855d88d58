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
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from typing import Any

from factcheck.model.quantity import Qualifier, QuantityKind, QuantityMention
from factcheck.model.span import Span
from factcheck.model.tolerances import Tolerances
from factcheck.normalize.offsets import OffsetMap
from factcheck.normalize.span_index import SpanIndex
from factcheck.quantities.dates import DateMention, find_dates
from factcheck.quantities.intervals import Interval, point_interval, range_interval
from factcheck.quantities.lexicon import Lexicon, UnitForm, bounded_alternation, lexicon
from factcheck.quantities.numbers import (
    CHINESE_NUMERAL_CHARS,
    half_unit,
    parse_arabic,
    parse_chinese,
    unit_of_last_digit,
)
from factcheck.quantities.units import compatible

_ONE = Decimal(1)
_ZERO = Decimal(0)
_PARAMETER_CONTEXT = re.compile(r"\s?(?:参数|规模|parameters?|params?)|\s?的?(?:大)?模型")
_PARAMETER_BEFORE = re.compile(r"(?:参数|parameters?|params?)\s?(?:超过|达|为|约)?\s?$")
_MODEL_NAME_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9.\-]*\d[A-Za-z0-9.\-]*\s$")
_ENDS_WITH_SIZE = re.compile(r"\d+(?:\.\d+)?[BbMm]$")
_CLASS_LABEL_AFTER = re.compile(r"\s?(?:级别|级|class|-class)")
_LIST_MARKER = re.compile(r"(?:^|\n)[ \t]*$")
_STOCK_CODE = re.compile(r"^\d{6}$")
_RANGE_PREFIX_CHARS = frozenset("~〜-–—至到第")
_BETWEEN_BEFORE = re.compile(r"between\s?\S*\s?$")
_FROM_BEFORE = re.compile(r"(?:from|从)\s?$")
_RANGE_AFTER = re.compile(r"不等|之间|区间")
_MONEY_LETTERS = {
    "K": Decimal(10) ** 3,
    "M": Decimal(10) ** 6,
    "B": Decimal(10) ** 9,
    "T": Decimal(10) ** 12,
}
_MONEY_RANGE_START = re.compile(r"(?:US\$|HK\$|[$€¥])\s?\d[\d.,]*\s?[-–~]\s?$")
_CITATION = re.compile(r"[\[【]\d{1,3}[\]】]")
_ROUND_WORDS = frozenset({"十", "百", "千", "万", "亿", "万亿"})


@dataclass(frozen=True)
class _End:
    """One written number with what is glued to it."""

    start: int
    end: int
    """End of numeral, plus-word, multiplier and unit (not the suffix qualifier)."""
    written: str
    value: Decimal
    multiplier: Decimal
    precision: Decimal
    unit: UnitForm | None
    currency: str | None
    plus: bool = False
    exact_word: bool = False
    chinese: bool = False
    vague_high: Decimal | None = None
    vague: bool = False
    unit_after_space: bool = False

    @property
    def unit_name(self) -> str | None:
        if self.unit is not None:
            return self.unit.unit
        return self.currency


@cache
def _core_pattern() -> re.Pattern[str]:
    lex = lexicon()
    cn = CHINESE_NUMERAL_CHARS
    digits = "零〇一二两三四五六七八九"
    # Python's re tries every alternative at every position; a one-character look-ahead over
    # everything a number can start with makes the scan skip ordinary text quickly.
    starters = {w[0] for w in (*lex.exact_words, *lex.vague_numbers)} | set(cn) | {"百"}
    first = "".join(sorted(re.escape(c) for c in starters))
    return re.compile(
        rf"(?=[\d{first}])"
        "(?:(?P<exact>" + bounded_alternation(list(lex.exact_words)) + ")"
        rf"|(?P<pct>百分之)(?P<pctnum>[{cn}点]+)"
        rf"|(?P<fden>[一二两三四五六七八九十百千]+)分之(?P<fnum>[{digits}十点]+)"
        "|(?P<vague>" + "|".join(sorted(lex.vague_numbers, key=len, reverse=True)) + ")"
        "(?P<vmag>" + "|".join(lex.vague_magnitudes) + ")"
        r"|(?P<frac>(?<![\d/.])\d{1,2}/\d{1,3}(?![\d/]))"
        r"|(?P<ar>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)"
        rf"|(?P<cn>[{cn}]+(?:点[{digits}]+)?))"
    )


class _Scanner:
    def __init__(
        self,
        text: str,
        tolerances: Tolerances,
        blocked: list[tuple[int, int]],
        to_original: OffsetMap | None = None,
        original: str | None = None,
    ) -> None:
        self.text = text
        self.offsets = to_original
        self.original = original if to_original is not None else None
        self.tol = tolerances
        self.lex: Lexicon = lexicon()
        self.blocked = SpanIndex(blocked)
        # Words with numeral characters that are not numbers (一方面, 百度), by start offset.
        self.non_numeral = {m.start(): m.end() for m in self.lex.non_numeral_pattern.finditer(text)}
        self.non_numeral_index = SpanIndex(self.non_numeral.items())

    # --- guards -------------------------------------------------------------------------

    def _glued_to_name_before(self, start: int) -> bool:
        text = self.text
        if start == 0:
            return False
        before = text[start - 1]
        if before.isascii() and before.isalpha():
            return True
        # MT-infini-3B, GPT-4: a digit after a hyphen that follows a letter or digit
        return (
            before in "-_."
            and start >= 2
            and text[start - 2].isascii()
            and text[start - 2].isalnum()
        )

    def _in_title(self, start: int) -> bool:
        line_start = self.text.rfind("\n", 0, start) + 1
        opened = self.text.rfind("《", line_start, start)
        return opened != -1 and self.text.rfind("》", opened, start) == -1

    def _is_list_marker(self, start: int, end: int) -> bool:
        after = self.text[end : end + 1]
        if after not in ("、", ".", ")", "）"):
            return False
        if after == "." and self.text[end + 1 : end + 2].isdigit():
            return False
        return bool(_LIST_MARKER.search(self.text, 0, start)) if start else True

    def _is_stock_code(self, start: int, end: int, written: str) -> bool:
        if not _STOCK_CODE.match(written):
            return False
        around = self.text[max(0, start - 1) : end + 4]
        return bool(re.search(r"^[(（]\d{6}[)）]|\d{6}\.(?:SH|SZ|BJ|HK)", around))

    # --- pieces after a numeral -----------------------------------------------------------
    def _multiplier(self, pos: int, *, spaced: bool = False) -> tuple[Decimal, int]:
        """亿, 万, billion at `pos`; with `spaced`, also `171 億` (a space after digits)."""
        found = self.lex.chinese_multiplier_table.match_at(self.text, pos, space=spaced)
        found = found or self.lex.english_multiplier_table.match_at(self.text, pos, space=True)
        if found is None:
            return _ONE, pos
        return self.lex.multipliers[found[0]], found[1]

    def _money_letter(self, start: int, pos: int) -> tuple[Decimal, int]:
        """`$81.6B`, `$726M`, `$1.2T`: after a currency sign, one capital letter is a
        magnitude (elsewhere 70B is a model size and 4K a resolution)."""
        letter = self.text[pos : pos + 1]
        factor = _MONEY_LETTERS.get(letter)
        if factor is None:
            return _ONE, pos
        money = self.lex.currency_prefix_table.match_before(self.text, start, space=True)
        if money is None and not _MONEY_RANGE_START.search(self.text, max(0, start - 16), start):
            return _ONE, pos  # neither `$81.6B` nor the second end of `$2.89-3.01B`
        after = self.text[pos + 1 : pos + 2]
        if after.isascii() and after.isalnum():
            return _ONE, pos  # $5Bn is handled as bn; $3MW is no money
        return factor, pos + 1

    def _plus(self, pos: int) -> int | None:
        found = self.lex.plus_words.match_at(self.text, pos)
        return None if found is None else found[1]

    def _unit(self, pos: int, *, chinese: bool) -> tuple[UnitForm | None, int, bool]:
        found = self.lex.unit_table.match_at(self.text, pos, space=True)
        if found is None:
            return None, pos, False
        form = self.lex.units[found[0]]
        if chinese and not (form.classifier or form.multiple or form.unit == "percent"):
            return None, pos, False
        end = found[1]
        spaced = end - pos > len(form.surface)
        if form.unit == "CNY" and self.text.startswith("人民币", end):
            end += len("人民币")  # 140亿元人民币
        return form, end, spaced

    def _parameter_unit(self, pos: int, start: int) -> int | None:
        """`3B规模`, `参数超过 175B`: billions of model parameters."""
        text = self.text
        if not text.startswith("B", pos) or (
            pos + 1 < len(text) and text[pos + 1].isascii() and text[pos + 1].isalnum()
        ):
            return None
        name = _MODEL_NAME_BEFORE.search(text, max(0, start - 24), start)
        if name and not _ENDS_WITH_SIZE.search(name.group().rstrip()):
            return None  # `Llama2 70B`: part of the model's name (`MT-infini-3B 3B` is not)
        if _CLASS_LABEL_AFTER.match(text, pos + 1):
            return None  # `70B级别模型`: a class of models, not a count
        before = text[max(0, start - 12) : start]
        if _PARAMETER_CONTEXT.match(text, pos + 1) or _PARAMETER_BEFORE.search(before):
            return pos + 1
        return None

    # --- one number end ---------------------------------------------------------------------
    def _end_at(self, m: re.Match[str]) -> _End | None:
        s, e = m.start(), m.end()
        if s > 0 and self.text[s - 1] == "第" and self.text.startswith("代", e):
            return self._generation(m)
        match m.lastgroup:
            case "exact":
                value, unit = self.lex.exact_words[m.group("exact")]
                return _End(
                    s,
                    e,
                    m.group(),
                    value,
                    _ONE,
                    _ZERO,
                    _plain(unit, multiple=True),
                    None,
                    exact_word=True,
                )
            case "pctnum":  # 百分之三十
                percent = parse_chinese(m.group("pctnum"))
                if percent is None:
                    return None
                precision = half_unit(m.group("pctnum"), percent, _ONE, self.tol.round_figure_cap)
                return _End(
                    s,
                    e,
                    m.group(),
                    percent,
                    _ONE,
                    precision,
                    self.lex.units["%"],
                    None,
                    chinese=True,
                )
            case "fnum":  # 四分之一
                den, num = parse_chinese(m.group("fden")), parse_chinese(m.group("fnum"))
                if not den or num is None:
                    return None
                return _End(
                    s,
                    e,
                    m.group(),
                    num / den,
                    _ONE,
                    _ZERO,
                    _plain("dimensionless"),
                    None,
                    exact_word=True,
                )
            case "frac":  # 1/6
                numerator, denominator = (Decimal(x) for x in m.group("frac").split("/"))
                if denominator == 0 or numerator >= denominator:
                    return None
                return _End(
                    s,
                    e,
                    m.group(),
                    numerator / denominator,
                    _ONE,
                    _ZERO,
                    _plain("dimensionless"),
                    None,
                    exact_word=True,
                )
            case "vmag":  # 数亿, 上百
                return self._vague(m)
            case "ar":
                return self._numeral(m, parse_arabic(m.group("ar")), chinese=False)
            case _:
                parsed = parse_chinese(m.group("cn"))
                return None if parsed is None else self._numeral(m, parsed, chinese=True)

    def _generation(self, m: re.Match[str]) -> _End | None:
        """第七代: a generation number (kept), unlike the ordinal 第三."""
        value = parse_arabic(m.group()) if m.lastgroup == "ar" else parse_chinese(m.group())
        if value is None:
            return None
        form = _plain("dimensionless")
        return _End(
            m.start() - 1, m.end() + 1, m.group(), value, _ONE, _ZERO, form, None, exact_word=True
        )

    def _vague(self, m: re.Match[str]) -> _End:
        low_digit, high_digit = self.lex.vague_numbers[m.group("vague")]
        magnitude = parse_chinese(m.group("vmag")) or _ONE
        unit, end, _ = self._unit(m.end(), chinese=True)
        high = None if high_digit is None else high_digit * magnitude
        return _End(
            m.start(),
            end,
            m.group(),
            low_digit * magnitude,
            _ONE,
            _ZERO,
            unit,
            None,
            chinese=True,
            vague=True,
            vague_high=high,
        )

    def _numeral(self, m: re.Match[str], value: Decimal, *, chinese: bool) -> _End:
        """A numeral and what is glued to it: 多/余, a multiplier, a unit."""
        written = m.group()
        pos = m.end()
        plus_end = self._plus(pos)
        plus = plus_end is not None
        multiplier, pos = self._multiplier(plus_end or pos, spaced=not chinese and not plus)
        if multiplier == _ONE and not chinese and not plus:
            multiplier, pos = self._money_letter(m.start(), pos)
        if not plus and multiplier != _ONE and (plus_end := self._plus(pos)) is not None:
            plus, pos = True, plus_end  # 100万多
        unit, unit_end, spaced = self._unit(pos, chinese=chinese)
        if unit is None and not chinese and (param_end := self._parameter_unit(pos, m.start())):
            unit, unit_end = self.lex.units["参数"], param_end
            multiplier *= Decimal(10) ** 9
        if unit is not None:
            pos = unit_end
            multiplier *= unit.scale  # 七成: seven tenths, in percent
        scaled = value * multiplier
        exact_word = chinese and unit is not None and unit.multiple  # 两倍, 十倍
        precision = (
            _ZERO
            if exact_word
            else half_unit(written, scaled, multiplier, self.tol.round_figure_cap)
        )
        return _End(
            m.start(),
            pos,
            written,
            scaled,
            multiplier,
            precision,
            unit,
            None,
            plus=plus,
            chinese=chinese,
            unit_after_space=spaced,
            exact_word=exact_word,
        )

    def _valid_end(self, end: _End, m: re.Match[str], *, range_end: bool = False) -> bool:
        text = self.text
        s = m.start()
        glued = not range_end and self._glued_to_name_before(s)  # `2.89-3.01B`: a range
        if m.lastgroup in ("ar", "cn", "frac") and glued:
            return False
        if s > 0 and text[s - 1] == "第" and not text.startswith("代", m.end()):
            return False  # 第三: an ordinal
        if m.lastgroup == "ar":
            nxt = text[m.end() : m.end() + 1]
            glued = end.end == m.end() and nxt.isascii() and nxt.isalpha()
            if glued:
                return False  # 910C, 5nm-less model codes
            if end.unit is None and end.multiplier == _ONE and self._is_list_marker(s, m.end()):
                return False
            if self._is_stock_code(s, m.end(), end.written):
                return False
            if end.unit is None and _CITATION.match(text, max(0, s - 1)):
                return False  # [11], [5][6]: a citation marker
        if m.lastgroup == "cn":
            if s in self.non_numeral or self._inside_non_numeral(s, m.end()):
                return False  # 一方面, 百度, 统一 (but 一万一千 is a number despite 万一)
            if end.written in ("一",) and not (end.unit and end.unit.multiple):
                return False
            if self._is_list_marker(s, m.end()):
                return False
        return True

    def _inside_non_numeral(self, start: int, end: int) -> bool:
        if not self.non_numeral_index.overlaps(start, end):
            return False
        return any(
            ws <= start and end <= we for ws, we in self.non_numeral.items() if ws <= start < we
        )

    def _bare_chinese_ok(self, end: _End) -> bool:
        """A Chinese numeral with no unit is a number only where it cannot be a word:
        it has a magnitude character and is followed by 的, punctuation or a qualifier
        (突破十万的级别), never by more Han text (千辛万苦)."""
        if not any(c in "十百千万亿" for c in end.written):
            return False
        follower = self.text[end.end : end.end + 1]
        if len(end.written) < 2 and follower != "的":
            return False
        return not ("\u4e00" <= follower <= "\u9fff" and follower not in "的个以左多余")

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

    def _second_end(self, first: _End) -> tuple[_End, int] | None:
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
        m = _core_pattern().match(text, pos)
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
        if currency and first.unit is None:
            first = replace(first, currency=currency)
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
        self, start: int, end: int, first: _End, second: _End | None, qualifier: Qualifier | None
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
                interval = point_interval(first.value, _ZERO, q, self.tol)
            else:
                interval = range_interval(
                    first.value, first.vague_high, _ZERO, _ZERO, Qualifier.exact, self.tol
                )
            return _quantity(
                common, None, interval, _ZERO, q, first.value, first.vague_high, range_=True
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

    def _original(self, start: int, end: int) -> tuple[Span, str]:
        """The span and surface in the original text, where the caller gave one."""
        if self.offsets is None or self.original is None:
            return Span(start, end), self.text[start:end]
        s, e = self.offsets.to_original(start, end)
        return Span(s, e), self.original[s:e]

    def dates(self, dates: list[DateMention]) -> list[QuantityMention]:
        mentions = []
        for d in dates:
            span, surface = self._original(d.start, d.end)
            mentions.append(
                QuantityMention(
                    kind=QuantityKind.date,
                    span=span,
                    norm_span=Span(d.start, d.end),
                    surface=surface,
                    value=None,
                    low=None,
                    high=None,
                    precision=_ZERO,
                    unit=None,
                    date=d.value,
                )
            )
        return mentions

    def scan(self) -> list[QuantityMention]:
        found: list[QuantityMention] = []
        cursor = 0
        for m in _core_pattern().finditer(self.text):
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
            if mention is None:
                cursor = self._skip_name(m)
                continue
            if self.blocked.overlaps(mention.norm_span.start, mention.norm_span.end):
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
        return after not in self.lex.numeral_followers and before not in _RANGE_PREFIX_CHARS

    def _skip_name(self, m: re.Match[str]) -> int:
        """After a rejected numeral, skip the rest of its alphanumeric token (910C, 5090Ti)."""
        pos = m.end()
        while pos < len(self.text) and self.text[pos].isascii() and self.text[pos].isalnum():
            pos += 1
        return pos


def _plain(unit: str, *, multiple: bool = False) -> UnitForm:
    return UnitForm(surface="", unit=unit, classifier=False, duration=False, multiple=multiple)


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


def _range_compatible(first: _End, second: _End) -> bool:
    a, b = first.unit_name, second.unit_name
    if a is None or b is None:
        return True
    return a == b or compatible(a, b)


def _scale_first(first: _End, second: _End) -> _End:
    """`4~8万颗`: the multiplier and unit written once apply to both ends."""
    scaled = first
    if first.multiplier == _ONE and second.multiplier != _ONE:
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
    blocked = [(d.start, d.end) for d in dates] + list(names)
    scanner = _Scanner(text, tolerances, blocked, offsets, original)
    mentions = [_per_second(text, q) for q in scanner.scan()]
    if include_dates:
        mentions.extend(scanner.dates(dates))
        mentions.sort(key=lambda q: q.norm_span.start)
    return mentions
