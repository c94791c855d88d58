"""Formulas of the rule packs: checked against an AST allow-list, parsed once by sympy,
evaluated over intervals.

sympify evaluates its input as Python, so a pack formula is first parsed with `ast` and
refused unless it holds only numbers, names and + - * / ** and parentheses:
`__import__('os')` never reaches sympy.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

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
# sympy evaluates constant powers exactly: 9**9**9**9 would never finish. An exponent is a
# small constant, or an expression without powers whose constants are small (1 / periods).
_MAX_EXPONENT = 16
_MAX_CONSTANT = 1e15


class FormulaError(ValueError):
    """A formula outside the allowed grammar."""


Evaluator = Callable[[Mapping[str, Interval]], Interval]


@dataclass(frozen=True)
class Formula:
    source: str
    expression: Any
    """The sympy expression."""
    variables: tuple[str, ...]
    evaluator: Evaluator
    """The expression compiled once into plain interval operations (walking sympy nodes on
    every evaluation costs ~100x more)."""

    def evaluate(self, values: Mapping[str, Interval]) -> Interval:
        return self.evaluator(values)


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
        if _constant_above(node, _MAX_CONSTANT):
            raise FormulaError(f"a constant is larger than {_MAX_CONSTANT:g}")
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
            _check_exponent(node.right)
    names = sorted({node.id for node in ast.walk(tree) if isinstance(node, ast.Name)})
    import sympy  # imported when a pack is loaded, not for --help or parse

    symbols = {name: sympy.Symbol(name, positive=True) for name in names}
    expression = sympy.sympify(source, locals=symbols, rational=True)
    return Formula(
        source=source,
        expression=expression,
        variables=tuple(names),
        evaluator=_compile(expression),
    )


def _constant_above(node: ast.AST, bound: float) -> bool:
    value = getattr(node, "value", None) if isinstance(node, ast.Constant) else None
    return isinstance(value, int | float) and abs(value) > bound


def _check_exponent(exponent: ast.expr) -> None:
    for node in ast.walk(exponent):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
            raise FormulaError("a power of a power is not allowed in a formula")
        if _constant_above(node, _MAX_EXPONENT):
            raise FormulaError(f"an exponent's constants are at most {_MAX_EXPONENT}")


def _compile(node: Any) -> Evaluator:
    """A closure computing `node` over intervals."""
    if node.is_Symbol:
        name = str(node.name)
        return lambda values: values[name]
    if node.is_Number:
        constant = Interval.point(float(node))
        return lambda values: constant
    if node.is_Add or node.is_Mul:
        parts = [_compile(arg) for arg in node.args]
        adding = bool(node.is_Add)

        def combine(values: Mapping[str, Interval]) -> Interval:
            result = parts[0](values)
            for part in parts[1:]:
                result = result + part(values) if adding else result * part(values)
            return result

        return combine
    if node.is_Pow:
        base_node, exponent_node = node.args
        base = _compile(base_node)
        if exponent_node.is_Number and exponent_node == -1:
            one = Interval.point(1.0)
            return lambda values: one / base(values)
        if exponent_node.is_Integer and int(exponent_node) > 0:
            times = int(exponent_node)

            def repeated(values: Mapping[str, Interval]) -> Interval:
                value = base(values)
                result = value
                for _ in range(times - 1):
                    result = result * value
                return result

            return repeated
        exponent = _compile(exponent_node)
        return lambda values: base(values).power(exponent(values))
    raise FormulaError(f"cannot evaluate {node.func.__name__} over intervals")
