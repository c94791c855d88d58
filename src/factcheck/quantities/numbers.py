"""Numerals to Decimal: Arabic (with 3-digit group separators), Chinese, and their precision.

Chinese numeral words go through cn2an, on an isolated numeral span only (never
`cn2an.transform` on running text: it turns `H20一样` into `H201样`).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

CHINESE_DIGITS = "零〇一二两三四五六七八九"
CHINESE_NUMERAL_CHARS = CHINESE_DIGITS + "俩十百千万亿"
FINANCIAL_NUMERAL_CHARS = "壹贰叁肆伍陆柒捌玖拾佰仟"
"""大写 numerals (肆佰陆拾, on cheques and contracts). Most are also ordinary
characters (大陆, 队伍, 放肆, 收拾): the pattern takes them only two in a row or after a
plain numeral (一千陆)."""
# 一千二百三十四亿五千六百七十八万九千零一十二 has 21 characters.
MAX_NUMERAL_CHARS = 32
_MAGNITUDE_WORDS = {
    "十": Decimal(10),
    "百": Decimal(100),
    "千": Decimal(1000),
    "万": Decimal(10**4),
    "亿": Decimal(10**8),
    "十万": Decimal(10**5),
    "百万": Decimal(10**6),
    "千万": Decimal(10**7),
    "十亿": Decimal(10**9),
    "百亿": Decimal(10**10),
    "千亿": Decimal(10**11),
    "万亿": Decimal(10**12),
}


def parse_arabic(text: str) -> Decimal:
    """`1,979` -> 1979; `3.35` -> 3.35 (keeps the written decimals)."""
    return Decimal(text.replace(",", ""))


@cache
def parse_chinese(text: str) -> Decimal | None:
    """`两千` -> 2000, `三点五` -> 3.5, `万` -> 10000; None if it is not a numeral."""
    if text in _MAGNITUDE_WORDS:
        return _MAGNITUDE_WORDS[text]
    if len(text) > MAX_NUMERAL_CHARS:
        return None  # no news figure is spelled this long; cn2an would build a huge int
    import cn2an  # imported on first use: loading it is a fifth of the start-up time

    try:
        value = cn2an.cn2an(text.replace("俩", "两"), "normal")
    except (ValueError, KeyError, IndexError, TypeError):
        return _without_zero(text)
    return Decimal(str(value))


def parse_numeral(text: str) -> Decimal | None:
    """Arabic digits (百分之22, 千分之2.4) or a Chinese numeral (百分之三十)."""
    if text and text[0].isdigit():
        return parse_arabic(text)
    return parse_chinese(text)


def _without_zero(text: str) -> Decimal | None:
    """一亿一千 (for 一亿零一千, the 零 left out): the part before the largest magnitude
    word times it, plus the rest, when the rest is smaller than the magnitude."""
    for word, magnitude in (("亿", Decimal(10) ** 8), ("万", Decimal(10) ** 4)):
        head, found, tail = text.partition(word)
        if not found or not head or not tail or tail[0] == "零":
            continue
        high, low = parse_chinese(head), parse_chinese(tail)
        if high is not None and low is not None and low < magnitude:
            return high * magnitude + low
    return None


def decimals_written(text: str) -> int:
    """How many digits follow the decimal point as written (`1.50` -> 2)."""
    for point in (".", "点"):
        if point in text:
            return len(text.split(point, 1)[1])
    return 0


def trailing_zeros(value: Decimal) -> int:
    """Trailing zeros of an integer value (900 -> 2); 0 for non-integers."""
    if value == 0 or value != value.to_integral_value():
        return 0
    digits = str(int(value))
    return len(digits) - len(digits.rstrip("0"))


def half_unit(written: str, value: Decimal, multiplier: Decimal, cap: Decimal) -> Decimal:
    """Half a unit of the last significant written digit, after the multiplier.

    A round integer (900, 10000) is taken to be precise to its last non-zero digit, but no
    wider than `cap` times its value: `900` stands for [855, 945] with a 5% cap.
    """
    decimals = decimals_written(written)
    if decimals:
        return Decimal(5) * Decimal(10) ** (-decimals - 1) * multiplier
    base = Decimal("0.5") * multiplier
    zeros = trailing_zeros(value / multiplier) if multiplier else 0
    if zeros == 0:
        return base
    rounded = Decimal("0.5") * Decimal(10) ** zeros * multiplier
    return max(base, min(rounded, cap * value))


def unit_of_last_digit(written: str, value: Decimal, multiplier: Decimal) -> Decimal:
    """One unit of the last non-zero written digit: `500多` -> 100, `3000余` -> 1000."""
    decimals = decimals_written(written)
    if decimals:
        return Decimal(10) ** (-decimals) * multiplier
    zeros = trailing_zeros(value / multiplier) if multiplier else 0
    return Decimal(10) ** zeros * multiplier


def multiple_precision(precision: Decimal, value: Decimal, cap: Decimal) -> Decimal:
    """两倍 = 2倍 = twice = 翻倍, one interval whatever the script: the written digit's half
    unit, but a whole multiple no wider than the round-figure cap (2倍 is 1.9-2.1, not
    1.5-2.5; 2.1倍 keeps its ±0.05)."""
    return min(precision, cap * abs(value))
