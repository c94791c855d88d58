"""Property: a value written in Arabic, Chinese or mixed (with 万/亿) parses back to itself."""

from __future__ import annotations

from decimal import Decimal

import cn2an
from hypothesis import assume, example, given
from hypothesis import strategies as st

from factcheck.model.tolerances import Tolerances
from factcheck.quantities.lexicon import lexicon
from factcheck.quantities.parse import parse_text
from factcheck.quantities.units import compatible, conversion_factor
from factcheck.rules.pack import default_tolerances

TOLERANCES = default_tolerances()

amounts = st.integers(min_value=1, max_value=10**13)


def _only_value(text: str, tolerances: Tolerances) -> Decimal:
    found = [q for q in parse_text(text, TOLERANCES) if q.kind == "quantity"]
    assert len(found) == 1, (text, [q.surface for q in found])
    assert found[0].value is not None
    return found[0].value


def _grouped(n: int) -> str:
    return f"{n:,}"


@given(amounts)
@example(1979)
@example(1000000)
def test_arabic_with_separators(n: int) -> None:
    assert _only_value(f"营收{_grouped(n)}元", TOLERANCES) == n


@given(st.integers(min_value=2, max_value=10**13))  # a lone 一 + classifier is "a/an"
@example(2000)
@example(100000)
@example(100001000)  # 一亿一千 as cn2an writes it, without the 零
def test_chinese_numerals(n: int) -> None:
    written = cn2an.an2cn(n, "low")
    assert _only_value(f"共{written}颗", TOLERANCES) == n


@given(st.integers(min_value=1, max_value=99_999_999), st.integers(min_value=0, max_value=2))
@example(4264, 2)
@example(451, 2)
def test_mixed_wan(hundredths: int, places: int) -> None:
    scaled = Decimal(hundredths).scaleb(-places)
    text = f"收入{scaled}万元"
    assert _only_value(text, TOLERANCES) == scaled * 10**4


@given(st.integers(min_value=1, max_value=9_999_999), st.integers(min_value=0, max_value=2))
@example(451, 2)
@example(26044, 2)
def test_mixed_yi_and_wanyi(hundredths: int, places: int) -> None:
    scaled = Decimal(hundredths).scaleb(-places)
    assert _only_value(f"营收{scaled}亿美元", TOLERANCES) == scaled * 10**8
    assert _only_value(f"市值{scaled}万亿美元", TOLERANCES) == scaled * 10**12


@given(st.integers(min_value=1, max_value=10**6), st.integers(min_value=0, max_value=3))
def test_interval_contains_value(hundredths: int, places: int) -> None:
    scaled = Decimal(hundredths).scaleb(-places)
    for text in (f"{scaled}GB", f"约{scaled}GB", f"近{scaled}GB"):
        found = [q for q in parse_text(text, TOLERANCES) if q.kind == "quantity"]
        q = found[0]
        assert q.low is not None and q.high is not None
        assert q.low <= scaled <= q.high


@given(
    st.integers(min_value=1, max_value=9),
    st.sampled_from(sorted(lexicon().units)),
)
def test_every_unit_form_reads_back_after_a_number(digit: int, surface: str) -> None:
    """Each surface form of the lexicon, written after an Arabic number, gives its unit
    (and a scaled form such as 成 or 折 gives tenths in percent)."""
    form = lexicon().units[surface]
    spaced = " " if surface[0].isascii() and surface[0].isalpha() else ""
    parsed = parse_text(f"达到{digit}{spaced}{surface}。", TOLERANCES)
    assume(not any(q.kind == "date" for q in parsed))  # 1日, 3月: the date grammar reads them
    found = [q for q in parsed if q.unit]
    assert found, surface
    unit, value = found[0].unit, found[0].value
    assert value is not None and compatible(unit, form.unit), (surface, unit)
    # 1千瓦 may read as 1000 W: the same power
    in_form = float(value) * conversion_factor(unit, form.unit)
    assert abs(in_form - digit * float(form.scale)) < 1e-9, (surface, value, unit)
