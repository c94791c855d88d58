"""Numbers that are read by the grammar but state no figure of anything.

前五名, 前十大: the top N of a ranking is a set of places, not a count of people or firms.
11季来新高, 三年以来: how long a record has stood is no claim an article makes about a value.
连续21个季度, nine consecutive quarters: how long a streak has lasted, the same.
"""

from __future__ import annotations

import re

from factcheck.model.quantity import QuantityKind, QuantityMention

_TOP_N_BEFORE = re.compile(r"前\s*$")
_TOP_N_CLASSIFIERS = ("名", "大", "强", "位")
_RECORD_STREAK_AFTER = re.compile(r"\s*(?:个)?季(?:度)?(?:以)?来")
_STREAK_BEFORE = re.compile(r"连续\s*(?:第)?\s*$")
_STREAK_UNIT_AFTER = re.compile(r"\s*(?:个)?\s*(?:季度|季|月|年度|年|周|星期|天|日|交易日)")
_STREAK_EN_AFTER = re.compile(
    r"\s+(?:consecutive|straight|successive)\s+(?:quarter|month|year|week|day|session)s?\b", re.I
)


def not_a_figure(text: str, q: QuantityMention) -> bool:
    start, end = q.norm_span.start, q.norm_span.end
    if _TOP_N_BEFORE.search(text, max(0, start - 2), start) and q.surface.rstrip().endswith(
        _TOP_N_CLASSIFIERS
    ):
        return True
    streak = _STREAK_BEFORE.search(text, max(0, start - 3), start) is not None
    if streak and (q.kind is QuantityKind.duration or _STREAK_UNIT_AFTER.match(text, end)):
        return True
    if _STREAK_EN_AFTER.match(text, end):
        return True
    return q.unit == "dimensionless" and _RECORD_STREAK_AFTER.match(text, end) is not None
