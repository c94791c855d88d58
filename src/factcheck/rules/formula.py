"""Formulas of the rule packs: checked against an AST allow-list, parsed once by sympy,
evaluated over intervals.

sympify evaluates its input as Python, so a pack formula is first parsed with `ast` and
refused unless it holds only numbers, names and + - * / ** and parentheses:
`__import__('os')` never reaches sympy.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sympy

from factcheck.rules.interval import Interval

_ALLOWED_NODES = (
    ast.Expression,
    ast.BinOp,
    ast.UnaryOp,
    ast.Name,
    ast.Load,
    ast.Constant,
    ast.Add,
    ast.Sub,
    ast.Mult,
    ast.Div,
    ast.Pow,
    ast.USub,
    ast.UAdd,
)
_MAX_LENGTH = 300


class FormulaError(ValueError):
    """A formula outside the allowed grammar."""


@dataclass(frozen=True)
class Formula:
    source: str
    expression: Any
    """The sympy expression."""
    variables: tuple[str, ...]

    def evaluate(self, values: Mapping[str, Interval]) -> Interval:
        return _evaluate(self.expression, values)


def compile_formula(source: str) -> Formula:
    if len(source) > _MAX_LENGTH:
        raise FormulaError(f"formula longer than {_MAX_LENGTH} characters")
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as error:
        raise FormulaError(f"not a formula: {error.msg}") from None
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED_NODES):
            raise FormulaError(f"{type(node).__name__} is not allowed in a formula")
        if isinstance(node, ast.Constant) and not isinstance(node.value, int | float):
            raise FormulaError("only numbers may be written in a formula")
        if isinstance(node, ast.Constant) and isinstance(node.value, bool):
            raise FormulaError("only numbers may be written in a formula")
        if isinstance(node, ast.Name) and node.id.startswith("_"):
            raise FormulaError(f"name {node.id!r} is not allowed")
    names = sorted({node.id for node in ast.walk(tree) if isinstance(node, ast.Name)})
    symbols = {name: sympy.Symbol(name, positive=True) for name in names}
    expression = sympy.sympify(source, locals=symbols, rational=True)
    return Formula(source=source, expression=expression, variables=tuple(names))


def _evaluate(node: Any, values: Mapping[str, Interval]) -> Interval:
    if node.is_Symbol:
        return values[node.name]
    if node.is_Number:
        return Interval.point(float(node))
    if node.is_Add:
        total = Interval.point(0.0)
        for arg in node.args:
            total = total + _evaluate(arg, values)
        return total
    if node.is_Mul:
        product = Interval.point(1.0)
        for arg in node.args:
            product = product * _evaluate(arg, values)
        return product
    if node.is_Pow:
        base, exponent = node.args
        if exponent.is_Number and exponent == -1:
            return Interval.point(1.0) / _evaluate(base, values)
        if exponent.is_Integer and int(exponent) > 0:
            result = Interval.point(1.0)
            value = _evaluate(base, values)
            for _ in range(int(exponent)):
                result = result * value
            return result
        return _evaluate(base, values).power(_evaluate(exponent, values))
    raise FormulaError(f"cannot evaluate {node.func.__name__} over intervals")
