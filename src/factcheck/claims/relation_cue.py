"""The relation a number belongs to, as read from the words around it (relation_cues.py)."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.model.claim import ClaimKind
from factcheck.model.quantity import Qualifier


@dataclass(frozen=True, slots=True)
class RelationCue:
    kind: ClaimKind
    cue_start: int
    """Where the relation phrase begins (the claim's span starts here)."""
    base_start: int | None = None
    base_end: int | None = None
    sign: int = 1
    qualifier: Qualifier | None = None
    """A qualifier written away from the number (几乎是…的两倍) that overrides its own."""
    condition: str | None = None
    label: str | None = None
    """A period label such as 三年 before 复合增长率."""
    of_previous: bool = False
    """A share of the amount written before (其中四分之一): that amount is the whole."""
