"""FC206: a figure given under the wrong name. One article calls 15832 the H200's
performance density; another gives 15840 as the H200's TPP, and every performance density
the other articles state lies between 2.9 and 19.4. The figure is the TPP, mislabelled.

Two conditions, both needed: the figure is `scale_factor` times outside the range of the
attribute's values in the other articles (at least `min_others` of them), and a figure of
another attribute of the same entity in another article equals it within rounding (and is
written with at least `min_digits` significant digits, so 8 = 8 is no evidence).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from factcheck.model.claim import Claim
from factcheck.model.finding import Finding, Verdict
from factcheck.rules.checks.base import (
    CheckContext,
    as_range,
    attribute_name,
    entity_name,
    finding,
    interval_in,
    show,
)
from factcheck.rules.interval import Interval
from factcheck.rules.registry import Rule


def check_mislabelled(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    factor = rule.number("scale_factor")
    digits = int(rule.number("min_digits"))
    needed = int(rule.number("min_others"))
    by_attribute: dict[tuple[str, str], list[Claim]] = {}
    by_entity: dict[str, list[Claim]] = {}
    for (entity, attribute, _, _), group in sorted(context.sure_groups().items()):
        numeric = [c for c in group.claims if _positive(c) is not None]
        for claim in numeric:
            by_attribute.setdefault((attribute, claim.unit or ""), []).append(claim)
        by_entity.setdefault(entity, []).extend(numeric)
    for _, claims in sorted(by_attribute.items()):
        ranges = _Ranges(claims)
        for claim in claims:
            if _digits(claim) < digits or not context.in_focus([claim]):
                continue
            extremes = ranges.excluding(claim.document, needed)
            if extremes is None or not _outside(claim, extremes, factor):
                continue
            twins = _twins(claim, by_entity.get(claim.entity or "", []), context.negligible, digits)
            if twins:
                yield _finding(rule, context, claim, twins, list(extremes))


def _positive(claim: Claim) -> Interval | None:
    interval = interval_in(claim, claim.unit)
    return interval if interval is not None and interval.low > 0 else None


class _Ranges:
    """The lowest and highest figure of an attribute by article, so that the range of every
    article but one is found in constant time (a corpus holds many figures of revenue)."""

    def __init__(self, claims: list[Claim]) -> None:
        lows: dict[str, Claim] = {}
        highs: dict[str, Claim] = {}
        self.counts: dict[str, int] = {}
        for claim in claims:
            interval = _positive(claim)
            assert interval is not None
            document = claim.document
            self.counts[document] = self.counts.get(document, 0) + 1
            if document not in lows or interval.low < _low(lows[document]):
                lows[document] = claim
            if document not in highs or interval.high > _high(highs[document]):
                highs[document] = claim
        self.total = len(claims)
        self.lowest = sorted(lows.values(), key=_low)[:2]
        self.highest = sorted(highs.values(), key=_high, reverse=True)[:2]

    def excluding(self, document: str, needed: int) -> tuple[Claim, Claim] | None:
        """The lowest and highest figure of the other articles, when they give enough."""
        if self.total - self.counts.get(document, 0) < needed:
            return None
        low = next(c for c in self.lowest if c.document != document)
        high = next(c for c in self.highest if c.document != document)
        return low, high


def _low(claim: Claim) -> float:
    interval = _positive(claim)
    return interval.low if interval is not None else 0.0


def _high(claim: Claim) -> float:
    interval = _positive(claim)
    return interval.high if interval is not None else 0.0


def _digits(claim: Claim) -> int:
    if not isinstance(claim.value, Decimal):
        return 0
    return len(claim.value.normalize().as_tuple().digits)


def _outside(claim: Claim, extremes: tuple[Claim, Claim], factor: float) -> bool:
    own = _positive(claim)
    low, high = extremes
    if own is None:
        return False
    return own.low > _high(high) * factor or own.high * factor < _low(low)


def _twins(claim: Claim, same_entity: list[Claim], negligible: float, digits: int) -> list[Claim]:
    """Figures of another attribute of the entity, one per other article, that are this one:
    written as precisely (no `more than 10,000`) and equal to rounding."""
    assert isinstance(claim.value, Decimal)
    value = float(claim.value)
    found: dict[str, Claim] = {}
    for other in same_entity:
        if (
            other.document == claim.document
            or other.attribute == claim.attribute
            or other.unit != claim.unit
            or other.qualifier not in ("exact", "approx")
            or _digits(other) < digits
        ):
            continue
        assert isinstance(other.value, Decimal)
        if abs(float(other.value) - value) <= abs(value) * negligible:
            found.setdefault(other.document, other)
    return [found[document] for document in sorted(found)]


def _finding(
    rule: Rule, context: CheckContext, claim: Claim, twins: list[Claim], others: list[Claim]
) -> Finding:
    twin = twins[0]
    low, high = others
    examples = [low] if low is high else [low, high]
    what, other = attribute_name(claim.attribute), attribute_name(twin.attribute)
    range_low = interval_in(low, low.unit) or Interval.point(0.0)
    range_high = interval_in(high, high.unit) or Interval.point(0.0)
    explanation = (
        f"{claim.document} gives “{claim.quote.strip()}” as {entity_name(claim.entity)}'s {what}, "
        f"but {_listed(twins)} as its {other}; "
        f"the {what} the other articles state lies between {show(range_low)} and "
        f"{show(range_high)} ({', '.join(sorted({c.document for c in examples}))}). The figure is "
        f"most likely the {other}, named as the {what}."
    )
    return finding(
        rule,
        context,
        verdict=Verdict.contradiction,
        claims=[claim, *twins, *examples],
        explanation=explanation,
        observed=as_range(interval_in(twin, twin.unit), twin.unit),
        expected=as_range(Interval(range_low.low, range_high.high), claim.unit),
        bindings=[("mislabelled", claim)]
        + [("same figure", c) for c in twins]
        + [("range", c) for c in examples],
    )


def _listed(twins: list[Claim]) -> str:
    said = [f"{c.document} gives “{c.quote.strip()}”" for c in twins]
    return "; ".join(said[:-1]) + (" and " if len(said) > 1 else "") + said[-1]
