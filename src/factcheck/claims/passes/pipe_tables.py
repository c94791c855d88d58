"""Pass 1b: rows of a Markdown table (`| Microsoft | $53B | ~$80B | +51% |`).

A cell's figure takes what its column's header says: the attribute (`2024 Capex`), the
period (`2024`), the condition (`Guided` is a forecast) and, for a change column
(`YoY Change`), what the change is measured over — the latest period the header row names
and the year or quarter before it, whose figures sit in the same row.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from itertools import pairwise

from factcheck.claims.context import DocumentContext
from factcheck.claims.draft import Draft, DraftTable, joined
from factcheck.claims.period_shift import QUARTER_OVER_QUARTER, YEAR_OVER_YEAR
from factcheck.claims.scope import nearest_date, period_label
from factcheck.claims.subjects import Sentence
from factcheck.model.claim import ClaimKind, Scope

_SEPARATOR = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*")
_YOY = re.compile(r"yoy|y/y|year over year|year-over-year|同比|年增", re.I)
_QOQ = re.compile(r"qoq|q/q|quarter over quarter|sequential|环比|季增", re.I)

_BARE_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")

Cells = list[tuple[int, int]]


class PipeTablePass:
    def __init__(self, ctx: DocumentContext, table: DraftTable) -> None:
        self.ctx = ctx
        self.table = table
        self._headers: dict[int, Cells | None] = {}
        self._line_starts = [line.start for line in ctx.norm.lines]

    def run(self, sentence: Sentence) -> None:
        text = self.ctx.text
        if not text[sentence.start : sentence.end].lstrip().startswith("|"):
            return
        header = self._header(sentence.start)
        if header is None:
            return
        cells = _cells(text, sentence.start, sentence.end)
        latest = self._latest_period(header)
        for draft in self.table.in_sentence(sentence.index):
            column = next((i for i, (s, e) in enumerate(cells) if s <= draft.start < e), None)
            if column is None or column == 0 or column >= len(header):
                continue
            self._apply(draft, header[column], latest)

    def _apply(self, draft: Draft, cell: tuple[int, int], latest: str | None) -> None:
        ctx, text = self.ctx, self.ctx.text
        start, end = cell
        if draft.attribute is None and draft.quantity is not None:
            fits = ctx.attributes.fitting(draft.quantity.unit, draft.quantity.surface)
            for _, _, owners in ctx.attributes.cues_in(text, start, end):
                chosen = next((a for a in owners if a in fits), None)
                if chosen is not None:
                    draft.attribute, draft.attribute_how = (
                        chosen,
                        f"column:{text[start:end].strip()}",
                    )
                    break
        period = self._period(cell)
        condition = ctx.tools.scopes.condition(text, start, end)
        change = _change_condition(text[start:end])
        if change is not None and draft.cue is not None and draft.kind is ClaimKind.value:
            draft.cue = replace(draft.cue, condition=change)
            period, condition = period or latest, change
        if period is None and condition is None:
            return
        joined_condition = (
            joined(draft.scope.condition, condition) if condition else draft.scope.condition
        )
        draft.scope = Scope(period=period or draft.scope.period, condition=joined_condition)

    def _header(self, row_start: int) -> Cells | None:
        """The header row of the table a row is in: the line above the first `|---|` line."""
        lines = self.ctx.norm.lines
        text = self.ctx.text
        index = max(0, bisect_right(self._line_starts, row_start) - 1)
        while index > 0 and text[lines[index - 1].start : lines[index - 1].end].lstrip().startswith(
            "|"
        ):
            index -= 1
        if index + 1 >= len(lines):
            return None
        key = lines[index].start
        if key not in self._headers:
            separator = lines[index + 1]
            is_table = _SEPARATOR.fullmatch(text[separator.start : separator.end]) is not None
            self._headers[key] = _cells(text, key, lines[index].end) if is_table else None
        return self._headers[key]

    def _period(self, cell: tuple[int, int]) -> str | None:
        """The period a header cell names: a date, or a bare year (`2024 Capex`)."""
        ctx = self.ctx
        date = nearest_date(ctx.dates, cell[0], cell[1], ctx.article_date)
        if date is not None and date.date is not None:
            return period_label(date.date, ctx.article_date)
        year = _BARE_YEAR.search(ctx.text, cell[0], cell[1])
        return year.group() if year else None

    def _latest_period(self, header: Cells) -> str | None:
        labels = [self._period(cell) for cell in header]
        return max((label for label in labels if label), default=None)


def _cells(text: str, start: int, end: int) -> Cells:
    """The spans between the pipes of one table line (the first cell is the row's label)."""
    bars = [i for i in range(start, end) if text[i] == "|"]
    return [(a + 1, b) for a, b in pairwise(bars)]


def _change_condition(header: str) -> str | None:
    if _YOY.search(header):
        return YEAR_OVER_YEAR
    if _QOQ.search(header):
        return QUARTER_OVER_QUARTER
    return None
