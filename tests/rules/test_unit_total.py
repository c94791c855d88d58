"""FC115 pairs a count and a total of one sentence with the unit price of what is counted,
and reads a total without a currency in both currencies."""

from __future__ import annotations

from factcheck.api import check_articles, load_document
from factcheck.model.finding import Finding
from factcheck.reference.table import EMPTY
from factcheck.rules.registry import default_pack


def _unit_totals(text: str, date: str | None = None) -> list[Finding]:
    header = f"date: {date}\n\n" if date else ""
    document = load_document("a.txt", (header + text).encode("utf-8"))
    return [f for f in check_articles([document], default_pack(), EMPTY) if f.rule == "FC115"]


def test_a_total_ten_times_the_product_is_a_contradiction_with_its_arithmetic() -> None:
    (found,) = _unit_totals("H20单卡售价1.2万美元。某云厂商采购5000颗H20,需支付6亿美元。\n")
    assert found.is_problem
    assert found.observed is not None and found.observed.high == 5250 * 12500
    assert "“1.2万美元”, the unit price" in found.explanation


def test_a_total_without_currency_fits_when_read_in_yuan() -> None:
    """5,000 × USD 12,000 = USD 60 million; 4.3亿 yuan at 7.1 CNY/USD is USD 60.6 million."""
    (found,) = _unit_totals(
        "H20单卡售价1.2万美元。现在订购5000颗H20要先掏4.3亿现金。\n", "2024-03-01"
    )
    assert not found.is_problem
    assert "read as CNY at" in found.explanation and "2024-03" in found.explanation


def test_a_total_without_currency_fitting_neither_reading_is_flagged() -> None:
    (found,) = _unit_totals("H20单卡售价1.2万美元。现在订购5000颗H20要先掏6亿现金。\n")
    assert found.is_problem
    assert "read as USD" in found.explanation and "read as CNY" in found.explanation


def test_a_count_and_a_total_in_different_sentences_are_not_paired() -> None:
    assert not _unit_totals("H20单卡售价1.2万美元。某云厂商采购5000颗H20。需支付6亿美元。\n")


def test_a_count_of_another_chip_takes_no_price() -> None:
    assert not _unit_totals("H20单卡售价1.2万美元。某云厂商采购5000颗H100,需支付6亿美元。\n")


def test_a_count_of_servers_takes_the_module_price_not_the_card_price() -> None:
    text = "H20单卡售价1.2万美元,8卡模组价格约10万美元。某云厂商采购5000台H20模组,需支付5亿美元。\n"
    (found,) = _unit_totals(text)
    assert not found.is_problem
    assert "10万美元”, the unit price" in found.explanation
