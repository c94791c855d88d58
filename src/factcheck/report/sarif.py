"""SARIF 2.1.0 for code-scanning UIs: rules from the registry, one result per finding,
code-point columns, related locations for multi-claim findings, partial fingerprints."""

from __future__ import annotations

import json
from typing import Any

from factcheck.model.finding import Finding, Location
from factcheck.model.report import AuditResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_INFORMATION_URI = "https://github.com/factcheck/factcheck"


def render(result: AuditResult) -> str:
    report = result.report
    paths = {d.id: d.path for d in report.documents}
    rules = sorted(report.rules, key=lambda r: r.id)
    index = {r.id: i for i, r in enumerate(rules)}
    sarif = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": report.tool.name,
                        "version": report.tool.version,
                        "informationUri": _INFORMATION_URI,
                        "rules": [
                            {
                                "id": r.id,
                                "name": r.name,
                                "shortDescription": {"text": r.title},
                                "fullDescription": {"text": r.summary},
                                "help": {"text": r.help},
                                "defaultConfiguration": {"level": _LEVEL[r.severity]},
                            }
                            for r in rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, paths, result.texts, index) for f in report.findings],
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, allow_nan=False, indent=2, sort_keys=True) + "\n"


def _result(
    finding: Finding, paths: dict[str, str], texts: dict[str, str], index: dict[str, int]
) -> dict[str, Any]:
    locations = [_physical(loc, paths, texts) for loc in finding.locations]
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": _LEVEL[finding.severity.value],
        "message": {"text": f"{finding.message}. {finding.explanation}"},
        "locations": locations[:1],
        "partialFingerprints": {"factcheck/v1": finding.fingerprint},
        "properties": {"verdict": finding.verdict.value, "confidence": finding.confidence},
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if len(locations) > 1:
        result["relatedLocations"] = [
            {"id": number, **location} for number, location in enumerate(locations[1:], start=1)
        ]
    return result


def _physical(location: Location, paths: dict[str, str], texts: dict[str, str]) -> dict[str, Any]:
    start, end = location.span
    text = texts.get(location.document, "")
    quoted = text[start:end]
    end_line = location.line + quoted.count("\n")
    end_column = (
        location.column + len(quoted) if "\n" not in quoted else len(quoted) - quoted.rfind("\n")
    )
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": paths.get(location.document, location.document)},
            "region": {
                "startLine": location.line,
                "startColumn": location.column,
                "endLine": end_line,
                "endColumn": end_column,
                "charOffset": start,
                "charLength": end - start,
            },
        }
    }
