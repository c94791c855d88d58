"""The character trie finds what a longest-first alternation of the same words finds."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from factcheck.claims.trie import trie_pattern

letters = st.text(alphabet="abc显存带宽 ", min_size=1, max_size=4)


@given(st.lists(letters, min_size=1, max_size=12), st.text(alphabet="abc显存带宽 x", max_size=40))
def test_the_trie_matches_like_a_longest_first_alternation(words: list[str], text: str) -> None:
    alternation = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    expected = [m.span() for m in re.finditer(alternation, text)]
    assert [m.span() for m in re.finditer(trie_pattern(words), text)] == expected


def test_an_empty_list_matches_nothing() -> None:
    assert re.search(trie_pattern([]), "anything") is None
