"""Every rule's annotated fixture article, run through the same harness as `factcheck test`."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.api import check_articles, load_document
from factcheck.reference.table import load_reference
from factcheck.rules.fixtures import Case, fixture_files, read_cases, run_case
from factcheck.rules.registry import CheckKind, Rule, default_pack

ROOT = Path(__file__).resolve().parents[2]
TABLE = load_reference(ROOT / "claims" / "reference")
CASES: list[tuple[Case, str | None]] = [
    (case, date)
    for path in fixture_files(ROOT / "rules")
    for case, date in ((c, read_cases(path)[1]) for c in read_cases(path)[0])
]


@pytest.mark.parametrize(
    ("case", "date"),
    CASES,
    ids=[f"{c.rule}-{c.expectation}-{c.path.name}:{c.line}" for c, _ in CASES],
)
def test_fixture(case: Case, date: str | None) -> None:
    pack = default_pack()
    outcome = run_case(case, date, lambda ds: check_articles(ds, pack, TABLE), load_document)
    assert outcome.passed, outcome.detail


def test_every_rule_has_a_fixture_and_docs() -> None:
    covered = {case.rule for case, _ in CASES if case.expectation in ("ruleid", "ok")}
    for rule in default_pack().rules:
        if rule.check is CheckKind.source_drift:
            continue  # about claims files, not articles: tests/dataset covers FC002/FC003
        assert rule.id in covered, f"{rule.id} has no ruleid/ok fixture"
        assert rule.docs.summary and rule.docs.bad and rule.docs.good


def test_an_ok_case_fails_when_the_rule_never_checks(tmp_path: Path) -> None:
    fixture = tmp_path / "f.md"
    fixture.write_text("<!-- ok: FC105 -->\n今天天气很好。\n", encoding="utf-8")
    (case,), date = read_cases(fixture)
    outcome = run_case(
        case, date, lambda ds: check_articles(ds, default_pack(), TABLE), load_document
    )
    assert not outcome.passed


INTERNAL_RULES = [r for r in default_pack().rules if r.id.startswith("FC1")]


@pytest.mark.parametrize("rule", INTERNAL_RULES, ids=[r.id for r in INTERNAL_RULES])
def test_each_internal_rule_documents_examples_that_hold(rule: Rule) -> None:
    """The `bad` example of a rule's docs is a problem for that rule; the `good` one is
    checked by it and holds (what `factcheck explain` shows is what the rule does)."""
    pack = default_pack()

    def verdicts(text: str) -> list[str]:
        document = load_document("example.txt", text.encode("utf-8"))
        return [
            f.verdict.value for f in check_articles([document], pack, TABLE) if f.rule == rule.id
        ]

    bad, good = verdicts(rule.docs.bad), verdicts(rule.docs.good)
    assert any(v in ("contradiction", "stretched") for v in bad), (rule.id, "bad", bad)
    assert good and all(v == "consistent" for v in good), (rule.id, "good", good)
