"""A bare 元 in an article about Taiwan or Hong Kong money is that money.

元 alone is read as CNY. An article that names New Taiwan or Hong Kong dollars and never
renminbi means them by its bare 元 (台积电营收9899亿元 … 约新台币4523亿); where it names several
currencies, a bare 元 is the one last named before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from factcheck.model.quantity import QuantityMention

_MARKERS = re.compile(
    r"(?P<TWD>新台币|台币|NT\$|NTD|TWD)|(?P<HKD>港元|港币|HK\$|HKD)|(?P<CNY>人民币|RMB|CNY)"
)
_BARE_YUAN = ("CNY", "CNY/stock_share")


def yuan_in_context(text: str, mentions: list[QuantityMention]) -> list[QuantityMention]:
    markers = [(m.start(), m.lastgroup or "CNY") for m in _MARKERS.finditer(text)]
    if not markers or all(currency == "CNY" for _, currency in markers):
        return mentions
    named = {currency for _, currency in markers}
    only = named.pop() if len(named) == 1 else None
    starts = [start for start, _ in markers]
    result = []
    for q in mentions:
        if q.unit in _BARE_YUAN and _bare(text, q):
            index = bisect_right(starts, q.norm_span.start) - 1
            currency = only or (markers[index][1] if index >= 0 else None)
            if currency and currency != "CNY":
                q = replace(q, unit=q.unit.replace("CNY", currency))
        result.append(q)
    return result


def _bare(text: str, q: QuantityMention) -> bool:
    """Written with 元 and no word of renminbi of its own."""
    written = text[q.norm_span.start : q.norm_span.end]
    return "元" in written and not _MARKERS.search(written)
