"""Ratio cues: 是H20的近4.8倍, 比H20好近6倍, 1.6 times more than the B200, 是H100算力的15%:
where the base of a multiple (or of a ratio written as a percentage) is written."""

from __future__ import annotations

import re

from factcheck.claims.relation_cue import RelationCue
from factcheck.model.claim import ClaimKind
from factcheck.model.quantity import Qualifier, QuantityMention

# 是H20的近4.8倍 / 更是H20(1TB/s GDDR6X)的近4.8倍 / 几乎是H10的两倍: the base ends before 的
_RATIO_TAIL = re.compile(
    r"(?P<paren>\([^()]{0,40}\))?\s*的\s*(?P<qual>近乎|几乎|将近|接近|近|约|大约)?\s*$"
)
_RATIO_VERB = re.compile(
    r"(?P<vqual>几乎|大约|约|接近|将近|近)?(?:是|为|达到|相当于|约为|约是|只有|仅有|逼近|接近)\s*"
    r"(?=(?:[^是为达有]|达(?!到))*$)"
)
_RATIO_BARE = re.compile(r"(?P<verb>是|为)\s*(?P<base>前者|后者)\s*(?P<qual>约|近|几乎)?\s*$")
# 比 H20 好近 6 倍
_BASE_REACH = 16
_RATIO_THAN = re.compile(
    r"比\s*(?P<base>[^,，;；。]{1,30}?)\s*(?:好|高|强|快|大|多|提升|提高)?了?\s*(?P<qual>近|约)?\s*$"
)
_RATIO_EN_AFTER = re.compile(
    r"\s*(?:(?:more|higher|larger|bigger|greater|faster)\s+than\s+|as\s+\w+\s+as\s+)?"
    r"(?:(?:that|those) of\s+)?(?:the\s+)?"
    r"(?:[A-Z][\w\-]{0,20}(?:'s|’s)\s+)?"  # 1.6 times more than Nvidia's B200
    r"(?P<base>[A-Za-z][\w\-]{0,20}(?: [A-Z0-9][\w\-]{0,10})?)"
    r"(?:'s|’s)?(?=[\s,.;)]|$)"
)


def qualifier_of(word: str | None) -> Qualifier | None:
    if not word:
        return None
    if word in ("几乎", "近乎", "将近", "接近", "近"):
        return Qualifier.nearly
    if word in ("约", "大约"):
        return Qualifier.approx
    return None


def ratio_cue(text: str, before: str, offset: int, q: QuantityMention) -> RelationCue:
    m = _RATIO_BARE.search(before)
    if m:
        return RelationCue(
            ClaimKind.ratio,
            cue_start=offset + m.start(),
            base_start=offset + m.start("base"),
            base_end=offset + m.end("base"),
            qualifier=qualifier_of(m.group("qual")),
        )
    tail = _RATIO_TAIL.search(before)
    if tail:
        head = before[: tail.start()]
        verb = _RATIO_VERB.search(head)
        base_start = verb.end() if verb else max(0, len(head) - _BASE_REACH)
        if head[base_start:].strip():
            qualifier = qualifier_of(tail.group("qual")) or qualifier_of(
                verb.group("vqual") if verb else None
            )
            return RelationCue(
                ClaimKind.ratio,
                cue_start=offset + (verb.start() if verb else base_start),
                base_start=offset + base_start,
                base_end=offset + tail.start(),
                qualifier=qualifier,
            )
    m = _RATIO_THAN.search(before)
    if m:
        return RelationCue(
            ClaimKind.ratio,
            cue_start=offset + m.start(),
            base_start=offset + m.start("base"),
            base_end=offset + m.end("base"),
            qualifier=qualifier_of(m.group("qual")),
        )
    after = _RATIO_EN_AFTER.match(text, q.norm_span.end)
    if after and re.search(r"times|[x×]", q.surface):
        return RelationCue(
            ClaimKind.ratio,
            cue_start=q.norm_span.start,
            base_start=after.start("base"),
            base_end=after.end("base"),
        )
    return RelationCue(ClaimKind.ratio, cue_start=q.norm_span.start)


def percent_ratio_cue(before: str, offset: int, q: QuantityMention) -> RelationCue | None:
    """是H100算力的15%左右 / 仅相当于H100的20%: a ratio written as a percentage. The verb is
    required (a bare 的15% is too often a share or a rate); the builder keeps the ratio only
    when the base names another entity."""
    if q.unit != "percent":
        return None
    tail = _RATIO_TAIL.search(before)
    if tail is None:
        return None
    head = before[: tail.start()]
    verb = _RATIO_VERB.search(head)
    if verb is None or not head[verb.end() :].strip():
        return None
    return RelationCue(
        ClaimKind.ratio,
        cue_start=offset + verb.start(),
        base_start=offset + verb.end(),
        base_end=offset + tail.start(),
        qualifier=qualifier_of(tail.group("qual")) or qualifier_of(verb.group("vqual")),
    )
