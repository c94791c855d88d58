"""FC113: two relations an article states between the same pair disagree.

"相比H100降低28%" says the H20 reaches 0.72 of the H100; "仅相当于H100的20%" says 0.20. Each
relation is turned into the ratio subject ÷ base it implies (a percent change p is 1 + p,
a share or percent ratio r% is r/100, a multiple is itself); two ratios of one pair,
attribute and scope whose intervals do not meet cannot both hold.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.model.claim import Claim, ClaimKind
from factcheck.model.finding import Finding, Verdict
from factcheck.rules.checks.base import (
    CheckContext,
    as_range,
    attribute_name,
    decide,
    entity_name,
    finding,
    interval_of,
    show,
)
from factcheck.rules.interval import Interval
from factcheck.rules.registry import Rule

_RELATIONS = (ClaimKind.ratio, ClaimKind.percent_change)
PairKey = tuple[str, str, str, str | None, str | None]


def implied_ratio(claim: Claim) -> Interval | None:
    """subject ÷ base as the relation states it; None when it says no number."""
    stated = interval_of(claim)
    if stated is None:
        return None
    if claim.kind is ClaimKind.percent_change and claim.unit == "percent":
        return Interval(1 + stated.low / 100, 1 + stated.high / 100)
    if claim.kind is ClaimKind.ratio and claim.unit == "percent":
        return stated.scaled(0.01)
    if claim.kind is ClaimKind.ratio and claim.unit == "dimensionless":
        return stated
    return None


def _pair_key(claim: Claim) -> PairKey | None:
    base = next((o for o in claim.operands if o.role == "base"), None)
    if claim.entity is None or claim.attribute is None or base is None or base.entity is None:
        return None
    if base.entity == claim.entity:
        return None
    return (claim.document, claim.entity, base.entity, claim.attribute, claim.scope.condition)


def check_relation_agreement(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    groups: dict[PairKey, list[tuple[Claim, Interval]]] = {}
    for claim in context.claims:
        if claim.kind not in _RELATIONS or not context.sure_enough(claim):
            continue
        key = _pair_key(claim)
        ratio = implied_ratio(claim)
        if key is not None and ratio is not None:
            groups.setdefault(key, []).append((claim, ratio))
    stretch = rule.tolerance("stretch", context.tolerances)
    for members in groups.values():
        for (first, one), (second, other) in _nearby_pairs(members):
            if first.scope.period != second.scope.period:
                continue
            verdict, gap = decide(other, one, abs(one.middle) or 1.0, stretch, context.negligible)
            if verdict is Verdict.consistent and not context.report_consistent:
                continue
            yield _finding(rule, context, first, one, second, other, verdict, gap)


_WINDOW = 4
"""Each relation is set against the few of its pair stated just before it: a long document
restating one comparison a thousand times costs a thousand checks, not half a million."""


def _nearby_pairs(
    members: list[tuple[Claim, Interval]],
) -> Iterator[tuple[tuple[Claim, Interval], tuple[Claim, Interval]]]:
    for later, second in enumerate(members):
        for first in members[max(0, later - _WINDOW) : later]:
            yield first, second


def _finding(
    rule: Rule,
    context: CheckContext,
    first: Claim,
    one: Interval,
    second: Claim,
    other: Interval,
    verdict: Verdict,
    gap: float,
) -> Finding:
    base = next(o.entity for o in first.operands if o.role == "base")
    pair = f"{entity_name(first.entity)} against {entity_name(base)}"
    what = attribute_name(first.attribute)
    return finding(
        rule,
        context,
        verdict=verdict,
        claims=[first, second],
        explanation=(
            f"“{first.quote.strip()}” puts {pair} ({what}) at {show(one)}× and "
            f"“{second.quote.strip()}” at {show(other)}×: "
            + ("both can hold." if verdict is Verdict.consistent else "both cannot hold.")
        ),
        observed=as_range(other),
        expected=as_range(one),
        gap=gap,
        bindings=[("first", first), ("second", second)],
    )
