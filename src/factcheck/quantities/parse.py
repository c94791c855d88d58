"""parse_text(): quantities of one raw text, with offsets into that text."""

from __future__ import annotations

from factcheck.model.quantity import QuantityMention
from factcheck.model.tolerances import Tolerances
from factcheck.normalize.characters import encodable
from factcheck.normalize.pipeline import normalize_chars
from factcheck.quantities.extract import find_quantities


def parse_text(
    raw: str, tolerances: Tolerances, *, names: list[tuple[int, int]] | tuple[()] = ()
) -> list[QuantityMention]:
    """Every quantity and date of `raw`; spans are code-point offsets into `raw`."""
    raw = encodable(raw)
    text, offsets = normalize_chars(raw)
    return find_quantities(text, tolerances, names=names, offsets=offsets, original=raw)
