"""The severity of a finding: the rule's for a contradiction, at most a warning for a
stretch, and at most a warning when the claims it rests on were bound by inference."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.model.claim import Claim
from factcheck.model.finding import Severity, Verdict
from factcheck.rules.registry import Rule


def severity_for(rule: Rule, verdict: Verdict, capped: str | None = None) -> Severity:
    if verdict is Verdict.contradiction:
        if capped and rule.severity is Severity.error:
            return Severity.warning  # an error needs operands its sentences bind themselves
        return rule.severity
    if verdict is Verdict.stretched:
        return Severity.warning if rule.severity is not Severity.info else Severity.info
    return Severity.info


def inference_ceiling(
    claims: Sequence[Claim], aspects: tuple[str, ...] = ("entity", "attribute", "operands")
) -> str | None:
    """The first inference a finding rests on (`the entity of “80GB” was inferred: carried
    from an earlier sentence`), or None when every claim's sentence binds it itself."""
    for claim in claims:
        inferred = claim.binding.inferred if claim.binding else {}
        for aspect, reason in inferred.items():
            if aspect in aspects:
                return f"the {aspect} of “{claim.quote.strip()}” was inferred: {reason}"
    return None


def verdict_rank(verdict: Verdict) -> int:
    """Best first: of several readings of a figure, the one that holds wins."""
    order = (Verdict.consistent, Verdict.stretched, Verdict.contradiction, Verdict.unverifiable)
    return order.index(verdict)
