"""Markdown for pull-request comments and issue bodies: the summary table, then one section
per finding with the sentences it involves, a link to each line, and the arithmetic folded
in `<details>`. Capped in size (a GitHub comment holds 65,536 characters): what does not
fit is counted, with a pointer to the full report.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.model.report import AuditResult
from factcheck.report.finding_view import FindingView, Passage, finding_views
from factcheck.report.safe_text import markdown_inline
from factcheck.report.words import counted

DEFAULT_LIMIT = 60_000
"""Characters: below GitHub's 65,536 for a comment, with room for a bot's own header."""
_ICONS = {"error": "🛑", "warning": "⚠️", "info": "ℹ️"}
_ARTICLE_ROWS = 50


@dataclass(frozen=True)
class MarkdownOptions:
    link_base: str | None = None
    """A URL prefix for article lines (https://github.com/OWNER/REPO/blob/SHA/): each line
    becomes `<link_base><path>#L<line>`; without it lines are shown as `path:line`."""
    limit: int = DEFAULT_LIMIT


def _cell(text: str) -> str:
    """Article text inside a table cell or heading: one line, no syntax, no HTML."""
    return markdown_inline(text)


def render(result: AuditResult, options: MarkdownOptions | None = None) -> str:
    options = options or MarkdownOptions()
    head = _summary(result)
    sections = [
        _section(number, view, options)
        for number, view in enumerate(finding_views(result), start=1)
    ]
    budget = options.limit - len(head) - 400  # room for the note on what was left out
    shown: list[str] = []
    for section in sections:
        if sum(map(len, shown)) + len(section) > budget:
            break
        shown.append(section)
    body = head + "".join(shown)
    left = len(sections) - len(shown)
    if left:
        body += (
            f"\n---\n\n{counted(left, 'more finding')} not shown: this comment is capped at "
            f"{options.limit:,} characters. The HTML, JSON or SARIF report has every finding.\n"
        )
    return body


def _summary(result: AuditResult) -> str:
    report = result.report
    counts = report.summary.findings
    lines = [
        "# factcheck report",
        "",
        f"**{counted(counts.error, 'error')}, {counted(counts.warning, 'warning')}** in "
        f"{counted(report.summary.documents, 'article')} "
        f"({counted(report.summary.claims, 'claim')}; "
        f"{report.summary.relations.described()}).",
        "",
    ]
    with_problems = [
        d
        for d in report.documents
        if (c := report.summary.by_document.get(d.id)) and (c.error or c.warning)
    ]
    if with_problems:
        lines += ["| Article | Errors | Warnings |", "|---|---:|---:|"]
        for document in with_problems[:_ARTICLE_ROWS]:
            c = report.summary.by_document[document.id]
            lines.append(f"| {_cell(document.path)} | {c.error} | {c.warning} |")
        if len(with_problems) > _ARTICLE_ROWS:
            lines.append(f"| {len(with_problems) - _ARTICLE_ROWS} more articles | | |")
        clean = len(report.documents) - len(with_problems)
        if clean:
            lines += ["", f"{counted(clean, 'article')} without problems."]
    return "\n".join(lines) + "\n"


def _section(number: int, view: FindingView, options: MarkdownOptions) -> str:
    severity = view.finding.severity.value
    lines = [
        "",
        f"### {number}. {_ICONS.get(severity, '')} {severity}: {_cell(view.headline)}",
        "",
    ]
    for passage in view.passages:
        lines.append(f"> {_quote(passage)} — {_where(passage, options)}")
        lines.append(">")
    if lines[-1] == ">":
        lines.pop()
    lines += [
        "",
        "<details><summary>The arithmetic</summary>",
        "",
        _cell(view.arithmetic),
        "",
        f"<sub>{_cell(view.rule_line)}</sub>",
        "",
        "</details>",
        "",
    ]
    return "\n".join(lines)


def _quote(passage: Passage) -> str:
    return "".join(
        f"**{_cell(piece.strip())}**" if claim else _cell(piece) for piece, claim in passage.pieces
    )


def _where(passage: Passage, options: MarkdownOptions) -> str:
    label = _cell(f"{passage.path}:{passage.line}")
    if options.link_base is None:
        return label
    url = f"{options.link_base}{passage.path}#L{passage.line}"
    return f"[{label}](<{_url(url)}>)"


def _url(url: str) -> str:
    """A URL inside <…>: nothing that ends it or starts HTML."""
    return url.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20").replace("\n", "")
