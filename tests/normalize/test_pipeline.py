"""Normalization of real page debris: tags, pinyin artifacts, boilerplate, mojibake, metadata."""

from __future__ import annotations

from pathlib import Path

from factcheck.normalize import normalize, normalize_chars
from factcheck.normalize.markup import markup_edits
from factcheck.normalize.offsets import apply_edits


def _strip(text: str) -> str:
    return apply_edits(text, markup_edits(text))


def test_known_tags_go_but_comparisons_stay() -> None:
    assert _strip('<strong id="x"><dl id="y"></dl></strong>H20<H100的1/6') == "H20<H100的1/6"
    assert _strip("TPP<4800且x<y and y>z") == "TPP<4800且x<y and y>z"
    assert _strip("a<script>alert(1)</script>b&amp;c") == "a" + "b&c"


def test_pinyin_artifacts_go_but_real_parentheses_stay() -> None:
    text, _ = normalize_chars(
        "行業(yè)新聞 F(xiàn)P8 當?shù)貢r(shí)間 (如B100) (TPP) H20(96GB HBM3)"
    )
    assert "行业新闻" in text
    assert "FP8" in text
    assert "(如B100)" in text and "(TPP)" in text and "(96GB HBM3)" in text
    assert "(yè)" not in text and "shù" not in text


def test_enclosed_and_superscript_glyphs_do_not_become_numbers() -> None:
    text, _ = normalize_chars("H200或⒅胤 10² ①")
    assert "18" not in text
    assert "102" not in text
    assert "10^2" in text


def test_full_width_forms_become_ascii() -> None:
    text, _ = normalize_chars("１４１ＧＢ，５０％－６０％（ＴＰＰ）")
    assert text == "141GB,50%-60%(TPP)"


def test_traditional_to_simplified_keeps_brand_spelling() -> None:
    text, _ = normalize_chars("華為昇騰910C顯存")
    assert text == "华为昇腾910C显存"


def test_boilerplate_lines_and_footers_are_excluded() -> None:
    page = (
        "加入收藏 | 進入舊版\n"
        "英偉達H20芯片擁有96GB的HBM3內存。\n"
        "久久99热人妻 | 日韩福利片 | 色吊操| 高清无码 | 麻豆国产 |\n"
        "正文很长的一段话,营收260.44亿美元。本文为观察者网独家报道。未经许可不得转载。\n"
        "返回顶部\n"
    )
    n = normalize(page)
    excluded = [n.text[s.start : s.end] for s in n.excluded]
    assert any("加入收藏" in e for e in excluded)
    assert any("久久99热" in e for e in excluded)
    assert "返回顶部" in excluded
    body = n.text.index("营收260.44亿美元")
    assert not n.is_excluded(body, body + 5)
    footer = n.text.index("未经许可不得转载")
    assert n.is_excluded(footer, footer + 4)


def test_mojibake_sentences_are_flagged() -> None:
    n = normalize("當?shù)貢r(shí)間12月8日,特朗普宣布。另一句话正常。")
    assert len(n.damaged) == 1
    assert "12月8日" in n.text[n.damaged[0].start : n.damaged[0].end]


def test_front_matter_is_metadata_not_text() -> None:
    n = normalize("---\ntitle: 测试\ndate: 2025-12-08\n---\n正文:H200显存141GB。\n")
    assert n.meta.title == "测试"
    assert n.meta.date == "2025-12-08"
    assert n.is_excluded(0, 3)


def test_header_block_is_metadata() -> None:
    n = normalize("source: https://example.com/a\ndate: 2024-06-20\ntitle: H20\n\nH20芯片降价。\n")
    assert n.meta.date == "2024-06-20"
    assert n.meta.source == "https://example.com/a"


def test_page_timestamp_gives_the_date(seed_paths: list[Path]) -> None:
    dates = {p.name[:3]: normalize(p.read_text(encoding="utf-8")).meta.date for p in seed_paths}
    assert dates["000"] == "2025-12-29"
    assert dates["001"] == "2024-06-20"


def test_language_detection() -> None:
    assert normalize("英伟达H200显存141GB。").meta.lang == "zh"
    assert normalize("The H200 has 141GB of HBM3e memory.").meta.lang == "en"


def test_a_dateline_under_the_title_gives_the_date() -> None:
    n = normalize("星海动力发布三季报\n\n证券时报 2025年8月29日\n\n星海动力营收为80亿元。\n")
    assert n.meta.date == "2025-08-29"
    # a date inside a sentence is no dateline
    n = normalize("星海动力发布三季报\n\n公司于 2025年8月29日发布公告,营收为80亿元。\n")
    assert n.meta.date is None
