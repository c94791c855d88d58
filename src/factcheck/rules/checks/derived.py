"""FC205: two articles give figures of one chip that a formula ties together, and they do
not meet: one says TPP 5120, another FP16 256 TFLOPS (TPP = 16 × dense FP16 = 4096).

The rule names the derived attribute (`target`), the attribute it follows from (`source`)
and the factor; vendors also quote sparse throughput (twice the dense figure), so a source
read as sparse (`sparse_factor`) is a second reading. Only figures of different articles
are paired (one article's own pair is FC121's), and only when neither article's figures
for the fact disagree among themselves.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.model.claim import Claim
from factcheck.model.finding import Finding, Verdict
from factcheck.rules.checks.base import (
    CheckContext,
    SureGroup,
    as_range,
    attribute_name,
    decide,
    finding,
    interval_in,
    show,
    stated_scale,
)
from factcheck.rules.checks.severity import verdict_rank
from factcheck.rules.registry import Rule


def check_cross_derived(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    target, source = str(rule.params.get("target")), str(rule.params.get("source"))
    factor = float(rule.number("factor"))
    sparse = float(rule.params.get("sparse_factor", 1.0))  # type: ignore[arg-type]
    by_entity: dict[str, dict[str, SureGroup]] = {}
    for (entity, attribute, _, _), group in sorted(context.sure_groups().items()):
        if attribute in (target, source) and group.agree:
            by_entity.setdefault(entity, {}).setdefault(attribute, group)
    for groups in by_entity.values():
        if target not in groups or source not in groups:
            continue
        stated, base = _first_of_another_document(groups[target].claims, groups[source].claims)
        if stated is None or base is None or not context.in_focus([stated, base]):
            continue
        result = _compare(rule, context, stated, base, (factor, sparse))
        if result is not None:
            yield result


def _first_of_another_document(
    targets: list[Claim], sources: list[Claim]
) -> tuple[Claim | None, Claim | None]:
    for stated in targets:
        for base in sources:
            if base.document != stated.document:
                return stated, base
    return None, None


def _compare(
    rule: Rule,
    context: CheckContext,
    stated_claim: Claim,
    base: Claim,
    factors: tuple[float, float],
) -> Finding | None:
    factor, sparse = factors
    stated = interval_in(stated_claim, stated_claim.unit)
    source = interval_in(base, base.unit)
    if stated is None or source is None:
        return None
    stretch = rule.tolerance("stretch", context.tolerances)
    scale = stated_scale(stated_claim, stated)
    readings = [("dense", source.scaled(factor))]
    if sparse != 1.0:
        readings.append(("sparse", source.scaled(factor / sparse)))
    judged = [
        (how, value, *decide(value, stated, scale, stretch, context.negligible))
        for how, value in readings
    ]
    _, observed, verdict, gap = min(judged, key=lambda r: (verdict_rank(r[2]), r[3]))
    if verdict is Verdict.consistent and not context.report_consistent:
        return None
    what, of = attribute_name(stated_claim.attribute), attribute_name(base.attribute)
    shown = " or ".join(
        f"{show(value)} if {show(source, base.unit)} is the {kind} figure"
        for kind, value, *_ in judged
    )
    explanation = (
        f"{what} = {number_text(factor)} × dense {of}. {base.document} gives {of} "
        f"“{base.quote.strip()}”, which makes the {what} {shown}; {stated_claim.document} says "
        f"“{stated_claim.quote.strip()}” ({show(stated)})."
    )
    return finding(
        rule,
        context,
        verdict=verdict,
        claims=[stated_claim, base],
        explanation=explanation,
        observed=as_range(observed, stated_claim.unit),
        expected=as_range(stated, stated_claim.unit),
        gap=gap,
        bindings=[(stated_claim.document, stated_claim), (base.document, base)],
    )


def number_text(value: float) -> str:
    return f"{value:g}"
