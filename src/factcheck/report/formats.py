"""Output formats by name. Every reporter is one module with a pure render(report) -> str."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from factcheck.model.report import AuditReport
from factcheck.report import json_report, text

Renderer = Callable[[AuditReport], str]


def renderers(*, color: bool = False) -> dict[str, Renderer]:
    return {
        "text": partial(text.render, color=color),
        "json": json_report.render,
    }


FORMAT_NAMES = ("text", "json")
