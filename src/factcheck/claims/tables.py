"""Tables flattened into text: `参数 H200 H20 … 显存带宽 4.8TB/s ~1TB/s`. After a header row
of names, a row's values written side by side belong to the columns in order."""

from __future__ import annotations

from factcheck.claims.context import DocumentContext
from factcheck.claims.entities import EntityMention
from factcheck.claims.subjects import Sentence


class TableReader:
    """Header and rows of each sentence, worked out once per sentence."""

    def __init__(self, ctx: DocumentContext) -> None:
        self.ctx = ctx
        self._headers: dict[int, tuple[int, list[str]] | None] = {}
        self._rows: dict[int, list[list[int]]] = {}

    def column_of(self, sentence: Sentence, start: int) -> tuple[str, int] | None:
        """The column's name and number (from 1) of a value starting at `start`."""
        header = self._header(sentence)
        if header is None or start < header[0]:
            return None
        names = header[1]
        row = next((row for row in self._table_rows(sentence, header[0]) if start in row), None)
        if row is None or len(row) != len(names):
            return None
        column = row.index(start)
        return names[column], column + 1

    def _header(self, sentence: Sentence) -> tuple[int, list[str]] | None:
        """The end of the first run of two or more names separated only by spaces, and the
        names (a table's header row)."""
        if sentence.index not in self._headers:
            self._headers[sentence.index] = self._find_header(sentence)
        return self._headers[sentence.index]

    def _find_header(self, sentence: Sentence) -> tuple[int, list[str]] | None:
        text = self.ctx.text
        run: list[EntityMention] = []
        for e in sentence.entities:
            spaced = run and e.start > run[-1].end and not text[run[-1].end : e.start].strip()
            if spaced:
                run.append(e)
                continue
            if len(run) >= 2:
                break
            run = [e]
        if len(run) < 2 or len({e.entity for e in run}) < len(run):
            return None
        return run[-1].end, [e.entity for e in run]

    def _table_rows(self, sentence: Sentence, after: int) -> list[list[int]]:
        """The rows of a table body beginning at `after`: the starts of values written side
        by side (only spaces between)."""
        if sentence.index not in self._rows:
            self._rows[sentence.index] = self._find_rows(sentence, after)
        return self._rows[sentence.index]

    def _find_rows(self, sentence: Sentence, after: int) -> list[list[int]]:
        ctx = self.ctx
        types = ctx.tools.memory_types.finditer(ctx.text, after, sentence.end)
        values = sorted(
            [(q.norm_span.start, q.norm_span.end) for q in ctx.numbers_in(sentence)]
            + [m.span() for m in types]
        )
        values = [v for v in values if v[0] >= after]
        groups: list[list[tuple[int, int]]] = []
        for value in values:
            if groups and not ctx.text[groups[-1][-1][1] : value[0]].strip(" \t"):
                groups[-1].append(value)
            else:
                groups.append([value])
        return [[v[0] for v in group] for group in groups]
