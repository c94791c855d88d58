"""Pack formulas: the AST allow-list, and interval evaluation that always contains the truth."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from factcheck.rules.formula import FormulaError, compile_formula
from factcheck.rules.interval import Interval


@pytest.mark.parametrize(
    "source",
    [
        "__import__('os').system('true')",
        "subject.__class__",
        "open('x')",
        "[1, 2]",
        "lambda: 1",
        "'text'",
        "_hidden * 2",
        "subject if base else 1",
        "x" * 400,
    ],
)
def test_formulas_outside_the_grammar_are_refused(source: str) -> None:
    with pytest.raises(FormulaError):
        compile_formula(source)


def test_variables_are_found_and_sorted() -> None:
    formula = compile_formula("((end / start) ** (1 / periods) - 1) * 100")
    assert formula.variables == ("end", "periods", "start")


positive = st.floats(min_value=0.01, max_value=1e6, allow_nan=False, allow_infinity=False)
fraction = st.floats(min_value=0.0, max_value=0.5)


@given(positive, positive, fraction, fraction, st.floats(0, 1), st.floats(0, 1))
@example(1 / 3, 1 / 3, 0.0, 0.0, 0.0, 0.0)  # rounding leaves -1e-14 where the interval says 0
def test_interval_result_contains_every_pointwise_result(
    a: float, b: float, wa: float, wb: float, ta: float, tb: float
) -> None:
    """For any points inside the operand intervals, the formula's value lies in the computed
    interval: the check can never call a relation false that some reading makes true."""
    formula = compile_formula("(subject / base - 1) * 100")
    subject = Interval(a * (1 - wa), a * (1 + wa))
    base = Interval(b * (1 - wb), b * (1 + wb))
    result = formula.evaluate({"subject": subject, "base": base})
    x = subject.low + ta * (subject.high - subject.low)
    y = base.low + tb * (base.high - base.low)
    value = (x / y - 1) * 100
    slack = 1e-9 * max(1.0, abs(value))
    assert result.low - slack <= value <= result.high + slack


@given(positive, positive, st.integers(1, 10))
def test_cagr_formula_matches_the_closed_form(start: float, end: float, periods: int) -> None:
    formula = compile_formula("((end / start) ** (1 / periods) - 1) * 100")
    result = formula.evaluate(
        {
            "start": Interval.point(start),
            "end": Interval.point(end),
            "periods": Interval.point(periods),
        }
    )
    expected = ((end / start) ** (1 / periods) - 1) * 100
    assert result.low == pytest.approx(expected) and result.high == pytest.approx(expected)


def test_division_by_an_interval_containing_zero_is_refused() -> None:
    with pytest.raises(ZeroDivisionError):
        Interval(1, 2) / Interval(-1, 1)


def test_distance_between_intervals() -> None:
    assert Interval(1, 2).distance(Interval(1.5, 3)) == 0
    assert Interval(1, 2).distance(Interval(3, 4)) == 1
    assert Interval(5, 6).distance(Interval(3, 4)) == 1
