"""FC115: a count of units times their unit price is not the total the sentence states.

"买1000颗要先掏2.8亿" with the chip priced at 2.7–2.8万美元 earlier in the article: 1,000 ×
USD 27,000–28,000 is USD 27–28 million, not 2.8亿. The sentence binds the count and the
total itself (a value of an attribute marked `total_of_units`: a payment, a spend, revenue);
the unit price is the article's price for what is counted (an attribute whose `price_of`
lists the count's attribute, of the count's entity). A total whose currency is not written
is read in each currency it could be, and is a contradiction only when no reading fits.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from factcheck.claims.kb import default_kb
from factcheck.claims.money import UNSTATED_CURRENCY
from factcheck.model.claim import Claim, ClaimKind
from factcheck.model.finding import Finding, Range, Verdict
from factcheck.rules.checks.base import (
    CheckContext,
    as_range,
    decide,
    finding,
    interval_of,
    show,
)
from factcheck.rules.checks.relations import verdict_words
from factcheck.rules.checks.severity import verdict_rank
from factcheck.rules.interval import Interval
from factcheck.rules.rates import RateTable, load_rates
from factcheck.rules.registry import Rule

_CONVERTIBLE = ("USD", "CNY")


@dataclass(frozen=True)
class Reading:
    """The stated total in the price's currency, under one reading of its currency."""

    stated: Interval
    how: str
    verdict: Verdict
    gap: float


def check_unit_totals(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    prices = _prices_by_entity(context.claims)
    if not prices:
        return
    by_sentence: dict[tuple[str, int], list[Claim]] = {}
    for claim in context.claims:
        if claim.kind is ClaimKind.value and claim.sentence >= 0:
            by_sentence.setdefault((claim.document, claim.sentence), []).append(claim)
    for claims in by_sentence.values():
        for count, total in _count_total_pairs(claims):
            price = _price_for(prices.get(count.entity or "", []), count)
            if price is not None:
                result = _check(rule, context, count, price, total)
                if result is not None:
                    yield result


def _prices_by_entity(claims: Sequence[Claim]) -> dict[str, list[Claim]]:
    attributes = default_kb().attributes
    prices: dict[str, list[Claim]] = {}
    for claim in claims:
        spec = attributes.get(claim.attribute or "")
        if (
            spec is not None
            and spec.price_of
            and claim.kind is ClaimKind.value
            and claim.entity is not None
            and str(claim.unit).split("/")[0] in _CONVERTIBLE
            and interval_of(claim) is not None
        ):
            prices.setdefault(claim.entity, []).append(claim)
    return prices


_COUNTED = ("count", "stock_share")
"""Units a count of priced things is written in: chips, servers, shares (7000万股)."""


def _count_total_pairs(claims: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Each total of the sentence with the count written nearest before it, when no other
    total stands between them (1000颗…2.8亿; 3万颗, 8.4亿美元)."""
    attributes = default_kb().attributes
    ordered = sorted(claims, key=lambda c: c.span[0])
    count: Claim | None = None
    for claim in ordered:
        spec = attributes.get(claim.attribute or "")
        if claim.unit in _COUNTED and claim.entity is not None and spec is not None:
            count = claim
        elif spec is not None and spec.total_of_units and count is not None:
            yield count, claim
            count = None


def _price_for(prices: list[Claim], count: Claim) -> Claim | None:
    """The price of the counted units: of the count's attribute, in a period the count does
    not contradict, the one stated nearest before the count (else nearest after)."""
    attributes = default_kb().attributes
    fitting = [
        p
        for p in prices
        if p.document == count.document
        and count.attribute in attributes[p.attribute or ""].price_of
        and (p.scope.period is None or count.scope.period in (None, p.scope.period))
    ]
    if not fitting:
        return None
    before = [p for p in fitting if p.span[0] < count.span[0]]
    if before:
        return max(before, key=lambda p: p.span[0])
    return min(fitting, key=lambda p: p.span[0])


def _check(
    rule: Rule, context: CheckContext, count: Claim, price: Claim, total: Claim
) -> Finding | None:
    counted, each, stated = interval_of(count), interval_of(price), interval_of(total)
    if counted is None or each is None or stated is None or counted.low < 0:
        return None
    if not context.relation_sure(total, count, price):
        return None
    table = load_rates(context.pack_directory / str(rule.params.get("rates", "")))
    observed = counted * each
    readings = _readings(rule, context, total, price, stated, table, observed)
    if not readings:
        return None
    best = min(readings, key=lambda r: (verdict_rank(r.verdict), r.gap))
    if best.verdict is Verdict.consistent and not context.report_consistent:
        return None
    return _finding(rule, context, (count, price, total), observed, readings, best)


def _readings(
    rule: Rule,
    context: CheckContext,
    total: Claim,
    price: Claim,
    stated: Interval,
    table: RateTable,
    observed: Interval,
) -> list[Reading]:
    currency = str(price.unit).split("/")[0]  # a price per share is in its currency
    other = "CNY" if currency == "USD" else "USD"
    if total.unit == currency:
        candidates = [(stated, f"in {currency}")]
    elif total.unit == UNSTATED_CURRENCY:
        candidates = [
            (stated, f"read as {currency} (no currency is written)"),
            _converted(rule, context, total, stated, other, table),
        ]
    elif total.unit == other:
        candidates = [_converted(rule, context, total, stated, other, table)]
    else:
        return []
    stretch = rule.tolerance("stretch", context.tolerances)
    readings = []
    for interval, how in candidates:
        scale = (interval.low + interval.high) / 2 or 1.0
        verdict, gap = decide(observed, interval, scale, stretch, context.negligible)
        readings.append(Reading(interval, how, verdict, gap))
    return readings


def _converted(
    rule: Rule,
    context: CheckContext,
    total: Claim,
    stated: Interval,
    source: str,
    table: RateTable,
) -> tuple[Interval, str]:
    """The total read in `source` currency, converted to the other one at the rate of its
    month (or year; with no date at all, the range of every month in the table)."""
    found = table.for_period(total.scope.period) or table.for_period(context.date_of(total))
    rate, label = found if found is not None else table.overall()
    slack = float(rule.params.get("rate_slack", 0.0))  # type: ignore[arg-type]
    rate = Interval(rate.low * (1 - slack), rate.high * (1 + slack))
    factor = Interval(1 / rate.high, 1 / rate.low) if source == "CNY" else rate
    if total.document in context.assumed_dates and found is not None:
        label += ", the year the article last mentions"
    how = f"read as {source} at {show(rate)} CNY/USD ({label})"
    return stated * factor, how


def _as_written(total: Claim) -> Range | str | None:
    """The total as the article states it: in its currency, or its words when it has none."""
    if total.unit == UNSTATED_CURRENCY:
        return f"“{total.quote.strip()}” (no currency written)"
    return as_range(interval_of(total), total.unit)


def _finding(
    rule: Rule,
    context: CheckContext,
    claims: tuple[Claim, Claim, Claim],
    observed: Interval,
    readings: list[Reading],
    best: Reading,
) -> Finding:
    count, price, total = claims
    currency = str(price.unit).split("/")[0]
    stretch = rule.tolerance("stretch", context.tolerances)
    shown = "; ".join(
        f"{r.how}, {show(r.stated, currency)}: {verdict_words(r.verdict, r.gap, stretch)}"
        for r in readings
    )
    explanation = (
        f"{show(interval_of(count) or observed)} × {show(interval_of(price) or observed, currency)}"
        f" (“{price.quote.strip()}”, the unit price) = {show(observed, currency)}; the article"
        f" says “{total.quote.strip()}”: {shown}."
    )
    return finding(
        rule,
        context,
        verdict=best.verdict,
        claims=[count, total, price],
        explanation=explanation,
        observed=as_range(observed, currency),
        expected=_as_written(total),
        gap=best.gap,
        bindings=[("total", total), ("count", count), ("unit_price", price)],
        resting=[count, price],  # whose the total is does not matter: what was counted does
    )
