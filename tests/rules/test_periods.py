"""Period labels as spans of months, and relations whose operands' periods do not combine."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.api import check_articles, load_document
from factcheck.reference.table import EMPTY
from factcheck.rules.periods import mismatch, period_span
from factcheck.rules.registry import default_pack


def test_labels_cover_their_months() -> None:
    assert period_span("2024") is not None and period_span("2024").months == 12  # type: ignore[union-attr]
    half = period_span("2024-01..2024-06")
    assert half is not None and half.months == 6
    quarter = period_span("FY2025-Q3")
    assert quarter is not None and quarter.months == 3 and quarter.fiscal
    assert period_span("2024-03-05") is None  # a day is no span of months
    assert period_span("2024-09..2024-03") is None


@given(st.integers(1990, 2100), st.integers(1, 12), st.integers(0, 30))
def test_a_month_range_covers_the_months_between_its_ends(
    year: int, month: int, extra: int
) -> None:
    end_index = year * 12 + month - 1 + extra
    label = f"{year:04d}-{month:02d}..{end_index // 12:04d}-{end_index % 12 + 1:02d}"
    span = period_span(label)
    assert span is not None and span.months == extra + 1


def test_a_half_year_and_a_full_year_do_not_combine() -> None:
    assert mismatch("2024-01..2024-06", "2024", same_period=False) is not None
    assert mismatch("2023", "2024", same_period=False) is None  # growth from one year to the next
    assert mismatch("2023", "2024", same_period=True) is not None  # a share of another year
    assert mismatch(None, "2024", same_period=True) is None


def _relation_findings(text: str) -> list[str]:
    document = load_document("a.txt", text.encode("utf-8"))
    findings = check_articles([document], default_pack(), EMPTY)
    return [f"{f.rule} {f.verdict.value} {f.explanation}" for f in findings if f.rule == "FC104"]


def test_a_share_of_a_full_year_taken_from_a_half_year_is_not_computed() -> None:
    (found,) = _relation_findings(
        "英伟达2024年上半年营收为120亿美元,2024年全年营收为800亿美元,上半年营收占全年营收的20%。\n"
    )
    assert "unverifiable" in found and "different lengths of time" in found


def test_a_share_of_one_period_is_computed() -> None:
    (found,) = _relation_findings(
        "英伟达2024年数据中心营收为120亿美元,2024年全年营收为800亿美元,数据中心营收占全年营收的20%。\n"
    )
    assert found.startswith("FC104 contradiction")


def test_a_change_measured_from_the_quarter_before_is_checked() -> None:
    """17.27 / 17.7 − 1 = −2.4%: stated as −24%, the article contradicts its own figures."""
    from factcheck.api import check_document, default_pack, load_document

    document = load_document(
        "q.txt",
        "2025年第二季度,星海电子营收17.7亿元。2025年第三季度,星海电子营收17.27亿元,环比下降24%。\n".encode(),
    )
    _, found = check_document(document, default_pack())
    findings = [f for f in found if f.rule == "FC102"]
    assert [f.verdict.value for f in findings] == ["contradiction"]
    assert findings[0].severity.value == "warning"  # the base was found by its period
