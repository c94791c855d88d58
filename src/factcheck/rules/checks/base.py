"""What every check needs: claim intervals in a unit, the verdict from two intervals, and
the finding with its locations."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from factcheck.claims.kb import default_kb
from factcheck.model.claim import Claim, ClaimKind
from factcheck.model.finding import (
    Binding,
    Finding,
    Location,
    Range,
    Verdict,
    fingerprint,
)
from factcheck.model.tolerances import Tolerances
from factcheck.normalize.reader import reader_text
from factcheck.quantities.units import compatible, conversion_factor
from factcheck.reference.table import EMPTY, ReferenceTable
from factcheck.rules.checks.display import show_range
from factcheck.rules.checks.severity import inference_ceiling, severity_for
from factcheck.rules.interval import INF, Interval
from factcheck.rules.registry import Rule

Locator = Callable[[Claim], Location]
GroupKey = tuple[str, str, str, str]
"""entity, attribute, scope period, scope condition ("" when none)"""


@dataclass
class CheckContext:
    """The claims one run of checks sees, and how to point at them."""

    claims: Sequence[Claim]
    tolerances: Tolerances
    locate: Locator
    pack_directory: Path
    dates: Mapping[str, str | None] = field(default_factory=dict)
    """ISO publication date by document id, when known (else the latest year it states)."""
    assumed_dates: frozenset[str] = frozenset()
    """Documents whose date is only the latest year they mention."""
    reference: ReferenceTable = EMPTY
    focus: frozenset[str] | None = None
    """Cross-source and reference checks report only findings touching these documents
    (the new article of `audit --against`); None: every document."""
    report_consistent: bool = True
    """False: checks may skip building findings that only say a fact agrees (a corpus
    run that will not show them)."""
    _by_id: dict[str, Claim] | None = field(init=False, default=None)
    _by_document: dict[str, list[Claim]] | None = field(init=False, default=None)
    _groups: dict[GroupKey, list[Claim]] | None = field(init=False, default=None)
    _sure_groups: dict[GroupKey, SureGroup] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self._min_confidence = float(self.tolerances.min_confidence)
        self._min_operand_confidence = float(self.tolerances.min_operand_confidence)
        self.negligible = float(self.tolerances.negligible)

    def groups(self) -> dict[GroupKey, list[Claim]]:
        """Value claims by (entity, attribute, scope period, scope condition), computed once
        for all rules."""
        if self._groups is None:
            groups: dict[GroupKey, list[Claim]] = {}
            value = ClaimKind.value  # hoisted: an enum member lookup per claim adds up
            for claim in self.claims:
                if claim.kind is value and claim.entity and claim.attribute:
                    scope = claim.scope  # the scope's own strings: no new string per claim
                    key = (claim.entity, claim.attribute, scope.period or "", scope.condition or "")
                    members = groups.get(key)
                    if members is None:
                        groups[key] = [claim]
                    else:
                        members.append(claim)
            self._groups = groups
        return self._groups

    def operand(self, claim: Claim, role: str) -> Claim | None:
        for op in claim.operands:
            if op.role == role and op.claim is not None:
                return self.by_claim_id(op.claim)  # indexed on first use
        return None

    def by_claim_id(self, claim_id: str) -> Claim | None:
        if self._by_id is None:
            self._by_id = {c.id: c for c in self.claims}
        return self._by_id.get(claim_id)

    def claims_of(self, document: str) -> list[Claim]:
        """The claims of one document, indexed on first use."""
        if self._by_document is None:
            by_document: dict[str, list[Claim]] = {}
            for claim in self.claims:
                by_document.setdefault(claim.document, []).append(claim)
            self._by_document = by_document
        return self._by_document.get(document, [])

    def in_focus(self, claims: Sequence[Claim]) -> bool:
        return self.focus is None or any(c.document in self.focus for c in claims)

    def date_of(self, claim: Claim) -> str | None:
        return self.dates.get(claim.document)

    def sure_groups(self) -> dict[GroupKey, SureGroup]:
        """The groups with their sure claims and intervals, computed once for all rules."""
        if self._sure_groups is None:
            threshold = self._min_confidence
            summaries = {}
            for key, claims in self.groups().items():
                sure = [c for c in claims if c.confidence >= threshold]
                if sure:
                    summaries[key] = SureGroup(sure)
            self._sure_groups = summaries
        return self._sure_groups

    def sure_enough(self, *claims: Claim) -> bool:
        threshold = self._min_confidence
        return all(c.confidence >= threshold for c in claims)

    def relation_sure(self, stated: Claim, *operands: Claim) -> bool:
        threshold = self._min_operand_confidence
        return self.sure_enough(stated) and all(c.confidence >= threshold for c in operands)


class SureGroup:
    """One fact's sure claims; what the checks ask of them is computed on first use:
    whether several documents state it, whether all their intervals meet, and those
    intervals in the first claim's unit (None for words and for units that do not convert)."""

    __slots__ = ("_agree", "_intervals", "_several_documents", "claims")

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self._several_documents: bool | None = None
        self._agree: bool | None = None
        self._intervals: list[Interval | None] | None = None

    @property
    def several_documents(self) -> bool:
        """Whether more than one document states the fact (compared, not hashed: the
        answer is usually known at the second claim)."""
        if self._several_documents is None:
            first = self.claims[0].document
            self._several_documents = any(c.document != first for c in self.claims)
        return self._several_documents

    @property
    def agree(self) -> bool:
        if self._agree is None:
            agree = _all_meet(self.claims)
            if agree is None:  # mixed units: convert, then compare
                known = [i for i in self.intervals if i is not None]
                agree = not known or max(i.low for i in known) <= min(i.high for i in known)
            self._agree = agree
        return self._agree

    @property
    def intervals(self) -> list[Interval | None]:
        if self._intervals is None:
            unit = self.claims[0].unit
            self._intervals = [
                interval_of(c) if c.unit == unit else interval_in(c, unit) for c in self.claims
            ]
        return self._intervals


def _all_meet(claims: list[Claim]) -> bool | None:
    """Whether the claims' intervals meet pairwise, None when their units differ. Intervals
    on a line meet pairwise exactly when the largest low end is not above the smallest high
    end: one pass over the exact Decimals, not all pairs."""
    unit = claims[0].unit
    highest_low: Decimal | None = None
    lowest_high: Decimal | None = None
    for claim in claims:
        if claim.unit != unit:
            return None
        low, high = claim.low, claim.high
        if low is None and high is None:
            if not isinstance(claim.value, Decimal):
                continue  # a word: no interval
            low = high = claim.value
        if low is not None and (highest_low is None or low > highest_low):
            highest_low = low
        if high is not None and (lowest_high is None or high < lowest_high):
            lowest_high = high
    return highest_low is None or lowest_high is None or highest_low <= lowest_high


def describes_the_spec(claim: Claim) -> bool:
    """False for figures stated under a condition (before or after a change, in some tests,
    for the first batch): reference values and other articles describe the product as
    specified. "Bandwidth went from 3.35 to 4.8 TB/s" may describe the predecessor's spec."""
    return claim.scope.condition is None


def interval_of(claim: Claim) -> Interval | None:
    """The claim's stated interval in its own unit; None for words (HBM3, less).
    A missing bound is open: 13倍以上 is [13, inf), 低10%以上 is (-inf, -10]."""
    if claim.low is None and claim.high is None:
        return Interval.point(float(claim.value)) if isinstance(claim.value, Decimal) else None
    return Interval(
        -INF if claim.low is None else float(claim.low),
        INF if claim.high is None else float(claim.high),
    )


def interval_in(claim: Claim, unit: str | None) -> Interval | None:
    """The claim's interval converted to `unit`; None when it has no number or the units do
    not convert (USD and CNY need a rate, not a factor)."""
    interval = interval_of(claim)
    if interval is None:
        return None
    if claim.unit == unit:
        return interval
    if unit is None or claim.unit is None:
        return None
    try:
        if not compatible(claim.unit, unit):
            return None
        return interval.scaled(conversion_factor(claim.unit, unit))
    except Exception:  # an unknown unit string: nothing to compare
        return None


def bits_read_as_bytes(claim: Claim, stated: Interval) -> Interval | None:
    """A figure written in bits (4 Tb/s) read as bytes, in the same unit: eight times as
    much. Writers often mean TB/s when they type Tb/s."""
    if claim.unit is None or "bit" not in claim.unit:
        return None
    return stated.scaled(8)


def stated_scale(claim: Claim, stated: Interval) -> float:
    """The size of the stated figure that a gap is measured against: the claim's own value,
    in the unit of `stated` (15% compared as a ratio is 0.15, not 15)."""
    if isinstance(claim.value, Decimal) and claim.value != 0:
        return abs(float(claim.value)) * _unit_factor(interval_of(claim), stated)
    return abs(stated.middle) or 1.0


def _unit_factor(own: Interval | None, converted: Interval) -> float:
    """How much larger `converted` is than the same interval in the claim's own unit."""
    if own is None:
        return 1.0
    for mine, theirs in ((own.high, converted.high), (own.low, converted.low)):
        if math.isfinite(mine) and math.isfinite(theirs) and mine != 0:
            return abs(theirs / mine)
    return 1.0


def decide(
    observed: Interval, stated: Interval, scale: float, stretch: float, negligible: float
) -> tuple[Verdict, float]:
    """Meet (or miss by no more than rounding noise, `negligible`) → consistent; a relative
    gap up to `stretch` → stretched; beyond → contradiction."""
    gap = observed.distance(stated) / scale if scale else INF
    if gap <= negligible:
        return Verdict.consistent, 0.0
    if gap <= stretch:
        return Verdict.stretched, gap
    return Verdict.contradiction, gap


def as_range(interval: Interval | None, unit: str | None = None) -> Range | None:
    if interval is None:
        return None
    return Range(
        low=None if math.isinf(interval.low) else _tidy(interval.low),
        high=None if math.isinf(interval.high) else _tidy(interval.high),
        unit=unit,
    )


def _tidy(value: float) -> float:
    return float(f"{value:.6g}")


def finding(
    rule: Rule,
    context: CheckContext,
    *,
    verdict: Verdict,
    claims: Sequence[Claim],
    explanation: str,
    observed: Range | str | None,
    expected: Range | str | None,
    gap: float | None = None,
    bindings: Sequence[tuple[str, Claim]] = (),
    locate: Locator | None = None,
    rests_on: tuple[str, ...] = ("entity", "attribute", "operands"),
    resting: Sequence[Claim] | None = None,
    headline: str | None = None,
) -> Finding:
    """A finding of `rule`; a contradiction resting on an inferred binding (of the aspects in
    `rests_on`, of the claims in `resting`, by default all) is at most a warning. A check
    that can say the problem in the article's own numbers gives a `headline`; it replaces the
    rule's message (the message stays the wording for the other findings of the rule)."""
    subject = claims[0]
    capped = (
        inference_ceiling(claims if resting is None else resting, rests_on)
        if verdict is Verdict.contradiction
        else None
    )
    fields = {
        "entity": entity_name(subject.entity),
        "attribute": attribute_name(subject.attribute),
        "quote": reader_text(subject.quote.strip()),  # as the reader saw it
        "observed": _shown(observed),
        "expected": _shown(expected),
        "verdict": verdict.value,
    }
    return Finding(
        rule=rule.id,
        name=rule.name,
        severity=severity_for(rule, verdict, capped),
        verdict=verdict,
        message=_message(rule, fields, verdict, headline),
        explanation=f"{explanation} At most a warning: {capped}." if capped else explanation,
        claims=[c.id for c in claims],
        locations=[(locate or context.locate)(c) for c in claims],
        observed=observed,
        expected=expected,
        tolerance=rule.tolerance("stretch", context.tolerances),
        gap=None if gap is None or math.isinf(gap) else round(gap, 4),
        confidence=round(min(c.confidence for c in claims), 2),
        capped=capped,
        bindings=[
            Binding(
                variable=name,
                claim=c.id,
                quote=c.quote,
                value=as_range(interval_of(c), c.unit) or _word(c),
            )
            for name, c in bindings
        ],
        fingerprint=fingerprint(rule.id, [f"{c.document}\x1e{c.quote}" for c in claims]),
    )


def _message(rule: Rule, fields: dict[str, str], verdict: Verdict, headline: str | None) -> str:
    """The headline; a figure that holds is said to hold (the rule's message names a
    problem it does not have)."""
    owner = fields["entity"]
    if headline:
        text = f"{owner}: {headline}"
    elif verdict is Verdict.consistent:
        text = f"{owner}: “{fields['quote']}” holds"
    else:
        text = rule.message.format_map(fields)
    if owner == entity_name(None):  # a total of several, a figure no one owns: no "unknown"
        text = text.removeprefix(f"{owner}: ").removeprefix(f"{owner} ")
    return text


def entity_name(entity: str | None) -> str:
    return default_kb().display(entity)


def attribute_name(attribute: str | None) -> str:
    return (attribute or "value").replace("_", " ")


def _word(claim: Claim) -> str | None:
    return claim.value if isinstance(claim.value, str) else None


def _shown(value: Range | str | None) -> str:
    if value is None:
        return "?"
    if isinstance(value, str):
        return value
    return show_range(value)


def show(interval: Interval, unit: str | None = None) -> str:
    shown = as_range(interval, unit)
    return "?" if shown is None else show_range(shown)
