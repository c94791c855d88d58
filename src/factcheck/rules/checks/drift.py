"""The curated dataset against its articles: a changed source (FC002), a quote that no
longer reads the same at its span (FC003). Findings point into the claims file."""

from __future__ import annotations

from factcheck.claims.dataset_load import DatasetFile
from factcheck.model.finding import Finding, Location, Severity, Verdict, fingerprint
from factcheck.rules.registry import Rule


def drift_findings(
    changed: Rule | None,
    mismatch: Rule | None,
    file: DatasetFile,
    file_id: str,
    article: str | None,
    sha256: str | None,
) -> list[Finding]:
    findings: list[Finding] = []
    if changed is not None and sha256 != file.source.sha256:
        line = _line_of(file.text, "source:")
        what = "cannot be read" if article is None else f"has sha256 {sha256}"
        findings.append(
            _finding(
                changed,
                file,
                file_id,
                line,
                message=f"the source {file.source.path} changed since it was curated",
                explanation=(
                    f"{file.path} records sha256 {file.source.sha256} for {file.source.path}, "
                    f"which now {what}. Re-review the claims, then update the hash."
                ),
                claims=[],
            )
        )
    if mismatch is None or article is None:
        return findings
    for claim in file.claims:
        start, end = claim.span
        found = article[start:end]
        if found != claim.quote:
            line = file.lines.get(claim.id, 1)
            findings.append(
                _finding(
                    mismatch,
                    file,
                    file_id,
                    line,
                    message=f"the article no longer reads “{claim.quote}” at {start}–{end}",
                    explanation=(
                        f"Claim {claim.id} quotes “{claim.quote}”, "
                        f"but {file.source.path} now reads "
                        f"“{found}” at {start}–{end}: the article changed under a curated claim."
                    ),
                    claims=[claim.id],
                )
            )
    return findings


def _finding(
    rule: Rule,
    file: DatasetFile,
    file_id: str,
    line: int,
    *,
    message: str,
    explanation: str,
    claims: list[str],
) -> Finding:
    offset = _offset_of_line(file.text, line)
    end = file.text.find("\n", offset)
    return Finding(
        rule=rule.id,
        name=rule.name,
        severity=rule.severity if rule.severity is not Severity.info else Severity.info,
        verdict=Verdict.contradiction,
        message=message,
        explanation=explanation,
        claims=claims,
        locations=[
            Location(
                document=file_id,
                span=(offset, end if end >= 0 else len(file.text)),
                line=line,
                column=1,
            )
        ],
        fingerprint=fingerprint(rule.id, [str(file.path), *claims, message]),
    )


def _line_of(text: str, prefix: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(prefix):
            return number
    return 1


def _offset_of_line(text: str, line: int) -> int:
    offset = 0
    for _ in range(line - 1):
        found = text.find("\n", offset)
        if found < 0:
            return len(text)
        offset = found + 1
    return offset
