"""Markdown for pull-request comments and issue bodies: a summary table, then one section
per finding with its quotes and arithmetic."""

from __future__ import annotations

from factcheck.model.report import AuditResult
from factcheck.report.safe_text import markdown_inline
from factcheck.report.words import counted


def _cell(text: str) -> str:
    """Article text inside a table cell or heading: one line, no syntax, no HTML."""
    return markdown_inline(text)


def render(result: AuditResult) -> str:
    report = result.report
    counts = report.summary.findings
    paths = {d.id: d.path for d in report.documents}
    lines = [
        "# factcheck report",
        "",
        f"**{counted(counts.error, 'error')}, {counted(counts.warning, 'warning')}** in "
        f"{counted(report.summary.documents, 'article')} "
        f"({counted(report.summary.claims, 'claim')}; "
        f"{report.summary.relations.described()}).",
        "",
        "| Article | Errors | Warnings |",
        "|---|---:|---:|",
    ]
    for document in report.documents:
        c = report.summary.by_document.get(document.id)
        lines.append(
            f"| {_cell(document.path)} | {c.error if c else 0} | {c.warning if c else 0} |"
        )
    for number, finding in enumerate(report.findings, start=1):
        lines += [
            "",
            f"## {number}. {finding.severity.value}: {_cell(finding.message)}",
            "",
            f"`{finding.rule}` {finding.name} · {finding.verdict.value}",
            "",
        ]
        for binding, location in zip(finding.bindings, finding.locations, strict=False):
            path = paths.get(location.document, location.document)
            where = f"{path}:{location.line}:{location.column}"
            lines.append(f"- {_cell(where)} {binding.variable}: “{_cell(binding.quote)}”")
        lines += ["", f"> {_cell(finding.explanation)}"]
    return "\n".join(lines) + "\n"
