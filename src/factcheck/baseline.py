"""Baselines: findings a team has accepted, by fingerprint, so CI fails only on new ones."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from factcheck.errors import DataError
from factcheck.model.report import AuditReport, AuditResult, BaselineSummary, SeverityCounts

BASELINE_VERSION = 1


def baseline_json(report: AuditReport) -> str:
    entries = [
        {"fingerprint": f.fingerprint, "rule": f.rule, "message": f.message}
        for f in report.findings
        if f.is_problem
    ]
    body = {"version": BASELINE_VERSION, "tool": "factcheck", "findings": entries}
    return json.dumps(body, ensure_ascii=False, allow_nan=False, indent=2, sort_keys=True) + "\n"


def load_baseline(path: Path) -> dict[str, str]:
    """Accepted findings: fingerprint -> message."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {str(e["fingerprint"]): str(e.get("message", "")) for e in raw["findings"]}
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"cannot read baseline: {error}", path=str(path)) from None
    except (ValueError, KeyError, TypeError) as error:
        raise DataError(f"not a factcheck baseline: {error}", path=str(path)) from None


def apply_baseline(result: AuditResult, accepted: dict[str, str]) -> tuple[AuditResult, list[str]]:
    """The result without accepted findings, and the baseline entries nothing matched."""
    report = result.report
    kept = [f for f in report.findings if f.fingerprint not in accepted]
    seen = {f.fingerprint for f in report.findings}
    unused = sorted(fp for fp in accepted if fp not in seen)
    summary = report.summary.model_copy(
        update={
            "findings": SeverityCounts(**Counter(f.severity.value for f in kept)),
            "baseline": BaselineSummary(accepted=len(report.findings) - len(kept), unused=unused),
        }
    )
    return AuditResult(
        report=report.model_copy(update={"findings": kept, "summary": summary}), texts=result.texts
    ), unused
