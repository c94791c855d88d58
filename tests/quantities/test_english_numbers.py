"""English cardinal words written from their parts parse back to their value."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.quantities.english_numbers import parse_english
from factcheck.quantities.parse import parse_text
from factcheck.rules.pack import default_tolerances

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()  # fmt: skip
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _below_thousand(n: int, *, british: bool) -> str:
    hundreds, rest = divmod(n, 100)
    parts = [f"{_UNITS[hundreds]} hundred"] if hundreds else []
    if rest:
        tens, unit = divmod(rest, 10)
        words = _UNITS[rest] if rest < 20 else _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")
        parts.append(("and " if british and hundreds else "") + words)
    return " ".join(parts)


def spelled(n: int, *, british: bool = False) -> str:
    """999999 -> nine hundred ninety-nine thousand nine hundred ninety-nine."""
    thousands, rest = divmod(n, 1000)
    parts = [f"{_below_thousand(thousands, british=british)} thousand"] if thousands else []
    if rest:
        parts.append(_below_thousand(rest, british=british))
    return " ".join(parts)


@given(st.integers(min_value=2, max_value=999_999), st.booleans())
def test_spelled_cardinals_parse_back(n: int, british: bool) -> None:
    written = spelled(n, british=british)
    assert parse_english(written) == n, written
    found = list(parse_text(f"They shipped {written} chips.", default_tolerances()))
    assert len(found) == 1 and found[0].value == n and found[0].unit == "count", (written, found)


def test_one_alone_is_a_word_and_a_dozen_is_twelve() -> None:
    assert not parse_text("one of the chips", default_tolerances())
    assert [q.value for q in parse_text("a dozen servers", default_tolerances())] == [12]
