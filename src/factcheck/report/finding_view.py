"""What an editor reads of a finding, the same in HTML and Markdown: the headline, every
sentence the finding involves as the reader saw it (markup and pinyin artifacts removed,
the numbers marked), the arithmetic, and a muted line with the rule and its tolerance.

Offsets keep pointing at the original text; only what is shown is cleaned.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.model.finding import Finding, Location
from factcheck.model.report import AuditResult
from factcheck.normalize.reader import reader_text
from factcheck.report.shown import sentence_bounds

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Passage:
    """One sentence of one article, cut into pieces; marked pieces are the finding's numbers."""

    document: str
    path: str
    line: int
    column: int
    pieces: tuple[tuple[str, str | None], ...]
    """Text, and for a number of the finding the claim it states (to link to)."""
    anchor_claim: str
    """The claim to link to in the article view (the first one marked)."""


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    headline: str
    passages: tuple[Passage, ...]
    arithmetic: str
    rule_line: str


def ordered(findings: Sequence[Finding]) -> list[Finding]:
    """Problems first, errors before warnings, then by article: the order of every report."""
    return sorted(
        findings,
        key=lambda f: (
            SEVERITY_ORDER[f.severity.value],
            f.locations[0].document if f.locations else "",
        ),
    )


def finding_views(result: AuditResult) -> list[FindingView]:
    paths = {d.id: d.path for d in result.report.documents}
    return [_view(f, result.texts, paths) for f in ordered(result.report.findings)]


def _view(finding: Finding, texts: dict[str, str], paths: dict[str, str]) -> FindingView:
    # A tolerance decides only a comparison of numbers (a gap); words agree or not.
    tolerance = (
        f" · tolerance {finding.tolerance:.0%}"
        if finding.tolerance is not None and finding.gap is not None
        else ""
    )
    return FindingView(
        finding=finding,
        headline=finding.message,
        passages=tuple(_passages(finding, texts, paths)),
        arithmetic=finding.explanation,
        rule_line=f"{finding.rule} {finding.name}{tolerance}",
    )


def _passages(finding: Finding, texts: dict[str, str], paths: dict[str, str]) -> list[Passage]:
    """One passage per sentence, in the order of the finding's locations."""
    by_sentence: dict[tuple[str, int, int], list[tuple[Location, str]]] = {}
    for location, claim in zip(finding.locations, finding.claims, strict=False):
        text = texts.get(location.document, "")
        left, right = sentence_bounds(text, *location.span)
        by_sentence.setdefault((location.document, left, right), []).append((location, claim))
    passages = []
    for (document, left, right), marked in by_sentence.items():
        text = texts.get(document, "")
        first, claim = min(marked, key=lambda pair: pair[0].span)
        passages.append(
            Passage(
                document=document,
                path=paths.get(document, document),
                line=first.line,
                column=first.column,
                pieces=_pieces(text, left, right, [(loc.span, c) for loc, c in marked]),
                anchor_claim=claim,
            )
        )
    return passages


def _pieces(
    text: str, left: int, right: int, spans: list[tuple[tuple[int, int], str]]
) -> tuple[tuple[str, str | None], ...]:
    pieces: list[tuple[str, str | None]] = []
    at = left
    for (start, end), claim in sorted(set(spans)):
        start, end = max(start, at), min(max(end, start), right)
        if start > at:
            pieces.append((reader_text(text[at:start]), None))
        if end > start:
            pieces.append((reader_text(text[start:end]), claim))
        at = max(at, end)
    if right > at:
        pieces.append((reader_text(text[at:right]), None))
    kept = [(piece, marked) for piece, marked in pieces if piece]
    if kept:
        kept[0] = (kept[0][0].lstrip(), kept[0][1])
        kept[-1] = (kept[-1][0].rstrip(), kept[-1][1])
    return tuple((piece, marked) for piece, marked in kept if piece)
