"""Shares written in words: 占总营收的76%, 其中四分之一, accounts for 92% of revenue."""

from __future__ import annotations

import re

from factcheck.claims.relation_cue import RelationCue
from factcheck.model.claim import ClaimKind
from factcheck.model.quantity import QuantityMention

_SHARE_VERB_EN = re.compile(
    r"(?:accounts? for|accounted for|accounting for|makes? up|made up|making up|represents?|"
    r"represented|representing|comprises?|comprised|comprising)\s*(?:about|roughly|around|"
    r"nearly|almost|some|just|only|over|more than)?\s*$",
    re.I,
)
# "accounting for 151%": the whole may go unsaid after these verbs, never after "represents".
_SHARE_VERB_ALONE = re.compile(r"account|mak|made", re.I)
_SHARE_WHOLE_EN = re.compile(
    r"\s+of\s+(?P<base>(?:the\s+|its\s+)?[A-Za-z][\w\- ]{0,30}?)(?=[,.;)]|$)"
)
_SHARE_OF_PREVIOUS = re.compile(r"其中(?:的)?\s*$")
# The base names a whole, never holds a computation (占比为20%(120亿元/800亿元×100%)).
_SHARE_OF = re.compile(
    r"占(?P<base>[^,，;；。=×÷/]{0,30}?)(?:的|比例|比重)?(?:从)?"
    r"(?:达到|达|为|约|近|超过|逾)?\s*$"
)
# 5纳米比重37% / 营收占比达23%: a share of a whole the clause does not name
_SHARE_WORD = re.compile(r"(?:比重|占比)\s*(?:达到|达|为|约|近|超过|逾|是)?\s*$")


def share_cue(before: str, offset: int) -> RelationCue | None:
    m = _SHARE_OF_PREVIOUS.search(before)
    if m:
        return RelationCue(ClaimKind.share, cue_start=offset + m.start(), of_previous=True)
    m = _SHARE_OF.search(before)
    if m:
        return RelationCue(
            ClaimKind.share,
            cue_start=offset + m.start(),
            base_start=offset + m.start("base"),
            base_end=offset + m.end("base"),
        )
    m = _SHARE_WORD.search(before)
    if m:
        return RelationCue(ClaimKind.share, cue_start=offset + m.start())
    return None


def share_cue_en(text: str, before: str, offset: int, q: QuantityMention) -> RelationCue | None:
    """accounts for roughly 92% of total revenue / makes up 13% of sales."""
    verb = _SHARE_VERB_EN.search(before)
    whole = _SHARE_WHOLE_EN.match(text, q.norm_span.end)
    if verb is None:
        return None
    if whole is None:
        if q.unit != "percent" or not _SHARE_VERB_ALONE.match(verb.group()):
            return None
        return RelationCue(ClaimKind.share, cue_start=offset + verb.start())
    return RelationCue(
        ClaimKind.share,
        cue_start=offset + verb.start(),
        base_start=whole.start("base"),
        base_end=whole.end("base"),
    )
