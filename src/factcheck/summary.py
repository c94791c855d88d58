"""The summary of an audit: findings by severity and article, and how every relation
claim ended (held, stretched, contradicted, or could not be checked, and why)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from factcheck.model.claim import Claim, ClaimKind
from factcheck.model.document import Document
from factcheck.model.finding import Finding, Verdict
from factcheck.model.report import RelationCounts, SeverityCounts, Summary
from factcheck.rules.registry import Rule

_RELATION_KINDS = frozenset(
    {
        ClaimKind.ratio,
        ClaimKind.percent_change,
        ClaimKind.difference,
        ClaimKind.share,
        ClaimKind.cagr,
        ClaimKind.direction,
        ClaimKind.conversion,
    }
)
_WORST = (Verdict.contradiction, Verdict.stretched, Verdict.unverifiable, Verdict.consistent)


def relation_counts(claims: Sequence[Claim], findings: Sequence[Finding]) -> RelationCounts:
    """Each relation claim's outcome: the worst verdict of the findings that state it (it
    is their first claim), or unchecked when no rule found its operands."""
    verdicts: dict[str, set[Verdict]] = {}
    for f in findings:
        if f.claims:
            verdicts.setdefault(f.claims[0], set()).add(f.verdict)
    counts: Counter[str] = Counter()
    for claim in claims:
        if claim.kind not in _RELATION_KINDS:
            continue
        counts["total"] += 1
        seen = verdicts.get(claim.id, set())
        worst = next((v for v in _WORST if v in seen), None)
        key = {
            None: "unchecked",
            Verdict.consistent: "hold",
            Verdict.stretched: "stretched",
            Verdict.contradiction: "contradiction",
        }.get(worst, "unverifiable")
        counts[key] += 1
    return RelationCounts(**counts)


def summarize(
    documents: Sequence[Document],
    claims: list[Claim],
    findings: list[Finding],
    rules: Sequence[Rule],
    relations: RelationCounts | None = None,
) -> Summary:
    totals: Counter[str] = Counter(f.severity.value for f in findings)
    verdicts: Counter[str] = Counter(f.verdict.value for f in findings)
    per_document: dict[str, Counter[str]] = {d.id: Counter() for d in documents}
    for f in findings:
        if f.locations:
            per_document.setdefault(f.locations[0].document, Counter())[f.severity.value] += 1
    return Summary(
        documents=len(documents),
        claims=len(claims),
        findings=SeverityCounts(**totals),
        verdicts=dict(sorted(verdicts.items())),
        by_document={d: SeverityCounts(**c) for d, c in per_document.items()},
        rules=[r.id for r in rules],
        relations=relations or RelationCounts(),
    )
