"""Cross-source grouping respects scope: different periods are different facts, and a range
that overlaps a point agrees with it."""

from __future__ import annotations

from pathlib import Path

from factcheck.api import AuditOptions, check_articles, check_corpus, load_corpus, load_document
from factcheck.reference.table import load_reference
from factcheck.rules.registry import default_pack

ROOT = Path(__file__).resolve().parents[2]


def _cross_problems(*texts: str) -> list[str]:
    documents = [load_document(f"a{i}.txt", t.encode("utf-8")) for i, t in enumerate(texts)]
    findings = check_articles(
        documents, default_pack(), load_reference(ROOT / "claims" / "reference")
    )
    return [f.rule for f in findings if f.rule.startswith("FC2") and f.is_problem]


def test_revenue_of_different_quarters_is_not_compared() -> None:
    assert not _cross_problems(
        "英伟达2025财年第一季度营收为260亿美元。\n", "英伟达2026财年第三季度营收为570亿美元。\n"
    )


def test_the_same_quarter_with_different_revenue_is_flagged() -> None:
    assert "FC201" in _cross_problems(
        "英伟达2026财年第三季度营收为570亿美元。\n", "英伟达2026财年第三季度营收为470亿美元。\n"
    )


def test_an_overlapping_range_and_point_agree() -> None:
    assert not _cross_problems("H20的显存带宽为3.8~4.2TB/s。\n", "H20的显存带宽为4TB/s。\n")


def test_hiding_agreement_changes_no_problem_finding() -> None:
    """A corpus run that will not show consistent findings skips building them; what it
    reports must be exactly the problems of a run that builds everything."""
    corpus = load_corpus(ROOT / "claims")
    shown = check_corpus(corpus, AuditOptions(show_consistent=True)).report.findings
    hidden = check_corpus(corpus, AuditOptions(show_consistent=False)).report.findings
    assert any(not f.is_problem for f in shown)
    assert all(f.is_problem for f in hidden)
    assert [f for f in shown if f.is_problem] == hidden


def test_a_figure_in_bits_votes_for_no_side_and_is_named_a_slip() -> None:
    """4.0 Tb/s read as bits agrees with the 1 TB/s articles and read as bytes with the
    4.0 TB/s one: it decides no majority, and is reported as a likely slip of case."""
    texts = (
        "H20的显存带宽为1TB/s。\n",
        "另一篇报道称,H20的显存带宽约为1TB/s。\n",
        "H20拥有96GB HBM3内存,内存带宽高达4.0 Tb/s。\n",
        "H20的显存带宽为4.0TB/s。\n",
    )
    documents = [load_document(f"a{i}.txt", t.encode("utf-8")) for i, t in enumerate(texts)]
    findings = [
        f
        for f in check_articles(
            documents, default_pack(), load_reference(ROOT / "claims" / "reference")
        )
        if f.rule == "FC201" and f.is_problem
    ]
    slips = [f for f in findings if "slip of case" in f.explanation]
    assert [sorted(loc.document for loc in f.locations) for f in slips] == [["a2", "a3"]]
    outliers = [f for f in findings if f not in slips]
    assert [f.locations[1].document for f in outliers] == ["a3"]  # 1 TB/s twice is the majority


def test_a_month_without_a_year_is_not_the_same_month_in_another_article() -> None:
    """9月 with no year is one month inside one article; two articles' Septembers may be
    years apart, so their prices are not compared."""
    assert not _cross_problems("9月,英伟达股价为120美元。\n", "9月,英伟达股价为180美元。\n")


def test_the_same_dated_month_with_different_prices_is_compared() -> None:
    assert "FC201" in _cross_problems(
        "2025年9月,英伟达股价为120美元。\n", "2025年9月,英伟达股价为180美元。\n"
    )
