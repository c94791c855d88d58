"""Relation cues around a number: what a ratio, change, difference, share, CAGR or
conversion is relative to. Patterns read the normalized sentence text before (and for
English, after) the number; they return where the base is written, not what it is worth.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.claims.ratio_cues import percent_ratio_cue, ratio_cue
from factcheck.claims.relation_cue import RelationCue
from factcheck.claims.share_cues import share_cue, share_cue_en
from factcheck.model.claim import ClaimKind
from factcheck.model.quantity import QuantityMention

# The multiple's own word, not letters of a qualifier written with it ("not exceed 4800").
_MULTIPLE = re.compile(
    r"倍|×|(?<![A-Za-z])x(?![A-Za-z])|\btimes\b|fold|翻|\bdouble|\btwice|\btriple|\bhalf"
)
_FRACTION_WORD = re.compile(r"分之|一半|半数|half|quarter|third")

_POINTS = ("percentage_point", "basis_point")
_NEGATIVE_VERBS = frozenset(
    "下降 下跌 暴跌 减少 低 便宜 缩短 降低 跌 跌幅 节省 降幅 回落 下滑 萎缩 骤降 减 降 小 慢 弱 少 "
    "下调 调降 大跌 锐减 骤减 下挫 衰退 "
    "down fell decreased dropped lower less cheaper declined shrank smaller slower slipped plunged "
    "falls slides slid slumps slumped tumbles tumbled drops sheds shed".split()
)
_CHANGE_VERBS = (
    r"增幅|涨幅|降幅|跌幅|增速|提升|增长|增加|上涨|上升|提高|高出|高|多出|多|降低|下降|下跌|减少|低|便宜|贵|缩短|延长|"
    r"节省|暴跌|下滑|回落|涨|跌|升|增|减|降|大|小|快|慢|强|弱|少"
)
_PERCENT_VS = re.compile(
    r"(?:较|(?<![环同])比|相比于?|相较于?|相对于?|对比|compared with|compared to|relative to)\s*"
    rf"(?P<base>[^,，;；。]{{1,40}}?)\s*(?P<verb>{_CHANGE_VERBS})了?\s*$"
)
_COMPARED_BEFORE = re.compile(
    r"(?:与|和|跟|同)\s*(?P<base>[^,，。;；]{1,30}?)\s*(?:相比|相较|比较|对比)(?:之下|而言|来看)?\s*[,，]\s*$"
)
_CHANGE_AFTER_COMPARED = re.compile(
    r"(?P<verb>高出|超出|多出|低了|高了|提升|提高|增加|减少|降低|快|慢|高|低|多|少)了?\s*(?:约|近)?\s*$"
)
_PERCENT_PERIOD = re.compile(
    r"(?P<period>同比|环比|按年|按季|年比|季比|年(?=[增减升降])|季(?=[增减升降])|"
    r"year over year|year-on-year|yoy|"
    r"quarter over quarter)\s*"
    rf"(?:大幅|小幅|暴|骤|急|激|猛|劲|狂|飙|大|略|微|也)?(?P<verb>{_CHANGE_VERBS})了?"
    r"\s*也?(?:达到|达|约|近|超过|超|逾|高达)?\s*$",
    re.I,
)
_PERCENT_PLAIN = re.compile(
    r"(?P<verb>下跌|上涨|涨幅|跌幅|下降|增长|上升|缩短|提升|降低|节省|减少|增加|暴跌|上调|下调|调涨|调降|"
    r"上扬|攀升|飙升|激增|暴增|猛增|大增|大涨|大跌|暴涨|骤降|锐减|骤减|下滑|下挫|回落|萎缩|涨|跌|"
    r"up|down|rose|fell|grew|increased|decreased|dropped|declined|jumped|surged|climbed|slipped|plunged|"
    r"gains|gained|rises|falls|jumps|surges|climbs|slides|slid|slumps|slumped|tumbles|tumbled|soars|soared|"
    r"drops|sheds|shed|adds|added|grows|growing|growth of)"
    r"(?:最高|最多|达到|达|了|约|近|超过|超|逾|by)?\s*$"
)
# 同比+20%, 环比-5%, YoY +12%: a period mark and a sign say the change without a verb
_PERIOD_SIGN = re.compile(
    r"(?P<period>同比|环比|按年|按季|年比|季比|yoy|y/y|qoq|q/q)\s*[:：]?\s*(?P<sign>[+＋\-−–])\s*$",
    re.I,
)
_QUARTER_MARKS = ("环比", "按季", "季比", "qoq", "q/q")
_PERIOD_AFTER = re.compile(r"\s*(?:year over year|year-on-year|y/y|yoy)\b", re.I)
# +56% Y/Y, 54% Q/Q, +13%: a change marked after the number, or by its sign
_CHANGE_MARK_AFTER = re.compile(
    r"\s*(?:(?P<year>year over year|year-on-year|y/y|yoy|y-o-y)|"
    r"(?P<quarter>quarter over quarter|quarter-on-quarter|q/q|qoq|sequentially))(?![A-Za-z])",
    re.I,
)
_SIGN_BEFORE = re.compile(r"(?:^|[\s(（;；,，:：])[+](?=\s*$)")
_PERCENT_RATE = re.compile(
    r"(?:增长率|增速|涨幅|降幅|growth rate|growth of)\s*[(（]?\s*(?:接近|约|达|为|of)?\s*$"
)
_PERCENT_EN_AFTER = re.compile(
    r"\s*(?P<verb>higher|lower|more|less|cheaper|faster|slower|larger|smaller|bigger)\s+than\s+"
    r"(?:the\s+|that of\s+)?(?:[A-Z][\w\-]{0,20}(?:'s|’s)\s+)?"
    r"(?P<base>[A-Za-z][\w\-]{0,20}(?: [A-Z0-9][\w\-]{0,10})?)"
    r"(?:'s|’s)?(?=[\s,.;)]|$)"
)
_DIFFERENCE = re.compile(
    r"比\s*(?P<base>[^,，;；。]{1,30}?)\s*"
    r"(?P<verb>多出|多了|多|高出|高|少|低|大|小|贵|便宜|快|慢)了?\s*$"
)
_CAGR = re.compile(
    r"(?P<label>[一二三四五六七八九十\d]+年)?(?:年均)?(?:复合增长率|复合年增长率|年复合增长率|CAGR|"
    r"compound annual growth rate)\s*(?:高达|达到|达|为|约|of)?\s*$",
    re.I,
)
_CAGR_LABEL_BEFORE = re.compile(r"(?P<label>[一二三四五六七八九十\d]+)年(?:年)?复合")
_CONVERSION = re.compile(
    r"(?:折合|约合|相当于|换算成?|合计约?|equivalent to|about)"
    r"\s*(?:人民币|美元)?\s*(?:约为?|大约)?\s*$"
)
_CONVERSION_WORD = re.compile(r"折合|约合|相当于")
_PASSIVE_AGENT = re.compile(r"\s*(?:将|会)?被\s*")
# 25%的销售收入需上缴美国政府: the recipient of a payment
_RECIPIENT = re.compile(r"[^,，;；。]{0,12}?(?:上缴|上交|交给|缴纳给|缴给|分给|付给|支付给)\s*")


def is_multiple(q: QuantityMention) -> bool:
    return q.unit == "dimensionless" and bool(_MULTIPLE.search(q.surface))


def is_fraction(q: QuantityMention) -> bool:
    if q.unit == "percent":
        return True
    return q.unit == "dimensionless" and bool(_FRACTION_WORD.search(q.surface))


def _clause_start(text: str, sentence_start: int, start: int) -> int:
    """After the last comma before `start` outside a parenthesis closed before `start`:
    是H100(80GB HBM3,3.35TB/s)的两倍 is one clause."""
    depth = 0
    for i in range(start - 1, sentence_start - 1, -1):
        char = text[i]
        if char == ")":
            depth += 1
        elif char == "(":
            depth = max(depth - 1, 0)
        elif char in ",，;；" and depth == 0:
            return i + 1
    return sentence_start


def relation_cue(text: str, sentence_start: int, q: QuantityMention) -> RelationCue | None:
    """The relation a number belongs to, from the words written around it."""
    start = q.norm_span.start
    # Read only the clause the number is in: a comparison word in an earlier clause belongs
    # to an earlier number.
    clause_start = _clause_start(text, sentence_start, start)
    before = text[clause_start:start]
    offset = clause_start
    if _CONVERSION_WORD.match(text, start):
        return RelationCue(ClaimKind.conversion, cue_start=start)  # 约合人民币5万亿元
    if is_multiple(q):
        return ratio_cue(text, before, offset, q)
    if q.unit == "percent" or is_fraction(q):
        cue = (
            _cagr(before, offset)
            or _compared_earlier(text, sentence_start, clause_start, before, offset, q)
            or _percent(text, before, offset, q)
            or share_cue(before, offset)
            or share_cue_en(text, before, offset, q)
            or percent_ratio_cue(before, offset, q)
        )
        if cue is not None:
            return cue
        if q.unit == "percent":
            return None
    if q.unit in _POINTS:
        # 毛利率下降0.9个百分点: points measure how far a rate moved, so a change
        # written in them is the difference of two rates, never a rate of its own.
        cue = _percent(text, before, offset, q)
        return replace(cue, kind=ClaimKind.difference) if cue is not None else None
    return (
        _conversion(before, offset)
        or _difference(text, before, offset, q)
        or _absolute_change(before, offset, q)
    )


def _absolute_change(before: str, offset: int, q: QuantityMention) -> RelationCue | None:
    """股价上涨20元 / shares fell $3: how far a value moved, the difference from an unstated
    earlier value, never the value itself."""
    if q.unit in (None, "dimensionless") or q.kind.value == "date":
        return None
    m = _PERCENT_PLAIN.search(before)
    if m is None or m.group("verb") in ("涨幅", "跌幅"):
        return None
    verb = m.group("verb")
    return RelationCue(
        ClaimKind.difference,
        cue_start=offset + m.start(),
        sign=-1 if verb in _NEGATIVE_VERBS else 1,
    )


def _compared_earlier(
    text: str, sentence_start: int, clause_start: int, before: str, offset: int, q: QuantityMention
) -> RelationCue | None:
    """与英伟达A100相比,BR106的FP16算力高出64%: the base is named in the clause before,
    the change in this one."""
    if q.unit != "percent" or _PERCENT_VS.search(before):
        return None
    verb = _CHANGE_AFTER_COMPARED.search(before)
    if verb is None:
        return None
    compared = _COMPARED_BEFORE.search(text[sentence_start:clause_start])
    if compared is None:
        return None
    return RelationCue(
        ClaimKind.percent_change,
        cue_start=offset + verb.start(),
        base_start=sentence_start + compared.start("base"),
        base_end=sentence_start + compared.end("base"),
        sign=-1 if verb.group("verb") in _NEGATIVE_VERBS else 1,
    )


def _percent(text: str, before: str, offset: int, q: QuantityMention) -> RelationCue | None:
    m = _PERCENT_PERIOD.search(before)
    if m:
        period = m.group("period").lower()
        condition = (
            "year over year"
            if period in ("同比", "按年", "年比", "年", "year over year", "year-on-year", "yoy")
            else "quarter over quarter"
        )
        return RelationCue(
            ClaimKind.percent_change,
            cue_start=offset + m.start(),
            sign=-1 if m.group("verb") in _NEGATIVE_VERBS else 1,
            condition=condition,
        )
    m = _PERIOD_SIGN.search(before)
    if m:
        period = m.group("period").lower()
        negative = m.group("sign") in "-−–" and (q.value is None or q.value >= 0)
        return RelationCue(
            ClaimKind.percent_change,
            cue_start=offset + m.start(),
            sign=-1 if negative else 1,
            condition="quarter over quarter" if period in _QUARTER_MARKS else "year over year",
        )
    m = _PERCENT_VS.search(before)
    if m:
        return RelationCue(
            ClaimKind.percent_change,
            cue_start=offset + m.start(),
            base_start=offset + m.start("base"),
            base_end=offset + m.end("base"),
            sign=-1 if m.group("verb") in _NEGATIVE_VERBS else 1,
        )
    m = _PERCENT_PLAIN.search(before) or _PERCENT_RATE.search(before)
    if m:
        verb = m.groupdict().get("verb") or ""
        period = _PERIOD_AFTER.match(text, q.norm_span.end)
        return RelationCue(
            ClaimKind.percent_change,
            cue_start=offset + m.start(),
            sign=-1 if verb in _NEGATIVE_VERBS else 1,
            condition="year over year" if period else None,
        )
    after = _PERCENT_EN_AFTER.match(text, q.norm_span.end)
    if after:
        return RelationCue(
            ClaimKind.percent_change,
            cue_start=q.norm_span.start,
            base_start=after.start("base"),
            base_end=after.end("base"),
            sign=-1 if after.group("verb") in _NEGATIVE_VERBS else 1,
        )
    return _marked_change(text, before, q)


def _marked_change(text: str, before: str, q: QuantityMention) -> RelationCue | None:
    """Gaming, $1.5B (+56% Y/Y): a change said by a period mark after the number or by a
    plus sign before it (a minus sign is already the number's own)."""
    mark = _CHANGE_MARK_AFTER.match(text, q.norm_span.end)
    signed = _SIGN_BEFORE.search(before) is not None or q.surface.lstrip().startswith("+")
    if mark is None and not signed:
        return None
    condition = None
    if mark is not None:
        condition = "year over year" if mark.group("year") else "quarter over quarter"
    return RelationCue(ClaimKind.percent_change, cue_start=q.norm_span.start, condition=condition)


def _cagr(before: str, offset: int) -> RelationCue | None:
    m = _CAGR.search(before)
    if not m:
        return None
    return RelationCue(ClaimKind.cagr, cue_start=offset + m.start(), label=m.group("label"))


def _conversion(before: str, offset: int) -> RelationCue | None:
    m = _CONVERSION.search(before)
    if not m or m.group().strip() == "about":
        return None
    return RelationCue(ClaimKind.conversion, cue_start=offset + m.start())


def _difference(text: str, before: str, offset: int, q: QuantityMention) -> RelationCue | None:
    if q.unit in (None, "dimensionless", "percent", "percentage_point"):
        return None
    m = _DIFFERENCE.search(before)
    if not m:
        after = _PERCENT_EN_AFTER.match(text, q.norm_span.end)
        if after is None:
            return None
        return RelationCue(
            ClaimKind.difference,
            cue_start=q.norm_span.start,
            base_start=after.start("base"),
            base_end=after.end("base"),
            sign=-1 if after.group("verb") in _NEGATIVE_VERBS else 1,
        )
    return RelationCue(
        ClaimKind.difference,
        cue_start=offset + m.start(),
        base_start=offset + m.start("base"),
        base_end=offset + m.end("base"),
        sign=-1 if m.group("verb") in ("少", "低", "小", "便宜", "慢") else 1,
    )


def passive_agent_start(text: str, end: int) -> int | None:
    """`四分之一将被美国政府…`, `25%的销售收入需上缴美国政府`: where the agent of a passive,
    or the recipient of a payment, after a number begins."""
    m = _PASSIVE_AGENT.match(text, end) or _RECIPIENT.match(text, end)
    return m.end() if m else None
