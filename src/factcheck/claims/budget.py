"""The work budget of one document: numbers times the length of the sentence they sit in.

Binding reads a number's sentence (cue windows, clause bounds, earlier values), so a
document's cost grows with Σ numbers × sentence length. Prose stays far below the budget
(a number every ~30 characters in sentences of ~100); a page of digits and separators
does not. Past the budget the document gets FC004 instead of a slow, meaningless binding.
The budget counts work, not seconds, so the same input gives the same result on any
machine.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.errors import InputError
from factcheck.model.quantity import QuantityMention

# Per character of the document, plus a floor for short texts. The corpora's articles use
# at most ~6 per character.
LOAD_PER_CHAR = 60
LOAD_FLOOR = 200_000


class TooComplexError(InputError):
    """A document past its work budget: reported (FC004 in an audit), never bound."""

    def __init__(self, numbers: int, load: int, limit: int) -> None:
        self.numbers, self.load, self.limit = numbers, load, limit
        super().__init__(
            f"too complex to check here: {numbers} numbers packed so densely (work "
            f"{load:,}, budget {limit:,}) that the text reads as a table or noise, not prose"
        )


def check_budget(
    length: int, sentences: Sequence[tuple[int, int]], numbers: Sequence[QuantityMention]
) -> None:
    """Raise TooComplexError when the numbers' sentence reading would exceed the budget."""
    limit = LOAD_FLOOR + LOAD_PER_CHAR * length
    load = 0
    index = 0
    starts = [q.norm_span.start for q in numbers]
    for start, end in sentences:
        while index < len(starts) and starts[index] < start:
            index += 1
        inside = 0
        while index < len(starts) and starts[index] < end:
            inside += 1
            index += 1
        load += inside * (end - start)
    if load > limit:
        raise TooComplexError(numbers=len(numbers), load=load, limit=limit)
