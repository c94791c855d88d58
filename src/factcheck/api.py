"""Library entry points that wire the stages together. No printing, no typer, no rich."""

from __future__ import annotations

from factcheck.model.quantity import QuantityMention
from factcheck.model.tolerances import Tolerances
from factcheck.normalize.pipeline import normalize
from factcheck.quantities.extract import find_quantities
from factcheck.rules.pack import default_tolerances


def document_quantities(
    original: str, tolerances: Tolerances | None = None
) -> list[QuantityMention]:
    """Every quantity and date of an article outside its boilerplate, spans in `original`."""
    normalized = normalize(original)
    mentions = find_quantities(
        normalized.text,
        tolerances or default_tolerances(),
        offsets=normalized.offsets,
        original=original,
    )
    return [q for q in mentions if not normalized.is_excluded(q.norm_span.start, q.norm_span.end)]
