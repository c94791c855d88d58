"""JUnit XML for CI dashboards: one testsuite per article, one testcase per (article, rule);
a rule's findings in that article are its failures."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from factcheck.model.finding import Finding
from factcheck.model.report import AuditResult
from factcheck.report.safe_text import visible_controls


def render(result: AuditResult) -> str:
    report = result.report
    rule_ids = [r.id for r in sorted(report.rules, key=lambda r: r.id)] or sorted(
        {f.rule for f in report.findings}
    )
    by_key: dict[tuple[str, str], list[Finding]] = {}
    for finding in report.findings:
        if finding.is_problem and finding.locations:
            by_key.setdefault((finding.locations[0].document, finding.rule), []).append(finding)
    suites = ET.Element("testsuites", name="factcheck")
    total_failures = 0
    for document in report.documents:
        failures = sum(1 for rule in rule_ids if by_key.get((document.id, rule)))
        total_failures += failures
        suite = ET.SubElement(
            suites,
            "testsuite",
            name=visible_controls(document.path),
            tests=str(len(rule_ids)),
            failures=str(failures),
            errors="0",
        )
        for rule in rule_ids:
            case = ET.SubElement(
                suite, "testcase", classname=visible_controls(document.path), name=rule
            )
            for finding in by_key.get((document.id, rule), []):
                where = finding.locations[0]
                failure = ET.SubElement(
                    case,
                    "failure",
                    message=visible_controls(f"{finding.severity.value}: {finding.message}"),
                    type=finding.verdict.value,
                )
                failure.text = visible_controls(
                    f"{document.path}:{where.line}:{where.column}\n{finding.explanation}"
                )
    suites.set("tests", str(len(rule_ids) * len(report.documents)))
    suites.set("failures", str(total_failures))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
