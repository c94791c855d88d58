"""Direction cues: words that say one value is larger or smaller than another (低于,
略高于, far exceeds, 更为可观), and changes written as the value reached (降至14%)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.claims.cues import CueSpec
from factcheck.claims.trie import trie_pattern
from factcheck.model.claim import Direction

# 降至14% / 从13%骤降至5% / 增至7.43亿元: a value reached by a change
_CHANGE_TO = re.compile(
    r"(?P<verb>骤降|降|下降|下调|跌|回落|减少|缩减|削减|减|砍|砍半|腰斩|压缩|下滑|"
    r"增|增长|上升|升|上调|提升|提高|攀升|涨|飙升|回升|扩大|扩充)"
    r"(?:了)?(?:至|到)\s*$"
)
_CHANGE_DOWN = frozenset(
    "骤降 降 下降 下调 跌 回落 减少 缩减 削减 减 砍 砍半 腰斩 压缩 下滑".split()
)
_COMPARE_BEFORE = re.compile(
    r"(?:相比于?|相较于?|较|比|与|compared with|compared to)\s*(?P<base>[^,，;；。]{1,40}?)\s*"
    r"(?:[^\s,，;；。]{0,12})?\s*$"
)


_FROM_TO = re.compile(r"\bfrom\s+(?:[^,;.()]|(?<=\d)\.(?=\d)){1,30}?\s+to\s*$")


def from_to(text: str, clause_start: int, start: int) -> bool:
    """`capacity from 80GB to 141GB`: a change without a direction word."""
    return _FROM_TO.search(text, max(clause_start, start - 60), start) is not None


def change_to(text: str, clause_start: int, start: int) -> Direction | None:
    """The direction of `降至` / `增至` written right before a number."""
    m = _CHANGE_TO.search(text, clause_start, start)
    if m is None or (m.end() != start and text[m.end() : start].strip()):
        return None
    return Direction.less if m.group("verb") in _CHANGE_DOWN else Direction.greater


@dataclass(frozen=True, slots=True)
class DirectionCue:
    start: int
    end: int
    direction: Direction
    base_start: int | None
    base_end: int | None
    base_after: bool
    """True when the base follows the word (略低于H200), False when it precedes (相比H100…略小)."""


@dataclass(frozen=True)
class DirectionWords:
    """The direction words of `kb/cues.yaml` (略低于, far exceeds, 难以重现) and their
    direction, with one pattern for all of them."""

    words: dict[str, Direction]
    pattern: re.Pattern[str]

    @classmethod
    def from_cues(cls, cues: CueSpec) -> DirectionWords:
        words = {w: Direction(d) for d, listed in cues.direction_words.items() for w in listed}
        return cls(words, re.compile(trie_pattern(list(words))))


def direction_cues(text: str, start: int, end: int, lexicon: DirectionWords) -> list[DirectionCue]:
    cues = []
    for m in lexicon.pattern.finditer(text, start, end):
        word = m.group()
        if word.isascii() and text[start : m.start()].rstrip()[-1:] in tuple("0123456789%"):
            continue  # "43% higher than": a quantified comparison, read as a relation
        direction = lexicon.words[word]
        follower = text[m.end() : m.end() + 1]
        if word.startswith(("难以", "无法")):
            cues.append(DirectionCue(m.start(), m.end(), direction, m.end(), None, True))
            continue
        if (
            word.endswith(("于", "than", "超", "不及", "不如", "exceeds"))
            and follower
            and not follower.isdigit()
        ):
            cues.append(DirectionCue(m.start(), m.end(), direction, m.end(), None, True))
            continue
        if word.endswith(("于", "than")) and follower.isdigit():
            continue  # 低于4800: a bound on a number, read by the quantity grammar
        clause_start = (
            max(text.rfind(",", start, m.start()), text.rfind("，", start, m.start()), start - 1)
            + 1
        )
        compare = _COMPARE_BEFORE.search(text, start, m.start())
        if compare is not None:
            cues.append(
                DirectionCue(
                    m.start(), m.end(), direction, compare.start("base"), compare.end("base"), False
                )
            )
        elif clause_start < m.start():
            cues.append(DirectionCue(m.start(), m.end(), direction, None, None, False))
    return cues


_COMPARATIVE = re.compile(
    r"更为可观|更为显著|更快|更高|更强|更大|更多|更低|更慢|更小|更少|更为明显"
)
_COMPARATIVE_LESS = ("更低", "更慢", "更小", "更少")


def comparatives(text: str, start: int, end: int) -> list[tuple[int, int, Direction]]:
    """沐曦的增长更为可观: a comparison with whoever the sentence before was about."""
    return [
        (
            m.start(),
            m.end(),
            Direction.less if m.group() in _COMPARATIVE_LESS else Direction.greater,
        )
        for m in _COMPARATIVE.finditer(text, start, end)
    ]
