"""The same fact stated twice: one entity, one attribute, one scope, two values.

Words (memory types) must be equal. Numbers must have meeting intervals; they are compared
only for stable attributes (specifications) or when both claims name the same period, since
a price or a share stated twice without a period may describe two moments.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.claims.kb import default_kb
from factcheck.model.claim import Claim
from factcheck.model.finding import Finding, Verdict
from factcheck.rules.checks.base import (
    CheckContext,
    as_range,
    attribute_name,
    decide,
    entity_name,
    finding,
    interval_in,
    show,
    stated_scale,
)
from factcheck.rules.checks.relations import verdict_words
from factcheck.rules.interval import Interval
from factcheck.rules.registry import Rule


def check_same_values(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    categorical = rule.params.get("values") == "categorical"
    given = rule.params.get("min_confidence", 0.0)
    floor = given if isinstance(given, float) else 0.0
    attributes = default_kb().attributes
    for (_, attribute, _, _), claims in sorted(context.groups().items()):
        spec = attributes.get(attribute)
        if spec is None or spec.categorical != categorical or len(claims) < 2:
            continue
        sure = [c for c in claims if context.sure_enough(c) and c.confidence >= floor]
        if categorical:
            yield from _words(rule, context, sure)
        elif spec.stable or claims[0].scope.period:
            yield from _numbers(rule, context, sure)


def _words(rule: Rule, context: CheckContext, claims: list[Claim]) -> Iterator[Finding]:
    first: dict[str, Claim] = {}
    for claim in claims:
        first.setdefault(str(claim.value), claim)
    values = list(first.values())
    for other in values[1:]:
        anchor = values[0]
        yield finding(
            rule,
            context,
            verdict=Verdict.contradiction,
            claims=[anchor, other],
            explanation=(
                f"The article gives {_owner(anchor)} {attribute_name(anchor.attribute)} "
                f"as {anchor.value} "
                f"(“{anchor.quote.strip()}”) and as {other.value} (“{other.quote.strip()}”): "
                "one fact, two values."
            ),
            observed=str(other.value),
            expected=str(anchor.value),
            bindings=[("first", anchor), ("second", other)],
        )
    if len(values) == 1 and len(claims) > 1:
        yield finding(
            rule,
            context,
            verdict=Verdict.consistent,
            claims=claims[:2],
            explanation=(
                f"{_owner(claims[0])} {attribute_name(claims[0].attribute)} "
                f"is {claims[0].value} both times."
            ),
            observed=str(claims[1].value),
            expected=str(claims[0].value),
            bindings=[("first", claims[0]), ("second", claims[1])],
        )


def _numbers(rule: Rule, context: CheckContext, claims: list[Claim]) -> Iterator[Finding]:
    unit = claims[0].unit if claims else None
    clusters: list[tuple[Claim, Interval]] = []
    for claim in claims:
        interval = interval_in(claim, unit)
        if interval is None:
            continue
        if not any(interval.meets(anchor_interval) for _, anchor_interval in clusters):
            clusters.append((claim, interval))
    if not clusters:
        return
    anchor, anchor_interval = clusters[0]
    if len(clusters) == 1 and len(claims) > 1:
        other = next(c for c in claims if c is not anchor)
        yield finding(
            rule,
            context,
            verdict=Verdict.consistent,
            claims=[anchor, other],
            explanation=(
                f"{_owner(anchor)} {attribute_name(anchor.attribute)} "
                f"is stated {len(claims)} times "
                f"(“{anchor.quote.strip()}”, “{other.quote.strip()}”…); the values agree."
            ),
            observed=as_range(interval_in(other, unit), unit),
            expected=as_range(anchor_interval, unit),
            gap=0.0,
            bindings=[("first", anchor), ("second", other)],
        )
    stretch = rule.tolerance("stretch", context.tolerances)
    for other, other_interval in clusters[1:]:
        if other.sentence >= 0 and other.sentence == anchor.sentence:
            continue  # 28nm…, 7nm…, 5nm… in one sentence: a list of things, not one fact
        verdict, gap = decide(
            other_interval,
            anchor_interval,
            stated_scale(anchor, anchor_interval),
            stretch,
            context.negligible,
        )
        yield finding(
            rule,
            context,
            verdict=verdict,
            claims=[anchor, other],
            explanation=(
                f"{_owner(anchor)} {attribute_name(anchor.attribute)} "
                f"is given as “{anchor.quote.strip()}” "
                f"({show(anchor_interval, unit)}) and as “{other.quote.strip()}” "
                f"({show(other_interval, unit)}): {verdict_words(verdict, gap, stretch)}."
            ),
            observed=as_range(other_interval, unit),
            expected=as_range(anchor_interval, unit),
            gap=gap,
            bindings=[("first", anchor), ("second", other)],
        )


def _owner(claim: Claim) -> str:
    return f"{entity_name(claim.entity)}'s"
