"""A lexicon pattern scanned once per text, then read window by window.

Cue words are looked up in a window around every number. Running the pattern over each
window costs the window's length per number, which is quadratic in a long sentence; here
the text is scanned once (one trie-shaped `finditer`) and a window is a bisect into its
matches.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from factcheck.claims.trie import CaselessPattern

# Texts whose matches are kept: the document and the headings read beside it. Few, since a
# document's text may be large.
_KEPT_TEXTS = 8


class ScannedPattern:
    def __init__(self, pattern: re.Pattern[str] | CaselessPattern) -> None:
        self.pattern = pattern
        self._scanned: dict[str, tuple[list[int], list[tuple[int, int, str]]]] = {}

    def within(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, matched text) of the matches lying wholly inside text[start:end]."""
        starts, found = self._matches(text)
        first = bisect_left(starts, start)
        last = bisect_left(starts, end, lo=first)
        return [match for match in found[first:last] if match[1] <= end]

    def _matches(self, text: str) -> tuple[list[int], list[tuple[int, int, str]]]:
        known = self._scanned.get(text)
        if known is None:
            if len(self._scanned) >= _KEPT_TEXTS:
                self._scanned.clear()
            found = [(m.start(), m.end(), m.group()) for m in self.pattern.finditer(text)]
            known = ([match[0] for match in found], found)
            self._scanned[text] = known
        return known
