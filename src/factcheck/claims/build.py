"""build_claims(): a document's quantity mentions, in context, become claims.

One frozen document context (`context.py`: sentences with their subjects, entity mentions,
numbers) is read by ordered passes that add to one draft table (`draft.py`):

1. values (`passes/values.py`): every number a value claim — its attribute from cue words,
   the paragraph's heading or its unit, its entity from a binding strategy (`binding.py`);
2. memory types (`passes/categorical.py`): HBM3e, GDDR6X as values of `memory_type`;
3. relations (`passes/relations.py`): the relation words around a number make its claim a
   ratio, change, difference, share, CAGR or conversion, pointed at the values it compares;
4. directions (`passes/directions.py`): 低于, 高于, 降至 as direction claims;
5. finish (`passes/finish.py`): ids in text order, claims with spans into the original.
"""

from __future__ import annotations

import re

from factcheck.claims.attributes import AttributeResolver
from factcheck.claims.binding import EntityBinder
from factcheck.claims.context import BuildTools, DocumentContext
from factcheck.claims.cues import common_noun_pattern, company_reference_pattern
from factcheck.claims.direction_cues import DirectionWords
from factcheck.claims.draft import DraftTable
from factcheck.claims.entities import EntityMatcher
from factcheck.claims.kb import KnowledgeBase
from factcheck.claims.money import MoneyWords
from factcheck.claims.parts import PartWords
from factcheck.claims.passes.arithmetic import ArithmeticPass
from factcheck.claims.passes.categorical import MemoryTypePass
from factcheck.claims.passes.directions import DirectionPass
from factcheck.claims.passes.finish import finish
from factcheck.claims.passes.pipe_tables import PipeTablePass
from factcheck.claims.passes.relations import RelationPass
from factcheck.claims.passes.totals import ListedTotalPass
from factcheck.claims.passes.values import ValuePass
from factcheck.claims.scope import ScopeReader
from factcheck.claims.subjects import group_total_pattern
from factcheck.claims.trie import trie_pattern
from factcheck.model.claim import Claim
from factcheck.model.document import Document
from factcheck.model.tolerances import Tolerances
from factcheck.normalize.pipeline import NormalizedText, normalize


class ClaimBuilder:
    def __init__(self, kb: KnowledgeBase, matcher: EntityMatcher, tolerances: Tolerances) -> None:
        values = kb.attributes["memory_type"].values
        memory_types = re.compile(
            r"(?<![A-Za-z0-9])("
            + "|".join(sorted(values, key=len, reverse=True))
            + r")(?![A-Za-z0-9])"
        )
        self.tools = BuildTools(
            kb=kb,
            matcher=matcher,
            tolerances=tolerances,
            attributes=AttributeResolver(kb),
            scopes=ScopeReader(kb),
            company_reference=company_reference_pattern(kb.cues, clause_start=True),
            company_word=company_reference_pattern(kb.cues, clause_start=False),
            common_noun=common_noun_pattern(kb.cues),
            compared_with=re.compile(trie_pattern(kb.cues.comparison_markers)),
            group_total=group_total_pattern(kb.cues),
            memory_types=memory_types,
            directions=DirectionWords.from_cues(kb.cues),
            money=MoneyWords.from_cues(kb.cues),
            parts=PartWords.from_cues(kb.cues),
        )

    def build(self, document: Document, normalized: NormalizedText | None = None) -> list[Claim]:
        ctx = DocumentContext(self.tools, document, normalized or normalize(document.text))
        table = DraftTable()
        binder = EntityBinder(ctx, table)
        first = (
            ValuePass(ctx, table, binder),
            MemoryTypePass(ctx, table, binder),
            PipeTablePass(ctx, table),
        )
        second = (RelationPass(ctx, table, binder), DirectionPass(ctx, table))
        third = (ArithmeticPass(ctx, table), ListedTotalPass(ctx, table))
        for passes in (first, second, third):
            for sentence in ctx.sentences:
                for each in passes:
                    each.run(sentence)
        return finish(ctx, table)
