"""What editors and PR reviewers read: every sentence a finding involves, quotes as the
reader saw them, links to lines, a size cap, and no internal figures in the headline."""

from __future__ import annotations

import math
import re

from factcheck.api import AuditOptions, audit_documents, load_document
from factcheck.model.finding import Range
from factcheck.model.report import AuditResult
from factcheck.normalize.reader import reader_text
from factcheck.report import html, markdown
from factcheck.report.finding_view import finding_views
from factcheck.report.markdown import MarkdownOptions
from factcheck.rules.checks.display import show_range


def _audit(*texts: str) -> AuditResult:
    documents = [load_document(f"news/a{i}.txt", t.encode("utf-8")) for i, t in enumerate(texts)]
    return audit_documents(documents, AuditOptions())


def test_a_cross_source_finding_shows_both_articles_sentences() -> None:
    result = _audit("英伟达H20芯片拥有96GB的HBM3内存。\n", "据报道,H20(4TB/s GDDR6X)已经降价。\n")
    (view,) = [v for v in finding_views(result) if v.finding.rule == "FC201"]
    assert [p.path for p in view.passages] == ["news/a0.txt", "news/a1.txt"]
    marked = ["".join(t for t, claim in p.pieces if claim) for p in view.passages]
    assert marked == ["HBM3", "GDDR6X"]
    text = markdown.render(result)
    assert "**HBM3**" in text and "**GDDR6X**" in text


def test_quotes_lose_markup_and_pinyin_artifacts_but_keep_their_script() -> None:
    assert (
        reader_text('三年復(fù)合增長(zhǎng)率<strong id="5lvfi">為</strong>30%')
        == "三年復合增長率為30%"
    )


def test_lines_link_to_the_repository_when_a_base_is_given() -> None:
    result = _audit(
        "H20配备96GB HBM3显存,比H100的80GB HBM3内存略大20%。\nH20的显存为96GB,比H100多50%。\n"
    )
    linked = markdown.render(result, MarkdownOptions(link_base="https://github.com/o/r/blob/abc/"))
    assert "(<https://github.com/o/r/blob/abc/news/a0.txt#L" in linked
    plain = markdown.render(result)
    assert "news/a0.txt:" in plain and "https://" not in plain


def test_markdown_is_capped_and_says_how_many_findings_were_left_out() -> None:
    texts = [f"H20配备96GB显存,比H100的80GB内存大{50 + i}%。\n" for i in range(60)]
    result = _audit(*texts)
    problems = [f for f in result.report.findings if f.is_problem]
    assert len(problems) >= 60
    text = markdown.render(result, MarkdownOptions(limit=6000))
    assert len(text) <= 6000
    shown = text.count("\n### ")
    assert 0 < shown < len(result.report.findings)
    assert f"{len(result.report.findings) - shown} more findings not shown" in text


def test_the_editor_view_has_no_confidence_figures_or_claim_ids() -> None:
    result = _audit("H20配备96GB HBM3显存,比H100的80GB HBM3内存略大20%。\n")
    page = html.render(result)
    shown = page[: page.index("<script>")]
    assert "confidence" not in shown
    assert not re.search(r">[^<]*#c[0-9]+[^<]*<", shown)


def test_the_report_of_one_draft_is_the_draft_with_cards_after_their_paragraphs() -> None:
    text = "第一段没有数字问题。\nH20配备96GB HBM3显存,比H100的80GB HBM3内存略小。\n第三段。\n"
    page = html.render(_audit(text))
    article = page.index('class="article draft"')
    card = page.index('class="finding error"', article)
    assert page.index("第一段", article) < card < page.index("第三段", article)
    assert page.index('class="where"') < article  # the first screen says where
    assert 'href="#finding-1"' in page


def test_no_problem_headline_shows_the_same_figure_on_both_sides(
    seeds_result: AuditResult,
) -> None:
    """“the article says 10.2–10.3 TB/s, the reference 10.2–10.3 TB/s” is a bug: a headline
    that shows both sides shows two figures that do not meet."""
    checked = 0
    for finding in seeds_result.report.findings:
        observed, expected = finding.observed, finding.expected
        if not finding.is_problem or not isinstance(observed, Range):
            continue
        if not isinstance(expected, Range):
            continue
        shown = show_range(observed), show_range(expected)
        if all(side in finding.message for side in shown):
            checked += 1
            assert shown[0] != shown[1], finding.message
            low = max(observed.low or -math.inf, expected.low or -math.inf)
            high = min(observed.high or math.inf, expected.high or math.inf)
            assert low > high, finding.message
    assert checked > 0
