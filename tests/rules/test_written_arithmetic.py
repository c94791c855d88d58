"""FC116 evaluates arithmetic the article writes out; numbers that are not joined by
operators into a computation with a stated result are never read as one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.api import check_articles, extract_claims, load_document
from factcheck.reference.table import EMPTY
from factcheck.rules.registry import default_pack


def _problems(text: str) -> list[str]:
    document = load_document("a.txt", text.encode("utf-8"))
    findings = check_articles([document], default_pack(), EMPTY)
    return [f.rule for f in findings if f.rule == "FC116" and f.is_problem]


def _expressions(text: str) -> list[str | None]:
    document = load_document("a.txt", text.encode("utf-8"))
    return [c.expression for c in extract_claims(document) if c.expression]


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 400), st.integers(401, 2000), st.booleans())
def test_a_share_worked_out_in_the_text_holds_only_when_right(
    part: int, whole: int, wrong: bool
) -> None:
    share = part / whole * 100
    stated = share * 1.5 + 1 if wrong else share
    text = f"其中数据中心营收{part}亿元,占比为{stated:.2f}%({part}亿元/{whole}亿元×100%)。\n"
    assert bool(_problems(text)) is wrong


def test_the_result_after_an_equals_sign_is_compared() -> None:
    assert _problems("总显存为8×96GB=868GB。\n") == ["FC116"]
    assert not _problems("总显存为8×96GB=768GB。\n")


def test_numbers_that_only_sit_side_by_side_are_no_arithmetic() -> None:
    assert not _expressions("8x H100服务器的显存为640GB,约 180 亿美元 / 年。\n")
    assert not _expressions("营收增长20%/30%,净利润1.2亿元。\n")
