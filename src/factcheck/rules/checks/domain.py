"""Domain formulas from the pack, over claims the article states separately:
a share after growth = old share × (1 + segment growth) / (1 + total growth);
TPP = 2 × MAC TOPS × bit length; chips × unit price = revenue.

Each variable of the formula is bound to a claim of the same entity by the rule's selector
(kind, attribute, condition); periods must agree where both are stated. The target variable
is what the article states; the others compute it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from factcheck.model.claim import Claim
from factcheck.model.finding import Finding
from factcheck.rules.checks.base import (
    CheckContext,
    as_range,
    decide,
    finding,
    interval_in,
    show,
    stated_scale,
)
from factcheck.rules.checks.relations import verdict_words
from factcheck.rules.interval import Interval
from factcheck.rules.registry import Rule, Selector


def check_formulas(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    formula = rule.compiled
    assert formula is not None and rule.target is not None
    target_selector = rule.bind[rule.target]
    # The operands are the target's entity's, in its document, of the attributes asked for.
    by_owner: dict[tuple[str, str | None, str | None], list[Claim]] = {}
    for claim in context.claims:
        by_owner.setdefault((claim.document, claim.entity, claim.attribute), []).append(claim)
    by_entity: dict[tuple[str, str | None], list[Claim]] = {}
    for claim in context.claims:
        by_entity.setdefault((claim.document, claim.entity), []).append(claim)
    for target in context.claims:
        if not _fits(target, target_selector) or target.entity is None:
            continue
        bound: dict[str, Claim] = {}
        for variable, selector in rule.bind.items():
            if variable == rule.target:
                continue
            owned = _owned(by_owner, by_entity, target, selector)
            chosen = _bind(owned, selector, target, exclude=[target, *bound.values()])
            if chosen is None:
                break
            bound[variable] = chosen
        else:
            result = _evaluate(rule, context, target, bound)
            if result is not None:
                yield result


def _owned(
    by_owner: dict[tuple[str, str | None, str | None], list[Claim]],
    by_entity: dict[tuple[str, str | None], list[Claim]],
    target: Claim,
    selector: Selector,
) -> list[Claim]:
    """The claims a selector may bind for this target, in text order."""
    wanted = selector.attribute
    if wanted is None:
        return by_entity.get((target.document, target.entity), [])
    names = wanted if isinstance(wanted, list) else [wanted]
    found = [c for a in names for c in by_owner.get((target.document, target.entity, a), [])]
    return sorted(found, key=lambda c: c.span) if len(names) > 1 else found


def _fits(claim: Claim, selector: Selector) -> bool:
    return (
        (selector.kind is None or claim.kind.value == selector.kind)
        and _attribute_fits(claim.attribute, selector.attribute)
        and (selector.condition is None or claim.scope.condition == selector.condition)
    )


def _attribute_fits(attribute: str | None, wanted: str | list[str] | None) -> bool:
    if wanted is None:
        return True
    return attribute in wanted if isinstance(wanted, list) else attribute == wanted


def _bind(
    claims: Sequence[Claim], selector: Selector, target: Claim, exclude: list[Claim]
) -> Claim | None:
    excluded = {id(c) for c in exclude}  # by identity: comparing claims field by field is slow
    candidates = [
        c
        for c in claims
        if c.entity == target.entity
        and id(c) not in excluded
        and c.document == target.document
        and (not selector.same_sentence or c.sentence == target.sentence)
        and _fits(c, selector)
        and _periods_agree(c, target)
        and interval_in(c, c.unit) is not None
    ]
    if not candidates:
        return None
    # The nearest statement wins; ties go to the earlier one.
    return min(candidates, key=lambda c: (abs(c.span[0] - target.span[0]), c.span[0]))


def _periods_agree(a: Claim, b: Claim) -> bool:
    return a.scope.period is None or b.scope.period is None or a.scope.period == b.scope.period


def _evaluate(
    rule: Rule, context: CheckContext, target: Claim, bound: dict[str, Claim]
) -> Finding | None:
    formula = rule.compiled
    assert formula is not None
    values: dict[str, Interval] = {}
    for name in formula.variables:
        if name in bound:
            interval = interval_in(bound[name], bound[name].unit)
            if interval is None:
                return None
            values[name] = interval.scaled(rule.bind[name].scale)
        else:
            values[name] = Interval.point(rule.number(name))
    stated = interval_in(target, target.unit)
    if stated is None:
        return None
    claims = [target, *bound.values()]
    if not context.relation_sure(target, *bound.values()):
        return None
    try:
        observed = formula.evaluate(values)
    except (ZeroDivisionError, ValueError):
        return None
    stretch = rule.tolerance("stretch", context.tolerances)
    verdict, gap = decide(
        observed, stated, stated_scale(target, stated), stretch, context.negligible
    )
    inputs = ", ".join(
        f"{name} = {show(values[name], bound[name].unit if name in bound else None)}"
        for name in formula.variables
    )
    explanation = (
        f"{rule.target} = {rule.formula} with {inputs} gives {show(observed, target.unit)}; "
        f"the article says “{target.quote.strip()}” ({show(stated, target.unit)}): "
        f"{verdict_words(verdict, gap, stretch)}."
    )
    return finding(
        rule,
        context,
        verdict=verdict,
        claims=claims,
        explanation=explanation,
        observed=as_range(observed, target.unit),
        expected=as_range(stated, target.unit),
        gap=gap,
        bindings=[(rule.target or "target", target), *bound.items()],
    )
