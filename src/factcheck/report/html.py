"""A self-contained HTML report for editors: summary first, then findings with the
arithmetic, then each article's text with every claim highlighted. Inline CSS and JS, no
network; readable with JavaScript off. Article text is escaped by jinja2's autoescape."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from itertools import pairwise

from jinja2 import Environment, PackageLoader, select_autoescape

from factcheck.model.claim import Claim
from factcheck.model.finding import Finding
from factcheck.model.report import AuditResult
from factcheck.report.draft import draft_blocks
from factcheck.report.finding_view import SEVERITY_ORDER, FindingView, finding_views
from factcheck.report.html_segments import Segment
from factcheck.report.shown import claim_tooltip


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("factcheck.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def anchor(claim_id: str) -> str:
    """An HTML id for a claim id (`000_x#c9` -> `claim-000_x-c9`)."""
    return "claim-" + re.sub(r"[^A-Za-z0-9_-]", "-", claim_id)


def render(result: AuditResult) -> str:
    report = result.report
    by_document: dict[str, list[Claim]] = {}
    for claim in report.claims:
        by_document.setdefault(claim.document, []).append(claim)
    severity_of_claim = _claim_severities(report.findings)
    articles = []
    pieces: list[Segment] = []
    for document in report.documents:
        text = result.texts.get(document.id, "")
        claims = by_document.get(document.id, [])
        pieces = segments(text, claims, severity_of_claim)
        articles.append(
            {
                "document": document,
                "segments": pieces,
                "claims": len(claims),
                "counts": report.summary.by_document.get(document.id),
            }
        )
    problem_docs = [
        d
        for d in report.documents
        if (c := report.summary.by_document.get(d.id)) and (c.error or c.warning)
    ]
    views = finding_views(result)
    draft = None
    if len(report.documents) == 1 and articles:
        # One draft: its text first, the cards beside their paragraphs.
        only = report.documents[0].id
        draft = draft_blocks(result.texts.get(only, ""), pieces, views, only)
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            report=report,
            articles=articles,
            views=views,
            draft=draft,
            number_of=_numbering(views),
            problem_docs=problem_docs,
            paths={d.id: d.path for d in report.documents},
            anchor=anchor,
            rules=sorted({f.rule for f in report.findings}),
        )
    )


def _numbering(views: list[FindingView]) -> Callable[[FindingView], int]:
    """A card's number in the report (its anchor), wherever the card is placed."""
    numbers = {id(view): number for number, view in enumerate(views, start=1)}
    return lambda view: numbers[id(view)]


def _claim_severities(findings: Iterable[Finding]) -> dict[str, str]:
    worst: dict[str, str] = {}
    for finding in findings:
        if not finding.is_problem:
            continue
        for claim_id in finding.claims:
            current = worst.get(claim_id)
            if current is None or SEVERITY_ORDER[finding.severity.value] < SEVERITY_ORDER[current]:
                worst[claim_id] = finding.severity.value
    return worst


def segments(text: str, claims: list[Claim], severity_of_claim: dict[str, str]) -> list[Segment]:
    """The text cut at every claim boundary; each piece knows the claims covering it."""
    bounds = {0, len(text)}
    for claim in claims:
        bounds.update((max(0, claim.span[0]), min(len(text), claim.span[1])))
    ordered = sorted(bounds)
    starts = {c.id: c.span[0] for c in claims}
    anchored: set[str] = set()
    pieces: list[Segment] = []
    for start, end in pairwise(ordered):
        covering = [c for c in claims if c.span[0] <= start and end <= c.span[1]]
        segment = Segment(text=text[start:end])
        if covering:
            segment.claims = [c.id for c in covering]
            severities = [severity_of_claim[c.id] for c in covering if c.id in severity_of_claim]
            segment.severity = (
                min(severities, key=SEVERITY_ORDER.__getitem__) if severities else None
            )
            starting = [c for c in covering if starts[c.id] == start and c.id not in anchored]
            anchored.update(c.id for c in starting)
            if starting:
                segment.anchor = anchor(starting[0].id)
                segment.extra_anchors = [anchor(c.id) for c in starting[1:]]
            segment.tooltip = "\n".join(claim_tooltip(c) for c in covering)
        pieces.append(segment)
    return pieces
