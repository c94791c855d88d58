"""Fast longest-match lookup of a word list at a position (units, qualifiers, multipliers).

Python's re tries each alternative of a large alternation in turn; indexing the words by
their first (or last) character makes a lookup a handful of `startswith` calls.
"""

from __future__ import annotations

from collections.abc import Iterable


def _is_latin_letter(char: str) -> bool:
    return char.isascii() and char.isalpha()


class WordTable:
    __slots__ = ("_by_first", "_by_last")

    def __init__(self, words: Iterable[str]) -> None:
        by_first: dict[str, list[str]] = {}
        by_last: dict[str, list[str]] = {}
        for word in sorted({w for w in words if w}, key=len, reverse=True):
            by_first.setdefault(word[0], []).append(word)
            by_last.setdefault(word[-1], []).append(word)
        self._by_first = by_first
        self._by_last = by_last

    def match_at(self, text: str, pos: int, *, space: bool = False) -> tuple[str, int] | None:
        """The longest word starting at `pos` (after one optional space), and its end."""
        if space and pos < len(text) and text[pos] in " \t\u3000":
            found = self._at(text, pos + 1)
            if found is not None:
                return found
        return self._at(text, pos)

    def match_before(self, text: str, pos: int, *, space: bool = False) -> tuple[str, int] | None:
        """The longest word ending at `pos` (before one optional space), and its start."""
        if space and pos > 0 and text[pos - 1] in " \t\u3000":
            found = self._before(text, pos - 1)
            if found is not None:
                return found
        return self._before(text, pos)

    def _at(self, text: str, pos: int) -> tuple[str, int] | None:
        if pos >= len(text):
            return None
        for word in self._by_first.get(text[pos], ()):
            end = pos + len(word)
            if text.startswith(word, pos) and _bounded(text, pos, end, word):
                return word, end
        return None

    def _before(self, text: str, pos: int) -> tuple[str, int] | None:
        if pos <= 0:
            return None
        for word in self._by_last.get(text[pos - 1], ()):
            start = pos - len(word)
            if start >= 0 and text.startswith(word, start) and _bounded(text, start, pos, word):
                return word, start
        return None


def _bounded(text: str, start: int, end: int, word: str) -> bool:
    """A word that begins or ends with a Latin letter must not run on into another word."""
    if _is_latin_letter(word[-1]) and end < len(text) and _is_latin_letter(text[end]):
        return False
    return not (_is_latin_letter(word[0]) and start > 0 and _is_latin_letter(text[start - 1]))
