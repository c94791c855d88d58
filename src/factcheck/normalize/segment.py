"""Lines, sentences and clauses of normalized text (zh and en).

Sentences end at 。！？!?；; and at line breaks; never at `.` (4.8TB/s, 3.35), except an
English full stop followed by a space and a capital letter or the end of the line. A list
flattened into one line (`…38.99亿元 [7] - 公司网上发行…`) breaks at each bullet.
"""

from __future__ import annotations

import re

from factcheck.model.span import Span

_LINE = re.compile(r"[^\n]+")
_SENTENCE = re.compile(r"[^。！？!?；;\n]+(?:[。！？!?；;]+[”’」』)\"']*)?")
# An English full stop ends a sentence before a space and a capital letter.
_ENGLISH_STOP = re.compile(r"(?<=[A-Za-z0-9%)\"”])(?<![A-Z]\.[A-Z])\.(?=\s+[A-Z\"“])")
# A bullet of a flattened list: ` - ` or ` • ` after text (not between digits: 3 - 5).
_BULLET = re.compile(r"(?<=[^\d\s\-])\s+[-•·–]\s+(?=[^\d\s\-])")
_CLAUSE_BREAK = re.compile(r"[,，、:：]")
# Real sentences in the corpora stay under 450 characters; longer runs are lists or junk.
MAX_SENTENCE_CHARS = 600
_SOFT_BREAKS = ("，", ",", "、", ":", "：", " ")


def line_spans(text: str) -> list[Span]:
    return [Span(start=m.start(), end=m.end()) for m in _LINE.finditer(text)]


def sentence_spans(text: str) -> list[Span]:
    spans = []
    for m in _SENTENCE.finditer(text):
        start = m.start()
        cuts = (
            [c.end() for c in _ENGLISH_STOP.finditer(text, start, m.end())]
            if "." in m.group()
            else []
        )
        if " " in m.group():
            cuts = sorted(cuts + [b.start() for b in _BULLET.finditer(text, start, m.end())])
        for end in (*cuts, m.end()):
            while start < end and text[start].isspace():
                start += 1
            for piece_end in _pieces(text, start, end):
                if start < piece_end:
                    spans.append(Span(start=start, end=piece_end))
                start = piece_end
    return spans


def _pieces(text: str, start: int, end: int) -> list[int]:
    """Ends of the pieces of a run-on sentence longer than MAX_SENTENCE_CHARS: each cut at
    the last clause break or space before the limit, else where no token is split. Every
    later stage reads a sentence per number, so bounded sentences keep them linear."""
    ends = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = max(text.rfind(c, start + 1, limit) for c in _SOFT_BREAKS) + 1
        if cut <= start + MAX_SENTENCE_CHARS // 2:
            cut = limit
            while cut > start + 1 and text[cut - 1].isalnum() and text[cut].isalnum():
                cut -= 1
            cut = limit if cut <= start + 1 else cut
        ends.append(cut)
        start = cut
    return [*ends, end]


def clause_spans(text: str, sentence: Span) -> list[Span]:
    """Clauses of one sentence, split at commas, enumeration commas and colons."""
    clauses = []
    start = sentence.start
    for m in _CLAUSE_BREAK.finditer(text, sentence.start, sentence.end):
        # A comma between digits is a thousands separator (1,979), not a clause break.
        if m.group() == "," and _between_digits(text, m.start()):
            continue
        clauses.append(Span(start=start, end=m.end()))
        start = m.end()
    if start < sentence.end:
        clauses.append(Span(start=start, end=sentence.end))
    return clauses


def _between_digits(text: str, index: int) -> bool:
    return (
        0 < index < len(text) - 3
        and text[index - 1].isdigit()
        and text[index + 1 : index + 4].isdigit()
    )
