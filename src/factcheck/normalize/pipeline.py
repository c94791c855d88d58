"""normalize(): original article text -> normalized text, offset map and segmentation.

Order matters: enclosed glyphs before NFKC (NFKC would invent digits), NFKC before tag
removal (full-width brackets), pinyin removal after tags, script conversion last (it maps
characters one to one, so it needs no offset edits). The markup, glyph and pinyin steps
repeat until nothing changes, which makes normalization idempotent (`<<a>a>` needs two).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.model.document import DocumentMeta
from factcheck.model.span import Span
from factcheck.normalize.boilerplate import boilerplate_spans
from factcheck.normalize.characters import (
    REPLACEMENT_CHARACTER,
    encodable,
    glyph_edits,
    has_han,
    nfkc_edits,
    script_converter,
)
from factcheck.normalize.markup import markup_edits
from factcheck.normalize.metadata import latest_stated_year, page_timestamp, read_header
from factcheck.normalize.offsets import Edit, OffsetMap, apply_edits
from factcheck.normalize.pinyin import pinyin_edits
from factcheck.normalize.segment import line_spans, sentence_spans
from factcheck.normalize.span_index import SpanIndex

_MAX_ROUNDS = 5
_STEPS: tuple[Callable[[str], list[Edit]], ...] = (
    glyph_edits,
    nfkc_edits,
    markup_edits,
    pinyin_edits,
)
# Steps whose own output never needs them again; tag and pinyin removal can uncover more
# (`<<a>a>`, `(y(yè)è)`), so they repeat until they change nothing.
_SELF_IDEMPOTENT = frozenset({glyph_edits, nfkc_edits})
# Mojibake left after pinyin removal: a Han character, one or two stray Latin letters, a Han
# character (當貢r間), or a replacement character.
_MOJIBAKE = re.compile(
    r"[\u4e00-\u9fff][a-z]{1,2}[\u4e00-\u9fff]|\ufffd|[\u4e00-\u9fff]\?[\u4e00-\u9fff]"
)


@dataclass(frozen=True)
class NormalizedText:
    original: str
    text: str
    offsets: OffsetMap
    lines: list[Span]
    sentences: list[Span]
    excluded: list[Span]
    """Boilerplate and header spans (normalized offsets): no claim comes from them."""
    damaged: list[Span]
    """Sentences holding unrecoverable mojibake: claims from them get low confidence."""
    meta: DocumentMeta

    def to_original(self, start: int, end: int) -> Span:
        s, e = self.offsets.to_original(start, end)
        return Span(start=s, end=e)

    def is_excluded(self, start: int, end: int) -> bool:
        return self._index("excluded").overlaps(start, end)

    def is_damaged(self, start: int, end: int) -> bool:
        return self._index("damaged").overlaps(start, end)

    def _index(self, name: str) -> SpanIndex:
        """An overlap index over `excluded` or `damaged`, built on first use (a scan of
        every span per query made a long document quadratic)."""
        cache = self.__dict__.setdefault("_span_indexes", {})
        if name not in cache:
            cache[name] = SpanIndex((s.start, s.end) for s in getattr(self, name))
        return cache[name]  # type: ignore[no-any-return]

    def sentence_at(self, pos: int) -> Span | None:
        starts = self.__dict__.setdefault("_sentence_starts", [s.start for s in self.sentences])
        i = bisect_right(starts, pos) - 1
        if i >= 0 and self.sentences[i].start <= pos < self.sentences[i].end:
            return self.sentences[i]
        return None


def _covers(spans: list[Span], start: int, end: int) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def normalize_chars(original: str) -> tuple[str, OffsetMap]:
    """The character-level part of normalization, with its offset map."""
    text = encodable(original)
    offsets = OffsetMap()
    # A step need not run again until a later step has changed the text it last saw.
    stale = set(range(len(_STEPS)))
    for _ in range(_MAX_ROUNDS):
        if not stale:
            break
        for index, step in enumerate(_STEPS):
            if index not in stale:
                continue
            stale.discard(index)
            edits = step(text)
            if edits:
                text = apply_edits(text, edits)
                offsets = offsets.then(edits)
                stale.update(range(len(_STEPS)))
                if step in _SELF_IDEMPOTENT:
                    stale.discard(index)
    if has_han(text):
        text = script_converter().convert(text)
    return text, offsets


_LANGUAGE_SAMPLE = 4000


def detect_language(text: str) -> str:
    """zh when a tenth of the characters are outside ASCII (CJK in practice), else en."""
    sample = text[:_LANGUAGE_SAMPLE]
    # UTF-8 spends three bytes on a CJK character and one on ASCII: a C-speed count.
    wide = (len(sample.encode("utf-8")) - len(sample)) / 2
    return "zh" if wide >= 0.1 * len(sample) else "en"


def normalize(original: str) -> NormalizedText:
    original = encodable(original)
    text, offsets = normalize_chars(original)
    lines = line_spans(text)
    sentences = sentence_spans(text)
    header = read_header(text)
    excluded = boilerplate_spans(text, sentences, lines)
    if header.header is not None:
        excluded.insert(0, header.header)
    meta = header.meta
    if meta.date is None:
        meta = meta.model_copy(update={"date": page_timestamp(text, lines)})
    if meta.title is None:
        meta = meta.model_copy(update={"title": _title_line(text, lines, excluded)})
    meta = meta.model_copy(update={"lang": detect_language(text)})
    if meta.date is None:
        meta = meta.model_copy(update={"stated_year": latest_stated_year(text)})
    damaged = _damaged_sentences(text, sentences)
    return NormalizedText(
        original=original,
        text=text,
        offsets=offsets,
        lines=lines,
        sentences=sentences,
        excluded=excluded,
        damaged=damaged,
        meta=meta,
    )


_TITLE_MAX_LENGTH = 60
_TITLE_SEARCH_LINES = 3


def _title_line(text: str, lines: list[Span], excluded: list[Span]) -> str | None:
    """The first short line of article text, when the page starts with one."""
    seen = 0
    for line in lines:
        content = text[line.start : line.end].strip()
        if not content or _covers(excluded, line.start, line.end):
            continue
        seen += 1
        if 4 <= len(content) <= _TITLE_MAX_LENGTH and content[-1] not in "。.;；":
            return content
        if seen >= _TITLE_SEARCH_LINES:
            break
    return None


def _damaged_sentences(text: str, sentences: list[Span]) -> list[Span]:
    if REPLACEMENT_CHARACTER not in text and not _MOJIBAKE.search(text):
        return []
    return [s for s in sentences if _MOJIBAKE.search(text, s.start, s.end)]
