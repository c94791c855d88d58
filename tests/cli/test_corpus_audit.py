"""`audit DIR` compares its articles with each other (FC2xx by key, as `check` does)."""

from __future__ import annotations

from pathlib import Path

from factcheck.api import AuditOptions, audit_documents, load_document
from factcheck.rules.registry import default_pack
from tests.cli_runner import run_factcheck

FIRST = "英伟达H20配备96GB HBM3显存。"
SECOND = "英伟达H20配备96GB GDDR6X显存。"


def test_a_folder_audit_compares_its_articles() -> None:
    documents = [
        load_document("a.txt", FIRST.encode("utf-8")),
        load_document("b.txt", SECOND.encode("utf-8")),
    ]
    report = audit_documents(documents, AuditOptions(pack=default_pack())).report
    cross = [f for f in report.findings if f.rule == "FC201"]
    assert len(cross) == 1 and cross[0].is_problem
    assert {loc.document for loc in cross[0].locations} == {d.id for d in documents}


def test_one_article_is_not_compared_with_itself() -> None:
    document = load_document("a.txt", (FIRST + SECOND).encode("utf-8"))
    report = audit_documents([document], AuditOptions(pack=default_pack())).report
    assert not [f for f in report.findings if f.rule.startswith("FC2")]


def test_a_tie_is_one_finding_naming_both_sides() -> None:
    # Two articles say 4.0 TB/s, two say 1 TB/s: no majority to call either an outlier.
    texts = [
        "英伟达H20的显存带宽为4.0TB/s。",
        "H20的显存带宽达4.0TB/s。",
        "英伟达H20的显存带宽约为1TB/s。",
        "H20的显存带宽为1TB/s左右。",
    ]
    documents = [load_document(f"{n}.txt", t.encode("utf-8")) for n, t in enumerate(texts)]
    report = audit_documents(documents, AuditOptions(pack=default_pack())).report
    cross = [f for f in report.findings if f.rule == "FC201"]
    assert len(cross) == 1
    assert {loc.document for loc in cross[0].locations} == {d.id for d in documents}
    assert "as many articles on each side" in cross[0].explanation


def test_jobs_give_the_serial_report_byte_for_byte(tmp_path: Path) -> None:
    outputs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"jobs{jobs}.json"
        result = run_factcheck(
            [
                "audit",
                "seeds/",
                "rules/fixtures/",
                "--jobs",
                jobs,
                "--format",
                f"json:{target}",
                "--fail-on",
                "never",
            ]
        )
        assert result.returncode == 0, result.stderr
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert b'"rule": "FC201"' in outputs[0]  # the articles were compared with each other


def test_jobs_against_a_dataset_give_the_serial_report(tmp_path: Path) -> None:
    outputs = []
    for jobs in ("1", "2"):
        target = tmp_path / f"against{jobs}.json"
        result = run_factcheck(
            [
                *("audit", "rules/fixtures/", "--against", "claims/", "--jobs", jobs),
                *("--format", f"json:{target}", "--fail-on", "never", "--quiet"),
            ]
        )
        assert result.returncode == 0, result.stderr
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert b'"rule": "FC3' in outputs[0]  # checked against the dataset's reference too
