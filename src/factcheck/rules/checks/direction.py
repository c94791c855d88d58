"""Directions in words: 略低于 (slightly lower), 远超 (far exceeds), 高于 (higher than).

The ratio subject ÷ base decides: the wrong side of 1 is a contradiction; the right side but
further than "slightly" allows, or nearer than "far" needs, is a stretch.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from factcheck.model.claim import Claim, ClaimKind, Direction
from factcheck.model.finding import Finding, Verdict
from factcheck.rules.checks.base import CheckContext, as_range, finding, interval_in
from factcheck.rules.checks.display import number
from factcheck.rules.interval import Interval
from factcheck.rules.registry import Rule

_WORDS = {
    Direction.less: "lower than",
    Direction.slightly_less: "slightly lower than",
    Direction.much_less: "far lower than",
    Direction.greater: "higher than",
    Direction.slightly_greater: "slightly higher than",
    Direction.much_greater: "far higher than",
}
_LOWER = (Direction.less, Direction.slightly_less, Direction.much_less)


def check_directions(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    for claim in context.claims:
        if claim.kind is not ClaimKind.direction or not isinstance(claim.value, str):
            continue
        subject, base = context.operand(claim, "subject"), context.operand(claim, "base")
        if subject is None or base is None or subject.id == base.id:
            continue
        result = _check(rule, context, claim, Direction(claim.value), subject, base)
        if result is not None:
            yield result


def _check(
    rule: Rule,
    context: CheckContext,
    claim: Claim,
    direction: Direction,
    subject: Claim,
    base: Claim,
) -> Finding | None:
    left = interval_in(subject, subject.unit)
    right = interval_in(base, subject.unit)
    if left is None or right is None or right.low <= 0 or left.low < 0:
        return None  # words (HBM3), incompatible units or signs: no direction to test
    ratio = left / right
    slight = rule.tolerance("slight", context.tolerances)
    far = rule.tolerance("far", context.tolerances)
    lower = direction in _LOWER
    # Work with "how much smaller/larger" as a positive fraction on the stated side.
    change = (
        Interval(1 - ratio.high, 1 - ratio.low)
        if lower
        else Interval(ratio.low - 1, ratio.high - 1)
    )
    verdict, gap = Verdict.consistent, 0.0
    if change.high <= 0:
        verdict, gap = Verdict.contradiction, -change.high
    elif direction in (Direction.slightly_less, Direction.slightly_greater) and change.low > slight:
        verdict, gap = Verdict.stretched, change.low - slight
    elif direction in (Direction.much_less, Direction.much_greater) and change.high < far:
        verdict, gap = Verdict.stretched, far - change.high
    if not context.relation_sure(claim, subject, base) and verdict is not Verdict.consistent:
        verdict = Verdict.unverifiable
    explanation = _explain(direction, subject, base, ratio, verdict, slight, far)
    headline = None
    if verdict in (Verdict.contradiction, Verdict.stretched):
        headline = _headline(direction, subject, base, ratio)
    return finding(
        rule,
        context,
        verdict=verdict,
        claims=[claim, subject, base],
        explanation=explanation,
        observed=as_range(ratio, "dimensionless"),
        expected=_WORDS[direction],
        gap=gap,
        bindings=[("stated", claim), ("subject", subject), ("base", base)],
        headline=headline,
    )


def _headline(direction: Direction, subject: Claim, base: Claim, ratio: Interval) -> str:
    """96 GB is called slightly lower than 80 GB, but it is 20% larger."""
    a, b = _value(subject), _value(base)
    middle = ratio.middle
    if isinstance(subject.value, Decimal) and isinstance(base.value, Decimal) and base.value:
        middle = float(subject.value / base.value)  # the figures as written: 96 / 80 = 1.2
    if middle >= 1:
        actual = f"{number((middle - 1) * 100)}% larger"
    else:
        actual = f"{number((1 - middle) * 100)}% smaller"
    return f"{a} is called {_WORDS[direction]} {b}, but it is {actual}"


def _explain(
    direction: Direction,
    subject: Claim,
    base: Claim,
    ratio: Interval,
    verdict: Verdict,
    slight: float,
    far: float,
) -> str:
    a, b = _value(subject), _value(base)
    middle = ratio.middle
    if middle >= 1:
        actual = f"{a} is {number((middle - 1) * 100)}% larger than {b}"
    else:
        actual = f"{a} is {number((1 - middle) * 100)}% smaller than {b}"
    said = f"The article calls {a} {_WORDS[direction]} {b}"
    if verdict is Verdict.consistent:
        return f"{said}; {actual}: holds."
    if verdict is Verdict.contradiction:
        return f"{said}, but {actual}."
    if verdict is Verdict.unverifiable:
        return f"{said}; {actual}, but an operand was resolved with low confidence: not judged."
    if direction in (Direction.slightly_less, Direction.slightly_greater):
        return f"{said}, but {actual}: more than the {slight:.0%} that 'slightly' allows."
    return f"{said}, but {actual}: less than the {far:.0%} that 'far' needs."


def _value(claim: Claim) -> str:
    unit = "" if claim.unit in (None, "dimensionless", "count") else f" {claim.unit}"
    if claim.unit == "percent":
        unit = "%"
    value = claim.value
    if isinstance(value, str) or value is None:
        return claim.quote
    return f"{number(float(value))}{unit}"
