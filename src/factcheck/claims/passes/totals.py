"""Pass 3: a total the article states over the members it has just listed.

`宁德时代…36.8%…;比亚迪以17.9%…,LG新能源以9.4%…。三家合计占据64.1%`: the figure after
"three together" is the sum of the last three figures of its attribute, one per entity,
named in its paragraph. The count written (三家, 前五大, the two combined) says how many
parts there are, so the parts are bound by the text, not guessed: the total gets the
expression `part1 + part2 + part3` over their claims, and a rule adds them up. When the
paragraph does not list that many distinct entities with the attribute, nothing is made.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.claims.context import DocumentContext
from factcheck.claims.draft import Draft, DraftTable, plain_value
from factcheck.claims.subjects import Sentence
from factcheck.quantities.english_numbers import parse_english
from factcheck.quantities.numbers import parse_chinese

_PART = "part"
_REACH = 3
"""How many sentences back the listed parts may be: a list, not the whole article."""


def _count(m: re.Match[str]) -> int | None:
    written = m.group("zh") or m.group("en")
    if written is None:
        return None  # the combined share of A and B: members named, not counted
    if written.isdigit():
        value: Decimal | None = Decimal(written)
    elif m.group("en"):
        value = Decimal(2) if written.casefold() == "both" else parse_english(written)
    else:
        value = parse_chinese(written)
    return int(value) if value is not None and value == int(value) else None


class ListedTotalPass:
    def __init__(self, ctx: DocumentContext, table: DraftTable) -> None:
        self.ctx = ctx
        self.table = table
        self._pattern = ctx.tools.group_total

    def run(self, sentence: Sentence) -> None:
        if not sentence.subject_blocks:
            return
        m = self._pattern.search(self.ctx.text, sentence.start, sentence.end)
        count = _count(m) if m else None
        if m is None or count is None or count < 2:
            return
        for draft in self.table.in_sentence(sentence.index):
            if (
                plain_value(draft)
                and draft.entity is None
                and draft.attribute is not None
                and draft.start >= m.start()
            ):
                parts = self._parts(sentence, draft, count)
                if parts is not None:
                    draft.expression = " + ".join(f"{_PART}{i}" for i in range(1, count + 1))
                    draft.operands = [
                        (f"{_PART}{i}", part, part.entity, part.attribute)
                        for i, part in enumerate(parts, start=1)
                    ]
                return

    def _parts(self, sentence: Sentence, total: Draft, count: int) -> list[Draft] | None:
        """The last `count` values of the total's attribute and unit, one per entity, in
        the sentences of its paragraph before it; None unless exactly that many."""
        parts: dict[str, Draft] = {}
        for earlier in [*self.ctx.before(sentence, _REACH), sentence][::-1]:
            if earlier.paragraph != sentence.paragraph:
                break
            for draft in reversed(self.table.in_sentence(earlier.index)):
                if (
                    draft is total
                    or draft.start >= total.start
                    or not plain_value(draft)
                    or draft.entity is None
                    or draft.attribute != total.attribute
                    or draft.unit != total.unit
                    or draft.scope.condition != total.scope.condition
                ):
                    continue
                if draft.entity in parts:
                    return None  # two figures of one member (a segment, a from and a to)
                parts[draft.entity] = draft
        if len(parts) != count:
            return None
        return sorted(parts.values(), key=lambda d: d.start)
