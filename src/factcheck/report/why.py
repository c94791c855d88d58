"""`factcheck extract --why`: each claim with the strategy that bound it, as plain lines."""

from __future__ import annotations

from factcheck.model.claim import Claim
from factcheck.report.safe_text import visible_controls as _printable


def why_trail(claims: list[Claim]) -> str:
    """Two to four lines per claim: what it is, how its entity and attribute were chosen,
    the candidates passed over, and what was inferred from context."""
    lines: list[str] = []
    for claim in claims:
        binding = claim.binding
        value = claim.value if claim.value is not None else f"{claim.low}..{claim.high}"
        lines.append(
            f"{claim.id} {claim.kind.value} {_printable(str(value))} {claim.unit or ''}"
            f" «{_printable(claim.quote)}»".replace("  ", " ")
        )
        entity_how = binding.entity if binding else "not recorded"
        attribute_how = binding.attribute if binding else "not recorded"
        lines.append(
            f"    entity {claim.entity or '-'} <- {_printable(entity_how)}; "
            f"attribute {claim.attribute or '-'} <- {_printable(attribute_how)}; "
            f"confidence {claim.confidence:.2f}"
        )
        if binding and binding.rejected:
            lines.append("    passed over: " + "; ".join(_printable(r) for r in binding.rejected))
        if binding and binding.inferred:
            inferred = "; ".join(f"{aspect} {why}" for aspect, why in binding.inferred.items())
            lines.append(f"    inferred (findings at most warnings): {inferred}")
    return "\n".join(lines)
