#!/usr/bin/env python3
"""Measure `factcheck check` against an acceptance folder (issue: cross-source/reference).

    python scripts/measure_check.py ACCEPTANCE_DIR [--dataset claims/] [-v]

Runs the check over the curated dataset (every finding, consistent ones included) and
matches findings to the gold cross-source relations (cross_source.yaml) and reference
relations (type: reference in the per-seed files). A finding matches a relation when its
locations overlap the quotes of at least two of the relation's claims (one for reference
relations, which compare one article's claims with outside data). Reports, per kind:
problems found (gold contradiction/borderline matched by an error or warning), false alarms
(gold consistent/unverifiable matched only by problem findings that match no gold problem),
and problem findings matching no gold relation.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from factcheck.api import AuditOptions, check_corpus, load_corpus
from factcheck.model.finding import Finding


def spans_of(text: str, quote: str) -> list[tuple[int, int]]:
    spans, start = [], text.find(quote)
    while start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("acceptance", type=Path)
    parser.add_argument("--dataset", type=Path, default=Path("claims"))
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    corpus = load_corpus(args.dataset)
    result = check_corpus(corpus, AuditOptions(show_consistent=True))
    texts = result.texts
    quotes: dict[str, list[tuple[str, tuple[int, int]]]] = {}
    gold: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(args.acceptance.glob("0*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        seed = data["article"].removesuffix(".txt")
        for claim in data["claims"]:
            quotes[f"{seed}:{claim['id']}"] = [
                (seed, s) for s in spans_of(texts.get(seed, ""), claim["quote"])
            ]
        for relation in data["relations"]:
            if relation["type"] == "reference":
                relation = {**relation, "claims": [f"{seed}:{c}" for c in relation["claims"]]}
                gold.append((f"{seed[:3]} {relation['id']}", relation))
    cross = yaml.safe_load((args.acceptance / "cross_source.yaml").read_text(encoding="utf-8"))
    gold += [(r["id"], r) for r in cross["relations"]]

    def overlaps(finding: Finding, claim: str) -> bool:
        return any(
            loc.document == doc and loc.span[0] < end and start < loc.span[1]
            for loc in finding.locations
            for doc, (start, end) in quotes.get(claim, [])
        )

    findings = [f for f in result.report.findings if f.rule[:3] in ("FC2", "FC3")]
    stats: dict[str, list[int]] = {}
    matched: set[int] = set()
    true_positive: set[int] = set()
    alarms: list[tuple[str, list[int]]] = []
    for label, relation in gold:
        kind = relation["type"]
        needed = 1 if kind == "reference" else min(2, len(relation["claims"]))
        hits = [
            i
            for i, f in enumerate(findings)
            if sum(overlaps(f, c) for c in relation["claims"]) >= needed
        ]
        matched.update(hits)
        problem = [i for i in hits if findings[i].is_problem]
        row = stats.setdefault(kind, [0, 0, 0, 0])  # problems, found, consistent, false alarms
        if relation["verdict"] in ("contradiction", "borderline"):
            row[0] += 1
            row[1] += bool(problem)
            true_positive.update(problem)
            if args.verbose:
                print(("FOUND  " if problem else "MISSED ") + f"{kind} {label} {relation['rule']}")
        else:
            row[2] += 1
            if problem:
                alarms.append((f"{kind} {label}", problem))
    for label, problem in alarms:
        real = [i for i in problem if i not in true_positive]
        if real:
            stats[label.split()[0]][3] += 1
            print(f"FALSE ALARM {label}: {findings[real[0]].rule} {findings[real[0]].explanation}")
    for kind, (problems, found, consistent, false_alarms) in sorted(stats.items()):
        print(
            f"{kind}: {problems + consistent} relations; problems found {found}/{problems}; "
            f"false alarms {false_alarms}/{consistent}"
        )
    unmatched = [f for i, f in enumerate(findings) if f.is_problem and i not in matched]
    print(f"problem findings matching no gold relation: {len(unmatched)}")
    for f in unmatched:
        print(f"  {f.rule} {f.severity.value}: {f.explanation}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
