"""A figure of a part of its entity: a segment, a division, a business (手机业务收入455亿元,
Data Center segment revenue, AI semiconductor revenue).

A company's segment revenue is the company's, but it is not the company's revenue: two such
figures for one period are a part and its whole, never one fact stated twice. The part's
name becomes a condition of the figure's scope (`part: 手机业务`), so checks compare it only
with figures of the same part. The name is read by grammar, not from a list: a part noun
(业务, 分部, segment) with the words written before it, or in English a capitalised name or
an acronym phrase written right before the attribute's cue.
"""

from __future__ import annotations

import dataclasses
import re

from factcheck.claims.cues import CueSpec
from factcheck.claims.draft import joined
from factcheck.claims.trie import trie_pattern

PART = "part: "
"""How a part's name is written in a scope's condition."""

_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9×&+·“”\"「」'’\-]")
_NOUN_GAP = 4
"""How far a part noun may stand before its figure or cue (业务贡献283亿元收入)."""
_NOUN_GAP_LATIN = 24
_NAME_MAX = 16
_EN_WORD = re.compile(r"(?:[A-Z][A-Za-z0-9&\-]*|[A-Z0-9]{2,}[a-z]?)$")
_EN_WORDS_MAX = 4
_PUNCTUATION = re.compile(r"[,，。;；:：、!?！？()（）\[\]【】《》<>|\n]")


@dataclasses.dataclass(frozen=True)
class PartWords:
    nouns: re.Pattern[str]
    """A part or band noun ending a stretch of text (业务, 分部, segment, 价位段)."""
    band: re.Pattern[str]
    """A band noun right after a price (4000-6000元价位段, 3000元及以上价位)."""
    stops: re.Pattern[str]
    """A word ending a stretch of text that no name runs through (的, 其中, 实现)."""
    generic: frozenset[str]
    """Words that alone name no part: the whole (总, total), a kind (核心, core), 该."""
    anaphora: frozenset[str]

    @classmethod
    def from_cues(cls, cues: CueSpec) -> PartWords:
        words = cues.part_nouns + cues.band_nouns
        nouns = trie_pattern(words) if words else "(?!)"
        bands = trie_pattern(cues.band_nouns) if cues.band_nouns else "(?!)"
        stops = trie_pattern(cues.part_stops) if cues.part_stops else "(?!)"
        return cls(
            nouns=re.compile(rf"(?:{nouns})\s*$", re.I),
            band=re.compile(
                rf"\s*(?:及以上|及以下|以上|以下|and above)?\s*(?:的)?\s*(?:{bands})", re.I
            ),
            stops=re.compile(rf"(?:{stops})$", re.I),
            generic=frozenset(w.casefold() for w in cues.part_generic),
            anaphora=frozenset(w.casefold() for w in cues.part_anaphora),
        )


def names_band(text: str, end: int, words: PartWords) -> bool:
    """Whether the price ending at `end` names a band (4000-6000元价位段): no figure."""
    return words.band.match(text, end) is not None


class PartReader:
    """Reads the part a figure is of; remembers the last one named (该分部, the segment)."""

    def __init__(self, text: str, words: PartWords) -> None:
        self.text = text
        self.words = words
        self._last: str | None = None

    def part_of(self, floor: int, before: int) -> str | None:
        """The part named in text[floor:before], the stretch before a figure's cue or the
        figure itself, nearest first; None when it names none."""
        text = self.text
        latin = text[max(floor, before - _NOUN_GAP_LATIN) : before].isascii()
        gap = _NOUN_GAP_LATIN if latin else _NOUN_GAP
        for noun_end in range(before, max(floor, before - gap) - 1, -1):
            if text[noun_end : noun_end + 1].isascii() and text[noun_end : noun_end + 1].isalpha():
                continue  # inside a Latin word: "segments" holds no "segment" ending here
            m = self.words.nouns.search(text, max(floor, noun_end - _NAME_MAX), noun_end)
            if m is None:
                continue
            if _PUNCTUATION.search(text, noun_end, before):
                return None
            return self._named(self._name_before(floor, m.start()))
        if latin:
            return self._named(self._english_name(floor, before))
        return None

    def _named(self, name: str | None) -> str | None:
        if name is None:
            return None
        key = name.casefold()
        if key in self.words.anaphora:
            return self._last
        if not name or key in self.words.generic:
            return None
        self._last = name
        return name

    def _name_before(self, floor: int, end: int) -> str:
        """The name written before a part noun: name characters back to a stop word, a
        punctuation mark or the floor (an entity, a date, a number, the clause's start)."""
        text = self.text
        start = end
        while start > floor and end - start < _NAME_MAX and _NAME_CHAR.match(text, start - 1):
            if self.words.stops.search(text, max(floor, start - 4), start):
                break
            start -= 1
        if start > floor and text[start - 1] == " " and text[start - 2 : start - 1].isalpha():
            words = text[floor:end].split()
            named = self._english_name(floor, end)
            if named is None and words and words[-1].casefold() in self.words.anaphora:
                return words[-1]  # the segment, this division: the one named last
            return named or ""
        name = text[start:end].strip().strip("“”\"「」'’")
        return _strip_generic(name, self.words.generic)

    def _english_name(self, floor: int, end: int) -> str | None:
        """Data Center segment, Infrastructure Software revenue, AI semiconductor revenue:
        capitalised words (or an acronym and the words after it) right before the cue."""
        words = self.text[floor:end].split()
        taken: list[str] = []
        for word in reversed(words):
            if len(taken) == _EN_WORDS_MAX or word.casefold() in self.words.generic:
                break
            if not _EN_WORD.match(word) and not (word.isalpha() and word.islower()):
                break
            taken.append(word)
        while taken and not _EN_WORD.match(taken[-1]):
            taken.pop()  # the name starts with a capital: "expected revenue" is none
        if not taken or (not taken[-1].isupper() and any(w.islower() for w in taken)):
            return None  # lower-case words only after an acronym (AI semiconductor)
        return " ".join(reversed(taken))


def _strip_generic(name: str, generic: frozenset[str]) -> str:
    """Leading generic characters are no part of the name (总手机 is 手机); the name
    itself may be generic (主营), which the caller checks."""
    for size in (2, 1):
        head = name[:size]
        if len(name) > size and head.casefold() in generic:
            return name[size:]
    return name


def with_part(condition: str | None, part: str | None) -> str | None:
    return condition if part is None else joined(condition, PART + part)


def part_in(condition: str | None) -> str | None:
    """The part named in a scope's condition, if any."""
    if not condition:
        return None
    for item in condition.split(", "):
        if item.startswith(PART):
            return item
    return None
