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
from functools import cache

from factcheck.claims.context import DocumentContext
from factcheck.claims.draft import Draft, DraftTable, plain_value
from factcheck.claims.subjects import Sentence
from factcheck.quantities.numbers import parse_chinese

_ENGLISH_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2}
_PART = "part"
_REACH = 3
"""How many sentences back the listed parts may be: a list, not the whole article."""


@cache
def _group_total(totals: tuple[str, ...], nouns: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(totals, key=len, reverse=True)) or "(?!)"
    noun = "|".join(re.escape(w) for w in sorted(nouns, key=len, reverse=True)) or "(?!)"
    english = "|".join(_ENGLISH_COUNTS)
    return re.compile(
        rf"(?:前|这|上述)?(?P<zh>[两二三四五六七八九十]+|\d+)\s*[家者款大个位]\s*(?:{noun})?\s*"
        rf"(?:{words})"
        rf"|\b(?:the\s+|all\s+)?(?P<en>{english}|\d+)\s+(?:\w+\s+)?(?:{words})\b",
        re.I,
    )


def _count(m: re.Match[str]) -> int | None:
    written = m.group("zh") or m.group("en")
    if written.isdigit():
        return int(written)
    if m.group("en"):
        return _ENGLISH_COUNTS.get(written.casefold())
    value = parse_chinese(written)
    return int(value) if value is not None and value == int(value) else None


class ListedTotalPass:
    def __init__(self, ctx: DocumentContext, table: DraftTable) -> None:
        self.ctx = ctx
        self.table = table
        cues = ctx.kb.cues
        self._pattern = _group_total(tuple(cues.group_totals), tuple(cues.reference_nouns))

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
