"""FC114: shares of one whole, listed in one sentence, add up to more than the whole.

"英伟达的份额为80%,华为为15%,AMD为10%" cannot describe one market: 105%. The shares are
those of an attribute marked `parts_of_a_whole` (kb/attributes.yaml), one per entity (an
entity given two shares in the sentence, from and to, is left out), of one sentence, period
and condition. The sum of their lowest readings must exceed 100% by more than rounding.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.claims.kb import default_kb
from factcheck.model.claim import Claim, ClaimKind
from factcheck.model.finding import Finding, Verdict
from factcheck.rules.checks.base import (
    CheckContext,
    as_range,
    attribute_name,
    entity_name,
    finding,
    interval_of,
)
from factcheck.rules.interval import Interval
from factcheck.rules.registry import Rule

WHOLE = 100.0
ListKey = tuple[str, int, str, str | None, str | None]


def check_share_sums(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    attributes = default_kb().attributes
    lists: dict[ListKey, list[Claim]] = {}
    for claim in context.claims:
        spec = attributes.get(claim.attribute or "")
        if (
            spec is None
            or not spec.parts_of_a_whole
            or claim.kind is not ClaimKind.value
            or claim.unit != "percent"
            or claim.entity is None
            or claim.sentence < 0
            or not context.sure_enough(claim)
        ):
            continue
        key = (
            claim.document,
            claim.sentence,
            claim.attribute or "",
            claim.scope.period,
            claim.scope.condition,
        )
        lists.setdefault(key, []).append(claim)
    for parts in lists.values():
        once = _one_per_entity(parts)
        if len(once) < 2:
            continue
        low = sum(interval.low for _, interval in once)
        high = sum(interval.high for _, interval in once)
        total = Interval(low, high)
        exceeds = low > WHOLE * (1 + context.negligible)
        if exceeds or context.report_consistent:
            yield _finding(rule, context, [c for c, _ in once], total, exceeds)


def _one_per_entity(parts: list[Claim]) -> list[tuple[Claim, Interval]]:
    by_entity: dict[str, list[Claim]] = {}
    for claim in parts:
        by_entity.setdefault(claim.entity or "", []).append(claim)
    once = []
    for claims in by_entity.values():
        interval = interval_of(claims[0])
        if len(claims) == 1 and interval is not None and interval.low >= 0:
            once.append((claims[0], interval))
    return once


def _finding(
    rule: Rule, context: CheckContext, parts: list[Claim], total: Interval, exceeds: bool
) -> Finding:
    listed = " + ".join(f"{entity_name(c.entity)} “{c.quote.strip()}”" for c in parts)
    what = attribute_name(parts[0].attribute)
    return finding(
        rule,
        context,
        verdict=Verdict.contradiction if exceeds else Verdict.consistent,
        claims=parts,
        explanation=(
            f"{listed}: the {what}s listed in one sentence add up to at least "
            f"{total.low:.4g}%, "
            + ("more than the whole (100%)." if exceeds else "within the whole (100%).")
        ),
        observed=as_range(total, "percent"),
        expected=as_range(Interval(0, WHOLE), "percent"),
        bindings=[(c.entity or "part", c) for c in parts],
    )
