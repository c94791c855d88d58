"""Every rule's annotated fixture article, run through the same harness as `factcheck test`."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.api import check_articles, load_document
from factcheck.reference.table import load_reference
from factcheck.rules.fixtures import Case, fixture_files, read_cases, run_case
from factcheck.rules.registry import CheckKind, default_pack

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
