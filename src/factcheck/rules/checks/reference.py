"""Reference checks: stated values against curated specifications, and relations recomputed
from reference values of both operands, like for like (dense with dense, FP8 with FP8)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from factcheck.claims.kb import default_kb
from factcheck.model.claim import Claim, ClaimKind
from factcheck.model.finding import Finding, Verdict
from factcheck.quantities.units import compatible, conversion_factor
from factcheck.reference.table import ReferenceValue
from factcheck.rules.checks.base import (
    CheckContext,
    as_range,
    attribute_name,
    bits_read_as_bytes,
    decide,
    describes_the_spec,
    entity_name,
    finding,
    interval_in,
    show,
    stated_scale,
)
from factcheck.rules.checks.display import number
from factcheck.rules.checks.relations import verdict_words
from factcheck.rules.formula import Formula
from factcheck.rules.interval import Interval
from factcheck.rules.registry import Rule

_GENERIC_COMPUTE = "compute"
_PREFERRED = ("compute_fp8", "compute_fp16", "compute_int8")


def reference_interval(value: ReferenceValue, unit: str | None) -> Interval | None:
    """A reference number with the precision it is written with, in `unit`."""
    if isinstance(value.value, str):
        return None
    written = Decimal(str(value.value))
    exponent = written.as_tuple().exponent
    half = (
        Decimal(5).scaleb(int(exponent) - 1)
        if isinstance(exponent, int) and exponent < 0
        else Decimal(0)
    )
    interval = Interval(float(written - half), float(written + half))
    if unit is None or value.unit is None or value.unit == unit:
        return interval
    try:
        if not compatible(value.unit, unit):
            return None
        return interval.scaled(conversion_factor(value.unit, unit))
    except Exception:  # an unknown unit in the reference file: not comparable
        return None


def _binned(value: ReferenceValue) -> bool:
    return (value.note or "").startswith("BINNED")


def _candidates(
    context: CheckContext, entity: str | None, attribute: str | None
) -> list[ReferenceValue]:
    if attribute == _GENERIC_COMPUTE:
        return context.reference.compute_variants(entity)
    return context.reference.values(entity, attribute)


# --- values ---------------------------------------------------------------------------------


def check_reference_values(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    attributes = default_kb().attributes
    for claim in context.claims:
        if claim.kind is not ClaimKind.value or not claim.entity or not claim.attribute:
            continue
        spec = attributes.get(claim.attribute)
        if spec is None or not (spec.stable or claim.attribute == _GENERIC_COMPUTE):
            continue
        if not context.in_focus([claim]) or not context.sure_enough(claim):
            continue
        if not describes_the_spec(claim):
            continue
        values = _candidates(context, claim.entity, claim.attribute)
        if not values:
            continue
        result = (
            _word_against(rule, context, claim, values)
            if spec.categorical
            else _number_against(rule, context, claim, values)
        )
        if result is not None:
            yield result


def _word_against(
    rule: Rule, context: CheckContext, claim: Claim, values: list[ReferenceValue]
) -> Finding | None:
    trusted = [v for v in values if v.trusted]
    owner = f"{entity_name(claim.entity)}'s {attribute_name(claim.attribute)}"
    if any(str(v.value) == claim.value for v in trusted):
        verdict, words = Verdict.consistent, "holds"
    elif any(str(v.value) == claim.value for v in values):
        verdict, words = Verdict.stretched, "only a source the pack does not trust says so"
    elif trusted:
        verdict, words = Verdict.contradiction, "does not hold"
    else:
        return None
    shown = "; ".join(v.label for v in (trusted or values)[:2])
    return finding(
        rule,
        context,
        verdict=verdict,
        claims=[claim],
        explanation=(
            f"The article gives {owner} as {claim.value}; the reference says {shown}: {words}."
        ),
        observed=str(claim.value),
        expected=", ".join(sorted({str(v.value) for v in trusted or values})),
        bindings=[("stated", claim)],
    )


def _number_against(
    rule: Rule, context: CheckContext, claim: Claim, values: list[ReferenceValue]
) -> Finding | None:
    stated = interval_in(claim, claim.unit)
    if stated is None:
        return None
    readings = [(v, reference_interval(v, claim.unit)) for v in values]
    usable = [(v, i) for v, i in readings if i is not None]
    if not usable:
        return None
    owner = f"{entity_name(claim.entity)}'s {attribute_name(claim.attribute)}"
    said = f"The article gives {owner} as “{claim.quote.strip()}” ({show(stated, claim.unit)})"
    judged = _number_verdict(rule, context, claim, stated, usable, said)
    if judged is None:
        return None
    interval, verdict, gap, explanation = judged
    return finding(
        rule,
        context,
        verdict=verdict,
        claims=[claim],
        explanation=explanation,
        observed=as_range(stated, claim.unit),
        expected=as_range(interval, claim.unit),
        gap=gap,
        bindings=[("stated", claim)],
    )


def _number_verdict(
    rule: Rule,
    context: CheckContext,
    claim: Claim,
    stated: Interval,
    usable: list[tuple[ReferenceValue, Interval]],
    said: str,
) -> tuple[Interval, Verdict, float, str] | None:
    """The reading a stated number is judged against, the verdict, its gap and why."""
    trusted = [(v, i) for v, i in usable if v.trusted]
    meeting = [(v, i) for v, i in trusted if i.meets(stated)]
    binned = [(v, i) for v, i in usable if i.meets(stated) and _binned(v)]
    untrusted = [(v, i) for v, i in usable if not v.trusted and i.meets(stated)]
    if meeting:
        value, interval = meeting[0]
        return interval, Verdict.consistent, 0.0, f"{said}; reference {value.label}: holds."
    if binned:  # a chip sold in bins: a figure matching one bin is no finding
        value, interval = binned[0]
        why = f"{said}; it matches one of the chip's bins: {value.label}."
        return interval, Verdict.consistent, 0.0, why
    if claim.attribute == _GENERIC_COMPUTE:
        return None  # the precision is not stated: a trusted figure of another one is no test
    if untrusted:
        value, interval = untrusted[0]
        why = f" ({value.note})" if value.note else ""
        others = f" Trusted: {trusted[0][0].label}." if trusted else ""
        words = f"only a reading the pack does not trust agrees: {value.label}{why}.{others}"
        return interval, Verdict.stretched, 0.0, f"{said}; {words}"
    if not trusted:
        return None  # nothing trusted to compare with
    slip = bits_read_as_bytes(claim, stated)
    slipped = [(v, i) for v, i in trusted if slip is not None and i.meets(slip)]
    if slipped:
        value, interval = slipped[0]
        return (
            interval,
            Verdict.stretched,
            0.0,
            (
                f"{said}; reference {value.label}. Written in bits (b), the figure is an eighth "
                "of the reference; read as bytes (B) it matches: most likely a slip of case."
            ),
        )
    stretch = rule.tolerance("stretch", context.tolerances)
    value, interval = min(trusted, key=lambda vi: vi[1].distance(stated))
    verdict, gap = decide(
        interval, stated, stated_scale(claim, stated), stretch, context.negligible
    )
    return (
        interval,
        verdict,
        gap,
        (f"{said}; reference {value.label}: {verdict_words(verdict, gap, stretch)}."),
    )


# --- relations ------------------------------------------------------------------------------


def check_reference_relations(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    kind = ClaimKind(str(rule.params.get("relation")))
    formula = rule.compiled
    assert formula is not None
    for claim in context.claims:
        if (
            claim.kind is not kind
            or not context.in_focus([claim])
            or not context.sure_enough(claim)
        ):
            continue
        sides = {o.role: o for o in claim.operands}
        subject, base = sides.get("subject"), sides.get("base")
        if subject is None or base is None:
            continue
        attribute = claim.attribute or subject.attribute
        subject_entity = subject.entity or claim.entity
        if not attribute or not subject_entity or not base.entity or subject_entity == base.entity:
            continue
        pairs = _pairs(
            _candidates(context, subject_entity, attribute),
            _candidates(context, base.entity, attribute),
        )
        if not pairs:
            continue
        result = _relation(rule, context, claim, pairs, (subject_entity, base.entity))
        if result is not None:
            yield result


Pair = tuple[ReferenceValue, ReferenceValue]


def _pairs(
    subjects: Sequence[ReferenceValue], bases: Sequence[ReferenceValue]
) -> list[tuple[Pair, bool]]:
    """(subject, base) readings of one attribute, trusted ones only; like-for-like first."""
    pairs: list[tuple[Pair, bool]] = []
    for s in subjects:
        for b in bases:
            if (
                s.trusted
                and b.trusted
                and s.attribute == b.attribute
                and not isinstance(s.value, str)
            ):
                # An unstated precision reads as dense, the usual figure of datasheets.
                pairs.append(((s, b), (s.precision or "dense") == (b.precision or "dense")))
    order = {a: i for i, a in enumerate(_PREFERRED)}
    pairs.sort(
        key=lambda p: (not p[1], order.get(p[0][0].attribute, 9), p[0][0].precision != "dense")
    )
    return pairs


def _relation(
    rule: Rule,
    context: CheckContext,
    claim: Claim,
    pairs: list[tuple[Pair, bool]],
    entities: tuple[str, str],
) -> Finding | None:
    formula = rule.compiled
    assert formula is not None
    unit = rule.params.get("unit")
    stated = interval_in(claim, unit if isinstance(unit, str) else claim.unit)
    if stated is None:
        return None
    evaluated = _evaluated(formula, pairs)
    if not evaluated:
        return None
    stretch = rule.tolerance("stretch", context.tolerances)
    fitting = [e for e in evaluated if e[2].meets(stated)]
    like_fit = [e for e in fitting if e[1]]
    best = like_fit[0] if like_fit else next((e for e in evaluated if e[1]), evaluated[0])
    (s, b), _, result = best
    a_name, b_name = entity_name(entities[0]), entity_name(entities[1])
    arithmetic = (
        f"reference {a_name} {_reading(s)} and {b_name} {_reading(b)} give {show(result)}; "
        f"the article says “{claim.quote.strip()}” ({show(stated)})"
    )
    if like_fit:
        verdict, gap, tail = Verdict.consistent, 0.0, "holds"
    elif fitting:
        # Fitting only sparse-against-dense is still wrong like for like: the verdict stands,
        # and the explanation says which reading the writer probably used.
        verdict, gap = decide(
            result, stated, stated_scale(claim, stated), stretch, context.negligible
        )
        tail = verdict_words(verdict, gap, stretch) + "; " + _unlike(fitting[0], a_name, b_name)
    else:
        verdict, gap = decide(
            result, stated, stated_scale(claim, stated), stretch, context.negligible
        )
        tail = verdict_words(verdict, gap, stretch)
    return finding(
        rule,
        context,
        verdict=verdict,
        claims=[claim],
        explanation=f"{arithmetic}: {tail}.",
        observed=as_range(result),
        expected=as_range(stated),
        gap=gap,
        bindings=[("stated", claim)],
    )


def _unlike(fit: tuple[Pair, bool, Interval], a_name: str, b_name: str) -> str:
    """Which unlike readings (sparse against dense) the stated figure fits."""
    (ms, mb), _, mixed = fit
    return (
        f"it fits only when {a_name}'s {ms.precision or 'unstated'} figure is compared with "
        f"{b_name}'s {mb.precision or 'unstated'} one ({_reading(ms)} vs {_reading(mb)}: "
        f"{show(mixed)}), which is not like for like"
    )


def _evaluated(
    formula: Formula, pairs: list[tuple[Pair, bool]]
) -> list[tuple[Pair, bool, Interval]]:
    """The relation computed from each pair of reference readings that can be."""
    evaluated = []
    for (s, b), like in pairs:
        left = reference_interval(s, s.unit)
        right = reference_interval(b, s.unit)
        if left is None or right is None:
            continue
        try:
            result = formula.evaluate({"subject": left, "base": right})
        except (ZeroDivisionError, ValueError):
            continue
        evaluated.append(((s, b), like, result))
    return evaluated


def _reading(value: ReferenceValue) -> str:
    unit = f" {value.unit}" if value.unit and value.unit != "dimensionless" else ""
    precision = f" {value.precision}" if value.precision else ""
    name = (
        value.attribute.removeprefix("compute_").upper()
        if value.attribute.startswith("compute_")
        else ""
    )
    shown = number(float(value.value)) if not isinstance(value.value, str) else value.value
    return f"{shown}{unit}{(' ' + name) if name else ''}{precision}"
