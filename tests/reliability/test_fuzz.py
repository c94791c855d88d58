"""Adversarial article text through parse, load, audit and every renderer (hypothesis).

`make fuzz` runs the same checks over a million generated inputs; every input that ever
crashed is kept in crashes.jsonl and replayed here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability.checks import check_audit, check_parse
from tests.reliability.fragments import ALL, HOSTILE, NUMBERS

CRASHES = Path(__file__).with_name("crashes.jsonl")

fragment_text = st.lists(st.sampled_from(ALL), min_size=1, max_size=40).map("".join)
raw_text = st.text(st.characters(codec=None, exclude_categories=()), min_size=0, max_size=200)
mixed = st.lists(
    st.one_of(st.sampled_from(ALL), st.text(max_size=5), st.sampled_from(HOSTILE)),
    min_size=1,
    max_size=30,
).map("".join)
digit_runs = st.builds(
    lambda n, sep, unit: sep.join(["1"] * n) + unit,
    st.integers(1, 2000),
    st.sampled_from([" ", ",", ".", "，", "、", "~", "-", "1", "万"]),
    st.sampled_from(["", "GB", "亿元", "%", "倍"]),
)
brackets = st.builds(
    lambda depth, inner: "(" * depth + inner + ")" * depth + "【" * depth,
    st.integers(0, 300),
    st.sampled_from(NUMBERS),
)
ANY_TEXT = st.one_of(fragment_text, raw_text, mixed, digit_runs, brackets)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(ANY_TEXT)
def test_parse_never_fails_and_spans_match_surfaces(text: str) -> None:
    check_parse(text)


@settings(FUZZ, max_examples=60)
@given(st.one_of(fragment_text, mixed, digit_runs))
def test_audit_and_every_renderer_hold_on_hostile_text(text: str) -> None:
    check_audit(text)


@settings(FUZZ, max_examples=40)
@given(st.binary(max_size=300))
def test_any_bytes_load_or_are_refused_in_one_line(data: bytes) -> None:
    check_audit(
        data.decode("utf-8", "surrogateescape")
        .encode("utf-8", "surrogateescape")
        .decode("utf-8", "replace")
    )


def _crashes() -> list[str]:
    return [json.loads(line)["text"] for line in CRASHES.read_text("utf-8").splitlines() if line]


@pytest.mark.parametrize("text", _crashes())
def test_every_input_that_ever_crashed_now_holds(text: str) -> None:
    check_parse(text)
    check_audit(text)
