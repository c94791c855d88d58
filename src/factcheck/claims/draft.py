"""The draft table: claims under construction, shared by the passes that build them.

Drafts point at each other (a relation's operands, a memory type's size) before ids exist;
`passes/finish.py` gives ids and turns the table into claims.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar

from factcheck.claims.relation_cue import RelationCue
from factcheck.claims.relation_cues import is_multiple
from factcheck.model.claim import ClaimKind, Scope
from factcheck.model.quantity import QuantityMention

BASE_CONFIDENCE = 0.9
CARRIED_PENALTY = 0.25
AMBIGUOUS_PENALTY = 0.1
"""A carried topic whose source sentence names a rival of the same kind: below judging."""
DAMAGED_PENALTY = 0.4
NO_ATTRIBUTE_PENALTY = 0.2
UNKNOWN_CONFIDENCE = 0.4


@dataclass
class Draft:
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
    operands: list[tuple[str, Draft | None, str | None, str | None]] = field(default_factory=list)
    """(role, claim, entity, attribute) before ids exist."""
    expression: str | None = None
    """Arithmetic the article writes for this figure, over the operand roles x1, x2 …"""
    owner: Draft | None = None
    """A memory type follows the size it is written with (80GB HBM3) when that moves."""
    entity_how: str = "unbound"
    attribute_how: str = "no_fit"
    rejected: list[str] = field(default_factory=list)
    inferred: dict[str, str] = field(default_factory=dict)
    """By aspect (entity, attribute, operands): what was inferred from context, and how."""
    id: str = ""

    edited: ClassVar[list[Draft]] = []
    """Drafts whose lookup key (entity, attribute) or plainness may have changed since the
    tables last re-indexed them: each table moves only these, never every draft."""

    def __setattr__(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)
        if name in _LOOKUP_KEYS and "id" in self.__dict__:
            Draft.edited.append(self)


_LOOKUP_KEYS = frozenset({"entity", "attribute", "kind", "cue", "quantity"})


@dataclass(frozen=True, slots=True)
class Bound:
    """An entity decision: who, whether carried from an earlier sentence, and why."""

    entity: str | None
    carried: bool
    strategy: str
    rejected: list[str]
    member: str | None = None
    """For a count of an aggregate's chips (384颗昇腾910C): the chip counted."""

    def inferred(self) -> dict[str, str]:
        reason = entity_inference(self.strategy, self.carried)
        return {"entity": reason} if reason else {}


def entity_inference(strategy: str, carried: bool = False) -> str | None:
    """Why an entity found by `strategy` was inferred from context, or None when its own
    sentence names it: carried from an earlier sentence, or the company `公司` refers to."""
    if carried or strategy == "carried_topic":
        return "carried from an earlier sentence"
    if strategy.startswith("pronoun:"):
        word, _, past = strategy[len("pronoun:") :].partition(":")
        if past:
            return f"the topic before the rival this sentence compares with, by the pronoun {word}"
        return "the subject of the sentence before, by the pronoun " + word
    if strategy.startswith("company_reference:"):
        return "the company the article is about, by reference"
    if strategy == "owner_of_previous_value":
        return "the owner of the value written before"
    if strategy == "parallel_clause":
        return "the owner of the parallel clause before"
    if strategy == "comparative_subject":
        return "compared with the subject of the sentence before"
    return None


class DraftTable:
    """Every draft of one document in the order the passes add them."""

    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self._by_quantity: dict[int, Draft] = {}
        self._by_sentence: dict[int, list[Draft]] = {}
        self._values: dict[tuple[str | None, str | None], dict[int, Draft]] = {}
        """Plain values by key; each group by id of the draft (filed and unfiled in O(1))."""
        self._keys: dict[int, tuple[str | None, str | None]] = {}
        """Where each indexed draft is filed (by id of the draft)."""
        self._order: dict[int, int] = {}
        Draft.edited.clear()

    def add(self, draft: Draft) -> None:
        self._order[id(draft)] = len(self.drafts)
        self.drafts.append(draft)
        self._by_sentence.setdefault(draft.sentence, []).append(draft)
        if draft.quantity is not None:
            self._by_quantity[id(draft.quantity)] = draft
        self._file(draft)

    def order(self, draft: Draft) -> int:
        """When the draft was added: later passes add drafts of earlier sentences too."""
        return self._order[id(draft)]

    def _file(self, draft: Draft) -> None:
        """Put a draft under its current key (in table order), or take it out when it is no
        plain value any more."""
        old = self._keys.pop(id(draft), None)
        if old is not None:
            del self._values[old][id(draft)]
        if plain_value(draft):
            key = (draft.entity, draft.attribute)
            self._keys[id(draft)] = key
            self._values.setdefault(key, {})[id(draft)] = draft

    def _plain_values(self) -> dict[tuple[str | None, str | None], dict[int, Draft]]:
        """Plain values by (entity, attribute); drafts edited since the last lookup are
        re-filed, so a lookup per relation stays linear in the document."""
        if Draft.edited:
            for draft in {id(d): d for d in Draft.edited}.values():
                if id(draft) in self._order:
                    self._file(draft)
            Draft.edited.clear()
        return self._values

    def in_sentence(self, sentence: int) -> list[Draft]:
        """The drafts of one sentence, in the order they were added."""
        return self._by_sentence.get(sentence, [])

    def of(self, q: QuantityMention) -> Draft | None:
        """The value draft made of a number, if the number made one."""
        return self._by_quantity.get(id(q))

    def previous_value(self, sentence: int, before: int) -> Draft | None:
        """The last plain value of a sentence ending before a position."""
        for draft in reversed(self.in_sentence(sentence)):
            if plain_value(draft) and draft.end <= before:
                return draft
        return None

    def lookup(
        self, entity: str, attribute: str, near: int, exclude: QuantityMention | None = None
    ) -> Draft | None:
        """A value claim of the document for (entity, attribute): one stated without a
        condition first, then the nearest, preceding ones before following ones."""
        found = [
            d
            for d in self._plain_values().get((entity, attribute), {}).values()
            if d.quantity is not exclude
        ]
        if not found:
            return None
        order = self._order
        return min(
            found,
            key=lambda d: (
                d.scope.condition is not None,
                d.start > near,
                abs(d.start - near),
                order[id(d)],  # a tie goes to the draft added first
            ),
        )

    def of_period(
        self, entity: str, attribute: str, period: str, conditions: tuple[str | None, ...] = (None,)
    ) -> Draft | None:
        """The one value the document states for (entity, attribute) in a period, under one
        of the conditions (none, by default); None when it states none, or several that
        differ (GAAP and non-GAAP)."""
        found = [
            d
            for d in self._plain_values().get((entity, attribute), {}).values()
            if d.scope.period == period and d.scope.condition in conditions
        ]
        if not found or len({d.value for d in found}) > 1:
            return None
        return min(found, key=lambda d: self._order[id(d)])


def plain_value(draft: Draft) -> bool:
    """A number stated as a value, not as a relation: what relations may point at. A share
    (占…的19%) is the value of a share attribute."""
    if draft.quantity is None:
        return False
    if draft.cue is not None:
        return draft.cue.kind is ClaimKind.share
    return draft.kind is ClaimKind.value


def is_bare(q: QuantityMention) -> bool:
    """A number written without any unit (`15万`, `15832`)."""
    return q.unit == "dimensionless" and not q.is_range and not is_multiple(q)


def larger(first: Draft, second: Draft) -> bool:
    return (
        isinstance(first.value, Decimal)
        and isinstance(second.value, Decimal)
        and abs(first.value) > abs(second.value)
    )


def comparable(draft: Draft, q: QuantityMention) -> bool:
    """Whether a number without a unit can be the next item of a list: items of one list
    are of one order of magnitude (TPP 15832, then 12800), while a stray 9 after 5120 is
    a rank, a month or a count, not the next chip's TPP."""
    if not is_bare(q) or not isinstance(draft.value, Decimal) or q.value is None:
        return True
    if draft.value == 0 or q.value == 0:
        return False
    ratio = abs(q.value / draft.value)
    return Decimal("0.1") <= ratio <= 10


def joined(first: str | None, second: str) -> str:
    return second if not first else f"{first}, {second}"


def confidence(base: float, damaged: bool) -> float:
    """A confidence rounded for output, lower for a sentence damaged in extraction."""
    return round(base - (DAMAGED_PENALTY if damaged else 0), 2)
