"""Pass 3: arithmetic the article writes out, `120亿元/800亿元×100%=15%` or `占比15%(120亿元
÷800亿元×100%)`. The stated result's claim gets the expression over its operands (x1, x2 …,
the claims of the numbers written in it) so a rule can evaluate it; a number that made no
claim (the 100% of ×100%) is written into the expression as its value.

Only numbers joined by one operator each, with a result after `=` or a parenthesis right
after the result, make an expression: `8x H100` or `180亿美元/年` are not arithmetic.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.claims.context import DocumentContext
from factcheck.claims.draft import Draft, DraftTable
from factcheck.claims.subjects import Sentence
from factcheck.model.claim import ClaimKind
from factcheck.model.quantity import QuantityMention

_OPERATORS = {"×": "*", "x": "*", "X": "*", "*": "*", "÷": "/", "/": "/", "+": "+", "＋": "+"}
_OPERATORS.update({"-": "-", "−": "-", "－": "-"})
_JOIN = re.compile(r"\s*([)）]*)\s*([×xX*÷/+＋\-−－])\s*([(（]*)\s*")
_EQUALS = re.compile(r"\s*([)）]*)\s*[=＝≈]\s*")
_OPEN = re.compile(r"\s*[(（]\s*([(（]*)\s*")
_CLOSE = re.compile(r"\s*([)）]*)\s*[)）]")


class ArithmeticPass:
    def __init__(self, ctx: DocumentContext, table: DraftTable) -> None:
        self.ctx = ctx
        self.table = table
        self.text = ctx.text

    def run(self, sentence: Sentence) -> None:
        numbers = self.ctx.numbers_in(sentence)
        index = 0
        while index < len(numbers) - 1:
            end = self._run_end(numbers, index)
            if end > index:
                self._expression(numbers, index, end)
            index = end + 1

    def _run_end(self, numbers: list[QuantityMention], first: int) -> int:
        """The last number of the run joined to `first` by operators."""
        last = first
        while last + 1 < len(numbers) and self._join(numbers, last) is not None:
            last += 1
        return last

    def _join(self, numbers: list[QuantityMention], index: int) -> tuple[str, str, str] | None:
        """(closing parentheses, operator, opening parentheses) between two numbers; the
        operator may end the first number's own surface (8×96GB, read as the multiple 8×)."""
        between = self._between(numbers, index)
        if (join := _JOIN.fullmatch(between)) is not None:
            return join[1], join[2], join[3]
        surface = numbers[index].surface.rstrip()
        if surface and surface[-1] in _OPERATORS and not between.strip():
            return "", surface[-1], ""
        return None

    def _between(self, numbers: list[QuantityMention], index: int) -> str:
        return self.text[numbers[index].norm_span.end : numbers[index + 1].norm_span.start]

    def _expression(self, numbers: list[QuantityMention], first: int, last: int) -> None:
        run = numbers[first : last + 1]
        opening, closing, result = "", "", None
        if last + 1 < len(numbers) and (equals := _EQUALS.fullmatch(self._between(numbers, last))):
            before = self.text[: run[0].norm_span.start]
            opening = before[len(before.rstrip("(（ ")) :].replace(" ", "")
            closing, result = equals[1], numbers[last + 1]
        elif first > 0 and (opened := _OPEN.fullmatch(self._between(numbers, first - 1))):
            close = _CLOSE.match(self.text, run[-1].norm_span.end)
            if close is not None:
                opening, closing, result = opened[1], close[1], numbers[first - 1]
        target = self.table.of(result) if result is not None else None
        if target is None or target.quantity is None:
            return
        written = self._written(numbers, first, last, opening, closing)
        if written is not None:
            target.expression, operands = written
            target.operands = [(role, d, d.entity, d.attribute) for role, d in operands]

    def _written(
        self,
        numbers: list[QuantityMention],
        first: int,
        last: int,
        opening: str,
        closing: str,
    ) -> tuple[str, list[tuple[str, Draft]]] | None:
        """The expression over x1, x2 … and the drafts they name; None when its parentheses
        do not balance."""
        parts = ["(" * len(opening)]
        operands: list[tuple[str, Draft]] = []
        for index in range(first, last + 1):
            number = numbers[index]
            draft = self.table.of(number)
            if draft is None or draft.quantity is None or draft.kind is not ClaimKind.value:
                parts.append(_constant(number))  # the 100% of ×100%, the 8 of 8×96GB
            else:
                role = f"x{len(operands) + 1}"
                operands.append((role, draft))
                parts.append(role)
            if index < last:
                join = self._join(numbers, index)
                assert join is not None
                closes, operator, opens = join
                parts.append(f"{')' * len(closes)} {_OPERATORS[operator]} {'(' * len(opens)}")
        parts.append(")" * len(closing))
        expression = "".join(parts).strip()
        if expression.count("(") != expression.count(")") or not operands:
            return None
        return expression, operands


def _constant(number: QuantityMention) -> str:
    value = number.value if number.value is not None else Decimal(0)
    if number.unit == "percent":
        value = value / 100
    return format(value.normalize(), "f")
