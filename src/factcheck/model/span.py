"""Character spans. Offsets are code points into a text, end exclusive.

A slotted dataclass rather than a pydantic model: extraction creates millions of them, and
pydantic still validates and serializes it wherever it is a field of a model.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def __len__(self) -> int:
        return self.end - self.start
