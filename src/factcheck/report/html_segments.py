"""A piece of an article's text for the HTML report: plain, or covered by claims."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Segment:
    text: str
    claims: list[str] = field(default_factory=list)
    severity: str | None = None
    anchor: str | None = None
    extra_anchors: list[str] = field(default_factory=list)
    """Other claims that start here too (从13%骤降至5% starts two claims)."""
    tooltip: str = ""
