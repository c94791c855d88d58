"""docs/number-semantics.md documents how written numbers become intervals; every row of its
table is parsed here and must come out as documented."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from factcheck.quantities.parse import parse_text
from factcheck.rules.pack import default_tolerances

TABLE = Path(__file__).resolve().parents[2] / "docs" / "number-semantics.md"
ROWS = [
    [cell.strip() for cell in line.strip().strip("|").split("|")]
    for line in TABLE.read_text(encoding="utf-8").splitlines()
    if line.startswith("| `")
]


def _bound(cell: str) -> float | None:
    return None if cell in ("−∞", "∞") else float(cell)


def test_the_table_has_rows() -> None:
    assert len(ROWS) >= 20


@pytest.mark.parametrize("row", ROWS, ids=[row[0] for row in ROWS])
def test_each_written_form_has_its_documented_interval(row: list[str]) -> None:
    written, low, high, unit, qualifier = row
    text = written.strip("`")
    found = [q for q in parse_text(text, default_tolerances()) if q.kind == "quantity"]
    assert found, text
    q = found[0]
    for got, want in ((q.low, _bound(low)), (q.high, _bound(high))):
        if want is None:
            assert got is None, (text, got)
        else:
            assert got is not None and math.isclose(float(got), want, rel_tol=1e-4), (text, got)
    assert (q.unit, q.qualifier.value) == (unit, qualifier)
