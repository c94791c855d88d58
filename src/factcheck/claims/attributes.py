"""Which attribute a number states: the nearest cue word whose attribute fits the number's
unit, else the heading of its paragraph, else the one default for its dimension."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.claims.kb import TRAILING_QUALIFIERS, KnowledgeBase, alias_key
from factcheck.claims.money import MAGNITUDE_END
from factcheck.claims.scanned import ScannedPattern
from factcheck.claims.trie import caseless_words

_BEFORE_WINDOW = 40
_LATIN_WINDOW = 80
"""English spends about twice the characters Chinese does on the same words."""
_AFTER_WINDOW = 8
_AFTER_PENALTY = 6
_REFINE_GAP = 4
# A single space is typesetting (FP16 算力), not a break between noun phrases.
_BREAK = re.compile(r"[,，;；。、:：()（）和与及或\n]|\s{2,}")


@dataclass(frozen=True, slots=True)
class AttributeChoice:
    attribute: str | None
    from_cue: bool
    strategy: str = "no_fit"
    """cue:<word>, heading:<label>, unit_default, or no_fit (nothing fits the unit)."""
    cue_start: int | None = None
    """Where the cue word starts in the text, when a cue chose the attribute."""


class AttributeResolver:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._cue_owners: dict[str, list[str]] = {}
        for attribute, spec in kb.attributes.items():
            for cue in spec.cues:
                self._cue_owners.setdefault(alias_key(cue).casefold(), []).append(attribute)
        self._cues = ScannedPattern(caseless_words(list(self._cue_owners)))

    def fitting(self, unit: str | None, surface: str = "") -> list[str]:
        # Only the unit and the last characters (classifiers such as 颗/套) decide the fit.
        return list(self._fitting(unit, surface.rstrip(TRAILING_QUALIFIERS)[-3:]))

    @lru_cache(maxsize=1024)  # noqa: B019 - resolvers live as long as the process
    def _fitting(self, unit: str | None, ending: str) -> tuple[str, ...]:
        return tuple(a for a, spec in self.kb.attributes.items() if spec.fits(unit, ending))

    def _refined(
        self,
        attribute: str,
        cue_start: int,
        cues: list[tuple[int, int, list[str]]],
        fits: list[str],
        text: str,
    ) -> str:
        """FP16稠密算力: a generic cue (算力) right after a specific one (FP16) in the same
        noun phrase names the specific attribute."""
        if not self.kb.attributes[attribute].generic:
            return attribute
        for start, end, owners in cues:
            between = text[end:cue_start]
            if end <= cue_start and len(between) <= _REFINE_GAP and not _BREAK.search(between):
                narrower = [a for a in owners if a in fits and not self.kb.attributes[a].generic]
                if narrower and start < cue_start:
                    return narrower[0]
        return attribute

    def cues_in(self, text: str, start: int, end: int) -> list[tuple[int, int, list[str]]]:
        return [
            (s, e, self._cue_owners[word.casefold()])
            for s, e, word in self._cues.within(text, start, end)
        ]

    def choose(
        self,
        text: str,
        q_start: int,
        q_end: int,
        sentence: tuple[int, int],
        unit: str | None,
        heading: str | None = None,
        *,
        surface: str = "",
        after_window: int = _AFTER_WINDOW,
    ) -> AttributeChoice:
        fits = self.fitting(unit, surface)
        if unit == "dimensionless" and MAGNITUDE_END.search(surface):
            # shipments: 71.5 million: a magnitude with no unit counts what its cue names;
            # only a cue says so (no count attribute is any bare number's default)
            counted = self.fitting("count", surface)
            fits = fits + [
                a for a in counted if a not in fits and not self.kb.attributes[a].default
            ]
        if not fits:
            return AttributeChoice(None, False)
        window_start = max(sentence[0], q_start - _before_window(text, q_start))
        window_end = min(sentence[1], q_end + after_window)
        cues = self.cues_in(text, window_start, window_end)
        # 5000套模组: a number written with an attribute's own classifier is that attribute's
        # when a cue of it is near; 4350万台 with 出货量 is a plain shipment count.
        classified = [a for a in fits if self.kb.attributes[a].classifiers]
        for candidates in (classified, fits) if classified and classified != fits else (fits,):
            chosen = self._by_cue_or_heading(text, q_start, q_end, cues, candidates, heading)
            if chosen is not None:
                return chosen
        for attribute in fits:
            if self.kb.attributes[attribute].default:
                return AttributeChoice(attribute, False, "unit_default")
        return AttributeChoice(None, False)

    def _by_cue_or_heading(
        self,
        text: str,
        q_start: int,
        q_end: int,
        cues: list[tuple[int, int, list[str]]],
        fits: list[str],
        heading: str | None,
    ) -> AttributeChoice | None:
        best, best_cue_start, best_cue_end = _nearest_cue(text, q_start, q_end, cues, fits)
        if best is not None:
            refined = self._refined(best[2], best_cue_start, cues, fits, text)
            cue = f"cue:{text[best_cue_start:best_cue_end]}"
            return AttributeChoice(refined, True, cue, best_cue_start)
        if heading:
            for _, _, owners in self.cues_in(heading, 0, len(heading)):
                for attribute in owners:
                    if attribute in fits:
                        return AttributeChoice(attribute, True, f"heading:{heading}")
        return None


def _nearest_cue(
    text: str, q_start: int, q_end: int, cues: list[tuple[int, int, list[str]]], fits: list[str]
) -> tuple[tuple[int, int, str] | None, int, int]:
    """The cue nearest the number among those of fitting attributes: (rank, start, end)."""
    best: tuple[int, int, str] | None = None
    best_cue_start = best_cue_end = 0
    for cue_start, cue_end, owners in cues:
        if cue_end <= q_start:
            distance = q_start - cue_end
        elif cue_start >= q_end:
            # A cue glued to the number (套模组, 万卡集群) is as good as one before it.
            glued = not text[q_end:cue_start].strip()
            distance = 0 if glued else cue_start - q_end + _AFTER_PENALTY
        elif cue_start > q_start:
            distance = -1  # the unit word itself names the attribute (400万开发者)
        else:
            continue
        for attribute in owners:
            if attribute in fits:
                rank = (distance, fits.index(attribute), attribute)
                if best is None or rank < best:
                    best, best_cue_start, best_cue_end = rank, cue_start, cue_end
    return best, best_cue_start, best_cue_end


def _before_window(text: str, q_start: int) -> int:
    """How far before a number its cue may be written: further in Latin-script text."""
    before = text[max(0, q_start - _BEFORE_WINDOW) : q_start]
    latin = sum(c.isascii() for c in before)
    return _LATIN_WINDOW if before and latin >= 0.9 * len(before) else _BEFORE_WINDOW
