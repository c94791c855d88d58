"""Plain-text report grouped by article: line:column, severity, rule, message, the quote and
the arithmetic. Coloured by rich when writing to a terminal."""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from factcheck.model.finding import Finding
from factcheck.model.report import AuditReport, AuditResult
from factcheck.report.safe_text import visible_controls
from factcheck.report.words import counted

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_WIDTH = 100


def render(result: AuditResult, *, color: bool = False) -> str:
    report = result.report
    stream = io.StringIO()
    console = Console(
        file=stream,
        force_terminal=color,
        no_color=not color,
        width=_WIDTH,
        highlight=False,
        soft_wrap=True,
    )
    paths = {d.id: d.path for d in report.documents}
    titles = {d.id: d.title for d in report.documents}
    by_document: dict[str, list[Finding]] = {}
    for finding in report.findings:
        document = finding.locations[0].document if finding.locations else ""
        by_document.setdefault(document, []).append(finding)
    for document, findings in by_document.items():
        header = Text(visible_controls(paths.get(document, document)), style="bold")
        if titles.get(document):
            header.append(f" — {visible_controls(titles[document] or '')}", style="dim")
        console.print(header)
        for finding in findings:
            _print_finding(console, finding)
        console.print()
    console.print(summary_line(report))
    return stream.getvalue()


def _print_finding(console: Console, finding: Finding) -> None:
    where = finding.locations[0] if finding.locations else None
    position = f"{where.line}:{where.column}" if where else "-"
    line = Text(f"  {position:>8}  ")
    line.append(f"{finding.severity.value:<8}", style=_STYLE[finding.severity.value])
    line.append(f" {finding.rule} ", style="bold")
    line.append(visible_controls(finding.message))
    console.print(line)
    quotes = " … ".join(f"“{b.quote.strip()}”" for b in finding.bindings[:4])
    if quotes:
        console.print(Text(f"            {visible_controls(quotes)}", style="dim"))
    console.print(Text(f"            {visible_controls(finding.explanation)}"))


def summary_line(report: AuditReport) -> str:
    counts = report.summary.findings
    with_problems = sum(1 for c in report.summary.by_document.values() if c.error or c.warning)
    summary = report.summary
    return (
        f"{counted(summary.documents, 'article')}, {counted(summary.claims, 'claim')} "
        f"({summary.relations.described()}): "
        f"{counted(counts.error, 'error')}, {counted(counts.warning, 'warning')}"
        f" in {with_problems} of {counted(summary.documents, 'article')}."
    )
