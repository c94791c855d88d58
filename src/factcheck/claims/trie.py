"""One regular expression for a word list, shaped as a character trie.

An alternation of hundreds of words is tried word by word at every position of a text; a
trie tries each next character once. Both find the longest listed word at a position.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cached_property
from typing import Any

_END = ""


def trie_pattern(words: list[str]) -> str:
    """A regex source matching exactly the words (the longest one where several start)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_END] = {}
    return _render(root) or "(?!)"


def _render(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _render(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:  # a word may end here; the greedy ? still prefers the longer word
        return "(?:" + body + ")?"
    return body


class CaselessPattern:
    """A pattern of lower-case words matched case-insensitively by lowering the text once.

    Python's `re.I` on a trie of hundreds of words costs about four times a plain match; a
    text whose lowering changes its length (İ) falls back to it, so positions stay the text's.
    Matched groups are the lowered text: read the surface from the text by position.
    """

    def __init__(self, source: str) -> None:
        self._source = source
        self._plain = re.compile(source)

    @cached_property
    def _folded(self) -> re.Pattern[str]:
        return re.compile(self._source, re.I)  # compiled only when a text needs it

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        lowered = text.lower()
        if len(lowered) == len(text):
            return self._plain.finditer(lowered)
        return self._folded.finditer(text)


def caseless_words(words: list[str]) -> CaselessPattern:
    """A trie of the words, lowered, matched without regard to case."""
    return CaselessPattern(trie_pattern(sorted({word.lower() for word in words})))
