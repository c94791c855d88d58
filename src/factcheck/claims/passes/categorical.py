"""Pass 1b: memory type words (HBM3e, GDDR6X) become value claims of `memory_type`, owned
by whoever owns the size written before them."""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.claims.binding import EntityBinder
from factcheck.claims.context import DocumentContext
from factcheck.claims.draft import BASE_CONFIDENCE, DAMAGED_PENALTY, Bound, Draft, DraftTable
from factcheck.claims.subjects import Sentence
from factcheck.model.claim import ClaimKind, Scope

_POSSESSIVE = re.compile(r"(?:'s|’s)\s*$")
_TYPE_FROM = re.compile(r"(?:\bfrom|从)\s*$")
_TYPE_TO = re.compile(r"(?:\bfrom|从)\s*\w+\s*(?:\bto|至|到|升级到|升级至)\s*$")


class MemoryTypePass:
    def __init__(self, ctx: DocumentContext, table: DraftTable, binder: EntityBinder) -> None:
        self.ctx = ctx
        self.table = table
        self.binder = binder
        self.values = ctx.kb.attributes["memory_type"].values

    def run(self, sentence: Sentence) -> None:
        text = self.ctx.text
        for m in self.ctx.tools.memory_types.finditer(text, sentence.start, sentence.end):
            owner = self._sized(sentence, m.start())
            bound = self._bound(sentence, m, owner)
            confidence = BASE_CONFIDENCE - self.binder.carried_penalty(
                sentence, bound.entity, "memory_type", bound.carried
            )
            self.table.add(
                Draft(
                    kind=ClaimKind.value,
                    start=m.start(),
                    end=m.end(),
                    entity=bound.entity,
                    attribute="memory_type",
                    value=self.values[m.group(1)],
                    low=None,
                    high=None,
                    unit=None,
                    qualifier="exact",
                    precision=Decimal(0),
                    sentence=sentence.index,
                    scope=Scope(condition=_type_change(text, sentence.start, m.start())),
                    confidence=round(confidence - (DAMAGED_PENALTY if sentence.damaged else 0), 2),
                    owner=owner,
                    entity_how=bound.strategy,
                    attribute_how=f"type_word:{m.group(1)}",
                    rejected=bound.rejected,
                    inferred=bound.inferred(),
                )
            )

    def _sized(self, sentence: Sentence, start: int) -> Draft | None:
        """80GB HBM3 / 141GB的HBM3e: the capacity written right before the type."""
        sized = [
            d
            for d in self.table.in_sentence(sentence.index)
            if d.quantity is not None
            and d.attribute == "memory_capacity"
            and 0 <= start - d.end <= 2
            and d.entity is not None
        ]
        return sized[-1] if sized else None

    def _bound(self, sentence: Sentence, m: re.Match[str], owner: Draft | None) -> Bound:
        if owner is not None:
            return Bound(owner.entity, False, "size_before_type", [])
        text = self.ctx.text
        possessor = _POSSESSIVE.search(text, max(sentence.start, m.start() - 3), m.start())
        if possessor and not any(e.end == possessor.start() for e in sentence.entities):
            # "the RTX PRO 6000's GDDR7": the memory of a product factcheck does not know
            return Bound(None, False, "abstain:unknown_possessor", [])
        return self.binder.entity_for(sentence, m.start(), m.end(), "memory_type")


def _type_change(text: str, sentence_start: int, start: int) -> str | None:
    """`jumps from HBM3 to HBM3e`, `从HBM3升级到HBM3e`: the memory type before or after."""
    window = text[max(sentence_start, start - 24) : start]
    if _TYPE_FROM.search(window):
        return "before the change"
    if _TYPE_TO.search(window):
        return "after the change"
    return None
