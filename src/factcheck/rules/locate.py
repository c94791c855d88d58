"""Where a claim is: line and column of its span, by a bisect into each document's line
starts (found once per document)."""

from __future__ import annotations

import re
from bisect import bisect_right

from factcheck.model.claim import Claim
from factcheck.model.finding import Location
from factcheck.rules.checks.base import Locator


def locator(texts: dict[str, str]) -> Locator:
    """Line and column (1-based, code points) of a claim's span in its document."""

    line_starts: dict[str, list[int]] = {}

    def locate(claim: Claim) -> Location:
        text = texts.get(claim.document, "")
        starts = line_starts.get(claim.document)
        if starts is None:  # once per document: a bisect per claim, not a count from 0
            starts = [0, *(m.end() for m in re.finditer("\n", text))]
            line_starts[claim.document] = starts
        start = claim.span[0]
        line = bisect_right(starts, start)
        column = start - starts[line - 1] + 1
        return Location(document=claim.document, span=claim.span, line=line, column=column)

    return locate
