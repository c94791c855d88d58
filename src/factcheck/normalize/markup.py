"""HTML junk removal by known tag names, so `H20<H100的1/6` and `TPP<4800` stay text."""

from __future__ import annotations

import html
import re

from factcheck.normalize.offsets import Edit

_TAG_NAMES = frozenset(
    (
        "a abbr address article aside audio b base bdi bdo blockquote body br button canvas "
        "caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt "
        "em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 "
        "head header hr html i iframe img input ins kbd label legend li link main map mark menu "
        "menuitem meta meter nav noscript object ol optgroup option output p param picture pre "
        "progress q rp rt ruby s samp section select small source span strike strong sub summary "
        "sup svg table tbody td template textarea tfoot th thead time title tr track tt u ul var "
        "video wbr"
    ).split()
)

_RAW_TEXT_BLOCK = re.compile(
    r"<(script|style|noscript|template)\b[^<>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_TAG = re.compile(
    r"</?(?:" + "|".join(sorted(_TAG_NAMES, key=len, reverse=True)) + r")"
    r"(?=[\s/>])(?:\s+[^<>]*?)?/?>",
    re.IGNORECASE,
)
_EMPTY_MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_BLOCK_TAG = re.compile(r"^</?(?:p|div|br|li|tr|h[1-6]|section|article|header|footer)\b", re.I)


def _tag_replacement(tag: str) -> str:
    # A block-level tag separates text; keep a newline so sentences do not run together.
    return "\n" if _BLOCK_TAG.match(tag) else ""


def markup_edits(text: str) -> list[Edit]:
    """Edits that remove tags, comments, script/style blocks and decode entities."""
    if "<" not in text and "&" not in text and "![" not in text:
        return []
    spans: list[Edit] = []
    for pattern in (_RAW_TEXT_BLOCK, _COMMENT):
        spans.extend(Edit(m.start(), m.end(), "") for m in pattern.finditer(text))
    spans.extend(Edit(m.start(), m.end(), _tag_replacement(m.group())) for m in _TAG.finditer(text))
    spans.extend(Edit(m.start(), m.end(), "") for m in _EMPTY_MARKDOWN_IMAGE.finditer(text))
    for m in _ENTITY.finditer(text):
        decoded = html.unescape(m.group())
        if decoded != m.group():
            spans.append(Edit(m.start(), m.end(), decoded))
    return _drop_overlaps(spans)


def _drop_overlaps(edits: list[Edit]) -> list[Edit]:
    edits.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[Edit] = []
    cursor = -1
    for edit in edits:
        if edit.start >= cursor:
            kept.append(edit)
            cursor = edit.end
    return kept
