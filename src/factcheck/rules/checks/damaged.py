"""Processing notes: a claim read from a sentence whose text is damaged (mojibake)."""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.model.finding import Finding, Verdict
from factcheck.rules.checks.base import CheckContext, finding
from factcheck.rules.registry import Rule


def check_damaged(rule: Rule, context: CheckContext) -> Iterator[Finding]:
    for claim in context.claims:
        if claim.damaged:
            yield finding(
                rule,
                context,
                verdict=Verdict.unverifiable,
                claims=[claim],
                explanation=(
                    f"“{claim.quote.strip()}” comes from a sentence with unreadable characters; "
                    "its entity or attribute may be wrong, so checks treat it with low confidence."
                ),
                observed=None,
                expected=None,
            )
