"""The document context every claim pass reads: the normalized text, its entity mentions,
numbers and dates, and its sentences with their subjects. Built once per document; no pass
changes it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from factcheck.claims.attributes import AttributeResolver
from factcheck.claims.budget import check_budget
from factcheck.claims.direction_cues import DirectionWords
from factcheck.claims.entities import UNKNOWN_MODEL, EntityMatcher
from factcheck.claims.grammar import Grammar
from factcheck.claims.kb import RESEARCH_FIRM, KnowledgeBase
from factcheck.claims.money import MoneyWords, with_unstated_currency
from factcheck.claims.open_names import BENCHMARK
from factcheck.claims.parts import PartWords
from factcheck.claims.scope import ScopeReader
from factcheck.claims.subjects import Sentence, SubjectReader, article_subject
from factcheck.model.document import Document
from factcheck.model.quantity import QuantityKind, QuantityMention
from factcheck.model.tolerances import Tolerances
from factcheck.normalize.pipeline import NormalizedText
from factcheck.quantities.extract import find_quantities

CLAUSE = re.compile(r"[,，;；:：]")


@dataclass(frozen=True)
class BuildTools:
    """What claim building needs besides the document, made once per knowledge base."""

    kb: KnowledgeBase
    matcher: EntityMatcher
    tolerances: Tolerances
    attributes: AttributeResolver
    scopes: ScopeReader
    company_reference: re.Pattern[str]
    """公司 / 该公司 at the start of a clause: a sentence's subject."""
    company_word: re.Pattern[str]
    """公司 / the company anywhere."""
    common_noun: re.Pattern[str]
    """可比公司, 上市公司: not a reference to the article's company."""
    compared_with: re.Pattern[str]
    group_total: re.Pattern[str]
    """三家合计, the three combined (claims/passes/totals.py)."""
    memory_types: re.Pattern[str]
    directions: DirectionWords
    money: MoneyWords
    parts: PartWords
    """业务, 分部, segment: the nouns that name a part of a company (claims/parts.py)."""


class DocumentContext:
    def __init__(self, tools: BuildTools, document: Document, norm: NormalizedText) -> None:
        self.tools = tools
        self.kb = tools.kb
        self.attributes = tools.attributes
        self.doc = document
        self.norm = norm
        self.text = norm.text
        self.article_date = document.meta.date or norm.meta.date
        title = document.meta.title or norm.meta.title
        title_name = tools.matcher.title_name(title, self.text)
        found = [
            e
            for e in tools.matcher.find(self.text, title_name)
            if not norm.is_excluded(e.start, e.end)
        ]
        # 据IDC统计, TrendForce数据显示: a research firm is where a figure comes from, never
        # what it is about, so it is no entity any figure can be bound to.
        self.sources = [e for e in found if self.kb.kind(e.entity) == RESEARCH_FIRM]
        self.entities = [e for e in found if self.kb.kind(e.entity) != RESEARCH_FIRM]
        quantities = find_quantities(
            self.text,
            tools.tolerances,
            names=[(e.start, e.end) for e in found],
            offsets=norm.offsets,
            original=norm.original,
        )
        quantities = [
            q for q in quantities if not norm.is_excluded(q.norm_span.start, q.norm_span.end)
        ]
        self.dates = [q for q in quantities if q.kind is QuantityKind.date]
        self.numbers = with_unstated_currency(
            self.text,
            sorted(
                (q for q in quantities if q.kind is not QuantityKind.date),
                key=lambda q: q.norm_span.start,
            ),
            tools.money,
        )
        self._number_starts = [q.norm_span.start for q in self.numbers]
        check_budget(len(self.text), [(s.start, s.end) for s in norm.sentences], self.numbers)
        self.grammar = Grammar(self.text, self.entities, self.kb, self.attributes)
        self.article_subject = article_subject(title, tools.matcher, self.kb, title_name)
        self.sentences = SubjectReader(
            norm,
            self.entities,
            self.numbers,
            self.grammar,
            tools.company_reference,
            self.article_subject,
            self.sources,
        ).sentences()
        self._by_index = {s.index: s for s in self.sentences}
        self._position = {s.index: position for position, s in enumerate(self.sentences)}

    def numbers_in(self, sentence: Sentence) -> list[QuantityMention]:
        first = bisect_left(self._number_starts, sentence.start)
        last = bisect_left(self._number_starts, sentence.end)
        return [q for q in self.numbers[first:last] if q.norm_span.end <= sentence.end]

    def number_at(self, start: int) -> QuantityMention | None:
        index = bisect_left(self._number_starts, start)
        if index == len(self.numbers) or self._number_starts[index] != start:
            return None
        return self.numbers[index]

    def clause_start(self, sentence: Sentence, pos: int) -> int:
        start = sentence.start
        for m in CLAUSE.finditer(self.text, sentence.start, pos):
            start = m.end()
        return start

    def clause_end(self, sentence: Sentence, pos: int) -> int:
        m = CLAUSE.search(self.text, pos, sentence.end)
        return m.start() if m else sentence.end

    def sentence(self, index: int) -> Sentence | None:
        return self._by_index.get(index)

    def damaged(self, index: int) -> bool:
        sentence = self._by_index.get(index)
        return sentence is not None and sentence.damaged

    def before(self, sentence: Sentence, reach: int | None = None) -> list[Sentence]:
        """The sentences before this one, the nearest `reach` of them when given."""
        position = self._position[sentence.index]
        return self.sentences[max(0, position - reach) if reach else 0 : position]

    def fits(self, entity: str, attribute: str | None) -> bool:
        """Whether an entity can have the attribute at all (a company has no bandwidth)."""
        if attribute is None or entity == UNKNOWN_MODEL:
            return True
        kind = self.kb.kind(entity)
        if kind == BENCHMARK:
            return True  # an industry average has whatever its members have
        wanted = self.kb.attributes[attribute].subject
        if kind == "aggregate" and kind not in wanted:
            kind = "chip"  # a system has a chip's dimensions, never its identity
        return not wanted or kind in wanted
