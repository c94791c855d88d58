"""Output formats by name. Every reporter is one module with a pure render(report) -> str."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from factcheck.model.report import AuditResult
from factcheck.report import html, json_report, junit, sarif, text
from factcheck.report import markdown as markdown_module

Renderer = Callable[[AuditResult], str]


def renderers(
    *, color: bool = False, markdown: markdown_module.MarkdownOptions | None = None
) -> dict[str, Renderer]:
    return {
        "text": partial(text.render, color=color),
        "json": json_report.render,
        "html": html.render,
        "md": partial(markdown_module.render, options=markdown),
        "sarif": sarif.render,
        "junit": junit.render,
    }


FORMAT_NAMES = ("text", "json", "html", "md", "sarif", "junit")
