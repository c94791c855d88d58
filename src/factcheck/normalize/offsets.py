"""Edits made by normalization, and the map from normalized offsets back to the original.

Each normalization step returns the edits it made to its input as (start, end, replacement)
triples; applying them gives its output. An `OffsetMap` is the chain of those steps, so a
span of the final text can be mapped back through every step to the original article.
A span that touches part of an edit is widened to the whole edit in the original text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple


class Edit(NamedTuple):
    start: int
    end: int
    replacement: str


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply sorted, non-overlapping edits to text."""
    if not edits:
        return text
    parts: list[str] = []
    cursor = 0
    for edit in edits:
        parts.append(text[cursor : edit.start])
        parts.append(edit.replacement)
        cursor = edit.end
    parts.append(text[cursor:])
    return "".join(parts)


@dataclass(frozen=True)
class StepMap:
    """Offsets of one step: where each edit sits in the step's input and output."""

    in_starts: tuple[int, ...]
    in_ends: tuple[int, ...]
    out_starts: tuple[int, ...]
    out_ends: tuple[int, ...]

    @classmethod
    def from_edits(cls, edits: Sequence[Edit]) -> StepMap:
        in_starts, in_ends, out_starts, out_ends = [], [], [], []
        shift = 0
        for edit in edits:
            out_start = edit.start + shift
            out_end = out_start + len(edit.replacement)
            in_starts.append(edit.start)
            in_ends.append(edit.end)
            out_starts.append(out_start)
            out_ends.append(out_end)
            shift += len(edit.replacement) - (edit.end - edit.start)
        return cls(tuple(in_starts), tuple(in_ends), tuple(out_starts), tuple(out_ends))

    def start_to_input(self, pos: int) -> int:
        # The last edit that begins at or before pos decides.
        i = bisect_right(self.out_starts, pos) - 1
        # Deletions and edits ending at pos lie wholly before pos; skip past them.
        if i < 0:
            return pos
        if self.out_ends[i] > pos:
            return self.in_starts[i]
        return pos - self.out_ends[i] + self.in_ends[i]

    def end_to_input(self, pos: int) -> int:
        # The last edit that begins strictly before pos decides.
        i = bisect_left(self.out_starts, pos) - 1
        if i < 0:
            return pos
        if self.out_ends[i] >= pos:
            return self.in_ends[i]
        return pos - self.out_ends[i] + self.in_ends[i]


@dataclass(frozen=True)
class OffsetMap:
    """Maps offsets of the normalized text back to the original text."""

    steps: tuple[StepMap, ...] = field(default=())

    def then(self, edits: Sequence[Edit]) -> OffsetMap:
        if not edits:
            return self
        return OffsetMap((*self.steps, StepMap.from_edits(edits)))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        for step in reversed(self.steps):
            if start == end:
                start = end = step.start_to_input(start)
            else:
                start, end = step.start_to_input(start), step.end_to_input(end)
        return start, end

    @property
    def is_identity(self) -> bool:
        return not self.steps


def edits_from_matches(
    matches: Iterable[tuple[int, int, str]],
) -> list[Edit]:
    return [Edit(start, end, replacement) for start, end, replacement in matches]
