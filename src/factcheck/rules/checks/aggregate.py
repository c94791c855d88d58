"""FC117: a system's figure is not its chips' count times the per-chip figure.

"GB200 NVL72集成72颗B200, FP8算力720 PFLOPS" with "单颗B200的FP8算力为10 PFLOPS": 72 × 10 =
720. The count is the aggregate's `member_count` claim, which names the chip counted (its
`member` operand); the per-chip figure is the article's claim of that chip for the same
attribute (a system's 总算力 with each chip's 算力: `per_member` in kb/attributes.yaml).
Only attributes marked `sums_over_members` add up this way: compute and memory do, power
does not (a server draws more than its chips).
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.claims.kb import default_kb
from factcheck.model.claim import Claim, ClaimKind
from factcheck.model.finding import Finding
from factcheck.rules.checks.base import (
    CheckContext,
    as_range,
    decide,
    finding,
    interval_in,
    interval_of,
    show,
    stated_scale,
)
from factcheck.rules.checks.display import number
from factcheck.rules.checks.relations import verdict_words
from factcheck.rules.registry import Rule


def check_aggregates(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    attributes = default_kb().attributes
    values = [c for c in context.claims if c.kind is ClaimKind.value and c.entity]
    for count in values:
        member = next((o.entity for o in count.operands if o.role == "member"), None)
        if count.attribute != "member_count" or member is None:
            continue
        for total in values:
            spec = attributes.get(total.attribute or "")
            if (
                total.entity != count.entity
                or total.document != count.document
                or spec is None
                or not spec.sums_over_members
            ):
                continue
            each = _per_chip(values, count, member, total)
            if each is not None:
                result = _compare(rule, context, count, each, total)
                if result is not None:
                    yield result


def _per_chip(values: list[Claim], count: Claim, member: str, total: Claim) -> Claim | None:
    spec = default_kb().attributes.get(total.attribute or "")
    wanted = (spec.per_member if spec else None) or total.attribute
    found = [
        c
        for c in values
        if c.entity == member
        and c.document == count.document
        and c.attribute == wanted
        and interval_in(c, total.unit) is not None
    ]
    return min(found, key=lambda c: abs(c.span[0] - total.span[0])) if found else None


def _compare(
    rule: Rule, context: CheckContext, count: Claim, each: Claim, total: Claim
) -> Finding | None:
    members, per_chip = interval_of(count), interval_in(each, total.unit)
    stated = interval_of(total)
    if members is None or per_chip is None or stated is None:
        return None
    if not context.relation_sure(total, count, each):
        return None
    observed = members * per_chip
    stretch = rule.tolerance("stretch", context.tolerances)
    verdict, gap = decide(
        observed, stated, stated_scale(total, stated), stretch, context.negligible
    )
    members_text = number(float(count.value)) if count.value is not None else count.quote
    explanation = (
        f"{members_text} chips (“{count.quote.strip()}”) × “{each.quote.strip()}” each = "
        f"{show(observed, total.unit)}; the article says “{total.quote.strip()}” "
        f"({show(stated, total.unit)}): {verdict_words(verdict, gap, stretch)}."
    )
    return finding(
        rule,
        context,
        verdict=verdict,
        claims=[total, count, each],
        explanation=explanation,
        observed=as_range(observed, total.unit),
        expected=as_range(stated, total.unit),
        gap=gap,
        bindings=[("total", total), ("members", count), ("per_chip", each)],
    )
