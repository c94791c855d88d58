#!/usr/bin/env python3
"""Measure the quantity grammar against an acceptance folder (issue: foundation).

    python scripts/measure_quantities.py ACCEPTANCE_DIR [--seeds seeds/] [-v]

1. Coverage: every acceptance claim with a numeric value is covered when a parsed quantity
   overlaps one occurrence of its quote and carries that value (or range end).
2. Non-claims: the numbers listed under "Numbers deliberately not claims" in the folder's
   README must not become a quantity with a real unit (kind quantity, unit not
   dimensionless). Dates, durations and bare numbers are allowed.
"""

from __future__ import annotations

import argparse
import re
import sys
from decimal import Decimal
from pathlib import Path

import yaml

from factcheck.api import document_quantities
from factcheck.model.quantity import QuantityKind, QuantityMention


def numeric_values(claim: dict) -> list[Decimal]:
    values = []
    for key in ("value", "low", "high"):
        v = claim.get(key)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            values.append(abs(Decimal(str(v))))
    return values


def mention_values(q: QuantityMention) -> list[Decimal]:
    values = [abs(v) for v in (q.value, q.range_low, q.range_high) if v is not None]
    if q.unit == "dimensionless":  # 一半 = 0.5 may be annotated as 50 (percent)
        values += [v * 100 for v in values]
    return values


def close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= Decimal("1e-6") * max(abs(a), abs(b), Decimal(1))


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(quote)) for m in re.finditer(re.escape(quote), text)]


def non_claim_strings(readme: str) -> list[str]:
    section = readme.split("## Numbers deliberately not claims", 1)[-1]
    return re.findall(r"`([^`]+)`", section.split("\n## ", 1)[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("acceptance", type=Path)
    parser.add_argument("--seeds", type=Path, default=Path("seeds"))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    covered = total = 0
    texts: dict[str, str] = {}
    mentions: dict[str, list[QuantityMention]] = {}
    for gold_path in sorted(args.acceptance.glob("[0-9]*.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        article = gold["article"]
        text = (args.seeds / article).read_text(encoding="utf-8")
        texts[article] = text
        mentions[article] = document_quantities(text)
        for claim in gold["claims"]:
            values = numeric_values(claim)
            if not values or claim.get("unit") == "date":
                continue
            total += 1
            spans = occurrences(text, claim["quote"])
            hit = any(
                q.span.start < end
                and start < q.span.end
                and any(close(v, mv) for v in values for mv in mention_values(q))
                for start, end in spans
                for q in mentions[article]
                if q.kind is not QuantityKind.date
            )
            covered += hit
            if not hit and args.verbose:
                print(f"MISS {article} {claim['id']}: {claim['quote']!r} {values}")
    print(f"numeric claims covered: {covered}/{total} = {covered / total:.1%}")
    readme = (args.acceptance / "README.md").read_text(encoding="utf-8")
    bad = []
    strings = non_claim_strings(readme)
    for needle in strings:
        for article, text in texts.items():
            for start, end in occurrences(text, needle):
                for q in mentions[article]:
                    if (
                        q.kind is QuantityKind.quantity
                        and q.unit not in (None, "dimensionless")
                        and q.span.start < end
                        and start < q.span.end
                    ):
                        bad.append(f"{article}: {needle!r} -> {q.surface!r} {q.unit}")
    print(f"non-claims that became quantities with a unit: {len(bad)} (of {len(strings)} listed)")
    for line in bad:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
