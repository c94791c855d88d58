"""Cross-source checks: the same fact in different articles, and a relation stated in one
article computed from values that other articles state.

Claims are grouped by (entity, attribute, scope) in one pass: cost grows with the number of
claims, not with the number of pairs.
"""

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
from factcheck.rules.checks.relations import check_one_relation, verdict_words
from factcheck.rules.interval import Interval
from factcheck.rules.registry import Rule


def _dated(period: str | None) -> bool:
    """A period two articles can share: 9月 with no year (XXXX-09) is one month inside one
    article, but two articles' Septembers may be years apart."""
    return bool(period) and "XXXX" not in (period or "")


def check_cross_same_fact(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    attributes = default_kb().attributes
    for (_, attribute, _, _), group in sorted(context.sure_groups().items()):
        spec = attributes.get(attribute)
        if spec is None or not group.several_documents:
            continue
        sure = group.claims
        if not (spec.categorical or spec.stable or _dated(sure[0].scope.period)):
            continue
        if spec.stable and not describes_the_spec(sure[0]):
            continue  # two articles' "after the cut" figures may describe different cuts
        if spec.categorical:
            pairs: list[Disagreement] = [([a], b, []) for a, b in _word_pairs(sure)]
        else:
            pairs = [] if group.agree else _number_pairs(sure, group.intervals)
        for supporters, other, backers in pairs:
            if context.in_focus([*supporters, other, *backers]):
                yield _disagreement(
                    rule, context, supporters, other, categorical=spec.categorical, backers=backers
                )
        if (
            context.report_consistent
            and not pairs
            and spec.categorical
            and not _distinct_words(sure)
        ):
            agreeing = _first_per_document(sure)
            if len(agreeing) > 1 and context.in_focus(agreeing):
                yield _agreement(rule, context, agreeing)


def _distinct_words(claims: list[Claim]) -> bool:
    return len({str(c.value) for c in claims}) > 1


def _first_per_document(claims: list[Claim]) -> list[Claim]:
    first: dict[str, Claim] = {}
    for claim in claims:
        first.setdefault(claim.document, claim)
    return list(first.values())


def _agreement(rule: Rule, context: CheckContext, claims: list[Claim]) -> Finding:
    owner = f"{entity_name(claims[0].entity)}'s {attribute_name(claims[0].attribute)}"
    return finding(
        rule,
        context,
        verdict=Verdict.consistent,
        claims=claims,
        explanation=f"{owner} is {claims[0].value} in all {len(claims)} articles that state it.",
        observed=str(claims[0].value),
        expected=str(claims[0].value),
        bindings=[(c.document, c) for c in claims],
    )


def _word_pairs(claims: list[Claim]) -> list[tuple[Claim, Claim]]:
    """One pair per two values that two different articles give."""
    by_value: dict[str, list[Claim]] = {}
    for claim in claims:
        by_value.setdefault(str(claim.value), []).append(claim)
    values = list(by_value)
    pairs = []
    for i, first in enumerate(values):
        for second in values[i + 1 :]:
            pair = next(
                (
                    (a, b)
                    for a in by_value[first]
                    for b in by_value[second]
                    if a.document != b.document
                ),
                None,
            )
            if pair is not None:
                pairs.append(pair)
    return pairs


Disagreement = tuple[list[Claim], Claim, list[Claim]]
"""(the claims of one side, one per article; a claim of the other side; on a tie, the other
side's further articles)."""


def _number_pairs(claims: list[Claim], intervals: list[Interval | None]) -> list[Disagreement]:
    """Each value no other value agrees with, against the values most articles agree on.

    Claims are clustered by agreement; the cluster stated by the most articles (the first on
    a tie, so the dataset's order decides) is the majority, and each claim of another
    cluster from another article is an outlier, reported with the majority's claims (one
    per article) so the finding sits at the value that disagrees and names its sources. A
    bandwidth written in bits (4.0 Tb/s) may be a slip of case for bytes: it votes for no
    cluster, and is an outlier only when its written value disagrees with the majority.
    """
    measured = [(c, i) for c, i in zip(claims, intervals, strict=True) if i is not None]
    written_in_bits = [bits_read_as_bytes(c, i) is not None for c, i in measured]
    in_bits = [ci for ci, bits in zip(measured, written_in_bits, strict=True) if bits]
    plain = [ci for ci, bits in zip(measured, written_in_bits, strict=True) if not bits]
    clusters = _clusters(plain or in_bits)
    if not clusters:
        return []
    majority = max(clusters, key=_documents)
    unvoted = in_bits if plain else []  # with no plain value, the bits voted themselves
    pairs: list[Disagreement]
    rival = next((c for c in clusters if c is not majority and _documents(c) >= 2), None)
    if rival is not None and _documents(rival) == _documents(majority):
        # Two values, each stated by as many articles: no majority to call the other an
        # outlier, so one finding names both sides and all their articles.
        ours = _first_per_document([c for c, _ in majority])
        theirs = _first_per_document([c for c, _ in rival])
        pairs = [(ours, theirs[0], theirs[1:])]
    else:
        outliers = [c for cluster in clusters if cluster is not majority for c, _ in cluster]
        outliers += [c for c, i in unvoted if not i.meets(majority[0][1])]
        pairs = _against(majority, _first_per_document(outliers))
    for claim, interval in unvoted:
        # 4.0 Tb/s beside another article's 4.0 TB/s: read as bytes, it is that value
        slip = bits_read_as_bytes(claim, interval)
        for cluster in clusters:
            if slip is not None and slip.meets(cluster[0][1]) and interval.meets(majority[0][1]):
                pairs += _against(cluster, [claim])
    return pairs


def _documents(cluster: list[tuple[Claim, Interval]]) -> int:
    return len({claim.document for claim, _ in cluster})


def _against(cluster: list[tuple[Claim, Interval]], others: list[Claim]) -> list[Disagreement]:
    """(the cluster's claims, one per article, other) for each other from another article."""
    supporters = _first_per_document([claim for claim, _ in cluster])
    backed = {claim.document for claim in supporters}
    return [(supporters, other, []) for other in others if other.document not in backed]


def _clusters(measured: list[tuple[Claim, Interval]]) -> list[list[tuple[Claim, Interval]]]:
    clusters: list[list[tuple[Claim, Interval]]] = []
    for claim, interval in measured:
        home = next((c for c in clusters if interval.meets(c[0][1])), None)
        if home is None:
            clusters.append([(claim, interval)])
        else:
            home.append((claim, interval))
    return clusters


def _disagreement(
    rule: Rule,
    context: CheckContext,
    supporters: list[Claim],
    other: Claim,
    *,
    categorical: bool,
    backers: list[Claim] | None = None,
) -> Finding:
    anchor = supporters[0]
    owner = f"{entity_name(anchor.entity)}'s {attribute_name(anchor.attribute)}"
    if categorical:
        return finding(
            rule,
            context,
            verdict=Verdict.contradiction,
            claims=[anchor, other, *supporters[1:]],
            explanation=(
                f"{owner} is {anchor.value} in {anchor.document} (“{anchor.quote.strip()}”) "
                f"and {other.value} in {other.document} (“{other.quote.strip()}”)."
            ),
            observed=str(other.value),
            expected=str(anchor.value),
            bindings=[("first", anchor), ("second", other)],
        )
    also = [c.document for c in supporters[1:]]
    agreeing = f" (as in {', '.join(also)})" if also else ""
    seconded = [c.document for c in backers or []]
    other_agreeing = (
        f" (as in {', '.join(seconded)}; as many articles on each side)" if seconded else ""
    )
    unit = anchor.unit
    first = interval_in(anchor, unit) or Interval.point(0)
    second = interval_in(other, unit) or Interval.point(0)
    stretch = rule.tolerance("stretch", context.tolerances)
    verdict, gap = decide(second, first, stated_scale(anchor, first), stretch, context.negligible)
    slip = _case_slip(anchor, first, other, second)
    if slip is not None:
        verdict, gap = Verdict.stretched, 0.0
    return finding(
        rule,
        context,
        verdict=verdict,
        claims=[anchor, other, *supporters[1:], *(backers or [])],
        explanation=(
            f"{owner} is {show(first, unit)} in {anchor.document} (“{anchor.quote.strip()}”)"
            f"{agreeing} and "
            f"{show(second, unit)} in {other.document} (“{other.quote.strip()}”)"
            f"{other_agreeing}: " + (slip or f"{verdict_words(verdict, gap, stretch)}.")
        ),
        observed=as_range(second, unit),
        expected=as_range(first, unit),
        gap=gap,
        bindings=[("first", anchor), ("second", other)],
    )


def _case_slip(anchor: Claim, first: Interval, other: Claim, second: Interval) -> str | None:
    """4 Tb/s in one article and 4 TB/s in another: bits read as bytes agree."""
    for bits, interval, against in ((anchor, first, second), (other, second, first)):
        slip = bits_read_as_bytes(bits, interval)
        if slip is not None and slip.meets(against):
            return (
                f"the figure in bits (“{bits.quote.strip()}”) read as bytes agrees: most "
                "likely a slip of case."
            )
    return None


def check_cross_relations(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    """A relation whose operand its article does not state, computed from the value other
    articles agree on."""
    kind = ClaimKind(str(rule.params.get("relation")))
    index, derived = _stable_values(context, rule)
    for claim in context.claims:
        if claim.kind is not kind or not context.in_focus([claim]):
            continue
        if _unbound_figure_nearby(context, claim):
            # 高达300 PetaFLOPS(BF16)的算力集群,性能是GB200 NVL72(约140 PetaFLOPS)的两倍: the
            # article writes the other side too, only not as the attribute asked for; a
            # figure borrowed from another article may describe something else (one chip,
            # not the 384-chip system).
            continue
        borrowed: dict[str, Claim] = {}
        resolve = _Borrower(context, index, borrowed)
        result = check_one_relation(rule, context, claim, resolve)
        if result is not None and borrowed and result.verdict is not Verdict.unverifiable:
            notes = [
                f"{entity_name(c.entity)} {attribute_name(c.attribute)} {_number_text(c)} comes "
                f"from {c.document} (“{c.quote.strip()}”{_derivation(rule, c, derived)})"
                for c in borrowed.values()
            ]
            yield result.model_copy(
                update={"explanation": f"{result.explanation} " + "; ".join(notes) + "."}
            )


_NEARBY = 80
"""Characters before a relation in which an article's own figure would be its operand."""


def _unbound_figure_nearby(context: CheckContext, relation: Claim) -> bool:
    """Whether the relation has an operand of its own article and, just before it, another
    figure of that operand's kind that is bound to neither side."""
    own = [context.by_claim_id(o.claim) for o in relation.operands if o.claim is not None]
    units = {c.unit for c in own if c is not None and c.unit}
    if not units:
        return False
    bound = {o.claim for o in relation.operands}
    start = relation.span[0] - _NEARBY
    return any(
        c.kind is ClaimKind.value
        and c.id not in bound
        and start <= c.span[0] < relation.span[1]
        and any(interval_in(c, u) is not None for u in units)
        for c in context.claims_of(relation.document)
    )


class _Borrower:
    """Resolves a relation's operand in its own article, else from the value other articles
    agree on, remembering what it borrowed."""

    def __init__(
        self,
        context: CheckContext,
        index: dict[tuple[str, str], Claim],
        borrowed: dict[str, Claim],
    ) -> None:
        self.context, self.index, self.borrowed = context, index, borrowed

    def __call__(self, relation: Claim, role: str) -> Claim | None:
        own = self.context.operand(relation, role)
        if own is not None:
            return own
        operand = next((o for o in relation.operands if o.role == role), None)
        if operand is None or operand.entity is None or operand.attribute is None:
            return None
        found = self.index.get((operand.entity, operand.attribute))
        if found is None or found.document == relation.document:
            return None
        if found.scope.condition not in (None, relation.scope.condition):
            # 1979 TFLOPS "theoretical" (the sparse peak) is no operand of a plain "15% of
            # the H100": a figure stated under a condition is borrowed only under it.
            return None
        self.borrowed[role] = found
        return found


def _stable_values(
    context: CheckContext, rule: Rule
) -> tuple[dict[tuple[str, str], Claim], set[str]]:
    """For each (entity, attribute) of a specification: the value the articles agree on,
    or nothing when they disagree (FC201 reports that). A rule may also borrow attributes
    that are not specifications (`borrow`) and derive one from another (`derive`: a compute
    figure from a TPP, TPP = dense 8-bit TOPS × 8)."""
    attributes = default_kb().attributes
    borrow = rule.params.get("borrow", [])
    extra = borrow if isinstance(borrow, list) else []
    chosen: dict[tuple[str, str], Claim] = {}
    for (entity, attribute, _, _), group in sorted(context.sure_groups().items()):
        spec = attributes.get(attribute)
        if spec is None or spec.categorical or not (spec.stable or attribute in extra):
            continue
        if group.agree and (entity, attribute) not in chosen:
            # the unconditioned figure first (the keys sort an empty condition first)
            chosen[(entity, attribute)] = group.claims[0]
    target, source = rule.params.get("derive_attribute"), rule.params.get("derive_from")
    factor = rule.params.get("derive_factor")
    derived: set[str] = set()
    if isinstance(target, str) and isinstance(source, str) and isinstance(factor, float):
        for (entity, attribute), claim in list(chosen.items()):
            if attribute == source and (entity, target) not in chosen:
                chosen[(entity, target)] = _scaled(claim, target, factor, rule)
                derived.add(claim.id)
    return chosen, derived


def _scaled(claim: Claim, attribute: str, factor: float, rule: Rule) -> Claim:
    ratio = Decimal(str(factor))
    unit = rule.params.get("derive_unit")

    def scale(value: Decimal | None) -> Decimal | None:
        return None if value is None else value * ratio

    value = claim.value * ratio if isinstance(claim.value, Decimal) else claim.value
    return claim.model_copy(
        update={
            "attribute": attribute,
            "value": value,
            "low": scale(claim.low),
            "high": scale(claim.high),
            "unit": unit if isinstance(unit, str) else claim.unit,
        }
    )


def _number_text(claim: Claim) -> str:
    unit = "" if claim.unit in (None, "dimensionless", "count") else f" {claim.unit}"
    if isinstance(claim.value, Decimal):
        return f"{number(float(claim.value))}{unit}"
    return claim.quote


def _derivation(rule: Rule, claim: Claim, derived: set[str]) -> str:
    if claim.id in derived:
        return f", its {rule.params.get('derive_from')} × {rule.params.get('derive_factor')}"
    return ""
