"""Ranks: 排名第二, 位列全球第四, 第三大, 第1名, No. 2, second-largest, ranked fifth. A rank is
its own kind of quantity (unit `rank`), never a count: 全球第二大 is the second place, not
two of anything. 第三季度, 第二代, 第一批 are periods, generations and batches, not ranks:
a 第N is a rank only with a rank word before it or 名/位/大 after it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from factcheck.quantities.english_numbers import parse_english
from factcheck.quantities.lexicon import lexicon_data
from factcheck.quantities.numbers import parse_chinese

_CN_NUMERAL = r"[一二两三四五六七八九十百\d]{1,4}"


@cache
def _chinese_pattern() -> re.Pattern[str]:
    """第N with the lexicon's rank words around it; 安排第二批, 排第三季度 are counted."""
    words = lexicon_data()["ranks"]

    def alternation(key: str) -> str:
        return "|".join(re.escape(w) for w in sorted(words[key], key=len, reverse=True))

    return re.compile(
        rf"(?P<before>(?:{alternation('verbs')})(?:{alternation('scopes')})?)?"
        rf"第\s*(?P<n>{_CN_NUMERAL})\s*(?P<after>{alternation('after')})?"
        rf"(?!{alternation('counted_after')})"
    )


_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
_EN = re.compile(
    r"(?<![\w.])(?:No\.\s?(?P<no>\d{1,3})(?![\d.,])"
    r"|(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d{1,3}(?:st|nd|rd|th))[- ](?:largest|biggest|highest|most valuable|place)"
    r"|ranked\s(?:No\.\s?)?(?P<ranked>first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|\d{1,3}(?:st|nd|rd|th)?)(?![\w]))",
    re.I,
)


@dataclass(frozen=True)
class RankMention:
    start: int
    end: int
    value: int


def find_ranks(text: str) -> Iterator[RankMention]:
    for m in _chinese_pattern().finditer(text):
        if not (m.group("before") or m.group("after")):
            continue  # 第三季度, 第二代: no rank word around it
        value = _chinese(m.group("n"))
        if value is not None and value > 0:
            yield RankMention(m.start(), m.end(), value)
    for m in _EN.finditer(text):
        written = m.group("no") or m.group("ord") or m.group("ranked")
        value = _english(written)
        if value is not None and value > 0:
            yield RankMention(m.start(), m.end(), value)


def _chinese(written: str) -> int | None:
    if written.isdigit():
        return int(written)
    value = parse_chinese(written)
    return int(value) if value is not None and value == int(value) else None


def _english(written: str) -> int | None:
    word = written.lower()
    if word in _EN_ORDINALS:
        return _EN_ORDINALS[word]
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group())
    parsed = parse_english(word)
    return int(parsed) if parsed is not None else None
