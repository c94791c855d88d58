"""Pass 3: direction words (低于, 高于, 更为可观, 降至) become direction claims that say which
of two values is larger; the rule engine checks the values agree."""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.claims.context import DocumentContext
from factcheck.claims.direction_cues import (
    DirectionCue,
    change_to,
    comparatives,
    direction_cues,
    from_to,
)
from factcheck.claims.draft import (
    BASE_CONFIDENCE,
    CARRIED_PENALTY,
    Draft,
    DraftTable,
    confidence,
    entity_inference,
    joined,
    plain_value,
)
from factcheck.claims.subjects import Sentence
from factcheck.model.claim import ClaimKind, Direction, Scope
from factcheck.model.quantity import QuantityMention

_PARAGRAPHS_REACH = 40
"""Sentences looked back over for a changed value (two paragraphs of prose)."""


class DirectionPass:
    def __init__(self, ctx: DocumentContext, table: DraftTable) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.table = table

    def run(self, sentence: Sentence) -> None:
        words = self.ctx.tools.directions
        for cue in direction_cues(self.text, sentence.start, sentence.end, words):
            self._direction_claim(sentence, cue)
        for q in self.ctx.numbers_in(sentence):
            self._change_claim(sentence, q)
        for start, end, direction in comparatives(self.text, sentence.start, sentence.end):
            self._comparative_claim(sentence, start, end, direction)

    def _add(
        self,
        sentence: Sentence,
        span: tuple[int, int],
        subject: tuple[str | None, str, str | None],
        direction: Direction,
        operands: tuple[Draft | None, Draft | None, str | None, str | None],
        scope: Scope,
        certainty: float,
        inferred: dict[str, str] | None = None,
    ) -> None:
        """A direction claim: span, (entity, how bound, attribute), the direction, and the
        (subject value, base value, base entity, base attribute) it compares."""
        entity, how, attribute = subject
        subject_value, base_value, base_entity, base_attribute = operands
        self.table.add(
            Draft(
                kind=ClaimKind.direction,
                start=span[0],
                end=span[1],
                entity=entity,
                entity_how=how,
                attribute=attribute,
                value=direction.value,
                low=None,
                high=None,
                unit=None,
                qualifier=None,
                precision=Decimal(0),
                sentence=sentence.index,
                scope=scope,
                confidence=certainty,
                inferred=dict(inferred or {}),
                operands=[
                    ("subject", subject_value, entity, attribute),
                    ("base", base_value, base_entity, base_attribute),
                ],
            )
        )

    def _comparative_claim(
        self, sentence: Sentence, start: int, end: int, direction: Direction
    ) -> None:
        """沐曦的增长更为可观,…复合增长率4074.52%: this sentence's subject against the previous
        sentence's, on the figure both state (the same kind of claim, the same unit)."""
        earlier = self.ctx.before(sentence, 1)
        subject = sentence.subject
        if not earlier or subject is None:
            return
        previous = earlier[-1]
        base_claims = [
            d
            for d in self.table.in_sentence(previous.index)
            if d.quantity is not None and d.entity not in (None, subject)
        ]
        if not base_claims:
            return
        base = base_claims[-1]
        mine = [
            d
            for d in self.table.in_sentence(sentence.index)
            if d.start >= end
            and d.entity == subject
            and d.quantity is not None
            and d.unit == base.unit
            and d.kind is base.kind
        ]
        if not mine:
            return
        own = [e for e in sentence.entities if e.entity == subject and e.end <= start]
        self._add(
            sentence,
            (own[0].start if own else start, end),
            (subject, "comparative_subject", mine[-1].attribute),
            direction,
            (mine[-1], base, base.entity, base.attribute),
            Scope(),
            round(BASE_CONFIDENCE - CARRIED_PENALTY, 2),
            {"operands": "the base is what the sentence before was about"},
        )

    def _change_claim(self, sentence: Sentence, q: QuantityMention) -> None:
        """这一比例已经降至14% / 从13%骤降至5%: the new value against the one it changed from."""
        draft = self.table.of(q)
        if draft is None or not plain_value(draft) or draft.attribute is None:
            return
        clause = self.ctx.clause_start(sentence, q.norm_span.start)
        direction = change_to(self.text, clause - 1, q.norm_span.start)
        if direction is None and not from_to(self.text, clause, q.norm_span.start):
            return
        before = self._changed_from(sentence, draft, q.norm_span.start)
        if before is None:
            return
        draft.scope = Scope(period=draft.scope.period, condition=_after_conditions(draft, before))
        before.scope = Scope(
            period=before.scope.period,
            condition=joined(before.scope.condition, "before the change"),
        )
        draft.scope = Scope(
            period=draft.scope.period, condition=joined(draft.scope.condition, "after the change")
        )
        if direction is None:
            return  # "from 80GB to 141GB": scoped, but no direction word to check
        verb_start = self.text.rfind(
            self.text[q.norm_span.start - 1], before.end, q.norm_span.start
        )
        self._add(
            sentence,
            (max(before.end, verb_start - 3), draft.end),
            (draft.entity, "changed_value_owner", draft.attribute),
            direction,
            (draft, before, before.entity, before.attribute),
            Scope(period=draft.scope.period),
            confidence(BASE_CONFIDENCE, sentence.damaged),
            {**before.inferred, **draft.inferred},
        )

    def _changed_from(self, sentence: Sentence, draft: Draft, before: int) -> Draft | None:
        """The last earlier value of the same attribute and unit, in this paragraph or the
        one before."""
        nearby = [sentence]
        for other in reversed(self.ctx.before(sentence, _PARAGRAPHS_REACH)):
            if other.paragraph < sentence.paragraph - 1:
                break
            nearby.append(other)
        earlier = [
            d
            for s in nearby
            for d in self.table.in_sentence(s.index)
            if plain_value(d)
            and d.attribute == draft.attribute
            and d.end <= before
            and d.unit == draft.unit
            and d is not draft
        ]
        return max(earlier, key=self.table.order) if earlier else None

    def _direction_claim(self, sentence: Sentence, cue: DirectionCue) -> None:
        base = self._base(sentence, cue)
        if base is None:
            return
        base_entity, base_value, phrase_start = base
        attribute = base_value.attribute if base_value is not None else None
        if attribute is None:
            attribute = self._cued_attribute(sentence, cue, phrase_start, base_value)
        subject_value = self._subject_value(sentence, phrase_start, attribute, base)
        attribute = attribute or (subject_value.attribute if subject_value else None)
        subject_entity = subject_value.entity if subject_value else None
        inferred = dict(subject_value.inferred) if subject_value else {}
        if subject_entity is None:
            subject_entity = self._subject_entity(sentence, phrase_start, base_entity)
            if subject_entity is not None and subject_entity == sentence.subject:
                reason = entity_inference(sentence.subject_strategy, sentence.subject_carried)
                inferred.update({"entity": reason} if reason else {})
        if attribute is None or (subject_entity is None and subject_value is None):
            return
        if subject_value is None and subject_entity is not None:
            subject_value = self.table.lookup(subject_entity, attribute, cue.start)
        if base_value is None and base_entity is not None:
            base_value = self.table.lookup(base_entity, attribute, cue.start)
        span_end = cue.end
        if cue.base_after:
            span_end = next(
                (
                    e.end
                    for e in sentence.entities
                    if e.entity == base_entity and e.start >= cue.end
                ),
                base_value.end if base_value is not None else cue.end,
            )
        self._add(
            sentence,
            (min(phrase_start, cue.start), span_end),
            (subject_entity, "direction_subject", attribute),
            cue.direction,
            (subject_value, base_value, base_entity, attribute),
            Scope(),
            confidence(BASE_CONFIDENCE, sentence.damaged),
            inferred,
        )

    def _base(
        self, sentence: Sentence, cue: DirectionCue
    ) -> tuple[str | None, Draft | None, int] | None:
        """What the direction compares against: (entity, value, where the phrase starts)."""
        text = self.text
        if cue.base_after and text.startswith(("难以", "无法"), cue.start):
            # 难以重现过往90%以上的垄断格局: the base is the value written after the words
            after = [
                d
                for d in self.table.in_sentence(sentence.index)
                if plain_value(d) and 0 <= d.start - cue.end <= 6
            ]
            return (after[0].entity, after[0], cue.start) if after else None
        if cue.base_after:
            following = [e for e in sentence.entities if 0 <= e.start - cue.end <= 12]
            kinds = ("chip", "chip_family")
            chips = [e for e in following if self.ctx.kb.kind(e.entity) in kinds]
            following = chips or following  # 低于英伟达最新的Blackwell架构芯片: the chip
            if not following:
                return None
            base_end = following[0].end
            inline = [
                d
                for d in self.table.in_sentence(sentence.index)
                if d.kind is ClaimKind.value
                and d.quantity is not None
                and base_end <= d.start <= base_end + 16
                and re.fullmatch(r"[的(\s]*", text[base_end : d.start])
            ]
            return following[0].entity, inline[0] if inline else None, cue.start
        if cue.base_start is None or cue.base_end is None:
            return None
        inside = [e for e in sentence.entities if cue.base_start <= e.start < cue.base_end]
        inline = [
            d
            for d in self.table.in_sentence(sentence.index)
            if d.kind is ClaimKind.value
            and d.quantity is not None
            and cue.base_start <= d.start < cue.end
        ]
        base_value = inline[0] if inline else None
        if not inside and base_value is None:
            return None
        entity = inside[0].entity if inside else base_value.entity if base_value else None
        return entity, base_value, cue.base_start

    def _cued_attribute(
        self, sentence: Sentence, cue: DirectionCue, phrase_start: int, base: Draft | None
    ) -> str | None:
        """The last numeric attribute cue of the clause before the direction word."""
        ctx = self.ctx
        clause = ctx.clause_start(sentence, phrase_start)
        numeric = [
            owners[0]
            for s, _, owners in ctx.attributes.cues_in(self.text, clause, cue.start)
            if not ctx.kb.attributes[owners[0]].categorical
            and not (base is not None and base.start <= s < base.end + 4)
        ]
        return numeric[-1] if numeric else None

    def _subject_value(
        self,
        sentence: Sentence,
        phrase_start: int,
        attribute: str | None,
        base: tuple[str | None, Draft | None, int],
    ) -> Draft | None:
        base_entity, base_value, _ = base
        earlier = [
            d
            for d in self.table.in_sentence(sentence.index)
            if plain_value(d)
            and d.end <= phrase_start
            and (attribute is None or d.attribute == attribute)
            and d is not base_value
            and (base_value is not None or d.entity != base_entity)
        ]
        if not earlier:
            return None
        own = [d for d in earlier if d.entity == sentence.subject]
        return (own or earlier)[-1]

    def _subject_entity(
        self, sentence: Sentence, phrase_start: int, base_entity: str | None
    ) -> str | None:
        subject = next(
            (
                e.entity
                for e in reversed(sentence.entities)
                if e.end <= phrase_start
                and e.entity != base_entity
                and not self.ctx.grammar.is_object(e)
            ),
            None,
        )
        if subject is None and sentence.subject != base_entity:
            subject = sentence.subject
        return subject


# Words of the earlier period (从去年同期15.4%上升至26.4%) describe the value changed from,
# not the value it changed to, though both are in one clause.
_FROM_LABELS = frozenset({"a year earlier", "past"})


def _after_conditions(draft: Draft, before: Draft) -> str | None:
    earlier = set((before.scope.condition or "").split(", "))
    kept = [
        label
        for label in (draft.scope.condition or "").split(", ")
        if label and not (label in _FROM_LABELS and label in earlier)
    ]
    return ", ".join(kept) or None
