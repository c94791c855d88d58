"""Grammar of entity mentions in a sentence: which ones are objects, modifiers or owners.

These predicates read only the normalized text and the entity mentions; every pass that
binds a number to an entity asks them the same questions.
"""

from __future__ import annotations

import re

from factcheck.claims.attributes import AttributeResolver
from factcheck.claims.entities import EntityMention
from factcheck.claims.kb import KnowledgeBase

_LIST_SEPARATOR = re.compile(r"\s*(?:、|和|及|以及|与|,|and|or)\s*$")
_OWNED_VALUE = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?(?:的|'s|’s)?\s*")
_MODIFIER_REACH = 8
PUNCTUATION = re.compile(r"[,，;；:：。、!?！？]")


class Grammar:
    """Questions about one document's entity mentions, answered from its text."""

    def __init__(
        self,
        text: str,
        entities: list[EntityMention],
        kb: KnowledgeBase,
        attributes: AttributeResolver,
    ) -> None:
        self.text = text
        self.kb = kb
        self.attributes = attributes
        self._entity_ends = {e.end for e in entities}
        self._by_end = {e.end: e for e in entities}
        cues = kb.cues
        self._object_markers = tuple(cues.object_markers)
        self._object_markers_en = _english_markers(cues.object_markers_en)
        self._comparison_markers = tuple(cues.comparison_markers)

    def is_object(self, e: EntityMention, depth: int = 0) -> bool:
        if self._after_marker(e, self._object_markers):
            return True
        previous = self._listed_after(e)
        # 与寒武纪、海光信息及摩尔线程相比: every member of a compared list is compared
        return previous is not None and depth < 12 and self.is_object(previous, depth + 1)

    def _listed_after(self, e: EntityMention) -> EntityMention | None:
        """The entity written right before e with only a list separator between them."""
        m = _LIST_SEPARATOR.search(self.text, max(0, e.start - 6), e.start)
        return self._by_end.get(m.start()) if m else None

    def is_compared(self, e: EntityMention) -> bool:
        """低于H100, 相比H100, than the H100: the entity is what something is compared with."""
        return self._after_marker(e, self._comparison_markers)

    def _after_marker(self, e: EntityMention, chinese: tuple[str, ...]) -> bool:
        """Whether one of the Chinese markers, or an English object marker, is written right
        before the entity."""
        if e.start in self._entity_ends:
            return False  # 华为昇腾910C: the 为 of 华为 is no preposition
        before = self.text[max(0, e.start - 4) : e.start].rstrip()
        if before.endswith(chinese):
            return True
        return bool(self._object_markers_en.search(self.text, max(0, e.start - 30), e.start))

    def is_modifier(self, e: EntityMention, ents: list[EntityMention]) -> bool:
        """OpenAI的竞争对手Anthropic, Nvidia's H200: an entity before 的 or 's and another
        entity is a modifier; so is a vendor written before its own product (英伟达A100,
        寒武纪7nm思元590)."""
        if self.names_own_product(e, ents):
            return True
        if not self.text.startswith(("的", "'s", "’s"), e.end):
            return False
        return any(0 < other.start - e.end <= _MODIFIER_REACH for other in ents)

    def names_own_product(self, e: EntityMention, ents: list[EntityMention]) -> bool:
        following = next((o for o in ents if o.start >= e.end), None)
        if following is None or following.start - e.end > _MODIFIER_REACH:
            return False
        spec = self.kb.entities.get(following.entity)
        if spec is None or PUNCTUATION.search(self.text, e.end, following.start):
            return False
        if spec.vendor == e.entity:
            return True
        # 第七代TPU加速器"Ironwood": a family written before one of its vendor's chips
        own = self.kb.entities.get(e.entity)
        return (
            own is not None
            and own.kind == "chip_family"
            and spec.kind == "chip"
            and own.vendor is not None
            and own.vendor == spec.vendor
        )

    def owns(self, e: EntityMention, start: int, attribute: str | None = None) -> bool:
        """Whether entity e, written before a number at `start`, is what the number is about.
        An object of a comparison owns only a value written right after it (相比H100的80GB),
        or after 的 and a word naming the attribute (给H20的定价在1.2万美元)."""
        if not self.is_object(e):
            return True
        between = self.text[e.end : start]
        if _OWNED_VALUE.fullmatch(between):
            return True
        if attribute is None or not between.lstrip().startswith(("的", "'s")):
            return False
        return any(
            attribute in owners for _, _, owners in self.attributes.cues_in(self.text, e.end, start)
        )


def _english_markers(words: list[str]) -> re.Pattern[str]:
    """`an upgrade over the H100`, `compared with NVIDIA's H20`: a marker, then optionally
    `the` and a vendor's name, right before the entity."""
    alternation = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"\b(?:{alternation})\s+(?:the\s+)?(?:[A-Z][A-Za-z]+(?:'s|’s)?\s+)?$")
