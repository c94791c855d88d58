"""One written number and what is glued to it: the numeral (Arabic, Chinese, a word),
多/余, a multiplier, a unit; and the guards that tell a number from a name, a list marker,
a stock code or a word (`quantities/extract.py` composes ends into whole expressions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from factcheck.model.tolerances import Tolerances
from factcheck.normalize.offsets import OffsetMap
from factcheck.normalize.span_index import SpanIndex
from factcheck.quantities.english_numbers import parse_english
from factcheck.quantities.lexicon import Lexicon, UnitForm, lexicon, plain_form
from factcheck.quantities.numbers import (
    half_unit,
    multiple_precision,
    parse_arabic,
    parse_chinese,
    parse_numeral,
)

ONE = Decimal(1)
ZERO = Decimal(0)
_PARAMETER_CONTEXT = re.compile(r"\s?(?:参数|规模|parameters?|params?)|\s?的?(?:大)?模型")
_PARAMETER_BEFORE = re.compile(r"(?:参数|parameters?|params?)\s?(?:超过|达|为|约)?\s?$")
_MODEL_NAME_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9.\-]*\d[A-Za-z0-9.\-]*\s$")
_ENDS_WITH_SIZE = re.compile(r"\d+(?:\.\d+)?[BbMm]$")
_CLASS_LABEL_AFTER = re.compile(r"\s?(?:级别|级|class|-class)")
_STOCK_CODE = re.compile(r"^\d{6}$")
RANGE_PREFIX_CHARS = frozenset("~〜-–—至到第")
_MONEY_LETTERS = {
    "K": Decimal(10) ** 3,
    "M": Decimal(10) ** 6,
    "B": Decimal(10) ** 9,
    "T": Decimal(10) ** 12,
}
_MONEY_RANGE_START = re.compile(r"(?:US\$|HK\$|[$€¥])\s?\d[\d.,]*\s?[-–~]\s?$")
_MAGNITUDE_CHARS = frozenset("十百千万亿兆吉太")
CURRENCY_UNITS = frozenset({"CNY", "USD", "HKD", "EUR", "TWD", "JPY", "KRW", "GBP"})
_MINUS = frozenset("-−负")
# What a minus sign may follow: a space, an opening mark, a separator or a linking verb.
_SIGN_AFTER = frozenset("([（【,，:：;；、=为是至达约或和及与")
_CITATION = re.compile(r"[\[【]\d{1,3}[\]】]")


@dataclass(frozen=True)
class NumberEnd:
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


class EndReader:
    """Reads number ends in one normalized text."""

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
        # only spaces between the line's start and the number: `1、` opens a list item
        line_start = self.text.rfind("\n", 0, start) + 1
        return not self.text[line_start:start].strip(" \t")

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
            return ONE, pos
        return self.lex.multipliers[found[0]], found[1]

    def _money_letter(self, start: int, pos: int) -> tuple[Decimal, int]:
        """`$81.6B`, `$726M`, `$1.2T`: after a currency sign, one capital letter is a
        magnitude (elsewhere 70B is a model size and 4K a resolution)."""
        letter = self.text[pos : pos + 1]
        factor = _MONEY_LETTERS.get(letter)
        if factor is None:
            return ONE, pos
        money = self.lex.currency_prefix_table.match_before(self.text, start, space=True)
        if money is None and not _MONEY_RANGE_START.search(self.text, max(0, start - 16), start):
            return ONE, pos  # neither `$81.6B` nor the second end of `$2.89-3.01B`
        after = self.text[pos + 1 : pos + 2]
        if after.isascii() and after.isalnum():
            return ONE, pos  # $5Bn is handled as bn; $3MW is no money
        return factor, pos + 1

    def _plus(self, pos: int) -> int | None:
        found = self.lex.plus_words.match_at(self.text, pos)
        return None if found is None else found[1]

    def _unit(self, pos: int, *, chinese: bool) -> tuple[UnitForm | None, int, bool]:
        found = self.lex.unit_table.match_at(self.text, pos, space=True)
        if found is None:  # a 3-inch screen; 4,614 FP8 TFLOPS
            hyphen = self.text.startswith("-", pos)
            found = self.lex.hyphenated_unit(self.text, pos + 1) if hyphen else None
            found = found or self.lex.unit_after_precision(self.text, pos)
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

    def _signed(self, start: int, value: Decimal) -> tuple[int, Decimal]:
        """为-4.35亿元, 负三十二: a minus sign or 负 after a space, a separator or a linking
        verb (4万-5万 and 50%-60% are ranges, GPT-4 a name, 正负5% a margin)."""
        if start == 0 or self.text[start - 1] not in _MINUS:
            return start, value
        before = self.text[start - 2 : start - 1]
        if before and not before.isspace() and before not in _SIGN_AFTER:
            return start, value  # 4万-5万, 50%-60%, GPT-4: a range or a name
        return start - 1, -value

    def _currency_magnitude(
        self, pos: int, chinese: bool, none: tuple[UnitForm | None, int, bool]
    ) -> tuple[Decimal, int, tuple[UnitForm | None, int, bool]]:
        """2兆元, 4兆美元: a magnitude that is one only before a currency."""
        for word, size in self.lex.currency_multipliers.items():
            if self.text.startswith(word, pos):
                after = self._unit(pos + len(word), chinese=chinese)
                if after[0] is not None and after[0].unit in CURRENCY_UNITS:
                    return size, pos + len(word), after
        return ONE, pos, none

    def _unit_with_magnitude(self, pos: int, *, chinese: bool) -> bool:
        """千瓦时, 千克, 千米 at `pos`: a unit whose name begins with a magnitude word."""
        form = self._unit(pos, chinese=chinese)[0]
        return form is not None and form.surface[:1] in _MAGNITUDE_CHARS

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
    def _end_at(self, m: re.Match[str]) -> NumberEnd | None:
        s, e = m.start(), m.end()
        if s > 0 and self.text[s - 1] == "第" and self.text.startswith("代", e):
            return self._generation(m)
        match m.lastgroup:
            case "exact":
                value, unit = self.lex.exact_words[m.group("exact")]
                end = _word_end(m, value, plain_form(unit, multiple=True))
                cap = self.tol.round_figure_cap
                precision = half_unit(str(value), value, ONE, cap)
                return replace(end, precision=multiple_precision(precision, value, cap))
            case "pctnum":  # 百分之三十, 百分之22
                percent = parse_numeral(m.group("pctnum"))
                if percent is None:
                    return None
                precision = half_unit(m.group("pctnum"), percent, ONE, self.tol.round_figure_cap)
                percent_form = self.lex.units["%"]
                return NumberEnd(
                    s, e, m.group(), percent, ONE, precision, percent_form, None, chinese=True
                )
            case "fnum":  # 四分之一; 千分之二 is a per mille, 0.2%
                den, num = parse_numeral(m.group("fden")), parse_numeral(m.group("fnum"))
                if not den or num is None:
                    return None
                if den in (100, 1000, 10000):
                    return _word_end(m, num * 100 / den, plain_form("percent"))
                return _word_end(m, num / den, plain_form("dimensionless"))
            case "frac":  # 1/6
                numerator, denominator = (Decimal(x) for x in m.group("frac").split("/"))
                if denominator == 0 or numerator >= denominator:
                    return None
                return _word_end(m, numerator / denominator, plain_form("dimensionless"))
            case "vmag":  # 数亿, 上百
                return self._vague(m)
            case "ar":
                return self._numeral(m, parse_arabic(m.group("ar")), chinese=False)
            case "en":  # two hundred and five, sixty-one, a dozen
                words = parse_english(m.group("en"))
                return None if words is None else self._numeral(m, words, chinese=False)
            case _:
                parsed = parse_chinese(m.group("cn"))
                return None if parsed is None else self._numeral(m, parsed, chinese=True)

    def _generation(self, m: re.Match[str]) -> NumberEnd | None:
        """第七代: a generation number (kept), unlike the ordinal 第三."""
        value = parse_arabic(m.group()) if m.lastgroup == "ar" else parse_chinese(m.group())
        if value is None:
            return None
        form = plain_form("dimensionless")
        return NumberEnd(
            m.start() - 1, m.end() + 1, m.group(), value, ONE, ZERO, form, None, exact_word=True
        )

    def _vague(self, m: re.Match[str]) -> NumberEnd:
        low_digit, high_digit = self.lex.vague_numbers[m.group("vague")]
        magnitude = parse_chinese(m.group("vmag")) or ONE
        # 二十几万, 一百零几万: the tens or hundreds written before 几 are exact
        base = (parse_chinese(m.group("vhead").rstrip("零")) or ZERO) if m.group("vhead") else ZERO
        unit, end, _ = self._unit(m.end(), chinese=True)
        high = None if high_digit is None else (base + high_digit) * magnitude
        return NumberEnd(
            m.start(),
            end,
            m.group(),
            (base + low_digit) * magnitude,
            ONE,
            ZERO,
            unit,
            None,
            chinese=True,
            vague=True,
            vague_high=high,
        )

    def _numeral(self, m: re.Match[str], value: Decimal, *, chinese: bool) -> NumberEnd:
        """A numeral and what is glued to it: 多/余, a multiplier, a unit."""
        written = m.group()
        start, value = self._signed(m.start(), value)
        pos = m.end()
        plus_end = self._plus(pos)
        plus = plus_end is not None
        if self._unit_with_magnitude(plus_end or pos, chinese=chinese):
            multiplier, pos = ONE, plus_end or pos  # 1千瓦时 is 1 kWh, not 1000 W and 时
        else:
            multiplier, pos = self._multiplier(plus_end or pos, spaced=not chinese and not plus)
        if multiplier == ONE and not chinese and not plus:
            multiplier, pos = self._money_letter(m.start(), pos)
        if not plus and multiplier != ONE and (plus_end := self._plus(pos)) is not None:
            plus, pos = True, plus_end  # 100万多
        unit, unit_end, spaced = self._unit(pos, chinese=chinese)
        if unit is None and multiplier == ONE:
            multiplier, pos, (unit, unit_end, spaced) = self._currency_magnitude(
                pos, chinese, (unit, unit_end, spaced)
            )
        if unit is None and not chinese and (param_end := self._parameter_unit(pos, m.start())):
            unit, unit_end = self.lex.units["参数"], param_end
            multiplier *= Decimal(10) ** 9
        if unit is not None:
            pos = unit_end
            if value * multiplier <= 10:
                multiplier *= unit.scale  # 七成, 6.5折: tenths, in percent; 75折 is 75% already
        scaled = value * multiplier
        exact_word = chinese and unit is not None and unit.multiple  # 两倍, 十倍
        precision = half_unit(written, scaled, multiplier, self.tol.round_figure_cap)
        if unit is not None and unit.multiple:
            precision = multiple_precision(precision, scaled, self.tol.round_figure_cap)
        return NumberEnd(
            start,
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

    def _valid_end(self, end: NumberEnd, m: re.Match[str], *, range_end: bool = False) -> bool:
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
            if end.unit is None and end.multiplier == ONE and self._is_list_marker(s, m.end()):
                return False
            if self._is_stock_code(s, m.end(), end.written):
                return False
            if end.unit is None and _CITATION.match(text, max(0, s - 1)):
                return False  # [11], [5][6]: a citation marker
        if m.lastgroup == "en" and end.value == 1 and end.unit is None:
            return False  # one of them, the one: a word, not a count
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

    def _bare_chinese_ok(self, end: NumberEnd) -> bool:
        """A Chinese numeral with no unit is a number only where it cannot be a word:
        it has a magnitude character and is followed by 的, punctuation or a qualifier
        (突破十万的级别), never by more Han text (千辛万苦)."""
        if not any(c in "十百千万亿拾佰仟" for c in end.written):
            return False
        follower = self.text[end.end : end.end + 1]
        if len(end.written) < 2 and follower != "的":
            return False
        return not ("\u4e00" <= follower <= "\u9fff" and follower not in "的个以左多余")


def _word_end(m: re.Match[str], value: Decimal, form: UnitForm) -> NumberEnd:
    """A number stated exactly by a word (翻倍, 四分之一, 1/6): no precision of its own."""
    return NumberEnd(m.start(), m.end(), m.group(), value, ONE, ZERO, form, None, exact_word=True)
