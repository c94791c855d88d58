"""English cardinal words: `two hundred and five`, `sixty-one`, `a dozen`, `three million`.

Only whole cardinals; the quantity grammar treats their value like digits (a written
`five` is 5 at the precision of its last word, as `5` is).
"""

from __future__ import annotations

from decimal import Decimal

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_FIRST = (*_UNITS, *_TENS)
_WORD = "|".join(sorted((*_UNITS, *_TENS, "hundred", *_SCALES, "dozens", "dozen"), key=len)[::-1])
_FIRST_WORD = "|".join(sorted(_FIRST, key=len)[::-1])
_A_WORD = "|".join(("hundred", "dozen", *_SCALES))
PATTERN = rf"(?i:\b(?:{_FIRST_WORD}|a\s+(?:{_A_WORD}))(?:(?:[\s-]+|\s+and\s+)(?:{_WORD}))*\b)"
"""A run of cardinal words starting with a digit word, or `a` before a hundred or a dozen."""
STARTS = frozenset("aA") | frozenset(w[0] for w in _FIRST) | frozenset(w[0].upper() for w in _FIRST)


def parse_english(text: str) -> Decimal | None:
    """The value of a run of cardinal words; None when it is not a number (`a` alone)."""
    words = [w for w in text.lower().replace("-", " ").split() if w != "and"]
    total = current = 0
    seen = False
    for index, word in enumerate(words):
        if word == "a":
            if index != 0 or len(words) == 1:
                return None
            current = 1
        elif word in _UNITS or word in _TENS:
            current += _UNITS.get(word) or _TENS[word]
            seen = True
        elif word == "hundred":
            current = (current or 1) * 100
            seen = True
        elif word in ("dozen", "dozens"):
            current = (current or 1) * 12
            seen = True
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
            seen = True
        else:
            return None
    return Decimal(total + current) if seen else None


def last_word_unit(text: str) -> Decimal:
    """One unit of the last word's place: `two hundred` -> 100, `sixty-one` -> 1."""
    last = text.lower().replace("-", " ").split()[-1]
    if last in _SCALES:
        return Decimal(_SCALES[last])
    if last == "hundred":
        return Decimal(100)
    if last in _TENS:
        return Decimal(10)
    return Decimal(1)
