"""Conversions an article writes out (折合, 约合, 相当于, equivalent to): currency at the rate
of the month, units through pint, and per-unit domain formulas from the pack (modules × GPUs
per module = GPUs)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from factcheck.model.claim import Claim, ClaimKind
from factcheck.model.finding import Finding, Verdict
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
from factcheck.rules.interval import Interval
from factcheck.rules.rates import load_rates
from factcheck.rules.registry import Rule

_CURRENCIES = ("USD", "CNY")


def check_conversions(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    mode = rule.params.get("mode", "units")
    for claim in context.claims:
        if claim.kind is not ClaimKind.conversion:
            continue
        source = context.operand(claim, "source")
        if source is None or interval_of(source) is None or interval_of(claim) is None:
            continue
        if mode == "currency":
            result = _currency(rule, context, claim, source)
        elif mode == "per_unit":
            result = _per_unit(rule, context, claim, source)
        else:
            result = _units(rule, context, claim, source)
        if result is not None:
            yield result


def _currency(rule: Rule, context: CheckContext, claim: Claim, source: Claim) -> Finding | None:
    pair = (source.unit, claim.unit)
    if pair not in (("USD", "CNY"), ("CNY", "USD")):
        return None
    table = load_rates(context.pack_directory / str(rule.params.get("rates", "")))
    period = claim.scope.period or source.scope.period
    if period and period.startswith("XXXX") and context.date_of(claim):
        period = (context.date_of(claim) or "")[:4] + period[4:]
    found = table.for_period(period) or table.for_period(context.date_of(claim))
    if found is None:
        return _not_checked(
            rule, context, claim, source, "no date tells which exchange rate applies"
        )
    rate, label = found
    if claim.document in context.assumed_dates and (period or "").startswith(label[:4]):
        label += ", the year the article last mentions"
    slack = float(rule.params.get("rate_slack", 0.0))  # type: ignore[arg-type]
    rate = Interval(rate.low * (1 - slack), rate.high * (1 + slack))
    factor = rate if pair == ("USD", "CNY") else Interval(1 / rate.high, 1 / rate.low)
    rate_text = f"{show(rate)} CNY/USD ({label}, ±{slack:.0%})"
    return _compare(rule, context, claim, source, factor, f"× {rate_text}")


def _per_unit(rule: Rule, context: CheckContext, claim: Claim, source: Claim) -> Finding | None:
    if source.attribute != rule.params.get("from_attribute") or claim.attribute != rule.params.get(
        "to_attribute"
    ):
        return None
    formula = rule.compiled
    assert formula is not None
    constants = {
        name: Interval.point(rule.number(name)) for name in formula.variables if name != "source"
    }
    factor = formula.evaluate({**constants, "source": Interval.point(1.0)})
    named = ", ".join(f"{name} = {number(v.low)}" for name, v in constants.items())
    return _compare(rule, context, claim, source, factor, f"× {number(factor.low)} ({named})")


def _units(rule: Rule, context: CheckContext, claim: Claim, source: Claim) -> Finding | None:
    if source.unit in _CURRENCIES or claim.unit in _CURRENCIES or source.unit == claim.unit:
        return None
    converted = interval_in(source, claim.unit)
    if converted is None:
        return None
    own = interval_of(source)
    assert own is not None
    factor = Interval.point(converted.high / own.high) if own.high else Interval.point(1.0)
    return _compare(rule, context, claim, source, factor, f"in {claim.unit}")


def _compare(
    rule: Rule,
    context: CheckContext,
    claim: Claim,
    source: Claim,
    factor: Interval,
    how: str,
) -> Finding:
    source_interval = interval_of(source)
    stated = interval_of(claim)
    assert source_interval is not None and stated is not None
    if not context.relation_sure(claim, source):
        return _not_checked(
            rule, context, claim, source, "an operand was resolved with low confidence"
        )
    observed = source_interval * factor
    stretch = rule.tolerance("stretch", context.tolerances)
    verdict, gap = decide(
        observed, stated, stated_scale(claim, stated), stretch, context.negligible
    )
    explanation = (
        f"{_amount(source)} {how} = {show(observed, claim.unit)}; the article says "
        f"“{claim.quote.strip()}” ({show(stated, claim.unit)}): "
        f"{verdict_words(verdict, gap, stretch)}."
    )
    return finding(
        rule,
        context,
        verdict=verdict,
        claims=[claim, source],
        explanation=explanation,
        observed=as_range(observed, claim.unit),
        expected=as_range(stated, claim.unit),
        gap=gap,
        bindings=[("stated", claim), ("source", source)],
    )


def _not_checked(
    rule: Rule, context: CheckContext, claim: Claim, source: Claim, why: str
) -> Finding:
    return finding(
        rule,
        context,
        verdict=Verdict.unverifiable,
        claims=[claim, source],
        explanation=f"Not checked: {why}.",
        observed=None,
        expected=as_range(interval_of(claim), claim.unit),
        bindings=[("stated", claim), ("source", source)],
    )


def _amount(claim: Claim) -> str:
    unit = "" if claim.unit in (None, "count", "dimensionless") else f" {claim.unit}"
    if isinstance(claim.value, Decimal):
        prefix = {"more_than": "more than ", "at_least": "at least "}.get(claim.qualifier or "", "")
        return f"{prefix}{number(float(claim.value))}{unit}"
    if claim.low is not None and claim.high is not None:
        return f"{number(float(claim.low))}–{number(float(claim.high))}{unit}"
    return claim.quote
