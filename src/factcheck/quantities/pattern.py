"""The one pattern that finds where a number may start: numerals (Arabic, Chinese,
English words), number words of the lexicon, fractions and percent words; `ends.py` reads
what each match is, `extract.py` scans with it."""

from __future__ import annotations

import re
from functools import cache

from factcheck.quantities.english_numbers import PATTERN as ENGLISH_NUMBER
from factcheck.quantities.english_numbers import STARTS as ENGLISH_STARTS
from factcheck.quantities.lexicon import bounded_alternation, lexicon
from factcheck.quantities.numbers import CHINESE_NUMERAL_CHARS, FINANCIAL_NUMERAL_CHARS

_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"


@cache
def core_pattern() -> re.Pattern[str]:
    lex = lexicon()
    cn = CHINESE_NUMERAL_CHARS
    digits = "零〇一二两三四五六七八九"
    # Python's re tries every alternative at every position; a one-character look-ahead over
    # everything a number can start with makes the scan skip ordinary text quickly.
    big = FINANCIAL_NUMERAL_CHARS
    starters = {w[0] for w in (*lex.exact_words, *lex.vague_numbers)} | set(cn) | {"百"}
    starters |= set(big)
    starters |= ENGLISH_STARTS
    first = "".join(sorted(re.escape(c) for c in starters))
    return re.compile(
        rf"(?=[\d{first}])"
        "(?:(?P<exact>" + bounded_alternation(list(lex.exact_words)) + ")"
        rf"|(?P<pct>百分之)(?P<pctnum>[{cn}点]+|{_ARABIC})"
        rf"|(?P<fden>[一二两三四五六七八九十百千万]+)分之(?P<fnum>[{digits}十百千点]+|{_ARABIC})"
        # 二十几万: tens or hundreds before 几 belong to the vague number
         + r"|(?:(?P<vhead>[一二两三四五六七八九十百千]+零?)(?=几))?"
        "(?P<vague>" + "|".join(sorted(lex.vague_numbers, key=len, reverse=True)) + ")"
        "(?P<vmag>" + "|".join(lex.vague_magnitudes) + ")"
        r"|(?P<frac>(?<![\d/.])\d{1,2}/\d{1,3}(?![\d/]))"
        + f"|(?P<en>{ENGLISH_NUMBER})"
        + r"|(?P<ar>\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?)"
        # 大写 characters two in a row or after a plain numeral; 大陆十家 stays 十家.
        # 壹百, 捌千: an unambiguous 大写 digit before a plain magnitude (not 陆万: 大陆万家)
        rf"|(?P<cn>(?:[{cn}]*[{big}][{big}]|[{cn}]+[{big}]|[壹贰叁柒捌玖][十百千万亿])[{cn}{big}]*"
        rf"(?:点[{digits}]+)?"
        rf"|[{cn}]+(?:点[{digits}]+)?))"
    )
