"""Values that cannot be: a share of a whole above 100%, a market share below zero. The
bounds are data (`bounds` of an attribute in kb/attributes.yaml); a share relation (占…的,
accounting for) is bounded by its whole whatever its attribute."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from factcheck.claims.kb import default_kb
from factcheck.model.claim import Claim, ClaimKind
from factcheck.model.finding import Finding, Verdict
from factcheck.rules.checks.base import (
    CheckContext,
    as_range,
    attribute_name,
    finding,
    interval_in,
)
from factcheck.rules.checks.display import number
from factcheck.rules.interval import Interval
from factcheck.rules.registry import Rule

_SHARE = (0.0, 100.0)
_FALL = (-100.0, None)
"""A value can fall by all of itself, never more: −100% at most."""


def check_bounds(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    for claim in context.claims:
        bounds = _bounds_of(claim)
        if bounds is None or not context.sure_enough(claim):
            continue
        stated = interval_in(claim, claim.unit)
        if stated is None:
            continue
        low, high = bounds
        allowed = Interval(
            -float("inf") if low is None else low, float("inf") if high is None else high
        )
        holds = allowed.meets(stated)
        if not holds and claim.binding is not None and "attribute" in claim.binding.inferred:
            continue  # 增速(274%) read as a margin by its place in a list: a guess, no slip
        what = (
            "a share of a whole"
            if claim.kind is ClaimKind.share
            else attribute_name(claim.attribute)
        )
        words = "holds" if holds else "the stated value cannot be" + _slip(claim, allowed)
        yield finding(
            rule,
            context,
            verdict=Verdict.consistent if holds else Verdict.contradiction,
            claims=[claim],
            explanation=(
                f"“{claim.quote.strip()}”: {what} lies in {_shown(low, high, claim.unit)}; {words}."
            ),
            observed=as_range(stated, claim.unit),
            expected=as_range(allowed, claim.unit),
            bindings=[("stated", claim)],
            rests_on=("attribute",),  # impossible whoever it is about
        )


def _bounds_of(claim: Claim) -> tuple[float | None, float | None] | None:
    if claim.kind is ClaimKind.share and claim.unit == "percent":
        return _SHARE
    if claim.kind is ClaimKind.percent_change and claim.unit == "percent":
        return _FALL
    if claim.kind is not ClaimKind.value or claim.attribute is None:
        return None
    spec = default_kb().attributes.get(claim.attribute)
    if spec is None or spec.bounds is None or claim.unit != spec.unit:
        return None
    return spec.bounds


def _shown(low: float | None, high: float | None, unit: str | None) -> str:
    sign = "%" if unit == "percent" else f" {unit}" if unit else ""
    left = "−∞" if low is None else f"{number(low)}{sign}"
    right = "∞" if high is None else f"{number(high)}{sign}"
    return f"[{left}, {right}]"


def _slip(claim: Claim, allowed: Interval) -> str:
    """151% for a share: a decimal point lost? 15.1% would fit."""
    if not isinstance(claim.value, Decimal):
        return ""
    for divisor in (10, 100):
        candidate = claim.value / divisor
        if allowed.low <= float(candidate) <= allowed.high:
            sign = "%" if claim.unit == "percent" else f" {claim.unit}"
            return f" (a decimal point lost? {number(float(candidate))}{sign} would fit)"
    return ""
