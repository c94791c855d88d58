#!/usr/bin/env python3
"""Measure the internal checks against an acceptance folder (issue: rule engine).

    python scripts/measure_audit.py ACCEPTANCE_DIR [--seeds seeds/] [-v]

A finding matches a gold relation when its locations overlap the quotes of at least two of
the relation's claims (one, for a one-claim relation). Reported:
- problem recall: gold internal relations judged contradiction or borderline that a
  problem finding (error or warning) matches;
- false alarms: gold relations judged consistent (or unverifiable) that a problem finding
  matches, and problem findings that match no gold relation at all (listed for review);
- coverage: gold consistent relations that a consistent finding matches.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from factcheck.api import check_document, load_document
from factcheck.model.finding import Finding
from factcheck.rules.registry import default_pack


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(quote)
    while start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def overlapped(finding: Finding, spans: list[tuple[int, int]]) -> bool:
    return any(
        loc.span[0] < end and start < loc.span[1]
        for loc in finding.locations
        for start, end in spans
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("acceptance", type=Path)
    parser.add_argument("--seeds", type=Path, default=Path("seeds"))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    pack = default_pack()
    problems = found = consistent_total = covered = false_alarms = 0
    total = 0
    unmatched: list[str] = []
    for gold_path in sorted(args.acceptance.glob("0*.yaml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        seed = args.seeds / gold["article"]
        document = load_document(seed.as_posix(), seed.read_bytes())
        _, findings = check_document(document, pack)
        quotes = {c["id"]: occurrences(document.text, c["quote"]) for c in gold["claims"]}
        matched_findings: set[int] = set()
        true_positives: set[int] = set()
        alarms: list[tuple[str, list[tuple[int, Finding]]]] = []
        for relation in gold["relations"]:
            if relation["type"] != "internal":
                continue
            total += 1
            claim_spans = [quotes.get(c, []) for c in relation["claims"]]
            needed = min(2, len(claim_spans))
            hits = [
                (i, f)
                for i, f in enumerate(findings)
                if sum(overlapped(f, spans) for spans in claim_spans) >= needed
            ]
            matched_findings.update(i for i, _ in hits)
            flagged = [f for _, f in hits if f.is_problem]
            rule, verdict = relation["rule"], relation["verdict"]
            label = f"{gold['article'][:3]} {relation['id']} ({rule}, {verdict})"
            if relation["verdict"] in ("contradiction", "borderline"):
                problems += 1
                found += bool(flagged)
                true_positives.update(i for i, f in hits if f.is_problem)
                if args.verbose:
                    print(("FOUND " if flagged else "MISSED ") + label)
            else:
                consistent_total += 1
                covered += any(f.verdict.value == "consistent" for _, f in hits)
                if flagged:
                    alarms.append((label, [(i, f) for i, f in hits if f.is_problem]))
        # A finding that matches a gold problem is not a false alarm on a relation that
        # merely shares one of its quotes.
        for label, flagged_hits in alarms:
            real = [f for i, f in flagged_hits if i not in true_positives]
            if real:
                false_alarms += 1
                print(f"FALSE ALARM {label}: {real[0].rule} {real[0].explanation}")
        for i, f in enumerate(findings):
            if f.is_problem and i not in matched_findings:
                unmatched.append(
                    f"{gold['article'][:3]} {f.rule} {f.severity.value}: {f.explanation}"
                )
    print(f"internal relations in the gold set: {total}")
    print(f"problem recall: {found}/{problems} = {found / max(problems, 1):.1%}")
    print(f"false alarms on consistent/unverifiable relations: {false_alarms}/{consistent_total}")
    print(
        "coverage (consistent relations checked and found consistent): "
        f"{covered}/{consistent_total}"
    )
    print(f"problem findings matching no gold relation: {len(unmatched)}")
    for line in unmatched:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
