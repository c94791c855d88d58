"""Chinese compound amounts written as two numbers: 1亿2000万元, 2兆7629.64億元, 7万 5千.

The grammar reads each numeral with its own magnitude; a larger magnitude followed at once
by a smaller one is one amount, the sum, with the second's unit and precision (the last
written digit decides how precise the whole is).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from factcheck.model.quantity import QuantityKind, QuantityMention
from factcheck.model.span import Span

_MAGNITUDE_END = (
    ("万亿", Decimal(10) ** 12),
    ("亿", Decimal(10) ** 8),
    ("万", Decimal(10) ** 4),
    ("千", Decimal(10) ** 3),
)
# 兆 is a trillion before a currency (Taiwan, Japan): 2兆7629億元; read from the gap, since
# the grammar takes 兆 as a magnitude only right before a currency word.
_TRILLION_GAP = "兆"
_SMALLER_WORDS = frozenset("十百千万亿")

Original = Callable[[int, int], tuple[Span, str]]


def merge_compounds(
    text: str, mentions: list[QuantityMention], original: Original
) -> list[QuantityMention]:
    """Mentions in text order, each larger-then-smaller pair merged into one."""
    merged: list[QuantityMention] = []
    for mention in mentions:
        head = merged[-1] if merged else None
        joined = _joined(text, head, mention, original) if head is not None else None
        if joined is not None:
            merged[-1] = joined
        else:
            merged.append(mention)
    return merged


def _joined(
    text: str, head: QuantityMention, tail: QuantityMention, original: Original
) -> QuantityMention | None:
    if not _plain(head) or not _plain(tail):
        return None
    # 新台币1兆2121亿元: the currency written before the head is the tail's 元 too
    tail_written = text[tail.norm_span.start : tail.norm_span.end].rstrip()
    yuan_of_head = tail.unit == "CNY" and tail_written.endswith("元")
    if head.unit not in ("dimensionless", tail.unit) and not yuan_of_head:
        return None
    gap = text[head.norm_span.end : tail.norm_span.start].strip()
    magnitude = _magnitude(text[head.norm_span.start : head.norm_span.end].rstrip(), gap)
    if magnitude is None or len(text[head.norm_span.end : tail.norm_span.start]) > 3:
        return None
    written = text[tail.norm_span.start : tail.norm_span.end]
    if not _SMALLER_WORDS.intersection(written) or tail.value is None or head.value is None:
        return None
    head_value = head.value * (10**12 if gap else 1)
    # 3亿5千 is too far below its head to be its tail (it is 3亿5千万 cut short)
    if not magnitude / 10**4 <= tail.value < magnitude:
        return None
    unit = head.unit if tail.unit == "dimensionless" or head.unit != "dimensionless" else tail.unit
    start, end = head.norm_span.start, tail.norm_span.end
    span, surface = original(start, end)
    return replace(
        tail,
        span=span,
        norm_span=Span(start=start, end=end),
        surface=surface,
        unit=unit,
        value=head_value + tail.value,
        low=None if tail.low is None else head_value + tail.low,
        high=None if tail.high is None else head_value + tail.high,
    )


def _plain(q: QuantityMention) -> bool:
    return q.kind == QuantityKind.quantity and not q.is_range and q.value is not None


def _magnitude(head: str, gap: str) -> Decimal | None:
    """The magnitude the first number (as normalized) ends in: one of its unit's worth
    bounds the second."""
    if gap == _TRILLION_GAP:
        return Decimal(10) ** 12 if not _SMALLER_WORDS.intersection(head) else None
    if gap:
        return None
    for word, magnitude in _MAGNITUDE_END:
        if head.endswith(word):
            return magnitude
    return None
