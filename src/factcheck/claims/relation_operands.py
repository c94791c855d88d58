"""What a relation compares: its attribute, its base (entity and value) and its subject
(entity and value), read from the sentence around the relation words."""

from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal

from factcheck.claims.binding import EntityBinder
from factcheck.claims.context import DocumentContext
from factcheck.claims.draft import CARRIED_PENALTY, Draft, DraftTable, plain_value
from factcheck.claims.period_shift import base_period
from factcheck.claims.relation_cue import RelationCue
from factcheck.claims.subjects import Sentence
from factcheck.model.claim import ClaimKind
from factcheck.model.quantity import QuantityMention

_BASE_VALUE_GAP = 4
"""A value may follow its base name by this much (H100的80GB, the H20's 96GB)."""


class RelationOperands:
    def __init__(self, ctx: DocumentContext, table: DraftTable, binder: EntityBinder) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.table = table
        self.binder = binder

    def base(
        self, sentence: Sentence, cue: RelationCue, q: QuantityMention, attribute: str | None
    ) -> tuple[str | None, Draft | None]:
        if cue.base_start is None or cue.base_end is None:
            return None, None
        base_text = self.text[cue.base_start : cue.base_end]
        inside = [
            e for e in sentence.entities if cue.base_start <= e.start and e.end <= cue.base_end + 1
        ]
        entity: str | None = inside[-1].entity if inside else None
        for pronoun, meaning in self.ctx.kb.cues.pronouns.items():
            if base_text.strip().endswith(pronoun):
                entity = self._pronoun(sentence, cue.base_start, meaning)
        # A value written with the base: 相比H100的80GB / H20(96GB HBM3) / 两倍(80GB, 3.35TB/s)
        candidates = [
            draft
            for n in self.ctx.numbers_in(sentence)
            if (draft := self.table.of(n)) is not None
            and n is not q
            and (
                cue.base_start <= n.norm_span.start < cue.base_end + _BASE_VALUE_GAP
                or self._in_paren_after(n, q, cue)
            )
        ]
        if cue.kind is ClaimKind.share:
            return entity, candidates[0] if candidates else None
        # 较一季度75869辆: a base that names only an earlier period is the subject's; its
        # values keep the entity they were bound to
        of_period = entity is None and self._names_a_period(cue.base_start, cue.base_end)
        for draft in [] if of_period else candidates:
            # The values written with the base are the base's, also when its name is unknown
            # (几乎是H10的两倍(80GB HBM3,3.35TB/秒): H10 is no known chip).
            draft.entity = entity
            draft.inferred.pop("entity", None)  # bound by the base phrase it is written in
            if entity is None:
                draft.confidence = round(max(draft.confidence - CARRIED_PENALTY, 0.05), 2)
        # (80GB HBM3, 3.35TB/秒) after "bandwidth … twice": the value of the same attribute
        matching = [d for d in candidates if d.attribute == attribute]
        chosen = matching or candidates
        return entity, chosen[0] if chosen else None

    def _names_a_period(self, start: int, end: int) -> bool:
        dates = self.ctx.dates
        first = bisect_left(dates, start, key=lambda d: d.norm_span.start)
        return first < len(dates) and dates[first].norm_span.start < end

    def _in_paren_after(self, n: QuantityMention, q: QuantityMention, cue: RelationCue) -> bool:
        """A parenthesis right after the base name or right after the relation's number."""
        for anchor in (cue.base_end or -1, q.norm_span.end):
            if anchor < 0:
                continue
            rest = self.text[anchor : n.norm_span.start]
            if re.fullmatch(r"\d?\s*\([^()]*", rest):
                return True
        return False

    def _pronoun(self, sentence: Sentence, before: int, meaning: str) -> str | None:
        distinct: list[str] = []
        mentions = self.ctx.entities
        last = bisect_left(mentions, before, key=lambda e: e.start)
        for index in range(last - 1, -1, -1):  # latest first; two distinct suffice
            mention = mentions[index]
            if mention.end > before:
                continue
            if mention.entity not in distinct:
                distinct.append(mention.entity)
                if len(distinct) == 2:
                    break
        if meaning == "latter" and distinct:
            return distinct[0]
        if meaning == "former" and len(distinct) > 1:
            return distinct[1]
        return sentence.subject

    def attribute(
        self, sentence: Sentence, cue: RelationCue, q: QuantityMention, draft: Draft
    ) -> str | None:
        ctx = self.ctx
        if cue.kind is ClaimKind.difference:
            return draft.attribute
        if cue.kind is ClaimKind.share:
            return ctx.attributes.choose(
                self.text,
                q.norm_span.start,
                q.norm_span.end,
                (sentence.start, sentence.end),
                "percent",
                None,
                after_window=ctx.clause_end(sentence, q.norm_span.end) - q.norm_span.end,
            ).attribute
        clause = ctx.clause_start(sentence, cue.cue_start)
        window = (max(sentence.start, clause - 2), q.norm_span.end)
        best = None
        base_end = self._base_phrase_end(cue)
        for start, end, owners in ctx.attributes.cues_in(self.text, *window):
            if cue.base_start is not None and cue.base_start <= start < base_end:
                continue  # a cue inside the base phrase (or its parenthesis) describes the base
            numeric = [a for a in owners if not ctx.kb.attributes[a].categorical]
            if numeric and end <= q.norm_span.start:
                best = numeric[0]
        if best is not None:
            return best
        previous = self._changed_value(sentence, cue)
        if previous is not None and previous.attribute is not None:
            return previous.attribute
        if sentence.heading:
            for _, _, owners in ctx.attributes.cues_in(sentence.heading, 0, len(sentence.heading)):
                return owners[0]
        return None

    def _changed_value(self, sentence: Sentence, cue: RelationCue) -> Draft | None:
        """The value a change with no cue of its own is of: the last one before it, but
        past a share, a margin or a rank when an amount precedes it (出货6060万部,份额19%,
        同比增长6% is the shipments' growth: a share's change is written in points)."""
        previous = self.table.previous_value(sentence.index, cue.cue_start)
        if cue.kind is not ClaimKind.percent_change or not _is_rate(self.ctx, previous):
            return previous
        earlier = previous
        while earlier is not None and _is_rate(self.ctx, earlier):
            earlier = self.table.previous_value(sentence.index, earlier.start)
        return earlier or previous

    def _base_phrase_end(self, cue: RelationCue) -> int:
        """The end of the base phrase with a parenthesis written right after it:
        H100(80GB HBM3,3.35TB/s)."""
        end = cue.base_end or 0
        if cue.base_end is not None and self.text.startswith("(", end):
            close = self.text.find(")", end)
            if close != -1:
                return close + 1
        return end

    def subject(
        self,
        sentence: Sentence,
        cue: RelationCue,
        base: str | None,
        attribute: str | None,
        draft: Draft,
    ) -> tuple[str | None, str]:
        """The relation's subject and how it was found."""
        fits = self.ctx.fits
        distributed = self.binder.respectively(
            sentence, cue.cue_start if cue.base_start else draft.start
        )
        if distributed is not None:
            return distributed, "respectively"  # 分别下跌6.32%和7.03%
        if cue.kind is ClaimKind.share and draft.entity is not None:
            return draft.entity, "owner_of_the_number"  # 其中四分之一将被美国政府…
        before = [
            e
            for e in sentence.entities
            if e.end <= cue.cue_start
            and e.entity != base
            and not self.ctx.grammar.is_object(e)
            and fits(e.entity, attribute)
        ]
        if before:
            return before[-1].entity, "named_before_relation"
        if sentence.subject_blocks:
            return None, f"abstain:{sentence.subject_strategy}"  # 三家合计占据64.1%
        if sentence.subject not in (None, base) and fits(sentence.subject or "", attribute):
            carried = sentence.subject_carried
            return sentence.subject, "carried_topic" if carried else sentence.subject_strategy
        previous = self.table.previous_value(sentence.index, cue.cue_start)
        if previous is not None and previous.entity not in (None, base):
            return previous.entity, "owner_of_previous_value"
        topic = self.binder.topic(sentence, attribute)
        if topic != base:
            return topic, "carried_topic"
        return draft.entity, "owner_of_the_number"

    def subject_value(
        self,
        sentence: Sentence,
        cue: RelationCue,
        entity: str | None,
        attribute: str | None,
        q: QuantityMention,
    ) -> Draft | None:
        candidates = [
            d
            for d in self.table.in_sentence(sentence.index)
            if plain_value(d)
            and d.end <= cue.cue_start
            and d.attribute == attribute
            and d.quantity is not q
            and (entity is None or d.entity in (entity, None))
            and not (
                cue.base_start is not None and cue.base_start <= d.start < (cue.base_end or 0) + 2
            )
        ]
        if candidates:
            unconditioned = [d for d in candidates if d.scope.condition is None]
            return (unconditioned or candidates)[-1]
        if entity is not None and attribute is not None:
            return self.table.lookup(entity, attribute, cue.cue_start, exclude=q)
        return None


def by_period(
    table: DraftTable,
    draft: Draft,
    cue: RelationCue,
    owner: tuple[str | None, str | None],
    subject: Draft | None,
) -> tuple[Draft, Draft] | None:
    """三季度营收17.27亿元…二季度17.7亿元…环比下降2.4%: a change year over year or quarter
    over quarter with no base written is measured from the value of the period before,
    when the article states it; the subject is the value of the change's own period."""
    entity, attribute = owner
    if entity is None or attribute is None or cue.base_start is not None:
        return None
    period = draft.scope.period or (subject.scope.period if subject is not None else None)
    base = base_period(period, cue.condition)
    if period is None or base is None:
        return None
    if subject is None or subject.scope.period not in (None, period):
        # a change to a forecast (guided 2025 against 2024) is measured all the same
        subject = table.of_period(entity, attribute, period, (None, "forecast"))
    earlier = table.of_period(entity, attribute, base)
    if subject is None or earlier is None or subject is earlier:
        return None
    return subject, earlier


def signed(
    value: Decimal | None, low: Decimal | None, high: Decimal | None, sign: int
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    if sign > 0:
        return value, low, high
    return (
        None if value is None else -value,
        None if high is None else -high,
        None if low is None else -low,
    )


def _is_rate(ctx: DocumentContext, draft: Draft | None) -> bool:
    """A share, a margin or a rank: a figure whose change is not a percentage of it."""
    if draft is None or draft.attribute is None:
        return False
    return ctx.kb.attributes[draft.attribute].unit in ("percent", "rank")
