"""build_claims(): a document's quantity mentions, in context, become claims.

Two passes. The first makes a value claim of every number (and of every memory type word):
which entity it is about (a parenthesis owner, the entity next to it, the sentence's subject,
or the topic carried from earlier sentences) and which attribute (cue words, the paragraph's
heading, the default for its unit). The second reads the relation words around numbers and
direction words, and points each relation at the value claims it compares.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from decimal import Decimal

from factcheck.claims.attributes import AttributeResolver
from factcheck.claims.cues import CueSpec
from factcheck.claims.entities import UNKNOWN_MODEL, EntityMatcher, EntityMention
from factcheck.claims.kb import KnowledgeBase, alias_key
from factcheck.claims.relations import (
    DirectionCue,
    RelationCue,
    change_to,
    comparatives,
    direction_cues,
    from_to,
    is_multiple,
    passive_agent_start,
    relation_cue,
)
from factcheck.claims.scope import ScopeReader, nearest_period
from factcheck.model.claim import Binding, Claim, ClaimKind, Direction, Operand, Scope
from factcheck.model.document import Document
from factcheck.model.quantity import Qualifier, QuantityKind, QuantityMention
from factcheck.model.span import Span
from factcheck.model.tolerances import Tolerances
from factcheck.normalize.pipeline import NormalizedText, normalize
from factcheck.quantities.extract import find_quantities
from factcheck.quantities.intervals import point_interval
from factcheck.quantities.units import compatible

_BASE_CONFIDENCE = 0.9
_CARRIED_PENALTY = 0.25
_AMBIGUOUS_PENALTY = 0.1
"""A carried topic whose source sentence names a rival of the same kind: below judging."""
_DAMAGED_PENALTY = 0.4
_NO_ATTRIBUTE_PENALTY = 0.2
_UNKNOWN_CONFIDENCE = 0.4
_LEADING_LABEL = re.compile(r"[^,，。;；:：]{1,12}[:：]")
# Words after which an entity is the object of a comparison or a verb, not a subject.
_OBJECT_MARKERS = (
    "比",
    "较",
    "相比",
    "相较",
    "相对",
    "对比",
    "于",
    "超",
    "是",
    "为",
    "与",
    "对",
    "向",
    "给",
    "从",
    "在",
)
# English: "an upgrade over the H100", "more than the H20", "compared with the H100".
_OBJECT_MARKERS_EN = re.compile(
    r"\b(?:over|than|versus|vs\.?|against|from|compared\s+(?:to|with)|relative\s+to)"
    r"\s+(?:the\s+)?(?:(?:NVIDIA|Nvidia|AMD|Huawei|Google)(?:'s)?\s+)?$"
)
_OWNED_VALUE = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:的|'s|’s)?\s*")
_PRONOUNS = {
    "后者": "latter",
    "前者": "former",
    "其": "subject",
    "它": "subject",
    "该芯片": "subject",
}
_HEADING_MAX = 24
_TOPIC_KINDS = ("chip", "company", "product", "chip_family", "market", "aggregate")
_TOPIC_REACH = 12
"""How many sentences back a carried-over topic may come from."""
_MODIFIER_REACH = 8
_NOUN_REACH = 6
_BASE_VALUE_GAP = 4
"""A value may follow its base name by this much (H100的80GB, the H20's 96GB)."""
_COUNTING_WORDS = frozenset("颗片块张枚台套代款个")
_CHIP_CLASSIFIERS = ("颗", "张", "块", "片", "卡", "枚")
_YEAR_SPAN = re.compile(r"(\d{4})(?:-01)?\.\.(\d{4})(?:-12)?")
_CLAUSE = re.compile(r"[,，;；:：]")
_CLASS_NOUN = re.compile(r"\s*(?:芯片|晶片|工艺芯片|制程芯片|chips?\b)", re.I)
_COMPARED_WITH = re.compile(r"低于|高于|不及|不如|胜过|领先|超过|比|较|相比|相较|对比")
_COMPARISON_REACH = 14
_OF_NUMBER = re.compile(r"\s*的\s*(?:约|近|仅|超过|超|逾)?\s*")
_PUNCTUATION = re.compile(r"[,，;；:：。、!?！？]")
_JOINED = re.compile(r"\s*(?:和|与|、|及|and|,|，)\s*")


@dataclass
class _Draft:
    """A claim under construction; ids are given once every claim of the document exists."""

    kind: ClaimKind
    start: int
    end: int
    entity: str | None
    attribute: str | None
    value: Decimal | str | None
    low: Decimal | None
    high: Decimal | None
    unit: str | None
    qualifier: str | None
    precision: Decimal
    sentence: int
    scope: Scope
    confidence: float
    quantity: QuantityMention | None = None
    cue: RelationCue | None = None
    """The relation its number belongs to; such a draft is no operand of another relation."""
    operands: list[tuple[str, _Draft | None, str | None, str | None]] = field(default_factory=list)
    """(role, claim, entity, attribute) before ids exist."""
    owner: _Draft | None = None
    """A memory type follows the size it is written with (80GB HBM3) when that moves."""
    entity_how: str = "unbound"
    attribute_how: str = "no_fit"
    rejected: list[str] = field(default_factory=list)
    id: str = ""


@dataclass(frozen=True, slots=True)
class _Bound:
    """An entity decision: who, whether carried from an earlier sentence, and why."""

    entity: str | None
    carried: bool
    strategy: str
    rejected: list[str]


@dataclass
class _Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    damaged: bool
    heading: str | None
    entities: list[EntityMention]
    subject: str | None
    subject_carried: bool
    subject_strategy: str = "subject_of_sentence"
    subject_blocks: bool = False
    """The sentence is about something no entity stands for here (an unknown company named
    by 该公司 in an article without a subject): nothing is carried into it."""


class ClaimBuilder:
    def __init__(self, kb: KnowledgeBase, matcher: EntityMatcher, tolerances: Tolerances) -> None:
        self.kb = kb
        self.matcher = matcher
        self.tolerances = tolerances
        self.attributes = AttributeResolver(kb)
        self.scopes = ScopeReader(kb)
        self.company_reference = _reference_pattern(kb.cues)
        values = kb.attributes["memory_type"].values
        self._memory_types = re.compile(
            r"(?<![A-Za-z0-9])("
            + "|".join(sorted(values, key=len, reverse=True))
            + r")(?![A-Za-z0-9])"
        )

    # --- public ----------------------------------------------------------------------------
    def build(self, document: Document, normalized: NormalizedText | None = None) -> list[Claim]:
        norm = normalized or normalize(document.text)
        return _DocumentBuild(self, document, norm).run()


class _DocumentBuild:
    def __init__(self, builder: ClaimBuilder, document: Document, norm: NormalizedText) -> None:
        self.b = builder
        self.doc = document
        self.norm = norm
        self.text = norm.text
        self.article_date = document.meta.date or norm.meta.date
        mentions = [
            e for e in builder.matcher.find(self.text) if not norm.is_excluded(e.start, e.end)
        ]
        self.entities = mentions
        self._entity_ends = {e.end for e in mentions}
        quantities = find_quantities(
            self.text,
            builder.tolerances,
            names=[(e.start, e.end) for e in mentions],
            offsets=norm.offsets,
            original=norm.original,
        )
        self.quantities = [
            q for q in quantities if not norm.is_excluded(q.norm_span.start, q.norm_span.end)
        ]
        self.dates = [q for q in self.quantities if q.kind is QuantityKind.date]
        self.numbers = sorted(
            (q for q in self.quantities if q.kind is not QuantityKind.date),
            key=lambda q: q.norm_span.start,
        )
        self._number_starts = [q.norm_span.start for q in self.numbers]
        self.article_subject = self._article_subject()
        self.sentences = self._sentences()
        self.drafts: list[_Draft] = []
        self.by_quantity: dict[int, _Draft] = {}
        self._last_cue: tuple[QuantityMention, RelationCue] | None = None
        self._headers: dict[int, tuple[int, list[str]] | None] = {}
        self._rows: dict[int, list[list[int]]] = {}

    # --- sentences, subjects and topics ------------------------------------------------------
    def _sentences(self) -> list[_Sentence]:
        norm = self.norm
        line_starts = [line.start for line in norm.lines]
        entity_starts = [e.start for e in self.entities]
        sentences: list[_Sentence] = []
        topic: str | None = None
        heading: str | None = None
        paragraph = -1
        for index, span in enumerate(norm.sentences):
            if norm.is_excluded(span.start, span.end):
                continue
            line = bisect_right(line_starts, span.start) - 1
            if line != paragraph:
                paragraph = line
                heading = self._heading(line)
            lo = bisect_left(entity_starts, span.start)
            hi = bisect_left(entity_starts, span.end)
            ents = self.entities[lo:hi]
            subject, strategy = self._subject_of(span, ents, topic)
            blocks = strategy == "company_reference_without_subject"
            carried = subject is None and not blocks
            if blocks:
                topic = None  # 该公司… with no company named: nothing to carry on either
            elif subject is None:
                subject = topic
            elif subject == UNKNOWN_MODEL or self.b.kb.kind(subject) in _TOPIC_KINDS:
                topic = subject
            sentences.append(
                _Sentence(
                    index=index,
                    start=span.start,
                    end=span.end,
                    paragraph=paragraph,
                    damaged=norm.is_damaged(span.start, span.end),
                    heading=heading,
                    entities=ents,
                    subject=subject,
                    subject_carried=carried,
                    subject_strategy=strategy,
                    subject_blocks=blocks,
                )
            )
        return sentences

    def _article_subject(self) -> str | None:
        """The company an article is about: the first one its title names (an English title
        counts), or the vendor of the first chip it names."""
        title = self.doc.meta.title or self.norm.meta.title
        if not title:
            return None
        for mention in self.b.matcher.find(alias_key(title)):
            kind = self.b.kb.kind(mention.entity)
            if kind == "company":
                return mention.entity
            spec = self.b.kb.entities.get(mention.entity)
            if spec is not None and spec.vendor and kind in ("chip", "chip_family", "product"):
                return spec.vendor
        return None

    def _heading(self, line_index: int) -> str | None:
        """A label for a paragraph: `显存带宽:` at its start, or a short heading line above."""
        line = self.norm.lines[line_index]
        content = self.text[line.start : line.end].strip()
        m = re.match(r"^([^,，。;；:：]{1,12})[:：]", content)
        if m:
            return m.group(1)
        if line_index > 0:
            previous = self.norm.lines[line_index - 1]
            above = self.text[previous.start : previous.end].strip()
            if 0 < len(above) <= _HEADING_MAX and above[-1] not in "。.;；":
                return above
        return None

    def _subject_of(
        self, span: Span, ents: list[EntityMention], topic: str | None
    ) -> tuple[str | None, str]:
        """The grammatical subject and how it was found: the first entity written before the
        sentence's first number that is not the object of a comparison (比H100, 相比H100,
        对CUDA), or the article's company when a reference (公司, the company) comes first."""
        # 算力提升30%:昇腾910D采用…: the subject comes after a leading label.
        label = _LEADING_LABEL.match(self.text, span.start, span.end)
        body = label.end() if label else span.start
        first_number = next(
            (q.norm_span.start for q in self.numbers if body <= q.norm_span.start < span.end),
            span.end,
        )
        candidates = [
            e
            for e in ents
            if e.start < first_number and not self._is_object(e) and not self._is_modifier(e, ents)
        ]
        specific = [e for e in candidates if self.b.kb.kind(e.entity) != "group"]
        chosen = (specific or candidates)[:1]
        reference = self.b.company_reference.search(self.text, body, first_number)
        if reference and (not chosen or reference.start() < chosen[0].start):
            return self._referent(topic, reference.group().strip())
        return (chosen[0].entity, "subject_of_sentence") if chosen else (None, "none")

    def _referent(self, topic: str | None, word: str) -> tuple[str | None, str]:
        """公司 / the company: the company the text is about so far (the topic, or the vendor
        of the chip that is), else the one the title names, else nobody."""
        if topic is not None and self.b.kb.kind(topic) == "company":
            return topic, f"company_reference:{word}->topic"
        spec = self.b.kb.entities.get(topic) if topic else None
        if spec is not None and spec.vendor:
            return spec.vendor, f"company_reference:{word}->vendor_of_topic"
        if self.article_subject is not None:
            return self.article_subject, f"company_reference:{word}->title"
        return None, "company_reference_without_subject"

    def _is_modifier(self, e: EntityMention, ents: list[EntityMention]) -> bool:
        """OpenAI的竞争对手Anthropic, Nvidia's H200: an entity before 的 or 's and another
        entity is a modifier; so is a vendor written before its own product (英伟达A100,
        寒武纪7nm思元590)."""
        if self._names_own_product(e, ents):
            return True
        if not self.text.startswith(("的", "'s", "’s"), e.end):
            return False
        return any(0 < other.start - e.end <= _MODIFIER_REACH for other in ents)

    def _names_own_product(self, e: EntityMention, ents: list[EntityMention]) -> bool:
        following = next((o for o in ents if o.start >= e.end), None)
        if following is None or following.start - e.end > _MODIFIER_REACH:
            return False
        spec = self.b.kb.entities.get(following.entity)
        if spec is None or _PUNCTUATION.search(self.text, e.end, following.start):
            return False
        if spec.vendor == e.entity:
            return True
        # 第七代TPU加速器"Ironwood": a family written before one of its vendor's chips
        own = self.b.kb.entities.get(e.entity)
        return (
            own is not None
            and own.kind == "chip_family"
            and spec.kind == "chip"
            and own.vendor is not None
            and own.vendor == spec.vendor
        )

    def _is_object(self, e: EntityMention) -> bool:
        if e.start in self._entity_ends:
            return False  # 华为昇腾910C: the 为 of 华为 is no preposition
        before = self.text[max(0, e.start - 4) : e.start].rstrip()
        if any(before.endswith(marker) for marker in _OBJECT_MARKERS):
            return True
        return bool(_OBJECT_MARKERS_EN.search(self.text, max(0, e.start - 30), e.start))

    def _owns(self, e: EntityMention, start: int, attribute: str | None = None) -> bool:
        """Whether entity e, written before a number at `start`, is what the number is about.
        An object of a comparison owns only a value written right after it (相比H100的80GB),
        or after 的 and a word naming the attribute (给H20的定价在1.2万美元)."""
        if not self._is_object(e):
            return True
        between = self.text[e.end : start]
        if _OWNED_VALUE.fullmatch(between):
            return True
        if attribute is None or not between.lstrip().startswith(("的", "'s")):
            return False
        return any(
            attribute in owners
            for _, _, owners in self.b.attributes.cues_in(self.text, e.end, start)
        )

    # --- pass 1: value claims -----------------------------------------------------------------
    def run(self) -> list[Claim]:
        for sentence in self.sentences:
            for q in self._numbers_in(sentence):
                self._value_claim(sentence, q)
            self._memory_type_claims(sentence)
        for sentence in self.sentences:
            for q in self._numbers_in(sentence):
                self._relation_claim(sentence, q)
            self._direction_claims(sentence)
        return self._finish()

    def _numbers_in(self, sentence: _Sentence) -> list[QuantityMention]:
        first = bisect_left(self._number_starts, sentence.start)
        last = bisect_left(self._number_starts, sentence.end)
        return [q for q in self.numbers[first:last] if q.norm_span.end <= sentence.end]

    def _clause_start(self, sentence: _Sentence, pos: int) -> int:
        start = sentence.start
        for m in _CLAUSE.finditer(self.text, sentence.start, pos):
            start = m.end()
        return start

    def _value_claim(self, sentence: _Sentence, q: QuantityMention) -> None:
        clause_end = _CLAUSE.search(self.text, q.norm_span.end, sentence.end)
        choice = self.b.attributes.choose(
            self.text,
            q.norm_span.start,
            q.norm_span.end,
            (sentence.start, sentence.end),
            q.unit,
            sentence.heading,
            surface=q.surface,
            after_window=(clause_end.start() if clause_end else sentence.end) - q.norm_span.end,
        )
        attribute = self._regional(sentence, q, choice.attribute)
        attribute_how = choice.strategy if attribute == choice.attribute else "in_region"
        if attribute is None:
            attribute = self._listed_attribute(sentence, q)
            attribute_how = "listed_after_previous" if attribute else "no_fit"
        if attribute is None and (
            q.kind is QuantityKind.duration or _is_bare(q) or _small_chinese_count(q)
        ):
            return  # 三到五年, 1017新规, 两个阵营: time, a bare number, a word
        unit = q.unit
        if (
            _is_bare(q)
            and attribute is not None
            and self.b.kb.attributes[attribute].unit == "count"
        ):
            unit = "count"  # 7万至8万辆……明年预计将达到15万: the count goes on
        bound = self._entity_for(sentence, q.norm_span.start, q.norm_span.end, attribute)
        entity = bound.entity
        if bound.strategy == "members_of_aggregate":
            attribute, attribute_how = "member_count", bound.strategy
        confidence = _BASE_CONFIDENCE - self._carried_penalty(
            sentence, entity, attribute, bound.carried
        )
        if attribute is None:
            confidence -= _NO_ATTRIBUTE_PENALTY
        if sentence.damaged:
            confidence -= _DAMAGED_PENALTY
        draft = _Draft(
            cue=relation_cue(self.text, sentence.start, q),
            kind=ClaimKind.value,
            start=q.norm_span.start,
            end=q.norm_span.end,
            entity=entity,
            attribute=attribute,
            value=q.value,
            low=q.low,
            high=q.high,
            unit=unit,
            qualifier=q.qualifier.value,
            precision=q.precision,
            sentence=sentence.index,
            scope=self._scope(sentence, q.norm_span.start, q.norm_span.end),
            confidence=round(max(confidence, 0.05), 2),
            quantity=q,
            entity_how=bound.strategy,
            attribute_how=attribute_how,
            rejected=bound.rejected,
        )
        self.drafts.append(draft)
        self.by_quantity[id(q)] = draft

    def _regional(
        self, sentence: _Sentence, q: QuantityMention, attribute: str | None
    ) -> str | None:
        """在中国市场创下171亿美元营收: revenue in one region is that region's revenue."""
        regional = self.b.kb.attributes[attribute].in_region if attribute else None
        clause = self._clause_start(sentence, q.norm_span.start)
        if regional and self.b.scopes.names_region(self.text, clause, q.norm_span.start):
            return regional
        return attribute

    def _listed_attribute(self, sentence: _Sentence, q: QuantityMention) -> str | None:
        """In a list (`H200的TPP约为15832;` / `昇腾910C约为12800;`, or `7万至8万辆。明年预计
        将达到15万`), a number with no cue word states the attribute of the last number of the
        same unit in the sentence just before."""
        for draft in reversed(self.drafts):
            if draft.sentence < sentence.index - 1:
                return None
            earlier = self._sentence(draft.sentence)
            if earlier is None or earlier.paragraph < sentence.paragraph - 1:
                return None
            if (
                draft.quantity is None
                or draft.kind is not ClaimKind.value
                or draft.attribute is None
            ):
                continue
            if draft.unit == q.unit or (_is_bare(q) and draft.unit == "count"):
                return draft.attribute if _comparable(draft, q) else None
        return None

    def _damaged(self, index: int) -> bool:
        sentence = self._sentence(index)
        return sentence is not None and sentence.damaged

    def _sentence(self, index: int) -> _Sentence | None:
        return next((s for s in self.sentences if s.index == index), None)

    def _memory_type_claims(self, sentence: _Sentence) -> None:
        values = self.b.kb.attributes["memory_type"].values
        for m in self.b._memory_types.finditer(self.text, sentence.start, sentence.end):
            # 80GB HBM3 / 141GB的HBM3e: the type belongs to whoever owns the size before it
            sized = [
                d
                for d in self.drafts
                if d.sentence == sentence.index
                and d.quantity is not None
                and d.attribute == "memory_capacity"
                and 0 <= m.start() - d.end <= 2
                and d.entity is not None
            ]
            owner = sized[-1] if sized else None
            possessor = _POSSESSIVE.search(self.text, max(sentence.start, m.start() - 3), m.start())
            if owner is not None:
                bound = _Bound(owner.entity, False, "size_before_type", [])
            elif possessor and not any(e.end == possessor.start() for e in sentence.entities):
                # "the RTX PRO 6000's GDDR7": the memory of a product factcheck does not know
                bound = _Bound(None, False, "abstain:unknown_possessor", [])
            else:
                bound = self._entity_for(sentence, m.start(), m.end(), "memory_type")
            entity, carried = bound.entity, bound.carried
            change = _type_change(self.text, sentence.start, m.start())
            confidence = _BASE_CONFIDENCE - self._carried_penalty(
                sentence, entity, "memory_type", carried
            )
            self.drafts.append(
                _Draft(
                    kind=ClaimKind.value,
                    start=m.start(),
                    end=m.end(),
                    entity=entity,
                    attribute="memory_type",
                    value=values[m.group(1)],
                    low=None,
                    high=None,
                    unit=None,
                    qualifier="exact",
                    precision=Decimal(0),
                    sentence=sentence.index,
                    scope=Scope(condition=change),
                    confidence=round(confidence - (_DAMAGED_PENALTY if sentence.damaged else 0), 2),
                    owner=owner,
                    entity_how=bound.strategy,
                    attribute_how=f"type_word:{m.group(1)}",
                    rejected=bound.rejected,
                )
            )

    def _scope(self, sentence: _Sentence, start: int, end: int) -> Scope:
        clause = self._clause_start(sentence, start)
        period = nearest_period(self.dates, clause, start, self.article_date)
        period = period or nearest_period(self.dates, sentence.start, start, self.article_date)
        if period is None and self.b.scopes.refers_back(self.text, sentence.start, end):
            period = self._earlier_period(sentence)
        condition = self.b.scopes.condition(self.text, clause, end)
        condition = condition or self.b.scopes.sentence_condition(self.text, sentence.start, end)
        respective = self._respective_period(sentence, start, period)
        if respective is not None:
            period, item = respective
            if item is not None:
                condition = _joined(condition, item)
        return Scope(period=period, condition=condition)

    def _respective_period(
        self, sentence: _Sentence, start: int, period: str | None
    ) -> tuple[str | None, str | None] | None:
        """2020年-2024年…净利润分别为-4.35亿元、-8.25亿元…: the n-th number of the list is
        the n-th year's. When the years do not match the list, the items are still different
        facts (`item 2 of 3`), never one fact stated several times."""
        word = self.text.rfind("分别", sentence.start, start)
        if word == -1:
            return None
        following = self.text.find("分别", word + 2, sentence.end)
        end = sentence.end if following == -1 else following
        numbers = [q for q in self._numbers_in(sentence) if word < q.norm_span.start < end]
        target = next((q for q in numbers if q.norm_span.start == start), None)
        if target is None:
            return None
        peers = [q for q in numbers if q.unit == target.unit]
        if len(peers) < 2:
            return None
        index = peers.index(target)
        years = _YEAR_SPAN.fullmatch(period or "")
        if years is not None and int(years[2]) - int(years[1]) + 1 == len(peers):
            return f"{int(years[1]) + index:04d}", None
        return period, f"item {index + 1} of {len(peers)}"

    def _earlier_period(self, sentence: _Sentence) -> str | None:
        for earlier in reversed(self.sentences[: self.sentences.index(sentence)]):
            if earlier.paragraph < sentence.paragraph - 2:
                break
            period = nearest_period(self.dates, earlier.start, earlier.end, self.article_date)
            if period:
                return period
        return None

    # --- which entity -------------------------------------------------------------------------
    def _fits(self, entity: str, attribute: str | None) -> bool:
        if attribute is None or entity == UNKNOWN_MODEL:
            return True
        wanted = self.b.kb.attributes[attribute].subject
        kind = self.b.kb.kind(entity)
        if kind == "aggregate" and kind not in wanted:
            kind = "chip"  # a system has a chip's dimensions, never its identity
        return not wanted or kind in wanted

    def _entity_for(
        self, sentence: _Sentence, start: int, end: int, attribute: str | None
    ) -> _Bound:
        """The entity a number (at start..end) is about, the strategy that found it, and the
        candidates passed over. Strategies are tried from the surest to the least sure."""
        rejected: list[str] = []
        strategies = (
            self._by_table_column,
            self._by_parenthesis,
            self._by_respectively,
            self._by_following_noun,
        )
        for strategy in strategies:
            bound = strategy(sentence, start, end, attribute, rejected)
            if bound is not None:
                return bound
        return self._by_clause(sentence, start, end, attribute, rejected)

    def _by_table_column(
        self, sentence: _Sentence, start: int, end: int, attribute: str | None, rejected: list[str]
    ) -> _Bound | None:
        """参数 H200 H20 … 显存带宽 4.8TB/s ~1TB/s: a table flattened into text. After a header
        row of names, a row's values written side by side belong to the columns in order."""
        header = self._table_header(sentence)
        if header is None or start < header[0]:
            return None
        names = header[1]
        row = next((row for row in self._table_rows(sentence, header[0]) if start in row), None)
        if row is None or len(row) != len(names):
            return None
        column = row.index(start)
        if not self._fits(names[column], attribute):
            return None
        return _Bound(names[column], False, f"table_column:{column + 1}", rejected)

    def _table_header(self, sentence: _Sentence) -> tuple[int, list[str]] | None:
        """The end of the first run of two or more names separated only by spaces, and the
        names (a table's header row); worked out once per sentence."""
        if sentence.index not in self._headers:
            self._headers[sentence.index] = self._find_header(sentence)
        return self._headers[sentence.index]

    def _find_header(self, sentence: _Sentence) -> tuple[int, list[str]] | None:
        run: list[EntityMention] = []
        for e in sentence.entities:
            spaced = run and e.start > run[-1].end and not self.text[run[-1].end : e.start].strip()
            if spaced:
                run.append(e)
                continue
            if len(run) >= 2:
                break
            run = [e]
        if len(run) < 2 or len({e.entity for e in run}) < len(run):
            return None
        return run[-1].end, [e.entity for e in run]

    def _table_rows(self, sentence: _Sentence, after: int) -> list[list[int]]:
        """The rows of a table body beginning at `after`: the starts of values written side
        by side (only spaces between); worked out once per sentence."""
        if sentence.index not in self._rows:
            self._rows[sentence.index] = self._find_rows(sentence, after)
        return self._rows[sentence.index]

    def _find_rows(self, sentence: _Sentence, after: int) -> list[list[int]]:
        values = sorted(
            [(q.norm_span.start, q.norm_span.end) for q in self._numbers_in(sentence)]
            + [m.span() for m in self.b._memory_types.finditer(self.text, after, sentence.end)]
        )
        values = [v for v in values if v[0] >= after]
        groups: list[list[tuple[int, int]]] = []
        for value in values:
            if groups and not self.text[groups[-1][-1][1] : value[0]].strip(" \t"):
                groups[-1].append(value)
            else:
                groups.append([value])
        return [[v[0] for v in group] for group in groups]

    def _by_parenthesis(
        self, sentence: _Sentence, start: int, end: int, attribute: str | None, rejected: list[str]
    ) -> _Bound | None:
        """H20(96GB HBM3): the owner of the parenthesis."""
        paren = self.text.rfind("(", sentence.start, start)
        if paren == -1 or self.text.find(")", paren, start) != -1:
            return None
        owner = [e for e in sentence.entities if e.end == paren]
        if not owner:
            return None
        if self._fits(owner[0].entity, attribute):
            return _Bound(owner[0].entity, False, "paren_owner", rejected)
        rejected.append(f"{owner[0].entity}: has no {attribute}")
        return None

    def _by_respectively(
        self, sentence: _Sentence, start: int, end: int, attribute: str | None, rejected: list[str]
    ) -> _Bound | None:
        distributed = self._respectively(sentence, start)
        return None if distributed is None else _Bound(distributed, False, "respectively", rejected)

    def _by_following_noun(
        self, sentence: _Sentence, start: int, end: int, attribute: str | None, rejected: list[str]
    ) -> _Bound | None:
        """约4万~8万颗H200芯片: the entity right after the number and its classifier."""
        reach = _NOUN_REACH if self._counted(start, end) else 1
        after = [
            e
            for e in sentence.entities
            if 0 <= e.start - end <= reach and not _PUNCTUATION.search(self.text[end : e.start])
        ]
        if not after:
            return None
        system = self._aggregate_in_clause(sentence, start)
        if system is not None and self._counts_chips(start, end, attribute):
            # Atlas 950超节点支持8192张昇腾卡: the chips counted are the system's members
            rejected.append(f"{after[0].entity}: the chips counted, not the counter")
            return _Bound(system, False, "members_of_aggregate", rejected)
        if self._fits(after[0].entity, attribute):
            return _Bound(after[0].entity, False, "noun_after_number", rejected)
        rejected.append(f"{after[0].entity}: has no {attribute}")
        return None

    def _aggregate_in_clause(self, sentence: _Sentence, start: int) -> str | None:
        clause = self._clause_start(sentence, start)
        systems = [
            e.entity
            for e in sentence.entities
            if clause <= e.start
            and e.end <= start
            and self.b.kb.kind(e.entity) == "aggregate"
            and not self._is_object(e)
        ]
        return systems[-1] if systems else None

    def _counts_chips(self, start: int, end: int, attribute: str | None) -> bool:
        counted = attribute is None or self.b.kb.attributes[attribute].unit == "count"
        return counted and self.text[start:end].rstrip().endswith(_CHIP_CLASSIFIERS)

    def _by_clause(
        self, sentence: _Sentence, start: int, end: int, attribute: str | None, rejected: list[str]
    ) -> _Bound:
        text, ents = self.text, sentence.entities
        clause = self._clause_start(sentence, start)
        in_clause = [e for e in ents if clause <= e.start and e.end <= start]
        for e in reversed(in_clause):
            if not self._fits(e.entity, attribute):
                rejected.append(f"{e.entity}: has no {attribute}")
            elif self._names_own_product(e, ents):
                rejected.append(f"{e.entity}: vendor named before its product")
            elif self._is_ratio_base(e, start):
                rejected.append(f"{e.entity}: base of a ratio")
            elif not self._owns(e, start, attribute):
                rejected.append(f"{e.entity}: object of a comparison")
            else:
                return _Bound(e.entity, False, "nearest_in_clause", rejected)
        agent = passive_agent_start(text, end)
        if agent is not None:
            for e in ents:
                if e.start == agent and self._fits(e.entity, attribute):
                    return _Bound(e.entity, False, "passive_agent", rejected)
        subjects = [e for e in in_clause if not self._is_object(e)]
        if (
            subjects
            and attribute is not None
            and not any(self._fits(e.entity, attribute) for e in in_clause)
        ):
            # 中芯国际14nm工艺良率: the clause is about its own entity, which has no such
            # attribute; a chip named earlier is not what it describes.
            return _Bound(None, False, "abstain:clause_about_another_entity", rejected)
        if _CLASS_NOUN.match(text, end) and not in_clause and not self._counted(start, end):
            return _Bound(None, False, "abstain:chips_of_a_kind", rejected)  # 设计28nm芯片的成本
        if sentence.subject and self._fits(sentence.subject, attribute):
            strategy = "carried_topic" if sentence.subject_carried else sentence.subject_strategy
            return _Bound(sentence.subject, sentence.subject_carried, strategy, rejected)
        if sentence.subject_blocks:
            return _Bound(None, False, f"abstain:{sentence.subject_strategy}", rejected)
        earlier = [e for e in ents if e.end <= start and not self._is_object(e)]
        for e in reversed(earlier):
            if self._fits(e.entity, attribute):
                return _Bound(e.entity, False, "earlier_in_sentence", rejected)
        if (
            sentence.subject
            and not sentence.subject_carried
            and not any(self._fits(e.entity, attribute) for e in ents)
        ):
            # 三星…HBM3E已量产: the sentence is about its own subject, which has no such
            # attribute, and names nothing that has; a chip of an earlier paragraph is not
            # what it describes.
            return _Bound(None, False, "abstain:subject_has_no_such_attribute", rejected)
        topic = self._topic(sentence, attribute)
        if topic is None:
            return _Bound(None, False, "abstain:no_topic", rejected)
        return _Bound(topic, True, "carried_topic", rejected)

    def _is_ratio_base(self, e: EntityMention, start: int) -> bool:
        """逼近A100的80%, 相当于H100的2倍: a percentage or multiple of an entity is a ratio of
        the subject to it; the entity is its base, not its owner."""
        if not _OF_NUMBER.fullmatch(self.text, e.end, start):
            return False
        window = _PUNCTUATION.split(self.text[max(0, e.start - _COMPARISON_REACH) : e.start])[-1]
        if _COMPARED_WITH.search(window):
            return False  # 低于(另一家厂商)摩尔线程的0.036%: a compared object states its own
        index = bisect_left(self._number_starts, start)
        if index == len(self.numbers) or self._number_starts[index] != start:
            return False
        q = self.numbers[index]
        return q.unit == "percent" or is_multiple(q)

    def _counted(self, start: int, end: int) -> bool:
        """第二代图形处理器GP201, 4万颗H200: a classifier or 代 that introduces a noun."""
        return self.text[end - 1 : end] in _COUNTING_WORDS

    def _carried_penalty(
        self, sentence: _Sentence, entity: str | None, attribute: str | None, carried: bool
    ) -> float:
        """Less confidence for an entity carried from an earlier sentence, and less again when
        that sentence names a rival the figure could equally describe."""
        if not carried:
            return 0.0
        rival = entity is not None and self._rival_in_source(sentence, entity, attribute)
        return _CARRIED_PENALTY + (_AMBIGUOUS_PENALTY if rival else 0.0)

    def _rival_in_source(self, sentence: _Sentence, topic: str, attribute: str | None) -> bool:
        """H100 is 6.68 times faster than H20. The GPU has a 400W TDP: the sentence the topic
        was carried from names another entity the figure could equally describe."""
        position = self.sentences.index(sentence)
        for earlier in reversed(self.sentences[max(0, position - _TOPIC_REACH) : position]):
            named = {e.entity for e in earlier.entities}
            if topic in named:
                return any(
                    other != topic
                    and self._fits(other, attribute)
                    and self.b.kb.kind(other) == self.b.kb.kind(topic)
                    for other in named
                )
        return False

    def _topic(self, sentence: _Sentence, attribute: str | None) -> str | None:
        """The most recent subject of an earlier sentence that fits the attribute."""
        position = self.sentences.index(sentence)
        earlier_sentences = self.sentences[max(0, position - _TOPIC_REACH) : position]
        for earlier in reversed(earlier_sentences):
            if earlier.subject and not earlier.subject_carried:
                if self._fits(earlier.subject, attribute):
                    return earlier.subject
                if (
                    earlier.paragraph == sentence.paragraph
                    and self.b.kb.kind(earlier.subject) == "company"
                    and not any(self._fits(e.entity, attribute) for e in earlier.entities)
                ):
                    # 三星…。HBM4…较上一代HBM3E: the paragraph is about a company and none
                    # of its chips; a chip of an earlier paragraph is not what it describes.
                    return None
        for earlier in reversed(earlier_sentences):  # no subject fits: any entity that does
            for e in reversed(earlier.entities):
                if (
                    self._fits(e.entity, attribute)
                    and self.b.kb.kind(e.entity) != "group"
                    and not self._is_object(e)
                ):
                    return e.entity
        return None

    def _respectively(self, sentence: _Sentence, start: int) -> str | None:
        """摩尔线程、沐曦股份…分别下跌6.32%和7.03%: the n-th number goes to the n-th entity."""
        word = self.text.find("分别", sentence.start, start)
        if word == -1:
            return None
        owners = [e.entity for e in sentence.entities if e.end <= word]
        numbers = [q for q in self._numbers_in(sentence) if q.norm_span.start > word]
        index = next((i for i, q in enumerate(numbers) if q.norm_span.start == start), None)
        if index is None or len(owners) < len(numbers) or not numbers:
            return None
        return owners[len(owners) - len(numbers) + index]

    # --- pass 2: relations ----------------------------------------------------------------------
    def _relation_claim(self, sentence: _Sentence, q: QuantityMention) -> None:
        if id(q) not in self.by_quantity:
            return
        draft = self.by_quantity[id(q)]
        cue = draft.cue or self._continued_cue(q)
        if cue is None:
            return
        draft.cue = cue
        self._last_cue = (q, cue)
        if cue.kind is ClaimKind.conversion:
            self._conversion(sentence, q, draft, cue)
            return
        if cue.kind is ClaimKind.cagr:
            self._cagr(sentence, q, draft, cue)
            return
        subject_attribute = self._relation_attribute(sentence, cue, q, draft)
        base_entity, base_value = self._base(sentence, cue, q, subject_attribute)
        if (
            subject_attribute is not None
            and self.b.kb.attributes[subject_attribute].relation_only
            and base_value is not None
            and base_value.attribute is not None
        ):
            # 性能是GB200 NVL72(约140 PetaFLOPS)的两倍: the figures written say what is compared
            subject_attribute = base_value.attribute
        subject_entity = self._relation_subject(
            sentence, cue, base_entity, subject_attribute, draft
        )
        if (
            cue.kind is ClaimKind.ratio
            and q.unit == "percent"
            and (base_entity is None or base_entity == subject_entity or subject_attribute is None)
        ):
            # 是总收入的19%: a percentage of something that is not another entity's same
            # attribute is a value (a share or a rate), not a ratio of two figures.
            draft.cue = None
            self._last_cue = None
            return
        subject_value = self._subject_value(sentence, cue, subject_entity, subject_attribute, q)
        if base_value is None and base_entity is not None and subject_attribute is not None:
            base_value = self._lookup(base_entity, subject_attribute, cue.cue_start, exclude=q)
        own_bound = q.qualifier not in (Qualifier.exact, Qualifier.approx)
        qualifier = q.qualifier if own_bound or cue.qualifier is None else cue.qualifier
        low, high = q.low, q.high
        if cue.qualifier is not None and not own_bound and q.value is not None:
            low, high, *_ = point_interval(q.value, q.precision, cue.qualifier, self.b.tolerances)
        value, low, high = _signed(q.value, low, high, cue.sign)
        if draft.attribute is None and subject_attribute is not None:
            # 76% has no attribute of its own; the relation gives it the operands' one.
            draft.confidence = round(draft.confidence + _NO_ATTRIBUTE_PENALTY, 2)
        draft.kind = cue.kind
        draft.start = min(draft.start, cue.cue_start)
        if subject_entity != draft.entity:
            draft.entity_how = "relation_subject"
        if subject_attribute != draft.attribute:
            draft.attribute_how = "relation_operands"
        draft.entity = subject_entity
        draft.attribute = subject_attribute
        draft.value, draft.low, draft.high = value, low, high
        draft.qualifier = qualifier.value
        if cue.condition:
            draft.scope = Scope(period=draft.scope.period, condition=cue.condition)
        if cue.kind is ClaimKind.share:
            whole = base_value or self._previous_value(sentence, cue.cue_start)
            part = None
            if base_value is None and whole is not None:
                # 营收100亿元,其中数据中心30亿元,占比30%: the nearest amount is the part, the
                # one before it (in the same unit) the whole.
                earlier = self._previous_value(sentence, whole.start)
                if (
                    earlier is not None
                    and earlier.unit == whole.unit
                    and earlier.unit
                    and _larger(earlier, whole)
                ):
                    # a whole is larger than its part: 增持40.84万股,至681.49万股 is no whole
                    part, whole = whole, earlier
            draft.operands = [("whole", whole, base_entity, None)]
            if part is not None:
                draft.operands.insert(0, ("part", part, part.entity, part.attribute))
            if draft.attribute is None:
                draft.attribute = self.b.attributes.choose(
                    self.text,
                    q.norm_span.start,
                    q.norm_span.end,
                    (sentence.start, sentence.end),
                    "percent",
                    sentence.heading,
                ).attribute
            return
        draft.operands = [
            ("subject", subject_value, subject_entity, subject_attribute),
            ("base", base_value, base_entity, subject_attribute),
        ]

    def _continued_cue(self, q: QuantityMention) -> RelationCue | None:
        """分别下跌6.32%和7.03%: a number joined to the previous one shares its relation."""
        if self._last_cue is None:
            return None
        previous, cue = self._last_cue
        between = self.text[previous.norm_span.end : q.norm_span.start]
        if previous.unit != q.unit or not _JOINED.fullmatch(between):
            return None
        return replace(cue, cue_start=q.norm_span.start, base_start=None, base_end=None)

    def _base(
        self, sentence: _Sentence, cue: RelationCue, q: QuantityMention, attribute: str | None
    ) -> tuple[str | None, _Draft | None]:
        if cue.base_start is None or cue.base_end is None:
            return None, None
        base_text = self.text[cue.base_start : cue.base_end]
        inside = [
            e for e in sentence.entities if cue.base_start <= e.start and e.end <= cue.base_end + 1
        ]
        entity: str | None = inside[-1].entity if inside else None
        for pronoun, meaning in _PRONOUNS.items():
            if base_text.strip().endswith(pronoun):
                entity = self._pronoun(sentence, cue.base_start, meaning)
        # A value written with the base: 相比H100的80GB / H20(96GB HBM3) / 两倍(80GB, 3.35TB/s)
        candidates = [
            self.by_quantity[id(n)]
            for n in self._numbers_in(sentence)
            if id(n) in self.by_quantity
            and n is not q
            and (
                cue.base_start <= n.norm_span.start < cue.base_end + _BASE_VALUE_GAP
                or self._in_paren_after(n, q, cue)
            )
        ]
        if cue.kind is ClaimKind.share:
            return entity, candidates[0] if candidates else None
        for draft in candidates:
            # The values written with the base are the base's, also when its name is unknown
            # (几乎是H10的两倍(80GB HBM3,3.35TB/秒): H10 is no known chip).
            draft.entity = entity
            if entity is None:
                draft.confidence = round(max(draft.confidence - _CARRIED_PENALTY, 0.05), 2)
        # (80GB HBM3, 3.35TB/秒) after "bandwidth … twice": the value of the same attribute
        matching = [d for d in candidates if d.attribute == attribute]
        chosen = matching or candidates
        return entity, chosen[0] if chosen else None

    def _in_paren_after(self, n: QuantityMention, q: QuantityMention, cue: RelationCue) -> bool:
        """A parenthesis right after the base name or right after the relation's number."""
        for anchor in (cue.base_end or -1, q.norm_span.end):
            if anchor < 0:
                continue
            rest = self.text[anchor : n.norm_span.start]
            if re.fullmatch(r"\d?\s*\([^()]*", rest):
                return True
        return False

    def _pronoun(self, sentence: _Sentence, before: int, meaning: str) -> str | None:
        earlier = [e.entity for e in self.entities if e.end <= before]
        distinct: list[str] = []
        for entity in reversed(earlier):
            if entity not in distinct:
                distinct.append(entity)
        if meaning == "latter" and distinct:
            return distinct[0]
        if meaning == "former" and len(distinct) > 1:
            return distinct[1]
        return sentence.subject

    def _relation_attribute(
        self, sentence: _Sentence, cue: RelationCue, q: QuantityMention, draft: _Draft
    ) -> str | None:
        if cue.kind is ClaimKind.difference:
            return draft.attribute
        if cue.kind is ClaimKind.share:
            clause_end = _CLAUSE.search(self.text, q.norm_span.end, sentence.end)
            return self.b.attributes.choose(
                self.text,
                q.norm_span.start,
                q.norm_span.end,
                (sentence.start, sentence.end),
                "percent",
                None,
                after_window=(clause_end.start() if clause_end else sentence.end) - q.norm_span.end,
            ).attribute
        clause = self._clause_start(sentence, cue.cue_start)
        window = (max(sentence.start, clause - 2), q.norm_span.end)
        best = None
        for start, end, owners in self.b.attributes.cues_in(self.text, *window):
            if cue.base_start is not None and cue.base_start <= start < (cue.base_end or 0):
                continue  # a cue inside the base phrase describes the base
            numeric = [a for a in owners if not self.b.kb.attributes[a].categorical]
            if numeric and end <= q.norm_span.start:
                best = numeric[0]
        if best is not None:
            return best
        previous = self._previous_value(sentence, cue.cue_start)
        if previous is not None and previous.attribute is not None:
            return previous.attribute
        if sentence.heading:
            for _, _, owners in self.b.attributes.cues_in(
                sentence.heading, 0, len(sentence.heading)
            ):
                return owners[0]
        return None

    def _relation_subject(
        self,
        sentence: _Sentence,
        cue: RelationCue,
        base: str | None,
        attribute: str | None,
        draft: _Draft,
    ) -> str | None:
        distributed = self._respectively(sentence, cue.cue_start if cue.base_start else draft.start)
        if distributed is not None:
            return distributed  # 分别下跌6.32%和7.03%
        if cue.kind is ClaimKind.share and draft.entity is not None:
            return draft.entity  # 其中四分之一将被美国政府…: found with the number
        before = [
            e
            for e in sentence.entities
            if e.end <= cue.cue_start
            and e.entity != base
            and not self._is_object(e)
            and self._fits(e.entity, attribute)
        ]
        if before:
            return before[-1].entity
        if sentence.subject not in (None, base) and self._fits(sentence.subject or "", attribute):
            return sentence.subject
        previous = self._previous_value(sentence, cue.cue_start)
        if previous is not None and previous.entity not in (None, base):
            return previous.entity
        topic = self._topic(sentence, attribute)
        return topic if topic != base else draft.entity

    def _subject_value(
        self,
        sentence: _Sentence,
        cue: RelationCue,
        entity: str | None,
        attribute: str | None,
        q: QuantityMention,
    ) -> _Draft | None:
        candidates = [
            d
            for d in self.drafts
            if _plain_value(d)
            and d.sentence == sentence.index
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
            return self._lookup(entity, attribute, cue.cue_start, exclude=q)
        return None

    def _previous_value(self, sentence: _Sentence, before: int) -> _Draft | None:
        candidates = [
            d
            for d in self.drafts
            if _plain_value(d) and d.sentence == sentence.index and d.end <= before
        ]
        return candidates[-1] if candidates else None

    def _lookup(
        self, entity: str, attribute: str, near: int, exclude: QuantityMention | None = None
    ) -> _Draft | None:
        """A value claim of the document for (entity, attribute): one stated without a
        condition first, then the nearest, preceding ones before following ones."""
        found = [
            d
            for d in self.drafts
            if _plain_value(d)
            and d.entity == entity
            and d.attribute == attribute
            and d.quantity is not exclude
        ]
        if not found:
            return None
        return min(
            found,
            key=lambda d: (d.scope.condition is not None, d.start > near, abs(d.start - near)),
        )

    def _conversion(
        self, sentence: _Sentence, q: QuantityMention, draft: _Draft, cue: RelationCue
    ) -> None:
        source = self._previous_value(sentence, cue.cue_start)
        if source is None:
            return
        draft.kind = ClaimKind.conversion
        draft.start = min(draft.start, cue.cue_start)
        if draft.entity is None:
            draft.entity = source.entity
        draft.operands = [("source", source, source.entity, source.attribute)]

    def _cagr(
        self, sentence: _Sentence, q: QuantityMention, draft: _Draft, cue: RelationCue
    ) -> None:
        """从2022年的0.46亿元上升至2024年的4.38亿元,年复合增长率高达208.44%."""
        earlier = [
            d
            for d in self.drafts
            if _plain_value(d)
            and d.sentence == sentence.index
            and d.end <= cue.cue_start
            and d.unit not in ("percent", None)
        ]
        if len(earlier) < 2:
            return
        start, end = earlier[-2], earlier[-1]
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
        draft.scope = Scope(period=periods, condition=f"labelled {label}" if label else None)
        draft.operands = [
            ("start", start, start.entity, start.attribute),
            ("end", end, end.entity, end.attribute),
        ]

    # --- direction words --------------------------------------------------------------------------
    def _direction_claims(self, sentence: _Sentence) -> None:
        for cue in direction_cues(self.text, sentence.start, sentence.end):
            self._direction_claim(sentence, cue)
        for q in self._numbers_in(sentence):
            self._change_claim(sentence, q)
        for start, end, direction in comparatives(self.text, sentence.start, sentence.end):
            self._comparative_claim(sentence, start, end, direction)

    def _comparative_claim(
        self, sentence: _Sentence, start: int, end: int, direction: Direction
    ) -> None:
        """沐曦的增长更为可观,…复合增长率4074.52%: this sentence's subject against the previous
        sentence's, on the figure both state (the same kind of claim, the same unit)."""
        position = self.sentences.index(sentence)
        subject = sentence.subject
        if position == 0 or subject is None:
            return
        previous = self.sentences[position - 1]
        base_claims = [
            d
            for d in self.drafts
            if d.sentence == previous.index
            and d.quantity is not None
            and d.entity not in (None, subject)
        ]
        if not base_claims:
            return
        base = base_claims[-1]
        mine = [
            d
            for d in self.drafts
            if d.sentence == sentence.index
            and d.start >= end
            and d.entity == subject
            and d.quantity is not None
            and d.unit == base.unit
            and d.kind is base.kind
        ]
        if not mine:
            return
        subject_claim = mine[-1]
        own = [e for e in sentence.entities if e.entity == subject and e.end <= start]
        self.drafts.append(
            _Draft(
                kind=ClaimKind.direction,
                start=own[0].start if own else start,
                end=end,
                entity=subject,
                entity_how="comparative_subject",
                attribute=subject_claim.attribute,
                value=direction.value,
                low=None,
                high=None,
                unit=None,
                qualifier=None,
                precision=Decimal(0),
                sentence=sentence.index,
                scope=Scope(),
                confidence=round(_BASE_CONFIDENCE - _CARRIED_PENALTY, 2),
                operands=[
                    ("subject", subject_claim, subject, subject_claim.attribute),
                    ("base", base, base.entity, base.attribute),
                ],
            )
        )

    def _change_claim(self, sentence: _Sentence, q: QuantityMention) -> None:
        """这一比例已经降至14% / 从13%骤降至5%: the new value against the one it changed from."""
        draft = self.by_quantity.get(id(q))
        if draft is None or not _plain_value(draft) or draft.attribute is None:
            return
        clause = self._clause_start(sentence, q.norm_span.start)
        direction = change_to(self.text, clause - 1, q.norm_span.start)
        if direction is None and not from_to(self.text, clause, q.norm_span.start):
            return
        earlier = [
            d
            for d in self.drafts
            if _plain_value(d)
            and d.attribute == draft.attribute
            and d.end <= q.norm_span.start
            and d.unit == draft.unit
            and d is not draft
            and (self._sentence(d.sentence) or sentence).paragraph >= sentence.paragraph - 1
        ]
        if not earlier:
            return
        before = earlier[-1]
        before.scope = Scope(
            period=before.scope.period,
            condition=_joined(before.scope.condition, "before the change"),
        )
        draft.scope = Scope(
            period=draft.scope.period, condition=_joined(draft.scope.condition, "after the change")
        )
        if direction is None:
            return  # "from 80GB to 141GB": scoped, but no direction word to check
        verb_start = self.text.rfind(
            self.text[q.norm_span.start - 1], before.end, q.norm_span.start
        )
        self.drafts.append(
            _Draft(
                kind=ClaimKind.direction,
                start=max(before.end, verb_start - 3),
                end=draft.end,
                entity=draft.entity,
                entity_how="changed_value_owner",
                attribute=draft.attribute,
                value=direction.value,
                low=None,
                high=None,
                unit=None,
                qualifier=None,
                precision=Decimal(0),
                sentence=sentence.index,
                scope=Scope(period=draft.scope.period),
                confidence=round(
                    _BASE_CONFIDENCE - (_DAMAGED_PENALTY if sentence.damaged else 0), 2
                ),
                operands=[
                    ("subject", draft, draft.entity, draft.attribute),
                    ("base", before, before.entity, before.attribute),
                ],
            )
        )

    def _direction_claim(self, sentence: _Sentence, cue: DirectionCue) -> None:
        text = self.text
        base_entity: str | None = None
        base_value: _Draft | None = None
        if cue.base_after and self.text.startswith(("难以", "无法"), cue.start):
            # 难以重现过往90%以上的垄断格局: the base is the value written after the words
            after = [d for d in self.drafts if _plain_value(d) and 0 <= d.start - cue.end <= 6]
            if not after:
                return
            base_value = after[0]
            base_entity = base_value.entity
            phrase_start = cue.start
        elif cue.base_after:
            following = [e for e in sentence.entities if 0 <= e.start - cue.end <= 12]
            chips = [e for e in following if self.b.kb.kind(e.entity) in ("chip", "chip_family")]
            following = chips or following  # 低于英伟达最新的Blackwell架构芯片: the chip
            if not following:
                return
            base_entity = following[0].entity
            base_end = following[0].end
            inline = [
                d
                for d in self.drafts
                if d.sentence == sentence.index
                and d.kind is ClaimKind.value
                and d.quantity is not None
                and base_end <= d.start <= base_end + 16
                and re.fullmatch(r"[的(\s]*", text[base_end : d.start])
            ]
            base_value = inline[0] if inline else None
            phrase_start = cue.start
        else:
            if cue.base_start is None or cue.base_end is None:
                return
            inside = [e for e in sentence.entities if cue.base_start <= e.start < cue.base_end]
            inline = [
                d
                for d in self.drafts
                if d.sentence == sentence.index
                and d.kind is ClaimKind.value
                and d.quantity is not None
                and cue.base_start <= d.start < cue.end
            ]
            base_value = inline[0] if inline else None
            if not inside and base_value is None:
                return
            base_entity = inside[0].entity if inside else base_value.entity if base_value else None
            phrase_start = cue.base_start
        attribute = base_value.attribute if base_value is not None else None
        clause = self._clause_start(sentence, phrase_start)
        cues = self.b.attributes.cues_in(text, clause, cue.start)
        numeric_cues = [
            owners[0]
            for s, _, owners in cues
            if not self.b.kb.attributes[owners[0]].categorical
            and not (base_value is not None and base_value.start <= s < base_value.end + 4)
        ]
        if attribute is None and numeric_cues:
            attribute = numeric_cues[-1]
        subject_value = None
        earlier = [
            d
            for d in self.drafts
            if d.sentence == sentence.index
            and _plain_value(d)
            and d.end <= phrase_start
            and (attribute is None or d.attribute == attribute)
            and d is not base_value
            and (base_value is not None or d.entity != base_entity)
        ]
        if earlier:
            own = [d for d in earlier if d.entity == sentence.subject]
            subject_value = (own or earlier)[-1]
            attribute = attribute or subject_value.attribute
        subject_entity = subject_value.entity if subject_value else None
        if subject_entity is None:
            subject_entity = next(
                (
                    e.entity
                    for e in reversed(sentence.entities)
                    if e.end <= phrase_start and e.entity != base_entity and not self._is_object(e)
                ),
                None,
            )
            if subject_entity is None and sentence.subject != base_entity:
                subject_entity = sentence.subject
        if attribute is None or (subject_entity is None and subject_value is None):
            return
        if subject_value is None and subject_entity is not None:
            subject_value = self._lookup(subject_entity, attribute, cue.start)
        if base_value is None and base_entity is not None:
            base_value = self._lookup(base_entity, attribute, cue.start)
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
        self.drafts.append(
            _Draft(
                kind=ClaimKind.direction,
                start=min(phrase_start, cue.start),
                end=span_end,
                entity=subject_entity,
                entity_how="direction_subject",
                attribute=attribute,
                value=cue.direction.value,
                low=None,
                high=None,
                unit=None,
                qualifier=None,
                precision=Decimal(0),
                sentence=sentence.index,
                scope=Scope(),
                confidence=round(
                    _BASE_CONFIDENCE - (_DAMAGED_PENALTY if sentence.damaged else 0), 2
                ),
                operands=[
                    ("subject", subject_value, subject_entity, attribute),
                    ("base", base_value, base_entity, attribute),
                ],
            )
        )

    # --- ids and the final claims ---
    def _finish(self) -> list[Claim]:
        for draft in self.drafts:
            if draft.owner is not None:
                if draft.entity != draft.owner.entity:
                    draft.entity_how = "size_before_type"
                draft.entity = draft.owner.entity
                draft.confidence = min(draft.confidence, draft.owner.confidence)
        for draft in self.drafts:
            if draft.entity == UNKNOWN_MODEL:  # never a guess: unknown, and said so
                draft.entity = None
                draft.entity_how = "abstain:unknown_model_of_known_family"
                draft.confidence = min(draft.confidence, _UNKNOWN_CONFIDENCE)
            draft.operands = [
                (role, target, None if entity == UNKNOWN_MODEL else entity, attribute)
                for role, target, entity, attribute in draft.operands
            ]
        self.drafts.sort(key=lambda d: (d.start, d.end, d.kind.value))
        for number, draft in enumerate(self.drafts, start=1):
            draft.id = f"{self.doc.id}#c{number}"
        claims = []
        for draft in self.drafts:
            span = self.norm.to_original(draft.start, draft.end)
            operands = [
                Operand(
                    role=role,
                    claim=target.id if target else None,
                    entity=entity,
                    attribute=attribute,
                )
                for role, target, entity, attribute in draft.operands
            ]
            claims.append(
                Claim(
                    id=draft.id,
                    document=self.doc.path,
                    span=(span.start, span.end),
                    quote=self.doc.text[span.start : span.end],
                    entity=draft.entity,
                    attribute=draft.attribute,
                    scope=draft.scope,
                    kind=draft.kind,
                    value=draft.value,
                    low=draft.low,
                    high=draft.high,
                    unit=draft.unit,
                    qualifier=draft.qualifier,
                    operands=operands,
                    confidence=draft.confidence,
                    binding=Binding(
                        entity=draft.entity_how,
                        attribute=draft.attribute_how,
                        rejected=draft.rejected,
                    ),
                    precision=draft.precision,
                    sentence=draft.sentence,
                    damaged=self._damaged(draft.sentence),
                )
            )
        return claims


_POSSESSIVE = re.compile(r"(?:'s|’s)\s*$")
_TYPE_FROM = re.compile(r"(?:\bfrom|从)\s*$")
_TYPE_TO = re.compile(r"(?:\bfrom|从)\s*\w+\s*(?:\bto|至|到|升级到|升级至)\s*$")


def _type_change(text: str, sentence_start: int, start: int) -> str | None:
    """`jumps from HBM3 to HBM3e`, `从HBM3升级到HBM3e`: the memory type before or after."""
    window = text[max(sentence_start, start - 24) : start]
    if _TYPE_FROM.search(window):
        return "before the change"
    if _TYPE_TO.search(window):
        return "after the change"
    return None


def _reference_pattern(cues: CueSpec) -> re.Pattern[str]:
    """公司 / 该公司 / the company at the start of a clause, not 可比公司 or 上市公司."""
    words = "|".join(re.escape(w) for w in sorted(cues.company_references, key=len, reverse=True))
    blockers = "".join(f"(?<!{re.escape(b)})" for b in cues.reference_blockers)
    boundary = r"(?:^|(?<=[\s,，。;；:：、\-—(（\[【'“]))"
    return re.compile(rf"{boundary}(?:在|据|而)?{blockers}(?:{words})(?![a-z])", re.I)


def _joined(first: str | None, second: str) -> str:
    return second if not first else f"{first}, {second}"


def _small_chinese_count(q: QuantityMention) -> bool:
    return q.unit == "count" and q.surface[:1] in "两二三四五六七八九" and (q.value or 10) < 10


def _larger(first: _Draft, second: _Draft) -> bool:
    return (
        isinstance(first.value, Decimal)
        and isinstance(second.value, Decimal)
        and abs(first.value) > abs(second.value)
    )


def _comparable(draft: _Draft, q: QuantityMention) -> bool:
    """Whether a number without a unit can be the next item of a list: items of one list
    are of one order of magnitude (TPP 15832, then 12800), while a stray 9 after 5120 is
    a rank, a month or a count, not the next chip's TPP."""
    if not _is_bare(q) or not isinstance(draft.value, Decimal) or q.value is None:
        return True
    if draft.value == 0 or q.value == 0:
        return False
    ratio = abs(q.value / draft.value)
    return Decimal("0.1") <= ratio <= 10


def _is_bare(q: QuantityMention) -> bool:
    """A number written without any unit (`15万`, `15832`)."""
    return q.unit == "dimensionless" and not q.is_range and not is_multiple(q)


def _plain_value(draft: _Draft) -> bool:
    """A number stated as a value, not as a relation: what relations may point at. A share
    (占…的19%) is the value of a share attribute."""
    if draft.quantity is None:
        return False
    if draft.cue is not None:
        return draft.cue.kind is ClaimKind.share
    return draft.kind is ClaimKind.value


def _signed(
    value: Decimal | None, low: Decimal | None, high: Decimal | None, sign: int
) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    if sign > 0:
        return value, low, high
    return (
        None if value is None else -value,
        None if high is None else -high,
        None if low is None else -low,
    )


def _label_before(text: str, position: int) -> str | None:
    m = re.search(
        r"([一二三四五六七八九十\d]+)年(?:复合|年复合)", text[max(0, position - 8) : position + 4]
    )
    return f"{m.group(1)}年" if m else None
