"""`factcheck rules`, `factcheck explain ID` and `factcheck test [FOLDER]`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from factcheck.api import check_articles, load_document
from factcheck.errors import ConfigError
from factcheck.reference.table import load_reference
from factcheck.rules.fixtures import fixture_files, read_cases, run_case
from factcheck.rules.registry import CheckKind, Rule, RulePack, default_pack, load_pack

RulesOption = Annotated[
    Path | None, typer.Option("--rules", help="A rule pack folder instead of the built-in one.")
]


def _pack(rules_dir: Path | None) -> RulePack:
    return load_pack(rules_dir.resolve()) if rules_dir else default_pack()


def list_rules(rules_dir: RulesOption = None) -> None:
    """List the rules: id, severity, status, name and title."""
    for rule in _pack(rules_dir).rules:
        print(f"{rule.id}  {rule.severity.value:<8} {rule.status:<12} {rule.name:<32} {rule.title}")


def explain(
    rule_id: Annotated[str, typer.Argument(help="A rule id, e.g. FC101.")],
    rules_dir: RulesOption = None,
) -> None:
    """Explain one rule: what it checks, why, and an example of each side."""
    rule = _pack(rules_dir).get(rule_id)
    if rule is None:
        raise ConfigError(f"no rule {rule_id!r}; see `factcheck rules`")
    print(describe(rule))


def describe(rule: Rule) -> str:
    lines = [
        f"{rule.id} {rule.name} — {rule.title}",
        f"severity: {rule.severity.value} (a stretch within the pack's slack is a warning); "
        f"status: {rule.status}; check: {rule.check.value}",
    ]
    if rule.formula:
        lines.append(f"formula: {rule.formula}")
    if rule.params:
        lines.append("params: " + ", ".join(f"{k}={v}" for k, v in sorted(rule.params.items())))
    lines += [
        "",
        rule.docs.summary,
        "",
        rule.docs.rationale,
        "",
        f"flagged:   {rule.docs.bad}",
        f"fine:      {rule.docs.good}",
    ]
    return "\n".join(lines)


def test(
    folder: Annotated[
        Path, typer.Argument(help="A rule pack folder (its fixtures/) or fixture files.")
    ] = Path("rules"),
    rules_dir: RulesOption = None,
    reference: Annotated[Path, typer.Option(help="Reference data for the FC3xx fixtures.")] = Path(
        "claims/reference"
    ),
) -> None:
    """Run the annotated fixture articles of the rules. Exit 1 when one fails."""
    table = load_reference(reference.resolve())
    pack = _pack(rules_dir or (folder if (folder / "pack.yaml").is_file() else None))
    known = {r.id for r in pack.rules}
    failed = passed = todo = 0
    untested = set(known)
    for path in fixture_files(folder):
        cases, date = read_cases(path)
        for case in cases:
            if case.rule not in known:
                raise ConfigError(f"unknown rule {case.rule}", path=str(path), line=case.line)
            untested.discard(case.rule)
            outcome = run_case(
                case, date, lambda ds: check_articles(ds, pack, table), load_document
            )
            where = f"{path.as_posix()}:{case.line}"
            if outcome.todo:
                todo += 1
                print(f"TODO  {case.rule} {where}: {outcome.detail}")
            elif outcome.passed:
                passed += 1
            else:
                failed += 1
                print(f"FAIL  {case.expectation}: {case.rule} {where}: {outcome.detail}")
    for rule_id in sorted(untested):
        rule = pack.get(rule_id)
        if rule is not None and rule.check is CheckKind.source_drift:
            continue  # about claims files, not articles: tested with a dataset, not a fixture
        print(f"NOTE  {rule_id} has no fixture")
    print(f"{passed} passed, {failed} failed, {todo} known gaps (todoruleid)")
    if failed:
        sys.stdout.flush()
        raise typer.Exit(1)
