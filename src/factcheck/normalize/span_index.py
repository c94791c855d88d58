"""Fast overlap queries over a fixed set of spans (dates, names, boilerplate)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate


class SpanIndex:
    """Answers "does [start, end) overlap any span?" in O(log n)."""

    __slots__ = ("_max_ends", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_ends = list(accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        # Spans that begin before `end` are candidates; one of them must reach past `start`.
        i = bisect_left(self._starts, max(end, start + 1))
        return i > 0 and self._max_ends[i - 1] > start

    def __bool__(self) -> bool:
        return bool(self._starts)
