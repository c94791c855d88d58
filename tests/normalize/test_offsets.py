"""Offset maps: every normalized span maps back to an original slice that normalizes to it."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from factcheck.normalize.offsets import Edit, OffsetMap, apply_edits
from factcheck.normalize.pipeline import normalize_chars

# A domain alphabet: simplified and traditional Han characters (without keep-list ones such as
# 昇), digits full and half width, units, pinyin artifacts, tags, entities, enclosed and
# superscript glyphs, punctuation.
_PIECES = st.sampled_from(
    [
        "英",
        "偉",
        "達",
        "顯",
        "存",
        "帶",
        "寬",
        "为",
        "的",
        "國",
        "產",
        "芯",
        "片",
        "約",
        "萬",
        "4",
        "8",
        "1",
        "0",
        ".",
        ",",
        "~",
        "%",
        "GB",
        "TB/s",
        "１",
        "４",
        "％",
        "（",
        "）",
        "，",
        "(yè)",
        "(xiàn)",
        "?shù)",
        "F(xiàn)P8",
        "(TPP)",
        "(96GB HBM3)",
        "<p>",
        "</p>",
        '<strong id="x">',
        "<br/>",
        "<!-- c -->",
        "<script>x</script>",
        "&amp;",
        "&lt;",
        "&nbsp;",
        "<",
        ">",
        "H20<H100",
        "TPP<4800",
        "⒅",
        "①",
        "²",
        "\u00a0",
        " ",
        "\n",
        "a",
        "x",
    ]
)
texts = st.lists(_PIECES, max_size=40).map("".join)


@given(texts, st.data())
@example("行業(yè)新聞", None)
@example("<<a>a>b", None)
@example("英英²", None)
def test_mapped_slice_normalizes_to_the_normalized_slice(
    original: str, data: st.DataObject | None
) -> None:
    """The original slice of a span normalizes to that span; a span that cuts through one
    replacement (`^` of `²` -> `^2`) is widened to the whole of it, so the slice then
    normalizes to a text that contains the span."""
    normalized, offsets = normalize_chars(original)
    if data is None:
        spans = [(i, j) for i in range(len(normalized) + 1) for j in range(i, len(normalized) + 1)]
    else:
        i = data.draw(st.integers(0, len(normalized)))
        j = data.draw(st.integers(i, len(normalized)))
        spans = [(i, j)]
    for i, j in spans:
        start, end = offsets.to_original(i, j)
        assert 0 <= start <= end <= len(original)
        renormalized = normalize_chars(original[start:end])[0]
        assert normalized[i:j] in renormalized
        if len(renormalized) != j - i:
            assert _cuts_a_replacement(original, i, j)


def _cuts_a_replacement(original: str, i: int, j: int) -> bool:
    """True when widening [i, j) by one character on either side maps to the same slice."""
    normalized, offsets = normalize_chars(original)
    start, end = offsets.to_original(i, j)
    return any(
        offsets.to_original(a, b) == (start, end)
        for a, b in ((max(0, i - 1), j), (i, min(len(normalized), j + 1)))
        if (a, b) != (i, j)
    )


@given(texts)
@example("&amp;lt;b&amp;gt;")
@example("行業(yè)<p>4萬~8萬顆</p>")
@example("<<a>a>")
def test_normalization_is_idempotent(original: str) -> None:
    once, _ = normalize_chars(original)
    twice, _ = normalize_chars(once)
    assert twice == once


@given(st.text(alphabet="abc", max_size=12), st.data())
def test_step_map_of_random_edits(text: str, data: st.DataObject) -> None:
    """Spans that do not cut through an edit map to the original slice that produced them."""
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=6)))
    edits = [
        Edit(a, b, data.draw(st.text(alphabet="XY", max_size=3)))
        for a, b in zip(cuts[::2], cuts[1::2], strict=False)
    ]
    out = apply_edits(text, edits)
    offsets = OffsetMap().then(edits)
    step = offsets.steps[0] if offsets.steps else None
    outputs = list(zip(step.out_starts, step.out_ends, strict=True)) if step else []

    def cuts_an_edit(i: int, j: int) -> bool:
        return any(s < i < e or s < j < e for s, e in outputs)

    for i in range(len(out) + 1):
        for j in range(i, len(out) + 1):
            if cuts_an_edit(i, j):
                continue
            start, end = offsets.to_original(i, j)
            inner = [
                Edit(e.start - start, e.end - start, e.replacement)
                for e, (os, oe) in zip(edits, outputs, strict=True)
                if (os < oe and i <= os and oe <= j) or (os == oe and i < os < j)
            ]
            assert apply_edits(text[start:end], inner) == out[i:j]


def test_spans_point_at_what_the_author_wrote() -> None:
    original = "<p>顯存帶寬:達到4.8TB/s,行業(yè)新聞</p>"
    normalized, offsets = normalize_chars(original)
    assert normalized == "\n显存带宽:达到4.8TB/s,行业新闻\n"  # block tags become line breaks
    i = normalized.index("4.8TB/s")
    start, end = offsets.to_original(i, i + len("4.8TB/s"))
    assert original[start:end] == "4.8TB/s"
    i = normalized.index("行业新闻")
    start, end = offsets.to_original(i, i + 4)
    assert original[start:end] == "行業(yè)新聞"
