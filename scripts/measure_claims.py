#!/usr/bin/env python3
"""Measure claim extraction against an acceptance folder (issue: claims).

    python scripts/measure_claims.py ACCEPTANCE_DIR [--seeds seeds/] [-v]

- numeric-claim recall: a gold claim with a number is found when an extracted claim's span
  overlaps one occurrence of its quote and one of the claim's numbers matches;
- entity agreement: on found claims, the extracted entity equals the gold entity (gold names
  are resolved through factcheck's knowledge base);
- relation recall: an internal gold relation whose rule is ratio, percent_change, difference,
  direction, share_of, cagr or currency_conversion is found when a relation claim's span
  overlaps the quote of one of its claims and one of its operands overlaps another's.
"""

from __future__ import annotations

import argparse
import re
import sys
from decimal import Decimal
from pathlib import Path

import yaml

from factcheck.api import extract_claims, load_document
from factcheck.claims.entities import default_matcher
from factcheck.model.claim import Claim

RELATION_RULES = {
    "ratio",
    "percent_change",
    "difference",
    "direction",
    "share_of",
    "cagr",
    "currency_conversion",
}


def numbers(values: list[object]) -> list[Decimal]:
    out = []
    for v in values:
        if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
            out.append(abs(Decimal(str(v))))
    return out


def claim_numbers(claim: Claim) -> list[Decimal]:
    found = numbers([claim.value, claim.low, claim.high])
    if claim.unit == "dimensionless":
        found += [n * 100 for n in found]
    return found


def inside(values: list[Decimal], claim: Claim) -> bool:
    """A written range end lies in the interval a range claim stands for."""
    if claim.value is not None or claim.low is None or claim.high is None:
        return False
    low, high = sorted((abs(claim.low), abs(claim.high)))
    return any(low <= v <= high for v in values)


def close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= Decimal("0.006") * max(abs(a), abs(b), Decimal("0.01"))


def spans(text: str, quote: str) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(quote)) for m in re.finditer(re.escape(quote), text)]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def gold_entity(name: str) -> str | None:
    bare = re.sub(r"\s*\((company|workload)\)$", "", name)
    resolved = default_matcher().resolve(bare)
    return resolved[0] if resolved else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("acceptance", type=Path)
    parser.add_argument("--seeds", type=Path, default=Path("seeds"))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    total = found = agree = judged = 0
    rel_total = rel_found = 0
    for gold_path in sorted(args.acceptance.glob("[0-9]*.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        path = args.seeds / gold["article"]
        document = load_document(str(path), path.read_bytes())
        claims = extract_claims(document)
        by_id = {c.id: c for c in claims}
        text = document.text
        gold_spans = {g["id"]: spans(text, g["quote"]) for g in gold["claims"]}
        for g in gold["claims"]:
            values = numbers([g.get("value"), g.get("low"), g.get("high")])
            if not values or g.get("unit") == "date":
                continue
            total += 1
            hits = [
                c
                for c in claims
                if any(overlaps(c.span, s) for s in gold_spans[g["id"]])
                and (
                    any(close(v, n) for v in values for n in claim_numbers(c))
                    or (g.get("value") is None and inside(values, c))
                )
            ]
            if not hits:
                if args.verbose:
                    print(f"MISS  {gold['article'][:3]} {g['id']}: {g['quote']!r}")
                continue
            found += 1
            expected = gold_entity(g["entity"])
            if expected is None:
                continue
            judged += 1
            if any(c.entity == expected for c in hits):
                agree += 1
            elif args.verbose:
                print(
                    f"ENTITY {gold['article'][:3]} {g['id']}: {g['quote']!r} "
                    f"gold={expected} got={[c.entity for c in hits]}"
                )
        for r in gold.get("relations", []):
            if r["type"] != "internal" or r["rule"] not in RELATION_RULES:
                continue
            rel_total += 1
            members = [gold_spans[cid] for cid in r["claims"] if cid in gold_spans]
            hit = False
            for c in claims:
                if not c.kind.is_relation:
                    continue
                touched = [
                    i for i, ss in enumerate(members) if any(overlaps(c.span, s) for s in ss)
                ]
                if not touched:
                    continue
                operand_spans = [by_id[o.claim].span for o in c.operands if o.claim in by_id]
                others = [ss for i, ss in enumerate(members) if i not in touched] or members
                if any(overlaps(o, s) for o in operand_spans for ss in others for s in ss):
                    hit = True
                    break
            rel_found += hit
            if not hit and args.verbose:
                print(
                    f"REL   {gold['article'][:3]} {r['id']} ({r['rule']}): {r['computation'][:70]}"
                )
    print(f"numeric-claim recall: {found}/{total} = {found / total:.1%}")
    print(f"entity agreement on found claims: {agree}/{judged} = {agree / max(judged, 1):.1%}")
    print(
        f"internal relation recall: {rel_found}/{rel_total} = {rel_found / max(rel_total, 1):.1%}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
