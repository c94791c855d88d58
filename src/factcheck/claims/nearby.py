"""Binding strategies that read what is written right around a number: a flattened
table's column, the owner of a parenthesis, 分别 (respectively), the noun after the number,
the possessor after "of", and the abstentions that need no context (a rule's limit, a
share of a population). `binding.py` tries them before reading the clause."""

from __future__ import annotations

import re
from functools import cache

from factcheck.claims.context import DocumentContext
from factcheck.claims.draft import Bound
from factcheck.claims.grammar import PUNCTUATION
from factcheck.claims.subjects import Sentence
from factcheck.claims.tables import TableReader

_NOUN_REACH = 6
_COUNTING_WORDS = frozenset("颗片块张枚台套代款个")
_CHIP_CLASSIFIERS = ("颗", "张", "块", "片", "卡", "枚")
# "in" or "from", a footnote bracket, up to three words: $2 [billion] to $5 billion in H20
_IN_OR_FROM = re.compile(r"(?:\s*\[[^\]]{0,20}\])?\s+(?:in|from)\s+(?:[A-Za-z-]+\s+){0,3}", re.I)
_PRODUCT_REACH = 60


@cache
def _product_noun_pattern(nouns: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"\s+(?:{words or '(?!)'})\b", re.I)


# "…than Nvidia's B200, which has 180GB": the relative clause is about the noun before it.
_RELATIVE_CLAUSE = re.compile(
    r",\s*(?:which|that|who)\s+(?:has|have|had|offers?|offered|delivers?|delivered|carries|"
    r"carried|features?|packs?|packed|comes with|came with|uses?|used|is rated at|draws?)\s+"
    r"(?:about|roughly|around|only|just|up to|nearly|more than)?\s*$",
    re.I,
)
_OF_POSSESSOR = re.compile(r"\s+of\s+(?:(?P<its>its|their)\b|(?:the\s+)?)", re.I)


class NearbyOwners:
    def __init__(self, ctx: DocumentContext) -> None:
        self.ctx = ctx
        self.text = ctx.text
        self.kb = ctx.kb
        self.grammar = ctx.grammar
        self.tables = TableReader(ctx)
        self._limits: dict[int, bool] = {}
        self._product_noun = _product_noun_pattern(tuple(ctx.kb.cues.product_figure_nouns_en))
        population = "|".join(
            re.escape(n) for n in sorted(ctx.kb.cues.population_nouns, key=len, reverse=True)
        )
        self._population = re.compile(
            rf"\s*(?:以上|以下|左右)?\s*的\s*[^,，。;；:：的]{{0,10}}?(?:{population or '(?!)'})"
        )

    def by_table_column(
        self, sentence: Sentence, start: int, end: int, attribute: str | None, rejected: list[str]
    ) -> Bound | None:
        column = self.tables.column_of(sentence, start)
        if column is None or not self.ctx.fits(column[0], attribute):
            return None
        return Bound(column[0], False, f"table_column:{column[1]}", rejected)

    def by_parenthesis(
        self, sentence: Sentence, start: int, end: int, attribute: str | None, rejected: list[str]
    ) -> Bound | None:
        """H20(96GB HBM3): the owner of the parenthesis."""
        paren = self.text.rfind("(", sentence.start, start)
        if paren == -1 or self.text.find(")", paren, start) != -1:
            return None
        owner = [e for e in sentence.entities if e.end == paren]
        if not owner:
            return None
        if self.ctx.fits(owner[0].entity, attribute):
            return Bound(owner[0].entity, False, "paren_owner", rejected)
        rejected.append(f"{owner[0].entity}: has no {attribute}")
        return None

    def by_respectively(
        self, sentence: Sentence, start: int, end: int, attribute: str | None, rejected: list[str]
    ) -> Bound | None:
        distributed = self.respectively(sentence, start)
        return None if distributed is None else Bound(distributed, False, "respectively", rejected)

    def by_following_noun(
        self, sentence: Sentence, start: int, end: int, attribute: str | None, rejected: list[str]
    ) -> Bound | None:
        """约4万~8万颗H200芯片: the entity right after the number and its classifier."""
        reach = _NOUN_REACH if self.counted(start, end) else 1
        after = [
            e
            for e in sentence.entities
            if 0 <= e.start - end <= reach and not PUNCTUATION.search(self.text[end : e.start])
        ]
        if not after:
            return None
        system = self._aggregate_in_clause(sentence, start)
        if system is not None and self._counts_chips(start, end, attribute):
            # Atlas 950超节点支持8192张昇腾卡: the chips counted are the system's members
            rejected.append(f"{after[0].entity}: the chips counted, not the counter")
            return Bound(system, False, "members_of_aggregate", rejected, member=after[0].entity)
        if self.ctx.fits(after[0].entity, attribute):
            return Bound(after[0].entity, False, "noun_after_number", rejected)
        rejected.append(f"{after[0].entity}: has no {attribute}")
        return None

    def by_stated_limit(
        self, sentence: Sentence, start: int, end: int, attribute: str | None, rejected: list[str]
    ) -> Bound | None:
        """出口芯片的TPP不得超过4800, must be less than 600 TFLOPS: a rule's limit bounds
        whatever it applies to; it is no entity's value."""
        if not self._has_limit(sentence):
            return None
        clause = self.ctx.clause_start(sentence, start)
        if not self.ctx.tools.scopes.names_limit(self.text, clause, end):
            return None
        return Bound(None, False, "abstain:a_limit_not_a_value", rejected)

    def by_relative_clause(
        self, sentence: Sentence, start: int, end: int, attribute: str | None, rejected: list[str]
    ) -> Bound | None:
        """B200, which has 180GB: the figure of a relative clause is the noun's it follows."""
        clause = self.ctx.clause_start(sentence, start)
        m = _RELATIVE_CLAUSE.match(self.text, max(sentence.start, clause - 1), start)
        if m is None:
            return None
        before = [e for e in sentence.entities if e.end <= m.start()]
        if not before or self.text[before[-1].end : m.start()].strip():
            return None
        if not self.ctx.fits(before[-1].entity, attribute):
            return None
        return Bound(before[-1].entity, False, "relative_clause", rejected)

    def by_english_of_owner(
        self, sentence: Sentence, start: int, end: int, attribute: str | None, rejected: list[str]
    ) -> Bound | None:
        """13% of Nvidia's sales, 5% of its quarterly haul: the possessor after "of" owns
        the figure ("its" is the company the text is about)."""
        m = _OF_POSSESSOR.match(self.text, end)
        if m is None:
            return None
        if m.group("its"):
            owner = self._company_so_far(sentence)
            if owner is None:
                return None
            return Bound(owner, False, "company_reference:its->subject", rejected)
        owners = [e for e in sentence.entities if e.start == m.end()]
        if not owners or not self.text.startswith(("'s", "’s"), owners[0].end):
            return None
        return Bound(owners[0].entity, False, "possessor_after_of", rejected)

    def by_english_product_figure(
        self, sentence: Sentence, start: int, end: int, attribute: str | None, rejected: list[str]
    ) -> Bound | None:
        """$5 billion in H20 revenue, $50 million from specially nerfed H20 chips: the
        product named after the amount owns it, not the vendor the sentence is about."""
        # The text names the product as the figure's owner, so a chip may own revenue here.
        for e in sentence.entities:
            if not end < e.start <= end + _PRODUCT_REACH or self.kb.kind(e.entity) == "company":
                continue
            if _IN_OR_FROM.fullmatch(self.text, end, e.start) and self._product_noun.match(
                self.text, e.end
            ):
                return Bound(e.entity, False, "product_named_after_amount", rejected)
        return None

    def _company_so_far(self, sentence: Sentence) -> str | None:
        """The company the sentence (or, failing that, the article) is about."""
        for entity in (sentence.subject, self.ctx.article_subject):
            if entity is not None and self.kb.kind(entity) == "company":
                return entity
        spec = self.kb.entities.get(sentence.subject) if sentence.subject else None
        return spec.vendor if spec is not None and spec.vendor else None

    def _has_limit(self, sentence: Sentence) -> bool:
        """Whether the sentence states a limit anywhere (worked out once per sentence)."""
        if sentence.index not in self._limits:
            scopes = self.ctx.tools.scopes
            self._limits[sentence.index] = scopes.names_limit(
                self.text, sentence.start, sentence.end
            )
        return self._limits[sentence.index]

    def by_quantified_population(
        self, sentence: Sentence, start: int, end: int, attribute: str | None, rejected: list[str]
    ) -> Bound | None:
        """国内80%的企业级算力需求, 中国99%的AI公司: a percentage of a population named after
        it is about that population, which no entity stands for."""
        q = self.ctx.number_at(start)
        if q is None or q.unit != "percent":
            return None
        m = self._population.match(self.text, end)
        if m is None or any(end <= e.start < m.end() for e in sentence.entities):
            return None
        return Bound(None, False, "abstain:share_of_a_population", rejected)

    def _aggregate_in_clause(self, sentence: Sentence, start: int) -> str | None:
        clause = self.ctx.clause_start(sentence, start)
        systems = [
            e.entity
            for e in sentence.entities
            if clause <= e.start
            and e.end <= start
            and self.kb.kind(e.entity) == "aggregate"
            and not self.grammar.is_object(e)
        ]
        return systems[-1] if systems else None

    def _counts_chips(self, start: int, end: int, attribute: str | None) -> bool:
        counted = attribute is None or self.kb.attributes[attribute].unit == "count"
        return counted and self.text[start:end].rstrip().endswith(_CHIP_CLASSIFIERS)

    def counted(self, start: int, end: int) -> bool:
        """第二代图形处理器GP201, 4万颗H200: a classifier or 代 that introduces a noun."""
        return self.text[end - 1 : end] in _COUNTING_WORDS

    def respectively(self, sentence: Sentence, start: int) -> str | None:
        """摩尔线程、沐曦股份…分别下跌6.32%和7.03%: the n-th number goes to the n-th entity."""
        word = self.text.find("分别", sentence.start, start)
        if word == -1:
            return None
        owners = [e.entity for e in sentence.entities if e.end <= word]
        numbers = [q for q in self.ctx.numbers_in(sentence) if q.norm_span.start > word]
        index = next((i for i, q in enumerate(numbers) if q.norm_span.start == start), None)
        if index is None or len(owners) < len(numbers) or not numbers:
            return None
        return owners[len(owners) - len(numbers) + index]
