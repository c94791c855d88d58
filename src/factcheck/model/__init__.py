"""Immutable records shared by every stage. No logic beyond derived properties."""

from factcheck.model.document import Document, DocumentMeta
from factcheck.model.quantity import (
    DateValue,
    Qualifier,
    QuantityKind,
    QuantityMention,
)
from factcheck.model.span import Span
from factcheck.model.tolerances import Tolerances

__all__ = [
    "DateValue",
    "Document",
    "DocumentMeta",
    "Qualifier",
    "QuantityKind",
    "QuantityMention",
    "Span",
    "Tolerances",
]
