"""How wide a written number is, and how far a relation may miss before it is flagged.

The values come from the rule pack (`rules/pack.yaml`); this model only names them.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel, ConfigDict


class Tolerances(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    approx_slack: Decimal
    """约/about: relative slack added on both sides."""
    nearly_slack: Decimal
    """近/nearly: how far below the stated value the truth may be."""
    round_figure_cap: Decimal
    """A round integer (900, 10000) is precise to its last non-zero digit, capped at this
    fraction of its value."""
    stretch: Decimal
    """A relative gap up to this is 'stretched' (warning); beyond it, a contradiction."""
    slight: Decimal
    """略/slightly: the largest relative difference still called slight."""
    far: Decimal
    """远/far: the smallest relative difference that earns the word."""
    negligible: Decimal = Decimal("0.01")
    """A relative gap up to this is rounding noise (15,840 for 15,832): consistent."""
    min_confidence: Decimal = Decimal("0.6")
    """A claim read with less confidence than this is not judged (same-fact checks, and the
    stated side of a relation)."""
    min_operand_confidence: Decimal = Decimal("0.4")
    """An operand bound with less confidence makes a relation unverifiable. Lower than
    min_confidence: an operand written inside the relation's sentence (几乎是H10的两倍(80GB))
    is bound surely even when its entity is unknown."""
