"""Claim building on annotated fixture sentences: one YAML file of cases per pass in
`cases/` beside this file (values, binding, categorical, relations, directions)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.api import extract_claims, load_document
from factcheck.model.claim import Claim

CASE_FILES = sorted((Path(__file__).parent / "cases").glob("*.yaml"))
CASES = [
    {**case, "name": f"{path.stem}: {case['name']}"}
    for path in CASE_FILES
    for case in yaml.safe_load(path.read_text(encoding="utf-8"))
]


def test_every_pass_has_cases() -> None:
    stems = {path.stem for path in CASE_FILES}
    assert stems >= {"values", "binding", "categorical", "relations", "directions"}, stems


def _find(claims: list[Claim], quote: str, kind: str) -> Claim:
    found = [c for c in claims if quote in c.quote and c.kind.value == kind]
    assert found, f"no {kind} claim quoting {quote!r}: {[(c.kind.value, c.quote) for c in claims]}"
    return found[0]


def _operand_target(claims: list[Claim], claim: Claim, role: str) -> str:
    operand = next(o for o in claim.operands if o.role == role)
    if operand.claim is None:
        return f"{operand.entity}.{operand.attribute}"
    target = next(c for c in claims if c.id == operand.claim)
    return target.quote


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_claim_case(case: dict[str, Any]) -> None:
    document = load_document("case.txt", case["text"].encode("utf-8"))
    claims = extract_claims(document)
    for quote in case.get("absent", []):
        assert not [c for c in claims if quote in c.quote], f"{quote!r} became a claim"
    for expected in case.get("expect", []):
        claim = _find(claims, expected["quote"], expected["kind"])
        assert document.text[claim.span[0] : claim.span[1]] == claim.quote
        for key, want in expected.items():
            if key in ("quote", "kind"):
                continue
            if key == "operands":
                for role, target in want.items():
                    got = _operand_target(claims, claim, role)
                    assert target in got, (role, got, target)
            elif key == "not_operands":
                for role, target in want.items():
                    assert target not in _operand_target(claims, claim, role), (role, target)
            elif key == "value" and isinstance(want, (int, float)):
                assert isinstance(claim.value, Decimal)
                assert abs(claim.value - Decimal(str(want))) < Decimal("1e-6"), claim.value
            elif key == "period":
                assert claim.scope.period == want
            elif key == "condition" and want is None:
                assert claim.scope.condition is None, claim.scope.condition
            elif key == "condition":
                assert want in (claim.scope.condition or ""), claim.scope.condition
            elif key == "not_condition":
                assert want not in (claim.scope.condition or ""), claim.scope.condition
            elif key == "strategy":
                assert claim.binding is not None
                assert claim.binding.entity.startswith(want), claim.binding
            elif key == "rejected":
                assert claim.binding is not None
                assert any(want in r for r in claim.binding.rejected), claim.binding
            elif key == "inferred":
                assert claim.binding is not None
                assert want in " ".join(claim.binding.inferred.values()), claim.binding
            elif key == "max_confidence":
                assert claim.confidence <= want
            else:
                assert getattr(claim, key) == want, (key, getattr(claim, key))
