"""Entity mentions: the exact alias table first, then guarded fuzzy matching.

Fuzzy matching only considers names whose digit groups and suffix after the last digit are
identical (910B never becomes 910C, H20 never H200, MI308 never MI300X), needs a score of
at least 85 and a margin of 5 over the runner-up; otherwise the name stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from rapidfuzz import fuzz

from factcheck.claims.kb import KnowledgeBase, alias_key, default_kb, local_entity
from factcheck.claims.open_names import OpenNameFinder
from factcheck.claims.trie import CaselessPattern
from factcheck.quantities.numbers import parse_chinese

_SEPARATOR = r"[\s\-_·]?"
_MODEL_TOKEN = re.compile(
    r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z]{0,9}[\s\-]?\d{2,5}[A-Za-z]{0,3}(?![A-Za-z0-9])"
)
_DIGITS = re.compile(r"\d+")
_MODEL_NUMBER = re.compile(r"[\s\-]?\d{2,5}[A-Za-z]{0,3}(?![A-Za-z0-9.])")
UNKNOWN_MODEL = "unknown-model"
"""A chip named with a known family and an unknown model number: its figures are nobody's."""
_FUZZY_MIN_SCORE = 85.0
_FUZZY_MARGIN = 5.0


@dataclass(frozen=True, slots=True)
class EntityMention:
    start: int
    end: int
    entity: str
    score: float
    """1.0 for an exact alias, the fuzzy ratio / 100 otherwise."""


_NOT_AFTER_WORD = r"(?<![A-Za-z0-9])"
_NOT_BEFORE_WORD = r"(?![A-Za-z0-9])"
_END = ""


def _alias_tokens(alias: str) -> list[str]:
    """Regex pieces of one alias. Spaces and hyphens are optional where letters meet digits."""
    tokens: list[str] = []
    if alias[0].isascii() and alias[0].isalnum():
        tokens.append(_NOT_AFTER_WORD)
    for index, char in enumerate(alias):
        if char in " -_·":
            tokens.append(_SEPARATOR)
            continue
        if index and alias[index - 1] not in " -_·" and _class(alias[index - 1]) != _class(char):
            tokens.append(_SEPARATOR)
        tokens.append(re.escape(char.lower()))
    if alias[-1].isascii() and alias[-1].isalnum():
        tokens.append(_NOT_BEFORE_WORD)
    return tokens


def _trie_pattern(aliases: list[str]) -> str:
    """One regex for all aliases, shaped as a trie: an alternation of hundreds of names
    would be tried name by name at every position of the text."""
    trie: dict[str, Any] = {}
    for alias in aliases:
        node = trie
        for token in _alias_tokens(alias):
            node = node.setdefault(token, {})
        node[_END] = {}
    return _render(trie)


def _depth(node: dict[str, Any]) -> int:
    return max((1 + _depth(child) for token, child in node.items() if token), default=0)


def _render(node: dict[str, Any]) -> str:
    # Deepest branch first: alternation takes the first branch that matches, and "AMD MI308"
    # must win over "AMD" followed by a word boundary.
    children = sorted(
        ((token, child) for token, child in node.items() if token),
        key=lambda item: (-_depth(item[1]), item[0]),
    )
    branches = [token + _render(child) for token, child in children]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:  # a name may end here; the greedy ? still prefers the longer name
        return "(?:" + body + ")?" if len(branches) == 1 else body + "?"
    return body


def _class(char: str) -> str:
    if char.isdigit():
        return "digit"
    if char.isascii() and char.isalpha():
        return "latin"
    return "other"


def _shape(name: str) -> tuple[tuple[str, ...], str, str]:
    """Digit groups, the suffix after the last digit and the letters right before the first
    digit: the parts fuzzy matching keeps (BR100 is no B100)."""
    key = re.sub(r"[\s\-_·]", "", name.casefold())
    digits = tuple(_DIGITS.findall(key))
    suffix = key[key.rfind(digits[-1]) + len(digits[-1]) :] if digits else ""
    lead = re.search(r"([a-z]*)\d", key)
    return digits, suffix, lead.group(1)[-2:] if lead else ""


# 第七代TPU, 第7代, seventh-generation, 7th-gen: a generation number right before a name
_GENERATION_BEFORE = re.compile(
    r"(?:第(?P<n>[一二三四五六七八九十\d]{1,3})代|\b(?P<en>[a-z0-9]+)[\s-]gen(?:eration)?)\s*$",
    re.I,
)
_ORDINALS = {
    w: i
    for i, w in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth".split()
    )
}


def _generation_number(written: str | None) -> int | None:
    if not written:
        return None
    if written.isdigit():
        return int(written)
    word = written.casefold()
    if word in _ORDINALS:
        return _ORDINALS[word]
    digits = re.match(r"(\d+)(?:st|nd|rd|th)$", word)
    if digits:
        return int(digits.group(1))
    parsed = parse_chinese(written)
    return int(parsed) if parsed is not None else None


class EntityMatcher:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._pattern = CaselessPattern(_trie_pattern(list(kb.aliases)))
        self._compact = {re.sub(r"[\s\-_·]", "", a): e for a, e in kb.aliases.items()}
        self._shapes = {alias: _shape(alias) for alias in self._compact}
        self._open = OpenNameFinder(kb.cues)

    def title_name(self, title: str | None, text: str) -> str | None:
        """The document-local entity a title leads with (see OpenNameFinder.title_name)."""
        return self._open.title_name(title, text)

    def find(self, text: str, title_name: str | None = None) -> list[EntityMention]:
        mentions = [
            EntityMention(m.start(), m.end(), self._entity_of(m.group()), 1.0)
            for m in self._pattern.finditer(text)
        ]
        taken = bytearray(len(text) + 1)  # 1 where an exact alias already covers the text
        for mention in mentions:
            taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        for index, mention in enumerate(mentions):
            # 昇腾910D: a family name with a model number the kb does not know is an unknown
            # chip, not the family (and its number is a name, not a quantity).
            if self.kb.kind(mention.entity) != "chip_family":
                continue
            model = _MODEL_NUMBER.match(text, mention.end)
            if model and not any(taken[model.start() : model.end()]):
                mentions[index] = EntityMention(mention.start, model.end(), UNKNOWN_MODEL, 0.0)
                taken[mention.start : model.end()] = b"\x01" * (model.end() - mention.start)
        for m in _MODEL_TOKEN.finditer(text):
            if any(taken[m.start() : m.end()]):
                continue
            resolved = self.resolve(m.group(), exact_only=False)
            if resolved is not None and resolved[1] < 1.0:
                mentions.append(EntityMention(m.start(), m.end(), resolved[0], resolved[1]))
                taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        mentions = [self._by_generation(text, self._as_aggregate(text, e)) for e in mentions]
        for start, end, entity in self._open.find(text, taken, title_name):
            mentions.append(EntityMention(start, end, entity, 0.0))
        mentions.sort(key=lambda e: e.start)
        return mentions

    def _by_generation(self, text: str, mention: EntityMention) -> EntityMention:
        """第七代TPU, the seventh-generation TPU: a family with a generation number written
        before it is the family's chip of that generation, when the kb numbers exactly one."""
        if self.kb.kind(mention.entity) != "chip_family":
            return mention
        m = _GENERATION_BEFORE.search(text, max(0, mention.start - 24), mention.start)
        if m is None:
            return mention
        number = _generation_number(m.group("n") or m.group("en"))
        chips = [
            e
            for e, spec in self.kb.entities.items()
            if spec.family == mention.entity and spec.generation == number
        ]
        if len(chips) != 1:
            return mention
        return EntityMention(mention.start, mention.end, chips[0], mention.score)

    def _as_aggregate(self, text: str, mention: EntityMention) -> EntityMention:
        """H100服务器, GB200 NVL72: a chip named with a system noun is the system."""
        if self.kb.kind(mention.entity) not in ("chip", "chip_family"):
            return mention
        end = self._open.aggregate_end(text, mention.end)
        if end is None:
            return mention
        name = text[mention.start : end]
        return EntityMention(mention.start, end, local_entity("aggregate", name), 0.0)

    def _entity_of(self, surface: str) -> str:
        key = re.sub(r"[\s\-_·]", "", surface.casefold())
        return self._compact[key]

    def resolve(self, name: str, *, exact_only: bool = False) -> tuple[str, float] | None:
        """Canonical entity id of a name, with a match score; None when unknown."""
        key = re.sub(r"[\s\-_·]", "", alias_key(name).casefold())
        if key in self._compact:
            return self._compact[key], 1.0
        if exact_only:
            return None
        return self._fuzzy(key)

    @lru_cache(maxsize=4096)  # noqa: B019 - the matcher lives as long as the process
    def _fuzzy(self, key: str) -> tuple[str, float] | None:
        shape = _shape(key)
        if not shape[0]:
            return None
        scored: dict[str, float] = {}
        for alias, entity in self._compact.items():
            if self._shapes[alias] != shape:
                continue
            score = fuzz.ratio(key, alias)
            scored[entity] = max(scored.get(entity, 0.0), score)
        ranked = sorted(scored.items(), key=lambda item: item[1], reverse=True)
        if not ranked or ranked[0][1] < _FUZZY_MIN_SCORE:
            return None
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < _FUZZY_MARGIN:
            return None
        return ranked[0][0], ranked[0][1] / 100


@cache
def default_matcher() -> EntityMatcher:
    return EntityMatcher(default_kb())
