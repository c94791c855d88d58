"""The audit JSON contract: sorted keys, two-space indent, a final newline; byte-identical
for the same input."""

from __future__ import annotations

import json

from factcheck.model.report import AuditResult


def render(result: AuditResult) -> str:
    content = result.report.model_dump(mode="json")
    return json.dumps(content, ensure_ascii=False, allow_nan=False, indent=2, sort_keys=True) + "\n"
