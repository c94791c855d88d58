"""The quantity grammar on annotated cases (cases.yaml beside this file)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.model.tolerances import Tolerances
from factcheck.quantities.parse import parse_text

CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))


def _close(actual: Decimal | None, expected: Any) -> bool:
    if expected is None or actual is None:
        return actual is None and expected is None
    return abs(actual - Decimal(str(expected))) <= Decimal("1e-6") * max(Decimal(1), abs(actual))


@pytest.mark.parametrize("case", CASES, ids=[c["text"] for c in CASES])
def test_quantity_case(case: dict[str, Any], tolerances: Tolerances) -> None:
    found = parse_text(case["text"], tolerances)
    expected = case["expect"]
    kinds = {e.get("kind") for e in expected}
    if "date" not in kinds:
        found = [q for q in found if q.kind != "date"]
    assert len(found) == len(expected), [q.surface for q in found]
    for q, e in zip(found, expected, strict=True):
        assert q.span.end > q.span.start
        assert case["text"][q.span.start : q.span.end] == q.surface
        for key, want in e.items():
            if key in ("value", "low", "high"):
                assert _close(getattr(q, key), want), (key, getattr(q, key), want)
            elif key in ("unit", "surface"):
                assert getattr(q, key) == want
            elif key in ("qualifier", "kind"):
                assert getattr(q, key).value == want
            else:
                raise AssertionError(f"unknown key {key}")
