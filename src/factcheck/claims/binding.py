"""Which entity a number is about: strategies tried from the surest to the least sure, each
saying why it chose and which candidates it passed over.

Strategies: a flattened table's column, the owner of a parenthesis, 分别 (respectively),
the noun right after the number, and then the clause (nearest owner, passive agent, the
sentence's subject, an earlier entity, the topic carried from earlier sentences) — or
nobody, with the reason.
"""

from __future__ import annotations

import re

from factcheck.claims.context import DocumentContext
from factcheck.claims.draft import AMBIGUOUS_PENALTY, CARRIED_PENALTY, Bound, DraftTable
from factcheck.claims.entities import EntityMention
from factcheck.claims.grammar import PUNCTUATION
from factcheck.claims.nearby import NearbyOwners
from factcheck.claims.relation_cues import is_multiple, passive_agent_start
from factcheck.claims.subjects import Sentence

_TOPIC_REACH = 12
"""How many sentences back a carried-over topic may come from."""
_NOUN_REACH = 6
_COUNTING_WORDS = frozenset("颗片块张枚台套代款个")
_CHIP_CLASSIFIERS = ("颗", "张", "块", "片", "卡", "枚")
_CLASS_NOUN = re.compile(r"\s*(?:芯片|晶片|工艺芯片|制程芯片|chips?\b)", re.I)
_COMPARISON_REACH = 14
_OF_POSSESSOR = re.compile(r"\s+of\s+(?:(?P<its>its|their)\b|(?:the\s+)?)", re.I)
_OF_NUMBER = re.compile(r"\s*的\s*(?:约|近|仅|超过|超|逾)?\s*")


class EntityBinder:
    def __init__(self, ctx: DocumentContext, table: DraftTable | None = None) -> None:
        self.ctx = ctx
        self.table = table
        self.text = ctx.text
        self.kb = ctx.kb
        self.grammar = ctx.grammar
        self.nearby = NearbyOwners(ctx)
        # Compiled once per knowledge base (BuildTools), not once per document.
        self._common_subject = ctx.tools.common_noun
        self._company_word = ctx.tools.company_word
        self._compared_with = ctx.tools.compared_with
        self._group_total = ctx.tools.group_total

    def entity_for(self, sentence: Sentence, start: int, end: int, attribute: str | None) -> Bound:
        """The entity a number (at start..end) is about, the strategy that found it, and the
        candidates passed over."""
        rejected: list[str] = []
        nearby = self.nearby
        strategies = (
            nearby.by_stated_limit,
            nearby.by_table_column,
            nearby.by_parenthesis,
            self._restated_in_parenthesis,
            nearby.by_respectively,
            nearby.by_following_noun,
            nearby.by_english_of_owner,
            nearby.by_relative_clause,
            nearby.by_english_product_figure,
            nearby.by_quantified_population,
        )
        for strategy in strategies:
            bound = strategy(sentence, start, end, attribute, rejected)
            if bound is not None:
                return bound
        return self._by_clause(sentence, start, end, attribute, rejected)

    def _restated_in_parenthesis(
        self, sentence: Sentence, start: int, end: int, attribute: str | None, rejected: list[str]
    ) -> Bound | None:
        """限制算力至H100的15%(FP16算力148 TFLOPS): a parenthesis opened right after a
        number restates it, so its figure belongs to that number's owner, not to the base
        the number was compared with."""
        paren = self.text.rfind("(", sentence.start, start)
        if paren == -1 or self.text.find(")", paren, start) != -1 or self.table is None:
            return None
        if any(paren < e.start < start for e in sentence.entities):
            return None
        before = self.text[sentence.start : paren].rstrip()
        stated = next(
            (
                d
                for d in reversed(self.table.in_sentence(sentence.index))
                if d.quantity is not None and d.end == sentence.start + len(before)
            ),
            None,
        )
        if stated is None or stated.entity is None or not self.ctx.fits(stated.entity, attribute):
            return None
        return Bound(stated.entity, False, "restates_number_before_parenthesis", rejected)

    def _by_clause(
        self, sentence: Sentence, start: int, end: int, attribute: str | None, rejected: list[str]
    ) -> Bound:
        ents, fits = sentence.entities, self.ctx.fits
        clause = self.ctx.clause_start(sentence, start)
        in_clause = [e for e in ents if clause <= e.start and e.end <= start]
        if in_clause and self._group_total.search(self.text, clause, start):
            # 三家合计, the combined share of A and B: the members' figure together
            rejected.extend(f"{e.entity}: one member of a group total" for e in in_clause)
            return Bound(None, False, "abstain:group_total", rejected)
        nearest = self._nearest_in_clause(in_clause, ents, start, attribute, rejected)
        if nearest is not None:
            return nearest
        agent = passive_agent_start(self.text, end)
        if agent is not None:
            for e in ents:
                if e.start == agent and fits(e.entity, attribute):
                    return Bound(e.entity, False, "passive_agent", rejected)
        subjects = [e for e in in_clause if not self.grammar.is_object(e)]
        if (
            subjects
            and attribute is not None
            and not any(fits(e.entity, attribute) for e in in_clause)
        ):
            # 中芯国际14nm工艺良率: the clause is about its own entity, which has no such
            # attribute; a chip named earlier is not what it describes.
            return Bound(None, False, "abstain:clause_about_another_entity", rejected)
        if not in_clause and self._common_subject.search(self.text, clause, start):
            # 可比公司市销率为122倍: the clause is about a common noun, no entity stands for it
            return Bound(None, False, "abstain:common_noun_subject", rejected)
        if (
            _CLASS_NOUN.match(self.text, end)
            and not in_clause
            and not self.nearby.counted(start, end)
        ):
            return Bound(None, False, "abstain:chips_of_a_kind", rejected)  # 设计28nm芯片的成本
        referred = self._company_in_clause(sentence, clause, start, attribute, in_clause)
        if referred is not None:
            return Bound(referred, False, "company_reference:公司->vendor_of_subject", rejected)
        parallel = self._parallel_clause(sentence, start, attribute, in_clause)
        if parallel is not None:
            return Bound(parallel, False, "parallel_clause", rejected)
        compared = self._compared_here(sentence)
        if sentence.subject in compared and sentence.subject_carried:
            # 该GPU的功耗为400W,低于H100的700W: what is compared with H100 is not H100
            rejected.append(f"{sentence.subject}: compared with in this sentence")
        elif sentence.subject and fits(sentence.subject, attribute):
            strategy = "carried_topic" if sentence.subject_carried else sentence.subject_strategy
            return Bound(sentence.subject, sentence.subject_carried, strategy, rejected)
        if sentence.subject_blocks:
            return Bound(None, False, f"abstain:{sentence.subject_strategy}", rejected)
        return self._by_context(sentence, start, attribute, compared, rejected)

    def _by_context(
        self,
        sentence: Sentence,
        start: int,
        attribute: str | None,
        compared: set[str],
        rejected: list[str],
    ) -> Bound:
        """Beyond the clause: an earlier entity of the sentence, else the topic carried from
        earlier sentences, else nobody."""
        ents, fits = sentence.entities, self.ctx.fits
        earlier = [
            e
            for e in ents
            if e.end <= start
            and not self.grammar.is_object(e)
            and not self._is_ratio_base(e, start)
            and not self.grammar.names_own_product(e, ents)
        ]
        for e in reversed(earlier):
            if fits(e.entity, attribute):
                return Bound(e.entity, False, "earlier_in_sentence", rejected)
        if (
            sentence.subject
            and not sentence.subject_carried
            and not any(fits(e.entity, attribute) for e in ents)
        ):
            # 三星…HBM3E已量产: the sentence is about its own subject, which has no such
            # attribute, and names nothing that has; a chip of an earlier paragraph is not
            # what it describes.
            return Bound(None, False, "abstain:subject_has_no_such_attribute", rejected)
        topic = self.topic(sentence, attribute, exclude=compared)
        if topic is None:
            return Bound(None, False, "abstain:no_topic", rejected)
        return Bound(topic, True, "carried_topic", rejected)

    def _company_in_clause(
        self,
        sentence: Sentence,
        clause: int,
        start: int,
        attribute: str | None,
        in_clause: list[EntityMention],
    ) -> str | None:
        """思元590交付4-5万颗,为公司贡献营收约12.6亿元: 公司 inside the clause is the company
        of the sentence's subject (its vendor), for a figure only a company has."""
        if in_clause or attribute is None or "company" not in self.kb.attributes[attribute].subject:
            return None
        if sentence.subject is not None and self.ctx.fits(sentence.subject, attribute):
            return None  # the sentence's own subject is the company: nothing to resolve
        if self._company_word.search(self.text, clause, start) is None:
            return None
        subject = sentence.subject
        spec = self.kb.entities.get(subject) if subject else None
        return spec.vendor if spec is not None and spec.vendor else None

    def _parallel_clause(
        self, sentence: Sentence, start: int, attribute: str | None, in_clause: list[EntityMention]
    ) -> str | None:
        """SXM5版本启用了132组SM,PCIe5.0版本启用了114组SM: a clause naming no entity that
        states what the clause just before states (its attribute, or its unit and
        classifier) continues its owner, when that owner was named there and is not the
        sentence's subject."""
        q = self.ctx.number_at(start)
        if in_clause or q is None or self.table is None:
            return None
        clause = self.ctx.clause_start(sentence, start)
        before = self.ctx.clause_start(sentence, max(clause - 1, sentence.start))
        previous = [
            d
            for d in self.table.in_sentence(sentence.index)
            if before <= d.start
            and d.end <= clause
            and d.quantity is not None
            and d.attribute == attribute
            and d.unit == q.unit
            and d.entity_how == "nearest_in_clause"
            # with no attribute, the same classifier (132组SM, 114组SM) says it is one list
            and (attribute is not None or d.quantity.surface[-1:] == q.surface[-1:])
        ]
        if not previous or previous[-1].entity == sentence.subject:
            return None
        return previous[-1].entity

    def _compared_here(self, sentence: Sentence) -> set[str]:
        """Entities the sentence names as the object of a comparison (低于H100的700W): they
        are what its figures are compared with, not what they are about."""
        return {e.entity for e in sentence.entities if self.grammar.is_compared(e)}

    def _nearest_in_clause(
        self,
        in_clause: list[EntityMention],
        ents: list[EntityMention],
        start: int,
        attribute: str | None,
        rejected: list[str],
    ) -> Bound | None:
        """The entity nearest before the number in its clause that can own it."""
        for e in reversed(in_clause):
            if not self.ctx.fits(e.entity, attribute):
                rejected.append(f"{e.entity}: has no {attribute}")
            elif self.grammar.names_own_product(e, ents):
                rejected.append(f"{e.entity}: vendor named before its product")
            elif self._is_ratio_base(e, start):
                rejected.append(f"{e.entity}: base of a ratio")
            elif not self.grammar.owns(e, start, attribute):
                rejected.append(f"{e.entity}: object of a comparison")
            else:
                return Bound(e.entity, False, "nearest_in_clause", rejected)
        return None

    def _is_ratio_base(self, e: EntityMention, start: int) -> bool:
        """逼近A100的80%, 相当于H100的2倍: a percentage or multiple of an entity is a ratio of
        the subject to it; the entity is its base, not its owner."""
        if not _OF_NUMBER.fullmatch(self.text, e.end, start):
            return False
        window = PUNCTUATION.split(self.text[max(0, e.start - _COMPARISON_REACH) : e.start])[-1]
        if self._compared_with.search(window):
            return False  # 低于(另一家厂商)摩尔线程的0.036%: a compared object states its own
        q = self.ctx.number_at(start)
        return q is not None and (q.unit == "percent" or is_multiple(q))

    def carried_penalty(
        self,
        sentence: Sentence,
        entity: str | None,
        attribute: str | None,
        carried: bool,
        start: int | None = None,
    ) -> float:
        """Less confidence for an entity carried from an earlier sentence, and less again when
        that sentence names a rival the figure could equally describe — unless this sentence
        compares the figure with that rival (低于H100的700W), which rules the rival out."""
        if not carried:
            return 0.0
        ruled_out = self._compared_here(sentence) if start is not None else set()
        rival = entity is not None and self._rival_in_source(sentence, entity, attribute, ruled_out)
        return CARRIED_PENALTY + (AMBIGUOUS_PENALTY if rival else 0.0)

    def _rival_in_source(
        self, sentence: Sentence, topic: str, attribute: str | None, ruled_out: set[str]
    ) -> bool:
        """H100 is 6.68 times faster than H20. The GPU has a 400W TDP: the sentence the topic
        was carried from names another entity the figure could equally describe."""
        for earlier in reversed(self.ctx.before(sentence, _TOPIC_REACH)):
            named = {e.entity for e in earlier.entities}
            if topic in named:
                return any(
                    other != topic
                    and other not in ruled_out
                    and self.ctx.fits(other, attribute)
                    and self.kb.kind(other) == self.kb.kind(topic)
                    for other in named
                )
        return False

    def respectively(self, sentence: Sentence, start: int) -> str | None:
        return self.nearby.respectively(sentence, start)

    def topic(
        self, sentence: Sentence, attribute: str | None, exclude: set[str] | None = None
    ) -> str | None:
        """The most recent subject of an earlier sentence that fits the attribute (and is
        not one of `exclude`)."""
        excluded = exclude or set()

        def fits(entity: str, attribute: str | None) -> bool:
            return entity not in excluded and self.ctx.fits(entity, attribute)

        def crosses_block(earlier: Sentence, entity: str) -> bool:
            # A company named in passing does not carry into the next paragraph.
            return (
                earlier.block != sentence.block
                and entity != self.ctx.article_subject
                and self.kb.kind(entity) == "company"
            )

        earlier_sentences = self.ctx.before(sentence, _TOPIC_REACH)
        for earlier in reversed(earlier_sentences):
            if earlier.subject and not earlier.subject_carried:
                if crosses_block(earlier, earlier.subject):
                    continue
                if fits(earlier.subject, attribute):
                    return earlier.subject
                if (
                    earlier.paragraph == sentence.paragraph
                    and self.kb.kind(earlier.subject) == "company"
                    and not any(fits(e.entity, attribute) for e in earlier.entities)
                    and earlier is self._paragraph_opening(earlier_sentences, earlier)
                ):
                    # 三星…。HBM4…较上一代HBM3E: the paragraph is about a company and none
                    # of its chips; a chip of an earlier paragraph is not what it describes.
                    return None
        for earlier in reversed(earlier_sentences):  # no subject fits: any entity that does
            for e in reversed(earlier.entities):
                if (
                    fits(e.entity, attribute)
                    and self.kb.kind(e.entity) != "group"
                    and not self.grammar.is_object(e)
                    and not crosses_block(earlier, e.entity)
                ):
                    return e.entity
        return None

    @staticmethod
    def _paragraph_opening(sentences: list[Sentence], sentence: Sentence) -> Sentence:
        """The first sentence of `sentence`'s paragraph that names its own subject."""
        return next(
            (
                s
                for s in sentences
                if s.paragraph == sentence.paragraph and s.subject and not s.subject_carried
            ),
            sentence,
        )
