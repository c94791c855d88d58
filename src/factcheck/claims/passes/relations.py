"""Pass 2: the relation words around a number (是H20的4.8倍, 同比增长30%, 占…的19%, 折合,
年复合增长率) make its value claim a relation, and point it at the value claims it compares."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from factcheck.claims.binding import EntityBinder
from factcheck.claims.context import DocumentContext
from factcheck.claims.draft import (
    NO_ATTRIBUTE_PENALTY,
    Draft,
    DraftTable,
    entity_inference,
    joined,
    larger,
    plain_value,
)
from factcheck.claims.parts import part_in
from factcheck.claims.relation_cue import RelationCue
from factcheck.claims.relation_operands import RelationOperands, by_period, signed
from factcheck.claims.subjects import Sentence
from factcheck.model.claim import ClaimKind, Scope
from factcheck.model.quantity import Qualifier, QuantityMention
from factcheck.quantities.intervals import point_interval
from factcheck.quantities.numbers import parse_chinese
from factcheck.quantities.units import compatible

_YEAR = re.compile(r"\d{4}")
_JOINED = re.compile(r"\s*(?:和|与|、|及|and|,|，)\s*")


class RelationPass:
    def __init__(self, ctx: DocumentContext, table: DraftTable, binder: EntityBinder) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.table = table
        self.operands = RelationOperands(ctx, table, binder)
        self._last_cue: tuple[QuantityMention, RelationCue] | None = None

    def run(self, sentence: Sentence) -> None:
        for q in self.ctx.numbers_in(sentence):
            self._relation_claim(sentence, q)

    def _relation_claim(self, sentence: Sentence, q: QuantityMention) -> None:
        draft = self.table.of(q)
        if draft is None:
            return
        cue = draft.cue or self._continued_cue(q)
        if cue is None:
            return
        draft.cue = cue
        self._last_cue = (q, cue)
        if cue.kind is ClaimKind.conversion:
            self._conversion(sentence, draft, cue)
        elif cue.kind is ClaimKind.cagr:
            self._cagr(sentence, draft, cue)
        else:
            self._comparison(sentence, q, draft, cue)

    def _comparison(
        self, sentence: Sentence, q: QuantityMention, draft: Draft, cue: RelationCue
    ) -> None:
        find = self.operands
        attribute = find.attribute(sentence, cue, q, draft)
        base_entity, base_value = find.base(sentence, cue, q, attribute)
        if (
            attribute is not None
            and self.ctx.kb.attributes[attribute].relation_only
            and base_value is not None
            and base_value.attribute is not None
        ):
            # 性能是GB200 NVL72(约140 PetaFLOPS)的两倍: the figures written say what is compared
            attribute = base_value.attribute
        subject_entity, subject_how = find.subject(sentence, cue, base_entity, attribute, draft)
        if (
            cue.kind is ClaimKind.ratio
            and q.unit == "percent"
            and (base_entity is None or base_entity == subject_entity or attribute is None)
        ):
            # 是总收入的19%: a percentage of something that is not another entity's same
            # attribute is a value (a share or a rate), not a ratio of two figures.
            draft.cue = None
            self._last_cue = None
            return
        subject_value = find.subject_value(sentence, cue, subject_entity, attribute, q)
        if base_value is None and base_entity is not None and attribute is not None:
            base_value = self.table.lookup(base_entity, attribute, cue.cue_start, exclude=q)
        if base_value is None and base_entity is None:
            dated = by_period(self.table, draft, cue, (subject_entity, attribute), subject_value)
            if dated is not None:
                (subject_value, base_value), base_entity = dated, subject_entity
                draft.inferred["operands"] = (
                    "the base is the value the article states for the period before"
                )
        self._restate(draft, cue, q, (subject_entity, subject_how), attribute)
        if cue.kind is ClaimKind.share:
            self._share(sentence, q, draft, cue, base_entity, base_value)
            return
        draft.operands = [
            ("subject", subject_value, subject_entity, attribute),
            ("base", base_value, base_entity, attribute),
        ]
        part = part_in(subject_value.scope.condition) if subject_value is not None else None
        if part is not None and part_in(draft.scope.condition) is None:
            # 手机业务收入455亿元,同比增长…: the change of a part is the part's
            draft.scope = Scope(
                period=draft.scope.period, condition=joined(draft.scope.condition, part)
            )

    def _restate(
        self,
        draft: Draft,
        cue: RelationCue,
        q: QuantityMention,
        subject: tuple[str | None, str],
        attribute: str | None,
    ) -> None:
        """The value claim becomes the relation: its kind, qualifier, sign, subject."""
        entity, how = subject
        own_bound = q.qualifier not in (Qualifier.exact, Qualifier.approx)
        qualifier = q.qualifier if own_bound or cue.qualifier is None else cue.qualifier
        low, high = q.low, q.high
        if cue.qualifier is not None and not own_bound and q.value is not None:
            tolerances = self.ctx.tools.tolerances
            low, high, *_ = point_interval(q.value, q.precision, cue.qualifier, tolerances)
        value, low, high = signed(q.value, low, high, cue.sign)
        if draft.attribute is None and attribute is not None:
            # 76% has no attribute of its own; the relation gives it the operands' one.
            draft.confidence = round(draft.confidence + NO_ATTRIBUTE_PENALTY, 2)
        draft.kind = cue.kind
        draft.start = min(draft.start, cue.cue_start)
        if entity != draft.entity:
            draft.entity_how = f"relation_subject:{how}"
            draft.inferred.pop("entity", None)
            reason = entity_inference(how)
            if reason:
                draft.inferred["entity"] = reason
        if attribute != draft.attribute:
            draft.attribute_how = "relation_operands"
        draft.entity = entity
        draft.attribute = attribute
        draft.value, draft.low, draft.high = value, low, high
        draft.qualifier = qualifier.value
        if cue.condition:
            draft.scope = Scope(period=draft.scope.period, condition=cue.condition)

    def _share(
        self,
        sentence: Sentence,
        q: QuantityMention,
        draft: Draft,
        cue: RelationCue,
        base_entity: str | None,
        base_value: Draft | None,
    ) -> None:
        whole = base_value or self.table.previous_value(sentence.index, cue.cue_start)
        part = None
        if base_value is None and whole is not None:
            part, whole = self._part_and_whole(sentence, cue, whole)
        draft.operands = [("whole", whole, base_entity, None)]
        if part is not None:
            draft.operands.insert(0, ("part", part, part.entity, part.attribute))
        if base_value is None and whole is not None:
            draft.inferred["operands"] = "part and whole chosen by their position"
        if draft.attribute is None:
            draft.attribute = self.ctx.attributes.choose(
                self.text,
                q.norm_span.start,
                q.norm_span.end,
                (sentence.start, sentence.end),
                "percent",
                sentence.heading,
            ).attribute

    def _part_and_whole(
        self, sentence: Sentence, cue: RelationCue, nearest: Draft
    ) -> tuple[Draft | None, Draft | None]:
        """The part and the whole among the amounts before a share that names no value of
        its base: 营收100亿元,其中数据中心30亿元,占比30% (the whole first, larger); 上半年营收
        120亿元,全年800亿元,占15% (the part first, of the same attribute); 营收120亿元,占全年
        营收的15% (one amount, and the share goes on its clause's subject: the part)."""
        earlier = self.table.previous_value(sentence.index, nearest.start)
        if earlier is not None and earlier.unit == nearest.unit and earlier.unit:
            if larger(earlier, nearest):
                # a whole is larger than its part: 增持40.84万股,至681.49万股 is no whole
                return nearest, earlier
            if (
                earlier.attribute is not None
                and earlier.attribute == nearest.attribute
                and larger(nearest, earlier)
            ):
                return earlier, nearest
        clause = self.ctx.clause_start(sentence, cue.cue_start)
        if not cue.of_previous and not self.text[clause : cue.cue_start].strip():
            return nearest, None
        return None, nearest

    def _continued_cue(self, q: QuantityMention) -> RelationCue | None:
        """分别下跌6.32%和7.03%: a number joined to the previous one shares its relation."""
        if self._last_cue is None:
            return None
        previous, cue = self._last_cue
        between = self.text[previous.norm_span.end : q.norm_span.start]
        if previous.unit != q.unit or not _JOINED.fullmatch(between):
            return None
        return replace(cue, cue_start=q.norm_span.start, base_start=None, base_end=None)

    def _conversion(self, sentence: Sentence, draft: Draft, cue: RelationCue) -> None:
        source = self.table.previous_value(sentence.index, cue.cue_start)
        if source is None:
            return
        draft.kind = ClaimKind.conversion
        draft.start = min(draft.start, cue.cue_start)
        if draft.entity is None:
            draft.entity = source.entity
        draft.operands = [("source", source, source.entity, source.attribute)]

    def _cagr(self, sentence: Sentence, draft: Draft, cue: RelationCue) -> None:
        """从2022年的0.46亿元上升至2024年的4.38亿元,年复合增长率高达208.44%."""
        earlier = [
            d
            for d in self.table.in_sentence(sentence.index)
            if plain_value(d) and d.end <= cue.cue_start and d.unit not in ("percent", None)
        ]
        if len(earlier) < 2:
            return
        start, end = _growth_ends(earlier)
        if start.unit != end.unit and not compatible(start.unit or "", end.unit or ""):
            return
        draft.kind = ClaimKind.cagr
        draft.start = min(draft.start, cue.cue_start)
        draft.entity = end.entity
        draft.attribute = end.attribute
        label = cue.label or _label_before(self.text, cue.cue_start)
        periods = (
            f"{start.scope.period}..{end.scope.period}"
            if start.scope.period and end.scope.period
            else None
        )
        years = _label_years(label)
        draft.scope = Scope(
            period=periods, condition=f"labelled {years} years" if years is not None else None
        )
        draft.operands = [
            ("start", start, start.entity, start.attribute),
            ("end", end, end.entity, end.attribute),
        ]


def _growth_ends(values: list[Draft]) -> tuple[Draft, Draft]:
    """The first and the last value a growth rate spans: of values stated for years
    (分别为42.64万元、5302.12万元、7.43亿元 for 2022-2024), the earliest and the latest
    year; otherwise the last two values written."""
    dated = [d for d in values if d.scope.period and _YEAR.fullmatch(d.scope.period)]
    if len({d.scope.period for d in dated}) >= 2 and dated[-1] is values[-1]:
        return min(dated, key=lambda d: d.scope.period or ""), dated[-1]
    return values[-2], values[-1]


def _label_years(label: str | None) -> int | None:
    """三年 / 3年 → 3: the number of years a growth rate is named for, as a number, so no
    rule reads Chinese back out of the condition."""
    if not label:
        return None
    written = label.removesuffix("年")
    value = Decimal(written) if written.isdigit() else parse_chinese(written)
    return int(value) if value is not None and value == int(value) else None


def _label_before(text: str, position: int) -> str | None:
    m = re.search(
        r"([一二三四五六七八九十\d]+)年(?:复合|年复合)", text[max(0, position - 8) : position + 4]
    )
    return f"{m.group(1)}年" if m else None
