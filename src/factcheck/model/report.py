"""The audit JSON contract (schema_version 1): documents, claims, findings, summary."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict

from factcheck.model.claim import Claim
from factcheck.model.finding import Finding

SCHEMA_VERSION = "1"


class ToolInfo(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    version: str


class DocumentEntry(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    path: str
    title: str | None
    date: str | None
    lang: str
    sha256: str


class SeverityCounts(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    error: int = 0
    warning: int = 0
    info: int = 0


class RuleInfo(BaseModel):
    """A rule that ran, described for reports (SARIF rules, HTML filters)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    title: str
    severity: str
    summary: str
    help: str


class BaselineSummary(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    accepted: int
    """Findings the baseline accepted (not reported)."""
    unused: list[str]
    """Baseline fingerprints no finding matched any more."""


class RelationCounts(BaseModel):
    """How each relation claim (ratio, change, difference, share, CAGR, direction,
    conversion) ended: never silently."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    total: int = 0
    hold: int = 0
    stretched: int = 0
    contradiction: int = 0
    unverifiable: int = 0
    """Checked, but an operand could not be used (units, periods, confidence): said why."""
    unchecked: int = 0
    """No rule could find its operands (no base value in the article or the dataset)."""

    def described(self) -> str:
        """`6 relations: 3 hold, 1 contradiction, 2 could not be checked`."""
        parts = [
            f"{n} {word}"
            for n, word in (
                (self.hold, "hold"),
                (self.stretched, "stretched"),
                (self.contradiction, "contradicted"),
                (self.unverifiable + self.unchecked, "could not be checked"),
            )
            if n
        ]
        noun = "relation" if self.total == 1 else "relations"
        return f"{self.total} {noun}" + (": " + ", ".join(parts) if parts else "")


class Summary(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    documents: int
    claims: int
    findings: SeverityCounts
    verdicts: dict[str, int]
    by_document: dict[str, SeverityCounts]
    rules: list[str]
    """The rules that ran."""
    relations: RelationCounts = RelationCounts()
    baseline: BaselineSummary | None = None


class AuditReport(BaseModel):
    """What `--format json` writes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    schema_version: str = SCHEMA_VERSION
    tool: ToolInfo
    documents: list[DocumentEntry]
    claims: list[Claim]
    findings: list[Finding]
    rules: list[RuleInfo] = []
    summary: Summary


@dataclass(frozen=True)
class AuditResult:
    """The report and the original texts it points into (for reports that show them)."""

    report: AuditReport
    texts: dict[str, str] = field(default_factory=dict)
    """Original decoded text by document id."""
