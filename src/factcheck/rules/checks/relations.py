"""Relations an article states between its own numbers: ratio, percent change, difference,
share and CAGR. The rule's formula computes the relation from the operands' intervals; the
result is compared with the interval the article states."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from decimal import Decimal

from factcheck.model.claim import Claim, ClaimKind
from factcheck.model.finding import Finding, Range, Verdict
from factcheck.normalize.reader import reader_text
from factcheck.rules.checks.base import (
    CheckContext,
    as_range,
    attribute_name,
    decide,
    entity_name,
    finding,
    interval_in,
    interval_of,
    show,
    stated_scale,
)
from factcheck.rules.checks.display import number
from factcheck.rules.formula import Formula
from factcheck.rules.interval import INF, Interval
from factcheck.rules.periods import mismatch
from factcheck.rules.registry import Rule

_YEAR_RANGE = re.compile(r"^(\d{4})(?:-Q\d)?\.\.(\d{4})")


def check_relations(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    kind = ClaimKind(rule.check.value)
    for claim in context.claims:
        if claim.kind is kind:
            result = check_one_relation(rule, context, claim, context.operand)
            if result is None and context.report_consistent:
                result = _no_operand(rule, context, claim)
            if result is not None:
                yield result


def _no_operand(rule: Rule, context: CheckContext, claim: Claim) -> Finding | None:
    """Never silent: a relation whose operand the article does not state says which (the
    cross-source and reference rules may still find it in other articles or the reference)."""
    formula = rule.compiled
    assert formula is not None
    for variable in formula.variables:
        if variable != "periods" and context.operand(claim, variable) is None:
            spec = next((o for o in claim.operands if o.role == variable), None)
            owner = entity_name(spec.entity) if spec and spec.entity else "it"
            what = attribute_name(spec.attribute if spec else claim.attribute)
            why = f"the article states no {what} of {owner} for the {variable}"
            return _unverifiable(rule, context, claim, {}, why)
    return None


Resolver = Callable[[Claim, str], Claim | None]


def check_one_relation(
    rule: Rule, context: CheckContext, claim: Claim, resolve: Resolver
) -> Finding | None:
    """Compute the relation `claim` states from the operands `resolve` finds for its roles."""
    formula = rule.compiled
    assert formula is not None, "relation rules are validated to have a formula"
    result_unit = _result_unit(rule, claim)
    stated = interval_in(claim, result_unit)
    operands: dict[str, Claim] = {}
    for variable in formula.variables:
        if variable == "periods":
            continue
        operand = resolve(claim, variable)
        if operand is None:
            return None  # an operand the article does not state: nothing to compute here
        operands[variable] = operand
    bound = _operand_values(rule, context, claim, operands, stated)
    if isinstance(bound, Finding):
        return bound
    unit, values, stated_value = bound
    try:
        observed = formula.evaluate(values)
    except (ZeroDivisionError, ValueError):
        return _unverifiable(rule, context, claim, operands, "an operand is zero or negative")
    verdict, gap = _relation_verdict(rule, context, claim, observed, stated_value)
    labelled = _labelled_years(claim)
    relabel = kind_of(rule) == "cagr" and labelled is not None
    if verdict is Verdict.consistent and not relabel and not context.report_consistent:
        return None  # a corpus run that hides agreement: skip building the finding
    stretch = rule.tolerance("stretch", context.tolerances)
    central = _central(formula, operands, unit, values)
    explanation = _explain(
        rule,
        claim,
        operands,
        (central, observed, stated_value),
        result_unit,
        (verdict, gap, stretch),
        values,
    )
    headline = None
    if relabel and verdict is Verdict.consistent and labelled is not None:
        verdict, gap, explanation = _relabelled(
            formula, values, stated_value, labelled, result_unit, (verdict, gap, explanation)
        )
        if verdict is not Verdict.consistent:
            headline = _years_headline(claim, labelled, values["periods"].low)
    return finding(
        rule,
        context,
        verdict=verdict,
        claims=[claim, *operands.values()],
        explanation=explanation,
        observed=_as_written_range(observed, result_unit, claim),
        expected=_as_written_range(stated_value, result_unit, claim),
        gap=gap,
        bindings=[("stated", claim), *operands.items()],
        headline=headline,
    )


def _operand_values(
    rule: Rule,
    context: CheckContext,
    claim: Claim,
    operands: dict[str, Claim],
    stated: Interval | None,
) -> tuple[str | None, dict[str, Interval], Interval] | Finding:
    """The operands' intervals in one unit (and the number of periods), or the finding that
    says why the relation cannot be computed."""
    formula = rule.compiled
    assert formula is not None
    unit = claim.unit if kind_of(rule) == "difference" else _common_unit(operands.values())
    values: dict[str, Interval] = {}
    for variable, operand in operands.items():
        interval = interval_in(operand, unit)
        if interval is None:
            why = "the operands are in units that do not convert"
            return _unverifiable(rule, context, claim, operands, why)
        values[variable] = interval
    mismatched = _period_mismatch(kind_of(rule), operands)
    if mismatched is not None:
        return _unverifiable(rule, context, claim, operands, mismatched)
    if "periods" in formula.variables:
        periods = _periods(claim, operands)
        if periods is None:
            why = "the years of the growth are not stated"
            return _unverifiable(rule, context, claim, operands, why)
        values["periods"] = Interval.point(float(periods))
    if stated is None:
        why = "the stated figure has no usable number"
        return _unverifiable(rule, context, claim, operands, why)
    if not context.relation_sure(claim, *operands.values()):
        why = "an operand was resolved with low confidence"
        return _unverifiable(rule, context, claim, operands, why)
    return unit, values, stated


def _period_mismatch(kind: str, operands: dict[str, Claim]) -> str | None:
    """A half year divided by a full year, or a share of another year's total: not computed."""
    if kind == "share" and "part" in operands and "whole" in operands:
        part, whole = operands["part"].scope.period, operands["whole"].scope.period
        return mismatch(part, whole, same_period=True)
    if kind in ("ratio", "difference", "percent_change") and len(operands) == 2:
        first, second = (c.scope.period for c in operands.values())
        return mismatch(first, second, same_period=False)
    return None


def _relation_verdict(
    rule: Rule, context: CheckContext, claim: Claim, observed: Interval, stated: Interval
) -> tuple[Verdict, float]:
    compared_observed, compared_stated, scale = observed, stated, stated_scale(claim, stated)
    if rule.params.get("compare_as") == "growth":
        # +43% and +45% are 1.43x and 1.45x: compare growth factors, not percentages.
        compared_observed = _growth(observed)
        compared_stated = _growth(stated)
        scale = abs(1 + float(claim.value) / 100) if isinstance(claim.value, Decimal) else 1.0
    return decide(
        compared_observed,
        compared_stated,
        scale,
        rule.tolerance("stretch", context.tolerances),
        context.negligible,
    )


def _years_headline(claim: Claim, labelled: int, years: float) -> str:
    """“三年复合增长率达到30%” is called a 3-year rate, but its values are 2 years apart."""
    return (
        f"“{reader_text(claim.quote.strip())}” is called a {labelled}-year rate, but the values "
        f"it grows between are {number(years)} years apart"
    )


def _relabelled(
    formula: Formula,
    values: dict[str, Interval],
    stated: Interval,
    labelled: int,
    result_unit: str | None,
    judged: tuple[Verdict, float, str],
) -> tuple[Verdict, float, str]:
    """三年复合增长率 over 2022 → 2024: the figure fits two periods, not the three named."""
    explanation = judged[2]
    if labelled == int(values["periods"].low):
        return judged
    relabelled = formula.evaluate({**values, "periods": Interval.point(float(labelled))})
    if relabelled.meets(stated):
        return judged
    return (
        Verdict.stretched,
        0.0,
        explanation.removesuffix(" holds.")
        + (
            " it holds over the years given, but the article calls it a "
            f"{labelled}-year rate: over {labelled} periods the values give "
            f"{show(relabelled, result_unit)}, so the figure holds only for "
            f"{number(values['periods'].low)} periods."
        ),
    )


_LABEL_YEARS = re.compile(r"labelled (\d+) years")
"""The claims stage writes the years a rate is named for as a number (三年 → 3)."""


def _labelled_years(claim: Claim) -> int | None:
    """The number of years a growth rate is named for (三年复合增长率, 3-year CAGR)."""
    match = _LABEL_YEARS.search(claim.scope.condition or "")
    if match is None:
        return None
    return int(match.group(1))


def kind_of(rule: Rule) -> str:
    """The relation a rule computes: its check kind, or `relation` for cross-source and
    reference rules that recompute an article's relation from other values."""
    relation = rule.params.get("relation")
    return relation if isinstance(relation, str) else rule.check.value


def _result_unit(rule: Rule, claim: Claim) -> str | None:
    unit = rule.params.get("unit")
    if isinstance(unit, str):
        return unit
    return claim.unit


def _common_unit(operands: object) -> str | None:
    for operand in operands:  # type: ignore[attr-defined]
        if isinstance(operand, Claim) and operand.unit is not None:
            return operand.unit
    return None


def _point_in(claim: Claim, unit: str | None) -> Interval | None:
    """The stated value itself (not its interval), in `unit`: for showing the arithmetic."""
    interval = interval_in(claim, unit)
    if interval is None:
        return None
    if not isinstance(claim.value, Decimal):
        return Interval.point(interval.middle)
    own = interval_of(claim) or Interval.point(float(claim.value))
    factor = interval.high / own.high if own.high not in (0, INF, -INF) else 1.0
    return Interval.point(float(claim.value) * factor)


def _central(
    formula: Formula, operands: dict[str, Claim], unit: str | None, values: dict[str, Interval]
) -> Interval:
    """The relation computed from the stated values themselves, for showing the arithmetic."""
    points = {v: _point_in(c, unit) or values[v] for v, c in operands.items()}
    if "periods" in values:
        points["periods"] = values["periods"]
    try:
        return formula.evaluate(points)
    except (ZeroDivisionError, ValueError):
        return formula.evaluate(values)


def _periods(claim: Claim, operands: dict[str, Claim]) -> int | None:
    for period in (claim.scope.period, *_operand_years(operands)):
        if period and (match := _YEAR_RANGE.match(period)):
            years = int(match.group(2)) - int(match.group(1))
            return years if years > 0 else None
    start, end = operands.get("start"), operands.get("end")
    if start and end and start.scope.period and end.scope.period:
        first, last = start.scope.period[:4], end.scope.period[:4]
        if first.isdigit() and last.isdigit() and int(last) > int(first):
            return int(last) - int(first)
    return None


def _operand_years(operands: dict[str, Claim]) -> list[str | None]:
    return [c.scope.period for c in operands.values()]


def _growth(interval: Interval) -> Interval:
    return Interval(1 + interval.low / 100, 1 + interval.high / 100)


def _unverifiable(
    rule: Rule, context: CheckContext, claim: Claim, operands: dict[str, Claim], why: str
) -> Finding:
    return finding(
        rule,
        context,
        verdict=Verdict.unverifiable,
        claims=[claim, *operands.values()],
        explanation=f"Not checked: {why}.",
        observed=None,
        expected=as_range(interval_in(claim, claim.unit), claim.unit),
        bindings=[("stated", claim), *operands.items()],
        headline=f"“{reader_text(claim.quote.strip())}” could not be checked: {why}",
    )


def stated_text(claim: Claim) -> str:
    """How the article put it: 'about 1.5×', '4万~8万', 'at least 13×'."""
    return claim.quote.strip()


def verdict_words(verdict: Verdict, gap: float, stretch: float) -> str:
    if verdict is Verdict.consistent:
        return "holds"
    if verdict is Verdict.stretched:
        return f"a stretch: {gap:.0%} beyond the stated precision (the pack allows {stretch:.0%})"
    return f"does not hold: {gap:.0%} beyond the stated precision"


def _explain(
    rule: Rule,
    claim: Claim,
    operands: dict[str, Claim],
    intervals: tuple[Interval, Interval, Interval],
    unit: str | None,
    outcome: tuple[Verdict, float, float],
    values: dict[str, Interval],
) -> str:
    central, observed, stated = intervals
    verdict, gap, stretch = outcome
    shown = {name: _value_text(c) for name, c in operands.items()}
    kind = kind_of(rule)
    if kind == "ratio":
        arithmetic = f"{shown['subject']} ÷ {shown['base']}"
    elif kind == "percent_change":
        arithmetic = f"{shown['subject']} ÷ {shown['base']} − 1"
    elif kind == "difference":
        arithmetic = f"{shown['subject']} − {shown['base']}"
    elif kind == "cagr":
        periods = number(values["periods"].low)
        arithmetic = f"({shown['end']} ÷ {shown['start']})^(1/{periods}) − 1"
    else:
        arithmetic = " , ".join(f"{n} = {v}" for n, v in shown.items()) + f" → {rule.formula}"
    if _written_as_percent(claim, unit):
        # 是H100算力的15%: a ratio written as a percentage is shown as one (7.48%, not 0.0748)
        central, observed, stated = (i.scaled(100) for i in (central, observed, stated))
        unit = "percent"
    result = show(central, unit)
    if observed.low != observed.high and show(observed, unit) != result:
        result += f" ({show(observed, unit)} from the stated precision)"
    return (
        f"{arithmetic} = {result}; the article says “{stated_text(claim)}” "
        f"({show(stated, unit)}): {verdict_words(verdict, gap, stretch)}."
    )


def _written_as_percent(claim: Claim, unit: str | None) -> bool:
    """A ratio the article writes as a percentage (是H100的15%) and the rule computes as a
    plain number."""
    return claim.unit == "percent" and unit in (None, "dimensionless")


def _as_written_range(interval: Interval, unit: str | None, claim: Claim) -> Range | None:
    """A result in the unit the article wrote its figure in (a ratio as a percentage)."""
    if _written_as_percent(claim, unit):
        return as_range(interval.scaled(100), "percent")
    return as_range(interval, unit)


def _value_text(claim: Claim) -> str:
    unit = claim.unit if claim.unit not in (None, "dimensionless", "count") else ""
    if unit == "percent":
        unit = "%"
    if isinstance(claim.value, Decimal):
        text = number(float(claim.value))
    elif claim.low is not None and claim.high is not None:
        text = f"{number(float(claim.low))}–{number(float(claim.high))}"
    else:
        text = str(claim.value)
    return f"{text} {unit}".strip() if unit != "%" else f"{text}%"
