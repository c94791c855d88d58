"""Pass 1: every number becomes a value claim — the attribute its cue words, heading or
unit give it, and the entity a binding strategy finds (or none, with the reason)."""

from __future__ import annotations

import re
from bisect import bisect_left

from factcheck.claims.binding import EntityBinder
from factcheck.claims.context import DocumentContext
from factcheck.claims.draft import (
    BASE_CONFIDENCE,
    DAMAGED_PENALTY,
    NO_ATTRIBUTE_PENALTY,
    Draft,
    DraftTable,
    comparable,
    is_bare,
)
from factcheck.claims.parts import PartReader, names_band, with_part
from factcheck.claims.relation_cue import RelationCue
from factcheck.claims.relation_cues import is_fraction, is_multiple, relation_cue
from factcheck.claims.scoping import ScopeFinder
from factcheck.claims.subjects import Sentence
from factcheck.model.claim import ClaimKind, Scope
from factcheck.model.quantity import QuantityKind, QuantityMention


class ValuePass:
    def __init__(self, ctx: DocumentContext, table: DraftTable, binder: EntityBinder) -> None:
        self.ctx = ctx
        self.table = table
        self.binder = binder
        self.scopes = ScopeFinder(ctx)
        self.parts = PartReader(ctx.text, ctx.tools.parts)

    def run(self, sentence: Sentence) -> None:
        for q in self.ctx.numbers_in(sentence):
            self._value_claim(sentence, q)

    def _value_claim(self, sentence: Sentence, q: QuantityMention) -> None:
        if names_band(self.ctx.text, q.norm_span.end, self.ctx.tools.parts):
            return  # 4000-6000元价位段: the name of a band of the market, no figure
        attribute, attribute_how, cue_start = self._attribute(sentence, q)
        if attribute is None and (
            q.kind is QuantityKind.duration or is_bare(q) or _small_chinese_count(q)
        ):
            return  # 三到五年, 1017新规, 两个阵营: time, a bare number, a word
        unit = q.unit
        if (
            is_bare(q)
            and attribute is not None
            and self.ctx.kb.attributes[attribute].unit == "count"
        ):
            unit = "count"  # 7万至8万辆……明年预计将达到15万: the count goes on
        start, end = q.norm_span.start, q.norm_span.end
        bound = self.binder.entity_for(sentence, start, end, attribute)
        members: list[tuple[str, Draft | None, str | None, str | None]] = []
        if bound.strategy == "members_of_aggregate":
            attribute, attribute_how = "member_count", bound.strategy
            members = [("member", None, bound.member, None)] if bound.member else []
        confidence = BASE_CONFIDENCE - self.binder.carried_penalty(
            sentence, bound.entity, attribute, bound.carried, start
        )
        if attribute is None:
            confidence -= NO_ATTRIBUTE_PENALTY
        if sentence.damaged:
            confidence -= DAMAGED_PENALTY
        cue = self._relation_cue(sentence, q, attribute, attribute_how)
        if cue is None and q.unit == "dimensionless" and is_fraction(q):
            return  # 约为…的一半 with no relation read: a fraction of nothing known, no value
        inferred = bound.inferred()
        if attribute_how == "listed_after_previous":
            inferred["attribute"] = "taken from the list item before"
        self.table.add(
            Draft(
                cue=cue,
                kind=ClaimKind.value,
                start=start,
                end=end,
                entity=bound.entity,
                attribute=attribute,
                value=q.value,
                low=q.low,
                high=q.high,
                unit=unit,
                qualifier=q.qualifier.value,
                precision=q.precision,
                sentence=sentence.index,
                scope=self._scope(sentence, q, bound.entity, cue_start),
                confidence=round(max(confidence, 0.05), 2),
                quantity=q,
                entity_how=bound.strategy,
                attribute_how=attribute_how,
                rejected=bound.rejected,
                inferred=inferred,
                operands=members,
            )
        )

    def _relation_cue(
        self, sentence: Sentence, q: QuantityMention, attribute: str | None, how: str
    ) -> RelationCue | None:
        """The relation words around the number, unless it is a multiple written right after
        the cue of an attribute whose values are multiples (市销率为56.35倍)."""
        text = self.ctx.text
        if attribute is not None and how.startswith("cue:") and is_multiple(q):
            spec = self.ctx.kb.attributes[attribute]
            cue = how.removeprefix("cue:")
            at = text.rfind(cue, sentence.start, q.norm_span.start)
            if (
                spec.written_as_multiple
                and at != -1
                and _ADJACENT.fullmatch(text, at + len(cue), q.norm_span.start)
            ):
                return None
        return relation_cue(text, sentence.start, q)

    def _scope(
        self, sentence: Sentence, q: QuantityMention, entity: str | None, cue_start: int | None
    ) -> Scope:
        """The figure's period and condition; a company's figure written with the name of one
        of its parts (手机业务收入, Data Center segment revenue) is the part's."""
        start, end = q.norm_span.start, q.norm_span.end
        scope = self.scopes.scope(sentence, start, end)
        if self.ctx.kb.kind(entity) != "company":
            return scope
        before = start if cue_start is None else min(cue_start, start)
        part = self.parts.part_of(self._floor(sentence, before), before)
        if part is None:
            return scope
        return Scope(period=scope.period, condition=with_part(scope.condition, part))

    def _floor(self, sentence: Sentence, before: int) -> int:
        """Where a part's name may start: after the clause's start and after the last
        entity, date or number written before the position."""
        ctx = self.ctx
        words = ctx.tools.parts
        floor = ctx.clause_start(sentence, before)
        ends = [e.end for e in sentence.entities if e.end <= before]
        ends += [
            q.norm_span.end
            for q in ctx.numbers_in(sentence)
            if q.norm_span.end <= before and not names_band(ctx.text, q.norm_span.end, words)
        ]
        first = bisect_left(ctx.dates, sentence.start, key=lambda d: d.norm_span.start)
        last = bisect_left(ctx.dates, before, key=lambda d: d.norm_span.start, lo=first)
        ends += [d.norm_span.end for d in ctx.dates[first:last] if d.norm_span.end <= before]
        return max([floor, *ends])

    def _attribute(
        self, sentence: Sentence, q: QuantityMention
    ) -> tuple[str | None, str, int | None]:
        """The attribute of a number, the strategy that chose it and where its cue starts."""
        ctx = self.ctx
        choice = ctx.attributes.choose(
            ctx.text,
            q.norm_span.start,
            q.norm_span.end,
            (sentence.start, sentence.end),
            q.unit,
            sentence.heading,
            surface=q.surface,
            after_window=ctx.clause_end(sentence, q.norm_span.end) - q.norm_span.end,
        )
        attribute = self._regional(sentence, q, choice.attribute)
        attribute_how = choice.strategy if attribute == choice.attribute else "in_region"
        if attribute is None:
            attribute = self._listed_attribute(sentence, q)
            attribute_how = "listed_after_previous" if attribute else "no_fit"
        cue_start = choice.cue_start if attribute == choice.attribute else None
        return attribute, attribute_how, cue_start

    def _regional(
        self, sentence: Sentence, q: QuantityMention, attribute: str | None
    ) -> str | None:
        """在中国市场创下171亿美元营收: revenue in one region is that region's revenue."""
        ctx = self.ctx
        regional = ctx.kb.attributes[attribute].in_region if attribute else None
        clause = ctx.clause_start(sentence, q.norm_span.start)
        if regional and ctx.tools.scopes.names_region(ctx.text, clause, q.norm_span.start):
            return regional
        return attribute

    def _listed_attribute(self, sentence: Sentence, q: QuantityMention) -> str | None:
        """In a list (`H200的TPP约为15832;` / `昇腾910C约为12800;`, or `7万至8万辆。明年预计
        将达到15万`), a number with no cue word states the attribute of the last number of the
        same unit in the sentence just before."""
        for looked, draft in enumerate(reversed(self.table.drafts)):
            if draft.sentence < sentence.index - 1 or looked >= _LIST_LOOKBACK:
                return None
            earlier = self.ctx.sentence(draft.sentence)
            if earlier is None or earlier.paragraph < sentence.paragraph - 1:
                return None
            if (
                draft.quantity is None
                or draft.kind is not ClaimKind.value
                or draft.attribute is None
            ):
                continue
            if draft.unit == q.unit or (is_bare(q) and draft.unit == "count"):
                # A list item is of the attribute only if it could be written so (17 is no
                # generation without 代).
                unit = draft.unit if is_bare(q) else q.unit
                fits = self.ctx.kb.attributes[draft.attribute].fits(unit, q.surface)
                return draft.attribute if fits and comparable(draft, q) else None
        return None


# A list continues the attribute of one of its last few numbers, never of one far back.
_LIST_LOOKBACK = 12
_ADJACENT = re.compile(r"\s*(?:为|是|达|达到|约|约为|高达|仅|只有|of|was|is|at)?\s*(?:约|近)?\s*")


def _small_chinese_count(q: QuantityMention) -> bool:
    return q.unit == "count" and q.surface[:1] in "两二三四五六七八九" and (q.value or 10) < 10
