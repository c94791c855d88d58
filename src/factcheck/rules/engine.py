"""Runs the rules of a pack over claims and returns their findings, in a stable order."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager

from factcheck.model.claim import Claim
from factcheck.model.finding import Finding
from factcheck.reference.table import EMPTY, ReferenceTable
from factcheck.rules.checks.aggregate import check_aggregates
from factcheck.rules.checks.agreement import check_relation_agreement
from factcheck.rules.checks.arithmetic import check_listed_total, check_written_arithmetic
from factcheck.rules.checks.base import CheckContext, Locator
from factcheck.rules.checks.bounds import check_bounds
from factcheck.rules.checks.conversion import check_conversions
from factcheck.rules.checks.cross import check_cross_relations, check_cross_same_fact
from factcheck.rules.checks.damaged import check_damaged
from factcheck.rules.checks.derived import check_cross_derived
from factcheck.rules.checks.direction import check_directions
from factcheck.rules.checks.domain import check_formulas
from factcheck.rules.checks.mislabel import check_mislabelled
from factcheck.rules.checks.reference import check_reference_relations, check_reference_values
from factcheck.rules.checks.relations import check_relations
from factcheck.rules.checks.same_value import check_same_values
from factcheck.rules.checks.share_sum import check_share_sums
from factcheck.rules.checks.unit_total import check_unit_totals
from factcheck.rules.registry import CheckKind, Rule, RulePack

Check = Callable[[Rule, CheckContext], Iterator[Finding]]

INTERNAL_CHECKS: dict[CheckKind, Check] = {
    CheckKind.ratio: check_relations,
    CheckKind.percent_change: check_relations,
    CheckKind.difference: check_relations,
    CheckKind.share: check_relations,
    CheckKind.cagr: check_relations,
    CheckKind.direction: check_directions,
    CheckKind.conversion: check_conversions,
    CheckKind.same_value: check_same_values,
    CheckKind.formula: check_formulas,
    CheckKind.damaged_text: check_damaged,
    CheckKind.bounds: check_bounds,
    CheckKind.relation_agreement: check_relation_agreement,
    CheckKind.share_sum: check_share_sums,
    CheckKind.unit_total: check_unit_totals,
    CheckKind.written_arithmetic: check_written_arithmetic,
    CheckKind.listed_total: check_listed_total,
    CheckKind.aggregate_total: check_aggregates,
}
CORPUS_CHECKS: dict[CheckKind, Check] = {
    CheckKind.cross_same_fact: check_cross_same_fact,
    CheckKind.cross_relation: check_cross_relations,
    CheckKind.cross_derived: check_cross_derived,
    CheckKind.cross_mislabel: check_mislabelled,
    CheckKind.reference_value: check_reference_values,
    CheckKind.reference_relation: check_reference_relations,
}


def run_internal(
    pack: RulePack,
    rules: Sequence[Rule],
    claims: Sequence[Claim],
    locate: Locator,
    dates: Mapping[str, str | None],
    assumed_dates: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Findings of the internal rules over the claims of one document."""
    context = CheckContext(
        claims=claims,
        tolerances=pack.tolerances,
        locate=locate,
        pack_directory=pack.directory,
        dates=dates,
        assumed_dates=assumed_dates,
    )
    return _run(INTERNAL_CHECKS, rules, context)


def run_corpus(
    pack: RulePack,
    rules: Sequence[Rule],
    claims: Sequence[Claim],
    locate: Locator,
    *,
    reference: ReferenceTable = EMPTY,
    focus: frozenset[str] | None = None,
    consistent: bool = True,
) -> list[Finding]:
    """Findings of the cross-source and reference rules over the claims of many documents;
    with `focus`, only those touching the focused documents."""
    context = CheckContext(
        claims=claims,
        tolerances=pack.tolerances,
        locate=locate,
        pack_directory=pack.directory,
        reference=reference,
        focus=focus,
        report_consistent=consistent,
    )
    with _cycle_collection_paused():
        return _run(CORPUS_CHECKS, rules, context)


@contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Grouping a million claims allocates lists by the thousand, and each automatic full
    collection walks every claim again (a quarter of the run's time); the checks create no
    reference cycles worth collecting meanwhile."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _run(
    checks: dict[CheckKind, Check], rules: Sequence[Rule], context: CheckContext
) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        check = checks.get(rule.check)
        if check is not None:
            findings.extend(check(rule, context))
    return deduplicated(findings)


def deduplicated(findings: list[Finding]) -> list[Finding]:
    seen: set[str] = set()
    unique = []
    for f in findings:
        if f.fingerprint not in seen:
            seen.add(f.fingerprint)
            unique.append(f)
    return unique


def finding_order(f: Finding) -> tuple[str, int, str, str]:
    first = f.locations[0] if f.locations else None
    return (first.document if first else "", first.span[0] if first else 0, f.rule, f.fingerprint)
