"""The report of one draft is the draft: its text with each finding's card placed after
the paragraph of the finding's first number, so an editor reads the article once."""

from __future__ import annotations

from dataclasses import replace

from factcheck.report.finding_view import FindingView
from factcheck.report.html_segments import Segment


def draft_blocks(
    text: str, pieces: list[Segment], views: list[FindingView], document: str
) -> list[Segment | FindingView]:
    """The article's segments with the findings' cards between them."""
    cuts: dict[int, list[FindingView]] = {}
    for view in views:
        # after the paragraph of the finding's own claim (its first location), not of the
        # operand it borrows from an earlier paragraph
        starts = [loc.span[0] for loc in view.finding.locations if loc.document == document]
        where = _paragraph_end(text, starts[0]) if starts else 0
        cuts.setdefault(where, []).append(view)
    blocks: list[Segment | FindingView] = list(cuts.pop(0, []))
    position = 0
    for piece in pieces:
        end = position + len(piece.text)
        inside = sorted(c for c in cuts if position < c < end) if not piece.claims else []
        at = position
        for cut in inside:
            blocks.append(replace(piece, text=text[at:cut]))
            blocks.extend(cuts.pop(cut))
            at = cut
        blocks.append(replace(piece, text=text[at:end]) if at != position else piece)
        position = end
        for cut in sorted(c for c in cuts if c <= position):
            blocks.extend(cuts.pop(cut))  # a cut inside a marked number goes after it
    for cut in sorted(cuts):
        blocks.extend(cuts[cut])
    return blocks


def _paragraph_end(text: str, start: int) -> int:
    """Just after the line break that ends the paragraph (the card starts the next line)."""
    end = text.find("\n", start)
    return len(text) if end == -1 else end + 1
