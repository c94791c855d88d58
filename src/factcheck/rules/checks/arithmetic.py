"""FC116: arithmetic the article writes out does not give the result it states; FC123: the
members an article lists do not add up to the total it states for them.

`占比为20%(120亿元/800亿元×100%)`: 120 ÷ 800 = 15%. The claim building pass
(claims/passes/arithmetic.py) gives the stated result the expression over the claims of the
numbers written in it; this check evaluates it over their intervals. Percentages are read
as fractions (×100% multiplies by one), and an operand of the result's dimension is taken
in the result's unit (8×96GB=0.768TB). A total over listed members (三家合计64.1%) carries
the expression `part1 + part2 …` from claims/passes/totals.py and is FC123's.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from factcheck.model.claim import Claim
from factcheck.model.finding import Finding, Verdict
from factcheck.normalize.reader import reader_text
from factcheck.rules.checks.base import (
    CheckContext,
    as_range,
    decide,
    entity_name,
    finding,
    interval_in,
    interval_of,
    show,
    stated_scale,
)
from factcheck.rules.checks.relations import verdict_words
from factcheck.rules.formula import Formula, FormulaError, compile_formula
from factcheck.rules.interval import Interval
from factcheck.rules.registry import Rule

_PERCENT = "percent"
_PART = "part"


def check_written_arithmetic(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    yield from _expressions(rule, context, listed=False)


def check_listed_total(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    yield from _expressions(rule, context, listed=True)


def _expressions(rule: Rule, context: CheckContext, *, listed: bool) -> Iterator[Finding]:
    for claim in context.claims:
        if claim.expression is None or claim.expression.startswith(_PART) != listed:
            continue
        formula = _formula(claim.expression)
        if formula is None:
            continue
        operands = {v: context.operand(claim, v) for v in formula.variables}
        if any(op is None for op in operands.values()):
            continue
        result = _check(rule, context, claim, formula, {k: v for k, v in operands.items() if v})
        if result is not None:
            yield result


@cache
def _formula(expression: str) -> Formula | None:
    try:
        return compile_formula(expression)
    except FormulaError:
        return None


def _check(
    rule: Rule, context: CheckContext, claim: Claim, formula: Formula, operands: dict[str, Claim]
) -> Finding | None:
    stated = interval_of(claim)
    if stated is not None and claim.unit == _PERCENT:
        stated = stated.scaled(0.01)
    values = {name: _as_number(op, claim.unit) for name, op in operands.items()}
    if stated is None or any(v is None for v in values.values()):
        return None
    if not context.relation_sure(claim, *operands.values()):
        return None
    try:
        observed = formula.evaluate({k: v for k, v in values.items() if v is not None})
    except (ZeroDivisionError, ValueError):
        return None
    stretch = rule.tolerance("stretch", context.tolerances)
    scale = stated_scale(claim, stated)
    verdict, gap = decide(observed, stated, scale, stretch, context.negligible)
    shown_observed = observed.scaled(100) if claim.unit == _PERCENT else observed
    working = (
        f"The parts it lists add up to {_listed(operands)}"
        if claim.expression and claim.expression.startswith(_PART)
        else f"The article computes {_written(formula.source, operands)}"
    )
    explanation = (
        f"{working}: that is {show(shown_observed, claim.unit)}; it says "
        f"“{claim.quote.strip()}”: {verdict_words(verdict, gap, stretch)}."
    )
    listed = bool(claim.expression and claim.expression.startswith(_PART))
    return finding(
        rule,
        context,
        headline=(
            _listed_headline(claim, operands, shown_observed)
            if listed and verdict is not Verdict.consistent
            else None
        ),
        verdict=verdict,
        claims=[claim, *operands.values()],
        explanation=explanation,
        observed=as_range(shown_observed, claim.unit),
        expected=as_range(interval_of(claim), claim.unit),
        gap=gap,
        bindings=[("result", claim), *operands.items()],
    )


def _written(expression: str, operands: dict[str, Claim]) -> str:
    """The expression as the article wrote it: its figures in place of x1, x2 …"""
    shown = expression.replace("*", "×").replace("/", "÷")
    for name in sorted(operands, key=len, reverse=True):
        shown = shown.replace(name, operands[name].quote.strip())
    return shown


def _listed(operands: dict[str, Claim]) -> str:
    """比亚迪 “17.9%” + LG新能源 “9.4%” …: each part with its owner, in the article's order."""
    parts = sorted(operands.values(), key=lambda c: c.span[0])
    return " + ".join(f"{entity_name(c.entity)} “{c.quote.strip()}”" for c in parts)


def _listed_headline(claim: Claim, operands: dict[str, Claim], observed: Interval) -> str:
    names = [entity_name(c.entity) for c in sorted(operands.values(), key=lambda c: c.span[0])]
    together = ", ".join(names[:-1]) + f" and {names[-1]}"
    return (
        f"“{reader_text(claim.quote.strip())}” for {together} together, but their figures "
        f"add up to {show(observed, claim.unit)}"
    )


def _as_number(claim: Claim, result_unit: str | None) -> Interval | None:
    """A claim's interval as a plain number: a percentage as a fraction, a figure of the
    result's dimension in the result's unit, any other in its own unit. A figure written in
    the working is the number written (120亿 is 120亿, not a round figure widened): the
    writer computed with it; the stated result keeps its own precision."""
    own = _as_written(claim)
    if own is None:
        return None
    if claim.unit == _PERCENT:
        return own.scaled(0.01)
    if result_unit not in (None, _PERCENT, claim.unit):
        converted = interval_in(claim, result_unit)
        if converted is not None and (whole := interval_of(claim)) is not None and whole.high:
            return own.scaled(converted.high / whole.high)
    return own


def _as_written(claim: Claim) -> Interval | None:
    if isinstance(claim.value, Decimal) and claim.qualifier == "exact":
        return Interval.point(float(claim.value))
    return interval_of(claim)
