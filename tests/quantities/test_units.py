"""The pint registry: information and compute have dimensions; round trips are exact."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.quantities.extract import find_quantities
from factcheck.quantities.lexicon import lexicon
from factcheck.quantities.units import compatible, conversion_factor, unit_registry
from factcheck.rules.pack import default_tolerances

_TOLERANCES = default_tolerances()
ALL_UNITS = sorted({form.unit for form in lexicon().units.values()})


@pytest.mark.parametrize("unit", ALL_UNITS)
def test_every_lexicon_unit_parses(unit: str) -> None:
    unit_registry().Unit(unit)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("GB", "percent"),
        ("GB", "count"),
        ("TB/s", "TFLOPS"),
        ("TB/s", "Hz"),
        ("CNY", "USD"),
        ("count", "percent"),
        ("TFLOPS", "Hz"),
        ("Tbit/s", "TFLOPS"),
    ],
)
def test_incompatible_dimensions(a: str, b: str) -> None:
    assert not compatible(a, b)


@pytest.mark.parametrize(
    ("source", "target", "factor"),
    [
        ("TB/s", "GB/s", 1000),
        ("PFLOPS", "TFLOPS", 1000),
        ("EFLOPS", "PFLOPS", 1000),
        ("GiB", "GB", 1.073741824),
        ("TB", "Tbit", 8),
        ("parameter", "count", 1),
    ],
)
def test_conversion_factors(source: str, target: str, factor: float) -> None:
    assert math.isclose(conversion_factor(source, target), factor, rel_tol=1e-12)


@given(
    st.floats(min_value=1e-6, max_value=1e12, allow_nan=False),
    st.sampled_from(
        [("GB", "GiB"), ("TB/s", "GB/s"), ("TFLOPS", "PFLOPS"), ("kW", "W"), ("TB", "Gbit")]
    ),
)
def test_unit_round_trip(magnitude: float, pair: tuple[str, str]) -> None:
    source, target = pair
    there = magnitude * conversion_factor(source, target)
    back = there * conversion_factor(target, source)
    assert math.isclose(back, magnitude, rel_tol=1e-12)


COMPOSED = [
    (form, spec.unit)
    for form, spec in sorted(lexicon().units.items())
    if spec.unit.endswith(("B", "B/s", "bit", "bit/s", "FLOPS", "OPS", "W", "Wh", "Hz"))
]


@given(st.sampled_from(COMPOSED), st.integers(1, 9999))
def test_every_composed_unit_form_reads_back_as_its_unit(pair: tuple[str, str], n: int) -> None:
    """TB/s, TBps, terabytes per second, 太字节/秒: each form after a number is its unit."""
    form, unit = pair
    found = find_quantities(f"值为{n}{form}。", _TOLERANCES)
    assert [q.unit for q in found] == [unit], form
