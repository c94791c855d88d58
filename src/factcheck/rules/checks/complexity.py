"""FC004: a document past its work budget gets one note at its start, and no claims."""

from __future__ import annotations

from factcheck.claims.budget import TooComplexError
from factcheck.model.finding import Finding, Location, Verdict, fingerprint
from factcheck.rules.registry import Rule


def too_complex_finding(rule: Rule, document: str, text: str, error: TooComplexError) -> Finding:
    first_line = text.find("\n")
    end = first_line if first_line >= 0 else min(len(text), 80)
    return Finding(
        rule=rule.id,
        name=rule.name,
        severity=rule.severity,
        verdict=Verdict.unverifiable,
        message=rule.message,
        explanation=(
            f"{error.numbers} numbers, work {error.load:,} against a budget of "
            f"{error.limit:,} (a floor plus 60 per character): the text reads as a table or "
            "noise. No claim was bound and no check ran on it."
        ),
        claims=[],
        locations=[Location(document=document, span=(0, end), line=1, column=1)],
        fingerprint=fingerprint(rule.id, [document, str(error.numbers)]),
    )
