"""How reports show claims and numbers to a person."""

from __future__ import annotations

from decimal import Decimal

from factcheck.model.claim import Claim


def claim_tooltip(claim: Claim) -> str:
    """entity · attribute · interval unit (scope)."""
    parts = [claim.entity or "unknown entity", claim.attribute or "unknown attribute"]
    value = _value(claim)
    if value:
        parts.append(value)
    scope = ", ".join(p for p in (claim.scope.period, claim.scope.condition) if p)
    if scope:
        parts.append(f"({scope})")
    if claim.kind.value != "value":
        parts.insert(0, claim.kind.value.replace("_", " "))
    return " · ".join(parts)


def _value(claim: Claim) -> str:
    unit = "" if claim.unit in (None, "dimensionless") else f" {claim.unit}"
    if claim.low is not None or claim.high is not None:
        low = "−∞" if claim.low is None else _plain(claim.low)
        high = "∞" if claim.high is None else _plain(claim.high)
        return f"{low} – {high}{unit}"
    if isinstance(claim.value, Decimal):
        return f"{_plain(claim.value)}{unit}"
    return str(claim.value) if claim.value is not None else ""


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return text


_SENTENCE_END = "。！？!?\n"
_CONTEXT_LIMIT = 160


def sentence_around(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The sentence holding text[start:end], cut into (before, quote, after), each side
    capped so a run-on line does not flood the report. A span past the end of the text (an
    article shortened since its claims were curated) gives what is left of it."""
    start, end = min(start, len(text)), min(max(start, end), len(text))
    left, right = sentence_bounds(text, start, end)
    return text[left:start].lstrip(), text[start:end], text[end:right].rstrip("\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence holding text[start:end] begins and ends, each side capped."""
    start, end = min(start, len(text)), min(max(start, end), len(text))
    left = start
    while left > 0 and text[left - 1] not in _SENTENCE_END and start - left < _CONTEXT_LIMIT:
        left -= 1
    right = end
    while (
        right < len(text)
        and text[right - 1 : right] not in tuple(_SENTENCE_END)
        and right - end < _CONTEXT_LIMIT
    ):
        right += 1
    return left, right
