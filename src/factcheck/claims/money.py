"""Amounts of money whose currency the article does not write (`先掏2.8亿现金`).

A bare number with a magnitude word is money when a money noun follows it (现金, 资金,
预付款) or a payment verb comes right before it (支付, 斥资). It gets the unit `money`: a
dimension of its own, so no check compares it with a dollar or a yuan figure as if the
currency were known; a check that needs one reads it under each currency it could be.
"""

from __future__ import annotations

import dataclasses
import re

from factcheck.claims.cues import CueSpec
from factcheck.claims.trie import trie_pattern
from factcheck.model.quantity import QuantityMention

UNSTATED_CURRENCY = "money"
# A magnitude word ending a number (2.8亿, 71.5 million): a bare amount, not a plain number.
MAGNITUDE_END = re.compile(r"(?:万|亿|million|billion|trillion|thousand)\s*$", re.I)
_VERB_WINDOW = 8


@dataclasses.dataclass(frozen=True)
class MoneyWords:
    after: re.Pattern[str]
    """A money noun starting right after the number (的 may stand between)."""
    before: re.Pattern[str]
    """A payment verb ending right before the number (了, 约, 高达 may stand between)."""

    @classmethod
    def from_cues(cls, cues: CueSpec) -> MoneyWords:
        nouns = trie_pattern(cues.money_nouns) if cues.money_nouns else "(?!)"
        verbs = trie_pattern(cues.payment_verbs) if cues.payment_verbs else "(?!)"
        return cls(
            after=re.compile(rf"\s*的?\s*(?:{nouns})", re.I),
            before=re.compile(rf"(?:{verbs})\s*(?:了|出)?\s*(?:约|近|超|逾|高达|多达)?\s*$", re.I),
        )


def with_unstated_currency(
    text: str, numbers: list[QuantityMention], words: MoneyWords
) -> list[QuantityMention]:
    """The numbers, those that are money without a currency given the unit `money`."""
    return [
        dataclasses.replace(q, unit=UNSTATED_CURRENCY) if _is_money(text, q, words) else q
        for q in numbers
    ]


def _is_money(text: str, q: QuantityMention, words: MoneyWords) -> bool:
    if q.unit != "dimensionless" or not MAGNITUDE_END.search(q.surface):
        return False
    start, end = q.norm_span.start, q.norm_span.end
    if words.after.match(text, end):
        return True
    window = text[max(0, start - _VERB_WINDOW) : start]
    return words.before.search(window) is not None
